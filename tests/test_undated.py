"""Undated articles stay undated: no day is invented for an article without a publication date, nor for
its events (unless the text itself names a full date), rollups count them in the all-time totals only,
their stories form within their ingest run only, and every view says "undated" (null in JSON)."""
from __future__ import annotations

import csv
import json
import sqlite3
from datetime import datetime, timezone

import pytest
import requests
from serving import RunningServer

from tidings.ingest import stories as stories_module
from tidings.ingest.runner import Ingestor
from tidings.ingest.stories import StoryGrouper
from tidings.ingest.story_store import check_stories
from tidings.model import Actor, Analysis, Article, Place, Sentence, Summary
from tidings.serve import ServeConfig
from tidings.store import Store, schema
from tidings.store.export import export_events
from tidings.store.rows import pack_json

# Written for these tests. Two with no date at all, one whose text names a full date, one dated.
TEXTS = {
    "lima": "Peruvian police arrested twelve protesters in Lima after clashes near the congress building. "
            "The government of Peru condemned the violence.",
    "santiago": "The Chilean foreign minister met his Argentine counterpart in Santiago to discuss a new border "
                "treaty. Chile praised Argentina for its help.",
    "border": "On 3 March 2021, Kenya accused Uganda of moving troops to the shared border. Uganda denied the claim.",
    "rabat": "France signed a trade agreement with Morocco in Rabat. The French president praised the Moroccan king.",
}
PUBLISHED = {"rabat": "2023-06-02"}


def get(server, path: str, **params) -> requests.Response:
    return requests.get(server.url + path, params=params or None, timeout=60)


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def undated_db(request, pipeline, tmp_path_factory):
    """The four texts ingested in one run, into an SQLite file and into a PostgreSQL database."""
    db = tmp_path_factory.mktemp("undated") / "news.db"
    if request.param == "postgresql":
        db = request.getfixturevalue("pg_server").new_database()
    with Store.open(db) as store:
        ingestor = Ingestor(store, pipeline, run="run-a")
        summary = ingestor.ingest([Article(id=k, text=t, title=k.title(), published=PUBLISHED.get(k), origin=k)
                                   for k, t in TEXTS.items()])
    assert summary.new == 4 and summary.undated == 3
    return db


def test_undated_articles_and_events_get_no_day(undated_db):
    today = _today()
    with Store.open(undated_db) as store:
        c = store.conn
        days = dict(c.execute("SELECT id, day FROM articles"))
        assert days == {"lima": None, "santiago": None, "border": None, "rabat": "2023-06-02"}
        assert c.execute("SELECT count(*) FROM events WHERE day = ?", (today,)).fetchone()[0] == 0
        assert c.execute("SELECT count(*) FROM articles WHERE day = ?", (today,)).fetchone()[0] == 0
        # the one event whose text names its date keeps that day; the others of undated articles have none
        by_article = {}
        for article, day in c.execute("SELECT a.id, e.day FROM events e JOIN articles a USING (aid)"):
            by_article.setdefault(article, set()).add(day)
        assert by_article["lima"] == {None} and by_article["santiago"] == {None}
        assert by_article["border"] == {"2021-03-03", None}
        assert by_article["rabat"] == {"2023-06-02"}
        assert c.execute("SELECT count(*) FROM articles WHERE run = 'run-a'").fetchone()[0] == 4
        assert store.check_rollups() == []
        assert check_stories(store) == []
        # undated events count in the totals, never in a period
        total = c.execute("SELECT n FROM dyad_total WHERE src = 'CHLGOV' AND tgt = 'ARG'").fetchone()
        assert total == (1,)
        assert c.execute("SELECT n FROM actor_total WHERE code = 'CHLGOV'").fetchone()[0] >= 2
        for grain in ("day", "week", "month", "year"):
            assert c.execute(f"SELECT count(*) FROM dyad_{grain} WHERE src = 'CHLGOV'").fetchone()[0] == 0
            assert c.execute(f"SELECT count(*) FROM pair_{grain} WHERE 'CHLGOV' IN (a, b)").fetchone()[0] == 0
            if grain != "week":
                assert c.execute(f"SELECT count(*) FROM actor_{grain} WHERE code = 'CHLGOV'").fetchone()[0] == 0
        assert c.execute("SELECT period FROM dyad_day WHERE src = 'KENGOV'").fetchall() == [("2021-03-03",)]
        assert store.queries.dyad("CHL", "ARG", by="month") == []
        # event lists: the dated first, the undated after them; no date range holds an undated event
        listed = store.queries.events(limit=50)
        assert [e.day for e in listed][:2] == ["2023-06-02", "2023-06-02"] and listed[-1].day is None
        assert {e.day for e in store.queries.events(since="1900-01-01", until="2999-12-31")} == \
            {"2023-06-02", "2021-03-03"}
        stories = {s.id: s for s in store.queries.stories(limit=50)}
        undated_story = next(s for s in stories.values() if s.title == "Lima")
        assert undated_story.first_date is None and undated_story.last_date is None


