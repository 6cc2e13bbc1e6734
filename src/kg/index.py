"""The index graph: one deduplicated copy of what the saved queries look up most.

Every article graph repeats the types, labels and supports/rejects edges of the
actors and proposals it mentions, so a name lookup or a label read over the article
graphs scans one copy per article. The index graph (INDEX_GRAPH) holds each of
those triples once, as the union of what the article graphs say, plus the words of
every label (kg:labelWord) so a name is found by exact match instead of a scan.

It also holds each actor's position changes (kg:PositionChange), so listing them
needs no comparison of dates.

It is derived data: kg refreshes the entries of the actors and proposals a write
touches, after the write, with the SPARQL update in queries/index/refresh.ru; the
same text runs on the embedded store and on a remote endpoint. `rebuild_updates`
recomputes it from scratch (`kg reindex`). The index graph names its own version
(kg:indexVersion): written when it is built whole, kept by refreshes of a
complete index, so an index missing entries or from an older kg is detected.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Iterator, Sequence

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.namespaces import KG, KGID
from kg.resources import queries_dir
from kg.sparql import insert_values, sparql_term, values_block

INDEX_GRAPH = KGID["graph/index"]
ENTITY_CLASSES = (KG.Actor, KG.Person, KG.Organisation, KG.State, KG.Proposal)
CHUNK = 400  # entities per refresh request: keeps each update small enough for any endpoint
INDEX_VERSION = 3  # the saved queries need this version; 2 added position changes and article counts, 3 supporter and opponent counts

_PREFIXES = """PREFIX kg: <https://w3id.org/kg-positions/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_CLASSES = " ".join(f"<{c}>" for c in ENTITY_CLASSES)
_INDEX = f"<{INDEX_GRAPH}>"
_CLASS_NODES = frozenset(ox.NamedNode(str(c)) for c in ENTITY_CLASSES)
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INDEX_NODE = ox.NamedNode(str(INDEX_GRAPH))
_WORD = re.compile(r"\w+")
_APOSTROPHES = re.compile(r"['\u2019\u02bc]")

Select = Callable[[str], Sequence[tuple]]


def rows_of(source) -> Select:
    """SELECT on a kg.sources source (local, endpoint, ...) as the functions here take it: rows of terms."""
    return lambda sparql: source.select(sparql).rows


def index_is_current(select: Select) -> bool:
    """Whether the target's index graph is complete and of this kg's version (INDEX_VERSION)."""
    rows = select(f"SELECT ?version WHERE {{ GRAPH {_INDEX} {{ {_INDEX} <{KG.indexVersion}> ?version }} }}")
    return [str(row[0]) for row in rows] == [str(INDEX_VERSION)]


def holds_articles(select: Select) -> bool:
    """Whether the target holds any article graph (outside the index graph)."""
    return bool(select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?article a <{KG.Article}> }} FILTER(?g != {_INDEX}) }} LIMIT 1"))


def refresh_keeps_index_complete(select: Select) -> bool:
    """Whether refreshing what a write touches leaves a complete index: it is one now, or nothing is indexed yet.

    Ask before the write: afterwards the new articles are there too.
    """
    return index_is_current(select) or not holds_articles(select)


def version_update() -> str:
    """The update marking the index graph complete and of this kg's version."""
    return (f"DELETE WHERE {{ GRAPH {_INDEX} {{ {_INDEX} <{KG.indexVersion}> ?version }} }} ;\n"
            f"INSERT DATA {{ GRAPH {_INDEX} {{ {_INDEX} <{KG.indexVersion}> {INDEX_VERSION} }} }}\n")


