"""A time limit for one document (private: see ``batch._Work``).

Where there is ``SIGALRM`` and the caller is the main thread (a ``--jobs`` worker, or the
command with one job), a document that takes longer than the limit is stopped by an exception
at the next Python instruction, and becomes an error record; the worker goes on with the next.
Elsewhere (a thread, Windows) the limit is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block once it has run ``seconds`` (``None``: no limit)."""
    in_main = threading.current_thread() is threading.main_thread()
    if seconds is None or not hasattr(signal, "setitimer") or not in_main:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"took longer than {seconds:g} s (the --time-limit)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
