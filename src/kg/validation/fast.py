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

import io
import re
import uuid
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import ShapesError
from kg.namespaces import SH
from kg.rdfio import parse_error, read_rdf_bytes, to_ox_term, to_rdflib_term
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
_STRING_TYPE_IRIS = {str(XSD.string), str(RDF.langString)}


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
    def from_files(cls, paths: Iterable[str], input_format: str | None = None) -> "DataStore":
        """Parse RDF files (named graphs merged) without handling each triple in Python.

        Each file becomes N-Triples (pyoxigraph re-serialises the triples of a
        dataset format, which also merges its named graphs) that Oxigraph loads
        natively; only the lines holding typed literals are parsed in Python,
        for the ORIGINALS graph. At 100,000 statements (two million quads) this
        halves the loading time. Oxigraph's loader relabels blank nodes, and the
        report must name them as written, so a file that may hold blank nodes
        goes through Python quad by quad instead.
        """
        data = cls()
        for path in paths:
            content, fmt = read_rdf_bytes(path, input_format)
            try:
                if fmt is ox.RdfFormat.N_TRIPLES:
                    triples = content
                else:
                    buffer = io.BytesIO()
                    ox.serialize(map(_TRIPLE, ox.parse(content, format=fmt, base_iri=None)), buffer,
                                 format=ox.RdfFormat.N_TRIPLES)
                    triples = buffer.getvalue()
                del content
                if b"_:" in triples:
                    data.store.bulk_extend(data._flattened(ox.parse(triples, format=ox.RdfFormat.N_TRIPLES)))
                else:
                    data.store.load(triples, format=ox.RdfFormat.N_TRIPLES)
                    data._load_originals(_typed_literal_lines(triples))
            except (SyntaxError, ValueError, OSError) as err:
                raise parse_error(path, err) from None
        return data

    def _load_originals(self, lines: bytes) -> None:
        """Load the typed literals of N-Triples LINES into the ORIGINALS graph, as _flattened would.

        The datatypes are wrapped in the text ('"^^<' starts every datatype
        IRI), so Oxigraph stores the lexical forms as written; then only the
        distinct literals are looked at in Python: strings are dropped (the text
        may also have matched inside one) and lexical forms are normalised as
        rdflib does.
        """
        if not lines:
            return
        self.store.load(lines.replace(b'"^^<', b'"^^<' + WRAPPED.encode()), format=ox.RdfFormat.N_TRIPLES,
                        to_graph=self.originals)
        query = f"SELECT DISTINCT ?o WHERE {{ GRAPH <{self.originals.value}> {{ ?s ?p ?o }} }}"
        for (wrapped,) in list(self.store.query(query)):
            datatype = wrapped.datatype.value if type(wrapped) is ox.Literal else ""
            keep = None
            if datatype.startswith(WRAPPED) and datatype[len(WRAPPED):] not in _STRING_TYPE_IRIS:
                keep = self._wrap(ox.Literal(wrapped.value, datatype=ox.NamedNode(datatype[len(WRAPPED):])))
                if keep == wrapped:
                    continue
            quads = list(self.store.quads_for_pattern(None, None, wrapped, self.originals))
            for quad in quads:
                self.store.remove(quad)
                if keep is not None:
                    self.store.add(ox.Quad(quad.subject, quad.predicate, keep, self.originals))

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


_TRIPLE = attrgetter("triple")


def _typed_literal_lines(ntriples: bytes) -> bytes:
    """The lines of an N-Triples document that may hold a typed literal ('"^^<' marks one)."""
    lines, find, rfind, end = [], ntriples.find, ntriples.rfind, 0
    position = find(b'"^^<')
    while position >= 0:
        start = rfind(b"\n", 0, position) + 1
        end = find(b"\n", position)
        if end < 0:
            end = len(ntriples)
        lines.append(ntriples[start:end])
        position = find(b'"^^<', end)
    return b"\n".join(lines)


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
#
# Every check is one or two SPARQL queries over all focus nodes of its top-level shape,
# written so that Oxigraph returns only the rows that may fail: at 100,000 statements a
# query that hands every (focus node, value) row to Python costs a second, one that
# returns the failures costs a tenth of that. The focus nodes themselves are in a
# scratch graph (Run.focus), never in a Python set.

@dataclass
class Check:
    """One constraint of one shape, evaluated for all focus nodes of a top-level shape at once."""

    shape: object
    severity: URIRef
    messages: tuple[Literal, ...]
    component: URIRef
    path: object | None  # the sh:path node (for the report)
    steps: Path | None  # how to follow it

    def run(self, run: "Run", top: "TopShape", values: "PathValues | None") -> Iterator[RawResult]:
        raise NotImplementedError  # pragma: no cover - each check kind says how it runs

    def result(self, focus, value, *, path=None, messages=None, constraint=None) -> RawResult:
        return RawResult(severity=self.severity, focus=focus, path=path if path is not None else self.path,
                         value=value, messages=messages if messages is not None else self.messages,
                         shape=self.shape, component=self.component, constraint=constraint)


