"""The reference engine: plain pySHACL on an rdflib graph, its report read back as RawResults."""

from __future__ import annotations

import logging

import rdflib
from rdflib import Literal

from kg.errors import ShapesError
from kg.namespaces import SH
from kg.validation.report import RawResult
from kg.validation.shapes import Shapes


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def run_pyshacl(data: rdflib.Graph, shapes: Shapes, skip: list | None = None) -> list[RawResult]:
    """Validate DATA with pySHACL against all shapes except the top-level shapes in SKIP.

    Skipped shapes lose their targets rather than being left out (pySHACL's
    use_shapes would also switch off the shapes they refer to with sh:node).
    """
    graph = shapes.graph
    if skip:
        graph = rdflib.Graph()
        for prefix, namespace in shapes.graph.namespaces():
            graph.bind(prefix, namespace)
        skipped = set(skip)
        for s, p, o in shapes.graph:
            if not (s in skipped and p in TARGETS):
                graph.add((s, p, o))
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError, ValidationFailure

    # pyshacl logs load problems on its own logger before raising; the message we raise says it all
    logging.getLogger("pyshacl-validate").setLevel(logging.CRITICAL)
    try:
        _conforms, report, _text = pyshacl.validate(data, shacl_graph=graph, inference="none", inplace=True)
    except (ReportableRuntimeError, ValidationFailure) as err:
        message = str(getattr(err, "message", None) or err).strip().splitlines()[0]
        raise ShapesError(f"{', '.join(shapes.files)}: the shapes cannot be used: {message}") from None
    if not isinstance(report, rdflib.Graph):
        raise ShapesError(f"{', '.join(shapes.files)}: pySHACL failed: {report}")
    return list(read_report(report))


def read_report(report: rdflib.Graph):
    """RawResults from a sh:ValidationReport graph."""
    for node in report.objects(None, SH.result):
        yield RawResult(
            severity=report.value(node, SH.resultSeverity),
            focus=report.value(node, SH.focusNode),
            path=report.value(node, SH.resultPath),
            value=report.value(node, SH.value),
            messages=tuple(sorted((m for m in report.objects(node, SH.resultMessage) if isinstance(m, Literal)),
                                  key=str)),
            shape=report.value(node, SH.sourceShape),
            component=report.value(node, SH.sourceConstraintComponent),
            constraint=report.value(node, SH.sourceConstraint),
        )
