"""Read the statement table the networks are built from: one row per kg:Statement.

One SELECT fetches every statement's actor, stance, proposal, article, date and
confidence, and the labels, types and affiliations of the nodes, as (node, fact,
value) rows; they are joined here, so an actor with two labels or two affiliations
never counts twice.
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
_STANCE_OF_IRI = {str(KG.Support): SUPPORT, str(KG.Reject): REJECT}

# One SELECT of (node, fact, value) rows, each branch a single triple pattern. Over
# the union of per-article graphs, joining the statement's properties in SPARQL costs
# an index lookup per row and property, and joining labels onto statements would
# repeat each label once per article that states it; single-pattern scans folded in
# Python read 100k statements two to three times faster. The node facts, stated again
# in every article that mentions the node, are deduplicated by the engine.
FACTS_QUERY = sparql_prefixes() + """
SELECT ?node ?fact ?value
WHERE {
  { ?node a kg:Statement BIND("statement" AS ?fact) }
  UNION { ?node kg:actor ?value BIND("actor" AS ?fact) }
  UNION { ?node kg:stance ?value BIND("stance" AS ?fact) }
  UNION { ?node kg:proposal ?value BIND("proposal" AS ?fact) }
  UNION { ?node kg:sourceArticle ?value BIND("article" AS ?fact) }
  UNION { ?node kg:date ?value BIND("date" AS ?fact) }
  UNION { ?node kg:confidence ?value BIND("confidence" AS ?fact) }
  UNION { SELECT DISTINCT ?node ?value ("published" AS ?fact) WHERE { ?node schema:datePublished ?value } }
  UNION { SELECT DISTINCT ?node ?value ("label" AS ?fact) WHERE { ?node rdfs:label ?value } }
  UNION { SELECT DISTINCT ?node ?value ("type" AS ?fact)
          WHERE { VALUES ?value { kg:Person kg:Organisation kg:State } ?node a ?value } }
  UNION { SELECT DISTINCT ?node ?value ("affiliation" AS ?fact) WHERE { ?node kg:affiliation ?value } }
  UNION { SELECT DISTINCT ?node ?value ("proposalType" AS ?fact) WHERE { ?node kg:proposalType ?value } }
}
"""
_SINGLE = ("actor", "stance", "proposal", "article", "date", "confidence", "published")
_MANY = ("label", "type", "affiliation", "proposalType")

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


_DATE = re.compile(r"^\s*(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")


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


class _Facts:
    """The folded rows: one value per (fact, node) for statement properties, sets for node facts."""

    def __init__(self, rows: Iterable[Row]):
        self.statements: set[str] = set()
        single: dict[str, dict[str, str]] = {fact: {} for fact in _SINGLE}
        many: dict[str, dict[str, set[str]]] = {fact: {} for fact in _MANY}
        for node, fact, value in rows:
            if fact == "statement":
                self.statements.add(node)
            elif value is None:
                continue
            elif fact in single:
                values = single[fact]
                # A functional property stated twice with different values (two copies of a
                # statement): keep the smallest, so the choice does not depend on row order.
                if node not in values or value < values[node]:
                    values[node] = value
            else:
                many[fact].setdefault(node, set()).add(value)
        self.single = single
        self.many = many

    def label(self, iri: str) -> str:
        # The smallest label, so a node labelled differently in two articles gets one stable label.
        labels = self.many["label"].get(iri)
        return min(labels) if labels else _local_name(iri)


def statements_from_rows(rows: Iterable[Row]) -> list[StatementRow]:
    """Fold the (node, fact, value) rows of FACTS_QUERY into one StatementRow per complete statement.

    A statement needs its type, actor, stance (kg:Support or kg:Reject) and proposal;
    anything less is not a position and is left to `kg validate` to report.
    """
    facts = _Facts(rows)
    type_labels = proposal_type_labels()
    actor_of, stance_of, proposal_of = facts.single["actor"], facts.single["stance"], facts.single["proposal"]
    article_of, date_of, confidence_of = facts.single["article"], facts.single["date"], facts.single["confidence"]
    published_of = facts.single["published"]
    actors: dict[str, tuple[str, str, str]] = {}
    proposals: dict[str, tuple[str, str, str]] = {}
    result = []
    for statement in sorted(facts.statements):
        actor, stance, proposal = actor_of.get(statement), stance_of.get(statement), proposal_of.get(statement)
        if actor is None or proposal is None or stance not in _STANCE_OF_IRI:
            continue
        if actor not in actors:
            kinds = {_ACTOR_TYPE_OF_CLASS[t] for t in facts.many["type"].get(actor, ()) if t in _ACTOR_TYPE_OF_CLASS}
            actors[actor] = (facts.label(actor), next((k for k in _TYPE_PRECEDENCE if k in kinds), "actor"),
                             "; ".join(sorted({facts.label(a) for a in facts.many["affiliation"].get(actor, ())})))
        if proposal not in proposals:
            types = facts.many["proposalType"].get(proposal)
            type_iri = min(types) if types else ""
            proposals[proposal] = (facts.label(proposal),
                                   type_labels.get(type_iri, _local_name(type_iri) if type_iri else ""), type_iri)
        article = article_of.get(statement, "")
        # kg:date is the statement's own date; the article's publication date stands in for it.
        day = parse_date(date_of.get(statement) or published_of.get(article))
        actor_label, actor_type, affiliation = actors[actor]
        proposal_label, proposal_type, type_iri = proposals[proposal]
        result.append(StatementRow(
            statement=statement, actor=actor, actor_label=actor_label, actor_type=actor_type,
            affiliation=affiliation, stance=_STANCE_OF_IRI[stance], proposal=proposal,
            proposal_label=proposal_label, proposal_type=proposal_type, proposal_type_iri=type_iri,
            date=day, confidence=_float(confidence_of.get(statement)), article=article))
    return result


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_statements(select: Select) -> list[StatementRow]:
    """Every statement a query source holds, one StatementRow each, sorted by statement IRI."""
    return statements_from_rows(select(FACTS_QUERY))


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
