"""normalize/schema.json describes the JSONL record Document.to_dict makes."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from normalize.document import REMOVED_ROLES, Document, Line, Pair, Role
from normalize.writers import dumps

SCHEMA: dict[str, Any] = json.loads(files("normalize").joinpath("schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def full_document() -> Document:
    """An article with a line of every role and pairs in three languages."""
    lines = [
        Line(1, "Hanoi in autumn", "en", 0.99, Role.TITLE, "first-line"),
        Line(2, "01/03/2024", None, 0.0, Role.DATE, "date-pattern"),
        Line(3, "By Nguyen Van A", "en", 0.9, Role.CREDIT, "byline"),
        Line(4, "The city turns gold.", "en", 0.98, Role.BODY, "main-language"),
        Line(5, "Streets", "en", 0.7, Role.HEADING, "short-line"),
        Line(6, "Ảnh: Hà Nội mùa thu", "vi", 0.99, Role.PAIR_SOURCE, "caption-pair"),
        Line(7, "Photo: Hanoi in autumn", "en", 0.99, Role.BODY, "main-language"),
        Line(8, "北京的夜景", "zh", 0.99, Role.PAIR_SOURCE, "caption-pair"),
        Line(9, "Night view of Beijing", "en", 0.99, Role.BODY, "main-language"),
        Line(10, "Москва зимой", "ru", 0.95, Role.FOREIGN, "no-translation"),
        Line(11, "IMG_2041.jpg", None, 0.0, Role.IMAGE_ID, "image-id"),
        Line(12, "Share on Facebook", "en", 0.8, Role.BOILERPLATE, "repeated"),
    ]
    pairs = [
        Pair("Ảnh: Hà Nội mùa thu", "vi", "Photo: Hanoi in autumn", "en", 0.91, 6, 7),
        Pair("北京的夜景", "zh", "Night view of Beijing", "en", 0.8, 8, 9),
    ]
    return Document(
        id="en/1",
        source="articles/en/1.txt",
        lines=lines,
        lang="en",
        title="Hanoi in autumn",
        date="2024-03-01",
        pairs=pairs,
        encoding="utf-8",
    )


def errors(record: dict[str, Any]) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(record)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_enums_follow_the_document_model() -> None:
    lines = SCHEMA["properties"]["lines"]["items"]["properties"]
    assert lines["role"]["enum"] == [role.value for role in Role]
    reasons = SCHEMA["properties"]["removed"]["items"]["properties"]["reason"]["enum"]
    assert sorted(reasons) == sorted(role.value for role in REMOVED_ROLES)
    assert sorted(reasons) == ["boilerplate", "date", "foreign", "image-id"]


@pytest.mark.parametrize("explain", [False, True])
def test_full_record_is_valid(explain: bool) -> None:
    doc = full_document()
    record = json.loads(dumps(doc, explain=explain))
    assert errors(record) == []
    assert ("lines" in record) is explain
    assert [r["reason"] for r in record["removed"]] == ["date", "foreign", "image-id", "boilerplate"]


def test_error_and_minimal_records_are_valid() -> None:
    failed = Document(id="bad.bin", source="articles/bad.bin", error="binary file, not text")
    record = failed.to_dict(explain=True)
    assert errors(record) == []
    assert record["error"] == "binary file, not text" and record["lines"] == []
    assert errors(Document(id="").to_dict()) == []


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda r: r["pairs"][0].update(src_lang="zh-cn"), "pairs"),
        (lambda r: r["pairs"][0].update(score=1.5), "pairs"),
        (lambda r: r["pairs"][0].pop("tgt"), "pairs"),
        (lambda r: r["removed"][0].update(reason="body"), "removed"),
        (lambda r: r["removed"][0].update(line=0), "removed"),
        (lambda r: r["lines"][0].update(role="caption"), "lines"),
        (lambda r: r.update(lang="EN"), "lang"),
        (lambda r: r.update(extra=1), ""),
        (lambda r: r.pop("text"), ""),
        (lambda r: r.update(credits="By A"), "credits"),
        (lambda r: r.update(encoding=None), "encoding"),
    ],
)
def test_schema_rejects_what_the_model_never_makes(change: Any, path: str) -> None:
    record = full_document().to_dict(explain=True)
    change(record)
    found = list(VALIDATOR.iter_errors(record))
    assert found, "the schema accepted a broken record"
    assert any(str(error.absolute_path[0]) == path if error.absolute_path else path == "" for error in found)
