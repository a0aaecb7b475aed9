"""Symmetric events (talks, meetings, clashes between A and B: ``Event.symmetric``) from the model to the
export: stored once, read back, counted once in undirected dyad series and top dyads, in both directed
series of their pair, kept right by the rollup deltas, carried by a v4 file that upgrades in place, and
written as one export row with ``Symmetric`` = 1. Events are built by hand (no coder)."""
from __future__ import annotations

import csv
import json
import random
import sqlite3
from datetime import date, timedelta

import pyarrow.parquet as pq
import pytest

from test_store_fixtures import ACTORS, CAMEO, add, make, store  # noqa: F401  (store is a fixture)
from tidings.model import Analysis
from tidings.store import SCHEMA_VERSION, Store, rollups, schema
from tidings.store.export import NAMES, export_events
from tidings.store.rows import pack_json


def symmetric(item, *indices):
    """``make(...)``'s result with the events at ``indices`` marked symmetric."""
    article, analysis, h = item
    for i in indices:
        analysis.events[i].symmetric = True
    return article, analysis, h


@pytest.fixture
def talks(store):
    """US and Russia: one accusation each way (directed), two rounds of talks (symmetric; Russia named
    first in one, the US in the other), and a clash between Russia's government and army."""
    add(store, symmetric(make("a1", [("USAGOV", "112", "RUSGOV", "2022-01-10"), ("RUSGOV", "036", "USAGOV", "2022-01-10"),
                                     ("USAGOV", "042", "RUSGOV", "2022-01-12"), ("RUSGOV", "163", "USAGOV", "2022-01-12"),
                                     ("RUSGOV", "190", "RUSMIL", "2022-02-01")], published="2022-01-12"), 1, 2, 4))
    return store


# -- the model -------------------------------------------------------------------------------------------
def test_symmetric_is_in_the_analysis_json_and_reads_back():
    _, analysis, _ = symmetric(make("a1", [("RUSGOV", "036", "USAGOV"), ("RUSGOV", "112", "USAGOV")]), 0)
    data = json.loads(json.dumps(analysis.to_json()))
    assert [e["symmetric"] for e in data["events"]] == [True, False]
    assert [e.symmetric for e in Analysis.from_json(data).events] == [True, False]
    for e in data["events"]:  # JSON written before the field existed
        del e["symmetric"]
    assert [e.symmetric for e in Analysis.from_json(data).events] == [False, False]


# -- stored and read back ----------------------------------------------------------------------------------
def test_a_symmetric_event_is_stored_once_and_read_back(talks):
    q = talks.queries
    rows = sorted(q.events(limit=100), key=lambda e: e.event_id)
    assert [(e.event_id, e.source, e.target, e.symmetric) for e in rows] == [
        ("e0", "USAGOV", "RUSGOV", False), ("e1", "RUSGOV", "USAGOV", True), ("e2", "USAGOV", "RUSGOV", True),
        ("e3", "RUSGOV", "USAGOV", False), ("e4", "RUSGOV", "RUSMIL", True)]
    assert all(type(e.symmetric) is bool for e in rows)
    analysis = Analysis.from_json(q.article("a1")["analysis"])
    assert [e.symmetric for e in analysis.events] == [False, True, True, False, True]
    # the filters match the stored order: the first-named party is the source
    assert [e.event_id for e in q.events(source="RUSGOV", target="USAGOV", limit=100)] == ["e3", "e1"]


# -- dyad series -----------------------------------------------------------------------------------------
def test_dyad_series_undirected_counts_a_symmetric_event_once(talks):
    [jan] = talks.queries.dyad("USA", "RUS", by="month")
    assert (jan.period, jan.events, jan.forward, jan.backward, jan.symmetric) == ("2022-01-01", 4, 1, 1, 2)
    assert (jan.q1, jan.q3, jan.q4) == (2, 1, 1)
    assert jan.goldstein_sum == pytest.approx(-2.0 + 4.0 + 1.9 - 8.0)
    # the same from the other side: forward and backward swap, symmetric stays
    [other] = talks.queries.dyad("RUS", "USA", by="month")
    assert (other.events, other.forward, other.backward, other.symmetric) == (4, 1, 1, 2)


