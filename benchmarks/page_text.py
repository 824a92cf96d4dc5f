"""Whole-page text dumps: the text path (``normalize``) on every line a page shows.

    python benchmarks/page_text.py /path/to/article-extraction-benchmark [--worst N]

Scrapers often save a page's visible text, nav, footer and all, as a ``.txt``.
This turns each page of the article-extraction benchmark into such a dump (the
text of every block element, one per line, ``<script>``/``<style>`` dropped) and
scores what ``normalize`` keeps as ``text`` against the page's ground-truth
body, with the benchmark's 4-gram shingle F1 (see ``extraction.py``). Baselines
in the same run: the whole dump kept, and jusText's paragraphs that it does not
call boilerplate (English stop words), on the same lines.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import sys
from pathlib import Path

import justext
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import _f1, precision_recall

from normalize.pipeline import normalize

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br",
           "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre",
           "dt", "dd", "figcaption", "title", "ul", "ol", "table", "form", "main")


def page_text(html: bytes) -> str:
    """The page's visible text, a line per block, as a browser's "save as text" gives it."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "svg"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line)


def justext_kept(dump: str) -> str:
    page = "".join(f"<p>{html.escape(line)}</p>" for line in dump.splitlines()).encode()
    stop = justext.get_stoplist("English")
    return "\n".join(p.text for p in justext.justext(page, stop) if not p.is_boilerplate)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages by F1")
    args = parser.parse_args(argv)
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    dumps = {key: page_text(gzip.decompress((args.folder / "html" / f"{key}.html.gz").read_bytes()))
             for key in sorted(truth)}
    systems = {
        "ours": {key: normalize(dump, id=key).text for key, dump in dumps.items()},
        "keep-all": dumps,
        "justext": {key: justext_kept(dump) for key, dump in dumps.items()},
    }
    print(f"{len(dumps)} page-text dumps, {args.folder}")
    for name, texts in systems.items():
        scores = [precision_recall(truth[key]["articleBody"], texts[key]) for key in dumps]
        p = sum(s[0] for s in scores) / len(scores)
        r = sum(s[1] for s in scores) / len(scores)
        print(f"{name:9s} P={p:.4f} R={r:.4f} F1={_f1(p, r):.4f}")
    if args.worst:
        def ours_f1(key: str) -> float:
            return _f1(*precision_recall(truth[key]["articleBody"], systems["ours"][key]))

        for key in sorted(dumps, key=ours_f1)[: args.worst]:
            p, r = precision_recall(truth[key]["articleBody"], systems["ours"][key])
            print(f"  {key[:16]} P={p:.3f} R={r:.3f} {truth[key].get('url', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
