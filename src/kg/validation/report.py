"""Validation results: the typed public records and the sh:ValidationReport graph built from them.

Both engines (the fast SPARQL one and plain pySHACL) produce `RawResult`s,
which hold RDF terms; this module turns them into `ValidationResult`s, whose
fields are plain strings with stable names (they are also the JSON keys), and
into the standard report graph.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.namespaces import KG, SCHEMA, SH, bind_prefixes

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL validation result; the field names are also the keys of `kg validate --format json`."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus_node: str  # IRI, or _:id for a blank node
    focus_label: str | None
    path: str | None  # the property IRI, or a SPARQL property path for complex paths
    value: str | None  # the offending value in N-Triples syntax: <iri>, "text", "1.5"^^<...#decimal>, _:b0
    message: str
    source_shape: str
    constraint: str  # e.g. "sh:MinCountConstraintComponent"


@dataclass
class ValidationReport:
    conforms: bool  # no sh:Violation (warnings and infos do not make data non-conforming)
    results: list[ValidationResult]
    graph: rdflib.Graph | None  # the sh:ValidationReport graph (for --format turtle)
    totals: dict[str, int] = field(default_factory=dict)  # per severity, before --max-errors cut the list
    engine: str = ""  # which engine(s) produced the results: "fast", "pyshacl" or "fast+pyshacl"

    def count(self, severity: str) -> int:
        """How many results of SEVERITY ("Violation", "Warning", "Info") the data has."""
        if severity in self.totals:
            return self.totals[severity]
        return sum(1 for r in self.results if r.severity == severity)

    @property
    def truncated(self) -> int:
        """How many results were left out of `results` by max_errors."""
        return sum(self.totals.values()) - len(self.results) if self.totals else 0


@dataclass(frozen=True)
class RawResult:
    """A result as an engine finds it, in RDF terms (shape and path nodes live in the shapes graph)."""

    severity: URIRef
    focus: object
    path: object | None
    value: object | None
    messages: tuple[Literal, ...]
    shape: object
    component: URIRef
    constraint: object | None = None  # the sh:sparql node of a SPARQL-based constraint


# ---- terms as text -------------------------------------------------------------------

def node_text(term) -> str:
    """An IRI as itself, a blank node as _:id, a literal (a focus node can be one) in N-Triples syntax."""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return nt_text(term)
    return str(term)


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))


def nt_text(term) -> str:
    """A term in N-Triples syntax, so IRIs, strings and typed values stay distinguishable."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        quoted = f'"{_escape(str(term))}"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    return str(term)


def path_text(shapes: rdflib.Graph, path) -> str:
    """A SHACL path: its IRI when it is a single property, otherwise SPARQL property path syntax."""
    if isinstance(path, URIRef):
        return str(path)
    return _sparql_path(shapes, path, top=True)


