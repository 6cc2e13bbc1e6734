"""The fast engine: SHACL shapes compiled to SPARQL queries run on an in-memory Oxigraph store.

pySHACL validates one focus node at a time, and its SPARQL-based constraints
run on rdflib's SPARQL engine, which joins pre-bound variables only at the end
of a query: on 1,000 statements a whole-graph run takes minutes. Here every
constraint is one set-oriented query over all focus nodes at once:

* the focus nodes of each shape are computed once, by one SPARQL update that
  writes them into a scratch named graph the data queries never see;
* cardinality, sh:hasValue, sh:lessThan and SHACL-SPARQL constraints are
  answered by Oxigraph directly;
* value-level constraints (datatype, ranges, patterns, sh:or of those...)
  let SPARQL pick the candidate values and decide each distinct value in
  Python with pySHACL's own rules (kg.validation.values), so both engines
  agree on ill-typed literals and other corner cases.

Only the SHACL features kg's shapes and typical team shapes use are compiled.
`compile_shapes` reports every other top-level shape as unsupported, and
kg.validate hands those to pySHACL, so any valid shapes graph still works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import ShapesError
from kg.namespaces import SH
from kg.rdfio import to_ox_term, to_rdflib_term
from kg.validation import values as V
from kg.validation.report import RawResult
from kg.validation.shapes import Shapes

FOCUS_GRAPH = "urn:kg:validation:focus"
FOCUS_OF = "urn:kg:validation:focusOf"
FOCUS_PLACEHOLDER = "\x00focus\x00"

# Predicates of a shape that are not constraints (or are handled elsewhere).
NON_CONSTRAINTS = {
    RDF.type, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, SH.path, SH.targetClass, SH.targetNode,
    SH.targetSubjectsOf, SH.targetObjectsOf, SH.message, SH.severity, SH.deactivated, SH.name,
    SH.description, SH.order, SH.group, SH.defaultValue, SH.property, SH.flags,
}
SUPPORTED = {SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan, SH.sparql} | V.VALUE_PARAMETERS


RANGE_COMPONENTS = {
    SH.minInclusive: SH.MinInclusiveConstraintComponent, SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent, SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
}


class Unsupported(Exception):
    """A shape uses a SHACL feature the fast engine does not compile."""


def sparql_term(term) -> str:
    if isinstance(term, BNode):
        raise Unsupported("blank node in a constraint parameter")
    return str(to_ox_term(term))


# ---- the data store --------------------------------------------------------------------
#
# Oxigraph stores typed literals by value: "10.0"^^xsd:decimal comes back as
# "10"^^xsd:decimal and "42"^^xsd:nonNegativeInteger as "42"^^xsd:integer.
# That is right for SPARQL arithmetic but would change what datatype and range
# constraints see. So every triple whose object is a typed (non-string) literal
# is also kept, in the ORIGINALS graph, with the literal's datatype wrapped in a
# private IRI that Oxigraph stores verbatim (and its lexical form normalised the
# way rdflib normalises it, as pySHACL sees it). Value-level constraints read
# values from there; SHACL-SPARQL queries see the default graph.

ORIGINALS_GRAPH = ox.NamedNode("urn:kg:validation:originals")
WRAPPED = "urn:kg:validation:datatype:"
_STRING_TYPES = {ox.NamedNode(str(rdflib.XSD.string)), ox.NamedNode(str(RDF.langString))}


def _wrap(literal: ox.Literal, memo: dict) -> ox.Literal:
    wrapped = memo.get(literal)
    if wrapped is None:
        datatype = literal.datatype.value
        normalised = str(Literal(literal.value, datatype=URIRef(datatype)))
        wrapped = memo[literal] = ox.Literal(normalised, datatype=ox.NamedNode(WRAPPED + datatype))
    return wrapped


def store_from_quads(quads) -> ox.Store:
    """A store with QUADS merged into its default graph (plus the originals of typed literals)."""
    store = ox.Store()
    memo: dict = {}
    named = False
    batch: list = []
    for quad in quads:
        batch.append(quad)
        obj = quad.object
        if type(obj) is ox.Literal and obj.datatype not in _STRING_TYPES:
            batch.append(ox.Quad(quad.subject, quad.predicate, _wrap(obj, memo), ORIGINALS_GRAPH))
        if not named and not isinstance(quad.graph_name, ox.DefaultGraph):
            named = True
        if len(batch) >= 100_000:
            store.extend(batch)
            batch = []
    store.extend(batch)
    if named:
        # validation sees one graph, as rdflib's merge of the files would
        store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{ORIGINALS_GRAPH.value}>) }}")
        store.update(f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                     f"FILTER (?g != <{ORIGINALS_GRAPH.value}>) }}")
    return store


def store_from_graph(graph: rdflib.Graph) -> ox.Store:
    # rdflib lets RDFS inference put literals in subject position ("x" a rdfs:Literal); RDF does not
    return store_from_quads(ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o)) for s, p, o in graph
                            if not isinstance(s, Literal))


def value_term(term):
    """An rdflib term for a value read from the store, with a wrapped datatype unwrapped."""
    if type(term) is ox.Literal and term.datatype.value.startswith(WRAPPED):
        return Literal(term.value, datatype=URIRef(term.datatype.value[len(WRAPPED):]))
    return to_rdflib_term(term)


def values_pattern(predicate: str, inverse: bool = False, var: str = "?v") -> str:
    """A graph pattern binding VAR to the values of PREDICATE for ?this, typed literals as originals."""
    if inverse:
        return f"{var} {predicate} ?this ."
    return (f"{{ ?this {predicate} {var} . FILTER (!isLiteral({var}) || "
            f"datatype({var}) IN (<{rdflib.XSD.string}>, <{RDF.langString}>)) }} UNION "
            f"{{ GRAPH <{ORIGINALS_GRAPH.value}> {{ ?this {predicate} {var} }} }}")


# ---- checks ----------------------------------------------------------------------------

@dataclass
class Check:
    """One constraint of one shape, evaluated for all focus nodes of a top-level shape at once."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]
    component: URIRef
    path: object | None

    def run(self, engine: "_Run", focus: str) -> Iterator[RawResult]:  # pragma: no cover - abstract
        raise NotImplementedError

    def result(self, focus, value, *, path=None, messages=None, constraint=None) -> RawResult:
        return RawResult(severity=self.severity, focus=focus, path=path if path is not None else self.path,
                         value=value, messages=messages if messages is not None else self.messages,
                         shape=self.shape, component=self.component, constraint=constraint)


