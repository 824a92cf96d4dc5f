"""Run the pipeline on a Dask cluster when one machine is not enough.

    normalize INPUTS -o OUT --engine dask [--scheduler tcp://HOST:8786] [--learn-boilerplate]

The command's :class:`DaskEngine` gives :func:`normalize.batch.run` its
results: the workers read the inputs (so every worker must see them at the
same paths: a shared file system) and normalise them; the client, where the
command runs, writes the output with the usual writer, partition after
partition in input order, so the output is byte-identical to the local
engine's. Only a few partitions are in flight at a time: memory stays flat on
the client too. Without ``--scheduler`` a local cluster is started (one
single-threaded worker process per ``--jobs``).

A partition is one JSON Lines feed or WARC archive, or up to
:data:`FILES_PER_PARTITION` other files, in input order. Learning boilerplate
(:mod:`normalize.boilerplate`) is a map-reduce: per-partition line counts,
summed; then the texts of the chosen lines, merged in partition order.

For users who already hold a Dask bag of records (:class:`normalize.readers.Record`
objects, or dicts like a feed record: ``text`` or ``html``, ``id``, ``url``):

    >>> from normalize.dask_engine import learn_boilerplate_bag, normalize_bag  # doctest: +SKIP
    >>> settings = Settings(boilerplate=learn_boilerplate_bag(bag))              # doctest: +SKIP
    >>> out = normalize_bag(bag, settings)       # a bag of output records (dicts)  # doctest: +SKIP

Importing this module needs Dask (``pip install "normalize-articles[dask]"``); the rest
of the library never imports it. See ``docs/dask.md``.
"""

# Dask's API is partly untyped.
# mypy: disable-error-code="no-untyped-call, no-any-return"
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Collection, Generator, Iterable, Mapping
from functools import partial, reduce
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

try:
    import dask.bag as db
    from dask.delayed import delayed
    from distributed import Client, Future, LocalCluster
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise ImportError('the Dask engine needs Dask: pip install "normalize-articles[dask]"') from exc

from normalize.batch import BatchError, Result, results
from normalize.boilerplate import (
    DEFAULT_LEARN_OPTIONS,
    Found,
    LearnedLine,
    LearnOptions,
    LineCounts,
    boilerplate_keys,
    count_lines,
    find_texts,
    learned_lines,
    merge_found,
)
from normalize.readers import (
    DEFAULT_READER_OPTIONS,
    JSONL,
    WARC,
    InputFile,
    ReaderOptions,
    Record,
    file_kind,
    input_files,
    read_file,
    read_inputs,
)
from normalize.settings import DEFAULT_SETTINGS, Settings

__all__ = ["DaskEngine", "learn_boilerplate_bag", "learn_lines_bag", "normalize_bag", "read_bag"]

#: Plain-text and HTML files read by one task.
FILES_PER_PARTITION = 8
#: Partitions in flight per worker thread while the client writes.
PARTITIONS_PER_THREAD = 2

#: What a partition reads: a file (its path and id prefix), or a record already read on the client.
_Unit = tuple[str, str] | Record
_T = TypeVar("_T")
_Compute = Callable[[Any], Any]


def read_bag(inputs: Iterable[str], reader_options: ReaderOptions = DEFAULT_READER_OPTIONS) -> db.Bag:
    """A bag of the :class:`Record`\\ s of files and folders, read by the workers, in input order.

    The folders are listed here (on the client); ``-`` (standard input) is read here too.
    """
    groups = _partitions(inputs, reader_options)
    if not groups:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(groups, partition_size=1).map_partitions(_read_partition, reader_options)


def normalize_bag(bag: db.Bag, settings: Settings = DEFAULT_SETTINGS) -> db.Bag:
    """Normalise a bag of records (or feed-like dicts) into a bag of output records (dicts).

    The dicts are :meth:`normalize.Document.to_dict` (with ``lines`` when
    ``settings.explain``); a record that fails gives a record with ``error``.
    """
    shared = delayed(settings, pure=True)
    return bag.map_partitions(_normalize_partition, shared, False).map(_output, settings.explain)


def learn_lines_bag(bag: db.Bag, options: LearnOptions = DEFAULT_LEARN_OPTIONS) -> tuple[LearnedLine, ...]:
    """Learn boilerplate from a bag of records (or dicts); the lines, for saving."""
    return _learn(bag, options, _compute_default)


def learn_boilerplate_bag(bag: db.Bag, options: LearnOptions = DEFAULT_LEARN_OPTIONS) -> frozenset[str]:
    """Learn boilerplate from a bag of records (or dicts); the keys for ``Settings.boilerplate``."""
    return boilerplate_keys(learn_lines_bag(bag, options))


