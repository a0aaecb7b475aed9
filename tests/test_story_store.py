"""Stories do not depend on process boundaries: the same articles in the same order give the same
stories (each article's story, each story's saved state) whether they are ingested in one run, in two
runs, killed and resumed, or by two ingesters writing to one store at once; and every story's saved
state equals a regrouping of the store's articles in the order they were committed.

The corpus is generated (tests/story_corpus.py); subprocesses are the real ``tidings ingest`` command,
fed through standard input so that the test decides, by what it has fed and what it sees committed,
where each of them stands: no step waits on a clock.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from story_corpus import make_corpus, write_jsonl

from tidings.ingest.runner import Ingestor
from tidings.ingest.stories import Story, StoryGrouper
from tidings.model import Actor, Analysis, Article, Place, Sentence, Summary
from tidings.store import Store

TIDINGS = Path(sys.executable).parent / "tidings"
BATCH = 16
WAIT_S = 300  # how long a step may take before the test gives up (a hang, not a measurement)


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return make_corpus()


def articles(records: list[dict]) -> list[Article]:
    return [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"), origin=r["id"])
            for r in records]


def ingest_in_process(db: Path, pipeline, records: list[dict]) -> None:
    """One run: a store opened, an ``Ingestor`` made, the records ingested, the store closed."""
    with Store.open(db) as store:
        summary = Ingestor(store, pipeline, batch_size=BATCH).ingest(articles(records))
    assert not summary.failed and summary.duplicates == 0, (summary.failed, summary.duplicates)


def grouping(db: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """(article id -> story id, story id -> saved state) of the dated articles and stories. Story ids are
    canonical: ``S`` + a hash of the story's first article. Undated articles group only within their
    ingest run, so how a corpus is split into runs changes their stories (``undated_by_run`` checks
    that), never the dated ones."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assigned = dict(conn.execute("SELECT id, story_id FROM articles WHERE day IS NOT NULL"))
        states = {sid: json.loads(state) for sid, state in
                  conn.execute("SELECT id, state FROM stories WHERE first_date IS NOT NULL")}
    finally:
        conn.close()
    assert_undated_by_run(db)
    return assigned, states


