"""Shared fixtures. The real spaCy model is loaded once per session: that is where the truth is."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = Path(sys.executable).parent / "tidings"


@pytest.fixture(scope="session")
def pipeline():
    from tidings import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    def run(text: str, published: str | None = "2022-01-11", **meta):
        return pipeline.analyze(text, {"published": published, **meta})

    return run


@pytest.fixture
def run_cli(tmp_path):
    """Run the installed `tidings` command for real; returns the CompletedProcess."""

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
        env = {**os.environ, "COLUMNS": "120"}
        return subprocess.run([str(TIDINGS), *args], input=stdin, capture_output=True, cwd=cwd or tmp_path,
                              env=env, timeout=300)

    return run
