// Every commitment with its actor, initiative, text and source quotes (commitments.rq):
// the one listing of the commitments the questions read.  Open commitments do not come.
// Parameters: none.
MATCH (actor:Resource)<-[:BY_ACTOR]-(commitment:Commitment)-[:TO_INITIATIVE]->(initiative:Resource)
WITH *, coalesce(commitment.quotes, []) AS quotes  // each quote with its source
UNWIND CASE WHEN size(quotes) = 0 THEN [null] ELSE range(0, size(quotes) - 1) END AS k
RETURN commitment.iri AS commitment, actor.iri AS actor, initiative.iri AS initiative,
       commitment.text AS text, quotes[k] AS quote,
       commitment.sources[k] AS source
