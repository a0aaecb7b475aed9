"""Parquet shards: ``tidings analyze --to parquet DIR`` (here on a Dask local cluster) writes analyses
that ``tidings ingest DIR`` stores as they are - the same store as ingesting the corpus itself."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from scale_helpers import stored, write_corpus

from tidings.ingest.runner import Ingestor
from tidings.scale.parquet import ShardError, ShardedAnalyses, ShardWriter, read_shards
from tidings.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl")


def test_shards_from_a_cluster_ingest_to_the_same_store(run_cli, corpus, tmp_path):
    made = run_cli("analyze", str(corpus), "--cluster", "local:2", "--to", "parquet", str(tmp_path / "shards"))
    assert made.returncode == 0, made.stderr.decode()
    assert b"analysed 50 of 52 article(s); 2 failed" in made.stderr  # the refused two are reported, not written
    assert sorted(p.name for p in (tmp_path / "shards").iterdir()) == ["part-00000.parquet"]
    from_shards = run_cli("ingest", str(tmp_path / "shards"), "--db", str(tmp_path / "shards.db"))
    direct = run_cli("ingest", str(corpus), "--db", str(tmp_path / "direct.db"))
    assert direct.returncode == 0, direct.stderr.decode()
    assert from_shards.returncode == 0, from_shards.stderr.decode()
    assert b"read 50, new 48, duplicates 2 (1 exact, 1 near)" in from_shards.stderr
    assert stored(tmp_path / "shards.db") == stored(tmp_path / "direct.db")


class _Refusing:
    """A pipeline that must not be asked: every analysis should come from the shards."""

    def __init__(self, pipeline, version=None):
        self.settings, self.version, self.asked = pipeline.settings, version or pipeline.version, []
        self.pipeline = pipeline

    def analyze_many(self, articles):
        self.asked.extend(articles)
        return self.pipeline.analyze_many(articles)


def test_shard_analyses_are_used_unless_another_pipeline_version_made_them(pipeline, tmp_path):
    from tidings.ingest.readers import read_articles

    examples = str(Path(__file__).resolve().parent.parent / "examples")
    articles = [a for a in read_articles(examples, None) if not isinstance(a, Exception)][:4]
    writer = ShardWriter(tmp_path / "shards", pipeline.version, rows_per_shard=3)
    for article, analysis in zip(articles, pipeline.analyze_many(articles)):
        writer.write(article, analysis)
    writer.close()
    assert [a.id for a, _, _ in read_shards(tmp_path / "shards")] == [a.id for a in articles]
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) == 2

    same = _Refusing(pipeline)
    with Store.open(tmp_path / "same.db") as store:
        sharded = ShardedAnalyses(same)
        assert Ingestor(store, sharded).ingest(sharded.articles([str(tmp_path / "shards")])).new == 4
    assert same.asked == []

    other = _Refusing(pipeline, version="another-version")
    with Store.open(tmp_path / "other.db") as store:
        sharded = ShardedAnalyses(other)
        assert Ingestor(store, sharded).ingest(sharded.articles([str(tmp_path / "shards")])).new == 4
    assert [a.id for a in other.asked] == [a.id for a in articles]


def test_a_folder_that_holds_shards_is_not_written_again(pipeline, tmp_path):
    (tmp_path / "shards").mkdir()
    (tmp_path / "shards" / "part-00000.parquet").write_bytes(b"PAR1")
    with pytest.raises(ShardError, match="already holds Parquet shards"):
        ShardWriter(tmp_path / "shards", pipeline.version)
    with pytest.raises(ShardError, match="not a tidings shard"):
        list(read_shards(tmp_path / "shards"))


def test_analyze_refuses_to_and_out_together(run_cli, corpus, tmp_path):
    result = run_cli("analyze", str(corpus), "--to", "parquet", str(tmp_path / "s"), "--out", str(tmp_path / "x"))
    assert result.returncode == 1 and b"give one of them" in result.stderr


def test_shard_rows_keep_every_article_field(pipeline, tmp_path):
    from tidings.model import Article

    article = Article(id="x1", text="Diplomats met in Geneva on Monday.", title="Talks", url="https://example.org/x1",
                      published="2022-01-10", origin="feed.xml", outlet="example.org")
    writer = ShardWriter(tmp_path / "s", pipeline.version)
    writer.write(article, pipeline.analyze(article.text, dataclasses.asdict(article)))
    writer.close()
    [(read, _, version)] = read_shards(tmp_path / "s")
    assert read == article and version == pipeline.version
