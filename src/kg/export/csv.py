"""Write a network as two CSV tables, nodes and edges, with the column names Gephi's importer knows."""

from __future__ import annotations

import csv
from typing import IO

import networkx as nx

from kg.export.columns import edge_columns, edges_with_ids, node_columns


def write_nodes_csv(graph: nx.Graph, handle: IO[str]) -> None:
    """One row per node: Id (the IRI), Label, then every node attribute (empty where a node has none)."""
    names = [name for name, _ in node_columns(graph, skip={"label"})]
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(["Id", "Label", *names])
    for node, data in graph.nodes(data=True):
        # The csv module writes ints as they are and floats in their shortest round-tripping form.
        writer.writerow([node, data.get("label", node), *(data.get(name, "") for name in names)])


def write_edges_csv(graph: nx.Graph, handle: IO[str]) -> None:
    """One row per edge: Source, Target, Type, Id, Weight, then every other edge attribute."""
    names = [name for name, _ in edge_columns(graph, skip={"weight"})]
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(["Source", "Target", "Type", "Id", "Weight", *names])
    writer.writerows([source, target, "Undirected", edge_id, data["weight"], *(data.get(name, "") for name in names)]
                     for edge_id, source, target, data in edges_with_ids(graph))
