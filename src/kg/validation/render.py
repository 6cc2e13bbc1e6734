"""Validation reports as text (for people), JSON (for machines) and Turtle (the standard report)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from itertools import groupby

from kg.namespaces import PREFIXES, SH
from kg.validation.report import SEVERITY_ORDER, ValidationReport, ValidationResult
from kg.validation.shapes import KGSH

FORMATS = ("text", "json", "turtle")
_DATATYPE = re.compile(r'\^\^<([^>]*)>$')
_DISPLAY_PREFIXES = sorted({**{k: str(v) for k, v in PREFIXES.items()}, "kgsh": str(KGSH), "sh": str(SH)}.items(),
                           key=lambda item: -len(item[1]))


def compact(iri: str) -> str:
    """An IRI as prefix:name when a kg prefix covers it (and the name is plain), else <iri>."""
    for prefix, namespace in _DISPLAY_PREFIXES:
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if local and all(c.isalnum() or c in "-_./" for c in local):
                return f"{prefix}:{local}"
    return f"<{iri}>"


def _term(text: str) -> str:
    """A focus node or value for display: IRIs compacted (datatypes too), blank nodes as they are."""
    if text.startswith("<") and text.endswith(">"):
        return compact(text[1:-1])
    if text.startswith('"'):
        return _DATATYPE.sub(lambda m: "^^" + compact(m.group(1)), text)
    if text.startswith("_:"):
        return text
    return compact(text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: ValidationReport, files: int) -> str:
    """"2 violations, 1 warning, 0 infos in 3 files"."""
    counts = ", ".join(_plural(report.count(s), s.lower()) for s in ("Violation", "Warning", "Info"))
    return f"{counts} in {_plural(files, 'file')}"


def result_line(r: ValidationResult) -> str:
    """One result, compiler style: FOCUS ("label") PATH = VALUE: MESSAGE."""
    line = _term(r.focus_node)
    if r.focus_label:
        line += f' ("{r.focus_label}")'
    if r.path:
        line += " " + (compact(r.path) if "://" in r.path and " " not in r.path else r.path)
    if r.value is not None and _term(r.value) != _term(r.focus_node):
        line += f" = {_term(r.value)}" if r.path else f" value {_term(r.value)}"
    return f"{line}: {r.message}"


def render_text(report: ValidationReport, files: int) -> str:
    """Results grouped by severity, then by shape; a summary line at the end."""
    lines: list[str] = []
    by_severity = groupby(report.results, key=lambda r: r.severity)
    for severity, results in by_severity:
        results = list(results)
        lines.append(f"{severity.upper()}S ({len(results)})" if len(results) != 1 else f"{severity.upper()} (1)")
        ordered = sorted(results, key=lambda r: r.source_shape)
        for shape, group in groupby(ordered, key=lambda r: r.source_shape):
            group = list(group)
            components = sorted({r.constraint for r in group})
            lines.append(f"  {_term(shape)} [{', '.join(components)}]")
            for r in group:
                lines.append(f"    {severity.lower()}: {result_line(r)}")
        lines.append("")
    if report.truncated:
        lines.append(f"... {_plural(report.truncated, 'more result')} not shown (raise --max-errors to see them)")
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append(f"{verdict}: {summary_line(report, files)}")
    return "\n".join(lines) + "\n"


def render_json(report: ValidationReport) -> str:
    """A JSON list of results; the keys are the ValidationResult field names."""
    return json.dumps([asdict(r) for r in report.results], ensure_ascii=False, indent=2) + "\n"


def render_turtle(report: ValidationReport) -> str:
    """The standard sh:ValidationReport graph in Turtle."""
    return report.graph.serialize(format="turtle")


def render(report: ValidationReport, fmt: str, files: int) -> str:
    if fmt == "text":
        return render_text(report, files)
    if fmt == "json":
        return render_json(report)
    if fmt == "turtle":
        return render_turtle(report)
    raise ValueError(f"unknown report format {fmt!r}")


def fails(report: ValidationReport, fail_on: str) -> bool:
    """Whether the report has a result at or above the FAIL_ON severity."""
    threshold = SEVERITY_ORDER[fail_on.capitalize()]
    return any(report.count(s) for s, rank in SEVERITY_ORDER.items() if rank <= threshold)
