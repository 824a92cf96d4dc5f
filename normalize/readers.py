"""Read inputs into records: files, folders, stdin, JSON Lines feeds, WARC archives.

:func:`read_inputs` streams :class:`Record`\\ s, one input document each. It holds
at most one input file's content at a time (a JSON Lines feed or a WARC archive
is read record by record), so a corpus of any size reads in flat memory.

What a file holds is decided by its name (lower case), after taking off a
``.gz`` suffix, which is read through :func:`gzip.open`:

=====================  ==========================================================
``.jsonl``, ``.jl``    a feed (Scrapy's JSON Lines export): one record a line,
                       with a ``text`` or ``html`` field and an ``id`` or ``url``
``.warc``              a WARC archive: every ``response`` record with an HTML
(``.warc.gz``)         content type is a page; its id is its ``WARC-Target-URI``
``.html``, ``.htm``    one web page (its bytes, for the HTML engine to decode)
anything else          plain text, decoded with :func:`normalize.encoding.decode_bytes`
=====================  ==========================================================

``-`` reads standard input as one plain-text document. Folders are recursed in
sorted name order (hidden names, starting with ``.``, are left out; images,
``.json`` sidecars and the like, :data:`NOT_ARTICLES`, are skipped and counted;
symbolic links to folders, or to files outside the folder, are not followed:
each gives an error record, as does a dangling link or a loop).

A file's id is its path in the input folder without its extensions
(``en/a.html.gz`` -> ``en/a``; a file named alone: ``a``); a feed record's id
is its id field (or ``url``), else ``<file id>:<line number>``; a WARC page's
id is its target URI.

Nothing here raises for bad input: a file that cannot be read, a binary file, a
broken JSON line or a damaged archive gives a :class:`Record` whose ``error``
says why, and reading goes on with the next one.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from normalize.encoding import binary_kind, decode_bytes
from normalize.settings import DEFAULT_SETTINGS

TEXT, HTML, JSONL, WARC = "text", "html", "jsonl", "warc"
_KINDS = {".html": HTML, ".htm": HTML, ".jsonl": JSONL, ".jl": JSONL, ".warc": WARC}


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


@dataclass(frozen=True)
class ReaderOptions:
    """How feed records are read.

    Attributes:
        text_field: the field of a JSON Lines record holding plain text.
        html_field: the field holding a web page (used when there is no text).
        id_field: the field holding the record's id; ``None`` tries ``id``,
            then ``url``.
        skip: files never read as input (resolved paths), such as the output
            being written inside an input folder.
        max_bytes: a document larger than this (decoded, after gzip) is not
            read but gives an error record (``Settings.max_document_bytes``).
    """

    text_field: str = "text"
    html_field: str = "html"
    id_field: str | None = None
    skip: frozenset[str] = frozenset()
    max_bytes: int = DEFAULT_SETTINGS.max_document_bytes


DEFAULT_READER_OPTIONS = ReaderOptions()


#: Files in a folder that are not articles (images, sidecars, scripts): skipped and counted.
NOT_ARTICLES = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".bmp", ".tif", ".tiff", ".avif",
    ".pdf", ".zip", ".json", ".css", ".js", ".mp3", ".mp4", ".webm", ".woff", ".woff2", ".ttf",
})


class InputFile(NamedTuple):
    """A file to read, and what its ids start with: its folder relative to the input folder
    (``en/`` for ``articles/en/1.txt`` read from ``articles``; empty for a file named)."""

    path: Path
    id_prefix: str = ""


def read_inputs(paths: Iterable[str], options: ReaderOptions = DEFAULT_READER_OPTIONS,
                not_articles: list[Path] | None = None) -> Iterator[Record]:
    """Records from files, folders (recursed, sorted) and ``-`` (standard input).

    Files in a folder whose extension is in :data:`NOT_ARTICLES` are not read; they are
    added to ``not_articles`` when it is given.
    """
    for file in input_files(paths, options, not_articles):
        if isinstance(file, InputFile):
            yield from read_file(file.path, options, file.id_prefix)
        elif isinstance(file, Record):
            yield file
        else:
            yield from _read_stdin(options)


def input_files(
    paths: Iterable[str], options: ReaderOptions = DEFAULT_READER_OPTIONS,
    not_articles: list[Path] | None = None,
) -> Iterator[InputFile | Record | str]:
    """The files ``paths`` name, in reading order: folders recursed and sorted; ``-`` as is.

    A symbolic link in a folder that cannot be read as an article there (to a folder, or to
    a file outside the folder) is an error :class:`Record`.
    """
    for name in paths:
        if name == "-":
            yield name
        elif (path := Path(name)).is_dir():
            root = path.resolve()
            for file in _walk(path):
                if file.suffix.lower() in NOT_ARTICLES:
                    if not_articles is not None:
                        not_articles.append(file)
                    continue
                relative = file.parent.relative_to(path).as_posix()
                prefix = "" if relative == "." else relative + "/"
                if file.is_symlink() and (problem := _link_problem(file, root)) is not None:
                    stem = prefix + file_kind(file.name)[1]
                    yield Record(id=stem, source=str(file), origin=str(file), error=problem)
                elif os.path.realpath(file) not in options.skip:
                    yield InputFile(file, prefix)
        else:
            yield InputFile(path)


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a symbolic link in the folder ``root`` is not read, or ``None`` (a file inside it).

    A dangling link or a loop is left to :func:`read_file`, which names the error.
    """
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop: read_file tells which
        return None
    if target.is_dir():
        return f"not read: a symbolic link to a folder ({target}); links to folders are not followed"
    if not target.is_relative_to(root):
        return f"not read: a symbolic link leading outside {root} (to {target}); name the file to read it"
    return None


