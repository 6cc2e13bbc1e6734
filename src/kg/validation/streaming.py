"""The data the per-property constraints look at, gathered in one pass over the parsed quads.

Counts, datatypes, node kinds, sh:in, sh:class, ranges, lengths, patterns,
sh:hasValue and sh:lessThan each look at the values of one property of one
focus node. Putting two million quads into Oxigraph to ask SPARQL for those
costs more than the questions themselves, so the fast engine keeps, while
parsing, only the predicates the shapes mention: for each, its values per
subject (and per object, for inverse paths and sh:targetObjectsOf). Named
graphs are merged, as rdflib's merge of the files would be.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdfio import parse_error, read_rdf_bytes, to_ox_term

STRING_TYPES = {ox.NamedNode(str(XSD.string)), ox.NamedNode(str(RDF.langString))}
RDF_TYPE = ox.NamedNode(str(RDF.type))
SUBCLASS_OF = ox.NamedNode(str(RDFS.subClassOf))


class QuadSource:
    """The data being validated, parsed again for each pass that needs it (files are read once)."""

    def __init__(self, quads: Callable[[bool], Iterator[ox.Quad]], size: int = 0):
        self._quads = quads
        self.size = size  # bytes of RDF text, 0 for an in-memory graph

    @classmethod
    def from_files(cls, paths: Iterable[str], input_format: str | None = None) -> "QuadSource":
        """Every file read and checked (InputError naming the file) before anything is parsed."""
        files = [(str(path), *read_rdf_bytes(path, input_format)) for path in paths]

        def quads(lenient: bool) -> Iterator[ox.Quad]:
            for path, content, fmt in files:
                try:
                    yield from ox.parse(content, format=fmt, base_iri=None, lenient=lenient)
                except (SyntaxError, ValueError, OSError) as err:
                    raise parse_error(path, err) from None

        return cls(quads, sum(len(content) for _path, content, _fmt in files))

    @classmethod
    def from_graph(cls, graph: rdflib.Graph) -> "QuadSource":
        def quads(_lenient: bool) -> Iterator[ox.Quad]:
            # rdflib lets RDFS inference put literals in subject position ("x" a rdfs:Literal); RDF does not
            for s, p, o in graph:
                if not isinstance(s, Literal):
                    yield ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o))

        return cls(quads)

    def quads(self, lenient: bool = False) -> Iterator[ox.Quad]:
        """The quads; LENIENT skips validating IRIs (twice as fast) when another pass reports errors."""
        return self._quads(lenient)


class Tables:
    """For each predicate asked for, its values per subject, its subjects per value, or just its objects.

    A table maps a node to its one value, or to the set of its distinct values
    when it has several (most have one: a set for each would triple the
    memory). Typed literals are kept as written, their lexical forms
    normalised as rdflib (hence pySHACL) reads them: Oxigraph's store would
    turn "10.0"^^xsd:decimal into "10", which is right for SPARQL arithmetic
    and wrong for datatype constraints.
    """

    def __init__(self, forward: Iterable[str], inverse: Iterable[str] = (), objects: Iterable[str] = ()):
        self.forward: dict[ox.NamedNode, dict] = {ox.NamedNode(p): {} for p in forward}
        self.inverse: dict[ox.NamedNode, dict] = {ox.NamedNode(p): {} for p in inverse}
        # objects of the predicates that only select focus nodes (sh:targetObjectsOf), not inverse paths
        self._objects: dict[ox.NamedNode, set] = {ox.NamedNode(p): set() for p in objects
                                                  if ox.NamedNode(p) not in self.inverse}
        self._normal: dict = {}
        self._several: dict[int, set] = {}  # id(table) -> the nodes it maps to a set of values
        self._subclasses: dict | None = None
        self._instances: dict = {}

    def collect(self, quads: Iterable[ox.Quad]) -> "Tables":
        wanted = {p: (self.forward.get(p), self.inverse.get(p), self._objects.get(p))
                  for p in {*self.forward, *self.inverse, *self._objects}}
        get, normal, normalise = wanted.get, self._normal, self.normalise
        literal, strings = ox.Literal, STRING_TYPES
        for s, p, o, _graph in quads:
            tables = get(p)
            if tables is None:
                continue
            if type(o) is literal and o.datatype not in strings:
                o = normal.get(o) or normalise(o)
            by_subject, by_object, objects = tables
            if by_subject is not None:
                old = by_subject.get(s)
                if old is None:
                    by_subject[s] = o
                elif type(old) is set:
                    old.add(o)
                elif old != o:
                    by_subject[s] = {old, o}
            if by_object is not None:
                old = by_object.get(o)
                if old is None:
                    by_object[o] = s
                elif type(old) is set:
                    old.add(s)
                elif old != s:
                    by_object[o] = {old, s}
            if objects is not None:
                objects.add(o)
        return self

    def normalise(self, term):
        """A typed literal with its lexical form as rdflib reads it; other terms as they are."""
        if type(term) is not ox.Literal or term.datatype in STRING_TYPES:
            return term
        known = self._normal.get(term)
        if known is None:
            lexical = str(Literal(term.value, datatype=URIRef(term.datatype.value)))
            known = self._normal[term] = term if lexical == term.value else ox.Literal(lexical,
                                                                                       datatype=term.datatype)
        return known

    def values(self, node, predicate: ox.NamedNode, inverse: bool = False) -> tuple | set:
        """The distinct values of PREDICATE for NODE (its subjects, if INVERSE)."""
        found = (self.inverse if inverse else self.forward)[predicate].get(node)
        if found is None:
            return ()
        return found if type(found) is set else (found,)

    def several(self, table: dict) -> set:
        """The nodes TABLE (one of forward's or inverse's) maps to several values."""
        found = self._several.get(id(table))
        if found is None:
            found = self._several[id(table)] = {node for node, value in table.items() if type(value) is set}
        return found

    def subjects(self, predicate: ox.NamedNode) -> Iterable:
        return self.forward[predicate].keys()

    def objects(self, predicate: ox.NamedNode) -> Iterable:
        if predicate in self.inverse:
            return self.inverse[predicate].keys()
        return self._objects[predicate]

    def instances(self, cls) -> set:
        """The nodes typed CLS or a subclass of it (rdf:type/rdfs:subClassOf*), as Oxigraph terms."""
        if cls not in self._instances:
            classes = self._subclasses_of(cls)
            found = set()
            for node, types in self.forward[RDF_TYPE].items():
                if type(types) is set:
                    if any(t in classes for t in types):
                        found.add(node)
                elif types in classes:
                    found.add(node)
            self._instances[cls] = found
        return self._instances[cls]

    def _subclasses_of(self, cls) -> set:
        if self._subclasses is None:
            self._subclasses = {}
            for sub, supers in self.forward[SUBCLASS_OF].items():
                for sup in supers if type(supers) is set else (supers,):
                    self._subclasses.setdefault(sup, []).append(sub)
        found, todo = {cls}, [cls]
        while todo:
            for sub in self._subclasses.get(todo.pop(), ()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        return found
