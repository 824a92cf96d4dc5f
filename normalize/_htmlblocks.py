"""The page's blocks of text, and the article's captions and continuations around trafilatura's text.

Helpers of :mod:`normalize.html`: a linear walk of a tree's text blocks
(:func:`walk`), the element holding the article (:func:`region`), the captions
that stand inside it (:func:`captions`), and the rest of a body split into
like containers (:func:`continuations`). Element numbers count ``tree.iter()``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from copy import deepcopy
from typing import cast

from lxml import etree

#: Elements that start and end a paragraph of their own.
BLOCKS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "figcaption",
    "caption", "td", "th", "tr", "div", "section", "article", "header", "footer", "aside", "nav",
    "main", "figure", "ul", "ol", "dl", "table", "form", "address", "center", "details", "summary",
))
#: Elements whose content is never text of the article.
SKIP = frozenset((
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "select", "button",
))
_INVISIBLE = re.compile("[\ufeff\u200b\u2060\u00ad]")


def norm(text: str) -> str:
    """``text`` with each run of spaces as one space, none at its ends (``str.split``: ``\\s``'s spaces)."""
    return " ".join(text.split())


def text_key(text: str) -> str:
    """The form under which two texts are the same block (spaces, case, invisible characters)."""
    return norm(text if text.isascii() else _INVISIBLE.sub("", text)).casefold()


def text_of(el: etree._Element) -> str:
    """All the text under ``el`` (its tail excluded)."""
    return "".join(part for part in el.itertext() if isinstance(part, str))


def link_texts(root: etree._Element) -> set[str]:
    """The texts of the links under ``root``: of each element with an ``href`` (an ``<a>``,
    or another tag a scraper gave the link's address), whitespace collapsed as :func:`walk` does."""
    return {norm(text_of(el)) for el in root.iter() if isinstance(el.tag, str) and el.get("href") is not None}


def walk(root: etree._Element) -> Iterator[tuple[int, str]]:
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
            if not tag or tag in SKIP or hidden(el):
                walker.skip_subtree()
                continue
            if tag in BLOCKS or tag == "br":
                yield from flush(parts, start)
                start = number - 1
            if tag == "img" and (alt := alt_caption(el)):
                yield from flush(parts, start)
                yield number - 1, alt
            if el.text:
                parts.append(el.text)
            continue
        if tag in BLOCKS:
            yield from flush(parts, start)
            start = number - 1
        if el.tail:
            parts.append(el.tail)
    yield from flush(parts, start)


def flush(parts: list[str], start: int) -> Iterator[tuple[int, str]]:
    text = norm("".join(parts))
    parts.clear()
    if text:
        yield start, text


def alt_caption(img: etree._Element, title: str | None = None) -> str | None:
    """The ``alt`` text of an image that has no other caption, when it reads as one.

    Not a file name, a label ("... image", "Headline - Photo 3."), a link's image, an image with a
    caption element beside it, nor mostly the page's title again.
    """
    alt = norm(img.get("alt") or "")
    words = alt.split()
    if len(words) < 3 or _FILE_OR_LABEL.search(alt):
        return None
    for parent in img.iterancestors("figure", "a"):
        if parent.tag == "a" or parent.find(".//figcaption") is not None:
            return None
    if caption_beside(img) is not None:
        return None
    if title:
        title_words = set(_WORD.findall(title.casefold()))
        alt_words = _WORD.findall(alt.casefold())
        if sum(word in title_words for word in alt_words) >= 0.6 * len(alt_words):
            return None
    return alt


def caption_beside(img: etree._Element) -> etree._Element | None:
    """An element classed as a caption, with text, by ``img`` (under its parent or grandparent)."""
    holder = img.getparent()
    if holder is not None and holder.getparent() is not None and len(holder) == 1:
        holder = holder.getparent()
    if holder is None:
        return None
    for el in holder.iter():
        if el is not img and "caption" in str(el.get("class") or "").lower() and text_of(el).strip():
            return el
    return None


# a file name; a label ("... image"); a numbered label an SEO plug-in writes ("Headline - Photo 3.")
_FILE_OR_LABEL = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg)\b|\b(?:image|photo|picture|img|thumbnail)\W*$|"
    r"\s[-–—|:]\s*(?:ảnh|hình|hình ảnh|photo|image|picture|foto|bild|фото|图|圖)\s*\d{1,3}\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def find_region(found: list[etree._Element]) -> etree._Element | None:
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


