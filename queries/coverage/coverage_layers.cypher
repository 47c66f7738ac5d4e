// The five layers of Dahlgren and Whitehead (1991) with their order, and the initiatives
// that address a determinant in each (coverage_layers.rq); a layer no initiative reaches
// comes once, with initiative null.
// Parameters: none (the scheme is the ontology's, not data).
MATCH (layer:DeterminantLayer)
WHERE 'https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991' IN layer.schemes
  AND layer.order IS NOT NULL
OPTIONAL MATCH (initiative:Resource)-[:ADDRESSES]->(:Resource)-[:LAYER]->(layer)
RETURN DISTINCT layer.iri AS layer, layer.order AS `order`, initiative.iri AS initiative