def label_words(text: str) -> set[str]:
    """The words of a label as the index stores them: case-folded, accents and apostrophes dropped.

    "Zelensky's" -> {"zelenskys"}; "Côte d'Ivoire" -> {"cote", "divoire"}; the
    lookups split the user's text the same way.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return set(_WORD.findall(_APOSTROPHES.sub("", plain)))


def entities_of_quads(quads: Iterable[ox.Quad]) -> set[str]:
    """IRIs of the actors and proposals typed in QUADS (outside the index graph)."""
    return {q.subject.value for q in quads
            if q.predicate == _RDF_TYPE and q.object in _CLASS_NODES and isinstance(q.subject, ox.NamedNode)
            and q.graph_name != _INDEX_NODE}


def entities_in_graphs(select: Select, graphs: Iterable[str]) -> set[str]:
    """IRIs of the actors and proposals typed in the named graphs GRAPHS, as the target holds them now."""
    found: set[str] = set()
    graphs = sorted(graphs)
    for start in range(0, len(graphs), CHUNK):
        block = values_block("g", [URIRef(g) for g in graphs[start:start + CHUNK]])
        rows = select(f"SELECT DISTINCT ?entity WHERE {{ {block} VALUES ?class {{ {_CLASSES} }} "
                      f"GRAPH ?g {{ ?entity a ?class }} FILTER(isIRI(?entity)) }}")
        found.update(str(row[0]) for row in rows)
    return found


def all_entities(select: Select) -> set[str]:
    """IRIs of every actor and proposal typed in an article graph."""
    rows = select(f"SELECT DISTINCT ?entity WHERE {{ VALUES ?class {{ {_CLASSES} }} GRAPH ?g {{ ?entity a ?class }} "
                  f"FILTER(?g != {_INDEX} && isIRI(?entity)) }}")
    return {str(row[0]) for row in rows}


def _words_of(select: Select, entities: Sequence[str]) -> dict[str, set[str]]:
    block = values_block("entity", [URIRef(e) for e in entities])
    rows = select(f"{_PREFIXES}SELECT DISTINCT ?entity ?label WHERE {{ {block} "
                  f"GRAPH ?g {{ ?entity rdfs:label|skos:prefLabel|skos:altLabel ?label }} FILTER(?g != {_INDEX}) }}")
    words: dict[str, set[str]] = {}
    for entity, label in rows:
        words.setdefault(str(entity), set()).update(label_words(str(label)))
    return words


def refresh_updates(select: Select, entities: Iterable[str], complete: bool = False) -> Iterator[str]:
    """SPARQL updates that rebuild the index entries of ENTITIES from the article graphs, CHUNK at a time.

    Each update removes a chunk's entries, copies their triples back from the
    article graphs and adds the words of their labels, in one request; an entity
    no article graph mentions any more is left with no entry. Then the proposals'
    supporters and opponents are counted, a chunk at a time. SELECT runs a query
    on the same target and returns rows of RDF terms (the labels of the entities).
    COMPLETE (see refresh_keeps_index_complete) ends with version_update().
    """
    template = (queries_dir() / "index" / "refresh.ru").read_text(encoding="utf-8")
    ordered = sorted(entities)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start:start + CHUNK]
        text = insert_values(template, {"entity": values_block("entity", [URIRef(e) for e in chunk])},
                             where="queries/index/refresh.ru")
        triples = [f"{sparql_term(URIRef(entity))} <{KG.labelWord}> {sparql_term(Literal(word))} ."
                   for entity, words in sorted(_words_of(select, chunk).items()) for word in sorted(words)]
        if triples:
            text += f" ;\nINSERT DATA {{ GRAPH {_INDEX} {{\n" + "\n".join(triples) + "\n} }\n"
        yield text
    # a proposal's supporters and opponents are counted from the edges in its actors'
    # entries, which may come in a later chunk: once every chunk is refreshed
    counts = (queries_dir() / "index" / "counts.ru").read_text(encoding="utf-8")
    for start in range(0, len(ordered), CHUNK):
        chunk = [URIRef(e) for e in ordered[start:start + CHUNK]]
        yield insert_values(counts, {"entity": values_block("entity", chunk)}, where="queries/index/counts.ru")
    if complete:
        yield version_update()


def rebuild_updates(select: Select, entities: Iterable[str] | None = None) -> Iterator[str]:
    """Updates that drop the index graph and build it again for ENTITIES (default: every actor and proposal)."""
    entities = all_entities(select) if entities is None else entities
    yield f"DROP SILENT GRAPH {_INDEX}"
    yield from refresh_updates(select, entities, complete=True)  # the version last: an interrupted build has none
