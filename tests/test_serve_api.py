"""The REST API (`tidings serve`) against a real uvicorn server over a real store, with `requests`.

Read endpoints run against ``sample_server`` (read-only, over the bundled examples, once over an SQLite
file and once over a PostgreSQL database); writes
against ``writable_server`` (a fresh store per test, of each kind, token ``serving.TOKEN``). Every article text
posted here is written for these tests.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
import requests
from serving import ROOT, TIDINGS, TOKEN, RunningServer, free_port, served_command

from tidings.serve import ServeConfig

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TIMEOUT = 60

# -- texts written for these tests ----------------------------------------------------------------------
AEGEAN = ("ATHENS, March 14, 2023 - Greece accused Turkey on Tuesday of violating its airspace over the Aegean "
          "Sea. The Greek foreign minister said Athens would file a complaint with NATO. \"We will not accept "
          "these provocations,\" the minister told reporters. Turkey rejected the accusation and called for talks.")
FISHERIES = ("OSLO, May 2, 2023 - Norway and Finland signed a fisheries agreement in Oslo on Tuesday, ending a "
             "two-year dispute over salmon quotas in the Tana river.\n\nThe Norwegian fisheries minister said the "
             "deal would protect wild salmon. Finland's government praised Norway for its cooperation. \"This is a "
             "good day for the river,\" the Finnish minister said.\n\nEnvironmental groups criticised both "
             "governments, accusing them of ignoring the decline of salmon stocks.")
NAIROBI = ("NAIROBI, June 1, 2023 - Police in Kenya fired tear gas at protesters who blocked a main road in Nairobi "
           "on Thursday, demanding lower food prices. The interior minister condemned the protests and warned that "
           "organisers would be arrested. \"The law will be enforced,\" he said.")
ANDES = ("LIMA, Sept. 5, 2023 - Peru and Bolivia agreed on Tuesday to reopen their border crossings at Lake "
         "Titicaca after a week of closures. The Peruvian president met the Bolivian foreign minister in Lima, and "
         "both governments promised to cooperate against smuggling. \"Trade must flow again,\" the minister said.")
BINARY_ISH = "\x00\x01\x02\x03\x04\x05\x06\x07binary\x0e\x0f" * 40

EXPECTED_PATHS = {"/status", "/events", "/events.csv", "/quotes", "/actors", "/actors/{code}", "/dyads",
                  "/dyads/{a}/{b}", "/places", "/stories", "/stories/{story_id}", "/articles",
                  "/articles/{article_id}", "/analyze"}
PAGED = ["/events", "/quotes", "/actors", "/stories", "/articles"]
#: the bundled sample articles the session store is built from (other files may join them)
SAMPLES = len([p for p in (ROOT / "examples").iterdir() if p.suffix in (".md", ".txt", ".html")
               and not p.name.startswith("README")])


# -- helpers --------------------------------------------------------------------------------------------
def get(server, path: str, **params) -> requests.Response:
    return requests.get(server.url + path, params=params or None, timeout=TIMEOUT)


def ok(server, path: str, **params):
    r = get(server, path, **params)
    assert r.status_code == 200, (path, params, r.status_code, r.text[:500])
    return r.json()


def assert_no_leak(text: str) -> None:
    """An error body never carries a stack trace or a path of the server's files."""
    assert "Traceback" not in text
    assert 'File "' not in text
    assert str(ROOT) not in text
    assert "site-packages" not in text
    assert not re.search(r"\.py\b", text)


def assert_error(r: requests.Response, status: int, contains: str | None = None) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json")
    assert_no_leak(r.text)
    body = r.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if contains:
        assert contains.lower() in body["error"]["message"].lower(), body
    return body["error"]


def all_pages(server, path: str, page_size: int = 1000, **params) -> list:
    """Every item of a paginated list, following ``next_offset``."""
    items, offset = [], 0
    while offset is not None:
        data = ok(server, path, limit=page_size, offset=offset, **params)
        assert data["limit"] == page_size and data["offset"] == offset
        items += data["items"]
        offset = data["next_offset"]
    return items


def check_spans(analysis: dict) -> int:
    """Every span of an analysis indexes its own text; returns how many were checked."""
    text, checked = analysis["text"], 0

    def span(what, s):
        nonlocal checked
        if s is None:
            return
        assert 0 <= s["start"] <= s["end"] <= len(text), (what, s)
        assert text[s["start"]:s["end"]] == s["text"], (analysis["id"], what, s, text[s["start"]:s["end"]])
        checked += 1

    for e in analysis["events"]:
        span("event trigger", e["trigger"])
        span("event source", e["source"])
        span("event target", e["target"])
    for q in analysis["quotes"]:
        span("quote", q)
        span("quote speaker", q["speaker"])
        span("quote cue", q["cue"])
    for a in analysis["actors"]:
        for m in a["mentions"]:
            span(f"mention of {a['name']}", m)
    for t in analysis["times"]:
        span("time", t)
    for p in analysis["places"]:
        span("place", p)
    span("dateline", analysis["dateline"])
    return checked


