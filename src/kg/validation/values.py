"""Tests on single value nodes (datatype, node kind, ranges, patterns...), with pySHACL's semantics.

The fast engine decides here, once per distinct value, whether each one
conforms. The rules are those of pySHACL's core
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

import pyoxigraph as ox
from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.namespaces import SH

Sure = Callable[[object], bool]

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
    """One value-level constraint: its component IRI and a predicate on one value node.

    SURE, when given, is a predicate on the value as an Oxigraph term that is
    true only for values ACCEPTS certainly accepts (it may be false for some
    it accepts too). The fast engine decides most values with it and turns
    only the rest into rdflib terms for ACCEPTS: at 100,000 statements that is
    a handful of values instead of every quote and every IRI.
    """

    component: URIRef
    accepts: Callable[[object], bool]
    sure: Sure | None = None


@dataclass
class ValueShape:
    """A shape made only of value-level constraints (a member of sh:or and friends)."""

    tests: list[ValueTest] = field(default_factory=list)

    def accepts(self, value) -> bool:
        return all(test.accepts(value) for test in self.tests)

    @property
    def sure(self) -> Sure | None:
        """True only for values every test certainly accepts (see ValueTest)."""
        return all_sure([test.sure for test in self.tests])


# ---- values certainly accepted, decided on Oxigraph terms (ValueTest.sure) ------------------
#
# Each is written so that "true" implies pySHACL's rule above accepts the rdflib
# form of the value (kg.rdfio.to_rdflib_term); anything uncertain, typed literals
# above all, is left to the rule itself.

OX_STRING = ox.NamedNode(str(XSD.string))
OX_TEXT_TYPES = {OX_STRING, ox.NamedNode(str(RDF.langString))}
OX_NODE_KINDS = {
    SH.BlankNode: (ox.BlankNode,), SH.IRI: (ox.NamedNode,), SH.Literal: (ox.Literal,),
    SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode), SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
}


def text_of(value) -> str | None:
    """string_of for an IRI or a string literal given as an Oxigraph term; None for other values."""
    kind = type(value)
    if kind is ox.NamedNode or (kind is ox.Literal and value.datatype in OX_TEXT_TYPES):
        return value.value
    return None


def sure_datatype(datatype: URIRef) -> Sure | None:
    if datatype == XSD.string:
        return lambda v: type(v) is ox.Literal and v.datatype == OX_STRING
    if datatype == RDF.langString:
        return lambda v: type(v) is ox.Literal and bool(v.language)
    return None


def sure_node_kind(kind: URIRef) -> Sure:
    kinds = OX_NODE_KINDS[kind]
    return lambda v: type(v) in kinds


def sure_in(members: Iterable) -> Sure | None:
    members = list(members)
    if not members or not all(isinstance(m, URIRef) for m in members):
        return None  # literals: rdflib's term equality is not Oxigraph's
    iris = {ox.NamedNode(str(m)) for m in members}
    return lambda v: v in iris


def sure_length(minimum: int | None = None, maximum: int | None = None) -> Sure:
    """IRIs and strings: pyshacl measures str(value), the text Oxigraph holds."""
    def sure(value) -> bool:
        text = text_of(value)
        return text is not None and (minimum is None or len(text) >= minimum) and \
            (maximum is None or len(text) <= maximum)
    return sure


def sure_pattern(matcher: re.Pattern) -> Sure:
    def sure(value) -> bool:
        text = text_of(value)
        return text is not None and matcher.search(text) is not None
    return sure


def all_sure(predicates: list) -> Sure | None:
    """Certain for all of them: needs every one."""
    if not predicates or any(p is None for p in predicates):
        return None
    if len(predicates) == 1:
        return predicates[0]
    return lambda v: all(p(v) for p in predicates)


def any_sure(predicates: list) -> Sure | None:
    """Certain for one of them: any known one will do."""
    known = [p for p in predicates if p is not None]
    return (lambda v: any(p(v) for p in known)) if known else None


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
