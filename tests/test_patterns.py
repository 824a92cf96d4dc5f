"""Golden cases for the per-line classifiers of :mod:`normalize.patterns`.

``fixtures/lines/<kind>.json`` holds ``{"match": ..., "no_match": [...]}``;
``body_sentences.json`` holds real article sentences (English and Vietnamese)
on which every classifier must stay silent.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from normalize.patterns import boilerplate_rule, credit_rule, image_id_rule
from normalize.taglines import tagline_score

LINES = Path(__file__).resolve().parent.parent / "fixtures" / "lines"


def _load(name: str) -> Any:
    return json.loads((LINES / f"{name}.json").read_text(encoding="utf-8"))


RULES: dict[str, Callable[[str], str | None]] = {
    "image_ids": image_id_rule,
    "credits": credit_rule,
    "boilerplate": boilerplate_rule,
}
POSITIVE = [(kind, line, rule) for kind in RULES for line, rule in _load(kind)["match"].items()]
NEGATIVE = [(kind, line) for kind in RULES for line in _load(kind)["no_match"]]
TAGLINES = _load("taglines")
BODY: list[str] = _load("body_sentences")["lines"]


@pytest.mark.parametrize("kind", [*RULES, "taglines"])
def test_golden_has_enough_cases(kind: str) -> None:
    golden = _load(kind)
    assert len(golden["match"]) >= 30
    assert len(golden["no_match"]) >= 30


def test_body_fixture_is_real_and_bilingual() -> None:
    assert len(BODY) >= 100
    assert any("ư" in line or "ạ" in line for line in BODY)


@pytest.mark.parametrize(("kind", "line", "rule"), POSITIVE)
def test_match(kind: str, line: str, rule: str) -> None:
    assert RULES[kind](line) == rule


@pytest.mark.parametrize(("kind", "line"), NEGATIVE)
def test_no_match(kind: str, line: str) -> None:
    assert RULES[kind](line) is None


@pytest.mark.parametrize("line", TAGLINES["match"])
def test_tagline_high(line: str) -> None:
    assert tagline_score(line) > 0.7


@pytest.mark.parametrize("line", TAGLINES["no_match"])
def test_tagline_low(line: str) -> None:
    assert tagline_score(line) < 0.3


@pytest.mark.parametrize("line", BODY)
def test_body_sentences_are_silent(line: str) -> None:
    assert image_id_rule(line) is None
    assert credit_rule(line) is None
    assert boilerplate_rule(line) is None
    assert tagline_score(line) < 0.3


def test_tagline_score_is_bounded() -> None:
    for line in ["", "x", *TAGLINES["match"], *TAGLINES["no_match"], *BODY]:
        assert 0.0 <= tagline_score(line) <= 1.0


def test_rule_is_that_of_the_first_id() -> None:
    assert image_id_rule("5fad183d85600a709965ad1d IMG_0001.jpg") == "object-id"
    assert image_id_rule("IMG_0001.jpg 5fad183d85600a709965ad1d") == "image-file"
    assert image_id_rule("IMG_0001.jpg and more") is None


def test_typos_of_related_are_tolerated_but_not_other_words() -> None:
    typos = ("Related Articules", "Relatd articles", "Related Artcles", "Releated articles", "RELATED POSTS")
    for line in typos:
        assert boilerplate_rule(line) == "related", line
    for line in ("Related matters", "Relations", "Relativity", "Retreated articles"):
        assert boilerplate_rule(line) is None, line


HUGE = [
    "a" * 1_000_000,
    "1" * 1_000_000,
    "a1_" * 340_000,
    "By " + "John " * 200_000,
    "Source: " + "x" * 1_000_000,
    "Related " * 125_000,
    "." * 1_000_000,
    "0123456789abcdef" * 62_500,
    "/" * 1_000_000 + ".jpg",
    "记者 " + "张" * 1_000_000,
]


@pytest.mark.parametrize("func", [image_id_rule, credit_rule, boilerplate_rule, tagline_score])
def test_huge_line_is_fast(func: Callable[[str], object]) -> None:
    for line in HUGE:
        start = time.perf_counter()
        func(line)
        assert time.perf_counter() - start < 2.0


def test_long_id_tokens_take_linear_time() -> None:
    # the longest lines each function still inspects in full
    for line in ("a/" * 150 + "x.jpg", "-" * 299 + "a", ("ab1_" * 75 + " ") * 6):
        start = time.perf_counter()
        image_id_rule(line)
        assert time.perf_counter() - start < 0.5
    for line in (" - " * 99, "Source: " + ": " * 140, "." * 299 + "a", "Read more " * 29):
        start = time.perf_counter()
        credit_rule(line)
        boilerplate_rule(line)
        tagline_score(line)
        assert time.perf_counter() - start < 0.5
