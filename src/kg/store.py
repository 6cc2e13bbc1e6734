"""The embedded Oxigraph store: one named graph per article, so reloading replaces."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
import rdflib

from kg.errors import StoreError
from kg.rdfio import to_ox_term


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


def replace_graphs(store: ox.Store, quads: Iterable[ox.Quad]) -> int:
    """Add quads, first clearing every named graph they belong to; returns the quad count.

    Re-extracting or re-loading an article therefore replaces its statements
    instead of adding a second copy.
    """
    quads = list(quads)
    graphs = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    try:
        for graph in graphs:
            if store.contains_named_graph(graph):
                store.remove_graph(graph)
        store.extend(quads)
        store.flush()
    except OSError as err:
        raise StoreError(f"cannot write to the store: {err}") from None
    return len(quads)


def write_dataset_to_store(store: ox.Store, dataset: rdflib.Dataset) -> int:
    return replace_graphs(store, dataset_quads(dataset))
