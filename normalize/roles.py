"""Give each line a role: title, date, credit, body, heading, boilerplate, image id.

First each line alone (the patterns of :mod:`normalize.patterns` and
:mod:`normalize.dates`), then the unclear ones from the document, as jusText
does: a line met twice is boilerplate, the title is the first line left, a
tagline is told from a heading by its look and by where it stands, a short
line of names after the last paragraph is a credit. Lines in another
language keep the role ``body`` here; :mod:`normalize.pairing` decides whether
they are translations or foreign.
"""

from __future__ import annotations

import re
from collections import Counter

from normalize import patterns
from normalize._cache import per_line_cache
from normalize.chrome import mark_chrome, mark_comments
from normalize.dates import parse_date
from normalize.document import REMOVED_ROLES, Document, Line, Role
from normalize.langid import letter_count
from normalize.lines import line_key
from normalize.markup import mark_markup
from normalize.settings import Settings

#: A line whose tagline score reaches this is a tagline wherever it stands.
TAGLINE_SURE = 0.7
#: ... and reaching this, when it stands at an edge or beside other boilerplate.
TAGLINE_EDGE = 0.45
#: Rules of the boilerplate lines that head a list of links.
_LIST_HEADERS = frozenset({"related", "read-more"})
#: A heading is at most this many words, with no sentence-final punctuation.
HEADING_MAX_WORDS = 14

_SENTENCE_END = re.compile(r"[.!?…。！？:;,\"”»)]$")
# "Site Name - slogan", "Site Name: slogan", "slogan | Site Name": a name of two to four
# capitalised words (or one with +, a dot or inner capitals) beside a separator.
_NAME_WORD = r"[A-ZÀ-ÝĐ][\w+.&'’]*"
_SITE = rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}|[A-ZÀ-ÝĐ]\w*(?:[+.]\w*|[a-z][A-Z])\w*\+?)"
_SEPARATOR = r"(?:\s*[:|]\s+|\s+[-–—|]\s+)"
_TAGLINE_SHAPE = re.compile(rf"^(?:{_SITE}{_SEPARATOR}\S.*|\S.*{_SEPARATOR}{_SITE})$")


def assign_roles(doc: Document, settings: Settings) -> None:
    """Set every line's role and rule; set ``doc.title`` and ``doc.date``."""
    for line in doc.lines:
        _classify_alone(line, settings)
    mark_markup(doc)
    _mark_repeats(doc.lines, settings.repeat_min)
    _mark_link_lists(doc.lines)
    _mark_taglines(doc.lines, doc.lang)
    mark_comments(doc)
    mark_chrome(doc)
    _mark_title(doc)
    _mark_trailing_credit(doc.lines)
    _mark_headings(doc.lines)
    if doc.date is None:
        doc.date = next((parse_date(line.text) for line in doc.with_role(Role.DATE)), None)


@per_line_cache
def role_by_rule(text: str) -> tuple[Role, str] | None:
    """The role a rule gives ``text`` alone (image id, date, boilerplate, credit), with the rule."""
    if rule := patterns.image_id_rule(text):
        return Role.IMAGE_ID, rule
    if parse_date(text):
        return Role.DATE, "date"
    if rule := patterns.boilerplate_rule(text) or patterns.social_rule(text):
        return Role.BOILERPLATE, rule
    if rule := patterns.credit_rule(text):
        return Role.CREDIT, rule
    return None


def _classify_alone(line: Line, settings: Settings) -> None:
    text = line.text
    if by_rule := role_by_rule(text):
        line.set_role(*by_rule)
    elif settings.boilerplate and line_key(text) in settings.boilerplate:
        line.set_role(Role.BOILERPLATE, "learned")
    elif letter_count(text) < 2:
        line.set_role(Role.BOILERPLATE, "no-words")
    else:
        line.set_role(Role.BODY, "text")


def _mark_repeats(lines: list[Line], repeat_min: int) -> None:
    """A body line met ``repeat_min`` times or more in one document is boilerplate."""
    body = [(line, line_key(line.text)) for line in lines if line.role is Role.BODY]
    counts = Counter(key for _, key in body)
    for line, key in body:
        if counts[key] >= repeat_min:
            line.set_role(Role.BOILERPLATE, "repeated")


