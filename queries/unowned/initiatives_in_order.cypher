// Every initiative with its place in the annex, in that order (initiatives_in_order.rq).
// Parameters: none.
MATCH (initiative:Initiative)
RETURN initiative.iri AS initiative, initiative.order AS `order`
ORDER BY `order`, initiative
