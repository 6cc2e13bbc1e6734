"""The fast engine: SHACL shapes compiled once, then checked for all focus nodes at once.

pySHACL validates one focus node at a time, and its SPARQL-based constraints
run on rdflib's SPARQL engine, which joins pre-bound variables only at the end
of a query: on 1,000 statements a whole-graph run takes minutes. Here:

* one pass over the parsed quads keeps the values of the predicates the
  shapes mention (kg.validation.streaming), and the focus nodes of each
  top-level shape are sets computed from them;
* cardinality, sh:hasValue and sh:lessThan compare those sets with the
  values per node;
* value-level constraints (datatype, ranges, patterns, sh:or of those...)
  decide each distinct value once in Python with pySHACL's own rules
  (kg.validation.values), so both engines agree on ill-typed literals and
  other corner cases;
* SHACL-SPARQL constraints run as written, joined with the focus nodes, on an
  in-memory Oxigraph store that holds only the predicates they (and their
  shapes' targets) use. On large inputs a second process does that part
  while the first one makes the pass above.

Only the SHACL features kg's shapes and typical team shapes use are compiled;
`compile_shapes` reports every other top-level shape as unsupported, and
kg.validate hands those to pySHACL, so any valid shapes graph still works.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import uuid
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import KgError, ShapesError
from kg.namespaces import KG, SH
from kg.rdfio import to_ox_term, to_rdflib_term
from kg.validation import values as V
from kg.validation.report import LABEL_PROPERTIES, RawResult
from kg.validation.shapes import Shapes
from kg.validation.streaming import QuadSource, Tables

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
# What the report reads to name a focus node (kg.validation.report.label_of).
LABEL_LOOKUPS = (*LABEL_PROPERTIES, KG.actor, KG.stance, KG.proposal)
# Inputs at least this large are validated by two processes (see run_plan).
PARALLEL_MIN_BYTES = 8 * 1024 * 1024


class Unsupported(Exception):
    """A shape uses a SHACL feature the fast engine does not compile."""


def sparql_term(term) -> str:
    if isinstance(term, BNode):
        raise Unsupported("blank node in a constraint parameter")
    return str(to_ox_term(term))


# ---- the store for SHACL-SPARQL constraints --------------------------------------------------
#
# Named graphs (kg writes one per article) are merged into the default graph.
# (Querying the union of thousands of named graphs instead saves that copy but
# makes Oxigraph's OPTIONAL joins look up every graph separately: minutes
# instead of seconds.) The constraints compare values as SPARQL does, so
# Oxigraph's canonical typed literals are what they should see.

class SparqlStore:
    """The quads the SPARQL-based constraints may match, in Oxigraph, plus a scratch graph of focus nodes."""

    def __init__(self, quads: Iterable[ox.Quad], predicates: frozenset[str] | None):
        self.store = ox.Store()
        self.focus_graph = ox.NamedNode(f"urn:kg:validation:{uuid.uuid4().hex}:focus")
        if predicates is None:
            self.store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
        else:
            wanted = {ox.NamedNode(p) for p in predicates}
            self.store.bulk_extend(ox.Quad(s, p, o) for s, p, o, _g in quads if p in wanted)

    def select(self, query: str):
        return self.store.query(query)


@dataclass(frozen=True)
class Path:
    """A predicate path or the inverse of one."""

    predicate: str  # the IRI
    inverse: bool = False

    @property
    def node(self) -> ox.NamedNode:
        return ox.NamedNode(self.predicate)


# ---- checks ----------------------------------------------------------------------------
#
# Every check runs once over all focus nodes of its top-level shape. The checks on
# values read the Tables of the pass over the quads (TableRun); SHACL-SPARQL
# constraints query the SparqlStore (StoreRun).

@dataclass
class Check:
    """One constraint of one shape, evaluated for all focus nodes of a top-level shape at once."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]
    component: URIRef
    path: object | None  # the sh:path node (for the report)
    steps: Path | None  # how to follow it

    def run(self, run, top: "TopShape", values: "PathValues | None") -> Iterator[RawResult]:
        raise NotImplementedError  # pragma: no cover - each check kind says how it runs

    def result(self, focus, value, *, path=None, messages=None, constraint=None) -> RawResult:
        return RawResult(severity=self.severity, focus=focus, path=path if path is not None else self.path,
                         value=value, messages=messages if messages is not None else self.messages,
                         shape=self.shape, component=self.component, constraint=constraint)


