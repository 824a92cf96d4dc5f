"""Read inputs into records: files, folders, stdin (first version)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Record:
    """One input document before normalisation.

    Exactly one of ``text`` and ``html`` is set, unless ``error`` says why the
    input could not be read. ``origin`` names the file (and line or record)
    for messages.
    """

    id: str
    source: str | None
    origin: str
    text: str | None = None
    html: str | bytes | None = None
    encoding: str | None = None
    error: str | None = None


def read_inputs(paths: Iterable[str]) -> Iterator[Record]:
    """Records from files and folders (recursed, sorted)."""
    for name in paths:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            yield Record(id=file.stem, source=str(file), origin=str(file),
                         text=file.read_text(encoding="utf-8"))
