"""Shared test helpers: where fixtures live, and the line-accounting check."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def check_accounting(record: dict[str, Any], repaired_input: str) -> None:
    """Every non-blank input line is in exactly one place of ``record``.

    ``record`` must have been written with ``explain=True`` (its ``lines``).
    The places are the title, the credits, the text's paragraphs, the pair
    sources and the removed lines; the date field is a value read from the
    date line, which itself is among the removed lines.
    """
    lines = record["lines"]
    by_number: dict[int, list[str]] = {}
    for line in lines:
        by_number.setdefault(line["line"], []).append(line["text"])
    physical = {n: raw.strip() for n, raw in enumerate(repaired_input.split("\n"), start=1) if raw.strip()}
    assert sorted(by_number) == sorted(physical), "line numbers differ from the input's non-blank lines"
    for number, parts in by_number.items():
        # a line holding two languages may be cut where no space stands ("照片。The image")
        assert "".join("".join(parts).split()) == "".join(physical[number].split()), f"line {number} changed"
    places: Counter[str] = Counter()
    # the title line (the title field is its text less a markdown "#" or a site's name)
    places.update(line["text"] for line in lines if line["role"] == "title")
    places.update(record["credits"])
    places.update(p for p in record["text"].split("\n\n") if p)
    places.update(pair["src"] for pair in record["pairs"])
    places.update(removed["text"] for removed in record["removed"])
    assert places == Counter(line["text"] for line in lines), "a line is missing or doubled"
