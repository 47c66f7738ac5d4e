// Every determinant with the sector that governs it (mandates_placements.rq), and
// placement, the statement that carries the source and the reason.
// Parameters: none.
MATCH (determinant:Resource)-[placed:IN_SECTOR]->(sector:Resource)
WHERE placed.statement IS NOT NULL
RETURN determinant.iri AS determinant, sector.iri AS sector, placed.statement AS placement
