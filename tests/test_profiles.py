"""langdetect's n-grams found word by word, and its answer read off its profiles without sampling."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path
from typing import Any

import pytest

from normalize import _langdetect, _profiles
from normalize._scripts import LATIN_LANGS
from tests.conftest import FIXTURES

LINES: list[dict[str, Any]] = [
    json.loads(raw) for raw in (FIXTURES / "langid" / "lines.jsonl").read_text(encoding="utf-8").splitlines()
]
LATIN = tuple(sorted(LATIN_LANGS))
ODD = [
    "",
    "   ",
    "USA NATO and the EU",  # capital words give no n-grams inside
    "Visit https://example.com/a?b=1 or mail info@example.com",
    "Ca\u0301c cư\u0309a ha\u0300ng",  # decomposed Vietnamese
    "Чиновники встретились в Brussels во вторник",
    "本周，美国 FDA 还批准辉瑞疫苗用于12岁及以上的儿童。",
    "ÉCOLE d'été à l'Île-de-France — “quoted” text…",
    "x" * 12000,  # langdetect reads the first 10 000 characters only
    "McDonald's iPhone eBay XBox NASA's OK U.S. ǅungla",  # capitals inside words
]


@pytest.mark.parametrize("text", [row["text"] for row in LINES[::3]] + ODD)
def test_features_are_langdetect_s_own_n_grams(text: str) -> None:
    detector = _langdetect._factory().create()
    detector.append(text)
    detector.cleaning_text()
    assert _langdetect.features(text) == detector._extract_ngrams()


def _is_plain(guess: _langdetect.Guess) -> bool:
    return bool(guess) and guess[0][1] == _profiles.PLAIN_PROB


@pytest.mark.parametrize("only", [None, LATIN, ("en", "vi"), ("de", "en", "fr")])
def test_a_plain_answer_is_langdetect_s_sure_answer(only: tuple[str, ...] | None) -> None:
    plain = other_top = unsure = 0
    for row in LINES:
        guess = _profiles.read_profiles(row["text"], only)
        if not _is_plain(guess):
            continue
        sampled = _langdetect.langdetect_ranked(row["text"], 0, only)
        plain += 1
        other_top += sampled[0][0] != guess[0][0]
        unsure += sampled[0][1] < 0.9  # one trial of seven ended elsewhere
    assert plain >= 0.9 * len(LINES)  # nearly every line is plain
    assert other_top <= 0.005 * plain
    assert unsure <= 0.015 * plain


def test_langdetect_reads_as_many_characters_and_runs_as_many_trials_as_we_assume() -> None:
    detector = _langdetect._factory().create()
    assert detector.max_text_length == _langdetect.MAX_TEXT
    assert sum(1.0 / detector.n_trial for _ in range(detector.n_trial)) == _langdetect.ALONE


def test_no_n_gram_gives_no_answer_and_one_candidate_gives_langdetect_s() -> None:
    assert _profiles.read_profiles("12 34 !!", LATIN) == ()
    alone = _profiles.read_profiles("The city council met on Tuesday", ("en",))
    assert alone == _langdetect.langdetect_ranked("The city council met on Tuesday", 0, ("en",), False)


@pytest.mark.parametrize("text", [row["text"] for row in LINES[::3]] + ODD + ["x@y", "HTTP://A", "ok"])
def test_the_shortcut_to_an_n_gram_finds_one_where_langdetect_does(text: str) -> None:
    # one candidate: langdetect's answer is that candidate when it finds an n-gram, none otherwise
    assert _langdetect.has_features(text) == bool(_langdetect.features(text))
    expected = ((("en", _langdetect.ALONE),) if _langdetect.features(text) else ())
    assert _profiles.read_profiles(text, ("en",)) == expected


def test_every_lower_case_ascii_letter_is_an_n_gram_of_the_profiles() -> None:
    rows = _langdetect.profile_table().rows
    assert all(letter in rows for letter in "abcdefghijklmnopqrstuvwxyz")


def test_reading_is_deterministic_and_needs_no_seed() -> None:
    texts = [row["text"] for row in LINES[:50]]
    first = [_profiles.read_profiles(text, LATIN) for text in texts]
    _profiles._word_codes.cache_clear()
    _langdetect._word_grams.cache_clear()
    for view in _profiles._views():
        view.codes.clear()
        view.crosses.clear()
    assert [_profiles.read_profiles(text, LATIN) for text in texts] == first


@pytest.mark.parametrize("only", [None, LATIN, ("de", "en", "fr")])
def test_a_close_call_is_langdetect_s_average_over_its_trials(only: tuple[str, ...] | None) -> None:
    close = same_top = sampled_unsure = 0
    gap = 0.0
    for row in LINES:
        guess = _profiles.read_profiles(row["text"], only)
        if not guess or _is_plain(guess) or guess[0][1] == _langdetect.ALONE:
            continue
        assert guess[0][1] < 0.9  # a guess no caller trusts alone
        assert abs(sum(prob for _, prob in guess) - 1.0) < 1e-3  # each language's chance to end a trial
        sampled = _langdetect.langdetect_ranked(row["text"], 0, only)
        close += 1
        same_top += sampled[0][0] == guess[0][0]
        sampled_unsure += sampled[0][1] < 0.9
        gap += abs(dict(sampled).get(guess[0][0], 0.0) - guess[0][1])
    assert close >= 5
    assert sampled_unsure >= 0.8 * close  # langdetect's seven trials do not all end at one language either
    assert same_top >= 0.75 * close  # and they lean the same way
    assert gap / close <= 0.2  # by about as much


def test_the_profile_table_is_langdetect_s_own() -> None:
    langs, rows = _langdetect.profile_table()
    factory = _langdetect._factory()
    assert langs == tuple(sorted(factory.get_lang_list()))
    assert rows.keys() == factory.word_lang_prob_map.keys()
    # the table's columns are sorted; langdetect's order is the file system's
    column = [langs.index(lang) for lang in factory.get_lang_list()]
    smoothing, floor = _langdetect.SMOOTHING, _langdetect.LOG_SMOOTHING
    # langdetect's probability of each n-gram in each language, where its profile holds it
    # (0.0 elsewhere): the table's log-likelihood is its log, smoothed, above the floor, in
    # fixed point
    for gram, probs in factory.word_lang_prob_map.items():
        expected = sorted((column[index], round((math.log(smoothing + prob) - floor) * _FIXED))
                          for index, prob in enumerate(probs) if prob)
        assert [_entry(entry) for entry in rows[gram]] == expected


def _entry(entry: int) -> tuple[int, int]:
    """A row's entry: its column and its value."""
    return entry >> _langdetect.COLUMN_SHIFT, entry & _langdetect.VALUE_MASK


