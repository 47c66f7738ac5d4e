"""The command line: the click group ``main`` and the commands, each in a module by what it is about.

Each command parses its options and makes one library call that a Python user can
make too (see :mod:`kraftgraf`); this package is the only place that prints.
"""

from kraftgraf.cli import neo4j, plans, questions, sheets, views  # noqa: F401  (they register their commands)
from kraftgraf.cli.main import main

__all__ = ["main"]
