"""Per-line classifiers: image ids (:mod:`normalize._image_ids`), credits, boilerplate, share lines.

Site taglines are scored in :mod:`normalize.taglines`.

Each function looks at ONE already-repaired line (stripped, NFC), is pure, and
answers ``None`` (or a low score) when the line is not of its kind; the roles
step adds context from neighbouring lines. All regular expressions are
precompiled and free of nested quantifiers, and every function first bounds the
length of the text it inspects, so the cost per line is linear at worst.

Generic vocabulary of each kind of line (English, Vietnamese, Chinese, Russian,
French, Spanish, German) lives in the tables at the top.
"""

from __future__ import annotations

import itertools
import re

from normalize._cache import per_line_cache
from normalize._image_ids import LETTER as _LETTER
from normalize._image_ids import image_id_rule
from normalize._text import CJK as _CJK
from normalize._text import alt as _alt
from normalize._text import ends_sentence as _ends_sentence
from normalize._text import words as _words
from normalize._vocabulary import (
    APP_PROMPT_VERBS as _APP_PROMPT_VERBS,
)
from normalize._vocabulary import (
    APP_WORDS as _APP_WORDS,
)
from normalize._vocabulary import (
    CREDIT_LABELS as _CREDIT_LABELS,
)
from normalize._vocabulary import (
    NAME_CONNECTORS as _NAME_CONNECTORS,
)
from normalize._vocabulary import (
    PHRASES as _PHRASES,
)
from normalize._vocabulary import (
    PREFIXES as _PREFIXES,
)
from normalize._vocabulary import (
    SOURCE_PREFIXES as _SOURCE_PREFIXES,
)

__all__ = ["NAME_LINE", "boilerplate_rule", "credit_rule", "image_id_rule", "section_header", "social_rule"]


_MAX_SHORT_LINE = 300
_SPACES = re.compile(r"\s+")
#: A line of one to five capitalised words: a name ("Nguyen Van An", "Anna K. Berg").
NAME_LINE = re.compile(r"^(?:[A-ZÀ-ÝĐ][\w.'’-]*\s+){1,4}[A-ZÀ-ÝĐ][\w.'’-]*$")


def _is_namelike(word: str) -> bool:
    """Capitalised (John, VnExpress, AFP), not a lower-case content word; caseless scripts pass."""
    first = word[0]
    return not (first.islower() or first.isdigit()) or word.casefold() in _NAME_CONNECTORS



_LABEL = re.compile(
    r"(?:^|(?<=[\s\-–—|(\[,;/·•]))(" + _alt(tuple(_CREDIT_LABELS)) + r")\s*(?:[:：]|/(?!\s*$))\s*",
    re.I,
)
_CJK_LABEL = re.compile(
    r"(?:^|(?<=[\s(（/|]))(本报记者|新华社记者|见习记者|责任编辑|实习编辑|图片来源|记者|编辑|责编|来源|作者|撰文|摄影|校对|"
    r"审核|审校|出品|监制|通讯员|翻译|编译|策划|统筹|设计|主编|文|图|摄)(?:\s*[:：/]\s*|\s+)"
)
_BY = re.compile(
    r"^(?:(written|writing|edited|editing|reported|reporting|additional reporting|compiled|translated|"
    r"photos?|photographs?|pictures?|images?|story|text|words|illustrations?|video|graphics?|interview|écrit|texte|"
    r"propos recueillis|escrito|fotos?|geschrieben|text und fotos|bài)\s+)?"
    r"(by|par|por|von|bởi|от)\s+(?=\S)",
    re.I,
)
_BY_RULES = (("photo", "photo"), ("pic", "photo"), ("imag", "photo"), ("foto", "photo"), ("edit", "editor"),
             ("compil", "source"), ("transl", "translator"))
_SOURCE_PREFIX = re.compile(r"^[(（\[]?\s*(" + _alt(_SOURCE_PREFIXES) + r")\s+(?=\S)", re.I)
# "(Reuters) -", "(AFP)": a parenthesised acronym, or a name followed by a dash
_AGENCY = re.compile(r"^\(\s*(?:[A-Z][\w.&' -]{1,30}\)\s*[-–—]|[A-Z]{2,8}\))$")
_CJK_BAD = re.compile(r"[，。！？；,]")
_CLOSING = re.compile(r"[)\]）]+\s*$")


