"""The same articles give the same documents and pairs, whichever way they come in or go out."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from lxml import etree

from tests.conftest import FIXTURES

ROOT = FIXTURES.parent
ARTICLES = sorted((FIXTURES / "articles").glob("*.txt"))


def _normalize(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT, check=True)


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_pair_formats_hold_exactly_the_pairs_of_the_jsonl_run(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for article in ARTICLES:
        (inputs / article.name).write_bytes(article.read_bytes())
    _normalize(str(inputs), "-o", str(tmp_path / "out.jsonl"))
    _normalize(str(inputs), "--format", "tmx", "-o", str(tmp_path / "pairs.tmx"))
    _normalize(str(inputs), "--format", "tsv", "-o", str(tmp_path / "pairs.tsv"))
    _normalize(str(inputs), "--format", "moses", "-o", str(tmp_path / "corpus"))
    pairs = [pair for record in _jsonl(tmp_path / "out.jsonl") for pair in record["pairs"]]  # type: ignore[attr-defined]
    assert len(pairs) >= 20
    assert {p["src_lang"] for p in pairs} >= {"vi", "zh", "ru", "fr", "es", "de"}
    assert all(len(p["src_lang"]) == 2 and len(p["tgt_lang"]) == 2 for p in pairs)  # zh, never zh-cn

    units = etree.parse(str(tmp_path / "pairs.tmx")).getroot().findall("body/tu")
    assert len(units) == len(pairs)
    segs = [tuple(seg.text for seg in unit.iter("seg")) for unit in units]
    assert segs == [(p["src"], p["tgt"]) for p in pairs]

    with (tmp_path / "pairs.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [(r["src"], r["tgt"], r["src_lang"], r["tgt_lang"]) for r in rows] == [
        (p["src"], p["tgt"], p["src_lang"], p["tgt_lang"]) for p in pairs
    ]

    moses = sorted(tmp_path.glob("corpus.*"))
    per_pair: dict[str, int] = {}
    for path in moses:
        per_pair[path.name.split(".")[1]] = len(path.read_text(encoding="utf-8").splitlines())
    assert sum(per_pair.values()) == len(pairs)
    for name, count in per_pair.items():
        left, right = name.split("-")
        assert left < right  # OPUS naming: the two codes in alphabetical order
        sides = [p for p in moses if p.name.split(".")[1] == name]
        assert [p.name.rsplit(".", 1)[1] for p in sides] == [left, right]
        assert [len(p.read_text(encoding="utf-8").splitlines()) for p in sides] == [count, count]


def test_a_feed_gives_the_same_documents_as_the_files(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for article in ARTICLES:
            text = article.read_bytes().decode("utf-8")
            handle.write(json.dumps({"url": f"https://example.org/{article.stem}", "text": text}) + "\n")
    _normalize(str(feed), "-o", str(tmp_path / "feed-out.jsonl"))
    _normalize(*map(str, ARTICLES), "-o", str(tmp_path / "files-out.jsonl"))
    from_feed, from_files = _jsonl(tmp_path / "feed-out.jsonl"), _jsonl(tmp_path / "files-out.jsonl")
    assert [r["id"] for r in from_feed] == [f"https://example.org/{a.stem}" for a in ARTICLES]
    # the same record but for where it came from (a file's bytes also name their encoding)
    for fed, filed in zip(from_feed, from_files, strict=True):
        fed = {k: v for k, v in fed.items() if k not in ("id", "source", "encoding")}
        filed = {k: v for k, v in filed.items() if k not in ("id", "source", "encoding")}
        assert fed == filed