def count_documents(paths: Iterable[str], options: ReaderOptions = DEFAULT_READER_OPTIONS) -> int | None:
    """How many documents ``paths`` hold, when each file is one document; ``None`` when one is
    standard input, a feed or an archive (they are not counted before they are read)."""
    count = 0
    for file in input_files(paths, options):
        if isinstance(file, str):
            return None
        if isinstance(file, InputFile) and file_kind(file.path.name)[0] in (JSONL, WARC):
            return None
        count += 1
    return count


def read_file(
    path: Path, options: ReaderOptions = DEFAULT_READER_OPTIONS, id_prefix: str = ""
) -> Iterator[Record]:
    """The records of one file, their ids starting with ``id_prefix``; an unreadable file gives
    one error record."""
    kind, stem = file_kind(path.name)
    stem = id_prefix + stem
    compressed = path.name.lower().endswith(".gz")
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            what = "a FIFO" if stat.S_ISFIFO(mode) else "a device or socket"
            yield Record(id=stem, source=str(path), origin=str(path),
                         error=f"not a regular file ({what}); pipe it into standard input (-) instead")
        elif kind == JSONL:
            with _open(path, compressed) as handle:
                yield from _read_jsonl(handle, str(path), stem, options)
        elif kind == WARC:
            with path.open("rb") as handle:
                yield from _read_warc(handle, str(path), path.name, options.max_bytes)
        else:
            yield _read_document(path, stem, kind, compressed, options.max_bytes)
    except OSError as exc:  # vanished, unreadable, a folder, a broken gzip stream, a broken link
        error = f"cannot read file: {_oserror(exc, path)}"
        yield Record(id=stem, source=str(path), origin=str(path), error=error)
    except EOFError as exc:  # a truncated gzip stream
        yield Record(id=stem, source=str(path), origin=str(path), error=f"cannot read file: {exc}")


def file_kind(name: str) -> tuple[str, str]:
    """What a file named ``name`` holds, and its id (the name without extensions)."""
    lower = name.lower()
    base = name[:-3] if lower.endswith(".gz") else name
    inner = base.lower()
    if inner.endswith(".warc"):
        return WARC, base[:-5]
    suffix = os.path.splitext(inner)[1]
    stem = base[: len(base) - len(suffix)] if suffix else base
    return _KINDS.get(suffix, TEXT), stem or name


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, depth first, sorted by name at every level."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError:
        yield folder  # read_file turns it into an error record naming the folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        else:  # files, and links: a dangling one or a loop is an error record (see read_file)
            yield Path(entry.path)


