# title: Count the supporters and opponents of proposals in the index graph
# description: Writes, for the given proposals, the number of distinct actors supporting
#   and rejecting each (kg:supporterCount, kg:opponentCount; nothing when there are
#   none), read from the supports/rejects edges of the index graph, so the proposals
#   query reads two numbers instead of counting edges. kg runs it after
#   queries/index/refresh.ru has refreshed every entity a write touches: an actor's
#   edges are copied with the actor, which may come in a later chunk than the proposal.
# param entity (iri, required): an actor or proposal just refreshed (repeatable; actors are skipped)
PREFIX kg: <https://w3id.org/kg-positions/ns#>

DELETE { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?count ?actors } }
WHERE {
  # kg:values entity
  GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?count ?actors }
  FILTER(?count IN (kg:supporterCount, kg:opponentCount))
} ;

# The index graph holds each edge once, so COUNT(*) counts distinct actors. Each branch
# starts from the entities (its own VALUES block): with one block for both, Oxigraph
# read every edge of the index graph first.
INSERT { GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity ?count ?actors } }
WHERE {
  SELECT ?entity ?count (COUNT(*) AS ?actors)
  WHERE {
    { # kg:values entity
      GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity a kg:Proposal . ?actor kg:supports ?entity }
      BIND(kg:supporterCount AS ?count) }
    UNION
    { # kg:values entity
      GRAPH <https://w3id.org/kg-positions/id/graph/index> { ?entity a kg:Proposal . ?actor kg:rejects ?entity }
      BIND(kg:opponentCount AS ?count) }
  }
  GROUP BY ?entity ?count
}
