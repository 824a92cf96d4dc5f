"""Split each line that holds two languages: ``<caption> <its translation>``.

Each word of a line is given the language its own look says, when it says
one: its script (Han, Cyrillic, ...), a letter only Vietnamese uses, or a
function word only one language uses (``the``, ``und``, ``los``...). A line
with words of the main language at one end and words of another language at
the other is cut where the fewest words stand on the wrong side (fewer than
if it were left whole in either language); among equal cuts, a sentence end
wins, then the cut whose sides translate each other best. The cut is kept
only when both sides are long enough and score as a translation pair
(:data:`MIN_SPLIT_SCORE`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import eq
from typing import NamedTuple

from normalize import langid, taglines
from normalize._score import pair_score
from normalize._scripts import (
    ACCENTED,
    LATIN_LETTER,
    VI_LETTER,
    has_letter_beyond_ascii,
    latin_letter_count,
    lower_words,
    script_language,
    script_of_language,
    weighted_letter_count,
)
from normalize._telling import (
    FUNCTION_WORD_SET,
    NOT_ENGLISH,
    NOT_MAIN,
    PUNCTUATION,
    TOKEN,
    TWO_SCRIPT_LETTERS,
    WORD_LANGS,
    two_scripts,
    word_languages,
)
from normalize.document import Document, Line
from normalize.settings import Settings

#: A cut is kept only when its two sides score at least this as a translation pair; whether
#: they are then paired is for :mod:`normalize.pairing` and ``settings.min_pair_score``.
MIN_SPLIT_SCORE = 0.3
#: Weight of a word that shows its language by its accents only; cost of a cut that is not
#: at a sentence end, and of one before a lower-case word.
_ACCENT_WEIGHT, _UNPUNCTUATED, _LOWER_NEXT = 0.5, 0.6, 0.3
#: At most this share of the telling words may stand on the wrong side of a cut.
_MAX_WRONG_SHARE = 0.15
#: Lines longer than this are paragraphs, never a caption and its translation.
MAX_CHARS = 2000
#: Each side of a cut holds at least this many letters (as many as :func:`two_scripts` asks
#: of each script), a Han, kana or Hangul letter counting as three Latin ones
#: (:func:`normalize._scripts.weighted_letter_count`): ``乘船游湖。`` is a sentence...
MIN_SIDE_LETTERS = TWO_SCRIPT_LETTERS
#: ... and each language at least this many words of its own.
MIN_WORDS = 2


_SENTENCE_BREAK = re.compile(r"[.!?…。！？][\"”»')]?(?=\s+\S)")
_MAX_SENTENCE_CUTS = 6
_STARTS_SENTENCE = re.compile(r"[\"“«¡¿(]?(?:[^\W_a-z]|[\u3000-\u9fff])")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"”»')]?$")
#: The last letter before a full stop ending at the cut (closing quotes and spaces may follow),
#: and the first letter after it.
_LAST_LETTER_AND_STOP = re.compile(r"([^\W\d_])[.!?。！？][\"”»')）」』]?\s*$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


def split_mixed_lines(doc: Document, settings: Settings) -> None:
    """Replace each line holding a caption and its translation by two lines."""
    main = doc.lang
    if main is None:
        return
    lines: list[Line] = []
    for line in doc.lines:
        # a site's name and slogan in another language is one line, for the roles step to judge
        mixed = _may_be_mixed(line.text, main) and taglines.tagline_score(line.text) < taglines.TAGLINE_EDGE
        parts = _split(line, main, settings) if mixed else None
        lines.extend(parts or [line])
    doc.lines = lines


def _may_be_mixed(text: str, main: str) -> bool:
    """Cheap test that a line may hold two languages: a superset of what :func:`_split` cuts.

    A line needs :data:`MIN_SIDE_LETTERS` letters for each side, and a line in two
    scripts that many in each (Han, kana and Hangul letters weighed as three). Otherwise it needs words
    telling the main language and words telling another (function words,
    Vietnamese letters, accents in an English document): two of each, or, where a
    sentence ends inside it, one of the other (two when every letter is ASCII) and
    two of either. Each count stops once it settles the answer
    (:func:`_count_accented`): the answer is that of the full counts.
    """
    if len(text) > MAX_CHARS:
        return False
    letters = langid.letter_count(text)
    if letters < MIN_SIDE_LETTERS or weighted_letter_count(text, letters) < 2 * MIN_SIDE_LETTERS:
        return False  # each side of a cut holds MIN_SIDE_LETTERS letters
    if two_scripts(text, letters) is not None:
        latin = latin_letter_count(text)
        return min(latin, weighted_letter_count(text, letters) - latin) >= MIN_SIDE_LETTERS
    words = lower_words(text)
    tells_main, tells_other = _telling_words(main)
    # as in _split, a word said twice is one piece of evidence
    known = FUNCTION_WORD_SET.intersection(words)
    mains, others = len(known & tells_main), len(known & tells_other)
    plain = text.isascii() or not has_letter_beyond_ascii(text)
    if not plain:
        mains, others = _count_accented(words, main, mains, others)
    if mains >= MIN_WORDS and others >= MIN_WORDS:
        return True
    # where a sentence ends: one word of another language, but two in a line of
    # ASCII letters only (``de``, ``van`` and ``le`` are in English names too)
    least = MIN_WORDS if plain else 1
    return others >= least and max(mains, others) >= MIN_WORDS and bool(_SENTENCE_BREAK.search(text))


@cache
def _telling_words(main: str) -> tuple[frozenset[str], frozenset[str]]:
    """The function words of ``main``, and those of another language (some are both)."""
    return (
        frozenset(word for word, langs in WORD_LANGS.items() if main in langs),
        frozenset(word for word, langs in WORD_LANGS.items() if not langs <= {main}),
    )


def _count_accented(words: tuple[str, ...], main: str, mains: int, others: int) -> tuple[int, int]:
    """``mains`` and ``others`` (for :func:`_may_be_mixed`), plus the words that tell by their letters.

    A word with a Vietnamese letter tells Vietnamese; one with accents tells "not
    English". The gate asks of each count only whether it reaches 1 or
    :data:`MIN_WORDS`, so counting stops once each count has reached
    :data:`MIN_WORDS` or cannot rise any more: the gate's answer is the full count's.
    """
    can_main, can_other = main != "en", main != "vi"  # which count such words can raise
    if not can_other and others == 0:
        return mains, others  # no word of another language: nothing more can pass the gate
    for word in set(words):
        if (mains >= MIN_WORDS or not can_main) and (others >= MIN_WORDS or not can_other):
            break
        if word.isascii() or word in WORD_LANGS:
            continue
        if VI_LETTER.search(word):
            mains += main == "vi"
            others += main != "vi"
        elif ACCENTED.search(word):  # not English: the other language, or the main one
            mains += main != "en"
            others += main == "en"
    return mains, others


def _label(langs: frozenset[str] | None, main: str, other: str) -> str | None:
    """``main``, ``other`` or ``None``: which of the two a word with ``langs`` belongs to."""
    if langs is None:
        return None
    if langs is NOT_ENGLISH:
        langs = frozenset({other}) if main == "en" else frozenset({main}) if other == "en" else langs
    in_main, in_other = main in langs, other in langs
    return main if in_main and not in_other else other if in_other and not in_main else None


def _other_language(word_langs: list[frozenset[str] | None], main: str) -> str | None:
    """The language besides ``main`` the words show most (``~`` when only accents show one)."""
    votes: dict[str, float] = {}
    for langs in filter(None, word_langs):
        if main not in langs and langs is not NOT_ENGLISH:
            for lang in langs:
                votes[lang] = votes.get(lang, 0.0) + 1 / len(langs)
    if votes:
        return min(votes, key=lambda lang: (-votes[lang], lang))
    if main == "en" and NOT_ENGLISH in word_langs:
        return NOT_MAIN
    return None


def _split(line: Line, main: str, settings: Settings) -> list[Line] | None:
    """Two lines (same number) when ``line`` is a caption and its translation, else ``None``."""
    cut = _find_cut(line.text, main, settings.seed)
    if cut is None:
        return None
    left, right = line.text[: cut.at].strip(), line.text[cut.at :].strip()
    parts = [Line(number=line.number, text=left), Line(number=line.number, text=right)]
    src_part, tgt_part = (parts[0], parts[1]) if cut.other_first else (parts[1], parts[0])
    src_part.lang, src_part.lang_score = cut.src_lang, langid.CERTAIN
    tgt_part.lang, tgt_part.lang_score = main, langid.CERTAIN
    return parts


class _Cut(NamedTuple):
    """Where a line is cut, which side comes first, the other side's language, and the pair score."""

    at: int
    other_first: bool
    src_lang: str
    score: float


