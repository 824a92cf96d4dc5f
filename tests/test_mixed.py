"""The mixed-line step's shortcuts: each must leave the cuts as they would be without it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize import _scripts, mixed
from normalize._common_words import _BEYOND_LATIN_CYRILLIC
from normalize._scripts import BEYOND_LATIN
from normalize._telling import TOKEN, word_languages
from normalize.lines import split_lines
from normalize.repair import repair_text
from tests.conftest import FIXTURES

ARTICLE_LINES = sorted(
    {
        line.text
        for path in sorted((FIXTURES / "articles").glob("*.txt"))
        for line in split_lines(repair_text(path.read_text(encoding="utf-8")))
    }
)


@pytest.mark.parametrize("main", ["en", "vi", "fr"])
def test_the_gate_lets_through_every_real_line_that_is_cut(main: str) -> None:
    cut = [text for text in ARTICLE_LINES if mixed._find_cut(text, main, 0) is not None]
    assert len(cut) >= 10  # the fixtures hold captions beside their translation
    assert [text for text in cut if not mixed._may_be_mixed(text, main)] == []
    passed = sum(mixed._may_be_mixed(text, main) for text in ARTICLE_LINES)
    assert passed < len(ARTICLE_LINES) / 2  # and it is a gate: most lines stop at it


def test_the_gate_counts_only_as_far_as_it_must() -> None:
    # Vietnamese words alone: no word of another language, so no count of accents can pass it
    assert not mixed._may_be_mixed("Hôm nay trời đẹp. Chúng tôi đi chơi ở công viên gần nhà.", "vi")
    # one word of another language ("la") where a sentence ends: it passes
    assert mixed._may_be_mixed("Hôm nay trời đẹp. Chúng tôi đi chơi ở la công viên gần nhà.", "vi")
    # accents tell "not English" in an English line: two such words and two English ones pass
    assert mixed._may_be_mixed("Le café est très bon and the bread is fresh", "en")
    assert not mixed._may_be_mixed("The café on the corner sells fresh bread", "en")


def test_a_cut_half_a_word_dearer_at_a_sentence_end_still_wins() -> None:
    # cheapest cut (0 words wrong) is mid-sentence before a lower-case word: shape 0.9;
    # the cut before "Hello" costs half a word but ends a sentence before a capital: shape 0.
    text = "Xin chào các bạn thân. Hello my dear friends"
    tokens = text.split()
    starts = [match.start() for match in re.finditer(r"\S+", text)]
    other_first = [2.0, 1.5, 1.0, 1.0, 0.5, 0.0, 1.0, 2.0]
    main_first = [3.0] * len(other_first)
    assert mixed._best_cuts(text, tokens, starts, other_first, main_first, 0.0) == [(5, True)]


def test_the_gate_letter_patterns_match_exactly_the_letters_they_name() -> None:
    letter = re.compile(r"[^\W\d_]")
    for code in range(0x10000):
        char = chr(code)
        is_letter = letter.match(char) is not None
        latin = code <= 0x24F or 0x1E00 <= code <= 0x1EFF
        assert (BEYOND_LATIN.search(char) is not None) == (is_letter and not latin), hex(code)
        assert (_scripts.NON_ASCII_LETTER.search(char) is not None) == (is_letter and code > 0x7F), hex(code)
        beyond_cyrillic = is_letter and code > 0x24F and not 0x400 <= code <= 0x4FF
        assert (_BEYOND_LATIN_CYRILLIC.search(char) is not None) == beyond_cyrillic, hex(code)


@pytest.mark.parametrize(
    ("text", "main"),
    [
        # a Vietnamese document's English line that names a Vietnamese thing
        (
            '"You will easily find xích lô at some famous tourist destinations of Vietnam such as'
            ' Ho Chi Minh City, Hanoi, Hue, Hoi An.",',
            "vi",
        ),
        # an English line with a Vietnamese dish in it
        ("However, there is one main ingredient in chả rươi that you wouldn’t expect: sandworms.", "en"),
    ],
)
def test_a_line_is_not_cut_where_no_cut_beats_leaving_it_whole(text: str, main: str) -> None:
    """Two words of one language inside a line of the other: every cut leaves as much on
    the wrong side as leaving the line whole in the other language does."""
    assert mixed._find_cut(text, main, 0) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t\n\u3000ab.\u4e2d\u6587\u3001", max_size=40))
def test_token_starts_are_where_the_pattern_finds_them(text: str) -> None:
    tokens = TOKEN.findall(text)
    assert mixed._starts(text, tokens) == [match.start() for match in TOKEN.finditer(text)]


def test_a_line_with_no_word_of_the_main_language_is_not_cut_at_a_sentence_end() -> None:
    # all Spanish: langdetect reads "¡No van a romper! ¿Chandler y Janice?" as English (the names)
    line = "¡No van a romper! ¿Chandler y Janice? ¿De verdad? Es muy poco común. ¿Es caro?"
    assert mixed._find_cut(line, "en", 0) is None
    # one English word is enough where the other language shows well
    joined = (
        "Strafverfolgungsbehörden auf der ganzen Welt gaben die Operation am Dienstag bekannt. "
        "Law enforcement agencies around the world announced the operation Tuesday."
    )
    cut = mixed._find_cut(joined, "en", 0)
    assert cut is not None and cut.src_lang == "de" and joined[cut.at :].strip().startswith("Law")


def test_everyday_english_words_listed_elsewhere_tell_no_language() -> None:
    # "war" (German), "no" (Spanish), "come" (Italian), "van" (Dutch): English words too
    line = "No one knew when the war would end. Come what may, the van driver said. He was right."
    assert all(word_languages(token) in (None, frozenset({"en"})) for token in TOKEN.findall(line))
    assert not mixed._may_be_mixed(line, "en")
    # the German words that stay tell German
    assert word_languages("die") == frozenset({"de"})
    assert word_languages("und") == frozenset({"de"})
