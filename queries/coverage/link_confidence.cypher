// How sure each initiative → determinant link is, by the 1991 layer of the determinant
// (link_confidence.rq): the link's confidence is "stated" or "our reading"; links that say
// nothing are left out.
// Parameters: none.
MATCH (initiative:Resource)-[link:ADDRESSES]->(determinant:Resource)-[:LAYER]->(layer:Resource)
WHERE link.confidence IS NOT NULL
RETURN DISTINCT initiative.iri AS initiative, layer.iri AS layer, link.confidence AS confidence
ORDER BY initiative, layer, confidence
