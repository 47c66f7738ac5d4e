// Every Dahlgren–Whitehead layer that carries an order, with the initiatives that
// address a determinant in it and the source quotes of each such link
// (silos_initiative_layers.rq); a layer no initiative reaches comes once, with none.
// Only initiatives of the plan count: a curated link to another plan's is left out.
// Parameters: none.
MATCH (layer:DeterminantLayer)
WHERE layer.order IS NOT NULL
OPTIONAL MATCH (layer)<-[:LAYER]-(:Resource)<-[link:ADDRESSES]-(initiative:Initiative)
// collected first, so that a layer with no initiative gives one row, whatever the engine
WITH layer, collect(CASE WHEN initiative IS NULL THEN null
                         ELSE {initiative: initiative.iri, quotes: coalesce(link.quotes, [])} END) AS found
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found END AS hit
UNWIND CASE WHEN hit IS NULL OR size(hit.quotes) = 0 THEN [null] ELSE hit.quotes END AS quote
RETURN DISTINCT layer.iri AS layer, layer.order AS `order`, hit.initiative AS initiative, quote
ORDER BY `order`, initiative, quote
