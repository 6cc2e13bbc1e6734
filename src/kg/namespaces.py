"""RDF namespaces of kg and the vocabularies it reuses, bound once."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kg-positions/ns#")
KGID = Namespace("https://w3id.org/kg-positions/id/")
SCHEMA = Namespace("https://schema.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "kg": KG,
    "kgid": KGID,
    "schema": SCHEMA,
    "prov": PROV,
    "skos": SKOS,
    "foaf": FOAF,
    "org": ORG,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}

STANCES = {"supports": KG.Support, "rejects": KG.Reject}
STANCE_OF_CONCEPT = {v: k for k, v in STANCES.items()}
ACTOR_CLASSES = {"person": KG.Person, "organisation": KG.Organisation, "state": KG.State}


def bind_prefixes(graph):
    """Bind kg's prefixes on an rdflib graph or dataset, so output stays readable."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def sparql_prefixes() -> str:
    """The PREFIX lines for SPARQL text."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
