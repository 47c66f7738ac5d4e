"""One writer at a time: an advisory lock held while a command reads a store, changes it and writes it.

Two commands that edit one store at once (two ``import``s, two ``suggest --accept``)
would each read the store, change their copy and write it back, and the second
write would drop the first one's edit.  Each writer therefore holds
:func:`store_lock` from before it reads the store until after it has written it:
a second writer waits (with a note on stderr) and then reads the store as the
first one left it, or gives up after ``$KRAFTGRAF_LOCK_TIMEOUT`` seconds (default
60) with one line, :class:`StoreBusy`.  Readers take no lock: a store is replaced
by one rename (:mod:`kraftgraf.files`), so they see the old store or the
new one, never half of one.

The lock is ``flock(2)`` on a file beside the store, ``.<store name>.lock``, in the
folder of the file the store's name leads to (so two names of one store, through a
symlink, share one lock).  The file exists only while a writer holds it: the
holder removes it as it lets go, and a writer that finds the name no longer
leads to the file it locked tries again.  The kernel drops a lock when its process
ends, however it ends, so a killed writer never leaves the store locked; a lock
file it leaves behind is taken and removed by the next writer.  Advisory: it keeps
out kraftgraf processes, not other programs.  It needs ``fcntl`` (Linux, macOS, the
BSDs); elsewhere writers are not kept apart.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from kraftgraf.errors import DataError, KraftgrafError
from kraftgraf.files import check_target, exit_on_signals, write_error

if sys.platform == "win32":  # pragma: no cover - Windows has no fcntl
    fcntl = None
else:
    import fcntl

__all__ = ["StoreBusy", "store_lock", "lock_file", "lock_timeout", "TIMEOUT_VARIABLE", "DEFAULT_TIMEOUT"]

TIMEOUT_VARIABLE = "KRAFTGRAF_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 60.0  # seconds; an import of a national-scale plan takes well under that
_POLL = 0.05

_held: dict[tuple[str, int], int] = {}  # (lock file, thread) -> how deep this thread holds it
_held_guard = threading.Lock()


class StoreBusy(KraftgrafError):
    """Another writer held the store for longer than the timeout."""


def lock_file(store: str | Path) -> Path:
    """The lock file of ``store``; DataError when the store could not be written anyway."""
    target, _ = check_target(store)  # a read-only store or a missing folder fails before any waiting
    return target.parent / f".{target.name}.lock"


def lock_timeout() -> float:
    """Seconds a writer waits for another: ``$KRAFTGRAF_LOCK_TIMEOUT``, else :data:`DEFAULT_TIMEOUT`."""
    value = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not seconds >= 0 or math.isinf(seconds):
        raise DataError(f"${TIMEOUT_VARIABLE}={value!r}: give the seconds a writer may wait, e.g. 60")
    return seconds


def _open(path: Path, store) -> int:
    flags = os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(path, os.O_RDWR | flags, 0o666)
    except PermissionError:  # another user's lock file: flock needs no write access
        try:
            return os.open(path, os.O_RDONLY | flags)
        except OSError as exc:
            raise write_error(store, exc) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError(f"{store}: its lock file {path} is a symlink; remove it") from None
        raise write_error(store, exc) from None


def _acquire(path: Path, store, timeout: float, note: Callable[[str], object]) -> int:
    deadline = time.monotonic() + timeout
    waiting = False
    while True:
        fd = _open(path, store)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise StoreBusy(f"{store}: another kraftgraf is still writing it after {timeout:g} s; "
                                f"nothing was written (try again, or set ${TIMEOUT_VARIABLE} to wait "
                                "longer)") from None
            if not waiting:
                note(f"waiting for another kraftgraf to finish writing {store} (up to {timeout:g} s, "
                     f"${TIMEOUT_VARIABLE})")
                waiting = True
            time.sleep(_POLL)
            continue
        except OSError as exc:  # e.g. ENOLCK: a network file system without a lock service
            os.close(fd)
            raise DataError(f"{store}: cannot lock it for writing ({exc.strerror})") from None
        try:  # the holder before us removes the file as it lets go: is ours still the one named?
            same = os.path.samestat(os.fstat(fd), os.lstat(path))
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


def _release(path: Path, fd: int) -> None:
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # while still holding it, so no one locks a file that is on its way out
    finally:
        os.close(fd)  # closing lets go of the lock


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def store_lock(store: str | Path, timeout: float | None = None,
               note: Callable[[str], object] | None = None) -> Iterator[None]:
    """Hold the write lock of ``store`` while inside; re-entrant within one thread.

    Waits up to ``timeout`` seconds (default :func:`lock_timeout`) for another
    writer, saying so once through ``note`` (default: a line on stderr), then
    raises :class:`StoreBusy`.  Read the store *inside*, so an edit builds on what
    the writer before this one wrote.
    """
    path = lock_file(store)
    key = (os.path.abspath(path), threading.get_ident())  # ./s.trig and s.trig are one store
    with _held_guard:
        depth = _held.get(key, 0)
        if depth:
            _held[key] = depth + 1
    if depth or fcntl is None:
        try:
            yield
        finally:
            with _held_guard:
                if depth:
                    _held[key] -= 1
        return
    wait = lock_timeout() if timeout is None else timeout
    with exit_on_signals():  # SIGTERM while holding it still removes the lock file
        fd = _acquire(path, store, wait, note or _to_stderr)
        with _held_guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_guard:
                del _held[key]
            _release(path, fd)
