"""The store file: opening, schema and migrations, transactions, idempotency, re-analysis, rollups."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from test_store_fixtures import add, content_hash, make, store  # noqa: F401  (store is a fixture)
from tidings.errors import StoreError, StoreTooNew
from tidings.model import Article
from tidings.store import SCHEMA_VERSION, Store, default_db_path
from tidings.store import schema
from tidings.store.rows import pack_json, unpack_json

ROOT = Path(__file__).resolve().parent.parent


def test_store_open_creates_dirs_with_wal_and_pragmas(tmp_path):
    path = tmp_path / "a" / "b" / "news.db"
    with Store.open(path) as s:
        assert path.exists()
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert s.schema_version == SCHEMA_VERSION
        assert [r[0] for r in s.conn.execute("SELECT version FROM schema_version ORDER BY version")] == \
            list(range(1, SCHEMA_VERSION + 1))


def test_store_default_path_order(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path(tmp_path / "flag.db") == tmp_path / "flag.db"
    assert default_db_path() == tmp_path / "env.db"
    monkeypatch.delenv("TIDINGS_DB")
    assert default_db_path() == tmp_path / "xdg" / "tidings" / "tidings.db"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_db_path() == tmp_path / "home" / ".local" / "share" / "tidings" / "tidings.db"


def _v1_file(path: Path) -> None:
    """A store as version 1 wrote it: no copies, no rollups; one article with two events."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=1)
    # published: an article without a date whose day is the day it was ingested is undated from v8 on
    conn.execute("INSERT INTO articles (aid, id, published, day, text, content_hash, pipeline_version, analysis, "
                 "ingested_at) VALUES (1, 'old', '2021-05-03', '2021-05-03', 'text', 'h1', 'v0', ?, "
                 "'2021-05-03T00:00:00+00:00')", (pack_json("{}"),))
    for i, (src, tgt, cameo, quad, g) in enumerate([("RUSGOV", "UKRGOV", "190", 4, -10.0),
                                                    ("UKRGOV", "RUSGOV", "036", 1, 4.0)]):
        conn.execute("INSERT INTO events (aid, event_id, src, tgt, cameo, quad, goldstein, mode, day) "
                     "VALUES (1, ?, ?, ?, ?, ?, ?, 'asserted', '2021-05-03')", (f"e{i}", src, tgt, cameo, quad, g))
    conn.execute("INSERT INTO mentions VALUES (1, 'a0', 'RUSGOV', 'Russia', 'country', 3)")
    conn.close()


def test_store_migrates_an_older_file_and_backfills_rollups(tmp_path):
    path = tmp_path / "old.db"
    _v1_file(path)
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.check_rollups() == []
        assert s.counts()["events"] == 2 and s.counts()["mentions"] == 1  # row_counts filled on migration
        assert s.conn.execute("SELECT num_articles, num_sources FROM articles").fetchone() == (1, 1)
        page = s.queries.actor_page("RUS")
        assert (page.events, page.mentions, page.articles) == (2, 3, 1)
        [point] = s.queries.dyad("RUS", "UKR", by="month")
        assert (point.period, point.events, point.q4, point.q1) == ("2021-05-01", 2, 1, 1)


def test_store_refuses_a_newer_file_untouched(tmp_path):
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew, match=f"version {SCHEMA_VERSION + 1} is newer"):
        Store.open(path)
    assert path.read_bytes() == before


def test_store_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    _v1_file(path)

    def broken(conn, fts):
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk on fire")

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [(SCHEMA_VERSION + 1, broken, False)])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="disk on fire"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert schema.current_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name IN ('half_done', 'copies')").fetchall() == []


def test_store_batch_is_atomic_on_exception(store):
    first = make("a1", [("RUSGOV", "190", "UKRGOV")])
    with pytest.raises(RuntimeError):
        with store.batch("v1") as tx:
            tx.add_article(*first)
            tx.upsert_story({"id": "s1", "title": "War"})
            raise RuntimeError("reader crashed")
    assert store.counts() == dict.fromkeys(store.counts(), 0)
    assert store.conn.execute("SELECT count(*) FROM dyad_day").fetchone()[0] == 0
    assert store.check_rollups() == []


