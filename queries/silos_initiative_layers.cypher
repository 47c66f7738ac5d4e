// Every Dahlgren–Whitehead layer that carries an order, with the initiatives that
// address a determinant in it and the source quotes of each such link
// (silos_initiative_layers.rq); a layer no initiative reaches comes once, with none.
// Only initiatives of the plan count: a curated link to another plan's is left out.
// Parameters: none.
MATCH (layer:DeterminantLayer)
WHERE layer.order IS NOT NULL
OPTIONAL MATCH (initiative:Initiative)-[link:ADDRESSES]->(:Resource)-[:LAYER]->(layer)
UNWIND CASE WHEN size(coalesce(link.quotes, [])) = 0 THEN [null] ELSE link.quotes END AS quote
RETURN DISTINCT layer.iri AS layer, layer.order AS `order`, initiative.iri AS initiative, quote
ORDER BY `order`, initiative, quote
