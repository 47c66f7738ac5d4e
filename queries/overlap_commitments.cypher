// Every commitment with its actor, initiative, text and source quotes
// (overlap_commitments.rq): the listing the overlaps query groups into blocks (by
// initiative, by actor) in Python before it scores texts, instead of pairing in the store.
// Parameters: none.
MATCH (actor:Resource)<-[:BY_ACTOR]-(commitment:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
WHERE commitment.text IS NOT NULL
UNWIND CASE WHEN size(coalesce(commitment.quotes, [])) = 0 THEN [null] ELSE commitment.quotes END AS quote
RETURN commitment.iri AS commitment, actor.iri AS actor, initiative.iri AS initiative,
       commitment.text AS text, quote
