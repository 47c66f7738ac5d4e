// Every mandate an actor holds itself (mandates_held.rq), with mandate, the statement
// that carries its source quote.  No member's mandate counts for its group here.
// Parameters: none.
MATCH (actor:Resource)-[held:HAS_MANDATE_IN]->(sector:Resource)
WHERE held.statement IS NOT NULL
RETURN actor.iri AS actor, sector.iri AS sector, held.statement AS mandate