def _names_ok(rest: str, *, strict: bool) -> bool:
    """``rest`` (what follows a credit keyword) reads as names/agency names."""
    rest = _CLOSING.sub("", rest).strip()
    words = _words(rest)
    if not words or len(words) > 12:
        return False
    if _ends_sentence(rest) and len(words) > 4 and not rest.endswith(")."):
        return False
    if strict:
        return all(_is_namelike(w) for w in words)
    # a label was explicit: tolerate lower-case words ("Nguồn: tổng hợp", "Ảnh: Facebook nhân vật")
    if len(words) <= 3 or (len(words) <= _LABELLED_MAX_WORDS and not _ends_sentence(rest)):
        return True
    content = [w for w in words if w.casefold() not in _NAME_CONNECTORS]
    return sum(_is_namelike(w) for w in content) * 2 >= len(content)


def _source_name(rest: str) -> bool:
    """``rest`` (what follows ``Theo``, ``via``...) names a source: a few words from a capital,
    no comma and no sentence ("Pháp luật & Bạn đọc", not "các chuyên gia, giá vàng sẽ tăng")."""
    rest = _CLOSING.sub("", rest).strip()
    words = _words(rest)
    if not 1 <= len(words) <= _SOURCE_MAX_WORDS or "," in rest or not _is_namelike(words[0]):
        return False
    return not _ends_sentence(rest) or len(words) <= 3


def _cjk_credit(text: str) -> str | None:
    matches = list(_CJK_LABEL.finditer(text))
    if not matches or matches[0].start() > 12 or len(text) > 60 or _CJK_BAD.search(text):
        return None
    leftover = _CJK_LABEL.sub(" ", text)
    if not leftover.strip() or len(leftover.replace(" ", "")) > 30:
        return None
    label = matches[0].group(1)
    if label in {"来源", "图片来源"}:
        return "source"
    if label in {"图", "摄", "摄影"}:
        return "photo"
    if "编辑" in label or label in {"责编", "主编", "校对", "审核", "审校"}:
        return "editor"
    return "reporter"


#: What follows an explicit credit label, at most (no sentence): "Ảnh: Facebook nhân vật, Sưu tầm".
_LABELLED_MAX_WORDS = 6
#: A source after ``Theo``/``via`` is at most this many words.
_SOURCE_MAX_WORDS = 5
_SPONSOR = re.compile(
    r"^(?:(?:sponsored|presented|paid for|brought to you|supported|powered)\s+by|"
    r"(?:paid|sponsored|partner)\s+(?:content|post)\s*(?:by|from|:))\s*(?=\S)",
    re.I,
)
# "Minh Anh tổng hợp", "Lan (tổng hợp)", "Thu Hà - biên dịch": a name, then that it was compiled
_COMPILED_AFTER = re.compile(
    r"^(?P<names>[^()]+?)\s*(?:[-–—(]\s*)?"
    r"(?:tổng hợp|biên dịch|lược dịch|dịch|compiled|translated)\s*\)?\.?$",
    re.I,
)
# "Thu Hà (theo Reuters)", "Ngọc Mon Theo Trí Thức Trẻ": a name, then its source
_SOURCE_AFTER = re.compile(
    r"^(?P<names>[^()]+?)\s*(?:\(\s*(?:theo|nguồn|via|source|from)\s*:?\s+(?P<inner>[^()]+)\)|"
    r"\s(?:Theo|Nguồn:?|Via|Source:)\s+(?P<source>[^()]+))\.?$"
)
# "Carlo Angerer reported from Munich; ...", "Jane Doe contributed reporting."
_REPORTED = re.compile(
    r"^(?:[A-ZÀ-ÝĐ][\w.'’-]*\s+){1,3}[A-ZÀ-ÝĐ][\w.'’-]*\s+"
    r"(?:reported from\s|contributed(?: reporting| to this (?:report|article|story))?\.?$)"
)


