"""Issue 24: outputs, hostile and damaged inputs, and rough edges, through the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import tomllib

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=timeout, check=False)


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# Rough edges ---------------------------------------------------------------------------------


def test_the_distribution_name_is_not_the_taken_one() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "normalize-articles"
    assert "normalize-articles[dask,scrapy]" in project["optional-dependencies"]["test"]
    assert project["scripts"] == {"normalize": "normalize.cli:main"}
    told = [path for path in [*ROOT.glob("normalize/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md"]
            if 'install "normalize[' in path.read_text(encoding="utf-8")]
    assert told == []


# Hostile and damaged inputs ------------------------------------------------------------------


def test_a_lone_surrogate_in_a_feed_id_is_repaired_and_resume_gets_past_it(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a\\ud800b", "text": "Title\\n\\nBody one."}\n'
                    '{"id": "next", "text": "Title\\n\\nBody two."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = cli(str(feed), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in records(out.read_bytes())] == ["a\ufffdb", "next"]
    done = cli(str(feed), "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in records(out.read_bytes())] == ["a\ufffdb", "next"]


def test_a_fifo_named_as_an_input_is_an_error_record_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text("Good title\n\nGood body.\n", encoding="utf-8")
    done = cli(str(fifo), str(tmp_path / "good.txt"), timeout=60)
    assert done.returncode == 1
    pipe, good = records(done.stdout)
    assert pipe["id"] == "pipe" and pipe["error"].startswith("not a regular file (a FIFO)")
    assert good["title"] == "Good title"
    assert done.stderr.decode().startswith(f"normalize: {fifo}: not a regular file")


def test_a_document_over_the_size_cap_is_an_error_record(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"word " * 400_000))  # 2 MB decoded
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "huge", "text": "x " * 300_000}) + "\n"
                    + json.dumps({"id": "small", "text": "Small title\n\nBody."}) + "\n", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Fine title\n\nBody.\n", encoding="utf-8")
    done = cli(str(tmp_path), "--max-document-bytes", "100000", "--jobs", "1")
    assert done.returncode == 1
    docs = {r["id"]: r for r in records(done.stdout)}
    assert list(docs) == ["bomb", "feed:1", "small", "fine"]
    too_large = "document too large: over 100,000 bytes (the max_document_bytes setting)"
    assert docs["bomb"]["error"] == docs["feed:1"]["error"] == too_large
    assert docs["small"]["title"] == "Small title" and docs["fine"]["title"] == "Fine title"
    assert len(done.stderr.decode().splitlines()) == 2
    assert cli(str(tmp_path), "--jobs", "1").returncode == 0  # under the default cap, all is read


def test_one_bad_byte_in_a_utf8_file_is_one_replacement_character(tmp_path: Path) -> None:
    text = "Tiêu đề bài báo\n\nNgười dân Hà Nội đi bộ trên phố cổ vào sáng sớm."
    (tmp_path / "vi.txt").write_bytes(text.encode() + b" \xff cu\xe1i.\n")
    done = cli(str(tmp_path / "vi.txt"))
    assert done.returncode == 0, done.stderr
    (doc,) = records(done.stdout)
    assert "encoding" not in doc  # UTF-8
    assert doc["title"] == "Tiêu đề bài báo"
    assert "Người dân Hà Nội đi bộ trên phố cổ vào sáng sớm. \ufffd cu\ufffdi." in doc["text"]