def _value(gram: str, column: int) -> int:
    """The table's value of ``gram`` in ``column`` (0 where the language's profile lacks it)."""
    return dict(map(_entry, _langdetect.profile_table().rows[gram])).get(column, 0)


def test_the_saved_table_is_made_from_the_profile_files_langdetect_has_here() -> None:
    # if this fails, langdetect's profiles changed: save the table anew (python -m normalize._langdetect)
    with _langdetect.SAVED_TABLE.open("rb") as file:
        stamp, langs, rows = pickle.load(file)
    assert stamp == _langdetect.profiles_stamp()
    assert (langs, rows) == _langdetect.read_profile_files()
    assert _langdetect.profile_table() == (langs, rows)


@pytest.mark.parametrize("saved", [b"", b"not a pickle", pickle.dumps(("another stamp", (), {}))])
def test_a_saved_table_that_is_missing_broken_or_of_other_files_is_made_anew(
    saved: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "table.pickle"
    path.write_bytes(saved)
    monkeypatch.setattr(_langdetect, "SAVED_TABLE", path)
    assert _langdetect.profile_table.__wrapped__() == _langdetect.read_profile_files()
    path.unlink()
    assert _langdetect.profile_table.__wrapped__() == _langdetect.read_profile_files()


def test_saving_the_table_gives_the_same_bytes(tmp_path: Path) -> None:
    _langdetect.save_profile_table(tmp_path / "table.pickle")
    assert (tmp_path / "table.pickle").read_bytes() == _langdetect.SAVED_TABLE.read_bytes()


_FIXED = 1 << _langdetect.SCALE


@pytest.mark.parametrize(
    ("only", "view_size"),
    # a Latin line's candidates are read in the Latin languages' 31 columns, a Cyrillic one's in 4
    [(None, 55), (LATIN, 31), (("bg", "mk", "ru", "uk"), 4), (("en", "vi"), 31), (("en", "ru"), 55)],
)
def test_candidates_are_read_in_the_smallest_view_holding_them_and_its_codes_are_the_table_s(
    only: tuple[str, ...] | None, view_size: int
) -> None:
    rows = _langdetect.profile_table().rows
    view, places, _ = _profiles._candidates(only)
    assert len(view.columns) == view_size
    assert tuple(view.columns[place] for place in places) == _langdetect.candidate_columns(only)[0]
    common = tuple(gram for gram, row in rows.items() if len(row) > 20)[:40]
    rare = tuple(gram for gram, row in rows.items() if len(row) <= 2)[:40]
    for gram, code in zip(common + rare, _profiles._gram_codes(common + rare, view), strict=True):
        # a field for each language of the view: the table's value, 0 where its profile lacks the gram
        expected = [_value(gram, column) for column in view.columns]
        assert list(view.fields(code)) == expected + [value * value for value in expected]  # then its squares


def _lead(words: list[tuple[str, bool]], leader: int, rival: int) -> tuple[int, float, float]:
    """The leader's lead over the rival (table columns), n-gram by n-gram: how many, their sum
    and their squares', each n-gram looked up in the table."""
    leads = [(_value(gram, leader) - _value(gram, rival)) / _FIXED
             for word in words for gram in _langdetect._word_grams(*word)]
    return len(leads), sum(leads), sum(lead * lead for lead in leads)


@pytest.mark.parametrize("text", [row["text"] for row in LINES[:40]] + ["a" * 12000, "и" * 12000])
def test_a_walk_s_steps_added_up_as_codes_are_the_table_s_lead_n_gram_by_n_gram(text: str) -> None:
    # the longest line langdetect reads (10,000 letters, each n-gram's the most a field takes)
    # adds up without overflow
    view = _profiles._candidates(None)[0]
    langs = _langdetect.profile_table().langs
    leader, rival = view.positions[langs.index("en")], view.positions[langs.index("ru")]
    words = _langdetect._words(text)
    coded = [_profiles._word_codes(*word, view) for word in words]
    fields = view.fields(sum(code for _, code in coded))
    sums, squares = fields[: len(view.columns)], fields[len(view.columns) :]
    cross = view.fields(sum(_profiles._word_cross(*word, view, leader) for word in words))
    count, lead, lead_squares = _lead(words, view.columns[leader], view.columns[rival])
    assert sum(grams for grams, _ in coded) == count
    assert (sums[leader] - sums[rival]) / _FIXED == pytest.approx(lead, rel=1e-12, abs=1e-9)
    read = (squares[leader] + squares[rival] - 2 * cross[rival]) / _FIXED**2
    assert read == pytest.approx(lead_squares, rel=1e-12, abs=1e-9)


_ENGLISH = "The city council said on Tuesday that the new bridge would open to traffic next spring"
_GERMAN = "Der Stadtrat teilte am Dienstag mit dass die neue Brücke im nächsten Frühjahr eröffnet wird"


def test_a_long_line_is_read_at_even_steps_over_it_not_from_its_start() -> None:
    assert len(_ENGLISH.split()) == _profiles.MAX_WORDS  # read whole
    assert _profiles.read_profiles(_ENGLISH, LATIN)[0][0] == "en"
    # English first, then five times as much German: the words read are mostly German
    line = " ".join([_ENGLISH, *[_GERMAN] * 5])
    assert _profiles.read_profiles(line, LATIN) == (("de", _profiles.PLAIN_PROB),)
    assert _langdetect.langdetect_ranked(line, 0, LATIN)[0][0] == "de"


def test_a_view_s_codes_are_made_anew_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    view = _profiles._candidates(LATIN)[0]
    text = LINES[0]["text"]
    expected = _profiles.read_profiles(text, LATIN)
    monkeypatch.setattr(_profiles, "_CODES_KEPT", 3)
    _profiles._word_codes.cache_clear()
    _profiles._word_cross.cache_clear()
    view.codes.clear()
    view.crosses.clear()
    assert _profiles.read_profiles(text, LATIN) == expected
    longest = max(len(_langdetect._word_grams(*word)) for word in _langdetect._words(text))
    assert 0 < len(view.codes) <= 3 + longest  # emptied when full, then one word's added
    assert 0 < sum(map(len, view.crosses.values())) <= 3 + longest  # and so are the products
