"""One proposal per thing proposed within an article: merge the variants of one name.

An article names the same truce "the US-Saudi truce plan" in its headline, "a 90-day
humanitarian truce" in its lead and "the ceasefire" later on. Extracted phrase by phrase,
these are three proposals and every actor's stance is counted three times. Two proposals of
the same known type (a concept of ontology/proposal-types.ttl, not the catch-all Policy)
are variants of one name when the distinctive words of one are a subset of the other's; the
distinctive words are the label's words less those that only say what kind of thing it is
(the type's head nouns: "truce", "ceasefire"; the generic ones: "plan", "proposal"; the
descriptive ones of lexicons/descriptive.txt: "humanitarian", "draft").
"Pension bill" and "housing bill" stay apart; "the bill" joins whichever one bill an article
names, and stays apart when it names two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.lexicon import Lexicon
from kg.plurals import singular
from kg.model import Proposal, Statement

_FUNCTION_WORDS = frozenset("the a an of on for in to with and by at from over between against".split())


def _label_words(proposal: Proposal) -> list[str]:
    return re.findall(r"[\w']+", proposal.label.lower())


def distinctive_words(proposal: Proposal, lexicon: Lexicon) -> frozenset[str]:
    """The label's words that tell this proposal from others of its type."""
    heads = lexicon.type_heads.get(proposal.proposal_type, frozenset())
    words = _label_words(proposal)
    return frozenset(w for w in words if w not in _FUNCTION_WORDS and w not in heads and singular(w) not in heads
                     and w not in lexicon.anaphora and w not in lexicon.qualifiers and w not in lexicon.descriptive)


def change_noun(proposal: Proposal, lexicon: Lexicon) -> str | None:
    """The noun of a change PROPOSAL makes to another thing ("delay" in "a delay to the
    deforestation rules", "rise" in "a rise in the minimum wage"), if it is one: such a proposal
    is not a fuller name of that thing."""
    words = _label_words(proposal)
    return next((w for w, following in zip(words, words[1:])
                 if w in lexicon.word_sets["change_nouns"] and following in _FUNCTION_WORDS), None)


def _may_host(change: str | None, proposal: Proposal) -> bool:
    """A host that is a CHANGE ("rise") takes only names of the same change ("the rise", not "the
    minimum wage")."""
    return change is None or change in _label_words(proposal)


def merge_variants(statements: list[Statement], lexicon: Lexicon) -> list[Statement]:
    """STATEMENTS of one article, each proposal replaced by the one its variants merge into."""
    counts: dict[str, int] = {}
    proposals: dict[str, Proposal] = {}
    for statement in statements:
        key = statement.proposal.key
        counts[key] = counts.get(key, 0) + 1
        proposals.setdefault(key, statement.proposal)
    merged = _merged_keys(list(proposals.values()), counts, lexicon)
    if not merged:
        return statements
    return [replace(s, proposal=merged[s.proposal.key]) if s.proposal.key in merged else s for s in statements]


def _merged_keys(proposals: list[Proposal], counts: dict[str, int], lexicon: Lexicon) -> dict[str, Proposal]:
    """Proposal key -> the merged proposal, for every proposal that has variants."""
    by_type: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.proposal_type not in ("Policy", "Candidacy"):
            by_type.setdefault(proposal.proposal_type, []).append(proposal)
    result: dict[str, Proposal] = {}
    canonical = {label for _concept, label in lexicon.synonyms.values()}
    for members in by_type.values():
        if len(members) < 2:
            continue
        words = {p.key: distinctive_words(p, lexicon) for p in members}
        changes = {p.key: change_noun(p, lexicon) for p in members}
        # the most specific first: each later one joins the one group whose words include its own
        groups: list[list[Proposal]] = []
        for proposal in sorted(members, key=lambda p: (-len(words[p.key]), p.key)):
            hosts = [g for g in groups if words[proposal.key] <= words[g[0].key] and _may_host(changes[g[0].key], proposal)
                     and (words[proposal.key] or (_same_kind(proposal, g[0], canonical, lexicon)
                                                  and not g[0].course))]
            # ("the dam": not "postpone the dam"; "the rules": not "a delay to the rules")
            if len(hosts) == 1:
                hosts[0].append(proposal)
            elif not hosts:
                groups.append([proposal])
            # several hosts: "the bill" in an article with two bills is left as it is
        for group in groups:
            if len(group) > 1:
                chosen = _representative(group, counts, words, lexicon)
                for proposal in group:
                    result[proposal.key] = chosen
    _merge_bare_agreements(proposals, result, counts, lexicon)
    _merge_bare_takeover_words(proposals, result, lexicon)
    return result


