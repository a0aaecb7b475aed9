"""SOURCE arguments to articles: files, folders, CSV, article URLs, RSS/Atom feeds and OPML, served by a
real HTTP server on 127.0.0.1 (the ``local_server`` fixture, conftest.py). All text is made up."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from local_http import FakeClock, closed_port_url, fetcher_for

from tidings.errors import (ArticleError, ArticleWarning, CSVError, EmptyArticle, FeedError, FetchConnectionError,
                            MissingColumns)
from tidings.ingest.readers import InputNotFound
from tidings.ingest.sources import SourceOptions, check_date, iter_articles, normalise_url, sniff, url_id
from tidings.model import Article
from tidings.settings import MAX_ARTICLE_CHARS

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)

PARAGRAPHS = {
    "harbour": [
        "Negotiators from the two port cities left the meeting hall on Tuesday evening without signing the "
        "draft agreement on shared dredging costs.",
        "The mayor of the northern city told reporters that another round would be held next month, while "
        "officials from the south said they needed more time to study the figures.",
        "Dock workers gathered outside the hall through the afternoon, asking both sides to settle before "
        "the summer season begins.",
    ],
    "orchard": [
        "A late frost damaged apple blossom across the valley this week, growers said on Thursday.",
        "The regional farmers' union asked the agriculture ministry for emergency help with replanting, and "
        "said the harvest could be a third smaller than last year.",
        "Forecasters expect milder nights from the weekend onwards.",
    ],
    "bridge": [
        "The old rail bridge over the river will close for six weeks of repairs from Monday, the transport "
        "authority announced.",
        "Replacement buses will run every twenty minutes between the two stations, and cyclists will be "
        "directed to the ferry, which adds extra sailings for the period.",
    ],
}


def page(title: str, story: str, site: str | None = "Lantern Post", date: str | None = "2024-03-05") -> str:
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    if date:
        meta += f'<meta property="article:published_time" content="{date}T09:00:00Z">'
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[story])
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>{meta}</head><body>'
            f'<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{title}</h1>{body}</article><footer>Lantern Post, all rights reserved</footer>"
            f"</body></html>")


HOME = ('<!doctype html><html><head><title>Lantern Post</title></head><body><nav><a href="/">Home</a> '
        '<a href="/world">World</a> <a href="/sport">Sport</a></nav></body></html>')


def rss(items: list[tuple[str, str, str, str]]) -> str:
    """items: (title, link, pubDate, description)."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                   f"<description>{desc}</description><guid>{link or t}</guid></item>" for t, link, d, desc in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Lantern Post world</title>'
            f"<link>http://lantern.invalid/</link><description>World news</description>{body}</channel></rss>")


def atom(base: str, entries: list[tuple[str, str, str]]) -> str:
    """entries: (title, href, updated)."""
    body = "".join(f'<entry><title>{t}</title><link href="{href}"/><id>tag:lantern,2024:{i}</id>'
                   f"<updated>{u}</updated><summary>Short summary {i}.</summary></entry>"
                   for i, (t, href, u) in enumerate(entries))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Lantern Post regions</title><id>tag:lantern,2024:feed</id><updated>2024-03-06T00:00:00Z</updated>"
            f'<link href="{base}"/>{body}</feed>')


def opml(urls: list[str]) -> str:
    outlines = "".join(f'<outline type="rss" text="feed {i}" xmlUrl="{u}"/>' for i, u in enumerate(urls))
    return (f'<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body>'
            f'<outline text="News">{outlines}</outline></body></opml>')


def collect(sources, clock, **options):
    return list(iter_articles([str(s) for s in sources], SourceOptions(now=NOW, **options), fetcher_for(clock)))


def articles(items):
    return [i for i in items if isinstance(i, Article)]


def problems(items):
    return [i for i in items if isinstance(i, ArticleError)]


# -- article pages ---------------------------------------------------------------------------------

def test_sources_article_url_gives_text_title_date_and_outlet(local_server, clock):
    url = local_server.add("/news/harbour", page("Harbour talks end without deal", "harbour"))
    [a] = collect([url], clock)
    assert a.title == "Harbour talks end without deal"
    assert a.text.startswith("Negotiators from the two port cities") and "Dock workers" in a.text
    assert "Home" not in a.text and "rights reserved" not in a.text
    assert (a.published, a.outlet, a.url, a.origin) == ("2024-03-05", "Lantern Post", url, url)
    assert a.id == url_id(url) and a.id.startswith("127-0-0-1-news-harbour-")
    assert collect([url], FakeClock())[0].id == a.id  # stable across runs


