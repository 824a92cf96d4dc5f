"""The whole normaliser, top to bottom.

    read (file, HTML, feed record, WARC record) -> repair text -> split into lines
       (inline HTML tags out, hard-wrapped paragraphs joined back)
    -> detect each line's language: alone, then the document's languages;
       cut the lines that hold two; settle the unclear ones
    -> give each line a role -> pair translations -> write

Reading lives in ``readers.py`` and writing in ``writers.py``; this module turns
one input into one :class:`Document`. Each step is a plain function of its own
module, and only sets fields of the document's lines: no line is ever dropped.
"""

from __future__ import annotations

from collections.abc import Mapping

from normalize.document import Document, Role
from normalize.langid import guess_languages, settle_languages
from normalize.lines import join_hard_wraps, line_key, split_lines
from normalize.markup import strip_inline_markup
from normalize.mixed import split_mixed_lines
from normalize.pairing import pair_translations
from normalize.readers import Record
from normalize.repair import repair_text
from normalize.roles import assign_roles
from normalize.settings import DEFAULT_SETTINGS, Settings


def normalize(
    text: str,
    *,
    id: str = "",
    source: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """Normalise one plain-text article.

    >>> doc = normalize("A title\\n\\n19/10/2021\\n\\nThe body.", id="a")
    >>> doc.title, doc.date, doc.text
    ('A title', '2021-10-19', 'The body.')
    """
    return _normalize_text(Document(id=id, source=source), text, settings, page_title=False)


def _normalize_text(
    doc: Document, text: str, settings: Settings, page_title: bool, known: Mapping[str, Role] | None = None
) -> Document:
    """Every step after reading. With ``page_title``, ``doc.title`` is the page's own title
    (or ``None``): no line of the text is made the title but the one that says it. ``known``
    gives the role of paragraphs of ``text`` a web page marks as such: its byline is a credit,
    a block that is one link to another page is boilerplate."""
    doc.lines = split_lines(repair_text(text))
    strip_inline_markup(doc)
    join_hard_wraps(doc)
    guess_languages(doc, settings)
    split_mixed_lines(doc, settings)
    settle_languages(doc, settings)
    assign_roles(doc, settings, page_title)
    _mark_known(doc, known or {})
    pair_translations(doc, settings)
    return doc


#: The rule of a line whose role the page gives (:func:`_mark_known`).
_PAGE_RULES = {Role.CREDIT: "page-byline", Role.BOILERPLATE: "page-link"}


def _mark_known(doc: Document, known: Mapping[str, Role]) -> None:
    """The lines of the text or its headings that say a paragraph of ``known`` take its role."""
    keys = {line_key(repair_text(text)): role for text, role in known.items()}
    if not keys:
        return
    for line in doc.lines:
        if line.role in (Role.BODY, Role.HEADING) and (role := keys.get(line_key(line.text))) is not None:
            line.set_role(role, _PAGE_RULES[role])


def normalize_html(
    html: str | bytes,
    *,
    id: str = "",
    source: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Document:
    """Normalise one web page (whole page or article fragment).

    The article's text comes from :func:`normalize.html.extract_html`; the
    title is the page's own (``<h1>``, ``og:title``, ``<title>``), never a line
    of its text, and ``None`` when the page has none (an article's fragment);
    the page's metadata gives the date when the text has none, the byline
    the page marks as such (by its class name, say) is a credit, and a block of
    an article's fragment that is all one link (to a related story) is boilerplate. Raises
    :class:`ValueError` when ``html`` is binary data rather than a page.
    """
    from normalize.html import extract_html, page_url

    page = extract_html(html, url=page_url(source))
    title = repair_text(page.title).strip() if page.title else ""
    doc = Document(id=id, source=source, title=title or None)
    known = {text: Role.BOILERPLATE for text in page.links} | {text: Role.CREDIT for text in page.credits}
    _normalize_text(doc, page.text, settings, page_title=True, known=known)
    if doc.date is None:
        doc.date = page.date
    doc.encoding = page.encoding
    return doc


def normalize_record(record: Record, settings: Settings = DEFAULT_SETTINGS) -> Document:
    """Normalise one record from :mod:`normalize.readers`.

    A record that could not be read gives a document holding its ``error``.
    """
    if record.error is not None:
        return Document(id=record.id, source=record.source, encoding=record.encoding, error=record.error)
    if record.html is not None:
        doc = normalize_html(record.html, id=record.id, source=record.source, settings=settings)
    else:
        doc = normalize(record.text or "", id=record.id, source=record.source, settings=settings)
    if record.encoding is not None:
        doc.encoding = record.encoding
    return doc
