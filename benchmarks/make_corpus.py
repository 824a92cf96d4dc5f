"""Build a synthetic scraped-news corpus whose truth is known by construction.

    python benchmarks/make_corpus.py --data /work/shared/data --out DIR --n 300 --seed 1

writes ``DIR/<id>.txt`` (the scraped article) and ``DIR/<id>.expected.json`` (what a perfect
normaliser outputs, in clean text). ``--data`` is a folder holding ``bilingual-news-en-vi.jsonl``
(body paragraphs and titles) and ``bilingual-lessons-en-vi.jsonl`` (headings); caption pairs in
seven languages come from ``benchmarks/captions.jsonl``. The same seed gives the same files, and
article ``i`` does not depend on ``--n``. The first articles cycle through every layout, caption
language, placement and garbling, so a small ``--n`` (~30) already covers them all.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _layouts as L  # noqa: E402

PLACEMENTS = ("before", "after", "same")
#: reason per removed kind
REASONS = {"boilerplate": "boilerplate", "image-id": "image-id", "date": "date", "foreign": "foreign"}


@dataclass(frozen=True)
class Pools:
    """Texts the articles are made of. ``body``/``titles``: {"en": raw, "vi": raw} records."""

    body: list[dict[str, str]]
    titles: list[dict[str, str]]
    sentences: dict[str, list[str]]
    headings: dict[str, list[str]]
    captions: list[dict[str, str]]


@dataclass
class Item:
    """One input line and what it is: kind in title, date, credit, body, heading, caption,
    same (caption and translation on one line), boilerplate, image-id, foreign."""

    text: str
    kind: str
    src: str = ""
    src_lang: str = ""
    tgt: str = ""
    tgt_lang: str = ""
    indent: str = ""


@dataclass
class Article:
    items: list[list[Item]] = field(default_factory=list)  # blocks of lines

    def add(self, *lines: Item) -> None:
        self.items.append(list(lines))


def _is_prose(text: str) -> bool:
    t = L.clean(text)
    return (
        len(t) >= 25
        and not re.search(r"Ex:|/\S+/|•|\s{3,}|https?:|\n", t)
        and t[:1].isupper()
        and not t.startswith(("Hiker", "Humidity", "From VOA", "Đây là báo cáo"))
    )


def load_pools(data: Path, captions: Path) -> Pools:
    def read(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    caps = read(captions)
    taken = {L.clean(c[k]) for c in caps for k in ("en", "vi")}
    seen: set[str] = set()
    prose: list[dict[str, str]] = []
    for rec in read(data / "bilingual-news-en-vi.jsonl"):
        en, vi = L.clean(rec["en"]), L.clean(rec["vi"])
        if _is_prose(rec["en"]) and _is_prose(rec["vi"]) and not ({en, vi} & (taken | seen)):
            seen |= {en, vi}
            prose.append({"en": rec["en"], "vi": rec["vi"]})
    titles = [r for r in prose if len(L.clean(r["en"])) <= 110 and len(L.clean(r["vi"])) <= 110]
    body = [r for r in prose if r not in titles]
    headings: dict[str, list[str]] = {"en": [], "vi": []}
    for rec in read(data / "bilingual-lessons-en-vi.jsonl"):
        for lang in ("en", "vi"):
            h = L.clean(rec[lang])
            ok_chars = h.isascii() if lang == "en" else bool(re.search("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệ]", h))
            fits = 12 <= len(h) <= 45 and h[0].isupper() and h[-1] not in ".!?,;:" and ok_chars
            fits = fits and not re.match(r"\w+:", h)  # "Translator: X Reviewer: Y" is a credit line
            if fits and h not in headings[lang] and h not in taken and h not in seen:
                headings[lang].append(h)
    sentences = {
        lang: [part for record in body for part in _SENTENCE_END.split(record[lang].strip()) if part]
        for lang in ("en", "vi")
    }
    return Pools(body=body, titles=titles, headings=headings, captions=caps, sentences=sentences)


#: A sentence ends after a lower-case word (not "U.S.") and before a capital.
_SENTENCE_END = re.compile(r"(?<=[a-zà-ỹ0-9”\"')][.!?])\s+(?=[\"“A-ZÀ-ỸĐ])")


def _paragraph(rng: random.Random, pools: Pools, lang: str) -> str:
    """A body paragraph of one to three sentences drawn from different news paragraphs.

    Real articles seldom repeat a paragraph; drawn so, paragraphs are nearly all
    distinct (a corpus of one paragraph pool used over and over would flatter
    every cache keyed by a line), and their words are still real news words.
    """
    return " ".join(rng.sample(pools.sentences[lang], rng.choice((1, 2, 2, 3))))


def _titles(rng: random.Random, pools: Pools, lang: str, count: int) -> list[str]:
    """Distinct headlines: short news sentences without their full stop (headlines seldom repeat)."""
    found: list[str] = []
    while len(found) < count:
        sentence = L.clean(rng.choice(pools.sentences[lang])).rstrip(".")
        if 25 <= len(sentence) <= 110 and sentence not in found:
            found.append(sentence)
    return found


def _caption(rng: random.Random, pools: Pools) -> dict[str, str]:
    """A caption in every language: one caption record, or two run together (still translations)."""
    first = rng.choice(pools.captions)
    if rng.random() < 0.5:
        return first
    second = rng.choice(pools.captions)
    return {lang: first[lang] + ("" if lang in ("zh", "ja") else " ") + second[lang] for lang in first}


def _plan(i: int, rng: random.Random) -> dict[str, Any]:
    """The article's layout choices; the first articles cycle through every option."""
    main = "vi" if (i % 5 == 3 if i < 30 else rng.random() < 0.2) else "en"
    if main == "vi":
        cap = "en"
    elif i < 30:
        cap = L.CAPTION_LANGS[i % 6]
    else:
        cap = rng.choice(("vi",) * 4 + L.CAPTION_LANGS[1:])
    garbles: list[str] = []
    if 2 <= i < 2 + len(L.GARBLES):
        garbles = [L.GARBLES[i - 2]]
    elif i == 2 + len(L.GARBLES):
        garbles = ["nbsp", "zwsp", "crlf"]
    elif i >= 30 and rng.random() < 0.25:
        garbles = rng.sample(L.GARBLES[1:], rng.choice((1, 1, 2))) if rng.random() < 0.8 else ["mojibake"]
    formats = L.DATE_FORMATS[main if main == "vi" or rng.random() < 0.85 else "vi"]
    date_fmt = formats[i % len(formats)] if i < 30 else rng.choice(formats)
    if i < 2:  # the two layouts of the real seed articles
        main, cap, garbles = "en", "vi", []
    return {
        "layout": "seed-a" if i == 0 else "seed-b" if i == 1 else "general",
        "main": main,
        "caption_lang": cap,
        "placement": "before" if i < 2 else PLACEMENTS[i % 3] if i < 30 else rng.choice(PLACEMENTS),
        "captions": 0 if i == 0 else rng.randint(1, 4) if i < 30 or rng.random() < 0.9 else 0,
        "foreign": 0 if i < 2 else rng.choice((0, 1, 1, 2)) if i < 30 else rng.choice((0, 0, 1, 2)),
        "date_format": None if (i % 10 == 9 or (i >= 30 and rng.random() < 0.1)) else date_fmt,
        "date_after_byline": rng.random() < 0.4,
        "compact": i % 11 == 5 or (i >= 30 and rng.random() < 0.08),
        "garbling": garbles,
        "site": rng.choice(L.SITES),
    }


