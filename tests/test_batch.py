"""The batch engine: input order, error isolation, bounded work in flight, the summary."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from normalize import batch
from normalize.batch import BatchConfig, BatchError, normalize_files, results, run
from normalize.document import Document
from normalize.readers import ReaderOptions, Record, read_inputs
from normalize.settings import Settings
from normalize.writers import Writer, dumps, open_writer

SETTINGS = Settings()


def _record(n: int, text: object = None) -> Record:
    body = f"Title {n}\n\n19/10/2021\n\nBody {n}." if text is None else text
    return Record(id=f"doc{n}", source=f"src{n}", origin=f"file{n}.txt", text=body)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_in_input_order_and_a_crash_stays_in_its_document(jobs: int) -> None:
    records = [_record(n) for n in range(40)]
    records[17] = _record(17, text=12345)  # not a str: normalising it raises
    out = list(results(records, SETTINGS, jobs))
    assert [r.doc.id for r in out] == [f"doc{n}" for n in range(40)]
    assert [r.origin for r in out] == [f"file{n}.txt" for n in range(40)]
    failed = [r.doc for r in out if r.doc.error is not None]
    assert len(failed) == 1 and failed[0].id == "doc17" and failed[0].source == "src17"
    # the exception's name and message (which exception depends on where the text is first used)
    assert failed[0].error is not None and re.fullmatch(r"[A-Za-z]+Error: .+", failed[0].error)
    assert out[3].doc.title == "Title 3" and out[3].doc.date == "2021-10-19"


def test_jobs_do_not_change_documents() -> None:
    records = [_record(n) for n in range(30)]
    one = [r.doc.to_dict() for r in results(records, SETTINGS, 1)]
    two = [r.doc.to_dict() for r in results(records, SETTINGS, 2)]
    assert one == two


@pytest.mark.parametrize("jobs", [1, 2])
def test_with_encode_each_result_holds_the_document_s_output_and_its_tally(jobs: int) -> None:
    """What the command does for JSON Lines: the line is made where the document is normalised."""
    records = [_record(n) for n in range(12)]
    records[5] = _record(5, text=12345)  # fails: its line holds the error
    records[7] = _record(7, text="Title 7\n\nRelated articles\n\nBody 7.")
    docs = [item.doc for item in results(records, SETTINGS, 1)]
    encoded = list(results(records, SETTINGS, jobs, encode=dumps))
    assert [item.output for item in encoded] == [dumps(doc) for doc in docs]
    assert [item.tally.id for item in encoded] == [doc.id for doc in docs]
    assert encoded[5].tally.error is not None and encoded[5].tally.error == docs[5].error
    assert encoded[7].tally.removed == ("boilerplate",) and encoded[7].tally.pairs == 0
    assert encoded[3].tally == batch.Tally("doc3", None, 0, ("date",))  # its date line leaves the text
    with pytest.raises(TypeError, match="output, not the document"):
        _ = encoded[0].doc


def test_traceback_only_with_debug() -> None:
    (plain,) = results([_record(0, text=1)], SETTINGS, 1)
    (debug,) = results([_record(0, text=1)], SETTINGS, 1, debug=True)
    assert plain.trace is None
    assert debug.trace is not None and "Traceback" in debug.trace


def test_records_in_flight_are_bounded() -> None:
    """The reader is consumed lazily: never more than the in-flight bound ahead of the results."""
    pulled = 0

    def reader() -> Iterator[Record]:
        nonlocal pulled
        for n in range(1500):
            pulled += 1
            yield _record(n)

    jobs = 2
    bound = jobs * batch.CHUNKS_PER_JOB * batch.CHUNK_RECORDS + batch.CHUNK_RECORDS
    most = 0
    done = 0
    for item in results(reader(), SETTINGS, jobs):
        done += 1
        most = max(most, pulled - done)
        assert item.doc.id == f"doc{done - 1}"
    assert done == 1500
    assert 0 < most <= bound


def test_run_holds_a_bounded_number_of_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(400):
        (corpus / f"d{n:04}.txt").write_text(f"Title {n}\n\nBody.\n", encoding="utf-8")
    pulled = 0
    written = 0
    most = 0

    def counting_read(paths: list[str], options: ReaderOptions, *rest: Any) -> Iterator[Record]:
        nonlocal pulled
        for record in read_inputs(paths, options, *rest):
            pulled += 1
            yield record


    class Counting:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.inner: Writer = open_writer(*args, **kwargs)  # type: ignore[arg-type]

        def write(self, doc: Document) -> None:
            nonlocal written, most
            written += 1
            most = max(most, pulled - written)
            self.inner.write(doc)

        def close(self) -> None:
            self.inner.close()

        def abort(self) -> None:
            self.inner.abort()

    monkeypatch.setattr(batch, "read_inputs", counting_read)
    monkeypatch.setattr(batch, "open_writer", Counting)
    summary = run([str(corpus)], str(tmp_path / "out.jsonl"), BatchConfig(jobs=2, quiet=True))
    assert summary.documents == written == 400
    assert most <= 2 * batch.CHUNKS_PER_JOB * batch.CHUNK_RECORDS + batch.CHUNK_RECORDS


def test_normalize_files_library_generator(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B title\n\nB body.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A title\n\nA body.", encoding="utf-8")
    (tmp_path / "c.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    docs = list(normalize_files([str(tmp_path)]))
    assert [d.id for d in docs] == ["a", "b", "c"]
    assert docs[0].title == "A title" and docs[0].error is None
    assert docs[2].error == "binary file, not text: PNG image"
    assert [d.to_dict() for d in normalize_files([str(tmp_path)], jobs=2)] == [d.to_dict() for d in docs]


def test_summary_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Title\n\n19/10/2021\n\nBody.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(100))
    summary = run([str(tmp_path)], str(tmp_path / "out.jsonl"), BatchConfig(jobs=1))
    assert (summary.documents, summary.failed, summary.skipped) == (2, 1, 0)
    assert summary.removed == {"date": 1}
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"normalize: {tmp_path / 'b.txt'}: binary file, not text: NUL bytes"
    assert err[-1].startswith("normalize: 2 documents (1 failed), 0 pairs, 1 line removed (date 1);")


@pytest.mark.parametrize(("inputs", "output", "config", "message"), [
    ([], "-", BatchConfig(), "no inputs"),
    (["/no/such/input"], "-", BatchConfig(), "no such file or directory: /no/such/input"),
    (["."], "-", BatchConfig(resume=True), "--resume needs an output file"),
    (["."], "x.tmx", BatchConfig(resume=True, format="tmx"), "--resume works with --format jsonl only"),
    (["."], "-", BatchConfig(jobs=0), "--jobs must be 1 or more"),
    (["."], "/nonexistent/dir/out.jsonl", BatchConfig(), "cannot write /nonexistent/dir/out.jsonl"),
])
def test_usage_errors(inputs: list[str], output: str, config: BatchConfig, message: str) -> None:
    with pytest.raises(BatchError, match=message.replace("-", r"\-")):
        run(inputs, output, config)


def test_a_document_comes_back_from_a_worker_as_it_left() -> None:
    from normalize import normalize

    text = "A title\n\n19/10/2021\n\nThe body of the article, in one paragraph."
    doc = normalize(text, id="x", source="a.txt")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(doc, protocol=protocol))
        assert back == doc
        assert [line.role for line in back.lines] == [line.role for line in doc.lines]
        assert all(type(line.role) is type(doc.lines[0].role) for line in back.lines)
