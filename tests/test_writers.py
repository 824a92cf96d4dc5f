"""The writers: every format read back with a real reader for that format."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from translate.storage.tmx import tmxfile

from normalize._pairformats import XML_FORBIDDEN, visible
from normalize.document import Document, Line, Pair, Role
from normalize.writers import WRITERS, WriterOptions, open_writer, safe_name, unique_name

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A caption holding what XML, TSV and line-based formats each find hard.
TRICKY_SRC = 'Légende <b> & "guillemets"\ttab\x01ctrl\nnouvelle ligne'
TRICKY_TGT = 'Caption <b> & "quotes"\ttab\x01ctrl\r\nnew line'


def _doc(doc_id: str, lang: str, title: str, pairs: Iterable[tuple[str, str, str, str, float]]) -> Document:
    made = [
        Pair(src, sl, tgt, tl, score, src_line=3 + 2 * i, tgt_line=4 + 2 * i)
        for i, (src, sl, tgt, tl, score) in enumerate(pairs)
    ]
    lines = [
        Line(1, title, lang, role=Role.TITLE, rule="first-line"),
        Line(2, f"Body of {doc_id}.", lang, role=Role.BODY),
    ]
    for pair in made:
        lines.append(Line(pair.src_line, pair.src, pair.src_lang, role=Role.PAIR_SOURCE))
        lines.append(Line(pair.tgt_line, pair.tgt, pair.tgt_lang, role=Role.BODY))
    return Document(id=doc_id, lines=lines, pairs=made, lang=lang, title=title)


def batch() -> list[Document]:
    """Captions in vi, zh, ru, fr, es, de; six language pairs; one repeat; an error; no pairs."""
    failed = _doc("broken", "en", "Broken", [("Không được ghi", "vi", "Must not be written", "en", 0.9)])
    failed.error = "undecodable bytes"
    return [
        _doc(
            "en/1",
            "en",
            "Autumn",
            [
                ("Ảnh: Hà Nội mùa thu", "vi", "Photo: Hanoi in autumn", "en", 0.91),
                ("北京的夜景", "zh-cn", "Night view of Beijing", "en", 0.8),
            ],
        ),
        _doc(
            "vi-2",
            "vi",
            "Bình minh",
            [
                ("Ho Chi Minh City at dawn", "en", "TP.HCM lúc bình minh", "vi", 0.75),
                ("Москва зимой", "ru", "Mátxcơva mùa đông", "vi", 0.6),
            ],
        ),
        _doc(
            "fr-3",
            "fr",
            "Gares",
            [
                ("Der Bahnhof in Berlin", "de", "La gare de Berlin", "fr", 0.88),
                ("La playa de Barcelona", "es", "La plage de Barcelone", "fr", 0.7),
            ],
        ),
        failed,
        _doc("nopairs", "de", "Nur Text", []),
        _doc(
            "en/4",
            "en",
            "Again",
            [
                ("Ảnh:  Hà Nội mùa thu", "vi", "Photo: Hanoi in autumn", "en", 0.5),  # repeat, other spacing
                (TRICKY_SRC, "fr", TRICKY_TGT, "en", 0.55),
            ],
        ),
    ]


# (src, src_lang, tgt, tgt_lang, doc id) of every pair written, in order, without dedupe.
EXPECTED = [
    ("Ảnh: Hà Nội mùa thu", "vi", "Photo: Hanoi in autumn", "en", "en/1"),
    ("北京的夜景", "zh", "Night view of Beijing", "en", "en/1"),
    ("Ho Chi Minh City at dawn", "en", "TP.HCM lúc bình minh", "vi", "vi-2"),
    ("Москва зимой", "ru", "Mátxcơva mùa đông", "vi", "vi-2"),
    ("Der Bahnhof in Berlin", "de", "La gare de Berlin", "fr", "fr-3"),
    ("La playa de Barcelona", "es", "La plage de Barcelone", "fr", "fr-3"),
    ("Ảnh:  Hà Nội mùa thu", "vi", "Photo: Hanoi in autumn", "en", "en/4"),
    (TRICKY_SRC, "fr", TRICKY_TGT, "en", "en/4"),
]


def write_all(fmt: str, output: Path, docs: list[Document], dedupe: bool = False) -> None:
    writer = open_writer(fmt, str(output), WriterOptions(dedupe=dedupe))
    for doc in docs:
        writer.write(doc)
    writer.close()


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_registry_has_every_format() -> None:
    assert set(WRITERS) == {"jsonl", "tmx", "moses", "tsv", "text"}
    with pytest.raises(ValueError, match="unknown format"):
        open_writer("xliff", "out", WriterOptions())
    with pytest.raises(ValueError, match="--resume"):
        open_writer("tmx", "out.tmx", WriterOptions(), resume=True)


@pytest.mark.parametrize("fmt", ["moses"])  # TMX, TSV and text can: tests/test_hardening.py
def test_file_formats_refuse_stdout(fmt: str) -> None:
    with pytest.raises(ValueError, match="-o PATH"):
        open_writer(fmt, "-", WriterOptions())


# --- TMX ---------------------------------------------------------------------------------------


def seg_text(seg: etree._Element) -> str:
    """The text of a <seg>, taking each <ph type="x-U+XXXX"> back to its character."""
    parts = [seg.text or ""]
    for child in seg:
        kind = str(child.get("type"))
        assert child.tag == "ph" and kind.startswith("x-U+")
        parts.append(chr(int(kind[4:], 16)) + (child.tail or ""))
    return "".join(parts)


def test_tmx_read_back_by_translate_toolkit_and_lxml(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tmx"
    write_all("tmx", out, batch())
    store = tmxfile(out.read_bytes())
    assert len(store.units) == len(EXPECTED)
    assert store.sourcelanguage == "*all*"
    for number, (unit, expected) in enumerate(zip(store.units, EXPECTED, strict=True), start=1):
        src, src_lang, tgt, tgt_lang, _ = expected
        # translate-toolkit reads a character XML forbids as its Control Picture.
        assert unit.source == src.replace("\x01", "\u2401")
        assert unit.target == tgt.replace("\x01", "\u2401")
        assert unit.getNodeText(unit.getlanguageNode(lang=src_lang)) == unit.source
        assert unit.getNodeText(unit.getlanguageNode(lang=tgt_lang)) == unit.target
        assert unit.getid() == str(number)
    root = etree.parse(str(out)).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None and header.get("srclang") == "*all*"
    assert header.get("creationdate") is None  # no timestamp: output is deterministic
    units = root.findall("body/tu")
    assert len(units) == len(EXPECTED)
    for tu, (src, src_lang, tgt, tgt_lang, doc_id) in zip(units, EXPECTED, strict=True):
        assert tu.get("srclang") == src_lang
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert props["x-doc-id"] == doc_id
        assert 0.0 <= float(props["x-score"] or "") <= 1.0
        assert "x-count" not in props
        variants = tu.findall("tuv")
        assert [v.get(XML_LANG) for v in variants] == [src_lang, tgt_lang]
        segs = [v.find("seg") for v in variants]
        assert [seg_text(s) for s in segs if s is not None] == [src, tgt]
    assert [p.text for p in units[0].findall("prop")] == ["en/1", "0.9100"]


def test_tmx_escapes_and_carries_control_characters(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tmx"
    write_all("tmx", out, batch())
    raw = out.read_text(encoding="utf-8")
    assert "\x01" not in raw
    assert '<ph type="x-U+0001">\u2401</ph>' in raw
    assert "&lt;b&gt; &amp;" in raw
    assert "&#13;" in raw  # a carriage return survives XML's line-end normalisation


def test_tmx_dedupe_counts_first_occurrence(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tmx"
    write_all("tmx", out, batch() + batch(), dedupe=True)
    units = etree.parse(str(out)).getroot().findall("body/tu")
    assert len(units) == len(EXPECTED) - 1  # the two spellings of the Hanoi caption are one pair
    first = {p.get("type"): p.text for p in units[0].findall("prop")}
    assert first == {"x-doc-id": "en/1", "x-score": "0.9100", "x-count": "4"}
    counts = [next(p.text for p in tu.findall("prop") if p.get("type") == "x-count") for tu in units]
    assert counts == ["4", "2", "2", "2", "2", "2", "2"]
    assert len(tmxfile(out.read_bytes()).units) == len(EXPECTED) - 1


def test_tmx_with_no_pairs_is_valid(tmp_path: Path) -> None:
    out = tmp_path / "empty.tmx"
    write_all("tmx", out, [_doc("x", "en", "T", [])])
    assert tmxfile(out.read_bytes()).units == []
    assert etree.parse(str(out)).getroot().find("body") is not None


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_text_survives_tmx_and_tsv(src: str, tgt: str) -> None:
    doc = _doc("h", "en", "T", [(src, "vi", tgt, "en", 0.5)])
    with tempfile.TemporaryDirectory() as folder:
        write_all("tmx", Path(folder) / "p.tmx", [doc])
        write_all("tsv", Path(folder) / "p.tsv", [doc])
        raw = (Path(folder) / "p.tmx").read_bytes()
        segs = etree.fromstring(raw).findall("body/tu/tuv/seg")
        assert [seg_text(seg) for seg in segs] == [src, tgt]
        unit = tmxfile(raw).units[0]
        assert unit.source == XML_FORBIDDEN.sub(lambda m: visible(m.group()), src)
        assert read_tsv(Path(folder) / "p.tsv")[1][2:4] == [src, tgt]


# --- Moses -------------------------------------------------------------------------------------


def test_moses_files_follow_opus_naming_and_align(tmp_path: Path) -> None:
    write_all("moses", tmp_path / "corpus", batch())
    names = sorted(p.name for p in tmp_path.iterdir())
    pairs = ["de-fr", "en-fr", "en-vi", "en-zh", "es-fr", "ru-vi"]
    assert names == sorted(f"corpus.{p}.{code}" for p in pairs for code in p.split("-"))
    for pair in pairs:
        first, second = pair.split("-")
        left = (tmp_path / f"corpus.{pair}.{first}").read_text(encoding="utf-8").split("\n")
        right = (tmp_path / f"corpus.{pair}.{second}").read_text(encoding="utf-8").split("\n")
        assert len(left) == len(right) and left[-1] == right[-1] == ""
    en = (tmp_path / "corpus.en-vi.en").read_text(encoding="utf-8").splitlines()
    vi = (tmp_path / "corpus.en-vi.vi").read_text(encoding="utf-8").splitlines()
    # vi->en and en->vi pairs land in the same files, each side in its language's file.
    assert list(zip(en, vi, strict=True)) == [
        ("Photo: Hanoi in autumn", "Ảnh: Hà Nội mùa thu"),
        ("Ho Chi Minh City at dawn", "TP.HCM lúc bình minh"),
        ("Photo: Hanoi in autumn", "Ảnh:  Hà Nội mùa thu"),
    ]
    en_fr = (tmp_path / "corpus.en-fr.en").read_text(encoding="utf-8").split("\n")
    fr = (tmp_path / "corpus.en-fr.fr").read_text(encoding="utf-8").split("\n")
    assert en_fr == ['Caption <b> & "quotes"\ttab\x01ctrl new line', ""]
    assert fr == ['Légende <b> & "guillemets"\ttab\x01ctrl nouvelle ligne', ""]


def test_moses_dedupe_and_line_breaks(tmp_path: Path) -> None:
    breaks = "a\u2028b\x0bc\x85d\re"
    docs = [*batch(), _doc("lb", "en", "T", [(breaks, "vi", "x\ny", "en", 0.5)])]
    write_all("moses", tmp_path / "c", docs + docs, dedupe=True)
    vi = (tmp_path / "c.en-vi.vi").read_text(encoding="utf-8").splitlines()
    en = (tmp_path / "c.en-vi.en").read_text(encoding="utf-8").splitlines()
    assert vi == ["Ảnh: Hà Nội mùa thu", "TP.HCM lúc bình minh", "a b c d e"]
    assert en == ["Photo: Hanoi in autumn", "Ho Chi Minh City at dawn", "x y"]


# --- TSV ---------------------------------------------------------------------------------------


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))


def test_tsv_round_trips_every_field(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    write_all("tsv", out, batch())
    rows = read_tsv(out)
    assert rows[0] == ["src_lang", "tgt_lang", "src", "tgt", "score", "doc_id"]
    assert [(r[2], r[0], r[3], r[1], r[5]) for r in rows[1:]] == EXPECTED
    assert rows[1][4] == "0.9100"
    assert out.read_text(encoding="utf-8").count("\n") > len(EXPECTED) + 1  # newlines were quoted


def test_tsv_dedupe_adds_count(tmp_path: Path) -> None:
    out = tmp_path / "pairs.tsv"
    write_all("tsv", out, batch() + batch()[:1], dedupe=True)
    rows = read_tsv(out)
    assert rows[0][-1] == "count"
    assert [(r[2], r[6]) for r in rows[1:3]] == [("Ảnh: Hà Nội mùa thu", "3"), ("北京的夜景", "2")]
    assert [r[6] for r in rows[3:]] == ["1"] * 5


# --- text --------------------------------------------------------------------------------------


def test_text_writes_one_file_per_article_with_safe_names(tmp_path: Path) -> None:
    folder = tmp_path / "clean" / "nested"
    ids = ["../../etc/passwd", "a/b", "a_b", "", "CON", ".hidden", "Bài viết/số 1", "A_B"]
    docs = [_doc(doc_id, "en", f"Title {n}", []) for n, doc_id in enumerate(ids)]
    docs.append(Document(id="failed", error="binary file"))
    write_all("text", folder, docs)
    files = tree_bytes(folder)
    assert sorted(files) == sorted(
        [
            "etc_passwd.txt",
            "a_b.txt",
            "a_b-2.txt",
            "document.txt",
            "_CON.txt",
            "hidden.txt",
            "Bài_viết_số_1.txt",
            "A_B-3.txt",
        ]
    )
    assert files["a_b-2.txt"] == b"Title 2\n\nBody of a_b.\n"
    assert files["etc_passwd.txt"].decode().startswith("Title 0\n\nBody of ../../etc/passwd.")
    assert list(tmp_path.iterdir()) == [tmp_path / "clean"]


def test_text_without_title(tmp_path: Path) -> None:
    doc = Document(id="t", lines=[Line(1, "Only a body.", "en"), Line(2, "Second.", "en")], lang="en")
    write_all("text", tmp_path, [doc])
    assert (tmp_path / "t.txt").read_text(encoding="utf-8") == "Only a body.\n\nSecond.\n"


@given(st.text(max_size=300))
def test_safe_name_is_never_a_path(doc_id: str) -> None:
    name = safe_name(doc_id)
    assert name and name not in (".", "..") and not name.startswith((".", "-"))
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name.encode("utf-8")) <= 120
    assert safe_name(name) == name


def test_unique_name_is_deterministic() -> None:
    used: set[str] = set()
    assert [unique_name(n, used) for n in ["x", "x", "x-2", "X"]] == ["x", "x-2", "x-2-2", "X-3"]


# --- all formats -------------------------------------------------------------------------------


FORMATS = [
    ("jsonl", "out.jsonl"),
    ("tmx", "out.tmx"),
    ("moses", "corpus"),
    ("tsv", "out.tsv"),
    ("text", "clean"),
]


@pytest.mark.parametrize(("fmt", "name"), FORMATS)
@pytest.mark.parametrize("dedupe", [False, True])
def test_output_is_byte_identical_across_runs(tmp_path: Path, fmt: str, name: str, dedupe: bool) -> None:
    for run in ("one", "two"):
        (tmp_path / run).mkdir()
        write_all(fmt, tmp_path / run / name, batch(), dedupe)
    one, two = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    assert one and one == two
    assert not any(n.endswith(".part") for n in one)


@pytest.mark.parametrize(("fmt", "name"), [f for f in FORMATS if f[0] != "jsonl"])
def test_nothing_appears_before_close_and_abort_leaves_nothing(tmp_path: Path, fmt: str, name: str) -> None:
    writer = open_writer(fmt, str(tmp_path / name), WriterOptions())
    for doc in batch():
        writer.write(doc)
    finished = [p for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".part")]
    assert finished == []
    assert any(p.name.endswith(".part") for p in tmp_path.rglob("*"))
    writer.abort()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_pair_formats_skip_errors_and_same_language_pairs(tmp_path: Path) -> None:
    odd = _doc("odd", "en", "T", [("Same", "en", "Same", "en-GB", 0.9)])
    write_all("tsv", tmp_path / "p.tsv", [odd, batch()[3]])
    assert read_tsv(tmp_path / "p.tsv")[1:] == []


def test_jsonl_still_writes_records(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    write_all("jsonl", out, batch()[:2])
    records = [json.loads(line) for line in io.StringIO(out.read_text(encoding="utf-8"))]
    assert [r["id"] for r in records] == ["en/1", "vi-2"]
