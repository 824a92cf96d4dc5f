"""Language decisions per line, and the fast paths against plain langdetect."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize import _langdetect, _profiles, langid, normalize
from normalize._doc_languages import PUT_OFF, outcome_stands, weights
from normalize._scripts import CYRILLIC_LANGS, LATIN_LANGS, LETTER_RUN, VI_LETTER, VI_WORD
from normalize._telling import two_languages
from normalize.document import Document, Line
from normalize.settings import Settings
from tests.conftest import FIXTURES

SETTINGS = Settings()
LINES: list[dict[str, Any]] = [
    json.loads(raw) for raw in (FIXTURES / "langid" / "lines.jsonl").read_text(encoding="utf-8").splitlines()
]
ENGLISH = (
    "The city council approved the new budget on Tuesday after a long debate about "
    "how much money should be spent on roads, schools and public parks this year."
)


def _document(*texts: str) -> Document:
    doc = Document(id="t", lines=[Line(number=n, text=t) for n, t in enumerate(texts, start=1)])
    langid.guess_languages(doc, SETTINGS)
    langid.settle_languages(doc, SETTINGS)
    return doc


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Trong tuần này, Cơ quan Quản lý Thực phẩm và Dược phẩm Hoa Kỳ cho phép sử dụng vắc xin.", "vi"),
        ("本周，美国食品药品监督管理局还批准辉瑞疫苗用于12岁及以上的儿童。", "zh"),
        ("今週、アメリカ食品医薬品局は子どもへのワクチンの使用も許可しました。", "ja"),
        ("이번 주 미국 식품의약국은 12세 어린이에게도 백신 사용을 허가했습니다.", "ko"),
        ("На этой неделе Управление по надзору разрешило использование вакцины для детей.", "ru"),
        ("Cette semaine, l'agence américaine a aussi autorisé l'usage du vaccin pour les enfants.", "fr"),
        ("Esta semana, la agencia de los Estados Unidos también permitió el uso de la vacuna.", "es"),
        ("Diese Woche hat die amerikanische Behörde auch die Verwendung des Impfstoffs erlaubt.", "de"),
        (ENGLISH, "en"),
    ],
)
def test_a_clear_line_gets_its_language(text: str, lang: str) -> None:
    guess = langid.guess_line(text)
    assert guess and guess[0][0] == lang and guess[0][1] >= langid.SURE


@pytest.mark.parametrize("text", ["", "12/10/2021", "— 42 —", "*** ###", "A1"])
def test_a_line_without_letters_gets_no_language(text: str) -> None:
    assert langid.guess_line(text) == ()
    assert _document(ENGLISH, text).lines[1].lang is None


def test_a_short_unclear_line_settles_to_the_document_language() -> None:
    doc = _document(ENGLISH, "By Tom Hargreave", ENGLISH.replace("Tuesday", "Monday"))
    assert doc.lang == "en"
    assert doc.lines[1].lang == "en"


def test_a_long_sure_line_in_another_language_keeps_it() -> None:
    german = "Diese Woche hat die amerikanische Behörde auch die Verwendung des Impfstoffs erlaubt."
    monday, friday = ENGLISH.replace("Tuesday", "Monday"), ENGLISH.replace("Tuesday", "Friday")
    doc = _document(ENGLISH, monday, friday, german)
    assert doc.lang == "en"
    assert doc.lines[3].lang == "de"


def test_same_input_same_result() -> None:
    texts = [row["text"] for row in LINES[:40]]
    first = [langid.guess_line(text, 0) for text in texts]
    langid.langdetect_ranked.cache_clear()
    assert [langid.guess_line(text, 0) for text in texts] == first


def test_the_common_words_path_agrees_with_langdetect_on_real_lines() -> None:
    answered = [(langid.common_words_language(row["text"]), row["langdetect"]) for row in LINES]
    answered = [(ours, theirs) for ours, theirs in answered if ours is not None]
    assert len(answered) >= 350  # it answers most long Latin-script lines
    same = sum(ours == theirs for ours, theirs in answered)
    assert same / len(answered) >= 0.995


def test_words_common_elsewhere_keep_the_common_words_path_out() -> None:
    # English has the most common words, and the most of its own, but four French
    # ones (il, de, la, de: also Spanish, Italian...) stand against it: a caption and
    # its translation
    mixed = (
        "Il fut nommé chef de la division, forte de 36 soldats. "
        "He was appointed to the lead of it in the war."
    )
    assert langid.common_words_language(mixed) is None


def test_the_common_words_path_stays_out_of_short_and_mixed_lines() -> None:
    assert langid.common_words_language("I like red roses, I like them.") is None
    mixed = "Ex: I was hit on the head and passed out and I fell down. – Tôi bị đánh vào đầu và bất tỉnh."
    assert langid.common_words_language(mixed) is None


@pytest.mark.parametrize("only", [None, ("en", "vi"), ("en",), ("fr", "de", "es")])
def test_the_fast_langdetect_loop_gives_langdetect_s_numbers(only: tuple[str, ...] | None) -> None:
    factory = _langdetect._factory()
    for row in LINES[::10]:
        ours, theirs = factory.create(), factory.create()
        for detector in (ours, theirs):
            detector.seed = 0
            if only is not None:
                detector.set_prior_map({code: 1.0 for code in only})
            detector.append(row["text"])
        found = _langdetect._probabilities(ours, _langdetect.features(row["text"]))
        assert [(x.lang, x.prob) for x in found] == [(x.lang, x.prob) for x in theirs.get_probabilities()]


def test_one_candidate_gives_langdetect_s_answer() -> None:
    factory = _langdetect._factory()
    for row in LINES[::25]:
        detector = factory.create()
        detector.seed = 0
        detector.set_prior_map({"en": 1.0})
        detector.append(row["text"])
        expected = tuple((x.lang, x.prob) for x in detector.get_probabilities())
        langid.langdetect_ranked.cache_clear()
        assert langid.langdetect_ranked(row["text"], 0, ("en",)) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Он сказал, что это не так, но они уже были там, и всё было хорошо для его семьи.", "ru"),
        ("Він сказав, що це не так, але вони вже були там, і все було добре для його родини.", "uk"),
        ("Той каза, че това не е така, но те вече бяха там и всичко беше добре за неговото семейство.", "bg"),
        # "is" and "in" are common Dutch words too: English leads Dutch by 5 to 2 only,
        # but English alone has 3 (your, also, to), Dutch alone none
        ("Your general health is also important to consider in winter.", "en"),
        # "a" is common French and Portuguese: of, the, here are English alone
        ("Nem, a kind of fermented pork roll in provinces in the Mekong Delta, is a popular food here", "en"),
    ],
)
def test_the_common_words_path_reads_cyrillic_and_words_common_in_two_languages(text: str, lang: str) -> None:
    assert langid.common_words_language(text) == lang
    assert langid.langdetect_ranked(text, 0, None)[0][0] == lang  # the answer langdetect gives too


def test_the_common_words_path_stays_out_of_two_script_lines() -> None:
    mixed = "Новые правила вступят в силу в этом году. The new rules will come into force this year."
    assert langid.common_words_language(mixed) is None


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...] | None]]:
    """The questions put to langdetect, ``(text, candidates)``, answered by its profiles or its sampling."""
    calls: list[tuple[str, tuple[str, ...] | None]] = []
    real, real_ask = langid.langdetect_ranked, langid.ask_langdetect

    def record(text: str, seed: int, only: tuple[str, ...] | None, shortcut: bool = True) -> langid.Guess:
        calls.append((text, only))
        return real(text, seed, only, shortcut)

    def record_ask(text: str, seed: int, only: tuple[str, ...] | None) -> langid.Guess:
        calls.append((text, only))
        return real_ask(text, seed, only)

    monkeypatch.setattr(langid, "langdetect_ranked", record)
    monkeypatch.setattr(langid, "ask_langdetect", record_ask)
    return calls


CHINESE = "本周，美国食品药品监督管理局还批准辉瑞疫苗用于12岁及以上的儿童。"


def test_a_short_line_with_one_same_script_language_needs_no_open_langdetect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recording(monkeypatch)
    doc = _document(ENGLISH, CHINESE, "By Tom Hargreave", ENGLISH.replace("Tuesday", "Monday"), CHINESE)
    assert doc.lang == "en"
    assert doc.lines[2].lang == "en"
    assert all(only is not None for _, only in calls)  # no unrestricted langdetect at all
    assert ("By Tom Hargreave", ("en",)) in calls


def test_a_short_line_s_letters_pick_among_the_document_s_languages() -> None:
    vietnamese = "Trong tuần này, Cơ quan Quản lý Thực phẩm và Dược phẩm Hoa Kỳ cho phép sử dụng vắc xin."
    doc = _document(ENGLISH, vietnamese, "Ảnh: Ngọc Thành", ENGLISH.replace("Tuesday", "Monday"), vietnamese)
    assert doc.lines[2].lang == "vi"


def test_a_short_cyrillic_line_no_document_language_writes_gets_a_cyrillic_language() -> None:
    doc = _document(ENGLISH, "Фото: ТАСС", ENGLISH.replace("Tuesday", "Monday"))
    assert doc.lang == "en"
    assert doc.lines[1].lang in {"ru", "uk", "bg", "mk"}


def test_the_reference_mode_asks_langdetect_first_and_the_fast_mode_agrees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = (ENGLISH, "Photo by the agency for the city", ENGLISH.replace("Tuesday", "Monday"))
    fast = [line.lang for line in _document(*texts).lines]
    with langid._reference_mode():
        calls = _recording(monkeypatch)
        reference = [line.lang for line in _document(*texts).lines]
    assert {text for text, only in calls if only is None} == set(texts)  # langdetect on every line first
    assert not langid._REFERENCE
    assert fast == reference == ["en", "en", "en"]


def test_english_around_vietnamese_names_needs_no_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "The report was written by Nguyễn Văn Thành and his team, who said that the project is over."
    calls = _recording(monkeypatch)
    assert _document(ENGLISH, line).lines[1].lang == "en"
    assert calls == []
    assert langid.langdetect_ranked(line, 0, None)[0][0] == "en"  # what langdetect says too


def test_a_plain_english_line_of_twenty_odd_letters_needs_no_open_langdetect(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _recording(monkeypatch)
    line = "When you hear a new idiom"  # langdetect alone says Welsh
    doc = _document(ENGLISH, line, ENGLISH.replace("Tuesday", "Monday"))
    assert doc.lines[1].lang == "en"
    assert all(text != line for text, _ in calls)


def test_the_fast_mode_gives_the_reference_s_languages_on_the_built_articles() -> None:
    """The shortcuts (scripts, common words, langdetect's profiles read without sampling)
    change almost no final language: the measure ``benchmarks/throughput.py`` reports."""
    from normalize import normalize

    lines = same = 0
    for path in sorted((FIXTURES / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fast = normalize(text, id=path.stem)
        with langid._reference_mode():
            reference = normalize(text, id=path.stem)
        assert [line.text for line in fast.lines] == [line.text for line in reference.lines]
        for ours, theirs in zip(fast.lines, reference.lines, strict=True):
            if langid.letter_count(ours.text):
                lines += 1
                same += ours.lang == theirs.lang
    assert lines >= 500
    assert same / lines >= 0.99


#: A Vietnamese caption joined to its English translation on one line.
JOINED = (
    "Các cửa hàng đã đóng cửa sớm và người dân ở trong nhà. "
    "The shops were closed early and the people stayed inside their homes."
)


@pytest.mark.parametrize(
    ("text", "two"),
    [
        (JOINED, True),
        ("本周，美国食品药品监督管理局批准了疫苗。 This week the agency approved the vaccine.", True),
        (ENGLISH, False),
        ("The chef Nguyễn Văn An of Hà Nội said that the dish is made with rice and pork.", False),
        ("Esta semana, la agencia de los Estados Unidos también permitió el uso de la vacuna.", False),
    ],
)
def test_two_languages_is_told_by_function_words_or_scripts_not_by_names(text: str, two: bool) -> None:
    assert two_languages(text, langid.letter_count(text)) is two


def test_a_two_language_line_is_evidence_of_neither_language() -> None:
    monday, friday = ENGLISH.replace("Tuesday", "Monday"), ENGLISH.replace("Tuesday", "Friday")
    texts = [ENGLISH, JOINED, monday, friday]
    doc = Document(id="t", lines=[Line(number=n, text=t) for n, t in enumerate(texts, start=1)])
    langid.guess_languages(doc, SETTINGS)
    assert doc.lines[1].lang is None  # left open until it is cut
    assert doc.lang == "en" and doc.langs == ("en",)  # read whole, it would have made Vietnamese one
    langid.settle_languages(doc, SETTINGS)
    assert doc.lines[1].lang in {"en", "vi"}  # not cut: read whole


def test_two_language_lines_holding_most_of_the_text_are_read_for_the_document() -> None:
    doc = _document("Short title line here", JOINED, JOINED.replace("early", "late"))
    assert doc.lang is not None
    assert doc.lines[1].lang == doc.lines[2].lang == doc.lang


def test_a_two_language_line_is_cut_and_paired_in_an_english_article() -> None:
    monday = ENGLISH.replace("Tuesday", "Monday")
    doc = normalize("\n\n".join(["Council news", ENGLISH, JOINED, monday]), id="t")
    assert doc.lang == "en"
    assert [(pair.src_lang, pair.src) for pair in doc.pairs] == [
        ("vi", "Các cửa hàng đã đóng cửa sớm và người dân ở trong nhà.")
    ]
    assert "The shops were closed early" in doc.text


@given(st.text(alphabet="aZ đơưạỹ1_ -.'\u00e9\u4e2d", max_size=40))
def test_vi_word_matches_count_the_words_that_hold_a_vietnamese_letter(text: str) -> None:
    words = LETTER_RUN.findall(text)
    assert len(VI_WORD.findall(text)) == sum(1 for word in words if VI_LETTER.search(word))


def test_a_short_line_langdetect_alone_misreads_is_no_evidence_of_its_language() -> None:
    line = "More “Questions” for your opponent"  # a real page's line: langdetect reads French
    guess = langid._long_line_guess(line, langid.letter_count(line))
    assert guess[0][0] == "fr" and guess[0][1] >= langid.SURE
    assert weights([Line(number=1, text=line)], [guess]) == {}
    doc = _document(ENGLISH, line, ENGLISH.replace("Tuesday", "Monday"))
    assert doc.langs == ("en",)  # no French common word in it: it does not make French one
    assert doc.lines[1].lang == "en"


def _reading(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...] | None]]:
    """Every line read off langdetect's profiles, ``(text, candidates)``."""
    calls: list[tuple[str, tuple[str, ...] | None]] = []
    real = _profiles.read_profiles

    def record(text: str, only: tuple[str, ...] | None) -> langid.Guess:
        calls.append((text, only))
        return real(text, only)

    monkeypatch.setattr(langid, "read_profiles", record)
    return calls


def test_a_short_line_only_langdetect_can_tell_is_put_off_and_asked_among_the_document_s_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = "More “Questions” for your opponent"
    assert langid._first_guess(line) is PUT_OFF
    assert langid._first_guess(ENGLISH) is not PUT_OFF  # a long line is read at once
    calls = _reading(monkeypatch)
    doc = _document(ENGLISH, line, ENGLISH.replace("Tuesday", "Monday"))
    assert doc.lines[1].lang == "en"  # what reading it among the Latin languages, then settling, gives
    assert [only for text, only in calls if text == line] == [("en",)]


def test_a_line_put_off_is_read_where_it_could_change_the_document_s_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = "Le président est arrivé à Paris"  # French common words: it could make French one
    assert langid._first_guess(line) is PUT_OFF
    calls = _reading(monkeypatch)
    doc = _document(ENGLISH, line, ENGLISH.replace("Tuesday", "Monday"))
    assert doc.langs == ("en", "fr")
    assert (line, langid.script_candidates(line, langid.letter_count(line))) in calls


def _line_languages(docs: list[Document]) -> list[tuple[str | None, tuple[str, ...], list[str | None]]]:
    return [(doc.lang, doc.langs, [line.lang for line in doc.lines]) for doc in docs]


def test_putting_lines_off_changes_no_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document's languages and every line's are those of reading every line at once."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "articles").glob("*.txt"))]
    texts += [
        "\n".join((ENGLISH, "Le président est arrivé à Paris", "More “Questions” for your opponent")),
        "\n".join(("Il presidente è arrivato a Roma", "More “Questions” for your opponent")),
        "\n".join(("Фото: ТАСС, пресс-служба правительства", ENGLISH, "Новые правила вступят в силу")),
    ]
    put_off = [normalize(text, id="t") for text in texts]
    assert sum(1 for doc in put_off for line in doc.lines if langid._first_guess(line.text) is PUT_OFF) >= 10
    uncached = langid._first_guess.__wrapped__  # type: ignore[attr-defined]
    monkeypatch.setattr(langid, "_first_guess", uncached)
    monkeypatch.setattr(langid, "_may_put_off", lambda text, letters: False)
    read = [normalize(text, id="t") for text in texts]
    assert _line_languages(put_off) == _line_languages(read)


@pytest.mark.parametrize(
    ("weight", "langs", "reach", "most", "stands"),
    [
        ({"en": 1000.0}, ("en",), {}, 0.0, True),  # nothing put off could count
        ({"en": 1000.0}, ("en",), {"en": 60.0}, 60.0, True),  # only for the main language
        ({"en": 1000.0}, ("en",), {"fr": 20.0}, 20.0, True),  # too little to make French one
        ({"en": 1000.0}, ("en",), {"fr": 40.0}, 40.0, False),  # 40 of 1,040 letters: over 3 %
        ({"en": 100.0, "fr": 90.0}, ("en", "fr"), {"fr": 10.0}, 10.0, False),  # French could pass English
        ({"en": 1000.0, "fr": 31.0}, ("en", "fr"), {"en": 40.0}, 40.0, False),  # French could fall under 3 %
        ({"en": 1000.0, "fr": 80.0, "de": 60.0}, ("en", "fr", "de"), {"de": 20.0}, 20.0, False),  # order
        ({"en": 1000.0, "fr": 80.0, "de": 60.0}, ("en", "fr", "de"), {"de": 10.0}, 10.0, True),
        ({}, (), {"en": 30.0}, 30.0, False),  # no language yet
    ],
)
def test_the_outcome_stands_only_when_nothing_put_off_could_change_it(
    weight: dict[str, float], langs: tuple[str, ...], reach: dict[str, float], most: float, stands: bool
) -> None:
    assert outcome_stands(weight, langs, reach, most, False) is stands


def test_a_short_line_with_its_language_s_common_words_is_evidence_of_it() -> None:
    doc = _document(ENGLISH, "Le président est arrivé à Paris", ENGLISH.replace("Tuesday", "Monday"))
    assert doc.langs == ("en", "fr")
    assert doc.lines[1].lang == "fr"


def test_a_word_russian_shares_with_ukrainian_does_not_make_a_line_ukrainian() -> None:
    line = "Голосование продлится до 8 октября до 18:00 по московскому времени."  # a real page's line
    assert langid.common_words_language(line) != "uk"
    assert langid.langdetect_ranked(line, 0, None)[0][0] == "ru"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials met in Brussels on Tuesday", tuple(sorted(LATIN_LANGS))),
        ("Các quan chức gặp nhau tại Brussels", tuple(sorted(LATIN_LANGS))),
        ("Чиновники встретились в Brussels во вторник", tuple(sorted(CYRILLIC_LANGS))),
        ("本周，美国 FDA 还批准辉瑞疫苗用于儿童。", None),  # another script: every language langdetect knows
    ],
)
def test_langdetect_is_asked_among_the_languages_of_the_line_s_script(
    text: str, expected: tuple[str, ...] | None
) -> None:
    assert langid.script_candidates(text, langid.letter_count(text)) == expected
