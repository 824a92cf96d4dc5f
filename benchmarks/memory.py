"""Peak memory of the ``normalize`` command on N articles and on ten times as many.

    python benchmarks/memory.py CORPUS_DIR [--n 1000] [--jobs 1]

Runs the installed ``normalize`` command on the first ``N`` and then the first
``10 * N`` ``*.txt`` files of ``CORPUS_DIR`` (which must hold that many), each
in a process of its own, and prints each run's peak resident memory (the
maximum resident set of the command's processes) and their ratio. Target:
ten times the input, at most 1.2 times the peak memory (every cache and every
queue of the batch is bounded).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

_MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_kb(paths: list[Path], jobs: int) -> int:
    """Peak resident kilobytes of ``normalize`` on ``paths`` (its largest process)."""
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "out.jsonl"
        command = ["normalize", *map(str, paths), "-o", str(output), "--jobs", str(jobs), "--quiet"]
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, *command], check=True, capture_output=True, text=True
        )
    return int(done.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))
    if len(paths) < 10 * args.n:
        parser.error(f"{args.corpus} holds {len(paths)} articles; --n {args.n} needs {10 * args.n}")
    small, large = peak_kb(paths[: args.n], args.jobs), peak_kb(paths[: 10 * args.n], args.jobs)
    print(f"{args.n} articles: peak {small / 1024:.0f} MB; {10 * args.n}: peak {large / 1024:.0f} MB")
    print(f"ten times the input: {large / small:.2f}x the peak memory   (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
