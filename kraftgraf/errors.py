"""Errors that reach the user as one clear line (the CLI turns them into exit code 2)."""


class KraftgrafError(Exception):
    """A problem the user can fix: bad input, a missing file, an unknown name."""


class DataError(KraftgrafError):
    """Input data (a memo, a data file, a graph) that cannot be read as expected."""


class NotFoundError(KraftgrafError):
    """A name (actor, determinant, plan) that matches nothing; the message names the closest."""
