"""Seeded langdetect: ranked guesses, optionally restricted to some languages, cached.

The same n-grams, random draws and arithmetic as langdetect's own ``Detector``,
faster: :func:`features` finds the n-grams word by word (each word's cached;
langdetect's n-gram buffer starts afresh at every space) and
:func:`_probabilities` samples with list comprehensions.
``tests/test_langid.py`` checks both against langdetect.

Its profiles are also read as a table of log-likelihoods in fixed point
(:func:`profile_table`), saved with the package, for
:mod:`normalize._profiles` to read langdetect's answer off.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
from collections import Counter
from functools import lru_cache
from itertools import chain
from operator import add, mul
from pathlib import Path
from typing import NamedTuple

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory, init_factory
from langdetect.language import Language
from langdetect.utils.ngram import NGram

from normalize._cache import CACHE_SIZE

Guess = tuple[tuple[str, float], ...]
"""Ranked ``(language, probability)`` candidates; empty when there is no telling."""

#: What langdetect gives its one candidate: each trial's probabilities, normalised, are 1.0
#: for it, so its answer is the sum of ``n_trial`` (7) shares of ``1 / n_trial``.
ALONE = sum(1.0 / 7 for _ in range(7))
#: Characters langdetect reads (``Detector.max_text_length``, set per detector in its ``__init__``).
MAX_TEXT = 10000
#: langdetect's codes that differ from ISO 639-1.
CODES = {"zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """langdetect's own detector factory: loaded only to sample (:func:`langdetect_ranked`)."""
    init_factory()
    from langdetect import detector_factory

    factory: DetectorFactory = detector_factory._factory
    return factory


#: What langdetect adds to an n-gram's probability in a language before multiplying by it
#: (``ALPHA / BASE_FREQ``), and its log: the log-likelihood of an n-gram a profile lacks.
SMOOTHING = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
LOG_SMOOTHING = math.log(SMOOTHING)
#: The profile table's log-likelihoods are kept above :data:`LOG_SMOOTHING` (the least one can
#: be) in fixed point: times ``2 ** SCALE``, rounded (under ``1e-6`` off). They are then added
#: up, and multiplied, as integers (:mod:`normalize._profiles`).
SCALE = 20


#: A row's entry (:class:`Profiles`): the language's column above these bits, the n-gram's value
#: below (at most ``-LOG_SMOOTHING * 2 ** SCALE``, under ``2 ** 24``).
COLUMN_SHIFT = 24
VALUE_MASK = (1 << COLUMN_SHIFT) - 1


class Profiles(NamedTuple):
    """langdetect's n-gram profiles: each n-gram's log-likelihood in each language, in fixed point."""

    #: langdetect's languages, sorted (the same on every machine): a column each.
    langs: tuple[str, ...]
    #: Every n-gram of the profiles (those langdetect reads off a text), and its row: an
    #: entry for each language whose profile holds it, in column order,
    #: ``column << COLUMN_SHIFT | value``. The value is ``log(SMOOTHING + P(gram | language))``
    #: less :data:`LOG_SMOOTHING`, in fixed point (:data:`SCALE`). A language without an entry
    #: has 0: its probability is 0.0, its log-likelihood :data:`LOG_SMOOTHING`.
    rows: dict[str, tuple[int, ...]]


#: :func:`profile_table`, saved with the package (:func:`save_profile_table`).
SAVED_TABLE = Path(__file__).with_name("_profile_table.pickle")


@lru_cache(maxsize=1)
def profile_table() -> Profiles:
    """langdetect's profiles, a row for each n-gram (:class:`Profiles`).

    Read from the table saved with the package (:data:`SAVED_TABLE`, about
    0.07 s) when it was made from the profile files langdetect has here (their
    names and bytes, :func:`profiles_stamp`); made from those files otherwise
    (:func:`read_profile_files`, about 0.3 s), with the same result. Nothing
    here loads langdetect's own factory (about 0.25 s and 109 MB more).
    """
    stamp = profiles_stamp()
    try:
        with SAVED_TABLE.open("rb") as file:
            saved = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError):
        saved = None
    if isinstance(saved, tuple) and len(saved) == 3 and saved[0] == stamp:
        return Profiles(saved[1], saved[2])
    return read_profile_files()


def _profile_files() -> list[str]:
    """langdetect's profile files, sorted by name (a language's code)."""
    names = sorted(os.listdir(PROFILES_DIRECTORY))
    paths = (os.path.join(PROFILES_DIRECTORY, name) for name in names if not name.startswith("."))
    return [path for path in paths if os.path.isfile(path)]


