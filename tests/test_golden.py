"""Golden articles: the seeds and the built test articles come out exactly as expected.

Each ``fixtures/**/NAME.txt`` with a ``NAME.expected.json`` beside it is a case.
The expected files were written from the article's construction and read line
by line (see ``fixtures/articles/README.md``), never copied from our output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from normalize import normalize
from normalize.repair import repair_text
from tests.conftest import FIXTURES, check_accounting

CASES = sorted(FIXTURES.glob("**/*.expected.json"))


def _input_of(expected: Path) -> Path:
    return expected.with_name(expected.name.removesuffix(".expected.json") + ".txt")


@pytest.fixture(params=CASES, ids=[c.name.removesuffix(".expected.json") for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any], str]:
    path: Path = request.param
    expected = json.loads(path.read_text(encoding="utf-8"))
    raw = _input_of(path).read_bytes().decode("utf-8")
    record = normalize(raw, id=expected["id"]).to_dict(explain=True)
    return expected, record, raw


def test_cases_exist() -> None:
    assert len(CASES) >= 2
    assert all(_input_of(path).exists() for path in CASES)


def test_title_date_language(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    assert (record["lang"], record["title"], record["date"]) == (
        expected["lang"], expected["title"], expected["date"],
    )


def test_credits(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    assert record["credits"] == expected["credits"]


def test_text_paragraphs(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    assert (record["text"].split("\n\n") if record["text"] else []) == expected["paragraphs"]


def test_pairs(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    got = [{k: pair[k] for k in ("src", "src_lang", "tgt", "tgt_lang")} for pair in record["pairs"]]
    assert got == expected["pairs"]
    assert all(0.0 <= pair["score"] <= 1.0 for pair in record["pairs"])


def test_removed(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    keys = ("line", "text", "reason") if expected["removed"] and "line" in expected["removed"][0] else (
        "text", "reason",
    )
    got = [{k: removed[k] for k in keys} for removed in record["removed"]]
    assert got == expected["removed"]


def test_every_line_accounted_for(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    _, record, raw = case
    check_accounting(record, repair_text(raw))
