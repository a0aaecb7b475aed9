"""``--cluster``: the same pure analysis on a real Dask ``LocalCluster`` of two worker processes stores
what one process stores; a bad article is that article's error; a worker killed mid-batch is a clean
retry."""
from __future__ import annotations

import json

import pytest
from cluster_faults import KillOnce, Unparsable
from scale_helpers import stored, write_corpus

from tidings.errors import UnreadableArticle
from tidings.ingest.readers import read_articles
from tidings.ingest.runner import Ingestor
from tidings.scale.cluster import ClusterPipeline
from tidings.settings import Settings
from tidings.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


@pytest.fixture(scope="module")
def cluster():
    with ClusterPipeline(Settings(), "local:2").start() as started:
        yield started


def _ingest(db, pipeline, items):
    with Store.open(db) as store:
        return Ingestor(store, pipeline, batch_size=8).ingest(items)


def test_cluster_ingest_stores_what_one_process_stores(pipeline, cluster, corpus, tmp_path):
    items = list(read_articles(str(corpus), None))
    one = _ingest(tmp_path / "one.db", pipeline, items)
    many = _ingest(tmp_path / "cluster.db", cluster, items)
    assert len(cluster.client.scheduler_info(n_workers=-1)["workers"]) == 2
    assert (many.new, many.exact_duplicates, many.near_duplicates, many.failed) == \
           (one.new, one.exact_duplicates, one.near_duplicates, one.failed) == (48, 1, 1, many.failed)
    assert len(many.failed) == 2
    assert stored(tmp_path / "cluster.db") == stored(tmp_path / "one.db")


def test_cluster_analyze_many_gives_what_one_process_gives_in_order(pipeline, cluster, corpus):
    items = list(read_articles(str(corpus), None))
    assert [_comparable(r) for r in cluster.analyze_many(items)] == [_comparable(r) for r in pipeline.analyze_many(items)]


def test_bad_input_on_a_dask_worker_is_that_articles_error_and_the_rest_is_stored(cluster, tmp_path):
    records = [{"id": f"n{i}", "text": f"Talks between the two governments resumed in Vienna on day {i}, officials said.",
                "published": "2022-02-01"} for i in range(10)]
    records[4]["text"] = "An UNPARSABLE text that the planted failure refuses to tokenize, in Vienna."
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    cluster.client.register_plugin(Unparsable("UNPARSABLE"))
    try:
        summary = _ingest(tmp_path / "bad.db", cluster, list(read_articles(str(path), None)))
    finally:
        cluster.client.unregister_worker_plugin(Unparsable.name)
    assert summary.new == 9
    [error] = summary.errors
    assert isinstance(error, UnreadableArticle) and "line 5" in error.item
    assert "could not be tokenized (ValueError: a planted tokenizer failure)" in str(error)
    assert [row[1] for row in stored(tmp_path / "bad.db")["articles"]] == [r["id"] for r in records if r["id"] != "n4"]


def test_a_dask_worker_killed_mid_batch_is_retried_and_nothing_is_half_written(pipeline, cluster, corpus, tmp_path):
    items = list(read_articles(str(corpus), None))
    one = _ingest(tmp_path / "one.db", pipeline, items)
    marker = tmp_path / "killed"
    cluster.client.register_plugin(KillOnce("Donetsk overnight, separatist officials claimed. It was round 2", marker))
    try:
        many = _ingest(tmp_path / "cluster.db", cluster, items)
    finally:
        cluster.client.unregister_worker_plugin(KillOnce.name)
    assert marker.exists()  # a worker did die in the middle of a batch
    assert (many.new, many.duplicates, many.failed) == (one.new, one.duplicates, one.failed)
    assert stored(tmp_path / "cluster.db") == stored(tmp_path / "one.db")


def test_ingest_command_with_a_local_cluster(run_cli, corpus, tmp_path):
    one = run_cli("ingest", str(corpus), "--db", str(tmp_path / "one.db"))
    many = run_cli("ingest", str(corpus), "--db", str(tmp_path / "cluster.db"), "--cluster", "local:2")
    assert many.returncode == 0, many.stderr.decode()
    assert many.stderr.splitlines()[-1].replace(b"cluster.db", b"one.db") == one.stderr.splitlines()[-1]
    assert stored(tmp_path / "cluster.db") == stored(tmp_path / "one.db")


def test_an_unreachable_cluster_is_one_clear_error(run_cli, corpus, tmp_path):
    result = run_cli("ingest", str(corpus), "--db", str(tmp_path / "x.db"), "--cluster", "tcp://127.0.0.1:9")
    assert result.returncode == 1
    assert result.stderr.decode().startswith("error: cluster tcp://127.0.0.1:9: ")


def _comparable(result):
    return result.to_json() if hasattr(result, "to_json") else str(result)
