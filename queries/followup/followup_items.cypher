// Every goal, focus area and initiative (followup_items.rq), with kind (Goal, FocusArea or
// Initiative), parent (a focus area's goal, an initiative's focus area), its place in the
// plan, and each indicator that follows it with link, the statement behind the link, and
// its reason (null when none).
// Parameters: none.
MATCH (item:Resource)
WHERE item:Goal OR item:FocusArea OR item:Initiative
OPTIONAL MATCH (item)-[:PART_OF|IN_FOCUS_AREA]->(parent:Resource)
OPTIONAL MATCH (item)-[link:MEASURED_BY]->(indicator:Resource)
RETURN item.iri AS item, item.kind AS kind, parent.iri AS parent, item.order AS `order`,
       indicator.iri AS indicator, link.statement AS link, link.reason AS reason
