"""Write a network as two CSV tables, nodes and edges, with the column names Gephi's importer knows."""

from __future__ import annotations

import csv
from typing import IO

import networkx as nx

from kg.export.columns import edge_columns, edges_with_ids, format_value, node_columns


def write_nodes_csv(graph: nx.Graph, handle: IO[str]) -> None:
    """One row per node: Id (the IRI), Label, then every node attribute."""
    columns = node_columns(graph, skip={"label"})
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(["Id", "Label", *(name for name, _ in columns)])
    for node, data in graph.nodes(data=True):
        writer.writerow([node, data.get("label", node),
                         *(format_value(data[name], kind) if name in data else "" for name, kind in columns)])


def write_edges_csv(graph: nx.Graph, handle: IO[str]) -> None:
    """One row per edge: Source, Target, Type, Id, Weight, then every other edge attribute."""
    columns = edge_columns(graph, skip={"weight"})
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(["Source", "Target", "Type", "Id", "Weight", *(name for name, _ in columns)])
    for edge_id, source, target, data in edges_with_ids(graph):
        weight = data["weight"]
        writer.writerow([source, target, "Undirected", edge_id, format_value(weight, type(weight)),
                         *(format_value(data[name], kind) if name in data else "" for name, kind in columns)])
