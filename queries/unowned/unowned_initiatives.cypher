// Initiatives with no commitment at all: no actor has taken them on (unowned_initiatives.rq).
// An open commitment (a placeholder such as "..." or "•" in an actor cell) is not a
// commitment but a slot the plan left empty: open_slots counts them, slots lists them.
// Parameters: $initiative, an initiative's IRI to ask about one (null: every initiative).
MATCH (initiative:Initiative)
WHERE ($initiative IS NULL OR initiative.iri = $initiative)
  AND NOT (initiative)<-[:TO_INITIATIVE]-(:Commitment)
OPTIONAL MATCH (initiative)<-[:TO_INITIATIVE]-(slot:OpenCommitment)
RETURN initiative.iri AS initiative, initiative.order AS `order`, count(DISTINCT slot) AS open_slots,
       collect(DISTINCT slot.iri) AS slots
ORDER BY `order`, initiative
