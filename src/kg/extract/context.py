"""What every step of finding positions shares: the sentence's context, the Position found,
and walks of the parse that all of them use (quotes, prepositional objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Span, Token

from kg.extract.actors import ActorResolver
from kg.extract.lexicon import Lexicon
from kg.extract.proposals import ProposalMemory
from kg.model import Actor, Proposal


SUBJECT_DEPS = ("nsubj", "csubj")
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}


@dataclass
class Position:
    actors: list[Actor]
    stance: str
    proposal: Proposal
    cue: str
    confidence: float
    via_coreference: bool = False
    author: Actor | None = None  # the proposal's author where the text names one (kg.extract.pipeline)


@dataclass
class SentenceContext:
    """What resolving one sentence needs: the article's memories and where the sentence is."""

    lexicon: Lexicon
    resolver: ActorResolver
    memory: ProposalMemory
    offset: int  # character offset of the sentence's doc in the article
    is_headline: bool = False
    sentence_index: int = 0  # which sentence of the article, in reading order
    used_anaphora: set = field(default_factory=set)
    is_lead: bool = False  # the body's first sentence, where wire news states what happened
    quote_speaker: Token | None = None  # who speaks a quote this sentence continues ('"...," X said. "..."')

    def position_of(self, token: Token) -> int:
        return self.offset + token.idx


QUOTE_MARKS = ('"', "“", "”", "''", "``")


def subjects_of(verb: Token) -> list[Token]:
    """VERB's subjects. Where the parser splits one noun phrase into two subjects ("The opposition
    Social Democratic Front said", "The environmental group Clean Rivers Alliance condemned"), the
    description before the name is dropped and the name kept."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        first, second = subjects[0], subjects[1]
        if first.pos_ == "NOUN" and first.right_edge.i + 1 == second.left_edge.i \
                and (second.pos_ == "PROPN" or second.ent_type_ in ACTOR_ENTS) and not first.ent_type_ \
                and not any(c.dep_ in ("cc", "conj") for c in first.children):
            return subjects[1:]
    return subjects


def _inside_quote(token: Token, sent: Span) -> bool:
    """Whether an odd number of quotation marks stands between SENT's start and TOKEN."""
    marks = _quote_marks_before(sent.doc)
    at = min(max(token.i, sent.start), sent.end)  # (a token outside SENT counts SENT's marks up to it)
    return (marks[at] - marks[sent.start]) % 2 == 1


def _quote_marks_before(doc) -> list[int]:
    """For each token index i (and len(doc)), how many quotation marks stand before it in DOC:
    counted once per document, kept in its user_data."""
    marks = doc.user_data.get("kg_quote_marks")
    if marks is None or len(marks) != len(doc) + 1:
        marks = [0]
        for t in doc:
            marks.append(marks[-1] + (t.text in QUOTE_MARKS))
        doc.user_data["kg_quote_marks"] = marks
    return marks


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def _prep_targets(token: Token, preps: tuple[str, ...]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under TOKEN for the given prepositions, incl. "in favor of"."""
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative"):
            continue
        word = child.text.lower()
        if word in preps:
            target = _pobj(child)
            if target is not None and target.ent_type_ in ("DATE", "TIME"):
                continue  # "agreed on Monday to extend X": a date is when, never what
            if target is not None:
                yield word, target
                for conj in target.conjuncts:
                    yield word, conj
            for again in child.children:  # "hailed by X and by Y": the preposition repeated
                second = _pobj(again) if again.dep_ == "conj" and again.lower_ == word else None
                if second is not None:
                    yield word, second
                    for conj in second.conjuncts:
                        yield word, conj


def distinct_heads(tokens: list[Token]) -> list[Token]:
    """TOKENS without those conjoined to an earlier one (resolving a token takes in its conjuncts)."""
    kept: list[Token] = []
    for token in tokens:
        if not any(token in earlier.conjuncts for earlier in kept):
            kept.append(token)
    return kept
