"""Translations are paired wherever they stand: one small article per layout.

The English and Vietnamese sentences are news sentences and their translations
(``fixtures/align/news-en-vi.jsonl``); the Chinese ones are written here.
"""

from __future__ import annotations

import json

import pytest

from normalize import normalize
from normalize.document import Document, Role
from normalize.settings import Settings
from tests.conftest import FIXTURES

NEWS = [
    json.loads(line)
    for line in (FIXTURES / "align" / "news-en-vi.jsonl").read_text(encoding="utf-8").splitlines()
]
#: English paragraphs that no line translates.
PLAIN = [row["en"] for row in NEWS[18:]]
TITLE = "Summer school and secure phones"


def _pairs(doc: Document) -> list[tuple[str, str, str, str]]:
    return [(p.src, p.src_lang, p.tgt, p.tgt_lang) for p in doc.pairs]


def _vi_en(*rows: int) -> list[tuple[str, str, str, str]]:
    return [(NEWS[row]["vi"], "vi", NEWS[row]["en"], "en") for row in rows]


def _article(*paragraphs: str, title: str = TITLE) -> str:
    return "\n\n".join([title, *paragraphs])


def _check_sources_left_the_text(doc: Document) -> None:
    for pair in doc.pairs:
        assert pair.src not in doc.text.split("\n\n")
    assert all(line.role is not Role.BODY or line.lang == doc.lang for line in doc.lines)


@pytest.mark.parametrize("source_first", [True, False])
def test_a_caption_beside_its_translation_pairs_with_it_either_side(source_first: bool) -> None:
    def beside(row: int) -> list[str]:
        caption, translation = NEWS[row]["vi"], NEWS[row]["en"]
        return [caption, translation] if source_first else [translation, caption]

    doc = normalize(_article(PLAIN[0], *beside(4), PLAIN[1], PLAIN[2], *beside(9), PLAIN[3]))
    assert doc.lang == "en"
    assert _pairs(doc) == _vi_en(4, 9)
    assert NEWS[4]["en"] in doc.text.split("\n\n")  # the translation stays in the text
    _check_sources_left_the_text(doc)


def test_a_gallery_of_three_captions_then_their_three_translations() -> None:
    captions = [NEWS[row]["vi"] for row in (6, 8, 14)]
    translations = [NEWS[row]["en"] for row in (6, 8, 14)]
    doc = normalize(_article(PLAIN[0], PLAIN[1], *captions, *translations, PLAIN[2]))
    assert _pairs(doc) == _vi_en(6, 8, 14)
    _check_sources_left_the_text(doc)


def test_paragraphs_alternating_with_their_translations() -> None:
    rows = (0, 2, 5, 10)
    paragraphs = [text for row in rows for text in (NEWS[row]["en"], NEWS[row]["vi"])]
    doc = normalize(_article(*paragraphs))
    assert doc.lang == "en"
    assert _pairs(doc) == _vi_en(*rows)


@pytest.mark.parametrize(
    "labels", [None, ("English:", "Vietnamese:"), ("English version:", "Bản tiếng Việt:")]
)
def test_an_article_then_its_translation_as_two_blocks(labels: tuple[str, str] | None) -> None:
    rows = (1, 3, 11, 13, 15)
    english, vietnamese = [NEWS[row]["en"] for row in rows], [NEWS[row]["vi"] for row in rows]
    if labels is not None:
        english, vietnamese = [labels[0], *english], [labels[1], *vietnamese]
    doc = normalize(_article(*english, *vietnamese))
    assert doc.lang == "en"
    assert _pairs(doc) == _vi_en(*rows)
    if labels is not None:  # a label is never paired
        assert all(label not in (p.src, p.tgt) for p in doc.pairs for label in labels)


def test_a_long_english_article_with_a_few_captions_beside_their_translations() -> None:
    """Most lines have no translation: each caption pairs with the line beside it, not a far one."""
    body = [*PLAIN, *(NEWS[row]["en"] for row in (1, 2, 3, 11, 13))]
    first, second = [NEWS[7]["vi"], NEWS[7]["en"]], [NEWS[16]["en"], NEWS[16]["vi"]]
    lines = [*body[:3], *first, *body[3:8], *second, *body[8:]]
    doc = normalize(_article(*lines))
    assert doc.lang == "en"
    assert _pairs(doc) == _vi_en(7, 16)