def test_sources_outlet_falls_back_to_the_host(local_server, clock):
    url = local_server.add("/news/orchard", page("Frost hits orchards", "orchard", site=None))
    [a] = collect([url], clock)
    assert a.outlet == "127.0.0.1"


def test_sources_url_errors_are_items_not_exceptions(local_server, clock):
    gone = local_server.url("/gone")
    items = collect([gone, closed_port_url(), local_server.add("/ok", page("Bridge", "bridge"))], clock)
    assert [type(i).__name__ for i in items] == ["FetchHTTPError", "FetchConnectionError", "Article"]
    assert str(items[0]) == f"{gone}: HTTP 404 Not Found"
    assert isinstance(items[1], FetchConnectionError) and "Connection refused" in str(items[1])


def test_sources_a_url_given_twice_is_fetched_once(local_server, clock):
    url = local_server.add("/news/bridge", page("Bridge closes", "bridge"))
    items = collect([url, url + "#comments", url + "?utm_source=feed"], clock)
    assert len(items) == 1 and len(local_server.hits) == 1


def test_sources_html_page_without_article_text_is_an_error(local_server, clock):
    url = local_server.add("/", HOME)
    [err] = collect([url], clock)
    assert isinstance(err, EmptyArticle) and str(err).startswith(f"{url}: no article text found in the page")


# -- feeds -----------------------------------------------------------------------------------------

def test_sources_rss_entries_are_fetched_and_a_failed_page_falls_back_to_the_summary(local_server, clock):
    harbour = local_server.add("/news/harbour", page("Harbour talks end without deal", "harbour"))
    gone = local_server.url("/news/gone")
    feed = local_server.add("/world.rss", rss([
        ("Harbour talks stall", harbour, "Tue, 05 Mar 2024 18:30:00 -0500", "Talks ended without a deal."),
        ("Ferry strike called off", gone, "Wed, 06 Mar 2024 08:00:00 GMT",
         "<p>The ferry crews&#39; union called off Friday&#39;s strike.</p><p>Talks resume next week.</p>"),
    ]), "application/rss+xml")
    first, warning, second = collect([feed], clock)
    assert (first.title, first.url, first.published, first.outlet) == (
        "Harbour talks stall", harbour, "2024-03-05", "Lantern Post")  # the publisher's own day, not UTC's
    assert first.text.startswith("Negotiators")
    assert isinstance(warning, ArticleWarning)
    assert str(warning) == (f"{gone}: page not used (HTTP 404 Not Found); the feed entry's summary stands in for it")
    assert second.text == "The ferry crews' union called off Friday's strike.\nTalks resume next week."
    assert (second.title, second.published, second.id, second.outlet) == (
        "Ferry strike called off", "2024-03-06", url_id(gone), "127.0.0.1")


def test_sources_atom_feed_with_relative_links(local_server, clock):
    local_server.add("/news/orchard", page("Frost hits orchards", "orchard"))
    local_server.add("/news/bridge", page("Bridge closes", "bridge", date=None))
    feed = local_server.add("/regions.atom", atom(local_server.url("/"), [
        ("Frost damages apple blossom", "/news/orchard", "2024-03-07T10:00:00Z"),
        ("Rail bridge to close", local_server.url("/news/bridge"), "2024-03-08T10:00:00+02:00"),
    ]), "application/atom+xml")
    items = collect([feed], clock)
    assert [(a.title, a.url, a.published) for a in items] == [
        ("Frost damages apple blossom", local_server.url("/news/orchard"), "2024-03-07"),
        ("Rail bridge to close", local_server.url("/news/bridge"), "2024-03-08")]
    assert items[1].text.startswith("The old rail bridge")


def test_sources_feed_is_detected_by_content_not_content_type(local_server, clock):
    harbour = local_server.add("/news/harbour", page("Harbour talks", "harbour"))
    feed = local_server.add("/feed", rss([("Harbour", harbour, "Tue, 05 Mar 2024 10:00:00 GMT", "x")]),
                            "text/html; charset=utf-8")
    [a] = collect([feed], clock)
    assert a.url == harbour and a.title == "Harbour"


