"""Score the normaliser on real scraped articles with hand-written gold (the ``real-dev`` set).

    python benchmarks/real_dev.py REAL_DEV_DIR [--out OUT.jsonl] [--verbose] [--json]

REAL_DEV_DIR holds ``input/`` (the articles, ``.txt`` and ``.html``) and ``gold.jsonl`` (one
object per article: ``id``, ``lang``, ``title``, ``date``, ``credits``, ``body``, ``pairs``,
``junk``). Every article is normalised in this process (``normalize_files``, one job), or read
from ``--out`` when given (a JSONL output of ``normalize``). Scoring follows the set's README:

- every string is normalised (entities decoded, tags dropped, NFC, curly quotes straight,
  whitespace collapsed); a title also loses a leading ``#``;
- body: precision, recall and F1 of the multiset of gold units against the non-empty lines of the
  output ``text``, micro over all units (and macro F1 over documents); an output paragraph that
  joins hard-wrapped gold lines back (each gold line a unit) counts as those lines;
- pairs: exact F1 on ``(src, tgt)``; and a direction-free F1 on ``{src, tgt}``;
- title, date and main language: exact (``null`` must be ``null``);
- junk kept: gold junk lines found as a unit of the output text, over all gold junk lines;
- credits: precision and recall.

Figures are printed overall and by kind (the ``[kind a|b|c]`` of each gold note).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TAG = re.compile(r"<[^>]*>")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})
_KIND = re.compile(r"\[kind (\w)\]")
KINDS = {"a": "bilingual", "b": "monolingual + boilerplate", "c": "garbled"}


def norm(text: str | None) -> str:
    """The README's normal form of a string."""
    text = _TAG.sub("", html.unescape(text or ""))
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split())


def norm_title(text: str | None) -> str | None:
    return None if text is None else norm(text).lstrip("#").strip() or None


_QUOTE_MARK = re.compile(r"^(?:>+\s*)")


def unwrap(gold_body: list[str], units: list[str]) -> list[str]:
    """``units``, with a paragraph that joins hard-wrapped gold lines back into one counted as
    those lines (the gold gives a hard-wrapped paragraph one unit per input line).

    A unit is taken apart when it is the gold lines ``i..j`` joined by a space, a continuation
    line's quote marker (``>``) left out, as joining a wrapped quote leaves it.
    """
    out: list[str] = []
    for unit in units:
        out.extend(_wrapped_run(gold_body, unit) or [unit])
    return out


def _wrapped_run(gold_body: list[str], unit: str) -> list[str] | None:
    for start, first in enumerate(gold_body):
        if not unit.startswith(first) or unit == first:
            continue
        joined, end = first, start + 1
        while end < len(gold_body) and len(joined) < len(unit):
            line = gold_body[end]
            joined += " " + (_QUOTE_MARK.sub("", line) if first.startswith(">") else line)
            end += 1
            if joined == unit:
                return gold_body[start:end]
    return None


@dataclass
class Prf:
    """Micro counts of one multiset measure."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, gold: list[Any], pred: list[Any]) -> tuple[Counter[Any], Counter[Any]]:
        g, p = Counter(gold), Counter(pred)
        self.tp += sum((g & p).values())
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        return g - p, p - g

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Every measure over a group of documents."""

    docs: int = 0
    body: Prf = field(default_factory=Prf)
    body_f1s: list[float] = field(default_factory=list)
    pairs: Prf = field(default_factory=Prf)
    pairs_any: Prf = field(default_factory=Prf)
    credits: Prf = field(default_factory=Prf)
    title: int = 0
    date: int = 0
    lang: int = 0
    junk: int = 0
    junk_kept: int = 0

    def row(self) -> dict[str, Any]:
        macro = sum(self.body_f1s) / len(self.body_f1s) if self.body_f1s else 0.0
        return {
            "docs": self.docs,
            "body_p": round(self.body.precision, 3),
            "body_r": round(self.body.recall, 3),
            "body_f1": round(self.body.f1, 3),
            "body_macro_f1": round(macro, 3),
            "pair_f1": round(self.pairs.f1, 3),
            "pair_f1_any_direction": round(self.pairs_any.f1, 3),
            "title": f"{self.title}/{self.docs}",
            "date": f"{self.date}/{self.docs}",
            "lang": f"{self.lang}/{self.docs}",
            "junk_kept": f"{self.junk_kept}/{self.junk}",
            "junk_kept_share": round(self.junk_kept / self.junk, 3) if self.junk else 0.0,
            "credits_p": round(self.credits.precision, 3),
            "credits_r": round(self.credits.recall, 3),
        }


