"""The fast engine: SHACL shapes compiled to SPARQL queries run on an in-memory Oxigraph store.

pySHACL validates one focus node at a time, and its SPARQL-based constraints
run on rdflib's SPARQL engine, which joins pre-bound variables only at the end
of a query: on 1,000 statements a whole-graph run takes minutes. Here each
constraint is evaluated for all focus nodes at once:

* the focus nodes of each top-level shape are found by one SPARQL query and
  kept as a Python set;
* cardinality and sh:hasValue compare those sets with the subjects SPARQL
  finds per property;
* value-level constraints (datatype, ranges, patterns, sh:or of those...)
  let SPARQL list the distinct candidate values and decide each one in Python
  with pySHACL's own rules (kg.validation.values), so both engines agree on
  ill-typed literals and other corner cases;
* SHACL-SPARQL constraints run as written, joined with the focus nodes.

Only the SHACL features kg's shapes and typical team shapes use are compiled;
`compile_shapes` reports every other top-level shape as unsupported, and
kg.validate hands those to pySHACL, so any valid shapes graph still works.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import ShapesError
from kg.namespaces import SH
from kg.rdfio import to_ox_term, to_rdflib_term
from kg.validation import values as V
from kg.validation.report import RawResult
from kg.validation.shapes import Shapes

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
FOCUS_PLACEHOLDER = "\x00focus\x00"


class Unsupported(Exception):
    """A shape uses a SHACL feature the fast engine does not compile."""


def sparql_term(term) -> str:
    if isinstance(term, BNode):
        raise Unsupported("blank node in a constraint parameter")
    return str(to_ox_term(term))


# ---- the data store ----------------------------------------------------------------------
#
# Two things about Oxigraph shape how the data is held.
#
# It stores typed literals by value: "10.0"^^xsd:decimal comes back as
# "10"^^xsd:decimal and "42"^^xsd:nonNegativeInteger as "42"^^xsd:integer.
# Right for SPARQL arithmetic, wrong for datatype constraints. So every triple
# whose object is a typed (non-string) literal is also kept in an ORIGINALS
# graph, the literal's datatype wrapped in a private IRI that Oxigraph stores
# verbatim and its lexical form normalised as rdflib (hence pySHACL) sees it.
# Value-level constraints read typed values from there.
#
# Named graphs (kg writes one per article) are merged into the default graph,
# as rdflib's merge of the files would be. (Querying the union of thousands of
# named graphs instead saves that copy but makes Oxigraph's OPTIONAL joins
# look up every graph separately: minutes instead of seconds.)

WRAPPED = "urn:kg:validation:datatype:"
_STRING_TYPES = {ox.NamedNode(str(XSD.string)), ox.NamedNode(str(RDF.langString))}


class DataStore:
    """The data being validated, in Oxigraph, with the originals of its typed literals."""

    def __init__(self):
        self.store = ox.Store()
        run_id = uuid.uuid4().hex
        self.originals = ox.NamedNode(f"urn:kg:validation:{run_id}:originals")
        self.focus_graph = ox.NamedNode(f"urn:kg:validation:{run_id}:focus")
        self._memo: dict = {}

    @classmethod
    def from_quads(cls, quads: Iterable[ox.Quad]) -> "DataStore":
        data = cls()
        data.store.bulk_extend(data._flattened(quads))
        return data

    def _flattened(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        """QUADS in the default graph, plus each typed literal's original in the ORIGINALS graph."""
        memo, wrap, originals = self._memo, self._wrap, self.originals
        literal, quad_type, default = ox.Literal, ox.Quad, ox.DefaultGraph
        for quad in quads:
            obj = quad.object
            if type(quad.graph_name) is default:
                yield quad
            else:
                yield quad_type(quad.subject, quad.predicate, obj)
            if type(obj) is literal and obj.datatype not in _STRING_TYPES:
                yield quad_type(quad.subject, quad.predicate, memo.get(obj) or wrap(obj), originals)

    @classmethod
    def from_graph(cls, graph: rdflib.Graph) -> "DataStore":
        # rdflib lets RDFS inference put literals in subject position ("x" a rdfs:Literal); RDF does not
        return cls.from_quads(ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o)) for s, p, o in graph
                              if not isinstance(s, Literal))

    def _wrap(self, literal: ox.Literal) -> ox.Literal:
        datatype = literal.datatype.value
        normalised = str(Literal(literal.value, datatype=URIRef(datatype)))
        wrapped = self._memo[literal] = ox.Literal(normalised, datatype=ox.NamedNode(WRAPPED + datatype))
        return wrapped

    def select(self, query: str):
        return self.store.query(query)

    def objects(self, node, prop) -> list:
        """rdflib terms: the values of PROP for NODE (an rdflib term), for labels in the report."""
        if isinstance(node, Literal):
            return []
        subject = to_ox_term(node)
        return [to_rdflib_term(q.object)
                for q in self.store.quads_for_pattern(subject, ox.NamedNode(str(prop)), None, ox.DefaultGraph())]

    def original_values(self, subject, predicate: ox.NamedNode) -> set:
        """The values of PREDICATE for SUBJECT (Oxigraph terms), typed literals as written."""
        found = {q.object for q in self.store.quads_for_pattern(subject, predicate, None, self.originals)}
        for quad in self.store.quads_for_pattern(subject, predicate, None, ox.DefaultGraph()):
            obj = quad.object
            if not (type(obj) is ox.Literal and obj.datatype not in _STRING_TYPES):
                found.add(obj)
        return found


