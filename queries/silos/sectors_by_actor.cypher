// The sectors of each actor, one row per mandate that places it there (sectors_by_actor.rq).
// An actor's sectors are those it holds a mandate in; an actor with no mandate of its
// own takes the sectors its direct members hold mandates in.  holder is the actor itself
// or that member; mandate the statement behind the mandate, quote one of its sources.
// Parameters: none.
MATCH (holder:Resource)-[mandate:HAS_MANDATE_IN]->(sector:Resource)
OPTIONAL MATCH (holder)<-[:HAS_MEMBER]-(grp:Resource)
WHERE NOT (grp)-[:HAS_MANDATE_IN]->()
WITH holder, mandate, sector, collect(DISTINCT grp) AS groups
UNWIND [holder] + groups AS actor
WITH *, coalesce(mandate.quotes, []) AS quotes  // each quote with its place, in source order
UNWIND CASE WHEN size(quotes) = 0 THEN [null] ELSE range(0, size(quotes) - 1) END AS k
RETURN actor.iri AS actor, sector.iri AS sector, holder.iri AS holder, mandate.statement AS mandate, quotes[k] AS quote
ORDER BY actor, sector, holder, k
