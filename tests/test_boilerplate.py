"""Boilerplate learned from a corpus of several sites (fixtures/multisite, see its README)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from normalize.boilerplate import (
    LearnedLine,
    LearnOptions,
    boilerplate_keys,
    count_lines,
    document_lines,
    learn_boilerplate,
    line_hash,
    load_boilerplate,
    save_boilerplate,
    site_key,
)
from normalize.cli import EXIT_OK, EXIT_USAGE, main
from normalize.lines import line_key
from normalize.readers import Record, read_inputs
from normalize.repair import repair_text
from normalize.settings import Settings
from tests.conftest import FIXTURES, check_accounting

CORPUS = FIXTURES / "multisite" / "corpus"
RIVER, SONG, HILL = str(CORPUS / "river"), str(CORPUS / "songviet"), "www.hillpost.example"
#: The sites' own lines, as the fixture's README lists them: site -> {text: documents}.
SITE_LINES = {
    RIVER: {"Stories from the river towns, every morning": 7,
            "The Riverside Ledger is printed on recycled paper": 7},
    SONG: {"Nhịp sống mỗi ngày cùng bạn đọc": 8,
           "Chuyện làng quê kể bằng những trang viết nhỏ": 6},
    HILL: {"Notes from the high valleys since the old railway days": 6,
           "Hill Post is made by a small team of neighbours": 8},
}
TAGLINES = {text for lines in SITE_LINES.values() for text in lines}
SHARED = "The weather stayed mild through the whole week, and the ferries kept to their timetable."
SERIES_START = "Bún mắm nêm Đà Nẵng"


def _run(tmp_path: Path, name: str, *options: str, inputs: tuple[str, ...] = (str(CORPUS),)) -> bytes:
    out = tmp_path / name
    assert main([*inputs, "-o", str(out), "--jobs", "1", "--quiet", *options]) == EXIT_OK
    return out.read_bytes()


def _records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def _input_texts() -> dict[str, str]:
    """Each document's input text, by id."""
    return {record.id: record.text or "" for record in read_inputs([str(CORPUS)])}


def _input_lines() -> dict[str, list[str]]:
    """Each document's non-blank input lines, by id."""
    return {doc_id: [line.strip() for line in text.split("\n") if line.strip()]
            for doc_id, text in _input_texts().items()}


def test_learns_exactly_each_sites_taglines_and_footers() -> None:
    learned = learn_boilerplate([str(CORPUS)])
    assert {(line.site, line.text, line.documents) for line in learned} == {
        (site, text, documents) for site, lines in SITE_LINES.items() for text, documents in lines.items()
    }
    assert all(line.site_documents == 8 for line in learned)
    assert boilerplate_keys(learned) == {line_key(text) for text in TAGLINES}


def test_repeats_that_are_not_boilerplate_are_not_learned() -> None:
    inputs = _input_lines()
    in_docs = sum(SHARED in lines for lines in inputs.values())
    series = sum(any(line.startswith(SERIES_START) for line in lines) for lines in inputs.values())
    dates = sum("19/10/2021" in lines for lines in inputs.values())
    # Over the thresholds if counted across sites (6 of 24 documents), but 3 of 8 in each site.
    assert in_docs == 6
    assert series == 3 and dates == 6
    keys = boilerplate_keys(learn_boilerplate([str(CORPUS)]))
    assert line_key(SHARED) not in keys
    assert not any(key.startswith(line_key(SERIES_START)) for key in keys)
    assert line_key("19/10/2021") not in keys  # a rule removes it as a date already


def test_thresholds() -> None:
    everywhere = learn_boilerplate([str(CORPUS)], LearnOptions(min_docs=2, min_share=1.0))
    assert {line.text for line in everywhere} == {"Nhịp sống mỗi ngày cùng bạn đọc",
                                                  "Hill Post is made by a small team of neighbours"}
    assert learn_boilerplate([str(CORPUS)], LearnOptions(min_docs=9)) == ()
    # Low thresholds reach the repeated body lines: the defaults are what keeps them.
    low = boilerplate_keys(learn_boilerplate([str(CORPUS)], LearnOptions(min_docs=3, min_share=0.2)))
    assert line_key(SHARED) in low
    for bad in ({"min_docs": 1}, {"min_share": 0.0}, {"min_share": 1.5}):
        with pytest.raises(ValueError, match="min_"):
            LearnOptions(**bad)


def test_learned_lines_are_removed_and_no_body_line_is(tmp_path: Path) -> None:
    plain = {r["id"]: r for r in _records(_run(tmp_path, "plain.jsonl", "--explain"))}
    learned_run = _run(tmp_path, "learned.jsonl", "--explain", "--learn-boilerplate")
    learned = {r["id"]: r for r in _records(learned_run)}
    inputs, texts = _input_lines(), _input_texts()
    assert plain.keys() == learned.keys() == inputs.keys() and len(inputs) == 24
    tagline_keys = {line_key(text) for text in TAGLINES}
    for doc_id, record in learned.items():
        check_accounting(record, repair_text(texts[doc_id]))
        removed = {(line["text"], line["reason"]) for line in record["removed"]}
        expected = {(text, "boilerplate") for text in TAGLINES if text in inputs[doc_id]}
        assert expected <= removed, doc_id
        # Nothing else is removed than without learning.
        before = {(line["text"], line["reason"]) for line in plain[doc_id]["removed"]}
        assert removed - expected == before - expected, doc_id
        # Every other input line is still in the document: title, text or credits.
        kept = record["text"].split("\n\n") + [record["title"]] + record["credits"]
        for line in inputs[doc_id]:
            if line_key(line) not in tagline_keys and line != "19/10/2021":
                assert line in kept, (doc_id, line)
        assert record["title"] not in TAGLINES
    # Without learning these lines are not all removed (no rule knows them).
    kept_before = sum(line in TAGLINES for r in plain.values()
                      for line in [*r["text"].split("\n\n"), r["title"]])
    assert kept_before > 0
    assert all(line["rule"] == "learned" for r in learned.values() for line in r["lines"]
               if line["text"] in TAGLINES)


