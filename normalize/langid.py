"""Detect each line's language, with the document's own languages as context.

Three passes, in the manner of jusText (classify each line alone, then revise
the unclear ones from the document):

1. Each line alone (:func:`_first_guess`): a line with no letters gets no
   language; a script or alphabet that settles the question settles it
   (Vietnamese letters, Han, kana, Hangul...); a line under 20 letters is
   left open (langdetect alone is never trusted on it); so is a line whose
   words tell two languages (a caption joined to its translation,
   :func:`two_languages`): it is evidence of neither until it is cut. A long
   Latin-script line whose common words leave no doubt is settled by them
   (:func:`common_words_language`, which answers only where it agrees with
   langdetect); otherwise langdetect among the languages of the line's
   script, its answer read off its profiles (nothing is sampled)
   (:func:`read_profiles`); but a short line (under 40 letters) that only
   langdetect could tell is put off. Each line's first guess is cached: a
   site's bylines and taglines come back in article after article.
2. The document's main language is the one holding most letters, and its
   languages are those that hold a fair share of them
   (:mod:`normalize._doc_languages`; a line put off is read only where what it
   could add might change them). :func:`guess_languages` ends here.
3. Then, once :mod:`normalize.mixed` has cut the lines that hold two
   languages, :func:`settle_languages`: a two-language line left whole is
   read whole; unclear lines (low confidence, or a language the document
   does not use) are asked again with langdetect restricted to the
   document's languages; a line still unclear gets ``None``, never a guess. A
   line put off, in a document with one language of its script, is that
   language, as reading it would have settled it (:func:`_settle_open`).

A line that holds two languages (a caption and its translation on one line)
is cut in two by :mod:`normalize.mixed` between the two functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from normalize._cache import per_line_cache
from normalize._common_words import (
    COMMON_MIN_LETTERS,
    common_word_languages,
    english_among_names,
    english_and_other_words,
)
from normalize._common_words import common_words_language as common_words_language
from normalize._doc_languages import CERTAIN as CERTAIN
from normalize._doc_languages import DOC_SHARE as DOC_SHARE
from normalize._doc_languages import (
    PUT_OFF,
    FirstGuess,
    carried_equally,
    document_languages,
    original_language,
    outcome_stands,
    put_off_reach,
    weights,
)
from normalize._doc_languages import SURE as SURE
from normalize._doc_languages import TRUSTED_LETTERS as TRUSTED_LETTERS
from normalize._doc_languages import trusted as _trusted
from normalize._langdetect import Guess as Guess
from normalize._langdetect import _words as _langdetect_words
from normalize._langdetect import langdetect_ranked as langdetect_ranked
from normalize._profiles import MAX_WORDS, read_profiles
from normalize._scripts import (
    ACCENTED,
    CYRILLIC_LANGS,
    LATIN_LANGS,
    LETTER_RUN,
    SCRIPT_CANDIDATES,
    SCRIPT_DECIDES,
    SCRIPTS,
    VI_LETTER,
    VI_WORD,
    beyond_ascii,
    languages_marked,
    same_script,
    script_of,
)
from normalize._scripts import letter_count as letter_count
from normalize._scripts import script_candidates as script_candidates
from normalize._telling import two_languages
from normalize.document import Document, Line
from normalize.settings import Settings

#: Lines with fewer letters than this get no language at all.
MIN_LETTERS = 3

_ENGLISH_WORDS = (
    *("the", "and", "of", "is", "are", "was", "were", "to"),
    *("in", "for", "with", "that", "this", "from", "said"),
)
_ENGLISH_FIRST_LETTERS = "".join(sorted({word[0] for word in _ENGLISH_WORDS}))
#: One of :data:`_ENGLISH_WORDS`; the look-ahead for their first letters turns most positions away at once.
_ENGLISH_WORD = re.compile(rf"\b(?=[{_ENGLISH_FIRST_LETTERS}])(?:{'|'.join(_ENGLISH_WORDS)})\b", re.I)
_CJK_LANGS = frozenset({"ja", "ko", "zh"})
_SCRIPTS = tuple((lang, pattern) for lang, pattern in SCRIPTS if lang in SCRIPT_DECIDES)
#: A letter of any of :data:`_SCRIPTS`: one search tells most lines none of them can decide.
_DECIDING = re.compile("|".join(pattern.pattern for _, pattern in _SCRIPTS))



def guess_languages(doc: Document, settings: Settings) -> None:
    """Give each line its guess alone, and set ``doc.lang`` and ``doc.langs``.

    Each line's ``lang``/``lang_score`` is its own guess's first language for
    now, ``None`` when the line is left open or put off (:func:`_first_guess`);
    :func:`settle_languages` gives the final ones.
    """
    guesses: list[FirstGuess]
    if _REFERENCE:
        guesses = [_reference_guess(line.text, settings.seed) for line in doc.lines]
    else:
        guesses = [_first_guess(line.text) for line in doc.lines]
    doc.lang, doc.langs = _document_languages(doc.lines, guesses, settings)
    for line, guess in zip(doc.lines, guesses, strict=True):
        line.lang, line.lang_score = guess[0] if isinstance(guess, tuple) and guess else (None, 0.0)


def _document_languages(
    lines: Sequence[Line], guesses: list[FirstGuess], settings: Settings
) -> tuple[str | None, tuple[str, ...]]:
    """The document's main language and languages, from its lines' guesses (:func:`weights`).

    Lines whose words tell two languages count only when they hold more
    letters than the lines that count (in English letters' worth): then they
    are read whole now, their guesses set in ``guesses``. Lines put off count
    for nothing, as long as nothing they could add changes the outcome
    (:func:`put_off_reach`, :func:`outcome_stands`); otherwise some are read
    now (:func:`_read_put_off`) and the outcome is worked out again: it is
    what it would have been had none been put off.
    """
    weight = weights(lines, guesses)
    reach, most = put_off_reach(lines, guesses)
    two = [index for index, line in enumerate(lines) if guesses[index] is None and _is_long(line)]
    two_letters, counted = sum(letter_count(lines[index].text) for index in two), sum(weight.values())
    if reach and counted < two_letters <= counted + most:
        return _document_languages(lines, _read_put_off(lines, guesses, None), settings)
    if two_letters > counted:
        for index in two:  # most of the text: the document cannot be told without them
            guesses[index] = _whole_guess(lines[index].text, settings.seed)
        weight = weights(lines, guesses)
    main = settings.main_lang or original_language(lines, guesses, weight)
    langs = document_languages(weight, main)
    fixed = settings.main_lang is not None or carried_equally(lines, guesses, weight) is not None
    if not outcome_stands(weight, langs, reach, most, fixed):
        return _document_languages(lines, _read_put_off(lines, guesses, main), settings)
    return main, langs


def _read_put_off(lines: Sequence[Line], guesses: list[FirstGuess], main: str | None) -> list[FirstGuess]:
    """``guesses``, with some lines put off read now (:func:`_read_off_profiles`: their words
    settled nothing): those that could count for a language other than ``main`` (by a common
    word, :func:`put_off_reach`), or, when none could, those that could count for ``main``. At
    least one line is read."""
    put_off = [index for index, guess in enumerate(guesses) if guess is PUT_OFF]
    could = {index: common_word_languages(lines[index].text) for index in put_off}
    read = [index for index in put_off if could[index] - {main}]
    for index in read or [index for index in put_off if could[index]]:
        text = lines[index].text
        guesses[index] = _read_off_profiles(text, letter_count(text))
    return guesses


def settle_languages(doc: Document, settings: Settings) -> None:
    """Set every line's final ``lang``/``lang_score``, after :func:`guess_languages`.

    A line left open is read whole when it is long (its words told two
    languages and it was not cut), and settled among the document's languages
    when short (:func:`_settle_short`); every other line keeps or revises its
    guess (:func:`_settle`). A line whose guess was no language (too few
    letters, or no n-gram langdetect knows) ends with none either way.
    """
    for line in doc.lines:
        if line.lang is not None:
            _settle(line, ((line.lang, line.lang_score),), doc.langs, settings.seed)
        elif _is_long(line):
            _settle_open(line, doc.langs, settings.seed)
        else:
            _settle_short(line, doc.langs, settings.seed)


def _settle_open(line: Line, doc_langs: tuple[str, ...], seed: int) -> None:
    """Settle a long line left open (its words told two languages, and it was not cut) or put off.

    It is read whole (:func:`_whole_guess`), then settled as any line
    (:func:`_settle`). But a line put off, in a document with one language of
    its script, that is not a line of accented words in an English document
    (:func:`_not_english`), ends in that language whatever langdetect reads:
    :func:`_settle` keeps langdetect's answer on a line this short only when it
    is one of the document's languages, and asks among those of the line's
    script otherwise. So it is asked among that one language only.
    """
    text, letters = line.text, letter_count(line.text)
    if _REFERENCE or letters >= COMMON_MIN_LETTERS or _first_guess(text) is not PUT_OFF:
        _settle(line, _whole_guess(text, seed), doc_langs, seed)
        return
    same = same_script(text, letters, doc_langs)
    if len(same) == 1 and not _not_english(text, doc_langs):
        answer = ask_langdetect(text, seed, same)
        line.lang, line.lang_score = answer[0] if answer else (None, 0.0)
    else:  # its words settled nothing (:func:`_first_guess`)
        _settle(line, _read_off_profiles(text, letters), doc_langs, seed)


@per_line_cache
def _first_guess(text: str) -> FirstGuess:
    """A line's guess on its own; ``None`` leaves it open, :data:`PUT_OFF` puts it off.

    Cached (:func:`per_line_cache`): a site's bylines, taglines and share rows
    come back in article after article. Nothing is sampled, so no seed.

    A line under :data:`TRUSTED_LETTERS` letters gets only what its script
    settles, as in the reference (:func:`_reference_guess`); so does a line whose
    words tell two languages (:func:`two_languages`). Another:
    :func:`_long_line_guess`, but a line that only langdetect could tell is put
    off when it is short (:func:`_may_put_off`): the document's languages may
    not need it (:func:`outcome_stands`), nor its own (:func:`_settle_open`).
    """
    letters = letter_count(text)
    guess = _script_guess(text, letters)
    if guess is not None or _left_open(text, letters):
        return guess
    guess = _cheap_long_guess(text, letters)
    if guess is not None:
        return guess
    return PUT_OFF if _may_put_off(text, letters) else _read_off_profiles(text, letters)


def _long_line_guess(text: str, letters: int) -> Guess:
    """The guess of a long line that no script settles: what its words settle
    (:func:`_cheap_long_guess`), else :func:`_read_off_profiles`."""
    guess = _cheap_long_guess(text, letters)
    return _read_off_profiles(text, letters) if guess is None else guess


def _read_off_profiles(text: str, letters: int) -> Guess:
    """langdetect's answer among the languages of the line's script, read off its profiles
    (:func:`read_profiles`)."""
    return read_profiles(text, script_candidates(text, letters))


def _cheap_long_guess(text: str, letters: int) -> Guess | None:
    """What a long line's words settle without langdetect; ``None`` when they do not.

    The line's letters and common words (:func:`_words_guess`); then a line of
    English words around Vietnamese names (:func:`english_among_names`) is
    English; then a plain ASCII line of English common words
    (:func:`_plainly_english`).
    """
    guess = _words_guess(text, letters)
    if guess is None and english_among_names(text, letters):
        guess = (("en", CERTAIN),)
    if guess is None and _plainly_english(text, letters):
        guess = (("en", SURE),)
    return guess


def _may_put_off(text: str, letters: int) -> bool:
    """Whether a line that only langdetect can tell may be put off: under
    ``COMMON_MIN_LETTERS`` letters, mostly Latin or Cyrillic, and of at most
    ``MAX_WORDS`` words (so that reading it among one language, which finds an
    n-gram in any of its words, answers when reading all its script's would)."""
    return (
        letters < COMMON_MIN_LETTERS
        and script_of(text, letters) in (LATIN_LANGS, CYRILLIC_LANGS)
        and len(_langdetect_words(text)) <= MAX_WORDS
    )


def _left_open(text: str, letters: int) -> bool:
    """Policy, the same in the reference: a line no script settles is left open by its first
    guess when it is short (langdetect alone is never trusted on it) or its words tell two
    languages (:func:`two_languages`: evidence of neither until it is cut)."""
    return letters < TRUSTED_LETTERS or two_languages(text, letters)


def _is_long(line: Line) -> bool:
    """Whether ``line`` is long enough for langdetect to be trusted on it: left open by its
    first guess, such a line's words told two languages."""
    return letter_count(line.text) >= TRUSTED_LETTERS


def _whole_guess(text: str, seed: int) -> Guess:
    """The guess of a long line read whole, past the two-language test (in the reference: langdetect)."""
    if _REFERENCE:
        return langdetect_ranked(text, seed, None)
    return _long_line_guess(text, letter_count(text))


def _reference_guess(text: str, seed: int) -> Guess | None:
    """The reference first guess: seeded langdetect on every line of 20 letters or more.

    What is policy rather than shortcut is the same as :func:`_first_guess`:
    a script only one language writes settles the line, and a shorter line,
    or one whose words tell two languages, is left open (langdetect alone is
    never trusted on the first; the second is evidence of neither language
    until it is cut).
    """
    letters = letter_count(text)
    guess = _script_guess(text, letters)
    if guess is not None or _left_open(text, letters):
        return guess
    return langdetect_ranked(text, seed, None)


def _script_guess(text: str, letters: int) -> Guess | None:
    """What the line's script settles: no language under :data:`MIN_LETTERS` letters, the
    language of a script only one writes, or ``None``."""
    if letters < MIN_LETTERS:
        return ()
    script = _script_language(text, letters)
    return None if script is None else ((script, CERTAIN),)


#: Set only by :func:`_reference_mode`.
_REFERENCE = False


@contextmanager
def _reference_mode() -> Iterator[None]:
    """Within it, :func:`guess_languages` and :func:`settle_languages` run as the reference
    of their shortcuts (benchmark and tests only).

    Every line of 20 letters or more gets seeded langdetect over all its
    languages as its first guess (:func:`_reference_guess`: no Vietnamese,
    common-word or English shortcut), and every later question is answered by
    langdetect's own sampling, never read off its profiles. What is policy is
    the same in both modes: a script only one language writes settles a line,
    and shorter lines are settled among the document's languages
    (:func:`_settle_short`). The fast mode's shortcuts are right when its final
    ``line.lang`` equals this mode's (``benchmarks/throughput.py`` reports the
    share). Not thread-safe: it switches a module flag.
    """
    global _REFERENCE
    previous = _REFERENCE
    try:
        _REFERENCE = True
        yield
    finally:
        _REFERENCE = previous


def in_reference_mode() -> bool:
    """Whether :func:`_reference_mode` is on (for caches whose answers depend on it)."""
    return _REFERENCE


def ask_langdetect(text: str, seed: int, only: tuple[str, ...] | None) -> Guess:
    """langdetect's ranked guess among ``only``, read off its profiles (:func:`read_profiles`).

    In :func:`_reference_mode`, langdetect's own sampling instead.
    """
    if _REFERENCE:
        return langdetect_ranked(text, seed, only, shortcut=False)
    return read_profiles(text, only)


def guess_line(text: str, seed: int = 0) -> Guess:
    """Rank the languages ``text`` may be in, on its own."""
    letters = letter_count(text)
    guess = cheap_guess(text, letters)
    return langdetect_ranked(text, seed, None) if guess is None else guess


def cheap_guess(text: str, letters: int) -> Guess | None:
    """What the line's letters settle without langdetect; ``None`` when they do not.

    No language under :data:`MIN_LETTERS` letters; a script or alphabet that
    settles it (:func:`_script_guess`); then its words (:func:`_words_guess`).
    """
    guess = _script_guess(text, letters)
    return _words_guess(text, letters) if guess is None else guess


def _words_guess(text: str, letters: int) -> Guess | None:
    """Vietnamese letters in a clear share of the words; common words that leave no doubt
    (:func:`common_words_language`); else ``None``."""
    vietnamese = VI_LETTER.search(beyond_ascii(text)) is not None and _vietnamese_share(text) >= 0.3
    if vietnamese and len(_ENGLISH_WORD.findall(text)) < 2:
        return (("vi", CERTAIN),)
    common = common_words_language(text, letters)
    if common is not None:
        return ((common, CERTAIN),)
    return None


def _plainly_english(text: str, letters: int) -> bool:
    """A short plain-ASCII line of English common words, far more than of another language's."""
    if not TRUSTED_LETTERS <= letters < COMMON_MIN_LETTERS or not text.isascii():
        return False
    english, others = english_and_other_words(text)
    return english >= 2 and english > 2 * others


def _script_language(text: str, letters: int) -> str | None:
    """The language a script alone decides, when most letters are in it.

    "Most" is half for Han, kana and Hangul, whose one character says as much as
    three Latin letters (a name in Latin letters inside Chinese is still Chinese),
    four fifths for the others.
    """
    if text.isascii():
        return None
    beyond = beyond_ascii(text)
    if _DECIDING.search(beyond) is None:
        return None
    for lang, pattern in _SCRIPTS:
        count = len(pattern.findall(beyond))
        if count == 0:
            continue
        if lang == "zh" and _SCRIPTS[0][1].search(beyond):
            return None  # Han with kana is Japanese: let the next pattern decide
        if count >= (0.5 if lang in _CJK_LANGS else 0.8) * letters:
            return lang
    return None


def _vietnamese_share(text: str) -> float:
    """Share of the words that hold a letter only Vietnamese uses."""
    words = len(LETTER_RUN.findall(text))
    return len(VI_WORD.findall(text)) / words if words else 0.0


def _not_english(text: str, doc_langs: tuple[str, ...]) -> bool:
    """In an English document, a line whose words are often accented (or that asks ¿ or
    exclaims ¡) is not English."""
    if not doc_langs or doc_langs[0] != "en":
        return False
    if text.isascii():
        return False
    if "¿" in text or "¡" in text:
        return True
    words = LETTER_RUN.findall(text)
    accented = sum(1 for word in words if ACCENTED.search(word))
    return accented >= 2 and accented * 4 >= len(words)


def _settle(line: Line, guess: Guess, doc_langs: tuple[str, ...], seed: int) -> None:
    """Give ``line`` its language, asking again among the document's when unclear."""
    if not guess:
        line.lang, line.lang_score = None, 0.0
        return
    lang, prob = guess[0]
    letters = letter_count(line.text)
    if lang == "en" and prob < CERTAIN and _not_english(line.text, doc_langs):
        # names fooled langdetect ("¡No van a romper! ¿Chandler y Janice?"): ask among the others
        others = ask_langdetect(line.text, seed, _NOT_ENGLISH_LATIN)
        if others and others[0][1] >= 0.5:
            line.lang, line.lang_score = others[0]
            return
    trusted = _trusted(guess, letters)
    if trusted and (prob >= CERTAIN or lang in doc_langs or letters >= 40):
        # sure, and: settled by its script, one of the document's languages, or long
        line.lang, line.lang_score = lang, prob
        return
    same = same_script(line.text, letters, doc_langs)
    if trusted and (not same or _not_english(line.text, doc_langs)):
        # sure, and: in a script none of the document's languages writes, or a line of
        # accented words in an English document
        line.lang, line.lang_score = lang, prob
        return
    if same:
        restricted = ask_langdetect(line.text, seed, same)
        if restricted and restricted[0][1] >= 0.5:
            line.lang, line.lang_score = restricted[0]
            return
    line.lang, line.lang_score = None, prob


_NOT_ENGLISH_LATIN = tuple(sorted(LATIN_LANGS - {"en"}))


def _settle_short(line: Line, doc_langs: tuple[str, ...], seed: int) -> None:
    """Settle a line the cheap evidence left open, short enough never to be trusted alone.

    Its language is one of the document's or ``None``. Among the document's
    languages written in the line's script: none gives ``None`` (but Cyrillic,
    which no document language writes, is one of the Cyrillic languages); one is the
    answer; of several, letters only one of them uses (Vietnamese letters, ß,
    ñ, ...) decide; otherwise langdetect restricted to them does, as
    :func:`_settle` would.
    """
    line.lang, line.lang_score = None, 0.0
    letters = letter_count(line.text)
    if letters < MIN_LETTERS or not doc_langs:
        return
    candidates = same_script(line.text, letters, doc_langs)
    if not candidates and script_of(line.text, letters) is CYRILLIC_LANGS:
        # Cyrillic in a document of other scripts: certainly not one of its languages
        candidates = SCRIPT_CANDIDATES[CYRILLIC_LANGS]
    if not candidates:
        return
    if candidates[0] == "en" and line.text.isascii() and doc_langs[0] == "en":
        candidates = ("en",)  # an English document's short line with no other language's letters
    if len(candidates) > 1:
        shown = languages_marked(line.text)
        marked = [lang for lang in candidates if lang in shown]
        if len(marked) == 1:
            candidates = (marked[0],)
    restricted = ask_langdetect(line.text, seed, candidates)
    if restricted and restricted[0][1] >= 0.5:
        line.lang, line.lang_score = restricted[0]
