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


@pytest.fixture(scope="session")
def sample_store(pipeline, tmp_path_factory):
    """A real SQLite store built by ingesting the bundled sample articles (do not write to it)."""
    from serving import build_store

    return build_store(tmp_path_factory.mktemp("served") / "examples.db", pipeline)


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (``pg_server.PgServer``: initdb + pg_ctl)."""
    from pg_server import PgServer

    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_database(pg_server) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    return pg_server.new_database()


@pytest.fixture(scope="session")
def analysis_pool():
    """One started analysis pool (one worker process) that the test servers share, so that each server
    does not start and warm processes of its own. Tests of the pool's limits make their own."""
    from tidings.serve.analysis_pool import AnalysisPool, PoolLimits

    pool = AnalysisPool(limits=PoolLimits(workers=1, queue=8, budget_s=300))
    pool.start()
    yield pool
    pool.stop()


@pytest.fixture(scope="session")
def sample_server(sample_store, analysis_pool):
    """A real, read-only HTTP server (uvicorn, loopback) over ``sample_store``."""
    from serving import RunningServer

    from tidings.serve import ServeConfig

    with RunningServer(ServeConfig(db=sample_store, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.fixture
def writable_server(analysis_pool, tmp_path):
    """A real HTTP server over a fresh store, accepting POST /articles with ``serving.TOKEN``."""
    from serving import TOKEN, RunningServer

    from tidings.serve import ServeConfig

    with RunningServer(ServeConfig(db=tmp_path / "posted.db", token=TOKEN, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 serving the routes a test adds (remote pages and feeds)."""
    from local_http import LocalServer

    server = LocalServer()
    server.thread.start()
    yield server
    server.release.set()
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def clock():
    from local_http import FakeClock

    return FakeClock()
