"""How likely two lines are translations of each other: a score in [0, 1].

Three kinds of evidence, each in [0, 1], averaged with weights; a kind that
neither line shows (no numbers, no names) does not count:

- length: the length ratio against the ratio expected for the two languages
  (characters per English character, by language, as Bicleaner's hard rules
  do per script, but letters such as Vietnamese ``Ã`` are never "bad");
- numbers: the numbers of both lines agree, dates written either way
  (``5/10`` and ``October 5th``) included;
- names: the capitalised names and acronyms of both lines agree (Cyrillic
  is transliterated first, so ``Шипенко`` meets ``Shipenko``);
- cognates: the lines share word stems (``información`` and ``information``),
  counted only when they do: unrelated lines almost never share one.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from normalize._cache import CACHE_SIZE
from normalize._scripts import (
    CHARS_PER_ENGLISH_CHAR,
    CYRILLIC,
    NO_LATIN_NAMES,
    beyond_ascii,
    has_letter_beyond_ascii,
)

_ONE_SIDED_NUMBERS = 0.6  # several numbers on one side only: evidence against
LENGTH_FLOOR = 0.1  # below this, the lengths alone nearly rule a pair out
_LENGTH_SIGMA = 0.22  # spread of log(ratio) for true translations (measured: 0.12 to 0.17)
_WEIGHTS = {"length": 1.0, "numbers": 1.2, "names": 1.0, "cognates": 1.0}
#: Shared word stems this share of the words (Dice) count as full evidence.
_COGNATE_FULL = 0.15

_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*(?:[.,]\d+)?")
_DIGITS = re.compile(r"\d+")
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")
#: :data:`_LONG_WORD` for lower-cased text whose letters are ``a``..``z``: faster.
_LOWER_ASCII_LONG_WORD = re.compile("[a-z]{5,}")
_ORDINAL_OR_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?")
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
#: A :data:`_TOKEN` that may be a name: from a letter other than ``a``..``z`` that no
#: token goes on through (no letter or digit before it, nor one and a joining mark; the
#: letter comes first so that a search skips to it quickly, the look-behinds step over it).
_NAME_TOKEN = re.compile(r"[^\W\d_a-z](?<![^\W_].)(?<![^\W_]['’.-].)[^\W_]*(?:['’.-][^\W_]+)*")
#: What starts a sentence again when it stands in the two characters before a word.
_SENTENCE_MARK = re.compile('[.!?:"“«]')
_DIGIT = re.compile(r"\d")
#: Full-width digits, and a full-width comma or stop between digits.
_WIDE = re.compile("[\uff10-\uff19]+|(?<=\\d)[\uff0c\uff0e](?=\\d)")
#: Characters per English character under which a language is written densely.
_DENSE = 0.6
_ASCII = re.compile("[\x00-\x7f]")
_CJK_MONTH = re.compile(r"(\d{1,2})\s*月")
_MONTHS = {
    # English, French, Spanish, German, Italian, Portuguese: stems of 3+ letters
    "jan": 1,
    "janv": 1,
    "ene": 1,
    "gen": 1,
    "feb": 2,
    "fév": 2,
    "fev": 2,
    "febr": 2,
    "mar": 3,
    "mär": 3,
    "apr": 4,
    "avr": 4,
    "abr": 4,
    "may": 5,
    "mai": 5,
    "mayo": 5,
    "mag": 5,
    "jun": 6,
    "juin": 6,
    "giu": 6,
    "jul": 7,
    "juil": 7,
    "lug": 7,
    "aug": 8,
    "aoû": 8,
    "ago": 8,
    "sep": 9,
    "set": 9,
    "oct": 10,
    "okt": 10,
    "ott": 10,
    "out": 10,
    "nov": 11,
    "dec": 12,
    "déc": 12,
    "dic": 12,
    "dez": 12,
    # Russian (genitive stems)
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "мая": 5,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}
_MONTH_WORD = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|январ[яеь]|феврал[яеь]|марта?е?|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|август[ае]?"
    r"|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?",
    re.IGNORECASE,
)
#: :data:`_MONTH_WORD` without ``IGNORECASE``, for lower-cased text: several times faster;
#: after ``\b``, a look-ahead for the months' first letters turns most words away at once.
_MONTH_WORD_LOWER = re.compile(
    r"\b(?=[" + "".join(sorted({alt[0] for alt in _MONTH_WORD.pattern[3:].split("|")})) + "])"
    + _MONTH_WORD.pattern[2:]
)
_VI_NUMBERS = {
    "giêng": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
}
_VI_MONTH = re.compile(
    r"tháng\s+(mười một|mười hai|" + "|".join(_VI_NUMBERS) + r")(?![^\W\d_])", re.IGNORECASE
)
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)


@lru_cache(maxsize=CACHE_SIZE)
def pair_score(src: str, src_lang: str, tgt: str, tgt_lang: str) -> float:
    """Score in [0, 1] that ``tgt`` translates ``src`` (rounded to 4 places).

    Cached: the aligner asks of a caption and the line beside it twice, and :mod:`normalize.mixed`
    has asked of the two halves of a cut line already.
    """
    evidence = {"length": length_agreement(src, src_lang, tgt, tgt_lang)}
    numbers = _agreement(numbers_of(src), numbers_of(tgt))
    if numbers is not None:
        evidence["numbers"] = numbers
    names = _names_agreement(src, tgt)
    if names is not None:
        evidence["names"] = names
    cognates = _agreement(stems_of(src), stems_of(tgt))
    if cognates:  # shared stems (información/information): counted only when present
        evidence["cognates"] = min(1.0, cognates / _COGNATE_FULL)
    total = sum(_WEIGHTS[kind] for kind in evidence)
    score = sum(_WEIGHTS[kind] * value for kind, value in evidence.items()) / total
    if evidence.get("numbers") == 0.0:
        src_numbers, tgt_numbers = numbers_of(src), numbers_of(tgt)
        if src_numbers and tgt_numbers:
            score *= 0.5  # both sides give numbers, and none agree
        elif len(src_numbers | tgt_numbers) >= 2:
            score *= _ONE_SIDED_NUMBERS  # several numbers, all on one side
    if evidence["length"] < LENGTH_FLOOR:
        score *= 0.5  # translations are seldom this far from the expected length
    # Missing evidence of one kind on a long pair is itself weak evidence against it.
    if len(evidence) == 1 and min(len(src), len(tgt)) > 120:
        score *= 0.9
    return round(score, 4)


def _names_agreement(src: str, tgt: str) -> float | None:
    """How well the names agree; ``None`` when there are none to compare.

    Between two Latin (or Cyrillic) lines, the overlap of their names. A line in
    a script without Latin names (Chinese, ...) can only show the Latin names it
    keeps ("FDA", "Bánh Mì Kem"): those must be found in the other line.
    """
    src_other = NO_LATIN_NAMES.search(beyond_ascii(src)) is not None
    tgt_other = NO_LATIN_NAMES.search(beyond_ascii(tgt)) is not None
    if not src_other and not tgt_other:
        return _agreement(names_of(src), names_of(tgt))
    if src_other and tgt_other:
        return None
    kept, other = (names_of(src), names_of(tgt)) if src_other else (names_of(tgt), names_of(src))
    return len(kept & other) / len(kept) if kept else None


def length_agreement(src: str, src_lang: str, tgt: str, tgt_lang: str) -> float:
    """1 when the lengths are in the expected ratio, falling off in log space."""
    src_ratio = CHARS_PER_ENGLISH_CHAR.get(src_lang, 1.0)
    tgt_ratio = CHARS_PER_ENGLISH_CHAR.get(tgt_lang, 1.0)
    expected = src_ratio / tgt_ratio
    actual = (_length(src, src_ratio) + 8 * expected) / (_length(tgt, tgt_ratio) + 8)  # short lines vary more
    deviation = math.log(actual / expected) / _LENGTH_SIGMA
    return math.exp(-0.5 * deviation * deviation)


def _length(text: str, ratio: float) -> float:
    """The length of ``text`` in its language's characters.

    A language written densely (Chinese, ...) keeps Latin names, numbers and marks
    as English writes them (``NHK``, ``70000``, ``* ``): those count at its ratio.
    """
    if ratio >= _DENSE or text.isascii():
        return len(text)
    kept = len(_ASCII.sub("", text))
    return len(text) - (len(text) - kept) * (1.0 - ratio)


@lru_cache(maxsize=CACHE_SIZE)
def numbers_of(text: str) -> frozenset[str]:
    """The numbers of ``text``, with month names and d/m dates read as numbers."""
    found: set[str] = set()
    if _WIDE.search(text) is not None:  # "１，５９６" is "1,596"
        text = _WIDE.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    if _DIGIT.search(text) is not None:
        _add_digit_numbers(text, found)
    lowered = text.lower()
    for match in _MONTH_WORD_LOWER.finditer(lowered):
        word = match.group(1)
        month = _MONTHS.get(word[:4]) or _MONTHS.get(word[:3])
        if month:
            found.add(str(month))
    if "tháng" in lowered:
        for match in _VI_MONTH.finditer(text):
            found.add(str(_VI_NUMBERS[match.group(1).lower()]))
    return frozenset(found)


def _add_digit_numbers(text: str, found: set[str]) -> None:
    """Add the numbers written in digits (d/m dates and ``12月`` as their numbers) to ``found``.

    A number with a scale word is the number it makes: ``6万`` and ``60,000``,
    ``2000万`` and ``20 million``, ``1.5亿`` and ``150 million`` agree.
    """
    if _SCALED.search(text) is not None:
        text = _SCALED.sub(_expand_scaled, text)
    for match in _ORDINAL_OR_DATE.finditer(text):
        found.update(str(int(group)) for group in match.groups() if group)
    for number in _NUMBER.findall(text):
        if "," not in number and "." not in number:  # digits only
            found.add(str(int(number)))
            continue
        digits = "".join(_DIGITS.findall(number))
        if len(digits) <= 2:
            found.add(str(int(number.replace(",", "").replace(".", "") or 0)))
        else:
            found.add(digits.lstrip("0") or "0")
    if "月" in text:
        found.update(str(int(m)) for m in _CJK_MONTH.findall(text))


#: A number in digits and the scale word after it (``6万``, ``20 million``, ``1,5 Milliarden``).
_SCALED = re.compile(
    r"(\d+(?:[.,]\d+)*)\s*(?:(?P<cjk>[万萬亿億])"
    r"|(?P<million>million(?:s|en)?|millones|milioni|milhões|triệu)\b"
    r"|(?P<billion>billions?|milliard(?:s|en)?|miliardi|tỷ)\b)",
    re.IGNORECASE,
)
_CJK_SCALES = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def _expand_scaled(match: re.Match[str]) -> str:
    """The digits of the number ``match`` (:data:`_SCALED`) makes."""
    digits = match.group(1)
    if _THOUSANDS.fullmatch(digits):  # "60,000 million", "1.200 Millionen"
        digits = digits.replace(",", "").replace(".", "")
    cjk = match.group("cjk")
    scale = _CJK_SCALES[cjk] if cjk else 10**6 if match.group("million") else 10**9
    try:
        return str(round(float(digits.replace(",", ".")) * scale))
    except ValueError:  # "1.2.3 million": not one number
        return match.group()


@lru_cache(maxsize=CACHE_SIZE)
def names_of(text: str) -> frozenset[str]:
    """Capitalised words (not first of a sentence) and acronyms, in Latin letters."""
    names: set[str] = set()
    first = _TOKEN.search(text)
    for match in _NAME_TOKEN.finditer(text):
        name = _name_form(match.group())
        if name is None:
            continue
        key, acronym = name
        if acronym:
            names.add(key)
            continue
        # a sentence starts at the first word and after a full stop, colon or quote
        start = match.start()
        sentence_start = first is None or start == first.start()
        if not sentence_start and _SENTENCE_MARK.search(text, max(0, start - 2), start) is None:
            names.add(key)
    return frozenset(names)


@lru_cache(maxsize=1 << 14)
def _name_form(token: str) -> tuple[str, bool] | None:
    """What a capitalised token gives :func:`names_of`: its first five letters in Latin, lower-cased,
    and whether it is an acronym (a name even first in a sentence); ``None`` for no name.

    Cached: names come back line after line, a caption's in its translation.
    """
    if not token[0].isupper() and not CYRILLIC.match(token):
        return None  # lower case: no name (a Cyrillic letter may become a capital)
    latin = _latin(token)
    if len(latin) < 2 or not latin[0].isupper() or _MONTH_WORD.fullmatch(token):
        return None
    return latin.lower()[:5], latin.isupper()


@lru_cache(maxsize=CACHE_SIZE)
def stems_of(text: str) -> frozenset[str]:
    """First four letters of the words of five letters or more, without accents, in Latin letters."""
    if text.isascii() or not has_letter_beyond_ascii(text):  # then its letters are a..z once lower-cased
        return frozenset(word[:4] for word in _LOWER_ASCII_LONG_WORD.findall(text.lower()))
    return frozenset(map(_stem, _LONG_WORD.findall(text)))


@lru_cache(maxsize=1 << 14)
def _stem(word: str) -> str:
    """A word's first four letters without accents, in Latin letters (cached: words come back)."""
    if word.isascii():  # nothing to transliterate or take apart
        return word.lower()[:4]
    word = unicodedata.normalize("NFKD", _latin(word).lower())
    return "".join(ch for ch in word if not unicodedata.combining(ch))[:4]


def _latin(token: str) -> str:
    if token.isascii() or CYRILLIC.search(token) is None:
        return token
    out = []
    for ch in token:
        low = ch.lower()
        mapped = _CYRILLIC.get(low, ch)
        out.append(mapped.capitalize() if ch != low else mapped)
    return unicodedata.normalize("NFC", "".join(out))


def _agreement(left: frozenset[str], right: frozenset[str]) -> float | None:
    """Overlap of two sets (Dice), or ``None`` when both are empty."""
    if not left and not right:
        return None
    return 2 * len(left & right) / (len(left) + len(right))
