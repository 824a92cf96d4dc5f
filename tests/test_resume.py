"""Kill a real run at random moments, resume until done: every document exactly once, same bytes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def make_corpus(folder: Path, count: int, repeat_ids: bool = False) -> None:
    """``count`` text files and a 50-record feed; with ``repeat_ids``, ids repeat.

    Repeated ids: the feed uses five ids over and over (the files are split
    between ``x/`` and ``y/`` under the same names, but ``x/doc0000.txt`` and
    ``y/doc0000.txt`` have ids ``x/doc0000`` and ``y/doc0000``). Every document's title is its own.
    """
    folder.mkdir()
    for n in range(count):
        body = "\n\n".join(f"Paragraph {p} of document {n}, with some words." for p in range(40))
        where = folder / "xy"[n % 2] / f"doc{n // 2:04}.txt" if repeat_ids else folder / f"doc{n:04}.txt"
        where.parent.mkdir(exist_ok=True)
        where.write_text(f"Title {n}\n\n{body}\n", encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(50):
            record_id = f"feed-{n % 5}" if repeat_ids else f"feed-{n}"
            handle.write(json.dumps({"id": record_id, "text": f"Feed {n}\n\nBody."}) + "\n")


def kill_and_resume(tmp_path: Path, corpus: Path, rounds: int) -> Path:
    """SIGKILL runs at random moments, resume until done; the output, checked against one run."""
    reference = tmp_path / "reference.jsonl"
    assert start(str(corpus), "-o", str(reference), "--jobs", "2").wait(timeout=300) == 0
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    total = reference.stat().st_size
    rng = random.Random(20240611)
    partial = []  # the size of the .part each kill left
    for _round in range(rounds):
        run = start(str(corpus), "-o", str(out), "--jobs", "2", "--resume")
        if rng.random() < 0.25:  # during start-up
            time.sleep(rng.uniform(0.0, 0.8))
        else:  # once the output has grown by a random amount: mid-document, mid-chunk
            target = (part.stat().st_size if part.exists() else 0) + rng.randint(1, total // 5)
            while run.poll() is None and (not part.exists() or part.stat().st_size < target):
                time.sleep(0.005)
        if run.poll() is not None:
            break
        os.killpg(run.pid, signal.SIGKILL)  # the run and its workers, at once
        run.wait(timeout=30)
        partial.append(part.stat().st_size if part.exists() else 0)
    final = start(str(corpus), "-o", str(out), "--jobs", "2", "--resume")
    assert final.wait(timeout=300) == 0
    assert sum(0 < size < total for size in partial) >= 3, partial  # killed mid-output, several times
    assert out.read_bytes() == reference.read_bytes()
    assert not part.exists()
    return out


def test_sigkill_at_random_moments_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    out = kill_and_resume(tmp_path, corpus, rounds=8)
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == 350


def test_sigkill_then_resume_with_repeated_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 200, repeat_ids=True)
    out = kill_and_resume(tmp_path, corpus, rounds=6)
    docs = [json.loads(line) for line in out.read_bytes().splitlines()]
    ids = [doc["id"] for doc in docs]
    # 100 names in two folders (x/NAME and y/NAME, ids apart), 5 feed ids ten times each
    assert len(ids) == 250 and len(set(ids)) == 205
    titles = [doc["title"] for doc in docs]  # every document exactly once, in input order
    assert titles == [f"Feed {n}" for n in range(50)] + [
        f"Title {n}" for n in [*range(0, 200, 2), *range(1, 200, 2)]
    ]


def test_resume_after_the_inputs_changed_stops(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 4)
    out = tmp_path / "out.jsonl"
    assert start(str(corpus), "-o", str(out), "--jobs", "1").wait(timeout=120) == 0
    lines = out.read_bytes().splitlines(keepends=True)
    Path(f"{out}.part").write_bytes(b"".join(lines[:3]))  # an interrupted run: three documents
    out.unlink()
    (corpus / "doc0001.txt").rename(corpus / "doc9999.txt")  # the second input is now another
    run = start(str(corpus), "-o", str(out), "--jobs", "1", "--resume")
    _, err = run.communicate(timeout=120)
    assert run.returncode == 2
    assert err.decode() == (
        "normalize: error: --resume: the inputs changed since the interrupted run (document 2 written "
        "is 'doc0001', the inputs give 'doc0002'); start again without --resume\n"
    )
    assert Path(f"{out}.part").read_bytes() == b"".join(lines[:3]) and not out.exists()
    # fewer inputs than documents written
    run = start(str(corpus / "doc0000.txt"), "-o", str(out), "--jobs", "1", "--resume")
    _, err = run.communicate(timeout=120)
    assert run.returncode == 2 and "(3 documents written, the inputs give 1)" in err.decode(), err


def test_ctrl_c_stops_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    out = tmp_path / "out.jsonl"
    run = start(str(corpus), "-o", str(out), "--jobs", "2")
    part = Path(f"{out}.part")
    deadline = time.monotonic() + 60
    while not (part.exists() and part.stat().st_size) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=60)
    if run.returncode == 0:  # finished before the signal came: nothing to test
        return
    assert run.returncode == 130
    assert err.decode() == "normalize: interrupted; run again with --resume to continue\n"
    assert part.exists() and not out.exists()
    assert start(str(corpus), "-o", str(out), "--jobs", "2", "--resume").wait(timeout=120) == 0
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == 350
