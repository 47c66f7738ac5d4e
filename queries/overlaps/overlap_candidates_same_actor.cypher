// Candidate pairs for overlaps by one actor (overlap_candidates_same_actor.rq): two
// commitments by the same actor to different initiatives (repeated work), with their
// texts for scoring.  Bound to one actor it is quick; unbound it pairs every actor's
// commitments, which is slow on a national-scale plan.
// Parameters: $actor, an actor's IRI (null: every actor).
MATCH (firstInitiative:Resource)<-[:TO_INITIATIVE]-(first:Commitment)-[:BY_ACTOR]->(actor:Resource)
      <-[:BY_ACTOR]-(second:Commitment)-[:TO_INITIATIVE]->(secondInitiative:Resource)
WHERE ($actor IS NULL OR actor.iri = $actor)
  AND firstInitiative <> secondInitiative AND first.iri < second.iri
  AND first.text IS NOT NULL AND second.text IS NOT NULL
RETURN actor.iri AS actor, first.iri AS first, second.iri AS second,
       first.text AS firstText, second.text AS secondText
ORDER BY actor, first, second
