"""A plan's graph held in Python sets, for the import: read, merged and compared a million times.

An import builds the sheet's graph (about a million triples for a national
plan), keeps the sources of every unchanged item, and lists what changed.
Through rdflib on Oxigraph each of those steps converts every term at each call
(an import took minutes); here a graph is a dictionary of subjects, each with its
predicates and their sets of objects.  The import's terms are Oxigraph's
(:mod:`~kraftgraf.loaders.sheet.terms`), so the store's quads come in and go out
as they are (:func:`from_store`, :func:`quads`).

:class:`Triples` answers the part of rdflib's ``Graph`` the import uses (``add``,
``remove``, ``set``, ``value``, ``subjects``, ``objects``, ``predicate_objects``,
``triples``, ``in``, ``len``, iteration), with the same meaning, for terms of any kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet

import pyoxigraph as ox
from rdflib import Graph

__all__ = ["Triples", "AnyGraph", "from_store", "quads"]


class Triples:
    """A set of triples, indexed by subject and (for the predicates asked so) by predicate and object."""

    def __init__(self, triples: Iterable[tuple] = ()):
        self._spo: dict = {}  # subject -> predicate -> set of objects
        self._pos: dict = {}  # predicate -> object -> set of subjects, made when a question needs it
        self._len = 0
        for t in triples:
            self.add(t)

    def add(self, triple: tuple) -> Triples:
        """Add one triple (again: no change)."""
        s, p, o = triple
        objects = self._spo.setdefault(s, {}).setdefault(p, set())
        if o not in objects:
            objects.add(o)
            self._len += 1
            if p in self._pos:
                self._pos[p].setdefault(o, set()).add(s)
        return self

    def _discard(self, s, p, o) -> None:
        by_p = self._spo[s]
        by_p[p].discard(o)
        if not by_p[p]:
            del by_p[p]
            if not by_p:
                del self._spo[s]
        self._len -= 1
        if p in self._pos:
            self._unindex(p, o, s)

    def _unindex(self, p, o, s) -> None:
        subjects = self._pos[p][o]
        subjects.discard(s)
        if not subjects:
            del self._pos[p][o]

    def remove(self, pattern: tuple) -> Triples:
        """Remove every triple matching ``pattern`` (None matches anything)."""
        s, p, o = pattern
        if s is not None and o is None:  # the usual case, at dictionary speed
            by_p = self._spo.get(s, {})
            for pred in ([p] if p is not None else list(by_p)):
                objects = by_p.pop(pred, ())
                self._len -= len(objects)
                if pred in self._pos:
                    for x in objects:
                        self._unindex(pred, x, s)
            if s in self._spo and not by_p:
                del self._spo[s]
            return self
        for t in list(self.triples(pattern)):
            self._discard(*t)
        return self

    def set(self, triple: tuple) -> Triples:
        """``triple``'s object as the only one for its subject and predicate."""
        s, p, _ = triple
        self.remove((s, p, None))
        return self.add(triple)

    def _by_object(self, p) -> dict:
        if p not in self._pos:
            index: dict = {}
            for s, by_p in self._spo.items():
                for o in by_p.get(p, ()):
                    index.setdefault(o, set()).add(s)
            self._pos[p] = index
        return self._pos[p]

    def triples(self, pattern: tuple) -> Iterator[tuple]:
        """The triples matching ``pattern`` (None matches anything)."""
        s, p, o = pattern
        if s is not None:
            by_p = self._spo.get(s, {})
            for pred in ([p] if p is not None else list(by_p)):
                objects = by_p.get(pred, ())
                if o is None:
                    yield from ((s, pred, x) for x in list(objects))
                elif o in objects:
                    yield s, pred, o
        elif p is not None:
            index = self._by_object(p)
            for obj in ([o] if o is not None else list(index)):
                yield from ((x, p, obj) for x in list(index.get(obj, ())))
        else:
            for subject, by_p in list(self._spo.items()):
                for pred, objects in list(by_p.items()):
                    if o is None:
                        yield from ((subject, pred, x) for x in list(objects))
                    elif o in objects:
                        yield subject, pred, o

    def __contains__(self, pattern: tuple) -> bool:
        s, p, o = pattern
        if s is not None and p is not None:
            objects = self._spo.get(s, {}).get(p, ())
            return bool(objects) if o is None else o in objects
        return next(self.triples(pattern), None) is not None

    def __iter__(self) -> Iterator[tuple]:
        return self.triples((None, None, None))

    def __len__(self) -> int:
        return self._len

    def subjects(self, predicate=None, object=None, unique: bool = False) -> Iterator:  # noqa: A002 (rdflib's)
        """Subjects of the triples with ``predicate`` and ``object`` (each once)."""
        if predicate is None and object is None:
            return iter(list(self._spo))
        if predicate is not None:
            index = self._by_object(predicate)
            if object is not None:
                return iter(list(index.get(object, ())))
            return iter(list({s for subjects in index.values() for s in subjects}))
        return iter(list({s for s, _, _ in self.triples((None, None, object))}))

    def objects(self, subject=None, predicate=None, unique: bool = False) -> Iterator:
        """Objects of the triples with ``subject`` and ``predicate``."""
        if subject is None and predicate is not None:
            return iter(list(self._by_object(predicate)))
        if subject is not None and predicate is not None:
            return iter(list(self._spo.get(subject, {}).get(predicate, ())))
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def predicate_objects(self, subject, unique: bool = False) -> Iterator[tuple]:
        """(predicate, object) of ``subject``."""
        by_p = self._spo.get(subject, {})
        return iter([(p, o) for p, objects in by_p.items() for o in objects])

    def described(self, subject, without: AbstractSet = frozenset()) -> dict:
        """What ``subject`` says: each predicate (but those ``without``) and its objects."""
        return {p: objects for p, objects in self._spo.get(subject, {}).items() if p not in without}

    def alike(self, other: Triples, subject) -> bool:
        """Whether ``other`` says the same of ``subject`` as this graph, to the triple."""
        return self._spo.get(subject) == other._spo.get(subject)

    def copy_subject(self, other: Triples, subject, predicates: AbstractSet | None = None) -> None:
        """Add every triple ``other`` has about ``subject`` (with one of ``predicates``, if given)."""
        theirs = other._spo.get(subject)
        if not theirs:
            return
        mine = self._spo.setdefault(subject, {})
        for p, objects in theirs.items():
            if predicates is not None and p not in predicates:
                continue
            have = mine.setdefault(p, set())
            before = len(have)
            have |= objects  # a whole set at a time: a source node's triples, an item's provenance
            self._len += len(have) - before
            if p in self._pos:
                for o in objects:
                    self._pos[p].setdefault(o, set()).add(subject)
        if not mine:
            del self._spo[subject]

    def take(self, other: Triples, subject, predicates: AbstractSet) -> None:
        """``subject``'s triples with one of ``predicates``: those ``other`` has, in place of this graph's."""
        mine, theirs = self._spo.get(subject, {}), other._spo.get(subject, {})
        for p in predicates:
            was, now = mine.pop(p, ()), theirs.get(p, ())
            if now:
                mine[p] = set(now)
            self._len += len(now) - len(was)
            if p in self._pos and (was or now):
                for o in was:
                    self._unindex(p, o, subject)
                for o in now:
                    self._pos[p].setdefault(o, set()).add(subject)
        if mine:
            self._spo[subject] = mine
        else:
            self._spo.pop(subject, None)

    def difference(self, other: Triples) -> Iterator[tuple]:
        """The triples of this graph that ``other`` lacks, a subject at a time (one alike in both: none)."""
        theirs = other._spo
        for s, by_p in self._spo.items():
            their = theirs.get(s, {})
            if their != by_p:
                for p, objects in by_p.items():
                    yield from ((s, p, o) for o in objects - their.get(p, set()))

    def value(self, subject=None, predicate=None, object=None, default=None, any: bool = True):  # noqa: A002
        """The object that completes the triple (with ``subject`` None: the subject), or ``default``."""
        if subject is not None and predicate is not None and object is None:
            objects = self._spo.get(subject, {}).get(predicate)
            return next(iter(objects)) if objects else default
        if subject is not None:
            return next((o for _, _, o in self.triples((subject, predicate, object))), default)
        return next(self.subjects(predicate, object), default)


