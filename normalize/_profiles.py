"""langdetect's answer, read from its n-gram profiles instead of sampled.

langdetect draws a line's n-grams at random and multiplies each language's
probability by ``ALPHA / BASE_FREQ + P(n-gram | language)`` until one language
passes 0.99999, seven times over, and averages the seven trials. Its answer
is the language with the most log-likelihood over all the n-grams unless the
draws can turn it around. :func:`read_profiles` adds up those
log-likelihoods once (each word's sums cached) and reads langdetect's answer
from them: the leader's lead over a rival, n-gram by n-gram, is a random
walk, and the odds that a trial's walk ends at the leader follow from the
walk's mean and variance (the gambler's ruin). When they are high against
every rival (:data:`PLAIN`), all seven trials end at the leader: the answer
is the leader, sure. Otherwise the trials split, and the answer is each
language's chance to end a trial: what langdetect's seven trials give on
average, never sure (under 0.9). Nothing is sampled.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, mul, sub

from langdetect.detector import Detector

from normalize._cache import CACHE_SIZE
from normalize._langdetect import (
    ALONE,
    LOG_SMOOTHING,
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


class _View:
    """The profile columns of the languages of one script (or of all): a word's
    log-likelihoods are added up in these columns only (:func:`_word_totals`), a
    Cyrillic line's 4 instead of 55, a Latin line's 31. The caches below are
    keyed by the view itself (by its identity: hashed at once)."""

    __slots__ = ("columns", "mask", "positions")

    def __init__(self, only: tuple[str, ...] | None) -> None:
        #: The columns of :func:`profile_table`, in its order.
        self.columns = candidate_columns(only)[0]
        #: The columns' bits (as in ``Profiles.holders``).
        self.mask = sum(1 << column for column in self.columns)
        #: Each column's place in the view.
        self.positions = {column: place for place, column in enumerate(self.columns)}


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
    view = next(view for view in _views() if view.mask | sum(1 << column for column in columns) == view.mask)
    return view, tuple(view.positions[column] for column in columns), codes


# An entry holds a float for each column of its view (1.9 KB for all 55): 4,096 are full after
# about 1,000 articles, and peak memory stays flat from there (32,768 kept filling up to 10,000
# articles and more); on 3,000 articles they miss 5,679 times instead of 5,152. (An array of the
# sums takes less room, but every float read from it is made anew: read_profiles took twice as
# long to add up a line.)
@lru_cache(maxsize=CACHE_SIZE)
def _word_totals(
    word: str, spaced: bool, view: _View
) -> tuple[int, tuple[float, ...], tuple[tuple[float, ...], ...]]:
    """A word's n-grams: how many, their log-likelihoods added up in each column of ``view``,
    and their rows (:func:`_log_row`, shared with its cache)."""
    rows = tuple(map(_log_row, _word_grams(word, spaced), repeat(view)))
    return len(rows), tuple(map(sum, zip(*rows, strict=True))), rows


# Keyed by a word and two languages: 16,384 entries are full after about 1,000 articles, and
# peak memory stays flat from there (32,768 kept filling up to 10,000 articles, 4 MB more).
@lru_cache(maxsize=1 << 14)
def _word_lead(word: str, spaced: bool, view: _View, leader: int, rival: int) -> tuple[float, float]:
    """The sum, and the sum of squares, of place ``leader``'s lead over ``rival`` (in ``view``),
    n-gram by n-gram."""
    rows = _word_totals(word, spaced, view)[2]
    leads = list(map(sub, map(itemgetter(leader), rows), map(itemgetter(rival), rows)))
    return sum(leads, 0.0), sum(map(mul, leads, leads), 0.0)


@lru_cache(maxsize=1 << 15)
def _log_row(gram: str, view: _View) -> tuple[float, ...]:
    """``log(smoothing + P(gram | language))`` for each language of ``view``, in its order."""
    _, holders, columns = profile_table()
    logs = [LOG_SMOOTHING] * len(view.columns)  # P is 0.0 in the languages whose profile lacks the gram
    held = holders[gram] & view.mask
    positions = view.positions
    while held:  # the languages that hold it: about two (a column's dict is read only where it has the gram)
        bit = held & -held
        column = bit.bit_length() - 1
        logs[positions[column]] = columns[column][gram]
        held ^= bit
    return tuple(logs)


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
    totals = [counted for word, spaced in words if (counted := _word_totals(word, spaced, view))[0]]
    if not totals:
        return ()  # no n-gram langdetect knows
    count = sum(grams for grams, _, _ in totals)
    picked = map(itemgetter(*places), [sums for _, sums, _ in totals])  # the candidates' sums
    sums = list(map(sum, zip(*picked, strict=True)))
    ranked = sorted(range(len(codes)), key=lambda index: -sums[index])
    leader = ranked[0]
    rivals = [index for index in ranked[1:] if codes[index] != codes[leader]][:_RIVALS]
    odds = [_log_odds(words, count, view, places[leader], places[rival]) for rival in rivals]
    if not odds or min(odds) >= PLAIN:
        return ((codes[leader], PLAIN_PROB),)
    return _chances(codes[leader], [*zip([codes[rival] for rival in rivals], odds, strict=True)])


def _log_odds(words: list[tuple[str, bool]], count: int, view: _View, leader: int, rival: int) -> float:
    """The log-odds that a trial's walk of ``leader``'s lead over ``rival`` ends at ``leader``.

    The lead moves by the n-gram's log-likelihood difference at each draw; a walk
    of mean step ``m`` and variance ``v`` reaches ``+T`` before ``-T`` with odds of
    ``exp(2 T m / v)`` to one (the gambler's ruin with drift).
    """
    total = squares = 0.0
    for word, spaced in words:
        lead, lead_squares = _word_lead(word, spaced, view, leader, rival)
        total += lead
        squares += lead_squares
    mean = total / count
    variance = squares / count - mean * mean
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
