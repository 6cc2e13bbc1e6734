"""Write a network as GEXF 1.3 (default) or 1.2draft that validates against the official XSD.

networkx's GEXF writer puts a `name` attribute on <graph>, which neither schema
allows, so kg writes GEXF itself, streaming one element per line.

The official XSDs declare the viz elements (<color>, <size>) in the GEXF namespace
itself, not in a separate viz namespace, so that is where they go here; Gephi reads
them by local name either way.
"""

from __future__ import annotations

from typing import IO

import networkx as nx

from kg import __version__
from kg.export.columns import edge_columns, edges_with_ids, format_value, node_columns
from kg.export.xmlescape import xml_escape

GEXF_VERSIONS = {
    # version -> (namespace, schema location, value of the version attribute)
    "1.3": ("http://gexf.net/1.3", "http://gexf.net/1.3/gexf.xsd", "1.3"),
    "1.2draft": ("http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/gexf.xsd", "1.2"),
}
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GEXF_TYPES = {int: "integer", float: "double", str: "string"}

# Colours by node type (a colour-blind-safe palette) and by the sign of an edge.
NODE_COLOURS = {
    "person": (0, 114, 178),
    "organisation": (0, 158, 115),
    "state": (213, 94, 0),
    "proposal": (230, 159, 0),
    "actor": (153, 153, 153),
}
EDGE_COLOURS = {1: (0, 158, 115), -1: (213, 94, 0)}
SIZE_MIN, SIZE_MAX = 10.0, 50.0

def node_size(degree: int, max_degree: int) -> float:
    """Viz size grows linearly with degree, from SIZE_MIN (isolates) to SIZE_MAX (the best connected)."""
    if max_degree <= 0:
        return SIZE_MIN
    return round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * degree / max_degree, 3)


def _attributes_block(cls: str, columns, mode: str) -> str:
    lines = [f'    <attributes class="{cls}" mode="{mode}">']
    for name, kind in columns:
        lines.append(f'      <attribute id="{xml_escape(name)}" title="{xml_escape(name)}" type="{GEXF_TYPES[kind]}"/>')
    lines.append("    </attributes>")
    return "\n".join(lines) + "\n"


def _attvalue_writers(columns) -> list[tuple[str, str, object]]:
    """(name, the text before the value, value -> text) per column, worked out once per file."""
    text_of = {int: str, float: lambda v: repr(float(v)), str: xml_escape}
    return [(name, f'<attvalue for="{xml_escape(name)}" value="', text_of[kind]) for name, kind in columns]


def _attvalues(data: dict, writers) -> str:
    values = "".join(f'{head}{text(data[name])}"/>' for name, head, text in writers if name in data)
    return f"<attvalues>{values}</attvalues>" if values else ""


def _interval(data: dict) -> str:
    text = ""
    if "first_date" in data:
        text += f' start="{data["first_date"]}"'
    if "last_date" in data:
        text += f' end="{data["last_date"]}"'
    return text


def _colour(rgb: tuple[int, int, int]) -> str:
    return f'<color r="{rgb[0]}" g="{rgb[1]}" b="{rgb[2]}"/>'


def write_gexf(graph: nx.Graph, handle: IO[str], version: str = "1.3", dynamic: bool = False,
               description: str = "") -> None:
    """Write GRAPH to a text HANDLE as GEXF VERSION.

    With `dynamic`, nodes and edges get start/end dates (their first and last
    statement) and the graph becomes a dynamic one Gephi's timeline can replay;
    elements without a dated statement have no interval and are always shown.
    """
    namespace, schema, version_value = GEXF_VERSIONS[version]
    write = handle.write
    write('<?xml version="1.0" encoding="UTF-8"?>\n')
    write(f'<gexf xmlns="{namespace}" xmlns:xsi="{XSI}" xsi:schemaLocation="{namespace} {schema}" '
          f'version="{version_value}">\n')
    write(f"  <meta>\n    <creator>kg {xml_escape(__version__)}</creator>\n")
    if description:
        write(f"    <description>{xml_escape(description)}</description>\n")
    write("  </meta>\n")

    graph_attrs = 'defaultedgetype="undirected"'
    if dynamic:
        graph_attrs += ' mode="dynamic" timeformat="date"'
        if version == "1.3":
            graph_attrs += ' timerepresentation="interval"'
        if "start" in graph.graph:
            graph_attrs += f' start="{graph.graph["start"]}" end="{graph.graph["end"]}"'
    else:
        graph_attrs += ' mode="static"'
    write(f"  <graph {graph_attrs}>\n")
    attr_mode = "static"  # attribute values do not change over time; only presence does
    nodes_cols = node_columns(graph, skip={"label"})
    edge_cols = edge_columns(graph, skip={"weight"})
    write(_attributes_block("node", nodes_cols, attr_mode))
    write(_attributes_block("edge", edge_cols, attr_mode))

    node_values, edge_values = _attvalue_writers(nodes_cols), _attvalue_writers(edge_cols)
    node_ids = {node: xml_escape(node) for node in graph}
    degrees = dict(graph.degree())
    max_degree = max(degrees.values(), default=0)
    write(f'    <nodes count="{graph.number_of_nodes()}">\n')
    for node, data in graph.nodes(data=True):
        interval = _interval(data) if dynamic else ""
        rgb = NODE_COLOURS.get(data.get("type", "actor"), NODE_COLOURS["actor"])
        write(f'      <node id="{node_ids[node]}" label="{xml_escape(data.get("label", node))}"{interval}>'
              f'{_attvalues(data, node_values)}'
              f'<size value="{node_size(degrees[node], max_degree)}"/>{_colour(rgb)}</node>\n')
    write("    </nodes>\n")

    # An actor who both supported and rejected a proposal has two parallel edges;
    # GEXF 1.3 tells them apart by `kind`, which Gephi keeps as the edge type.
    use_kind = graph.is_multigraph() and version == "1.3"
    write(f'    <edges count="{graph.number_of_edges()}">\n')
    for edge_id, source, target, data in edges_with_ids(graph):
        interval = _interval(data) if dynamic else ""
        kind = f' kind="{xml_escape(data["stance"])}"' if use_kind else ""
        weight = format_value(data["weight"], type(data["weight"]))
        rgb = EDGE_COLOURS[1 if data.get("sign", 1) > 0 else -1]
        write(f'      <edge id="{xml_escape(edge_id)}" source="{node_ids[source]}" target="{node_ids[target]}" '
              f'weight="{weight}"{kind}{interval}>{_attvalues(data, edge_values)}{_colour(rgb)}</edge>\n')
    write("    </edges>\n  </graph>\n</gexf>\n")