def credit_rule(text: str) -> str | None:
    """The rule name when the line is a byline or a credit line, else ``None``."""
    if not text or len(text) > _MAX_SHORT_LINE:
        return None
    words = _words(text)
    if len(words) > 15:
        return None
    if _CJK.search(text):
        rule = _cjk_credit(text)
        if rule is not None or not _LETTER.search(text):
            return rule
    if (sponsor := _SPONSOR.match(text)) is not None:
        return "sponsor" if _names_ok(text[sponsor.end() :], strict=False) else None
    by = _BY.match(text)
    if by is not None:
        if all(_names_ok(names, strict=True) for names in _by_names(text[by.end() :])):
            kind = (by.group(1) or "").casefold()
            return next((rule for stem, rule in _BY_RULES if kind.startswith(stem)), "byline")
        return None
    prefix = _SOURCE_PREFIX.match(text)
    if prefix is not None and len(words) <= 8:
        rest = text[prefix.end() :]
        return "source" if _names_ok(rest, strict=True) or _source_name(rest) else None
    if _AGENCY.match(text) and all(_is_namelike(w) for w in words):
        return "agency"
    return _labelled_credit(text) or _name_then_credit(text, words)


def _name_then_credit(text: str, words: tuple[str, ...]) -> str | None:
    """A name, then what it did or where the text came from: ``Minh Anh tổng hợp``,
    ``Ngọc Mon Theo Trí Thức Trẻ``, ``Thu Hà (theo Reuters)``, ``Jane Doe reported from Rome.``"""
    if _REPORTED.match(text) and len(words) <= 40:
        return "reporter"
    if len(words) > 12:
        return None
    if (compiled := _COMPILED_AFTER.match(text)) and _names_ok(compiled.group("names"), strict=True):
        return "source"
    after = _SOURCE_AFTER.match(text)
    if after is not None and _names_ok(after.group("names"), strict=True):
        return "source" if _source_name(after.group("inner") or after.group("source")) else None
    return None


def _by_names(rest: str) -> list[str]:
    """The names of ``By A; Editing by B``: each ``;`` part, without its own ``... by``."""
    parts = []
    for part in rest.split(";"):
        part = part.strip()
        by = _BY.match(part)
        parts.append(part[by.end() :] if by is not None else part)
    return parts


def _labelled_credit(text: str) -> str | None:
    if ":" not in text and "：" not in text and "/" not in text:
        return None  # every label is followed by one of these
    matches = [m for m in _LABEL.finditer(text) if not m.group(1)[0].islower() or m.start() == 0]
    if not matches:
        return None
    head = text[: matches[0].start()].strip(" -–—|(")
    if head and not _names_ok(head, strict=True):
        return None
    pieces = [text[m.end() : n.start()] for m, n in itertools.pairwise(matches)]
    pieces.append(text[matches[-1].end() :])
    for piece in pieces:
        piece = piece.strip(" -–—|(,;")
        if piece and (not _names_ok(piece, strict=False) or "!" in piece or "?" in piece):
            return None
    if not any(p.strip(" -–—|(),;") for p in pieces):
        return None
    return _CREDIT_LABELS[matches[0].group(1).casefold()]



_LEADING_PUNCT = re.compile(r"[\W_]+")
_COUNT = re.compile(r"\s*[(\[]?\d{1,6}[)\]]?$")
_PREFIX = re.compile(
    r"^[\W_]*(" + _alt(tuple(_PREFIXES)) + r")(?:\s*(?:[:：>»›→|]|[-–—](?=\s))\s*(.*)|\s+(.*)|\s*)$",
    re.I | re.S,
)
_COPYRIGHT = re.compile(
    r"^(?:©|&copy;|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|:|by)|bản quyền|版权|版權)", re.I
)
_RESERVED = re.compile(
    r"all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|"
    r"все права защищены|版权所有|版權所有|bảo lưu mọi quyền|giữ bản quyền|bản quyền thuộc về",
    re.I,
)
_SOCIAL = re.compile(
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|zalo|pinterest|reddit|email|e-mail|messenger|"
    r"viber|vk|weibo|wechat|微信|微博|qq|line|copy link|print)",
    re.I,
)
_TITLE_START = re.compile(r"^[\"“‘'«„(\[]?[^\W\d_]|^[\"“‘'«„(\[]?\d")


