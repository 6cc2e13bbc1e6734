"""A query's final ORDER BY, applied by kg to the solutions instead of by the engine.

Oxigraph compares terms by reading their strings back from the store on every
comparison, so sorting tens of thousands of solutions costs several times the query
itself; other engines collate strings each in their own way. When a query ends with
an ORDER BY of plain variables (`?v`, `ASC(?v)`, `DESC(?v)`), all projected, and
nothing follows it (no LIMIT or OFFSET, which need the engine's order), kg takes the
clause out of the text it sends and sorts the solutions itself, the same way for
every source: unbound first, then blank nodes, IRIs and literals (numbers by value,
other literals by lexical form, code point by code point), as SPARQL 1.1 orders them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.sparql import tokenize

_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
            XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}


@dataclass(frozen=True)
class OrderKey:
    variable: str
    descending: bool = False


def split_order_by(text: str, projected: list[str] | None = None) -> tuple[str, list[OrderKey]] | None:
    """(the text without its final ORDER BY, the sort keys), or None if kg cannot take it over.

    PROJECTED, when known, are the variables the query returns; a key outside them
    leaves the clause to the engine.
    """
    tokens = [t for t in tokenize(text) if t.kind not in ("ws", "comment")]
    start = None
    for i in range(len(tokens) - 1):
        if tokens[i].kind == "word" and tokens[i].text.lower() == "order" and tokens[i + 1].text.lower() == "by":
            start = i  # the last ORDER BY wins: earlier ones belong to subqueries
    if start is None:
        return None
    depth = sum(1 if t.text == "{" else -1 if t.text == "}" else 0 for t in tokens[:start] if t.kind == "punct")
    if depth != 0:
        return None  # inside a group: a subquery's ORDER BY
    keys: list[OrderKey] = []
    rest = tokens[start + 2:]
    i = 0
    while i < len(rest):
        token = rest[i]
        if token.kind == "var":
            keys.append(OrderKey(token.text[1:]))
            i += 1
        elif (token.kind == "word" and token.text.lower() in ("asc", "desc") and i + 3 < len(rest)
              and rest[i + 1].text == "(" and rest[i + 2].kind == "var" and rest[i + 3].text == ")"):
            keys.append(OrderKey(rest[i + 2].text[1:], token.text.lower() == "desc"))
            i += 4
        else:
            return None  # an expression, LIMIT, OFFSET or anything else: the engine keeps it
    if not keys or (projected is not None and any(k.variable not in projected for k in keys)):
        return None
    return text[:tokens[start].start].rstrip() + "\n", keys


def _term_key(term) -> tuple:
    if term is None:
        return (0,)
    if isinstance(term, BNode):
        return (1, str(term))
    if isinstance(term, URIRef):
        return (2, str(term))
    if isinstance(term, Literal):
        if term.datatype in _NUMERIC:
            try:
                return (3, 0, Decimal(str(term)), "")
            except InvalidOperation:
                pass
        return (3, 1, Decimal(0), str(term))
    return (4, str(term))


def sort_rows(variables: list[str], rows: list[tuple], keys: list[OrderKey]) -> list[tuple]:
    """ROWS in the order KEYS give (stable: rows equal on every key keep their order).

    Answers repeat the same few terms, so the distinct terms are ranked once and the
    rows sorted by those integer ranks; consecutive keys in the same direction make
    one pass. Terms are told apart by identity (sources hand out one object per
    distinct term; equal terms in two objects get equal keys, so the same rank):
    hashing an rdflib term costs more than ranking it.
    """
    columns = sorted({variables.index(key.variable) for key in keys})
    term_keys: dict[int, tuple] = {}
    for row in rows:
        for i in columns:
            term = row[i]
            if id(term) not in term_keys:
                term_keys[id(term)] = _term_key(term)
    ranked = sorted(term_keys, key=term_keys.__getitem__)
    rank: dict[int, int] = {}
    for position, term in enumerate(ranked):
        if position and term_keys[term] == term_keys[ranked[position - 1]]:
            rank[term] = rank[ranked[position - 1]]  # equal in SPARQL order (1 and 1.0): same rank
        else:
            rank[term] = position
    passes: list[tuple[list[int], bool]] = []
    for key in keys:
        index = variables.index(key.variable)
        if passes and passes[-1][1] == key.descending:
            passes[-1][0].append(index)
        else:
            passes.append(([index], key.descending))
    ordered = list(rows)
    for indexes, descending in reversed(passes):
        ordered.sort(key=lambda row: tuple([rank[id(row[i])] for i in indexes]), reverse=descending)
    return ordered


def run_ordered(text: str, source):
    """SOURCE's answer to the SELECT query TEXT, its final ORDER BY applied by kg when it can be."""
    split = split_order_by(text)
    if split is None:
        return source.query(text)
    body, keys = split
    result = source.query(body)
    if result.kind != "select" or any(k.variable not in result.variables for k in keys):
        return source.query(text)  # not a SELECT, or sorted on a variable it does not return
    result.rows = sort_rows(result.variables, result.rows, keys)
    return result
