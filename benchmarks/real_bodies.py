"""Write the article bodies of the article-extraction benchmark as ``.txt`` files, for ``throughput.py``.

    python benchmarks/real_bodies.py BENCHMARK_DIR OUT_DIR

``BENCHMARK_DIR`` holds ``ground-truth.json`` (``{page id: {"articleBody": ...}}``);
each body becomes ``OUT_DIR/<first 16 characters of its id>.txt``. Real text,
each article new: unlike the built corpus of ``make_corpus.py``, whose
sentences come from a few hundred news paragraphs, nearly every word a
language step reads here is met for the first time, as on a scraped corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmark", type=Path, help="folder holding ground-truth.json")
    parser.add_argument("out", type=Path, help="folder to write the .txt files to")
    args = parser.parse_args(argv)
    truth = args.benchmark / "ground-truth.json"
    try:
        pages = json.loads(truth.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{truth}: cannot read it ({error}); give the benchmark's folder", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for page_id, page in sorted(pages.items()):
        body = page.get("articleBody") if isinstance(page, dict) else None
        if not body:
            print(f"{truth}: page {page_id} has no articleBody, skipped", file=sys.stderr)
            continue
        (args.out / f"{page_id[:16]}.txt").write_text(body, encoding="utf-8")
        written += 1
    print(f"{written} articles written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
