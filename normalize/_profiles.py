"""langdetect's answer, read from its n-gram profiles instead of sampled.

langdetect draws a line's n-grams at random and multiplies each language's
probability by ``ALPHA / BASE_FREQ + P(n-gram | language)`` until one language
passes 0.99999, seven times over, and averages the seven trials. Its answer
is the language with the most log-likelihood over all the n-grams unless the
draws can turn it around. :func:`read_profiles` adds up those
log-likelihoods once and reads langdetect's answer from them: the leader's
lead over a rival, n-gram by n-gram, is a random walk, and the odds that a
trial's walk ends at the leader follow from the walk's mean and variance (the
gambler's ruin). When they are high against every rival (:data:`PLAIN`), all
seven trials end at the leader: the answer is the leader, sure. Otherwise the
trials split, and the answer is each language's chance to end a trial: what
langdetect's seven trials give on average, never sure (under 0.9). Nothing
is drawn at random: a long line is read in :data:`MAX_WORDS` words at even
steps over it.

The sums are kept as integers: each n-gram's log-likelihoods in fixed point,
one 64-bit field for each language of one integer (a code,
:func:`_gram_codes`), so that a word's sums over its n-grams, in every
language at once, take one addition an n-gram, and a line's one a word (each
word's cached). The walk's variance against every rival comes the same way,
from sums of squares and of products.
"""

from __future__ import annotations

import math
from functools import lru_cache
from struct import Struct

from langdetect.detector import Detector

from normalize._langdetect import (
    ALONE,
    COLUMN_SHIFT,
    SCALE,
    VALUE_MASK,
    Guess,
    _word_grams,
    _words,
    candidate_columns,
    has_features,
    profile_table,
)
from normalize._scripts import SCRIPT_CANDIDATES

#: The random walk of the leader's lead must reach langdetect's threshold
#: (``log(0.99999 / 0.00001)``, about 11.5) before its opposite with odds of at
#: least ``exp(PLAIN)`` to one, against each of the next languages, for the
#: leader alone to be the answer. Measured on 1,000 stand-in articles
#: (``benchmarks/throughput.py``): the final line languages are the reference's
#: (langdetect sampling wherever it is asked) on 99.76 % of 23,138 lines at 2, and
#: on 99.74-99.75 % from 1 to 3.
PLAIN = 2.0
#: The probability reported for a plain answer (what langdetect gives when its seven trials agree).
PLAIN_PROB = 0.99999
_THRESHOLD = math.log(Detector.CONV_THRESHOLD / (1 - Detector.CONV_THRESHOLD))
#: Rivals checked for a plain answer, and given a chance otherwise: the next languages by
#: log-likelihood. On 1,000 realistic articles, the final line languages are the
#: reference's on 99.78 % of lines with one, 99.76 % with two, 99.75 % with three.
#: Two, because the closest walk is not always the next by log-likelihood: on a
#: Spanish caption joined to its English translation, Catalan comes next but
#: English is the close one (odds 0.84 against 3.48), and with one rival the
#: line reads as plainly Spanish and its document as Spanish (pair F1 on 400
#: articles 0.939 with two, 0.937 with one).
_RIVALS = 2
#: A line's words read at most: a longer line's are read at even steps over it, these many.
#: langdetect itself stops a trial once it is sure, after a few dozen n-grams drawn at random:
#: on a long line, 16 words' n-grams (about 200) tell what all of them tell. The final line
#: languages are those of reading every word on 23,136 of 23,138 lines of 1,000 realistic
#: articles, and on all 4,319 lines of 181 real article bodies.
MAX_WORDS = 16


#: Codes (:func:`_gram_codes`) hold, in a 64-bit field for each language, the profile table's
#: log-likelihoods above the floor in fixed point (``q``, ``SCALE``: 20 bits after the point),
#: or a product of two. A field never overflows: a ``q`` is at most ``-LOG_SMOOTHING`` (about
#: 9.9, under ``2 ** 3.4``) times ``2 ** 20``, a product under ``2 ** 46.7``, and langdetect
#: reads at most 10,000 characters, 30,000 n-grams (under ``2 ** 15``): under ``2 ** 62`` in all.
_FIELD_BITS = 64
_FIELD = (1 << _FIELD_BITS) - 1
#: A view's codes kept: when full, they are made anew as n-grams come. A text's n-grams are a
#: few thousand (7,117 in 181 real article bodies), and a code takes about 0.5 KB (0.9 KB for
#: all 55 languages): 30 MB at most, in a corpus of every script.
_CODES_KEPT = 1 << 15