def value_term(term):
    """An rdflib term for a value read from the store, with a wrapped datatype unwrapped."""
    if type(term) is ox.Literal and term.datatype.value.startswith(WRAPPED):
        return Literal(term.value, datatype=URIRef(term.datatype.value[len(WRAPPED):]))
    return to_rdflib_term(term)


@dataclass(frozen=True)
class Path:
    """A predicate path or the inverse of one."""

    predicate: str  # the IRI
    inverse: bool = False

    def canonical(self, this: str = "?this", value: str = "?v") -> str:
        """Triple pattern on the data graphs (typed literals in Oxigraph's canonical form)."""
        return f"{value} <{self.predicate}> {this} ." if self.inverse else f"{this} <{self.predicate}> {value} ."

    def values(self, data: DataStore, this: str = "?this", value: str = "?v") -> str:
        """Graph pattern binding VALUE to the values, typed literals as written (see DataStore)."""
        if self.inverse:
            return self.canonical(this, value)
        return (f"{{ {this} <{self.predicate}> {value} . FILTER (!isLiteral({value}) || "
                f"datatype({value}) IN (<{XSD.string}>, <{RDF.langString}>)) }} UNION "
                f"{{ GRAPH <{data.originals.value}> {{ {this} <{self.predicate}> {value} }} }}")


# ---- checks ----------------------------------------------------------------------------

