"""The packages and where they are: the rest of the build is in pyproject.toml.

Each top folder is installed as a subpackage of kraftgraf (``graph/`` as
``kraftgraf.graph``, …), so nothing generic lands in site-packages.  The packages
under them are found here rather than listed in pyproject.toml, so that a new
question (a folder under ``queries/``) is one folder and no line elsewhere.
"""

from pathlib import Path

from setuptools import setup

FOLDERS = {"kraftgraf": "kraftgraf", "kraftgraf.ontology": "ontology", "kraftgraf.loaders": "loaders",
           "kraftgraf.graph": "graph", "kraftgraf.queries": "queries", "kraftgraf.data": "data"}


def packages() -> list[str]:
    """Every folder with an ``__init__.py`` under :data:`FOLDERS`, as a dotted package name."""
    found = []
    for package, folder in FOLDERS.items():
        for init in sorted(Path(folder).rglob("__init__.py")):
            parts = init.parent.relative_to(folder).parts
            if "__pycache__" not in parts and not any(p.startswith(".") for p in parts):
                found.append(".".join((package, *parts)))
    return found


setup(packages=packages(), package_dir=FOLDERS)
