"""Ingesting from the web, with a real HTTP server on 127.0.0.1 serving good and bad items in one run:
every bad item is reported by name, the good ones are stored, nothing is half-written."""
from __future__ import annotations

import gzip

from local_http import FakeClock, closed_port_url, fetcher_for

from tidings.ingest.runner import Ingestor
from tidings.ingest.sources import SourceOptions, iter_articles
from tidings.pipeline import Pipeline
from tidings.store import Store

STORY = ("<p>The river authority of the two neighbours met in Vienna on Monday to plan a joint survey of "
         "the flood banks, officials said.</p><p>\"We agreed on the first steps,\" said the chief engineer, "
         "Mara Solberg, adding that crews would start work next month along the northern reach.</p>"
         "<p>The survey is expected to take about six weeks and will be paid for by both governments.</p>")


def page(title: str) -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="Harbour Times">'
            f'<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>'
            f"<body><article><h1>{title}</h1>{STORY.replace('Vienna', title.split()[0])}</article></body></html>")


def rss(links: list[str]) -> str:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>"
                    f"<description>Short summary {i}.</description><guid>{link}</guid></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Times</title>'
            f"<link>http://harbour.invalid/</link><description>News</description>{items}</channel></rss>")


def test_ingest_web_bad_items_are_reported_and_the_good_ones_stored(local_server, tmp_path):
    good = local_server.add("/news/oslo", page("Oslo river survey agreed"))
    also_good = local_server.add("/news/riga", page("Riga flood banks to be surveyed"))
    missing = local_server.url("/news/missing")  # 404
    local_server.add("/loop/a", "", status=302, headers={"Location": local_server.url("/loop/b")})
    local_server.add("/loop/b", "", status=302, headers={"Location": local_server.url("/loop/a")})
    bomb = local_server.add("/bomb", gzip.compress(bytes(1_000_000), 9) * 30, "text/html",
                            headers={"Content-Encoding": "gzip"})
    html_feed = local_server.add("/feed-that-is-html", "<html><body><p>Menu</p></body></html>")
    feed = local_server.add("/feed.xml", rss([also_good, local_server.url("/news/gone")]), "application/rss+xml")
    sources = [good, missing, local_server.url("/loop/a"), bomb, html_feed, closed_port_url(), feed]
    clock = FakeClock()
    fetcher = fetcher_for(clock, max_bytes=5_000_000, retries=1)
    db = tmp_path / "news.db"
    with Store.open(db) as store:
        summary = Ingestor(store, Pipeline(), batch_size=4).ingest(
            iter_articles(sources, SourceOptions(), fetcher))
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY id")]
        assert store.check_rollups() == []
    failed = "\n".join(summary.failed)
    for url, words in ((missing, "404"), (local_server.url("/loop/a"), "redirect"), (bomb, "decompression"),
                       (html_feed, ""), ):
        assert any(line.startswith(url) and words in line for line in summary.failed), (url, failed)
    assert "cannot connect" in failed
    # the feed entry whose page is gone is stored from its summary, with a warning naming it
    assert any("/news/gone" in w for w in summary.warnings)
    assert summary.new == len(ids) >= 2


def _slow(server, counts: list, db):
    """A page that, when asked for, notes how many articles (and copies) the store has committed
    (read from a connection of its own), then drips its headers a byte at a time, past any small
    budget."""
    import sqlite3

    def handle(req):
        with sqlite3.connect(db) as conn:
            counts.append(conn.execute("SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM copies)")
                          .fetchone()[0])
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n"
        for i in range(len(head)):
            if server.release.wait(0.05):
                return
            req.wfile.write(head[i:i + 1])
            req.wfile.flush()

    return handle


def test_ingest_web_what_is_ready_is_committed_before_a_slow_fetch(local_server, tmp_path, pipeline):
    good = local_server.add("/news/oslo", page("Oslo river survey agreed"))
    also_good = local_server.add("/news/riga", page("Riga flood banks to be surveyed"))
    counts: list[int] = []
    db = tmp_path / "news.db"
    local_server.routes["/news/slow"] = _slow(local_server, counts, db)
    slow = local_server.url("/news/slow")
    clock = FakeClock()
    with Store.open(db) as store:
        ingestor = Ingestor(store, pipeline, batch_size=64)
        fetcher = fetcher_for(clock, total_timeout=0.5, on_wait=ingestor.flush)
        summary = ingestor.ingest(iter_articles([good, also_good, slow], SourceOptions(), fetcher))
    assert counts == [2]  # both pages were in the store before the slow one was asked for
    assert summary.new + summary.duplicates == 2 and summary.unaccounted == 0
    assert summary.failed == [f"{slow}: took longer than the 0.5 s allowed for one URL (tries and waits included); "
                              f"stopped"]


def test_ingest_web_a_feed_whose_pages_ask_to_retry_later_is_read_within_one_budget(local_server, tmp_path,
                                                                                     pipeline):
    links = [local_server.add(f"/news/{i}", "slow down", "text/plain", 429, {"Retry-After": "100"}) for i in range(3)]
    feed = local_server.add("/feed.xml", rss(links), "application/rss+xml")
    clock = FakeClock()
    with Store.open(tmp_path / "news.db") as store:
        summary = Ingestor(store, pipeline).ingest(
            iter_articles([feed], SourceOptions(), fetcher_for(clock, total_timeout=120, retries=3)))
    assert sum(clock.sleeps) == 100  # one wait, inside the first page's budget; the host then left alone
    assert summary.new == 3 and len(summary.warnings) == 3  # each entry stored from its summary, with a warning
    assert [h for h, _ in local_server.hits] == ["/feed.xml", "/news/0", "/news/0"]
