"""`python -m kraftgraf` runs the CLI."""

from kraftgraf.cli import main

main(prog_name="kraftgraf")