def _merge_bare_takeover_words(proposals: list[Proposal], result: dict[str, Proposal], lexicon: Lexicon) -> None:
    """"The bid" or "the offer" joins the one takeover an article names ("Karoo rebuffs bid" in
    the headline, "a takeover offer from Harland" below)."""
    takeovers = {result.get(p.key, p).key: result.get(p.key, p) for p in proposals if p.proposal_type == "Takeover"}
    if len(takeovers) != 1:
        return
    host = next(iter(takeovers.values()))
    words = lexicon.word_sets["takeover_heads"]
    bare = [p for p in proposals if p.proposal_type in ("Policy", "Candidacy") and p.label.lower() in words
            and p.key not in result]  # (a bare "bid" is typed a candidacy: "her bid")
    if not bare:
        return
    merged = replace(host, aliases=host.aliases | {p.label for p in bare})
    for key in [k for k, p in result.items() if p.key == host.key] + [host.key] + [p.key for p in bare]:
        result[key] = merged  # one proposal, with every name, wherever the takeover stands


def _merge_bare_agreements(proposals: list[Proposal], result: dict[str, Proposal], counts: dict[str, int],
                           lexicon: Lexicon) -> None:
    """"The pact" (typed a treaty) joins "the economic partnership agreement" (typed a trade deal):
    a bare agreement word has no type of its own. Only when the article names one agreement with
    distinctive words, or none (then the one most statements use is the agreement)."""
    agreements = lexicon.word_sets["agreement_heads"]

    def is_agreement(p: Proposal) -> bool:
        return p.proposal_type not in ("Policy", "Candidacy") and bool(set(p.label.lower().split()) & agreements)

    current = {result.get(p.key, p).key: result.get(p.key, p) for p in proposals if is_agreement(p)}
    named = [p for p in current.values() if distinctive_words(p, lexicon)]
    if len(named) > 1 or len(current) < 2:
        return
    host = named[0] if named else max(current.values(), key=lambda p: (counts.get(p.key, 0), len(p.label), p.key))
    for proposal in proposals:
        merged = result.get(proposal.key, proposal)
        if merged.key != host.key and is_agreement(merged) and not distinctive_words(merged, lexicon):
            result[proposal.key] = host


def _same_kind(bare: Proposal, host: Proposal, canonical: set[str], lexicon: Lexicon) -> bool:
    """Whether BARE, a label with no distinctive word, names the same kind of thing as HOST: it
    shares a word with it ("the bill", "the pension bill"), is a takeover or a law named by a word
    of the host's [same_words] group ("the merger" for "Nordair's takeover of Baltic Wings", "the
    law" for "the land bill"; not "a moratorium" for "a ban on fracking"), is its type's own label ("ceasefire"
    for "a humanitarian truce"), or both are agreements ("the trade pact", "the partnership
    agreement"); "the provision" is not "the pension bill"."""
    agreements = lexicon.word_sets["agreement_heads"]
    bare_words, host_words = bare.label.lower().split(), host.label.lower().split()
    same = lexicon.same_words
    return bare.label in canonical or bool(set(bare_words) & set(host_words)) \
        or (bare_words[-1] in agreements and host_words[-1] in agreements) \
        or (bare.proposal_type in ("Takeover", "Legislation") and bare_words[-1] in same
            and any(same.get(w) == same[bare_words[-1]] for w in host_words))


def _representative(group: list[Proposal], counts: dict[str, int], words: dict, lexicon: Lexicon) -> Proposal:
    """The variant most statements use, then one that names the thing (a type's own label such as
    "ceasefire", or any distinctive word) in the fewest characters; it carries every variant's names."""
    canonical = {label for _concept, label in lexicon.synonyms.values()}
    best = max(group, key=lambda p: (counts.get(p.key, 0), bool(words[p.key]) or p.label in canonical,
                                     -len(p.label), p.key))
    return with_variants(best, group)


def with_variants(host: Proposal, variants: list[Proposal]) -> Proposal:
    """HOST carrying every name of VARIANTS as an alias, their qualifiers after its own, and the
    first proposer named if it has none."""
    aliases = set(host.aliases)
    qualifiers = list(host.qualifiers)
    proposer = host.proposer
    for proposal in variants:
        aliases |= proposal.aliases | {proposal.label}
        qualifiers += [q for q in proposal.qualifiers if q not in qualifiers]
        proposer = proposer or proposal.proposer
    aliases.discard(host.label)
    return replace(host, aliases=frozenset(aliases), qualifiers=tuple(qualifiers), proposer=proposer)
