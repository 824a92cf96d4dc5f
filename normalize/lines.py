"""Split repaired text into lines (one line a paragraph of the input), and the key under which
two lines count as the same."""

from __future__ import annotations

import re

from normalize._cache import per_line_cache
from normalize._scripts import beyond_ascii
from normalize.document import Line

_PUNCTUATION = re.compile(r"[^\w\s]")
#: The ASCII characters :data:`_PUNCTUATION` matches, for ``bytes.translate`` to delete.
_ASCII_PUNCTUATION = bytes(code for code in range(128) if _PUNCTUATION.match(chr(code)))
#: A character beyond ASCII that :data:`_PUNCTUATION` keeps, or that case-folds to one it keeps
#: (U+0345, a combining mark, case-folds to ``ι``: ``tests/`` checks every code point).
_KEPT_BEYOND_ASCII = re.compile(r"[^\x00-\x7f](?<=[\w\s\u0345])")


def split_lines(text: str) -> list[Line]:
    """One :class:`Line` for each non-blank line of ``text``, stripped.

    Blank lines separate paragraphs and are not lines themselves. A line that
    stands alone between two others (a tagline glued above a caption, say) is
    a line of its own: single line breaks separate lines too.
    """
    return [
        Line(number=number, text=stripped)
        for number, raw in enumerate(text.split("\n"), start=1)
        if (stripped := raw.strip())
    ]


@per_line_cache
def line_key(text: str) -> str:
    """The form under which lines count as the same (case, spaces, punctuation).

    When every character beyond ASCII is punctuation (the quotes and dashes of
    an English line), they all go: the rest is ASCII, where case folding is
    lower-casing and ``bytes.translate`` drops the punctuation, fast.
    """
    if text.isascii() or _KEPT_BEYOND_ASCII.search(beyond_ascii(text)) is None:
        kept = text.encode("ascii", "ignore").lower().translate(None, _ASCII_PUNCTUATION)
        return " ".join(kept.decode("ascii").split())
    return " ".join(_PUNCTUATION.sub("", text.casefold()).split())