def _sparql_path(shapes: rdflib.Graph, path, top: bool = False) -> str:
    if isinstance(path, URIRef):
        return f"<{path}>"
    if (path, RDF.first, None) in shapes:
        parts = [_sparql_path(shapes, p) for p in Collection(shapes, path)]
        joined = " / ".join(parts)
        return joined if top else f"({joined})"
    for predicate, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                                (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = shapes.value(path, predicate)
        if inner is not None:
            return template.format(_sparql_path(shapes, inner))
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        joined = " | ".join(_sparql_path(shapes, p) for p in Collection(shapes, alternatives))
        return joined if top else f"({joined})"
    return node_text(path)


def shape_text(shapes: rdflib.Graph, shape) -> str:
    """A shape's IRI; a blank-node property shape is named by its parent shape and path."""
    if not isinstance(shape, BNode):
        return str(shape)
    parent = shapes.value(None, SH.property, shape)
    path = shapes.value(shape, SH.path)
    if parent is not None and path is not None:
        return f"{shape_text(shapes, parent)} / {path_text(shapes, path)}"
    return node_text(shape)


def constraint_text(component: URIRef) -> str:
    text = str(component)
    return "sh:" + text[len(str(SH)):] if text.startswith(str(SH)) else text


def severity_text(severity: URIRef) -> str:
    text = str(severity)
    return text[len(str(SH)):] if text.startswith(str(SH)) else text


def choose_message(messages: Iterable[Literal]) -> str:
    """One message: English or untagged first, then in a stable order."""
    ranked = sorted(messages, key=lambda m: (0 if (m.language or "en").lower().startswith("en") else 1, str(m)))
    return str(ranked[0]) if ranked else ""


# ---- labels for focus nodes -----------------------------------------------------------

LABEL_PROPERTIES = (SKOS.prefLabel, RDFS.label, SCHEMA.headline, KG.documentId)

ObjectsOf = Callable[[object, URIRef], list]


def _first_label(objects_of: ObjectsOf, node) -> str | None:
    for prop in LABEL_PROPERTIES:
        values = sorted(objects_of(node, prop), key=lambda v: (0 if (getattr(v, "language", None) or "en")
                                                                 .lower().startswith("en") else 1, str(v)))
        for value in values:
            if isinstance(value, Literal) and str(value).strip():
                return str(value)
    return None


def label_of(objects_of: ObjectsOf, node) -> str | None:
    """A human name for a focus node: its label, or for a statement "ACTOR supports PROPOSAL"."""
    label = _first_label(objects_of, node)
    if label is not None:
        return label
    actor, stance, proposal = (min(objects_of(node, prop), key=str, default=None)
                               for prop in (KG.actor, KG.stance, KG.proposal))
    if actor is None and proposal is None:
        return None
    actor_name = (_first_label(objects_of, actor) if actor is not None else None) or "?"
    proposal_name = (_first_label(objects_of, proposal) if proposal is not None else None) or "?"
    verb = {KG.Support: "supports", KG.Reject: "rejects"}.get(stance, "?")
    return f"{actor_name} {verb} {proposal_name}"


# ---- assembling the report --------------------------------------------------------------

def _sort_key(result: ValidationResult):
    return (SEVERITY_ORDER.get(result.severity, 3), result.source_shape, result.focus_node,
            result.path or "", result.value or "", result.constraint, result.message)


def build_report(raw: list[RawResult], shapes: rdflib.Graph, objects_of: ObjectsOf,
                 max_errors: int | None = None, engine: str = "") -> ValidationReport:
    """Sort, label and count the results; cut the list at MAX_ERRORS; build the report graph."""
    labels: dict[object, str | None] = {}
    public: list[tuple[ValidationResult, RawResult]] = []
    for r in raw:
        if r.focus not in labels:
            labels[r.focus] = label_of(objects_of, r.focus)
        public.append((ValidationResult(
            severity=severity_text(r.severity),
            focus_node=node_text(r.focus),
            focus_label=labels[r.focus],
            path=path_text(shapes, r.path) if r.path is not None else None,
            value=nt_text(r.value) if r.value is not None else None,
            message=choose_message(r.messages),
            source_shape=shape_text(shapes, r.shape),
            constraint=constraint_text(r.component),
        ), r))
    public.sort(key=lambda pair: _sort_key(pair[0]))
    totals = dict(Counter(p.severity for p, _ in public))
    conforms = totals.get("Violation", 0) == 0
    if max_errors is not None:
        public = public[:max(0, max_errors)]
    graph = report_graph([r for _, r in public], conforms, shapes)
    return ValidationReport(conforms=conforms, results=[p for p, _ in public], graph=graph,
                            totals=totals, engine=engine)


def _copy_path(shapes: rdflib.Graph, report: rdflib.Graph, node) -> None:
    """Copy a blank-node path structure from the shapes graph into the report."""
    if not isinstance(node, BNode):
        return
    for p, o in shapes.predicate_objects(node):
        report.add((node, p, o))
        _copy_path(shapes, report, o)


def report_graph(raw: list[RawResult], conforms: bool, shapes: rdflib.Graph) -> rdflib.Graph:
    """The standard sh:ValidationReport for RAW."""
    graph = bind_prefixes(rdflib.Graph())
    graph.bind("sh", SH)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    for r in raw:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, r.severity))
        graph.add((node, SH.focusNode, r.focus))
        graph.add((node, SH.sourceShape, r.shape))
        graph.add((node, SH.sourceConstraintComponent, r.component))
        if r.path is not None:
            graph.add((node, SH.resultPath, r.path))
            _copy_path(shapes, graph, r.path)
        if r.value is not None:
            graph.add((node, SH.value, r.value))
        if r.constraint is not None:
            graph.add((node, SH.sourceConstraint, r.constraint))
        for message in r.messages:
            graph.add((node, SH.resultMessage, message))
    return graph
