"""Common words: what a long line's most frequent words say of its language.

Used by :mod:`normalize.langid` before langdetect: where the common words of
one language are a clear share of a line's words and far ahead of any
other's, langdetect says the same (checked on ~5,000 real lines).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from normalize._scripts import BEYOND_LATIN, CYRILLIC, VI_LETTER, beyond_ascii, letter_count, lower_words

#: Common words of the Latin-script languages most met in news; a long line
#: whose words are mostly one language's (and hardly another's) is that language.
_COMMON_WORDS = {
    "en": "the of and to in is that for it was on with as by at from he she they this are be have has"
    " had an not but or were which their said will would been who its his her we you i our there"
    " what when can more about also after than them one all if into out up so do no could these"
    " those only other new over some my your how because most many such very does did like get go"
    " know just people time year years now then first two well way make see going want think good"
    " really even back any should where while through down us him me say says much before being"
    " here why off made still own right thing things last may don't it's that's i'm can't didn't"
    " doesn't isn't world week day today lot need look come take use work told",
    "fr": "le la les des du de et un une est que qui dans pour pas sur au aux avec ce cette il elle ils"
    " sont par plus ne se en a été son sa ses leur nous vous mais ou comme être tout aussi fait"
    " était ont je",
    "es": "el la los las de del y en que un una es por con para no se su sus al lo como más pero ha fue"
    " son ya muy sobre también entre este esta desde está han porque todo hay yo le",
    "de": "der die das und ist nicht mit den dem des ein eine einer zu im auf für sich von auch es sie"
    " er wir ich aus bei nach wie wird werden hat haben war sind noch nur oder aber dass um über"
    " zum zur vor durch",
    "it": "il lo la gli le di del della dei delle e che un una è per non con si da al alla sono più"
    " come ma anche nel nella questo ha ci io sul hanno essere suo sua tra",
    "pt": "o a os as de do da dos das e que um uma é em no na nos nas para com não por se mais como mas"
    " ao foi são ele ela seu sua também já está pelo pela isso muito",
    "nl": "de het een en van is dat die in op te zijn niet met voor er maar ook als aan bij door om hij"
    " zij wordt werd nog naar uit dan wel deze dit heeft hebben over ik",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena saya"
    " kami mereka adalah bisa atau sudah telah lebih seperti tersebut",
    "ru": "и в не на что с по до это как он она они к из за о от для был была были его её ее мы вы я но"
    " так все уже или бы же только также если при который которые году может более этом чтобы"
    " когда ещё еще их нет было быть сказал",
    "uk": "і в не на що з по це як він вона вони до із за від для був була були його її ми ви я але"
    " так все вже або б же тільки також якщо при який які році може більше та й цього щоб коли"
    " ще їх немає було бути сказав",
    "bg": "и в не на че с по до това като той тя те към от за е са да се ще ли но така всички вече или"
    " само също ако при който които година може повече във със беше бяха след има няма",
}
_CYRILLIC_COMMON = ("ru", "uk", "bg")
_LANG_WORDS = {lang: frozenset(words.split()) for lang, words in _COMMON_WORDS.items()}
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _COMMON_WORDS.items():
    for _word in _words.split():
        _WORD_LANGS[_word] = (*_WORD_LANGS.get(_word, ()), _lang)
#: a letter beyond Latin and Cyrillic (class first, letter test after, as in ``BEYOND_LATIN``)
_BEYOND_LATIN_CYRILLIC = re.compile(r"[^\u0000-\u024f\u0400-\u04ff](?<=[^\W\d_])")
#: :func:`common_words_language` answers only for lines this long, with this
#: many words, this share of them common in the language, and this many times
#: (plus two) the hits of the next language: so tuned, it disagreed with
#: langdetect on under 0.1 % of ~5 000 real lines, and never where langdetect
#: was sure.
COMMON_MIN_LETTERS = 40
COMMON_MIN_WORDS = 8
COMMON_SHARE = 0.25
COMMON_MARGIN = 2.5
#: Short of that margin (words common in two languages count for both: ``in``, ``is``
#: for English and Dutch), the language still wins when its own words (common in it
#: alone) are :data:`COMMON_MARGIN` times (plus two) any other's own words, and its hits
#: this many times (plus two) the words common elsewhere but not in it. On ~40,000 lines
#: (real pages, real lessons, built articles) this answers 3-4 % more long Latin lines,
#: and disagrees with langdetect's sure answer on 4 of them, as the first rule does on 1.
AGAINST_MARGIN = 2.0
#: A line with Cyrillic letters is read by its common words only when this share of its letters is Cyrillic.
CYRILLIC_SHARE = 0.9


def common_words_language(text: str, letters: int | None = None) -> str | None:
    """The language of a long Latin- or Cyrillic-script line when its common words leave no doubt.

    ``None`` when unsure: the line is short, mixes scripts, has Vietnamese
    letters, or its words do not point to one language by far.
    """
    if letters is None:
        letters = letter_count(text)
    if letters < COMMON_MIN_LETTERS:
        return None
    beyond = beyond_ascii(text)  # empty for ASCII text: no other script, no Vietnamese letter, no Cyrillic
    if beyond and (_BEYOND_LATIN_CYRILLIC.search(beyond) or VI_LETTER.search(beyond)):
        return None
    cyrillic = len(CYRILLIC.findall(beyond)) if beyond else 0
    if cyrillic and cyrillic < CYRILLIC_SHARE * letters:
        return None  # two scripts: a caption and its translation, maybe
    words = lower_words(text)
    return _by_common_words(words, words, bool(cyrillic))


def _by_common_words(words: Sequence[str], counted: Sequence[str], cyrillic: bool) -> str | None:
    """The language whose common words, among ``counted``, are a clear share of ``words`` and far
    ahead: of the next language's, or else of what stands against it (:func:`_by_own_words`)."""
    if len(words) < COMMON_MIN_WORDS:
        return None
    found = list(filter(None, map(_WORD_LANGS.get, counted)))
    common = 0
    if cyrillic:  # a word common to all three counts for the share, but tells none apart
        common = sum(1 for langs in found if len(langs) == len(_CYRILLIC_COMMON))
        found = [langs for langs in found if len(langs) != len(_CYRILLIC_COMMON)]
    hits = Counter(chain.from_iterable(found))  # each language's hits, in the order first met
    (best, count), (_, second) = _first_two(hits)
    if count + common < COMMON_SHARE * len(words):
        return None
    if count >= COMMON_MARGIN * second + 2:
        return best
    return _by_own_words(found, hits, count)


