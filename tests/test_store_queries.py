"""The query layer and the Python API: filters, prefixes, periods, top-N, actor pages, stories."""
from __future__ import annotations

import pytest

from test_store_fixtures import add, make, store  # noqa: F401  (store is a fixture)
from tidings.store import api


@pytest.fixture
def filled(store):
    with store.batch("v1") as tx:
        tx.add_article(*make("a1", [("RUSGOV", "190", "UKRGOV", "2022-01-03"), ("RUSMIL", "193", "UKRGOV", "2022-01-04"),
                                    ("UKRGOV", "112", "RUSGOV", "2022-01-04")], published="2022-01-04",
                             quotes=[("UKRGOV", "We will defend every city"), ("RUSGOV", "The operation goes on")]),
                       story_id="s1", story_state={"id": "s1", "title": "Invasion", "first_date": "2022-01-03",
                                                   "last_date": "2022-01-20"})
        tx.add_article(*make("a2", [("USAGOV", "163", "RUSGOV", "2022-01-20"), ("RUSGOV", "036", "UKRGOV", "2022-01-20"),
                                    ("NATO", "042", "UKRGOV", "2022-02-02")], published="2022-01-20",
                             quotes=[("USAGOV", "Sanctions will bite")]), story_id="s1",
                       story_state={"id": "s1", "title": "Invasion", "first_date": "2022-01-03",
                                    "last_date": "2022-02-02"})
        tx.add_article(*make("a3", [("RUSGOV", "190", "UKRGOV", "2023-03-01"),
                                    ("RUSGOV", "190", "UKRGOV", "2023-03-01", "negated")], published="2023-03-01"))
    return store


def test_queries_events_filters_and_code_prefixes(filled):
    q = filled.queries
    assert len(q.events()) == 8
    rus = q.events(source="RUS")
    assert {e.source for e in rus} == {"RUSGOV", "RUSMIL"} and len(rus) == 5
    assert [e.source for e in q.events(source="rusmil")] == ["RUSMIL"]
    assert q.events(source="XYZ") == []
    assert {(e.source, e.target) for e in q.events(source="RUS", target="UKR", plover_type="assault")} == \
        {("RUSGOV", "UKRGOV"), ("RUSMIL", "UKRGOV")}
    assert [e.cameo for e in q.events(cameo="16")] == ["163"]
    assert [e.day for e in q.events(since="2022-01-20", until="2022-01-31")] == ["2022-01-20", "2022-01-20"]
    assert {e.article_id for e in q.events(story="s1")} == {"a1", "a2"}
    assert [e.mode for e in q.events(mode="negated")] == ["negated"]
    assert {e.article_id for e in q.events(article="a2")} == {"a2"}


def test_queries_events_are_newest_first_and_page(filled):
    q = filled.queries
    days = [e.day for e in q.events()]
    assert days == sorted(days, reverse=True)
    pages = [e.eid for off in range(0, 8, 3) for e in q.events(limit=3, offset=off)]
    assert pages == [e.eid for e in q.events()]
    fanned = [e.eid for off in range(0, 5, 2) for e in q.events(source="RUS", limit=2, offset=off)]
    assert fanned == [e.eid for e in q.events(source="RUS")]  # paging across the fanned-out codes


def test_queries_event_row_carries_evidence_and_offsets(filled):
    [e] = filled.queries.events(source="USA")
    assert (e.cameo, e.base_code, e.root_code, e.plover, e.quad, e.goldstein) == ("163", "163", "16", "SANCTION", 4, -8.0)
    art = filled.queries.article("a2")
    text = art["analysis"]["text"]
    assert text[e.source_start:e.source_end] == "Washington" and text[e.target_start:e.target_end] == "Russia"
    assert e.evidence.startswith("events.tsv:") and e.url == "https://ex.com/a2" and e.outlet == "Wire"
    assert (e.place_name, e.lat) == ("Kyiv", 50.45)


def test_queries_quotes_search_speaker_and_actor(filled):
    q = filled.queries
    assert [x.text for x in q.quotes(search="defend town")] == []  # every word must occur
    assert [x.text for x in q.quotes(search="defend every")] == ["We will defend every city"]
    assert [x.speaker_name for x in q.quotes(speaker="wash")] == ["Washington"]
    assert [x.text for x in q.quotes(actor="RUS")] == ["The operation goes on"]
    assert [x.article_id for x in q.quotes()] == ["a2", "a1", "a1"]
    assert q.quotes(search='"unbalanced OR') == []  # user text is not FTS syntax


