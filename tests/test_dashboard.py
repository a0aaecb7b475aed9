"""The dashboard, driven as a person would: Debian's Chromium headless through Playwright, against a
real server over a store ingested from the bundled sample articles. Screenshots of every step are
saved under artifacts/screenshots/ (or $TIDINGS_ARTIFACTS)."""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path

import pytest
import requests

from serving import ROOT, RunningServer, build_store

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("TIDINGS_ARTIFACTS", ROOT / "artifacts")) / "screenshots"
# Headless, as root in CI, and quiet on a machine with no outside network (no background fetches).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"the dashboard tests need Debian's chromium at {CHROMIUM}: run `make browser` "
                    "(apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A browser tab on the dashboard that records script errors and failed requests."""

    def __init__(self, browser, base: str, name: str, **context_options):
        self.context = browser.new_context(viewport={"width": 1366, "height": 860}, accept_downloads=True,
                                           **context_options)
        self.page = self.context.new_page()
        self.base = base
        self.name = name
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))
        self.page.on("dialog", self._dialog)
        self.shots = 0

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, route: str = ""):
        ready = self.page.locator("#view").get_attribute("data-ready") if self.page.url.startswith(self.base) else None
        self.page.goto(f"{self.base}/{route}")
        self.wait_ready(previous=ready)

    def wait_ready(self, previous: str | None = None):
        """Wait until the view has finished rendering (main#view carries a new data-ready number)."""
        if previous is None:
            self.page.wait_for_selector("#view[data-ready]")
        else:
            self.page.wait_for_selector(f"#view[data-ready]:not([data-ready='{previous}'])")

    def ready_mark(self) -> str | None:
        return self.page.locator("#view").get_attribute("data-ready")

    def shot(self, label: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.shots += 1
        path = ARTIFACTS / f"{self.name}-{self.shots:02d}-{label}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


@pytest.fixture
def tab(browser, sample_server, request):
    page = Page(browser, sample_server.url, request.node.name.removeprefix("test_"))
    yield page
    page.close()
    assert not page.errors, page.errors


def _multi_article_story(base: str) -> dict:
    stories = requests.get(f"{base}/stories", params={"limit": 50}).json()["items"]
    return max(stories, key=lambda s: s["article_count"])


def test_overview_shows_stories_dyads_and_places(tab, sample_server):
    tab.open()
    page = tab.page
    assert page.locator("#view").get_attribute("data-view") == "overview"
    assert page.locator("#recent-stories .story-card").count() >= 5
    assert page.locator("#active-dyads table.dyads tbody tr").count() >= 3
    assert page.locator("#event-places .places li").count() >= 3
    assert page.locator("#event-places svg.placemap .place-dot").count() >= 3
    assert "12 articles" in page.locator("#store-status").inner_text()
    tab.shot("overview")


def test_story_timeline_has_its_days_articles_events_and_quotes(tab, sample_server):
    story = _multi_article_story(sample_server.url)
    assert story["article_count"] == 3  # Geneva, Brussels, Vienna
    tab.open()
    page = tab.page
    mark = tab.ready_mark()
    page.locator("#recent-stories a.story-title", has_text=story["title"]).click()
    tab.wait_ready(mark)
    assert page.locator("h1").inner_text() == story["title"]
    days = page.locator("#story-timeline .tl-day").evaluate_all("els => els.map(e => e.dataset.day)")
    assert days == sorted(days) and {"2022-01-10", "2022-01-12", "2022-01-13"} <= set(days)
    assert page.locator("#story-timeline .tl-event").count() >= 5
    assert page.locator("#story-timeline .tl-quote").count() >= 5
    assert page.locator("#story-articles li").count() == 3
    # the Brussels meeting announced in the Geneva article is a future event on its resolved day
    future = page.locator("#story-timeline .tl-event.tl-mode-future")
    assert future.count() >= 1
    tab.shot("story")


def test_article_reader_highlights_and_explains_events(tab, sample_server):
    article_id = "2022-01-10_geneva-security-talks"
    data = requests.get(f"{sample_server.url}/articles/{article_id}").json()["analysis"]
    tab.open(f"#/article/{article_id}")
    page = tab.page
    for kind in ("actor", "quote", "speaker", "time", "place", "trigger"):
        assert page.locator(f"#article-text .hl-{kind}").count() > 0, kind
    # the text shown is the article's text, character for character
    assert page.locator("#article-text").inner_text().strip() == data["text"].strip()
    # every trigger the analysis names is highlighted with exactly its words
    for event in data["events"]:
        shown = "".join(page.locator(f"#article-text .hl[data-events~='{event['id']}']").all_inner_texts())
        assert shown == event["trigger"]["text"], event["id"]
    event = data["events"][0]
    page.locator(f"#article-text .hl[data-events~='{event['id']}']").first.click()
    card = page.locator(f"#event-{event['id']}")
    card.wait_for()
    assert "selected" in card.get_attribute("class")
    assert event["evidence"] in card.locator(".evidence").inner_text()
    tab.shot("article")
    # turning a kind off in the legend removes its colour, not the text
    page.locator("#highlight-legend input[data-kind='quote']").uncheck()
    assert "hide-quote" in page.locator("#article-text").get_attribute("class")
    tab.shot("article-no-quotes")


def test_event_filters_and_csv_download(tab, sample_server, tmp_path):
    tab.open("#/events")
    page = tab.page
    assert page.locator("#events-table tbody tr").count() > 10
    mark = tab.ready_mark()
    page.locator("#event-filters select[name='type']").select_option("REJECT")
    page.locator("#event-filters button[type='submit']").click()
    tab.wait_ready(mark)
    assert "type=REJECT" in page.url
    rows = page.locator("#events-table tbody tr")
    assert rows.count() >= 2
    assert set(rows.locator(".plover").all_inner_texts()) == {"REJECT"}
    tab.shot("events-filtered")
    with page.expect_download() as info:
        page.locator("#csv-download").click()
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    table = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    expected = requests.get(f"{sample_server.url}/events", params={"type": "REJECT", "limit": 1000}).json()["items"]
    assert len(table) == len(expected) == rows.count()
    assert {r["PloverType"] for r in table} == {"REJECT"}
    assert {int(r["GLOBALEVENTID"]) for r in table} == {e["eid"] for e in expected}


def test_an_event_rows_why_link_opens_the_article_on_that_event(tab, sample_server):
    tab.open("#/events?type=REJECT")
    page = tab.page
    row = page.locator("#events-table tbody tr").first
    eid = int(row.get_attribute("data-eid"))
    event = next(e for e in requests.get(f"{sample_server.url}/events", params={"type": "REJECT"}).json()["items"]
                 if e["eid"] == eid)
    mark = tab.ready_mark()
    row.locator("a.why").click()
    tab.wait_ready(mark)
    card = page.locator(f"#event-{event['event_id']}")
    card.wait_for()
    page.wait_for_selector(f"#event-{event['event_id']}.selected")
    assert event["evidence"] in card.locator(".evidence").inner_text()
    text = requests.get(f"{sample_server.url}/articles/{event['article_id']}").json()["analysis"]["text"]
    trigger = page.locator(f"#article-text .hl.selected[data-events~='{event['event_id']}']")
    assert "".join(trigger.all_inner_texts()) == text[event["trigger_start"]:event["trigger_end"]]
    tab.shot("why")


def test_dyad_chart_opens_the_events_behind_a_point(tab, sample_server):
    top = requests.get(f"{sample_server.url}/dyads", params={"n": 1, "directed": "false"}).json()[0]
    tab.open()
    page = tab.page
    mark = tab.ready_mark()
    page.locator("#active-dyads a.dyad-link").first.click()
    tab.wait_ready(mark)
    assert page.locator("h1").inner_text() == f"{top['source']} ↔ {top['target']}"
    bars = page.locator("svg.chart .bar")
    assert bars.count() >= 1
    bars.first.click()
    table = page.locator("#period-events #events-table tbody tr")
    table.first.wait_for()
    assert table.count() >= 1
    tab.shot("dyad")


def test_quote_search_by_speaker_and_words(tab, sample_server):
    tab.open("#/quotes")
    page = tab.page
    mark = tab.ready_mark()
    page.locator("#quote-filters input[name='speaker']").fill("Sorokin")
    page.locator("#quote-filters button").click()
    tab.wait_ready(mark)
    speakers = page.locator("#quote-results .speaker").all_inner_texts()
    assert speakers and all("Sorokin" in s for s in speakers)
    mark = tab.ready_mark()
    page.locator("#quote-filters input[name='search']").fill("guarantees")
    page.locator("#quote-filters button").click()
    tab.wait_ready(mark)
    texts = page.locator("#quote-results blockquote").all_inner_texts()
    assert texts and all("guarantee" in t.lower() for t in texts)
    tab.shot("quotes")


def test_analyse_page_shows_what_a_pasted_text_holds_and_stores_nothing(tab, sample_server):
    before = requests.get(f"{sample_server.url}/status").json()["counts"]
    tab.open("#/analyze")
    page = tab.page
    page.locator("#analyze-text").fill(
        "LIMA, May 4 - Peru signed an agreement with Bolivia on Tuesday to reopen their border. "
        '"This is a good day for both peoples," said Foreign Minister Rosa Quispe of Peru.')
    page.locator("#analyze-published").fill("2023-05-04")
    page.locator("#analyze-form button[type='submit']").click()
    page.wait_for_selector("#analyze-result[data-done] #article-text")
    assert page.locator("#analyze-result #article-text .hl-trigger").count() >= 1
    assert "Rosa Quispe" in page.locator("#analyze-result #quote-panel .speaker").all_inner_texts()[0]
    assert page.locator("#analyze-result .event-card").count() >= 1
    tab.shot("analyse")
    mark = page.locator("#analyze-result").get_attribute("data-done")
    page.locator("#analyze-text").fill("   ")
    page.evaluate("() => document.querySelector('#analyze-text').removeAttribute('required')")
    page.locator("#analyze-form button[type='submit']").click()
    page.wait_for_selector(f"#analyze-result:not([data-done='{mark}'])")
    assert "empty" in page.locator("#analyze-result .error").inner_text()
    assert tab.errors == ["console: Failed to load resource: the server responded with a status of 422 "
                          "(Unprocessable Entity)"]  # the browser's own note of the refused request
    tab.errors.clear()
    assert requests.get(f"{sample_server.url}/status").json()["counts"] == before


# -- hostile article text ------------------------------------------------------------------------------
HOSTILE_TITLE = 'Border talks <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=\'img\'">'
HOSTILE_TEXT = """GENEVA, March 3 (Tidings Wire) - Russia and Ukraine held talks in Geneva on Monday <script>window.__pwned = "text"; alert("text")</script> about the border.

"We reject <img src=x onerror="window.__pwned='quote'; alert('quote')"> every demand," said Foreign Minister Pavel Lukin of Russia. "<b onmouseover="window.__pwned='hover'">Nothing</b> will change."

Ukraine accused Russia of shelling villages near the border <svg onload="window.__pwned='svg'"></svg> on Sunday, and the United Nations urged both sides to show restraint.
"""


@pytest.fixture(scope="module")
def hostile_server(pipeline, analysis_pool, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "hostile.jsonl"
    import json

    src.write_text(json.dumps({"id": "hostile-1", "title": HOSTILE_TITLE, "text": HOSTILE_TEXT,
                               "published": "2022-03-03", "url": "javascript:window.__pwned='url'"}) + "\n")
    db = build_store(folder / "hostile.db", pipeline, sources=[src])
    from tidings.serve import ServeConfig

    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_script_in_article_text_and_title_never_runs(browser, hostile_server, bypass_csp):
    """Escaping is what keeps the page safe; the Content-Security-Policy is a second wall. With the
    policy bypassed, nothing may run either."""
    tab = Page(browser, hostile_server.url, f"hostile-{'nocsp' if bypass_csp else 'csp'}", bypass_csp=bypass_csp)
    try:
        page = tab.page
        story = requests.get(f"{hostile_server.url}/stories").json()["items"][0]
        for route in ("", "#/stories", f"#/story/{story['id']}", "#/article/hostile-1", "#/events", "#/quotes",
                      "#/quotes?search=reject"):
            tab.open(route)
            page.mouse.move(400, 400)
            for el in page.locator("#view b, #view .hl-quote").all()[:5]:
                el.hover()
            assert page.evaluate("() => window.__pwned") is None, route
            assert page.locator("#view script, #view img, #view svg[onload], #view [onerror], #view [onmouseover]").count() == 0
            tab.shot(route.strip("#/").split("/")[0].split("?")[0] or "overview")
        tab.open("#/article/hostile-1")
        assert "<script>" in page.locator("h1").inner_text()  # shown as text, not markup
        assert "<img src=x" in page.locator("#article-text").inner_text()
        assert page.locator("#view a", has_text="original").get_attribute("href") == "#"  # javascript: URL defused
        assert tab.dialogs == []
        assert page.evaluate("() => window.__pwned") is None
    finally:
        tab.close()
    csp = requests.get(hostile_server.url + "/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_api_docs_render_offline_from_local_assets(browser, sample_server):
    tab = Page(browser, sample_server.url, "api-docs")
    requested: list[str] = []
    tab.page.on("request", lambda req: requested.append(req.url))
    try:
        tab.page.goto(f"{sample_server.url}/docs")
        tab.page.wait_for_selector(".opblock-summary-path", timeout=30_000)
        paths = tab.page.locator(".opblock-summary-path").all_inner_texts()
        assert "/events" in paths and "/analyze" in paths
        tab.shot("docs")
    finally:
        tab.close()
    assert requested and all(url.startswith(sample_server.url) for url in requested), requested


# -- filters that cannot be run: the form stays, the field is named ------------------------------------
def _field_problem(page, form: str, name: str) -> str:
    field = page.locator(f"#{form} [name='{name}']")
    assert field.get_attribute("aria-invalid") == "true", name
    return page.locator(f"#{form}-{name}-problem").inner_text()


def test_an_invalid_filter_keeps_the_form_and_names_the_field(tab, sample_server):
    asked: list[str] = []
    tab.page.on("request", lambda req: "/events?" in req.url and asked.append(req.url))
    tab.open("#/events")
    page = tab.page
    asked.clear()
    url = page.url
    # a CAMEO code typed as a word, checked in the browser: nothing is sent, the form stays
    page.locator("#event-filters [name='cameo']").fill("rejection")
    page.locator("#event-filters [name='source']").fill("RUS")
    page.locator("#event-filters button[type='submit']").click()
    problem = _field_problem(page, "event-filters", "cameo")
    assert "CAMEO" in problem and "digits" in problem and "^" not in problem, problem
    assert page.url == url and asked == []
    assert page.locator("#event-filters [name='source']").input_value() == "RUS"  # what was typed is kept
    tab.shot("invalid-cameo")
    # a code with a space, and a long pasted quote: the same, field by field
    page.locator("#event-filters [name='cameo']").fill("")
    page.locator("#event-filters [name='source']").fill("RUS GOV")
    page.locator("#event-filters [name='target']").fill("“We will never accept these terms,” the spokesman said "
                                                         "on Tuesday in a long statement.")
    page.locator("#event-filters button[type='submit']").click()
    assert "no spaces" in _field_problem(page, "event-filters", "source")
    assert "actor code" in _field_problem(page, "event-filters", "target")
    assert page.locator("#event-filters [name='cameo']").get_attribute("aria-invalid") is None
    assert asked == []
    # a bookmarked address with a bad filter: the form shows it marked, and nothing is asked
    tab.open("#/events?cameo=rejection&type=REJECT")
    assert "CAMEO" in _field_problem(page, "event-filters", "cameo")
    assert page.locator("#event-filters select[name='type']").input_value() == "REJECT"
    assert page.locator("#view .error").count() == 0 and asked == []
    # what only the server can refuse (a day outside its range) is marked the same way, in its words
    tab.open("#/events?since=0999-12-31")
    assert "between" in _field_problem(page, "event-filters", "since")
    assert page.locator("#event-filters").is_visible() and page.locator("#view .error").count() == 0
    tab.shot("invalid-since")
    tab.errors[:] = [e for e in tab.errors if "status of 422" not in e]  # the browser's note of the refusal


def test_quote_and_story_forms_mark_their_fields_too(tab, sample_server):
    tab.open("#/quotes?actor=RUS%20GOV")
    assert "actor code" in _field_problem(tab.page, "quote-filters", "actor")
    tab.open("#/stories?since=2022-02-30")
    assert "YYYY-MM-DD" in _field_problem(tab.page, "story-filters", "since")
    tab.open("#/dyad/RUS GOV/USA")
    assert "no spaces" in _field_problem(tab.page, "dyad-form", "a")


# -- every view, empty and full: no "null", nothing wider than a phone ---------------------------------
NO_VALUE = re.compile(r"\bnull\b|\bundefined\b|\bNaN\b|\[object |`")


def _routes(base: str, populated: bool) -> list[str]:
    routes = ["", "#/stories", "#/events", "#/quotes", "#/dyad", "#/analyze", "#/stories?search=zzzqqq",
              "#/quotes?search=zzzqqq", "#/events?cameo=99", "#/dyad/RUS/USA", "#/stories?search=%25"]
    if populated:
        story = _multi_article_story(base)
        top = requests.get(f"{base}/dyads", params={"n": 1, "directed": "false"}).json()[0]
        routes += [f"#/story/{story['id']}", "#/article/2022-01-10_geneva-security-talks",
                   "#/article/2022-01-10_geneva-security-talks?event=E1", f"#/dyad/{top['source']}/{top['target']}",
                   f"#/actor/{top['source']}", f"#/events?story={story['id']}", "#/events?order=conflict"]
    return routes


def _check_page(page, route: str) -> None:
    text = page.locator("body").inner_text()
    assert not NO_VALUE.search(text), (route, NO_VALUE.search(text).group(0), text[:3000])
    # no heading left standing over nothing
    bare = page.locator("#view h1, #view h2").evaluate_all(
        "els => els.filter(e => !e.innerText.trim() || !e.nextElementSibling).map(e => e.outerHTML)")
    assert bare == [], (route, bare)


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory, analysis_pool):
    from tidings.serve import ServeConfig
    from tidings.store import Store

    db = tmp_path_factory.mktemp("empty") / "empty.db"
    Store.open(db).close()
    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        yield server


@pytest.mark.parametrize("which", ["empty", "populated"])
def test_no_view_prints_null_or_empty_headings(browser, request, which):
    server = request.getfixturevalue("empty_server" if which == "empty" else "sample_server")
    tab = Page(browser, server.url, f"no-null-{which}")
    try:
        for route in _routes(server.url, which == "populated"):
            tab.open(route)
            _check_page(tab.page, route)
        # a short text gives a short analysis: no summary, no quotes, no events
        tab.open("#/analyze")
        tab.page.locator("#analyze-text").fill("Rain fell.")
        tab.page.locator("#analyze-form button[type='submit']").click()
        tab.page.wait_for_selector("#analyze-result[data-done] #article-text")
        _check_page(tab.page, "#/analyze (short text)")
        tab.shot("short-analysis")
        tab.open("")
        if which == "empty":
            assert "tidings ingest" in tab.page.locator("#recent-stories code").inner_text()
    finally:
        tab.close()
    errors = [e for e in tab.errors if "status of 404" not in e]  # #/actor of an empty store: a 404, said on the page
    assert not errors, errors


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_every_view_fits_a_phone_and_the_reader_is_one_column(browser, sample_server):
    tab = Page(browser, sample_server.url, "phone")
    tab.context.close()
    tab.context = browser.new_context(**PHONE)
    tab.page = tab.context.new_page()
    tab.page.on("pageerror", lambda exc: tab.errors.append(f"pageerror: {exc}"))
    try:
        page = tab.page
        for route in _routes(sample_server.url, True):
            tab.open(route)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (route, width, page.evaluate(
                "[...document.querySelectorAll('#view *')].filter(e => e.getBoundingClientRect().right > 391)"
                ".slice(0, 3).map(e => e.outerHTML.slice(0, 120))"))
            assert page.locator("header.top").bounding_box()["height"] <= 90, route  # not a fifth of the screen
            tab.shot(route.strip("#/").split("/")[0].split("?")[0] or "overview")
        tab.open("#/article/2022-01-10_geneva-security-talks")
        columns = page.locator(".reader").evaluate("el => getComputedStyle(el).gridTemplateColumns")
        assert len(columns.split()) == 1, columns
        text, side = page.locator("#article-text").bounding_box(), page.locator(".reader .side").bounding_box()
        assert side["y"] >= text["y"] + text["height"] and side["width"] > 300
        tab.open("#/events")
        assert page.locator("#events-table tbody tr").first.bounding_box()["width"] <= 390
        for width in (600, 768, 1024):  # tablets, upright and across
            page.set_viewport_size({"width": width, "height": 900})
            for route in _routes(sample_server.url, True):
                tab.open(route)
                assert page.evaluate("document.documentElement.scrollWidth") <= width, (width, route)
    finally:
        tab.close()
    assert not tab.errors, tab.errors


# -- the place map ----------------------------------------------------------------------------------
def test_every_map_dot_is_its_own_to_click_and_opens_its_places_events(tab, sample_server):
    tab.open()
    page = tab.page
    dots = page.locator("#event-places svg.placemap .place-dot")
    names = dots.evaluate_all("els => els.map(e => e.dataset.place)")
    assert len(names) >= 5
    # at the centre of every dot is that dot: no name and no other dot takes the click
    page.locator("#event-places svg.placemap").scroll_into_view_if_needed()
    hits = page.evaluate("""() => [...document.querySelectorAll('.place-dot')].map(g => {
        const r = g.querySelector('circle').getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return [g.dataset.place, hit && hit.closest('.place-dot') ? hit.closest('.place-dot').dataset.place : null];
    })""")
    assert all(own == hit for own, hit in hits), hits
    # names never cover each other
    boxes = [page.locator(".place-label").nth(i).bounding_box() for i in range(page.locator(".place-label").count())]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and
                        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]), (a, b)
    places = requests.get(f"{sample_server.url}/places").json()
    # the two places that share a spot (a country at its capital's coordinates) are both clickable
    spots: dict = {}
    for p in places:
        spots.setdefault((p["lat"], p["lon"]), []).append(p["name"])
    # (places with no coordinates, "the Iraqi town", have no dot)
    shared = next((v for k, v in spots.items() if len(v) > 1 and None not in v and None not in k), None)
    for name in shared or names[-1:]:
        tab.open("#/")
        mark = tab.ready_mark()
        page.locator(f".place-dot[data-place='{name}'] circle").click()
        tab.wait_ready(mark)
        assert page.locator("#view").get_attribute("data-view") == "events"
        shown = set(page.locator("#events-table tbody td[data-label='Place']").all_inner_texts())
        assert shown == {name}, (name, shown)
    tab.shot("place-events")
    # the list beside the map opens the same events; the filter takes any case
    tab.open("#/")
    mark = tab.ready_mark()
    page.locator("#place-list a.place-name").first.click()
    tab.wait_ready(mark)
    first = places[0]["name"]
    assert set(page.locator("#events-table tbody td[data-label='Place']").all_inner_texts()) == {first}
    tab.open(f"#/events?place={first.lower()}")
    assert set(page.locator("#events-table tbody td[data-label='Place']").all_inner_texts()) == {first}


