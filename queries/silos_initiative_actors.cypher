// Every initiative with the commitments made to it (silos_initiative_actors.rq): one row
// per commitment and source quote, with the actor that made it.  An initiative nobody
// commits to comes once, with no commitment.  Open commitments do not count.
// Parameters: none.
MATCH (initiative:Initiative)
OPTIONAL MATCH (initiative)<-[:TO_INITIATIVE]-(commitment:Commitment)-[:BY_ACTOR]->(actor:Resource)
UNWIND CASE WHEN size(coalesce(commitment.quotes, [])) = 0 THEN [null] ELSE commitment.quotes END AS quote
RETURN initiative.iri AS initiative, commitment.iri AS commitment, actor.iri AS actor, quote
ORDER BY initiative, commitment
