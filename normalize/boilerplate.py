"""Boilerplate learned from a corpus: lines repeated across many documents of one site.

No rule knows every site's tagline or footer, but a corpus shows them: a line
that comes back in many documents of the same site is the site's, not the
article's (body paragraphs do not repeat across articles). As CCNet does with
paragraph hashes, learning takes two passes over the inputs:

1. :func:`count_lines` reads every record, splits it into lines as the
   pipeline does (:func:`normalize.repair.repair_text`, then
   :func:`normalize.lines.split_lines`; web pages are extracted first) and
   counts, for each *site*, in how many documents each line occurs (once per
   document). Only an 8-byte hash of each line's :func:`normalize.lines.line_key`
   is kept, so memory grows with the distinct lines of the corpus, not with
   its text. :meth:`LineCounts.candidates` picks the lines over the thresholds.
2. :func:`find_texts` reads again until it has seen the text of every
   candidate (usually within each site's first documents).

The learned lines' keys go to :attr:`normalize.Settings.boilerplate`, and the
normal run removes them with the reason ``boilerplate`` (rule ``learned``).

A record's site is the host of its source when that is a URL (a feed record's
``url``, a WARC page), else the folder holding its file. A line is learned for
a site when it occurs in at least ``min_docs`` of its documents *and* in at
least ``min_share`` of them (:class:`LearnOptions`). The learned set is flat:
a line repeated on many pages of one site is boilerplate wherever it appears.
Keys shorter than 3 characters are not counted, and a line a rule already
classifies alone (a date, a credit, a known boilerplate phrase, an image id)
is not learned: the rule removes it anyway.

Learned lines can be saved (:func:`save_boilerplate`) and reused
(:func:`load_boilerplate`). The file is UTF-8 JSON, written deterministically
(sorted, indented)::

    {
     "format": "normalize-boilerplate",
     "version": 1,
     "min_docs": 5,
     "min_share": 0.2,
     "lines": [
      {"documents": 7, "site": "news.example", "site_documents": 8, "text": "Every morning, with you"}
     ]
    }

Only each entry's ``text`` is needed to reuse the file (its key is computed
again on loading); a hand-written file may leave out the other fields.

The ``normalize`` command imports this module for its options, so the
pipeline's steps (:mod:`normalize.repair`, :mod:`normalize.roles`) are imported
only when lines are learned (see :mod:`normalize.batch` for why the command
does not import them).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from normalize.lines import line_key, split_lines
from normalize.readers import DEFAULT_READER_OPTIONS, ReaderOptions, Record, read_inputs

FORMAT = "normalize-boilerplate"
VERSION = 1
#: Keys shorter than this are never learned.
MIN_KEY_CHARS = 3


@dataclass(frozen=True)
class LearnOptions:
    """When a line repeated across a site's documents is learned as boilerplate.

    Attributes:
        min_docs: the line occurs in at least this many documents of the site
            (2 or more). Below it, a repeat may be a quote or a paragraph
            reused by a short series of articles.
        min_share: ... and in at least this share (0 to 1] of the site's
            documents. The default, 0.2, keeps a footer that a site used for
            only part of the corpus (a redesign, one section's newsletter
            line) while a body paragraph, which an article shares with at
            most a few others, stays far below it on any site of more than a
            handful of documents.
    """

    min_docs: int = 5
    min_share: float = 0.2

    def __post_init__(self) -> None:
        if self.min_docs < 2:
            raise ValueError(f"boilerplate min_docs must be 2 or more, not {self.min_docs}")
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError(f"boilerplate min_share must be above 0 and at most 1, not {self.min_share}")


DEFAULT_LEARN_OPTIONS = LearnOptions()


@dataclass(frozen=True)
class LearnedLine:
    """A line learned as boilerplate: its first text seen, and how often it occurred."""

    site: str
    text: str
    documents: int
    site_documents: int

    @property
    def key(self) -> str:
        return line_key(self.text)


@dataclass
class LineCounts:
    """Pass 1's counts, per site: documents seen, and documents holding each line hash.

    Counts of disjoint parts of a corpus :meth:`merge` into the counts of the whole.
    """

    documents: dict[str, int] = field(default_factory=dict)
    lines: dict[str, dict[int, int]] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        """Count one record (an unreadable one is left out)."""
        found = document_lines(record)
        if found is None:
            return
        site, texts = found
        self.documents[site] = self.documents.get(site, 0) + 1
        counts = self.lines.setdefault(site, {})
        for digest in texts:
            counts[digest] = counts.get(digest, 0) + 1

    def merge(self, other: LineCounts) -> LineCounts:
        """Add ``other``'s counts to these; returns ``self``."""
        for site, number in other.documents.items():
            self.documents[site] = self.documents.get(site, 0) + number
        for site, theirs in other.lines.items():
            mine = self.lines.setdefault(site, {})
            for digest, number in theirs.items():
                mine[digest] = mine.get(digest, 0) + number
        return self

    def candidates(self, options: LearnOptions = DEFAULT_LEARN_OPTIONS) -> dict[str, dict[int, int]]:
        """Per site, the line hashes over both thresholds, with their document counts."""
        chosen: dict[str, dict[int, int]] = {}
        for site, counts in self.lines.items():
            least = max(options.min_docs, options.min_share * self.documents[site])
            over = {digest: number for digest, number in counts.items() if number >= least}
            if over:
                chosen[site] = over
        return chosen


def site_key(source: str | None) -> str:
    """The site of a record: the host of a URL source, else the folder of its file."""
    if not source:
        return ""
    if source.startswith(("http://", "https://")):
        return (urlsplit(source).hostname or "").lower()
    return str(Path(source).parent)


def line_hash(key: str) -> int:
    """A stable 64-bit hash of a line key (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def document_lines(record: Record) -> tuple[str, dict[int, str]] | None:
    """A record's site and its distinct countable lines (hash -> first text).

    ``None`` for a record that cannot be read; the normal run reports it.
    """
    if record.error is not None:
        return None
    try:
        from normalize.repair import repair_text  # only when learning: see the module's docstring

        text = record.text
        if text is None:
            from normalize.html import extract_html, page_url

            text = extract_html(record.html or "", url=page_url(record.source)).text
        lines = split_lines(repair_text(text))
    except Exception:  # the normal run names the record and its error
        return None
    found: dict[int, str] = {}
    for line in lines:
        key = line_key(line.text)
        if len(key) >= MIN_KEY_CHARS:
            found.setdefault(line_hash(key), line.text)
    return site_key(record.source), found


def count_lines(records: Iterable[Record]) -> LineCounts:
    """Pass 1 over ``records`` (streamed)."""
    counts = LineCounts()
    for record in records:
        counts.add(record)
    return counts


#: Texts found in pass 2: (site, line hash) -> the first text seen.
Found = dict[tuple[str, int], str]


def find_texts(records: Iterable[Record], wanted: Mapping[str, Collection[int]]) -> Found:
    """Pass 2: the first text of each wanted line; stops once all are found."""
    missing = sum(len(hashes) for hashes in wanted.values())
    found: Found = {}
    for record in records:
        if missing == 0:
            break
        missing -= add_texts(found, record, wanted)
    return found


def add_texts(found: Found, record: Record, wanted: Mapping[str, Collection[int]]) -> int:
    """Add the wanted lines of ``record`` not yet in ``found``; how many were added."""
    if not wanted:
        return 0
    lines = document_lines(record)
    if lines is None or lines[0] not in wanted:
        return 0
    site, texts = lines
    hashes = wanted[site]
    added = 0
    for digest, text in texts.items():
        if digest in hashes and (site, digest) not in found:
            found[(site, digest)] = text
            added += 1
    return added


def merge_found(parts: Iterable[Found]) -> Found:
    """Found texts of consecutive parts of a corpus, in order: the first text wins."""
    merged: Found = {}
    for part in parts:
        for where, text in part.items():
            merged.setdefault(where, text)
    return merged


def learned_lines(counts: LineCounts, candidates: Mapping[str, Mapping[int, int]], found: Found
                  ) -> tuple[LearnedLine, ...]:
    """The learned lines, sorted by site and key; lines a rule already classifies are left out."""
    learned = [
        LearnedLine(site, found[(site, digest)], number, counts.documents[site])
        for site, hashes in candidates.items()
        for digest, number in hashes.items()
        if (site, digest) in found and not _known_to_a_rule(found[(site, digest)])
    ]
    return tuple(sorted(learned, key=lambda line: (line.site, line.key, line.text)))


def learn_boilerplate(
    paths: Collection[str],
    options: LearnOptions = DEFAULT_LEARN_OPTIONS,
    reader_options: ReaderOptions = DEFAULT_READER_OPTIONS,
) -> tuple[LearnedLine, ...]:
    """Learn boilerplate from files and folders (read twice, streamed; not ``-``).

    >>> lines = learn_boilerplate(["corpus/"])                  # doctest: +SKIP
    >>> settings = Settings(boilerplate=boilerplate_keys(lines))  # doctest: +SKIP
    """
    if "-" in paths:
        raise ValueError("learning boilerplate reads the inputs twice; it cannot read standard input")
    counts = count_lines(read_inputs(paths, reader_options))
    candidates = counts.candidates(options)
    found = find_texts(read_inputs(paths, reader_options), candidates)
    return learned_lines(counts, candidates, found)


def boilerplate_keys(lines: Iterable[LearnedLine]) -> frozenset[str]:
    """The keys for :attr:`normalize.Settings.boilerplate`."""
    return frozenset(line.key for line in lines)


def save_boilerplate(path: str | Path, lines: Iterable[LearnedLine],
                     options: LearnOptions = DEFAULT_LEARN_OPTIONS) -> None:
    """Write learned lines to ``path`` (UTF-8 JSON, sorted; see the module's doc)."""
    entries = sorted(lines, key=lambda line: (line.site, line.key, line.text))
    data = {
        "format": FORMAT,
        "version": VERSION,
        "min_docs": options.min_docs,
        "min_share": options.min_share,
        "lines": [
            {"site": line.site, "text": line.text, "documents": line.documents,
             "site_documents": line.site_documents}
            for line in entries
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    Path(path).write_text(text, encoding="utf-8", newline="\n")


def load_boilerplate(path: str | Path) -> tuple[LearnedLine, ...]:
    """Read lines saved by :func:`save_boilerplate`; a bad file raises :class:`ValueError` naming it."""
    try:
        data: Any = json.loads(Path(path).read_bytes())
    except OSError as exc:
        raise ValueError(f"cannot read boilerplate file {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise ValueError(f"boilerplate file {path} is not UTF-8 JSON: {exc}") from exc
    entries = data.get("lines") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(entries, list):
        raise ValueError(f"boilerplate file {path}: not a {FORMAT} file (no \"format\" and \"lines\")")
    lines: list[LearnedLine] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            raise ValueError(f"boilerplate file {path}: line entry {number} has no string \"text\"")
        lines.append(LearnedLine(site=str(entry.get("site", "")), text=entry["text"],
                                 documents=int(entry.get("documents", 0)),
                                 site_documents=int(entry.get("site_documents", 0))))
    return tuple(lines)


def _known_to_a_rule(text: str) -> bool:
    """A rule classifies the line alone (:func:`normalize.roles.role_by_rule`); learning it adds nothing."""
    from normalize.roles import role_by_rule  # only when learning: see the module's docstring

    return role_by_rule(text) is not None
