"""Fuzzing: any text, any bytes, any page gives a document with every line accounted for.

Nothing raises, except :class:`ValueError` from the HTML engine for binary data
(an image sent as a page), which is a clear, expected outcome. The example
counts are for CI: the whole file runs in well under a minute on two cores;
the page fuzz, the slowest per example, runs fewer.
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from normalize import normalize
from normalize.encoding import decode_bytes, looks_binary
from normalize.html import extract_html
from normalize.pipeline import normalize_html
from normalize.repair import repair_text
from tests.conftest import check_accounting

_FUZZ = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_FEWER = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the characters that break things most: line and paragraph separators,
# controls, combining marks, bidi and zero-width marks, surrogate-free astral letters.
_TRICKY = "\n\r\t\x0b\x0c\x1c\x85\u2028\u2029\u00a0\u200b\u200e\u202e\ufeff\u0301\u0323\ufffd\U0001f600"
_texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_TRICKY + "aZ é Việt 中文 .!?:|-"), max_size=300),
    st.lists(st.text(max_size=60), max_size=30).map("\n".join),
)


def _check(text: str) -> None:
    doc = normalize(text, id="fuzz")
    record = doc.to_dict(explain=True)
    check_accounting(record, repair_text(text))
    assert all(0.0 <= pair["score"] <= 1.0 for pair in record["pairs"])


@_FUZZ
@given(_texts)
@example("")
@example("\u2028\u2029\x85")
def test_any_text(text: str) -> None:
    _check(text)


# Bytes as files hold them: random bytes, and text in the encodings news sites use,
# cut anywhere and mixed with stray bytes.
_CODECS = ["utf-8", "utf-16", "utf-16-le", "cp1252", "cp1258", "cp1251", "gb18030", "shift_jis", "latin-1"]
_encoded = st.builds(lambda text, codec: text.encode(codec, errors="replace"), st.text(max_size=200),
                     st.sampled_from(_CODECS))
_bytes = st.one_of(
    st.binary(max_size=1000),
    _encoded,
    st.lists(st.one_of(_encoded, st.binary(max_size=20)), max_size=5).map(b"".join),
)


@_FUZZ
@given(_bytes)
@example(b"Caf\xe9 cr\xe8me")
@example(b"\xff\xfe")
def test_any_bytes_decode_and_normalize(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert codecs.lookup(encoding)
    _check(text)


_tags = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<h1>", "</h1>", "<figure><figcaption>",
                         "</figcaption></figure>", "<html><body>", "</body></html>", "<script>", "</script>",
                         "<!--", "-->", "<img alt='Ảnh: x'>", "<title>", "</title>", "&amp;", "&#0;", "<"])
_pages = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_tags, st.text(max_size=30)), max_size=40).map("".join),
)


def _check_page(html: str | bytes, binary: bool) -> None:
    try:
        page = extract_html(html)
    except ValueError as exc:
        assert binary, exc
        assert str(exc).startswith("not an HTML page: binary data")
        with pytest.raises(ValueError, match="not an HTML page"):
            normalize_html(html, id="fuzz")
        return
    assert not binary
    record = normalize_html(html, id="fuzz").to_dict(explain=True)
    check_accounting(record, repair_text(page.text))


@_FEWER
@given(_pages)
@example("<html><body>" + "<div>" * 300 + "deep" + "</div>" * 300 + "</body></html>")
def test_any_page_text(html: str) -> None:
    _check_page(html, binary="\x00" in html[:4096])


@_FEWER
@given(st.one_of(st.binary(max_size=600), _pages.map(lambda page: page.encode("utf-8")),
                 _bytes.map(lambda data: b"<p>" + data + b"</p>")))
@example(b"\x89PNG\r\n\x1a\n\x00\x00")
def test_any_page_bytes(html: bytes) -> None:
    _check_page(html, binary=looks_binary(html))


def test_a_line_split_where_no_space_stands_keeps_its_text() -> None:
    # found by test_any_bytes_decode_and_normalize: a cut with no space beside it
    _check("笮갰䄰䉁襐䰃\ueb14烍䉩.{0¬0AABP.0AAAA㐰㐰㐰㐰")
