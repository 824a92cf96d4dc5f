"""Find an article in a web page: its title, date, and paragraphs as plain text.

:func:`extract_html` takes a whole page or just the article's fragment, as text
or as bytes of any encoding, and gives a :class:`Page`: the title as the first
paragraph, then the article's paragraphs, headings, list items and figure
captions in page order, one paragraph each, separated by a blank line.

- Main content of a whole page comes from trafilatura (the best measured
  extractor; ``benchmarks/extraction.py`` measures ours against it). It drops
  figure captions, which carry the translations we pair, so a second pass over
  the page takes the ``<figcaption>``\\ s (each ``<p>`` or ``<br>``-separated
  part its own paragraph: a caption and its translation give two) and the
  ``alt`` text of images with no other caption, when they stand inside the
  article, and puts them where they stand in the page.
- A fragment (no ``<html>``/``<body>``) is the article already: all its blocks
  are kept, as they are when trafilatura finds nothing in a page.
- Title: the page's ``<h1>`` when it agrees with ``og:title`` or ``<title>``,
  else ``og:title`` or ``<title>`` without the site name, else the ``<h1>``.
- Date: ``article:published_time`` and like meta tags, ``datePublished`` in
  JSON-LD, ``<time datetime>``, then htmldate; ISO ``YYYY-MM-DD`` or ``None``.

Pages parse with lxml (the parser BeautifulSoup would use; BeautifulSoup's own
tree costs as much time as trafilatura on whole pages). libxml2 stops at 256
levels of nesting and drops what is deeper; such a page is read instead with
BeautifulSoup over lxml, in one linear pass, as blocks of text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from normalize.encoding import declared_charset, decode_bytes, looks_binary

__all__ = ["Page", "extract_html"]


@dataclass(frozen=True)
class Page:
    """What :func:`extract_html` found in a page.

    ``text`` is the title then the article's paragraphs, separated by a blank
    line; ``date`` is ISO ``YYYY-MM-DD``; ``encoding`` is the encoding the
    bytes were decoded with (``None`` for text input).
    """

    text: str
    title: str | None
    date: str | None
    encoding: str | None


#: Elements that start and end a paragraph of their own.
_BLOCKS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figcaption",
    "caption", "td", "th", "tr", "div", "section", "article", "header", "footer", "aside", "nav",
    "main", "figure", "ul", "ol", "dl", "table", "form", "address", "center", "details", "summary",
))
#: Elements whose content is never text of the article.
_SKIP = frozenset((
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "select", "button",
))
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
_HTML_START = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_LIST_MARK = re.compile(r"^- (?=\S)")


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
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):  # only comments or a bare declaration
        return Page("", None, None, encoding)
    if _depth(tree) >= _MAX_DEPTH:
        return Page(_join(_flat_blocks(html)), None, None, encoding)
    title = _title(tree)
    date = _date(tree, html)
    whole_page = _HTML_START.search(html) is not None
    blocks = _main_blocks(html, tree, url) if whole_page else [text for _, text in _walk(tree)]
    if title is not None:
        key = _key(title)
        blocks = [text for text in blocks if _key(text) != key]
    return Page(_join([title, *blocks] if title else blocks), title, date, encoding)


def _join(blocks: Iterable[str]) -> str:
    return "\n\n".join(blocks)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _key(text: str) -> str:
    return _norm(text).casefold()


def _depth(tree: lxml.html.HtmlElement) -> int:
    """How deep ``tree`` nests, without recursion."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _walk(root: etree._Element) -> Iterator[tuple[int, str]]:
    """The text blocks under ``root``, as (element number, text), in page order.

    Each block element and ``<br>`` starts a new block, and an image with no
    other caption gives its ``alt`` text as one; element numbers count
    ``root.iter()``. One linear pass, no recursion.
    """
    parts: list[str] = []
    start = number = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            number += 1
            if not tag or tag in _SKIP or _hidden(el):
                walker.skip_subtree()
                continue
            if tag in _BLOCKS or tag == "br":
                yield from _flush(parts, start)
                start = number - 1
            if tag == "img" and (alt := _alt_caption(el)):
                yield from _flush(parts, start)
                yield number - 1, alt
            if el.text:
                parts.append(el.text)
            continue
        if tag in _BLOCKS:
            yield from _flush(parts, start)
            start = number - 1
        if el.tail:
            parts.append(el.tail)
    yield from _flush(parts, start)


def _flush(parts: list[str], start: int) -> Iterator[tuple[int, str]]:
    text = _norm("".join(parts))
    parts.clear()
    if text:
        yield start, text


def _alt_caption(img: etree._Element) -> str | None:
    """The ``alt`` text of an image that has no other caption, when it reads as one."""
    alt = _norm(img.get("alt") or "")
    if len(alt.split()) < 3 or re.search(r"\.(?:jpe?g|png|gif|webp)\b", alt, re.IGNORECASE):
        return None
    for parent in img.iterancestors("figure", "a"):
        if parent.tag == "a" or parent.find(".//figcaption") is not None:
            return None
    return alt


