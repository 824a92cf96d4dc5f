"""Writing systems: which letters belong to which script, and the letters only Vietnamese uses.

One table for every step that looks at scripts (:mod:`normalize.langid`,
:mod:`normalize.mixed`, :mod:`normalize._score`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from normalize._cache import CACHE_SIZE

#: Letters only Vietnamese uses among the Latin-script languages (ơ ư đ and the
#: vowels with a dot below or a hook above).
VI_LETTER = re.compile("[\u01a0\u01a1\u01af\u01b0\u0110\u0111\u1ea0-\u1ef9]")
#: A word (run of letters) with such a letter, matched from its first one to its end:
#: one match per word, so its matches count the words that hold one.
VI_WORD = re.compile(VI_LETTER.pattern + r"[^\W\d_]*")

#: Each script, by the language that stands for it (kana before Han: Japanese
#: text holds both). Cyrillic, Arabic and Devanagari stand for several
#: languages each; :data:`SCRIPT_DECIDES` names the scripts that settle one.
SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile("[\u3040-\u30ff\u31f0-\u31ff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("zh", re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ar", re.compile("[\u0600-\u06ff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("hi", re.compile("[\u0900-\u097f]")),
)
#: Scripts written by one language only, as far as langdetect knows.
SCRIPT_DECIDES = frozenset({"ja", "ko", "zh", "th", "el", "he"})
#: Scripts whose names cannot be compared with Latin letters (Cyrillic can: it is transliterated).
NO_LATIN_NAMES = re.compile(
    "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff\u0e00-\u0e7f\u0900-\u097f]"
)
#: A letter of the Latin alphabets (Vietnamese included).
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
#: A letter beyond the Latin alphabets (Vietnamese included). The character class
#: comes first, the letter test after it: a search then skips other characters fast.
BEYOND_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff](?<=[^\W\d_])")
#: A Latin letter with an accent, as English words never have.
ACCENTED = re.compile("[\u00c0-\u024f]")
#: A Cyrillic letter.
CYRILLIC = re.compile("[\u0400-\u04ff]")
#: Languages langdetect knows that are written in the Latin alphabet, and in the Cyrillic one.
LATIN_LANGS = frozenset(
    [
        "af",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "so",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "vi",
    ]
)
CYRILLIC_LANGS = frozenset({"bg", "mk", "ru", "uk"})
#: The languages of each script above, sorted: what langdetect is asked among for a line in
#: that script (smallest first; all it knows for another script).
SCRIPT_CANDIDATES = {script: tuple(sorted(script)) for script in (CYRILLIC_LANGS, LATIN_LANGS)}
#: Characters of the CJK scripts and their punctuation, one word each.
CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"


def script_of_language(lang: str) -> str:
    """The script ``lang`` is written in: ``"latin"``, ``"cyrillic"``, ``"cjk"`` or its own code."""
    if lang in CYRILLIC_LANGS or lang in ("sr", "be", "kk"):
        return "cyrillic"
    if lang in ("ja", "ko", "zh"):
        return "cjk"
    if lang in ("ar", "th", "el", "he", "hi"):
        return lang
    return "latin"


def script_language(token: str) -> str | None:
    """The language standing for the first non-Latin script in ``token``, if any."""
    for lang, pattern in SCRIPTS:
        if pattern.search(token):
            return lang
    return None


#: Characters of a language per character of the same text in English (measured on
#: translated captions); a Chinese text says as much as an English one three times longer.
CHARS_PER_ENGLISH_CHAR = {
    "zh": 0.30,
    "ja": 0.38,
    "ko": 0.45,
    "th": 0.95,
    "vi": 1.02,
    "ru": 1.03,
    "uk": 1.03,
    "bg": 1.05,
    "fr": 1.13,
    "es": 1.06,
    "it": 1.10,
    "pt": 1.08,
    "de": 1.10,
    "nl": 1.10,
    "pl": 1.08,
    "id": 1.12,
    "ar": 0.85,
    "he": 0.80,
    "el": 1.10,
    "tr": 1.02,
    "hi": 1.00,
}


_LOWER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: :data:`_LOWER_WORD` for lower-cased text whose letters are ``a``..``z`` (ASCII text, or an
#: English line with typographic quotes and dashes): faster.
_LOWER_ASCII_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
#: ASCII lower-cased, every byte but a letter made a space.
_ASCII_LOWER_LETTERS = bytes(code | 0x20 if chr(code).isalpha() else 0x20 for code in range(128)) + b" " * 128


@lru_cache(maxsize=CACHE_SIZE)
def lower_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower-cased: runs of letters, with one inner apostrophe (``don't``).

    Cached: the language and mixed-line steps read the same line's words. An
    ASCII line without an apostrophe has runs of letters only: with every other
    byte made a space (``bytes.translate``), they are what ``split`` returns.
    A line whose letters are all ASCII (an English line with typographic quotes)
    has ``a``..``z`` for letters once lower-cased: no character but a letter
    lower-cases to one (checked over every code point in ``tests/``).
    """
    if text.isascii():
        if "'" in text:
            return tuple(_LOWER_ASCII_WORD.findall(text.lower()))
        return tuple(text.encode("ascii").translate(_ASCII_LOWER_LETTERS).decode("ascii").split())
    if not has_letter_beyond_ascii(text):
        return tuple(_LOWER_ASCII_WORD.findall(text.lower()))
    return tuple(_LOWER_WORD.findall(text.lower()))


