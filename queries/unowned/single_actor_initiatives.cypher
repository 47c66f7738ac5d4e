// Initiatives that exactly one actor has committed to: a single point of failure
// (single_actor_initiatives.rq).  commitments lists that actor's commitments there; slots
// the open commitments (placeholders) the row has.  A group counts as one actor.  The
// actors are counted first and the commitments listed only for the initiatives found.
// Parameters: none.
MATCH (initiative:Initiative)<-[:TO_INITIATIVE]-(:Commitment)-[:BY_ACTOR]->(actor:Resource)
WITH initiative, collect(DISTINCT actor) AS actors
WHERE size(actors) = 1
WITH initiative, actors[0] AS only
MATCH (initiative)<-[:TO_INITIATIVE]-(commitment:Commitment)-[:BY_ACTOR]->(only)
WITH initiative, only, collect(DISTINCT commitment.iri) AS commitments
OPTIONAL MATCH (initiative)<-[:TO_INITIATIVE]-(slot:OpenCommitment)
RETURN initiative.iri AS initiative, initiative.order AS `order`, only.iri AS actor, commitments,
       collect(DISTINCT slot.iri) AS slots
ORDER BY `order`, initiative
