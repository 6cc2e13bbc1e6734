"""Convert extraction results into RDF under the kg ontology, one named graph per article."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from typing import Iterable

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.iris import actor_iri, article_iri, proposal_iri, statement_iri
from kg.model import Actor, Article, ExtractionResult, Proposal, Statement
from kg.namespaces import ACTOR_CLASSES, KG, SCHEMA, STANCES, bind_prefixes

_DATE_PATTERNS = [
    (re.compile(r"^\d{4}$"), XSD.gYear),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"), XSD.dateTime),
]


def date_literal(value: str | None) -> Literal | None:
    """An ISO date string as the narrowest XSD date type, or None if it is not one."""
    if not value:
        return None
    value = value.strip()
    for pattern, datatype in _DATE_PATTERNS:
        if pattern.match(value):
            if datatype == XSD.dateTime and len(value) == 16:
                value += ":00"
            return Literal(value, datatype=datatype)
    return None


def _add_labels(graph: rdflib.Graph, node: URIRef, label: str, aliases: frozenset[str]) -> None:
    """rdfs:label and skos:prefLabel (one value), skos:altLabel for every other name seen."""
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, SKOS.prefLabel, Literal(label)))
    for alias in sorted(aliases - {label}):
        graph.add((node, SKOS.altLabel, Literal(alias)))


def _add_actor(graph: rdflib.Graph, actor: Actor) -> URIRef:
    node = actor_iri(actor.key)
    graph.add((node, RDF.type, ACTOR_CLASSES[actor.kind]))
    _add_labels(graph, node, actor.label, actor.aliases)
    if actor.role:
        graph.add((node, KG.role, Literal(actor.role)))
    if actor.affiliation is not None:
        graph.add((node, KG.affiliation, _add_actor(graph, actor.affiliation)))
    return node


def _add_proposal(graph: rdflib.Graph, proposal: Proposal) -> URIRef:
    node = proposal_iri(proposal.key)
    graph.add((node, RDF.type, KG.Proposal))
    _add_labels(graph, node, proposal.label, proposal.aliases)
    graph.add((node, KG.proposalType, KG[proposal.proposal_type]))
    for qualifier in proposal.qualifiers:
        graph.add((node, KG.qualifier, Literal(qualifier)))
    if proposal.proposer is not None:
        graph.add((node, KG.proposedBy, _add_actor(graph, proposal.proposer)))
    return node


def _add_article(graph: rdflib.Graph, article: Article) -> URIRef:
    node = article_iri(article.doc_id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, KG.documentId, Literal(article.doc_id)))
    graph.add((node, KG.textSha256, Literal(hashlib.sha256(article.text.encode("utf-8")).hexdigest())))
    if article.headline:
        graph.add((node, SCHEMA.headline, Literal(article.headline)))
    date = date_literal(article.date)
    if date is not None:
        graph.add((node, SCHEMA.datePublished, date))
    if article.url:
        graph.add((node, SCHEMA.url, URIRef(article.url)))
    if article.outlet:
        graph.add((node, SCHEMA.publisher, Literal(article.outlet)))
    return node


def _add_statement(graph: rdflib.Graph, statement: Statement, article_node: URIRef) -> URIRef:
    actor = _add_actor(graph, statement.actor)
    proposal = _add_proposal(graph, statement.proposal)
    ev = statement.evidence
    node = statement_iri(statement.article.doc_id, statement.actor.key, statement.stance,
                         statement.proposal.key, ev.start, ev.end)
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, KG.actor, actor))
    graph.add((node, KG.stance, STANCES[statement.stance]))
    graph.add((node, KG.proposal, proposal))
    graph.add((node, KG.sourceArticle, article_node))
    graph.add((node, KG.evidence, Literal(ev.text)))
    graph.add((node, KG.evidenceStart, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, KG.evidenceEnd, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
    confidence = Decimal(str(round(min(max(statement.confidence, 0.0), 1.0), 3)))
    graph.add((node, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    if statement.cue:
        graph.add((node, KG.cue, Literal(statement.cue)))
    date = date_literal(statement.article.date)
    if date is not None:
        graph.add((node, KG.date, date))
    graph.add((actor, KG[statement.stance], proposal))
    return node


def article_graph(result: ExtractionResult, graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """All triples for one article: the article node, its statements, actors and proposals."""
    graph = graph if graph is not None else bind_prefixes(rdflib.Graph())
    node = _add_article(graph, result.article)
    for statement in result.statements:
        _add_statement(graph, statement, node)
    return graph


def to_rdf(results: Iterable[ExtractionResult]) -> rdflib.Dataset:
    """A dataset with one named graph per article (named by the article's IRI)."""
    dataset = bind_prefixes(rdflib.Dataset())
    for result in results:
        graph = dataset.graph(article_iri(result.article.doc_id))
        article_graph(result, graph)
    return dataset
