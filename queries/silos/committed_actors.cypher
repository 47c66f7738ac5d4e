// The actors that made a commitment to an initiative, each once (committed_actors.rq).
// Parameters: none.
MATCH (:Initiative)<-[:TO_INITIATIVE]-(:Commitment)-[:BY_ACTOR]->(actor:Resource)
RETURN DISTINCT actor.iri AS actor
