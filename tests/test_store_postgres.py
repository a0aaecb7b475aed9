"""What only a PostgreSQL store has to show, against a real server (the session's ``pg_server``): the
same answers as an SQLite file for the same articles; ``--db postgresql://...`` and ``$TIDINGS_DB``
through the real command; several ``tidings ingest`` processes writing one database at once; a
connection dropped in the middle of a batch. (Everything else the store does is tested on both
stores by the ``store`` fixture of test_store*.py.)"""
from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from test_store_fixtures import add, make
from tidings.errors import StoreConnectionLost
from tidings.ingest.readers import read_articles
from tidings.ingest.runner import Ingestor
from tidings.ingest.story_store import check_stories
from tidings.store import SCHEMA_VERSION, Store, export
from tidings.store.pg import schema as pg_schema
from tidings.store.pg.store import PgStore

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = Path(sys.executable).parent / "tidings"
WAIT_S = 600  # how long a subprocess may take before the test gives up (a hang, not a measurement)


def _rows(store: Store, table: str, order: str) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def _answers(store: Store, tmp_path: Path, name: str) -> dict:
    """What the queries and the CSV export say about a store."""
    q = store.queries
    out = tmp_path / f"{name}.csv"
    export.export_events(store, "csv", out)
    csv_text = out.read_text()
    # ids and ingest times are the store's own (GLOBALEVENTID, DATEADDED): compared apart from them
    csv_rows = sorted(",".join(row.split(",")[1:23] + row.split(",")[24:]) for row in csv_text.splitlines()[1:])
    return {
        "top_dyads": q.top_dyads(20), "top_undirected": q.top_dyads(20, directed=False),
        "actors": q.actors(limit=50), "stories": [dataclasses.replace(s, updated_at=None) for s in q.stories(limit=50)],
        "quotes": [dataclasses.replace(x, qid=None) for x in q.quotes(limit=200)],
        "quote_search": [x.text for x in q.quotes(search="talks OR said")],
        "story_search": [s.title for s in q.stories(search="talks -Vienna")],
        "dyad": q.dyad("RUS", "UKR", by="month"), "events": len(q.events(limit=1000)),
        "places": q.places(), "counts": store.counts(), "csv": csv_rows,
    }


def test_pg_schema_version_is_the_sqlite_one():
    assert pg_schema.SCHEMA_VERSION == SCHEMA_VERSION


def test_pg_schema_has_the_sqlite_tables_and_columns(pg_database, tmp_path):
    """The PostgreSQL DDL is written apart from SQLite's (other types): the same tables and columns,
    checked here, so that a column added to one and not the other fails a test, not a query."""
    with Store.open(tmp_path / "t.db") as lite, Store.open(pg_database) as pg:
        # full-text search is a tsvector column in PostgreSQL, FTS5 tables (and their shadows) in SQLite
        tables = [r[0] for r in lite.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                  "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%'")]
        assert {"articles", "events", "quotes", "mentions", "stories", "copies", "dyad_day"} <= set(tables)
        for table in tables:
            lite_cols = {r[1] for r in lite.conn.execute(f"PRAGMA table_info({table})")}
            pg_cols = {r[0] for r in pg.conn.run("SELECT column_name FROM information_schema.columns "
                                                 "WHERE table_name = %s", (table,))}
            assert lite_cols <= pg_cols, (table, lite_cols - pg_cols)


def test_dialect_rewrites_sqlite_sql_and_leaves_literals_alone():
    from tidings.store.dialect import is_postgres_url, postgres_sql

    assert postgres_sql("SELECT a FROM t WHERE b = ? AND c = :c AND d = '?:x%'") == \
        "SELECT a FROM t WHERE b = %s AND c = %(c)s AND d = '?:x%%'"
    assert postgres_sql("INSERT OR IGNORE INTO codes VALUES (?)") == "INSERT INTO codes VALUES (%s) ON CONFLICT DO NOTHING"
    assert postgres_sql("INSERT INTO actor_total (code, period, n) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                        "n = n + excluded.n") == ("INSERT INTO actor_total (code, period, n) VALUES (%s, %s, %s) "
                                                  "ON CONFLICT (code, period) DO UPDATE SET n = actor_total.n + excluded.n")
    assert postgres_sql("SELECT total(n * f), sum(quad = 1), min(src, tgt) FROM (SELECT * FROM x) GROUP BY 1") == \
        "SELECT coalesce(sum(n * f), 0)::float8, sum((quad = 1)::int), least(src, tgt) FROM (SELECT * FROM x) AS _sub0 GROUP BY 1"
    assert postgres_sql("SELECT id FROM stories ORDER BY last_date DESC, title, id LIMIT ?") == \
        "SELECT id FROM stories ORDER BY last_date DESC NULLS LAST, title NULLS FIRST, id LIMIT %s"
    assert is_postgres_url("postgresql://u@h/db") and is_postgres_url("postgres://h/db")
    assert not is_postgres_url("news.db") and not is_postgres_url(Path("postgresql:/x"))


