"""Find an article in a web page: its title, date, and paragraphs as plain text.

:func:`extract_html` takes a whole page or just the article's fragment, as text
or as bytes of any encoding, and gives a :class:`Page`: the title as the first
paragraph, then the article's paragraphs, headings, list items and figure
captions in page order, one paragraph each, separated by a blank line.

- Main content of a whole page comes from trafilatura (the best measured
  extractor; ``benchmarks/extraction.py`` measures ours against it), in its
  fast precise reading (``favor_precision``, ``fast``, no comments; its full
  readings, and the fuller one taken, only when that keeps far fewer words
  than the page's longest run of prose: a body lost beside a sidebar), run on
  our own parsed tree so the page is parsed once and, most often, read by
  trafilatura once, without the cards the page shows on hover. A table
  row it gives as one ``| ... |`` line holding a whole article (old
  table-layout pages) is split into its cells' paragraphs, and the byline
  between the ``<h1>`` and the first paragraph, which it drops, is kept and
  named in ``credits`` (the pipeline makes it a credit, out of the text). Its paragraphs are found
  again in the page, in order; those in an ``<article>`` within another (related
  posts, comments) are left out, unless all are. It drops figure
  captions, which carry the translations we pair; so the captions that stand
  inside the article (the element holding its paragraphs) are put back where
  they stand: ``<figcaption>``\\ s (each ``<p>`` or ``<br>``-separated part its
  own paragraph: a caption and its translation give two; credits and
  screen-reader labels left out), a caption element beside an image, else the
  image's ``alt`` text when it reads as a caption. Captions of galleries and
  video players are left out, and so is what the text says already. Quotes
  (``<blockquote>``, embedded posts) inside the article are kept, and a body
  the page splits into like containers is joined (trafilatura keeps the first).
- A fragment (no ``<html>``/``<body>``) is the article already: all its blocks
  are kept, as they are when trafilatura finds nothing in a page.
- Title: the page's ``<h1>`` when it agrees with ``og:title`` or ``<title>``,
  else ``og:title`` or ``<title>`` without the site name, else the ``<h1>``;
  never a text of over 40 words (a paragraph of the body).
- Date: ``article:published_time`` and like meta tags, ``datePublished`` in
  JSON-LD, ``<time datetime>``, then htmldate; ISO ``YYYY-MM-DD`` or ``None``.

Pages parse with lxml (the parser BeautifulSoup would use; BeautifulSoup's own
tree costs as much time as trafilatura on whole pages). libxml2 stops at 256
levels of nesting and drops what is deeper; such a page is read instead with
BeautifulSoup over lxml, in one linear pass, as blocks of text. libxml2 checks
each attribute of an element against all before it, so an element's
attributes past the first 256 are cut from the text before it is parsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate, islice

import lxml.html
import trafilatura
from lxml import etree

from normalize._htmlblocks import (
    BLOCKS,
    SKIP,
    drop,
    drop_hover_cards,
    find_bylines,
    find_captions,
    find_continuations,
    find_region,
    flush,
    link_texts,
    may_hover,
    norm,
    prose_words,
    split_table_rows,
    text_key,
    walk,
)
from normalize.encoding import declared_charset, decode_bytes, looks_binary
from normalize.repair import fix_mojibake

__all__ = ["Page", "extract_html"]


@dataclass(frozen=True)
class Page:
    """What :func:`extract_html` found in a page.

    ``text`` is the title then the article's paragraphs, separated by a blank
    line; ``date`` is ISO ``YYYY-MM-DD``; ``encoding`` is the encoding the
    bytes were decoded with (``None`` for text input); ``credits`` are the
    paragraphs of ``text`` that the page marks as the article's byline; ``links`` those
    of an article's fragment that are all one link (a related story's headline).
    """

    text: str
    title: str | None
    date: str | None
    encoding: str | None
    credits: tuple[str, ...] = ()
    links: tuple[str, ...] = ()


#: Blocks whose text we look up to place trafilatura's paragraphs in the page.
_LEAVES = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre", "td",
           "th", "div", "figcaption", "span", "section")
#: libxml2 drops what is nested deeper than this.
_MAX_DEPTH = 255
_SEPARATORS = re.compile(r"\s+[|\-\u2013\u2014:·»/]{1,2}\s+")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATE_META = frozenset((
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
    "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "cxenseparse:recs:publishtime",
))
#: Parses as trafilatura does, so that it can work on our tree (parsed once).
_PARSER = lxml.html.HTMLParser(collect_ids=False, remove_comments=True, remove_pis=True)
#: Every element an :class:`lxml.html.HtmlElement` (what trafilatura asks for), chosen in C:
#: lxml.html's own choice of class (a form, an input...) is a Python call for each element read.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
))
#: lxml refuses text that declares its encoding; the text is decoded already.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_HTML_START = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
_LIST_MARK = re.compile(r"^- (?=\S)")
#: A start tag long enough to hold very many attributes (libxml2 checks each new attribute
#: against all before it: quadratic), and one attribute in it.
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4096,}>")
_ATTRIBUTE = re.compile(r"""\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
#: The attributes of one element kept for the parser; no page needs more.
_MAX_ATTRIBUTES = 256


