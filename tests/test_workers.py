"""``--workers N``: analysis in worker processes gives the same bytes and the same store as one process,
and a worker killed in the middle of a batch costs a retry, not an article."""
from __future__ import annotations

import os
import signal
import threading

import pytest
from scale_helpers import stored, write_corpus

from tidings.ingest.readers import read_articles
from tidings.ingest.runner import Ingestor
from tidings.scale.workers import WorkerPipeline, worker_count
from tidings.settings import Settings
from tidings.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


def test_analyze_with_two_workers_writes_the_same_bytes_and_errors_as_one_process(run_cli, corpus, tmp_path):
    one = run_cli("analyze", str(corpus), "--json", "--out", str(tmp_path / "one.jsonl"))
    two = run_cli("analyze", str(corpus), "--json", "--out", str(tmp_path / "two.jsonl"), "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    # the refused items are reported by name, in the same order, with the same closing line
    assert two.stderr == one.stderr
    assert b"line 13: empty text" in two.stderr and b"line 26: text contains a NUL character" in two.stderr


def test_ingest_with_two_workers_stores_what_one_process_stores(run_cli, corpus, tmp_path):
    one = run_cli("ingest", str(corpus), "--db", str(tmp_path / "one.db"), "--batch-size", "8")
    two = run_cli("ingest", str(corpus), "--db", str(tmp_path / "two.db"), "--batch-size", "8", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    # copies are found across batches in flight, refused items named: the same report, the same rows
    assert two.stderr.replace(b"two.db", b"one.db") == one.stderr
    assert b"duplicates 2 (1 exact, 1 near)" in two.stderr and b"failed 2" in two.stderr
    assert stored(tmp_path / "two.db") == stored(tmp_path / "one.db")


def test_a_worker_killed_mid_batch_is_retried_and_nothing_is_half_written(pipeline, corpus, tmp_path):
    items = list(read_articles(str(corpus), None))
    with Store.open(tmp_path / "one.db") as store:
        expected = Ingestor(store, pipeline, batch_size=8).ingest(items)

    def ingest(workers, done):
        with Store.open(tmp_path / "two.db") as store:
            done["summary"] = Ingestor(store, workers, batch_size=8).ingest(items)

    with WorkerPipeline(Settings(), workers=2).start() as workers:
        workers.pool.hold()  # analyses wait at their start until released: the kill lands mid-run, for sure
        done = {}
        run = threading.Thread(target=ingest, args=(workers, done))
        run.start()
        os.kill(workers.pool.held_worker(), signal.SIGKILL)
        workers.pool.release()
        run.join(timeout=600)
    summary = done["summary"]
    assert (summary.new, summary.duplicates, summary.failed) == (expected.new, expected.duplicates, expected.failed)
    assert stored(tmp_path / "two.db") == stored(tmp_path / "one.db")


def test_worker_count_zero_is_one_per_core():
    assert worker_count(3) == 3
    assert worker_count(0) == len(os.sched_getaffinity(0))
