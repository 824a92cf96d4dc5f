"""Tests of the benchmark tools themselves: the corpus generator and the evaluator."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import ftfy
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
DATA = ROOT / "fixtures" / "corpus-data"
MAKE = ROOT / "benchmarks" / "make_corpus.py"
EVALUATE = ROOT / "benchmarks" / "evaluate.py"
GARBLES = {"mojibake", "line-mojibake", "entities", "zwsp", "nbsp", "nfd", "crlf", "bom", "soft-hyphen"}


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for junk in ("\u200b", "\u00ad", "\ufeff"):
        text = text.replace(junk, "")
    return text.replace("\u00a0", " ").strip()


def gold_files() -> list[Path]:
    return sorted(ARTICLES.glob("*.expected.json"))


def load(path: Path) -> dict[str, Any]:
    rec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return rec


def make(out: Path, n: int, seed: int) -> None:
    args = ["--data", str(DATA), "--out", str(out), "--n", str(n), "--seed", str(seed)]
    subprocess.run([sys.executable, str(MAKE), *args], check=True, capture_output=True)


def score(gold_dir: Path, records: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    out = tmp / "out.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(EVALUATE), str(gold_dir), str(out), "--json"], check=True, capture_output=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def perfect(gold: dict[str, Any]) -> dict[str, Any]:
    """The output record a perfect normaliser would write."""
    return {
        "id": gold["id"], "lang": gold["lang"], "title": gold["title"], "date": gold["date"],
        "credits": gold["credits"], "text": "\n\n".join(gold["paragraphs"]),
        "pairs": [{**p, "score": 1.0} for p in gold["pairs"]],
        "removed": [{"line": 0, **r} for r in gold["removed"]],
    }


def test_fixtures_exist_and_cover_every_layout() -> None:
    golds = [load(p) for p in gold_files()]
    assert len(golds) >= 25
    assert {g["layout"]["layout"] for g in golds} == {"seed-a", "seed-b", "general"}
    assert {g["layout"]["placement"] for g in golds if g["pairs"]} == {"before", "after", "same"}
    assert {p["src_lang"] for g in golds for p in g["pairs"]} == {"vi", "zh", "ru", "fr", "es", "de", "en"}
    assert set().union(*(g["garbling"] for g in golds)) == GARBLES
    reasons = {r["reason"] for g in golds for r in g["removed"]}
    assert reasons == {"boilerplate", "image-id", "date", "foreign"}
    assert any(g["date"] is None for g in golds) and any(g["lang"] == "vi" for g in golds)


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name[:4])
def test_expected_accounts_for_every_input_line(path: Path) -> None:
    gold = load(path)
    text = path.with_name(gold["id"] + ".txt").read_bytes().decode("utf-8")
    if "mojibake" in gold["garbling"]:
        text = ftfy.fix_encoding(text)
    if "entities" in gold["garbling"]:
        text = html.unescape(text)
    lines = [clean(line) for line in text.replace("\r\n", "\n").split("\n")]
    lines = [line for line in lines if line]
    assert len(lines) == gold["input_lines"] == len(gold["lines"])
    if "line-mojibake" not in gold["garbling"]:
        assert lines == gold["lines"]
    # every line is exactly one of: title, credit, paragraph, pair source (+ translation), removed
    places = [gold["title"], *gold["credits"], *gold["paragraphs"], *(r["text"] for r in gold["removed"])]
    places += [p["src"] for p in gold["pairs"]]
    for line in gold["lines"]:
        same_line = any(line == f"{p['src']} {p['tgt']}" for p in gold["pairs"])
        assert line in places or same_line, line
    for pair in gold["pairs"]:
        assert pair["tgt"] in gold["paragraphs"]
        assert pair["src"] not in gold["paragraphs"]
    assert gold["lines"][0] == gold["title"]
    assert all(t == clean(t) and "  " not in t[:1] for t in gold["paragraphs"])


def test_generator_is_deterministic_and_prefix_stable(tmp_path: Path) -> None:
    make(tmp_path / "a", 12, 7)
    make(tmp_path / "b", 12, 7)
    make(tmp_path / "c", 6, 7)
    make(tmp_path / "d", 6, 8)
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files_a) == 24
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    for path in (tmp_path / "c").iterdir():
        assert path.read_bytes() == (tmp_path / "a" / path.name).read_bytes()
    assert not {p.name for p in (tmp_path / "d").iterdir()} & set(files_a)


def test_evaluator_gives_full_marks_to_the_gold(tmp_path: Path) -> None:
    result = score(ARTICLES, [perfect(load(p)) for p in gold_files()], tmp_path)
    assert result["documents"] == len(gold_files())
    assert result["body"]["f1"] == result["pairs"]["f1"] == 1.0
    assert all(s["f1"] == 1.0 for s in result["pairs_by_lang"].values())
    assert result["title_accuracy"] == result["date_accuracy"] == result["credits_found"] == 1.0
    assert result["boilerplate_id_left"] == result["foreign_left"] == 0.0
    assert result["missing_lines"] == result["documents_missing_lines"] == 0


def test_evaluator_punishes_each_kind_of_error(tmp_path: Path) -> None:
    records = [perfect(load(p)) for p in gold_files()]
    first = records[0]
    paras = first["text"].split("\n\n")
    first["text"] = "\n\n".join(paras[1:])  # drop a paragraph: a line goes missing
    with_pair = next(r for r in records if r["pairs"])
    with_pair["pairs"][0] = {**with_pair["pairs"][0], "src_lang": "xx"}
    with_date = next(r for r in records if r["date"])
    with_date["date"] = "1999-01-01"
    with_bp = next(r for r in records[1:] if any(x["reason"] == "boilerplate" for x in r["removed"]))
    leaked = next(x for x in with_bp["removed"] if x["reason"] == "boilerplate")
    with_bp["text"] += "\n\n" + leaked["text"]
    result = score(ARTICLES, records, tmp_path)
    assert result["body"]["recall"] < 1.0 and result["body"]["precision"] < 1.0
    assert result["pairs"]["f1"] < 1.0 and "xx" in result["pairs_by_lang"]
    assert result["date_accuracy"] < 1.0
    assert result["boilerplate_id_left"] > 0.0
    assert result["missing_lines"] >= 1 and result["documents_missing_lines"] >= 1


def test_evaluator_counts_absent_documents(tmp_path: Path) -> None:
    result = score(ARTICLES, [perfect(load(p)) for p in gold_files()[1:]], tmp_path)
    assert result["documents_without_output"] == 1
    assert result["body"]["recall"] < 1.0 and result["missing_lines"] > 0


def test_captions_have_every_language() -> None:
    with (ROOT / "benchmarks" / "captions.jsonl").open(encoding="utf-8") as f:
        caps = [json.loads(line) for line in f]
    assert len(caps) >= 50
    for cap in caps:
        assert set(cap) == {"en", "vi", "zh", "ru", "fr", "es", "de"}
        assert all(v and v == clean(v) for v in cap.values())


REAL_BODIES = ROOT / "benchmarks" / "real_bodies.py"


def test_real_bodies_writes_each_article_body_and_names_a_page_without_one(tmp_path: Path) -> None:
    bench = tmp_path / "bench"
    bench.mkdir()
    pages = {
        "a" * 64: {"articleBody": "First paragraph.\n\nSecond – with “quotes”."},
        "b" * 64: {"articleBody": ""},
        "c" * 64: {"articleBody": "Только один абзац."},
    }
    (bench / "ground-truth.json").write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, str(REAL_BODIES), str(bench), str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert sorted(path.name for path in out.iterdir()) == ["aaaaaaaaaaaaaaaa.txt", "cccccccccccccccc.txt"]
    assert (out / "aaaaaaaaaaaaaaaa.txt").read_text(encoding="utf-8") == pages["a" * 64]["articleBody"]
    assert (out / "cccccccccccccccc.txt").read_text(encoding="utf-8") == "Только один абзац."
    assert "b" * 64 in done.stderr and "no articleBody" in done.stderr


def test_real_bodies_without_ground_truth_exits_2_and_says_what_to_give(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REAL_BODIES), str(tmp_path), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert "ground-truth.json" in done.stderr and "benchmark's folder" in done.stderr