def _find_cut(text: str, main: str, seed: int) -> _Cut | None:
    """The cut of a line holding a caption and its translation; ``None`` when it holds one language."""
    tokens = TOKEN.findall(text)
    word_langs = list(map(word_languages, tokens))
    other = _other_language(word_langs, main)
    if other is None:
        return None
    main_script, other_script = script_of_language(main), script_of_language(other)
    if other_script != main_script:
        # two scripts: every word of a script counts, not just those that tell alone
        by_script: dict[str | None, str] = {main_script: main, other_script: other}
        langs = [by_script.get(_token_script(token)) for token in tokens]
    else:
        langs = [None if word is None else _label(word, main, other) for word in word_langs]
    told_main, told_other = _distinct(tokens, langs, main), _distinct(tokens, langs, other)
    if min(told_main, told_other) < MIN_WORDS:
        # Few telling words of one language: a name or a loanword, unless a sentence end
        # may part them (a caption, then its translation): one language shows well, and
        # the other at least once. A line with no word of one language is in the other,
        # however langdetect reads its sentences ("¡No van a romper! ¿Chandler y Janice?").
        shows = min(told_main, told_other) >= 1 and max(told_main, told_other) >= MIN_WORDS
        if other_script == "latin" and shows:
            return _cut_at_sentence(text, main, seed)
        return None
    # accents alone say less than a function word or a script
    weights = [_ACCENT_WEIGHT if word is NOT_ENGLISH else 1.0 for word in word_langs]
    other_first_costs, main_first_costs, whole = _cut_costs(langs, weights, main, other)
    fewest = min(min(other_first_costs), min(main_first_costs))
    if fewest >= whole:
        return None  # no cut does better than the line left whole, in one language or the other
    if fewest > max(1, _MAX_WRONG_SHARE * (langs.count(main) + langs.count(other))):
        return None  # words of both languages all along: one language quoting the other
    starts = _starts(text, tokens)
    ties = _best_cuts(text, tokens, starts, other_first_costs, main_first_costs, fewest)
    if len(ties) > 1:  # the better translation pair wins, then the earlier cut
        ties.sort(key=lambda tie: (-_pair_at(text, starts[tie[0]], tie[1], other, main), tie[0]))
    cut, other_first = ties[0]
    strong = other_script != main_script and _script_change_after_stop(text, starts[cut])
    return _try_cut(text, starts[cut], other_first, other, main, seed, strong)


