"""The dashboard, driven as a person would: Debian's Chromium headless through Playwright, against a
real server over a store ingested from the bundled sample articles. Screenshots of every step are
saved under artifacts/screenshots/ (or $TIDINGS_ARTIFACTS)."""
from __future__ import annotations

import csv
import io
import os
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