#: Words one of which every ``_RESERVED`` phrase holds, lower-cased, and the
#: letters that ``re.IGNORECASE`` matches to an ASCII letter though ``str.lower`` does not.
_RESERVED_HINTS = ("rights", "droits", "derechos", "rechte", "права", "所有", "quyền")
_FOLD_HAZARD = re.compile("[\u0130\u0131\u017f\u1e9b\ufb05\ufb06]")


def _may_be_reserved(text: str) -> bool:
    """A cheap necessary condition for ``_RESERVED.search(text)``."""
    lowered = text.lower()
    if any(hint in lowered for hint in _RESERVED_HINTS):
        return True
    return not text.isascii() and _FOLD_HAZARD.search(text) is not None


def _levenshtein_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance of two short words is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _word_close(word: str, target: str) -> bool:
    if word == target:
        return True
    limit = 2 if len(target) >= 8 else 1 if len(target) >= 5 else 0
    return limit > 0 and _levenshtein_at_most(word, target, limit)


#: The phrases by their number of words and first letter: a tolerant match keeps both.
_PHRASES_BY_START: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _rule in _PHRASES.items():
    _phrase_words = tuple(_phrase.split())
    _PHRASES_BY_START.setdefault((len(_phrase_words), _phrase[0]), []).append((_phrase_words, _rule))
_RELATED_NOUNS = ("articles", "article", "posts", "news", "stories", "links", "content", "topics", "videos")


def _phrase_rule(key: str) -> str | None:
    """Exact, then word-by-word tolerant, lookup of a whole-line phrase."""
    rule = _PHRASES.get(key)
    if rule is not None or len(key) > 50:
        return rule
    words = tuple(key.split())
    for phrase, rule in _PHRASES_BY_START.get((len(words), key[:1]), ()):
        if len(words) == 1 and len(phrase[0]) < 8:
            continue  # single short words ("share", "email") must be exact: "Emily" is a name
        if all(_word_close(w, p) for w, p in zip(words, phrase, strict=True)):
            return rule
    stem = len(words) == 2 and words[0].startswith("relat") and len(words[0]) <= 9
    if stem and any(_word_close(words[1], n) for n in _RELATED_NOUNS):
        return "related"
    return None


@per_line_cache
def section_header(text: str) -> str | None:
    """The phrase rule of a line that is nothing but a section's header (``Related Stories``,
    ``Most popular``, ``Comments (3)``), as :func:`boilerplate_rule` names it; else ``None``.

    ``Related: Storm hits the coast`` is a link, not a header: ``None``.
    """
    if not text or len(text) > 60:
        return None
    key = _key(text)
    return _phrase_rule(key) if key and len(key.split()) <= 6 else None


def _trim(text: str) -> str:
    r"""``text`` without leading and trailing punctuation/spaces (anchored matches only: linear).

    ``[\W_]`` is exactly ``not str.isalnum()`` (re's ``\w`` is ``isalnum()`` or
    ``_``): a text with a letter or digit at both ends is returned as it is.
    """
    if text[:1].isalnum() and text[-1:].isalnum():
        return text
    lead = _LEADING_PUNCT.match(text)
    text = text[lead.end() :] if lead else text
    trail = _LEADING_PUNCT.match(text[::-1])
    return text[: len(text) - trail.end()] if trail else text


def _key(text: str) -> str:
    trimmed = _trim(text.casefold())
    if trimmed[-1:].isdecimal() or trimmed[-1:] in ")]":  # else _COUNT cannot match
        trimmed = _trim(_COUNT.sub("", trimmed))
    # trimmed has no edge spaces: this is _SPACES.sub(" ", ...) (both use str.isspace); every
    # space but " " is unprintable, so a printable text without "  " is already so spaced
    if trimmed.isprintable() and "  " not in trimmed:
        return trimmed
    return " ".join(trimmed.split())


