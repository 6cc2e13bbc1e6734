"""Query results as one typed value, and their formats: an aligned table for people,
CSV and TSV (W3C SPARQL 1.1 Query Results CSV/TSV), JSON (W3C SPARQL 1.1 Query
Results JSON), and Turtle or N-Triples for CONSTRUCT and DESCRIBE.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Optional

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import OutputError, QueryError
from kg.namespaces import PREFIXES, bind_prefixes

Term = Optional[rdflib.term.Identifier]

SELECT_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("turtle", "nt")
ALL_FORMATS = SELECT_FORMATS + GRAPH_FORMATS
TABLE_CELL_WIDTH = 80  # wider cells are cut in the table format only; csv/tsv/json keep everything
_BARE_IN_TSV = {XSD.integer: r"[+-]?\d+", XSD.decimal: r"[+-]?\d*\.\d+", XSD.boolean: r"true|false"}


@dataclass
class QueryResult:
    """The answer to a query: solutions (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE)."""

    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Term, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: rdflib.Graph | None = None

    @property
    def kind(self) -> str:
        if self.graph is not None:
            return "graph"
        if self.boolean is not None:
            return "ask"
        return "select"

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows)

    def as_dicts(self) -> list[dict[str, Term]]:
        """Each solution as {variable: term}, leaving out unbound variables."""
        return [{v: t for v, t in zip(self.variables, row) if t is not None} for row in self.rows]

    def column(self, variable: str) -> list[Term]:
        index = self.variables.index(variable)
        return [row[index] for row in self.rows]


def normalise_term(term: Term) -> Term:
    """Plain literals without a datatype, so results from any source compare equal."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


# ---- text forms of a term ---------------------------------------------------------------

def _compact(iri: str) -> str:
    best = None
    for prefix, namespace in PREFIXES.items():
        ns = str(namespace)
        if iri.startswith(ns) and len(iri) > len(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]):]}" if best else iri


def _for_people(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return _compact(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    text = " ".join(str(term).split())
    return text if len(text) <= TABLE_CELL_WIDTH else text[: TABLE_CELL_WIDTH - 1] + "…"


def _for_csv(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _for_tsv(term: Term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    value = str(term)
    if term.datatype in _BARE_IN_TSV and re.fullmatch(_BARE_IN_TSV[term.datatype], value):
        return value
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    if term.language:
        return f'"{escaped}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def term_from_json(binding: dict) -> Term:
    """A term of W3C SPARQL results JSON, as an rdflib term."""
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return Literal(value, lang=binding["xml:lang"])
        return normalise_term(Literal(value, datatype=URIRef(binding["datatype"])) if binding.get("datatype")
                              else Literal(value))
    raise QueryError(f"unexpected term in SPARQL JSON results: {binding!r}")


# ---- formats ------------------------------------------------------------------------------

def _table(result: QueryResult) -> str:
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    header = list(result.variables)
    body = [[_for_people(t) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _delimited(result: QueryResult, tsv: bool) -> str:
    buffer = io.StringIO()
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if tsv:
        # W3C TSV: ?var headers, terms in SPARQL/Turtle syntax, tabs and newlines escaped
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join(_for_tsv(t) for t in row) for row in result.rows]
        return "\n".join(lines) + "\n"
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_for_csv(t) for t in row])
    return buffer.getvalue()


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2) + "\n"
    bindings = [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      indent=2, ensure_ascii=False) + "\n"


def _graph(result: QueryResult, fmt: str) -> str:
    graph = bind_prefixes(rdflib.Graph())
    for triple in result.graph:
        graph.add(triple)
    return graph.serialize(format="turtle" if fmt == "turtle" else "nt")


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as text in FMT (table, csv, tsv, json; turtle or nt for graphs)."""
    if fmt not in ALL_FORMATS:
        raise OutputError(f"unknown output format {fmt!r} (known: {', '.join(ALL_FORMATS)})")
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise OutputError(f"a CONSTRUCT or DESCRIBE query returns a graph: use --format turtle or nt, not {fmt}")
        return _graph(result, fmt)
    if fmt in GRAPH_FORMATS:
        raise OutputError(f"a {result.kind.upper()} query returns a table: use --format table, csv, tsv or json, not {fmt}")
    if fmt == "table":
        return _table(result)
    if fmt == "json":
        return _json(result)
    return _delimited(result, tsv=(fmt == "tsv"))