def _open(path: Path, compressed: bool) -> gzip.GzipFile | io.BufferedReader:
    return gzip.open(path, "rb") if compressed else path.open("rb")


_HTML_START = re.compile(rb"\s*(<!doctype html|<html|<head|<body|<meta|<title|<div|<p[ >]|<article|<!--)",
                         re.IGNORECASE)


def stdin_kind(head: bytes) -> str:
    """What standard input holds, from its first bytes: a feed, an archive, a page or text."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith(b"WARC/"):
        return WARC
    if head.lstrip().startswith(b"{"):
        return JSONL
    return HTML if _HTML_START.match(head) else TEXT


def _read_stdin(options: ReaderOptions) -> Iterator[Record]:
    """Standard input: gzip is taken off; then a feed, a WARC archive, a page or plain text."""
    stream: Any = sys.stdin.buffer
    try:
        if stream.peek(2)[:2] == b"\x1f\x8b":
            stream = gzip.GzipFile(fileobj=stream)
        kind = stdin_kind(stream.peek(_SAMPLE)[:_SAMPLE])
        if kind == JSONL:
            yield from _read_jsonl(stream, "<stdin>", "stdin", options)
        elif kind == WARC:
            yield from _read_warc(stream, "<stdin>", "stdin", options.max_bytes)
        else:
            yield _document(stream, "stdin", None, "<stdin>", kind, options.max_bytes)
    except (OSError, EOFError) as exc:  # a broken or truncated gzip stream
        yield Record(id="stdin", source=None, origin="<stdin>", error=f"cannot read standard input: {exc}")


#: Bytes looked at to tell what standard input holds.
_SAMPLE = 4096


#: Streams are read in chunks of this many bytes.
_CHUNK = 1 << 20


def _read_at_most(handle: Any, limit: int) -> bytes | None:
    """All of ``handle``, read in bounded chunks; ``None`` (the rest unread) past ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(min(_CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(chunks)


def _too_large(limit: int) -> str:
    return f"document too large: over {limit:,} bytes (the max_document_bytes setting)"


def _read_document(path: Path, stem: str, kind: str, compressed: bool, limit: int) -> Record:
    with _open(path, compressed) as handle:
        return _document(handle, stem, str(path), str(path), kind, limit)


def _document(handle: Any, stem: str, source: str | None, origin: str, kind: str, limit: int) -> Record:
    data = _read_at_most(handle, limit)
    if data is None:
        return Record(id=stem, source=source, origin=origin, error=_too_large(limit))
    if kind == HTML:
        what = binary_kind(data)
        if what is not None:
            return Record(id=stem, source=source, origin=origin, error=_binary(what))
        return Record(id=stem, source=source, origin=origin, html=data)
    return _text_record(data, id=stem, source=source, origin=origin)


def _text_record(data: bytes, *, id: str, source: str | None, origin: str) -> Record:
    what = binary_kind(data)
    if what is not None:
        return Record(id=id, source=source, origin=origin, error=_binary(what))
    text, encoding = decode_bytes(data)
    return Record(id=id, source=source, origin=origin, text=text,
                  encoding=None if encoding == "utf-8" else encoding)


def _binary(what: str) -> str:
    return f"binary file, not text: {what}"


def _read_jsonl(handle: Any, path: str, stem: str, options: ReaderOptions) -> Iterator[Record]:
    limit = options.max_bytes
    for lineno, raw in enumerate(iter(lambda: handle.readline(limit + 1), b""), start=1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the line, in bounded pieces
            yield Record(id=f"{stem}:{lineno}", source=path, origin=f"{path}:{lineno}",
                         error=_too_large(limit))
        elif raw.strip():
            yield _feed_record(raw, path, stem, lineno, options)


def _feed_record(raw: bytes, path: str, stem: str, lineno: int, options: ReaderOptions) -> Record:
    origin = f"{path}:{lineno}"
    fallback_id = f"{stem}:{lineno}"
    try:
        item: Any = json.loads(raw)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return Record(id=fallback_id, source=str(path), origin=origin, error=f"invalid JSON: {exc}")
    if not isinstance(item, dict):
        return Record(id=fallback_id, source=str(path), origin=origin,
                      error=f"invalid record: a JSON {type(item).__name__}, not an object")
    id_fields = (options.id_field,) if options.id_field else ("id", "url")
    found = next((item[key] for key in id_fields if item.get(key) not in (None, "")), None)
    record_id = fallback_id if found is None else _as_text(str(found))
    url = item.get("url")
    source = _as_text(url) if isinstance(url, str) and url else str(path)
    text, html = item.get(options.text_field), item.get(options.html_field)
    if isinstance(text, str):
        return Record(id=record_id, source=source, origin=origin, text=text)
    if isinstance(html, str):
        return Record(id=record_id, source=source, origin=origin, html=html)
    return Record(id=record_id, source=source, origin=origin,
                  error=f"record has no string {options.text_field!r} or {options.html_field!r} field")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(value: str) -> str:
    """``value`` with lone surrogates (JSON's ``"\\ud800"``) repaired as the text is (U+FFFD)."""
    if value.isascii() or _SURROGATE.search(value) is None:
        return value
    from normalize.repair import fix_surrogates  # rare: the reading process keeps off the pipeline

    return fix_surrogates(value)


def _read_warc(handle: Any, path: str, name: str, limit: int) -> Iterator[Record]:
    """The pages of a WARC archive; each damaged record is an error record.

    A record is told once the archive has been read past it: a record the archive ends
    inside (truncated), or whose Content-Length is too large or too small (warcio then finds
    other bytes where the next record should start), is an error record instead of its page.
    A record that cannot be parsed ends the archive with an error record.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    archive = ArchiveIterator(handle)
    items = iter(archive)
    number = 0  # the WARC record's number in the file, for messages
    previous: Any = None
    page: Record | None = None
    while True:
        warnings = archive.err_count
        failure: Exception | None = None
        item: Any = None
        try:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio's own warnings: told below
                item = next(items)
        except StopIteration:
            pass
        except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
            failure = exc
        if previous is not None:
            if getattr(previous.raw_stream, "limit", 0) > 0:
                page = _warc_damaged(previous, path, name, number, "the archive ends inside it (truncated)")
            elif archive.err_count > warnings:
                page = _warc_damaged(previous, path, name, number, "its Content-Length does not match its "
                                     "content (too small, or too large and taking the next record's bytes)")
        if page is not None:
            yield page
        if failure is not None:
            reason = " ".join(str(failure).split())
            yield Record(id=f"{name}#{number + 1}", source=path, origin=f"{path}#{number + 1}",
                         error=f"damaged WARC archive: {reason}; the rest is not read")
        if item is None:
            return
        number += 1
        previous = item
        page = _warc_page(item, path, name, number, limit)


def _warc_damaged(item: Any, path: str, name: str, number: int, problem: str) -> Record:
    uri = _as_text(item.rec_headers.get_header("WARC-Target-URI") or f"{name}#{number}")
    origin = f"{path}#{number} ({uri})"
    return Record(id=uri, source=uri, origin=origin, error=f"damaged WARC record: {problem}")


def _warc_page(item: Any, path: str, name: str, number: int, limit: int) -> Record | None:
    if item.rec_type != "response" or item.http_headers is None:
        return None
    content_type = item.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    uri = _as_text(item.rec_headers.get_header("WARC-Target-URI") or f"{name}#{number}")
    origin = f"{path}#{number} ({uri})"
    body = _read_at_most(item.content_stream(), limit)
    if body is None:
        return Record(id=uri, source=uri, origin=origin, error=_too_large(limit))
    what = binary_kind(body)
    if what is not None:
        return Record(id=uri, source=uri, origin=origin, error=_binary(what))
    charset = _charset(content_type)
    if charset is None:
        return Record(id=uri, source=uri, origin=origin, html=body)
    text, encoding = decode_bytes(body, declared=charset)
    return Record(id=uri, source=uri, origin=origin, html=text,
                  encoding=None if encoding == "utf-8" else encoding)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _oserror(exc: OSError, path: Path | None = None) -> str:
    if path is not None and exc.errno in (errno.ENOENT, errno.ELOOP) and path.is_symlink():
        what = "a dangling symbolic link" if exc.errno == errno.ENOENT else "a symbolic link loop"
        return f"{path}: {what} (to {os.readlink(path)})"
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason
