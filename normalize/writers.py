"""Write documents: JSON Lines (one record per document), and the pair formats.

Every writer writes to a temporary file beside its output and renames it into
place on :meth:`Writer.close`, so a reader never sees half a file. The JSONL
writer can resume: an interrupted run leaves ``OUTPUT.part``, and a run with
``resume=True`` keeps its complete records and appends after them.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from normalize.document import Document


@dataclass(frozen=True)
class WriterOptions:
    """What a writer is asked to emit."""

    explain: bool = False
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
    """One JSON object per document, one per line; ``-`` writes to stdout."""

    def __init__(self, output: str, options: WriterOptions, resume: bool = False) -> None:
        self.options = options
        self.done_ids: set[str] = set()
        self._final: Path | None = None
        self._part: Path | None = None
        self._file: IO[str]
        if output == "-":
            self._file = sys.stdout
            return
        self._final = Path(output)
        self._part = self._final.with_name(self._final.name + ".part")
        if resume:
            self.done_ids = _keep_complete_records(self._part, self._final)
            self._file = self._part.open("a", encoding="utf-8", newline="\n")
        else:
            self._file = self._part.open("w", encoding="utf-8", newline="\n")

    def write(self, doc: Document) -> None:
        self._file.write(dumps(doc, self.options.explain) + "\n")

    def flush(self) -> None:
        self._file.flush()

    def close(self) -> None:
        if self._part is None or self._final is None:
            self._file.flush()
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self._part, self._final)

    def abort(self) -> None:
        if self._part is not None:
            self._file.flush()
            self._file.close()


def _keep_complete_records(part: Path, final: Path) -> set[str]:
    """Ids already written by an interrupted run; cut a torn last line.

    A finished earlier run (``final`` exists, no ``part``) is resumed from its
    output, which is moved back to ``part`` first.
    """
    if not part.exists() and final.exists():
        os.replace(final, part)
    if not part.exists():
        return set()
    done: set[str] = set()
    keep = 0
    with part.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                done.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            keep += len(raw)
    with part.open("r+b") as handle:
        handle.truncate(keep)
    return done


WRITERS = {"jsonl": JsonlWriter}


def open_writer(fmt: str, output: str, options: WriterOptions, resume: bool = False) -> Writer:
    """The writer for ``fmt`` (one of :data:`WRITERS`) writing to ``output``."""
    try:
        cls = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(WRITERS)}") from None
    if resume and fmt != "jsonl":
        raise ValueError("--resume works with --format jsonl only")
    return cls(output, options, resume=resume)
