// Mandates that cover the same determinant (mandate_overlaps.rq): determinants placed in
// a sector where two or more actors hold a mandate themselves.  One row per determinant,
// sector, actor and pair of quotes (of the placement and of the mandate).  Groups that
// hold no mandate themselves are not counted: their members are.
// Parameters: none.
MATCH (determinant:Resource)-[:IN_SECTOR]->(:Resource)<-[:HAS_MANDATE_IN]-(holder:Resource)
WITH determinant, count(DISTINCT holder) AS holders
WHERE holders > 1
MATCH (determinant)-[placement:IN_SECTOR]->(sector:Resource)<-[mandate:HAS_MANDATE_IN]-(actor:Resource)
UNWIND CASE WHEN size(coalesce(placement.quotes, [])) = 0 THEN [null] ELSE placement.quotes END
       AS placementQuote
UNWIND CASE WHEN size(coalesce(mandate.quotes, [])) = 0 THEN [null] ELSE mandate.quotes END AS mandateQuote
RETURN determinant.iri AS determinant, sector.iri AS sector, actor.iri AS actor, placementQuote,
       mandateQuote
ORDER BY determinant, sector, actor