class PathValues:
    """The values of one path for the focus nodes of one top-level shape, each question asked once.

    Value nodes are read as pySHACL sees them (typed literals as written, see
    kg.validation.streaming.Tables), so counts and value tests agree with it.
    """

    def __init__(self, run: "TableRun", top: "TopShape", steps: Path, checks: list[Check]):
        self.run, self.steps = run, steps
        self.focus = run.focus(top)
        self.table = (run.tables.inverse if steps.inverse else run.tables.forward)[steps.node]
        self.counts = [c for c in checks if isinstance(c, CountCheck)]
        self.tests = [c for c in checks if isinstance(c, ValueCheck)]
        self._count_failures: dict | None = None
        self._verdicts: dict | None = None

    def count_failures(self) -> dict:
        """focus node -> number of values, for the focus nodes some count check on this path fails."""
        if self._count_failures is None:
            minimum = max((c.minimum for c in self.counts if c.minimum is not None), default=0)
            maximum = min((c.maximum for c in self.counts if c.maximum is not None), default=None)
            failures, table = {}, self.table
            if minimum > 0:
                failures.update(dict.fromkeys(self.focus.difference(table.keys()), 0))
            # set operations run in C: only the nodes with several values are looked at one by one
            for node in self.focus.intersection(self.run.tables.several(table)):
                n = len(table[node])
                if n < minimum or (maximum is not None and n > maximum):
                    failures[node] = n
            if minimum > 1 or maximum == 0:
                for node in self.focus.intersection(table.keys()):
                    if type(table[node]) is not set and (1 < minimum or (maximum is not None and 1 > maximum)):
                        failures[node] = 1
            self._count_failures = failures
        return self._count_failures

    def verdicts(self) -> dict:
        """value -> {id(check): accepted} for each distinct value of a focus node."""
        if self._verdicts is None:
            distinct, table = set(), self.table
            several = self.run.tables.several(table)
            if self.focus.issuperset(table.keys()):
                distinct.update(table.values() if not several else
                                (value for value in table.values() if type(value) is not set))
            else:
                distinct.update(table[node] for node in self.focus.intersection(table.keys()).difference(several))
            for node in self.focus.intersection(several):
                distinct.update(table[node])
            term, tests = self.run.term, [(id(c), c.test.sure, c.test.accepts) for c in self.tests]
            self._verdicts = verdicts = {}
            for value in distinct:
                accepted = {}
                for key, sure, accepts in tests:
                    accepted[key] = (sure is not None and sure(value)) or accepts(term(value))
                verdicts[value] = accepted
        return self._verdicts

    def holders(self, values: set) -> Iterator[tuple]:
        """(focus node, value) for each focus node that has one of VALUES."""
        table = self.table
        for node in self.focus:
            found = table.get(node)
            if found is None:
                continue
            for value in found if type(found) is set else (found,):
                if value in values:
                    yield node, value


@dataclass
class CountCheck(Check):
    minimum: int | None = None
    maximum: int | None = None

    def run(self, run, top, values: PathValues):
        for node, count in values.count_failures().items():
            if (self.minimum is not None and count < self.minimum) or \
                    (self.maximum is not None and count > self.maximum):
                yield self.result(run.term(node), None)


@dataclass
class HasValueCheck(Check):
    wanted: object = None  # an rdflib IRI

    def run(self, run, top, values=None):
        wanted, predicate, inverse = to_ox_term(self.wanted), self.steps.node, self.steps.inverse
        for node in run.focus(top):
            if wanted not in run.tables.values(node, predicate, inverse):
                yield self.result(run.term(node), None)


@dataclass
class ValueCheck(Check):
    """A value-level test, decided in Python once per distinct value."""

    test: V.ValueTest | None = None

    def run(self, run, top, values: PathValues | None):
        if values is None:  # a node shape: the value node is the focus node itself
            sure = self.test.sure
            for node in run.focus(top):
                if sure is not None and sure(node):
                    continue
                value = run.term(node)
                if not self.test.accepts(value):
                    yield self.result(value, value)
            return
        failing = {value for value, accepted in values.verdicts().items() if not accepted[id(self)]}
        if failing:
            for this, value in values.holders(failing):
                yield self.result(run.term(this), run.term(value))


@dataclass
class LessThanCheck(Check):
    other: str = ""  # the IRI of the property compared with

    def run(self, run, top, values=None):
        mine, theirs, tables = self.steps.node, ox.NamedNode(self.other), run.tables
        for this in run.focus(top):
            compared_with = tables.values(this, theirs)
            if not compared_with:
                continue
            for value in tables.values(this, mine):
                for compared in compared_with:
                    less = _surely_less_than(value, compared)
                    if less is None:
                        less = _less_than(run.term(value), run.term(compared))
                    if not less:
                        yield self.result(run.term(this), run.term(value))


