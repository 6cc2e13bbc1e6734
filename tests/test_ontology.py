"""The ontology is the single source of the vocabulary: everything emitted is declared and documented."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.namespaces import KG
from kg.resources import ontology_files


def ontology() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in ontology_files():
        graph.parse(path, format="turtle")
    return graph


def test_every_class_and_property_has_label_and_comment():
    graph = ontology()
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme):
        terms |= {t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(KG))}
    assert len(terms) > 30
    for term in terms:
        assert graph.value(term, RDFS.label) is not None, term
        assert graph.value(term, RDFS.comment) is not None, term


def test_required_terms_exist():
    graph = ontology()
    for cls in ("Actor", "Person", "Organisation", "State", "Proposal", "Statement", "Article", "Stance"):
        assert (KG[cls], RDF.type, OWL.Class) in graph
    for prop in ("supports", "rejects", "actor", "stance", "proposal", "sourceArticle", "evidence",
                 "evidenceStart", "evidenceEnd", "confidence", "date"):
        assert (KG[prop], RDFS.label, None) in graph
    assert set(graph.subjects(RDF.type, KG.Stance)) == {KG.Support, KG.Reject}


def test_reuses_standard_vocabularies():
    graph = ontology()
    parents = {str(o) for o in graph.objects(None, RDFS.subClassOf)} | {str(o) for o in graph.objects(None, RDFS.subPropertyOf)}
    assert any(p.startswith("http://www.w3.org/ns/prov#") for p in parents)
    assert any(p.startswith("https://schema.org/") for p in parents)
    assert any(p.startswith("http://xmlns.com/foaf/0.1/") for p in parents)
    assert any(p.startswith("http://www.w3.org/ns/org#") for p in parents)


def test_every_kg_term_the_extractor_emits_is_declared(seeds_graph_file):
    declared = ontology()
    data = rdflib.Dataset()
    data.parse(seeds_graph_file, format="trig")
    used = set()
    for s, p, o, _g in data.quads((None, None, None, None)):
        used.add(p)
        if p == RDF.type or isinstance(o, rdflib.URIRef) and str(o).startswith(str(KG)):
            used.add(o)
    kg_terms = {t for t in used if str(t).startswith(str(KG))}
    assert kg_terms
    for term in kg_terms:
        assert (term, RDFS.label, None) in declared, f"{term} is emitted but not declared in ontology/"
        assert (term, RDFS.comment, None) in declared, f"{term} has no rdfs:comment"
