// Sectors involved in each determinant layer (silos_layer_sectors.rq): the sectors of
// the actors that commit to an initiative addressing a determinant of the layer (an
// actor with no mandate of its own brings its direct members' sectors).
// Parameters: none.
MATCH (layer:Resource)<-[:LAYER]-(:Resource)<-[:ADDRESSES]-(initiative:Resource)
      <-[:TO_INITIATIVE]-(:Commitment)-[:BY_ACTOR]->(actor:Resource)
OPTIONAL MATCH (actor)-[:HAS_MANDATE_IN]->(own:Resource)
OPTIONAL MATCH (actor)-[:HAS_MEMBER]->(:Resource)-[:HAS_MANDATE_IN]->(theirs:Resource)
WHERE NOT (actor)-[:HAS_MANDATE_IN]->()
WITH layer, [s IN collect(DISTINCT own) + collect(DISTINCT theirs) WHERE s IS NOT NULL] AS sectors
UNWIND sectors AS sector
RETURN DISTINCT layer.iri AS layer, sector.iri AS sector
ORDER BY layer, sector