def test_reanalysis_keeps_an_undated_article_undated(undated_db, pipeline):
    with Store.open(undated_db) as store:
        analysis = pipeline.analyze(TEXTS["lima"], {"id": "lima"})
        store.replace_analysis("lima", analysis, "another-version")
        assert store.conn.execute("SELECT day, run FROM articles WHERE id = 'lima'").fetchone() == (None, "run-a")
        assert store.check_rollups() == []


# -- stories -----------------------------------------------------------------------------------------------
def hand(key: str, title: str, lede: str, country: str, published: str | None = None) -> Analysis:
    return Analysis(id=key, text=lede, title=title, published=published, sentences=[Sentence(0, len(lede))],
                    summary=Summary(lede, [0]), actors=[Actor("a0", country, country, None, country, "country")],
                    places=[Place(0, 0, country, country, country, None, None, "country")])


QUAKE = ("Earthquake shakes coastal towns of Ecuador", "A strong earthquake shook coastal towns in Ecuador, "
         "damaging houses and roads near the port of Manta.", "ECU")
QUAKE2 = ("Ecuador counts damage after coastal earthquake", "Rescuers in Ecuador counted damaged houses and roads "
          "after the earthquake near the port of Manta.", "ECU")
OTHER = [(f"Harvest report {i}", f"Farmers in province {i} of Malawi reported a harvest of maize and beans "
          f"number {i}.", "MWI") for i in range(5)]


def test_undated_articles_join_only_stories_of_their_own_run():
    grouper = StoryGrouper()
    first = grouper.assign("q1", None, hand("q1", *QUAKE), run="r1")
    same_run = grouper.assign("q2", None, hand("q2", *QUAKE2), run="r1")
    other_run = grouper.assign("q3", None, hand("q3", *QUAKE2), run="r2")
    dated = grouper.assign("q4", "2022-05-01", hand("q4", *QUAKE2, published="2022-05-01"), run="r1")
    assert same_run.story_id == first.story_id
    assert other_run.is_new and dated.is_new  # another run's undated story; a dated article: its own world
    story = grouper.stories[first.story_id]
    assert (story.first, story.last, story.run, story.undated_from) == (None, None, "r1", 0)
    later_undated = grouper.assign("q5", None, hand("q5", *QUAKE), run="r1")
    assert later_undated.story_id == first.story_id  # not pulled into the dated story


def test_undated_story_takes_articles_only_within_the_window(monkeypatch):
    monkeypatch.setattr(stories_module, "UNDATED_WINDOW", 3)
    grouper = StoryGrouper()
    first = grouper.assign("q1", None, hand("q1", *QUAKE), run="r1")
    for i, other in enumerate(OTHER[:3]):
        grouper.assign(f"o{i}", None, hand(f"o{i}", *other), run="r1")
    # q1 is the fourth undated article back: out of the window of three
    assert grouper.assign("q2", None, hand("q2", *QUAKE2), run="r1").is_new
    again = StoryGrouper()
    again.assign("q1", None, hand("q1", *QUAKE), run="r1")
    for i, other in enumerate(OTHER[:2]):
        again.assign(f"o{i}", None, hand(f"o{i}", *other), run="r1")
    assert again.assign("q2", None, hand("q2", *QUAKE2), run="r1").story_id == first.story_id


def test_a_restored_grouper_goes_on_with_its_runs_undated_stories(monkeypatch):
    from tidings.ingest.stories import Story

    monkeypatch.setattr(stories_module, "UNDATED_WINDOW", 3)
    items = [("q1", QUAKE)] + [(f"o{i}", o) for i, o in enumerate(OTHER[:2])]
    live = StoryGrouper()
    for key, item in items:
        live.assign(key, None, hand(key, *item), run="r1")
    saved = [Story.from_json(json.loads(json.dumps(s.to_json()))) for s in live.stories.values()]
    restored = StoryGrouper.from_stories(saved)
    more = [("q2", QUAKE2), ("o9", OTHER[4]), ("q3", QUAKE2)]
    got = {}
    for name, grouper in (("live", live), ("restored", restored)):
        got[name] = [grouper.assign(key, None, hand(key, *item), run="r1") for key, item in more]
    assert got["live"] == got["restored"]
    q2, _, q3 = got["live"]
    assert q2.story_id == stories_module.story_id("q1")
    assert q3.is_new  # by then q1 is the fifth undated article back: out of the window of three


