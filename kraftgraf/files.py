"""Writing a file so that nothing is lost: every file kraftgraf writes goes through :func:`atomic_write`.

The new content goes to a temporary file beside the target (``.<name>.<pid>.<random>.tmp``),
is flushed to the disk, gets the old file's mode and owner, and is renamed over the
target in one step.  A reader sees the old file or the new one, never half of one;
a failure leaves the old file's bytes as they were and no temporary file behind.

What is refused, each with one line (:class:`~kraftgraf.errors.DataError`) before
anything is written:

- a target that is a folder, or not a regular file (a device such as ``/dev/null``
  or ``/dev/full``, a pipe, a socket): renaming over it would replace it;
- a target that is read-only (no write bit in its mode, e.g. 0444), or that the
  user may not write: renaming over it would silently make it writable;
- a target owned by another user, or by a group the user is not in, whose owner
  could not be kept;
- a folder that does not exist, or is not a folder.

A symlink is written through: its target file gets the new content (atomically,
in the target's folder) and the link stays a link.  A full disk, a quota, a
read-only file system or a permission refused while writing is one line too,
with the old file unchanged.

A temporary file outlives its writer only if the process is killed outright
(SIGKILL, a power cut): SIGTERM and SIGHUP end a write through Python's
clean-up like Ctrl-C does, and the next write to the same file removes the
leftovers of writers that are no longer running (the pid in the name says whose).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from kraftgraf.errors import DataError

__all__ = ["atomic_write", "check_target", "exit_on_signals", "output_folder", "stray_temps", "write_error"]

_OS_ERROR = re.compile(r"\(os error (\d+)\)")
_TMP = re.compile(r"\.(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp")  # the part after ".<name>"; mkstemp's 8 letters

# errno -> what a person reads; the rest say what the operating system said
_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EFBIG: "the file is larger than this system allows",
}


def write_error(path: str | Path, exc: OSError, existed: bool = True) -> DataError:
    """The one-line error for ``exc`` raised while writing ``path``."""
    code = exc.errno
    if code is None:  # Oxigraph's writers say "No space left on device (os error 28)", with no errno
        found = _OS_ERROR.search(str(exc))
        code = int(found[1]) if found else None
    text = exc.strerror or (str(exc).splitlines() or [exc.__class__.__name__])[0]
    why = (_WHY.get(code) if code is not None else None) or text[:1].lower() + text[1:]
    kept = f"; {path} is unchanged" if existed else ""
    return DataError(f"{path}: not written: {why}{kept}")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _resolve(path: Path) -> Path:
    """The file a write to ``path`` replaces: a symlink's final target, else ``path``."""
    if not path.is_symlink():
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:  # a dangling link: write through creates its target
        return Path(os.path.realpath(path))
    except OSError as exc:  # ELOOP
        raise DataError(f"{path}: a symlink that leads nowhere ({exc.strerror})") from None


