"""Read the statement table the networks are built from: one row per kg:Statement.

One SELECT fetches every statement (actor, stance, proposal, article, date,
confidence), a second the labels, types and affiliations of the nodes; they are
joined here, so an actor with two labels or two affiliations never counts twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Sequence

from kg.namespaces import KG, sparql_prefixes

SUPPORT, REJECT = 1, -1
STANCE_NAMES = {SUPPORT: "supports", REJECT: "rejects"}
ACTOR_TYPES = ("person", "organisation", "state")

# Most specific first: kg:State is a subclass of kg:Organisation, and data need not
# be inferred, so an actor typed both is a state.
_ACTOR_TYPE_OF_CLASS = {str(KG.State): "state", str(KG.Person): "person", str(KG.Organisation): "organisation"}
_TYPE_PRECEDENCE = ("state", "person", "organisation")
_SUPPORT_IRI = str(KG.Support)

# Two queries rather than one: over the union of per-article graphs, an actor's
# label is stated once per article it appears in, so joining labels onto
# statements would multiply the rows by the actor's article count.
STATEMENTS_QUERY = sparql_prefixes() + """
SELECT DISTINCT ?statement ?actor ?stance ?proposal ?article ?date ?published ?confidence
WHERE {
  VALUES ?stance { kg:Support kg:Reject }
  ?statement a kg:Statement ; kg:actor ?actor ; kg:stance ?stance ; kg:proposal ?proposal .
  OPTIONAL { ?statement kg:sourceArticle ?article
             OPTIONAL { ?article schema:datePublished ?published } }
  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement kg:confidence ?confidence }
}
"""
# Labels, actor types, affiliations and proposal types of every node, each fact once.
NODE_FACTS_QUERY = sparql_prefixes() + """
SELECT DISTINCT ?node ?fact ?value
WHERE {
  { ?node rdfs:label ?value BIND("label" AS ?fact) }
  UNION { VALUES ?value { kg:Person kg:Organisation kg:State } ?node a ?value BIND("type" AS ?fact) }
  UNION { ?node kg:affiliation ?value BIND("affiliation" AS ?fact) }
  UNION { ?node kg:proposalType ?value BIND("proposalType" AS ?fact) }
}
"""

# A row as the query source hands it over: the lexical form (or None) of each projected variable, in order.
Row = Sequence[str | None]
Select = Callable[[str], Iterable[Row]]


@dataclass(frozen=True, slots=True)
class StatementRow:
    """One statement, flattened: who took which stance on what, when, how surely."""

    statement: str
    actor: str
    actor_label: str
    actor_type: str  # "person" | "organisation" | "state" | "actor" (untyped)
    affiliation: str  # labels of the actor's affiliations, sorted, joined by "; "
    stance: int  # SUPPORT (+1) or REJECT (-1)
    proposal: str
    proposal_label: str
    proposal_type: str  # prefLabel of the kg:ProposalTypes concept, e.g. "ceasefire"; "" if untyped
    proposal_type_iri: str
    date: date | None
    confidence: float | None
    article: str


_DATE = re.compile(r"^\s*(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> date | None:
    """The calendar date of an xsd:date, dateTime, gYearMonth or gYear lexical form.

    A month or a year stands for its first day, so coarse dates still sort and
    fall into time windows.
    """
    if not value:
        return None
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1]


@lru_cache(maxsize=1)
def proposal_type_labels() -> dict[str, str]:
    """Concept IRI -> skos:prefLabel for the kg:ProposalTypes scheme shipped with kg."""
    from rdflib.namespace import SKOS

    from kg.rdfio import read_graph
    from kg.resources import ontology_files

    graph = read_graph(ontology_files())
    labels: dict[str, str] = {}
    for concept, label in graph.subject_objects(SKOS.prefLabel):
        if (concept, SKOS.inScheme, KG.ProposalTypes) in graph:
            if getattr(label, "language", None) in (None, "en") or str(concept) not in labels:
                labels[str(concept)] = str(label)
    return labels


class _NodeFacts:
    __slots__ = ("labels", "types", "affiliations", "proposal_types")

    def __init__(self):
        self.labels: set[str] = set()
        self.types: set[str] = set()
        self.affiliations: set[str] = set()
        self.proposal_types: set[str] = set()


def _node_facts(rows: Iterable[Row]) -> dict[str, _NodeFacts]:
    facts: dict[str, _NodeFacts] = {}
    for node, fact, value in rows:
        if value is None:
            continue
        entry = facts.get(node)
        if entry is None:
            entry = facts[node] = _NodeFacts()
        {"label": entry.labels, "type": entry.types, "affiliation": entry.affiliations,
         "proposalType": entry.proposal_types}[fact].add(value)
    return facts


def _label(facts: dict[str, _NodeFacts], iri: str) -> str:
    # The smallest label, so a node labelled differently in two articles still gets one stable label.
    entry = facts.get(iri)
    return min(entry.labels) if entry is not None and entry.labels else _local_name(iri)


def statements_from_rows(statement_rows: Iterable[Row], node_fact_rows: Iterable[Row]) -> list[StatementRow]:
    """Join the rows of STATEMENTS_QUERY and NODE_FACTS_QUERY into one StatementRow per statement."""
    facts = _node_facts(node_fact_rows)
    type_labels = proposal_type_labels()
    empty = _NodeFacts()
    actors: dict[str, tuple[str, str, str]] = {}
    proposals: dict[str, tuple[str, str, str]] = {}
    merged: dict[str, list] = {}
    for statement, actor, stance, proposal, article, dt, published, confidence in statement_rows:
        # kg:date is the statement's own date; the article's publication date stands in for it.
        day = parse_date(dt or published)
        conf = _float(confidence)
        seen = merged.get(statement)
        if seen is not None:
            # The same statement twice (conflicting copies): keep the earliest date, the highest confidence.
            if day is not None and (seen[5] is None or day < seen[5]):
                seen[5] = day
            if conf is not None and (seen[6] is None or conf > seen[6]):
                seen[6] = conf
            continue
        if actor not in actors:
            entry = facts.get(actor, empty)
            kinds = {_ACTOR_TYPE_OF_CLASS[t] for t in entry.types if t in _ACTOR_TYPE_OF_CLASS}
            actors[actor] = (_label(facts, actor), next((k for k in _TYPE_PRECEDENCE if k in kinds), "actor"),
                             "; ".join(sorted({_label(facts, a) for a in entry.affiliations})))
        if proposal not in proposals:
            entry = facts.get(proposal, empty)
            type_iri = min(entry.proposal_types) if entry.proposal_types else ""
            proposals[proposal] = (_label(facts, proposal),
                                   type_labels.get(type_iri, _local_name(type_iri) if type_iri else ""), type_iri)
        merged[statement] = [statement, actor, stance, proposal, article, day, conf]
    rows = []
    for statement, actor, stance, proposal, article, day, conf in merged.values():
        actor_label, actor_type, affiliation = actors[actor]
        proposal_label, proposal_type, type_iri = proposals[proposal]
        rows.append(StatementRow(
            statement=statement, actor=actor, actor_label=actor_label, actor_type=actor_type,
            affiliation=affiliation, stance=SUPPORT if stance == _SUPPORT_IRI else REJECT, proposal=proposal,
            proposal_label=proposal_label, proposal_type=proposal_type, proposal_type_iri=type_iri,
            date=day, confidence=conf, article=article or ""))
    rows.sort(key=lambda r: r.statement)
    return rows


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_statements(select: Select) -> list[StatementRow]:
    """Every statement a query source holds, one StatementRow each, sorted by statement IRI."""
    return statements_from_rows(select(STATEMENTS_QUERY), select(NODE_FACTS_QUERY))


def source_select(source) -> Select:
    """A Select over a kg.sources GraphSource, handing over the lexical form of each term."""
    from kg.errors import QueryError
    from kg.sources import LocalSource

    if isinstance(source, LocalSource):
        # Straight to the Oxigraph store: making an rdflib term of every value, as
        # GraphSource.select does, takes longer than the query itself on large graphs.
        def select_local(query: str) -> Iterator[Row]:
            try:
                for solution in source.store.query(query, use_default_graph_as_union=True):
                    yield tuple(None if term is None else term.value for term in solution)
            except (SyntaxError, OSError) as err:
                raise QueryError(f"statement query failed on {source.description}: "
                                 f"{str(err).splitlines()[0]}") from None

        return select_local

    def select(query: str) -> Iterator[Row]:
        for row in source.select(query).rows:
            yield tuple(None if term is None else str(term) for term in row)

    return select


def load_statements(data_files: Sequence[str] = (), store_path: str | None = None,
                    endpoint: str | None = None, input_format: str | None = None) -> list[StatementRow]:
    """The statement table of an endpoint, RDF files, or the embedded store (as kg.sources.open_source picks)."""
    from kg.sources import open_source

    return read_statements(source_select(open_source(data_files, store_path, endpoint, input_format)))