def _starts(text: str, tokens: list[str]) -> list[int]:
    """Where each of ``tokens`` (``TOKEN.findall(text)``, in order) starts in ``text``.

    Only white space stands between two tokens, and a token holds none: each
    starts at its first occurrence after the end of the one before.
    """
    starts, end = [], 0
    for token in tokens:
        start = text.find(token, end)
        starts.append(start)
        end = start + len(token)
    return starts


def _best_cuts(
    text: str,
    tokens: list[str],
    starts: list[int],
    other_first_costs: list[float],
    main_first_costs: list[float],
    fewest: float,
) -> list[tuple[int, bool]]:
    """The cuts (before which word, other language first?) of least cost, shape included, in order.

    A cut at a sentence end, before a capital, is worth a misplaced word or so:
    its shape adds under 1 to its cost. Costs are sums of word weights (0.5 or 1),
    so a cut costing ``fewest + 1`` or more never ties the best; its shape is not
    looked at.
    """
    limit = fewest + 1
    near = {index for index, cost in enumerate(other_first_costs) if cost < limit}
    near.update(index for index, cost in enumerate(main_first_costs) if cost < limit)
    ranked = []
    for index in sorted(near):
        cut = index + 1  # the cut before word ``cut``
        end = starts[cut - 1] + len(tokens[cut - 1])
        shape = _UNPUNCTUATED * (not _SENTENCE_END.search(text, max(0, end - 2), end))
        shape += _LOWER_NEXT * (not _STARTS_SENTENCE.match(text, starts[cut]))
        ranked.append((round(other_first_costs[index] + shape, 6), cut, True))
        ranked.append((round(main_first_costs[index] + shape, 6), cut, False))
    least = min(key for key, _, _ in ranked)
    return [(cut, other_first) for key, cut, other_first in ranked if key == least]


