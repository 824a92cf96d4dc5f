"""Time ``repair_text`` against ``ftfy.fix_text`` over the same texts, in the same run.

Usage: python benchmarks/repair_speed.py PATH.jsonl [--repeat N]

Each line of PATH is a {"en": ..., "vi": ...} record; every field is one text.
Prints both times and the ratio repair_text / ftfy.fix_text (goal: <= 1.0).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalize.repair import repair_text


def _best_time(function: Callable[[str], str], texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts: list[str] = []
    with args.path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                texts.extend(value for value in record.values() if isinstance(value, str))
    ours = _best_time(repair_text, texts, args.repeat)
    theirs = _best_time(ftfy.fix_text, texts, args.repeat)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars} characters, best of {args.repeat}")
    print(f"repair_text:   {ours:.4f} s")
    print(f"ftfy.fix_text: {theirs:.4f} s")
    print(f"ratio repair_text / ftfy.fix_text: {ours / theirs:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