def test_sources_local_feed_file_with_any_suffix_and_no_page_fetching(tmp_path, clock):
    f = tmp_path / "saved-feed.txt"
    f.write_text(rss([("Orchards hit by frost", "http://127.0.0.1:9/orchard", "Thu, 07 Mar 2024 10:00:00 GMT",
                       "A late frost damaged apple blossom.")]), encoding="utf-8")
    [a] = collect([f], clock, fetch_pages=False)
    assert (a.text, a.title, a.url, a.published, a.origin) == (
        "A late frost damaged apple blossom.", "Orchards hit by frost", "http://127.0.0.1:9/orchard", "2024-03-07",
        "http://127.0.0.1:9/orchard")


def test_sources_broken_feed_is_one_error(tmp_path, clock):
    f = tmp_path / "broken.rss"
    f.write_text("<rss><channel><title>Cut off", encoding="utf-8")
    [err] = collect([f], clock)
    assert isinstance(err, FeedError) and str(err).startswith(f"{f}: not a readable feed")


def test_sources_truncated_feed_is_read_as_far_as_it_goes(tmp_path, clock):
    f = tmp_path / "truncated.rss"
    f.write_text(rss([("Whole entry", "", "Thu, 07 Mar 2024 10:00:00 GMT", "Complete text.")])[:-30]
                 + "<item><title>cut off", encoding="utf-8")
    warning, article, err = collect([f], clock)
    assert isinstance(warning, ArticleWarning) and str(warning).startswith(f"{f}: feed is not well-formed")
    assert article.text == "Complete text."
    assert str(err) == f"{f} entry 2: the feed entry has no text and no page to fetch"


# -- OPML ------------------------------------------------------------------------------------------

def test_sources_opml_url_lists_feeds_processed_in_turn(local_server, clock):
    harbour = local_server.add("/news/harbour", page("Harbour talks", "harbour"))
    orchard = local_server.add("/news/orchard", page("Frost", "orchard"))
    rss_url = local_server.add("/world.rss", rss([("Harbour", harbour, "Tue, 05 Mar 2024 10:00:00 GMT", "x")]),
                               "application/rss+xml")
    atom_url = local_server.add("/regions.atom",
                                atom(local_server.url("/"), [("Frost", orchard, "2024-03-07T10:00:00Z")]),
                                "application/atom+xml")
    lst = local_server.add("/feeds.opml", opml([rss_url, "/regions.atom"]), "text/x-opml")
    items = collect([lst], clock)
    assert [a.url for a in items] == [harbour, orchard]
    assert [h for h, _ in local_server.hits] == ["/feeds.opml", "/world.rss", "/news/harbour", "/regions.atom",
                                                 "/news/orchard"]
    assert atom_url == local_server.url("/regions.atom")


def test_sources_local_opml_with_a_feed_url_that_returns_html(local_server, clock, tmp_path):
    article = local_server.add("/not-a-feed", page("Bridge closes", "bridge"))
    home = local_server.add("/", HOME)
    lst = tmp_path / "feeds.opml"
    lst.write_text(opml([article, home]), encoding="utf-8")
    a, err = collect([lst], clock)
    assert isinstance(a, Article) and a.url == article and a.title == "Bridge closes"  # treated as an article page
    assert isinstance(err, FeedError)
    assert str(err).startswith(f"{home}: returned an HTML page, not a feed, and it holds no article text")


def test_sources_opml_listing_itself_and_a_feed_twice_reads_each_once(local_server, clock, tmp_path):
    (tmp_path / "world.rss").write_text(rss([("Quay", "", "Tue, 05 Mar 2024 10:00:00 GMT", "The quay reopened.")]),
                                        encoding="utf-8")
    (tmp_path / "feeds.opml").write_text(opml(["feeds.opml", "world.rss", "world.rss"]), encoding="utf-8")
    web = local_server.add("/feeds.opml", opml([local_server.url("/feeds.opml")]), "text/x-opml")
    items = collect([tmp_path, web], clock)
    assert [a.text for a in items] == ["The quay reopened."]
    assert [h for h, _ in local_server.hits] == ["/feeds.opml"]


