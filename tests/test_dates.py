"""Golden cases for :func:`normalize.dates.parse_date` (fixtures/lines/dates.json)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from normalize.dates import MAX_LEN, parse_date

LINES = Path(__file__).resolve().parent.parent / "fixtures" / "lines"
GOLDEN: dict[str, str | None] = json.loads((LINES / "dates.json").read_text(encoding="utf-8"))
BODY: list[str] = json.loads((LINES / "body_sentences.json").read_text(encoding="utf-8"))["lines"]


def test_golden_has_enough_cases() -> None:
    assert sum(v is not None for v in GOLDEN.values()) >= 30
    assert sum(v is None for v in GOLDEN.values()) >= 20


@pytest.mark.parametrize(("line", "expected"), sorted(GOLDEN.items()))
def test_golden(line: str, expected: str | None) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize("line", BODY)
def test_body_sentences_are_not_dates(line: str) -> None:
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("05/10/2021", "2021-10-05"),  # day-first
        ("10/05/2021", "2021-05-10"),  # still day-first when both could be a month
        ("10/19/2021", "2021-10-19"),  # month-first because 19 cannot be a month
        ("2021/10/19", "2021-10-19"),  # year first
        ("31/02/2021", None),  # impossible
        ("12/31/1899", None),  # absurd year
        ("01/01/2101", None),
    ],
)
def test_numeric_order_and_validity(line: str, expected: str | None) -> None:
    assert parse_date(line) == expected


def test_long_lines_are_not_date_lines() -> None:
    line = "19/10/2021 " + "| 10:35 " * 20
    assert len(line) > MAX_LEN
    assert parse_date(line) is None


def test_huge_line_is_fast() -> None:
    for line in ("1/" * 500_000, "19/10/2021 " * 100_000, "a" * 1_000_000):
        start = time.perf_counter()
        assert parse_date(line) is None
        assert time.perf_counter() - start < 2.0