#: English paragraphs, each with its Chinese translation; the fourth translation is loose
#: (shorter than its English: it scores 0.22, under the default minimum of 0.3).
ZH_EN = [
    ("The river rose faster than anyone in the valley had expected, and by noon the old bridge was closed.",
     "河水上涨的速度超出了山谷里所有人的预料，到中午时旧桥已经关闭。"),
    ("Volunteers carried sandbags to the school, where families from the lower streets spent the night.",
     "志愿者把沙袋搬到学校，低处街道的家庭在那里过夜。"),
    ("The mayor said the town would rebuild the bridge before the winter.",
     "市长说，镇上将在冬天之前重建这座桥。"),
    ("Faced with `a storm that would not stop`, the council's quarrels and its lack of long-term "
     "planning had `serious consequences`", "面对不停的风暴，议会的争吵和缺乏规划造成了严重后果"),
    ("Farmers lost most of their crops, and many will need help to plant again in the spring.",
     "农民失去了大部分庄稼，许多人需要帮助才能在春天重新播种。"),
    ("The weather office warned that more rain would fall over the weekend.",
     "气象部门警告说，周末还会有更多降雨。"),
]


def test_where_every_line_stands_beside_its_translation_a_loose_one_pairs_too() -> None:
    """jusText's way: the layout of the document revises the unclear pair."""
    doc = normalize(_article(*(text for pair in ZH_EN for text in pair)))
    assert _pairs(doc) == [(zh, "zh", en, "en") for en, zh in ZH_EN]
    # alone among paragraphs with no translation, the loose one is foreign
    loose_en, loose_zh = ZH_EN[3]
    doc = normalize(_article(PLAIN[0], PLAIN[1], loose_en, loose_zh, PLAIN[2]))
    assert doc.pairs == []
    assert loose_zh in [r["text"] for r in doc.removed if r["reason"] == "foreign"]


def test_a_line_with_no_translation_anywhere_is_foreign() -> None:
    doc = normalize(_article(PLAIN[0], NEWS[7]["vi"], PLAIN[1], PLAIN[2], NEWS[6]["vi"], PLAIN[3]))
    assert doc.pairs == []
    assert [r["text"] for r in doc.removed if r["reason"] == "foreign"] == [NEWS[7]["vi"], NEWS[6]["vi"]]


def test_a_pair_scoring_under_the_minimum_is_no_pair() -> None:
    text = _article(PLAIN[0], NEWS[4]["vi"], NEWS[4]["en"], PLAIN[1])
    assert _pairs(normalize(text)) == _vi_en(4)
    doc = normalize(text, settings=Settings(min_pair_score=1.0))
    assert doc.pairs == []
    assert {"text": NEWS[4]["vi"], "reason": "foreign"} in [
        {k: r[k] for k in ("text", "reason")} for r in doc.removed
    ]


def test_the_title_may_be_the_translation_of_the_line_after_it() -> None:
    title = "Tokyo sees its first snow of the winter as cold air sweeps across Japan"
    chinese = "东京迎来今冬第一场雪，冷空气席卷日本各地。"
    doc = normalize(_article(chinese, PLAIN[0], PLAIN[1], title=title))
    assert doc.title == title
    assert _pairs(doc) == [(chinese, "zh", title, "en")]
    assert chinese not in doc.text


def test_a_vietnamese_sentence_glued_to_its_english_translation_is_cut_and_paired() -> None:
    glued = f"{NEWS[8]['vi']} {NEWS[8]['en']}"
    doc = normalize(_article(PLAIN[0], PLAIN[1], glued, PLAIN[2]))
    assert _pairs(doc) == _vi_en(8)
    assert NEWS[8]["en"] in doc.text.split("\n\n")


def test_a_chinese_sentence_with_a_latin_acronym_glued_to_its_english_translation_is_cut() -> None:
    chinese = "据日本广播协会NHK报道，今天约有3，000名乘客因大雪滞留在札幌车站。"
    english = (
        "Japan's public broadcaster NHK said about 3,000 passengers were stranded at Sapporo station "
        "by heavy snow today."
    )
    doc = normalize(_article(PLAIN[0], PLAIN[1], chinese + english, PLAIN[2]))
    assert _pairs(doc) == [(chinese, "zh", english, "en")]
    assert english in doc.text.split("\n\n")