def test_dyad_series_directed_counts_a_symmetric_event_in_both_directions(talks):
    q = talks.queries
    us_ru = q.dyad("USA", "RUS", by="day", directed=True)
    assert [(p.period, p.events, p.forward, p.symmetric) for p in us_ru] == [("2022-01-10", 2, 1, 1),
                                                                             ("2022-01-12", 1, 0, 1)]
    ru_us = q.dyad("RUS", "USA", by="day", directed=True)
    assert [(p.period, p.events, p.forward, p.symmetric) for p in ru_us] == [("2022-01-10", 1, 0, 1),
                                                                             ("2022-01-12", 2, 1, 1)]
    # so the two directed series add up to more than the undirected one: by the symmetric events
    undirected = sum(p.events for p in q.dyad("USA", "RUS", by="year"))
    assert sum(p.events for p in us_ru) + sum(p.events for p in ru_us) == undirected + 2


def test_dyad_series_with_overlapping_prefixes_counts_a_symmetric_event_once(talks):
    # RUSGOV-RUSMIL matches RUS-RUS both ways round: still one event
    for directed in (False, True):
        [feb] = talks.queries.dyad("RUS", "RUS", by="month", since="2022-02-01", directed=directed)
        assert (feb.events, feb.symmetric, feb.forward) == (1, 1, 0)


# -- top dyads ---------------------------------------------------------------------------------------------
def _top(rows):
    return [(d.source, d.target, d.undirected, d.events, d.symmetric) for d in rows]


def test_top_dyads_list_a_pair_s_symmetric_events_once(talks, monkeypatch):
    q = talks.queries
    want = [("RUSGOV", "USAGOV", True, 2, 2), ("RUSGOV", "RUSMIL", True, 1, 1), ("RUSGOV", "USAGOV", False, 1, 0),
            ("USAGOV", "RUSGOV", False, 1, 0)]
    assert _top(q.top_dyads()) == want  # all time: the top of the two indexes
    assert _top(q.top_dyads(since="2022-01-01", until="2022-02-28")) == want  # ranged: candidates
    assert _top(q.top_dyads(2)) == want[:2]
    assert _top(q.top_dyads(since="2022-01-11", until="2022-01-31")) == [("RUSGOV", "USAGOV", False, 1, 0),
                                                                          ("RUSGOV", "USAGOV", True, 1, 1)]
    undirected = [("RUSGOV", "USAGOV", True, 4, 2), ("RUSGOV", "RUSMIL", True, 1, 1)]
    assert _top(q.top_dyads(directed=False)) == undirected
    assert _top(q.top_dyads(directed=False, since="2022-01-01", until="2022-12-31")) == undirected
    monkeypatch.setattr(type(q), "_top_dyads_by_candidates", lambda *a, **k: None)  # the grouping fallback
    assert _top(q.top_dyads(since="2022-01-01", until="2022-02-28")) == want


def test_actor_page_partners_count_symmetric_events_apart(talks):
    page = talks.queries.actor_page("USAGOV")
    [rus] = page.partners
    assert (rus.code, rus.events, rus.outgoing, rus.incoming, rus.symmetric) == ("RUSGOV", 4, 1, 1, 2)
    # each party of a symmetric event counts it once, the first-named as source
    assert (page.events, page.as_source, page.as_target) == (4, 2, 2)


# -- rollups: deltas equal a recount ------------------------------------------------------------------------
def _random_article(rng: random.Random, article_id: str, text: str | None = None):
    codes = list(ACTORS) + [None]
    events, marks = [], []
    for i in range(rng.randrange(0, 7)):
        day = (date(2021, 12, 20) + timedelta(days=rng.randrange(80))).isoformat()
        events.append((rng.choice(codes), rng.choice(list(CAMEO)), rng.choice(codes), day,
                       rng.choice(["asserted"] * 5 + ["negated", "future"])))
        if rng.random() < 0.4:
            marks.append(i)
    published = (date(2021, 12, 20) + timedelta(days=rng.randrange(80))).isoformat()
    return symmetric(make(article_id, events, published=published, text=text), *marks)


