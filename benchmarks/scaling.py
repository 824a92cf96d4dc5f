"""``--jobs N`` against ``--jobs 1``: wall time of the ``normalize`` command, and the same bytes.

    python benchmarks/scaling.py CORPUS_DIR [--jobs 2] [--repeat 3] [--limit N]

Runs the installed ``normalize`` command on the ``*.txt`` files of
``CORPUS_DIR``, alternating one job and ``N`` jobs ``--repeat`` times (so that
a busy spell of the machine hits both alike), and prints each run's wall time,
the medians and their ratio (target: two jobs on two cores at least 1.7x one),
and whether every output is byte-identical to the first.
"""

from __future__ import annotations

import argparse
import filecmp
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(paths: list[Path], output: Path, jobs: int) -> float:
    command = ["normalize", *map(str, paths), "-o", str(output), "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of .txt articles")
    parser.add_argument("--jobs", type=int, default=2, help="jobs to compare with one (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N files")
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    if not paths:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    times: dict[int, list[float]] = {1: [], args.jobs: []}
    with tempfile.TemporaryDirectory() as tmp:
        first = Path(tmp) / "first.jsonl"
        identical = True
        for round_ in range(args.repeat):
            for jobs in (1, args.jobs):
                output = first if round_ == 0 and jobs == 1 else Path(tmp) / "out.jsonl"
                times[jobs].append(_run(paths, output, jobs))
                print(f"--jobs {jobs}: {times[jobs][-1]:.2f} s", flush=True)
                if output != first:
                    identical = identical and filecmp.cmp(first, output, shallow=False)
    one, many = statistics.median(times[1]), statistics.median(times[args.jobs])
    print(f"corpus: {args.corpus} ({len(paths)} files)")
    print(f"median --jobs 1: {one:.2f} s, --jobs {args.jobs}: {many:.2f} s, speed-up {one / many:.2f}x")
    print(f"outputs byte-identical: {'yes' if identical else 'NO'}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