def test_pg_store_gives_the_answers_an_sqlite_file_gives(pipeline, pg_database, tmp_path):
    answers = {}
    for name, db in (("sqlite", tmp_path / "news.db"), ("postgresql", pg_database)):
        with Store.open(db) as store:
            summary = Ingestor(store, pipeline, batch_size=5).ingest(read_articles(str(ROOT / "examples")))
            assert summary.new == 12 and not summary.errors
            assert store.check_rollups() == [] and check_stories(store) == []
            answers[name] = _answers(store, tmp_path, name)
    assert answers["postgresql"]["events"] > 50
    for key in answers["sqlite"]:
        assert answers["postgresql"][key] == answers["sqlite"][key], key


def test_pg_url_from_db_option_and_environment(pg_database, tmp_path):
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("TIDINGS_DB", None)
    first = subprocess.run([str(TIDINGS), "ingest", str(ROOT / "examples"), "--db", pg_database],
                           capture_output=True, text=True, env=env, timeout=WAIT_S)
    assert first.returncode == 0, first.stderr
    assert "new 12" in first.stderr and "store postgresql://" in first.stderr
    env["TIDINGS_DB"] = pg_database  # the same database through the environment: everything is stored already
    again = subprocess.run([str(TIDINGS), "ingest", str(ROOT / "examples")], capture_output=True, text=True,
                           env=env, timeout=WAIT_S)
    assert again.returncode == 0, again.stderr
    assert "new 0" in again.stderr and "already stored 12" in again.stderr
    dyads = subprocess.run([str(TIDINGS), "top-dyads", "--json"], capture_output=True, text=True,
                           env=env, timeout=WAIT_S)
    assert dyads.returncode == 0 and '"source"' in dyads.stdout, dyads.stderr
    wrong = subprocess.run([str(TIDINGS), "stories", "--db", "postgresql://nobody@127.0.0.1:1/none"],
                           capture_output=True, text=True, env=env, timeout=WAIT_S)
    assert wrong.returncode == 1 and wrong.stderr.startswith("error: postgresql://nobody@127.0.0.1:1/none: cannot connect")
    assert "Traceback" not in wrong.stderr


def _summary(stderr: str) -> dict[str, int]:
    line = [x for x in stderr.splitlines() if x.startswith("read ")][-1]
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (exact|near)\b", line)}
    counts.update({k.replace(" ", "_"): int(v) for k, v in re.findall(r"\b(read|new|duplicates|already stored|"
                                                                      r"updated|repeated|failed) (\d+)", line)})
    return counts


