// Coverage of the 1991 Dahlgren–Whitehead layers by sector, in one query
// (coverage_sector_layer.rq): for every sector and layer, initiatives counts the distinct
// initiatives that address a determinant in that layer and that an actor counted for the
// sector commits to (an actor with no mandate of its own counts for its direct members'
// sectors).  Zero cells are rows too; hits lists the initiatives.
// Parameters: none (the scheme is the ontology's, not data).
MATCH (sector:Sector), (layer:DeterminantLayer)
WHERE 'https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991' IN layer.schemes
  AND layer.order IS NOT NULL
OPTIONAL MATCH (sector)<-[:HAS_MANDATE_IN]-(holder:Resource)
OPTIONAL MATCH (holder)<-[:HAS_MEMBER]-(grp:Resource)
WHERE NOT (grp)-[:HAS_MANDATE_IN]->()
WITH sector, layer, [a IN collect(DISTINCT holder) + collect(DISTINCT grp) WHERE a IS NOT NULL] AS actors
UNWIND CASE WHEN size(actors) = 0 THEN [null] ELSE actors END AS actor
OPTIONAL MATCH (actor)<-[:BY_ACTOR]-(:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
               -[:ADDRESSES]->(:Resource)-[:LAYER]->(layer)
RETURN sector.iri AS sector, layer.iri AS layer, layer.order AS `order`,
       count(DISTINCT initiative) AS initiatives, collect(DISTINCT initiative.iri) AS hits
ORDER BY sector, `order`
