"""Rollups kept by in-memory deltas: equal to a recount after adds (per article and in bulk), re-analysis,
replacement, copies and rollbacks; the week grain and its migration; series and ranged top-N read from
the grains agree with counting the events."""
from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest

from test_store_fixtures import ACTORS, CAMEO, add, make, store  # noqa: F401  (store is a fixture)
from tidings.model import Article
from tidings.store import SCHEMA_VERSION, Store, rollups, schema
from tidings.store.periods import segments
from tidings.store.rows import pack_json, prepare
from tidings.store.rollups import ACTOR_GRAINS, DYAD_GRAINS

CODES = list(ACTORS) + [None]
MODES = ["asserted"] * 6 + ["negated", "future"]


def _random_events(rng: random.Random, n: int) -> list[tuple]:
    out = []
    for _ in range(n):
        src, tgt = rng.choice(CODES), rng.choice(CODES)
        day = (date(2021, 12, 20) + timedelta(days=rng.randrange(80))).isoformat()
        out.append((src, rng.choice(list(CAMEO)), tgt, rng.choice([day, day, "2022-W03", None]), rng.choice(MODES)))
    return out


def _random_article(rng: random.Random, article_id: str, text: str | None = None):
    published = (date(2021, 12, 20) + timedelta(days=rng.randrange(80))).isoformat()
    events = [e if e[3] is not None else e[:3] for e in _random_events(rng, rng.randrange(0, 6))]
    events = [e if len(e) == 5 else e for e in events]
    quotes = [(rng.choice(list(ACTORS)), "We said so")] if rng.random() < 0.5 else []
    return make(article_id, events, published=published, quotes=quotes, text=text)


def _tables(conn) -> dict[str, list]:
    out = {}
    for family, grains in (("dyad", DYAD_GRAINS), ("actor", ACTOR_GRAINS)):
        for grain in grains:
            rows = conn.execute(f"SELECT * FROM {family}_{grain} ORDER BY 1, 2, 3").fetchall()
            out[f"{family}_{grain}"] = [tuple(round(x, 6) if isinstance(x, float) else x for x in r) for r in rows]
    return out


def _assert_exact(store: Store) -> None:
    """check_rollups() agrees, and the tables equal a from-scratch rebuild row for row (no zero rows)."""
    assert store.check_rollups() == []
    before = _tables(store.conn)
    store.rebuild_rollups()
    assert _tables(store.conn) == before
    for name, rows in before.items():
        assert all(r[3 if name.startswith("dyad") else 2:] != tuple([0] * (len(r) - 4) + [0.0])
                   for r in rows), name


def test_rollups_delta_path_matches_a_recount_under_a_random_workload(store):
    rng = random.Random(5)
    ids = []
    for b in range(6):
        with store.batch("v1") as tx:
            for i in range(12):
                article_id = f"a{b}-{i}"
                tx.add_article(*_random_article(rng, article_id))
                ids.append(article_id)
    _assert_exact(store)
    # re-analysis (replace_analysis), a new pipeline version (add_article, same text), a changed text
    # under a known id (another day), and copies, mixed in one batch and across batches
    for article_id in rng.sample(ids, 15):
        _, analysis, _ = _random_article(rng, article_id)
        text = store.queries.article(article_id)["analysis"]["text"]
        analysis.text = text
        store.replace_analysis(article_id, analysis, "v2")
    with store.batch("v3") as tx:
        for article_id in rng.sample(ids, 10):
            art = store.queries.article(article_id)
            a, an, _ = _random_article(rng, article_id, text=art["analysis"]["text"])
            tx.add_article(a, an, art["content_hash"])  # same text, new version: replaced
        for article_id in rng.sample(ids, 5):
            tx.add_article(*_random_article(rng, article_id, text=f"a new text for {article_id}"))
        for j, article_id in enumerate(rng.sample(ids, 5)):
            tx.add_copy(Article(id=f"copy{j}", text="dup", outlet="AP"), article_id, f"hc{j}")
    _assert_exact(store)


