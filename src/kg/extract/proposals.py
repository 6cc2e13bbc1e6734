"""Turn the words that name what is proposed into a normalised Proposal.

"an immediate and unconditional ceasefire" -> label "ceasefire", type Ceasefire,
qualifiers (immediate, unconditional). "Guterres's call for a ceasefire" -> the
ceasefire, proposed by Guterres. "this call" -> the proposal mentioned before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon
from kg.iris import slugify
from kg.model import Actor, Proposal

# dependents that do not belong to the name of the thing proposed
_DROP_DEPS = {"det", "poss", "case", "punct", "relcl", "appos", "cc", "predet", "advmod", "neg", "mark", "aux",
              "auxpass", "nsubj", "nsubjpass", "advcl", "parataxis", "dep", "acl", "preconj", "quantmod"}
# prepositions whose phrase is part of what is proposed ("cessation of hostilities", "talks with Iran")
_LABEL_FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "to", "for", "and", "with", "by"}
# where something is said, not what changes: "defended the increase in a radio interview"
_SAID_IN = {"interview", "statement", "speech", "letter", "meeting", "session", "debate", "address", "post", "tweet",
            "report", "column", "op-ed", "broadcast", "briefing", "conference", "parliament", "court", "vote"}
# what "for" says of a verb rather than of the proposal before it
_ADVERBIAL_FOR = {"time", "sake", "now", "once", "year", "month", "week", "day", "decade", "reason", "purpose", "while"}
_KEEP_PREPS = {"of", "on", "between", "with", "for", "against", "to", "from", "into", "over", "at", "along", "across", "without"}
_DROP_PREPS_AFTER_HEAD = {"amid", "during", "after", "before", "since", "despite", "because", "as", "by",
                          "within", "throughout", "until", "like", "including", "via", "under"}
_CLAUSE_DEPS = {"dobj", "prt", "prep", "pobj", "compound", "amod", "nummod", "attr", "acomp", "xcomp",
                "ccomp", "oprd", "dative", "nmod", "poss", "case", "det", "conj", "cc", "neg", "nsubj", "nsubjpass"}
_MAX_WORDS = 14
_HEDGES = frozenset({"at", "least", "most", "only", "even"})  # may stand between a verb and its object
# quotation marks a label may span ("''value-added tax'' systems": the tokenizer's doubled apostrophes too)
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "''", "``"})
_STOP_HEADS = {"everything", "something", "anything", "nothing", "all", "this", "that", "it", "which", "what",
               "one", "those", "these", "them", "him", "her", "they", "he", "she", "we", "you", "us", "i",
               "way", "time", "thing", "things", "lot", "part", "people", "issue", "issues", "matter", "need",
               "role", "view", "views", "position", "stance", "side", "sides", "statement", "comment", "remarks",
               "step", "steps", "fact", "situation", "country", "government", "process", "year", "years",
               "day", "days", "week", "weeks", "month", "months", "hand", "behalf", "record", "wake", "light",
               "candidate", "candidates", "nominee", "dollars", "money", "terms", "anyone", "everyone", "someone"}


@dataclass
class ProposalMemory:
    """The proposals mentioned so far in one article, for "this call", "the plan", "it"."""

    seen: list[tuple[Proposal, int]] = field(default_factory=list)  # (proposal, sentence index)
    reach: int = 3  # "the plan" refers to a proposal at most this many sentences back

    named: dict = field(default_factory=dict)  # head lemma -> proposal introduced by a fuller noun phrase

    ended: set = field(default_factory=set)  # keys of proposals last named as something to end ("scrap the subsidy")

    mentions: dict = field(default_factory=dict)  # proposal key -> times remembered

    enacted: list = field(default_factory=list)  # (proposal, reversed): what bodies decided, in order

    passing: list[tuple[Proposal, int]] = field(default_factory=list)  # named in passing, no position taken

    taken: dict = field(default_factory=dict)  # actor key -> (stance, proposal, confidence) of its sides, latest last

    def remember(self, proposal: Proposal, sentence: int = 0, ended: bool = False) -> None:
        """PROPOSAL named in SENTENCE as what a position is taken on."""
        self.seen.append((proposal, sentence))
        self.mentions[proposal.key] = self.mentions.get(proposal.key, 0) + 1
        if ended:
            self.ended.add(proposal.key)
        else:
            self.ended.discard(proposal.key)

    def taken_up(self, key: str) -> bool:
        """Whether a proposal of KEY was already named as what someone took a side on."""
        return key in self.mentions

    def mention_in_passing(self, proposal: Proposal, sentence: int) -> None:
        """PROPOSAL named in full where no position is taken on it ("Italy holds a referendum on
        X next week"): "the bill" or "a Yes vote" may mean it later, but "the move" or "the
        decision" may not (an old law named in passing is seldom the act being judged)."""
        self.passing.append((proposal, sentence))

    def named_in(self, sentence: int) -> list[Proposal]:
        """Every proposal named in SENTENCE, in passing or not."""
        return [p for p, at in self.passing + self.seen if at == sentence]

    def _all(self) -> list[tuple[Proposal, int]]:
        return sorted(self.passing + self.seen, key=lambda pair: pair[1])

    def is_ended(self, proposal: Proposal) -> bool:
        """Whether PROPOSAL was last named as something to end: "the decision" or "the move"
        then means ending it ("will scrap its subsidy ... welcomed the decision")."""
        return proposal.key in self.ended

    def introduce(self, head_lemma: str, proposal: Proposal) -> None:
        """A proposal introduced by a fuller noun phrase ("an initiative to add a pension payment"),
        whatever the sentence says about it: a later "the initiative" means it."""
        self.named[head_lemma] = proposal

    def by_head(self, head_lemma: str) -> Proposal | None:
        return self.named.get(head_lemma)

    def fuller(self, head_lemma: str, same: tuple[str, ...] = ()) -> Proposal | None:
        """The latest proposal of a known type named more fully before with HEAD_LEMMA (or a word
        of SAME, "bill" for "the law") in its label: what a bare "the agreement" or "the bill"
        means after "the EU's trade agreement with Mercosur" or "the pension bill" (another word,
        "the provision", may be another thing)."""
        heads = {head_lemma, *same}
        return next((p for p, _at in reversed(self._all()) if p.proposal_type != "Policy"
                     and len(p.label.split()) > 1 and heads & set(p.label.lower().split())), None)

    def containing(self, word: str, sentence: int) -> Proposal | None:
        """The latest proposal of the last few sentences with WORD in its label: what "that remedy"
        means after "the offer to sell 400 stores as a remedy"."""
        return next((p for p, at in reversed(self._all()) if sentence - self.reach <= at <= sentence
                     and word in p.label.lower().split() and p.label.lower() != word), None)

    def covering(self, proposal: Proposal) -> Proposal | None:
        """The latest other proposal whose label has every content word of PROPOSAL's (two or
        more): what "the bread increase" means after "a 75% increase in the price of subsidised bread"."""
        words = {w for w in proposal.label.lower().split() if w not in _LABEL_FUNCTION_WORDS}
        if len(words) < 2:
            return None
        return next((p for p, _at in reversed(self._all()) if p.key != proposal.key
                     and words <= set(p.label.lower().split())), None)

    def course_named(self, noun: str, verbs: tuple[str, ...]) -> Proposal | None:
        """The latest proposal a bare NOUN ("the increase") names: one with NOUN in its label
        ("a 15 percent cut in the catch"), or a course of action done by one of VERBS ("raise the
        carbon tax", "raising the pension age")."""
        stems = tuple(verb[:-1] if verb.endswith("e") else verb for verb in verbs)
        for p, _at in reversed(self._all()):
            words = p.label.lower().split()
            if noun in words or (words and words[0].startswith(stems)):
                return p
        return None

    def take_side(self, actor_key: str, stance: str, proposal: Proposal, confidence: float) -> None:
        """The actor of ACTOR_KEY was said to take STANCE on PROPOSAL."""
        self.taken.setdefault(actor_key, []).append((stance, proposal, confidence))

    def last_side(self, actor_key: str) -> tuple[str, Proposal, float] | None:
        """The side the actor of ACTOR_KEY was last said to take: (stance, proposal, confidence)."""
        found = self.taken.get(actor_key)
        return found[-1] if found else None

    def backed_by(self, actor_key: str) -> Proposal | None:
        """What a later "the German proposal" or "Manila's push" means: the last proposal the
        actor was said to back."""
        return next((proposal for stance, proposal, _c in reversed(self.taken.get(actor_key, ()))
                     if stance == "supports" and proposal.proposal_type != "Candidacy"), None)

    def enact(self, proposal: Proposal, reversed_: bool = False) -> None:
        """PROPOSAL was approved, granted or passed (REVERSED_: vetoed, voted down): what a later
        "the decision" most likely means."""
        self.enacted.append((proposal, reversed_))

    def decide(self, proposal: Proposal, cue: str, stance: str | None, flip: bool, firm: bool, lexicon: Lexicon) -> None:
        """Record a body's decision on PROPOSAL if CUE decides ("approved", "voted down", "gave the
        green light to"), as the side it takes after FLIP ("voted down a bid to scrap the tax" is
        for the tax); only a FIRM one (not "would approve")."""
        sets = lexicon.word_sets
        if not firm or stance is None or not ((cue in sets["deciding"] and stance == "supports")
                                              or (cue in sets["deciding_against"] and stance == "rejects")):
            return
        final = ("rejects" if stance == "supports" else "supports") if flip else stance
        self.enact(proposal, reversed_=final == "rejects")

    def last_enacted(self) -> tuple[Proposal, bool] | None:
        return self.enacted[-1] if self.enacted else None

    def just_enacted(self, sentence: int) -> tuple[Proposal, bool] | None:
        """The last decision, if it was named in SENTENCE or the one before it: what a following
        "the ruling" or "said it would appeal" answers (not a decision with other news between)."""
        decided = self.last_enacted()
        if decided is None or not any(p.key == decided[0].key for back in range(2)
                                      for p in self.named_in(sentence - back)):
            return None
        return decided

    def last_distinct(self, n: int, sentence: int) -> list[Proposal]:
        """The N latest different proposals named in SENTENCE or the few before it."""
        found: list[Proposal] = []
        for p, at in reversed(self.seen):
            if sentence - at > self.reach + 2:
                break
            if all(p.key != q.key for q in found):
                found.append(p)
            if len(found) == n:
                break
        return found

    def last_among(self, concepts: set[str], sentence: int) -> Proposal | None:
        """The latest proposal of one of CONCEPTS named in SENTENCE or the few before it."""
        return next((p for p, at in reversed(self.seen) if p.proposal_type in concepts
                     and sentence - at <= self.reach), None)

    def last_of_type(self, concept: str) -> Proposal | None:
        """The latest proposal of type CONCEPT ("Referendum"), however far back."""
        return next((p for p, _at in reversed(self._all()) if p.proposal_type == concept), None)

    def last(self, sentence: int | None = None, salient: bool = True) -> Proposal | None:
        """The most recent proposal, preferring one of a known type ("the move" after "sanctions
        ... and called on China to stop supplying components" is the sanctions). Given the current
        SENTENCE, only proposals mentioned in it or the few sentences before count: further back,
        "the effort" or "the idea" is more often something else than a proposal remembered."""
        recent = [p for p, at in self.seen[-6:] if sentence is None or sentence - at <= self.reach]
        if not recent:
            # "Lawmakers debated the Finance Bill. X said he would vote against the measure.": one named
            # in passing just before, when no position was taken on any
            passing = [p for p, at in self.passing[-3:] if p.proposal_type != "Policy"
                       and (sentence is None or sentence - at <= self.reach)]
            return passing[-1] if passing else None
        if not salient:  # "the move", "the decision": the latest act, preferring one of a known type
            return next((p for p in reversed(recent) if p.proposal_type != "Policy"), recent[-1])
        # "the proposal", "the plan": the one the article has named most (its subject) before a
        # passing one, then one of a known type, then the latest
        return max(reversed(recent), key=lambda p: (self.mentions.get(p.key, 0), p.proposal_type != "Policy"))


def _names_people(head: Token, lexicon: Lexicon) -> bool:
    """Supporting voters, troops or a senator is not supporting a proposal."""
    from kg import gazetteer

    word = head.text.lower()
    return (head.lemma_.lower() in lexicon.people or word in lexicon.people
            or (head.pos_ == "NOUN" and gazetteer.is_role_word(word) and word not in lexicon.anaphora))


def proposal_type(words: list[str], lexicon: Lexicon, head: str | None = None) -> str:
    """The concept whose hidden label matches the words (head first, then longest phrase)."""
    lowered = [w.lower() for w in words]
    text = " " + " ".join(lowered) + " "
    best = None
    generic = head is not None and head.lower() in lexicon.anaphora  # "a truce plan", "the sanctions proposal"
    for phrase, concept in lexicon.proposal_types:
        needle = " " + " ".join(phrase) + " "
        if needle in text:
            if head and phrase[-1] == head.lower() and not (generic and concept == "Policy"):
                return concept
            if best is None or (best == "Policy" and concept != "Policy"):
                best = concept
    return best or "Policy"


_DURATION_UNITS = {"hour", "day", "week", "month", "year"}


def _duration(token: Token) -> str | None:
    """"90-day" or "six-month" when TOKEN is the unit of such a modifier (the tokenizer splits it
    into number, hyphen and unit), else None."""
    if token.dep_ not in ("nmod", "compound", "amod", "npadvmod") or token.lemma_.lower() not in _DURATION_UNITS:
        return None
    numbers = [c for c in token.children if c.dep_ in ("nummod", "compound", "amod")
               and c.like_num and c.i < token.i]
    if not numbers:
        return None
    return f"{numbers[0].text.lower()}-{token.lower_}"


def _content_tokens(head: Token, lexicon: Lexicon) -> tuple[list[Token], list[str]]:
    """Tokens naming the proposal at HEAD (a noun), and the qualifiers split off it."""
    keep: list[Token] = []
    qualifiers: list[str] = []

    def visit(token: Token, depth: int, in_clause: bool = False) -> None:
        keep.append(token)
        for child in token.children:
            if child.dep_ in ("conj", "cc", "det") and depth > 0:
                visit(child, depth, in_clause)  # "between Russia and Ukraine", "cessation of the fighting"
                continue
            if child.dep_ == "acl" and depth == 0 and child.tag_ in ("VBG", "VBN") and child.i > token.i \
                    and not (child.lemma_.lower() in lexicon.verbs and any(c.dep_ == "agent" for c in child.children)):
                # "any measure targeting energy imports", but not the cue of "the plan backed by X"
                visit(child, depth + 1)
                continue
            if depth == 0 and child.i > token.i and _purpose_clause(child):
                # "a bill to cap drug prices", "a law that would ban X": the clause says what it does
                keep.extend(t for t in child.children if t.i < child.i and (
                    t.dep_ in ("aux", "mark") or (t.dep_ == "nsubj" and t.lower_ in ("that", "which"))))
                visit(child, depth + 1, True)
                continue
            embedded_subject = in_clause and child.dep_ == "nsubj" and token.dep_ in ("ccomp", "xcomp") \
                and child.pos_ in ("NOUN", "PROPN")  # "that would allow Ukraine to rearm"
            if child.lower_ == "no" and child.i + 2 < len(child.doc) and child.doc[child.i + 1].text == "-":
                keep.extend((child, child.doc[child.i + 1]))  # "a no-fly zone", "a no-confidence motion"
                continue
            if (child.dep_ in _DROP_DEPS or child.dep_ in ("conj",)) and not embedded_subject:
                continue
            if child.dep_ == "amod" and child.i > token.i and child.lower_ in lexicon.adjectives:
                continue  # "called the plan unworkable": the verdict, not part of the name
            if child.dep_ in ("amod", "predet") and child.lower_ == "such":
                continue  # "any such ban": the one named before, not its name
            duration = _duration(child)
            if duration is not None and child.i < token.i and not in_clause and depth == 0:
                qualifiers.append(duration)  # "a 90-day truce", "a six-month moratorium": how long, not what
                continue
            if depth == 0 and child.i < token.i and child.ent_type_ == "MONEY" and not in_clause:
                continue  # "a $4.2 billion takeover offer": the sum, not what is offered
            if child.dep_ == "amod" and child.tag_ == "VBN" and child.i < token.i and any(
                    c.i + 2 == child.i and c.doc[c.i + 1].text == "-" for c in child.children):
                continue  # "the US-brokered truce": who brokered it, not what it is
            if depth == 0 and child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i > token.i \
                    and token.lemma_.lower() in lexicon.containers and any(
                        g.dep_ == "pobj" and g.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for g in child.children):
                continue  # "an offer from Harland Resources": who made it, not what it is
            if child.dep_ in ("amod", "nummod", "advmod") and child.i < token.i and not in_clause and (
                    child.lemma_.lower() in lexicon.qualifiers or child.text.lower() in lexicon.qualifiers
                    or re.match(r"^\d+-(day|week|month|year|hour)s?$", child.text.lower())):
                qualifiers.append(child.text.lower())
                # "immediate and unconditional": the conjoined qualifier too
                for conj in child.conjuncts:
                    if conj.lemma_.lower() in lexicon.qualifiers or conj.text.lower() in lexicon.qualifiers:
                        qualifiers.append(conj.text.lower())
                continue
            if child.dep_ == "prep":
                if child.i < token.i or child.lemma_.lower() in _DROP_PREPS_AFTER_HEAD or depth >= 2:
                    continue
                if child.lemma_.lower() not in _KEEP_PREPS and not (
                        child.lower_ == "in" and depth == 0 and token.lemma_.lower() in lexicon.nominal_courses
                        and not any(g.dep_ == "pobj" and (g.lemma_.lower() in _SAID_IN or any(
                            d.dep_ == "det" and d.lower_ in ("a", "an") for d in g.children)) for g in child.children)):
                    continue  # (but "a rise in the minimum wage", "a cut in fuel duty": what changes)
                if any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
                    continue
                if child.lower_ == "for" and any(g.dep_ == "pobj" and g.lemma_.lower() in _ADVERBIAL_FOR
                                                 for g in child.children):
                    continue  # "a ceasefire for the sake of the children", "a ban for now"
                if child.lower_ == "at" and any(g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE", "FAC", "LOC", "EVENT")
                                                for g in child.children):
                    continue  # "the rules at the World Trade Organization": where, not what
            if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod", "pobj"):
                continue
            visit(child, depth + (1 if child.dep_ == "prep" else 0), in_clause)

    visit(head, 0)
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.pos_ == "VERB":
        # "pressed for a longer phase-in for British cars": the second "for" hung on the verb
        again = prep_hung_after(head, head.head.head, ("for",))
        if again is not None and not any(t.ent_type_ in ("DATE", "TIME", "ORDINAL") or t.lemma_.lower() in _ADVERBIAL_FOR
                                         for t in again.subtree):
            visit(again, 1)  # (not "for the second time", "for the sake of X", "for now")
    hung_on = hung_question(head)
    if hung_on is not None:
        visit(hung_on, 1)  # "will hold a referendum on Oct. 12 on building a plant"
    if head.dep_ == "dobj" and head.lemma_.lower() in lexicon.word_sets["change_nouns"] \
            and head.head.lemma_.lower() not in lexicon.word_sets["giving_verbs"]:  # ("presented amendments to the cabinet")
        # "backed a faster switch to concrete blocks": the parser hung the "to" phrase on the verb
        hung = prep_hung_after(head, head.head, ("to", "in"))
        if hung is not None and not any(t.ent_type_ in ("DATE", "TIME") for t in hung.subtree):
            visit(hung, 1)
    keep.sort(key=lambda t: t.i)
    qualifier_words = set(qualifiers)
    # keep one window containing the head; a gap may only hold dropped qualifiers and determiners
    contiguous: list[Token] = []
    for token in keep:
        if contiguous and token.i != contiguous[-1].i + 1:
            gap = head.doc[contiguous[-1].i + 1:token.i]
            bridgeable = all(g.dep_ in ("det", "cc", "punct", "amod", "advmod", "nummod", "poss", "case") and
                             (g.dep_ != "amod" or g.text.lower() in qualifier_words) and
                             (g.dep_ != "punct" or g.text in _QUOTES | {"-", ","}) for g in gap)
            # "a bill last month that would end X": a time phrase the parser hung on the verb
            bridgeable = bridgeable or all(g.ent_type_ in ("DATE", "TIME") or (g.dep_ == "prep" and any(
                c.ent_type_ in ("DATE", "TIME") for c in g.children)) for g in gap)  # (or "on Oct. 12")
            # "a ceasefire that would allow Ukraine to rearm": the "to" of an infinitive inside
            to_gap = all(g.dep_ == "aux" and g.lower_ == "to" and g.head in keep for g in gap)
            if to_gap:
                contiguous.extend(gap)
            bridgeable = bridgeable or to_gap
            if not bridgeable:
                if token.i > head.i:
                    break
                contiguous = []
        contiguous.append(token)
    if head not in contiguous:
        contiguous = [head]
    contiguous = contiguous[:_MAX_WORDS]
    while contiguous and (contiguous[-1].is_punct or contiguous[-1].dep_ in ("prep", "cc", "case", "det")
                          or (contiguous[-1].dep_ == "acl" and contiguous[-1] != head)):
        contiguous.pop()  # "a tax modeled [after ...]": a participle whose complement was dropped
    while contiguous and (contiguous[0].is_punct or contiguous[0].dep_ in ("cc", "det")) \
            and not (contiguous[0].lower_ == "no" and len(contiguous) > 1 and contiguous[1].text == "-"):
        contiguous.pop(0)  # (but "a no-fly zone" keeps its "no")
    return contiguous, qualifiers


def _first_words(tokens: list[Token], limit: int) -> list[Token]:
    """TOKENS up to the LIMIT-th word; punctuation does not count."""
    words = 0
    for n, token in enumerate(tokens):
        words += not token.is_punct
        if words > limit:
            return tokens[:n]
    return tokens


def _detached_infinitive(noun: Token) -> Token | None:
    """A "to ..." clause that the parser hung on the verb though it follows NOUN directly."""
    if noun.dep_ != "dobj":
        return None
    end = noun.right_edge.i + 1
    for clause in noun.head.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.pos_ == "VERB" and clause.left_edge.i == end \
                and clause.left_edge.lower_ == "to":
            return clause
    return None


def _purpose_clause(clause: Token) -> bool:
    """An infinitive ("to cap prices") or a relative clause with "would"/"will" ("that would cap
    prices") on a noun: what the thing proposed would do."""
    if clause.dep_ not in ("acl", "relcl") or clause.pos_ != "VERB":
        return False
    start = clause.left_edge.i
    if clause.dep_ == "relcl" and start > 0 and clause.doc[start - 1].text in (",", "(", "—", "–"):
        return False  # "the deal, which would cut taxes, ...": a comment on the thing, not its name
    before = [t for t in clause.children if t.i < clause.i]
    if clause.tag_ == "VB" and any(t.dep_ == "aux" and t.lower_ == "to" for t in before):
        return not any(t.dep_ in ("nsubj", "dobj") for t in before)  # not "the bill to which ..."
    return (any(t.dep_ == "nsubj" and t.lower_ in ("that", "which") for t in before)
            and any(t.dep_ == "aux" and t.lower_ in ("would", "will") for t in before))


def _label(tokens: list[Token]) -> str:
    while tokens and tokens[-1].lower_ in ("that", "which", "who", "whom", "whose") and tokens[-1].dep_ != "pobj":
        tokens = tokens[:-1]  # "an agreement with X that ..." cut before its relative clause
    parts = []
    for n, token in enumerate(tokens):
        text = token.text
        capitalised_mid_sentence = text[:1].isupper() and not token.is_sent_start
        if not (token.ent_type_ or token.pos_ == "PROPN" or text.isupper() or capitalised_mid_sentence):
            text = text.lower()
        following = tokens[n + 1] if n + 1 < len(tokens) else None
        space = token.whitespace_ if following is not None and following.i == token.i + 1 else " "
        parts.append(text + space)
    label = "".join(parts).strip()
    label = re.sub(r"\s+([,.;:!?%])", r"\1", label)
    label = re.sub(r"\s*-\s*", "-", label) if re.search(r"\w\s-\s\w", label) is None else label
    label = label.strip(" ,;:\"“”'‘’")
    return label


def _make(label: str, lexicon: Lexicon, head_lemma: str | None, qualifiers, proposer: Actor | None,
          surface: str, lemmas: list[str] | None = None) -> Proposal | None:
    if not label or len(label) < 3:
        return None
    concept = proposal_type(label.replace("-", " - ").split(), lexicon, head_lemma)
    if concept == "Policy" and lemmas:
        concept = proposal_type(lemmas, lexicon, head_lemma)
    aliases = {surface} if surface and surface != label else set()
    synonym = lexicon.synonyms.get(label.lower())
    if synonym is not None:  # "a truce", "the cessation of hostilities" -> the concept's own label
        concept, canonical = synonym
        aliases.add(label)
        label = canonical
    aliases = frozenset(aliases)
    return Proposal(key=slugify(label), label=label, proposal_type=concept,
                    qualifiers=tuple(dict.fromkeys(qualifiers)), proposer=proposer, aliases=aliases)


def noun_proposal(head: Token, lexicon: Lexicon, proposer: Actor | None = None) -> Proposal | None:
    """A proposal named by a noun phrase headed by HEAD."""
    if _names_people(head, lexicon) or head.lemma_.lower() in lexicon.not_proposals \
            or head.text.lower() in lexicon.not_proposals:
        return None
    if head.lemma_.lower() in _STOP_HEADS or head.text.lower() in _STOP_HEADS or head.pos_ in ("PRON", "NUM") or head.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"):
        return None
    if any(c.dep_ in ("compound", "nmod", "appos") and c.i < head.i and c.lemma_.lower() in lexicon.word_nouns
           for c in head.children):
        return None  # "rejected the term containment" is about a word
    tokens, qualifiers = _content_tokens(head, lexicon)
    if not tokens:
        return None
    if head.lower_ in lexicon.vague_heads and all(t.i <= head.i for t in tokens):
        clause = _detached_infinitive(head)
        if clause is None:
            return None  # "pushed for immediate action": nothing says action on what
        # "defended his actions to tighten checks", the parser hanging "to tighten" on the verb
        tokens = (tokens + sorted(clause.subtree, key=lambda t: t.i))[:_MAX_WORDS]
    surface = head.doc[min(t.i for t in head.subtree):max(t.i for t in head.subtree) + 1].text
    made = _make(_label(tokens), lexicon, head.lemma_.lower(), qualifiers, proposer, surface,
                 [t.lemma_.lower() for t in tokens])
    if made is not None and bids_for_a_company(head, lexicon):
        made = replace(made, proposal_type="Takeover")  # "a French bid for the bank", "X's offer for Y"
    return made


def bids_for_a_company(head: Token, lexicon: Lexicon) -> bool:
    """Whether HEAD is a bid or offer for a company: "a bid for the bank", "an offer for Ojekita"."""
    if head.lemma_.lower() not in lexicon.word_sets["bid_nouns"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and (g.ent_type_ == "ORG" or g.lemma_.lower() in lexicon.word_sets["company_nouns"])
        for g in c.children) for c in head.children)