def test_two_ingest_runs_keep_their_undated_stories_apart(pipeline, tmp_path):
    db = tmp_path / "runs.db"
    quake = "A strong earthquake shook coastal towns in Ecuador, damaging houses and roads near the port of Manta."
    quake2 = "Rescuers in Ecuador counted damaged houses and roads after the earthquake near the port of Manta."
    quake3 = "After the earthquake near the port of Manta, Ecuador repaired houses and roads in the coastal towns."
    with Store.open(db) as store:
        # one Ingestor per article: the second of run r1 reloads r1's undated stories from the store
        for run, key, text in (("r1", "a", quake), ("r1", "b", quake2), ("r2", "c", quake3)):
            Ingestor(store, pipeline, run=run).ingest([Article(id=key, text=text, title=None, origin=key)])
        stories = dict(store.conn.execute("SELECT id, story_id FROM articles"))
        assert stories["a"] == stories["b"] != stories["c"]
        runs = dict(store.conn.execute("SELECT id, run FROM stories"))
        assert runs == {stories["a"]: "r1", stories["c"]: "r2"}
        assert check_stories(store) == []


# -- migration ---------------------------------------------------------------------------------------------
def write_v7_rows(conn) -> None:
    """What a version-7 writer left (any connection with ``execute`` and ``?`` placeholders): an
    article with no published date put on the day it was ingested (its events too, but for one whose
    own date named another day), a dated article, their stories, and the rollups as v7 kept them
    (everything on a day). The caller migrated ``conn`` to version 7."""
    from tidings.store import rollups

    ins = ("INSERT INTO articles (aid, id, published, day, text, content_hash, pipeline_version, analysis, story_id, "
           "ingested_at) VALUES (?, ?, ?, ?, 'text', ?, 'v0', ?, ?, ?)")
    conn.execute(ins, (1, "nodate", None, "2024-01-15", "h1", pack_json("{}"), "S1", "2024-01-15T09:00:00+00:00"))
    conn.execute(ins, (2, "dated", "2023-12-01", "2023-12-01", "h2", pack_json("{}"), "S2",
                       "2024-01-15T09:00:00+00:00"))
    ev = ("INSERT INTO events (aid, event_id, src, tgt, cameo, quad, goldstein, mode, date, day) "
          "VALUES (?, ?, ?, ?, '036', 1, 4.0, 'asserted', ?, ?)")
    conn.execute(ev, (1, "e0", "BRAGOV", "PRYGOV", None, "2024-01-15"))
    conn.execute(ev, (1, "e1", "BRAGOV", "PRYGOV", "2023-11-20", "2023-11-20"))
    conn.execute(ev, (2, "e0", "BRAGOV", "PRYGOV", "2023-12-01", "2023-12-01"))
    conn.execute("INSERT INTO mentions VALUES (1, 'a0', 'BRAGOV', 'Brazil', 'country', 2)")
    for seq, (sid, day) in enumerate((("S1", "2024-01-15"), ("S2", "2023-12-01")), 1):
        state = {"id": sid, "first": day, "last": day, "articles": [], "first_date": day, "last_date": day}
        conn.execute("INSERT INTO stories (id, title, first_date, last_date, article_count, state, updated_at, seq) "
                     "VALUES (?, 't', ?, ?, 1, ?, '', ?)", (sid, day, day, json.dumps(state), seq))
    conn.execute("BEGIN")
    rollups.rebuild(conn)
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM dyad_day WHERE period = '2024-01-15'").fetchone()[0] == 1


def assert_v7_days_given_back(store) -> None:
    """What the v8 migration makes of ``write_v7_rows``, on either kind of store."""
    c = store.conn
    assert store.schema_version == schema.SCHEMA_VERSION >= 8
    assert dict(c.execute("SELECT id, day FROM articles")) == {"nodate": None, "dated": "2023-12-01"}
    assert c.execute("SELECT a.id, e.event_id, e.day FROM events e JOIN articles a USING (aid) "
                     "ORDER BY 1, 2").fetchall() == [("dated", "e0", "2023-12-01"), ("nodate", "e0", None),
                                                     ("nodate", "e1", "2023-11-20")]
    stories = {sid: (first, last, json.loads(state)["first"]) for sid, first, last, state
               in c.execute("SELECT id, first_date, last_date, state FROM stories")}
    assert stories == {"S1": (None, None, None), "S2": ("2023-12-01", "2023-12-01", "2023-12-01")}
    assert store.check_rollups() == []
    assert c.execute("SELECT period, n FROM dyad_day ORDER BY 1").fetchall() == [("2023-11-20", 1),
                                                                                 ("2023-12-01", 1)]
    assert c.execute("SELECT n FROM dyad_total").fetchone() == (3,)
    assert c.execute("SELECT mentions FROM actor_total WHERE code = 'BRAGOV'").fetchone() == (2,)
    assert c.execute("SELECT count(*) FROM actor_day WHERE mentions > 0").fetchone() == (0,)
    # an old undated story (no run) is never reloaded into a grouper
    assert store.open_stories(None, None) == [json.loads(
        c.execute("SELECT state FROM stories WHERE id = 'S2'").fetchone()[0])]