def _all_social(key: str) -> bool:
    """Whether every word of ``key`` names a network or a share button.

    ``key`` is a non-empty :func:`_key`, words between single spaces; most
    lines fail at their first word, and the others are not split further.
    """
    first, _, rest = key.partition(" ")
    return _SOCIAL.fullmatch(first) is not None and all(_SOCIAL.fullmatch(w) for w in rest.split())


#: An app prompt is at most this many words: "Download the X News app for breaking news".
_APP_PROMPT_MAX_WORDS = 14
_APP_PROMPT = re.compile(
    r"^[\W_]*(?:" + _alt(_APP_PROMPT_VERBS) + r")\s+(?:(?:the|our|this|free|new)\s+)?"
    r"(?:\S+\s+){0,4}?(?:" + _alt(_APP_WORDS) + r")(?!\w)",
    re.I,
)


def boilerplate_rule(text: str) -> str | None:
    """The rule name when the line is never article text (related, share, ads, ...)."""
    if not text or len(text) > _MAX_SHORT_LINE:
        return None
    words = _words(text)
    short = len(words) <= 30
    reserved = len(words) <= 20 and _may_be_reserved(text) and _RESERVED.search(text)
    if short and (_COPYRIGHT.match(text) or reserved):
        return "copyright"
    key = _key(text)
    if not key:
        return None
    rule = _phrase_rule(key) if len(words) <= 6 else None
    if rule is not None:
        return rule
    if len(words) >= 2 and _all_social(key):
        return "share"
    if len(words) <= _APP_PROMPT_MAX_WORDS and _APP_PROMPT.match(text):
        return "app-prompt"
    match = _PREFIX.match(text)
    if match is None:
        return None
    rule = _PREFIXES[_SPACES.sub(" ", match.group(1).casefold())]
    after_sep, after_space = match.group(2), match.group(3)
    if after_sep is None and after_space is None:
        return rule
    if rule in {"read-more", "related", "tags"} and after_sep is not None:
        return rule
    if after_space is not None and " " not in match.group(1).strip() and not _CJK.match(match.group(1)):
        return None  # "More people ...", "Related research ...", "Tags on ..." are sentences
    rest = (after_sep or after_space or "").strip()
    if len(words) > 15 or (_ends_sentence(rest) and rule not in {"click-here", "newsletter"}):
        return None
    if rule in {"read-more", "related"} and not _TITLE_START.match(rest):
        return None
    if rule == "read-more" and rest[:1].islower():
        return None
    return rule



# --- share and follow lines -------------------------------------------------------------------

_NETWORK = (
    r"facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp|pinterest|reddit|zalo"
    r"|weibo|wechat|微博|微信|vk|vkontakte|threads|messenger|rss"
)
_SHARE_VERB = (
    r"share|follow|like us|subscribe|join us|find us|connect with us|theo dõi|chia sẻ|kết nối"
    r"|suivez|partager|partagez|abonnez|síguenos|siga|compartir|compártelo|folgen sie|folgt|teilen"
    r"|подписывайтесь|поделиться|следите|关注|分享"
)
_NETWORKS = re.compile(rf"(?<![^\W_])(?:{_NETWORK}|e-?mail|print)(?![^\W_])", re.IGNORECASE)
_SHARES = re.compile(rf"(?<![^\W_])(?:{_SHARE_VERB})(?![^\W_])", re.IGNORECASE)
_SOCIAL_MAX_WORDS = 12


def social_rule(text: str) -> str | None:
    """``"share"`` for share and follow lines: ``Share: Facebook | Twitter``, ``Follow X on Facebook``.

    A short line naming a social network together with a share/follow word,
    or naming two networks or more (a row of share buttons).
    """
    if len(text) > 160 or len(text.split(None, _SOCIAL_MAX_WORDS)) > _SOCIAL_MAX_WORDS:
        return None  # (split no further than one word past the limit)
    networks = _NETWORKS.findall(text)
    if not networks:
        return None
    if len(networks) >= 2 or _SHARES.search(text):
        return "share"
    return None
