"""Split repaired text into lines (one line a paragraph of the input), and the key under which
two lines count as the same."""

from __future__ import annotations

import itertools
import re

from normalize._cache import per_line_cache
from normalize._scripts import beyond_ascii
from normalize.document import Document, Line

#: A hard-wrapped text is wrapped at this many characters at least.
WRAP_MIN_WIDTH = 60
#: ... and a block is taken for wrapped text when it was broken at least this many times.
WRAP_MIN_BREAKS = 2
#: A wrapped line (but its paragraph's last) fills at least this share of the width.
WRAP_FILL = 0.75
_PUNCTUATION = re.compile(r"[^\w\s]")
_QUOTE_MARKER = re.compile(r"^>+[ \t]?")
_LIST_ITEM = re.compile(r"^(?:[-*+•–—·#|]|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
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


def join_hard_wraps(doc: Document) -> None:
    """Join the lines of hard-wrapped paragraphs back into one line each (see :func:`join_wrapped`)."""
    doc.lines = join_wrapped(doc.lines)


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Lines broken at a fixed width joined back into their paragraphs.

    Within a block (lines with no blank line between them) at least
    :data:`WRAP_MIN_WIDTH` wide, a line that fills the width (at least
    :data:`WRAP_FILL` of its widest line), does not end a sentence, and could
    not have held the next line's first word, is continued by that line,
    unless either is a list item or a heading, or they are in different
    scripts, or quoted differently. A continued quoted line (``>> text``)
    loses its marker. A block broken so fewer than :data:`WRAP_MIN_BREAKS`
    times, or whose continued lines mostly start in upper case, is left as it
    is. The joined line keeps the first line's number.
    """
    out: list[Line] = []
    for block in _blocks(lines):
        width = max(len(_unquoted(line.text)[1]) for line in block)
        joins = [False] + [_continues(a.text, b.text, width) for a, b in itertools.pairwise(block)]
        if sum(joins) < WRAP_MIN_BREAKS or not _mostly_lower_continued(block, joins):
            out.extend(block)
            continue
        for line, joined in zip(block, joins, strict=True):
            if joined:
                out[-1] = Line(number=out[-1].number, text=out[-1].text + " " + _unquoted(line.text)[1])
            else:
                out.append(line)
    return out


def _mostly_lower_continued(block: list[Line], joins: list[bool]) -> bool:
    """Whether most lines taken for continuations start in lower case, as a sentence goes on.

    A list of headlines, each capitalised, can fill a width as wrapped text does.
    """
    starts = [_unquoted(line.text)[1][:1] for line, joined in zip(block, joins, strict=True) if joined]
    return sum(start.islower() for start in starts) * 2 > len(starts)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines that follow each other in the input (no blank line between them)."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and blocks[-1][-1].number + 1 == line.number:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _unquoted(text: str) -> tuple[str, str]:
    """The line's quote marker (``>>``, or empty) and its text without it."""
    match = _QUOTE_MARKER.match(text)
    return ("", text) if match is None else (match.group(0).strip(), text[match.end() :])


def _continues(previous: str, text: str, width: int) -> bool:
    """Whether input line ``text`` continues the wrapped paragraph of input line ``previous``."""
    if width < WRAP_MIN_WIDTH:
        return False
    mark_before, before = _unquoted(previous)
    mark, after = _unquoted(text)
    if mark != mark_before or not before or not after or len(before) < WRAP_FILL * width:
        return False
    if _LIST_ITEM.match(before) or _LIST_ITEM.match(after) or _SENTENCE_END.search(before):
        return False
    if len(before) + 1 + len(after.split(None, 1)[0]) <= width:
        return False  # the next line's first word would have fitted: the line was ended by hand
    return not _WIDE.search(before + after) and _mostly_latin(before) == _mostly_latin(after)


def _mostly_latin(text: str) -> bool:
    """Whether most of the text's letters are Latin (ASCII or Latin with diacritics)."""
    letters = [char for char in text if char.isalpha()]
    return sum(char < "\u0250" for char in letters) * 2 > len(letters)


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