@dataclass
class Check:
    """One constraint of one shape, evaluated for all focus nodes of a top-level shape at once."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]
    component: URIRef
    path: object | None  # the sh:path node (for the report)
    steps: Path | None  # how to follow it

    def run(self, run: "Run", top: "TopShape", focus: set, values: "PathValues | None") -> Iterator[RawResult]:
        raise NotImplementedError  # pragma: no cover - each check kind says how it runs

    def result(self, focus, value, *, path=None, messages=None, constraint=None) -> RawResult:
        return RawResult(severity=self.severity, focus=focus, path=path if path is not None else self.path,
                         value=value, messages=messages if messages is not None else self.messages,
                         shape=self.shape, component=self.component, constraint=constraint)


class PathValues:
    """The (focus node, value) pairs of one path, fetched once for all the checks on that path.

    Checks on the same path (count, datatype, pattern...) share one query: at
    100,000 statements each query costs about 0.3 s however little it returns.
    """

    def __init__(self, run: "Run", steps: Path, focus: set):
        query = f"SELECT ?this ?v WHERE {{ {steps.values(run.data)} }}"
        # rows are distinct: each (subject, value) is one triple of one graph
        self.rows = [(this, value) for this, value in run.data.select(query) if this in focus]
        self.counts = Counter(this for this, _ in self.rows)
        self._terms: dict = {}
        self._holders: dict | None = None

    @property
    def holders(self) -> dict:
        """value -> the focus nodes that have it (so value tests run once per distinct value)."""
        if self._holders is None:
            self._holders = {}
            for this, value in self.rows:
                self._holders.setdefault(value, []).append(this)
        return self._holders

    def term(self, value):
        converted = self._terms.get(value)
        if converted is None:
            converted = self._terms[value] = value_term(value)
        return converted


@dataclass
class CountCheck(Check):
    minimum: int | None = None
    maximum: int | None = None

    def run(self, run, top, focus, values: PathValues):
        counts = values.counts
        if self.minimum is not None:
            failing = [node for node in focus if counts.get(node, 0) < self.minimum]
        else:
            failing = [node for node, count in counts.items() if count > self.maximum]
        for node in failing:
            yield self.result(run.term(node), None)


@dataclass
class HasValueCheck(Check):
    wanted: object = None  # an rdflib IRI

    def run(self, run, top, focus, values: PathValues):
        have = {this for this, value in values.rows if values.term(value) == self.wanted}
        for node in focus - have:
            yield self.result(run.term(node), None)


@dataclass
class ValueCheck(Check):
    """A value-level test, decided in Python once per distinct value."""

    test: V.ValueTest | None = None

    def run(self, run, top, focus, values: PathValues | None):
        accepts = self.test.accepts
        if values is None:  # a node shape: the value node is the focus node itself
            for node in focus:
                value = run.term(node)
                if not accepts(value):
                    yield self.result(value, value)
            return
        for value, holders in values.holders.items():
            converted = values.term(value)
            if not accepts(converted):
                for this in holders:
                    yield self.result(run.term(this), converted)


@dataclass
class LessThanCheck(Check):
    other: str = ""  # the IRI of the property compared with

    def run(self, run, top, focus, values=None):
        other = Path(self.other)
        # Oxigraph finds the pairs that are not certainly in order; Python decides on the originals
        query = (f"SELECT DISTINCT ?this WHERE {{ {self.steps.canonical()} {other.canonical(value='?c')} "
                 f"FILTER (!COALESCE(?v < ?c, false)) }}")
        mine, theirs = ox.NamedNode(self.steps.predicate), ox.NamedNode(self.other)
        for (this,) in run.data.select(query):
            if this not in focus:
                continue
            for value in run.data.original_values(this, mine):
                for compared in run.data.original_values(this, theirs):
                    if not _less_than(value_term(value), value_term(compared)):
                        yield self.result(run.term(this), value_term(value))


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
    """A SHACL-SPARQL constraint, joined with the focus nodes (kept in a scratch graph)."""

    node: object = None
    query: str = ""  # with FOCUS_PLACEHOLDER where the focus pattern goes
    projects_this: bool = True
    constraint_messages: tuple[Literal, ...] = ()

    def run(self, run, top, focus, values=None):
        pattern = f"GRAPH <{run.data.focus_graph.value}> {{ {run.focus_marker(top)} <urn:kg:validation:focusOf> ?this }}"
        solutions = run.data.select(self.query.replace(FOCUS_PLACEHOLDER, pattern))
        names = [v.value for v in solutions.variables]
        own_value = self.steps is None  # a node shape reports its focus node as the value
        seen: set = set()
        failed: set = set()
        for row in solutions:
            bound = {name: to_rdflib_term(row[i]) for i, name in enumerate(names) if row[i] is not None}
            focus_node = bound["this"] if self.projects_this else bound.pop("this")
            own = focus_node if own_value else None
            if bound.pop("failure", None) is not None:
                # as pyshacl: one result per focus node, its message filled from that row's bindings
                if focus_node not in failed:
                    failed.add(focus_node)
                    yield self._make(focus_node, own, None, {"vars": bound, "this": None, "path": None,
                                                             "value": None})
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
                              "value": value if value is not None else own})

    def _make(self, focus_node, value, path, bound) -> RawResult:
        messages = []
        for m in list(self.constraint_messages) + [m for m in self.messages if m not in self.constraint_messages]:
            messages.append(Literal(_substitute(str(m.value), bound)))
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
        self.run: Run | None = None  # the validation in progress, for sh:class lookups

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

    def _where(self, node) -> str:
        return f"{self.shapes.where(node)}: shape {node}"

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

    def _path(self, node) -> tuple[object | None, Path | None]:
        """The shape's sh:path node and how to follow it."""
        path = self.g.value(node, SH.path)
        if path is None:
            return None, None
        if isinstance(path, URIRef):
            return path, Path(str(path))
        inverse = self.g.value(path, SH.inversePath)
        if isinstance(inverse, URIRef) and len(set(self.g.predicate_objects(path))) == 1:
            return path, Path(str(inverse), inverse=True)
        raise Unsupported("complex property path")

    def _shape_checks(self, node, depth: int = 0) -> list[Check]:
        if self._deactivated(node):
            return []
        path, steps = self._path(node)
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
        if (predicates & SUPPORTED) - {SH.sparql} and not messages:
            # pySHACL writes its own generic message when a shape has none; leave those to it
            raise Unsupported("shape without sh:message")

        def base(component):
            return dict(shape=node, severity=severity, messages=messages, component=component, path=path,
                        steps=steps)

        for predicate, component in ((SH.minCount, SH.MinCountConstraintComponent),
                                     (SH.maxCount, SH.MaxCountConstraintComponent)):
            for value in self.g.objects(node, predicate):
                if path is None:
                    raise ShapesError(f"{self._where(node)}: {predicate} needs sh:path")
                count = _non_negative_int(value, predicate, node, self.shapes)
                if predicate == SH.minCount and count == 0:
                    continue
                checks.append(CountCheck(**base(component),
                                         **({"minimum": count} if predicate == SH.minCount else {"maximum": count})))
        for value in self.g.objects(node, SH.hasValue):
            if path is None or not isinstance(value, URIRef):
                raise Unsupported("sh:hasValue on a node shape or with a literal")
            checks.append(HasValueCheck(**base(SH.HasValueConstraintComponent), wanted=value))
        for other in self.g.objects(node, SH.lessThan):
            if not isinstance(path, URIRef) or not isinstance(other, URIRef):
                raise Unsupported("sh:lessThan on a node shape or with a complex path")
            checks.append(LessThanCheck(**base(SH.LessThanConstraintComponent), other=str(other)))
        for test in self._value_tests(node):
            checks.append(ValueCheck(**base(test.component), test=test))
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
                raise ShapesError(f"{self._where(node)}: sh:datatype must be an IRI")
            tests.append(V.ValueTest(SH.DatatypeConstraintComponent,
                                     lambda v, d=datatype: V.datatype_matches(v, d)))
        for kind in g.objects(node, SH.nodeKind):
            if kind not in V.NODE_KINDS:
                raise ShapesError(f"{self._where(node)}: unknown sh:nodeKind {kind}")
            tests.append(V.ValueTest(SH.NodeKindConstraintComponent, lambda v, k=kind: V.node_kind_matches(v, k)))
        in_lists = list(g.objects(node, SH["in"]))
        if len(in_lists) > 1:
            raise Unsupported("several sh:in lists")
        for members_node in in_lists:
            member_set = set(Collection(g, members_node))
            tests.append(V.ValueTest(SH.InConstraintComponent, lambda v, s=member_set: v in s))
        for cls in g.objects(node, SH["class"]):
            sparql_term(cls)  # a blank-node class cannot be looked up in the data: unsupported
            tests.append(V.ValueTest(SH.ClassConstraintComponent, self._class_test(cls)))
        for predicate, accept in V.RANGE_TESTS.items():
            for bound in g.objects(node, predicate):
                if not isinstance(bound, Literal):
                    raise ShapesError(f"{self._where(node)}: {predicate} must be a literal")
                tests.append(V.ValueTest(RANGE_COMPONENTS[predicate],
                                         lambda v, b=bound, a=accept: V.range_ok(v, b, a)))
        for predicate, component, check in ((SH.minLength, SH.MinLengthConstraintComponent, V.min_length_ok),
                                            (SH.maxLength, SH.MaxLengthConstraintComponent, V.max_length_ok)):
            for length in g.objects(node, predicate):
                n = _non_negative_int(length, predicate, node, self.shapes)
                tests.append(V.ValueTest(component, lambda v, n=n, c=check: c(v, n)))
        flags = g.value(node, SH.flags)
        for pattern in g.objects(node, SH.pattern):
            if not isinstance(pattern, Literal):
                raise ShapesError(f"{self._where(node)}: sh:pattern must be a string")
            try:
                matcher = V.compile_pattern(pattern, flags)
            except re.error as err:
                raise ShapesError(f"{self._where(node)}: bad sh:pattern {str(pattern)!r}: {err}")
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
            raise ShapesError(f"{self._where(shape)}: sh:sparql needs one sh:select string")
        if self._deactivated(sparql_node):
            raise Unsupported("deactivated SPARQL constraint")
        text = str(select.value)
        try:
            SPARQLQueryHelper(None, sparql_node, text).check_invalid_sparql(text)
        except ValidationFailure as err:
            raise ShapesError(f"{self._where(shape)}: invalid SPARQL constraint: {err.message}")
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
        body = text[head.end():].rstrip() if head else ""
        close = body.rfind("}")
        if head is None or close < 0:
            raise Unsupported("SELECT query not recognised")
        prologue, modifier, projection = head.group(1), head.group(2) or "", head.group(3)
        projects_this = projection.strip() == "*" or re.search(r"[?$]this\b", projection) is not None
        select_clause = prologue + "SELECT " + modifier + ("" if projects_this else "?this ") + projection
        if _starts_with_this(body):
            # The first pattern binds $this, so joining the focus nodes at the end of the group
            # gives the same answers as pre-binding; Oxigraph then plans the constraint's own
            # patterns first, which for an OPTIONAL/!BOUND anti-join is 0.1 s instead of seconds.
            where = " WHERE {" + body[:close] + " " + FOCUS_PLACEHOLDER + " }" + body[close + 1:]
        else:
            where = " WHERE { " + FOCUS_PLACEHOLDER + " " + body
        query = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes.items()) + select_clause + where
        constraint_messages = tuple(m for m in self.g.objects(sparql_node, SH.message) if isinstance(m, Literal))
        if not constraint_messages and not base["messages"]:
            raise Unsupported("SPARQL constraint without sh:message")
        return SparqlCheck(**base, node=sparql_node, query=query, projects_this=projects_this,
                           constraint_messages=constraint_messages)

    def _prefixes(self, sparql_node) -> dict:
        prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
        for holder in self.g.objects(sparql_node, SH.prefixes):
            for declaration in self.g.objects(holder, SH.declare):
                prefix = self.g.value(declaration, SH.prefix)
                namespace = self.g.value(declaration, SH.namespace)
                if prefix is not None and namespace is not None:
                    prefixes[str(prefix)] = str(namespace)
        return prefixes



