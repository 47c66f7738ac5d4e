// Paths actor -> commitment -> initiative -> determinant (trace_commitments.rq), with
// link, the statement that says why the initiative addresses the determinant, its
// reason and its confidence ("stated" or "our reading"; null where the link has none).
// Parameters: $actor to trace forward, or $determinant to trace back (IRIs; the other null).
MATCH (actor:Resource)<-[:BY_ACTOR]-(commitment:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
      -[link:ADDRESSES]->(determinant:Resource)-[:LAYER]->(layer:Resource)
WHERE ($actor IS NULL OR actor.iri = $actor)
  AND ($determinant IS NULL OR determinant.iri = $determinant)
  AND link.statement IS NOT NULL
RETURN actor.iri AS actor, commitment.iri AS commitment, initiative.iri AS initiative,
       determinant.iri AS determinant, layer.iri AS layer, link.statement AS link,
       link.reason AS reason, link.confidence AS confidence
ORDER BY actor, initiative, commitment, determinant