@dataclass
class CountCheck(Check):
    sparql_path: str = ""
    minimum: int | None = None
    maximum: int | None = None

    def run(self, engine, focus):
        if self.minimum == 1:
            query = f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ {self.sparql_path} }} }}"
        elif self.minimum is not None:
            query = (f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ {self.sparql_path} }} }} "
                     f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {self.minimum})")
        else:
            query = (f"SELECT ?this WHERE {{ {focus} {self.sparql_path} }} "
                     f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {self.maximum})")
        for row in engine.select(query):
            yield self.result(to_rdflib_term(row[0]), None)


@dataclass
class HasValueCheck(Check):
    sparql_path: str = ""  # the path pattern with the wanted value in place of ?v

    def run(self, engine, focus):
        for row in engine.select(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ {self.sparql_path} }} }}"):
            yield self.result(to_rdflib_term(row[0]), None)


@dataclass
class ValueCheck(Check):
    """A value-level test: SPARQL selects candidates, Python decides each distinct value."""

    sparql_path: str = ""  # empty for a node shape: the value node is the focus node
    test: V.ValueTest | None = None

    def run(self, engine, focus):
        test = self.test
        if self.sparql_path:
            query = f"SELECT ?this ?v WHERE {{ {focus} {self.sparql_path} FILTER ({test.candidates_sparql}) }}"
        else:
            query = f"SELECT ?this ?v WHERE {{ {focus} BIND (?this AS ?v) FILTER ({test.candidates_sparql}) }}"
        verdicts: dict = {}
        for row in engine.select(query):
            value = row[1]
            verdict = verdicts.get(value)
            if verdict is None:
                converted = value_term(value)
                verdict = verdicts[value] = (test.accepts(converted), converted)
            if not verdict[0]:
                yield self.result(to_rdflib_term(row[0]), verdict[1])


