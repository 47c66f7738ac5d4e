// Every group with its direct members (whatif_members.rq): who withdraws with a group.
// Parameters: none.
MATCH (grp:Resource)-[:HAS_MEMBER]->(member:Resource)
RETURN grp.iri AS grp, member.iri AS member
