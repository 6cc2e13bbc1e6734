"""Tests on single value nodes (datatype, node kind, ranges, patterns...), with pySHACL's semantics.

The fast engine fetches the values with SPARQL and decides here, in Python,
once per distinct value, whether each one conforms. The rules are those of pySHACL's core
constraint components (pyshacl/constraints/core/*.py), so both engines agree
on the awkward cases: ill-typed literals, rdflib's lexical normalisation,
numbers compared with strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable, Iterable

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import SH

NODE_KINDS = {
    SH.BlankNode: (BNode,),
    SH.IRI: (URIRef,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}

# Value-level parameters: a shape made only of these can be decided for one
# value node without looking at any other part of the graph (except sh:class,
# which the caller answers with a precomputed instance set).
VALUE_PARAMETERS = {
    SH.datatype, SH.nodeKind, SH["in"], SH["class"], SH.minInclusive, SH.maxInclusive,
    SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern, SH.flags,
    SH["or"], SH["and"], SH["not"], SH.xone,
}


def datatype_matches(value, datatype: URIRef) -> bool:
    """sh:datatype as pyshacl's DatatypeConstraintComponent decides it."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        if getattr(value, "ill_typed", None) is True:
            return False
        return _actual_datatype(value, datatype)
    if datatype == RDFS.Literal:
        return True
    if datatype == RDFS.Datatype and value.datatype:
        return True
    if value.datatype is None and value.language is None and datatype == XSD.string:
        return _actual_datatype(value, datatype)
    if datatype == RDF.langString and value.language:
        return _actual_datatype(value, datatype)
    return False


def _actual_datatype(value: Literal, datatype: URIRef) -> bool:
    python_value = value.value
    expected = {
        XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
        XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime,
    }.get(datatype)
    return True if expected is None else isinstance(python_value, expected)


def node_kind_matches(value, kind: URIRef) -> bool:
    return isinstance(value, NODE_KINDS[kind])


def range_ok(value, bound: Literal, accept: Callable[[int], bool]) -> bool:
    """pyshacl's min/max inclusive/exclusive: blank nodes, IRIs and string/non-string mixes fail."""
    if not isinstance(value, Literal):
        return False
    bound_is_string = isinstance(bound.value, str)
    value_is_string = isinstance(value.value, str)
    if bound_is_string != value_is_string:
        return False
    try:
        return accept(compare_literal(value, bound))
    except (TypeError, NotImplementedError):
        return False


RANGE_TESTS: dict[URIRef, Callable[[int], bool]] = {
    SH.minInclusive: lambda c: c >= 0,
    SH.maxInclusive: lambda c: c <= 0,
    SH.minExclusive: lambda c: c > 0,
    SH.maxExclusive: lambda c: c < 0,
}


def string_of(value) -> str:
    """The string pyshacl's string-based components look at."""
    if isinstance(value, Literal):
        if value.value is not None and value.datatype in (None, RDF.langString, XSD.string):
            return str(value.value)
        return str(value)
    return str(value)


def compile_pattern(pattern: Literal, flags: Literal | None) -> re.Pattern:
    re_flags = 0
    if flags is not None:
        text = str(flags.value).lower()
        if "i" in text:
            re_flags |= re.I
        if "m" in text:
            re_flags |= re.M
    source = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else str(pattern)
    return re.compile(source, re_flags)


def pattern_matches(value, matcher: re.Pattern) -> bool:
    if isinstance(value, BNode):
        return False
    text = string_of(value)
    return bool(matcher.match(text) or matcher.search(text))


def min_length_ok(value, length: int) -> bool:
    if length == 0:
        return True
    if isinstance(value, BNode):
        return False
    return len(string_of(value)) >= length


def max_length_ok(value, length: int) -> bool:
    if isinstance(value, BNode):
        return False
    return len(string_of(value)) <= length


@dataclass
class ValueTest:
    """One value-level constraint: its component IRI and a predicate on one value node."""

    component: URIRef
    accepts: Callable[[object], bool]


@dataclass
class ValueShape:
    """A shape made only of value-level constraints (a member of sh:or and friends)."""

    tests: list[ValueTest] = field(default_factory=list)

    def accepts(self, value) -> bool:
        return all(test.accepts(value) for test in self.tests)


def any_of(shapes: Iterable[ValueShape]) -> Callable[[object], bool]:
    shapes = list(shapes)
    return lambda value: any(shape.accepts(value) for shape in shapes)


def all_of(shapes: Iterable[ValueShape]) -> Callable[[object], bool]:
    shapes = list(shapes)
    return lambda value: all(shape.accepts(value) for shape in shapes)


def exactly_one_of(shapes: Iterable[ValueShape]) -> Callable[[object], bool]:
    shapes = list(shapes)
    return lambda value: sum(1 for shape in shapes if shape.accepts(value)) == 1


def none_of(shape: ValueShape) -> Callable[[object], bool]:
    return lambda value: not shape.accepts(value)