# verbs whose complement clause has its own subject, part of the course proposed
_CAUSATIVES = frozenset({"let", "allow", "permit", "enable", "force", "require", "oblige", "compel", "make", "help"})


def clause_proposal(verb: Token, lexicon: Lexicon, include_subject: bool = True) -> Proposal | None:
    """A proposal that is a course of action: "to cede territory", "raising the minimum wage"."""
    if verb.lemma_.lower() in lexicon.not_policy_verbs and not (
            verb.lemma_.lower() == "take" and any(
                (c.dep_ == "pobj" and c.head.lower_ in ("to", "into") and c.lemma_.lower() in lexicon.word_sets["taken_to"])
                or (c.dep_ == "dobj" and c.head == verb and c.lemma_.lower() in ("control", "stake", "ownership"))
                for c in verb.subtree)):
        return None  # (but "take the dispute to the court", "be taken into public ownership" propose)
    keep: list[Token] = []

    def visit(token: Token, depth: int) -> None:
        keep.append(token)
        for child in token.children:
            if child.dep_ not in _CLAUSE_DEPS:
                continue
            if child.dep_ in ("nsubj", "nsubjpass") and (not include_subject or depth > 0) and not (
                    depth == 1 and token.head == verb and verb.lemma_.lower() in _CAUSATIVES):
                continue  # (but "to let companies stretch the week" keeps who is let)
            if child.dep_ == "conj" and depth == 0:
                continue
            if child.dep_ == "prep" and child.lemma_.lower() in _DROP_PREPS_AFTER_HEAD:
                continue
            if child.ent_type_ in ("DATE", "TIME") and child.dep_ in ("npadvmod",):
                continue
            if child.dep_ == "prep" and depth == 0 and child.i < verb.i and any(
                    g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "on Monday banned the sale of X": when, before the verb
            visit(child, depth + 1)

    visit(verb, 0)
    keep.sort(key=lambda t: t.i)
    contiguous: list[Token] = []
    for token in keep:
        if contiguous and token.i != contiguous[-1].i + 1:
            gap = verb.doc[contiguous[-1].i + 1:token.i]
            if not all((g.is_punct and (g.text in _QUOTES | {"-"} or (g.text == "," and g.head in keep and g.head.conjuncts)))
                       or g.lower_ in _HEDGES  # "to allow at least government-to-government sales"
                       or (g.dep_ == "aux" and g.lower_ == "to" and g.head in keep and g.head != verb)
                       # "for the strongholds to be hit", "for some of his rivals to drop out"
                       or (include_subject and g.head == verb and g.dep_ in ("aux", "auxpass") and g.i < verb.i
                           and g.lower_ in ("to", "be"))
                       for g in gap):
                if token.i > verb.i:
                    break
                contiguous = []
            else:
                contiguous.extend(g for g in gap if g.dep_ in ("aux", "auxpass") or g.text == ",")  # "force firms to pay"
        contiguous.append(token)
    if verb not in contiguous:
        return None
    contiguous = _first_words(contiguous, _MAX_WORDS)
    while contiguous and (contiguous[-1].is_punct or contiguous[-1].dep_ in ("prep", "cc", "aux", "mark", "det")):
        contiguous.pop()
    while contiguous and (contiguous[0].is_punct or contiguous[0].dep_ in ("aux", "mark", "cc")
                          or contiguous[0].lower_ in ("the", "a", "an")):
        contiguous.pop(0)
    # a bare verb or a verb with only pronouns ("to act", "join me", "do more") names no proposal,
    # nor one whose only nouns sit in adjuncts ("to slow down in their everyday lives")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if include_subject else []
    # "for the strongholds to be hit" (the passive subject is acted on), "for his rivals to drop out"
    # (a phrasal verb of its own subject): the subject is what the course of action is about
    subject_words = {t.i for s in subjects for t in s.subtree} if subjects and (
        subjects[0].dep_ == "nsubjpass" or any(c.dep_ == "prt" for c in verb.children)) else set()
    if len(contiguous) < 2 or not any(t.pos_ in ("NOUN", "PROPN") and (
            (t.i > verb.i and _is_argument(t, verb)) or t.i in subject_words) for t in contiguous):
        return None
    tokens = contiguous
    label = _label(tokens)
    words = [t.lemma_.lower() for t in tokens]
    concept = proposal_type(words, lexicon)
    return Proposal(key=slugify(label), label=label, proposal_type=concept, qualifiers=(),
                    proposer=None, aliases=frozenset(), course=True)


def _is_argument(noun: Token, verb: Token) -> bool:
    """Whether NOUN belongs to what VERB acts on: its object, or the object of a preposition
    ("drop out of the race", "invest in roads"), but not an adjunct about the actors themselves
    ("to slow down in their everyday lives", "to unite behind him")."""
    node = noun
    while node != verb and node.head != node:
        if node.dep_ in ("dobj", "attr", "oprd", "dative", "nsubj", "nsubjpass", "ccomp", "xcomp"):
            return True
        if node.dep_ == "pobj":
            if node.head.lower_ in _KEEP_PREPS:
                return True
            return not (node.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in node.children))
        node = node.head
    return False