def test_store_sigkill_mid_batch_leaves_no_partial_rows(tmp_path):
    path = tmp_path / "k.db"
    Store.open(path).close()
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT / 'tests')!r})
        from test_store_fixtures import make
        from tidings.store import Store
        s = Store.open({str(path)!r})
        with s.batch("v1") as tx:
            for i in range(50):
                tx.add_article(*make(f"a{{i}}", [("RUSGOV", "190", "UKRGOV")] * 3))
            print("inside", flush=True)
            time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout.readline().strip() == b"inside"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store.open(path) as s:
        assert s.counts()["articles"] == 0 and s.counts()["events"] == 0
        assert s.check_rollups() == []
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_store_reader_reads_while_a_writer_holds_a_batch(tmp_path):
    path = tmp_path / "rw.db"
    writer = Store.open(path)
    add(writer, make("a1", [("RUSGOV", "190", "UKRGOV")]))
    reader = Store.open(path, readonly=True, timeout=1)
    with writer.batch("v1") as tx:
        tx.add_article(*make("a2", [("USAGOV", "036", "UKRGOV")]))
        # the reader is not blocked and sees the last commit, not the open batch
        assert [e.article_id for e in reader.queries.events()] == ["a1"]
        assert reader.queries.top_dyads()[0].source == "RUSGOV"
    assert sorted(e.article_id for e in reader.queries.events()) == ["a1", "a2"]
    reader.close()
    writer.close()


def test_store_second_writer_waits_instead_of_failing(tmp_path):
    path = tmp_path / "ww.db"
    a, b = Store.open(path), Store.open(path, timeout=0.2)
    with a.batch("v1"):
        with pytest.raises(StoreError, match="busy"):
            with b.batch("v1"):
                pass
    add(b, make("x", [("RUSGOV", "190", "UKRGOV")]))  # lock released: goes through
    a.close()
    b.close()


def test_store_reingest_same_hash_and_version_is_a_no_op(store):
    item = make("a1", [("RUSGOV", "190", "UKRGOV"), ("UKRGOV", "036", "RUSGOV")], quotes=[("UKRGOV", "We stand")])
    add(store, item, signature=b"\x01" * 16)
    assert store.has_article(item[2], "v1") and not store.has_article(item[2], "v2")
    before = store.counts()
    add(store, item, signature=b"\x01" * 16)
    with store.batch("v1") as tx:  # same text under another id: still the same article
        assert tx.add_article(Article(id="other", text=item[0].text), item[1], item[2]) == "a1"
    assert store.counts() == before
    assert store.check_rollups() == []
    assert list(store.signatures()) == [("a1", b"\x01" * 16)]


def test_store_new_version_replaces_analysis_and_keeps_rollups_exact(store):
    article, analysis, h = make("a1", [("RUSGOV", "190", "UKRGOV")] * 3 + [("UKRGOV", "036", "RUSGOV")])
    add(store, (article, analysis, h), version="v1")
    add(store, make("a2", [("RUSGOV", "190", "UKRGOV")]), version="v1")
    assert [a.id for a in store.articles_needing_reanalysis("v2")] == ["a1", "a2"]
    _, new, _ = make("a1", [("RUSGOV", "042", "UKRGOV", "2022-01-09")], quotes=[("RUSGOV", "Talks now")],
                     text=analysis.text)
    store.replace_analysis("a1", new, "v2")
    assert [a.id for a in store.articles_needing_reanalysis("v2")] == ["a2"]
    assert store.check_rollups() == []
    events = store.queries.events()
    assert sorted((e.article_id, e.cameo) for e in events) == [("a1", "042"), ("a2", "190")]
    top = {(d.source, d.target): d.events for d in store.queries.top_dyads()}
    assert top == {("RUSGOV", "UKRGOV"): 2}  # UKR->RUS gone with the old analysis
    assert [q.text for q in store.queries.quotes(search="talks")] == ["Talks now"]
    assert store.queries.article("a1")["pipeline_version"] == "v2"


def test_store_same_id_new_text_replaces_the_article(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV")], published="2022-01-11"))
    add(store, make("a1", [("USAGOV", "163", "RUSGOV")], published="2022-02-01", text="updated text"))
    assert store.counts()["articles"] == 1
    assert [(e.source, e.day) for e in store.queries.events()] == [("USAGOV", "2022-02-01")]
    assert store.check_rollups() == []


def test_store_check_rollups_detects_drift(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV")]))
    store.conn.execute("UPDATE dyad_month SET n = n + 1")
    problems = store.check_rollups()
    assert problems and all("dyad_month" in p for p in problems)
    store.rebuild_rollups()
    assert store.check_rollups() == []


def test_store_rollups_count_asserted_events_with_both_codes(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV"), ("RUSGOV", "190", "UKRGOV", "2022-01-11", "negated"),
                           ("RUSGOV", "112", None), (None, "112", "UKRGOV")]))
    assert [(d.source, d.target, d.events) for d in store.queries.top_dyads()] == [("RUSGOV", "UKRGOV", 1)]
    rus = store.queries.actor_page("RUSGOV")
    assert (rus.events, rus.as_source, rus.as_target) == (2, 2, 0)
    assert len(store.queries.events()) == 4  # the list shows every mode
    assert store.check_rollups() == []


