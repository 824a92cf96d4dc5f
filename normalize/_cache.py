"""A bounded cache for the pure functions of one line's text.

Short lines repeat across the articles of a site (menus, share rows, bylines,
taglines, datelines), so the answers of the per-line rules about them are
kept. Each cache holds at most :data:`CACHE_SIZE` texts of at most
:data:`CACHED_LINE_MAX` characters, least recently used first out, so its
memory stays bounded whatever the corpus. Longer lines are paragraphs, which
rarely repeat; the rules reject most of them by their length alone.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

#: Lines up to this long have their answers cached.
CACHED_LINE_MAX = 300
#: How many texts each cache holds: the lines of a few dozen articles, so that a line
#: is worked out once for all the steps that ask about it, and a site's menus and
#: bylines once for many of its articles. Small enough that every cache keyed by a
#: line (here and in the other steps) is full after a few hundred articles: memory
#: then stays flat (``benchmarks/throughput.py`` and a corpus ten times larger).
CACHE_SIZE = 4096

_T = TypeVar("_T")


def per_line_cache(func: Callable[[str], _T]) -> Callable[[str], _T]:
    """``func``, a pure function of one line's text, with its answers for short lines cached.

    The undecorated function stays reachable as ``__wrapped__``.
    """
    cached = lru_cache(maxsize=CACHE_SIZE)(func)

    @wraps(func)
    def per_line(text: str) -> _T:
        return cached(text) if len(text) <= CACHED_LINE_MAX else func(text)

    return per_line