#: A run of ASCII characters.
_ASCII_RUN = re.compile("[\x00-\x7f]+")


@lru_cache(maxsize=CACHE_SIZE)
def beyond_ascii(text: str) -> str:
    """The characters of ``text`` beyond ASCII, in their order (``""`` for ASCII text).

    A line is asked, pattern after pattern, whether it holds a Vietnamese
    letter, a Cyrillic one, a script beyond Latin...: characters beyond ASCII
    all. A pattern of one such character (the class alone, or with a
    look-behind at that same character) finds in these few characters (the
    quotes and dashes of an English line) what it finds in the whole line, as
    many times. Cached: the patterns ask in turn.
    """
    if text.isascii():
        return ""
    return _ASCII_RUN.sub("", text)


#: A letter beyond ASCII (class first, letter test after: a search skips other characters fast).
NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f](?<=[^\W\d_])")


def has_letter_beyond_ascii(text: str) -> bool:
    """Whether ``text`` holds a letter beyond ASCII (:data:`NON_ASCII_LETTER`)."""
    return NON_ASCII_LETTER.search(beyond_ascii(text)) is not None


#: A run of letters (a word, for counting letters and telling words by their letters).
LETTER_RUN = re.compile(r"[^\W\d_]+")
#: The ASCII characters that are not letters (``[^\W\d_]`` is ``[A-Za-z]`` in ASCII).
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
#: A character beyond ASCII that is not a letter (class first, letter test after: a search
#: skips ASCII fast).
_NON_ASCII_NON_LETTER = re.compile(r"[^\x00-\x7f](?<![^\W\d_])")


@lru_cache(maxsize=CACHE_SIZE)
def letter_count(text: str) -> int:
    """How many letters ``text`` holds (as ``[^\\W\\d_]`` counts them).

    ASCII letters are what is left once the other ASCII bytes are deleted
    (``bytes.translate``, many times faster than finding the runs of letters);
    the other characters count less those that are not letters (few to find).
    """
    if text.isascii():
        return ascii_letter_count(text)
    beyond = beyond_ascii(text)
    return ascii_letter_count(text) + len(beyond) - len(_NON_ASCII_NON_LETTER.findall(beyond))


#: A Han, kana or Hangul letter says about as much as this many Latin ones (a Chinese text is
#: 0.30 times as long as its English, a Japanese one 0.38, a Korean one 0.45:
#: :data:`CHARS_PER_ENGLISH_CHAR`).
CJK_LETTER_WEIGHT = 3
_CJK_LETTER = re.compile(f"[{CJK}](?<=[^\\W\\d_])")


def weighted_letter_count(text: str, letters: int | None = None) -> int:
    """:func:`letter_count`, each Han, kana or Hangul letter counting :data:`CJK_LETTER_WEIGHT`:
    how long ``text`` would be in a Latin script. ``letters``: its letter count, when known."""
    if letters is None:
        letters = letter_count(text)
    if text.isascii():
        return letters
    return letters + (CJK_LETTER_WEIGHT - 1) * len(_CJK_LETTER.findall(text))


def ascii_letter_count(text: str) -> int:
    """How many ASCII letters ``text`` holds (what is left once the other ASCII bytes are deleted)."""
    return len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))


def latin_letter_count(text: str) -> int:
    """How many letters of the Latin alphabets (:data:`LATIN_LETTER`) ``text`` holds."""
    return ascii_letter_count(text) + len(LATIN_LETTER.findall(beyond_ascii(text)))


#: Letters that, among the languages of one document, point to one of them.
MARKS: dict[str, re.Pattern[str]] = {
    "vi": VI_LETTER,
    "de": re.compile("[äöüßÄÖÜ]"),
    "es": re.compile("[ñ¿¡Ñ]"),
    "uk": re.compile("[іїєґІЇЄҐ]"),
    "ru": re.compile("[ыэёЫЭЁ]"),
}


def script_of(text: str, letters: int) -> frozenset[str] | None:
    """The languages written in the script of most of the line's letters; ``None`` for other scripts."""
    if text.isascii():
        return LATIN_LANGS if letters else None
    if latin_letter_count(text) * 2 > letters:
        return LATIN_LANGS
    if len(CYRILLIC.findall(beyond_ascii(text))) * 2 > letters:
        return CYRILLIC_LANGS
    return None


def script_candidates(text: str, letters: int) -> tuple[str, ...] | None:
    """The languages written in the script of most of the line's letters, to ask langdetect among;
    ``None`` (all it knows) for other scripts."""
    script = script_of(text, letters)
    return None if script is None else SCRIPT_CANDIDATES[script]


def same_script(text: str, letters: int, doc_langs: tuple[str, ...]) -> tuple[str, ...]:
    """The document's languages written in the script of most of the line's letters."""
    script = script_of(text, letters)
    return doc_langs if script is None else tuple(lang for lang in doc_langs if lang in script)


def languages_marked(text: str) -> list[str]:
    """The languages whose own letters (:data:`MARKS`) ``text`` holds."""
    beyond = beyond_ascii(text)
    return [lang for lang, pattern in MARKS.items() if pattern.search(beyond)]