def profiles_stamp() -> str:
    """A digest of langdetect's profile files (names and bytes) and of how the table is made
    from them: a saved table is used only where it matches."""
    digest = hashlib.blake2b(repr((SCALE, SMOOTHING, COLUMN_SHIFT)).encode(), digest_size=16)
    for path in _profile_files():
        with open(path, "rb") as file:
            data = file.read()
        digest.update(f"{os.path.basename(path)}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def read_profile_files() -> Profiles:
    """:func:`profile_table` made from langdetect's profile files: the probabilities
    ``DetectorFactory.load_profile`` reads (the same arithmetic), as log-likelihoods in
    fixed point. The log is taken once, here: a word's n-grams are then looked up, never
    computed (:func:`normalize._profiles._gram_codes`)."""
    langs: list[str] = []
    rows: dict[str, list[int]] = {}
    log, fixed = math.log, float(1 << SCALE)
    for column, path in enumerate(_profile_files()):
        with open(path, encoding="utf-8") as file:
            profile = json.load(file)
        langs.append(profile["name"])
        n_words = profile["n_words"]
        for gram, count in profile["freq"].items():
            if 1 <= len(gram) <= 3:  # n-grams: 1 to 3 letters
                value = round((log(SMOOTHING + 1.0 * count / n_words[len(gram) - 1]) - LOG_SMOOTHING) * fixed)
                rows.setdefault(gram, []).append(column << COLUMN_SHIFT | value)
    return Profiles(tuple(langs), {gram: tuple(row) for gram, row in rows.items()})


def save_profile_table(path: Path = SAVED_TABLE) -> None:
    """Save :func:`read_profile_files`' table with its :func:`profiles_stamp` (what
    ``python -m normalize._langdetect`` does: run it when langdetect's profiles change)."""
    table = read_profile_files()
    with path.open("wb") as file:
        pickle.dump((profiles_stamp(), table.langs, table.rows), file, protocol=4)


@lru_cache(maxsize=64)
def candidate_columns(only: tuple[str, ...] | None) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The profile columns (:func:`profile_table`) of the languages of ``only`` (all for
    ``None``), and their codes (``zh-cn`` read as ``zh``)."""
    langs = profile_table().langs
    keep = [index for index, code in enumerate(langs) if only is None or CODES.get(code, code) in only]
    return tuple(keep), tuple(CODES.get(langs[index], langs[index]) for index in keep)


class _Normal(dict[int, str]):
    """``str.translate`` table of langdetect's ``NGram.normalize``, filled as characters come."""

    def __missing__(self, code: int) -> str:
        normal: str = NGram.normalize(chr(code))
        self[code] = normal
        return normal


_NORMAL = _Normal()
#: What ``cleaning_text`` counts: Latin letters (``A``..``z``), and characters from U+0300 on
#: outside Latin Extended Additional.
_LATIN = re.compile("[A-z]")
_NON_LATIN = re.compile("[\u0300-\u1dff\u1f00-\U0010ffff]")


def _cleaned(text: str) -> str:
    """The text langdetect reads: ``Detector.append`` then ``Detector.cleaning_text``."""
    if "://" in text:
        text = Detector.URL_RE.sub(" ", text)
    if "@" in text:
        text = Detector.MAIL_RE.sub(" ", text)
    if text.isascii():  # no Vietnamese tone mark to compose, no other script
        return text[:MAX_TEXT]
    text = NGram.normalize_vi(text)[:MAX_TEXT]
    if _NON_LATIN.search(text) and len(_LATIN.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
        text = _LATIN.sub("", text)
    return text


@lru_cache(maxsize=1 << 15)
def _word_grams(word: str, spaced: bool) -> tuple[str, ...]:
    """The n-grams langdetect takes from one normalised word (and the space after it, when
    ``spaced``), in its order: by the position they end at, then by size (1, 2, 3).

    A word with no capital after its first letter (most words) has them all:
    they are made and kept with ``map`` and ``filter``, not letter by letter.
    Another: :func:`_grams_after_capitals`.
    """
    padded = " " + word + " " * spaced  # the buffer starts afresh at the space before the word
    if any(map(str.isupper, word[1:])):
        return _grams_after_capitals(padded)
    ones = padded[1:]  # padded[end], for end = 1, 2, ...
    twos = list(map(add, padded, ones))  # padded[end - 1 : end + 1]
    threes = map(add, twos, padded[2:])  # padded[end - 2 : end + 1], from end = 2
    ordered = chain((ones[0], twos[0]), chain.from_iterable(zip(ones[1:], twos[1:], threes, strict=True)))
    return tuple(filter(profile_table().rows.__contains__, ordered))  # the space alone is no n-gram


def _grams_after_capitals(padded: str) -> tuple[str, ...]:
    """:func:`_word_grams` letter by letter: langdetect skips the n-grams that end in a capital
    after a capital (``"NASA"`` gives ``N``, `` N``, and nothing more)."""
    grams = profile_table().rows
    found: list[str] = []
    capital = False
    for end in range(1, len(padded)):
        char = padded[end]
        if char.isupper():
            capital = capital or padded[end - 1].isupper()
            if capital:  # langdetect skips the n-grams ending in a capital after a capital
                continue
        else:
            capital = False
        for start in range(end, max(end - 3, -1), -1):  # sizes 1, 2, 3 (no 3-gram at the first letter)
            gram = padded[start : end + 1]
            if gram in grams:
                found.append(gram)
    return tuple(found)


def _words(text: str) -> list[tuple[str, bool]]:
    """The normalised words of ``text``, each with whether a space follows it."""
    words = _cleaned(text).translate(_NORMAL).split(" ")
    last = len(words) - 1
    return [(word, index < last) for index, word in enumerate(words) if word]


def features(text: str) -> list[str]:
    """langdetect's n-grams of ``text``, in its order (what ``Detector._extract_ngrams`` returns)."""
    return [gram for word, spaced in _words(text) for gram in _word_grams(word, spaced)]


#: A lower-case ASCII letter: langdetect reads it, and every profile holds it as an n-gram.
_ASCII_LOWER = re.compile("[a-z]")


def has_features(text: str) -> bool:
    """Whether :func:`features` finds an n-gram in ``text``, without listing them.

    A plain ASCII line has one when a lower-case letter stands in what langdetect
    reads (its first :data:`MAX_TEXT` characters, with no URL or e-mail address
    that :func:`_cleaned` drops); any other line is read word by word.
    """
    if text.isascii() and "://" not in text and "@" not in text and _ASCII_LOWER.search(text, 0, MAX_TEXT):
        return True
    return any(_word_grams(word, spaced) for word, spaced in _words(text))


@lru_cache(maxsize=CACHE_SIZE)
def langdetect_ranked(text: str, seed: int, only: tuple[str, ...] | None, shortcut: bool = True) -> Guess:
    """langdetect's ranked guess, seeded; ``only`` restricts the candidates.

    With one candidate left and ``shortcut``, the answer is computed without
    sampling (:data:`ALONE`), the same as sampling would give.
    """
    factory = _factory()
    langs = profile_table().langs
    known = [langs[column] for column in candidate_columns(only)[0]]
    ngrams = features(text)
    if not known or not ngrams:
        return ()  # langdetect: "No features in text."
    if only is not None and len(known) == 1 and shortcut:
        return ((CODES.get(known[0], known[0]), ALONE),)
    detector = factory.create()  # only now: each one seeds a Random from os.urandom
    detector.seed = seed
    if only is not None:
        detector.set_prior_map({code: 1.0 for code in known})
    ranked = _probabilities(detector, ngrams)
    merged: Counter[str] = Counter()
    for item in ranked:
        merged[CODES.get(item.lang, item.lang)] += item.prob
    return tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))


