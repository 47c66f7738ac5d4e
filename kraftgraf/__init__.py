"""kraftgraf: a national mental-health plan as a knowledge graph."""

__version__ = "0.1.0"
