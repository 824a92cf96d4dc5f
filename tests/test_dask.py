"""The Dask engine writes the same bytes as the local one, on a local cluster started here."""

# Dask's API is partly untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

from normalize.batch import BatchError
from normalize.boilerplate import learn_boilerplate
from normalize.cli import EXIT_OK, main
from normalize.dask_engine import (
    DaskEngine,
    learn_boilerplate_bag,
    learn_lines_bag,
    normalize_bag,
    read_bag,
)
from normalize.pipeline import normalize
from normalize.readers import read_inputs
from normalize.settings import Settings
from tests.conftest import FIXTURES

MULTISITE = str(FIXTURES / "multisite" / "corpus")
#: Every kind of input: text, gzip, HTML, a feed, a WARC archive, a sub-folder, a hidden file.
KINDS = str(FIXTURES / "inputs" / "corpus")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two single-threaded worker processes: what a 2-core machine runs well, and pickling is real."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield str(cluster.scheduler_address)


@pytest.fixture()
def client(scheduler: str) -> Iterator[Client]:
    with Client(scheduler, set_as_default=True) as connected:
        yield connected


def _run(tmp_path: Path, name: str, *options: str) -> bytes:
    out = tmp_path / name
    assert main([MULTISITE, KINDS, "-o", str(out), "--quiet", "--explain", *options]) in (EXIT_OK, 1)
    return out.read_bytes()


@pytest.mark.parametrize("learn", [[], ["--learn-boilerplate"]], ids=["plain", "learn-boilerplate"])
def test_jobs_and_dask_write_the_same_bytes(tmp_path: Path, scheduler: str, learn: list[str]) -> None:
    one = _run(tmp_path, "one.jsonl", "--jobs", "1", *learn)
    two = _run(tmp_path, "two.jsonl", "--jobs", "2", *learn)
    dask = _run(tmp_path, "dask.jsonl", "--engine", "dask", "--scheduler", scheduler, *learn)
    assert two == one
    assert dask == one
    records = [json.loads(line) for line in one.decode("utf-8").splitlines()]
    expected = [record.id for record in read_inputs([MULTISITE, KINDS])]
    assert [record["id"] for record in records] == expected and len(expected) > 30
    removed = [line for record in records for line in record["removed"] if line["reason"] == "boilerplate"]
    footer = "Hill Post is made by a small team of neighbours"
    assert any(line["text"] == footer for line in removed) == bool(learn)


def test_dask_learns_and_saves_what_the_local_engine_does(tmp_path: Path, scheduler: str) -> None:
    local, dask = tmp_path / "local.json", tmp_path / "dask.json"
    _run(tmp_path, "local.jsonl", "--learn-boilerplate", "--save-boilerplate", str(local), "--jobs", "1")
    _run(tmp_path, "dask.jsonl", "--learn-boilerplate", "--save-boilerplate", str(dask),
         "--engine", "dask", "--scheduler", scheduler)
    assert dask.read_bytes() == local.read_bytes()
    assert len(json.loads(local.read_text(encoding="utf-8"))["lines"]) == 6


def test_resume_with_the_dask_engine(tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
                                     ) -> None:
    full = _run(tmp_path, "full.jsonl", "--jobs", "1")
    out = tmp_path / "resumed.jsonl"
    part = tmp_path / "resumed.jsonl.part"
    lines = full.splitlines(keepends=True)
    part.write_bytes(b"".join(lines[:10]) + lines[10][:25])  # an interrupted run, torn last line
    capsys.readouterr()
    code = main([MULTISITE, KINDS, "-o", str(out), "--explain", "--resume",
                 "--engine", "dask", "--scheduler", scheduler])
    assert code in (EXIT_OK, 1)
    assert out.read_bytes() == full
    assert "10 already done" in capsys.readouterr().err


def test_library_bag_of_dicts(client: Client) -> None:
    feed = FIXTURES / "multisite" / "corpus" / "hillpost" / "feed.jsonl"
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    bag = db.from_sequence(items, npartitions=3)
    keys = learn_boilerplate_bag(bag)
    assert keys == {"hill post is made by a small team of neighbours",
                    "notes from the high valleys since the old railway days"}
    settings = Settings(boilerplate=keys)
    out = normalize_bag(bag, settings).compute()
    assert out == [normalize(item["text"], id=item["url"], source=item["url"], settings=settings).to_dict()
                   for item in items]
    assert normalize_bag(db.from_sequence([{"id": "x"}]), settings).compute()[0]["error"] == (
        "record has no string 'text' or 'html' field")


def test_library_bag_of_records_from_files(client: Client) -> None:
    bag = read_bag([MULTISITE])
    assert bag.npartitions == 3  # 8 river files, 8 songviet files, the feed
    assert learn_lines_bag(bag) == learn_boilerplate([MULTISITE])


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(BatchError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        DaskEngine("tcp://127.0.0.1:9", timeout=1)


def test_the_library_never_imports_dask_and_the_engine_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "import normalize, normalize.cli, normalize.batch, normalize.boilerplate\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
        "sys.modules['dask'] = None\n"
        "try:\n"
        "    import normalize.dask_engine\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=FIXTURES.parent)
    assert 'pip install "normalize-articles[dask]"' in done.stdout
