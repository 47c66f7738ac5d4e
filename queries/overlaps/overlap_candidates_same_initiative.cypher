// Candidate pairs for overlaps on one initiative (overlap_candidates_same_initiative.rq):
// two commitments by different actors to the same initiative, with their texts for
// scoring.  Bound to one initiative it is quick on a plan of any size; unbound it pairs
// every initiative's commitments, which is slow on a national-scale plan.
// Parameters: $initiative, an initiative's IRI (null: every initiative).
MATCH (firstActor:Resource)<-[:BY_ACTOR]-(first:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
      <-[:TO_INITIATIVE]-(second:Commitment)-[:BY_ACTOR]->(secondActor:Resource)
WHERE ($initiative IS NULL OR initiative.iri = $initiative)
  AND firstActor <> secondActor AND first.iri < second.iri
  AND first.text IS NOT NULL AND second.text IS NOT NULL
RETURN initiative.iri AS initiative, first.iri AS first, second.iri AS second,
       first.text AS firstText, second.text AS secondText
ORDER BY initiative, first, second
