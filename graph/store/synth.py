"""A national-scale plan of the memo's shape (goals, focus areas, initiatives, commitments).

Every municipality and region is an actor with mandates and commitments, beside
the memo's column actors, 15 state agencies and ten civil-society organisations.
Actors the registry (``data/actors.csv``) lacks are declared here; the rest are
referred to by id, as the memo's plan does.  Some initiatives get no commitment,
some one actor; some cells are open; some commitments say the same thing in
other Swedish word forms (several actors on one initiative, one actor across
initiatives).  Two determinants, food and water, stay unaddressed.  Quotes point
into a synthetic document: the generated texts one per line, offsets counted
through it.  The same seed gives the same triples in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kraftgraf.errors import DataError
from kraftgraf.files import atomic_write, check_target
from kraftgraf.graph.store.synth_words import (
    AGENCIES,
    COLUMNS,
    DETERMINANTS,
    LAWS,
    LOCAL_SHARE,
    NEW_AGENCIES,
    OPENERS,
    ORGANISATIONS,
    PLACEHOLDERS,
    REGIONS,
    SAME_ACTOR,
    SAME_INITIATIVE,
    THEMES,
    VERBS,
)
from kraftgraf.ontology.provenance import Quote, add_document, add_link, add_source
from kraftgraf.ontology.vocab import (
    KG,
    ORG,
    PREFIXES,
    actor_iri,
    determinant_iri,
    law_iri,
    plan_iri,
    plan_item,
    sector_iri,
    slug,
)

__all__ = ["synthesize", "write_synth"]


class _Writer:
    """Adds one plan's facts to a graph, quoting the synthetic document for each."""

    def __init__(self, g, seed: int):
        self.g, self.rng, self.plan, self.offset = g, random.Random(seed), f"synth-{seed}", 0
        self.doc = add_document(g, self.plan, f"Syntetisk nationell plan (seed {seed})", f"{self.plan}.txt")
        self.plan_node = plan_iri(self.plan)
        g.add((self.plan_node, RDF.type, KG.Plan))
        g.add((self.plan_node, RDFS.label, Literal(f"Syntetisk nationell plan {seed}", lang="sv")))
        self.used: dict[str, list[tuple]] = {}  # actor -> the themes of its commitments so far

    def quote(self, text: str, row: str | None = None, column: str | None = None) -> Quote:
        start, self.offset = self.offset, self.offset + len(text) + 1
        return Quote(self.doc, text, "Syntetisk bilaga", row, column, start, start + len(text))

    def node(self, kind, key, cls, label=None, text=None, row=None, column=None, order=None) -> URIRef:
        node = plan_item(self.plan, kind, key)
        for prop, value in ((RDF.type, cls), (KG.code, Literal(key)), (KG.inPlan, self.plan_node)):
            self.g.add((node, prop, value))
        for prop, value in ((RDFS.label, label), (SKOS.prefLabel, label), (KG.text, text)):
            if value is not None:
                self.g.add((node, prop, Literal(value, lang="sv")))
        if order is not None:
            self.g.add((node, KG.order, Literal(order, datatype=XSD.integer)))
        add_source(self.g, node, self.quote(label or text, row, column))
        return node

    def actor(self, key: str, cls: URIRef, label: str, group: str, sectors: Sequence[str]) -> None:
        node, name = actor_iri(key), Literal(label, lang="sv")
        for triple in ((node, RDF.type, cls), (node, RDFS.label, name), (node, SKOS.prefLabel, name),
                       (actor_iri(group), ORG.hasMember, node)):
            self.g.add(triple)
        if group == "staten":  # an agency is part of the state; a group only has members (as in the registry)
            self.g.add((node, ORG.subOrganizationOf, actor_iri(group)))
        add_source(self.g, node, self.quote(label))
        for sector in sectors:
            add_link(self.g, node, KG.hasMandateIn, sector_iri(sector), self.quote(f"{label}: {sector}"),
                     "synthetic mandate")

    def theme(self) -> tuple[int, ...]:
        return tuple(self.rng.randrange(len(phrases)) for phrases in THEMES)

    def say(self, opener: str, theme: tuple[int, ...]) -> str:
        """``opener`` and the theme's phrases, each in a word form of its own."""
        thing, group, place, purpose = (self.rng.choice(phrases[i]) for phrases, i in zip(THEMES, theme))
        return f"{opener} {thing} för {group} {place} {purpose}"

    def commit(self, key, actor, column, initiative, theme, n=1) -> URIRef:
        """A commitment on the initiative's theme, one the actor made before, or a new one."""
        used, r = self.used.setdefault(actor, []), self.rng.random()
        if r >= SAME_INITIATIVE:
            theme = self.rng.choice(used) if used and r < SAME_INITIATIVE + SAME_ACTOR else self.theme()
        used.append(theme)
        text = self.say(self.rng.choice(self.rng.choice(VERBS)), theme)
        node = self.node("commitment", f"{key}-{actor}-{n}", KG.Commitment, text, text, key, COLUMNS[column])
        self.links(node, actor, initiative, column)
        return node

    def links(self, node, actor, initiative, column) -> None:
        for triple in ((node, KG.byActor, actor_iri(actor)), (node, KG.toInitiative, initiative),
                       (node, KG.column, Literal(COLUMNS[column], lang="sv"))):
            self.g.add(triple)

    def law(self, subject: URIRef, key: str) -> None:
        sfs = self.rng.choice(LAWS)
        add_link(self.g, subject, KG.requiresChangeTo, law_iri(sfs),
                 self.quote(f"Ändra lagen (SFS {sfs})", key), "synthetic law change")