class _View:
    """The profile columns of the languages of one script (or of all): a word's
    log-likelihoods are added up in these columns only (:func:`_word_codes`), a
    Cyrillic line's 4 instead of 55, a Latin line's 31. The caches below are
    keyed by the view itself (by its identity: hashed at once)."""

    __slots__ = ("codes", "columns", "crosses", "high", "layout", "low", "positions", "shifts")

    def __init__(self, only: tuple[str, ...] | None) -> None:
        #: The columns of :func:`profile_table`, in its order.
        self.columns = candidate_columns(only)[0]
        #: Each column's place in the view.
        self.positions = {column: place for place, column in enumerate(self.columns)}
        #: Where each column's field starts in a code (``None`` for a column outside the view).
        self.shifts = tuple(
            None if place is None else _FIELD_BITS * place
            for place in map(self.positions.get, range(len(profile_table().langs)))
        )
        #: Where the squares' fields start.
        self.high = _FIELD_BITS * len(self.columns)
        #: The fields of a code, in the view's order: its ``q`` for each column, then its squares.
        self.layout = Struct(f"<{2 * len(self.columns)}Q")
        #: The bits of a code's ``q`` fields (its low half).
        self.low = (1 << self.high) - 1
        #: Each n-gram's code in the view (:func:`_gram_codes`), made as n-grams come.
        self.codes: dict[str, int] = {}
        #: For each leading language (a place), each n-gram's products (:func:`_gram_crosses`).
        self.crosses: dict[int, dict[str, int]] = {}

    def fields(self, code: int) -> tuple[int, ...]:
        """The fields of ``code``, a sum of codes: one for each column of the view, then the
        same for their squares."""
        return self.layout.unpack(code.to_bytes(self.layout.size, "little"))


@lru_cache(maxsize=1)
def _views() -> tuple[_View, ...]:
    """A view of each script's languages (``SCRIPT_CANDIDATES``: the Cyrillic ones, the Latin
    ones), then that of all langdetect knows.

    Candidates are read in the first that holds them all: a word's sums are
    kept once for each view it is read in, at most three.
    """
    return (*map(_View, SCRIPT_CANDIDATES.values()), _View(None))


@lru_cache(maxsize=64)
def _candidates(only: tuple[str, ...] | None) -> tuple[_View, tuple[int, ...], tuple[str, ...]]:
    """The languages of ``only`` (all langdetect knows for ``None``): the first view holding their
    columns, their places in it, and their codes (``zh-cn`` read as ``zh``)."""
    columns, codes = candidate_columns(only)
    view = next(view for view in _views() if all(map(view.positions.__contains__, columns)))
    return view, tuple(view.positions[column] for column in columns), codes


def _gram_codes(grams: tuple[str, ...], view: _View) -> list[int]:
    """The codes of ``grams`` in ``view``: each n-gram's ``q`` in each language, and its square,
    packed in one integer. Field ``place`` (bits ``64 * place`` on) holds the language's ``q``,
    field ``place`` of the high half (``n`` fields on, for the view's ``n`` languages) its
    ``q * q``; 0 where the language's profile lacks the n-gram. Made once for each n-gram.

    Codes add up field by field: a word's sums over its n-grams, and a line's
    over its words, take one addition each.
    """
    codes = view.codes
    if not all(map(codes.__contains__, grams)):
        if len(codes) >= _CODES_KEPT:
            codes.clear()
        rows, shifts, high = profile_table().rows, view.shifts, view.high
        for gram in {gram for gram in grams if gram not in codes}:
            code = 0
            for entry in rows[gram]:  # the languages whose profiles hold it
                shift = shifts[entry >> COLUMN_SHIFT]
                if shift is not None:
                    value = entry & VALUE_MASK
                    code |= value << shift | value * value << (high + shift)
            codes[gram] = code
    return list(map(codes.__getitem__, grams))


# An entry holds 16 bytes for each column of the view (about 0.6 KB for a Latin word): 16,384
# take about 10 MB. Built articles fill 3,255 in 1,000 articles and 6,028 in 10,000, real text
# faster; peak memory is flat from there (``benchmarks/memory.py``).
@lru_cache(maxsize=1 << 14)
def _word_codes(word: str, spaced: bool, view: _View) -> tuple[int, int]:
    """A word's n-grams in ``view``: how many, and their codes added up (:func:`_gram_codes`):
    their ``q`` and ``q * q`` in each language."""
    grams = _word_grams(word, spaced)
    return len(grams), sum(_gram_codes(grams, view))


def _gram_crosses(grams: tuple[str, ...], view: _View, leader: int) -> list[int]:
    """For each of ``grams`` in ``view``: the leader's ``q`` (``leader`` is a place in the view)
    times each language's ``q``, in each language's field (the low half of its code only: each
    product is under ``2 ** 46.7``). Made once for each n-gram and leader; kept as codes are
    (at most :data:`_CODES_KEPT` in all)."""
    crosses = view.crosses.get(leader)
    if crosses is None or not all(map(crosses.__contains__, grams)):
        if sum(map(len, view.crosses.values())) >= _CODES_KEPT:
            view.crosses.clear()
        crosses = view.crosses.setdefault(leader, {})
        shift, low = _FIELD_BITS * leader, view.low
        for gram, code in zip(grams, _gram_codes(grams, view), strict=True):
            if gram not in crosses:
                crosses[gram] = (code >> shift & _FIELD) * (code & low)
    return list(map(crosses.__getitem__, grams))


