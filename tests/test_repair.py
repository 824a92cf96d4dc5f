"""Tests of the repair step: golden cases, clean news text, garbling round trips, properties."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import ftfy  # noqa: F401  (registers the sloppy-windows-1252 codec)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize import repair
from normalize.repair import repair_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "repair"
CASES: list[dict[str, str]] = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))
CLEAN: list[dict[str, str]] = [
    json.loads(line) for line in (FIXTURES / "clean.jsonl").read_text(encoding="utf-8").splitlines()
]


def _sloppy_1252(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


def _latin_1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _sloppy_1252_a0_as_space(text: str) -> str:
    return _sloppy_1252(text).replace("\u00a0", " ")


def _latin_1_a0_as_space(text: str) -> str:
    return _latin_1(text).replace("\u00a0", " ")


GARBLINGS: dict[str, Callable[[str], str]] = {
    "sloppy-windows-1252": _sloppy_1252,
    "latin-1": _latin_1,
    "sloppy-windows-1252, A0 -> space": _sloppy_1252_a0_as_space,
    "latin-1, A0 -> space": _latin_1_a0_as_space,
}
#: Sentences no repair can restore. Empty for this sample. (Outside it, the
#: typo "vàTOEFL" garbles to "vÃ TOEFL" once A0 became a space, exactly as
#: "và TOEFL" would after space collapsing, and comes back as "và TOEFL".)
KNOWN_MISSES: frozenset[str] = frozenset()


def test_fixtures_are_big_enough() -> None:
    assert len(CASES) >= 50
    assert sum(case["in"] == case["out"] for case in CASES) >= 25
    assert len(CLEAN) >= 250


@pytest.mark.parametrize("case", CASES, ids=[case["why"][:60] for case in CASES])
def test_golden_case(case: dict[str, str]) -> None:
    assert repair_text(case["in"]) == case["out"]


@pytest.mark.parametrize("case", CASES, ids=[case["why"][:60] for case in CASES])
def test_golden_output_is_stable(case: dict[str, str]) -> None:
    assert repair_text(case["out"]) == case["out"]


def test_surrogates_are_joined_or_replaced() -> None:
    assert repair_text("\ud83d\ude00 lone \udc00 and \ud800") == "\U0001f600 lone \ufffd and \ufffd"


def test_clean_sentences_are_unchanged() -> None:
    changed = [row["text"] for row in CLEAN if repair_text(row["text"]) != row["text"]]
    assert changed == []


def test_raw_sentences_lose_only_invisible_and_odd_spaces() -> None:
    """The scraped sentences (with their no-break and zero-width spaces) repair to the clean ones."""
    raw_differs = [row for row in CLEAN if row["raw"] != row["text"]]
    assert len(raw_differs) >= 50
    assert [row["raw"] for row in CLEAN if repair_text(row["raw"]) != row["text"]] == []


@pytest.mark.parametrize("name", sorted(GARBLINGS))
def test_garbled_sentences_round_trip(name: str) -> None:
    garble = GARBLINGS[name]
    misses = [
        row["text"]
        for row in CLEAN
        if row["text"] not in KNOWN_MISSES and repair_text(garble(row["text"])) != row["text"]
    ]
    assert misses == []


@pytest.mark.parametrize("name", sorted(GARBLINGS))
def test_only_garbled_lines_are_fixed(name: str) -> None:
    """A document where every other line is garbled: the clean Vietnamese lines stay as they are."""
    sentences = [row["text"] for row in CLEAN if row["lang"] == "vi"][:40]
    document = "\n".join(
        GARBLINGS[name](sentence) if index % 2 else sentence for index, sentence in enumerate(sentences)
    )
    assert repair_text(document) == "\n".join(sentences)


def test_line_count_is_kept() -> None:
    text = "a&#10;b\n\n\u00c3\u00a9\u2028c\r\nd\re\n\x85f\n"
    repaired = repair_text(text)
    # U+2028 and the lone CR each become a \n; CRLF stays one break; &#10; and \x85 add none.
    assert repaired.count("\n") == text.count("\n") + 2
    assert repaired.split("\n")[1] == ""


# Arbitrary text, surrogates included (some decoders leave lone ones).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()))
# Text made of the characters the fixes care about, so that interactions are exercised.
TRICKY = st.lists(
    st.sampled_from(
        [
            *"aànyÃÆÂ Ð©¡¢£¤ ;&#x3bampeacute<>\n\r\t",
            "\u00a0",
            "\u200b",
            "\u2060",
            "\ufeff",
            "\u00ad",
            "\u2028",
            "\u3000",
            "\u2003",
            "\x85",
            "\x93",
            "\x81",
            "\x00",
            "\x1b",
            "\u0301",
            "\u0323",
            "\ufb01",
            "\u20ac",
            "\u2122",
            "\u2019",
            "\ud83d",
            "\ude00",
            "\u1ea1",
            "\u01a1",
            "&amp;",
            "&eacute;",
            "&nbsp;",
            "&#10;",
            "&#x301;",
            "\u00e1\u00bb",
        ]
    )
).map("".join)


@settings(max_examples=400, deadline=None)
@given(ANY_TEXT)
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once


@settings(max_examples=600, deadline=None)
@given(TRICKY)
def test_tricky_text_is_idempotent_and_keeps_lines(text: str) -> None:
    once = repair_text(text)
    assert repair_text(once) == once
    unified = text.replace("\r\n", "\n")
    breaks = sum(unified.count(c) for c in "\n\r\u2028\u2029")
    assert once.count("\n") == breaks
    assert all(line == line.strip(" \t") for line in once.split("\n"))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([row["text"] for row in CLEAN]), st.sampled_from(sorted(GARBLINGS)))
def test_garbled_then_repaired_is_idempotent(sentence: str, name: str) -> None:
    once = repair_text(GARBLINGS[name](sentence))
    assert repair_text(once) == once


@settings(max_examples=600, deadline=None)
@given(TRICKY)
def test_skipping_the_rare_character_fixes_changes_nothing(text: str) -> None:
    """A fix of ``_RARE_CHARACTERS`` leaves text without its characters as it is, so
    skipping them on such text (one search) repairs as running every fix does."""
    for fix, pattern in repair._RARE_CHARACTERS.items():
        if pattern.search(text) is None:
            assert fix(text) == text, fix.__name__
    every_fix_once = text
    for each_fix in repair._FIXES:
        every_fix_once = each_fix(every_fix_once)
    assert repair._repair_once(text)[0] == every_fix_once


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=" \t\nab", max_size=40))
def test_fix_spaces_is_its_plain_definition(text: str) -> None:
    """Runs of spaces and tabs, and lone tabs, become one space; then a space beside a line
    break goes, and the text's end spaces: what the plain patterns did before the faster code."""
    collapsed = re.sub(" ?\n ?", "\n", re.sub("[ \t]{2,}|\t", " ", text))
    assert repair.fix_spaces(text) == collapsed.strip(" ")
