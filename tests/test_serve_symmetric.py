"""Symmetric events over HTTP and in the dashboard: the REST API carries the field and the counts, the
dashboard reads a symmetric event "A ↔ B" and a directed one "A → B". A real server (uvicorn, loopback)
over a real store file whose events are built by hand (no coder)."""
from __future__ import annotations

import csv
import io

import pytest
import requests
from serving import RunningServer
from test_dashboard import Page, browser  # noqa: F401  (browser is a fixture)
from test_store_fixtures import make

from tidings.serve import ServeConfig
from tidings.store import Store

TIMEOUT = 60


@pytest.fixture(scope="module")
def server(tmp_path_factory, analysis_pool):
    """US and Russia: an accusation (US -> Russia), talks (symmetric, Russia named first), a meeting
    (symmetric, the US named first) and sanctions (Russia -> US)."""
    db = tmp_path_factory.mktemp("symmetric") / "talks.db"
    article, analysis, h = make("talks", [("USAGOV", "112", "RUSGOV", "2022-01-10"), ("RUSGOV", "036", "USAGOV", "2022-01-10"),
                                          ("USAGOV", "042", "RUSGOV", "2022-01-12"), ("RUSGOV", "163", "USAGOV", "2022-01-12")],
                                published="2022-01-12")
    analysis.events[1].symmetric = analysis.events[2].symmetric = True
    with Store.open(db) as store:
        with store.batch("v1") as tx:
            tx.add_article(article, analysis, h)
    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as running:
        yield running


def ok(server, path: str, **params):
    r = requests.get(server.url + path, params=params or None, timeout=TIMEOUT)
    assert r.status_code == 200, (path, r.status_code, r.text[:500])
    return r


def test_api_events_dyads_and_actor_pages_carry_symmetric(server):
    events = sorted(ok(server, "/events").json()["items"], key=lambda e: e["event_id"])
    assert [(e["source"], e["target"], e["symmetric"]) for e in events] == [
        ("USAGOV", "RUSGOV", False), ("RUSGOV", "USAGOV", True), ("USAGOV", "RUSGOV", True), ("RUSGOV", "USAGOV", False)]
    analysis = ok(server, "/articles/talks").json()["analysis"]
    assert [e["symmetric"] for e in analysis["events"]] == [False, True, True, False]
    top = ok(server, "/dyads").json()
    assert [(d["source"], d["target"], d["undirected"], d["events"], d["symmetric"]) for d in top] == [
        ("RUSGOV", "USAGOV", True, 2, 2), ("RUSGOV", "USAGOV", False, 1, 0), ("USAGOV", "RUSGOV", False, 1, 0)]
    [merged] = ok(server, "/dyads", directed="false").json()
    assert (merged["events"], merged["symmetric"], merged["undirected"]) == (4, 2, True)
    points = ok(server, "/dyads/USA/RUS", by="month").json()["points"]
    assert [(p["events"], p["forward"], p["backward"], p["symmetric"]) for p in points] == [(4, 1, 1, 2)]
    points = ok(server, "/dyads/USA/RUS", by="month", directed="true").json()["points"]
    assert [p["events"] for p in points] == [3]
    [partner] = ok(server, "/actors/USAGOV").json()["partners"]
    assert (partner["outgoing"], partner["incoming"], partner["symmetric"]) == (1, 1, 2)


def test_api_csv_download_has_one_row_per_event_and_the_symmetric_column(server):
    rows = list(csv.DictReader(io.StringIO(ok(server, "/events.csv").text)))
    assert len(rows) == 4
    assert sorted(r["Symmetric"] for r in rows) == ["0", "0", "1", "1"]


@pytest.fixture
def tab(browser, server, request):  # noqa: F811  (browser is test_dashboard's fixture)
    page = Page(browser, server.url, request.node.name.removeprefix("test_"))
    yield page
    page.close()
    assert not page.errors, page.errors


def test_dashboard_shows_a_symmetric_event_with_a_two_way_arrow(tab):
    tab.open("#/events")
    page = tab.page
    lines = page.locator("#events-table .event-line")
    assert lines.count() == 4
    arrows = page.locator("#events-table .event-line .arrow").all_inner_texts()
    assert sorted(arrows) == ["→", "→", "↔", "↔"]
    assert page.locator("#events-table .event-line.symmetric .arrow").all_inner_texts() == ["↔", "↔"]
    assert page.locator("#events-table .event-line.symmetric").first.inner_text().split()[-2] == "↔"
    tab.shot("events")
    tab.open("#/dyad/USA/RUS")
    assert "USA ↔ RUS: 2" in page.locator("#dyad-symmetric").inner_text()
    assert "USA → RUS: 1" in page.locator(".dyad-summary").inner_text()
    tab.shot("dyad")
    tab.open("#/article/talks")
    cards = page.locator("#event-panel .event-card")
    assert cards.count() == 4
    assert page.locator("#event-panel .event-card .symmetric-mark").count() == 2
    tab.shot("reader")