_INTEGER_TYPES = {ox.NamedNode(str(XSD.integer)), ox.NamedNode(str(XSD.nonNegativeInteger))}
_DIGITS = re.compile(r"[0-9]+")


def _surely_less_than(value, other) -> bool | None:
    """_less_than for two xsd:integer/xsd:nonNegativeInteger literals written as digits; None for others.

    The usual pair (offsets in a text) without building rdflib literals, whose
    comparison is the slowest part of the check.
    """
    if type(value) is ox.Literal and type(other) is ox.Literal and value.datatype in _INTEGER_TYPES \
            and other.datatype in _INTEGER_TYPES and _DIGITS.fullmatch(value.value) \
            and _DIGITS.fullmatch(other.value):
        return int(value.value) < int(other.value)
    return None


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
    predicates: frozenset[str] | None = None  # the predicates the query can match; None: any
    first_predicate: str | None = None  # P when the query starts with the triple pattern `$this P ?x`

    def needs_focus(self, top: "TopShape") -> bool:
        """Whether the query must be joined with the focus nodes of TOP.

        Not when it starts with `$this P ?x` and TOP targets the subjects of P:
        every $this it finds is then a focus node, and the store needs neither
        the focus nodes nor what selects them (rdf:type, for class targets).
        """
        return self.first_predicate is None or \
            self.first_predicate not in {str(p) for p in top.targets.subjects_of}


    def run(self, run, top, values=None):
        focus = run.focus(top) if self.needs_focus(top) else ""
        solutions = run.data.select(self.query.replace(FOCUS_PLACEHOLDER, focus))
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
class Targets:
    """How a top-level shape selects its focus nodes."""

    classes: list = field(default_factory=list)
    subjects_of: list = field(default_factory=list)
    objects_of: list = field(default_factory=list)
    nodes: list = field(default_factory=list)

    def sparql(self) -> str:
        """A graph pattern binding ?this to each focus node."""
        parts = [f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* {sparql_term(cls)} }}" for cls in self.classes]
        parts += [f"{{ ?this {sparql_term(prop)} ?_target_o }}" for prop in self.subjects_of]
        parts += [f"{{ ?_target_s {sparql_term(prop)} ?this }}" for prop in self.objects_of]
        if self.nodes:
            parts.append("{ VALUES ?this { " + " ".join(sparql_term(n) for n in self.nodes) + " } }")
        return " UNION ".join(parts)

    def predicates(self) -> set[str]:
        found = {str(p) for p in self.subjects_of + self.objects_of}
        if self.classes:
            found |= {str(RDF.type), str(RDFS.subClassOf)}
        return found


