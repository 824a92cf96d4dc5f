"""Give each line a role: title, date, credit, body, heading, boilerplate, image id.

First each line alone (the patterns of :mod:`normalize.patterns` and
:mod:`normalize.dates`), then the unclear ones from the document, as jusText
does: a line met twice is boilerplate, the title is the first line left, a
tagline is told from a heading by its look and by where it stands, a short
line of names after the last paragraph is a credit; markdown front matter
and lines of markup only (:mod:`normalize.markup`), comment threads and the
page chrome around the article (:mod:`normalize.chrome`) are marked before the
title is chosen. Lines in another language keep the role ``body`` here;
:mod:`normalize.pairing` decides whether they are translations or foreign.
"""

from __future__ import annotations

import re
from collections import Counter

from normalize import patterns
from normalize._cache import per_line_cache
from normalize._scripts import weighted_letter_count
from normalize.chrome import mark_above_headline, mark_chrome, mark_comments, mark_page_end
from normalize.dates import parse_date
from normalize.document import REMOVED_ROLES, Document, Line, Role
from normalize.langid import letter_count
from normalize.lines import line_key
from normalize.markup import mark_markup
from normalize.settings import Settings
from normalize.taglines import TAGLINE_EDGE, TAGLINE_SURE, tagline_score

#: Rules of the boilerplate lines that head a list of links.
_LIST_HEADERS = frozenset({"related", "read-more"})
#: A heading is at most this many words, with no sentence-final punctuation.
HEADING_MAX_WORDS = 14
#: A line of more words than this is never the title: it is a paragraph.
TITLE_MAX_WORDS = 25
#: A line of up to this many words reads as a title; a longer one must be short beside the text.
TITLE_SHORT_WORDS = 12
#: ... and fewer commas than this.
TITLE_MAX_COMMAS = 2
#: A line met again further on, or shaped as a tagline, may be the title when it has this many words.
TITLE_REPEATED_MIN_WORDS = 4

_CLAUSE_COMMA = re.compile("[,，、]")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# "Home > World > Asia", "News / Sport / Football": three items or more between separators.
_BREADCRUMB = re.compile(r"^[^>›»/|→]{1,40}(?:\s[>›»/|→]\s[^>›»/|→]{1,40}){2,}$")
# "URL: https://...", "Title:", "Content: ...": what a scraper writes before a field.
_SCRAPER_LABEL = re.compile(
    r"^(?:url|link|source url|title|headline|content|body|text|description|summary|category|"
    r"categories|tags|id|date|author|published|image|html)\s*[:=]", re.I
)
_SITE_SUFFIX = re.compile(r"^(?P<head>.+?)(?P<sep>\s+[|–—-]\s+)(?P<site>[^|–—]+)$")
_NAME_OR_DOMAIN = re.compile(r"^(?:[\w-]+\.[a-z]{2,}(?:\.[a-z]{2})?|(?:[A-Z0-9][\w.&'’+]*\s*){1,3})$")
_CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

_SENTENCE_END = re.compile(r"[.!?…。！？:;,\"”»)]$")
# "Site Name - slogan", "Site Name: slogan", "slogan | Site Name": a name of two to four
# capitalised words (or one with +, a dot or inner capitals) beside a separator.
_NAME_WORD = r"[A-ZÀ-ÝĐ][\w+.&'’]*"
_SITE = rf"(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}|[A-ZÀ-ÝĐ]\w*(?:[+.]\w*|[a-z][A-Z])\w*\+?)"
_SEPARATOR = r"(?:\s*[:|]\s+|\s+[-–—|]\s+)"
_TAGLINE_SHAPE = re.compile(rf"^(?:{_SITE}{_SEPARATOR}\S.*|\S.*{_SEPARATOR}{_SITE})$")


def assign_roles(doc: Document, settings: Settings, page_title: bool = False) -> None:
    """Set every line's role and rule; set ``doc.title`` and ``doc.date``.

    With ``page_title``, ``doc.title`` is the page's own title (or ``None`` when the page
    has none) and no other line is made the title (:func:`_mark_title`).
    """
    for line in doc.lines:
        _classify_alone(line, settings)
    mark_markup(doc)
    _mark_repeats(doc.lines, settings.repeat_min)
    _mark_link_lists(doc.lines)
    _mark_taglines(doc.lines, doc.lang)
    mark_comments(doc)
    mark_page_end(doc)
    mark_chrome(doc)
    _mark_title(doc, page_title)
    mark_above_headline(doc)
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
    """A body line met ``repeat_min`` times or more in one document is boilerplate,
    unless it is long prose (:func:`_is_long_prose`): a digest lists one story in two
    sections, a page quotes its own sentence; menus and prompts are short."""
    body = [(line, line_key(line.text)) for line in lines if line.role is Role.BODY]
    counts = Counter(key for _, key in body)
    for line, key in body:
        if counts[key] >= repeat_min and not _is_long_prose(line.text):
            line.set_role(Role.BOILERPLATE, "repeated")