def post_articles(server, articles: list[dict], headers=AUTH) -> requests.Response:
    return requests.post(server.url + "/articles", json={"articles": articles}, headers=headers, timeout=300)


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, port_hex = fields[1].split(":")
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                if len(addr) == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(addr)[::-1]))
                else:
                    raw = b"".join(bytes.fromhex(addr[i:i + 8])[::-1] for i in range(0, 32, 8))
                    found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_server(request, sample_store, analysis_pool, pipeline):
    """The read endpoints' server, over each store: the session's SQLite file, and a PostgreSQL database
    ingested from the same examples (on the session's throwaway server)."""
    from serving import build_store

    db = sample_store
    if request.param == "postgresql":
        db = build_store(request.getfixturevalue("pg_server").new_database(), pipeline)
    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def writable_server(request, analysis_pool, tmp_path):
    """A server accepting POST /articles with ``TOKEN``, over a fresh store of each kind."""
    db = tmp_path / "posted.db" if request.param == "sqlite" else request.getfixturevalue("pg_database")
    with RunningServer(ServeConfig(db=db, token=TOKEN, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.fixture(scope="module")
def totals(sample_server):
    return ok(sample_server, "/status")["counts"]


@pytest.fixture(scope="module")
def all_events(sample_server):
    return all_pages(sample_server, "/events")


# -- /status, OpenAPI, docs, headers --------------------------------------------------------------------
def test_status_describes_the_store(sample_server, totals):
    status = ok(sample_server, "/status")
    assert status["read_only"] is True
    assert isinstance(status["version"], str) and status["schema_version"] >= 1
    assert totals["articles"] == SAMPLES >= 10 and totals["events"] > 20 and totals["quotes"] > 10 and totals["stories"] >= 1


def test_openapi_lists_every_path(sample_server):
    spec = ok(sample_server, "/openapi.json")
    assert spec["info"]["title"] == "tidings"
    assert EXPECTED_PATHS <= set(spec["paths"])
    assert "post" in spec["paths"]["/analyze"] and "post" in spec["paths"]["/articles"]
    assert "get" in spec["paths"]["/articles"]


def test_docs_page_uses_only_local_assets(sample_server):
    r = get(sample_server, "/docs")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    html = r.text
    assert "swagger" in html.lower()
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)
    assert refs, "the docs page loads its scripts and styles from somewhere"
    for ref in refs:
        assert not re.match(r"(?i)^(https?:)?//", ref), f"/docs loads {ref} from another site"
    assert not re.search(r"(?i)https?://", " ".join(refs))
    for ref in refs:  # each asset is really served by the server itself
        assert get(sample_server, ref).status_code == 200, ref


@pytest.mark.parametrize("method, path, body", [
    ("GET", "/status", None), ("GET", "/events?limit=1", None), ("GET", "/events.csv?limit=1", None),
    ("GET", "/docs", None), ("GET", "/openapi.json", None), ("GET", "/nowhere", None),
    ("GET", "/events?limit=0", None), ("GET", "/actors/ZZZZZZ", None), ("POST", "/analyze", {"text": ""}),
    ("POST", "/articles", {"articles": [{"text": "x"}]}), ("POST", "/analyze", "x" * 2_000_001),
])
def test_every_response_carries_security_headers(sample_server, method, path, body):
    kwargs = {"json": body} if isinstance(body, dict) else {"data": body} if body else {}
    r = requests.request(method, sample_server.url + path, timeout=TIMEOUT, **kwargs)
    csp = r.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers.get("X-Content-Type-Options") == "nosniff"
    if path.startswith("/docs"):
        return
    assert "unsafe-inline" not in csp


# -- pagination ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", PAGED)
def test_pages_follow_next_offset_without_gaps_or_repeats(sample_server, path):
    everything = ok(sample_server, path, limit=1000)
    assert everything["next_offset"] is None and everything["offset"] == 0
    total = len(everything["items"])
    assert total >= 3, path
    size = max(1, total // 3)
    paged, offset, pages = [], 0, 0
    while offset is not None:
        data = ok(sample_server, path, limit=size, offset=offset)
        assert set(data) == {"items", "limit", "offset", "next_offset", "total", "total_capped"}
        assert data["total"] in (total, None)  # counted lists count all of it on every page
        assert len(data["items"]) <= size
        if data["next_offset"] is not None:
            assert data["next_offset"] == offset + size and len(data["items"]) == size
        paged += data["items"]
        offset = data["next_offset"]
        pages += 1
    assert pages >= 3
    assert paged == everything["items"]  # same order, nothing missed, nothing twice
    past = ok(sample_server, path, limit=size, offset=total + 5)
    assert past["items"] == [] and past["next_offset"] is None


def test_status_counts_match_the_lists(sample_server, totals, all_events):
    assert len(all_events) == totals["events"]
    assert len({e["eid"] for e in all_events}) == len(all_events)
    assert len(all_pages(sample_server, "/quotes")) == totals["quotes"]
    assert len(all_pages(sample_server, "/articles")) == totals["articles"]
    assert len(all_pages(sample_server, "/stories")) == totals["stories"]


# -- events -------------------------------------------------------------------------------------------
def _busy(values) -> str:
    counts: dict[str, int] = {}
    for v in values:
        if v:
            counts[v] = counts.get(v, 0) + 1
    return max(sorted(counts), key=counts.get)


def test_event_rows_are_newest_first_and_point_into_their_article(sample_server, all_events):
    days = [e["day"] for e in all_events]
    assert days == sorted(days, reverse=True)
    e = next(e for e in all_events if e["source_start"] is not None)
    article = ok(sample_server, f"/articles/{e['article_id']}")
    text = article["analysis"]["text"]
    coded = next(x for x in article["analysis"]["events"] if x["id"] == e["event_id"])
    assert text[e["trigger_start"]:e["trigger_end"]] == coded["trigger"]["text"]
    assert text[e["source_start"]:e["source_end"]] == coded["source"]["text"]
    assert e["cameo"] == coded["cameo"] and e["mode"] == coded["mode"]


@pytest.mark.parametrize("name", ["source", "target", "type", "cameo", "mode", "since", "until", "story",
                                  "article", "since+until", "place"])
def test_event_filters_filter(sample_server, all_events, name):
    busy_source = _busy(e["source"] for e in all_events)
    busy_target = _busy(e["target"] for e in all_events)
    days = sorted({e["day"] for e in all_events})
    mid = days[len(days) // 2]
    cases = {
        "source": ({"source": busy_source[:3].lower()}, lambda e: (e["source"] or "").startswith(busy_source[:3])),
        "target": ({"target": busy_target}, lambda e: (e["target"] or "").startswith(busy_target)),
        "type": ({"type": _busy(e["plover"] for e in all_events)},
                 lambda e: e["plover"] == _busy(x["plover"] for x in all_events)),
        "cameo": ({"cameo": _busy(e["root_code"] for e in all_events)},
                  lambda e: e["cameo"].startswith(_busy(x["root_code"] for x in all_events))),
        "mode": ({"mode": "asserted"}, lambda e: e["mode"] == "asserted"),
        "since": ({"since": mid}, lambda e: e["day"] >= mid),
        "until": ({"until": mid}, lambda e: e["day"] <= mid),
        "since+until": ({"since": mid, "until": mid}, lambda e: e["day"] == mid),
        "story": ({"story": _busy(e["story_id"] for e in all_events)},
                  lambda e: e["story_id"] == _busy(x["story_id"] for x in all_events)),
        "article": ({"article": all_events[-1]["article_id"]}, lambda e: e["article_id"] == all_events[-1]["article_id"]),
        "place": ({"place": _busy(e["place_name"] for e in all_events)},
                  lambda e: e["place_name"] == _busy(x["place_name"] for x in all_events)),
    }
    params, keep = cases[name]
    expected = [e["eid"] for e in all_events if keep(e)]
    got = [e["eid"] for e in all_pages(sample_server, "/events", **params)]
    assert expected, f"the sample store has no event for {params}"
    assert len(expected) < len(all_events), f"{params} filters nothing out of the sample"
    assert got == expected


def test_event_filters_combine_and_unknown_codes_match_nothing(sample_server, all_events):
    source = _busy(e["source"] for e in all_events)
    both = all_pages(sample_server, "/events", source=source, mode="asserted")
    assert both == [e for e in all_events if (e["source"] or "").startswith(source) and e["mode"] == "asserted"]
    assert ok(sample_server, "/events", source="QQQZZZ")["items"] == []
    assert ok(sample_server, "/events", article="no-such-article")["items"] == []


@pytest.mark.parametrize("params, where", [
    ({"since": "2022-13-01"}, "since"), ({"until": "yesterday"}, "until"), ({"since": "2022-02-30"}, "since"),
    ({"limit": 0}, "limit"), ({"limit": 5000}, "limit"), ({"limit": "many"}, "limit"), ({"offset": -1}, "offset"),
    ({"source": "US-GOV"}, "source"), ({"target": "RUS GOV"}, "target"), ({"source": "X" * 41}, "source"),
    ({"cameo": "abc"}, "cameo"), ({"type": "FIGHT"}, "type"), ({"mode": "maybe"}, "mode"),
    ({"since": "2023-01-01", "until": "2022-01-01"}, "after"), ({"since": "0001-01-01"}, "between"),
    ({"until": "9999-12-31"}, "between"),
])
def test_bad_event_parameters_are_422(sample_server, params, where):
    err = assert_error(get(sample_server, "/events", **params), 422, where)
    field = next(iter(params))
    # said in words, naming the field first (no regular expression, no "Input should ...")
    assert err["message"].startswith(f"{field} ") and err["details"][0]["field"] == field, err
    assert not re.search(r"pattern|\^|\$|\[|Input should|query\.", err["message"]), err["message"]


@pytest.mark.parametrize("params, says", [
    ({"cameo": "rejection"}, "cameo must be a CAMEO event code or the start of one: 2 to 4 digits"),
    ({"cameo": "12 3"}, "cameo must be a CAMEO event code"),
    ({"source": "Russia will never accept these terms, said the spokesman"}, "source must be an actor code"),
    ({"since": "10 Jan 2022"}, "since must be a day written YYYY-MM-DD"),
    ({"limit": 5000}, "limit must be at most 1000"),
    ({"type": "fight"}, "type must be one of AGREE, CONSULT"),
    ({"order": "sideways"}, "order must be one of newest, oldest, conflict, cooperation or confidence"),
])
def test_a_refused_filter_is_explained_in_words(sample_server, params, says):
    err = assert_error(get(sample_server, "/events", **params), 422)
    assert err["message"].startswith(says), err["message"]


@pytest.mark.parametrize("path, params", [
    ("/quotes", {"limit": 0}), ("/quotes", {"since": "2022-01-32"}), ("/quotes", {"actor": "a;b"}),
    ("/quotes", {"search": ""}), ("/actors", {"limit": 1001}), ("/actors", {"order": "random"}),
    ("/actors", {"prefix": "R*"}), ("/actors/RUS", {"partners": 0}), ("/actors/RUS", {"until": "2020-02-31"}),
    ("/dyads", {"n": 0}), ("/dyads", {"n": 5000}), ("/dyads", {"since": "2024-01-02", "until": "2024-01-01"}),
    ("/dyads/RUS/UKR", {"by": "fortnight"}), ("/dyads/RUS/UKR", {"fill": "true"}),
    ("/dyads/RUS/UKR", {"fill": "true", "by": "day", "since": "1000-01-01", "until": "8999-12-31"}),
    ("/dyads/RUS/UKR", {"directed": "perhaps"}), ("/dyads/R-S/UKR", {}), ("/actors/R%20S", {}),
    ("/places", {"limit": 0}), ("/places", {"since": "nope"}), ("/stories", {"limit": 5000}),
    ("/stories", {"since": "2024-01-02", "until": "2023-01-01"}), ("/articles", {"offset": -5}),
    ("/articles", {"until": "2021-02-29"}), ("/events.csv", {"limit": 0}), ("/events.csv", {"since": "x"}),
    ("/events.csv", {"source": "U.S."}),
])
def test_bad_parameters_everywhere_are_422(sample_server, path, params):
    assert_error(get(sample_server, path, **params), 422)


def test_dates_at_the_ends_of_the_calendar_are_refused_not_crashed(sample_server):
    """Far-future days once made the period arithmetic overflow (a 500); now they are a clear 422 and
    the widest accepted range works on every endpoint and grain."""
    for path in ("/dyads", "/actors", "/actors/GOV", "/dyads/GOV/CVL"):
        assert_error(get(sample_server, path, until="9999-12-31"), 422, "between")
    wide = {"since": "1000-01-01", "until": "8999-12-31"}
    for path in ("/events", "/quotes", "/actors", "/dyads", "/places", "/stories", "/articles", "/events.csv"):
        assert get(sample_server, path, **wide).status_code == 200, path
    for by in ("day", "week", "month", "year"):
        assert get(sample_server, "/dyads/GOV/CVL", by=by, **wide).status_code == 200
        assert get(sample_server, "/dyads/GOV/CVL", by=by, since="8999-12-01", until="8999-12-31",
                   fill="true").status_code == 200
    years = ok(sample_server, "/dyads/GOV/CVL", by="year", fill="true", **wide)["points"]
    assert len(years) == 8000 and years[-1]["period"] == "8999-01-01"


# -- events.csv ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("params", [{}, {"mode": "asserted"}, {"source": "GOV"}, {"since": "2022-01-01",
                                                                                   "until": "2023-12-31"}])
