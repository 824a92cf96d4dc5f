"""Reading every kind of input into records: ids, sources, order, errors."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from normalize import readers
from normalize.readers import ReaderOptions, Record, file_kind, read_inputs

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "inputs" / "corpus"


def _records(*paths: Path | str, options: ReaderOptions | None = None) -> list[Record]:
    return list(read_inputs([str(p) for p in paths], options or ReaderOptions()))


def test_folder_is_recursed_in_sorted_order_without_hidden_files() -> None:
    records = _records(CORPUS)
    assert [r.id for r in records] == [
        "a", "b", "c",
        "https://example.org/f/1", "7", "feed:3",
        "https://example.org/news/1", "https://example.org/news/2",
        "sub/d",  # a file in a sub-folder keeps its relative path
    ]
    assert all(r.error is None for r in records)
    assert _records(CORPUS) == records  # deterministic


def test_plain_text_html_and_gzip_files() -> None:
    a, b, c = _records(CORPUS / "a.txt", CORPUS / "b.html", CORPUS / "c.txt.gz")
    assert (a.id, a.text, a.html, a.encoding) == ("a", "Plain title\n\nPlain body.\n", None, None)
    assert a.source == a.origin == str(CORPUS / "a.txt")
    assert b.id == "b" and b.text is None and isinstance(b.html, bytes) and b"Page body." in b.html
    assert (c.id, c.text) == ("c", "Zipped title\n\nZipped body.\n")


def test_jsonl_feed_ids_sources_and_fields() -> None:
    one, two, three = _records(CORPUS / "feed.jsonl")
    assert (one.id, one.source, one.text) == ("https://example.org/f/1", "https://example.org/f/1",
                                               "Feed one\n\nBody one.")
    assert (two.id, two.html, two.text) == ("7", "<p>Feed two</p>", None)
    assert three.id == "feed:3" and three.source == str(CORPUS / "feed.jsonl")
    assert [r.origin for r in (one, two, three)] == [f"{CORPUS / 'feed.jsonl'}:{n}" for n in (1, 2, 3)]


def test_jsonl_field_names_are_settable(tmp_path: Path) -> None:
    feed = tmp_path / "items.jl.gz"
    with gzip.open(feed, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"key": "k1", "body": "Hello", "text": "not this"}) + "\n\n")
        handle.write(json.dumps({"key": "k2", "page": "<p>Hi</p>"}) + "\n")
    options = ReaderOptions(text_field="body", html_field="page", id_field="key")
    first, second = _records(feed, options=options)
    assert (first.id, first.text) == ("k1", "Hello")
    assert (second.id, second.html) == ("k2", "<p>Hi</p>")


def test_jsonl_record_without_text_is_an_error_naming_the_line(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text('{"id": "a", "title": "t"}\n[1, 2]\n', encoding="utf-8")
    first, second = _records(feed)
    assert first.id == "a" and first.error is not None and "'text'" in first.error
    assert second.id == "f:2" and second.origin == f"{feed}:2"
    assert second.error is not None and "not an object" in second.error


def test_warc_pages_by_target_uri_html_only() -> None:
    first, second = _records(CORPUS / "pages.warc.gz")
    assert first.id == first.source == "https://example.org/news/1"
    assert isinstance(first.html, str) and "First page." in first.html and first.encoding is None
    # the HTTP charset decides: windows-1252 bytes become text, and the encoding is kept
    assert second.id == "https://example.org/news/2"
    assert second.html == "<html><body><p>Café page.</p></body></html>"
    assert second.encoding == "cp1252"  # Python's name for windows-1252
    assert str(CORPUS / "pages.warc.gz") in first.origin


def test_uncompressed_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "application/xhtml+xml")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://x/y", "response",
                                                      payload=io.BytesIO(b"<p>x</p>"), http_headers=headers))
    (record,) = _records(path)
    assert (record.id, record.html) == ("http://x/y", b"<p>x</p>")


@pytest.mark.parametrize(("name", "kind", "stem"), [
    ("a.txt", "text", "a"), ("a.html.gz", "html", "a"), ("A.HTM", "html", "A"), ("x.jl", "jsonl", "x"),
    ("crawl.warc.gz", "warc", "crawl"), ("notes", "text", "notes"), ("n.md", "text", "n"),
    ("data.csv", "text", "data"), (".gz", "text", ".gz"),
])
def test_file_kind(name: str, kind: str, stem: str) -> None:
    assert file_kind(name) == (kind, stem)


def test_latin1_text_is_decoded_and_its_encoding_recorded(tmp_path: Path) -> None:
    (tmp_path / "cafe.txt").write_bytes(b"Caf\xe9 au lait\n")
    (record,) = _records(tmp_path / "cafe.txt")
    assert record.text == "Café au lait\n"
    assert record.encoding is not None and record.encoding != "utf-8"


def test_binary_text_file_and_image_named_html_are_errors(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    noise, photo = _records(tmp_path / "noise.txt", tmp_path / "photo.html")
    assert noise.error is not None and noise.error.startswith("binary file, not text")
    assert photo.error == "binary file, not text: PNG image"
    assert noise.text is None and photo.html is None


def test_utf16_with_bom_is_text_not_binary(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Zürich\n".encode("utf-16"))
    (record,) = _records(tmp_path / "u16.txt")
    assert record.error is None and record.text is not None and "Zürich" in record.text


def test_empty_and_whitespace_files_are_empty_documents(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n\n")
    blank, empty = _records(tmp_path)  # sorted by name
    assert blank.id == "blank" and blank.error is None and blank.text == "  \n\t\n\n"
    assert empty.id == "empty" and empty.error is None and empty.text == ""


def test_file_deleted_after_listing_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    records = read_inputs([str(tmp_path)])
    assert next(records).id == "a"  # the folder is listed now
    (tmp_path / "b.txt").unlink()
    b, c = list(records)
    assert b.id == "b" and b.error is not None and "b.txt" in b.error and b.origin == str(tmp_path / "b.txt")
    assert c.id == "c" and c.text == "c.txt"


def test_folder_that_cannot_be_read_as_a_file_is_an_error(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "real.txt").write_text("ok", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()
    # a listing that names a folder as a file (as when a file is replaced by a folder mid-run)
    monkeypatch.setattr(readers, "_walk", lambda folder: iter([folder / "dir.txt", folder / "real.txt"]))
    bad, good = _records(tmp_path)
    assert bad.id == "dir" and bad.error is not None and "dir.txt" in bad.error
    assert good.text == "ok"


def test_broken_json_line_in_the_middle(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "1", "text": "one"}\n{"id": "2", "text": \n{"id": "3", "text": "three"}\n',
                    encoding="utf-8")
    one, broken, three = _records(feed)
    assert (one.text, three.text) == ("one", "three")
    assert broken.id == "feed:2" and broken.origin == f"{feed}:2"
    assert broken.error is not None and broken.error.startswith("invalid JSON")


def test_a_15_mb_line_in_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    text = "word " * 3_000_000
    feed.write_text(json.dumps({"id": "big", "text": text}) + "\n", encoding="utf-8")
    (record,) = _records(feed)
    assert record.text == text


def test_feed_is_read_lazily(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = "".join(json.dumps({"id": str(n), "text": "x"}) + "\n" for n in range(5))
    feed.write_text(lines, encoding="utf-8")
    records = read_inputs([str(feed)])
    assert next(records).id == "0"
    with feed.open("a", encoding="utf-8") as handle:  # lines after the read position are not read yet
        handle.write(json.dumps({"id": "late", "text": "y"}) + "\n")
    assert [r.id for r in records] == ["1", "2", "3", "4", "late"]


def test_output_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("x", encoding="utf-8")
    (tmp_path / "out.jsonl.part").write_text("{}\n", encoding="utf-8")
    skip = frozenset({str((tmp_path / "out.jsonl.part").resolve())})
    assert [r.id for r in _records(tmp_path, options=ReaderOptions(skip=skip))] == ["in"]


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n" + bytes(40), "PDF document"),
    (b"II*\x00" + bytes(40), "TIFF image"),
    (b"PK\x03\x04\x14\x00" + bytes(40), "ZIP archive"),
    (b"\x00\x01\x02\x03\x00\x00\xff\x00" * 8, "NUL bytes"),
])
def test_binary_files_are_named(tmp_path: Path, data: bytes, what: str) -> None:
    (tmp_path / "x.txt").write_bytes(data)
    (record,) = _records(tmp_path / "x.txt")
    assert record.error == f"binary file, not text: {what}" and record.text is None


def test_utf16_without_bom_is_text_not_binary(tmp_path: Path) -> None:
    # the same test as the HTML engine's (normalize.encoding.looks_binary decides for both)
    (tmp_path / "u16.txt").write_bytes("Hello world, this is text\n".encode("utf-16-le"))
    (record,) = _records(tmp_path / "u16.txt")
    assert record.error is None and record.text == "Hello world, this is text\n"
