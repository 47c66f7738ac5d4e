// Initiatives and commitments that require a change to a law (laws.rq), directly on an
// initiative or on one of its commitments.  kind is "initiative" or "commitment"; actor
// the committing actor (null for an initiative).  The law comes with its SFS number and,
// when replaced, its successor, the day the successor took effect, the part that moved
// (when the rest of the act stays in force) and the last day it applied; form is "lag" or
// "förordning", which decides who can change it.  link is the statement that
// carries the source; reason its reason; column the annex column of a commitment.
// Parameters: none.
MATCH (subject:Resource)-[link:REQUIRES_CHANGE_TO]->(law:Resource)
WHERE subject.kind IN ['Initiative', 'Commitment']
OPTIONAL MATCH (subject)-[:TO_INITIATIVE]->(target:Resource)
OPTIONAL MATCH (subject)-[:BY_ACTOR]->(by:Resource)
WITH subject, link, law, by,
     CASE WHEN subject.kind = 'Initiative' THEN subject ELSE target END AS initiative
WHERE initiative IS NOT NULL AND (subject.kind = 'Initiative' OR by IS NOT NULL)
OPTIONAL MATCH (law)-[:REPLACED_BY]->(replacement:Resource)
RETURN subject.iri AS subject, toLower(subject.kind) AS kind, initiative.iri AS initiative,
       initiative.order AS `order`, CASE WHEN subject.kind = 'Initiative' THEN null ELSE by.iri END AS actor,
       law.iri AS law, law.sfs AS sfs, law.form AS form, replacement.iri AS replacement,
       replacement.sfs AS replacement_sfs, replacement.in_force_from AS replacement_from,
       law.replaced_part AS replaced_part, law.valid_until AS valid_until, link.reason AS reason,
       link.statement AS link, subject.column AS column
ORDER BY coalesce(`order`, -1), initiative, kind DESC, subject, sfs