def _mark_link_lists(lines: list[Line]) -> None:
    """Headlines listed under "Related articles" or "Read more" are links, not text.

    After such a header (alone on its line), the short unpunctuated lines that
    follow are boilerplate too, unless a paragraph follows them: then they were
    headings of the text.
    """
    run: list[Line] = []
    in_list = False
    for line in [*lines, None]:
        if line is not None and in_list and line.role is Role.BODY and _is_heading_like(line.text):
            run.append(line)
            continue
        if line is None or not (line.role is Role.BODY and _is_paragraph(line)):
            for listed in run:
                listed.set_role(Role.BOILERPLATE, "link-list")
        run = []
        in_list = line is not None and line.rule in _LIST_HEADERS and len(line.text.split()) <= 4


def _mark_taglines(lines: list[Line], main: str | None) -> None:
    """Site taglines: sure by their look, or likely and not where a heading stands.

    A line shaped ``Site Name - slogan`` (or ``slogan | Site Name``) is a tagline
    unless it stands as a heading does: after a paragraph and before a
    paragraph of the main language.
    """
    for index, line in enumerate(lines):
        if line.role is not Role.BODY:
            continue
        if _is_tagline(lines, index, main):
            line.set_role(Role.BOILERPLATE, "tagline")


def _is_tagline(lines: list[Line], index: int, main: str | None) -> bool:
    score, shaped = _tagline_look(lines[index].text)
    if score >= TAGLINE_SURE or (score >= TAGLINE_EDGE and _at_edge(lines, index)):
        return True
    return shaped and not _stands_as_heading(lines, index, main)


@per_line_cache
def _tagline_look(text: str) -> tuple[float, bool]:
    """The line's tagline score and whether it is heading-like and shaped ``Site Name - slogan``."""
    shaped = _is_heading_like(text) and _TAGLINE_SHAPE.match(text) is not None
    return patterns.tagline_score(text), shaped


def _stands_as_heading(lines: list[Line], index: int, main: str | None) -> bool:
    before = next((line for line in reversed(lines[:index]) if not line.removed), None)
    after = next((line for line in lines[index + 1 :] if not line.removed), None)
    return (
        before is not None
        and before.role is Role.BODY
        and after is not None
        and after.role is Role.BODY
        and after.lang == main
        and _is_paragraph(after)
    )


def _at_edge(lines: list[Line], index: int) -> bool:
    """First or last of the document, or beside a removed line."""
    if index in (0, len(lines) - 1):
        return True
    return lines[index - 1].role in REMOVED_ROLES or lines[index + 1].role in REMOVED_ROLES


def _mark_title(doc: Document) -> None:
    """The title is the first line still counted as body."""
    for line in doc.lines:
        if line.role is Role.BODY:
            line.set_role(Role.TITLE, "first-line")
            doc.title = line.text
            return


def _mark_trailing_credit(lines: list[Line]) -> None:
    """A short line of names after the last paragraph is the author's name."""
    body = [index for index, line in enumerate(lines) if line.role is Role.BODY]
    if len(body) < 2:
        return
    last = lines[body[-1]]
    if patterns.NAME_LINE.match(last.text) and len(last.text) <= 40 and _is_paragraph(lines[body[-2]]):
        last.set_role(Role.CREDIT, "trailing-name")


def _mark_headings(lines: list[Line]) -> None:
    """Short unpunctuated body lines followed by a body paragraph are headings."""
    for index, line in enumerate(lines[:-1]):
        if line.role is not Role.BODY or not _is_heading_like(line.text):
            continue
        following = next((after for after in lines[index + 1 :] if not after.removed), None)
        if following is not None and following.role is Role.BODY and _is_paragraph(following):
            line.set_role(Role.HEADING, "short-line")


@per_line_cache
def _is_heading_like(text: str) -> bool:
    """At most :data:`HEADING_MAX_WORDS` words, and no sentence-final punctuation.

    Only the last two characters can hold ``_SENTENCE_END`` (its ``$`` matches
    at the end or before a final newline), and only words up to the one past
    the limit are split off: a paragraph costs no more than a heading.
    """
    few_words = len(text.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS
    return few_words and not _SENTENCE_END.search(text[-2:])


def _is_paragraph(line: Line) -> bool:
    return line.role is Role.BODY and not _is_heading_like(line.text)