#: A UTF-8 lead byte read as windows-1252/latin-1, then a continuation byte so read:
#: the mark of mojibake ("Ã©", "â€™", "á»"), checked before the costlier repair.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


#: The text between two tags: where a page's mojibake is fixed, one piece at a time.
_TEXT_BETWEEN_TAGS = re.compile("[^<>]+")


def _fix_text_mojibake(match: re.Match[str]) -> str:
    """:func:`normalize.repair.fix_mojibake` (which looks first whether there may be any) on
    the text between two tags.

    Piece by piece, not line by line: a minified page holds many paragraphs on
    one line, and a garbled paragraph beside clean ones is only fixed on its own.
    """
    return fix_mojibake(match.group())


def page_url(source: str | None) -> str | None:
    """``source`` when it is a web address (what the extractor may use), else ``None``."""
    return source if source and source.startswith(("http://", "https://")) else None


def extract_html(html: str | bytes, url: str | None = None) -> Page:
    """Extract the article of a web page (whole page or fragment).

    Raises :class:`ValueError` when ``html`` is binary data (an image, say)
    rather than a page. An empty page gives an empty text.
    """
    encoding = None
    if isinstance(html, bytes):
        if looks_binary(html):
            raise ValueError(f"not an HTML page: binary data (starts with {html[:8]!r})")
        html, encoding = decode_bytes(html, declared_charset(html))
    elif "\x00" in html[:4096]:
        raise ValueError("not an HTML page: binary data (NUL characters)")
    if not html.strip():
        return Page("", None, None, encoding)
    # Mojibake first, while it is whole: parsing drops the C1 characters it may hold.
    if _MOJIBAKE_HINT.search(html):
        html = _TEXT_BETWEEN_TAGS.sub(_fix_text_mojibake, html)
    html = _LONG_TAG.sub(_first_attributes, html)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=_PARSER)
    except (etree.ParserError, ValueError):  # only comments or a bare declaration
        return Page("", None, None, encoding)
    if _TOO_DEEP(tree):
        return Page(_join(_flat_blocks(html)), None, None, encoding)
    title = _title(tree)
    date = _date(tree, html)
    whole_page = _HTML_START.search(html) is not None
    credits: list[str] = []
    links: list[str] = []
    if whole_page:
        blocks, credits = _main_blocks(tree, url, title)
    else:
        blocks = [text for _, text in walk(tree)]
        linked = link_texts(tree)
        links = [text for text in blocks if text in linked]
    if title is not None:
        key = text_key(title)
        blocks = [text for text in blocks if text_key(text) != key]
    text = _join([title, *blocks] if title else blocks)
    return Page(text, title, date, encoding, tuple(credits), tuple(links))


def _first_attributes(match: re.Match[str]) -> str:
    """A start tag with its first :data:`_MAX_ATTRIBUTES` attributes only (so parsing stays linear)."""
    tag = match.group()
    ends = [m.end() for m in islice(_ATTRIBUTE.finditer(tag), _MAX_ATTRIBUTES + 1)]
    if len(ends) <= _MAX_ATTRIBUTES:
        return tag
    return tag[: ends[_MAX_ATTRIBUTES - 1]] + ">"


def _join(blocks: Iterable[str]) -> str:
    return "\n\n".join(blocks)


#: Whether a tree nests :data:`_MAX_DEPTH` levels deep (the root is level 1), found by libxml2.
_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * _MAX_DEPTH) + ")")


