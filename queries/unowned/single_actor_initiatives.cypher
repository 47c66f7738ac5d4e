// Initiatives that exactly one actor has committed to: a single point of failure
// (single_actor_initiatives.rq).  commitments lists that actor's commitments there; slots
// the open commitments (placeholders) the row has.  A group counts as one actor.
// Parameters: none.
MATCH (initiative:Initiative)<-[:TO_INITIATIVE]-(commitment:Commitment)-[:BY_ACTOR]->(actor:Resource)
WITH initiative, collect(DISTINCT actor.iri) AS actors, collect(DISTINCT commitment.iri) AS commitments
WHERE size(actors) = 1
OPTIONAL MATCH (initiative)<-[:TO_INITIATIVE]-(slot:OpenCommitment)
RETURN initiative.iri AS initiative, initiative.order AS `order`, actors[0] AS actor, commitments,
       collect(DISTINCT slot.iri) AS slots
ORDER BY `order`, initiative