def _starts_with_this(body: str) -> bool:
    """Whether a WHERE group starts with a triple pattern whose subject is $this."""
    text = re.sub(r"^(\s|#[^\n]*\n)*", "", body)
    return re.match(r"[$?]this\b", text) is not None


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

class Run:
    """One validation of one DataStore: focus sets and the per-property lookups shapes share."""

    def __init__(self, data: DataStore):
        self.data = data
        self._instances: dict = {}
        self._terms: dict = {}
        self._markers: dict = {}
        self.focus_of: dict = {}  # id(top shape) -> its focus nodes

    def term(self, node):
        """The rdflib term of an Oxigraph focus node (cached: one node often has several results)."""
        converted = self._terms.get(node)
        if converted is None:
            converted = self._terms[node] = to_rdflib_term(node)
        return converted

    def focus(self, top: TopShape) -> set:
        return {row[0] for row in self.data.select(f"SELECT DISTINCT ?this WHERE {{ {top.targets_sparql} }}")}

    def focus_marker(self, top: TopShape) -> str:
        """The focus nodes of TOP, written once into the scratch graph for SHACL-SPARQL joins."""
        marker = self._markers.get(id(top))
        if marker is None:
            marker = self._markers[id(top)] = f"<urn:kg:validation:shape:{len(self._markers)}>"
            node, of = ox.NamedNode(marker[1:-1]), ox.NamedNode("urn:kg:validation:focusOf")
            # focus nodes are objects here, because targetObjectsOf can select literals
            self.data.store.extend(ox.Quad(node, of, f, self.data.focus_graph) for f in self.focus_of[id(top)])
        return marker

    def instances(self, cls) -> set:
        if cls not in self._instances:
            query = f"SELECT DISTINCT ?x WHERE {{ ?x <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(cls)} }}"
            self._instances[cls] = {to_rdflib_term(row[0]) for row in self.data.select(query)}
        return self._instances[cls]


def run_plan(plan: Plan, compiler: _Compiler, data: DataStore) -> list[RawResult]:
    """Evaluate every compiled shape on DATA."""
    run = Run(data)
    compiler.run = run
    results: list[RawResult] = []
    for top in plan.shapes:
        if not top.checks or not top.targets_sparql:
            continue
        focus = run.focus(top)
        if not focus:
            continue
        run.focus_of[id(top)] = focus
        shared: dict[Path, PathValues] = {}
        for check in top.checks:
            values = None
            if isinstance(check, (CountCheck, HasValueCheck, ValueCheck)) and check.steps is not None:
                values = shared.get(check.steps)
                if values is None:
                    values = shared[check.steps] = PathValues(run, check.steps, focus)
            results.extend(check.run(run, top, focus, values))
    return results