def _main_blocks(html: str, tree: lxml.html.HtmlElement, url: str | None) -> list[str]:
    """trafilatura's paragraphs of a whole page, with the page's captions put back."""
    blocks = _trafilatura_blocks(html, url)
    if not blocks:
        body_el = tree.find("body")
        return [text for _, text in _walk(body_el if body_el is not None else tree)]
    numbers = {el: n for n, el in enumerate(tree.iter())}
    where: dict[str, etree._Element] = {}
    for el in tree.iter(_LEAVES):
        where.setdefault(_key(el.text_content()), el)
    found = [where.get(_key(text)) for text in blocks]
    placed_at = [el for el in found if el is not None]
    if not placed_at:
        return blocks
    captions = _captions(tree, placed_at, numbers)
    if not captions:
        return blocks
    caption_keys = {_key(text) for _, text in captions}
    placed: list[tuple[int, int, str]] = []
    last = -1
    for order, (text, el) in enumerate(zip(blocks, found, strict=True)):
        last = numbers[el] if el is not None else last
        if _key(text) not in caption_keys:
            placed.append((last, order, text))
    placed.extend((number, -1, text) for number, text in captions)
    placed.sort(key=lambda item: (item[0], item[1]))
    return [text for _, _, text in placed]


def _trafilatura_blocks(html: str, url: str | None) -> list[str]:
    """The main content's paragraphs as trafilatura renders them as text, one a line.

    Its own text output is used (not its XML tree, nor ``bare_extraction``'s
    text) because that is what it is measured on: the tree keeps what no output
    shows (hidden microdata, for one). A list item's
    ``- `` mark is taken off.
    """
    text: str = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, include_images=False,
        include_formatting=False, deduplicate=False, with_metadata=False,
    ) or ""
    return [_LIST_MARK.sub("", line) for line in (_norm(raw) for raw in text.split("\n")) if line]


def _region(found: list[etree._Element]) -> etree._Element | None:
    """The smallest element holding at least 80% of the article's placed paragraphs."""
    if not found:
        return None
    counts: Counter[etree._Element] = Counter()
    depth: dict[etree._Element, int] = {}
    for el in found:
        chain = [el, *el.iterancestors()]
        for level, ancestor in enumerate(reversed(chain)):
            counts[ancestor] += 1
            depth[ancestor] = level
    need = 0.8 * len(found)
    return max((el for el, count in counts.items() if count >= need), key=depth.__getitem__)


def _captions(
    tree: lxml.html.HtmlElement, found: list[etree._Element], numbers: dict[etree._Element, int]
) -> list[tuple[int, str]]:
    """The captions among the article's paragraphs, numbered by page order.

    They must stand inside the article (the element holding most of its
    paragraphs), from its ``<h1>`` or first paragraph to the end of the
    element holding its last paragraph, and not in a link or hidden element.
    """
    region = _region(found)
    last = max(found, key=numbers.__getitem__)
    bounds = [numbers[el] + _size(el) for el in (region, last.getparent()) if el is not None]
    end = min(bounds)
    first = max(numbers[region] if region is not None else 0, min(numbers[el] for el in found))
    h1 = next(tree.iter("h1"), None)
    if h1 is not None and numbers[h1] < first:
        first = numbers[h1]
    captions: list[tuple[int, str]] = []
    seen: set[str] = set()
    for el in tree.iter("figcaption", "img"):
        base = numbers[el]
        if not first <= base <= end or (el.tag == "img" and _alt_caption(el) is None) or _hidden_in(el):
            continue
        for n, text in _walk(el):
            if _key(text) not in seen:
                seen.add(_key(text))
                captions.append((base + n, text))
    return captions


def _size(el: etree._Element) -> int:
    return sum(1 for _ in el.iter()) - 1


def _hidden(el: etree._Element) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


def _hidden_in(el: etree._Element) -> bool:
    """In a link, a hidden element, a ``<noscript>`` or another caption."""
    return any(
        a.tag in _SKIP or a.tag in ("a", "figcaption") or _hidden(a) for a in el.iterancestors()
    ) or _hidden(el)


def _title(tree: lxml.html.HtmlElement) -> str | None:
    """The page's title: an agreeing ``<h1>``, else ``og:title`` or ``<title>`` without the site name."""
    h1s = [text for text in (_norm(h.text_content()) for h in tree.iter("h1")) if text]
    og = _meta(tree, "og:title", "twitter:title")
    title_el = tree.find(".//title")
    page_title = _norm(title_el.text_content()) if title_el is not None else None
    site = _meta(tree, "og:site_name", "application-name")
    for h1 in h1s:
        if any(other and _key(h1) in _key(other) for other in (og, page_title)):
            return h1
    for candidate in (og, page_title):
        if candidate:
            return _strip_site(candidate, site)
    return h1s[0] if h1s else None


def _strip_site(title: str, site: str | None) -> str:
    """``title`` without the site's name ("Story - Site", "Site | Story")."""
    parts = [part for part in _SEPARATORS.split(title) if part]
    if len(parts) < 2:
        return title
    if site:
        kept = [part for part in parts if _key(part) != _key(site)]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return max(parts, key=lambda part: len(part.split()))


def _meta(tree: lxml.html.HtmlElement, *names: str) -> str | None:
    wanted = set(names)
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = _norm(el.get("content") or "")
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
            if node.name in _BLOCKS or node.name == "br":
                blocks.extend(text for _, text in _flush(parts, 0))
        elif type(node) is NavigableString and node.parent is not None and node.parent.name not in _SKIP:
            parts.append(str(node))
    blocks.extend(text for _, text in _flush(parts, 0))
    return blocks
