"""Site taglines and slogans: how much one line looks like one, in [0, 1].

``VnExpress - Tin nhanh Việt Nam``, ``Your daily news since 1998``, ``新闻网``:
a site's name (a brand: ``Name+``, a domain, an inner capital, capitals) and
the generic words of such lines (news, portal, online, ...; tables in
:mod:`normalize._vocabulary`). The score is pure and per line; the roles step
(:mod:`normalize.roles`) decides from the line's place whether a middling
score is enough.
"""

from __future__ import annotations

import itertools
import re

from normalize._image_ids import DIGIT as _DIGIT
from normalize._text import CJK as _CJK
from normalize._text import alt as _alt
from normalize._text import ends_sentence as _ends_sentence
from normalize._text import words as _words
from normalize._vocabulary import TAGLINE_STRONG as _TAGLINE_STRONG
from normalize._vocabulary import TAGLINE_WORDS as _TAGLINE_WORDS

__all__ = ["TAGLINE_EDGE", "TAGLINE_SURE", "tagline_score"]

_STRONG_RE = re.compile(r"(?<!\w)(?:" + _alt(_TAGLINE_STRONG) + r")(?!\w)")
_GENERIC_RE = re.compile(r"(?<!\w)(?:" + _alt(_TAGLINE_WORDS) + r")(?!\w)")
_CJK_STRONG = re.compile(r"门户|官方网站|官网|资讯网|新闻网|日报|晚报|周刊|网站")
_CJK_GENERIC = re.compile(r"资讯|新闻|杂志|媒体|平台|每日")
_SINCE = re.compile(r"(?<!\w)(?:since|est\.|founded|depuis|desde|seit|từ năm|с|创立于|始于)\s*\d{4}", re.I)
_BRAND_PLUS = re.compile(r"\w\+(?:\s|$)")
_DOMAIN = re.compile(
    r"(?<![\w@.])[\w-]+(?:\.[\w-]+)?\.(?:com|net|org|vn|fr|de|es|ru|cn|info|news|co|io|tv)\b", re.I
)
_ALLCAPS = re.compile(r"(?<!\w)[A-ZĐ]{2,}[A-Z0-9Đ]*(?!\w)")
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s[|]|[|]\s")


def _intercaps(word: str) -> bool:
    """A brand-like inner capital: VnExpress, TravelMag, НовостиРу (not McDonald-style only).

    Such a word holds a capital past its first letter (so ``word[1:]`` is not
    ``islower()``) and a lower-case letter (so ``word`` is not ``isupper()``):
    words failing either test (most words) are answered without the pairs.
    """
    if word[1:].islower() or word.isupper():
        return False
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _is_brand(text: str, words: tuple[str, ...]) -> bool:
    """A brand in the line: ``Name+``, a domain name or an inner capital.

    ``_BRAND_PLUS`` needs a ``+`` and ``_DOMAIN`` a ``.``: a line without
    them is not searched.
    """
    return bool(
        ("+" in text and _BRAND_PLUS.search(text))
        or ("." in text and _DOMAIN.search(text))
        or any(map(_intercaps, words))
    )


#: A line whose tagline score reaches this is a tagline wherever it stands...
TAGLINE_SURE = 0.7
#: ... and reaching this, when it stands at an edge or beside other boilerplate
#: (:mod:`normalize.roles`); such a line is never cut in two (:mod:`normalize.mixed`).
TAGLINE_EDGE = 0.45


def tagline_score(text: str) -> float:
    """How much the line looks like a site tagline/slogan, in [0, 1]."""
    if not text or len(text) > 200 or (_ends_sentence(text) and not text.endswith("...")):
        return 0.0
    words = _words(text)
    cjk = bool(_CJK.search(text))
    if (len(words) > 20 and not cjk) or (cjk and len(text) > 40):
        return 0.0
    folded = text.casefold()
    score = 0.15
    strong = bool(_STRONG_RE.search(folded) or (cjk and _CJK_STRONG.search(text)))
    generic = len(set(_GENERIC_RE.findall(folded)))
    if cjk:
        generic += len(set(_CJK_GENERIC.findall(text)))
    if _DIGIT.search(text) and _SINCE.search(text):  # "since 1998" holds a digit
        generic += 1
    if strong:
        score += 0.6
    elif generic:
        score += 0.3
    if generic >= 2 or (strong and generic):
        score += 0.15
    brand = _is_brand(text, words)
    if brand:
        score += 0.3
    elif _ALLCAPS.search(text):
        score += 0.15
    if (brand or strong or generic) and _SEPARATOR.search(text):
        score += 0.1
    if len(words) > 14:
        score *= 0.5
    if not (strong or generic):
        score = min(score, 0.25)
    elif generic == 1 and not strong and score < 0.5:
        # one word such as "online" or "information" and no name, capitals or separator:
        # a headline as often as a slogan ("Last summer, 9,300 students attended online
        # classes"), so not enough alone, even at the edge of the text
        score = min(score, _ONE_GENERIC_WORD)
    return round(min(score, 1.0), 3)


#: The most a line scores on one generic word alone: under :data:`TAGLINE_EDGE`.
_ONE_GENERIC_WORD = 0.4
