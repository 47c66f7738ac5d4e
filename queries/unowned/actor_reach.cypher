// What the annex holds for one actor and for every group it belongs to, directly or
// through another group (HAS_MEMBER*0.., so holder is the actor itself or a group):
// their commitments (what 'commitment'), and the actor's own placeholders ('slot')
// (actor_reach.rq).  Parameters: $actor, the actor's IRI.
MATCH (holder:Resource)-[:HAS_MEMBER*0..]->(actor:Resource {iri: $actor})
MATCH (holder)<-[:BY_ACTOR]-(node:Resource)-[:TO_INITIATIVE]->(initiative:Resource)
WHERE node:Commitment OR (node:OpenCommitment AND holder = actor)
RETURN holder.iri AS holder, CASE WHEN node:Commitment THEN 'commitment' ELSE 'slot' END AS what,
       initiative.iri AS initiative, node.iri AS node
