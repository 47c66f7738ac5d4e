// Initiatives that lack a commitment by one actor (initiatives_lacking_actor.rq).  status
// says what the annex has instead: "via group" when a group the actor belongs to
// (HAS_MEMBER, directly or through another group) committed to it (groups, and their
// commitments there); "open slot" when the actor's cell holds a placeholder (slots);
// "no commitment" when it has neither.  A group's commitments count for the group only.
// Parameters: $actor, the actor's IRI.
MATCH (actor:Resource {iri: $actor})
WHERE actor.actor
MATCH (initiative:Initiative)
WHERE NOT (actor)<-[:BY_ACTOR]-(:Commitment)-[:TO_INITIATIVE]->(initiative)
OPTIONAL MATCH (actor)<-[:BY_ACTOR]-(slot:OpenCommitment)-[:TO_INITIATIVE]->(initiative)
WITH actor, initiative, collect(DISTINCT slot.iri) AS slots
OPTIONAL MATCH (grp:Resource)-[:HAS_MEMBER*1..]->(actor),
               (grp)<-[:BY_ACTOR]-(via:Commitment)-[:TO_INITIATIVE]->(initiative)
WITH actor, initiative, slots, collect(DISTINCT grp.iri) AS groups, collect(DISTINCT via.iri) AS commitments
RETURN actor.iri AS actor, initiative.iri AS initiative, initiative.order AS `order`,
       CASE WHEN size(groups) > 0 THEN 'via group'
            WHEN size(slots) > 0 THEN 'open slot' ELSE 'no commitment' END AS status,
       groups, commitments, slots
ORDER BY `order`, initiative