def test_sources_opml_without_feeds_is_one_error(tmp_path, clock):
    f = tmp_path / "empty.opml"
    f.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="nothing"/></body></opml>')
    [err] = collect([f], clock)
    assert isinstance(err, FeedError) and "names no feeds" in str(err)


# -- CSV -------------------------------------------------------------------------------------------

def test_sources_csv_finds_columns_by_header_name(tmp_path, clock):
    f = tmp_path / "wire.csv"
    f.write_text("Headline,Body,Date,Link,Source,Article ID\n"
                 'Frost hits orchards,"A late frost damaged apple blossom.\nGrowers asked for help.",2024-03-07,'
                 "http://lantern.invalid/orchard,Lantern Post,lp-17\n"
                 "Bridge closes,The old rail bridge will close.,,,,\n", encoding="utf-8")
    first, second = collect([f], clock)
    assert (first.id, first.title, first.published, first.url, first.outlet) == (
        "lp-17", "Frost hits orchards", "2024-03-07", "http://lantern.invalid/orchard", "Lantern Post")
    assert first.text == "A late frost damaged apple blossom.\nGrowers asked for help."
    assert (second.id, second.origin, second.published) == ("wire-4", f"{f} line 4", None)  # after a 2-line row


def test_sources_csv_columns_option_maps_other_names(tmp_path, clock):
    f = tmp_path / "export.tsv"
    f.write_text("story_text\twhen\theadline_en\nThe quay reopened.\t2024-02-02\tQuay\n", encoding="utf-8")
    [a] = collect([f], clock, columns={"text": "story_text", "published": "when", "title": "headline_en"})
    assert (a.text, a.published, a.title) == ("The quay reopened.", "2024-02-02", "Quay")


def test_sources_csv_with_missing_columns_is_one_error_naming_them(tmp_path, clock):
    f = tmp_path / "nobody.csv"
    f.write_text("headline,date\nA,2024-01-01\nB,2024-01-02\n", encoding="utf-8")
    [err] = collect([f], clock)
    assert isinstance(err, MissingColumns)
    assert str(err) == (f"{f}: missing column(s): text (looked for text, body, content, article, story, full text, "
                        f"description); the header has: headline, date")
    [err] = collect([f], clock, columns={"text": "headline", "url": "address"})
    assert str(err) == f"{f}: missing column(s): 'address' (given for url); the header has: headline, date"


def test_sources_unknown_csv_field_in_options_is_refused():
    with pytest.raises(ValueError, match="unknown CSV field"):
        SourceOptions(columns={"body": "text"})


def test_sources_csv_bad_rows_are_errors_naming_file_and_line(tmp_path, clock):
    f = tmp_path / "mixed.csv"
    f.write_bytes(b"title,text\n"
                  b"Good one,The quay reopened.\n"
                  b"Too many,fields,here\n"
                  b"Empty,\n"
                  b"Bad bytes,caf\xe9 \xff\n"
                  b"\n"
                  b"Last,The bridge closes.\n")
    items = collect([f], clock)
    assert [type(i).__name__ for i in items] == ["Article", "CSVError", "EmptyArticle", "CSVError", "Article"]
    assert isinstance(items[1], CSVError) and str(items[1]) == f"{f} line 3: 3 field(s) where the header has 2"
    assert str(items[2]) == f"{f} line 4: empty text (column 'text')"
    assert str(items[3]) == f"{f} line 5: not valid UTF-8; convert the file to UTF-8"
    assert items[4].origin == f"{f} line 7"


# -- dates -----------------------------------------------------------------------------------------

def test_sources_future_and_unparseable_dates_are_reported_and_left_unset(tmp_path, clock):
    f = tmp_path / "dates.csv"
    f.write_text("text,published\nOne.,2999-01-01\nTwo.,sometime soon\nThree.,5 March 2024\nFour.,2024-06-02T09:00Z\n",
                 encoding="utf-8")
    items = collect([f], clock)
    assert [type(i).__name__ for i in items] == ["ArticleWarning", "Article", "ArticleWarning", "Article", "Article",
                                                 "Article"]
    assert str(items[0]) == f"{f} line 2: date '2999-01-01' is in the future (after 2024-06-02); left unset"
    assert str(items[2]) == f"{f} line 3: date 'sometime soon' could not be read; left unset"
    assert [a.published for a in articles(items)] == [None, None, "2024-03-05", "2024-06-02"]  # a day ahead is fine


