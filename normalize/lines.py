"""Split repaired text into lines (one line a paragraph of the input), and the key under which
two lines count as the same."""

from __future__ import annotations

import re

from normalize._cache import per_line_cache
from normalize.document import Line

_PUNCTUATION = re.compile(r"[^\w\s]")
#: The ASCII characters :data:`_PUNCTUATION` matches, for ``bytes.translate`` to delete.
_ASCII_PUNCTUATION = bytes(code for code in range(128) if _PUNCTUATION.match(chr(code)))


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
    """The form under which lines count as the same (case, spaces, punctuation)."""
    if text.isascii():  # case folding is lower-casing; bytes.translate drops the punctuation, fast
        kept = text.lower().encode("ascii").translate(None, _ASCII_PUNCTUATION)
        return " ".join(kept.decode("ascii").split())
    return " ".join(_PUNCTUATION.sub("", text.casefold()).split())
