"""The embedded Oxigraph store: one named graph per article, so reloading replaces."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
import rdflib

from kg.errors import StoreError
from kg.index import (INDEX_GRAPH, entities_in_graphs, entities_of_quads, rebuild_updates, refresh_keeps_index_complete,
                      refresh_updates)
from kg.rdfio import to_ox_term

_BATCH_QUADS = 100_000  # quads per update request when article graphs are written

GraphName = ox.NamedNode | ox.DefaultGraph


def default_store_path() -> Path:
    """$KG_STORE, else $XDG_DATA_HOME/kg/store (~/.local/share/kg/store)."""
    if os.environ.get("KG_STORE"):
        return Path(os.environ["KG_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kg" / "store"


def open_store(path: str | Path | None = None, *, create: bool = True, read_only: bool = False) -> ox.Store:
    """Open (and by default create) the on-disk store at PATH or the default location."""
    location = Path(path) if path else default_store_path()
    if location.exists() and not location.is_dir():
        raise StoreError(f"{location}: not a store folder")
    if not location.exists():
        if not create:
            raise StoreError(f"{location}: no store here (run `kg extract` or `kg load` first, or pass --store)")
        try:
            location.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{location}: cannot create store folder: {err.strerror or err}") from None
    try:
        if read_only:
            return ox.Store.read_only(str(location))
        return ox.Store(str(location))
    except OSError as err:
        message = str(err).splitlines()[0]
        if "lock" in message.lower():
            message = "store is in use by another kg process (or a stale lock); close it and retry"
        raise StoreError(f"{location}: cannot open store: {message}") from None


def dataset_quads(dataset: rdflib.Dataset) -> Iterable[ox.Quad]:
    """pyoxigraph quads of an rdflib dataset, keeping each triple's named graph."""
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_name = g.identifier if isinstance(g, rdflib.Graph) else g
        if graph_name is None or graph_name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
            graph_term = ox.DefaultGraph()
        else:
            graph_term = to_ox_term(graph_name)
        yield ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), graph_term)


def store_select(store: ox.Store):
    """A function running a SELECT on STORE and returning rows of plain IRIs and lexical forms."""

    def select(sparql: str) -> list[tuple]:
        return [tuple(term.value if term is not None else None for term in solution)
                for solution in store.query(sparql)]

    return select


def triples_text(quads: list[ox.Quad]) -> str:
    # pyoxigraph prints terms in N-Triples syntax, which SPARQL reads as the same terms
    return "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def update_request_text(batch: list[tuple[GraphName, list[ox.Quad]]]) -> str:
    """One SPARQL Update request replacing every graph of the batch (run as one transaction).

    The same text serves the embedded store (replace_graphs) and remote endpoints (kg.push).
    """
    operations = []
    for name, quads in batch:
        if isinstance(name, ox.DefaultGraph):
            operations.append(f"INSERT DATA {{\n{triples_text(quads)}\n}}")
        else:
            operations.append(f"DROP SILENT GRAPH {name}")
            if quads:
                operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{triples_text(quads)}\n}} }}")
    return " ;\n".join(operations) + "\n"


def replace_graphs(store: ox.Store, quads: Iterable[ox.Quad]) -> int:
    """Add quads, replacing every named graph they belong to; returns the quad count.

    Re-extracting or re-loading an article therefore replaces its statements
    instead of adding a second copy. Each article graph is swapped in one
    transaction (with the others of its batch), so a failure never leaves an
    article half-written or missing. The index graph (kg.index) is then refreshed
    for every actor and proposal the old or new graphs mention; quads that claim to
    be in the index graph are ignored, as it is derived data.
    """
    index = ox.NamedNode(str(INDEX_GRAPH))
    by_graph: dict[ox.NamedNode, list[ox.Quad]] = {}
    default: list[ox.Quad] = []
    count = 0
    for quad in quads:
        if quad.graph_name == index:
            continue
        count += 1
        if not isinstance(quad.graph_name, ox.NamedNode):
            default.append(quad)  # the default graph, or a graph named by a blank node: nothing to replace
        else:
            by_graph.setdefault(quad.graph_name, []).append(quad)
    select = store_select(store)
    try:
        complete = refresh_keeps_index_complete(select)
        existing = [g.value for g in by_graph if store.contains_named_graph(g)]
        affected = entities_in_graphs(select, existing)
        batch: dict[ox.NamedNode, list[ox.Quad]] = {}
        size = 0
        for graph, graph_quads in by_graph.items():
            affected |= entities_of_quads(graph_quads)
            batch[graph] = graph_quads
            size += len(graph_quads)
            if size >= _BATCH_QUADS:
                store.update(update_request_text(list(batch.items())))
                batch, size = {}, 0
        if batch:
            store.update(update_request_text(list(batch.items())))
        if default:
            store.extend(default)
        for update in refresh_updates(select, affected, complete):
            store.update(update)
        store.flush()
    except (OSError, SyntaxError) as err:  # SyntaxError: a term the update text could not carry
        raise StoreError(f"cannot write to the store: {str(err).splitlines()[0]}") from None
    return count


def reindex(store: ox.Store) -> int:
    """Rebuild the store's index graph from its article graphs; returns the number of index triples.

    The store is compacted afterwards: dropping and rewriting the whole index leaves
    deleted entries that slowed the saved queries by up to half until compacted
    (proposals 192 -> 113 ms at 100k statements).
    """
    select = store_select(store)
    try:
        for update in rebuild_updates(select):
            store.update(update)
        store.flush()
        store.optimize()  # a no-op in memory
    except (OSError, SyntaxError) as err:
        raise StoreError(f"cannot write to the store: {str(err).splitlines()[0]}") from None
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(INDEX_GRAPH))))


def write_dataset_to_store(store: ox.Store, dataset: rdflib.Dataset) -> int:
    return replace_graphs(store, dataset_quads(dataset))


def write_index_file(data_files, output: str | Path, input_format: str | None = None) -> int:
    """Write the index graph of RDF files (as `kg load` would split them) to OUTPUT (.nq or .trig).

    For stores that take no SPARQL Update (QLever builds its index offline): load this
    file beside the articles. Returns the number of index triples.
    """
    from kg.load import read_split
    from kg.rdfio import atomic_output

    suffix = Path(str(output)).suffix.lower()
    formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
    if suffix not in formats:
        raise StoreError(f"{output}: the index graph is a named graph; write it as .nq or .trig")
    store = ox.Store()  # memory only
    replace_graphs(store, read_split([str(p) for p in data_files], input_format))
    quads = list(store.quads_for_pattern(None, None, None, ox.NamedNode(str(INDEX_GRAPH))))
    data = ox.serialize(quads, format=formats[suffix])
    with atomic_output(output, "wb") as handle:
        handle.write(data)
    return len(quads)
