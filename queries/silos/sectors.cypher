// Every sector of the sector scheme (sectors.rq).
// Parameters: none.
MATCH (sector:Sector)
RETURN sector.iri AS sector
ORDER BY sector
