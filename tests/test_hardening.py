"""Issue 24: outputs, hostile and damaged inputs, and rough edges, through the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=timeout, check=False)


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# Rough edges ---------------------------------------------------------------------------------


def test_the_distribution_name_is_not_the_taken_one() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '\nname = "normalize-articles"\n' in pyproject
    assert '"normalize-articles[dask,scrapy]",' in pyproject and "normalize[" not in pyproject
    assert '\n[project.scripts]\nnormalize = "normalize.cli:main"\n' in pyproject
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


# Output and concurrency ----------------------------------------------------------------------

SEED = ROOT / "fixtures" / "seeds" / "001_6330225efc3db23a.txt"


def test_a_symlink_output_writes_its_target_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    done = cli(str(SEED), "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and records(target.read_bytes())[0]["id"] == SEED.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "real.jsonl"]


def test_a_fifo_output_is_written_straight_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "out.tsv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = cli(str(SEED), "-o", str(fifo), "--format", "tsv", timeout=60)
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr
    import stat

    assert stat.S_ISFIFO(fifo.lstat().st_mode) and list(tmp_path.iterdir()) == [fifo]
    assert got[0].startswith(b"src_lang\ttgt_lang\tsrc\ttgt\tscore\tdoc_id\nvi\ten\t")


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    part.write_bytes(b"being written\n")
    with part.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a first run writing it holds it
        for extra in ((), ("--resume",)):
            done = cli(str(SEED), "-o", str(out), *extra)
            assert done.returncode == 2
            assert done.stderr.decode() == (f"normalize: error: cannot write {out}: {part}: "
                                            "another normalize run is writing it\n")
            assert part.read_bytes() == b"being written\n" and not out.exists()
    assert cli(str(SEED), "-o", str(out)).returncode == 0  # the lock gone, the run goes on
    assert not part.exists() and records(out.read_bytes())[0]["id"] == SEED.stem


def test_an_output_folder_is_refused_before_reading(tmp_path: Path) -> None:
    # standard input held open: a run reading it first would wait forever
    run = subprocess.Popen([sys.executable, "-m", "normalize", "-", "-o", str(tmp_path), "--quiet"], cwd=ROOT,
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert run.wait(timeout=60) == 2
        assert run.stderr is not None
        assert run.stderr.read().decode() == (f"normalize: error: cannot write {tmp_path}: it is a folder "
                                              "(give a file name; --format text writes into a folder)\n")
    finally:
        run.kill()
        run.communicate()


def _limited(size: int) -> Any:
    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("fmt", ["tsv", "tmx", "moses", "text", "jsonl"])
def test_a_full_disk_is_one_line_exit_2_and_no_part_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out" / "o"
    out.parent.mkdir()
    seeds = str(ROOT / "fixtures" / "seeds")
    args = [sys.executable, "-m", "normalize", seeds, "-o", str(out), "--format", fmt, "--quiet", "--jobs=1"]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, timeout=120, check=False,
                          preexec_fn=_limited(300))  # as a disk full at 300 bytes
    assert done.returncode == 2
    assert done.stderr.decode() == f"normalize: error: cannot write {out}: File too large\n"
    left = sorted(p.name for p in out.parent.rglob("*"))
    assert left == {"text": ["o"], "jsonl": ["o.part"]}.get(fmt, [])  # resume needs the JSONL part


def test_resume_refuses_an_unrelated_file_or_other_inputs_and_touches_nothing(tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_bytes(b'{"note": "mine"}\nplain words\n')
    done = cli(str(SEED), "-o", str(out), "--resume")
    assert done.returncode == 2
    assert done.stderr.decode() == (f"normalize: error: --resume: {out} is not an output of normalize "
                                    "(line 1 is not a document); nothing was changed\n")
    assert out.read_bytes() == b'{"note": "mine"}\nplain words\n'
    finished = tmp_path / "done.jsonl"
    assert cli(str(SEED), "-o", str(finished)).returncode == 0
    before = finished.read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Other title\n\nOther body.\n", encoding="utf-8")
    done = cli(str(other), "-o", str(finished), "--resume")
    assert done.returncode == 2 and b"the inputs changed since the interrupted run" in done.stderr
    assert finished.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "done.jsonl", "notes.jsonl", "other.txt"]
    done = cli(str(SEED), str(other), "-o", str(finished), "--resume")  # the same inputs and more: goes on
    assert done.returncode == 0, done.stderr
    assert [r["id"] for r in records(finished.read_bytes())] == [SEED.stem, "other"]


@pytest.mark.parametrize(("fmt", "start"), [
    ("tsv", "src_lang\ttgt_lang\tsrc\ttgt\tscore\tdoc_id\nvi\ten\tCả ba người"),
    ("tmx", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx'),
    ("text", "Russia completes its first space filming session.\n\nOn the morning of October 17th"),
])
def test_tsv_tmx_and_text_go_to_standard_output(fmt: str, start: str) -> None:
    done = cli(str(SEED), "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith(start) and done.stdout.endswith(b"\n")
    if fmt == "tmx":
        assert done.stdout.decode().count("<tu ") == 4 and done.stdout.endswith(b"</tmx>\n")


def _on_a_terminal(*args: str) -> str:
    """What the command writes on stderr when stderr is a terminal."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 150, 0, 0))  # 150 columns
    try:
        run = subprocess.Popen([sys.executable, "-m", "normalize", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL,
                               stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            seen += chunk
        assert run.wait(timeout=120) == 0
    finally:
        os.close(master)
    return seen.decode("utf-8", errors="replace")


def test_progress_has_a_total_for_files_and_the_summary_says_1_document(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\n\nBody.\n", encoding="utf-8")
    shown = _on_a_terminal(str(tmp_path), "--jobs", "1")
    assert "3/3" in shown and "100%" in shown and "<00:00" in shown  # a total, and the time left
    shown = _on_a_terminal(str(tmp_path / "0.txt"), "--jobs", "1")
    assert "normalize: 1 document (0 failed), 0 pairs, 0 lines removed;" in shown
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Title\\n\\nBody."}\n', encoding="utf-8")
    shown = _on_a_terminal(str(feed), "--jobs", "1")
    assert "1 docs" in shown and "1/" not in shown  # a feed is not counted before it is read


def test_links_in_a_folder_each_get_a_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n", encoding="utf-8")
    (folder / "good.txt").write_text("Good title\n\nGood body.\n", encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "out.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "good.txt")
    done = cli(str(folder), "--jobs", "1")
    assert done.returncode == 1
    docs = {r["id"]: r for r in records(done.stdout)}
    assert list(docs) == ["dangling", "good", "inside", "loop", "out"]
    assert docs["dangling"]["error"] == (f"cannot read file: {folder / 'dangling.txt'}: a dangling symbolic "
                                         f"link (to {tmp_path / 'missing.txt'})")
    assert docs["loop"]["error"].endswith(f"loop.txt: a symbolic link loop (to {folder / 'loop.txt'})")
    assert docs["out"]["error"].startswith(f"not read: a symbolic link leading outside {folder.resolve()}")
    assert docs["inside"]["title"] == docs["good"]["title"] == "Good title"
    assert len(done.stderr.decode().splitlines()) == 3


def test_files_that_are_not_articles_are_skipped_with_a_count_and_sub_folder_ids_keep_their_path(
        tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "1.txt").write_text(f"Title {sub}\n\nBody {sub}.\n", encoding="utf-8")
        (tmp_path / sub / "1.json").write_text('{"sidecar": true}', encoding="utf-8")
    (tmp_path / "a" / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    done = subprocess.run([sys.executable, "-m", "normalize", str(tmp_path), "--jobs", "1"], cwd=ROOT,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert [(r["id"], r["title"]) for r in records(done.stdout)] == [("a/1", "Title a"), ("b/1", "Title b")]
    assert done.stderr.decode().startswith(
        "normalize: 2 documents (0 failed, 3 files skipped as not articles), 0 pairs, 0 lines removed;")
    done = cli(str(tmp_path / "a" / "1.json"))  # named alone, a file is read whatever its name
    assert done.returncode == 0 and records(done.stdout)[0]["id"] == "1"


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                ppid = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_after_kill_9_the_fork_server_and_workers_exit(tmp_path: Path) -> None:
    import random
    import signal
    import time

    rng = random.Random(5)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(3000)]
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(800):
        body = "\n\n".join(" ".join(rng.choice(words) for _ in range(30)) for _ in range(30))
        (corpus / f"{n:04}.txt").write_text(f"Title {n}\n\n{body}\n", encoding="utf-8")
    part = tmp_path / "out.jsonl.part"
    run = subprocess.Popen([sys.executable, "-m", "normalize", str(corpus), "-o", str(tmp_path / "out.jsonl"),
                            "--jobs", "2", "--quiet"], cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (part.exists() and part.stat().st_size > 0) and run.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    helpers = _descendants(run.pid)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert len(helpers) >= 3  # the fork server and two workers (and the resource tracker)
    deadline = time.monotonic() + 60
    while any(map(_running, helpers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in helpers if _running(pid)]
    for pid in left:  # do not leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert left == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_past_the_time_limit_is_an_error_record_and_the_worker_goes_on(
        tmp_path: Path, jobs: str) -> None:
    import random

    rng = random.Random(3)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
             for _ in range(20000)]
    slow = "\n\n".join(" ".join(rng.choice(words) for _ in range(20)) for _ in range(8000))  # ~5 s
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(item) + "\n" for item in [
        {"id": "fast1", "text": "Fast one\n\nBody."},
        {"id": "slow", "text": "Slow\n\n" + slow},
        {"id": "fast2", "text": "Fast two\n\nBody."},  # the same chunk: the same worker goes on
    ]), encoding="utf-8")
    done = cli(str(feed), "--jobs", jobs, "--time-limit", "1.5")
    assert done.returncode == 1
    docs = records(done.stdout)
    assert [d["id"] for d in docs] == ["fast1", "slow", "fast2"]
    assert docs[1]["error"] == "DocumentTimeout: took longer than 1.5 s (the --time-limit)"
    assert docs[0]["title"] == "Fast one" and docs[2]["title"] == "Fast two"
    assert done.stderr.decode() == f"normalize: {feed}:2: {docs[1]['error']}\n"


def test_standard_input_may_be_a_feed_a_page_an_archive_or_gzip_of_them() -> None:
    import gzip

    feed = b'{"id": "a", "text": "Title a\\n\\nBody a."}\n{"id": "b", "text": "Title b\\n\\nBody b."}\n'
    for data in (feed, gzip.compress(feed)):
        done = cli("-", stdin=data)
        assert done.returncode == 0, done.stderr
        assert [(r["id"], r["title"], r["source"]) for r in records(done.stdout)] == [
            ("a", "Title a", "<stdin>"), ("b", "Title b", "<stdin>")]
    page = (ROOT / "fixtures" / "inputs" / "corpus" / "b.html").read_bytes()
    from_file = records(cli(str(ROOT / "fixtures" / "inputs" / "corpus" / "b.html")).stdout)[0]
    (from_stdin,) = records(cli("-", stdin=page).stdout)
    assert from_stdin["text"] == from_file["text"] and from_stdin["title"] == from_file["title"]
    assert "<" not in from_stdin["text"]
    archive = (ROOT / "fixtures" / "inputs" / "corpus" / "pages.warc.gz").read_bytes()
    done = cli("-", stdin=archive)
    assert [r["id"] for r in records(done.stdout)] == ["https://example.org/news/1", "https://example.org/news/2"]
    (text,) = records(cli("-", stdin=b"Plain title\n\nPlain body.\n").stdout)
    assert (text["id"], text["title"]) == ("stdin", "Plain title")


def _warc(deltas: tuple[int, ...] = (0, 0, 0), cut: int = 0) -> bytes:
    """Three HTML response records, record N's Content-Length off by ``deltas[N]``, ``cut`` bytes off."""
    out = b""
    for number, delta in enumerate(deltas):
        body = f"<html><body><h1>Title {number}</h1><p>Paragraph {number} of the page.</p></body></html>"
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body.encode()
        out += (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/{number}\r\n"
                f"WARC-Record-ID: <urn:uuid:{number}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http) + delta}\r\n\r\n").encode() + http + b"\r\n\r\n"
    return out[:len(out) - cut]


@pytest.mark.parametrize(("data", "damaged", "told"), [
    (_warc(cut=60), ["https://x.org/2"],
     "#3 (https://x.org/2): damaged WARC record: the archive ends inside it"),
    (_warc((0, -30, 0)), ["https://x.org/1"],
     "#2 (https://x.org/1): damaged WARC record: its Content-Length"),
    (_warc((0, 40, 0)), ["https://x.org/1", "a.warc#3"],
     "#2 (https://x.org/1): damaged WARC record: its Content-Length"),
], ids=["truncated", "length-too-small", "length-too-large"])
def test_every_damaged_warc_record_is_reported(tmp_path: Path, data: bytes, damaged: list[str],
                                               told: str) -> None:
    archive = tmp_path / "a.warc"
    archive.write_bytes(data)
    done = cli(str(archive))
    assert done.returncode == 1
    docs = records(done.stdout)
    assert [d["id"] for d in docs if "error" in d] == damaged
    assert docs[0]["id"] == "https://x.org/0" and docs[0]["title"] == "Title 0" and "error" not in docs[0]
    messages = done.stderr.decode().splitlines()
    assert len(messages) == len(damaged) and messages[0].startswith(f"normalize: {archive}{told}")
    assert all(line.startswith("normalize: ") for line in messages)  # warcio's own warnings are not shown
    assert cli(str(tmp_path / "ok.warc")).returncode == 2  # (no such file: a usage error)
    (tmp_path / "ok.warc").write_bytes(_warc())
    assert cli(str(tmp_path / "ok.warc")).returncode == 0
