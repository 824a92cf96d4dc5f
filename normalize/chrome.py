"""Page chrome in whole-page text dumps: menus, link rows, headline lists, comment threads.

A scraper that saves a whole page as text keeps what surrounds the article:
the menu above it, tags and related headlines below it, the comment thread.
As jusText does, each main-language body line is first classified alone
(:func:`line_class`: its length, its share of stop words from the ``justext``
package's lists, its share of characters inside markdown links), then the
unclear ones are revised from where they stand (:func:`mark_chrome`):

- a run of chrome-like short lines above the first paragraph, or below the last one,
  is boilerplate when it holds two such lines (a few capitalised words and
  no sentence end: a menu's ``World News``), or a link-like line beside
  other boilerplate;
  the last line above the first paragraph that is not link-like (the
  headline's place) stays;
- three or more headline-like lines below the last sentence of the text,
  with nothing else after them, are a list of related headlines;
- a short line between two paragraphs stays, unless it is one of five or more
  chrome-like lines in a row (a menu); a short closing sentence below the last
  paragraph keeps the lines above it in the article.

Nothing is removed from a document that has no paragraph: lists of short lines
(lessons, captions) are articles too. Lines in another language are left to
the pairing step. :func:`mark_comments` removes a comment thread: its header
(``12 Comments``, ``Leave a Reply``) and everything after it, when it stands
below most of the text or above reply buttons. :func:`mark_page_end` removes
the page's end: a related-stories header below the article and what follows it,
when that is teasers and footers rather than more of the article.
:func:`mark_above_headline` removes the page's header between a title line and
the same title met again (a page's ``<title>`` above its ``<h1>``).
"""

from __future__ import annotations

import itertools
import re
from enum import Enum
from functools import lru_cache

from normalize._cache import CACHE_SIZE, CACHED_LINE_MAX, per_line_cache
from normalize._text import ends_sentence
from normalize._vocabulary import COMMENT_NOUNS, REPLY_PHRASES
from normalize.document import Document, Line, Role
from normalize.lines import line_key
from normalize.patterns import NAME_LINE, section_header

#: Under this many characters (a CJK character counting for three) a line is short.
LENGTH_LOW = 70
#: A long line whose share of stop words reaches this is a paragraph.
STOPWORDS_LOW = 0.2
#: A line with more of its characters inside markdown links than this is link-like.
MAX_LINK_DENSITY = 0.2
#: At most this many words, all capitalised, in a chrome-like line (``World News``).
CHROME_MAX_WORDS = 4
#: A headline of a related-headlines list has at least this many words.
HEADLINE_MIN_WORDS = 6
#: ... and such a list holds at least this many.
HEADLINE_LIST_MIN = 3
#: A comment header with more text below it than above starts a thread only with this many
#: reply buttons below it.
REPLY_BUTTONS_MIN = 2
#: Below a related-stories header, sentences make under this share of the text at the page's end.
END_SENTENCE_SHARE = 0.5
#: ... and no run of this many sentence paragraphs stands below it.
PARAGRAPH_RUN = 3
#: A short line of this many words that ends a sentence, below the last paragraph, is still the article.
SENTENCE_MIN_WORDS = 5
#: This many chrome-like lines in a row (``World``, ``Business``, ``Health``, ...) are a menu.
MENU_RUN = 5
#: ISO 639-1 codes to the names of the ``justext`` stop-word lists.
JUSTEXT_LANGUAGES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "sv": "Swedish", "sw": "Swahili", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_MARKDOWN_LINK = re.compile(r"!?\[([^\[\]]{0,300})\]\((?:[^()\s]{1,2000})\)")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_MENU_SEPARATORS = re.compile(r"\s[|·•»›/]\s")
_SENTENCE_END = re.compile(r"[.!?…。！？:;\"”»)]$")
_LIST_ITEM = re.compile(r"^(?:[-*+•–—·#]|\d{1,3}[.)]\s)")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_NO_COMMENTS = re.compile(r"^\D*0+\D*$")
_COUNTED_HEADER = re.compile(r"^[(\[]?(\d{1,6})[)\]]?\s+(\S.{0,30}?)\s*[:.]?$")


