"""Every commitment of the plan once, with its actor, initiative, text and source quotes.

``whatif``, ``mandates``, ``silos``, ``overlaps``, ``coverage``, ``trace`` and the
answers' basis all start from the plan's commitments: some 52,000 on a national plan.
They read them from one listing (``commitments.rq``, ``.cypher``), turned into columns
here once per store while it is unchanged (:func:`kraftgraf.queries.backend.shared`), so
a report pays for one read, not one per question.  Open commitments ("…") are not
commitments and are not listed.

Examples
--------
>>> from kraftgraf.graph.store.build import build
>>> listing = commitments_of(build())
>>> i = listing.iris.index("https://w3id.org/kraftgraf/id/plan/kraftsamling-2019/commitment/A1-staten-1")
>>> listing.actor[i].rsplit("/", 1)[1], listing.initiative[i].rsplit("/", 1)[1]
('staten', 'A1')

"""

from __future__ import annotations

from kraftgraf.graph.store.knowledge_graph import KnowledgeGraph
from kraftgraf.queries.backend import Backend, backend_of, shared

__all__ = ["Listing", "commitments_of", "quotes_of"]


class Listing:
    """The commitments as parallel columns: ``iris[k]`` was made by ``actor[k]`` to ``initiative[k]``.

    In the order the listing first gives each commitment (the order the questions read
    them in before they shared it); ``text[k]`` is None for a commitment without a text.
    ``quotes`` maps a commitment to its source quotes in source order (absent: none).
    Shared by every reader: none may change it.
    """

    def __init__(self, rows: list[tuple]):
        """``rows``: (commitment, actor, initiative, text, quote, source), one per quote of a commitment."""
        self.iris: list[str] = []
        self.actor: list[str] = []
        self.initiative: list[str] = []
        self.text: list[str | None] = []
        at: dict[str, int] = {}
        sourced: dict[str, list[tuple]] = {}  # commitment -> (source, quote) of each row with a quote
        for c, actor, initiative, text, quote, source in rows:
            k = at.setdefault(c, len(self.iris))
            if k == len(self.iris):
                self.iris.append(c)
                self.actor.append(actor)
                self.initiative.append(initiative)
                self.text.append(text)
            else:  # a commitment with two texts: the last row's, as overlaps always took it
                self.text[k] = text
            if quote is not None:
                sourced.setdefault(c, []).append((source or "", quote))
        # nearly every commitment has one quote: sorting 52,000 lists of one took twice as long
        self.quotes: dict[str, list[str]] = {
            c: [found[0][1]] if len(found) == 1 else [q for _, q in sorted(found)]
            for c, found in sourced.items()}

    def __len__(self) -> int:
        return len(self.iris)

    def triples(self):
        """(commitment, actor, initiative) of each commitment, in the listing's order."""
        return zip(self.iris, self.actor, self.initiative)


def commitments_of(graph: KnowledgeGraph | Backend) -> Listing:
    """The :class:`Listing` of a store's or backend's commitments, read once while the store is unchanged."""
    b = backend_of(graph)
    return shared(b, ("commitment listing",), lambda: Listing(b.tuples("commitments")))


def quotes_of(b: Backend, nodes) -> dict[str, list[str]]:
    """Each node -> its source quotes, as :meth:`Backend.quotes` gives them.

    A commitment's come from the listing; only the other nodes (mandates, links) are
    asked for: thousands of commitments asked for by IRI took longer than the answer.
    """
    said, known = commitments_of(b).quotes, {}
    for n in nodes:
        if n in said:
            known[n] = said[n]
    known.update(b.quotes([n for n in nodes if n not in known]))
    return known
