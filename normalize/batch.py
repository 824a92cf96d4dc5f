"""Normalise many inputs: read, normalise in parallel, write in input order.

:func:`normalize_files` is the library's way to normalise files and folders;
:func:`run` is what the ``normalize`` command does (it adds the writer, resume,
progress and the summary).

With more than one job, records go to worker processes in small chunks; only a
bounded number of chunks is in flight at once (the reader is consumed lazily),
so memory stays flat on any corpus, and results come back in input order, so
the output is byte-identical whatever the number of jobs. The workers are
forked from a fork server that has imported the pipeline and loaded
langdetect's profiles once (``spawn`` where there is no fork server), and
get the settings once, from their initializer.

The process that reads and writes never imports the pipeline itself
(:meth:`_Work.normalize` imports it, in the process that normalises): with
``--jobs N``, the command's process starts in less than half the time, and its fork
server starts importing the pipeline at once, 0.1 s sooner.

A document whose normalisation raises becomes a document holding the error
(``"<ExceptionType>: message"``); the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from normalize._progress import Progress, plural
from normalize._timelimit import time_limit
from normalize.document import Document
from normalize.readers import DEFAULT_READER_OPTIONS, ReaderOptions, Record, count_documents, read_inputs
from normalize.settings import DEFAULT_SETTINGS, Settings
from normalize.writers import JsonlWriter, WriterOptions, open_writer

T = TypeVar("T")

#: A chunk sent to a worker closes at this many records or this many bytes.
CHUNK_RECORDS = 32
CHUNK_BYTES = 4 << 20
#: Chunks in flight per job.
CHUNKS_PER_JOB = 4


#: Seconds one document may take in a batch (see :mod:`normalize._timelimit`).
DEFAULT_TIME_LIMIT = 300.0


class BatchError(Exception):
    """A usage or environment error that stops the run (a missing input, an unwritable output)."""


@dataclass(frozen=True)
class BatchConfig:
    """How :func:`run` works. ``jobs=None`` uses every CPU."""

    format: str = "jsonl"
    jobs: int | None = None
    resume: bool = False
    quiet: bool = False
    debug: bool = False
    reader: ReaderOptions = DEFAULT_READER_OPTIONS
    writer: WriterOptions = field(default_factory=WriterOptions)
    settings: Settings = DEFAULT_SETTINGS
    #: Seconds one document may take; past them it becomes an error record (``None``: no limit).
    time_limit: float | None = DEFAULT_TIME_LIMIT


@dataclass
class Summary:
    """What a run did. ``documents`` counts documents written, failed ones included."""

    documents: int = 0
    failed: int = 0
    skipped: int = 0
    #: Files in input folders that are not articles (images, sidecars), not read.
    not_articles: list[Path] = field(default_factory=list)
    pairs: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    bytes_read: int = 0
    seconds: float = 0.0

    def add(self, tally: Tally) -> None:
        self.documents += 1
        self.failed += tally.error is not None
        self.pairs += tally.pairs
        self.removed.update(tally.removed)

    def line(self) -> str:
        """One line for stderr."""
        reasons = ", ".join(f"{reason} {count}" for reason, count in sorted(self.removed.items()))
        removed = sum(self.removed.values())
        skipped = f", {self.skipped} already done" if self.skipped else ""
        if self.not_articles:
            skipped += f", {plural(len(self.not_articles), 'file')} skipped as not articles"
        return (
            f"normalize: {plural(self.documents, 'document')} ({self.failed} failed{skipped}), "
            f"{plural(self.pairs, 'pair')}, {plural(removed, 'line')} removed"
            f"{f' ({reasons})' if reasons else ''}; "
            f"{self.bytes_read / 1e6:.1f} MB in {self.seconds:.1f} s"
        )


#: Makes a document's output where the document is normalised (see :class:`Result`).
Encode = Callable[[Document], str]


class Tally(NamedTuple):
    """What a run counts and tells of a normalised document (:class:`Summary`, errors on stderr)."""

    id: str
    error: str | None
    pairs: int
    #: The reason of each removed line.
    removed: tuple[str, ...]

    @classmethod
    def of(cls, doc: Document) -> Tally:
        removed = tuple(line.role.value for line in doc.lines if line.removed)
        return cls(doc.id, doc.error, len(doc.pairs), removed)


class Result(NamedTuple):
    """A normalised document, with where it came from, its tally and, on a crash, the traceback.

    ``output`` is the document or, when :func:`results` is given ``encode``
    (the command writing JSON Lines), the document's output, made where the
    document was normalised: a worker then sends back one line instead of the
    document's lines, and the process that writes neither unpickles nor
    encodes them (two jobs on two cores run about 4 % faster).
    """

    origin: str
    size: int
    output: Document | str
    tally: Tally
    trace: str | None

    @property
    def doc(self) -> Document:
        """The document (of a result made without ``encode``)."""
        if isinstance(self.output, str):
            raise TypeError("this result holds the document's output, not the document")
        return self.output


def normalize_files(
    paths: Iterable[str],
    settings: Settings = DEFAULT_SETTINGS,
    reader_options: ReaderOptions = DEFAULT_READER_OPTIONS,
    jobs: int = 1,
) -> Iterator[Document]:
    """Normalise files and folders (see :mod:`normalize.readers`); documents in input order.

    An input that cannot be read or normalised gives a document whose
    ``error`` says why.
    """
    reader_options = replace(reader_options, max_bytes=settings.max_document_bytes)
    with closing(results(read_inputs(paths, reader_options), settings, jobs)) as items:
        for item in items:
            yield item.doc


def results(records: Iterable[Record], settings: Settings, jobs: int, debug: bool = False,
            encode: Encode | None = None,
            time_limit: float | None = DEFAULT_TIME_LIMIT) -> Generator[Result, None, None]:
    """Normalise ``records`` with ``jobs`` processes (1: in this process), in input order.

    With ``encode``, each result holds ``encode(document)`` instead of the document. A
    document taking over ``time_limit`` seconds becomes an error record.
    """
    work = _Work(settings, debug, encode, time_limit)
    if jobs <= 1:
        for record in records:
            yield Result(record.origin, _size(record), *work.normalize(record))
    else:
        yield from _parallel(records, work, jobs)


class Engine(Protocol):
    """Runs the pipeline elsewhere (see :mod:`normalize.dask_engine`): reads ``inputs`` with
    ``reader`` and gives their results in input order, as :func:`results` does."""

    def results(self, inputs: list[str], reader: ReaderOptions, settings: Settings,
                debug: bool) -> Generator[Result, None, None]: ...


def input_options(output: str, reader: ReaderOptions, settings: Settings = DEFAULT_SETTINGS) -> ReaderOptions:
    """``reader``, told never to read ``output`` (or its ``.part``) as an input, nor a document
    over ``settings.max_document_bytes``."""
    own = () if output == "-" else (output, f"{output}.part")
    return replace(reader, skip=reader.skip | {str(Path(p).resolve()) for p in own},
                   max_bytes=settings.max_document_bytes)


def run(inputs: list[str], output: str, config: BatchConfig, engine: Engine | None = None) -> Summary:
    """Normalise ``inputs`` into ``output``; the ``normalize`` command.

    ``engine`` runs the pipeline instead of this machine's ``config.jobs``
    processes; the output is the same. Raises :class:`BatchError` for a usage or environment error (nothing is
    written past it; an interrupted JSONL output keeps its ``.part`` for
    ``resume``), and lets :class:`KeyboardInterrupt` through after stopping
    the workers and the writer.
    """
    started = time.monotonic()
    jobs = _check(inputs, output, config)
    reader = input_options(output, config.reader, config.settings)
    try:
        writer = open_writer(config.format, output, config.writer, resume=config.resume)
    except ValueError as exc:
        raise BatchError(str(exc)) from exc
    except OSError as exc:
        raise BatchError(f"cannot write {output}: {_reason(exc)}") from exc
    done: list[str] = list(getattr(writer, "done_ids", ())) if config.resume else []
    jsonl = writer if isinstance(writer, JsonlWriter) and engine is None else None  # lines made in workers
    summary = Summary()
    progress = Progress(config.quiet, None if config.quiet else count_documents(inputs, reader))
    try:
        if engine is None:
            records: Iterable[Record] = read_inputs(inputs, reader, summary.not_articles)
            if done:
                records = _skip_done(records, done, summary, lambda record: record.id)
            found = results(records, config.settings, jobs, config.debug, jsonl.encode if jsonl else None,
                            config.time_limit)
        else:
            found = engine.results(inputs, reader, config.settings, config.debug)
            if done:
                found = _skip_done(found, done, summary, lambda item: item.tally.id)
        with closing(found) as items:
            for item in items:
                if isinstance(item.output, str) and jsonl is not None:
                    jsonl.write_line(item.output)
                else:
                    writer.write(item.doc)
                summary.add(item.tally)
                summary.bytes_read += item.size
                if item.tally.error is not None:
                    progress.tell(f"normalize: {item.origin}: {item.tally.error}")
                    if item.trace and config.debug:
                        progress.tell(item.trace.rstrip())
                progress.advance(summary.bytes_read, summary.failed)
    except BaseException as exc:
        writer.abort()
        progress.close()
        if isinstance(exc, OSError):
            raise BatchError(f"cannot write {output}: {_reason(exc)}") from exc
        if isinstance(exc, BrokenProcessPool):
            raise BatchError("a worker process died (out of memory?); run again with --resume") from exc
        raise
    try:
        writer.close()
    except OSError as exc:
        writer.abort()
        raise BatchError(f"cannot write {output}: {_reason(exc)}") from exc
    finally:
        progress.close()
    summary.seconds = time.monotonic() - started
    if not config.quiet:
        print(summary.line(), file=sys.stderr)
    return summary


def _check(inputs: list[str], output: str, config: BatchConfig) -> int:
    """The number of jobs; a usage error raises :class:`BatchError`."""
    if not inputs:
        raise BatchError("no inputs")
    for name in inputs:
        if name != "-" and not os.path.exists(name):
            raise BatchError(f"no such file or directory: {name}")
    if config.resume and config.format != "jsonl":
        raise BatchError("--resume works with --format jsonl only")
    if config.resume and output == "-":
        raise BatchError("--resume needs an output file (-o FILE), not standard output")
    if output != "-" and (config.format == "text") != os.path.isdir(output) and os.path.exists(output):
        kind = "is not a folder" if config.format == "text" else "is a folder"
        raise BatchError(f"cannot write {output}: it {kind}" + ("" if config.format == "text" else
                         " (give a file name; --format text writes into a folder)"))
    jobs = config.jobs if config.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise BatchError(f"--jobs must be 1 or more, not {jobs}")
    return jobs


def _skip_done(
    records: Iterable[T], done: list[str], summary: Summary, id_of: Callable[[T], str]
) -> Generator[T, None, None]:
    """``records`` after the first ``len(done)``, whose ids must be ``done``, in order.

    An interrupted run writes in input order, so its output holds the first
    documents of the inputs. Ids may repeat (``x/a.txt`` and ``y/a.txt``, a feed
    repeating an id), so the count decides what is skipped and the ids only
    check that the inputs are still those of the interrupted run.
    """
    remaining = iter(records)
    for number, (written, record) in enumerate(zip(done, remaining, strict=False), start=1):
        if id_of(record) != written:
            raise BatchError(f"--resume: the inputs changed since the interrupted run (document {number} "
                             f"written is {_short(written)}, the inputs give {_short(id_of(record))}); "
                             "start again without --resume")
        summary.skipped += 1
    if summary.skipped < len(done):
        raise BatchError(f"--resume: the inputs changed since the interrupted run ({len(done)} documents "
                         f"written, the inputs give {summary.skipped}); start again without --resume")
    yield from remaining


def _short(doc_id: str) -> str:
    return repr(doc_id if len(doc_id) <= 80 else doc_id[:77] + "...")


# Workers -------------------------------------------------------------------

#: The answer for one record: the document or its output, its tally and, on a crash with
#: ``debug``, the traceback.
_Done = tuple[Document | str, Tally, str | None]


@dataclass(frozen=True)
class _Work:
    """What is done to each record, where it is normalised (a worker gets it once)."""

    settings: Settings
    debug: bool
    encode: Encode | None
    time_limit: float | None = DEFAULT_TIME_LIMIT

    def normalize(self, record: Record) -> _Done:
        from normalize.pipeline import normalize_record  # here, not at the top: see the module's docstring

        trace = None
        try:
            with time_limit(self.time_limit):
                doc = normalize_record(record, self.settings)
        except Exception as exc:  # one document's failure never stops the batch
            doc = Document(id=record.id, source=record.source, encoding=record.encoding,
                           error=f"{type(exc).__name__}: {exc}")
            trace = traceback.format_exc() if self.debug else None
        return doc if self.encode is None else self.encode(doc), Tally.of(doc), trace


_WORKER: dict[str, _Work] = {}


def _init_worker(work: _Work) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    watch_parent()
    _WORKER["work"] = work


#: How often a worker (and the fork server) looks whether its parent is still there, in seconds.
PARENT_CHECK_SECONDS = 0.5


def watch_parent() -> None:
    """End this process soon after its parent ends, however it ends (even ``kill -9``).

    Called in the fork server (whose parent is the command) and in each worker (whose parent
    is the fork server): when the command is killed, the server goes, then its workers. A
    daemon thread looks every :data:`PARENT_CHECK_SECONDS` whether the parent changed.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="normalize-watch-parent", daemon=True).start()