@dataclass
class TopShape:
    node: object
    targets: Targets
    checks: list[Check] = field(default_factory=list)

    @property
    def targets_sparql(self) -> str:
        return self.targets.sparql()

    def sparql_checks(self) -> list["SparqlCheck"]:
        return [c for c in self.checks if isinstance(c, SparqlCheck)]


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
        self.run: TableRun | None = None  # the validation in progress, for sh:class lookups
        self.uses_classes = False  # whether some sh:class needs rdf:type and rdfs:subClassOf

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
                top = TopShape(node=node, targets=self._targets(node))
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

    def _targets(self, node) -> Targets:
        if (node, SH.target, None) in self.g:
            raise Unsupported("SHACL-AF sh:target")
        if any((node, RDF.type, cls) in self.g for cls in (RDFS.Class, OWL.Class)):
            raise Unsupported("implicit class target")
        targets = Targets(classes=list(self.g.objects(node, SH.targetClass)),
                          subjects_of=list(self.g.objects(node, SH.targetSubjectsOf)),
                          objects_of=list(self.g.objects(node, SH.targetObjectsOf)),
                          nodes=list(self.g.objects(node, SH.targetNode)))
        for term in targets.classes + targets.nodes:
            sparql_term(term)  # a blank node cannot be looked up in the data: unsupported
        for prop in targets.subjects_of + targets.objects_of:
            if not isinstance(prop, URIRef):
                raise Unsupported("sh:targetSubjectsOf/sh:targetObjectsOf that is not an IRI")
        return targets

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
                                     lambda v, d=datatype: V.datatype_matches(v, d), V.sure_datatype(datatype)))
        for kind in g.objects(node, SH.nodeKind):
            if kind not in V.NODE_KINDS:
                raise ShapesError(f"{self._where(node)}: unknown sh:nodeKind {kind}")
            tests.append(V.ValueTest(SH.NodeKindConstraintComponent, lambda v, k=kind: V.node_kind_matches(v, k),
                                     V.sure_node_kind(kind)))
        in_lists = list(g.objects(node, SH["in"]))
        if len(in_lists) > 1:
            raise Unsupported("several sh:in lists")
        for members_node in in_lists:
            member_set = set(Collection(g, members_node))
            tests.append(V.ValueTest(SH.InConstraintComponent, lambda v, s=member_set: v in s,
                                     V.sure_in(member_set)))
        for cls in g.objects(node, SH["class"]):
            sparql_term(cls)  # a blank-node class cannot be looked up in the data: unsupported
            self.uses_classes = True
            tests.append(V.ValueTest(SH.ClassConstraintComponent, self._class_test(cls), self._class_sure(cls)))
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
                sure = V.sure_length(minimum=n) if predicate == SH.minLength else V.sure_length(maximum=n)
                tests.append(V.ValueTest(component, lambda v, n=n, c=check: c(v, n), sure))
        flags = g.value(node, SH.flags)
        for pattern in g.objects(node, SH.pattern):
            if not isinstance(pattern, Literal):
                raise ShapesError(f"{self._where(node)}: sh:pattern must be a string")
            try:
                matcher = V.compile_pattern(pattern, flags)
            except re.error as err:
                raise ShapesError(f"{self._where(node)}: bad sh:pattern {str(pattern)!r}: {err}")
            tests.append(V.ValueTest(SH.PatternConstraintComponent, lambda v, m=matcher: V.pattern_matches(v, m),
                                     V.sure_pattern(matcher)))
        for predicate, component, combine, sure in (
                (SH["or"], SH.OrConstraintComponent, V.any_of, V.any_sure),
                (SH["and"], SH.AndConstraintComponent, V.all_of, V.all_sure),
                (SH.xone, SH.XoneConstraintComponent, V.exactly_one_of, lambda _: None)):
            for list_node in g.objects(node, predicate):
                members = [self._value_shape(m) for m in set(Collection(g, list_node))]
                tests.append(V.ValueTest(component, combine(members), sure([m.sure for m in members])))
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

    def _class_sure(self, cls) -> V.Sure:
        compiler, cls = self, to_ox_term(cls)
        return lambda v: type(v) is not ox.Literal and v in compiler.run.tables.instances(cls)

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
                           constraint_messages=constraint_messages,
                           predicates=_query_predicates(query.replace(FOCUS_PLACEHOLDER, "")),
                           first_predicate=_first_predicate(body, query))

    def _prefixes(self, sparql_node) -> dict:
        prefixes = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
        for holder in self.g.objects(sparql_node, SH.prefixes):
            for declaration in self.g.objects(holder, SH.declare):
                prefix = self.g.value(declaration, SH.prefix)
                namespace = self.g.value(declaration, SH.namespace)
                if prefix is not None and namespace is not None:
                    prefixes[str(prefix)] = str(namespace)
        return prefixes