def test_pg_two_concurrent_ingesters_store_every_article_once(pg_database, tmp_path):
    """Two real `tidings ingest` processes, started together on overlapping inputs (the bundled examples
    and the same files again, half of them under other names), write one database: each text is stored
    once, the rollups equal a recount and each process's counts add up."""
    examples = sorted(p for p in (ROOT / "examples").glob("*.md") if p.name != "README.md")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(examples):
        (first / path.name).write_text(path.read_text())
        # the second ingester reads every file too: half under the same name (the same article id),
        # half renamed (another id for the same text: a copy of whichever is stored first)
        (second / (path.name if i % 2 else f"copy-{path.name}")).write_text(path.read_text())
    Store.open(pg_database).close()  # the schema, so that both start on the same footing
    procs = [subprocess.Popen([str(TIDINGS), "ingest", str(folder), "--db", pg_database, "--batch-size", "2"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for folder in (first, second)]
    outputs = [p.communicate(timeout=WAIT_S)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    summaries = [_summary(o) for o in outputs]
    with Store.open(pg_database) as store:
        counts = store.counts()
        assert counts["articles"] == len(examples)  # every text once
        texts = store.conn.execute("SELECT count(DISTINCT content_hash), count(DISTINCT id) FROM articles").fetchone()
        assert tuple(texts) == (len(examples), len(examples))
        # a renamed file is a copy of the same text under the other id, whichever was stored first
        assert counts["copies"] == sum(1 for i in range(len(examples)) if i % 2 == 0)
        assert store.check_rollups() == []
        assert check_stories(store) == []
        stored_copies = counts["copies"]
    for s in summaries:
        assert s["read"] == len(examples) and s["failed"] == 0
        assert s["read"] == s["new"] + s["duplicates"] + s["already_stored"] + s.get("updated", 0)
    # what both say they stored is what the database holds
    assert summaries[0]["new"] + summaries[1]["new"] == len(examples)
    assert summaries[0]["duplicates"] + summaries[1]["duplicates"] == stored_copies


class _DroppedOnce(PgStore):
    """A PostgreSQL store whose first batch loses its connection after its first article is written:
    the backend serving it is terminated from another connection (as a server restart or a network
    cut would end it)."""

    killed = False

    def batch(self, pipeline_version=None):
        store = self
        outer = super().batch(pipeline_version)

        class Cut:
            def __enter__(self):
                tx = outer.__enter__()
                if not _DroppedOnce.killed:
                    original = tx.add_article

                    def add_then_cut(*args, **kwargs):
                        stored = original(*args, **kwargs)
                        _DroppedOnce.killed = True
                        pid = store.conn.raw.info.backend_pid
                        with psycopg.connect(store.conn.url, autocommit=True) as other:
                            other.execute("SELECT pg_terminate_backend(%s)", (pid,))
                        tx.add_article = original
                        return stored

                    tx.add_article = add_then_cut
                return tx

            def __exit__(self, *exc):
                return outer.__exit__(*exc)

        return Cut()


def test_pg_dropped_connection_mid_batch_leaves_nothing_and_the_batch_is_written_again(pipeline, pg_database):
    problems: list[str] = []
    _DroppedOnce.killed = False
    with _DroppedOnce.open_url(pg_database) as store:
        summary = Ingestor(store, pipeline, batch_size=4, on_problem=problems.append).ingest(
            read_articles(str(ROOT / "examples")))
    assert _DroppedOnce.killed
    assert any("connection to the database was lost" in p and "writing the batch again" in p for p in problems), problems
    assert summary.new == 12 and not summary.errors
    with Store.open(pg_database) as store:
        assert store.counts()["articles"] == 12
        assert store.check_rollups() == [] and check_stories(store) == []


def test_pg_dropped_connection_rolls_the_whole_batch_back(pg_database):
    with Store.open(pg_database) as store:
        add(store, make("a0", [("RUSGOV", "190", "UKRGOV")]))
        before = {t: _rows(store, t, "1") for t in ("articles", "events", "dyad_day", "actor_total", "row_counts")}
        with pytest.raises(StoreConnectionLost, match="the transaction in flight was rolled back"):
            with store.batch("v1") as tx:
                for i in range(1, 4):
                    tx.add_article(*make(f"a{i}", [("USAGOV", "163", "RUSGOV")]))
                with psycopg.connect(store.conn.url, autocommit=True) as other:
                    other.execute("SELECT pg_terminate_backend(%s)", (store.conn.raw.info.backend_pid,))
                tx.add_article(*make("a9", [("NATO", "042", "UKRGOV")]))
        store.reconnect()
        assert {t: _rows(store, t, "1") for t in before} == before  # nothing of the batch, rollups included
        assert store.check_rollups() == []
        add(store, make("a1", [("USAGOV", "163", "RUSGOV")]))  # the connection works again
        assert store.counts()["articles"] == 2


def test_pg_serve_command_answers_the_read_api(pg_database, pipeline):
    import requests
    from serving import build_store, served_command

    build_store(pg_database, pipeline)
    env = {k: v for k, v in os.environ.items() if k != "TIDINGS_TOKEN"}
    with served_command(pg_database, env) as served:
        assert served.status["counts"]["articles"] == 12 and served.status["read_only"] is True
        assert served.status["schema_version"] == SCHEMA_VERSION
        events = requests.get(f"{served.url}/events?limit=5", timeout=30)
        stories = requests.get(f"{served.url}/stories?search=talks", timeout=30)
        assert events.status_code == 200 and stories.status_code == 200
        with Store.open(pg_database, readonly=True) as store:
            assert [s["id"] for s in stories.json()["items"]] == [s.id for s in store.queries.stories(search="talks")]
    assert b"Traceback" not in served.err and b"postgresql://" in served.err


def test_pg_v7_database_migrates_its_invented_days_away(pg_database):
    """SQLite's v8 migration, on PostgreSQL: an article a v7 writer put on the day it was ingested (no
    published date) and its events lose that day; the rollups are rebuilt (totals only for them)."""
    from test_undated import assert_v7_days_given_back, write_v7_rows
    from tidings.store.pg.connection import PgConnection

    conn = PgConnection(pg_database)
    pg_schema.migrate(conn.raw, pg_database, target=7)
    write_v7_rows(conn)
    conn.close()
    with Store.open(pg_database) as store:
        assert_v7_days_given_back(store)
        assert {"run"} <= {r[0] for r in store.conn.run("SELECT column_name FROM information_schema.columns "
                                                        "WHERE table_name = 'stories'")}