class LineClass(str, Enum):
    """What a line looks like alone."""

    PARAGRAPH = "paragraph"
    CHROME = "chrome"
    LINK = "link"
    SHORT = "short"
    OTHER = "other"


@lru_cache(maxsize=64)
def stop_words(lang: str | None) -> frozenset[str]:
    """The ``justext`` stop words of a language (empty for a language it has no list for)."""
    name = JUSTEXT_LANGUAGES.get(lang or "")
    if name is None:
        return frozenset()
    import justext

    return frozenset(word.casefold() for word in justext.get_stoplist(name))


def weighted_length(text: str) -> int:
    """The line's length, a CJK character counting for three (they hold a word each)."""
    return len(text) + 2 * len(_WIDE.findall(text)) if not text.isascii() else len(text)


def link_density(text: str) -> float:
    """The share of the line's characters that are inside markdown links ``[text](url)``."""
    if "](" not in text:
        return 0.0
    linked = sum(len(match.group(0)) for match in _MARKDOWN_LINK.finditer(text))
    return linked / len(text)


def line_class(text: str, lang: str | None) -> LineClass:
    """The class of a line alone, as jusText gives a block its class before the revision.

    Answers for short lines are cached (menus repeat across a site's pages); paragraphs are not.
    """
    return _cached_line_class(text, lang) if len(text) <= CACHED_LINE_MAX else _line_class(text, lang)


@lru_cache(maxsize=CACHE_SIZE)
def _cached_line_class(text: str, lang: str | None) -> LineClass:
    return _line_class(text, lang)


def _line_class(text: str, lang: str | None) -> LineClass:
    if link_density(text) > MAX_LINK_DENSITY or _URL.match(text):
        return LineClass.LINK
    stops = stop_words(lang)
    words = _WORD.findall(text)
    density = sum(word.casefold() in stops for word in words) / len(words) if words and stops else None
    if weighted_length(text) >= LENGTH_LOW:
        return LineClass.PARAGRAPH if density is None or density >= STOPWORDS_LOW else LineClass.OTHER
    if _MENU_SEPARATORS.search(text) and not _SENTENCE_END.search(text):
        return LineClass.CHROME
    few = 0 < len(words) <= CHROME_MAX_WORDS and not any(word[0].islower() for word in words)
    return LineClass.CHROME if few and not _SENTENCE_END.search(text) else LineClass.SHORT


@per_line_cache
def is_headline_like(text: str) -> bool:
    """Six to twenty-five words, no sentence end, no list marker: the look of a linked headline."""
    words = len(text.split(None, 25))
    return HEADLINE_MIN_WORDS <= words <= 25 and not _SENTENCE_END.search(text) and not _LIST_ITEM.match(text)


def mark_chrome(doc: Document) -> None:
    """Mark the page chrome above the first and below the last paragraph (see the module)."""
    candidates = [line for line in doc.lines if _is_candidate(line, doc.lang) or line.removed]
    classes = [None if line.removed else line_class(line.text, line.lang) for line in candidates]
    paragraphs = [index for index, cls in enumerate(classes) if cls is LineClass.PARAGRAPH]
    if not paragraphs:
        return
    first, last = paragraphs[0], paragraphs[-1]
    _mark_edge(candidates[:first], classes[:first], top=True)
    end = _last_sentence(candidates, classes, last)
    _mark_edge(candidates[end + 1 :], classes[end + 1 :], top=False)
    ends = [index for index in paragraphs if not is_headline_like(candidates[index].text)]
    if ends and not _translated_below(doc, candidates[ends[-1]]):
        _mark_headline_list(candidates[ends[-1] + 1 :])
    for index in range(first, last):
        if classes[index] is LineClass.LINK:
            candidates[index].set_role(Role.BOILERPLATE, "chrome-link")
    _mark_menus(candidates[first:last], classes[first:last])


def _mark_menus(lines: list[Line], classes: list[LineClass | None]) -> None:
    """A run of :data:`MENU_RUN` or more chrome-like lines between paragraphs is a menu.

    Lines already removed (``None``) neither end the run nor count in it; a table's rows
    (``| 1 | Oslo | 709 |``) end it.
    """
    left = [(line, cls) for line, cls in zip(lines, classes, strict=True) if cls is not None]
    for is_item, group in itertools.groupby(left, key=lambda pair: _is_menu_item(*pair)):
        run = [line for line, _ in group]
        if is_item and len(run) >= MENU_RUN:
            for item in run:
                item.set_role(Role.BOILERPLATE, "menu")