# -- back and forward --------------------------------------------------------------------------------
def test_back_and_forward_restore_the_scroll_position(browser, sample_server):
    tab = Page(browser, sample_server.url, "scroll")
    tab.page.set_viewport_size({"width": 1000, "height": 500})
    try:
        page = tab.page
        tab.open("#/events?limit=50")
        page.evaluate("window.scrollTo(0, 1200)")
        page.wait_for_function("() => window.scrollY === 1200")
        link = page.locator("#events-table a.article-link").nth(20)
        link.scroll_into_view_if_needed()
        y = page.evaluate("window.scrollY")
        assert y > 600
        mark = tab.ready_mark()
        link.click()
        tab.wait_ready(mark)
        assert page.locator("#view").get_attribute("data-view") == "stories"  # an article
        assert page.evaluate("window.scrollY") == 0  # a new page starts at the top
        page.evaluate("window.scrollTo(0, 150)")
        page.wait_for_function("() => window.scrollY === 150")
        mark = tab.ready_mark()
        page.go_back()
        tab.wait_ready(mark)
        assert abs(page.evaluate("window.scrollY") - y) <= 2
        mark = tab.ready_mark()
        page.go_forward()
        tab.wait_ready(mark)
        assert abs(page.evaluate("window.scrollY") - 150) <= 2
        tab.shot("forward")
    finally:
        tab.close()
    assert not tab.errors, tab.errors


