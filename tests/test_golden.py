"""Golden articles: the seeds and the built test articles against their known truth.

Each ``fixtures/articles/NAME.txt`` with a ``NAME.expected.json`` beside it is a case,
and each seed ``fixtures/seeds/NAME.txt`` with ``fixtures/expected/NAME.expected.json``.
The expected files were written from the article's construction and read line
by line (see ``fixtures/articles/README.md``), never copied from our output.

Every case must give its language, title, date and credits exactly and account
for every line. The two seeds must come out exactly in every field; the built
articles are also scored together, as the held-out check scores a corpus, and
must stay above the floors below (``benchmarks/evaluate.py`` computes them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from normalize import normalize
from normalize.repair import repair_text
from tests.conftest import FIXTURES, check_accounting

CASES = sorted(FIXTURES.glob("**/*.expected.json"))
#: The seeds' expected outputs stand apart, so that ``fixtures/seeds/`` holds only articles
#: (the README runs ``normalize fixtures/seeds/``).
SEEDS = [case for case in CASES if case.parent.name == "expected"]
ARTICLES = FIXTURES / "articles"
ROOT = FIXTURES.parent
#: Floors for the built articles, scored together (the held-out targets are in the README).
FLOORS = {"body": 0.98, "pairs": 0.93, "title_accuracy": 0.98, "date_accuracy": 0.98, "credits_found": 0.9}
CEILINGS = {"boilerplate_id_left": 0.01, "foreign_left": 0.06, "missing_lines": 0}


def _input_of(expected: Path) -> Path:
    name = expected.name.removesuffix(".expected.json") + ".txt"
    folder = FIXTURES / "seeds" if expected.parent.name == "expected" else expected.parent
    return folder / name


@pytest.fixture(params=CASES, ids=[c.name.removesuffix(".expected.json") for c in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any], str]:
    path: Path = request.param
    expected = json.loads(path.read_text(encoding="utf-8"))
    raw = _input_of(path).read_bytes().decode("utf-8")
    record = normalize(raw, id=expected["id"]).to_dict(explain=True)
    return expected, record, raw


@pytest.fixture(params=SEEDS, ids=[c.name.removesuffix(".expected.json") for c in SEEDS])
def seed(request: pytest.FixtureRequest) -> tuple[dict[str, Any], dict[str, Any], str]:
    path: Path = request.param
    expected = json.loads(path.read_text(encoding="utf-8"))
    raw = _input_of(path).read_bytes().decode("utf-8")
    return expected, normalize(raw, id=expected["id"]).to_dict(explain=True), raw


def test_cases_exist() -> None:
    assert len(SEEDS) == 2 and len(CASES) >= 30
    assert all(_input_of(path).exists() for path in CASES)


def test_title_date_language(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    assert (record["lang"], record["title"], record["date"]) == (
        expected["lang"],
        expected["title"],
        expected["date"],
    )


def test_credits(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = case
    assert record["credits"] == expected["credits"]


def test_text_paragraphs(seed: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = seed
    assert (record["text"].split("\n\n") if record["text"] else []) == expected["paragraphs"]


def test_pairs(seed: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = seed
    got = [{k: pair[k] for k in ("src", "src_lang", "tgt", "tgt_lang")} for pair in record["pairs"]]
    assert got == expected["pairs"]
    assert all(0.0 <= pair["score"] <= 1.0 for pair in record["pairs"])


def test_removed(seed: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    expected, record, _ = seed
    keys = (
        ("line", "text", "reason")
        if expected["removed"] and "line" in expected["removed"][0]
        else (
            "text",
            "reason",
        )
    )
    got = [{k: removed[k] for k in keys} for removed in record["removed"]]
    assert got == expected["removed"]


def test_every_line_accounted_for(case: tuple[dict[str, Any], dict[str, Any], str]) -> None:
    _, record, raw = case
    check_accounting(record, repair_text(raw))


def test_built_articles_scored_together(tmp_path: Path) -> None:
    """``normalize DIR -o out.jsonl`` on the built articles, scored as the held-out check is."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for source in ARTICLES.glob("*.txt"):
        (inputs / source.name).write_bytes(source.read_bytes())
    out = tmp_path / "out.jsonl"
    subprocess.run(
        [sys.executable, "-m", "normalize", str(inputs), "-o", str(out), "--quiet"], cwd=ROOT, check=True
    )
    scored = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "evaluate.py"), str(ARTICLES), str(out), "--json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(scored.stdout)
    assert (
        result["documents"] == len(list(ARTICLES.glob("*.txt"))) and result["documents_without_output"] == 0
    )
    got = {key: result[key]["f1"] if isinstance(result[key], dict) else result[key] for key in FLOORS}
    assert all(got[key] >= floor for key, floor in FLOORS.items()), got
    assert all(result[key] <= ceiling for key, ceiling in CEILINGS.items()), result