def test_an_english_line_full_of_vietnamese_names_stays_whole() -> None:
    names = (
        "Prime Minister Phạm Minh Chính told Nguyễn Văn Thắng and Trần Hồng Hà in Hà Nội on Monday "
        "that the new roads to Đà Nẵng, Huế and Quảng Ngãi must be finished before the end of the year."
    )
    doc = normalize(_article(PLAIN[0], names, PLAIN[1]))
    assert [line.text for line in doc.lines if "Phạm Minh Chính" in line.text] == [names]
    assert names in doc.text.split("\n\n")
    assert doc.pairs == []


def test_a_chinese_sentence_glued_to_a_loose_english_one_is_cut_at_the_full_stop() -> None:
    """The halves score too low to pair, but a full stop where the script changes is a sure cut."""
    chinese = "据NHK报道，这座有着七万人口的小镇现在正陷入一片火海。"
    english = "Much of the town, home to 70,000 people, was ablaze, NHK said."
    doc = normalize(_article(PLAIN[0], PLAIN[1], chinese + english, PLAIN[2]))
    assert doc.pairs == []
    assert english in doc.text.split("\n\n")
    assert {"text": chinese, "reason": "foreign"} in [
        {k: r[k] for k in ("text", "reason")} for r in doc.removed
    ]


def test_a_paragraph_translated_in_two_lines_makes_one_pair_of_both() -> None:
    rows = (3, 11, 1, 13, 15)
    english, vietnamese = [NEWS[row]["en"] for row in rows], [NEWS[row]["vi"] for row in rows]
    first, _, rest = vietnamese[2].partition(". ")
    split = [*vietnamese[:2], first + ".", rest, *vietnamese[3:]]
    doc = normalize(_article(*english, *split))
    expected = _vi_en(*rows)
    expected[2] = (f"{first}. {rest}", "vi", NEWS[1]["en"], "en")
    assert _pairs(doc) == expected
    assert [line.role for line in doc.lines if line.text in (first + ".", rest)] == [Role.PAIR_SOURCE] * 2


def test_the_halves_of_a_glued_line_pair_with_each_other_before_a_line_of_like_length() -> None:
    prior = "The mayor opened a new footbridge over the river."  # as long as the caption, no name to tell
    glued = f"{NEWS[7]['vi']} {NEWS[7]['en']}"
    doc = normalize(_article(PLAIN[0], prior, glued, PLAIN[1]))
    assert _pairs(doc) == _vi_en(7)
    assert prior in doc.text.split("\n\n")


def test_each_other_language_is_aligned_with_the_main_one() -> None:
    chinese = "美国食品药品监督管理局（FDA）本周也批准为12岁以上的儿童接种辉瑞/BioNTech疫苗。"
    doc = normalize(
        _article(PLAIN[0], NEWS[4]["vi"], NEWS[4]["en"], PLAIN[1], chinese, NEWS[0]["en"], PLAIN[2])
    )
    assert _pairs(doc) == [*_vi_en(4), (chinese, "zh", NEWS[0]["en"], "en")]


def test_short_chinese_sentences_each_glued_to_its_english_translation_are_cut_and_paired() -> None:
    """A Chinese letter says as much as three Latin ones: ``今天很冷。`` is a whole sentence."""
    phrases = [
        ("祝你生日快乐。", "Happy birthday to you."),
        ("我们明天见。", "See you tomorrow."),
        ("这是我的新朋友。", "This is my new friend."),
        ("火车几点开？", "When does the train leave?"),
        ("今天很冷。", "It is cold today."),
    ]
    doc = normalize(_article(*(f"{zh} {en}" for zh, en in phrases), title="Phrases for a first trip"))
    assert _pairs(doc) == [(zh, "zh", en, "en") for zh, en in phrases]
    assert doc.text.split("\n\n") == [en for _, en in phrases]


def test_a_site_name_with_a_chinese_slogan_is_one_line_a_tagline() -> None:
    tagline = "Harbor Lens — 旅行与美食资讯"
    doc = normalize(_article(PLAIN[0], PLAIN[1], tagline))
    assert doc.pairs == []
    assert [(line.text, line.rule) for line in doc.lines if "Harbor" in line.text] == [(tagline, "tagline")]