def test_events_csv_matches_the_event_list(sample_server, params):
    r = get(sample_server, "/events.csv", **params)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers.get("content-disposition", "")
    rows = list(csv.reader(io.StringIO(r.text)))
    header, body = rows[0], rows[1:]
    for column in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "EventCode", "EventRootCode",
                   "QuadClass", "GoldsteinScale", "NumArticles", "ActionGeo_CountryCode", "SOURCEURL"):
        assert column in header
    listed = all_pages(sample_server, "/events", **params)
    assert listed, params
    assert len(body) == len(listed) == int(r.headers["X-Rows"])
    at = {name: i for i, name in enumerate(header)}
    assert {int(row[at["GLOBALEVENTID"]]) for row in body} == {e["eid"] for e in listed}
    by_id = {e["eid"]: e for e in listed}
    for row in body:
        e = by_id[int(row[at["GLOBALEVENTID"]])]
        assert row[at["SQLDATE"]] == e["day"].replace("-", "")
        assert row[at["EventCode"]] == e["cameo"] and row[at["Actor1Code"]] == (e["source"] or "")


def test_events_csv_limit(sample_server):
    r = get(sample_server, "/events.csv", limit=3)
    assert r.status_code == 200 and len(list(csv.reader(io.StringIO(r.text)))) == 4


