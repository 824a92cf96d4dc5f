"""Score normaliser output against a synthetic gold corpus (see ``make_corpus.py``).

    python benchmarks/evaluate.py GOLD_DIR OUT.jsonl [--by-lang] [--verbose] [--json]

GOLD_DIR holds ``<id>.expected.json`` files; OUT.jsonl holds one output record per line (id, lang,
title, date, credits, text, pairs, removed). Texts are compared after collapsing whitespace.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FEW = 5
LEAK_REASONS = ("boilerplate", "image-id")


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def paragraphs(text: str | None) -> list[str]:
    return [p for p in (norm(part) for part in re.split(r"\n\s*\n", text or "")) if p]


@dataclass
class Tally:
    """Counts for one measure, with its mismatches."""

    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.hit += ok
        if not ok:
            self.misses.append(what)

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 1.0


@dataclass
class Prf:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, doc: str, gold: list[Any], pred: list[Any]) -> None:
        g, p = Counter(gold), Counter(pred)
        self.tp += sum((g & p).values())
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.misses += [f"{doc}: missing {x!r}" for x in (g - p).elements()]
        self.misses += [f"{doc}: extra {x!r}" for x in (p - g).elements()]

    def scores(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 1.0
        r = self.tp / self.n_gold if self.n_gold else 1.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    gold = {}
    for path in sorted(gold_dir.glob("*.expected.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        gold[rec["id"]] = rec
    return gold


def load_output(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[str(rec.get("id"))] = rec
    return out


def covered(line: str, pieces: set[str]) -> bool:
    """Whether an input line is in the output whole, or as two pieces split at a space."""
    if line in pieces:
        return True
    return any(line.startswith(p + " ") and line[len(p) + 1:] in pieces for p in pieces if p)


def pair_key(p: dict[str, Any]) -> tuple[str, str, str, str]:
    return (norm(p.get("src")), str(p.get("src_lang")), norm(p.get("tgt")), str(p.get("tgt_lang")))


def evaluate(gold: dict[str, dict[str, Any]], out: dict[str, dict[str, Any]]) -> dict[str, Any]:
    body, pairs = Prf(), Prf()
    by_lang: dict[str, Prf] = {}
    title, date, credits = Tally(), Tally(), Tally()
    leaked_bp, leaked_foreign, accounting = Tally(), Tally(), Tally()
    missing_lines = 0
    for doc_id, g in gold.items():
        o = out.get(doc_id, {})
        paras = paragraphs(o.get("text"))
        body.add(doc_id, [norm(p) for p in g["paragraphs"]], paras)
        gold_pairs = [pair_key(p) for p in g["pairs"]]
        pred_pairs = [pair_key(p) for p in o.get("pairs") or []]
        pairs.add(doc_id, gold_pairs, pred_pairs)
        for lang in {k[1] for k in gold_pairs + pred_pairs}:
            by_lang.setdefault(lang, Prf()).add(
                doc_id, [k for k in gold_pairs if k[1] == lang], [k for k in pred_pairs if k[1] == lang]
            )
        title.add(norm(o.get("title")) == norm(g["title"]), f"{doc_id}: {o.get('title')!r} != {g['title']!r}")
        date.add(o.get("date") == g["date"], f"{doc_id}: {o.get('date')!r} != {g['date']!r}")
        our_credits = [norm(c) for c in o.get("credits") or []]
        for credit in g["credits"]:
            found = any(norm(credit) in c for c in our_credits)
            credits.add(found, f"{doc_id}: {credit!r} not in {our_credits!r}")
        for rem in g["removed"]:
            text = norm(rem["text"])
            left = any(text in p for p in paras)
            if rem["reason"] in LEAK_REASONS:
                leaked_bp.add(not left, f"{doc_id}: {rem['reason']} {text!r}")
            elif rem["reason"] == "foreign":
                leaked_foreign.add(not left, f"{doc_id}: {text!r}")
        for p in g["pairs"]:
            left = any(norm(p["src"]) in q for q in paras)
            leaked_foreign.add(not left, f"{doc_id}: pair src {p['src']!r}")
        pieces = {norm(o.get("title")), *our_credits, *paras}
        pieces |= {norm(r.get("text")) for r in o.get("removed") or []}
        pieces |= {norm(p.get("src")) for p in o.get("pairs") or []}
        lost = [line for line in g["lines"] if not covered(norm(line), pieces)]
        missing_lines += len(lost)
        accounting.add(not lost, f"{doc_id}: {len(lost)} lines missing, first {lost[:1]!r}")
    result: dict[str, Any] = {
        "documents": len(gold),
        "documents_without_output": sum(1 for d in gold if d not in out),
        "body": body.scores(),
        "pairs": pairs.scores(),
        "pairs_by_lang": {lang: prf.scores() for lang, prf in sorted(by_lang.items())},
        "title_accuracy": title.rate,
        "date_accuracy": date.rate,
        "boilerplate_id_left": 1.0 - leaked_bp.rate,
        "foreign_left": 1.0 - leaked_foreign.rate,
        "credits_found": credits.rate,
        "documents_missing_lines": accounting.total - accounting.hit,
        "missing_lines": missing_lines,
    }
    result["_misses"] = {
        "body": body.misses,
        "pairs": pairs.misses,
        "title": title.misses,
        "date": date.misses,
        "credits": credits.misses,
        "boilerplate/id left": leaked_bp.misses,
        "foreign left": leaked_foreign.misses,
        "line accounting": accounting.misses,
    }
    return result


def report(result: dict[str, Any], by_lang: bool, verbose: bool) -> str:
    def prf(d: dict[str, float]) -> str:
        return f"P {d['precision']:.4f}  R {d['recall']:.4f}  F1 {d['f1']:.4f}"

    lines = [
        f"documents                {result['documents']}"
        f" ({result['documents_without_output']} without output)",
        f"body paragraphs          {prf(result['body'])}",
        f"pairs                    {prf(result['pairs'])}",
    ]
    if by_lang:
        lines += [f"  pairs {lang:<17} {prf(s)}" for lang, s in result["pairs_by_lang"].items()]
    lines += [
        f"title accuracy           {result['title_accuracy']:.4f}",
        f"date accuracy            {result['date_accuracy']:.4f}",
        f"boilerplate/id left      {100 * result['boilerplate_id_left']:.2f}%",
        f"other-language left      {100 * result['foreign_left']:.2f}%",
        f"credits found            {100 * result['credits_found']:.2f}%",
        f"line accounting          {result['documents_missing_lines']} documents, "
        f"{result['missing_lines']} lines missing",
    ]
    for name, misses in result["_misses"].items():
        if misses:
            lines.append(f"-- {name}: {len(misses)}")
            lines += [f"   {m}" for m in (misses if verbose else misses[:FEW])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score normaliser output against a gold corpus.")
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("output", type=Path)
    ap.add_argument("--by-lang", action="store_true", help="pair scores per caption language")
    ap.add_argument("--verbose", action="store_true", help="list every mismatch")
    ap.add_argument("--json", action="store_true", help="print the numbers as one JSON object")
    args = ap.parse_args(argv)
    result = evaluate(load_gold(args.gold_dir), load_output(args.output))
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if not k.startswith("_")}, sort_keys=True))
    else:
        print(report(result, args.by_lang, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