# -- why? --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_why_shows_the_marked_sentence_the_rule_the_mode_and_keeps_them_in_view(browser, sample_server, size):
    tab = Page(browser, sample_server.url, f"why-{size}")
    if size == "phone":
        tab.page.set_viewport_size({"width": 390, "height": 844})
    try:
        page = tab.page
        events = requests.get(f"{sample_server.url}/events", params={"type": "REJECT"}).json()["items"]
        event = next(e for e in events if e["source"] and e["target"] and "subj>obj" in e["evidence"])
        tab.open("#/events?type=REJECT")
        mark = tab.ready_mark()
        page.locator(f"#events-table tr[data-eid='{event['eid']}'] a.why").click()
        tab.wait_ready(mark)
        card = page.locator(f"#event-{event['event_id']}.selected")
        card.wait_for()
        page.wait_for_timeout(100)
        height = page.viewport_size["height"]
        sentence = card.locator(".why-sentence").bounding_box()
        # the card and its sentence are in view
        assert sentence["y"] >= 0 and sentence["y"] + sentence["height"] <= height, sentence
        assert card.bounding_box()["y"] >= 0
        text = requests.get(f"{sample_server.url}/articles/{event['article_id']}").json()["analysis"]["text"]
        marked = card.locator(".why-sentence")
        assert marked.locator("mark.why-trigger").inner_text() == text[event["trigger_start"]:event["trigger_end"]]
        assert marked.locator("mark.why-source").inner_text() == text[event["source_start"]:event["source_end"]]
        assert marked.locator("mark.why-target").inner_text() == text[event["target_start"]:event["target_end"]]
        rule = card.locator(".why-rule").inner_text()
        assert re.search(r"with a subject \(the source\) and an object.*\(the target\): REJECT \(CAMEO \d+ \w",
                         rule), rule
        assert event["mode"] in card.locator(".why-mode").inner_text()
        assert "not a measured probability" in card.locator(".why-confidence").inner_text()
        if size == "desktop":  # the trigger in the text is in view beside its card
            selected = f"#article-text .hl.selected[data-events~='{event['event_id']}']"
            trigger = page.locator(selected).first.bounding_box()
            assert 0 <= trigger["y"] <= height - trigger["height"]
        tab.shot("why")
    finally:
        tab.close()
    assert not tab.errors, tab.errors


