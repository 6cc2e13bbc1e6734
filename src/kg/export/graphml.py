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


def _data(scope: str, data: dict, columns) -> str:
    return "".join(f'<data key="{_PREFIX[scope]}{xml_escape(name)}">{xml_escape(format_value(data[name], kind))}</data>'
                   for name, kind in columns if name in data)


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
        write(f"    {_data('graph', {k: str(v) for k, v in graph.graph.items()}, graph_cols)}\n")
    for node, data in graph.nodes(data=True):
        write(f'    <node id="{xml_escape(node)}">{_data("node", data, node_cols)}</node>\n')
    for edge_id, source, target, data in edges_with_ids(graph):
        write(f'    <edge id="{xml_escape(edge_id)}" source="{xml_escape(source)}" target="{xml_escape(target)}">'
              f'{_data("edge", data, edge_cols)}</edge>\n')
    write("  </graph>\n</graphml>\n")