def score_doc(gold: dict[str, Any], out: dict[str, Any], groups: list[Score], verbose: bool) -> None:
    """Add one document to every score in ``groups``; print what it got wrong when ``verbose``."""
    units = [norm(line) for line in (out.get("text") or "").split("\n")]
    gold_body = [norm(unit) for unit in gold["body"]]
    units = unwrap(gold_body, [unit for unit in units if unit])
    pred_pairs = [(norm(p["src"]), norm(p["tgt"])) for p in out.get("pairs") or []]
    gold_pairs = [(norm(p["src"]), norm(p["tgt"])) for p in gold["pairs"]]
    unit_set = set(units)
    junk = [norm(line) for line in gold["junk"]]
    kept = [line for line in junk if line in unit_set]
    title_ok = norm_title(out.get("title")) == norm_title(gold["title"])
    date_ok = out.get("date") == gold["date"]
    lang_ok = out.get("lang") == gold["lang"]
    doc_body = Prf()
    for group in groups:
        group.docs += 1
        missed, extra = group.body.add(gold_body, units)
        group.pairs.add(gold_pairs, pred_pairs)
        group.pairs_any.add([frozenset(p) for p in gold_pairs], [frozenset(p) for p in pred_pairs])
        group.credits.add([norm(c) for c in gold["credits"]], [norm(c) for c in out.get("credits") or []])
        group.title += title_ok
        group.date += date_ok
        group.lang += lang_ok
        group.junk += len(junk)
        group.junk_kept += len(kept)
    doc_body.add(gold_body, units)
    for group in groups:
        group.body_f1s.append(doc_body.f1)
    if verbose:
        _show(gold, out, missed, extra, kept, (title_ok, date_ok, lang_ok), pred_pairs, gold_pairs)


def _show(
    gold: dict[str, Any],
    out: dict[str, Any],
    missed: Counter[str],
    extra: Counter[str],
    kept: list[str],
    oks: tuple[bool, bool, bool],
    pred_pairs: list[tuple[str, str]],
    gold_pairs: list[tuple[str, str]],
) -> None:
    title_ok, date_ok, lang_ok = oks
    print(f"== {gold['id']}")
    if not title_ok:
        print(f"   title: {out.get('title')!r}  gold {gold['title']!r}")
    if not date_ok:
        print(f"   date: {out.get('date')!r}  gold {gold['date']!r}")
    if not lang_ok:
        print(f"   lang: {out.get('lang')!r}  gold {gold['lang']!r}")
    for unit in missed.elements():
        print(f"   body missed: {unit[:100]!r}")
    for unit in extra.elements():
        print(f"   body extra:  {unit[:100]!r}")
    for unit in kept:
        print(f"   junk kept:   {unit[:100]!r}")
    gp, pp = Counter(gold_pairs), Counter(pred_pairs)
    for src, tgt in (gp - pp).elements():
        print(f"   pair missed: {src[:45]!r} -> {tgt[:45]!r}")
    for src, tgt in (pp - gp).elements():
        print(f"   pair extra:  {src[:45]!r} -> {tgt[:45]!r}")


def run(input_dir: Path) -> dict[str, dict[str, Any]]:
    """Normalise every article of ``input_dir`` in this process; records by id."""
    from normalize import normalize_files

    return {doc.id: doc.to_dict() for doc in normalize_files([str(input_dir)], jobs=1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("real_dev", type=Path, help="the real-dev folder (input/ and gold.jsonl)")
    parser.add_argument("--out", type=Path, help="score this JSONL output instead of running")
    parser.add_argument("--verbose", action="store_true", help="what each document got wrong")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args(argv)
    gold_lines = (args.real_dev / "gold.jsonl").read_text("utf-8").splitlines()
    golds = [json.loads(line) for line in gold_lines if line]
    if args.out is not None:
        lines = args.out.read_text("utf-8").splitlines()
        outputs = {rec["id"]: rec for rec in map(json.loads, filter(None, lines))}
    else:
        outputs = run(args.real_dev / "input")
    total = Score()
    by_kind: dict[str, Score] = defaultdict(Score)
    for gold in golds:
        found = _KIND.search(gold.get("note", ""))
        kind = found.group(1) if found else "?"
        out = outputs.get(gold["id"])
        if out is None:
            print(f"no output for {gold['id']}", file=sys.stderr)
            out = {}
        score_doc(gold, out, [total, by_kind[kind]], args.verbose)
    rows = {"all": total.row()}
    rows.update({f"{k} {KINDS.get(k, '')}".strip(): by_kind[k].row() for k in sorted(by_kind)})
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    columns = list(total.row())
    print("group".ljust(30) + "  ".join(c for c in columns))
    for name, row in rows.items():
        print(name[:30].ljust(30) + "  ".join(str(row[c]).ljust(len(c)) for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
