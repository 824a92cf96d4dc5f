"""Detect each line's language, with the document's own languages as context.

Three passes, in the manner of jusText (classify each line alone, then revise
the unclear ones from the document):

1. Each line alone (:func:`guess_line`): a line with no letters gets no
   language; a script or alphabet that settles the question settles it
   (Vietnamese letters, Han, kana, Hangul...); otherwise seeded langdetect.
2. The document's main language is the one holding most letters, and its
   languages are those that hold a fair share of them.
3. Unclear lines (low confidence, or a language the document does not use)
   are asked again with langdetect restricted to the document's languages;
   a line still unclear gets ``None``, never a guess.

A line that holds two languages (a caption and its translation on one line)
is split in two by the next step, :mod:`normalize.mixed`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from langdetect.detector_factory import DetectorFactory, init_factory
from langdetect.lang_detect_exception import LangDetectException

from normalize.document import Document, Line
from normalize.settings import Settings

Guess = tuple[tuple[str, float], ...]
"""Ranked ``(language, probability)`` candidates; empty when there is no telling."""

#: A guess at least this sure is taken as it is.
SURE = 0.90
#: The probability given to what a script or alphabet settles; never revised.
CERTAIN = 1.0
#: Lines with fewer letters than this get no language at all.
MIN_LETTERS = 3
#: langdetect alone is trusted only on lines with at least this many letters.
TRUSTED_LETTERS = 20
#: A language is one of the document's when it holds this share of its letters.
DOC_SHARE = 0.03

_LETTER = re.compile(r"[^\W\d_]")
_VI_LETTER = re.compile("[\u01a0\u01a1\u01af\u01b0\u0110\u0111\u1ea0-\u1ef9]")
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_WORD = re.compile(r"\b(?:the|and|of|is|are|was|were|to|in|for|with|that|this|from|said)\b", re.I)
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile("[\u3040-\u30ff\u31f0-\u31ff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
)
_CODES = {"zh-cn": "zh", "zh-tw": "zh"}


def detect_languages(doc: Document, settings: Settings) -> None:
    """Set ``line.lang``/``line.lang_score`` on every line and ``doc.lang``."""
    guesses = [guess_line(line.text, settings.seed) for line in doc.lines]
    main = settings.main_lang or _main_language(doc.lines, guesses)
    doc.lang = main
    doc_langs = _document_languages(doc.lines, guesses, main)
    for line, guess in zip(doc.lines, guesses, strict=True):
        _settle(line, guess, doc_langs, settings.seed)


def guess_line(text: str, seed: int = 0) -> Guess:
    """Rank the languages ``text`` may be in, on its own."""
    letters = len(_LETTER.findall(text))
    if letters < MIN_LETTERS:
        return ()
    script = _script_language(text, letters)
    if script is not None:
        return ((script, CERTAIN),)
    if _vietnamese_share(text) >= 0.3 and len(_ENGLISH_WORD.findall(text)) < 2:
        return (("vi", CERTAIN),)
    return langdetect_ranked(text, seed, None)


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def _script_language(text: str, letters: int) -> str | None:
    """The language a script alone decides, when ~all letters are in it."""
    for lang, pattern in _SCRIPTS:
        count = len(pattern.findall(text))
        if count == 0:
            continue
        if lang == "zh" and _SCRIPTS[0][1].search(text):
            return None  # Han with kana is Japanese: let the next pattern decide
        if count >= 0.8 * letters:
            return lang
    return None


def _vietnamese_share(text: str) -> float:
    """Share of the words that hold a letter only Vietnamese uses."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for word in words if _VI_LETTER.search(word)) / len(words)


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    init_factory()
    from langdetect import detector_factory

    factory: DetectorFactory = detector_factory._factory
    return factory


@lru_cache(maxsize=65536)
def langdetect_ranked(text: str, seed: int, only: tuple[str, ...] | None) -> Guess:
    """langdetect's ranked guess, seeded; ``only`` restricts the candidates."""
    factory = _factory()
    detector = factory.create()
    detector.seed = seed
    if only is not None:
        known = [code for code in factory.get_lang_list() if _CODES.get(code, code) in only]
        if not known:
            return ()
        detector.set_prior_map({code: 1.0 for code in known})
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return ()
    merged: Counter[str] = Counter()
    for item in ranked:
        merged[_CODES.get(item.lang, item.lang)] += item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def _trusted(guess: Guess, letters: int) -> bool:
    """A guess good enough to stand alone: settled by script, or sure on a long line."""
    return bool(guess) and (guess[0][1] >= CERTAIN or guess[0][1] >= SURE and letters >= TRUSTED_LETTERS)


def _main_language(lines: Sequence[Line], guesses: Sequence[Guess]) -> str | None:
    """The language holding most letters among trusted lines; ``None`` when none is."""
    weight: Counter[str] = Counter()
    for line, guess in zip(lines, guesses, strict=True):
        letters = letter_count(line.text)
        if _trusted(guess, letters):
            weight[guess[0][0]] += letters
    if not weight:
        return None
    return min(weight, key=lambda lang: (-weight[lang], lang))


def _document_languages(lines: Sequence[Line], guesses: Sequence[Guess], main: str | None) -> tuple[str, ...]:
    """The main language first, then the others holding a fair share of trusted letters."""
    if main is None:
        return ()
    weight: Counter[str] = Counter()
    for line, guess in zip(lines, guesses, strict=True):
        letters = letter_count(line.text)
        if _trusted(guess, letters):
            weight[guess[0][0]] += letters
    total = sum(weight.values()) or 1
    others = sorted(
        (lang for lang, count in weight.items() if lang != main and count >= DOC_SHARE * total),
        key=lambda lang: (-weight[lang], lang),
    )
    return (main, *others)


def _settle(line: Line, guess: Guess, doc_langs: tuple[str, ...], seed: int) -> None:
    """Give ``line`` its language, asking again among the document's when unclear."""
    if not guess:
        line.lang, line.lang_score = None, 0.0
        return
    lang, prob = guess[0]
    letters = letter_count(line.text)
    if _trusted(guess, letters) and (prob >= CERTAIN or lang in doc_langs or letters >= 40):
        line.lang, line.lang_score = lang, prob
        return
    if doc_langs:
        restricted = langdetect_ranked(line.text, seed, doc_langs)
        if restricted and restricted[0][1] >= 0.5:
            line.lang, line.lang_score = restricted[0]
            return
    line.lang, line.lang_score = None, prob
