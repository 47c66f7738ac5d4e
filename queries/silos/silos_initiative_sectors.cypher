// Sectors involved in each initiative (silos_initiative_sectors.rq): the sectors of the
// actors that commit to it.  An actor's sectors are those it holds a mandate in or, if
// it holds none itself, those its direct members hold mandates in.
// Parameters: none.
MATCH (initiative:Resource)<-[:TO_INITIATIVE]-(:Commitment)-[:BY_ACTOR]->(actor:Resource)
OPTIONAL MATCH (actor)-[:HAS_MANDATE_IN]->(own:Resource)
OPTIONAL MATCH (actor)-[:HAS_MEMBER]->(:Resource)-[:HAS_MANDATE_IN]->(theirs:Resource)
WHERE NOT (actor)-[:HAS_MANDATE_IN]->()
WITH initiative, [s IN collect(DISTINCT own) + collect(DISTINCT theirs) WHERE s IS NOT NULL] AS sectors
UNWIND sectors AS sector
RETURN DISTINCT initiative.iri AS initiative, sector.iri AS sector
ORDER BY initiative, sector
