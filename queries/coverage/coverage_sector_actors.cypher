// The actors counted for each sector in the coverage matrix, and the mandates that put
// them there (coverage_sector_actors.rq): an actor counts for a sector where it holds a
// mandate; an actor with no mandate of its own counts for the sectors its direct members
// (holder) hold mandates in.  mandate is the statement behind the mandate (its sources).
// A sector nobody holds comes once, with actor null.
// Parameters: none.
MATCH (sector:Sector)
OPTIONAL MATCH (sector)<-[mandate:HAS_MANDATE_IN]-(holder:Resource)
OPTIONAL MATCH (holder)<-[:HAS_MEMBER]-(grp:Resource)
WHERE NOT (grp)-[:HAS_MANDATE_IN]->()
WITH sector, mandate, holder, collect(DISTINCT grp) AS groups
UNWIND [holder] + groups AS actor
RETURN sector.iri AS sector, actor.iri AS actor, holder.iri AS holder, mandate.statement AS mandate
ORDER BY sector, actor, holder
