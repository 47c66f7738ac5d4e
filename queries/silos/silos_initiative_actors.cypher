// Every initiative with the commitments made to it (silos_initiative_actors.rq): one row
// per commitment and source quote, with the actor that made it.  An initiative nobody
// commits to comes once, with no commitment.  Open commitments do not count.
// Parameters: none.
MATCH (initiative:Initiative)
OPTIONAL MATCH (initiative)<-[:TO_INITIATIVE]-(commitment:Commitment)-[:BY_ACTOR]->(actor:Resource)
WITH *, coalesce(commitment.quotes, []) AS quotes  // each quote with its source
UNWIND CASE WHEN size(quotes) = 0 THEN [null] ELSE range(0, size(quotes) - 1) END AS k
RETURN initiative.iri AS initiative, commitment.iri AS commitment, actor.iri AS actor, quotes[k] AS quote,
       commitment.sources[k] AS source