def find_captions(
    tree: etree._Element, found: list[etree._Element], region: etree._Element | None,
    numbers: dict[etree._Element, int], title: str | None,
) -> list[tuple[int, str]]:
    """The captions among the article's paragraphs, numbered by page order.

    They must stand inside the article (the element holding most of its
    paragraphs), from its ``<h1>`` or first paragraph to the end of the
    element holding its last paragraph, and not in a link, hidden element or
    figure of a video.
    """
    last = max(found, key=numbers.__getitem__)
    bounds = [numbers[el] + size(el) for el in (region, last.getparent()) if el is not None]
    end = min(bounds)
    first = numbers[region] if region is not None else min(numbers[el] for el in found)
    captions: list[tuple[int, str]] = []
    seen: set[str] = set()
    for el in tree.iter("blockquote"):
        base = numbers[el]
        if first <= base <= end and not hidden_in(el) and next(el.iterancestors("blockquote"), None) is None:
            captions.extend((base + n, text) for n, text in walk(el))
    for el in tree.iter("figcaption", "img"):
        base = numbers[el]
        if not first <= base <= end or hidden_in(el) or in_media(el) or in_gallery(el, region):
            continue
        if el.tag == "img":
            beside = caption_beside(el)
            alt = alt_caption(el, title) if beside is None else None
            parts = [(0, alt)] if alt else caption_parts(beside) if beside is not None else []
        else:
            parts = caption_parts(el)
        for n, text in parts:
            if text_key(text) not in seen:
                seen.add(text_key(text))
                captions.append((base + n, text))
    return captions


#: Blocks of text taken from the article's continuations.
_TEXT_BLOCKS = ("p", "h2", "h3", "h4", "blockquote")


def find_continuations(
    tree: etree._Element, region: etree._Element | None, numbers: dict[etree._Element, int]
) -> list[tuple[int, str]]:
    """Paragraphs of the article's body where the page splits it into several like containers.

    Some pages cut the body into consecutive containers of the same tag and
    class (between ads, say), and trafilatura keeps only the first. The others
    after it are taken when they stand near it (they share an ancestor at most
    three levels up) and are mostly paragraphs of prose (not lists of links or
    headlines).
    """
    if region is None or not (css := region.get("class")) or region.tag in ("body", "html"):
        return []
    top = region
    for _ in range(3):
        parent = top.getparent()
        if parent is None:
            break
        top = parent
    after = numbers[region] + size(region)
    found: list[tuple[int, str]] = []
    for other in top.iter(region.tag):
        if numbers[other] <= after or other.get("class") != css or hidden_in(other):
            continue
        texts = [(el, norm(text_of(el))) for el in other.iter(_TEXT_BLOCKS) if not hidden_in(el)]
        prose = sum(len(text.split()) for el, text in texts if el.tag == "p" and len(text.split()) >= 10)
        if prose >= 40 and prose >= 0.5 * len(text_of(other).split()):
            found.extend((numbers[el], text) for el, text in texts if text)
    return found


#: Class names of the parts of a caption that only credit it or label it for screen readers.
_NOT_CAPTION = re.compile(
    r"credit|copyright|source|byline|author|attribution|sr-only|visually-hidden|off-?screen|screen-?reader",
    re.IGNORECASE,
)


def caption_parts(caption: etree._Element) -> list[tuple[int, str]]:
    """The parts of a ``<figcaption>``, without its credits and screen-reader labels.

    Elements classed as a credit ("credit", "copyright", ...) or as text for
    screen readers only ("Image caption") are left out, and parts of one or
    two words when the caption has longer ones.
    """
    copy = deepcopy(caption)
    copy.tail = None
    for el in list(copy.iter()):
        if el is not copy and _NOT_CAPTION.search(str(el.get("class") or "")):
            drop(el)
    parts = list(walk(copy))
    if any(len(text.split()) >= 3 for _, text in parts):
        return [(n, text) for n, text in parts if len(text.split()) >= 3]
    return parts


