"""The main language is the original's, not the longest: where two languages carry an article
about equally, the first line that tells one of them decides."""

from __future__ import annotations

from pathlib import Path

import pytest

from normalize import Settings, normalize
from normalize.cli import main

EN = [
    "The city council voted on Tuesday to build a new bridge across the river.",
    "Work on the bridge is expected to start next spring and to last two years.",
    "Residents have asked for a safer crossing since the old ferry stopped running.",
]
ZH = [
    "市议会周二投票决定在河上修建一座新桥，以方便两岸居民的日常出行和货物运输。",
    "大桥工程预计明年春天开工，工期大约两年，期间附近道路将实行临时交通管制措施。",
    "自从旧渡轮停止运营以来，居民们一直要求修建一条更安全、更方便的过河通道。",
]
JA = [
    "新しい橋を作ることになりました、みんな喜んでいます",
    "来年の春に工事が始まると市役所が言いました",
    "安全な道がほしいと住民はずっと言っていました",
]
EN_SHORT = [
    "we are going to build a new bridge and all are glad",
    "the city hall said that the work starts next spring",
    "the people have long said that they want a safe road",
]


def _interleaved(first: list[str], second: list[str]) -> str:
    return "\n\n".join(line for pair in zip(first, second, strict=True) for line in pair)


def test_english_first_is_main_though_chinese_says_more() -> None:
    doc = normalize("Bridge vote in the city\n\n" + _interleaved(EN, ZH))
    assert doc.lang == "en"
    assert doc.langs == ("en", "zh")


def test_chinese_first_is_main() -> None:
    doc = normalize("市议会投票建桥\n\n" + _interleaved(ZH, EN))
    assert doc.lang == "zh"


def test_short_kana_lines_and_their_translations_count_by_lines() -> None:
    # A short English heading first (too short to tell its language but by its script), then
    # each Japanese line before its translation: the kana lines hold more letters' worth.
    doc = normalize("# bridge lessons\n\n" + _interleaved(JA, EN_SHORT))
    assert doc.lang == "en"


def test_a_few_captions_in_another_language_leave_the_main_language_alone() -> None:
    text = "\n\n".join([ZH[0], *EN, *EN])  # one Chinese line first, then an English article
    assert normalize(text).lang == "en"


@pytest.mark.parametrize("code", ["EN", "En", "en"])
def test_main_lang_is_case_folded(code: str) -> None:
    assert Settings(main_lang=code).main_lang == "en"


@pytest.mark.parametrize("code", ["english", "eng", "e", "zz", "en-US", ""])
def test_main_lang_must_be_an_iso_639_1_code(code: str) -> None:
    with pytest.raises(ValueError, match="ISO 639-1"):
        Settings(main_lang=code)


def test_cli_refuses_a_main_lang_that_is_not_a_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A title\n\nA paragraph of text.", encoding="utf-8")
    assert main([str(article), "--main-lang", "english", "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "ISO 639-1" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