#: A line this long (in Latin letters: :func:`weighted_letter_count`) ending a sentence is a paragraph.
PARAGRAPH_LETTERS = 60
_ENDS_SENTENCE = re.compile(r"[.!?…。！？][\"”»'’)）」』]*\s*$")


def _is_long_prose(text: str) -> bool:
    """Whether ``text`` reads as a paragraph: :data:`PARAGRAPH_LETTERS` letters, and a sentence end."""
    return _ENDS_SENTENCE.search(text) is not None and weighted_letter_count(text) >= PARAGRAPH_LETTERS


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
    return tagline_score(text), shaped


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


def _mark_title(doc: Document, page_title: bool) -> None:
    """The title: a title line already found (front matter), or the page's title, or the first
    line left when it reads as a title (:func:`reads_as_title`); else none.

    The first line left is the first still counted as body, or, when it has a few words,
    the first of a line met again further on (a title repeated on the page is still the
    title; a menu item met in the header and the footer is not) or a line shaped as a
    tagline (``Title | Site``, which loses its site).
    """
    if page_title:
        _mark_page_title(doc)
        return
    found = next(doc.with_role(Role.TITLE), None)
    if found is not None:
        doc.title = doc.title or title_text(found.text)
        return
    for index, line in enumerate(doc.lines):
        if line.role is Role.BODY or _may_be_title_too(line):
            if reads_as_title(doc.lines, index):
                line.set_role(Role.TITLE, "first-line")
                doc.title = title_text(line.text)
            return


def _may_be_title_too(line: Line) -> bool:
    """A line met again further on, or a title with its site (``Title | Site``) taken for a
    tagline, when it has a few words."""
    if line.rule == "repeated":
        return _word_count(line.text) >= TITLE_REPEATED_MIN_WORDS
    if line.rule == "tagline":
        title = title_text(line.text)
        return title != line.text and _word_count(title) >= TITLE_REPEATED_MIN_WORDS
    return False


def _mark_page_title(doc: Document) -> None:
    """The page's own title (``doc.title``, from its metadata) is the title; the first line
    that says it is the title line, and no other line is."""
    if doc.title is None:
        return
    key = line_key(doc.title)
    for line in doc.lines:
        if line.role in (Role.BODY, Role.HEADING, Role.BOILERPLATE) and line_key(line.text) == key:
            if line.role is Role.BODY or line.rule == "repeated":
                line.set_role(Role.TITLE, "page-title")
            return


def reads_as_title(lines: list[Line], index: int) -> bool:
    """Whether ``lines[index]`` reads as the article's title.

    Never a line of over :data:`TITLE_MAX_WORDS` words (a paragraph), a breadcrumb
    (``Home > World``), nor a scraper's label (``URL: ...``); a markdown heading
    (``# Title``) always; a line of up to :data:`TITLE_SHORT_WORDS` words too; a longer
    one when it holds fewer than :data:`TITLE_MAX_COMMAS` commas (a headline is not a
    string of clauses). A title may end with a full stop, and be long beside the
    paragraphs after it: neither tells a title from a paragraph.
    """
    text = lines[index].text
    words = _word_count(text)
    if words > TITLE_MAX_WORDS or _BREADCRUMB.search(text) or _SCRAPER_LABEL.match(text):
        return False
    if _MARKDOWN_HEADING.match(text) or words <= TITLE_SHORT_WORDS:
        return True
    return len(_CLAUSE_COMMA.findall(text)) < TITLE_MAX_COMMAS


def title_text(text: str) -> str:
    """A title line as the title: without a markdown heading's ``#``, nor a site's name after
    ``|`` (``Title | Site``) or after a dash when it is a name (``Title - Site.com``)."""
    text = _MARKDOWN_HEADING.sub("", text).strip()
    match = _SITE_SUFFIX.match(text)
    if match is None:
        return text
    head, site = match.group("head").strip(), match.group("site").strip()
    dash = match.group("sep").strip() != "|"
    if len(site.split()) <= 4 and (not dash or _NAME_OR_DOMAIN.match(site)) and _word_count(head) >= 2:
        return head
    return text


def _word_count(text: str) -> int:
    """Words of ``text``, where two Chinese or Japanese characters count as one."""
    return len(text.split()) + len(_CJK_CHARACTER.findall(text)) // 2


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
