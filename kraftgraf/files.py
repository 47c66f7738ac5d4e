"""Writing files so that a failure never leaves half of one: every writer of kraftgraf goes through here."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kraftgraf.errors import DataError

__all__ = ["atomic_write"]


def atomic_write(path: str | Path, write) -> None:
    """Call ``write(tmp_path)`` and rename over ``path``: a failure keeps the old file.

    A folder that does not exist or cannot be written to is one clear error.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError(f"{path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise DataError(f"{path}: cannot write there ({exc.strerror})") from None
    os.close(fd)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; the result should not be
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