def test_save_and_reuse_give_the_same_output(tmp_path: Path) -> None:
    saved = tmp_path / "boilerplate.json"
    learned = _run(tmp_path, "learned.jsonl", "--learn-boilerplate", "--save-boilerplate", str(saved))
    reused = _run(tmp_path, "reused.jsonl", "--boilerplate", str(saved))
    assert reused == learned
    assert reused != _run(tmp_path, "plain.jsonl")
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "normalize-boilerplate" and data["version"] == 1
    assert (data["min_docs"], data["min_share"]) == (5, 0.2)
    assert {entry["text"] for entry in data["lines"]} == TAGLINES
    order = [(entry["site"], line_key(entry["text"])) for entry in data["lines"]]
    assert order == sorted(order)
    # Deterministic: learning again writes the same bytes.
    again = tmp_path / "again.json"
    _run(tmp_path, "again.jsonl", "--learn-boilerplate", "--save-boilerplate", str(again))
    assert again.read_bytes() == saved.read_bytes()


def test_save_load_round_trip_and_a_hand_written_file(tmp_path: Path) -> None:
    lines = (LearnedLine("b.example", "Zeta footer line", 6, 9),
             LearnedLine("a.example", "Alpha — tagline!", 5, 5))
    path = tmp_path / "bp.json"
    save_boilerplate(path, lines, LearnOptions(min_docs=5, min_share=0.5))
    assert load_boilerplate(path) == tuple(sorted(lines, key=lambda line: line.site))
    hand = tmp_path / "hand.json"
    hand.write_text(json.dumps({"format": "normalize-boilerplate", "lines": [{"text": "Read us daily"}]}))
    assert boilerplate_keys(load_boilerplate(hand)) == {"read us daily"}


@pytest.mark.parametrize("content, message", [
    (b"not json", "not UTF-8 JSON"),
    (b'{"lines": []}', "not a normalize-boilerplate file"),
    (b'{"format": "normalize-boilerplate", "lines": [{"site": "x"}]}', "entry 1 has no string"),
])
def test_a_bad_boilerplate_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 content: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert main([str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "--boilerplate", str(bad)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and str(bad) in err
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("options, message", [
    (["--save-boilerplate", "x.json"], "--save-boilerplate needs --learn-boilerplate"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
])
def test_option_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str],
                       message: str) -> None:
    code = main([str(CORPUS), "-o", str(tmp_path / "out.jsonl"), *options])
    assert code == EXIT_USAGE
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("options, message", [
    (["--boilerplate-min-docs", "1"], "must be 2 or more"),
    (["--boilerplate-min-share", "0"], "must be above 0"),
    (["--boilerplate-min-share", "1.5"], "must be between 0 and 1"),
    (["--engine", "spark"], "invalid choice"),
])
def test_bad_option_values(capsys: pytest.CaptureFixture[str], options: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as exit:
        main([str(CORPUS), "--learn-boilerplate", *options])
    assert exit.value.code == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_learning_cannot_read_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-", "-o", str(tmp_path / "out.jsonl"), "--learn-boilerplate"]) == EXIT_USAGE
    assert "cannot read standard input" in capsys.readouterr().err


def test_sites_and_counting_once_per_document() -> None:
    assert site_key("https://WWW.Example.com/a/b.html") == "www.example.com"
    assert site_key("corpus/site/a.txt") == "corpus/site"
    assert site_key(None) == ""
    text = "A line said twice\n\nA line said twice\n\nok\n\nAnother line"
    counts = count_lines([Record(id="a", source="s/a.txt", origin="a", text=text),
                          Record(id="b", source="s/b.txt", origin="b", text="A LINE, said twice!"),
                          Record(id="c", source="s/c.txt", origin="c", error="cannot read file")])
    assert counts.documents == {"s": 2}
    site = counts.lines["s"]
    assert site[line_hash("a line said twice")] == 2  # once per document, whatever its case
    assert line_hash("ok") not in site  # keys under 3 characters are not counted
    assert site[line_hash("another line")] == 1


def test_a_web_page_counts_its_extracted_lines() -> None:
    html = ("<html><head><title>T</title></head><body><article><h1>A page title here</h1>"
            "<p>The first paragraph of the article, long enough to be kept by the extractor.</p>"
            "<p>Our newsletter arrives every Friday morning</p></article></body></html>")
    found = document_lines(Record(id="p", source="https://news.example/p.html", origin="p", html=html))
    assert found is not None
    site, texts = found
    assert site == "news.example"
    assert texts[line_hash("our newsletter arrives every friday morning")] == (
        "Our newsletter arrives every Friday morning")


def test_settings_boilerplate_is_applied_by_the_library() -> None:
    from normalize import normalize

    settings = Settings(boilerplate=frozenset({line_key("Stories from the river towns, every morning")}))
    doc = normalize("Stories from the river towns, every morning\n\nA title\n\nA body paragraph.",
                    settings=settings)
    assert doc.title == "A title"
    assert doc.removed[0]["text"] == "Stories from the river towns, every morning"