def _query_predicates(query: str) -> frozenset[str] | None:
    """The IRIs a SPARQL query can match as predicates; None if it may match any (a variable predicate)."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import prepareQuery

    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # noqa: BLE001 - whatever rdflib cannot read, Oxigraph will judge; load everything
        return None
    found: set[str] = set()

    def add(predicate) -> bool:
        if isinstance(predicate, URIRef):
            found.add(str(predicate))
            return True
        if isinstance(predicate, (SequencePath, AlternativePath)):
            return all(add(p) for p in predicate.args)
        if isinstance(predicate, InvPath):
            return add(predicate.arg)
        if isinstance(predicate, MulPath):
            return add(predicate.path)
        return False  # a variable or a negated property set

    def walk(node) -> bool:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "triples" and isinstance(value, list):
                    if not all(add(triple[1]) for triple in value):
                        return False
                elif not walk(value):
                    return False
        elif isinstance(node, (list, tuple)):
            return all(walk(item) for item in node)
        return True

    return frozenset(found) if walk(algebra) else None


def _first_predicate(body: str, query: str) -> str | None:
    """P, when the WHERE group BODY starts with the triple pattern `$this P ?x` (P an IRI, not a path)."""
    text = re.sub(r"^(\s|#[^\n]*\n)*", "", body)
    match = re.match(r"[$?]this\s+(<[^<>\s]*>|[A-Za-z][\w.-]*:[\w-]*|:[\w-]*|a)\s*(?=[?$]\w)", text)
    if match is None:
        return None
    verb = match.group(1)
    if verb == "a":
        return str(RDF.type)
    if verb.startswith("<"):
        return verb[1:-1]
    prefix, local = verb.split(":", 1)
    declared = dict(re.findall(r"PREFIX\s+([^\s:]*):\s*<([^>]*)>", query, re.I))
    return declared[prefix] + local if prefix in declared else None


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

FOCUS_OF = "urn:kg:validation:focusOf"


class TableRun:
    """The checks on values of one validation: focus nodes and lookups from the Tables of the pass."""

    def __init__(self, tables: Tables):
        self.tables = tables
        self._focus: dict = {}
        self._terms: dict = {}
        self._instances: dict = {}

    def term(self, node):
        """The rdflib term of an Oxigraph node (cached: one node often has several results)."""
        converted = self._terms.get(node)
        if converted is None:
            converted = self._terms[node] = to_rdflib_term(node)
        return converted

    def focus(self, top: TopShape) -> set:
        """The focus nodes of TOP, as Oxigraph terms."""
        found = self._focus.get(id(top))
        if found is None:
            targets, tables = top.targets, self.tables
            found = set()
            for cls in targets.classes:
                found |= tables.instances(to_ox_term(cls))
            for prop in targets.subjects_of:
                found.update(tables.subjects(to_ox_term(prop)))
            for prop in targets.objects_of:
                found.update(tables.objects(to_ox_term(prop)))
            found.update(tables.normalise(to_ox_term(node)) for node in targets.nodes)
            self._focus[id(top)] = found
        return found

    def instances(self, cls) -> set:
        """rdflib terms: the instances of CLS (an rdflib term), for sh:class."""
        if cls not in self._instances:
            self._instances[cls] = {to_rdflib_term(n) for n in self.tables.instances(to_ox_term(cls))}
        return self._instances[cls]


class StoreRun:
    """The SHACL-SPARQL constraints of one validation: focus nodes kept in the store's scratch graph."""

    def __init__(self, data: SparqlStore):
        self.data = data
        self._focus: dict = {}  # id(top shape) -> graph pattern binding ?this to its focus nodes

    def find_focus(self, top: TopShape) -> bool:
        """Write the focus nodes of TOP into the scratch graph (by Oxigraph alone); False if there are none."""
        marker = f"<urn:kg:validation:shape:{len(self._focus)}>"
        graph = f"<{self.data.focus_graph.value}>"
        # focus nodes are objects here, because targetObjectsOf can select literals
        self.data.store.update(f"INSERT {{ GRAPH {graph} {{ {marker} <{FOCUS_OF}> ?this }} }} "
                               f"WHERE {{ {top.targets_sparql} }}")
        self._focus[id(top)] = f"GRAPH {graph} {{ {marker} <{FOCUS_OF}> ?this }}"
        return self.data.store.query(f"ASK {{ {self._focus[id(top)]} }}")

    def focus(self, top: TopShape) -> str:
        """A graph pattern binding ?this to each focus node of TOP."""
        return self._focus[id(top)]


@dataclass
class Outcome:
    """What run_plan found: the results, and the labels of their focus nodes' terms for the report."""

    results: list[RawResult]
    tables: Tables

    def objects(self, node, prop) -> list:
        """rdflib terms: the values of PROP for NODE (an rdflib term), for labels in the report."""
        if isinstance(node, Literal):
            return []
        return [to_rdflib_term(v) for v in self.tables.values(to_ox_term(node), to_ox_term(prop))]


def run_plan(plan: Plan, compiler: _Compiler, source: QuadSource) -> Outcome:
    """Evaluate every compiled shape on the quads of SOURCE.

    The checks on values need one pass over the quads, the SHACL-SPARQL
    constraints an Oxigraph store; parsing dominates both. An input of
    PARALLEL_MIN_BYTES or more, on a machine with two cores or more, is parsed
    twice at once: a forked process loads the store and runs the SPARQL
    constraints while this one makes the pass.
    """
    forward, inverse, objects = _table_predicates(plan, compiler)
    sparql_tops = [top for top in plan.shapes if top.sparql_checks() and top.targets.sparql()]
    predicates = _store_predicates(sparql_tops)
    helper = None
    if sparql_tops and source.size >= PARALLEL_MIN_BYTES and (os.cpu_count() or 1) > 1 \
            and "fork" in multiprocessing.get_all_start_methods():
        helper = _SparqlProcess(sparql_tops, source, predicates)
    try:
        tables = Tables(forward, inverse, objects).collect(source.quads())
        results = _table_results(plan, compiler, tables)
        sparql_results = helper.results() if helper is not None else None
        if sparql_results is None:
            sparql_results = _sparql_results(sparql_tops, source, predicates)
        results.extend(sparql_results)
    finally:
        if helper is not None:
            helper.stop()
    return Outcome(results, tables)