def _cut_at_sentence(text: str, main: str, seed: int) -> _Cut | None:
    """When words alone do not tell: cut at the sentence end where the language changes."""
    cuts = [m.end() for m in _SENTENCE_BREAK.finditer(text)][:_MAX_SENTENCE_CUTS]
    best: _Cut | None = None
    for at in cuts:
        left_lang = _side_language(text[:at].strip(), NOT_MAIN, seed)
        if left_lang is None:
            continue
        right_lang = _side_language(text[at:].strip(), NOT_MAIN, seed)
        if right_lang is None or left_lang == right_lang or main not in (left_lang, right_lang):
            continue
        other_first = right_lang == main
        other = left_lang if other_first else right_lang
        cut = _try_cut(text, at, other_first, other, main, seed)
        if cut is not None and (best is None or cut.score > best.score):
            best = cut
    return best


@lru_cache(maxsize=1 << 15)
def _token_script(token: str) -> str | None:
    """The script of ``token``'s letters (as :func:`script_of_language` names it); ``None`` for no letters."""
    lang = script_language(token)
    if lang is not None:
        return script_of_language(lang)
    return "latin" if LATIN_LETTER.search(token) else None


def _distinct(tokens: list[str], langs: list[str | None], lang: str) -> int:
    """How many different words tell ``lang``, up to :data:`MIN_WORDS` (all that is asked of it).

    A word said twice is one piece of evidence.
    """
    words: set[str] = set()
    for token in compress(tokens, map(eq, langs, repeat(lang))):
        words.add(token.strip(PUNCTUATION).lower())
        if len(words) >= MIN_WORDS:
            break
    return len(words)


def _cut_costs(
    langs: list[str | None], weights: list[float], main: str, other: str
) -> tuple[list[float], list[float], float]:
    """For each cut (before the second word, the third...), the weight of the words on the
    wrong side: with the other language first, and with the main language first; and what
    leaving the line whole costs (in the cheaper of the two languages)."""
    main_weights = [weight if lang == main else 0.0 for lang, weight in zip(langs, weights, strict=True)]
    other_weights = [weight if lang == other else 0.0 for lang, weight in zip(langs, weights, strict=True)]
    total_main, total_other = sum(main_weights), sum(other_weights)
    main_before, other_before = accumulate(main_weights[:-1]), accumulate(other_weights[:-1])
    pairs = list(zip(main_before, other_before, strict=True))
    return (
        [main_sum + (total_other - other_sum) for main_sum, other_sum in pairs],
        [other_sum + (total_main - main_sum) for main_sum, other_sum in pairs],
        min(total_main, total_other),
    )


