// Paths actor -> law (trace_laws.rq): a commitment by the actor, or an initiative the
// actor commits to, that requires a change to a law; link is the statement behind it,
// sfs the law's SFS number, kind the subject's kind (Commitment or Initiative).
// Parameters: $actor, the actor's IRI.
MATCH (actor:Resource {iri: $actor})<-[:BY_ACTOR]-(commitment:Commitment)
OPTIONAL MATCH (commitment)-[:TO_INITIATIVE]->(initiative:Resource)
WITH actor, [s IN [commitment, initiative] WHERE s IS NOT NULL] AS subjects
UNWIND subjects AS subject
MATCH (subject)-[link:REQUIRES_CHANGE_TO]->(law:Resource)
WHERE link.statement IS NOT NULL
RETURN DISTINCT actor.iri AS actor, subject.iri AS subject, law.iri AS law, link.statement AS link,
       law.sfs AS sfs, subject.kind AS kind
ORDER BY actor, subject, law
