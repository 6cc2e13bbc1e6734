"""Typed records that flow between the stages: articles in, statements out."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One text to extract from. `text` is what evidence offsets refer to."""

    doc_id: str
    text: str
    headline: str = ""
    date: str | None = None  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD or a full dateTime
    url: str | None = None
    outlet: str | None = None
    source: str = ""  # file name (and record line) it was read from, for messages


@dataclass(frozen=True)
class Actor:
    """A resolved actor. `key` is the stable slug its IRI is minted from."""

    key: str
    label: str
    kind: str  # "person" | "organisation" | "state"
    aliases: frozenset[str] = frozenset()
    role: str | None = None
    affiliation: "Actor | None" = None


@dataclass(frozen=True)
class Proposal:
    """A normalised proposal: canonical label, type concept, qualifiers, proposer."""

    key: str
    label: str
    proposal_type: str = "Policy"  # local name of a concept in ontology/proposal-types.ttl
    qualifiers: tuple[str, ...] = ()
    proposer: Actor | None = None
    aliases: frozenset[str] = frozenset()
    # named by a course of action ("postpone construction of the dam"), not by a noun phrase: the
    # bare name of the thing it acts on ("the dam") is no variant of it (kg.extract)
    course: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """One actor taking one stance on one proposal, as reported in one article."""

    actor: Actor
    stance: str  # "supports" | "rejects"
    proposal: Proposal
    article: Article
    evidence: Evidence
    confidence: float
    cue: str = ""


@dataclass
class ExtractionResult:
    """What extraction of one article produced, plus anything worth warning about."""

    article: Article
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