# -- search, totals, order, hidden filters --------------------------------------------------------------
def test_story_search_is_full_text_and_says_when_nothing_matches(tab, sample_server):
    story = _multi_article_story(sample_server.url)
    words = re.findall(r"[A-Za-z]{4,}", story["title"])
    tab.open("#/stories")
    page = tab.page
    mark = tab.ready_mark()
    page.locator("#story-filters [name='search']").fill(f"{words[-1].lower()} {words[0]}")  # out of order, any case
    page.locator("#story-filters button[type='submit']").click()
    tab.wait_ready(mark)
    assert story["title"] in page.locator("#stories-table").inner_text()
    assert re.match(r"Stories 1–\d+ of \d+", page.locator("#story-count").inner_text())
    for typed in ("%", "_", '"', "(", ":", "zzzqqq"):
        mark = tab.ready_mark()
        page.locator("#story-filters [name='search']").fill(typed)
        page.locator("#story-filters button[type='submit']").click()
        tab.wait_ready(mark)
        assert page.locator("#stories-table").count() == 0
        assert "No stories hold" in page.locator("#story-results .empty").inner_text(), typed
    tab.shot("story-search-empty")


def test_event_pages_say_their_total_sort_by_column_and_show_hidden_filters(tab, sample_server):
    total = requests.get(f"{sample_server.url}/events", params={"limit": 1}).json()["total"]
    tab.open("#/events")
    page = tab.page
    assert page.locator("#events-count").inner_text() == f"Events 1–{min(50, total)} of {total:,}"
    mark = tab.ready_mark()
    page.locator("#events-table th", has_text="Goldstein").locator("button").click()
    tab.wait_ready(mark)
    assert "order=conflict" in page.url
    values = [float(v) for v in page.locator("#events-table td[data-label='Goldstein']").all_inner_texts()]
    assert values == sorted(values)
    assert page.locator("#events-table th", has_text="Goldstein").get_attribute("aria-sort") == "ascending"
    story = _multi_article_story(sample_server.url)
    tab.open(f"#/events?story={story['id']}")
    chip = page.locator("#active-filters .chip[data-filter='story']")
    page.wait_for_function("t => document.querySelector('#active-filters .chip-label').textContent.includes(t)",
                           arg=story["title"])
    mark = tab.ready_mark()
    chip.locator("a.chip-remove").click()
    tab.wait_ready(mark)
    assert "story=" not in page.url and page.locator("#active-filters").count() == 0


