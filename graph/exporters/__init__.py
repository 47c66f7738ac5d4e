"""Exporters (and later loaders) found by name, imported only when used.

Like rdflib's plugin registry: a name maps to "module:function", so the CLI's
``--format`` choices come from here and a new format is one module and one line.
"""

from __future__ import annotations

from importlib import import_module

__all__ = ["EXPORTERS", "exporter"]

# name -> (import path of the function(kg, path), file suffix, what it is)
EXPORTERS: dict[str, tuple[str, str, str]] = {
    "ttl": ("kraftgraf.graph.exporters.rdf:write_turtle", ".ttl", "Turtle, all graphs merged"),
    "nt": ("kraftgraf.graph.exporters.rdf:write_ntriples", ".nt", "N-Triples, all graphs merged"),
    "jsonld": ("kraftgraf.graph.exporters.rdf:write_jsonld", ".jsonld", "JSON-LD with a context"),
    "trig": ("kraftgraf.graph.exporters.rdf:write_trig", ".trig", "TriG, one named graph per source"),
    "nq": ("kraftgraf.graph.exporters.rdf:write_nquads", ".nq", "N-Quads, one named graph per source"),
    "graphml": ("kraftgraf.graph.exporters.network:write_graphml", ".graphml",
                "GraphML for Gephi, Cytoscape, igraph"),
    "gexf": ("kraftgraf.graph.exporters.network:write_gexf", ".gexf", "GEXF for Gephi"),
    "csv": ("kraftgraf.graph.exporters.network:write_csv", "",
            "a folder of nodes.csv and relationships.csv for neo4j-admin import"),
    "kumu": ("kraftgraf.graph.exporters.network:write_kumu", ".json", "Kumu JSON blueprint"),
}


def exporter(name: str):
    """The export function registered as ``name``."""
    module, _, func = EXPORTERS[name][0].partition(":")
    return getattr(import_module(module), func)
