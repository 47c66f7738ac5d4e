// Every indicator (followup_indicators.rq), with each item it follows; an indicator
// nothing uses comes once, with item null.
// Parameters: none.
MATCH (indicator:Indicator)
OPTIONAL MATCH (item:Resource)-[:MEASURED_BY]->(indicator)
RETURN indicator.iri AS indicator, item.iri AS item