def _is_menu_item(line: Line, cls: LineClass) -> bool:
    return cls is LineClass.CHROME and not _TABLE_ROW.match(line.text)


def _last_sentence(lines: list[Line], classes: list[LineClass | None], last: int) -> int:
    """The last line at or below paragraph ``last`` that is a sentence of some words: a short
    closing sentence (``Tickets are sold on board.``) keeps the list above it in the article."""
    for index in range(len(lines) - 1, last, -1):
        text = lines[index].text
        short = classes[index] is LineClass.SHORT
        if short and ends_sentence(text) and len(text.split()) >= SENTENCE_MIN_WORDS:
            return index
    return last


def _translated_below(doc: Document, last: Line) -> bool:
    """Whether lines in another language stand below ``last``: translations, not a list of
    related headlines (a page lists those in its own language)."""
    at = next(index for index, line in enumerate(doc.lines) if line is last)
    below = doc.lines[at + 1 :]
    return any(line.role is Role.BODY and line.lang not in (None, doc.lang) for line in below)


def _is_candidate(line: Line, main: str | None) -> bool:
    return line.role is Role.BODY and (line.lang is None or line.lang == main)


def _mark_edge(lines: list[Line], classes: list[LineClass | None], *, top: bool) -> None:
    """A run of chrome at the top or bottom of the page: its chrome-like lines go.

    ``classes`` is ``None`` for a line already removed (boilerplate bordering the run).
    """
    kept = [(line, cls) for line, cls in zip(lines, classes, strict=True) if cls is not None]
    if top:  # the headline's place: the last line above the first paragraph that is not a link
        is_link = [cls is LineClass.LINK for _, cls in kept]
        headline = next((index for index in reversed(range(len(kept))) if not is_link[index]), None)
        if headline is not None:
            del kept[headline]
    chrome = [line for line, cls in kept if cls in (LineClass.LINK, LineClass.CHROME)]
    if not top and lines and NAME_LINE.match(lines[0].text) and len(lines[0].text) <= 40:
        chrome = [line for line in chrome if line is not lines[0]]  # the author's name, under the text
    borders = len(kept) < len(lines)
    links = [line for line, cls in kept if cls is LineClass.LINK]
    if len(chrome) >= 2 or (links and borders):
        for line in chrome:
            line.set_role(Role.BOILERPLATE, "chrome")


def _mark_headline_list(lines: list[Line]) -> None:
    """Three or more headline-like lines, and nothing else, below the last sentence are related headlines.

    ``lines`` are the candidates below the last paragraph that is not itself headline-like.
    """
    body = [line for line in lines if line.role is Role.BODY]
    if len(body) >= HEADLINE_LIST_MIN and all(is_headline_like(line.text) for line in body):
        for line in body:
            line.set_role(Role.BOILERPLATE, "related-headlines")


@per_line_cache
def is_comments_header(text: str) -> bool:
    """``12 Comments``, ``3 Kommentare``, ``(5) bình luận``: a count and a comment noun."""
    match = _COUNTED_HEADER.match(text)
    return match is not None and match.group(2).casefold() in COMMENT_NOUNS


def mark_comments(doc: Document) -> None:
    """A comment thread: its header, after some text, and every line after it are boilerplate.

    A header is also a share button or a menu item (``Comments`` beside ``Share``
    above the article), so it starts a thread only when the text above it is
    longer than the text below, or when the lines below hold reply buttons
    (:data:`REPLY_BUTTONS_MIN`); a header that counts no comment (``0 Comments``)
    starts none.
    """
    seen_text = False
    for index, line in enumerate(doc.lines):
        header = line.rule == "comments" or (line.role is Role.BODY and is_comments_header(line.text))
        starts = header and seen_text and not _NO_COMMENTS.match(line.text)
        if starts and _is_thread(doc.lines[:index], doc.lines[index + 1 :]):
            for after in doc.lines[index:]:
                if after.role is not Role.TITLE:
                    after.set_role(Role.BOILERPLATE, "comments")
            return
        if header and line.role is Role.BODY:
            line.set_role(Role.BOILERPLATE, "comments")  # a comment button or count, not a thread
        seen_text = seen_text or (
            line.role is Role.BODY and line_class(line.text, line.lang) is LineClass.PARAGRAPH
        )