def test_queries_dyad_periods_and_directions(filled):
    q = filled.queries
    weekly = q.dyad("RUS", "UKR", by="week")
    # 2022-01-03 is a Monday; 01-04 in the same week; 01-20 (Thu) in the week of 01-17; negated not counted
    assert [(p.period, p.events, p.forward, p.backward) for p in weekly] == [
        ("2022-01-03", 3, 2, 1), ("2022-01-17", 1, 1, 0), ("2023-02-27", 1, 1, 0)]
    assert weekly[0].q4 == 2 and weekly[0].q3 == 1 and weekly[0].goldstein_sum == pytest.approx(-22.0)
    assert weekly[0].goldstein_mean == pytest.approx(-22.0 / 3)
    assert [(p.period, p.events) for p in q.dyad("RUS", "UKR", by="week", directed=True)][0] == ("2022-01-03", 2)
    monthly = q.dyad("RUS", "UKR", by="month", since="2022-01-01", until="2022-03-31", fill=True)
    assert [(p.period, p.events) for p in monthly] == [("2022-01-01", 4), ("2022-02-01", 0), ("2022-03-01", 0)]
    assert [(p.period, p.events) for p in q.dyad("RUS", "UKR", by="year")] == [("2022-01-01", 4), ("2023-01-01", 1)]
    assert [(p.period, p.events) for p in q.dyad("RUSGOV", "UKR", by="day", since="2022-01-04", until="2022-01-04")] == \
        [("2022-01-04", 1)]
    assert q.dyad("RUS", "ZZZ") == []
    with pytest.raises(ValueError, match="by must be"):
        q.dyad("RUS", "UKR", by="fortnight")


def test_queries_top_dyads_over_ranges_match_a_recount(filled):
    q = filled.queries
    top = q.top_dyads(3)
    assert [(d.source, d.target, d.events) for d in top][0] == ("RUSGOV", "UKRGOV", 3)
    # a range cut across days, months and years must give the same as counting the events
    for since, until in [("2022-01-04", "2023-03-01"), ("2022-01-01", "2022-12-31"), ("2022-01-05", "2022-02-10"),
                         (None, "2022-01-31"), ("2022-02-01", None)]:
        got = {(d.source, d.target): d.events for d in q.top_dyads(50, since=since, until=until)}
        want: dict = {}
        for e in q.events(since=since, until=until, mode="asserted", limit=1000):
            if e.source and e.target:
                want[(e.source, e.target)] = want.get((e.source, e.target), 0) + 1
        assert got == want, (since, until)
    merged = {(d.source, d.target): d.events for d in q.top_dyads(10, directed=False)}
    assert merged[("RUSGOV", "UKRGOV")] == 4


def test_queries_actors_and_actor_page(filled):
    q = filled.queries
    actors = {a.code: a for a in q.actors()}
    assert actors["RUSGOV"].events == 5 and actors["RUSGOV"].as_target == 2
    assert actors["UKRGOV"].mentions >= 6 and actors["UKRGOV"].articles == 3
    assert [a.code for a in q.actors(prefix="RUS", order="code")] == ["RUSGOV", "RUSMIL"]
    page = q.actor_page("RUS")
    assert page.codes == ["RUSGOV", "RUSMIL"] and page.events == 6
    assert (page.first_day, page.last_day) == ("2022-01-03", "2023-03-01")
    assert page.partners[0].code == "UKRGOV" and (page.partners[0].outgoing, page.partners[0].incoming) == (4, 1)
    assert [p.code for p in page.partners] == ["UKRGOV", "USAGOV"]
    assert [e.day for e in page.recent][:2] == ["2023-03-01", "2023-03-01"]
    ranged = q.actor_page("RUS", since="2022-01-01", until="2022-01-10")
    assert ranged.events == 3
    assert q.actor_page("XYZ") is None


def test_queries_stories_and_story_timeline(filled):
    q = filled.queries
    [s] = q.stories()
    assert (s.id, s.title, s.article_count, s.last_date) == ("s1", "Invasion", 2, "2022-02-02")
    assert q.stories(since="2022-03-01") == []
    detail = q.story("s1")
    assert [a.id for a in detail.articles] == ["a1", "a2"]
    days = [e.day for e in detail.timeline]
    assert days == sorted(days) and len(days) == 6
    assert q.story("nope") is None and q.article("nope") is None


def test_api_functions_and_frames(filled):
    rows = api.top_dyads(n=2, store=filled)
    assert rows[0].source == "RUSGOV"
    frame = api.dyad("RUS", "UKR", by="month", db=filled.path, as_frame=True)
    assert list(frame["events"]) == [4, 1] and "goldstein_mean" in frame.columns
    assert len(api.events(source="RUS", store=filled, as_frame=True)) == 5
    assert api.actor_page("RUS", store=filled).events == 6
    with pytest.raises(TypeError):
        api.story("s1", store=filled, as_frame=True)


def test_api_missing_pandas_is_a_clear_error(filled, monkeypatch):
    import builtins

    from tidings.errors import TidingsError

    real = builtins.__import__

    def fake(name, *a, **k):
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(TidingsError, match="needs pandas"):
        api.top_dyads(store=filled, as_frame=True)
