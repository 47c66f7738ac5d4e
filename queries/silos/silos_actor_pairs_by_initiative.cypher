// Ties of the actor network (silos_actor_pairs_by_initiative.rq): pairs of different
// actors that commit to the same initiative.  kraftgraf's silos query groups
// commitments by initiative in Python instead; this is the text for a reader's own use.
// Parameters: $initiative, an initiative's IRI (null: every initiative).
MATCH (first:Resource)<-[:BY_ACTOR]-(:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
      <-[:TO_INITIATIVE]-(:Commitment)-[:BY_ACTOR]->(second:Resource)
WHERE ($initiative IS NULL OR initiative.iri = $initiative) AND first.iri < second.iri
RETURN DISTINCT initiative.iri AS initiative, first.iri AS first, second.iri AS second
ORDER BY initiative, first, second