def _caption_items(plan: dict[str, Any], cap: dict[str, str], tagline: Item | None) -> list[list[Item]]:
    """Blocks for one caption pair placed as the plan says."""
    src_lang, tgt_lang = plan["caption_lang"], plan["main"]
    src, tgt = cap[src_lang], cap[tgt_lang]
    pair = {"src": src, "src_lang": src_lang, "tgt": tgt, "tgt_lang": tgt_lang}
    glue = [tagline] if tagline else []
    if plan["placement"] == "same":
        return [[*glue, Item(f"{src} {tgt}", "same", **pair)]]
    caption = Item(src, "caption", **pair)
    translation = Item(tgt, "body")
    if plan["placement"] == "before":
        return [[*glue, caption], [translation]]
    return [[translation], [*glue, caption]]


def build(i: int, seed: int, pools: Pools) -> tuple[str, str, dict[str, Any]]:
    """Article ``i``: its id, its scraped text and its expected record."""
    rng = random.Random(seed * 1_000_003 + i)
    plan = _plan(i, rng)
    main, site = plan["main"], plan["site"]
    other = "vi" if main == "en" else "en"
    doc_id = f"{i:04d}_{rng.getrandbits(48):012x}"
    picked = rng.sample(pools.body, min(len(pools.body), rng.randint(5, 11)))
    title, *read_more = _titles(rng, pools, main, 3)
    caps = [_caption(rng, pools) for _ in range(plan["captions"] + plan["foreign"])]
    caps, foreign = caps[: plan["captions"]], caps[plan["captions"]:]
    bp_lang = main if plan["caption_lang"] in ("en", "vi") or rng.random() < 0.5 else plan["caption_lang"]
    tag_lang = "vi" if plan["layout"] == "seed-b" else bp_lang if bp_lang in L.TAGLINES else main
    tagline = L.fill(L.pick(rng, L.TAGLINES[tag_lang]), rng, site, tag_lang)
    bp = "vi" if main == "vi" else "en"

    art = Article()
    art.add(Item(title, "title"))
    credit_lang = main if rng.random() < 0.85 else other
    top_credit = plan["layout"] == "general" and rng.random() < 0.45
    date_item: Item | None = None
    if plan["date_format"] and plan["layout"] != "seed-a":
        when = L.random_date(rng)
        fmt = "{dd}/{mm}/{y}" if plan["layout"] == "seed-b" else plan["date_format"]
        date_item = Item(L.date_line(when, fmt), "date", src=when.date().isoformat())
    if date_item and not (top_credit and plan["date_after_byline"]):
        art.add(date_item)
    if top_credit:
        art.add(Item(L.fill(L.pick(rng, L.CREDITS_TOP[credit_lang]), rng, site, credit_lang), "credit"))
        if date_item and plan["date_after_byline"]:
            art.add(date_item)
    if plan["layout"] == "general" and rng.random() < 0.2:
        art.add(Item(L.fill(L.pick(rng, L.BOILERPLATE["share"][bp]), rng, site, bp), "boilerplate"))

    # the body: paragraphs with headings, captions, foreign lines, ids and ads among them
    units: list[list[list[Item]]] = []  # groups of blocks that stay together (a pair, its ids)
    headings = rng.sample(pools.headings[main], min(len(pools.headings[main]), rng.randint(0, 3)))
    if plan["layout"] == "seed-a":
        headings = rng.sample(pools.headings[main], min(3, len(pools.headings[main])))
    for _ in picked:
        indent = rng.choice(("  ", " ", "\t")) if rng.random() < 0.25 else ""
        units.append([[Item(_paragraph(rng, pools, main), "body", indent=indent)]])

    def insert(unit: list[list[Item]]) -> None:
        units.insert(rng.randrange(1, len(units) + 1), unit)

    for h in headings:
        insert([[Item(h, "heading", indent="  " if rng.random() < 0.6 else "")]])
    for n, cap in enumerate(caps):
        glued = n == 0 and (plan["layout"] == "seed-b" or rng.random() < 0.6)
        glue = Item(tagline, "boilerplate") if glued else None
        blocks = _caption_items(plan, cap, glue)
        if rng.random() < 0.45:
            ids = [Item(L.image_id(rng, rng.randrange(6)), "image-id") for _ in range(rng.randint(1, 2))]
            blocks = [*blocks, ids] if rng.random() < 0.7 else [ids, *blocks]
        insert(blocks)
    for cap in foreign:
        lang = plan["caption_lang"] if rng.random() < 0.6 else rng.choice(("en", *L.CAPTION_LANGS))
        lang = other if lang == main else lang
        insert([[Item(cap[lang], "foreign", src_lang=lang)]])
    if plan["layout"] == "general" and rng.random() < 0.3:
        insert([[Item(L.pick(rng, L.BOILERPLATE["ad"][bp]), "boilerplate")]])
    if plan["layout"] == "general" and rng.random() < 0.25:
        insert([[Item(L.image_id(rng, k), "image-id") for k in rng.sample(range(6), 2)]])
    for unit in units:
        for block in unit:
            art.add(*block)

    # the tail: credits, tagline again, related, read more, share, copyright, tags
    tail: list[list[Item]] = []
    if plan["layout"] == "seed-a":
        tail.append([Item(L.fill("Text/Reporter {n} Coordinator/{m}", rng, site, "en"), "credit")])
    elif plan["layout"] == "seed-b":
        credit = Item(L.fill("{n} - Source: Compilation (Image: Internet)", rng, site, "en"), "credit")
        tail.append([credit, Item(tagline, "boilerplate"), Item("Related Articules", "boilerplate")])
    else:
        if not top_credit or rng.random() < 0.3:
            tmpl = L.pick(rng, L.CREDITS_BOTTOM[credit_lang])
            tail.append([Item(L.fill(tmpl, rng, site, credit_lang), "credit")])
        extras = ["tagline", "related", "readmore", "share", "copyright", "tags"]
        for kind in rng.sample(extras, rng.randint(1, 4)):
            if kind == "tagline":
                tail.append([Item(tagline, "boilerplate")])
                continue
            text = L.fill(L.pick(rng, L.BOILERPLATE[kind][bp]), rng, site, bp)
            text = text.replace("{t}", read_more.pop() if "{t}" in text else "")
            tail.append([Item(text, "boilerplate")])
        if len(tail) > 1 and rng.random() < 0.4:  # glue the tail lines together with single newlines
            tail = [[item for block in tail for item in block]]
    for block in tail:
        art.add(*block)
    return doc_id, render(art, plan, rng), expected(doc_id, art, plan)


