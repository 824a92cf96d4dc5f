"""The parallel-text formats: TMX, Moses (OPUS naming) and TSV.

Private: use :func:`normalize.writers.open_writer`. Each writer writes to
``NAME.part`` files beside its output and renames them into place on
``close``; ``abort`` removes them. TSV and TMX can go to standard output (``-``).
Documents with ``error`` set are skipped.
With ``dedupe`` the pairs are held until ``close`` and written once each, in
order of first occurrence, with the number of times they were met.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from lxml import etree

from normalize._outfile import AtomicFile
from normalize.document import Document

if TYPE_CHECKING:
    from normalize.writers import WriterOptions

#: Characters XML 1.0 forbids, even as character references.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Everything ``str.splitlines`` breaks on; Moses files must keep one segment a line.
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LANG = re.compile("[a-z]{2,3}")


def lang_code(code: str | None) -> str:
    """The ISO 639-1 code of a language tag: ``zh-CN`` -> ``zh``; ``und`` if unusable."""
    primary = re.split("[-_]", (code or "").strip().lower(), maxsplit=1)[0]
    return primary if _LANG.fullmatch(primary) else "und"


def visible(char: str) -> str:
    """What stands for a character XML 1.0 forbids: its Unicode Control Picture, else U+FFFD."""
    point = ord(char)
    return chr(0x2400 + point) if point < 0x20 else "\ufffd"


#: The formats that can be written to standard output (``-o -``).
STDOUT_FORMATS = frozenset({"jsonl", "tsv", "tmx", "text"})


def file_output(output: str, fmt: str) -> Path:
    if output == "" or (output == "-" and fmt not in STDOUT_FORMATS):
        raise ValueError(f"--format {fmt} writes files: give -o PATH")
    return Path(output)


@dataclass(slots=True)
class Entry:
    """One pair to write: ISO 639-1 codes, the id of the document it came from."""

    src: str
    src_lang: str
    tgt: str
    tgt_lang: str
    score: float
    doc_id: str
    count: int | None = None

    def key(self) -> tuple[str, str, str, str]:
        """Pairs with this key are the same pair (whitespace runs do not count)."""
        return (self.src_lang, self.tgt_lang, " ".join(self.src.split()), " ".join(self.tgt.split()))


def entries(doc: Document) -> list[Entry]:
    """The pairs of ``doc`` worth writing (none for a document with an error)."""
    if doc.error is not None:
        return []
    found = []
    for pair in doc.pairs:
        src_lang, tgt_lang = lang_code(pair.src_lang), lang_code(pair.tgt_lang)
        if src_lang != tgt_lang:  # not a translation; Moses could not even name its files
            found.append(Entry(pair.src, src_lang, pair.tgt, tgt_lang, pair.score, doc.id))
    return found


def score_text(score: float) -> str:
    return f"{score:.4f}"


class PairWriter:
    """Collects pairs (deduplicated on request) and hands each to :meth:`emit`."""

    FORMAT = ""

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        # ``resume`` is refused by ``open_writer``: only JSONL can resume.
        self.output = file_output(output, self.FORMAT)
        self.options = options
        self._seen: dict[tuple[str, str, str, str], Entry] = {}
        self._files: list[AtomicFile] = []

    def write(self, doc: Document) -> None:
        for entry in entries(doc):
            if not self.options.dedupe:
                self.emit(entry)
                continue
            first = self._seen.setdefault(entry.key(), entry)
            first.count = (first.count or 0) + 1

    def close(self) -> None:
        for entry in self._seen.values():
            self.emit(entry)
        self._seen.clear()
        self.finish()
        for handle in self._files:
            handle.commit()

    def abort(self) -> None:
        for handle in self._files:
            handle.discard()

    def open(self, final: Path) -> AtomicFile:
        handle = AtomicFile(final, newline="")
        self._files.append(handle)
        return handle

    def emit(self, entry: Entry) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Write what ends the output (after the last :meth:`emit`)."""


class TsvWriter(PairWriter):
    """``src_lang, tgt_lang, src, tgt, score, doc_id`` (+ ``count``), tab-separated, csv-quoted."""

    FORMAT = "tsv"
    HEADER = ("src_lang", "tgt_lang", "src", "tgt", "score", "doc_id")

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        super().__init__(output, options, resume)
        handle = self.open(self.output).file
        # QUOTE_MINIMAL does not quote a lone "\r"; rows holding one are fully quoted.
        self._minimal = csv.writer(handle, delimiter="\t", lineterminator="\n")
        self._all = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_ALL)
        self._minimal.writerow((*self.HEADER, "count") if options.dedupe else self.HEADER)

    def emit(self, entry: Entry) -> None:
        row = [entry.src_lang, entry.tgt_lang, entry.src, entry.tgt, score_text(entry.score), entry.doc_id]
        if entry.count is not None:
            row.append(str(entry.count))
        writer = self._all if any("\r" in field for field in row) else self._minimal
        writer.writerow(row)