class PathValues:
    """What the checks on one path of one top-level shape ask of the data, each asked once.

    Value nodes are read as pySHACL sees them (typed literals as written, see
    DataStore), so counts and value tests agree with it.
    """

    def __init__(self, run: "Run", top: "TopShape", steps: Path, checks: list[Check]):
        self.run, self.steps = run, steps
        self.focus = run.focus(top)
        self.pattern = steps.values(run.data)
        self.counts = [c for c in checks if isinstance(c, CountCheck)]
        self.tests = [c for c in checks if isinstance(c, ValueCheck)]
        self._count_failures: dict | None = None
        self._verdicts: dict | None = None

    def count_failures(self) -> dict:
        """focus node -> number of values, for the focus nodes some count check on this path fails."""
        if self._count_failures is None:
            # HAVING cannot see the SELECT's alias (?n), it repeats the aggregate
            bounds = [f"COUNT(DISTINCT ?v) < {c.minimum}" if c.minimum is not None
                      else f"COUNT(DISTINCT ?v) > {c.maximum}" for c in self.counts]
            if all(c.minimum is None for c in self.counts):  # no value at all never breaks a maximum
                where = f"{self.focus} {self.pattern}"
            else:
                where = f"{self.focus} OPTIONAL {{ {self.pattern} }}"
            query = (f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {where} }} GROUP BY ?this "
                     f"HAVING ({' || '.join(bounds)})")
            self._count_failures = {this: int(n.value) for this, n in self.run.data.select(query)}
        return self._count_failures

    def verdicts(self) -> dict:
        """(value, its rdflib term, [test results]) for each distinct value not certainly accepted by all tests.

        Returned as value -> (term, {id(check): accepted}).
        """
        if self._verdicts is None:
            sure = V.all_sure([c.test.sure for c in self.tests])
            keep = f"FILTER (!COALESCE({sure}, false))" if sure else ""
            query = f"SELECT DISTINCT ?v WHERE {{ {self.focus} {self.pattern} {keep} }}"
            self._verdicts = {}
            for (value,) in self.run.data.select(query):
                term = value_term(value)
                self._verdicts[value] = (term, {id(c): c.test.accepts(term) for c in self.tests})
        return self._verdicts

    def holders(self, values: list) -> Iterator[tuple]:
        """(focus node, value) for each focus node that has one of VALUES (Oxigraph terms)."""
        query = f"SELECT ?this ?v WHERE {{ {{values}} {self.pattern} {self.focus} }}"
        named = [v for v in values if type(v) is not ox.BlankNode]
        for chunk in range(0, len(named), 500):
            listed = " ".join(str(v) for v in named[chunk:chunk + 500])
            yield from self.run.data.select(query.replace("{values}", f"VALUES ?v {{ {listed} }}"))
        for blank in (v for v in values if type(v) is ox.BlankNode):  # SPARQL cannot write one down
            yield from self.run.data.store.query(query.replace("{values}", ""),
                                                 substitutions={ox.Variable("v"): blank})


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

    def run(self, run, top, values: PathValues):
        has = self.steps.canonical(value=sparql_term(self.wanted))
        for (node,) in run.data.select(f"SELECT ?this WHERE {{ {run.focus(top)} FILTER NOT EXISTS {{ {has} }} }}"):
            yield self.result(run.term(node), None)


@dataclass
class ValueCheck(Check):
    """A value-level test, decided in Python once per distinct value Oxigraph cannot vouch for."""

    test: V.ValueTest | None = None

    def run(self, run, top, values: PathValues | None):
        if values is None:  # a node shape: the value node is the focus node itself
            sure = self.test.sure.replace("?v", "?this") if self.test.sure else None
            keep = f"FILTER (!COALESCE({sure}, false))" if sure else ""
            for (node,) in run.data.select(f"SELECT ?this WHERE {{ {run.focus(top)} {keep} }}"):
                value = run.term(node)
                if not self.test.accepts(value):
                    yield self.result(value, value)
            return
        failing = [value for value, (_term, accepted) in values.verdicts().items() if not accepted[id(self)]]
        for this, value in values.holders(failing):
            yield self.result(run.term(this), values.verdicts()[value][0])


@dataclass
class LessThanCheck(Check):
    other: str = ""  # the IRI of the property compared with

    def run(self, run, top, values=None):
        other = Path(self.other)
        # Oxigraph finds the pairs that are not certainly in order; Python decides on the originals
        query = (f"SELECT DISTINCT ?this WHERE {{ {self.steps.canonical()} {other.canonical(value='?c')} "
                 f"FILTER (!COALESCE(?v < ?c, false)) {run.focus(top)} }}")
        mine, theirs = ox.NamedNode(self.steps.predicate), ox.NamedNode(self.other)
        for (this,) in run.data.select(query):
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

    def run(self, run, top, values=None):
        solutions = run.data.select(self.query.replace(FOCUS_PLACEHOLDER, run.focus(top)))
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
            tests.append(V.ValueTest(SH.ClassConstraintComponent, self._class_test(cls), V.sure_class(cls)))
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
                                     V.sure_pattern(pattern, flags)))
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

FOCUS_OF = "urn:kg:validation:focusOf"


class Run:
    """One validation of one DataStore: the focus nodes of each shape and cached lookups."""

    def __init__(self, data: DataStore):
        self.data = data
        self._instances: dict = {}
        self._terms: dict = {}
        self._focus: dict = {}  # id(top shape) -> graph pattern binding ?this to its focus nodes

    def term(self, node):
        """The rdflib term of an Oxigraph focus node (cached: one node often has several results)."""
        converted = self._terms.get(node)
        if converted is None:
            converted = self._terms[node] = to_rdflib_term(node)
        return converted

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
        if not top.checks or not top.targets_sparql or not run.find_focus(top):
            continue
        by_path: dict[Path, list[Check]] = {}
        for check in top.checks:
            if isinstance(check, (CountCheck, ValueCheck)) and check.steps is not None:
                by_path.setdefault(check.steps, []).append(check)
        shared = {steps: PathValues(run, top, steps, checks) for steps, checks in by_path.items()}
        for check in top.checks:
            results.extend(check.run(run, top, shared.get(check.steps) if check.steps in by_path else None))
    return results