# -- quotes, actors, dyads, places --------------------------------------------------------------------
def test_quotes_filters(sample_server):
    quotes = all_pages(sample_server, "/quotes")
    assert {"qid", "article_id", "day", "speaker_name", "text", "start", "end"} <= set(quotes[0])
    speaker = next(q["speaker_name"] for q in quotes if q["speaker_name"] and len(q["speaker_name"]) > 4)
    part = speaker.split()[-1].lower()
    got = all_pages(sample_server, "/quotes", speaker=part)
    assert got == [q for q in quotes if q["speaker_name"] and part in q["speaker_name"].lower()]
    article = quotes[0]["article_id"]
    assert all_pages(sample_server, "/quotes", article=article) == [q for q in quotes if q["article_id"] == article]
    word = max(re.findall(r"[A-Za-z]{6,}", quotes[0]["text"]), key=len)
    found = all_pages(sample_server, "/quotes", search=word)
    assert quotes[0]["qid"] in {q["qid"] for q in found}
    assert all(word.lower() in q["text"].lower() for q in found) and len(found) < len(quotes)
    coded = next(q for q in quotes if q["actor_code"])
    by_actor = all_pages(sample_server, "/quotes", actor=coded["actor_code"])
    assert by_actor and all(q["actor_code"].startswith(coded["actor_code"]) for q in by_actor)
    day = quotes[len(quotes) // 2]["day"]
    assert all_pages(sample_server, "/quotes", since=day, until=day) == [q for q in quotes if q["day"] == day]
    # every quote's offsets index its article's text
    text = ok(sample_server, f"/articles/{quotes[0]['article_id']}")["analysis"]["text"]
    assert text[quotes[0]["start"]:quotes[0]["end"]] == quotes[0]["text"]


def test_actors_list_and_prefix(sample_server):
    actors = all_pages(sample_server, "/actors")
    assert {"code", "events", "as_source", "as_target", "mentions", "articles"} <= set(actors[0])
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    by_code = [a["code"] for a in all_pages(sample_server, "/actors", order="code")]
    assert by_code == sorted(by_code)
    prefix = next(a["code"][:3] for a in actors if len(a["code"]) > 3)
    got = all_pages(sample_server, "/actors", prefix=prefix)
    assert got and all(a["code"].startswith(prefix) for a in got)
    assert {a["code"] for a in got} == {a["code"] for a in actors if a["code"].startswith(prefix)}


def test_actor_page(sample_server, all_events):
    code = _busy(e["source"] for e in all_events)
    page = ok(sample_server, f"/actors/{code.lower()}")
    assert page["code"] == code.upper() and code in page["codes"]
    assert page["events"] >= 1 and page["as_source"] >= 1
    assert isinstance(page["partners"], list) and isinstance(page["recent"], list) and page["recent"]
    for e in page["recent"]:
        assert (e["source"] or "").startswith(code) or (e["target"] or "").startswith(code)
    assert len(ok(sample_server, f"/actors/{code}", recent=1)["recent"]) == 1
    assert_error(get(sample_server, "/actors/QQQZZZ"), 404, "QQQZZZ")


def test_top_dyads_and_a_dyad_series(sample_server, all_events):
    top = ok(sample_server, "/dyads", n=5)
    assert 1 <= len(top) <= 5
    assert [d["events"] for d in top] == sorted((d["events"] for d in top), reverse=True)
    # a dyad neither side of which is a prefix of the other, so the series counts exactly a->b and b->a
    a, b = next((d["source"], d["target"]) for d in ok(sample_server, "/dyads", n=100)
                if not d["source"].startswith(d["target"]) and not d["target"].startswith(d["source"]))
    series = ok(sample_server, f"/dyads/{a}/{b}", by="week")
    assert series["a"] == a and series["b"] == b and series["by"] == "week" and series["directed"] is False
    points = series["points"]
    assert points and [p["period"] for p in points] == sorted(p["period"] for p in points)
    forward = all_pages(sample_server, "/events", source=a, target=b, mode="asserted")
    backward = all_pages(sample_server, "/events", source=b, target=a, mode="asserted")
    # a symmetric event (no direction) is listed in the order it was named, counted apart from the directions
    symmetric = [e for e in forward + backward if e["symmetric"]]
    assert sum(p["forward"] for p in points) == len(forward) - sum(e["symmetric"] for e in forward)
    assert sum(p["backward"] for p in points) == len(backward) - sum(e["symmetric"] for e in backward)
    assert sum(p["symmetric"] for p in points) == len(symmetric)
    assert sum(p["events"] for p in points) == len(forward) + len(backward)
    for p in points:
        assert p["q1"] + p["q2"] + p["q3"] + p["q4"] == p["events"]
        assert p["forward"] + p["backward"] + p["symmetric"] == p["events"]
    directed = ok(sample_server, f"/dyads/{a}/{b}", by="month", directed="true")["points"]
    assert sum(p["events"] for p in directed) == len(forward) + sum(e["symmetric"] for e in backward)
    # fill: every month between since and until, empty ones included
    day = forward[0]["day"] if forward else backward[0]["day"]
    year = day[:4]
    filled = ok(sample_server, f"/dyads/{a}/{b}", by="month", fill="true", since=f"{year}-01-01",
                until=f"{year}-12-31")["points"]
    assert [p["period"] for p in filled] == [f"{year}-{m:02d}-01" for m in range(1, 13)]
    assert sum(p["events"] for p in filled) >= 1
    assert ok(sample_server, "/dyads/QQQ/ZZZ")["points"] == []


def test_places(sample_server):
    places = ok(sample_server, "/places")
    assert places and {"name", "country", "lat", "lon", "events", "asserted", "last_day"} <= set(places[0])
    # ranked by asserted events, as dyads and actors are counted
    assert [p["asserted"] for p in places] == sorted((p["asserted"] for p in places), reverse=True)
    assert all(p["asserted"] <= p["events"] for p in places)
    name = places[0]["name"]
    events = all_pages(sample_server, "/events", place=name)
    assert len(events) == places[0]["events"] and all_pages(sample_server, "/events", place=name.upper()) == events
    assert len(ok(sample_server, "/places", limit=2)) == 2
    first = min(p["last_day"] for p in places)
    assert all(p["last_day"] <= first for p in ok(sample_server, "/places", until=first))


# -- search, totals, orders ---------------------------------------------------------------------------
SEARCHES_PEOPLE_TYPE = ["%", "_", "%_%", '"', '"Geneva', "Geneva*", "*", "(", ")", "NEAR(a b)", "a AND", "OR",
                        "NOT x", "title:Geneva", "^Geneva", "-", "\\", "'; DROP TABLE stories; --", "{a b}:c"]


@pytest.mark.parametrize("text", SEARCHES_PEOPLE_TYPE)
def test_search_text_is_never_an_error_nor_a_wildcard(sample_server, text):
    totals = ok(sample_server, "/status")["counts"]
    for path, total in (("/stories", totals["stories"]), ("/quotes", totals["quotes"]),
                        ("/articles", totals["articles"])):
        body = ok(sample_server, path, search=text, limit=1000)
        assert len(body["items"]) < total and body["total"] == len(body["items"]), (path, text)
    by_speaker = ok(sample_server, "/quotes", speaker=text, limit=1000)["items"]  # a substring, taken literally
    assert len(by_speaker) < totals["quotes"] and all(text.lower() in q["speaker_name"].lower() for q in by_speaker)


def test_story_search_finds_words_wherever_they_are(sample_server):
    stories = all_pages(sample_server, "/stories")
    geneva = next(s for s in stories if "Geneva" in (s["title"] or "") + (s["summary"] or ""))
    words = [w for w in re.findall(r"[A-Za-z]{4,}", f"{geneva['title']} {geneva['summary']}") if w != "Geneva"]
    # two words from apart, out of order: LIKE '%Geneva talks%' found nothing like this
    found = all_pages(sample_server, "/stories", search=f"{words[-1]} Geneva")
    assert geneva["id"] in {s["id"] for s in found}
    assert ok(sample_server, "/stories", search="zzzqqq")["items"] == []


def test_lists_say_how_many_rows_they_have(sample_server, all_events):
    first = ok(sample_server, "/events", limit=5)
    assert first["total"] == len(all_events) and first["total_capped"] is False
    source = _busy(e["source"] for e in all_events)
    assert ok(sample_server, "/events", source=source, limit=1)["total"] == \
        len([e for e in all_events if (e["source"] or "").startswith(source)])
    assert ok(sample_server, "/stories", limit=1)["total"] == ok(sample_server, "/status")["counts"]["stories"]
    assert ok(sample_server, "/quotes", limit=1)["total"] == ok(sample_server, "/status")["counts"]["quotes"]
    assert ok(sample_server, "/articles", limit=1)["total"] == SAMPLES


def test_events_and_stories_can_be_ordered(sample_server, all_events):
    by_conflict = all_pages(sample_server, "/events", order="conflict")
    assert [e["goldstein"] for e in by_conflict] == sorted(e["goldstein"] for e in all_events)
    assert {e["eid"] for e in by_conflict} == {e["eid"] for e in all_events}
    oldest = [e["day"] for e in all_pages(sample_server, "/events", order="oldest")]
    assert oldest == sorted(oldest)
    counts = [s["article_count"] for s in all_pages(sample_server, "/stories", order="articles")]
    assert counts == sorted(counts, reverse=True)
    latest = all_pages(sample_server, "/stories")
    keys = [(s["last_date"] or "", -s["article_count"]) for s in latest]
    assert keys == sorted(keys, key=lambda k: (k[0], -k[1]), reverse=True)  # a tie goes to the bigger story


def test_cameo_codes_name_what_the_events_were_coded_as(sample_server, all_events):
    codes = {c["code"]: c for c in ok(sample_server, "/cameo")}
    assert codes["120"]["name"] and codes["120"]["plover"] == "REJECT"
    for e in all_events:
        assert codes[e["cameo"]]["quad"] == e["quad"] and codes[e["cameo"]]["goldstein"] == e["goldstein"]


# -- stories and articles -----------------------------------------------------------------------------
def test_stories_and_a_story(sample_server, all_events):
    stories = all_pages(sample_server, "/stories")
    assert {"id", "title", "summary", "first_date", "last_date", "article_count"} <= set(stories[0])
    story_id = _busy(e["story_id"] for e in all_events)
    story = ok(sample_server, f"/stories/{story_id}")
    assert story["id"] == story_id
    assert story["articles"] and len(story["articles"]) == story["article_count"]
    assert {e["eid"] for e in story["timeline"]} == {e["eid"] for e in all_events if e["story_id"] == story_id}
    assert all(q["article_id"] in {a["id"] for a in story["articles"]} for q in story["quotes"])
    word = max(re.findall(r"[A-Za-z]{5,}", stories[0]["title"]), key=len)
    assert stories[0]["id"] in {s["id"] for s in all_pages(sample_server, "/stories", search=word)}
    assert_error(get(sample_server, "/stories/S-no-such-story"), 404, "no story")


def test_articles_list_filters(sample_server):
    articles = all_pages(sample_server, "/articles")
    assert len(articles) == SAMPLES
    assert {"id", "title", "url", "outlet", "published", "day", "num_articles", "num_sources"} <= set(articles[0])
    days = [a["day"] for a in articles]
    assert days == sorted(days, reverse=True)
    assert [a["id"] for a in all_pages(sample_server, "/articles", since="2023-01-01")] == \
        [a["id"] for a in articles if a["day"] >= "2023-01-01"]
    assert [a["id"] for a in all_pages(sample_server, "/articles", until="2022-01-10")] == \
        [a["id"] for a in articles if a["day"] <= "2022-01-10"]
    word = max(re.findall(r"[A-Za-z]{6,}", articles[0]["title"]), key=len)
    assert articles[0]["id"] in {a["id"] for a in all_pages(sample_server, "/articles", search=word)}
    story_id = ok(sample_server, f"/articles/{articles[0]['id']}")["story_id"]
    assert articles[0]["id"] in {a["id"] for a in all_pages(sample_server, "/articles", story=story_id)}


def test_every_article_gives_its_analysis_with_exact_offsets(sample_server):
    checked = 0
    for item in all_pages(sample_server, "/articles"):
        article = ok(sample_server, f"/articles/{item['id']}")
        assert article["id"] == item["id"] and article["title"] == item["title"]
        assert {"content_hash", "pipeline_version", "story_id", "ingested_at", "copies", "analysis"} <= set(article)
        analysis = article["analysis"]
        assert analysis["schema"] == "tidings.analysis/1" and analysis["id"] == item["id"]
        assert analysis["text"]
        checked += check_spans(analysis)
    assert checked > 300  # events, quotes, mentions, times and places of the samples


def test_unknown_article_is_404(sample_server):
    assert_error(get(sample_server, "/articles/no-such-article"), 404, "no-such-article")
    assert_error(get(sample_server, "/articles/a/b/c"), 404)
    assert_error(get(sample_server, "/nowhere"), 404)


# -- POST /analyze ------------------------------------------------------------------------------------
def test_analyze_returns_the_analysis_and_stores_nothing(sample_server, totals):
    r = requests.post(sample_server.url + "/analyze", timeout=300,
                      json={"id": "aegean-1", "title": "Greece accuses Turkey", "published": "2023-03-14",
                            "text": AEGEAN})
    assert r.status_code == 200, r.text[:500]
    analysis = r.json()
    assert analysis["schema"] == "tidings.analysis/1"
    assert analysis["id"] == "aegean-1" and analysis["published"] == "2023-03-14" and analysis["text"] == AEGEAN
    assert analysis["events"] and analysis["quotes"] and analysis["actors"]
    assert any(e["trigger"]["text"] == "accused" for e in analysis["events"])
    assert any((a["code"] or "").startswith("GRC") for a in analysis["actors"])  # coding quality is test_events' job
    check_spans(analysis)
    assert ok(sample_server, "/status")["counts"] == totals
    assert_error(get(sample_server, "/articles/aegean-1"), 404)


def test_analyze_on_a_writable_server_stores_nothing_either(writable_server):
    before = ok(writable_server, "/status")["counts"]
    r = requests.post(writable_server.url + "/analyze", json={"text": NAIROBI}, timeout=300)
    assert r.status_code == 200 and r.json()["events"]
    assert ok(writable_server, "/status")["counts"] == before
    assert ok(writable_server, "/articles")["items"] == []


@pytest.mark.parametrize("body, status, contains", [
    ({"text": ""}, 422, "text"),
    ({"text": "   \n\t  "}, 422, "empty"),
    ({"text": BINARY_ISH}, 422, "binary"),
    ({"text": "word " * 40_001}, 413, "limit"),
    ({"text": "Peru met Bolivia.", "colour": "blue"}, 422, "colour"),
    ({"title": "no text"}, 422, "text"),
    ({"text": "Peru met Bolivia.", "published": "2023-02-30"}, 422, "published"),
    ({"text": 42}, 422, "text"),
    (["Peru met Bolivia."], 422, None),
])
def test_analyze_refuses_bad_input(sample_server, body, status, contains):
    r = requests.post(sample_server.url + "/analyze", json=body, timeout=TIMEOUT)
    assert_error(r, status, contains)


def test_analyze_refuses_malformed_json(sample_server):
    for raw in (b'{"text": ', b"not json at all", b'{"text": "a"}}'):
        r = requests.post(sample_server.url + "/analyze", data=raw, timeout=TIMEOUT,
                          headers={"Content-Type": "application/json"})
        assert_error(r, 422)


def test_analyze_refuses_a_body_over_the_byte_limit(sample_server):
    limit = sample_server.config.max_body_bytes
    body = b'{"text": "' + b"a" * limit + b'"}'
    r = requests.post(sample_server.url + "/analyze", data=body, timeout=TIMEOUT,
                      headers={"Content-Type": "application/json"})
    assert_error(r, 413, "limit")


def test_analyze_refuses_a_chunked_body_over_the_byte_limit(sample_server):
    """No Content-Length to go by: the server counts the chunks and stops at the limit (once a 400)."""
    limit = sample_server.config.max_body_bytes

    def chunks():
        yield b'{"text": "'
        for _ in range(limit // 50_000 + 5):
            yield b"a" * 50_000
        yield b'"}'

    r = requests.post(sample_server.url + "/analyze", data=chunks(), timeout=TIMEOUT,
                      headers={"Content-Type": "application/json"})
    assert r.request.headers.get("Transfer-Encoding") == "chunked"
    assert "Content-Length" not in r.request.headers
    assert_error(r, 413, "limit")
    # and a small chunked body is read as usual
    r = requests.post(sample_server.url + "/analyze", data=iter([b'{"text": ', json.dumps(ANDES).encode(), b"}"]),
                      timeout=300, headers={"Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["text"] == ANDES


# -- POST /articles -----------------------------------------------------------------------------------
def test_read_only_server_refuses_posts_with_403(sample_server, totals):
    for headers in ({}, AUTH, {"Authorization": "Bearer anything"}):
        r = post_articles(sample_server, [{"id": "ro-1", "text": FISHERIES}], headers=headers)
        assert_error(r, 403, "read-only")
    assert ok(sample_server, "/status")["counts"] == totals


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer "},
                                     {"Authorization": f"Bearer {TOKEN}x"}])
def test_posting_without_the_right_token_is_401(writable_server, headers):
    r = post_articles(writable_server, [{"id": "f-1", "text": FISHERIES}], headers=headers)
    assert_error(r, 401, "token")
    assert r.headers.get("WWW-Authenticate") == "Bearer"
    assert ok(writable_server, "/status")["counts"]["articles"] == 0


def test_posted_article_is_stored_and_visible_everywhere(writable_server):
    assert ok(writable_server, "/status")["read_only"] is False
    article = {"id": "fish-1", "title": "Norway and Finland sign a fisheries accord", "published": "2023-05-02",
               "outlet": "Example Wire", "url": "https://news.example/fish-1", "text": FISHERIES}
    r = post_articles(writable_server, [article])
    assert r.status_code == 200, r.text
    result = r.json()
    assert result == {"received": 1, "new": 1, "already_stored": 0, "exact_duplicates": 0, "near_duplicates": 0,
                      "failed": [], "new_stories": 1}
    listed = ok(writable_server, "/articles")["items"]
    assert [a["id"] for a in listed] == ["fish-1"]
    assert listed[0]["outlet"] == "Example Wire" and listed[0]["published"] == "2023-05-02"
    stored = ok(writable_server, "/articles/fish-1")
    assert stored["analysis"]["text"] == FISHERIES and stored["url"] == "https://news.example/fish-1"
    check_spans(stored["analysis"])
    events = all_pages(writable_server, "/events", article="fish-1")
    assert events and len(events) == len(stored["analysis"]["events"])
    assert all(e["story_id"] == stored["story_id"] for e in events)
    stories = ok(writable_server, "/stories")["items"]
    assert [s["id"] for s in stories] == [stored["story_id"]]
    story = ok(writable_server, f"/stories/{stored['story_id']}")
    assert [a["id"] for a in story["articles"]] == ["fish-1"]
    assert ok(writable_server, "/quotes", article="fish-1")["items"]
    counts = ok(writable_server, "/status")["counts"]
    assert counts["articles"] == 1 and counts["events"] == len(events)

    again = post_articles(writable_server, [article]).json()
    assert again["new"] == 0 and again["already_stored"] == 1 and again["failed"] == []
    assert ok(writable_server, "/status")["counts"] == counts


@pytest.mark.parametrize("bad_text, reason", [(BINARY_ISH, "binary"), ("   \n\n\t  ", "empty")])
def test_a_bad_article_in_a_batch_is_reported_and_the_rest_stored(writable_server, bad_text, reason):
    batch = [{"id": "nairobi-1", "published": "2023-06-01", "title": "Protesters block a road in Nairobi",
              "text": NAIROBI},
             {"id": "bad-1", "text": bad_text},
             {"id": "andes-1", "published": "2023-09-05", "title": "Peru and Bolivia reopen the border",
              "text": ANDES}]
    r = post_articles(writable_server, batch)
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["received"] == 3 and result["new"] == 2
    assert len(result["failed"]) == 1 and "bad-1" in result["failed"][0] and reason in result["failed"][0]
    assert_no_leak(" ".join(result["failed"]))
    assert {a["id"] for a in ok(writable_server, "/articles")["items"]} == {"nairobi-1", "andes-1"}
    assert_error(get(writable_server, "/articles/bad-1"), 404)


def test_two_bad_articles_in_one_batch_are_each_reported_not_taken_for_copies(writable_server):
    """A blank and a binary text both normalise to nothing; neither may pass as the other's copy."""
    batch = [{"id": "bin-1", "text": BINARY_ISH}, {"id": "blank-1", "text": "  \n\t "},
             {"id": "nairobi-1", "published": "2023-06-01", "text": NAIROBI}]
    result = post_articles(writable_server, batch).json()
    assert result["new"] == 1 and result["exact_duplicates"] == 0 and result["near_duplicates"] == 0
    assert sorted(line.split(" ")[2].rstrip(":") for line in result["failed"]) == ["bin-1", "blank-1"], result["failed"]


@pytest.mark.parametrize("body, status", [
    ({"articles": []}, 422),
    ({"articles": [{"id": "x"}]}, 422),
    ({"articles": [{"text": "Peru met Bolivia.", "extra": 1}]}, 422),
    ({"articles": [{"text": "Peru met Bolivia.", "id": "bad\nid"}]}, 422),
    ({"article": {"text": "Peru met Bolivia."}}, 422),
    ({"articles": [{"text": "Peru met Bolivia."}] * 201}, 413),
])
def test_bad_article_batches_are_refused(writable_server, body, status):
    r = requests.post(writable_server.url + "/articles", json=body, headers=AUTH, timeout=TIMEOUT)
    assert_error(r, status)
    assert ok(writable_server, "/status")["counts"]["articles"] == 0


def test_readers_keep_getting_answers_during_a_write(writable_server):
    post_articles(writable_server, [{"id": "fish-1", "published": "2023-05-02", "text": FISHERIES}]).raise_for_status()
    results: list[int] = []
    errors: list[BaseException] = []
    writing = threading.Event()
    writing.set()

    def read():
        try:
            while writing.is_set():
                for path in ("/events", "/status", "/articles", "/dyads", "/stories"):
                    results.append(get(writable_server, path).status_code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        batch = [{"id": f"batch-{i}", "published": "2023-06-01", "text": text}
                 for i, text in enumerate((AEGEAN, NAIROBI, ANDES))]
        r = post_articles(writable_server, batch)
    finally:
        writing.clear()
        for t in readers:
            t.join(60)
    assert r.status_code == 200 and r.json()["new"] == 3
    assert not errors
    assert results and set(results) == {200}
    assert ok(writable_server, "/status")["counts"]["articles"] == 4


# -- errors never leak internals ----------------------------------------------------------------------
def test_a_broken_store_gives_a_short_error_without_internals(sample_store, analysis_pool, tmp_path):
    db = tmp_path / "broken.db"
    shutil.copy(sample_store, db)
    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        assert ok(server, "/status")["counts"]["articles"] == SAMPLES
        with open(db, "r+b") as fh:  # the file is overwritten under the running server
            fh.write(b"this is no longer an SQLite database. " * (db.stat().st_size // 38 + 1))
        statuses = set()
        for path in ("/status", "/events", "/articles/x", "/dyads", "/events.csv"):
            for _ in range(3):
                r = get(server, path)
                statuses.add(r.status_code)
                if r.status_code != 200:
                    assert_no_leak(r.text)
                    err = r.json()["error"]
                    assert err["status"] == r.status_code and r.status_code in (500, 503), (path, r.text)
                    assert re.fullmatch(r"internal error \(reference [0-9a-f]{12}\)|the store is not available",
                                        err["message"]), err
        assert statuses & {500, 503}


def test_an_unexpected_error_is_answered_in_json_and_logged_once(sample_store, analysis_pool):
    """One log record with the reference the client is given, and no second traceback from the
    server (Starlette re-raises after an exception handler for Exception; a middleware does not)."""
    import logging

    class Collect(logging.Handler):
        def __init__(self):
            super().__init__(logging.DEBUG)
            self.records: list[logging.LogRecord] = []

        def emit(self, record):
            self.records.append(record)

    def boom():
        raise RuntimeError("secret internals /etc/passwd")

    server = RunningServer(ServeConfig(db=sample_store, analysis_pool=analysis_pool))  # configures uvicorn's logging
    server.app.add_api_route("/boom", boom)
    ours, servers = Collect(), Collect()
    logging.getLogger("tidings.serve").addHandler(ours)
    logging.getLogger("uvicorn.error").addHandler(servers)
    try:
        with server:
            r = get(server, "/boom")
    finally:
        logging.getLogger("tidings.serve").removeHandler(ours)
        logging.getLogger("uvicorn.error").removeHandler(servers)
    assert r.status_code == 500 and "secret" not in r.text
    ref = re.fullmatch(r"internal error \(reference ([0-9a-f]{12})\)", r.json()["error"]["message"]).group(1)
    assert [rec.levelno for rec in ours.records] == [logging.ERROR] and ref in ours.records[0].getMessage()
    assert not [rec for rec in servers.records if rec.levelno >= logging.ERROR]
    assert r.headers["content-security-policy"]  # the security headers wrap the 500 too


# -- the `tidings serve` command ----------------------------------------------------------------------
def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("TIDINGS_TOKEN", "TIDINGS_DB")}
    return env


def test_serve_help_says_it_binds_to_loopback(run_cli):
    result = run_cli("serve", "--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "--host" in out and "127.0.0.1" in out and "--port" in out and "--db" in out
    assert "TIDINGS_TOKEN" in out


def test_serve_command_answers_on_loopback_only(sample_store, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(sample_store, db)
    with served_command(db, _env(), seconds=90) as served:
        assert served.status["counts"]["articles"] == SAMPLES and served.status["read_only"] is True
        assert listening_addresses(served.port) == {"127.0.0.1"}
        r = requests.post(f"{served.url}/articles", json={"articles": [{"text": ANDES}]}, timeout=30)
        assert_error(r, 403)
    assert b"Traceback" not in served.err
    assert f"127.0.0.1:{served.port}".encode() in served.err


def test_serve_command_with_a_missing_store_fails_with_one_error_line(tmp_path):
    missing = tmp_path / "nothing-here.db"
    result = subprocess.run([str(TIDINGS), "serve", "--db", str(missing), "--port", str(free_port())], env=_env(),
                            capture_output=True, timeout=120, check=False)
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(missing) in errors[0], err
    assert not missing.exists()  # a read-only server never creates a store


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory, analysis_pool):
    """A store of 10,050 hand-made events (more than the count cap), served for real."""
    from test_store_fixtures import make

    from tidings.store import Store
    from tidings.store.queries import COUNT_CAP

    db = tmp_path_factory.mktemp("crowded") / "crowded.db"
    kinds = [("RUSGOV", "190", "UKRGOV"), ("UKRGOV", "112", "RUSGOV"), ("USAGOV", "036", "RUSGOV")]
    with Store.open(db) as store, store.batch("v1") as tx:
        for i in range((COUNT_CAP + 50) // 50):
            tx.add_article(*make(f"c{i}", [kinds[(i + j) % 3] for j in range(49)] + [("NATO", "042", "UKRGOV")],
                                 published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}"))
    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        yield server


def test_goldstein_order_is_for_lists_of_at_most_ten_thousand_events(crowded_server):
    first = ok(crowded_server, "/events", limit=5)
    assert first["total"] == 10_050 and first["total_capped"] is False  # all events: the kept row count
    some = ok(crowded_server, "/events", mode="asserted", limit=5)  # filtered: counted, up to the cap
    assert some["total"] == 10_000 and some["total_capped"] is True  # "more than 10,000"
    for params in ({"order": "conflict"}, {"order": "confidence", "mode": "asserted"}):
        err = assert_error(get(crowded_server, "/events", **params), 422)
        assert err["details"][0]["field"] == "order" and "10,000" in err["message"] and "narrow" in err["message"]
    nato = ok(crowded_server, "/events", source="NATO", order="conflict", limit=1000)  # 201 events: sorted
    assert nato["total"] == len(nato["items"]) > 100 and nato["total_capped"] is False
    oldest = ok(crowded_server, "/events", order="oldest", limit=50)["items"]  # by day: any length
    assert [e["day"] for e in oldest] == sorted(e["day"] for e in oldest)