def with_proposer(proposal: Proposal, proposer: Actor | None) -> Proposal:
    if proposer is None or proposal.proposer is not None:
        return proposal
    return Proposal(proposal.key, proposal.label, proposal.proposal_type, proposal.qualifiers, proposer,
                    proposal.aliases)


def tax_verdict(tax: Token, lex: Lexicon) -> str | None:
    """"a tax on jobs", "a tax on hard work": a verdict against what is so called; "a tax on
    polluters": one for it. A tax on anything else ("a tax on imported steel") only says what it is."""
    if tax.lemma_.lower() not in ("tax", "levy"):
        return None
    taxed = [t for p in tax.children if p.dep_ == "prep" and p.lower_ == "on"
             for o in p.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
    if any(t.lower_ in lex.word_sets["villains"] or t.lemma_.lower() in lex.word_sets["villains"] for t in taxed):
        return "supports"
    if any(t.lemma_.lower() in lex.word_sets["taxed_victims"] or t.lower_ in lex.word_sets["taxed_victims"] for t in taxed):
        return "rejects"
    return None


def prep_hung_after(noun: Token, verb: Token, words: tuple[str, ...]) -> Token | None:
    """The preposition among WORDS that the parser hung on VERB right after NOUN's phrase, where it
    most often completes the noun ("pressed for a phase-in for British cars", "backed a switch to coal")."""
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in words and c.i == noun.right_edge.i + 1), None)


_BALLOT_NOUNS = {"referendum", "plebiscite", "vote", "ballot", "consultation"}


def hung_question(noun: Token) -> Token | None:
    """The "on ..." phrase the parser hung on the verb after a ballot noun, past a date: "will hold
    a referendum on Oct. 12 on building a second plant" (what the referendum asks)."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in _BALLOT_NOUNS or any(
            c.dep_ == "prep" and c.lower_ == "on" and not any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree)
            for c in noun.children):
        return None
    end = noun.right_edge.i
    for prep in sorted((c for c in noun.head.children if c.dep_ == "prep" and c.i > end), key=lambda c: c.i):
        if any(g.ent_type_ in ("DATE", "TIME") for g in prep.subtree) and prep.i == end + 1:
            end = prep.right_edge.i  # "on Oct. 12"
            continue
        return prep if prep.lower_ == "on" and prep.i == end + 1 else None
    return None
