"""Peak memory of the command on hostile inputs: a 1 GB gzip bomb and a 200 MB JSON Lines line.

    python benchmarks/hostile_memory.py WORK_DIR [--jobs 1] [--bomb-mb 1000] [--line-mb 200]

Writes the two inputs into WORK_DIR (about 1 MB and 200 MB on disk), runs ``normalize`` on each
(default ``max_document_bytes``), and prints each run's peak resident memory (the largest of the
command and its workers, from ``getrusage``), its exit code and the error record's reason. The
goal (issue 24): each stays under 500 MB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
from pathlib import Path

_CHUNK = b"all work and no play makes a dull article " * 25_000  # about 1 MB


def make_bomb(path: Path, megabytes: int) -> None:
    with gzip.open(path, "wb", compresslevel=9) as handle:
        for _ in range(megabytes):
            handle.write(_CHUNK)


def make_long_line(path: Path, megabytes: int) -> None:
    with path.open("wb") as handle:
        handle.write(b'{"id": "long", "text": "')
        for _ in range(megabytes):
            handle.write(_CHUNK)
        handle.write(b'"}\n')
        handle.write(json.dumps({"id": "after", "text": "Title\n\nBody."}).encode() + b"\n")


def peak_run(path: Path, jobs: int) -> tuple[int, float, str]:
    """Exit code, peak RSS in MB of the run (and its workers), and its stderr's first line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-m", "normalize", str(path), "-o", str(path) + ".out.jsonl",
                           "--jobs", str(jobs), "--quiet"], capture_output=True, check=False)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB on Linux
    if peak <= before:
        print("  (peak not above an earlier run's: run each input alone for its own peak)")
    return done.returncode, peak / 1024, done.stderr.decode().split("\n", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("work", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--bomb-mb", type=int, default=1000)
    parser.add_argument("--line-mb", type=int, default=200)
    parser.add_argument("--only", choices=("bomb", "line"), default=None)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    cases = {"bomb": (args.work / "bomb.txt.gz", make_bomb, args.bomb_mb),
             "line": (args.work / "long.jsonl", make_long_line, args.line_mb)}
    for name, (path, make, size) in cases.items():
        if args.only not in (None, name):
            continue
        if not path.exists():
            make(path, size)
        code, peak, told = peak_run(path, args.jobs)
        print(f"{name}: {size} MB decoded ({path.stat().st_size / 1e6:.1f} MB on disk), --jobs {args.jobs}: "
              f"exit {code}, peak {peak:.0f} MB; {told}")


if __name__ == "__main__":
    main()
