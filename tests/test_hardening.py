"""Issue 24: outputs, hostile and damaged inputs, and rough edges, through the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "normalize", *args, "--quiet"], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=timeout, check=False)


def records(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# Rough edges ---------------------------------------------------------------------------------


def test_the_distribution_name_is_not_the_taken_one() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "normalize-articles"
    assert "normalize-articles[dask,scrapy]" in project["optional-dependencies"]["test"]
    assert project["scripts"] == {"normalize": "normalize.cli:main"}
    told = [path for path in [*ROOT.glob("normalize/*.py"), *ROOT.glob("docs/*.md"), ROOT / "README.md"]
            if 'install "normalize[' in path.read_text(encoding="utf-8")]
    assert told == []