def _main_blocks(
    tree: lxml.html.HtmlElement, url: str | None, title: str | None
) -> tuple[list[str], list[str]]:
    """trafilatura's paragraphs of a whole page, with the article's captions and byline put back;
    and the byline's paragraphs.

    The cards the page shows on hover are taken out first.
    """
    _drop_code(tree)
    if may_hover(tree):
        drop_hover_cards(tree)
    blocks = split_table_rows(tree, _trafilatura_blocks(tree, url))
    if not blocks:
        body_el = tree.find("body")
        return [text for _, text in walk(body_el if body_el is not None else tree)], []
    numbers = {el: n for n, el in enumerate(tree.iter())}
    found = _place(tree, blocks, numbers)
    blocks, found = _without_nested_articles(blocks, found)
    placed_at = [el for el in found if el is not None]
    if not placed_at:
        return blocks, []
    region = find_region(placed_at)
    extra = find_continuations(tree, region, numbers)
    extra += find_captions(tree, placed_at, region, numbers, title)
    bylines = find_bylines(tree, placed_at, numbers)
    extra = _new_texts(blocks, extra + bylines)
    credits = [item[1] for item in extra if item in bylines]
    if not extra:
        return blocks, []
    # Each caption (or continuation) goes before the first paragraph that stands after it;
    # the paragraphs keep their order.
    at = list(accumulate((numbers[el] if el is not None else -1 for el in found), max))
    merged: list[tuple[int, int, str]] = [(number, 0, text) for number, text in extra]
    merged.extend((number, 1, text) for number, text in zip(at, blocks, strict=True))
    merged.sort(key=lambda item: (item[0], item[1]))
    return [text for _, _, text in merged], credits


def _drop_code(tree: lxml.html.HtmlElement) -> None:
    """Take scripts (but JSON-LD), styles, SVG drawings and links out of ``tree``, keeping their tails.

    trafilatura drops them too, but only after copying the tree several times.
    """
    scripts = [el for el in tree.iter("script") if (el.get("type") or "").lower() != "application/ld+json"]
    for el in scripts:
        drop(el)
    etree.strip_elements(tree, "style", "svg", "link", with_tail=False)


_TRUNCATED = re.compile(r"\s*(?:\.\.\.|…)[^.…]{0,20}$|[.…\s]+$")


def _without_nested_articles(
    blocks: list[str], found: list[etree._Element | None]
) -> tuple[list[str], list[etree._Element | None]]:
    """The paragraphs, without those in an ``<article>`` within another (a related post, a comment).

    Unless that is where all of them stand.
    """
    nested = [el is not None and _in_nested_article(el) for el in found]
    if not any(nested) or all(nested):
        return blocks, found
    kept = [i for i, inside in enumerate(nested) if not inside]
    return [blocks[i] for i in kept], [found[i] for i in kept]


def _in_nested_article(el: etree._Element) -> bool:
    articles = el.iterancestors("article")
    return next(articles, None) is not None and next(articles, None) is not None


