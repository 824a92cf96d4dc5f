"""The command: options, exit codes, one-line errors, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from normalize import __version__

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "inputs" / "corpus"


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "normalize", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=120, check=False)


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_corpus_to_stdout() -> None:
    done = cli(str(CORPUS), "--jobs", "1")
    assert done.returncode == 0, done.stderr
    out = records(done.stdout)
    assert [r["id"] for r in out] == ["a", "b", "c", "https://example.org/f/1", "7", "feed:3",
                                     "https://example.org/news/1", "https://example.org/news/2", "sub/d"]
    assert out[0]["title"] == "Plain title" and out[0]["source"] == str(CORPUS / "a.txt")
    assert all("error" not in r for r in out)
    summary = done.stderr.decode().splitlines()
    assert len(summary) == 1 and summary[0].startswith("normalize: 9 documents (0 failed)")


def test_stdin_is_one_plain_text_document() -> None:
    done = cli("-", "--quiet", stdin=b"Caf\xe9 title\n\nBody.\n")
    assert done.returncode == 0 and done.stderr == b""
    (record,) = records(done.stdout)
    assert record["id"] == "stdin" and record["title"] == "Café title"


def test_quiet_prints_nothing_on_success(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = cli(str(CORPUS / "a.txt"), "-o", str(out), "--quiet")
    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"")
    assert records(out.read_bytes())[0]["id"] == "a"
    assert not Path(f"{out}.part").exists()


def test_two_runs_and_any_jobs_give_identical_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(60):
        (corpus / f"d{n:03}.txt").write_text(f"Title {n}\n\n{n:02}/10/2021\n\nBody {n}.\n", encoding="utf-8")
    (corpus / "zz.jsonl").write_text('{"id": "j1", "text": "x"}\n{oops\n', encoding="utf-8")
    outputs = []
    for run, jobs in enumerate(("1", "1", "2")):
        out = tmp_path / f"out{run}.jsonl"
        done = cli(str(corpus), str(CORPUS), "-o", str(out), "--jobs", jobs, "--quiet")
        assert done.returncode == 1  # the broken line
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(records(outputs[0])) == 60 + 2 + 9


def test_explain_main_lang_and_fields(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"key": "k", "body": "Title\n\nBody."}) + "\n", encoding="utf-8")
    done = cli(str(feed), "--explain", "--main-lang", "en", "--text-field", "body", "--id-field", "key",
               "--min-pair-score", "0.5", "--quiet")
    assert done.returncode == 0, done.stderr
    (record,) = records(done.stdout)
    assert record["id"] == "k" and record["lang"] == "en"
    assert [line["role"] for line in record["lines"]] == ["title", "body"]


def test_version_and_help() -> None:
    assert cli("--version").stdout.decode().strip() == f"normalize {__version__}"
    helped = cli("--help")
    assert helped.returncode == 0
    for option in ("--format", "--jobs", "--resume", "--text-field", "--min-pair-score", "--dedupe"):
        assert option in helped.stdout.decode()


def test_the_command_leaves_the_pipeline_to_its_workers() -> None:
    """With --jobs N the command's own process only reads and writes: importing it must not import
    the pipeline, or its fork server (which does) starts later (normalize/batch.py)."""
    check = ("import sys, normalize.cli, normalize; "
             "print(sorted(m for m in ('normalize.pipeline', 'normalize.repair', 'normalize.roles', "
             "'normalize.langid', 'ftfy', 'langdetect') if m in sys.modules)); "
             "print(normalize.normalize('Title\\n\\nBody.', id='x').title, sorted(normalize.__all__) == "
             "sorted(name for name in dir(normalize) if name in normalize.__all__))")
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines() == ["[]", "Title True"]  # and the public API is still all there


@pytest.mark.parametrize(("args", "message"), [
    (["/no/such/path.txt"], "no such file or directory: /no/such/path.txt"),
    ([str(CORPUS / "a.txt"), "-o", "/nonexistent/dir/out.jsonl"], "cannot write /nonexistent/dir/out.jsonl"),
    ([str(CORPUS / "a.txt"), "--resume"], "--resume needs an output file"),
    ([str(CORPUS / "a.txt"), "--min-pair-score", "1.5"], "must be between 0 and 1"),
    ([str(CORPUS / "a.txt"), "--min-pair-score", "x"], "not a number"),
    ([str(CORPUS / "a.txt"), "--jobs", "0"], "must be 1 or more"),
    ([str(CORPUS / "a.txt"), "--format", "docx"], "invalid choice"),
    ([str(CORPUS / "a.txt"), "--no-such-option"], "unrecognized arguments"),
    ([], "required: INPUT"),
])
def test_usage_and_environment_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    done = cli(*args)
    assert done.returncode == 2
    err = done.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("normalize: error: ") and message in err
    assert "Traceback" not in err and done.stdout == b""


def test_missing_input_does_not_touch_the_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    assert cli(str(CORPUS / "a.txt"), "/no/such/path", "-o", str(out)).returncode == 2
    assert out.read_text(encoding="utf-8") == "keep\n"
    assert not Path(f"{out}.part").exists()


def test_debug_shows_the_traceback() -> None:
    done = cli("/no/such/path", "--debug")
    assert done.returncode == 2
    assert "Traceback" in done.stderr.decode()
    last = done.stderr.decode().splitlines()[-1]
    assert last == "normalize: error: no such file or directory: /no/such/path"


def test_resume_with_another_format_is_a_usage_error(tmp_path: Path) -> None:
    from normalize.writers import WRITERS

    other = next((fmt for fmt in WRITERS if fmt != "jsonl"), None)
    if other is None:
        pytest.skip("only the jsonl writer exists yet")
    done = cli(str(CORPUS / "a.txt"), "--format", other, "--resume", "-o", str(tmp_path / "out.x"))
    assert done.returncode == 2 and "--resume works with --format jsonl only" in done.stderr.decode()
