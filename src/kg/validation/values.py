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
    """One value-level constraint: its component IRI and a predicate on one value node.

    SURE, when given, is a SPARQL expression on the variable `?v` that is true
    only for values ACCEPTS certainly accepts (it may be false for some it
    accepts too). The fast engine lets Oxigraph drop those values so that
    Python decides only the rest: at 100,000 statements that is a handful of
    values instead of every quote and every IRI. It must never raise an error
    for a value that ACCEPTS rejects; callers wrap it in COALESCE(..., false).
    """

    component: URIRef
    accepts: Callable[[object], bool]
    sure: str | None = None


@dataclass
class ValueShape:
    """A shape made only of value-level constraints (a member of sh:or and friends)."""

    tests: list[ValueTest] = field(default_factory=list)

    def accepts(self, value) -> bool:
        return all(test.accepts(value) for test in self.tests)

    @property
    def sure(self) -> str | None:
        """A SPARQL expression true only for values every test certainly accepts (see ValueTest)."""
        return all_sure([test.sure for test in self.tests])


# ---- SPARQL expressions for values certainly accepted (ValueTest.sure) ----------------------
#
# Each is written so that "true" implies pySHACL's rule above accepts the value; anything
# uncertain (typed literals, whose lexical forms only Python sees as written) is left to Python.

PLAIN_STRING = f"(isLiteral(?v) && datatype(?v) = <{XSD.string}>)"
SURE_DATATYPES = {
    XSD.string: PLAIN_STRING,
    RDF.langString: "(isLiteral(?v) && lang(?v) != \"\")",
}
SURE_NODE_KINDS = {
    SH.BlankNode: "isBlank(?v)", SH.IRI: "isIRI(?v)", SH.Literal: "isLiteral(?v)",
    SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))", SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))",
    SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
}
# Patterns whose every match in Python is implied by a simple ASCII test: "\\S" (some
# non-space character) is the usual "not blank" rule. Python's and Oxigraph's notions of
# whitespace differ on a few control characters, so the SPARQL side asks for a letter or digit.
SURE_PATTERNS = {"\\S": "[0-9A-Za-z]"}


def sure_datatype(datatype: URIRef) -> str | None:
    return SURE_DATATYPES.get(datatype)


def sure_node_kind(kind: URIRef) -> str | None:
    return SURE_NODE_KINDS.get(kind)


def sure_in(members: Iterable) -> str | None:
    members = list(members)
    if not members or not all(isinstance(m, URIRef) for m in members):
        return None  # literals: rdflib's term equality is not SPARQL's
    return "(isIRI(?v) && ?v IN (" + ", ".join(f"<{m}>" for m in members) + "))"


def sure_class(cls) -> str | None:
    if not isinstance(cls, URIRef):
        return None
    return f"(!isLiteral(?v) && EXISTS {{ ?v <{RDF.type}>/<{RDFS.subClassOf}>* <{cls}> }})"


def sure_length(minimum: int | None = None, maximum: int | None = None) -> str:
    """Plain strings and IRIs: pyshacl measures str(value), as SPARQL STRLEN(STR(?v)) does."""
    bounds = []
    if minimum is not None:
        bounds.append(f"STRLEN(STR(?v)) >= {minimum}")
    if maximum is not None:
        bounds.append(f"STRLEN(STR(?v)) <= {maximum}")
    return f"(({PLAIN_STRING} || isIRI(?v)) && " + " && ".join(bounds) + ")"


def sure_pattern(pattern: Literal, flags: Literal | None) -> str | None:
    ascii_test = SURE_PATTERNS.get(str(pattern))
    if ascii_test is None or flags is not None:
        return None
    return f"(({PLAIN_STRING} || isIRI(?v)) && REGEX(STR(?v), \"{ascii_test}\"))"


def all_sure(expressions: list) -> str | None:
    """Certain for all of them: needs every one."""
    if not expressions or any(e is None for e in expressions):
        return None
    return "(" + " && ".join(expressions) + ")"


def any_sure(expressions: list) -> str | None:
    """Certain for one of them: any known one will do."""
    known = [e for e in expressions if e is not None]
    return "(" + " || ".join(known) + ")" if known else None


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