#: Class names of what a page shows on hover: a card about a linked name, say.
_HOVER_WORDS = ("tooltip", "popover", "rollover", "hovercard")
_ON_HOVER = re.compile("|".join(_HOVER_WORDS), re.IGNORECASE)


#: Every class name in a tree, read in C.
_CLASSES = etree.XPath("//@class", smart_strings=False)


def may_hover(tree: etree._Element) -> bool:
    """Whether any class name in ``tree`` names a hover element (most pages have none: no need to look
    further).

    The class names joined and lower-cased once: a case-blind regex, or an XPath
    test per element, is several times slower, and so is lower-casing the whole page.
    """
    names = cast("list[str]", _CLASSES(tree))  # plain strings: no smart strings asked for
    lowered = " ".join(names).lower()
    return any(word in lowered for word in _HOVER_WORDS)


def drop_hover_cards(tree: etree._Element) -> None:
    """Take out of ``tree`` the cards a page shows on hover, which are not the article's text.

    A hover element (by its class name) holds what is always shown (a linked
    name) and then its card: the parts so classed that come after some text
    within it are taken out; the name stays.
    """
    hovers = [el for el in tree.iter() if _ON_HOVER.search(str(el.get("class") or ""))]
    for wrapper in hovers:
        if any(_ON_HOVER.search(str(a.get("class") or "")) for a in wrapper.iterancestors()):
            continue
        shown = bool((wrapper.text or "").strip())
        for child in list(wrapper):
            if shown and _ON_HOVER.search(str(child.get("class") or "")):
                drop(child)
                continue
            shown = shown or bool(text_of(child).strip() or (child.tail or "").strip())


def drop(el: etree._Element) -> None:
    """Take ``el`` out of its tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


_GALLERY = re.compile(r"gallery|slide|carousel|swiper|lightbox", re.IGNORECASE)


def in_gallery(el: etree._Element, region: etree._Element | None) -> bool:
    """Within a gallery, slideshow or carousel inside the article.

    That is an element so classed that holds more than one image besides
    thumbnails: a single image in a wrapper so named is the article's own figure.
    """
    for ancestor in el.iterancestors():
        if ancestor is region:
            return False
        if _GALLERY.search(str(ancestor.get("class") or "")) and _images(ancestor) > 1:
            return True
    return False


def _images(el: etree._Element) -> int:
    """The images under ``el`` that are not a link's (a thumbnail)."""
    return sum(1 for img in el.iter("img") if next(img.iterancestors("a"), None) is None)


def in_media(el: etree._Element) -> bool:
    """Within a figure that shows a video or other embedded player."""
    figure = next(el.iterancestors("figure"), None)
    return figure is not None and any(True for _ in figure.iter("video", "iframe", "audio", "object"))


def size(el: etree._Element) -> int:
    return sum(1 for _ in el.iter()) - 1


def hidden(el: etree._Element) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


def hidden_in(el: etree._Element) -> bool:
    """In a link, a hidden element, a ``<noscript>`` or another caption."""
    return any(
        a.tag in SKIP or a.tag in ("a", "figcaption") or hidden(a) for a in el.iterancestors()
    ) or hidden(el)


#: A table row as trafilatura renders it: ``| cell | cell |``.
_ROW = re.compile(r"^\|\s.*\s\|$")
_CELL_SPLIT = re.compile(r"\s\|\s")
#: A cell this long is an article's text, not a table's datum.
_LONG_CELL = 25


def split_table_rows(tree: etree._Element, blocks: list[str]) -> list[str]:
    """``blocks`` with each table row that holds an article (old table-layout pages) as its cells' paragraphs.

    trafilatura renders a table row as one ``| ... |`` line, the whole article
    with the columns beside it when a page is laid out in a table. A row with a
    cell of :data:`_LONG_CELL` words or more is split: each cell found in the
    page gives its blocks of text (paragraphs, ``<br>``-separated parts), else
    its own text; cells that are mostly links (a menu column) are left out.
    Other rows (a table of data) stay as they are.
    """
    rows = [i for i, text in enumerate(blocks) if _ROW.match(text)]
    cells_of = {i: [norm(cell) for cell in _CELL_SPLIT.split(blocks[i][1:-1])] for i in rows}
    rows = [i for i in rows if any(len(cell.split()) >= _LONG_CELL for cell in cells_of[i])]
    if not rows:
        return blocks
    where: dict[str, etree._Element] = {}
    for cell_el in tree.iter("td", "th"):
        where.setdefault(_spaceless(text_of(cell_el)), cell_el)
    out: list[str] = []
    for i, text in enumerate(blocks):
        if i not in rows:
            out.append(text)
            continue
        for cell in cells_of[i]:
            el = where.get(_spaceless(cell))
            if el is None:
                out.extend([cell] if cell else [])
            elif not _mostly_links(el):
                out.extend(part for _, part in walk(el))
    return out


