"""Read the statement table the networks are built from: one row per kg:Statement.

One SPARQL SELECT fetches every statement with its actor, stance, proposal, date,
confidence and article; labels, types and affiliations are folded into each row here,
so an actor with two labels or two affiliations never counts twice.
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

STATEMENTS_QUERY = sparql_prefixes() + """
SELECT ?statement ?actor ?stance ?proposal ?article ?date ?published ?confidence
       ?actorLabel ?actorType ?affiliation ?affiliationLabel ?proposalLabel ?proposalType
WHERE {
  VALUES ?stance { kg:Support kg:Reject }
  ?statement a kg:Statement ; kg:actor ?actor ; kg:stance ?stance ; kg:proposal ?proposal .
  OPTIONAL { ?statement kg:sourceArticle ?article
             OPTIONAL { ?article schema:datePublished ?published } }
  OPTIONAL { ?statement kg:date ?date }
  OPTIONAL { ?statement kg:confidence ?confidence }
  OPTIONAL { ?actor rdfs:label ?actorLabel }
  OPTIONAL { VALUES ?actorType { kg:Person kg:Organisation kg:State } ?actor a ?actorType }
  OPTIONAL { ?actor kg:affiliation ?affiliation OPTIONAL { ?affiliation rdfs:label ?affiliationLabel } }
  OPTIONAL { ?proposal rdfs:label ?proposalLabel }
  OPTIONAL { ?proposal kg:proposalType ?proposalType }
}
"""
QUERY_VARIABLES = ("statement", "actor", "stance", "proposal", "article", "date", "published", "confidence",
                   "actorLabel", "actorType", "affiliation", "affiliationLabel", "proposalLabel", "proposalType")

# A row as the query source hands it over: one plain string (or None) per variable.
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


class _Accumulator:
    """Everything the query returned about one statement, across its duplicate rows."""

    __slots__ = ("row", "actor_labels", "actor_types", "affiliations", "proposal_labels", "proposal_types",
                 "dates", "confidences")

    def __init__(self, row: Row):
        self.row = row
        self.actor_labels: set[str] = set()
        self.actor_types: set[str] = set()
        self.affiliations: dict[str, set[str]] = {}
        self.proposal_labels: set[str] = set()
        self.proposal_types: set[str] = set()
        self.dates: set[str] = set()
        self.confidences: set[str] = set()

    def add(self, row: Row) -> None:
        (_s, _a, _st, _p, _art, dt, published, conf, alabel, atype, aff, afflabel, plabel, ptype) = row
        if alabel:
            self.actor_labels.add(alabel)
        if atype:
            self.actor_types.add(atype)
        if aff:
            labels = self.affiliations.setdefault(aff, set())
            if afflabel:
                labels.add(afflabel)
        if plabel:
            self.proposal_labels.add(plabel)
        if ptype:
            self.proposal_types.add(ptype)
        # kg:date is the statement's own date; the article's publication date stands in for it.
        if dt or published:
            self.dates.add(dt or published)
        if conf:
            self.confidences.add(conf)

    def build(self, type_labels: dict[str, str]) -> StatementRow:
        statement, actor, stance, proposal, article = self.row[:5]
        kinds = {_ACTOR_TYPE_OF_CLASS[t] for t in self.actor_types if t in _ACTOR_TYPE_OF_CLASS}
        actor_type = next((k for k in _TYPE_PRECEDENCE if k in kinds), "actor")
        affiliation = "; ".join(sorted(min(labels) if labels else _local_name(iri)
                                       for iri, labels in self.affiliations.items()))
        type_iri = min(self.proposal_types) if self.proposal_types else ""
        dates = sorted(d for d in (parse_date(v) for v in self.dates) if d is not None)
        confidence = None
        for value in sorted(self.confidences):
            try:
                confidence = float(value)
                break
            except ValueError:
                continue
        return StatementRow(
            statement=statement,
            actor=actor,
            actor_label=min(self.actor_labels) if self.actor_labels else _local_name(actor),
            actor_type=actor_type,
            affiliation=affiliation,
            stance=SUPPORT if stance == str(KG.Support) else REJECT,
            proposal=proposal,
            proposal_label=min(self.proposal_labels) if self.proposal_labels else _local_name(proposal),
            proposal_type=type_labels.get(type_iri, _local_name(type_iri) if type_iri else ""),
            proposal_type_iri=type_iri,
            date=dates[0] if dates else None,
            confidence=confidence,
            article=article or "",
        )


def statements_from_rows(rows: Iterable[Row]) -> list[StatementRow]:
    """Fold the raw query rows (several per statement when labels or types repeat) into one row each."""
    seen: dict[str, _Accumulator] = {}
    for row in rows:
        acc = seen.get(row[0])
        if acc is None:
            acc = seen[row[0]] = _Accumulator(row)
        acc.add(row)
    type_labels = proposal_type_labels()
    return sorted((acc.build(type_labels) for acc in seen.values()), key=lambda r: r.statement)


def read_statements(select: Select) -> list[StatementRow]:
    """Every statement a query source holds, one StatementRow each, sorted by statement IRI."""
    return statements_from_rows(select(STATEMENTS_QUERY))


def _term_value(term) -> str | None:
    return None if term is None else term.value


def _store_select(store, union: bool) -> Select:
    from kg.errors import QueryError

    def select(query: str) -> Iterator[Row]:
        try:
            solutions = store.query(query, use_default_graph_as_union=union)
            for solution in solutions:
                yield tuple(_term_value(solution[v]) for v in QUERY_VARIABLES)
        except (SyntaxError, OSError) as err:
            raise QueryError(f"statement query failed: {str(err).splitlines()[0]}") from None

    return select


def load_statements(data_files: Sequence[str] = (), store_path: str | None = None,
                    endpoint: str | None = None, input_format: str | None = None) -> list[StatementRow]:
    """The statement table of RDF files, the embedded store, or a SPARQL endpoint (first given wins)."""
    return read_statements(open_select(data_files, store_path, endpoint, input_format))


def open_select(data_files: Sequence[str] = (), store_path: str | None = None,
                endpoint: str | None = None, input_format: str | None = None) -> Select:
    """A SELECT function over the chosen graph source."""
    import pyoxigraph as ox

    if data_files:
        from kg.rdfio import load_into_store

        store = ox.Store()
        load_into_store(store, data_files, input_format)
        return _store_select(store, union=True)
    if endpoint:
        return _endpoint_select(endpoint)
    from kg.store import open_store

    return _store_select(open_store(store_path, create=False, read_only=True), union=True)


def _endpoint_select(endpoint: str) -> Select:
    from kg.errors import EndpointError

    def select(query: str) -> Iterator[Row]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        client = SPARQLWrapper(endpoint)
        client.setMethod(POST)
        client.setQuery(query)
        client.setReturnFormat(JSON)
        try:
            bindings = client.queryAndConvert()["results"]["bindings"]
        except Exception as err:  # SPARQLWrapper raises urllib, HTTP and JSON errors alike
            raise EndpointError(f"{endpoint}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from None
        for binding in bindings:
            yield tuple(binding[v]["value"] if v in binding else None for v in QUERY_VARIABLES)

    return select