@dataclass
class LessThanCheck(Check):
    sparql_path: str = ""
    other: str = ""

    def run(self, engine, focus):
        query = (f"SELECT ?this ?v ?c WHERE {{ {focus} {self.sparql_path} {self.other} "
                 f"FILTER (!COALESCE(?v < ?c, false)) }}")
        for row in engine.select(query):
            value, other = value_term(row[1]), value_term(row[2])
            if not _less_than(value, other):
                yield self.result(to_rdflib_term(row[0]), value)


def _less_than(value, other) -> bool:
    """pyshacl's LessThanConstraintComponent._compare_lt for one pair."""
    if isinstance(value, BNode) or isinstance(other, BNode):
        raise ShapesError("sh:lessThan cannot compare blank nodes")
    value_is_string = other_is_string = False
    if isinstance(value, URIRef) or (isinstance(value, Literal) and isinstance(value.value, str)):
        value, value_is_string = (str(value) if isinstance(value, URIRef) else value.value), True
    if isinstance(other, URIRef) or (isinstance(other, Literal) and isinstance(other.value, str)):
        other, other_is_string = (str(other) if isinstance(other, URIRef) else other.value), True
    if value_is_string != other_is_string:
        return False
    try:
        return bool(value < other)
    except TypeError:
        return False


@dataclass
class SparqlCheck(Check):
    """A SHACL-SPARQL constraint: the focus pattern is spliced into its WHERE clause."""

    node: object = None
    query: str = ""  # with FOCUS_PLACEHOLDER where the focus pattern goes
    projects_this: bool = True
    shape_is_property: bool = False
    constraint_messages: tuple[Literal, ...] = ()

    def run(self, engine, focus):
        solutions = engine.store.query(self.query.replace(FOCUS_PLACEHOLDER, focus))
        names = [v.value for v in solutions.variables]
        seen: set = set()
        failed: set = set()
        for row in solutions:
            bound = {name: to_rdflib_term(row[i]) for i, name in enumerate(names) if row[i] is not None}
            focus_node = bound["this"] if self.projects_this else bound.pop("this")
            own = focus_node if not self.shape_is_property else None
            if bound.pop("failure", None) is not None:
                # as pyshacl: one result per focus node, its message filled from that row's bindings
                if focus_node not in failed:
                    failed.add(focus_node)
                    yield self._make(focus_node, own, None, {"vars": bound, "this": None, "path": None,
                                                             "value": None}, with_vars=True)
                continue
            path = bound.pop("path", None)
            value = bound.pop("value", None)
            this = bound.pop("this", None) if self.projects_this else None
            if path is None and value is None and this is None:
                continue
            key = (focus_node, this, path, value, tuple(sorted(bound.items())))
            if key in seen:
                continue
            seen.add(key)
            yield self._make(this or focus_node, value if value is not None else own, path,
                             {"vars": bound, "this": this, "path": path,
                              "value": value if value is not None else own}, with_vars=True)

    def _make(self, focus_node, value, path, bound, with_vars: bool) -> RawResult:
        messages = []
        for m in list(self.constraint_messages) + [m for m in self.messages if m not in self.constraint_messages]:
            text = str(m.value)
            if with_vars:
                text = _substitute(text, bound)
            messages.append(Literal(text))
        return self.result(focus_node, value, path=path, messages=tuple(messages), constraint=self.node)


def _substitute(message: str, bound: dict) -> str:
    """pyshacl's _format_sparql_based_result_message: {?var} and {$var} become the bound terms."""
    names = dict(bound["vars"])
    for name in ("this", "path", "value"):
        if bound[name] is not None:
            names[name] = bound[name]
    for name, term in names.items():
        message = re.sub("{{[?$]{}}}".format(name), str(term), message)
    return message


# ---- compiling ---------------------------------------------------------------------------

