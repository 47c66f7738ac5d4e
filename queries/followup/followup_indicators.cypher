// Every indicator (followup_indicators.rq) with its publisher, the publisher's id for it
// and where it is published (url), and each item it follows; an indicator nothing uses
// comes once, with item null.
// Parameters: none.
MATCH (indicator:Indicator)
OPTIONAL MATCH (item:Resource)-[:MEASURED_BY]->(indicator)
RETURN indicator.iri AS indicator, indicator.publisher AS publisher, indicator.identifier AS identifier,
       indicator.url AS url, item.iri AS item