def test_store_copies_count_articles_and_sources(store):
    item = make("a1", [("RUSGOV", "190", "UKRGOV")], outlet="Reuters")
    with store.batch("v1") as tx:
        tx.add_article(*item)
        tx.add_copy(Article(id="c1", text="x", outlet="AP", published="2022-01-12"), "a1", "hc1")
        tx.add_copy(Article(id="c2", text="y", outlet="Reuters"), "a1", "hc2")
        tx.add_copy(Article(id="c3", text="z", outlet="BBC"), "c1", "hc3")  # a copy of a copy
        tx.add_copy(Article(id="c1", text="x", outlet="AP"), "a1", "hc1")  # idempotent
    [e] = store.queries.events()
    assert (e.num_articles, e.num_sources) == (4, 3)
    assert store.has_article("hc2", "any version")
    assert [c["id"] for c in store.queries.article("a1")["copies"]] == ["c1", "c2", "c3"]
    with pytest.raises(StoreError, match="'nope' is not in the store"):
        with store.batch("v1") as tx:
            tx.add_copy(Article(id="c9", text="q"), "nope", "hc9")


def test_store_stories_upsert_and_open_stories(store):
    a, an, h = make("a1", [("RUSGOV", "190", "UKRGOV")])
    state = {"id": "s1", "title": "War", "summary": "Fighting", "first_date": "2022-01-10",
             "last_date": "2022-01-11", "centroid": [0.1, 0.2]}
    with store.batch("v1") as tx:
        tx.add_article(a, an, h, story_id="s1", story_state=state)
        tx.upsert_story({"id": "s0", "title": "Old", "first_date": "2021-01-01", "last_date": "2021-01-02"})
    assert store.open_stories("2022-01-01") == [state]
    # in the order they were created, whatever their dates: the grouper breaks ties by that order
    assert [s["id"] for s in store.open_stories()] == ["s1", "s0"]
    with store.batch("v1") as tx:
        tx.upsert_story({**state, "title": "War goes on"})  # an update keeps the story's place
        tx.upsert_story({"id": "s2", "first_date": "2020-01-01", "last_date": "2020-01-01"})
    assert [s["id"] for s in store.open_stories()] == ["s1", "s0", "s2"]
    assert store.latest_story_date() == "2022-01-11"
    assert store.queries.story("s1").article_count == 1
    with pytest.raises(StoreError, match="no 'id'"):
        with store.batch() as tx:
            tx.upsert_story({"title": "x"})


def test_store_article_keeps_the_full_analysis_json(store):
    item = make("a1", [("RUSGOV", "190", "UKRGOV")], quotes=[("UKRGOV", "No")])
    add(store, item)
    stored = store.queries.article("a1")
    assert stored["analysis"] == json.loads(json.dumps(item[1].to_json()))
    # the text is stored once, in articles.text, not again inside the JSON
    blob = store.conn.execute("SELECT analysis FROM articles").fetchone()[0]
    assert "text" not in unpack_json(blob)


def test_store_readonly_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    Store.open(path).close()
    with Store.open(path, readonly=True) as s, pytest.raises(StoreError, match="read-only"):
        with s.batch():
            pass
    with pytest.raises(StoreError, match="no store here"):
        Store.open(tmp_path / "missing.db", readonly=True)


def test_store_row_counts_follow_inserts_replacements_and_cascades(store):
    """counts() reads the trigger-kept row_counts; deleting an article cascades to its rows."""
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV"), ("RUSGOV", "112", None)]))
    add(store, make("a2", [("UKRGOV", "036", "RUSGOV")]))
    assert store.counts()["articles"] == 2 and store.counts()["events"] == 3
    store.conn.execute("DELETE FROM articles WHERE id = 'a1'")
    assert store.counts()["articles"] == 1 and store.counts()["events"] == 1
    store.conn.execute("UPDATE row_counts SET n = n + 5 WHERE name = 'events'")
    assert any("row_counts: events" in p for p in store.check_rollups())
    store.rebuild_rollups()
    assert store.counts()["events"] == 1 and store.check_rollups() == []