@pytest.fixture
def busy(store):
    rng = random.Random(8)
    with store.batch("v1") as tx:
        for i in range(90):
            tx.add_article(*_random_article(rng, f"a{i}"))
    return store


def _pair_tables(conn) -> dict:
    """Dyad and pair rollups, Goldstein sums to 6 decimals (float sums in another order differ in the last bits)."""
    return {f"{family}_{grain}": [tuple(round(x, 6) if isinstance(x, float) else x for x in r)
                                  for r in conn.execute(f"SELECT * FROM {family}_{grain} ORDER BY 1, 2, 3")]
            for family in ("dyad", "pair") for grain in rollups.DYAD_GRAINS}


def test_rollups_with_symmetric_events_equal_a_recount_after_adds_replacements_and_deletes(busy):
    store, rng = busy, random.Random(9)
    assert store.conn.execute("SELECT count(*) FROM pair_day").fetchone()[0] > 0
    assert store.conn.execute("SELECT count(*) FROM pair_total WHERE a > b").fetchone()[0] == 0
    assert store.check_rollups() == []
    for i in rng.sample(range(90), 20):  # re-analysis flips events between symmetric and directed
        text = store.queries.article(f"a{i}")["analysis"]["text"]
        store.replace_analysis(f"a{i}", _random_article(rng, f"a{i}", text=text)[1], "v2")
    with store.batch("v3") as tx:
        for i in rng.sample(range(90), 10):
            tx.add_article(*_random_article(rng, f"a{i}", text=f"a new text for a{i}"))
    assert store.check_rollups() == []
    before = _pair_tables(store.conn)
    store.rebuild_rollups()
    assert _pair_tables(store.conn) == before
    store.conn.execute("UPDATE pair_month SET n = n + 1")
    assert store.check_rollups() and all("pair_month" in p for p in store.check_rollups())


def _series_by_counting(store, a, b, by, since, until, directed):
    ca, cb = set(store.queries.codes(a)), set(store.queries.codes(b))
    out: dict[str, list] = {}
    for e in store.queries.events(since=since, until=until, mode="asserted", limit=100_000):
        fwd = e.source in ca and e.target in cb
        bwd = e.source in cb and e.target in ca
        # a symmetric event has no direction: a->b as much as b->a; a directed one matching both ways
        # (overlapping prefixes) is flagged forward and backward, as the store's series do
        counted = (fwd or bwd) if e.symmetric else fwd or (bwd and not directed)
        if not counted:
            continue
        d = date.fromisoformat(e.day)
        start = {"day": d, "week": d - timedelta(days=d.weekday()), "month": d.replace(day=1),
                 "year": date(d.year, 1, 1)}[by].isoformat()
        p = out.setdefault(start, [0, 0, 0, 0, 0.0])
        p[0] += 1
        if e.symmetric:
            p[3] += 1
        else:
            p[1] += fwd
            p[2] += bwd
        p[4] += e.goldstein
    return [(k, v[0], v[1], v[2] if not directed else 0, v[3], round(v[4], 6)) for k, v in sorted(out.items())]


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_dyad_series_from_the_grains_match_counting_with_symmetric_events(busy, by):
    ranges = [(None, None), ("2022-01-05", None), ("2021-12-22", "2022-02-09"), ("2022-01-03", "2022-01-09"),
              ("2022-01-04", "2022-01-06")]
    for a, b in (("RUS", "UKR"), ("UKRGOV", "RUSGOV"), ("RUS", "RUS"), ("NATO", "USA")):
        for directed in (False, True):
            for since, until in ranges:
                got = [(p.period, p.events, p.forward, p.backward if not directed else 0, p.symmetric,
                        round(p.goldstein_sum, 6)) for p in busy.queries.dyad(a, b, by, since, until, directed)]
                assert got == _series_by_counting(busy, a, b, by, since, until, directed), (a, b, since, until, directed)


