"""The reference engine: plain pySHACL on an rdflib graph, its report read back as RawResults."""

from __future__ import annotations

import logging

import rdflib
from rdflib import Literal

from kg.errors import ShapesError
from kg.namespaces import SH
from kg.validation.report import RawResult
from kg.validation.shapes import Shapes


def run_pyshacl(data: rdflib.Graph, shapes: Shapes, use_shapes: list | None = None) -> list[RawResult]:
    """Validate DATA with pySHACL (all shapes, or only USE_SHAPES) and return its results."""
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError, ValidationFailure

    # pyshacl logs load problems on its own logger before raising; the message we raise says it all
    logging.getLogger("pyshacl-validate").setLevel(logging.CRITICAL)
    try:
        _conforms, report, _text = pyshacl.validate(
            data, shacl_graph=shapes.graph, inference="none", inplace=True,
            use_shapes=[str(s) for s in use_shapes] if use_shapes else None)
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
