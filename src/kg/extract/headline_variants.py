"""A headline's short name for a proposal joins the fuller name the body gives it.

A headline compresses: "Beijing rejects WTO ruling on steel tariffs" is told in the lead as
"China rejected a World Trade Organization panel ruling that found its steel subsidies broke
trade rules". The two names share few words and no type head, so the variant merge of
`kg.extract.variants` keeps them apart and the same actor's stance is counted twice.

A proposal named only in the headline joins a proposal of the body when an actor who takes a
side on it in the headline takes the same side on that body proposal (itself, or a body it is
part of: "EU clears X", "the European Commission approved X"), and the two names share two
words, or one that is neither a name nor a kind of proposal, and name no two different places
or bodies. Words are compared after folding plurals, the groups of interchangeable words in the
lexicon's [same_words] ("delay" ~ "postpone", "talks" ~ "negotiations"), and names of states
and organisations in the gazetteer ("WTO" ~ "World Trade Organization", "Nicaraguan" ~
"Nicaragua"). Of several body proposals the one sharing most words wins; a tie merges nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from kg.extract.lexicon import Lexicon
from kg.extract.variants import with_variants
from kg.gazetteer import default_gazetteer
from kg.model import Proposal, Statement
from kg.plurals import singular

_FUNCTION_WORDS = frozenset("""
    the a an of on for in to with and by at from over between against its their his her our this that
    new own any all
""".split())


def merge_headline_variants(statements: list[Statement], headline_starts: Collection[int],
                            lexicon: Lexicon) -> list[Statement]:
    """STATEMENTS of one article, each proposal named only in the headline (evidence starting at
    one of HEADLINE_STARTS) replaced by the body proposal it is a short name for."""
    in_headline = {s.proposal.key for s in statements if s.evidence.start in headline_starts}
    in_body = {s.proposal.key for s in statements if s.evidence.start not in headline_starts}
    only_headline = in_headline - in_body
    if not only_headline or not in_body:
        return statements
    words: dict[str, frozenset[str]] = {}

    def words_of(proposal: Proposal) -> frozenset[str]:
        if proposal.key not in words:
            words[proposal.key] = proposal_words(proposal, lexicon)
        return words[proposal.key]

    body = [s for s in statements if s.evidence.start not in headline_starts]
    by_key = {s.proposal.key: s.proposal for s in statements}
    merged: dict[str, Proposal] = {}
    for key in sorted(only_headline):
        sides = {(k, s.stance) for s in statements if s.proposal.key == key for k in _keys(s)}
        short = by_key[key]
        candidates = {s.proposal.key: s.proposal for s in body if any((k, s.stance) in sides for k in _keys(s))}
        scored = sorted(((len(words_of(short) & words_of(p)), k) for k, p in candidates.items()
                         if _shares_enough(words_of(short), words_of(p), lexicon)), reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):  # (a tie says nothing)
            merged[key] = candidates[scored[0][1]]
    if not merged:
        return statements
    shorts: dict[str, list[Proposal]] = {}
    for key, host in merged.items():
        shorts.setdefault(host.key, []).append(by_key[key])
    hosts = {key: with_variants(by_key[key], found) for key, found in shorts.items()}
    result = []
    for statement in statements:
        key = statement.proposal.key
        host_key = merged[key].key if key in merged else key
        result.append(replace(statement, proposal=hosts[host_key]) if host_key in hosts else statement)
    return result


def _shares_enough(short: frozenset[str], full: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether two names share enough to be one proposal: two words, or one that is neither a
    state's or organisation's name nor a kind of proposal ("EU migration pact" and "EU ban on oil"
    share only the EU; "new tax on mobile money" and "new tax on fuel" only "tax"); and no two
    different places or bodies ("Mercosur trade deal", "trade deal with Canada")."""
    shared = short & full
    named_short = {w for w in short if w.startswith("@")}
    named_full = {w for w in full if w.startswith("@")}
    if named_short and named_full and not named_short & named_full:
        return False
    if len(shared) >= 2:
        return True
    return any(not w.startswith("@") and w not in lexicon.type_words for w in shared)  # ("tax", "trade")


def _keys(statement: Statement) -> tuple[str, ...]:
    """The actor's key and its affiliation's: "EU clears X" is told as "the European Commission approved X"."""
    actor = statement.actor
    if actor.kind == "person":
        return (actor.key,)
    entry = default_gazetteer().get_entry(actor.key)
    parent = actor.affiliation.key if actor.affiliation is not None else entry.affiliation if entry is not None else None
    return (actor.key, parent) if parent else (actor.key,)


def proposal_words(proposal: Proposal, lexicon: Lexicon) -> frozenset[str]:
    """The words of PROPOSAL's names (its label and aliases), each folded to the form the merge
    compares: a gazetteer entry's key for a state or organisation ("@wto"), a group's first word
    for an interchangeable word, a singular otherwise."""
    found: set[str] = set()
    for name in (proposal.label, *proposal.aliases):
        found |= _name_words(name, lexicon)
    return frozenset(found)


def _name_words(name: str, lexicon: Lexicon) -> set[str]:
    gazetteer = default_gazetteer()
    tokens = re.findall(r"[\w.'-]+", name)
    tokens = [t.strip(".'-") for t in tokens if t.strip(".'-")]
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        if tokens[i][:1].isupper():
            run_end = i
            while run_end < len(tokens) and tokens[run_end][:1].isupper():
                run_end += 1
            entry, length = _longest_entry(tokens[i:run_end], gazetteer)
            if entry is not None:
                found.add("@" + entry.key)
                i += length
                continue
        word = tokens[i].lower()
        i += 1
        if word in _FUNCTION_WORDS or word in lexicon.anaphora or not re.search(r"[a-z]", word):
            continue
        found.add(lexicon.same_words.get(word) or lexicon.same_words.get(singular(word)) or singular(word))
    return found


def _longest_entry(run: list[str], gazetteer):
    """The gazetteer entry named by the longest opening part of RUN, capitalised words, and its
    length; a single word may be a demonym ("Nicaraguan")."""
    for length in range(len(run), 0, -1):
        text = " ".join(run[:length])
        entry = gazetteer.lookup_name(text)
        if entry is None and length == 1:
            entry = gazetteer.lookup_demonym(text)
        if entry is not None:
            return entry, length
    return None, 0
