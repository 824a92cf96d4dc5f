"""The progress bar and messages of a run on stderr (private: see ``batch.run``).

The bar is shown only when stderr is a terminal. With a total (every input a one-document file),
it shows how far the run is and an estimate of the time left; otherwise a count.
"""

from __future__ import annotations

import sys
import time
from typing import Any


def plural(count: int, word: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class Progress:
    """A tqdm bar on a terminal's stderr (none with ``quiet``); messages printed above it."""

    def __init__(self, quiet: bool, total: int | None = None) -> None:
        self._started = time.monotonic()
        self._bar: Any = None
        if quiet or not sys.stderr.isatty():
            return
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit=" docs", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def advance(self, bytes_read: int, failed: int) -> None:
        if self._bar is None:
            return
        self._bar.update(1)
        elapsed = max(time.monotonic() - self._started, 1e-6)
        self._bar.set_postfix_str(f"{bytes_read / 1e6 / elapsed:.1f} MB/s, {plural(failed, 'error')}",
                                  refresh=False)

    def tell(self, message: str) -> None:
        if self._bar is None:
            print(message, file=sys.stderr)
        else:
            self._bar.write(message, file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
