"""Markup left in plain text: markdown front matter and stray HTML tags.

Scrapers that save a page's source as ``.txt`` leave two kinds of markup:

- a markdown export's front matter (``---``, ``key: "value"`` lines, ``---``
  at the very start): its ``title:`` is the document's title, ``date:`` its
  date, ``author:`` a credit, and the rest boilerplate;
- HTML tags: a line that is only markup (``<figure>``, ``<!--more-->``,
  ``<ul class="...">``) is boilerplate; tags inside a text line (``<a
  href=...>words</a>``, ``<br>``, ``<span>``) leave it, their words stay.

Only tags of real HTML element names count, so ``a < b > c`` is left alone.
:func:`strip_inline_markup` runs before the language step (it rewrites line
texts); :func:`mark_markup` runs in the roles step (it sets roles).
"""

from __future__ import annotations

import re

from normalize._cache import per_line_cache
from normalize.dates import parse_date
from normalize.document import Document, Line, Role
from normalize.repair import unescape_entities

#: HTML element names (the living standard's, and a few obsolete ones scrapers still meet).
HTML_ELEMENTS = frozenset(
    str.split(
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas "
    "caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em "
    "embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html "
    "i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript "
    "object ol optgroup option output p param picture pre progress q rp rt ruby s samp script "
    "section select small source span strike strong style sub summary sup svg table tbody td "
    "template textarea tfoot th thead time title tr track tt u ul var video wbr"
    )
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SPACES = re.compile(r"[ \t]{2,}")
#: A front-matter key line: ``key: value`` (the value may be quoted, a list, or empty).
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]{0,40}):(?:\s+(.*))?$")
_FENCE = "---"
#: Front matter longer than this many lines is not taken for front matter.
FRONT_MATTER_MAX = 60


#: Tags that end a block of the page: removed, they leave a space between the words.
_BREAKING = frozenset({"br", "p", "li", "td", "th", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


def _without_tags(text: str) -> tuple[str, int]:
    """``text`` with its comments and real-element tags removed, and how many were removed.

    A run of tags leaves a space where it ends a block (``<br>``, ``</p>``) or
    closes one element and opens the next (``</span><span>``), else nothing:
    ``<b>bold</b>,`` keeps its comma beside the word.
    """
    count = 0
    if "<!--" in text:
        text, count = _COMMENT.subn(" ", text)
    pieces: list[str] = []
    end = 0
    for run in _tag_runs(text):
        pieces.append(text[end : run[0][0]])
        count += len(run)
        closed = opened_after_close = False
        for _, _, closing, _ in run:
            opened_after_close |= closed and not closing
            closed |= closing
        breaks = opened_after_close or any(name in _BREAKING for *_, name in run)
        pieces.append(" " if breaks else "")
        end = run[-1][1]
    pieces.append(text[end:])
    return "".join(pieces), count


def _tag_runs(text: str) -> list[list[tuple[int, int, bool, str]]]:
    """The runs of real-element tags (only spaces between them): start, end, closing, name."""
    runs: list[list[tuple[int, int, bool, str]]] = []
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name not in HTML_ELEMENTS:
            continue
        tag = (match.start(), match.end(), match.group(1) == "/", name)
        if runs and not text[runs[-1][-1][1] : match.start()].strip():
            runs[-1].append(tag)
        else:
            runs.append([tag])
    return runs


@per_line_cache
def is_markup_only(text: str) -> bool:
    """Whether the line holds HTML tags or comments and nothing else."""
    if "<" not in text:
        return False
    rest, count = _without_tags(text)
    return count > 0 and not rest.strip()


@per_line_cache
def clean_inline_markup(text: str) -> str:
    """The line's text without its inline tags (their words kept), entities decoded.

    A line without real-element tags, or holding nothing but markup, is returned as it is.
    """
    if "<" not in text:
        return text
    rest, count = _without_tags(text)
    if count == 0 or not rest.strip():
        return text
    return _SPACES.sub(" ", unescape_entities(rest)).strip()


def strip_inline_markup(doc: Document) -> None:
    """Remove the inline HTML tags of every text line (see :func:`clean_inline_markup`)."""
    for line in doc.lines:
        line.text = clean_inline_markup(line.text)


def mark_markup(doc: Document) -> None:
    """Roles of markup lines: front matter at the start, lines of markup only anywhere."""
    for line in _front_matter(doc.lines):
        _mark_front_matter_line(doc, line)
    for line in doc.lines:
        if line.role is Role.BODY and is_markup_only(line.text):
            line.set_role(Role.BOILERPLATE, "markup")


def _front_matter(lines: list[Line]) -> list[Line]:
    """The lines of the front matter (both fences included), or none."""
    if not lines or lines[0].text != _FENCE or lines[0].number != 1:
        return []
    for end, line in enumerate(lines[1 : FRONT_MATTER_MAX + 1], start=1):
        if line.text == _FENCE:
            return lines[: end + 1] if end > 1 else []
        if not _KEY_LINE.match(line.text):
            return []
    return []


def front_matter_value(text: str) -> tuple[str, str] | None:
    """The key (lower-cased) and unquoted value of a ``key: "value"`` line."""
    match = _KEY_LINE.match(text)
    if match is None:
        return None
    value = (match.group(2) or "").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].replace('\\"', '"')
    return match.group(1).lower(), unescape_entities(value).strip()


def _mark_front_matter_line(doc: Document, line: Line) -> None:
    key, value = front_matter_value(line.text) or ("", "")
    if key == "title" and value and doc.title is None:
        line.set_role(Role.TITLE, "front-matter")
        doc.title = value
    elif key == "date" and (date := parse_date(value)) is not None and doc.date is None:
        line.set_role(Role.DATE, "front-matter")
        doc.date = date
    elif key == "author" and value:
        line.set_role(Role.CREDIT, "front-matter")
    else:
        line.set_role(Role.BOILERPLATE, "front-matter")
