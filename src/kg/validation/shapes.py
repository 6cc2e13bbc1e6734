"""Load the SHACL shapes: kg's built-in ones from shapes/ and the user's own files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import rdflib
from rdflib import BNode, URIRef

from kg.errors import ShapesError
from kg.namespaces import SH, bind_prefixes
from kg.rdfio import read_graph
from kg.resources import shapes_files
from kg.validation.report import nt_text

KGSH = rdflib.Namespace("https://w3id.org/kg-positions/shapes#")

SHAPE_TYPES = (SH.NodeShape, SH.PropertyShape)
TARGET_PREDICATES = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


@dataclass
class Shapes:
    """A shapes graph and, for messages, the file each shape came from."""

    graph: rdflib.Graph
    files: list[str] = field(default_factory=list)
    origin: dict = field(default_factory=dict)  # shape node -> file name

    def where(self, shape) -> str:
        return self.origin.get(shape, ", ".join(self.files) or "shapes")


def _describe(graph: rdflib.Graph, node) -> str:
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node) if ":" in str(node) else str(node)
    path = graph.value(node, SH.path)
    if path is not None:
        return f"the property shape with sh:path {_describe(graph, path)}"
    return "a blank-node shape"


def check_shacl(graph: rdflib.Graph, name: str) -> None:
    """Raise ShapesError unless GRAPH is valid SHACL (pySHACL's SHACL-SHACL meta-shapes)."""
    from pyshacl.entrypoints import meta_validate

    conforms, report, _text = meta_validate(graph, inference="none")
    if conforms:
        return
    result = next(report.objects(None, SH.result))
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    message = report.value(result, SH.resultMessage)
    detail = f"{_describe(graph, focus)}"
    if isinstance(path, URIRef):
        detail += f": {_describe(graph, path)}"
    if value is not None and value != focus:
        detail += f" = {nt_text(value) if not isinstance(value, BNode) else '[...]'}"
    count = len(list(report.objects(None, SH.result)))
    more = f" (and {count - 1} more problem(s))" if count > 1 else ""
    raise ShapesError(f"{name}: not valid SHACL: {detail}: {message}{more}")


@lru_cache(maxsize=1)
def _default_shapes() -> tuple[rdflib.Graph, tuple[str, ...], tuple]:
    files = shapes_files()
    if not files:
        raise ShapesError("no built-in shapes found in the kg installation (shapes/*.ttl)")
    # kg's own files: parsed directly, so limits meant for user input (KG_MAX_RDF_BYTES) do not apply
    graph = rdflib.Graph()
    origin = {}
    for f in files:
        part = rdflib.Graph().parse(f, format="turtle")
        for triple in part:
            graph.add(triple)
        for s in part.subjects():
            origin.setdefault(s, f.name)
    return graph, tuple(str(f) for f in files), tuple(origin.items())


def load_shapes(paths: list[str | Path] | None = None, *, default_shapes: bool = True,
                check: bool = True) -> Shapes:
    """The built-in shapes (unless DEFAULT_SHAPES is false) plus the shape files in PATHS.

    User files are parsed safely (kg.rdfio) and, when CHECK is true, validated
    against the SHACL-SHACL meta-shapes, so a mistake in a team's own shapes
    is reported with the file and shape instead of surfacing mid-validation.
    """
    graph = bind_prefixes(rdflib.Graph())
    graph.bind("sh", SH)
    graph.bind("kgsh", KGSH)
    shapes = Shapes(graph=graph)
    if default_shapes:
        default, files, origin = _default_shapes()
        for triple in default:
            graph.add(triple)
        shapes.files.extend(files)
        shapes.origin.update(dict(origin))
    for path in paths or []:
        user = read_graph([path])
        for prefix, namespace in user.namespaces():
            if prefix and prefix not in dict(graph.namespaces()):
                graph.bind(prefix, namespace)
        if check:
            check_shacl(user, str(path))
        if not any(user.subjects(RDF_TYPE, t) for t in SHAPE_TYPES) and not any(
                user.subjects(p, None) for p in TARGET_PREDICATES):
            raise ShapesError(f"{path}: no SHACL shapes in this file (no sh:NodeShape, sh:PropertyShape or target)")
        for triple in user:
            graph.add(triple)
        for s in user.subjects():
            shapes.origin.setdefault(s, str(path))
        shapes.files.append(str(path))
    if not shapes.files:
        raise ShapesError("no shapes to validate against: give --shapes FILE or drop --no-default-shapes")
    return shapes


RDF_TYPE = rdflib.RDF.type
