"""The document's languages, from its lines' first guesses (:mod:`normalize.langid`).

Each language says as many letters as the lines trusted in it hold (in
English letters' worth); the main language says most, unless two carry the
article about equally (an article and its translation): then it is the one
met first, the original's. The document's languages are those holding a
fair share (:data:`DOC_SHARE`).

Some lines are put off (:data:`PUT_OFF`): short Latin or Cyrillic lines that
only langdetect could tell. Such a line counts for a language only through a
common word of it (:func:`_evidence_of_its_language`), so what it could add
is known without reading it (:func:`put_off_reach`); where nothing it could
add would change the outcome (:func:`outcome_stands`), it is not read for the
document's sake.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TypeAlias

from normalize._common_words import COMMON_MIN_LETTERS, common_word_languages, holds_common_word
from normalize._langdetect import Guess
from normalize._scripts import (
    CHARS_PER_ENGLISH_CHAR,
    CYRILLIC_LANGS,
    LATIN_LANGS,
    letter_count,
    script_of,
    script_of_language,
)
from normalize.document import Line

#: A guess at least this sure is taken as it is.
SURE = 0.90
#: The probability given to what a script or alphabet settles; never revised.
CERTAIN = 1.0
#: langdetect alone is trusted only on lines with at least this many letters.
TRUSTED_LETTERS = 20
#: A language is one of the document's when it holds this share of its letters.
DOC_SHARE = 0.03
#: Two languages carry an article about equally when the second says this share of the first.
CARRY_SHARE = 0.6
#: A line with this many letters tells its script.
_SCRIPT_MIN_LETTERS = 3


class PutOff(enum.Enum):
    """The first guess of a line put off: read later, and only if it must be."""

    PUT_OFF = "put off"


PUT_OFF = PutOff.PUT_OFF
FirstGuess: TypeAlias = "Guess | PutOff | None"
"""A line's first guess: its guess, :data:`PUT_OFF`, or ``None`` (left open)."""


def trusted(guess: Guess, letters: int) -> bool:
    """A guess good enough to stand alone: settled by script, or sure on a long line."""
    return bool(guess) and (guess[0][1] >= CERTAIN or (guess[0][1] >= SURE and letters >= TRUSTED_LETTERS))


def weights(lines: Sequence[Line], guesses: Sequence[FirstGuess]) -> dict[str, float]:
    """How much each language says among trusted lines: letters, in English letters' worth.

    Lines left open or put off say nothing.
    """
    weight: dict[str, float] = {}
    for lang, letters in _counted(lines, guesses):
        weight[lang] = weight.get(lang, 0.0) + _english_worth(letters, lang)
    return weight


def _counted(lines: Sequence[Line], guesses: Sequence[FirstGuess]) -> Iterator[tuple[str, int]]:
    """The language and letters of each line that counts for :func:`weights`, in document order."""
    for line, guess in zip(lines, guesses, strict=True):
        if not isinstance(guess, tuple) or not guess:
            continue
        letters = letter_count(line.text)
        if trusted(guess, letters) and _evidence_of_its_language(line.text, guess, letters):
            yield guess[0][0], letters


def _english_worth(letters: int, lang: str) -> float:
    """``letters`` of ``lang`` in English letters' worth: what a line adds to :func:`weights`
    (and, at most, to :func:`put_off_reach`)."""
    return letters / CHARS_PER_ENGLISH_CHAR.get(lang, 1.0)


def _evidence_of_its_language(text: str, guess: Guess, letters: int) -> bool:
    """Whether a trusted line's language counts for the document's languages.

    A line settled by its script or its words counts, and so does a long one.
    A shorter one that langdetect alone read counts when it holds a common word
    of that language (where :mod:`normalize._common_words` lists them):
    langdetect reads a few English words as French now and then ("Better
    Android support"), and two such lines would make French a language of an
    English page.
    """
    if guess[0][1] >= CERTAIN or letters >= COMMON_MIN_LETTERS:
        return True
    return holds_common_word(text, guess[0][0]) is True


def main_language(weight: dict[str, float]) -> str | None:
    """The language saying most among trusted lines (:func:`weights`); ``None`` when none is."""
    if not weight:
        return None
    return min(weight, key=lambda lang: (-weight[lang], lang))


