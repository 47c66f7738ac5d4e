"""`python -m kraftgraf` runs the CLI."""

from kraftgraf.cli.main import main

main(prog_name="kraftgraf")