def synthesize(municipalities: int = 290, regions: int = 21, initiatives: int = 1000, seed: int = 1,
               agencies: Sequence[str] | None = None, graph=None) -> Graph:
    """Generate a plan of the memo's shape at national scale.

    Parameters
    ----------
    municipalities, regions, initiatives
        How many of each; the defaults (Sweden's 290 municipalities and 21
        regions) give about a million triples.  Regions 1–21 have real names.
    seed
        Seeds ``random.Random``; the plan's key is ``synth-<seed>``.
    agencies
        Ids of the state agencies that commit (default :data:`AGENCIES`).  Those
        in :data:`NEW_AGENCIES` are declared here, the rest left to the registry.
    graph
        Where to add the triples (anything with ``add``); a new ``Graph`` by default.

    Returns
    -------
    Graph
        ``graph``; its quotes point into the synthetic document ``synth-<seed>.txt``.

    Examples
    --------
    >>> g = synthesize(municipalities=3, regions=1, initiatives=6)
    >>> len(set(g.subjects(RDF.type, KG.Initiative))), len(set(g.subjects(RDF.type, KG.Municipality)))
    (6, 3)

    """
    g = Graph() if graph is None else graph
    w = _Writer(g, seed)
    rng, agencies = w.rng, sorted(AGENCIES if agencies is None else agencies)
    local = [f"kommun-{i:03d}" for i in range(1, municipalities + 1)]
    for key in local:
        extra = ("kultur-och-fritid",) if rng.random() < 0.5 else ()
        w.actor(key, KG.Municipality, f"Kommun {key[-3:]}", "kommunerna",
                ("socialtjanst", "skola", "samhallsplanering", *extra))
    for i in range(regions):
        name = REGIONS[i] if i < len(REGIONS) else f"Region {i + 1}"
        local.append(slug(name))
        w.actor(slug(name), KG.Region, name, "regionerna", ("halso-och-sjukvard",))
    for key in (key for key in agencies if key in NEW_AGENCIES):
        w.actor(key, KG.StateAgency, NEW_AGENCIES[key][0], "staten", NEW_AGENCIES[key][1:])
    organisations = [slug(name) for name in ORGANISATIONS]
    for key, name in zip(organisations, ORGANISATIONS):
        w.actor(key, KG.CivilSocietyOrganisation, name, "civilsamhallet", ("civilsamhalle",))
    focus_areas: list[tuple[str, URIRef]] = []
    for goal in (1, 2, 3):
        goal_node = w.node("goal", str(goal), KG.Goal, f"Målsättning {goal}", order=goal)
        for letter in "ABCDEFGHI"[3 * goal - 3: 3 * goal]:
            fa = w.node("focus-area", letter, KG.FocusArea, f"Utveckling {letter}", order=len(focus_areas))
            g.add((fa, KG.partOf, goal_node))
            focus_areas.append((letter, fa))
    rows = dict.fromkeys("ABCDEFGHI", 0)
    for n in range(initiatives):
        letter, fa = rng.choice(focus_areas)
        rows[letter] += 1
        _initiative(w, f"{letter}{rows[letter]}", n, fa, agencies, organisations, local)
    return g


