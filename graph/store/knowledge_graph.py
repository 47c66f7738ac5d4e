"""The store: one rdflib Dataset, a named graph per source, and its networkx projection.

The RDF dataset is the single source of truth.  Everything else (the networkx
projection, query answers, views, exports) is derived from it and can be thrown
away and rebuilt.  The dataset lives in Oxigraph through ``oxrdflib`` because it
reads a national-scale plan many times faster than rdflib's in-memory store
while keeping rdflib's API (see benchmarks/ and decisions/0002-store.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from kraftgraf.errors import DataError
from kraftgraf.files import atomic_write
from kraftgraf.graph.store.lock import store_lock
from kraftgraf.ontology.vocab import KG, PREFIXES, PROV, bind_prefixes, graph_iri, iri, local_name

if TYPE_CHECKING:  # networkx takes half a second to import; a build or a kept answer never draws it
    import networkx as nx

__all__ = ["KnowledgeGraph", "ONTOLOGY_FILES"]

T = TypeVar("T")

ONTOLOGY_FILES = ("kraftgraf.ttl", "determinants.ttl", "sectors.ttl")
BUNDLED_PLAN = "kraftsamling-2019.ttl"
# File suffix -> Oxigraph's own parser/writer (registered in rdflib by oxrdflib).
FORMATS = {".trig": "ox-trig", ".nq": "ox-nquads", ".ttl": "ox-turtle", ".nt": "ox-nt"}
_LABELS = (ox.NamedNode(str(SKOS.prefLabel)), ox.NamedNode(str(RDFS.label)))
_DUMP = {"ox-trig": ox.RdfFormat.TRIG, "ox-nquads": ox.RdfFormat.N_QUADS}


def _format_for(path: Path) -> str:
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise DataError(f"{path}: unknown store format (use one of {', '.join(FORMATS)})") from None


class KnowledgeGraph:
    """A plan's knowledge graph: named graphs for the ontology, curated facts and plans."""

    def __init__(self, dataset: Dataset | None = None):
        if dataset is None:  # a pyoxigraph Store of our own, for Oxigraph's own parsers and writers
            self._store = ox.Store()
            dataset = Dataset(store=OxigraphStore(store=self._store), default_union=True)
        elif isinstance(dataset.store, OxigraphStore):  # oxrdflib has no public way to its Store
            self._store = dataset.store._inner
        else:
            raise TypeError(f"a KnowledgeGraph needs a dataset on Oxigraph's store, not {dataset.store!r}")
        self.dataset = dataset
        bind_prefixes(self.dataset)
        self._projection: nx.MultiDiGraph | None = None
        self._shared: dict | None = None  # while unchanged(): what was read once, for every later reader

    # --- building ------------------------------------------------------------
    def graph(self, name: str) -> Graph:
        """The named graph for one source ('ontology', 'curated', 'plan/<key>')."""
        self._projection = None
        if self._shared is not None:  # about to be written: nothing read before may be shared after
            self._shared.clear()
        return self.dataset.graph(graph_iri(name))

    def add_ontology(self) -> None:
        """Load the ontology, determinant and sector schemes into their named graph."""
        g = self.graph("ontology")
        for name in ONTOLOGY_FILES:
            g.parse(Path(str(files("kraftgraf.ontology") / name)), format="ox-turtle")

    @classmethod
    def bundled(cls) -> KnowledgeGraph:
        """The plan the package ships: ontology, curated facts and the extracted memo."""
        from kraftgraf.graph.store.build import build

        return build()

    # --- saving and loading ----------------------------------------------------
    def save(self, path: str | Path, fmt: str | None = None) -> None:
        """Write the whole dataset atomically, as TriG or N-Quads (``fmt`` or by suffix)."""
        fmt = fmt or _format_for(Path(path))
        if fmt not in _DUMP:
            raise DataError(f"{path}: a store keeps named graphs; save it as .trig or .nq")
        prefixes = dict(PREFIXES) if fmt == "ox-trig" else None
        with store_lock(path):  # re-entrant: a command that read the store under it holds it already
            atomic_write(path, lambda tmp: self.store.dump(tmp, format=_DUMP[fmt], prefixes=prefixes))

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        """Read a store written by :meth:`save`, or a single-graph .ttl/.nt plan."""
        path = Path(path)
        fmt = _format_for(path)
        if not path.is_file():
            raise DataError(f"{path}: no such store file")
        kg = cls()
        try:
            if fmt in _DUMP:
                kg.dataset.parse(path, format=fmt)
            else:
                kg.graph(f"file/{path.stem}").parse(path, format=fmt)
        except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError) as exc:
            first_line = (str(exc).splitlines() or [exc.__class__.__name__])[0]
            if isinstance(exc, MemoryError):  # Oxigraph reads a term into a buffer of at most 16 MB
                first_line = f"a literal or IRI too long to read: {first_line}"
            raise DataError(f"{path}: not a readable {path.suffix} file ({first_line})") from None
        return kg

    @property
    def store(self):  # not -> ox.Store yet: its query() returns a union each caller would narrow
        """The underlying ``pyoxigraph.Store`` (for Oxigraph's own parsers and writers)."""
        return self._store

    def __len__(self) -> int:
        return len(self.dataset)

    # --- reading ----------------------------------------------------------------
    def label(self, node: URIRef, lang: str = "sv") -> str:
        """The node's label in ``lang`` (falling back to any label, then the IRI's tail)."""
        # Oxigraph's own lookup: through rdflib it cost 0.08 ms a label, a third of a second
        # for the 4,000 names a national report prints
        fallback, subject = None, ox.NamedNode(node)
        for prop in _LABELS:
            for quad in self.store.quads_for_pattern(subject, prop, None, None):
                value = quad.object
                if isinstance(value, ox.Literal) and value.language == lang:
                    return value.value
                fallback = fallback or value.value
        return fallback or local_name(node)

    def quotes(self, node: URIRef) -> list[str]:
        """The verbatim source quotes a node rests on, in source order."""
        sources = sorted(map(iri, self.dataset.objects(node, PROV.wasDerivedFrom)))
        return [str(q) for s in sources for q in self.dataset.objects(s, PROV.value)]

    def has_plan(self) -> bool:
        """Whether any graph holds an initiative: what every gap query needs to answer at all."""
        ask = f"ASK {{ ?initiative a <{KG.Initiative}> }}"
        return bool(self.store.query(ask, use_default_graph_as_union=True))

    def subjects_of_type(self, cls: URIRef) -> Iterable[URIRef]:
        """Nodes typed ``cls`` (exactly), sorted."""
        return sorted({iri(s) for s in self.dataset.subjects(RDF.type, cls)})

    def projection(self) -> nx.MultiDiGraph:
        """Typed nodes (``kind``, ``label``, ``label_en``) and typed edges (``rel``).

        Built once per state of the store; the store is the truth, this is a view.
        """
        if self._projection is None:
            from kraftgraf.graph.store.projection import project

            self._projection = project(self.store)
        return self._projection

    @contextmanager
    def unchanged(self) -> Iterator[None]:
        """A block in which nobody changes the store: what is read in it through :meth:`shared` is read once.

        The report asks nine questions of one store, and several read the same
        listings (who committed, which layers an initiative reaches, the commitments).
        Kept on this object only, so another store or another view of the same store
        (:func:`~kraftgraf.graph.store.plans.select_plan`) never sees them; dropped at
        the end of the outermost block.
        """
        outer = self._shared
        if outer is None:
            self._shared = {}
        try:
            yield
        finally:
            self._shared = outer

    def shared(self, key: tuple, read: Callable[[], T], copy: Callable[[T], T] | None = None) -> T:
        """``read()``; inside :meth:`unchanged`, read once per ``key`` and handed to every caller.

        ``copy`` gives each caller one of its own (rows: new dicts), so one that changes
        what it got changes no other's; without it every caller gets the same object.
        """
        if self._shared is None:
            return read()
        if key not in self._shared:
            self._shared[key] = read()
        return self._shared[key] if copy is None else copy(self._shared[key])
