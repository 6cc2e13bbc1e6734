"""Write a network as GraphML, with typed keys for every node, edge and graph attribute.

Written by hand rather than with networkx, so that reading it back with networkx
in the tests checks the file, not one library against itself.
"""

from __future__ import annotations

from typing import IO

import networkx as nx

from kg.export.columns import edge_columns, edges_with_ids, format_value, node_columns
from kg.export.xmlescape import xml_escape

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GRAPHML_TYPES = {int: "long", float: "double", str: "string"}
# Key ids carry the scope, because nodes and edges share attribute names (first_date).
_PREFIX = {"graph": "g_", "node": "n_", "edge": "e_"}


def _key(scope: str, name: str, kind: type) -> str:
    return (f'  <key id="{_PREFIX[scope]}{xml_escape(name)}" for="{scope}" attr.name="{xml_escape(name)}" '
            f'attr.type="{GRAPHML_TYPES[kind]}"/>\n')


def _data_writers(scope: str, columns) -> list[tuple[str, str, object]]:
    """(name, the text before the value, value -> text) per column, worked out once per file."""
    text_of = {int: str, float: lambda v: format_value(v, float), str: xml_escape}
    return [(name, f'<data key="{_PREFIX[scope]}{xml_escape(name)}">', text_of[kind]) for name, kind in columns]


def _data(data: dict, writers) -> str:
    return "".join(f"{head}{text(data[name])}</data>" for name, head, text in writers if name in data)


def write_graphml(graph: nx.Graph, handle: IO[str]) -> None:
    """Write GRAPH to a text HANDLE as GraphML; node ids are the IRIs, edge ids kg's stable edge ids."""
    graph_cols = [(name, str) for name in sorted(graph.graph)]
    node_cols = node_columns(graph)
    edge_cols = edge_columns(graph)
    write = handle.write
    write('<?xml version="1.0" encoding="UTF-8"?>\n')
    write(f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="{XSI}" xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_SCHEMA}">\n')
    for scope, columns in (("graph", graph_cols), ("node", node_cols), ("edge", edge_cols)):
        for name, kind in columns:
            write(_key(scope, name, kind))
    write('  <graph id="G" edgedefault="undirected">\n')
    if graph_cols:
        write(f"    {_data({k: str(v) for k, v in graph.graph.items()}, _data_writers('graph', graph_cols))}\n")
    node_data, edge_data = _data_writers("node", node_cols), _data_writers("edge", edge_cols)
    node_ids = {node: xml_escape(node) for node in graph}
    for node, data in graph.nodes(data=True):
        write(f'    <node id="{node_ids[node]}">{_data(data, node_data)}</node>\n')
    for edge_id, source, target, data in edges_with_ids(graph):
        write(f'    <edge id="{xml_escape(edge_id)}" source="{node_ids[source]}" target="{node_ids[target]}">'
              f'{_data(data, edge_data)}</edge>\n')
    write("  </graph>\n</graphml>\n")