def _first_two(hits: Counter[str]) -> tuple[tuple[str, int], tuple[str, int]]:
    """The two languages with most hits (``("", 0)`` for none); among equals, the first met
    (as ``Counter.most_common`` orders them)."""
    ranked = [*sorted(hits.items(), key=lambda hit: -hit[1])[:2], ("", 0), ("", 0)]
    return ranked[0], ranked[1]


def _by_own_words(found: list[tuple[str, ...]], hits: Counter[str], most: int) -> str | None:
    """The language with the ``most`` hits whose own words (common in it alone) are far ahead
    of any other's, with few words common elsewhere but not in it (:data:`AGAINST_MARGIN`)."""
    own = Counter(langs[0] for langs in found if len(langs) == 1)
    (lead, alone), (_, next_alone) = _first_two(own)
    if not lead or hits[lead] < most or alone < COMMON_MARGIN * next_alone + 2:
        return None
    against = sum(1 for langs in found if lead not in langs)
    return lead if most >= AGAINST_MARGIN * against + 2 else None


#: Vietnamese function words: a line holding one may be (partly) Vietnamese.
_VI_WORDS = frozenset(
    (
        *("và", "là", "có", "của", "các", "những", "được", "cho", "trong", "không"),
        *("khi", "này", "với", "sau", "thì", "như", "cũng", "rằng", "người", "một"),
    )
)


def english_among_names(text: str, letters: int) -> bool:
    """A long line of English words around Vietnamese names (kept from :func:`common_words_language`).

    Its words without Vietnamese letters or accents pass the common-word test
    as English, counted against all its words, and it holds no Vietnamese
    function word (a caption and its translation holds several). langdetect
    reads such lines as English.
    """
    if letters < COMMON_MIN_LETTERS:
        return False
    beyond = beyond_ascii(text)
    if not VI_LETTER.search(beyond) or BEYOND_LATIN.search(beyond):
        return False
    words = lower_words(text)
    if any(word in _VI_WORDS for word in words):
        return False
    return _by_common_words(words, [word for word in words if word.isascii()], False) == "en"




def english_and_other_words(text: str) -> tuple[int, int]:
    """How many of the line's words are common in English only, and how many in other languages only."""
    langs = [_WORD_LANGS.get(word, ()) for word in lower_words(text)]
    english = sum(1 for found in langs if found == ("en",))
    return english, sum(1 for found in langs if found and "en" not in found)


def common_word_languages(text: str) -> set[str]:
    """The languages the line holds a common word of (those :func:`holds_common_word` says yes to)."""
    return {lang for word in lower_words(text) for lang in _WORD_LANGS.get(word, ())}


def holds_common_word(text: str, lang: str) -> bool | None:
    """Whether the line holds one of ``lang``'s common words; ``None`` when ``lang`` has no list here."""
    words = _LANG_WORDS.get(lang)
    if words is None:
        return None
    return not words.isdisjoint(lower_words(text))