def _probabilities(detector: Detector, ngrams: list[str]) -> list[Language]:
    """:meth:`Detector.get_probabilities`, the same numbers, several times faster.

    The same random draws and the same float operations in the same order as
    langdetect's ``_detect_block``, over the languages that can score (those of
    the prior map, when there is one): a language left out stays at 0.0 in
    langdetect, and adding 0.0 to a sum changes nothing. ``random.choice(seq)``
    is ``seq[_randbelow(len(seq))]``, drawn here with ``getrandbits`` as
    ``Random._randbelow_with_getrandbits`` does; each n-gram's row is looked up
    once. ``ngrams`` are the text's (:func:`features`), never empty.
    ``tests/test_langid.py`` checks the two agree.
    """
    start = detector._init_probability()
    live = [index for index, prob in enumerate(start) if prob != 0.0]
    start = [start[index] for index in live]
    table = detector.word_lang_prob_map
    rows = {gram: [table[gram][index] for index in live] for gram in set(ngrams)}
    drawn = [rows[gram] for gram in ngrams]  # what each draw of random.choice(ngrams) multiplies by
    total = [0.0] * len(live)
    rand = detector.random
    rand.seed(detector.seed)
    getrandbits, size = rand.getrandbits, len(drawn)
    bits = size.bit_length()
    n_trial, threshold, limit = detector.n_trial, detector.CONV_THRESHOLD, detector.ITERATION_LIMIT
    for _ in range(n_trial):
        prob = start
        weight = (detector.alpha + rand.gauss(0.0, 1.0) * detector.ALPHA_WIDTH) / detector.BASE_FREQ
        i = 0
        while True:
            pick = getrandbits(bits)
            while pick >= size:
                pick = getrandbits(bits)
            prob = list(map(mul, prob, map(weight.__add__, drawn[pick])))  # p * (weight + q)
            if i % 5 == 0:
                prob = list(map(sum(prob).__rtruediv__, prob))  # p / sum
                if max(prob) > threshold or i >= limit:
                    break
            i += 1
        total = [t + p / n_trial for t, p in zip(total, prob, strict=True)]
    langprob = [0.0] * len(detector.langlist)
    for index, value in zip(live, total, strict=True):
        langprob[index] = value
    detector.langprob = langprob
    result: list[Language] = detector.get_probabilities()
    return result


if __name__ == "__main__":
    save_profile_table()
