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


def make_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        body = "\n\n".join(f"Paragraph {p} of document {n}, with some words." for p in range(40))
        (folder / f"doc{n:04}.txt").write_text(f"Title {n}\n\n{body}\n", encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(50):
            handle.write(json.dumps({"id": f"feed-{n}", "text": f"Feed {n}\n\nBody."}) + "\n")


def test_sigkill_at_random_moments_then_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 300)
    reference = tmp_path / "reference.jsonl"
    assert start(str(corpus), "-o", str(reference), "--jobs", "2").wait(timeout=120) == 0
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    total = reference.stat().st_size
    rng = random.Random(20240611)
    partial = []  # the size of the .part each kill left
    for _round in range(8):
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
    assert final.wait(timeout=120) == 0
    assert sum(0 < size < total for size in partial) >= 3, partial  # killed mid-output, several times
    ids = [json.loads(line)["id"] for line in out.read_bytes().splitlines()]
    assert len(ids) == len(set(ids)) == 350
    assert out.read_bytes() == reference.read_bytes()
    assert not Path(f"{out}.part").exists()


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
