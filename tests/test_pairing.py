"""Pairs in any language next to the main one, whichever the main language is."""

from __future__ import annotations

import json

import pytest

from normalize import normalize
from normalize._score import names_of, numbers_of, pair_score
from tests.conftest import FIXTURES

CAPTIONS = [
    json.loads(line)
    for line in (FIXTURES.parent / "benchmarks" / "captions.jsonl").read_text(encoding="utf-8").splitlines()
]


def _article(main: str, other: str, placement: str) -> tuple[str, list[tuple[str, str]], str]:
    """Eight main-language paragraphs, three captions beside their translation, one foreign line."""
    pairs = [(c[other], c[main]) for c in CAPTIONS[10:13]]
    lines = ["A title", "19/10/2021"]
    for index, caption in enumerate(c[main] for c in CAPTIONS[:8]):
        lines.append(caption)
        if index < len(pairs):
            src, tgt = pairs[index]
            lines.extend([src, tgt] if placement == "before" else [tgt, src])
    foreign = CAPTIONS[20][other]
    lines.extend([foreign, CAPTIONS[21][main]])
    return "\n\n".join(lines), pairs, foreign


@pytest.mark.parametrize("placement", ["before", "after"])
@pytest.mark.parametrize(
    ("main", "other"),
    [
        ("en", "vi"),
        ("en", "zh"),
        ("en", "ru"),
        ("en", "fr"),
        ("en", "es"),
        ("en", "de"),
        ("vi", "en"),
        ("zh", "en"),
        ("fr", "en"),
        ("ru", "en"),
        ("de", "vi"),
    ],
)
def test_captions_pair_with_their_translation_in_the_main_language(
    main: str, other: str, placement: str
) -> None:
    text, pairs, foreign = _article(main, other, placement)
    doc = normalize(text)
    assert doc.lang == main
    assert [(p.src, p.src_lang, p.tgt, p.tgt_lang) for p in doc.pairs] == [
        (src, other, tgt, main) for src, tgt in pairs
    ]
    assert all(tgt in doc.text.split("\n\n") for _, tgt in pairs)  # the translation stays in the text
    assert foreign not in doc.text and {"text": foreign, "reason": "foreign"} in [
        {k: r[k] for k in ("text", "reason")} for r in doc.removed
    ]


@pytest.mark.parametrize("other", ["vi", "zh", "ru", "fr", "es", "de"])
def test_a_caption_and_its_translation_on_one_line_are_split(other: str) -> None:
    caption = CAPTIONS[12]
    line = f"{caption[other]} {caption['en']}"
    body = "\n\n".join(c["en"] for c in CAPTIONS[:4])
    doc = normalize(f"A title\n\n{body}\n\n{line}\n\n{CAPTIONS[5]['en']}")
    assert [(p.src, p.src_lang, p.tgt) for p in doc.pairs] == [(caption[other], other, caption["en"])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the first word of a sentence is no name; acronyms always are; five letters kept
        ("The FDA met Nick Clegg in Hà Nội on Monday.", {"fda", "nick", "clegg", "hà", "nội", "monda"}),
        ('Hello. World leaders met. "Quoted Start" and O\'Brien', {"start", "o'bri"}),
        # a word joined to the one before by a mark is part of it: no capital starts it
        ("mc.Donald and x-Ray or x--Ray; 3Com", {"ray"}),
        ("Министр Иван Петров встретился с FDA", {"ivan", "petro", "fda"}),
    ],
)
def test_names_are_capitalised_words_not_starting_a_sentence(text: str, names: set[str]) -> None:
    assert names_of(text) == names


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("约有6万名居民撤离", "Some 60,000 residents left"),
        ("骗取近2000万美元", "nearly $20 million"),
        ("1.5亿人", "150 million people"),
        ("1,5 Milliarden Euro", "1.5 billion euros"),
        ("60,000 million yen", "600亿日元"),
    ],
)
def test_a_number_with_a_scale_word_is_the_number_it_makes(left: str, right: str) -> None:
    assert numbers_of(left) == numbers_of(right)


def test_a_chinese_line_counting_in_wan_pairs_with_its_english_translation() -> None:
    chinese = "* 在边境冲突中，约有6万名撤离人员因混乱和政治争端而陷入困境。"
    english = (
        "* Some 60,000 evacuees have been left in limbo by confusion and political disputes at the border."
    )
    assert pair_score(chinese, "zh", english, "en") >= 0.3
    assert pair_score(chinese.replace("6万", "6千"), "zh", english, "en") < 0.3