def _spaceless(text: str) -> str:
    """``text``'s key without spaces: a renderer may put spaces between elements the page runs together."""
    return "".join(text_key(text).split())


def _mostly_links(el: etree._Element) -> bool:
    """Half or more of the words under ``el`` stand in links."""
    words = len(text_of(el).split())
    linked = sum(len(text_of(a).split()) for a in el.iter("a"))
    return words > 0 and linked >= 0.5 * words


#: How an element says it holds the article's byline (class name, ``itemprop``, ``rel``).
_BYLINE = re.compile(r"byline|author|dateline|credit|writer|reporter", re.IGNORECASE)
#: A byline is a short line.
_BYLINE_WORDS = 15


def find_bylines(
    tree: etree._Element, found: list[etree._Element], numbers: dict[etree._Element, int]
) -> list[tuple[int, str]]:
    """The article's byline, between its ``<h1>`` and its first paragraph, numbered by page order.

    trafilatura drops them; they are kept so that the roles step can make them
    credits. A byline is the first element so marked by its class name,
    ``itemprop`` or ``rel`` ("byline", "author", ...) with a short text, not
    hidden; its parts are one line.
    """
    first = min(numbers[el] for el in found if el.tag != "h1") if any(el.tag != "h1" for el in found) else -1
    h1 = next((el for el in tree.iter("h1") if numbers[el] < first), None)
    if h1 is None:
        return []
    start = numbers[h1] + size(h1)
    for el in tree.iter():
        number = numbers.get(el, -1)
        if number <= start:
            continue
        if number >= first:
            break
        marks = " ".join(str(el.get(name) or "") for name in ("class", "itemprop", "rel"))
        if _BYLINE.search(marks) and not hidden_in(el):
            text = norm(" ".join(part for _, part in walk(el)))
            if 0 < len(text.split()) <= _BYLINE_WORDS:
                return [(number, text)]
    return []


#: The runs of text of a page's body that may be prose (over 40 characters, not a link's nor a script's).
_LONG_RUNS = etree.XPath(
    "//body//text()[string-length(normalize-space()) > 40][not(ancestor::a)][not(parent::script)]"
)
#: Elements within a paragraph, and the paragraph elements themselves: a run of text in them
#: counts for the element that holds the paragraph.
_WITHIN_PARAGRAPH = frozenset((
    "p", "span", "a", "b", "i", "em", "strong", "font", "small", "big", "u", "sup", "sub", "br", "h1",
    "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "abbr", "mark", "time", "label",
))
#: A run of text of fewer words is no sentence of prose.
_PROSE_RUN = 8


def prose_words(tree: etree._Element) -> int:
    """The words of the page's longest run of prose: the most held by one element.

    Each run of text of :data:`_PROSE_RUN` words or more, outside links,
    counts for the element that holds its paragraph (the parent of a ``<p>``,
    the ``<div>`` a ``<br>``-separated text stands in). One XPath query and
    one step per long run: a measure of what the article should keep, cheap
    beside a reading by trafilatura.
    """
    held: Counter[etree._Element] = Counter()
    runs = _LONG_RUNS(tree)
    for run in runs if isinstance(runs, list) else ():
        if not isinstance(run, etree._ElementUnicodeResult) or len(words := run.split()) < _PROSE_RUN:
            continue
        el = run.getparent()
        if el is not None and run.is_tail:
            el = el.getparent()
        while el is not None and el.tag in _WITHIN_PARAGRAPH:
            el = el.getparent()
        if el is not None:
            held[el] += len(words)
    return max(held.values(), default=0)
