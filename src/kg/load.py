"""Put RDF files into the embedded store with one named graph per article, so that
loading an article again replaces its statements instead of adding a second copy.

Files that keep named graphs (N-Quads, TriG from `kg extract`) are stored as they
are. Triples outside any named graph (Turtle, N-Triples, ...) are split by article:
a statement goes to the graph of its kg:sourceArticle together with the article's
own triples and the description of every actor and proposal it uses, exactly as
kg.rdf_mapping.to_rdf lays a dataset out. Triples tied to no article stay in the
default graph.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.namespaces import KG
from kg.rdfio import iter_quads

_SOURCE_ARTICLE = ox.NamedNode(str(KG.sourceArticle))
_ACTOR = ox.NamedNode(str(KG.actor))
_PROPOSAL = ox.NamedNode(str(KG.proposal))
_STANCE = ox.NamedNode(str(KG.stance))
_STANCE_EDGES = {ox.NamedNode(str(KG.supports)): ox.NamedNode(str(KG.Support)),
                 ox.NamedNode(str(KG.rejects)): ox.NamedNode(str(KG.Reject))}
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ARTICLE_CLASS = ox.NamedNode(str(KG.Article))
_DEFAULT = ox.DefaultGraph()


def split_by_article(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The same quads with every default-graph triple moved into its article's named graph."""
    named: list[ox.Quad] = []
    triples: list[ox.Quad] = []
    for quad in quads:
        (triples if isinstance(quad.graph_name, ox.DefaultGraph) else named).append(quad)
    if not triples:
        return named

    by_subject: dict[object, list[ox.Quad]] = defaultdict(list)
    article_of: dict[object, object] = {}
    articles: set[object] = set()
    for quad in triples:
        by_subject[quad.subject].append(quad)
        if quad.predicate == _SOURCE_ARTICLE and not isinstance(quad.object, ox.Literal):
            article_of[quad.subject] = quad.object
            articles.add(quad.object)
        elif quad.predicate == _RDF_TYPE and quad.object == _ARTICLE_CLASS:
            articles.add(quad.subject)

    graphs_of: dict[object, set] = defaultdict(set)  # node -> article graphs it is copied into
    edges_in: dict[tuple, set] = defaultdict(set)  # (actor, stance, proposal) -> article graphs
    for article in articles:
        graphs_of[article].add(article)
    for statement, article in article_of.items():
        graphs_of[statement].add(article)
        parts = {q.predicate: q.object for q in by_subject[statement]}
        if _ACTOR in parts and _PROPOSAL in parts and _STANCE in parts:
            edges_in[(parts[_ACTOR], parts[_STANCE], parts[_PROPOSAL])].add(article)

    # actors, proposals and whatever they point to (affiliations, proposers) follow the
    # statements that use them into each article's graph
    todo = [(q.object, article) for statement, article in article_of.items()
            for q in by_subject[statement] if q.predicate in (_ACTOR, _PROPOSAL)]
    while todo:
        node, article = todo.pop()
        if article in graphs_of[node] or node in articles or node in article_of or node not in by_subject:
            continue
        graphs_of[node].add(article)
        todo.extend((q.object, article) for q in by_subject[node]
                    if q.predicate not in _STANCE_EDGES and not isinstance(q.object, ox.Literal))

    out = named
    for quad in triples:
        if quad.predicate in _STANCE_EDGES:
            targets = edges_in.get((quad.subject, _STANCE_EDGES[quad.predicate], quad.object), ())
        else:
            targets = graphs_of.get(quad.subject, ())
        if not targets:
            out.append(quad)
        for graph in targets:
            out.append(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
    return out


@dataclass
class LoadReport:
    """What `kg load` put into the store."""

    files: list[str] = field(default_factory=list)
    quads: int = 0
    graphs: int = 0
    replaced: int = 0
    default_graph_triples: int = 0
    store: str = ""

    def describe(self) -> str:
        text = (f"kg: loaded {len(self.files)} file(s): {self.quads} triple(s) in {self.graphs} article graph(s)"
                f" ({self.replaced} replaced) -> store {self.store}")
        if self.default_graph_triples:
            text += f"; {self.default_graph_triples} triple(s) tied to no article went to the default graph"
        return text


def read_split(paths: Iterable[str | Path], input_format: str | None = None) -> list[ox.Quad]:
    """Parse every file (failing on the first bad one, before anything is written) and split by article."""
    quads: list[ox.Quad] = []
    for path in paths:
        quads.extend(iter_quads(path, input_format))
    return split_by_article(quads)


def load_files(paths: Iterable[str | Path], store_path: str | Path | None = None,
               input_format: str | None = None) -> LoadReport:
    """Add RDF files to the embedded store, replacing the named graphs they contain."""
    from kg.store import default_store_path, open_store, replace_graphs

    paths = [str(p) for p in paths]
    quads = read_split(paths, input_format)
    graphs = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    store = open_store(store_path)
    try:
        replaced = sum(1 for g in graphs if store.contains_named_graph(g))
        replace_graphs(store, quads)
    finally:
        del store  # release the store's lock before returning
    return LoadReport(files=paths, quads=len(quads), graphs=len(graphs), replaced=replaced,
                      default_graph_triples=sum(1 for q in quads if isinstance(q.graph_name, ox.DefaultGraph)),
                      store=str(store_path or default_store_path()))
