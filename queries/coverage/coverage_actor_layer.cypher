// Coverage of the 1991 Dahlgren–Whitehead layers by actor (coverage_actor_layer.rq): for
// every actor with a commitment and every layer, initiatives counts the distinct
// initiatives the actor commits to that address a determinant in that layer (a layer is
// its own layer); zero cells are rows too.  hits lists those initiatives, commitments the
// actor's commitments to them.  Each layer also comes once with actor null.
// Parameters: none (the scheme is the ontology's, not data).
MATCH (layer:DeterminantLayer)
WHERE 'https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991' IN layer.schemes
  AND layer.order IS NOT NULL
MATCH (actor:Resource)
WHERE (actor)<-[:BY_ACTOR]-(:Commitment)
OPTIONAL MATCH (actor)<-[:BY_ACTOR]-(commitment:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
               -[:ADDRESSES]->(:Resource)-[:LAYER]->(layer)
RETURN actor.iri AS actor, layer.iri AS layer, layer.order AS `order`,
       count(DISTINCT initiative) AS initiatives, collect(DISTINCT initiative.iri) AS hits,
       collect(DISTINCT commitment.iri) AS commitments
UNION ALL
MATCH (layer:DeterminantLayer)
WHERE 'https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991' IN layer.schemes
  AND layer.order IS NOT NULL
RETURN null AS actor, layer.iri AS layer, layer.order AS `order`, 0 AS initiatives, [] AS hits,
       [] AS commitments