def assert_undated_by_run(db: Path) -> None:
    """Every undated story holds undated articles of one run only, the run the story names."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT s.id, s.run, group_concat(DISTINCT a.run), count(a.day) FROM stories s "
                            "JOIN articles a ON a.story_id = s.id WHERE s.first_date IS NULL GROUP BY s.id").fetchall()
    finally:
        conn.close()
    for sid, story_run, article_runs, dated in rows:
        assert story_run is not None and article_runs == story_run and dated == 0, (sid, story_run, article_runs)


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # the first writer is still creating the schema


def wait_for(db: Path, count: int, procs: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + WAIT_S
    while committed(db) < count:
        for proc in procs:
            assert proc.poll() is None, f"an ingester stopped early: {proc.stderr.read().decode()[-2000:]}"
        assert time.monotonic() < deadline, f"{committed(db)} of {count} articles committed after {WAIT_S} s"
        time.sleep(0.05)
    assert committed(db) == count


def ingester(db: Path, source: str = "-") -> subprocess.Popen:
    return subprocess.Popen([str(TIDINGS), "ingest", source, "--db", str(db), "--batch-size", str(BATCH)],
                            stdin=subprocess.PIPE if source == "-" else subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def feed(proc: subprocess.Popen, records: list[dict]) -> None:
    proc.stdin.write("".join(json.dumps(r) + "\n" for r in records).encode())
    proc.stdin.flush()


def finish(proc: subprocess.Popen) -> None:
    if proc.stdin:
        proc.stdin.close()
    assert proc.wait(timeout=WAIT_S) == 0, proc.stderr.read().decode()[-2000:]


def assert_consistent(db: Path) -> None:
    from tidings.ingest.story_store import check_stories

    with Store.open(db) as store:
        assert check_stories(store) == []
        assert store.check_rollups() == []


@pytest.fixture(scope="module")
def one_run(corpus, pipeline, tmp_path_factory):
    """The reference: the whole corpus in one run."""
    db = tmp_path_factory.mktemp("one-run") / "news.db"
    ingest_in_process(db, pipeline, corpus)
    return db


def test_story_store_corpus_makes_many_stories_of_several_sizes(one_run, corpus):
    assigned, states = grouping(one_run)
    assert len(assigned) == sum(1 for r in corpus if r.get("published")) and None not in assigned.values()
    sizes = sorted(len(s["articles"]) for s in states.values())
    assert len(states) > len(corpus) // 4 and sizes[0] == 1 and sizes[-1] >= 4, sizes


def test_story_store_one_run_agrees_with_regrouping(one_run):
    assert_consistent(one_run)


@pytest.mark.parametrize("split", [1, 50, 101, 160])
def test_story_store_two_runs_group_as_one(one_run, corpus, pipeline, tmp_path, split):
    db = tmp_path / "news.db"
    ingest_in_process(db, pipeline, corpus[:split])
    ingest_in_process(db, pipeline, corpus)  # the second run skips what the first stored
    assert grouping(db) == grouping(one_run)
    assert_consistent(db)


def test_story_store_kill_and_resume_groups_as_one_run(one_run, corpus, tmp_path):
    db = tmp_path / "news.db"
    proc = ingester(db)
    feed(proc, corpus[:2 * BATCH + 5])
    wait_for(db, 2 * BATCH, [proc])  # two batches committed, five articles read and held in memory
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert committed(db) == 2 * BATCH
    finish(ingester(db, str(write_jsonl(tmp_path / "corpus.jsonl", corpus))))
    assert grouping(db) == grouping(one_run)
    assert_consistent(db)


def test_story_store_two_ingesters_taking_turns_group_as_one_run(one_run, corpus, tmp_path):
    """Two live ingesters on one file, each committing in turn: the stories are those of one run over
    the articles in commit order (here the corpus order), though each ingester saw only half."""
    db = tmp_path / "news.db"
    procs = [ingester(db), ingester(db)]
    chunk = 2 * BATCH
    for n, start in enumerate(range(0, len(corpus), chunk)):
        part = corpus[start:start + chunk]
        feed(procs[n % 2], part)
        if len(part) == chunk:
            wait_for(db, start + chunk, procs)
        else:  # the last, partial batch is written when its ingester's input ends
            finish(procs[n % 2])
            wait_for(db, len(corpus), [])
    for proc in procs:
        if proc.returncode is None:
            finish(proc)
    assert grouping(db) == grouping(one_run)
    assert_consistent(db)


def test_story_store_two_ingesters_at_once_keep_every_story_exact(corpus, tmp_path):
    """Two ingesters at full speed, on interleaved halves: which batch commits first is up to them, and
    the stories are those of one grouper over the articles in the order they were committed."""
    db = tmp_path / "news.db"
    Store.open(db).close()  # created up front, so the two do not race to create it
    procs = [ingester(db, str(write_jsonl(tmp_path / f"half-{i}.jsonl", corpus[i::2]))) for i in (0, 1)]
    for proc in procs:
        finish(proc)
    assigned, states = grouping(db)
    dated = sum(1 for r in corpus if r.get("published"))
    assert len(assigned) == dated and None not in assigned.values()
    assert sum(len(s["articles"]) for s in states.values()) == dated
    assert_consistent(db)


# -- the causes, each on its own -------------------------------------------------------------------------
def test_story_store_saved_state_is_exact(corpus, pipeline):
    """Every weight survives the JSON: a story restored from what the store keeps is the story."""
    grouper = StoryGrouper()
    for record, analysis in zip(corpus[:60], pipeline.analyze_many(articles(corpus[:60]))):
        grouper.assign(record["id"], analysis.published, analysis, record["title"])
    for story in grouper.stories.values():
        assert Story.from_json(json.loads(json.dumps(story.to_json()))) == story


def hand(key: str, published: str, lede: str, country: str) -> Analysis:
    """An analysis with only a summary, an actor and a place: all the grouper reads."""
    return Analysis(id=key, text=lede, title=None, published=published, sentences=[Sentence(0, len(lede))],
                    summary=Summary(lede, [0]), actors=[Actor("a0", country, country, None, country, "country")],
                    places=[Place(0, 0, "Harbourtown", "Harbourtown", country, None, None, "city")])


def test_story_store_gives_stories_back_in_creation_order_for_ties(tmp_path):
    """Two stories an article is exactly as close to: the older one takes it, before and after a restart.
    Created first is the later-dated one, so an order by date would pick the other."""
    lede = "Dockworkers in Harbourtown ended their strike over cranes and pay."
    older = hand("older", "2023-05-09", lede, "NOR")
    newer = hand("newer", "2023-05-01", lede, "NOR")  # more than a window earlier: it cannot join "older"
    probe = hand("probe", "2023-05-05", lede, "NOR")  # within the window of both

    live = StoryGrouper()
    first = live.assign("older", older.published, older).story_id
    second = live.assign("newer", newer.published, newer).story_id
    assert first != second
    db = tmp_path / "news.db"
    with Store.open(db) as store, store.batch("v") as tx:
        for story in live.stories.values():
            tx.upsert_story({**story.to_json(), "first_date": story.first, "last_date": story.last})
    with Store.open(db) as store:
        restored = StoryGrouper.from_stories(Story.from_json(s) for s in store.open_stories())
    assert live.assign("probe", probe.published, probe).story_id == first
    assert restored.assign("probe", probe.published, probe).story_id == first


def test_story_store_late_article_starts_a_closed_story_live_and_restored(tmp_path):
    """An article dated more than two windows before the newest starts a story no later article joins,
    in a grouper that has run all along as in one restored from the store between the two: a writer that
    reloads (another writer committed in between) must group as one that did not."""
    lede = "Ferry crews in Harbourtown walked out over rotas and overtime pay."
    live = StoryGrouper()
    live.assign("early", "2023-05-01", hand("early", "2023-05-01", "Vineyards report a fine harvest.", "NOR"))
    live.assign("newest", "2023-06-20", hand("newest", "2023-06-20", "Orchards report a poor harvest.", "NOR"))
    late = live.assign("late", "2023-05-02", hand("late", "2023-05-02", lede, "NOR")).story_id
    restored = StoryGrouper.from_stories(Story.from_json(json.loads(json.dumps(s.to_json())))
                                         for s in live.stories.values())
    again = hand("again", "2023-05-02", lede, "NOR")
    assert live.assign("again", "2023-05-02", again).story_id != late
    assert restored.assign("again", "2023-05-02", again).story_id != late


def test_story_store_migration_orders_old_stories_by_insertion(tmp_path):
    from tidings.store import schema

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, str(db), target=6)  # the version before stories.seq
    # Sd has no date: an undated story of the v7 rule, which takes no new articles from v8 on
    for sid, last in (("Sb", "2023-01-09"), ("Sa", "2023-01-02"), ("Sc", "2023-01-05"), ("Sd", None)):
        conn.execute("INSERT INTO stories (id, first_date, last_date, state, updated_at) VALUES (?, ?, ?, ?, '')",
                     (sid, last, last, json.dumps({"id": sid, "last": last})))
    conn.close()
    with Store.open(db) as store:
        assert store.schema_version == schema.SCHEMA_VERSION
        assert [s["id"] for s in store.open_stories()] == ["Sb", "Sa", "Sc"]
        assert store.story_token() == ""