def _owner_kept(st: os.stat_result) -> bool:
    """Whether this process can give a new file the owner and group of ``st``."""
    if os.geteuid() == 0:
        return True
    return st.st_uid == os.geteuid() and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def check_target(path: str | Path) -> tuple[Path, os.stat_result | None]:
    """The file to replace for ``path`` and its status (None if new); DataError if it may not be.

    Cheap: call it before minutes of work, so a wrong ``-o`` fails at once.
    """
    path = Path(path)
    try:  # through any symlink, as open() would: /dev/stdout is the pipe or terminal it leads to
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError:
        st = None  # a symlink loop, a part that is no folder: said below
    target = _resolve(path) if st is None or stat.S_ISREG(st.st_mode) else path
    shown = path if target == path else f"{path} (a symlink to {target})"
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise DataError(f"{shown}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise write_error(shown, exc, existed=False) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise DataError(f"{shown} is a folder; name a file to write")
        if not stat.S_ISREG(st.st_mode):
            raise DataError(f"{shown} is {_kind(st.st_mode)}, not a regular file; kraftgraf writes regular "
                            "files only (a file renamed over it would take its place): name a file")
        mode = stat.S_IMODE(st.st_mode)
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise DataError(f"{shown} is read-only (mode {mode:04o}); kraftgraf will not replace it: "
                            f"make it writable first (chmod u+w) or write elsewhere")
        if not _owner_kept(st):
            raise DataError(f"{shown} belongs to another user or group (uid {st.st_uid}, gid {st.st_gid}); "
                            "replacing it would change its owner: write elsewhere, or ask its owner")
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise DataError(f"{shown}: the folder {folder} {what}")
    return target, st


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def stray_temps(target: Path) -> list[Path]:
    """Temporary files beside ``target`` left by kraftgraf writers that are no longer running."""
    prefix = f".{target.name}"
    found = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        m = _TMP.fullmatch(entry.name[len(prefix):])
        if m and entry.is_file(follow_symlinks=False) and not _alive(int(m["pid"])):
            found.append(Path(entry.path))
    return found


def _raise_exit(signum, _frame):
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def exit_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP end the program through Python's clean-up, as Ctrl-C does.

    Only where they would otherwise end it at once (the default handler), and
    only in the main thread (where Python runs signal handlers).
    """
    changed = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(sig) is signal.SIG_DFL:
                changed[sig] = signal.signal(sig, _raise_exit)
    try:
        yield
    finally:
        for sig, handler in changed.items():
            signal.signal(sig, handler)


def _new_temp(folder: Path, name: str) -> str:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    return tmp


def _settle(tmp: str, old: os.stat_result | None) -> None:
    """Give ``tmp`` the old file's mode and owner (a new file: the umask's mode), and flush it to disk."""
    if not stat.S_ISREG(os.lstat(tmp).st_mode):  # before chmod, which would follow a link
        raise DataError(f"{tmp}: the temporary file was replaced while writing")
    if old is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes the file private; the result should not be
    else:
        os.chmod(tmp, stat.S_IMODE(old.st_mode))
        now = os.stat(tmp)
        if (now.st_uid, now.st_gid) != (old.st_uid, old.st_gid):
            os.chown(tmp, old.st_uid, old.st_gid)
            os.chmod(tmp, stat.S_IMODE(old.st_mode))  # chown clears set-id bits
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)  # a crash after the rename must not leave an empty file in the old one's place
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be opened and synced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: str | Path, write: Callable[[str], object]) -> None:
    """Call ``write(tmp_path)`` and rename the result over ``path``: a failure keeps the old file.

    See the module docstring for what is refused and what a symlink does.
    An OSError while writing (a full disk, …) becomes one :class:`DataError`.
    """
    target, old = check_target(path)
    shown = path if target == Path(path) else f"{path} (a symlink to {target})"
    for stray in stray_temps(target):
        with contextlib.suppress(OSError):
            stray.unlink()
    with exit_on_signals():
        try:
            tmp = _new_temp(target.parent, target.name)
        except OSError as exc:
            raise write_error(shown, exc, old is not None) from None
        try:
            write(tmp)
            _settle(tmp, old)
            os.replace(tmp, target)
        except OSError as exc:
            raise write_error(shown, exc, old is not None) from None
        finally:
            if os.path.lexists(tmp):
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
    _sync_folder(target.parent)


@contextlib.contextmanager
def output_folder(path: str | Path) -> Iterator[Path]:
    """A folder to write files into (with :func:`atomic_write`), made if it is not there.

    Its parent must exist; a file in its place is refused.  A folder made here
    is removed again if the writing fails before anything is in it.
    """
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise DataError(f"{folder} is a file; this export writes a folder of files: name a folder")
    parent = folder.parent
    if not folder.exists() and not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise DataError(f"{folder}: the folder {parent} {what}")
    made = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise write_error(folder, exc, existed=False) from None
    try:
        yield folder
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if still empty
        raise
