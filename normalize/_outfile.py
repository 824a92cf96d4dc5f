"""Output files: written whole or not at all, locked while written, and never a device replaced.

Private: the writers (``writers.py``, ``_pairformats.py``) use :class:`AtomicFile`.

- A regular output is written as ``FINAL.part`` and renamed to ``FINAL`` on commit. The part
  file is locked (``flock``) while it is written: a second run writing the same output stops
  with "another run is writing it" instead of writing into it.
- An output that exists and is not a regular file (``/dev/null``, a FIFO, a terminal) is
  written straight, never replaced; a symbolic link is followed (its target is written).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import sys
from pathlib import Path
from typing import IO

BUSY = "another normalize run is writing it"


def output_target(path: Path) -> Path:
    """``path``, or the file its symbolic link(s) lead to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def is_special(path: Path) -> bool:
    """``True`` when ``path`` exists and is not a regular file or a folder (a device, a FIFO)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_not_busy(part: Path) -> None:
    """Raise :class:`OSError` when another run holds ``part``'s lock (nothing is changed)."""
    try:
        fd = os.open(part, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        _lock(fd, part)
    finally:
        os.close(fd)  # and the lock with it


def _lock(fd: int, part: Path) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OSError(errno.EBUSY, BUSY, str(part)) from None


def _open_locked(part: Path) -> int:
    """A descriptor of ``part`` (created if need be), locked; the path still names it."""
    while True:
        fd = os.open(part, os.O_WRONLY | os.O_CREAT, 0o666)
        try:
            _lock(fd, part)
            if os.stat(part).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass  # renamed into place by the run that held it: take a new one
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


class AtomicFile:
    """A UTF-8 text file written as ``FINAL.part`` and renamed to ``FINAL`` on commit.

    With ``append``, an existing part file (an interrupted run's) is written on, after its
    first ``keep`` bytes when ``keep`` is given. ``final`` may be ``-`` (standard output), or
    a device or FIFO, written straight.
    """

    def __init__(self, final: Path, newline: str = "\n", part: Path | None = None, append: bool = False,
                 keep: int | None = None) -> None:
        self.final = output_target(final)
        self.direct = str(final) == "-" or is_special(self.final)
        self.part = self.final if self.direct else (part or self.final.with_name(self.final.name + ".part"))
        if str(final) == "-":
            self.file: IO[str] = sys.stdout
            return
        if self.direct:
            self.file = self.final.open("w", encoding="utf-8", newline=newline)
            return
        fd = _open_locked(self.part)
        try:
            if not append:
                os.ftruncate(fd, 0)
            elif keep is not None:
                os.ftruncate(fd, keep)
            os.lseek(fd, 0, os.SEEK_END)
            self.file = open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
        except BaseException:
            os.close(fd)
            raise

    def sync(self, durable: bool = True) -> None:
        """Finish writing and close; ``durable`` also flushes the file to disk (fsync)."""
        if self.file is sys.stdout:
            self.file.flush()
        elif not self.file.closed:
            self.file.flush()
            if durable and not self.direct:
                os.fsync(self.file.fileno())
            self.file.close()

    def commit(self) -> None:
        if self.direct or self.file.closed:
            self.sync()
            if not self.direct:
                os.replace(self.part, self.final)
            return
        self.file.flush()
        os.fsync(self.file.fileno())
        os.replace(self.part, self.final)  # still open, so still locked: no other run takes the name
        self.file.close()

    def discard(self) -> None:
        """Close (whatever the disk says) and remove the part file."""
        self._close_quietly()
        if not self.direct:
            self.part.unlink(missing_ok=True)

    def keep(self) -> None:
        """Close without renaming: the part file stays, for a resume."""
        self._close_quietly()

    def _close_quietly(self) -> None:
        try:
            self.sync(durable=False)
        except OSError:  # a full disk: what could not be written is lost, the part file is cut there
            if self.file is not sys.stdout:
                with contextlib.suppress(OSError):
                    self.file.close()