# Keyed by a word and its line's leading language (about 0.3 KB for a Latin word): 4,614 in
# 1,000 built articles, 9,583 in 10,000; 16,384 take about 5 MB.
@lru_cache(maxsize=1 << 14)
def _word_cross(word: str, spaced: bool, view: _View, leader: int) -> int:
    """A word's n-grams in ``view``: the leader's ``q`` times each language's, added up in each
    language's field (:func:`_gram_crosses`)."""
    return sum(_gram_crosses(_word_grams(word, spaced), view, leader))


def read_profiles(text: str, only: tuple[str, ...] | None) -> Guess:
    """langdetect's answer among ``only`` (all its languages for ``None``), read off its profiles.

    ``()`` when the text has no n-gram langdetect knows (it cannot tell
    either). The leader alone, at :data:`PLAIN_PROB`, when its walk beats each
    of the :data:`_RIVALS` next languages with log-odds of :data:`PLAIN` or
    more. Otherwise each of them with its chance to end a trial
    (:func:`_chances`); the leader's is then under 0.9 (a rival's weight is over
    ``exp(-PLAIN)``), so no caller trusts the line on this answer alone.
    """
    view, places, codes = _candidates(only)
    if not codes:
        return ()
    if len(set(codes)) == 1:  # each trial ends at the one candidate, if there is an n-gram to draw
        return ((codes[0], ALONE),) if has_features(text) else ()
    words = _words(text)
    if len(words) > MAX_WORDS:
        step = len(words) / MAX_WORDS
        words = [words[int(index * step)] for index in range(MAX_WORDS)]
    coded = [_word_codes(word, spaced, view) for word, spaced in words]
    count = sum(grams for grams, _ in coded)
    if not count:
        return ()  # no n-gram langdetect knows
    sums = view.fields(sum(code for _, code in coded))  # then the squares, from place len(view.columns) on
    ranked = sorted(range(len(codes)), key=lambda index: -sums[places[index]])
    leader = ranked[0]
    rivals = [index for index in ranked[1:] if codes[index] != codes[leader]][:_RIVALS]
    if not rivals:
        return ((codes[leader], PLAIN_PROB),)
    ahead, size = places[leader], len(view.columns)
    cross = view.fields(sum(_word_cross(word, spaced, view, ahead) for word, spaced in words))
    odds = []
    for rival in rivals:  # the lead n-gram by n-gram: q[ahead] - q[behind], its sum and its squares'
        behind = places[rival]
        lead = (sums[ahead] - sums[behind]) / (1 << SCALE)
        lead_squares = (sums[size + ahead] + sums[size + behind] - 2 * cross[behind]) / (1 << 2 * SCALE)
        odds.append(_log_odds(lead, lead_squares, count))
    if min(odds) >= PLAIN:
        return ((codes[leader], PLAIN_PROB),)
    return _chances(codes[leader], [*zip([codes[rival] for rival in rivals], odds, strict=True)])


def _log_odds(lead: float, lead_squares: float, count: int) -> float:
    """The log-odds that a trial's walk of the leader's lead over a rival ends at the leader,
    from the sum of its steps (``lead``), of their squares, and their count.

    The lead moves by the n-gram's log-likelihood difference at each draw; a walk
    of mean step ``m`` and variance ``v`` reaches ``+T`` before ``-T`` with odds of
    ``exp(2 T m / v)`` to one (the gambler's ruin with drift).
    """
    mean = lead / count
    variance = lead_squares / count - mean * mean
    if variance <= 0:  # every n-gram leads by the same: the walk goes one way
        return math.inf if mean > 0 else 0.0
    return 2 * _THRESHOLD * mean / variance


def _chances(leader: str, rivals: list[tuple[str, float]]) -> Guess:
    """Each language's chance to end a trial: the leader's odds against each rival, made one share.

    Against one rival at log-odds ``z`` the rival's chance is ``1 / (1 + exp(z))``;
    with several, each weighs ``exp(-z)`` against the leader's 1.
    """
    weights = {leader: 1.0}
    for code, odd in rivals:
        weights[code] = weights.get(code, 0.0) + math.exp(-min(odd, 700.0))
    total = sum(weights.values())
    chances = ((code, round(weight / total, 5)) for code, weight in weights.items())
    return tuple(sorted(chances, key=lambda kv: (-kv[1], kv[0])))