def test_v7_store_migrates_its_invented_days_away(tmp_path):
    from tidings.store import rollups

    path = tmp_path / "v7.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=7)
    rollups.register(conn)
    write_v7_rows(conn)
    conn.close()
    with Store.open(path) as store:
        assert_v7_days_given_back(store)
        c = store.conn
        notnull = {(t, r[1]): r[3] for t in ("articles", "events") for r in c.execute(f"PRAGMA table_info({t})")}
        assert notnull[("articles", "day")] == 0 and notnull[("events", "day")] == 0
        assert {"run"} <= {r[1] for r in c.execute("PRAGMA table_info(stories)")}
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- views and exports -------------------------------------------------------------------------------------
def test_export_leaves_the_date_columns_of_undated_events_empty(undated_db, tmp_path):
    with Store.open(undated_db, readonly=True) as store:
        export_events(store, "csv", tmp_path / "events.csv")
        export_events(store, "jsonl", tmp_path / "events.jsonl")
    with open(tmp_path / "events.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_date = {(r["ArticleId"], r["SQLDATE"], r["MonthYear"], r["Year"]) for r in rows}
    assert ("lima", "", "", "") in by_date and ("santiago", "", "", "") in by_date
    assert ("rabat", "20230602", "202306", "2023") in by_date and ("border", "20210303", "202103", "2021") in by_date
    lines = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text().splitlines()]
    lima = [r for r in lines if r["ArticleId"] == "lima"]
    assert lima and all(r["SQLDATE"] is None and r["MonthYear"] is None and r["Year"] is None for r in lima)


def test_api_gives_null_for_an_undated_day(undated_db, analysis_pool):
    with RunningServer(ServeConfig(db=undated_db, analysis_pool=analysis_pool)) as server:
        events = get(server, "/events", article="lima").json()["items"]
        assert events and all(e["day"] is None for e in events)
        articles = {a["id"]: a for a in get(server, "/articles").json()["items"]}
        assert articles["lima"]["day"] is None and articles["rabat"]["day"] == "2023-06-02"
        story = next(s for s in get(server, "/stories").json()["items"] if s["title"] == "Lima")
        assert story["first_date"] is None and story["last_date"] is None
        detail = get(server, f"/stories/{story['id']}").json()
        assert all(e["day"] is None for e in detail["timeline"])


def test_cli_warns_about_undated_items_and_tables_say_undated(run_cli, tmp_path):
    src = tmp_path / "items.jsonl"
    src.write_text("".join(json.dumps({"id": k, "title": k.title(), "text": TEXTS[k]}) + "\n"
                           for k in ("lima", "santiago")) +
                   json.dumps({"id": "rabat", "text": TEXTS["rabat"], "published": "2023-06-02"}) + "\n")
    done = run_cli("ingest", str(src), "--db", str(tmp_path / "cli.db"))
    assert done.returncode == 0, done.stderr.decode()
    err = done.stderr.decode()
    assert "warning: 2 articles had no publication date" in err
    assert "--published" in err and "--column published=HEADER" in err and '"published"' in err
    table = run_cli("events", "--db", str(tmp_path / "cli.db"), "--source", "CHL")
    assert table.returncode == 0 and "undated" in table.stdout.decode()
    assert _today() not in table.stdout.decode()


def test_a_dated_dateline_without_a_comma_gives_the_publication_date(pipeline, tmp_path):
    text = "QUITO, Ecuador Nov. 4, 2019 - Rescuers searched collapsed houses in the hills above the city."
    assert pipeline.analyze(text, {"id": "quito"}).published == "2019-11-04"
    with Store.open(tmp_path / "dl.db") as store:
        summary = Ingestor(store, pipeline).ingest([Article(id="quito", text=text, title=None, origin="quito")])
        assert summary.undated == 0
        assert store.conn.execute("SELECT day FROM articles").fetchone() == ("2019-11-04",)


def test_no_date_range_holds_an_undated_story_or_article(undated_db):
    with Store.open(undated_db, readonly=True) as store:
        q = store.queries
        everything = {s.title for s in q.stories(limit=50)}
        ranged = {s.title for s in q.stories(since="1900-01-01", until="2999-12-31", limit=50)}
        assert "Lima" in everything and "Lima" not in ranged and "Rabat" in ranged
        assert {a.id for a in q.articles(since="1900-01-01", limit=50)} == {"rabat"}
