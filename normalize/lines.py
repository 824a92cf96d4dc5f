"""Split repaired text into lines: one line a paragraph of the input."""

from __future__ import annotations

from normalize.document import Line


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