def test_rollups_bulk_path_equals_the_per_article_path(tmp_path):
    rng = random.Random(11)
    items = [_random_article(rng, f"a{i}") for i in range(60)]
    one, bulk = Store.open(tmp_path / "one.db"), Store.open(tmp_path / "bulk.db")
    with one.batch("v1") as tx:
        for item in items:
            tx.add_article(*item)
    with bulk.batch("v1") as tx:
        tx.add_prepared_many([prepare(a, an, h, "v1", None, None, "2022-03-01T00:00:00+00:00")
                              for a, an, h in items])
    assert _tables(one.conn) == _tables(bulk.conn)
    _assert_exact(bulk)
    one.close()
    bulk.close()


def test_rollups_replacement_removes_keys_that_fall_to_zero(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV", "2022-01-05")], published="2022-01-05"))
    article = store.queries.article("a1")
    _, new, _ = make("a1", [("USAGOV", "042", "NATO", "2023-06-01")], published="2023-06-01",
                     text=article["analysis"]["text"])
    store.replace_analysis("a1", new, "v2")
    assert store.conn.execute("SELECT src, tgt, period FROM dyad_week").fetchall() == [("USAGOV", "NATO", "2023-05-29")]
    assert store.conn.execute("SELECT count(*) FROM dyad_year WHERE period = '2022'").fetchone()[0] == 0
    assert {r[0] for r in store.conn.execute("SELECT code FROM actor_total")} == {"USAGOV", "NATO"}
    _assert_exact(store)


def test_rollups_add_then_replace_in_one_batch_leaves_no_zero_rows(store):
    first = make("a1", [("RUSGOV", "190", "UKRGOV")], published="2022-01-05")
    with store.batch("v1") as tx:
        tx.add_article(*first)
        tx.replace_analysis("a1", make("a1", [("USAGOV", "042", "UKRGOV")], text=first[1].text)[1])
    assert [(d.source, d.target) for d in store.queries.top_dyads()] == [("USAGOV", "UKRGOV")]
    _assert_exact(store)


def test_rollups_copies_do_not_count_events_twice(store):
    with store.batch("v1") as tx:
        tx.add_article(*make("a1", [("RUSGOV", "190", "UKRGOV")]))
        tx.add_copy(Article(id="c1", text="x", outlet="AP"), "a1", "hc1")
    before = _tables(store.conn)
    with store.batch("v1") as tx:
        tx.add_copy(Article(id="c2", text="y", outlet="BBC"), "a1", "hc2")
    assert _tables(store.conn) == before
    assert store.queries.top_dyads()[0].events == 1
    _assert_exact(store)


def test_rollups_pending_deltas_are_dropped_on_rollback(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV")]))
    before = _tables(store.conn)
    with pytest.raises(RuntimeError):
        with store.batch("v1") as tx:
            tx.add_article(*make("a2", [("RUSGOV", "190", "UKRGOV")] * 3))
            tx.flush()  # applied inside the transaction, then rolled back with it
            tx.add_article(*make("a3", [("USAGOV", "042", "UKRGOV")]))
            raise RuntimeError("stop")
    assert _tables(store.conn) == before
    add(store, make("a4", [("USAGOV", "042", "UKRGOV")]))
    _assert_exact(store)


def test_rollups_mentions_with_a_repeated_actor_id_count_like_the_table(store):
    a, an, h = make("a1", [("RUSGOV", "190", "UKRGOV")])
    with store.batch("v1") as tx:
        p = prepare(a, an, h, "v1")
        p.mentions.append((p.mentions[0][0], "USAGOV", "dup", "country", 2))  # same actor id, other code
        tx.add_prepared(p)
    _assert_exact(store)


def test_rollups_check_reports_drift_in_each_grain(store):
    add(store, make("a1", [("RUSGOV", "190", "UKRGOV")]))
    for table in ("dyad_week", "actor_year", "dyad_total"):
        store.conn.execute(f"UPDATE {table} SET n = n + 1")
        problems = store.check_rollups()
        assert problems and all(table in p for p in problems)
        store.rebuild_rollups()
    store.conn.execute("INSERT INTO dyad_day VALUES ('X', 'Y', '2022-01-01', 0, 0, 0, 0, 0, 0.0)")
    assert any("stored but not recounted" in p for p in store.check_rollups())


def test_rollups_week_of_matches_sql():
    conn = sqlite3.connect(":memory:")
    for day in ("2022-01-02", "2022-01-03", "2022-01-09", "2024-02-29", "2022-02-30", "not a day"):
        sql = rollups.GRAINS["week"].format(d="?")
        assert rollups.week_of(day) == conn.execute(f"SELECT {sql}", (day, day)).fetchone()[0], day


def test_migration_v2_file_gets_a_week_grain(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=1)
    conn.execute("INSERT INTO articles (aid, id, published, day, text, content_hash, pipeline_version, analysis, "
                 "ingested_at) VALUES (1, 'old', '2021-05-05', '2021-05-05', 'text', 'h1', 'v0', ?, '2021-05-05T00:00:00+00:00')",
                 (pack_json("{}"),))
    for i, day in enumerate(["2021-05-02", "2021-05-03", "2021-05-09", "2021-05-10"]):
        conn.execute("INSERT INTO events (aid, event_id, src, tgt, cameo, quad, goldstein, mode, day) "
                     "VALUES (1, ?, 'RUSGOV', 'UKRGOV', '190', 4, -10.0, 'asserted', ?)", (f"e{i}", day))
    schema.migrate(conn, str(path), target=2)  # rollups rebuilt as v2 had them: no week grain
    assert conn.execute("SELECT count(*) FROM dyad_day").fetchone()[0] == 4
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.conn.execute("SELECT period, n FROM dyad_week ORDER BY period").fetchall() == \
            [("2021-04-26", 1), ("2021-05-03", 2), ("2021-05-10", 1)]
        assert s.check_rollups() == []
        assert [(p.period, p.events) for p in s.queries.dyad("RUS", "UKR", by="week")] == \
            [("2021-04-26", 1), ("2021-05-03", 2), ("2021-05-10", 1)]


# -- reading the grains ------------------------------------------------------------------------------------
@pytest.fixture
def busy(store):
    rng = random.Random(3)
    with store.batch("v1") as tx:
        for i in range(80):
            tx.add_article(*_random_article(rng, f"a{i}"))
    return store


def _series_by_counting(store, a, b, by, since, until, directed):
    ca, cb = set(store.queries.codes(a)), set(store.queries.codes(b))
    out: dict[str, list] = {}
    for e in store.queries.events(since=since, until=until, mode="asserted", limit=100_000):
        fwd = e.source in ca and e.target in cb
        bwd = e.source in cb and e.target in ca
        if not (fwd or (bwd and not directed)):
            continue
        d = date.fromisoformat(e.day)
        start = {"day": d, "week": d - timedelta(days=d.weekday()), "month": d.replace(day=1),
                 "year": date(d.year, 1, 1)}[by].isoformat()
        p = out.setdefault(start, [0, 0, 0, 0.0])
        p[0] += 1
        p[1] += fwd
        p[2] += bwd
        p[3] += e.goldstein
    return [(k, v[0], v[1], v[2], round(v[3], 6)) for k, v in sorted(out.items())]


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_queries_dyad_series_from_the_grains_match_counting(busy, by):
    ranges = [(None, None), ("2022-01-05", None), (None, "2022-02-15"), ("2022-01-01", "2022-01-31"),
              ("2021-12-22", "2022-02-09"), ("2022-01-03", "2022-01-09"), ("2022-01-04", "2022-01-06"),
              ("2021-12-27", "2022-03-06")]
    for a, b in (("RUS", "UKR"), ("RUSGOV", "UKRGOV"), ("RUS", "RUS"), ("USA", "NATO")):
        for directed in (False, True):
            for since, until in ranges:
                got = [(p.period, p.events, p.forward, p.backward if not directed else 0,
                        round(p.goldstein_sum, 6)) for p in busy.queries.dyad(a, b, by, since, until, directed)]
                want = _series_by_counting(busy, a, b, by, since, until, directed)
                if directed:
                    want = [(k, n, f, 0, g) for k, n, f, _, g in want]
                assert got == want, (a, b, by, since, until, directed)


def test_queries_ranged_top_dyads_with_week_pieces_match_counting(busy):
    for since, until in [("2021-12-22", "2022-02-15"), ("2022-01-04", "2022-01-26"), ("2021-12-20", "2022-03-13"),
                         ("2022-01-10", "2022-01-16")]:
        assert any(g == "week" for g, _, _ in segments(date.fromisoformat(since), date.fromisoformat(until), True))
        got = {(d.source, d.target): d.events for d in busy.queries.top_dyads(500, since=since, until=until)}
        want: dict = {}
        for e in busy.queries.events(since=since, until=until, mode="asserted", limit=100_000):
            if e.source and e.target:
                want[(e.source, e.target)] = want.get((e.source, e.target), 0) + 1
        assert got == want, (since, until)


def test_segments_with_weeks_cover_the_range_exactly():
    rng = random.Random(1)
    for _ in range(300):
        lo = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        hi = lo + timedelta(days=rng.randrange(800))
        days = []
        for grain, first, last in segments(lo, hi, weeks=True):
            if grain == "day":
                d, end = date.fromisoformat(first), date.fromisoformat(last)
            elif grain == "week":
                d, end = date.fromisoformat(first), date.fromisoformat(last) + timedelta(days=6)
                assert d.weekday() == 0
            elif grain == "month":
                d = date.fromisoformat(first + "-01")
                y, m = map(int, last.split("-"))
                end = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
            else:
                d, end = date(int(first), 1, 1), date(int(last), 12, 31)
            while d <= end:
                days.append(d)
                d += timedelta(days=1)
        assert days == [lo + timedelta(days=i) for i in range((hi - lo).days + 1)], (lo, hi)


def test_queries_ranged_top_dyads_threshold_path_is_exact(busy):
    q = busy.queries
    for since, until in [("2022-01-04", "2022-01-26"), ("2021-12-20", "2022-03-13"), ("2022-02-01", None)]:
        union = q._top_dyads_by_candidates(30, since, until, start=10_000)  # every dyad a candidate
        for n in (1, 2, 3, 5, 8):
            # few candidates first: grows until the n-th beats every dyad left out, same answer as all
            assert q._top_dyads_by_candidates(n, since, until, start=1) == union[:n], (since, until, n)
        assert [(d.source, d.target, d.events) for d in q.top_dyads(5, since, until)] == \
            [(s, t, e) for s, t, e, *_ in union[:5]]
    assert q._top_dyads_by_candidates(5, "2022-01-04", "2022-01-26", max_candidates=1, start=1) is None


def test_queries_events_with_both_sides_fan_out_over_pairs_and_page(busy):
    q = busy.queries
    everything = [e for e in q.events(limit=100_000) if e.source and e.target and e.source[:3] in ("RUS", "USA")
                  and e.target[:3] == "UKR"]
    want = [e.eid for e in sorted(everything, key=lambda e: (e.day, e.eid), reverse=True)]
    got = [e.eid for off in range(0, len(want) + 3, 3)
           for e in q.events(source="RUS", target="UKR", limit=3, offset=off)] + \
        [e.eid for e in q.events(source="USA", target="UKR", limit=1000)]
    got_sorted = sorted(got, key=lambda eid: want.index(eid))
    assert got_sorted == want and len(set(got)) == len(got)
    rus = [e.eid for e in q.events(source="RUS", target="UKR", limit=1000)]
    assert rus == [eid for eid in want if eid in set(rus)]