def _table_predicates(plan: Plan, compiler: _Compiler) -> tuple[set[str], set[str], set[str]]:
    """The predicates the checks on values read by subject, by object, and only for their objects."""
    forward = {str(p) for p in LABEL_LOOKUPS}
    inverse: set[str] = set()
    objects: set[str] = set()
    if compiler.uses_classes:
        forward |= {str(RDF.type), str(RDFS.subClassOf)}
    for top in plan.shapes:
        checks = [c for c in top.checks if not isinstance(c, SparqlCheck)]
        if not checks:
            continue
        if top.targets.classes:
            forward |= {str(RDF.type), str(RDFS.subClassOf)}
        forward.update(str(p) for p in top.targets.subjects_of)
        objects.update(str(p) for p in top.targets.objects_of)
        for check in checks:
            if check.steps is not None:
                (inverse if check.steps.inverse else forward).add(check.steps.predicate)
            if isinstance(check, LessThanCheck):
                forward.add(check.other)
    return forward, inverse, objects


def _table_results(plan: Plan, compiler: _Compiler, tables: Tables) -> list[RawResult]:
    run = TableRun(tables)
    compiler.run = run
    results: list[RawResult] = []
    for top in plan.shapes:
        checks = [c for c in top.checks if not isinstance(c, SparqlCheck)]
        if not checks or not top.targets.sparql() or not run.focus(top):
            continue
        by_path: dict[Path, list[Check]] = {}
        for check in checks:
            if isinstance(check, (CountCheck, ValueCheck)) and check.steps is not None:
                by_path.setdefault(check.steps, []).append(check)
        shared = {steps: PathValues(run, top, steps, path_checks) for steps, path_checks in by_path.items()}
        for check in checks:
            results.extend(check.run(run, top, shared.get(check.steps) if check.steps in by_path else None))
    return results


def _store_predicates(tops: list[TopShape]) -> frozenset[str] | None:
    """The predicates the SPARQL constraints of TOPS and their targets can match; None: any."""
    found: set[str] = set()
    for top in tops:
        if any(check.needs_focus(top) for check in top.sparql_checks()):
            found |= top.targets.predicates()
        for check in top.sparql_checks():
            if check.predicates is None:
                return None
            found |= check.predicates
    return frozenset(found)


def _sparql_results(tops: list[TopShape], source: QuadSource, predicates, lenient: bool = False) -> list[RawResult]:
    if not tops:
        return []
    run = StoreRun(SparqlStore(source.quads(lenient=lenient), predicates))
    results: list[RawResult] = []
    for top in tops:
        if not any(check.needs_focus(top) for check in top.sparql_checks()) or run.find_focus(top):
            for check in top.sparql_checks():
                results.extend(check.run(run, top))
    return results


class _SparqlProcess:
    """_sparql_results in a forked process, which inherits the compiled plan and the file contents."""

    def __init__(self, tops: list[TopShape], source: QuadSource, predicates):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_sparql_child, args=(tops, source, predicates, send), daemon=True)
        self._process.start()
        send.close()

    def results(self) -> list[RawResult] | None:
        """The child's results; None if it died without answering (the caller then runs the part itself)."""
        try:
            status, payload = self._receive.recv()
        except (EOFError, OSError):
            return None
        if status == "error":
            raise KgError(f"validation of the SHACL-SPARQL constraints failed: {payload}")
        return payload

    def stop(self) -> None:
        self._receive.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _sparql_child(tops, source, predicates, send) -> None:  # pragma: no cover - runs in the forked process
    try:
        # the parent's strict parse reports any syntax error; skipping IRI validation halves this one
        payload = ("ok", _sparql_results(tops, source, predicates, lenient=True))
    except BaseException as err:  # noqa: BLE001 - reported to the parent, which has made the same parse
        payload = ("error", str(err))
    send.send(payload)
    send.close()