@dataclass
class TopShape:
    node: object
    targets_sparql: str
    checks: list[Check] = field(default_factory=list)


@dataclass
class Plan:
    shapes: list[TopShape]
    unsupported: dict  # top-level shape node -> reason


class _Compiler:
    def __init__(self, shapes: Shapes):
        self.shapes = shapes
        self.g = shapes.graph
        custom = set()
        for component in self.g.subjects(RDF.type, SH.ConstraintComponent):
            for parameter in self.g.objects(component, SH.parameter):
                custom.update(self.g.objects(parameter, SH.path))
        self.custom_parameters = custom
        self.run: _Run | None = None  # the validation in progress, for sh:class lookups

    def top_level(self) -> list:
        nodes = set()
        for predicate in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
            nodes.update(self.g.subjects(predicate, None))
        for cls in (RDFS.Class, OWL.Class):
            for shape_type in (SH.NodeShape, SH.PropertyShape):
                nodes.update(s for s in self.g.subjects(RDF.type, shape_type) if (s, RDF.type, cls) in self.g)
        return sorted(nodes, key=str)

    def compile(self) -> Plan:
        plan = Plan(shapes=[], unsupported={})
        for node in self.top_level():
            if self._deactivated(node):
                continue
            try:
                top = TopShape(node=node, targets_sparql=self._targets(node))
                top.checks = self._shape_checks(node)
                plan.shapes.append(top)
            except Unsupported as why:
                plan.unsupported[node] = str(why)
        return plan

    def _deactivated(self, node) -> bool:
        value = self.g.value(node, SH.deactivated)
        return isinstance(value, Literal) and value.value is True

    def _targets(self, node) -> str:
        if (node, SH.target, None) in self.g:
            raise Unsupported("SHACL-AF sh:target")
        if any((node, RDF.type, cls) in self.g for cls in (RDFS.Class, OWL.Class)):
            raise Unsupported("implicit class target")
        parts = []
        for cls in self.g.objects(node, SH.targetClass):
            parts.append(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(cls)} }}")
        for prop in self.g.objects(node, SH.targetSubjectsOf):
            parts.append(f"{{ ?this {sparql_term(prop)} ?_target_o }}")
        for prop in self.g.objects(node, SH.targetObjectsOf):
            parts.append(f"{{ ?_target_s {sparql_term(prop)} ?this }}")
        nodes = list(self.g.objects(node, SH.targetNode))
        if nodes:
            parts.append("{ VALUES ?this { " + " ".join(sparql_term(n) for n in nodes) + " } }")
        return " UNION ".join(parts)

    def _severity(self, node) -> URIRef:
        severity = self.g.value(node, SH.severity)
        return severity if isinstance(severity, URIRef) else SH.Violation

    def _messages(self, node) -> tuple[Literal, ...]:
        return tuple(sorted((m for m in self.g.objects(node, SH.message) if isinstance(m, Literal)), key=str))

    def _sparql_path(self, node) -> tuple[object | None, Callable[[str], str] | None]:
        """The shape's sh:path and a function giving the pattern that binds a variable to its values."""
        path = self.g.value(node, SH.path)
        if path is None:
            return None, None
        if isinstance(path, URIRef):
            return path, lambda var: values_pattern(sparql_term(path), var=var)
        inverse = self.g.value(path, SH.inversePath)
        if isinstance(inverse, URIRef) and len(set(self.g.predicate_objects(path))) == 1:
            return path, lambda var: values_pattern(sparql_term(inverse), inverse=True, var=var)
        raise Unsupported("complex property path")

    def _shape_checks(self, node, depth: int = 0) -> list[Check]:
        if depth > 1:
            raise Unsupported("sh:property nested in a property shape")
        if self._deactivated(node):
            return []
        path, pattern = self._sparql_path(node)
        sparql_path = pattern("?v") if pattern else ""
        if depth > 0 and path is None:
            raise Unsupported("sh:property without sh:path")
        if path is not None and (node, SH.property, None) in self.g:
            raise Unsupported("sh:property nested in a property shape")
        severity, messages = self._severity(node), self._messages(node)
        checks: list[Check] = []
        predicates = set(self.g.predicates(node, None))
        for predicate in predicates:
            if predicate in self.custom_parameters:
                raise Unsupported(f"custom constraint component parameter {predicate}")
            if str(predicate).startswith(str(SH)) and predicate not in NON_CONSTRAINTS | SUPPORTED:
                raise Unsupported(f"{predicate} is not compiled")
        constraint_predicates = predicates & SUPPORTED
        if constraint_predicates - {SH.sparql} and not messages:
            # pySHACL writes its own generic message when a shape has none; leave those to it
            raise Unsupported("shape without sh:message")

        def base(component):
            return dict(shape=node, severity=severity, messages=messages, component=component, path=path)

        for predicate, component in ((SH.minCount, SH.MinCountConstraintComponent),
                                     (SH.maxCount, SH.MaxCountConstraintComponent)):
            for value in self.g.objects(node, predicate):
                if path is None:
                    raise ShapesError(f"{self.shapes.where(node)}: shape {node}: {predicate} needs sh:path")
                count = _non_negative_int(value, predicate, node, self.shapes)
                if predicate == SH.minCount and count == 0:
                    continue
                checks.append(CountCheck(**base(component), sparql_path=sparql_path,
                                         **({"minimum": count} if predicate == SH.minCount else {"maximum": count})))
        for value in self.g.objects(node, SH.hasValue):
            if path is None or not isinstance(value, URIRef):
                raise Unsupported("sh:hasValue on a node shape or with a literal")
            checks.append(HasValueCheck(**base(SH.HasValueConstraintComponent), sparql_path=pattern(sparql_term(value))))
        for other in self.g.objects(node, SH.lessThan):
            if not isinstance(path, URIRef) or not isinstance(other, URIRef):
                raise Unsupported("sh:lessThan on a node shape or with a complex path")
            checks.append(LessThanCheck(**base(SH.LessThanConstraintComponent), sparql_path=sparql_path,
                                        other=values_pattern(sparql_term(other), var="?c")))
        for test in self._value_tests(node):
            checks.append(ValueCheck(**base(test.component), sparql_path=sparql_path, test=test))
        for sparql_node in self.g.objects(node, SH.sparql):
            checks.append(self._sparql_check(node, sparql_node, base(SH.SPARQLConstraintComponent), path))
        for child in self.g.objects(node, SH.property):
            checks.extend(self._shape_checks(child, depth + 1))
        return checks

    # -- value-level constraints --

    def _value_tests(self, node) -> list[V.ValueTest]:
        g, tests = self.g, []
        for datatype in g.objects(node, SH.datatype):
            if not isinstance(datatype, URIRef):
                raise ShapesError(f"{self.shapes.where(node)}: shape {node}: sh:datatype must be an IRI")
            exact = datatype in (rdflib.XSD.string, RDF.langString)
            tests.append(V.ValueTest(
                SH.DatatypeConstraintComponent, lambda v, d=datatype: V.datatype_matches(v, d),
                f"!(isLiteral(?v) && datatype(?v) = <{datatype}>)" if exact else "true"))
        for kind in g.objects(node, SH.nodeKind):
            if kind not in V.NODE_KINDS:
                raise ShapesError(f"{self.shapes.where(node)}: shape {node}: unknown sh:nodeKind {kind}")
            tests.append(V.ValueTest(SH.NodeKindConstraintComponent, lambda v, k=kind: V.node_kind_matches(v, k)))
        in_lists = list(g.objects(node, SH["in"]))
        if len(in_lists) > 1:
            raise Unsupported("several sh:in lists")
        for members_node in in_lists:
            members = list(Collection(g, members_node))
            terms = " || ".join(f"sameTerm(?v, {sparql_term(m)})" for m in members) or "false"
            member_set = set(members)
            tests.append(V.ValueTest(SH.InConstraintComponent, lambda v, s=member_set: v in s, f"!({terms})"))
        for cls in g.objects(node, SH["class"]):
            tests.append(V.ValueTest(
                SH.ClassConstraintComponent, self._class_test(cls),
                f"!EXISTS {{ ?v <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(cls)} }}"))
        for predicate, accept in V.RANGE_TESTS.items():
            operator = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
            for bound in g.objects(node, predicate):
                if not isinstance(bound, Literal):
                    raise ShapesError(f"{self.shapes.where(node)}: shape {node}: {predicate} must be a literal")
                component = RANGE_COMPONENTS[predicate]
                tests.append(V.ValueTest(
                    component, lambda v, b=bound, a=accept: V._range_ok(v, b, a),
                    f"!COALESCE(?v {operator[predicate]} {sparql_term(bound)}, false)"))
        for predicate, component, check in ((SH.minLength, SH.MinLengthConstraintComponent, V.min_length_ok),
                                            (SH.maxLength, SH.MaxLengthConstraintComponent, V.max_length_ok)):
            for length in g.objects(node, predicate):
                n = _non_negative_int(length, predicate, node, self.shapes)
                tests.append(V.ValueTest(component, lambda v, n=n, c=check: c(v, n)))
        flags = g.value(node, SH.flags)
        for pattern in g.objects(node, SH.pattern):
            if not isinstance(pattern, Literal):
                raise ShapesError(f"{self.shapes.where(node)}: shape {node}: sh:pattern must be a string")
            try:
                matcher = V.compile_pattern(pattern, flags)
            except re.error as err:
                raise ShapesError(f"{self.shapes.where(node)}: shape {node}: bad sh:pattern {str(pattern)!r}: {err}")
            tests.append(V.ValueTest(SH.PatternConstraintComponent, lambda v, m=matcher: V.pattern_matches(v, m)))
        for predicate, component, combine in ((SH["or"], SH.OrConstraintComponent, V.any_of),
                                              (SH["and"], SH.AndConstraintComponent, V.all_of),
                                              (SH.xone, SH.XoneConstraintComponent, V.exactly_one_of)):
            for list_node in g.objects(node, predicate):
                members = [self._value_shape(m) for m in set(Collection(g, list_node))]
                tests.append(V.ValueTest(component, combine(members)))
        for member in g.objects(node, SH["not"]):
            tests.append(V.ValueTest(SH.NotConstraintComponent, V.none_of(self._value_shape(member))))
        return tests

    def _value_shape(self, node) -> V.ValueShape:
        """A member of sh:or/sh:and/sh:xone/sh:not; only value-level members are compiled."""
        predicates = {p for p in self.g.predicates(node, None) if p not in (RDF.type, RDFS.label, RDFS.comment,
                                                                             SH.message, SH.severity, SH.name,
                                                                             SH.description)}
        if not predicates <= V.VALUE_PARAMETERS or self._deactivated(node):
            raise Unsupported("sh:or/sh:and/sh:xone/sh:not member that is not value-level")
        return V.ValueShape(tests=self._value_tests(node))

    def _class_test(self, cls) -> Callable[[object], bool]:
        compiler = self

        def accepts(value) -> bool:
            if isinstance(value, Literal):
                return False
            return value in compiler.run.instances(cls)

        return accepts

    # -- SHACL-SPARQL --

    def _sparql_check(self, shape, sparql_node, base: dict, path) -> SparqlCheck:
        from pyshacl.errors import ValidationFailure
        from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

        select = self.g.value(sparql_node, SH.select)
        if not isinstance(select, Literal) or not isinstance(select.value, str):
            raise ShapesError(f"{self.shapes.where(shape)}: shape {shape}: sh:sparql needs one sh:select string")
        if self._deactivated(sparql_node):
            raise Unsupported("deactivated SPARQL constraint")
        text = str(select.value)
        try:
            SPARQLQueryHelper(None, sparql_node, text).check_invalid_sparql(text)
        except ValidationFailure as err:
            raise ShapesError(f"{self.shapes.where(shape)}: shape {shape}: invalid SPARQL constraint: {err.message}")
        if re.search(r"[?$](shapesGraph|currentShape)\b", text):
            raise Unsupported("$shapesGraph or $currentShape")
        if re.search(r"\b(GROUP\s+BY|ORDER\s+BY|LIMIT|OFFSET|HAVING)\b", text, re.I) or re.search(
                r"\b(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", text, re.I):
            raise Unsupported("aggregates or solution modifiers in a SPARQL constraint")
        if path is not None:
            text = re.sub(r"([\s{}()])[$?]PATH\b", lambda m: m.group(1) + _path_sparql(self.g, path), text)
        prefixes = self._prefixes(sparql_node)
        head = re.match(r"(\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*)"
                        r"SELECT\s+((?:DISTINCT|REDUCED)\s+)?(.*?)\s*(WHERE\s*)?\{", text, re.I | re.S)
        if head is None:
            raise Unsupported("SELECT query not recognised")
        prologue, modifier, projection = head.group(1), head.group(2) or "", head.group(3)
        projects_this = projection.strip() == "*" or re.search(r"[?$]this\b", projection) is not None
        rewritten = (prologue + "SELECT " + modifier + ("" if projects_this else "?this ") + projection
                     + " WHERE { " + FOCUS_PLACEHOLDER + " " + text[head.end():])
        query = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items()) + rewritten
        constraint_messages = tuple(m for m in self.g.objects(sparql_node, SH.message) if isinstance(m, Literal))
        if not constraint_messages and not base["messages"]:
            raise Unsupported("SPARQL constraint without sh:message")
        return SparqlCheck(**base, node=sparql_node, query=query, projects_this=projects_this,
                           shape_is_property=path is not None, constraint_messages=constraint_messages)

    def _prefixes(self, sparql_node) -> dict:
        prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
        for holder in self.g.objects(sparql_node, SH.prefixes):
            for declaration in self.g.objects(holder, SH.declare):
                prefix = self.g.value(declaration, SH.prefix)
                namespace = self.g.value(declaration, SH.namespace)
                if prefix is not None and namespace is not None:
                    prefixes[str(prefix)] = str(namespace)
        return prefixes


