# title: Refresh the index graph
# description: Rebuilds the entries of the index graph (kgid:graph/index) for the given
#   actors and proposals: their types, labels,
#   proposal types and supports/rejects edges, each once, as the union of what the
#   article graphs say, the number of articles describing each proposal
#   (kg:articleCount), and the position changes (kg:PositionChange) of the actors
#   among them. kg runs it after every write to a store or an endpoint, with
#   the words of the labels (kg:labelWord) in the same request, so saved queries
#   look names up, read labels and list position changes without scanning every
#   article graph. The counts of supporters and opponents follow, once every chunk
#   is refreshed (queries/index/counts.ru).
# param entity (iri, required): an actor or proposal to refresh (repeatable)
PREFIX kg: <https://w3id.org/kg-positions/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>

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
} ;

# how many article graphs describe each proposal, for the proposals query
INSERT { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:articleCount ?articles } }
WHERE {
  SELECT ?entity (COUNT(*) AS ?articles)
  WHERE {
    # kg:values entity
    GRAPH ?h { ?entity a kg:Proposal }
    FILTER(?h != <https://w3id.org/kg-positions/id/graph/index>)
  }
  GROUP BY ?entity
} ;

DELETE { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?change ?p ?o } }
WHERE {
  # kg:values entity
  GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?change kg:changeActor ?entity ; ?p ?o }
} ;

# The position changes of the actors among the entities, from the edges just copied
# (an update's operations run in order). Candidates are the actor-proposal pairs
# with both stances in the index graph; each dated position of a candidate is paired
# with the latest earlier date on which the actor took any position on the proposal,
# and it is a change when the stance on that date was the other one. Every part
# starts from the entities (the VALUES block in each branch, with the candidate
# pattern beside it), so a refresh reads only their articles. One IRI per change,
# from what identifies it, so a change computed twice is stored once.
INSERT { GRAPH <https://w3id.org/kg-positions/id/graph/index> {
  ?change a kg:PositionChange ; kg:changeActor ?entity ; kg:changeProposal ?proposal ;
          kg:fromStance ?from ; kg:fromDate ?fromDate ; kg:fromArticle ?fromArticle ;
          kg:toStance ?to ; kg:toDate ?toDate ; kg:toArticle ?toArticle } }
WHERE {
  { SELECT ?entity ?proposal ?from ?fromDate (MIN(?a1) AS ?fromArticle) ?to ?toDate ?toArticle
    WHERE {
      { SELECT ?entity ?proposal ?to ?toDate ?toArticle (MAX(?earlier) AS ?fromDate)
        WHERE {
          { SELECT ?entity ?proposal ?to ?toDate (MIN(?a2) AS ?toArticle)
            WHERE {
              { # kg:values entity
                GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
                GRAPH ?a2 { ?entity kg:supports ?proposal . ?a2 schema:datePublished ?toDate } BIND(kg:Support AS ?to) }
              UNION
              { # kg:values entity
                GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
                GRAPH ?a2 { ?entity kg:rejects ?proposal . ?a2 schema:datePublished ?toDate } BIND(kg:Reject AS ?to) }
            }
            GROUP BY ?entity ?proposal ?to ?toDate }
          { SELECT DISTINCT ?entity ?proposal ?earlier
            WHERE {
              { # kg:values entity
                GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
                GRAPH ?a0 { ?entity kg:supports ?proposal . ?a0 schema:datePublished ?earlier } }
              UNION
              { # kg:values entity
                GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
                GRAPH ?a0 { ?entity kg:rejects ?proposal . ?a0 schema:datePublished ?earlier } }
            } }
          FILTER(?earlier < ?toDate)
        }
        GROUP BY ?entity ?proposal ?to ?toDate ?toArticle }
      # a subquery of its own, evaluated once and hash-joined, not once per row above
      { SELECT ?entity ?proposal ?from ?fromDate ?a1
        WHERE {
          { # kg:values entity
            GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
            GRAPH ?a1 { ?entity kg:supports ?proposal . ?a1 schema:datePublished ?fromDate } BIND(kg:Support AS ?from) }
          UNION
          { # kg:values entity
            GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity kg:supports ?proposal . ?entity kg:rejects ?proposal }
            GRAPH ?a1 { ?entity kg:rejects ?proposal . ?a1 schema:datePublished ?fromDate } BIND(kg:Reject AS ?from) }
        } }
      FILTER(?from != ?to)
    }
    GROUP BY ?entity ?proposal ?from ?fromDate ?to ?toDate ?toArticle }
  BIND(IRI(CONCAT("https://w3id.org/kg-positions/id/change/",
                  MD5(CONCAT(STR(?entity), " ", STR(?proposal), " ", STR(?to), " ", STR(?toDate))))) AS ?change)
}
