"""Text helpers shared by the per-line classifiers (:mod:`normalize.patterns`, :mod:`normalize.taglines`)."""

from __future__ import annotations

import re
from functools import lru_cache

from normalize._cache import CACHE_SIZE
from normalize._scripts import beyond_ascii

__all__ = ["CJK", "alt", "ends_sentence", "words"]

WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w'’.,:/-]*")
#: :data:`WORD` for text whose word characters (``\w``) are all ASCII: faster.
_ASCII_WORD = re.compile(WORD.pattern.replace(r"[^\W\d_]", "[A-Za-z]"), re.ASCII)
#: A word character beyond ASCII (class first: a search skips other characters fast).
_WORD_CHARACTER_BEYOND_ASCII = re.compile(r"[^\x00-\x7f](?<=\w)")
_FINAL_PUNCT = frozenset(".!?。！？…")
_CLOSERS = " \"'”’»)]）」』"
#: A kana or CJK ideograph.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def ends_sentence(text: str) -> bool:
    """Whether the text ends with sentence-final punctuation (before closing quotes/brackets)."""
    return text.rstrip(_CLOSERS)[-1:] in _FINAL_PUNCT


@lru_cache(maxsize=CACHE_SIZE)
def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` (cached: the credit, boilerplate and tagline rules read the same line)."""
    if text.isascii() or _WORD_CHARACTER_BEYOND_ASCII.search(beyond_ascii(text)) is None:
        return tuple(_ASCII_WORD.findall(text))
    return tuple(WORD.findall(text))


def alt(words: frozenset[str] | set[str] | tuple[str, ...]) -> str:
    """An alternation of ``words``, longest first, grouped by first letter: ``a(?:uthor|utor)|b(?:ài)``.

    It matches what the flat ``author|autor|bài`` does: within a group the
    words keep their order, and two groups never match at one position, their
    first letters differing even ignoring case (letters equal then, as ``s``
    and ``ſ``, share a group). Searching, the engine tries one group at a
    position instead of every word: it skips a word by its first letter only
    without IGNORECASE.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: len(re.escape(w)), reverse=True):
        first = next((f for f in groups if re.fullmatch(re.escape(f), word[0], re.I)), word[0])
        groups.setdefault(first, []).append(word)
    return "|".join(map(_one_group, groups.values()))


def _one_group(words: list[str]) -> str:
    """``w(?:ord|ords)`` for words of one first letter, else the words themselves between parentheses."""
    first = words[0][0]
    if all(word[0] == first for word in words):
        return re.escape(first) + "(?:" + "|".join(re.escape(word[1:]) for word in words) + ")"
    return "(?:" + "|".join(map(re.escape, words)) + ")"
