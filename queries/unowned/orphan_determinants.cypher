// Determinants that no initiative addresses and that sit in no sector where an actor
// holds a mandate (orphan_determinants.rq): nobody is asked, nor responsible, to act on
// them.  sectors lists the sectors the determinant sits in.  Layers are not counted.
// Parameters: none.
MATCH (determinant:Determinant)
WHERE NOT (determinant)<-[:ADDRESSES]-()
  AND NOT (determinant)-[:IN_SECTOR]->()<-[:HAS_MANDATE_IN]-()
OPTIONAL MATCH (determinant)-[:LAYER]->(layer:Resource)
OPTIONAL MATCH (determinant)-[:IN_SECTOR]->(sector:Resource)
RETURN determinant.iri AS determinant, layer.iri AS layer, layer.order AS `order`,
       collect(DISTINCT sector.iri) AS sectors
ORDER BY coalesce(`order`, -1), determinant
