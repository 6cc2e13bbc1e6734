# title: Refresh the index graph
# description: Rebuilds the entries of the index graph (kgid:graph/index) for the given
#   actors and proposals: their types, labels,
#   proposal types and supports/rejects edges, each once, as the union of what the
#   article graphs say. kg runs it after every write to a store or an endpoint, with
#   the words of the labels (kg:labelWord) in the same request, so saved queries
#   look names up and read labels without scanning every article graph.
# param entity (iri, required): an actor or proposal to refresh (repeatable)
PREFIX kg: <https://w3id.org/kg-positions/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

DELETE { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?p ?o } }
WHERE {
  # kg:values entity
  GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?p ?o }
} ;

# DISTINCT first: an entity's triples repeat in every article graph that mentions it,
# and inserting each copy would cost a write
INSERT { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?p ?o } }
WHERE {
  SELECT DISTINCT ?entity ?p ?o
  WHERE {
    # kg:values entity
    GRAPH ?h { ?entity ?p ?o }
    FILTER(?h != <https://w3id.org/kg-positions/id/graph/index>
           && ?p IN (rdf:type, rdfs:label, skos:prefLabel, skos:altLabel, kg:proposalType, kg:supports, kg:rejects))
  }
}
