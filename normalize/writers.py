"""Write documents: JSON Lines, clean text, and the pair formats (TMX, Moses, TSV).

Every writer writes to temporary files beside its output and renames them into
place on :meth:`Writer.close`, so a reader never sees half a file (see
``normalize/_outfile.py``: a device or FIFO is written straight, a symbolic link
followed, and a second run writing the same output is refused). JSONL, TSV, TMX
and text (the articles one after another) can be written to standard output. The JSONL
writer can resume: an interrupted run leaves ``OUTPUT.part``, and a run with
``resume=True`` keeps its complete records and appends after them. The other
writers remove their temporary files on :meth:`Writer.abort`.

The formats are described in ``docs/formats.md``; the pair formats live in
``normalize/_pairformats.py``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Protocol

from normalize._outfile import AtomicFile, check_not_busy, is_special, output_target
from normalize._pairformats import MosesWriter, TmxWriter, TsvWriter, file_output
from normalize.document import Document


@dataclass(frozen=True)
class WriterOptions:
    """What a writer is asked to emit."""

    #: JSONL: add each line's language, role and rule (``lines``).
    explain: bool = False
    #: Pair formats: write each pair once, in order of first occurrence, with a count.
    dedupe: bool = False


class Writer(Protocol):
    """Receives documents in order; ``close`` finishes the output."""

    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None:
        """Stop without finishing (on an error or Ctrl-C); keep what resume needs."""


def dumps(doc: Document, explain: bool = False) -> str:
    """One JSON line for ``doc`` (stable key order, UTF-8, no ASCII escapes)."""
    return json.dumps(doc.to_dict(explain=explain), ensure_ascii=False)


class JsonlWriter:
    """One JSON object per document, one per line; ``-`` writes to stdout.

    On resume nothing is changed before the first write (or :meth:`close`): until then the
    caller checks :attr:`done_ids` against its inputs and may stop, leaving the files as they were.
    """

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        self.options = options
        #: On resume: the ids of the documents already written, in order (ids may repeat).
        self.done_ids: list[str] = []
        self._out: AtomicFile | None = None
        self._file: IO[str] = sys.stdout
        self._resume: tuple[Path, Path, int] | None = None
        if output == "-":
            return
        final = output_target(Path(output))
        part = final.with_name(final.name + ".part")
        if resume:
            if is_special(final):
                raise ValueError(f"--resume needs a regular file, and {output} is not one")
            check_not_busy(part)
            self.done_ids, keep = _complete_records(part, final)
            self._resume = (final, part, keep)
            return
        self._out = AtomicFile(final, part=part)
        self._file = self._out.file

    def _start(self) -> None:
        """Resume: move a finished output back to its part file, cut a torn line, open it."""
        assert self._resume is not None
        final, part, keep = self._resume
        self._resume = None
        if not part.exists() and final.exists():
            os.replace(final, part)
        self._out = AtomicFile(final, part=part, append=True, keep=keep)
        self._file = self._out.file

    def write(self, doc: Document) -> None:
        self.write_line(self.encode(doc))

    @property
    def encode(self) -> Callable[[Document], str]:
        """A document's line: a function of the document alone, to be called where it is normalised."""
        return partial(dumps, explain=self.options.explain)

    def write_line(self, line: str) -> None:
        """Write a document's line, made by :attr:`encode`."""
        if self._resume is not None:
            self._start()
        self._file.write(line + "\n")

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        if self._resume is not None:
            self._start()
        if self._out is None:
            self._file.flush()
        else:
            self._out.commit()

    def abort(self) -> None:
        if self._out is not None:
            self._out.keep()


def _complete_records(part: Path, final: Path) -> tuple[list[str], int]:
    """The ids an interrupted run wrote, in order, and the bytes they take (a torn last line
    of ``part`` is not counted); read only.

    A finished earlier run (``final`` exists, no ``part``) is resumed from its
    output. A file whose complete lines are not all records (not this command's
    output) raises :class:`ValueError`.
    """
    source = part if part.exists() else final
    if not source.exists():
        return [], 0
    done: list[str] = []
    keep = 0
    with source.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n") and source == part:
                break  # torn by the interruption: written again
            try:
                item = json.loads(raw)
                done.append(item["id"] if isinstance(item["id"], str) else str(item["id"]))
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"--resume: {source} is not an output of normalize (line {number} is "
                                 "not a document); nothing was changed") from None
            keep += len(raw)
    return done, keep


class TextWriter:
    """One ``<safe id>.txt`` per document in the output folder: title, blank line, text.

    Documents with ``error`` set are skipped. Files are written as hidden
    ``.NAME.part`` files and renamed into place on :meth:`close`.
    """

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        self.options = options
        self.folder = file_output(output, "text")
        self._stdout = output == "-"
        if not self._stdout:
            self.folder.mkdir(parents=True, exist_ok=True)
        self._used: set[str] = set()
        self._written: list[AtomicFile] = []

    def write(self, doc: Document) -> None:
        if doc.error is not None:
            return
        body = doc.text
        text = f"{doc.title}\n\n{body}\n" if doc.title else f"{body}\n"
        if self._stdout:  # the articles one after another, a blank line between two
            sys.stdout.write(text if not self._used else "\n" + text)
            self._used.add(doc.id)
            return
        name = unique_name(safe_name(doc.id), self._used) + ".txt"
        handle = AtomicFile(self.folder / name, part=self.folder / f".{name}.part")
        self._written.append(handle)
        handle.file.write(text)
        # One open file at a time, however large the batch; no fsync per article (slow on
        # big batches): the rename on close still means no reader sees half a file.
        handle.sync(durable=False)

    def close(self) -> None:
        if self._stdout:
            sys.stdout.flush()
        for handle in self._written:
            handle.commit()
        self._written.clear()

    def abort(self) -> None:
        for handle in self._written:
            handle.discard()
        self._written.clear()


_UNDERSCORES = re.compile("_{2,}")
_WINDOWS_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)
_MAX_NAME_BYTES = 120


def safe_name(doc_id: str) -> str:
    """A file name (without extension) made from ``doc_id``; never a path, never empty.

    Letters, marks, digits, ``.``, ``-`` and ``_`` are kept; runs of anything
    else become one ``_``; leading and trailing dots, dashes and underscores go
    (so ``../../etc/passwd`` gives ``etc_passwd``); at most 120 UTF-8 bytes.
    """
    text = unicodedata.normalize("NFC", doc_id)
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in ".-" else "_" for c in text)
    name = _UNDERSCORES.sub("_", kept).strip("._-")
    while len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        name = name[:-1].rstrip("._-")
    if _WINDOWS_RESERVED.fullmatch(name):
        name = "_" + name
    return name or "document"


def unique_name(name: str, used: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``... : the first not in ``used`` (ignoring case)."""
    candidate, number = name, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{name}-{number}"
    used.add(candidate.casefold())
    return candidate


class WriterClass(Protocol):
    """How :func:`open_writer` makes a writer."""

    def __call__(self, output: str, options: WriterOptions, resume: bool = False) -> Writer: ...


WRITERS: dict[str, WriterClass] = {
    "jsonl": JsonlWriter,
    "tmx": TmxWriter,
    "moses": MosesWriter,
    "tsv": TsvWriter,
    "text": TextWriter,
}


def open_writer(fmt: str, output: str, options: WriterOptions, resume: bool = False) -> Writer:
    """The writer for ``fmt`` (one of :data:`WRITERS`) writing to ``output``."""
    try:
        cls = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(WRITERS)}") from None
    if resume and fmt != "jsonl":
        raise ValueError("--resume works with --format jsonl only")
    return cls(output, options, resume=resume)
