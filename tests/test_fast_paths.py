"""The shortcuts of the roles step answer exactly as the full checks do.

Each shortcut skips a check that cannot succeed (a regex needing a character
the line lacks, a word with no capital past its first letter, ...) or keeps
an answer already computed. Checked over every line of ``fixtures/`` (real
articles in several languages, the golden lines of each rule) and over lines
made to sit on the edge of each shortcut.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any

import pytest

from normalize import (
    _common_words,
    _image_ids,
    _score,
    _scripts,
    _text,
    dates,
    langid,
    lines,
    patterns,
    roles,
    taglines,
)
from normalize._cache import CACHED_LINE_MAX, per_line_cache
from normalize._vocabulary import (
    CREDIT_LABELS,
    PHRASES,
    PREFIXES,
    SOURCE_PREFIXES,
    TAGLINE_STRONG,
    TAGLINE_WORDS,
)
from normalize.lines import split_lines
from tests.conftest import FIXTURES

EDGE_LINES = [
    "VnExpress - Báo tiếng Việt nhiều người xem nhất",
    "aBC xYZ",
    "ǅemal ǈubljana",  # titlecase letters
    "ⓐB ⓩⓩ",  # circled letters: lower-case but not letters
    "Đây là TạpChí",
    "НовостиРу: новости",
    "Canal+ | Le média",
    "news.example.com",
    "since 1998",
    "depuis ١٩٩٨",  # Arabic-Indic digits are \\d too
    "A heading?\n",
    "A heading\n",
    "Ends with a comma,",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "deadbeefdeadbeefdeadbeef",
    "abcdefabcdefabcdefabcdefabcdefab",
    "abcdefab-abcd-abcd-abcd-abcdefabcdef",
    "a.jpg",
    "IMG_0001.jpg photo",
    "Relatd Articules",
    "",
]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _fixture_lines() -> list[str]:
    lines: set[str] = set(EDGE_LINES)
    for path in FIXTURES.rglob("*"):
        if path.suffix == ".txt":
            lines.update(line.text for line in split_lines(path.read_text(encoding="utf-8")))
        elif path.suffix == ".json":
            lines.update(text.strip() for text in _strings(json.loads(path.read_text(encoding="utf-8"))))
    return sorted(lines)


LINES = _fixture_lines()
WORDS = sorted({word for line in LINES for word in [*line.split(), *_text.words(line)]})


def test_the_fixtures_give_many_lines() -> None:
    assert len(LINES) > 1000
    assert len(WORDS) > 3000


def test_intercaps_shortcut_keeps_every_inner_capital() -> None:
    found = 0
    for word in WORDS:
        expected = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
        assert taglines._intercaps(word) is expected, word
        found += expected
    assert found >= 10


def test_an_id_token_has_a_digit_a_dot_or_24_characters() -> None:
    """The shortcut of ``_id_token_rule``: a short token with no digit and no dot matches no id rule."""
    tokens = {token for line in LINES for token in line.split()}
    assert any(_image_ids._id_token_rule(token) for token in tokens)
    skipped = 0
    for token in tokens:
        if len(token) < _image_ids._MIN_PLAIN_ID and "." not in token and not _image_ids.DIGIT.search(token):
            assert not any(pattern.fullmatch(token) for _, pattern in _image_ids._ID_TOKENS), token
            assert not _image_ids._HEX_RUN.fullmatch(token) or not _image_ids.DIGIT.search(token), token
            assert not _image_ids._DIGIT_RUN.search(token), token
            segments = _image_ids._SEGMENT_SEP.split(token)
            assert not any(_image_ids._MIXED_SEGMENT.fullmatch(segment) for segment in segments), token
            skipped += 1
    assert skipped > 1000
    for token in ("deadbeefdeadbeefdeadbeef", "abcdefab-abcd-abcd-abcd-abcdefabcdef", "a.jpg"):
        assert _image_ids._id_token_rule(token) is not None, token


def test_image_id_rule_reads_every_token() -> None:
    assert patterns.image_id_rule("IMG_0001.jpg 5fad183d85600a709965ad1d") == "image-file"
    assert patterns.image_id_rule("IMG_0001.jpg photo") is None
    assert patterns.image_id_rule("  ") is None


@pytest.mark.parametrize(
    ("name", "needs"),
    [
        ("_BRAND_PLUS", lambda line: "+" in line),
        ("_DOMAIN", lambda line: "." in line),
        ("_SINCE", lambda line: _image_ids.DIGIT.search(line) is not None),
    ],
)
def test_tagline_signals_need_what_their_shortcut_looks_for(name: str, needs: Callable[[str], bool]) -> None:
    matched = [line for line in LINES if getattr(taglines, name).search(line)]
    assert matched
    assert all(map(needs, matched))


def test_brand_is_found_as_before() -> None:
    for line in LINES:
        words = _text.words(line)
        expected = bool(
            taglines._BRAND_PLUS.search(line)
            or taglines._DOMAIN.search(line)
            or any(a.islower() and b.isupper() for word in words for a, b in itertools.pairwise(word))
        )
        assert taglines._is_brand(line, words) is expected, line


def test_every_phrase_is_found_under_its_start() -> None:
    for phrase, rule in PHRASES.items():
        assert patterns._phrase_rule(phrase) == rule
        starts = patterns._PHRASES_BY_START[(len(phrase.split()), phrase[0])]
        assert (tuple(phrase.split()), rule) in starts
    assert patterns._phrase_rule("relatd articules") == "related"
    assert patterns._phrase_rule("") is None


def test_heading_like_reads_only_the_end_and_the_words_up_to_the_limit() -> None:
    for line in [*LINES, *(line + "\n" for line in EDGE_LINES)]:
        expected = len(line.split()) <= roles.HEADING_MAX_WORDS and not roles._SENTENCE_END.search(line)
        assert roles._is_heading_like(line) is expected, line


def test_cached_answers_are_the_computed_ones() -> None:
    for line in LINES:
        assert roles.role_by_rule(line) == roles.role_by_rule.__wrapped__(line)  # type: ignore[attr-defined]
        assert lines.line_key(line) == lines.line_key.__wrapped__(line)  # type: ignore[attr-defined]
        shaped = roles._is_heading_like(line) and roles._TAGLINE_SHAPE.match(line) is not None
        assert roles._tagline_look(line) == (taglines.tagline_score(line), shaped)


def test_per_line_cache_keeps_short_lines_only() -> None:
    calls: list[str] = []

    @per_line_cache
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    short, long = "Share this article", "x" * (CACHED_LINE_MAX + 1)
    answers = [length(short), length(short), length(long), length(long)]
    assert answers == [len(short), len(short), len(long), len(long)]
    assert calls == [short, long, long]


def _flat_alt(words: Iterable[str]) -> str:
    """The alternation as ``_alt`` wrote it before grouping: every word, longest first."""
    return "|".join(sorted({re.escape(word) for word in words}, key=len, reverse=True))


@pytest.mark.parametrize(
    ("module", "name", "words"),
    [
        (patterns, "_LABEL", CREDIT_LABELS),
        (patterns, "_PREFIX", PREFIXES),
        (patterns, "_SOURCE_PREFIX", SOURCE_PREFIXES),
        (taglines, "_STRONG_RE", TAGLINE_STRONG),
        (taglines, "_GENERIC_RE", TAGLINE_WORDS),
    ],
)
def test_grouped_alternations_match_as_the_flat_ones(
    module: ModuleType, name: str, words: Iterable[str]
) -> None:
    grouped: re.Pattern[str] = getattr(module, name)
    assert _text.alt(tuple(words)) in grouped.pattern
    flat = re.compile(grouped.pattern.replace(_text.alt(tuple(words)), _flat_alt(words)), grouped.flags)
    edge = [f"{word}: Name" for word in words] + [f"Ảnh/ {word.upper()} : x" for word in words]
    for line in [*LINES, *edge]:
        for text in (line, line.casefold()):
            found = [(m.span(), m.groups()) for m in grouped.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in flat.finditer(text)], text


def test_letters_equal_ignoring_case_share_a_group() -> None:
    words = ("sa", "ſb", "kc", "\u212ad", "x")
    grouped = re.compile(_text.alt(words), re.I)
    flat = re.compile(_flat_alt(words), re.I)
    for text in ("SA", "Sb", "ſa", "ſB", "KD", "\u212ac", "x", "y"):
        assert bool(grouped.fullmatch(text)) is bool(flat.fullmatch(text)), text


def test_trim_and_key_shortcuts() -> None:
    for line in [*LINES, " a ", "\u00a0a\u00a0b", "a\tb", "a  b", "Share  this", "«Tin mới»", "x_"]:
        lead = patterns._LEADING_PUNCT.match(line)
        trimmed = line[lead.end() :] if lead else line
        trail = patterns._LEADING_PUNCT.match(trimmed[::-1])
        assert patterns._trim(line) == (trimmed[: len(trimmed) - trail.end()] if trail else trimmed)
        key = patterns._key(line)
        assert key == " ".join(key.split())
        assert patterns._all_social(key) is (bool(key) and all(map(patterns._SOCIAL.fullmatch, key.split())))


def test_social_rule_counts_words_up_to_the_limit() -> None:
    share = "Share: Facebook Twitter"
    assert patterns.social_rule(share + " x" * (patterns._SOCIAL_MAX_WORDS - 4)) == "share"
    assert patterns.social_rule(share + " x" * (patterns._SOCIAL_MAX_WORDS - 2)) is None


def test_date_patterns_are_searched_only_in_lines_holding_what_they_need() -> None:
    lines = [*LINES, "2021年10月19日", "ngày 19 tháng 10 năm 2021", "19 tháng 10/2021"]
    for _, needs, pattern in dates._PATTERNS:
        assert needs in pattern.pattern
        matched = [match.group() for line in lines if (match := pattern.search(line.casefold()))]
        assert matched
        assert all(needs in text for text in matched)


def test_letters_and_lower_words_as_their_plain_patterns_find_them() -> None:
    """letter_count counts what ``[^\\W\\d_]`` matches, latin_letter_count what ``LATIN_LETTER`` does;
    lower_words finds ``_LOWER_WORD`` in the lower-cased line (lines whose letters are ASCII by
    patterns of their own, or by ``bytes.translate``)."""
    edge = ["Don't stop", "DON'T", "rock'n'roll", "l’été", "x'", "'y", "Ⅻ ⓐ ǅ", "٣ أ", "ß", "İstanbul"]
    edge += ["It’s “quoted” — and DON’T stop…", "’tis ‘x’ Ⓐ ½ ² ₂", "KELVIN \u212a sign", "’’ don’’t"]
    edge += ["A-B_C d9e\tf\x00g[h]@i`j{k~", "HELLO,world.NOW", " ", "", "_", "Z"]
    for line in [*LINES, *edge]:
        assert _scripts.letter_count.__wrapped__(line) == len(re.findall(r"[^\W\d_]", line)), line
        assert _scripts.latin_letter_count(line) == len(_scripts.LATIN_LETTER.findall(line)), line
        expected = tuple(_scripts._LOWER_WORD.findall(line.lower()))
        assert _scripts.lower_words.__wrapped__(line) == expected, line


def test_stems_of_a_line_whose_letters_are_ascii_are_its_words_stems() -> None:
    """A line whose letters are ASCII has its stems from its lower-cased text in one pass: the
    same as word by word; so have the others, word by word."""
    edge = ["It’s “Quoted” — Really", "Nguyễn Văn Thành", "KELVIN \u212a temperature", "Ⅻ-century ½"]
    assert sum(line.isascii() for line in LINES) > 100
    for line in [*LINES, *edge]:
        expected = frozenset(map(_score._stem, re.findall(r"[^\W\d_]{5,}", line)))
        assert _score.stems_of.__wrapped__(line) == expected, line


def test_words_of_a_line_whose_word_characters_are_ascii_are_those_of_the_plain_pattern() -> None:
    edge = ["It’s “Quoted” — 3.5 km", "٣٤ digits", "１２３ full width", "x² y₂", "Nguyễn Văn 10/2021"]
    for line in [*LINES, *EDGE_LINES, *edge]:
        assert _text.words.__wrapped__(line) == tuple(_text.WORD.findall(line)), line


def test_line_key_is_the_pattern_s() -> None:
    """A line's key drops its punctuation with ``bytes.translate`` when every character beyond
    ASCII is punctuation: the same as the pattern, as on every other line."""
    every_ascii = "".join(map(chr, range(128)))
    edge = [every_ascii, "Hello,world -- A_b  c\x1fd", "Read more: «x»", "It’s “Quoted” — OK…", "a\u00a0b"]
    edge += ["x\u0345y", "Thế\u2009giới", "①②", "KELVIN \u212a"]
    for line in [*LINES, *EDGE_LINES, *edge]:
        expected = " ".join(lines._PUNCTUATION.sub("", line.casefold()).split())
        assert lines.line_key(line) == expected, line


def test_no_character_lines_drop_case_folds_to_one_they_keep() -> None:
    """What ``line_key`` takes for granted of the characters beyond ASCII it drops at once."""
    kept = re.compile(r"[\w\s]")
    for code in range(0x80, 0x110000):
        char = chr(code)
        if lines._KEPT_BEYOND_ASCII.match(char) is None:
            assert kept.search(char) is None and kept.search(char.casefold()) is None, hex(code)


def test_patterns_of_characters_beyond_ascii_find_in_those_characters_what_they_find_in_the_line() -> None:
    """The patterns asked of :func:`_scripts.beyond_ascii` (one character beyond ASCII each, with
    at most a look-behind at that same character) find there what they find in the whole line,
    as many times."""
    beyond_patterns = [
        _scripts.VI_LETTER,
        _scripts.CYRILLIC,
        _scripts.BEYOND_LATIN,
        _scripts.NO_LATIN_NAMES,
        _scripts._NON_ASCII_NON_LETTER,
        *_scripts.MARKS.values(),
        _common_words._BEYOND_LATIN_CYRILLIC,
        langid._DECIDING,
        *(pattern for _, pattern in langid._SCRIPTS),
        _scripts.NON_ASCII_LETTER,
    ]
    every_ascii = "".join(map(chr, range(128)))
    edge = ["aé", "Ãx y", "Москва-Hà Nội", "日本語 text かな", "x\u0301y", "Đ", "ß-Straße", "“Quoted” – dash"]
    for pattern in beyond_patterns:
        assert pattern.search(every_ascii) is None, pattern.pattern
    for line in [*LINES, *EDGE_LINES, *edge]:
        beyond = _scripts.beyond_ascii(line)
        assert beyond == "".join(char for char in line if not char.isascii())
        for pattern in beyond_patterns:
            assert len(pattern.findall(beyond)) == len(pattern.findall(line)), (pattern.pattern, line)


def test_no_character_but_a_letter_lower_cases_to_a_letter() -> None:
    """What ``lower_words`` takes for granted on a line whose letters are all ASCII."""
    letter = re.compile(r"[^\W\d_]")
    for code in range(0x110000):
        char = chr(code)
        if letter.match(char) is None:
            assert letter.search(char.lower()) is None, hex(code)