def _is_thread(above: list[Line], below: list[Line]) -> bool:
    def text_length(lines: list[Line]) -> int:
        return sum(len(line.text) for line in lines if line.role in (Role.BODY, Role.HEADING))

    return text_length(above) >= text_length(below) or _reply_buttons(below) >= REPLY_BUTTONS_MIN


def _reply_buttons(lines: list[Line]) -> int:
    """Lines that are a comment's reply button (``Reply``, ``Antworten``): a thread has one per comment."""
    return sum(
        1 for line in lines if len(line.text) <= 40 and line.text.strip(" .:»›→•").casefold() in REPLY_PHRASES
    )


def mark_page_end(doc: Document) -> None:
    """The page's end: a related-stories header (``More stories``, ``Most popular``) below the text,
    and every body line after it, are boilerplate when what follows is not the article going on.

    A page lists related stories inside an article too, so the header ends it only
    when the sentences below it are fewer than those above it and make under
    :data:`END_SENTENCE_SHARE` of the text below (teasers, menus, footers are short
    or headline-like), no :data:`PARAGRAPH_RUN` of them stand together there (the
    article going on), and no line below is in another language (translations).
    """
    sentences = _sentence_lengths(doc.lines)
    for index, line in enumerate(doc.lines):
        if section_header(line.text) == "related" and _is_page_end(doc, index, sentences):
            for after in doc.lines[index:]:
                if after.role in (Role.BODY, Role.HEADING):
                    after.set_role(Role.BOILERPLATE, "page-end")
            return


def _is_page_end(doc: Document, header: int, sentences: list[int]) -> bool:
    """``sentences``: each line's length when it is a sentence (:func:`_sentence_lengths`), else 0."""
    below = doc.lines[header + 1 :]
    if any(line.role is Role.BODY and line.lang not in (None, doc.lang) for line in below):
        return False
    sentences_below = sum(sentences[header + 1 :])
    text_below = sum(len(line.text) for line in below)
    if sentences_below >= sum(sentences[:header]) or sentences_below >= END_SENTENCE_SHARE * text_below:
        return False  # (a header above every sentence fails here too)
    run = 0
    for length in sentences[header + 1 :]:
        run = run + 1 if length else 0
        if run >= PARAGRAPH_RUN:
            return False  # the article goes on below a box of links
    return True


def _sentence_lengths(lines: list[Line]) -> list[int]:
    """Each line's length when it reads as article text (:func:`_is_sentence`), else 0."""
    return [len(line.text) if _is_sentence(line) else 0 for line in lines]


def _is_sentence(line: Line) -> bool:
    """A body line that reads as article text: a paragraph that ends a sentence, not a headline."""
    return (
        line.role in (Role.BODY, Role.HEADING)
        and line_class(line.text, line.lang) is LineClass.PARAGRAPH
        and ends_sentence(line.text)
        and not is_headline_like(line.text)
    )


def mark_above_headline(doc: Document) -> None:
    """The page's header: what stands between the title line and the title met again below
    it (the page's ``<title>``, then menus and teasers, then the headline) is boilerplate,
    when more of the article's sentences follow the headline than stand above it; the
    headline itself, already the title, leaves the text too."""
    title = next(doc.with_role(Role.TITLE), None)
    if title is None or doc.title is None:
        return
    key = line_key(doc.title)
    start = doc.lines.index(title)
    repeat = next(
        (index for index in range(start + 1, len(doc.lines)) if line_key(doc.lines[index].text) == key), None
    )
    if repeat is None:
        return
    between, below = doc.lines[start + 1 : repeat], doc.lines[repeat + 1 :]
    if sum(_sentence_lengths(between)) >= sum(_sentence_lengths(below)):
        return
    for line in between:
        if line.role in (Role.BODY, Role.HEADING) and line.lang in (None, doc.lang):
            line.set_role(Role.BOILERPLATE, "above-headline")
    if doc.lines[repeat].role in (Role.BODY, Role.HEADING):
        doc.lines[repeat].set_role(Role.BOILERPLATE, "title-repeat")
