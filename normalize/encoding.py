"""Decode bytes of an unknown encoding, and tell binary data from text.

:func:`decode_bytes` tries, in order: a byte-order mark; strict UTF-8 (or
UTF-16 without a mark, recognised by its NUL bytes); UTF-8 with U+FFFD for a
few bad bytes, where the rest is valid UTF-8; the ``declared`` encoding
(an HTTP header or the page's ``<meta charset>``, see :func:`declared_charset`);
then a guess from the content by charset_normalizer, for legacy single- and
multi-byte encodings (windows-1258, windows-1251, GB18030, ...); and last
windows-1252 with undecodable bytes replaced. It never raises, and returns the
name of the encoding it used so the caller can record it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Magic numbers of binary formats that turn up where HTML or text is expected.
#: File signatures of formats that are plainly not text, with their names for messages.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),  # zip, docx, xlsx, epub
    (b"\x1f\x8b", "gzip data"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"\x7fELF", "executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
)

_SAMPLE = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
#: Names a page declares that browsers read as a superset (the WHATWG Encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
            "ascii": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030",
            "x-gbk": "gb18030", "tis-620": "cp874", "iso-8859-11": "cp874"}


def looks_binary(data: bytes) -> bool:
    """``True`` when ``data`` is plainly not text: a known file signature, or NUL bytes.

    NUL bytes laid out like UTF-16 text (every second byte) do not count. Cheap:
    looks at the first few kilobytes only.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n..."), looks_binary(b"<p>Caf\\xe9</p>")
    (True, False)
    """
    return binary_kind(data) is not None


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is plainly not text (``"PNG image"``, ``"NUL bytes"``), else ``None``."""
    head = data[:_SAMPLE]
    if head.startswith(tuple(bom for bom, _ in _BOMS)):
        return None
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    if _is_image_bmp(head):
        return "BMP image"
    return "NUL bytes" if b"\x00" in head and _utf16_order(head) is None else None


def _is_image_bmp(data: bytes) -> bool:
    # "BM" alone is too common a start for text; a BMP also has its header size there.
    return data.startswith(b"BM") and len(data) > 18 and data[14] in (12, 40, 52, 56, 108, 124)


def _utf16_order(head: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when the NUL bytes of ``head`` fall like UTF-16 ASCII."""
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in its first bytes (``<meta charset>``, ``<?xml encoding>``)."""
    match = _META_CHARSET.search(data[:_SAMPLE])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii").lower()


def _codec(name: str) -> str | None:
    """The Python codec for an encoding label, or ``None`` when unknown."""
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _finish(text: str, codec: str) -> tuple[str, str]:
    # windows-1258 writes Vietnamese tones as combining marks: compose them.
    if codec == "cp1258":
        text = unicodedata.normalize("NFC", text)
    return text, codec


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the name of the encoding used.

    >>> decode_bytes(b"Caf\\xe9")
    ('Café', 'cp1252')

    Order: a byte-order mark, strict UTF-8 (or UTF-16 without a mark), the
    ``declared`` encoding, a guess from the content (charset_normalizer), then
    windows-1252 with undecodable bytes replaced. Never raises.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    order = _utf16_order(data[:_SAMPLE]) if b"\x00" in data[:_SAMPLE] else None
    if order:
        return data.decode(order, errors="replace"), order
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8"
    codec = _codec(declared) if declared else None
    if codec and codec not in ("utf-8", "utf-16", "utf-32"):
        try:
            return _finish(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    guessed = _guess(data)
    if guessed:
        try:
            return _finish(data.decode(guessed), guessed)
        except (LookupError, UnicodeDecodeError):
            pass
    return data.decode("cp1252", errors="replace"), "cp1252"


#: UTF-8 with a few bad bytes: at least this many valid non-ASCII characters for each bad sequence.
_VALID_PER_BAD = 4


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 with U+FFFD for its bad bytes, when the rest is valid UTF-8, else ``None``.

    One bad byte (a cut character, a stray Latin-1 letter) in a UTF-8 file must not make the
    whole file windows-125x: when at least ``_VALID_PER_BAD`` valid multi-byte characters stand
    for each bad sequence, the file is UTF-8. Legacy text rarely forms valid UTF-8 sequences.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    return text if bad > 0 and valid >= _VALID_PER_BAD * bad else None


#: Text with no more non-ASCII bytes than this (in the sample) is read as windows-1252.
_FEW_HIGH_BYTES = 8


def _guess(data: bytes) -> str | None:
    """charset_normalizer's best guess, ignoring guesses it cannot make well.

    UTF-16/32 without a byte-order mark are handled above; on a few bytes of
    Latin text charset_normalizer may still name them, and that is wrong. When
    windows-1252 reads the bytes as well as the best guess (Latin text fits
    windows-1250 and -1257 too), windows-1252 is taken.
    """
    high = sum(1 for byte in data[:_SAMPLE] if byte >= 0x80)
    if high <= _FEW_HIGH_BYTES:
        return "cp1252"  # a word or two of accents: too little for a guess to beat the default
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:  # a tie goes to windows-1252, the web's default
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    codec = _codec(best.encoding)
    if codec is None or codec.startswith(("utf-16", "utf-32")):
        return None
    return codec
