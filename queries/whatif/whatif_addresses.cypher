// What each initiative addresses, a determinant or a layer itself (whatif_addresses.rq),
// with the 1991 Dahlgren–Whitehead layer it sits in (a layer is its own layer; null when
// none) and link, the statement that says why.
// Parameters: none (the scheme is the ontology's, not data).
MATCH (initiative:Resource)-[link:ADDRESSES]->(target:Resource)
WHERE link.statement IS NOT NULL
OPTIONAL MATCH (target)-[:LAYER]->(layer:DeterminantLayer)
WHERE 'https://w3id.org/kraftgraf/id/scheme/dahlgren-whitehead-1991' IN layer.schemes
RETURN initiative.iri AS initiative, target.iri AS target, layer.iri AS layer, link.statement AS link