def _sides(text: str, at: int, other_first: bool) -> tuple[str, str]:
    """The two sides of a cut at ``at``: the other language's (the source), then the main one's."""
    left, right = text[:at].strip(), text[at:].strip()
    return (left, right) if other_first else (right, left)


def _pair_at(text: str, at: int, other_first: bool, other: str, main: str) -> float:
    """The pair score of the two sides of a cut at ``at``."""
    src, tgt = _sides(text, at, other_first)
    return pair_score(src, other, tgt, main)


def _script_change_after_stop(text: str, at: int) -> bool:
    """Whether ``at`` follows a full stop (``。！？``, ``.!?``) and the script changes there.

    A cut there is as sure as cuts come: a sentence ends, and the next is in
    another script (``…的前面。Our bus…``, ``…the wave hit. 她说…``).
    """
    before = _LAST_LETTER_AND_STOP.search(text, 0, at)
    after = _FIRST_LETTER.search(text, at)
    if before is None or after is None:
        return False
    return _token_script(before.group(1)) != _token_script(after.group())


def _try_cut(
    text: str, at: int, other_first: bool, other: str, main: str, seed: int, strong: bool = False
) -> _Cut | None:
    """The cut at ``at`` when its sides are long enough and translate each other; else ``None``.

    A ``strong`` cut (:func:`_script_change_after_stop`) needs no pair score: its sides'
    words tell two languages, and a sentence ends between them. Whether they pair is
    for :mod:`normalize.pairing`.
    """
    src, tgt = _sides(text, at, other_first)
    if min(weighted_letter_count(src), weighted_letter_count(tgt)) < MIN_SIDE_LETTERS:
        return None
    src_lang = _side_language(src, other, seed)
    if src_lang is None or src_lang == main:
        return None
    score = pair_score(src, src_lang, tgt, main)
    if score < MIN_SPLIT_SCORE and not strong:
        return None
    return _Cut(at, other_first, src_lang, score)


def _side_language(text: str, hint: str, seed: int) -> str | None:
    """The language of one side of a cut.

    A long side: its sure guess. A short one: its own words first (two function
    words or more of one language, twice as many as of any other), then its sure
    guess (langdetect is asked among the languages of the side's script, as for
    a long line: :func:`normalize.langid.script_candidates`). Last, what the cut
    was made on; words with accents only show "not English" (``~``), and then
    the guess must say which.
    """
    own = _own_language(text, seed, langid.in_reference_mode())
    if own is not None:
        return own
    return None if hint == NOT_MAIN else hint


@lru_cache(maxsize=1 << 12)
def _own_language(text: str, seed: int, reference: bool) -> str | None:
    """What a side says of its language by itself, ``None`` when unsure (:func:`_side_language`).

    Cached: a side asked where the language changes is asked again when cut.
    ``reference`` (whether :func:`normalize.langid._reference_mode` is on) is
    part of the key only: an answer of one mode is never reused in the other.
    """
    letters = langid.letter_count(text)
    guess = langid.cheap_guess(text, letters)
    if guess is None and letters >= _LONG_SIDE:  # only a sure answer counts
        guess = langid.ask_langdetect(text, seed, langid.script_candidates(text, letters))
    if guess and guess[0][1] >= langid.SURE:
        return guess[0][0]
    told = Counter(
        next(iter(langs))
        for token in TOKEN.findall(text)
        if (langs := word_languages(token)) is not None and len(langs) == 1 and langs is not NOT_ENGLISH
    ).most_common(2)
    if told and told[0][1] >= MIN_WORDS and (len(told) == 1 or told[0][1] >= 2 * told[1][1]):
        return told[0][0]
    if guess is None:  # only a sure answer counts
        guess = langid.ask_langdetect(text, seed, langid.script_candidates(text, letters))
    if guess and guess[0][1] >= langid.SURE:
        return guess[0][0]
    return None


#: A side with this many letters is long enough for langdetect alone.
_LONG_SIDE = 40