AnyGraph = Graph | Triples  # what the import's helpers read: a graph of the store, or the import's own


_LEFT_OUT = object()  # what a subject left out maps to while a graph is read


def from_store(store: ox.Store, graph: ox.NamedNode, leave_out: AbstractSet = frozenset()) -> Triples:
    """The graph ``graph`` of ``store`` as :class:`Triples` of Oxigraph terms, as the store holds them.

    The triples of the subjects ``leave_out`` are passed over (the old plan's source records).
    """
    out = Triples()
    spo: dict = dict.fromkeys(leave_out, _LEFT_OUT)  # one look-up a quad finds a subject and says which
    n = 0
    for quad in store.quads_for_pattern(None, None, None, graph):  # distinct quads: each a triple
        s = quad.subject  # a term is made when asked for: none but the subject of a quad left out
        by_p = spo.get(s)
        if by_p is None:
            by_p = spo[s] = {}
        elif by_p is _LEFT_OUT:
            continue
        p = quad.predicate
        objects = by_p.get(p)
        if objects is None:
            by_p[p] = {quad.object}
        else:
            objects.add(quad.object)
        n += 1
    for s in leave_out:
        del spo[s]
    out._spo, out._len = spo, n
    return out


def quads(triples: Iterable[tuple], graph: ox.NamedNode) -> list[ox.Quad]:
    """``triples`` (of Oxigraph terms) as quads in ``graph``."""
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]
