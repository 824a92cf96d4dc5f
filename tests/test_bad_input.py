"""Bad input through the command: a clear message naming the file, the rest written, exit code 1."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from normalize import cli as cli_module
from normalize import normalize, readers
from normalize.html import extract_html

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT,
                          capture_output=True, timeout=120, check=False)


def by_id(data: bytes) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, data.decode("utf-8").splitlines())}


def corpus(tmp_path: Path, bad: dict[str, bytes]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nGood body.\n", encoding="utf-8")
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("noise.txt", random.Random(7).randbytes(4096), "binary file, not text"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(8).randbytes(500),
     "binary file, not text: PNG image"),
])
def test_binary_files_fail_alone(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    done = cli(str(corpus(tmp_path, {name: data})))
    assert done.returncode == 1
    docs = by_id(done.stdout)
    stem = name.split(".")[0]
    assert docs[stem]["error"].startswith(reason) and docs[stem]["text"] == ""
    assert docs["good"]["title"] == "Good title" and "error" not in docs["good"]
    (message,) = done.stderr.decode().splitlines()
    assert message.startswith(f"normalize: {tmp_path / 'in' / name}: {reason}")


def test_undecodable_bytes_are_decoded_not_lost(tmp_path: Path) -> None:
    done = cli(str(corpus(tmp_path, {"cafe.txt": b"Title\n\nCaf\xe9 cr\xe8me.\n"})))
    assert done.returncode == 0 and done.stderr == b""
    cafe = by_id(done.stdout)["cafe"]
    assert "Café crème." in cafe["text"] and cafe["encoding"] == "cp1252"


@pytest.mark.parametrize("data", [b"", b"  \n\t \n\n  "])
def test_empty_and_whitespace_files_are_empty_documents(tmp_path: Path, data: bytes) -> None:
    done = cli(str(corpus(tmp_path, {"empty.txt": data})))
    assert done.returncode == 0 and done.stderr == b""
    empty = by_id(done.stdout)["empty"]
    assert (empty["text"], empty["title"], empty["removed"]) == ("", None, [])
    assert "error" not in empty


def test_a_single_15_mb_line(tmp_path: Path) -> None:
    line = "word " * 3_000_000
    (tmp_path / "huge.txt").write_text(line, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = cli(str(tmp_path / "huge.txt"), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    (doc,) = by_id(out.read_bytes()).values()
    assert doc["text"] == line.strip() and doc["title"] is None  # a paragraph, not a title


def test_broken_json_line_in_the_middle_of_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"r{n}", "text": f"Title {n}\n\nBody."}) for n in range(5)]
    lines[2] = '{"id": "r2", "text": "cut'
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli(str(feed), "--jobs", "2")
    assert done.returncode == 1
    docs = by_id(done.stdout)
    assert list(docs) == ["r0", "r1", "feed:3", "r3", "r4"]
    assert docs["feed:3"]["error"].startswith("invalid JSON: ")
    (message,) = done.stderr.decode().splitlines()
    assert message.startswith(f"normalize: {feed}:3: invalid JSON")


def test_an_id_is_never_a_path(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    evil = ["../../etc/passwd", "/tmp/abs", "a/../../b", "..", "nul\x00name"]
    lines = "".join(json.dumps({"id": i, "text": f"T\n\n{i}"}) + "\n" for i in evil)
    feed.write_text(lines, encoding="utf-8")
    work = tmp_path / "work"
    (work / "out").mkdir(parents=True)
    before = {p for p in tmp_path.rglob("*")}
    done = cli(str(feed), "-o", str(work / "out" / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert list(by_id((work / "out" / "out.jsonl").read_bytes())) == evil
    assert {p for p in tmp_path.rglob("*")} - before == {work / "out" / "out.jsonl"}
    # one file a document: every file stays inside the output folder
    folder = work / "out" / "texts"
    done = cli(str(feed), "--format", "text", "-o", str(folder))
    assert done.returncode == 0, done.stderr
    created = {p for p in tmp_path.rglob("*")} - before - {work / "out" / "out.jsonl"}
    assert created and all(folder in p.parents or p == folder for p in created)
    assert len(created - {folder}) == len(evil)


def test_file_deleted_between_listing_and_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = corpus(tmp_path, {"gone.txt": b"Gone\n", "later.txt": b"Later title\n"})
    real_walk = readers._walk

    def walk_then_delete(path: Path) -> Any:
        for file in real_walk(path):
            if file.name == "gone.txt":
                file.unlink()  # listed, then gone before it is read
            yield file

    monkeypatch.setattr(readers, "_walk", walk_then_delete)
    out = tmp_path / "out.jsonl"
    code = cli_module.main([str(folder), "-o", str(out), "--jobs", "1", "--quiet"])
    assert code == 1
    docs = by_id(out.read_bytes())
    assert list(docs) == ["gone", "good", "later"]
    gone = docs["gone"]["error"]
    assert "No such file or directory" in gone and str(folder / "gone.txt") in gone
    assert docs["later"]["title"] == "Later title"
    (message,) = capsys.readouterr().err.splitlines()
    assert message.startswith(f"normalize: {folder / 'gone.txt'}: cannot read file")


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads any file; test_file_deleted_between_listing_and_reading covers this")
    folder = corpus(tmp_path, {"locked.txt": b"secret"})
    (folder / "locked.txt").chmod(0)
    try:
        done = cli(str(folder))
    finally:
        (folder / "locked.txt").chmod(0o644)
    assert done.returncode == 1
    docs = by_id(done.stdout)
    assert "Permission denied" in docs["locked"]["error"] and docs["good"]["title"] == "Good title"


def test_a_200000_level_nested_page(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 200_000 + "Deep text." + "</div>" * 200_000
                                        + "</body></html>", encoding="utf-8")
    done = cli(str(tmp_path / "deep.html"), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert by_id(done.stdout)["deep"]["text"] == "Deep text."


# Nothing takes time worse than linear in its size: the time for 4n is compared with the
# time for n (CPU time of this process, so other work on the machine does not count).


def _cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _assert_linear(make: Callable[[int], str], run: Callable[[str], object], size: int) -> None:
    run(make(size // 64))  # warm up: lazy imports, language profiles
    small, large = make(size // 4), make(size)
    small_time = _cpu_seconds(lambda: run(small))
    large_time = _cpu_seconds(lambda: run(large))
    assert large_time < 8 * small_time + 0.5, (small_time, large_time)


_WORDS = ("the", "market", "opened", "higher", "on", "Monday", "as", "investors", "weighed", "new", "data",
          "from", "the", "central", "bank")
_CAPTION = "Ảnh: Người dân Hà Nội đi bộ trên phố cổ. Photo: People walk in Hanoi's Old Quarter. "


def _one_line(size: int) -> str:
    return " ".join(_WORDS[n % len(_WORDS)] for n in range(size // 6))[:size]


def _short_lines(size: int) -> str:
    # 60 different lines over and over: every line a new one costs ~4 ms of language detection
    lines = [f"Short line {n} of {_WORDS[n % len(_WORDS)]}.\n" for n in range(60)]
    return "".join(lines[n % 60] for n in range(size // 24))[:size]


def _caption_pairs(size: int) -> str:
    # whole pairs, so that the line ends the same way (in English) at every size
    return _CAPTION.strip() + " " + _CAPTION * (size // len(_CAPTION) - 1)


@pytest.mark.parametrize(("make", "size"), [
    (_one_line, 2_000_000),
    (_short_lines, 2_000_000),
    (_caption_pairs, 1_000_000),
    (lambda size: "a" * size, 200_000),
    (lambda size: "ạ" * size, 200_000),
    (lambda size: "." * size, 200_000),
], ids=["2MB-one-line", "2MB-short-lines", "1MB-caption-pairs-one-line", "a", "vietnamese-letter", "dot"])
def test_normalize_is_linear(make: Callable[[int], str], size: int) -> None:
    _assert_linear(make, normalize, size)


def test_extract_html_is_linear_in_nesting() -> None:
    _assert_linear(lambda size: "<div>" * size + "Deep." + "</div>" * size, extract_html, 200_000)