def render(art: Article, plan: dict[str, Any], rng: random.Random) -> str:
    sep = "\n" if plan["compact"] else "\n\n"
    blocks = ["\n".join(item.indent + item.text for item in block) for block in art.items]
    text = sep.join(blocks)
    if rng.random() < 0.5 or plan["layout"] != "general":
        text += "" if plan["layout"] != "general" else "\n"
    else:
        text += "\n\n" if rng.random() < 0.3 else "\n"
    for kind in plan["garbling"]:
        text = L.garble(text, kind, rng)
    return text


def expected(doc_id: str, art: Article, plan: dict[str, Any]) -> dict[str, Any]:
    c = L.clean
    out: dict[str, Any] = {
        "id": doc_id, "lang": plan["main"], "title": None, "date": None, "credits": [],
        "paragraphs": [], "pairs": [], "removed": [], "input_lines": 0, "lines": [],
    }
    for block in art.items:
        for item in block:
            out["lines"].append(c(item.text))
            if item.kind == "title":
                out["title"] = c(item.text)
            elif item.kind == "credit":
                out["credits"].append(c(item.text))
            elif item.kind in ("body", "heading"):
                out["paragraphs"].append(c(item.text))
            elif item.kind in ("caption", "same"):
                pair = {"src": c(item.src), "src_lang": item.src_lang, "tgt": c(item.tgt)}
                out["pairs"].append({**pair, "tgt_lang": item.tgt_lang})
                if item.kind == "same":
                    out["paragraphs"].append(c(item.tgt))
            else:
                if item.kind == "date":
                    out["date"] = item.src
                out["removed"].append({"text": c(item.text), "reason": REASONS[item.kind]})
    out["input_lines"] = len(out["lines"])
    out["layout"] = {k: plan[k] for k in ("layout", "caption_lang", "placement", "date_format", "compact")}
    out["garbling"] = plan["garbling"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, required=True, help="folder with the two bilingual jsonl files")
    ap.add_argument("--captions", type=Path, default=HERE / "captions.jsonl")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    pools = load_pools(args.data, args.captions)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        doc_id, text, gold = build(i, args.seed, pools)
        (args.out / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
        with (args.out / f"{doc_id}.expected.json").open("w", encoding="utf-8", newline="\n") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"wrote {args.n} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