def test_sources_future_feed_date_is_reported(local_server, clock, tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(rss([("From the future", "", "Fri, 01 Jan 2100 10:00:00 GMT", "Text of the entry.")]),
                 encoding="utf-8")
    warning, a = collect([f], clock)
    assert isinstance(warning, ArticleWarning) and "in the future" in str(warning)
    assert a.published is None and a.text == "Text of the entry." and a.id.startswith("entry-")


def test_check_date_keeps_the_publishers_day_and_judges_against_now():
    assert check_date("2024-03-05T23:30:00-05:00", NOW) == ("2024-03-05", None)
    assert check_date("Tue, 05 Mar 2024 23:30:00 -0500", NOW) == ("2024-03-05", None)
    assert check_date("2024-06-02", NOW)[0] == "2024-06-02"
    assert check_date("2024-06-03T13:00:00Z", NOW)[0] is None
    assert check_date("12", NOW) == (None, "date '12' could not be read; left unset")


# -- files, folders, ids ---------------------------------------------------------------------------

def test_sources_folder_mixes_files_csv_jsonl_and_feeds(tmp_path, clock):
    (tmp_path / "a.md").write_text("# Quay\n\nThe quay reopened.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "j1", "text": "Jsonl text.", "published": "2024-01-01"}\n',
                                      encoding="utf-8")
    (tmp_path / "c.csv").write_text("text\nCsv text.\n", encoding="utf-8")
    (tmp_path / "d.xml").write_text(rss([("Feed entry", "", "Thu, 07 Mar 2024 10:00:00 GMT", "Feed text.")]),
                                    encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>', encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    items = collect([tmp_path], clock)
    assert [(a.id, a.text.strip()) for a in items] == [
        ("a", "The quay reopened."), ("j1", "Jsonl text."), ("c-2", "Csv text."), (items[3].id, "Feed text.")]


def test_sources_missing_path_raises_before_anything_is_fetched(local_server, clock, tmp_path):
    url = local_server.add("/a", page("Bridge", "bridge"))
    with pytest.raises(InputNotFound, match="no-such.csv"):
        collect([url, tmp_path / "no-such.csv"], clock)
    assert local_server.hits == []


def test_sources_ids_are_stable_and_ignore_fragments_and_tracking():
    a = url_id("https://www.Example.com/world/2024/harbour-talks?id=7&utm_source=rss#top")
    assert a == url_id("https://www.example.com:443/world/2024/harbour-talks?id=7")
    assert a.startswith("www-example-com-world-2024-harbour-talks-") and len(a.rsplit("-", 1)[1]) == 12
    assert a != url_id("https://www.example.com/world/2024/harbour-talks?id=8")
    assert normalise_url("HTTP://Example.com") == "http://example.com/"


def test_sniff_tells_documents_apart():
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">') == "feed"
    assert sniff(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff(b'<rdf:RDF xmlns:rdf="x">') == "feed"
    assert sniff(b"<opml version='2.0'>") == "opml"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b"<urlset>") == "xml" and sniff(b"plain words") is None


# -- feeds in other shapes and encodings -------------------------------------------------------------

@pytest.mark.parametrize("gap", ["\n", ""], ids=["own-line", "after-the-xml-declaration"])
def test_sources_feed_with_an_internal_dtd_subset_is_read_as_a_feed(tmp_path, clock, gap):
    f = tmp_path / "declared.xml"
    doc = rss([("Frost hits orchards", "", "Thu, 07 Mar 2024 10:00:00 GMT", "A late frost damaged &crop; blossom.")])
    doc = doc.replace('<rss version="2.0">', gap + '<!DOCTYPE rss [\n  <!ENTITY crop "apple">\n  <!ENTITY site '
                                                   '"Lantern Post">\n]>\n<rss version="2.0">')
    f.write_text(doc, encoding="utf-8")
    [a] = collect([f], clock, fetch_pages=False)
    assert (a.title, a.text) == ("Frost hits orchards", "A late frost damaged apple blossom.")
    assert sniff(doc.encode()) == "feed"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_sources_utf16_and_utf32_feeds_without_a_byte_order_mark(tmp_path, local_server, clock, codec):
    doc = rss([("Quay reopens", "", "Tue, 05 Mar 2024 10:00:00 GMT", "The quay reopened after repairs.")])
    body = doc.replace('encoding="utf-8"', f'encoding="{codec[:6]}"').encode(codec)
    assert not body.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
    f = tmp_path / "feed.rss"
    f.write_bytes(body)
    url = local_server.add("/feed", body, "application/rss+xml")
    from_file, from_web = collect([f, url], clock, fetch_pages=False)
    assert from_file.text == from_web.text == "The quay reopened after repairs."
    assert from_file.title == "Quay reopens"


# -- CSV: broken quotes, long cells, HTML residue, ids in folders --------------------------------------

def test_sources_csv_unterminated_quote_is_reported_where_it_opened_and_the_rows_after_are_read(tmp_path, clock):
    f = tmp_path / "quoted.csv"
    f.write_text('title,text\n'
                 'Quay,"The quay reopened.\nFerries resume next week."\n'   # a proper two-line cell
                 'Orchards,"A late frost damaged apple blossom.\n'           # line 4: a quote never closed
                 'Bridge,The old rail bridge will close.\n'
                 'Buses,Replacement buses will run every twenty minutes.\n', encoding="utf-8")
    items = collect([f], clock)
    assert [type(i).__name__ for i in items] == ["Article", "CSVError", "Article", "Article"]
    assert items[0].text == "The quay reopened.\nFerries resume next week."
    assert str(items[1]) == (f"{f} line 4: a quote opened in this row is never closed; row skipped, reading again "
                             f"from line 5")
    assert [(a.title, a.origin) for a in items[2:]] == [("Bridge", f"{f} line 5"), ("Buses", f"{f} line 6")]


def test_sources_csv_quote_left_open_in_a_long_file_stops_at_the_row_limit(tmp_path, clock, monkeypatch):
    from tidings.ingest import csvfile

    monkeypatch.setattr(csvfile, "MAX_ROW_CHARS", 2_000)
    f = tmp_path / "long.csv"
    rows = [f"Row {i},Text of row {i} about the harbour and its ferries." for i in range(200)]
    rows[3] = 'Open,"this quote is never closed'
    f.write_text("title,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    items = collect([f], clock)
    errors = problems(items)
    assert [str(e) for e in errors] == [f"{f} line 5: a row over the limit of 2,000 characters (is a quote left "
                                        f"open?); row skipped, reading again from line 6"]
    assert len(articles(items)) == 199


def test_sources_csv_cell_over_128_kb_is_read(tmp_path, clock):
    f = tmp_path / "long-cell.csv"
    long_text = " ".join(f"Paragraph {i} of the inquiry report on the harbour works." for i in range(2800))
    assert 128 * 1024 < len(long_text) <= MAX_ARTICLE_CHARS  # over csv's default field limit, within an article's
    f.write_text(f'title,text\nReport,"{long_text}"\nNext,The bridge closes.\n', encoding="utf-8")
    first, second = collect([f], clock)
    assert isinstance(first, Article) and first.text == long_text
    assert second.text == "The bridge closes."


def test_sources_csv_html_entity_residue_is_unescaped(tmp_path, clock):
    f = tmp_path / "scraped.csv"
    f.write_text('title,description\n'
                 'Ferry crews #39; strike off,"The ferry crews #39; union called off Friday #39;s strike, calling '
                 'the offer  quot;fair quot;. Shares in Harbour  amp; Dock &lt;HD.L&gt; rose  #36;2."\n',
                 encoding="utf-8")
    [a] = collect([f], clock)
    assert a.title == "Ferry crews' strike off"
    assert a.text == ("The ferry crews' union called off Friday's strike, calling the offer \"fair\". Shares in "
                      "Harbour & Dock <HD.L> rose $2.")


def test_sources_files_in_a_folder_are_named_by_their_path_in_it(tmp_path, clock):
    for sub in ("east", "west"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "wire.csv").write_text(f"text\nDesk {sub} reports the quay reopened.\n", encoding="utf-8")
        (tmp_path / sub / "index.md").write_text(f"# Quay\n\nDesk {sub} on the quay.\n", encoding="utf-8")
    items = collect([tmp_path], clock)
    assert sorted(a.id for a in items) == ["east/index", "east/wire-2", "west/index", "west/wire-2"]