def _initiative(w: _Writer, key, order, fa, agencies, organisations, local) -> None:
    """One initiative, its outcomes and determinants, and the commitments to it."""
    g, rng, theme = w.g, w.rng, w.theme()
    label = w.say(rng.choice(OPENERS), theme)
    initiative = w.node("initiative", key, KG.Initiative, label, row=key, column="outcome", order=order)
    g.add((initiative, KG.inFocusArea, fa))
    for k in range(1, rng.randint(1, 3) + 1):
        text = label if k == 1 else w.say(rng.choice(OPENERS), w.theme())
        outcome = w.node("outcome", f"{key}-{k}", KG.Outcome, text=text, row=key, column="outcome")
        g.add((initiative, KG.hasOutcome, outcome))
    for det in sorted(rng.sample(DETERMINANTS, rng.randint(1, 3))):
        add_link(g, initiative, KG.addresses, determinant_iri(det), w.quote(label, key, "outcome"),
                 "synthetic link")
    if rng.random() < 0.02:
        w.law(initiative, key)
    kind = rng.random()
    if kind < 0.03:  # nobody commits
        return
    if kind < 0.08:  # exactly one actor: the state or one agency
        w.commit(key, rng.choice(["staten", *agencies]), "staten", initiative, theme)
        return
    for column in COLUMNS:
        if rng.random() < 0.6:
            for n in range(1, rng.randint(1, 2) + 1):
                commitment = w.commit(key, column, column, initiative, theme, n)
                if column == "staten" and rng.random() < 0.05:
                    w.law(commitment, key)
        elif rng.random() < 0.5:
            node = w.node("open-commitment", f"{key}-{column}", KG.OpenCommitment,
                          text=rng.choice(PLACEHOLDERS), row=key, column=COLUMNS[column])
            w.links(node, column, initiative, column)
    for actor in sorted(rng.sample(agencies, min(len(agencies), rng.randint(0, 3)))):
        w.commit(key, actor, "staten", initiative, theme)
    for actor in sorted(rng.sample(organisations, rng.randint(0, 2))):
        w.commit(key, actor, "civilsamhallet", initiative, theme)
    mean = round(LOCAL_SHARE * len(local))
    for i in sorted(rng.sample(range(len(local)), min(len(local), rng.randint(0, 2 * mean)))):
        w.commit(key, local[i], "kommuner-och-regioner", initiative, theme)


class _Triples(list):
    """A list that takes triples through ``add``: much cheaper than an rdflib store."""

    add = list.append


def _ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if term.language:
        return ox.Literal(term, language=term.language)
    return ox.Literal(term, datatype=ox.NamedNode(term.datatype) if term.datatype else None)


def write_synth(path: str | Path, **sizes) -> int:
    """Write :func:`synthesize`'s plan as N-Triples (.nt) or Turtle (.ttl); returns the triple count."""
    formats = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}
    path = Path(path)
    if path.suffix not in formats:
        raise DataError(f"{path}: write the synthetic plan as .nt or .ttl")
    check_target(path)  # a wrong -o fails before a national-scale plan is made
    triples = [ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in synthesize(graph=_Triples(), **sizes)]
    prefixes = dict(PREFIXES) if path.suffix == ".ttl" else None
    atomic_write(path, lambda tmp: ox.serialize(triples, tmp, format=formats[path.suffix], prefixes=prefixes))
    return len(triples)
