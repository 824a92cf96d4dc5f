"""Shared test helpers: where fixtures live, and the line-accounting check."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from normalize.markup import clean_inline_markup

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
_QUOTE_MARKER = re.compile(r"^>+[ \t]?")


def _joined_back(physical: dict[int, str], numbers: set[int]) -> dict[int, str]:
    """The text each output line number should hold: its input line, and the input lines that
    follow it with no number of their own (a hard-wrapped paragraph joined back, each continued
    line without its quote marker). Such lines must follow the line they were joined to."""
    expected: dict[int, str] = {}
    current: int | None = None
    for number in sorted(physical):
        if number in numbers:
            current = number
            expected[number] = physical[number]
        else:
            assert current is not None and number - 1 in physical, f"line {number} is missing"
            expected[current] += " " + _QUOTE_MARKER.sub("", physical[number])
    return expected


def check_accounting(record: dict[str, Any], repaired_input: str) -> None:
    """Every non-blank input line is in exactly one place of ``record``.

    Inline HTML tags leave the lines that hold them; the lines of a hard-wrapped
    paragraph are in the one line it was joined back into.

    ``record`` must have been written with ``explain=True`` (its ``lines``).
    The places are the title, the credits, the text's paragraphs, the pair
    sources and the removed lines; the date field is a value read from the
    date line, which itself is among the removed lines.
    """
    lines = record["lines"]
    by_number: dict[int, list[str]] = {}
    for line in lines:
        by_number.setdefault(line["line"], []).append(line["text"])
    rows = enumerate(repaired_input.split("\n"), start=1)
    physical = {n: clean_inline_markup(raw.strip()) for n, raw in rows if raw.strip()}
    assert set(by_number) <= set(physical), "line numbers differ from the input's non-blank lines"
    expected = _joined_back(physical, set(by_number))
    for number, parts in by_number.items():
        # a line holding two languages may be cut where no space stands ("照片。The image")
        assert "".join("".join(parts).split()) == "".join(expected[number].split()), f"line {number} changed"
    places: Counter[str] = Counter()
    # the title line (the title field is its text less a markdown "#" or a site's name)
    places.update(line["text"] for line in lines if line["role"] == "title")
    places.update(record["credits"])
    places.update(p for p in record["text"].split("\n\n") if p)
    places.update(pair["src"] for pair in record["pairs"])
    places.update(removed["text"] for removed in record["removed"])
    assert places == Counter(line["text"] for line in lines), "a line is missing or doubled"