def _normalize_chunk(records: list[Record]) -> list[_Done]:
    return list(map(_WORKER["work"].normalize, records))


def _parallel(records: Iterable[Record], work: _Work, jobs: int) -> Iterator[Result]:
    pool = ProcessPoolExecutor(jobs, mp_context=_start_method(), initializer=_init_worker, initargs=(work,))
    pending: deque[tuple[list[tuple[str, int]], Future[list[_Done]]]] = deque()
    finished = False
    try:
        for chunk in _chunks(records):
            sizes = [(record.origin, _size(record)) for record in chunk]
            pending.append((sizes, pool.submit(_normalize_chunk, chunk)))
            del chunk
            while len(pending) >= jobs * CHUNKS_PER_JOB:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
        finished = True
    finally:
        if finished:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _start_method() -> multiprocessing.context.BaseContext:
    """``forkserver`` preloading :mod:`normalize._preload` where there is one, else ``spawn``.

    Both start workers that share no state with the caller (no ``fork`` of a
    process that may hold threads or open files).
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["normalize._preload"])
        return context
    return multiprocessing.get_context("spawn")


def _collect(sizes: list[tuple[str, int]], future: Future[list[_Done]]) -> Iterator[Result]:
    for (origin, size), done in zip(sizes, future.result(), strict=True):
        yield Result(origin, size, *done)


def _chunks(records: Iterable[Record]) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    size = 0
    for record in records:
        chunk.append(record)
        size += _size(record)
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop early (Ctrl-C, or an error downstream): drop the queued chunks, let the workers
    finish the few they hold; a second Ctrl-C meanwhile stops them at once (:func:`_terminate`).

    Workers are not killed first: one killed while it writes its result leaves the pool's
    result pipe half-written, and the pool's thread that reads it, which the interpreter
    joins on exit, then waits forever (seen as a hang after "interrupted").
    """
    try:
        pool.shutdown(wait=True, cancel_futures=True)
    except KeyboardInterrupt:
        _terminate(pool)
        raise


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop now: drop queued work and end the workers (no public API for that before Python 3.14)."""
    workers = getattr(pool, "_processes", None)
    processes = list(workers.values()) if isinstance(workers, dict) else []
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:
        # Its feeder thread may be stuck writing a chunk into the pipe of workers that are
        # about to go: joining it would hang the pool's shutdown, and the exit with it.
        call_queue.cancel_join_thread()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _size(record: Record) -> int:
    body = record.text if record.text is not None else record.html
    return len(body) if isinstance(body, (str, bytes)) else 0


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__
