"""Article extraction: ours (``extract_html``) against trafilatura's own, in the same run.

    python benchmarks/extraction.py /path/to/article-extraction-benchmark [--repeat N]

The folder is the Scrapinghub / Zyte article-extraction-benchmark: ``html/<id>.html.gz``
and ``ground-truth.json`` (``{id: {"articleBody", "url"}}``). Scoring is the
benchmark's: 4-gram shingles of lower-cased word tokens (``re.findall(r"\\w+", ...)``),
matched as multisets; precision and recall per page, averaged over pages; F1 from
the averaged precision and recall. A page where both texts give no shingle scores
1/1; an empty prediction against a non-empty truth scores 0/0.

Ours is scored as we output it: the ``text`` of the record ``normalize`` writes
(``normalize_html(html, source=url).text``), the clean body, which holds neither
the title nor the credits (a byline), and is timed whole (extraction and every
step after it). Trafilatura is ``trafilatura.extract(html)`` with its default
settings, body only: prepending its metadata title needs ``with_metadata=True``,
which costs it time and lowers its F1 (the ground truth has no title), so the
baseline is its best default form. Both read the same bytes; times are the sum
over all pages of each extractor alone (best of ``--repeat`` runs, interleaved
page by page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalize.pipeline import normalize_html

Shingles = Counter[tuple[str, ...]]


def shingles(text: str, n: int = 4) -> Shingles:
    """The benchmark's shingles: n-grams of lower-cased ``\\w+`` tokens (one shorter gram for short text)."""
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def precision_recall(truth: str, prediction: str) -> tuple[float, float]:
    true, pred = shingles(truth), shingles(prediction)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    if tp == fp == fn == 0:
        return 1.0, 1.0
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def ours(html: bytes, url: str) -> str:
    return normalize_html(html, source=url or None).text


def theirs(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="time each extractor N times, keep the best")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages by F1")
    args = parser.parse_args(argv)
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((args.folder / "html" / f"{key}.html.gz").read_bytes()) for key in truth}
    extractors: dict[str, Callable[[bytes, str], str]] = {"ours": ours, "trafilatura": theirs}
    texts: dict[str, dict[str, str]] = {name: {} for name in extractors}
    times = {name: float("inf") for name in extractors}
    for _ in range(max(1, args.repeat)):
        spent = dict.fromkeys(extractors, 0.0)
        for key, html in pages.items():
            for name, extract in extractors.items():
                start = time.perf_counter()
                texts[name][key] = extract(html, truth[key].get("url", ""))
                spent[name] += time.perf_counter() - start
        times = {name: min(times[name], spent[name]) for name in extractors}
    f1s: dict[str, float] = {}
    print(f"{len(pages)} pages, {args.folder}")
    for name in extractors:
        scores = [precision_recall(truth[key]["articleBody"], texts[name][key]) for key in pages]
        p = sum(s[0] for s in scores) / len(scores)
        r = sum(s[1] for s in scores) / len(scores)
        f1s[name] = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:12s} P={p:.4f} R={r:.4f} F1={f1s[name]:.4f} time={times[name]:.2f}s")
    print(f"ratio        F1 ours/trafilatura={f1s['ours'] / f1s['trafilatura']:.4f} "
          f"time ours/trafilatura={times['ours'] / times['trafilatura']:.2f}")
    if args.worst:
        def ours_f1(key: str) -> float:
            return _f1(*precision_recall(truth[key]["articleBody"], texts["ours"][key]))

        ranked = sorted(pages, key=ours_f1)
        for key in ranked[: args.worst]:
            p, r = precision_recall(truth[key]["articleBody"], texts["ours"][key])
            print(f"  {key[:16]} P={p:.3f} R={r:.3f} {truth[key].get('url', '')}")
    return 0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