def test_top_dyads_match_counting_with_symmetric_events(busy):
    q = busy.queries
    for since, until in [(None, None), ("2021-12-22", "2022-02-15"), ("2022-01-04", "2022-01-26")]:
        directed: dict = {}
        merged: dict = {}
        for e in q.events(since=since, until=until, mode="asserted", limit=100_000):
            if e.source and e.target:
                pair = tuple(sorted((e.source, e.target)))
                key = pair + (True,) if e.symmetric else (e.source, e.target, False)
                directed[key] = directed.get(key, 0) + 1
                n, s = merged.get(pair, (0, 0))
                merged[pair] = (n + 1, s + e.symmetric)
        got = {(d.source, d.target, d.undirected): d.events for d in q.top_dyads(1000, since=since, until=until)}
        assert got == directed, (since, until)
        got = {(d.source, d.target): (d.events, d.symmetric)
               for d in q.top_dyads(1000, since=since, until=until, directed=False)}
        assert got == merged, (since, until)
        if since:
            union = q._top_dyads_by_candidates(30, since, until, start=10_000)
            for n in (1, 3, 7):
                assert q._top_dyads_by_candidates(n, since, until, start=1) == union[:n]


# -- migration of a v4 file ------------------------------------------------------------------------------
def _v4_file(path) -> None:
    """A store as version 4 left it: the migrations are frozen, so ``target=4`` runs the same DDL as the
    code before v5; one article with a directed event each way, rollups recounted as v4 kept them."""
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=4)
    old_json = {"id": "old", "events": [{"id": "e0", "source": None, "target": None, "cameo": "036", "plover": "CONSULT",
                                         "quad": 1, "goldstein": 4.0, "mode": "asserted", "date": "2021-05-03",
                                         "place": None, "trigger": {"start": 0, "end": 4, "text": "held"},
                                         "sentence": 0, "confidence": 0.8, "evidence": "x"}]}
    conn.execute("BEGIN")
    conn.execute("INSERT INTO articles (aid, id, published, day, text, content_hash, pipeline_version, analysis, "
                 "ingested_at) VALUES (1, 'old', '2021-05-03', '2021-05-03', 'held talks', 'h1', 'v0', ?, '2021-05-03T00:00:00+00:00')",
                 (pack_json(json.dumps(old_json)),))
    for i, (src, tgt, cameo, quad, g) in enumerate([("RUSGOV", "UKRGOV", "036", 1, 4.0),
                                                    ("UKRGOV", "RUSGOV", "036", 1, 4.0)]):
        conn.execute("INSERT INTO events (aid, event_id, src, tgt, cameo, quad, goldstein, mode, day) "
                     "VALUES (1, ?, ?, ?, ?, ?, ?, 'asserted', '2021-05-03')", (f"e{i}", src, tgt, cameo, quad, g))
        conn.execute("INSERT OR IGNORE INTO codes VALUES (?)", (src,))
    rollups.rebuild(conn)
    conn.execute("COMMIT")
    conn.close()


