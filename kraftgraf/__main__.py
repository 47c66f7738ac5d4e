"""`python -m kraftgraf` runs the CLI."""

from kraftgraf.cli.main import run

run()