class MosesWriter(PairWriter):
    """``PREFIX.L1-L2.L1`` and ``PREFIX.L1-L2.L2`` (codes sorted), line-aligned, per language pair.

    A line break inside a segment becomes a space, so line N of one file is
    always the translation of line N of the other.
    """

    FORMAT = "moses"

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        super().__init__(output, options, resume)
        self._pairs: dict[tuple[str, str], tuple[IO[str], IO[str]]] = {}

    def _handles(self, first: str, second: str) -> tuple[IO[str], IO[str]]:
        if (first, second) not in self._pairs:
            stem = f"{self.output.name}.{first}-{second}"
            self._pairs[(first, second)] = (
                self.open(self.output.with_name(f"{stem}.{first}")).file,
                self.open(self.output.with_name(f"{stem}.{second}")).file,
            )
        return self._pairs[(first, second)]

    def emit(self, entry: Entry) -> None:
        src, tgt = one_line(entry.src), one_line(entry.tgt)
        if entry.src_lang < entry.tgt_lang:
            first, second = self._handles(entry.src_lang, entry.tgt_lang)
            first.write(src + "\n")
            second.write(tgt + "\n")
        else:
            first, second = self._handles(entry.tgt_lang, entry.src_lang)
            first.write(tgt + "\n")
            second.write(src + "\n")


def one_line(text: str) -> str:
    return LINE_BREAKS.sub(" ", text)


TMX_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="normalize" creationtoolversion="{version}" datatype="plaintext" \
segtype="paragraph" adminlang="en" srclang="*all*" o-tmf="normalize"/>
  <body>
"""
TMX_TAIL = "  </body>\n</tmx>\n"


class TmxWriter(PairWriter):
    """TMX 1.4b: one ``<tu srclang=..>`` per pair, props ``x-doc-id``, ``x-score`` (``x-count``).

    The header's ``srclang`` is ``*all*`` (a batch has pairs from many
    languages); each ``<tu>`` names its own, and its source ``<tuv>`` comes first.
    """

    FORMAT = "tmx"

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        super().__init__(output, options, resume)
        from normalize import __version__

        self._file = self.open(self.output).file
        self._file.write(TMX_HEAD.format(version=__version__))
        self._number = 0

    def emit(self, entry: Entry) -> None:
        # Built by hand around lxml-serialised elements: pretty-printing could
        # put whitespace into a <seg> holding only <ph>s.
        self._number += 1
        props = [("x-doc-id", entry.doc_id), ("x-score", score_text(entry.score))]
        if entry.count is not None:
            props.append(("x-count", str(entry.count)))
        out = [f'    <tu tuid="{self._number}" srclang="{entry.src_lang}">\n']
        for kind, value in props:
            prop = etree.Element("prop", type=kind)
            prop.text = XML_FORBIDDEN.sub(lambda m: visible(m.group()), value)
            out.append(f"      {_xml(prop)}\n")
        for lang, text in ((entry.src_lang, entry.src), (entry.tgt_lang, entry.tgt)):
            out.append(f'      <tuv xml:lang="{lang}">{_xml(segment(text))}</tuv>\n')
        out.append("    </tu>\n")
        self._file.write("".join(out))

    def finish(self) -> None:
        self._file.write(TMX_TAIL)


def _xml(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode")


def segment(text: str) -> etree._Element:
    """A ``<seg>`` holding ``text``; a character XML 1.0 forbids becomes a ``<ph>``.

    ``\\x01`` becomes ``<ph type="x-U+0001">\u2401</ph>``: a plain reader (or
    translate-toolkit) reads the Control Picture, a reader knowing the
    convention gets the character back from ``type``.
    """
    seg = etree.Element("seg")
    parts = XML_FORBIDDEN.split(text)
    seg.text = parts[0]
    for char, after in zip(XML_FORBIDDEN.findall(text), parts[1:], strict=True):
        holder = etree.SubElement(seg, "ph", type=f"x-U+{ord(char):04X}")
        holder.text = visible(char)
        holder.tail = after
    return seg
