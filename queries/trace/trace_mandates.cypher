// Paths actor -> mandate -> sector -> determinant (trace_mandates.rq): the determinants
// that sit in a sector where the actor holds a mandate; mandate and placement are the
// statements behind the two links (their sources).
// Parameters: $actor to trace forward, or $determinant to trace back (IRIs; the other null).
MATCH (actor:Resource)-[mandate:HAS_MANDATE_IN]->(sector:Resource)<-[placement:IN_SECTOR]-
      (determinant:Resource)-[:LAYER]->(layer:Resource)
WHERE ($actor IS NULL OR actor.iri = $actor)
  AND ($determinant IS NULL OR determinant.iri = $determinant)
  AND mandate.statement IS NOT NULL AND placement.statement IS NOT NULL
RETURN actor.iri AS actor, sector.iri AS sector, determinant.iri AS determinant, layer.iri AS layer,
       mandate.statement AS mandate, placement.statement AS placement
ORDER BY actor, sector, determinant