def test_a_v4_store_upgrades_in_place_and_then_takes_symmetric_events(tmp_path):
    path = tmp_path / "v4.db"
    _v4_file(path)
    conn = sqlite3.connect(path)
    assert schema.current_version(conn) == 4
    assert "symmetric" not in {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    dyads_before = conn.execute("SELECT * FROM dyad_day ORDER BY 1, 2, 3").fetchall()
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION >= 5  # v5 added the column; later versions keep it
        assert s.conn.execute("SELECT symmetric FROM events").fetchall() == [(0,), (0,)]
        assert s.conn.execute("SELECT * FROM dyad_day ORDER BY 1, 2, 3").fetchall() == dyads_before
        assert s.conn.execute("SELECT count(*) FROM pair_total").fetchone()[0] == 0
        assert s.check_rollups() == []
        assert s.counts()["events"] == 2
        assert [(e.symmetric) for e in s.queries.events()] == [False, False]
        assert Analysis.from_json({**s.queries.article("old")["analysis"]}).events[0].symmetric is False
        [point] = s.queries.dyad("RUS", "UKR", by="month")
        assert (point.events, point.forward, point.backward, point.symmetric) == (2, 1, 1, 0)
        add(s, symmetric(make("new", [("UKRGOV", "036", "RUSGOV", "2021-05-04")]), 0))
        [point] = s.queries.dyad("RUS", "UKR", by="month")
        assert (point.events, point.forward, point.backward, point.symmetric) == (3, 1, 1, 1)
        assert s.check_rollups() == []
    with Store.open(path) as s:  # opening again migrates nothing
        assert [r[0] for r in s.conn.execute("SELECT version FROM schema_version")] == list(range(1, SCHEMA_VERSION + 1))


def test_a_v1_store_migrates_through_v5_with_a_rollup_rebuild(tmp_path):
    """The v2 step asks for a rebuild, which runs after v5 added the column; a file stopped at v2 (the
    week-grain test) rebuilds without it."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=1)
    conn.execute("INSERT INTO articles (aid, id, published, day, text, content_hash, pipeline_version, analysis, "
                 "ingested_at) VALUES (1, 'old', '2021-05-03', '2021-05-03', 'text', 'h1', 'v0', ?, '2021-05-03T00:00:00+00:00')",
                 (pack_json("{}"),))
    conn.execute("INSERT INTO events (aid, event_id, src, tgt, cameo, quad, goldstein, mode, day) "
                 "VALUES (1, 'e0', 'RUSGOV', 'UKRGOV', '190', 4, -10.0, 'asserted', '2021-05-03')")
    schema.migrate(conn, str(path), target=2)
    assert conn.execute("SELECT count(*) FROM dyad_total").fetchone()[0] == 1
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION and s.check_rollups() == []


# -- export ----------------------------------------------------------------------------------------------
def test_export_writes_a_symmetric_event_as_one_row_with_its_flag(talks, tmp_path):
    out = tmp_path / "events.csv"
    assert export_events(talks, "csv", out) == 5  # five events, five rows: none doubled
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert NAMES[-1] == "Symmetric" and list(rows[0]) == NAMES
    assert [(r["Actor1Code"], r["Actor2Code"], r["EventCode"], r["Symmetric"]) for r in rows] == [
        ("USAGOV", "RUSGOV", "112", "0"), ("RUSGOV", "USAGOV", "036", "1"), ("USAGOV", "RUSGOV", "042", "1"),
        ("RUSGOV", "USAGOV", "163", "0"), ("RUSGOV", "RUSMIL", "190", "1")]
    text = talks.queries.article("a1")["analysis"]["text"]
    talks_row = rows[1]  # Actor1 is the party named first
    assert text[int(talks_row["SourceStart"]):int(talks_row["SourceEnd"])] == "Russia"
    assert export_events(talks, "jsonl", tmp_path / "e.jsonl", cameo="03") == 1
    [row] = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert row["Symmetric"] == 1 and row["Actor1Code"] == "RUSGOV"
    assert export_events(talks, "parquet", tmp_path / "e.parquet") == 5
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column("Symmetric").to_pylist() == [0, 1, 1, 0, 1] and str(table.column("Symmetric").type) == "int64"


# -- the CLI ---------------------------------------------------------------------------------------------
def test_cli_dyad_and_top_dyads_carry_the_symmetric_counts(talks, run_cli):
    db = talks.path
    talks.close()
    r = run_cli("dyad", "USA", "RUS", "--by", "month", "--json", "--db", db)
    assert r.returncode == 0, r.stderr.decode()
    [point] = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert (point["events"], point["forward"], point["backward"], point["symmetric"]) == (4, 1, 1, 2)
    r = run_cli("dyad", "USA", "RUS", "--by", "month", "--directed", "--json", "--db", db)
    assert [json.loads(line)["events"] for line in r.stdout.decode().splitlines()] == [3]
    r = run_cli("top-dyads", "--json", "--db", db)
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert (rows[0]["source"], rows[0]["target"], rows[0]["undirected"], rows[0]["events"]) == ("RUSGOV", "USAGOV", True, 2)
    r = run_cli("top-dyads", "--db", db)  # the table names the unordered rows
    assert r.returncode == 0 and "undirected" in r.stdout.decode()
