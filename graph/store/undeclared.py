"""Terms in kraftgraf's namespace that the ontology does not define: misspellings, found everywhere.

The closed shapes (ontology/shapes.ttl) catch a misspelt property on a node
whose class they know.  Two mistakes slip past them: a misspelt class
(``a kg:Initiativ``, so no shape targets the node at all) and a misspelt
property on a node with no class in the store (a curated link to an initiative
of a plan not loaded), or named by a link (``rdf:predicate kg:adresses``).
This check reads every ``kg:`` term the store uses, in one Oxigraph query,
and names each the ontology does not define, with the defined term it most
resembles.
"""

from __future__ import annotations

import difflib
import functools
from importlib.resources import files
from pathlib import Path

from rdflib import OWL, RDF, Graph

from kraftgraf.ontology.vocab import KG

_NS = str(KG)

__all__ = ["defined_terms", "undeclared_terms"]

_USED = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?node ?term ?how WHERE {{
  {{ ?node ?term ?value BIND("property" AS ?how) }} UNION {{ ?node a ?term BIND("class" AS ?how) }}
  UNION {{ ?node rdf:predicate ?term BIND("property" AS ?how) }}
  FILTER(STRSTARTS(STR(?term), "{_NS}"))
}}"""


@functools.cache
def defined_terms() -> dict[str, frozenset[str]]:
    """The classes and the properties ontology/kraftgraf.ttl defines, as IRIs."""
    onto = Graph().parse(Path(str(files("kraftgraf.ontology") / "kraftgraf.ttl")), format="turtle")
    kinds = {"class": [OWL.Class], "property": [OWL.ObjectProperty, OWL.DatatypeProperty]}
    return {how: frozenset(str(s) for kind in types for s in onto.subjects(RDF.type, kind))
            for how, types in kinds.items()}


def undeclared_terms(kg) -> list[tuple[str, str, str]]:
    """(node, term, message) for every use of a ``kg:`` class or property the ontology lacks."""
    defined = defined_terms()
    found = []
    for row in kg.store.query(_USED, use_default_graph_as_union=True):
        how, term = row["how"].value, row["term"].value
        if term in defined[how]:
            continue
        close = difflib.get_close_matches(term, sorted(defined[how]), n=1, cutoff=0.8)
        hint = f" (did you mean kg:{close[0][len(_NS):]}?)" if close else ""
        found.append((row["node"].value, term,
                      f"kg:{term[len(_NS):]} is not a {how} the ontology defines{hint}"))
    return found