def _new_texts(blocks: list[str], extra: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``extra`` without what the paragraphs or a longer extra text already say.

    A caption shortened with an ellipsis (and a "more" link after it) counts
    as said by its full form.
    """
    keys = [_TRUNCATED.sub("", text_key(text)) for _, text in extra]
    said = "\n".join(text_key(text) for text in blocks)
    kept = []
    for i, (item, key) in enumerate(zip(extra, keys, strict=True)):
        longer = any(key in other and (key != other or j < i) for j, other in enumerate(keys) if j != i)
        if not longer and key not in said:
            kept.append(item)
    return kept


def _place(
    tree: lxml.html.HtmlElement, blocks: list[str], numbers: dict[etree._Element, int]
) -> list[etree._Element | None]:
    """The element each of trafilatura's paragraphs comes from (``None`` when not found).

    A text that stands in the page more than once is taken at its first place
    after the previous paragraph's. An element whose first word (in ASCII) is
    no paragraph's first word is passed over without making its whole key.
    """
    keys = [text_key(text) for text in blocks]
    first_words = {key.split(" ", 1)[0] for key in keys}
    where: dict[str, list[etree._Element]] = {}
    for el in tree.iter(_LEAVES):
        raw = el.text_content()
        first = raw.split(None, 1)[:1]
        if not first or (first[0].isascii() and first[0].casefold() not in first_words):
            continue
        where.setdefault(text_key(raw), []).append(el)
    found: list[etree._Element | None] = []
    last = -1
    for key in keys:
        places = where.get(key, [])
        el = next((e for e in places if numbers[e] > last), places[0] if places else None)
        if el is not None:
            last = max(last, numbers[el])
        found.append(el)
    return found


#: The precise reading keeps "far fewer" words than the page's prose below this share of it.
_FEW = 0.5


def _trafilatura_blocks(tree: lxml.html.HtmlElement, url: str | None) -> list[str]:
    """The main content's paragraphs as trafilatura renders them as text, one a line.

    Its precise reading (``favor_precision``, no comments) is best measured,
    and its fast form (without the comparison with readability and jusText)
    gives the same text on nearly every page in about half the time: one
    reading, most pages. When it keeps far fewer words than the page's longest
    run of prose (:func:`~normalize._htmlblocks.prose_words`: under
    :data:`_FEW` of it; the body lost to a sidebar, say), its full precise
    reading is run, and if that still keeps far fewer, trafilatura's default
    reading, taken when it keeps more than twice as many words. Each reading
    works on a copy of ``tree`` (trafilatura changes the tree it reads). A
    list item's ``- `` mark is taken off.
    """
    text = _trafilatura_text(tree, url, favor_precision=True, fast=True)
    prose = prose_words(tree)
    if _few(text, prose):
        fuller = _trafilatura_text(tree, url, favor_precision=True)
        text = fuller if len(fuller.split()) > len(text.split()) else text
    if _few(text, prose):
        fuller = _trafilatura_text(tree, url)
        text = fuller if len(fuller.split()) > 2 * len(text.split()) else text
    return [_LIST_MARK.sub("", line) for line in (norm(raw) for raw in text.split("\n")) if line]


def _few(text: str, prose: int) -> bool:
    """Whether ``text`` is empty or keeps under :data:`_FEW` of ``prose`` words."""
    words = len(text.split())
    return words == 0 or words < _FEW * prose


def _trafilatura_text(
    tree: lxml.html.HtmlElement, url: str | None, *, favor_precision: bool = False, fast: bool = False
) -> str:
    """trafilatura's text of the page's main content (no comments, tables kept) in one reading."""
    text: str | None = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=False,
        favor_precision=favor_precision, fast=fast,
    )
    return text or ""


def _title(tree: lxml.html.HtmlElement) -> str | None:
    """The page's title: an agreeing ``<h1>``, else ``og:title`` or ``<title>`` without the site name.

    Never a text over :data:`_TITLE_WORDS` words: that is the body's.
    """
    h1s = [text for text in (norm(h.text_content()) for h in tree.iter("h1")) if text]
    og = _meta(tree, "og:title", "twitter:title")
    title_el = tree.find(".//title")
    page_title = norm(title_el.text_content()) if title_el is not None else None
    site = _meta(tree, "og:site_name", "application-name")
    h1s = [h1 for h1 in h1s if _short(h1)]
    for h1 in h1s:
        if any(other and text_key(h1) in text_key(other) for other in (og, page_title)):
            return h1
    for candidate in (og, page_title):
        if candidate and _short(stripped := _strip_site(candidate, site)):
            return stripped
    return h1s[0] if h1s else None


#: A title longer than this is a paragraph of the body put in a title's place.
_TITLE_WORDS = 40


def _short(title: str) -> bool:
    return len(title.split()) <= _TITLE_WORDS


def _strip_site(title: str, site: str | None) -> str:
    """``title`` without the site's name ("Story - Site", "Site | Story")."""
    parts = [part for part in _SEPARATORS.split(title) if part]
    if len(parts) < 2:
        return title
    if site:
        kept = [part for part in parts if text_key(part) != text_key(site)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return max(parts, key=lambda part: len(part.split()))


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    wanted = set(names)
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = norm(el.get("content") or "")
        if name in wanted and content:
            return content
    return None


def _date(tree: lxml.html.HtmlElement, html: str) -> str | None:
    """The publication date in the page's metadata, ISO ``YYYY-MM-DD``."""
    candidates: list[str] = []
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if name in _DATE_META:
            candidates.append(el.get("content") or "")
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            candidates.extend(_json_dates(script.text))
    candidates.extend(el.get("datetime") or "" for el in tree.iter("time"))
    for value in candidates:
        if iso := _iso(value):
            return iso
    try:
        from htmldate import find_date

        found: str | None = find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return _iso(found or "")


def _json_dates(text: str) -> Iterator[str]:
    """``datePublished`` values anywhere in a JSON-LD block."""
    try:
        stack: list[object] = [json.loads(text)]
    except (ValueError, RecursionError):
        return
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                yield value
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _iso(value: str) -> str | None:
    match = _ISO.match(value.strip())
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _flat_blocks(html: str) -> list[str]:
    """Blocks of text of a page too deep for lxml's tree, in one linear pass (BeautifulSoup)."""
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(html, "lxml")
    blocks: list[str] = []
    parts: list[str] = []
    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in BLOCKS or node.name == "br":
                blocks.extend(text for _, text in flush(parts, 0))
        elif type(node) is NavigableString and node.parent is not None and node.parent.name not in SKIP:
            parts.append(str(node))
    blocks.extend(text for _, text in flush(parts, 0))
    return blocks