class DaskEngine:
    """The ``--engine dask`` of :func:`normalize.batch.run`: a client of a Dask cluster.

    ``scheduler`` is the scheduler's address; without it (and without
    ``client``) a local cluster of ``workers`` single-threaded processes is
    started (default: the number of CPUs) and stopped on :meth:`close`. A
    given ``client`` is used as it is and not closed.
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None,
                 client: Client | None = None, timeout: float = 30.0) -> None:
        self._cluster: LocalCluster | None = None
        self._own = client is None
        if client is not None:
            self.client = client
            return
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=timeout, set_as_default=False)
            else:
                self._cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self.client = Client(self._cluster, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            if self._cluster is not None:
                self._cluster.close()
            raise BatchError(f"cannot reach the Dask scheduler at {scheduler or 'a local cluster'}: "
                             f"{exc}") from exc

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._own:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()

    def results(self, inputs: list[str], reader: ReaderOptions, settings: Settings,
                debug: bool) -> Generator[Result, None, None]:
        """The results of ``inputs``, in input order (see :class:`normalize.batch.Engine`)."""
        shared = delayed(settings, pure=True)
        parts = read_bag(inputs, reader).map_partitions(_normalize_partition, shared, debug).to_delayed()
        window = max(2, PARTITIONS_PER_THREAD * sum(self.client.nthreads().values()))
        pending: deque[Future[list[Result]]] = deque()
        try:
            for part in parts:
                pending.append(self.client.compute(part))
                while len(pending) >= window:
                    yield from self._gather(pending.popleft())
            while pending:
                yield from self._gather(pending.popleft())
        finally:
            if pending:
                self.client.cancel(list(pending))

    def learn(self, inputs: Collection[str], options: LearnOptions = DEFAULT_LEARN_OPTIONS,
              reader: ReaderOptions = DEFAULT_READER_OPTIONS) -> tuple[LearnedLine, ...]:
        """Learn boilerplate from files and folders on the cluster (read twice; not ``-``)."""
        if "-" in inputs:
            raise ValueError("learning boilerplate reads the inputs twice; it cannot read standard input")
        return _learn(read_bag(inputs, reader), options, self._compute)

    def _compute(self, collection: Any) -> Any:
        try:
            return self.client.compute(collection).result()
        except OSError as exc:  # a lost connection; not the output's fault
            raise BatchError(f"lost the Dask cluster: {exc}") from exc

    def _gather(self, future: Future[list[Result]]) -> list[Result]:
        try:
            done: list[Result] = future.result()
        except OSError as exc:
            raise BatchError(f"lost the Dask cluster: {exc}") from exc
        return done


# Tasks (module functions, so that workers can unpickle them) -------------------


def _partitions(inputs: Iterable[str], options: ReaderOptions) -> list[list[_Unit]]:
    """The inputs' files (and stdin's record) in input order, grouped into partitions."""
    groups: list[list[_Unit]] = []
    small: list[_Unit] = []
    for unit in _units(inputs, options):
        if isinstance(unit, tuple) and file_kind(Path(unit[0]).name)[0] in (JSONL, WARC):
            if small:
                groups.append(small)
                small = []
            groups.append([unit])
        else:
            small.append(unit)
            if len(small) >= FILES_PER_PARTITION:
                groups.append(small)
                small = []
    if small:
        groups.append(small)
    return groups


def _units(inputs: Iterable[str], options: ReaderOptions) -> Generator[_Unit, None, None]:
    """What :func:`normalize.readers.read_inputs` reads, file by file, in the same order."""
    for file in input_files(inputs, options):
        if isinstance(file, InputFile):
            yield str(file.path), file.id_prefix
        elif isinstance(file, Record):
            yield file
        else:
            yield from read_inputs([file], options)


def _read_partition(groups: Iterable[list[_Unit]], options: ReaderOptions) -> list[Record]:
    records: list[Record] = []
    for group in groups:
        for unit in group:
            if isinstance(unit, Record):
                records.append(unit)
            else:
                records.extend(read_file(Path(unit[0]), options, unit[1]))
    return records


def _normalize_partition(items: Iterable[Record | Mapping[str, Any]], settings: Settings,
                         debug: bool) -> list[Result]:
    return list(results(map(_as_record, items), settings, 1, debug))


def _output(result: Result, explain: bool) -> dict[str, Any]:
    return result.doc.to_dict(explain=explain)


def _as_record(item: Record | Mapping[str, Any]) -> Record:
    """A record, from a :class:`Record` or a feed-like dict (``text`` or ``html``, ``id``, ``url``)."""
    if isinstance(item, Record):
        return item
    url = item.get("url")
    source = url if isinstance(url, str) and url else None
    found = next((item[key] for key in ("id", "url") if item.get(key) not in (None, "")), "")
    record_id = str(found)
    text, html = item.get("text"), item.get("html")
    if isinstance(text, str):
        return Record(id=record_id, source=source, origin=record_id, text=text)
    if isinstance(html, (str, bytes)):
        return Record(id=record_id, source=source, origin=record_id, html=html)
    return Record(id=record_id, source=source, origin=record_id,
                  error="record has no string 'text' or 'html' field")


def _count_partition(items: Iterable[Record | Mapping[str, Any]]) -> LineCounts:
    return count_lines(map(_as_record, items))


def _merge_counts(parts: Iterable[LineCounts]) -> LineCounts:
    return reduce(LineCounts.merge, parts, LineCounts())


def _find_partition(items: Iterable[Record | Mapping[str, Any]],
                    wanted: Mapping[str, Collection[int]]) -> Found:
    return find_texts(map(_as_record, items), wanted)


def _learn(bag: db.Bag, options: LearnOptions, compute: _Compute) -> tuple[LearnedLine, ...]:
    counts: LineCounts = compute(bag.reduction(_count_partition, _merge_counts))
    candidates = counts.candidates(options)
    if not candidates:
        return ()
    wanted = {site: frozenset(hashes) for site, hashes in candidates.items()}
    found: Found = compute(bag.reduction(partial(_find_partition, wanted=wanted), merge_found))
    return learned_lines(counts, candidates, found)


def _compute_default(collection: Any) -> Any:
    return collection.compute()
