"""Validate RDF against kg's SHACL shapes (and the user's own): typed results, fast on large graphs.

    report = validate_files(["statements.ttl"])
    if not report.conforms:
        for r in report.results: print(r.severity, r.focus_node, r.message)

The default engine compiles the shapes and checks all focus nodes at once: the
constraints on values in one pass over the parsed quads, the SHACL-SPARQL ones
on an in-memory Oxigraph store (kg.validation.fast); shapes using SHACL
features it does not compile are validated by pySHACL, and `engine="pyshacl"`
runs pySHACL on everything (the reference the fast engine is tested against).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable

import rdflib

from kg.errors import KgError
from kg.namespaces import bind_prefixes
from kg.rdfio import read_graph
from kg.resources import ontology_files
from kg.validation.fast import Plan, compile_shapes, run_plan
from kg.validation.reference import run_pyshacl
from kg.validation.report import (  # noqa: F401 - re-exported: the public API lives here
    RawResult, ValidationReport, ValidationResult, build_report,
)
from kg.validation.shapes import Shapes, load_shapes
from kg.validation.streaming import QuadSource

INFERENCE = ("none", "rdfs")
ENGINES = ("auto", "pyshacl")

__all__ = ["ValidationResult", "ValidationReport", "validate_graph", "validate_files", "load_shapes"]


@contextmanager
def _quiet_rdflib():
    """rdflib logs a traceback for every ill-typed literal it meets; here those are results, not errors."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def validate_graph(data: rdflib.Graph, shapes: list[Path] | None = None, *, default_shapes: bool = True,
                   inference: str = "none", max_errors: int | None = None,
                   engine: str = "auto") -> ValidationReport:
    """Validate DATA (named graphs, if any, are merged) against the built-in and/or given shapes.

    INFERENCE "rdfs" adds kg's ontology to the data and its RDFS entailments
    before validating. MAX_ERRORS cuts the list of results (the counts and
    `conforms` still cover all of them).
    """
    _check_options(inference, engine)
    with _quiet_rdflib():
        return _validate_graph(_merged(data), _shapes(shapes, default_shapes), inference, engine, max_errors)


def validate_files(paths: list[str], input_format: str | None = None, **kwargs) -> ValidationReport:
    """Validate RDF files (any serialisation kg.rdfio reads; "-" is standard input) as one graph.

    Keyword arguments are those of validate_graph. Files are parsed with
    pyoxigraph and never built into an rdflib graph unless pySHACL or RDFS
    inference needs one. Every file is read and checked before any is parsed.
    """
    shapes = kwargs.pop("shapes", None)
    default_shapes = kwargs.pop("default_shapes", True)
    inference = kwargs.pop("inference", "none")
    max_errors = kwargs.pop("max_errors", None)
    engine = kwargs.pop("engine", "auto")
    if kwargs:
        raise TypeError(f"validate_files() got unexpected arguments: {', '.join(kwargs)}")
    _check_options(inference, engine)
    if not paths:
        raise KgError("no data files to validate")
    with _quiet_rdflib():
        return _validate_files(paths, input_format, _shapes(shapes, default_shapes), inference, engine, max_errors)


def _validate_files(paths, input_format, loaded, inference, engine, max_errors) -> ValidationReport:
    if inference == "rdfs" or engine == "pyshacl" or loaded[1].unsupported:
        # pySHACL will need the data as an rdflib graph anyway
        return _validate_graph(read_graph(paths, input_format), loaded, inference, engine, max_errors)
    data = QuadSource.from_files(paths, input_format)

    def no_rdflib_graph() -> rdflib.Graph:  # pragma: no cover - every shape compiled, pySHACL is not run
        raise AssertionError("the fast engine handled every shape")

    return _validate(loaded, data, no_rdflib_graph, engine, max_errors)


# ---- internals -----------------------------------------------------------------------------

def _check_options(inference: str, engine: str) -> None:
    if inference not in INFERENCE:
        raise KgError(f"unknown inference {inference!r}; use one of {', '.join(INFERENCE)}")
    if engine not in ENGINES:
        raise KgError(f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}")


def _validate_graph(graph: rdflib.Graph, loaded, inference: str, engine: str,
                    max_errors: int | None) -> ValidationReport:
    if inference == "rdfs":
        graph = rdfs_closure(graph)
    data = QuadSource.from_graph(graph) if engine == "auto" else None
    return _validate(loaded, data, lambda: graph, engine, max_errors)


def _shapes(paths, default_shapes: bool) -> tuple[Shapes, Plan, object]:
    """The shapes, their compiled plan and the compiler that holds the plan's state."""
    if not paths and default_shapes:
        return _default_plan()
    loaded = load_shapes([str(p) for p in paths or []], default_shapes=default_shapes)
    plan, compiler = compile_shapes(loaded)
    return loaded, plan, compiler


@lru_cache(maxsize=1)
def _default_plan():
    # kg extract validates every batch; the built-in shapes are loaded and compiled once
    loaded = load_shapes(None, default_shapes=True)
    plan, compiler = compile_shapes(loaded)
    return loaded, plan, compiler


def _merged(data: rdflib.Graph) -> rdflib.Graph:
    if isinstance(data, (rdflib.Dataset, rdflib.ConjunctiveGraph)):
        merged = bind_prefixes(rdflib.Graph())
        for s, p, o, _g in data.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return data


def rdfs_closure(data: rdflib.Graph) -> rdflib.Graph:
    """DATA plus kg's ontology plus their RDFS entailments (pySHACL's "rdfs" inference rules)."""
    import owlrl
    from pyshacl.inference import CustomRDFSSemantics

    graph = bind_prefixes(rdflib.Graph())
    for triple in data:
        graph.add(triple)
    for triple in read_graph(ontology_files()):
        graph.add(triple)
    owlrl.DeductiveClosure(CustomRDFSSemantics).expand(graph)
    return graph


def _validate(loaded, data: QuadSource | None, rdflib_graph: Callable[[], rdflib.Graph], engine: str,
              max_errors: int | None) -> ValidationReport:
    shapes, plan, compiler = loaded
    raw: list[RawResult] = []
    used = []
    if engine == "auto":
        outcome = run_plan(plan, compiler, data)
        raw.extend(outcome.results)
        used.append("fast")
        if plan.unsupported:
            # pySHACL validates the shapes the fast engine could not compile, and only those
            raw.extend(run_pyshacl(rdflib_graph(), shapes, skip=[top.node for top in plan.shapes]))
            used.append("pyshacl")
        objects_of = outcome.objects
    else:
        graph = rdflib_graph()
        raw = run_pyshacl(graph, shapes)
        used.append("pyshacl")
        objects_of = lambda node, prop: list(graph.objects(node, prop))  # noqa: E731
    return build_report(raw, shapes.graph, objects_of, max_errors=max_errors, engine="+".join(used))