def test_scripts_append_through_the_null_safe_helper():
    """``Element.append(null)`` prints "null" on the page; every script adds children through dom.add
    (or h/s), which leaves a missing part out."""
    static = ROOT / "tidings" / "serve" / "static" / "js"
    offenders = [f"{path.relative_to(static)}:{n}" for path in static.rglob("*.js") if path.name != "dom.js"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.(append|prepend|before|after|replaceWith)\(", line)]
    assert offenders == [], offenders


def test_actor_fields_suggest_codes_and_explain_them(tab, sample_server):
    tab.open("#/events")
    page = tab.page
    page.locator("#event-filters [name='source']").press_sequentially("RU")
    page.wait_for_function("() => document.querySelectorAll('#codes-source option').length > 0")
    codes = page.locator("#codes-source option").evaluate_all("els => els.map(e => e.value)")
    assert codes and all(c.startswith("RU") for c in codes)
    page.locator("#actor-code-help summary").click()
    assert "prefix" in page.locator("#actor-code-help").inner_text()


@pytest.fixture(scope="module")
def undated_server(pipeline, analysis_pool, tmp_path_factory):
    """A store of articles with no publication date (written for this test)."""
    import json

    folder = tmp_path_factory.mktemp("undated")
    src = folder / "undated.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in (
        {"id": "santiago", "title": "Chile and Argentina discuss a border treaty",
         "text": "The Chilean foreign minister met his Argentine counterpart in Santiago to discuss a new border "
                 "treaty. Chile praised Argentina for its help."},
        {"id": "mendoza", "title": "Argentina thanks Chile after border talks",
         "text": "Argentina thanked Chile after the border talks in Santiago. The Argentine foreign minister "
                 "praised the Chilean government for the new treaty."})))
    db = build_store(folder / "undated.db", pipeline, sources=[src])
    from tidings.serve import ServeConfig

    with RunningServer(ServeConfig(db=db, analysis_pool=analysis_pool)) as server:
        yield server


def test_undated_events_stories_and_articles_say_undated(browser, undated_server):
    tab = Page(browser, undated_server.url, "undated")
    try:
        tab.open("#/events")
        days = tab.page.locator("#events-table tbody tr td:first-child").all_inner_texts()
        assert days and set(days) == {"undated"}
        story = requests.get(f"{undated_server.url}/stories").json()["items"][0]
        _check_page(tab.page, "#/events")  # no "null" where a day would be
        for route in ("#/stories", f"#/story/{story['id']}", "#/article/santiago", ""):
            tab.open(route)
            _check_page(tab.page, route)
            assert "undated" in tab.page.locator("#view").inner_text(), route
        tab.shot("story")
    finally:
        tab.close()
    assert not tab.errors, tab.errors
