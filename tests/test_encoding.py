"""Decoding bytes of an unknown encoding, and telling binary data from text."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from normalize.encoding import declared_charset, decode_bytes, looks_binary

VIETNAMESE = "Hà Nội là thủ đô của Việt Nam. Người dân ở đây rất thân thiện và mến khách."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 does: letters with their vowel marks, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += (base + "".join(c for c in parts if c in _TONES)).encode("cp1258")
    return bytes(out)


def test_latin1_without_declaration() -> None:
    assert decode_bytes(b"Caf\xe9") == ("Café", "cp1252")
    text, _ = decode_bytes("Le café est très bon à Paris, où l'été dure.".encode("latin-1"))
    assert text == "Le café est très bon à Paris, où l'été dure."


def test_utf8_first() -> None:
    assert decode_bytes("Café Hà Nội".encode()) == ("Café Hà Nội", "utf-8")


def test_windows_1258_vietnamese_is_detected_and_composed() -> None:
    data = to_cp1258(VIETNAMESE)
    assert data.decode("cp1252", errors="replace") != VIETNAMESE
    assert decode_bytes(data) == (VIETNAMESE, "cp1258")


def test_cp1251_russian() -> None:
    text = "Москва — столица России, крупнейший город страны."
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_gb18030_chinese() -> None:
    text = "北京是中华人民共和国的首都\uff0c也是全国的政治和文化中心\u3002"
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_declared_encoding_wins_over_guess() -> None:
    text = "Москва, столица России."
    assert decode_bytes(text.encode("koi8_r"), "koi8-r") == (text, "koi8-r")
    # latin-1 labels read as windows-1252, as browsers do: 0x93/0x94 are quotes.
    assert decode_bytes(b"\x93Caf\xe9\x94", "iso-8859-1") == ("\u201cCafé\u201d", "cp1252")


def test_utf16_with_bom() -> None:
    text = "Xin chào, Việt Nam"
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == (text, "utf-16")
    assert decode_bytes(text.encode("utf-16")) == (text, "utf-16")
    assert decode_bytes(codecs.BOM_UTF8 + text.encode()) == (text, "utf-8-sig")


def test_utf16_without_bom_is_text() -> None:
    data = "<p>Hello world, this is text</p>".encode("utf-16-le")
    assert not looks_binary(data)
    assert decode_bytes(data) == ("<p>Hello world, this is text</p>", "utf-16-le")


def test_undecodable_bytes_never_raise() -> None:
    text, encoding = decode_bytes(b"ok \x81\x8d\x8f\x90\x9d and \xff\xfe\xfd")
    assert text.startswith("ok ")
    assert encoding
    assert decode_bytes(b"") == ("", "utf-8")
    text, _ = decode_bytes(b"bad \x81", "no-such-encoding")
    assert text.startswith("bad ")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xd8\xff\xe0\x00\x10JFIF", b"GIF89a\x01\x00",
     b"%PDF-1.7\n", b"PK\x03\x04\x14\x00", b"\x00\x01\x02\x03\x00\x00\xff\x00"],
)
def test_binary(data: bytes) -> None:
    assert looks_binary(data)


def test_text_is_not_binary() -> None:
    assert not looks_binary(b"<html><body><p>Caf\xe9</p></body></html>")
    assert not looks_binary("Hà Nội".encode())
    assert not looks_binary(b"BMW sales rose again")


def test_declared_charset() -> None:
    assert declared_charset(b'<html><head><meta charset="windows-1258">') == "windows-1258"
    assert declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    ) == "iso-8859-1"
    assert declared_charset(b"<?xml version='1.0' encoding='koi8-r'?>") == "koi8-r"
    assert declared_charset(b"<html><p>no charset</p>") is None