def carried_equally(
    lines: Sequence[Line], guesses: Sequence[FirstGuess], weight: dict[str, float]
) -> tuple[str, str] | None:
    """The two languages saying most, when they carry the article about equally: an article
    beside its translation. ``None`` otherwise.

    About equally: the second says :data:`CARRY_SHARE` of what the first says, in
    letters (:func:`weights`) or in lines (short lines in kana say more letters
    than their English translations' worth).
    """
    ranked = sorted(weight, key=lambda lang: (-weight[lang], lang))
    if len(ranked) < 2:
        return None
    first, second = ranked[:2]
    counts = Counter(lang for lang, _ in _counted(lines, guesses))
    if weight[second] >= CARRY_SHARE * weight[first] or counts[second] >= CARRY_SHARE * counts[first]:
        return first, second
    return None


def original_language(
    lines: Sequence[Line], guesses: Sequence[FirstGuess], weight: dict[str, float]
) -> str | None:
    """The main language: the original, not the longest.

    Where two languages carry the article about equally (:func:`carried_equally`),
    it is the language of the first line that tells one of the two (the
    title's, or the first block's: a translation follows its original).
    Elsewhere it is the language saying most (:func:`main_language`).
    """
    pair = carried_equally(lines, guesses, weight)
    if pair is None:
        return main_language(weight)
    told = (_one_of(line.text, guess, pair) for line, guess in zip(lines, guesses, strict=True))
    return next((lang for lang in told if lang is not None), pair[0])


def _one_of(text: str, guess: FirstGuess, pair: tuple[str, str]) -> str | None:
    """Which of ``pair`` the line is in: its trusted guess, else its script where the two
    languages are written in different scripts; ``None`` when it cannot tell."""
    letters = letter_count(text)
    if isinstance(guess, tuple) and guess and trusted(guess, letters) and guess[0][0] in pair:
        return guess[0][0]
    if letters < _SCRIPT_MIN_LETTERS:
        return None
    script = script_of(text, letters)
    name = "latin" if script is LATIN_LANGS else "cyrillic" if script is CYRILLIC_LANGS else None
    written = [
        lang
        for lang in pair
        if (script_of_language(lang) == name)
        or (name is None and script_of_language(lang) not in ("latin", "cyrillic"))
    ]
    return written[0] if len(written) == 1 else None


def document_languages(weight: dict[str, float], main: str | None) -> tuple[str, ...]:
    """The main language first, then the others holding a fair share of trusted text."""
    if main is None:
        return ()
    total = sum(weight.values()) or 1
    others = sorted(
        (lang for lang, count in weight.items() if lang != main and count >= DOC_SHARE * total),
        key=lambda lang: (-weight[lang], lang),
    )
    return (main, *others)


def put_off_reach(lines: Sequence[Line], guesses: Sequence[FirstGuess]) -> tuple[dict[str, float], float]:
    """What the lines put off could add to :func:`weights`, were they read: the most for each
    language, and the most in all.

    A line put off is under ``COMMON_MIN_LETTERS`` letters and no script
    settles it, so it counts only for a language whose common word it holds,
    and only for one.
    """
    reach: dict[str, float] = {}
    most = 0.0
    for line, guess in zip(lines, guesses, strict=True):
        if guess is not PUT_OFF:
            continue
        letters = letter_count(line.text)
        langs = common_word_languages(line.text)
        could = {lang: _english_worth(letters, lang) for lang in langs}
        for lang, weight in could.items():
            reach[lang] = reach.get(lang, 0.0) + weight
        most += max(could.values(), default=0.0)
    return reach, most


def outcome_stands(
    weight: dict[str, float], langs: tuple[str, ...], reach: dict[str, float], most: float, main_fixed: bool
) -> bool:
    """Whether the main language and the document's languages (``langs``, from ``weight``) are
    the same whatever the lines put off add (:func:`put_off_reach`: at most ``reach[lang]`` to
    a language, ``most`` in all).

    Weights only grow, so it is enough that no language could pass the main one
    (unless the settings fix it), that each of ``langs`` keeps its share of the
    largest total, that no other could reach its share, and that none of ``langs``
    could pass the one before it. Ties count as changes.
    """
    if not reach:
        return True
    if not langs:
        return False  # no language yet: any line read could give one
    main, others = langs[0], langs[1:]
    total = sum(weight.values())
    if not main_fixed and any(
        weight.get(lang, 0.0) + extra >= weight[main] for lang, extra in reach.items() if lang != main
    ):
        return False
    if any(weight[lang] < DOC_SHARE * (total + most) for lang in others):
        return False
    if any(
        weight.get(lang, 0.0) + extra >= DOC_SHARE * (total + extra)
        for lang, extra in reach.items()
        if lang not in langs
    ):
        return False
    return all(weight[after] + reach.get(after, 0.0) < weight[before] for before, after in pairwise(others))
