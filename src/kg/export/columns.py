"""The attribute columns of a network (names and value types, in a stable order) for the writers.

A kg network declares the same columns whatever the data holds, so the files of a
time-window series all have the same header; any other graph gets the columns its
data has.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import networkx as nx

NODE_TYPES: dict[str, type] = {
    "label": str, "type": str, "proposal_type": str, "affiliation": str, "statements": int,
    "supporters": int, "opponents": int, "proposals_supported": int, "proposals_rejected": int,
    "first_date": str, "last_date": str,
}
EDGE_TYPES: dict[str, type] = {
    "weight": int, "sign": int, "stance": str, "count": int, "evidence": int, "articles": int,
    "first_date": str, "last_date": str,
}
_ACTOR_NODES = ("label", "type", "affiliation", "statements", "proposals_supported", "proposals_rejected",
                "first_date", "last_date")
_PROPOSAL_NODES = ("label", "type", "proposal_type", "statements", "supporters", "opponents",
                   "first_date", "last_date")
_ONE_MODE_EDGES = ("weight", "sign", "stance", "count", "evidence", "first_date", "last_date")
# network -> (node columns, edge columns)
NETWORK_COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "two-mode": (tuple(NODE_TYPES), tuple(EDGE_TYPES)),
    "congruence": (_ACTOR_NODES, _ONE_MODE_EDGES),
    "conflict": (_ACTOR_NODES, _ONE_MODE_EDGES),
    "subtract": (_ACTOR_NODES, _ONE_MODE_EDGES),
    "proposals": (_PROPOSAL_NODES, _ONE_MODE_EDGES),
}


def _from_data(records: Iterable[dict], skip: set[str]) -> list[tuple[str, type]]:
    kinds: dict[str, set[type]] = {}
    for data in records:
        for key, value in data.items():
            if key not in skip:
                kinds.setdefault(key, set()).add(type(value))
    columns = []
    for key, seen in kinds.items():
        kind = int if seen <= {int} else float if seen <= {int, float} else str
        columns.append((key, kind))
    return columns


def node_columns(graph: nx.Graph, skip: Iterable[str] = ()) -> list[tuple[str, type]]:
    """(name, int | float | str) of the node attributes of GRAPH, in order."""
    skip = set(skip)
    declared = NETWORK_COLUMNS.get(graph.graph.get("network"))
    if declared is None:
        return _from_data((data for _n, data in graph.nodes(data=True)), skip)
    return [(name, NODE_TYPES[name]) for name in declared[0] if name not in skip]


def edge_columns(graph: nx.Graph, skip: Iterable[str] = ()) -> list[tuple[str, type]]:
    """(name, int | float | str) of the edge attributes of GRAPH, in order (the edge id is not one)."""
    skip = set(skip)
    declared = NETWORK_COLUMNS.get(graph.graph.get("network"))
    if declared is None:
        return _from_data((data for _u, _v, data in graph.edges(data=True)), skip)
    normalised = graph.graph.get("normalize", "none") != "none"
    return [(name, float if name == "weight" and normalised else EDGE_TYPES[name])
            for name in declared[1] if name not in skip]


def edges_with_ids(graph: nx.Graph) -> Iterator[tuple[str, str, str, dict]]:
    """(edge id, source, target, data) of every edge. Ids are stable across runs and formats:
    "SOURCE|TARGET", or "ACTOR|STANCE|PROPOSAL" in the two-mode network, where an actor
    can have one edge per stance to the same proposal."""
    if graph.is_multigraph():
        for source, target, key, data in graph.edges(keys=True, data=True):
            yield f"{source}|{key}|{target}", source, target, data
    else:
        for source, target, data in graph.edges(data=True):
            yield f"{source}|{target}", source, target, data


def format_value(value, kind: type) -> str:
    """A value as text: floats in their shortest round-tripping form, ints without a decimal point."""
    if kind is float:
        return repr(float(value))
    return str(value)