def _path_sparql(graph, path) -> str:
    if isinstance(path, URIRef):
        return f"<{path}>"
    inverse = graph.value(path, SH.inversePath)
    return f"^<{inverse}>"


def _non_negative_int(value, predicate, node, shapes: Shapes) -> int:
    if not isinstance(value, Literal) or not isinstance(value.value, int) or value.value < 0:
        raise ShapesError(f"{shapes.where(node)}: shape {node}: {predicate} must be a non-negative integer, "
                          f"not {value}")
    return int(value.value)


def compile_shapes(shapes: Shapes) -> tuple[Plan, "_Compiler"]:
    compiler = _Compiler(shapes)
    return compiler.compile(), compiler


# ---- running -----------------------------------------------------------------------------

class _Run:
    """One validation of one store: scratch focus graphs and cached class extensions."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._instances: dict = {}

    def select(self, query: str):
        return self.store.query(query)

    def instances(self, cls) -> set:
        if cls not in self._instances:
            query = f"SELECT DISTINCT ?x WHERE {{ ?x <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(cls)} }}"
            self._instances[cls] = {to_rdflib_term(row[0]) for row in self.select(query)}
        return self._instances[cls]


def run_plan(plan: Plan, compiler: _Compiler, store: ox.Store) -> list[RawResult]:
    """Evaluate every compiled shape on STORE (data in its default graph)."""
    run = _Run(store)
    compiler.run = run
    results: list[RawResult] = []
    graph = f"<{FOCUS_GRAPH}>"
    try:
        for index, top in enumerate(plan.shapes):
            if not top.checks or not top.targets_sparql:
                continue
            marker = f"<urn:kg:validation:shape:{index}>"
            # focus nodes are objects here, because targetObjectsOf can select literals
            store.update(f"INSERT {{ GRAPH {graph} {{ {marker} <{FOCUS_OF}> ?this }} }} "
                         f"WHERE {{ {top.targets_sparql} }}")
            focus = f"GRAPH {graph} {{ {marker} <{FOCUS_OF}> ?this }}"
            for check in top.checks:
                results.extend(check.run(run, focus))
    finally:
        store.update(f"DROP SILENT GRAPH {graph}")
    return results
