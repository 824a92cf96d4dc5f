"""Words that tell their language by their own look, and lines whose words tell two.

A word tells its language by its script (Han, Cyrillic...), by a letter only
Vietnamese uses, or by being a function word of one language only (``the``,
``und``, ``los``...). :mod:`normalize.mixed` cuts a line where its words change
language; :mod:`normalize.langid` leaves a line whose words tell two languages
out of the document's evidence until it is cut (:func:`two_languages`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from normalize._scripts import (
    BEYOND_LATIN,
    CJK,
    LATIN_LETTER,
    VI_LETTER,
    beyond_ascii,
    latin_letter_count,
    lower_words,
    script_language,
)

#: Function words of the languages most met beside each other in news: a word listed
#: under one language only tells that language. Left out: the function words that are
#: everyday English words too (German ``war`` and ``hat``; Spanish ``no`` and ``son``;
#: Italian ``come`` and ``per``; Dutch ``van``), which tell no language: else an English
#: paragraph about a war reads as holding German. (German ``die`` stays: English news
#: says it seldom, and German lines need it.)
FUNCTION_WORDS = {
    "en": "the and of to is was are were with that this for from have has had their they which who will "
    "would said his her its been but not after when what there about into than you your we our she he "
    "it be can could should do does did how why where more one some other just like very because also "
    "only even most many much now then out up them these those been being my me him us any all if or "
    "really that's it's i'm i'll don't can't yeah okay well too here right yes please thanks sorry",
    "fr": "le les des est une dans pour qui avec sur pas aux ont été sont cette leur elle nous vous mais "
    "très aussi comme plus tout ils elles était sa ses mon ma mes ton cet y en ne du au un de la je "
    "j'ai j’ai c'est c’est il à que",
    "es": "el los las del una por para con está fue pero como más sus muy también hay cuando desde "
    "entre hasta sobre ellos ella yo usted estaba eso esta este estos ya sin porque donde qué un de la "
    "que en lo se me te mi tu al es y",
    "de": "der die das und ist nicht mit ein eine einen den dem auf für sich von zu im sind wurde auch du "
    "wir ich nach bei aus oder ihre ihr sie er es wie wenn dass noch nur schon sehr wird werden "
    "waren haben kann können mehr viele diese dieser",
    "it": "il della che di sono gli una con non è anche più dei delle questo questa un la",
    "pt": "os não uma com para são foi mais também pelo pela das dos você",
    "nl": "het een en is zijn niet met voor op ook maar bij",
    "vi": "và là có các cho trong không khi này với sau thì như cũng rằng những người con ba em anh ta",
}
WORD_LANGS: dict[str, frozenset[str]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words.split():
        WORD_LANGS[_word] = WORD_LANGS.get(_word, frozenset()) | {_lang}
FUNCTION_WORD_SET = frozenset(WORD_LANGS)

#: A token: a CJK character is a word of its own.
TOKEN = re.compile(f"[{CJK}]|[^\\s{CJK}]+")
PUNCTUATION = ".,;:!?¡¿\"'“”‘’«»()[]…-–—"
#: The other language of a line whose words show only that it is not English.
NOT_MAIN = "~"
NOT_ENGLISH = frozenset({NOT_MAIN})
_ONE = {lang: frozenset({lang}) for lang in ("ja", "ko", "zh", "ru", "ar", "th", "el", "he", "hi", "vi")}


@lru_cache(maxsize=1 << 15)
def word_languages(token: str) -> frozenset[str] | None:
    """The languages a single word may be in, by its own look; ``None`` when it does not say.

    ``{"~"}`` stands for "any language but English": a Latin word with accents.
    Cached: most words of a line have been met before.
    """
    if token.isascii():  # no script, Vietnamese letter or accent to tell
        return WORD_LANGS.get(token.strip(PUNCTUATION).lower())
    script_lang = script_language(token)
    if script_lang is not None:
        return _ONE[script_lang]
    if VI_LETTER.search(token):
        return _ONE["vi"]
    word = token.strip(PUNCTUATION).lower()
    langs = WORD_LANGS.get(word)
    if langs is None and not word.isascii() and LATIN_LETTER.search(word):
        return NOT_ENGLISH  # English words have no accents: another Latin language
    return langs


#: A line tells two languages when two of them have this many different function words of their own in it...
TWO_LANGUAGE_WORDS = 2
#: ... or when it holds this many letters in each of two scripts.
TWO_SCRIPT_LETTERS = 8
#: The function words of one language only, and that language.
_SOLE_LANGUAGE = {word: next(iter(langs)) for word, langs in WORD_LANGS.items() if len(langs) == 1}
_SOLE_WORDS = frozenset(_SOLE_LANGUAGE)


def two_languages(text: str, letters: int) -> bool:
    """Whether the line's words tell two languages, as a caption joined to its translation does.

    Two scripts, with :data:`TWO_SCRIPT_LETTERS` letters or more in each; or two
    languages with :data:`TWO_LANGUAGE_WORDS` different function words of their
    own each. Names do not count: an English line about ``Nguyễn Văn An`` of
    ``Hà Nội`` holds Vietnamese letters but no Vietnamese function word.
    """
    scripts = two_scripts(text, letters)
    if scripts is not None:
        return scripts
    known = _SOLE_WORDS.intersection(lower_words(text))
    if len(known) < 2 * TWO_LANGUAGE_WORDS:
        return False
    counts = Counter(map(_SOLE_LANGUAGE.__getitem__, known))
    return sum(count >= TWO_LANGUAGE_WORDS for count in counts.values()) >= 2


def two_scripts(text: str, letters: int) -> bool | None:
    """Whether a line with letters beyond the Latin alphabets holds :data:`TWO_SCRIPT_LETTERS`
    letters or more in each of its scripts; ``None`` for a line of Latin letters only."""
    if text.isascii() or BEYOND_LATIN.search(beyond_ascii(text)) is None:
        return None
    latin = latin_letter_count(text)
    return min(latin, letters - latin) >= TWO_SCRIPT_LETTERS
