// Every commitment with the actor that made it and the initiative it is to
// (whatif_commitments.rq).  Open commitments do not count.
// Parameters: none.
MATCH (actor:Resource)<-[:BY_ACTOR]-(commitment:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
RETURN commitment.iri AS commitment, actor.iri AS actor, initiative.iri AS initiative
