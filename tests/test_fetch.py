"""The fetcher against a real HTTP server on 127.0.0.1: nothing is mocked at the HTTP level.

The ``local_server`` and ``clock`` fixtures come from conftest.py (built in local_http.py): waiting is
measured with a fake clock, so backoff and politeness cost no wall time.
"""
from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

import pytest
from local_http import LocalServer, closed_port_url, fetcher_for, reply

from tidings.errors import (ArticleTooLarge, FetchConnectionError, FetchHTTPError, FetchTimeout, ResponseTooLarge,
                            TooManyRedirects, UnsupportedContent)
from tidings.ingest.fetch import DEFAULT_USER_AGENT, decode_body

MB = 1_000_000


PAGE = "<html><head><title>Quay repairs</title></head><body><p>The quay reopened after repairs.</p></body></html>"


def test_fetch_page_sends_a_clear_user_agent_and_reports_the_type(local_server, clock):
    url = local_server.add("/a", PAGE)
    page = fetcher_for(clock).fetch(url)
    assert (page.status, page.kind, page.final_url) == (200, "html", url)
    assert "The quay reopened" in page.text
    assert local_server.hits[0][1] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("tidings/") and "+https://" in DEFAULT_USER_AGENT


def test_fetch_user_agent_is_configurable(local_server, clock):
    url = local_server.add("/a", PAGE)
    fetcher_for(clock, user_agent="my-lab-crawler/2 (+mailto:lab@example.org)").fetch(url)
    assert local_server.hits[0][1] == "my-lab-crawler/2 (+mailto:lab@example.org)"


def test_fetch_404_is_an_http_error_naming_url_and_status(local_server, clock):
    url = local_server.url("/missing")
    with pytest.raises(FetchHTTPError) as err:
        fetcher_for(clock).fetch(url)
    assert err.value.status == 404 and err.value.url == url
    assert str(err.value) == f"{url}: HTTP 404 Not Found"
    assert len(local_server.hits) == 1  # a 4xx is not retried
    assert clock.sleeps == []


def test_fetch_connection_refused_is_retried_with_backoff_then_reported(clock):
    url = closed_port_url()
    with pytest.raises(FetchConnectionError) as err:
        fetcher_for(clock, retries=2, backoff=0.5).fetch(url)
    assert str(err.value) == f"{url}: cannot connect (Connection refused)"
    assert clock.sleeps == [0.5, 1.0]  # exponential backoff between the three tries


def test_fetch_retries_503_then_succeeds_honouring_retry_after(local_server, clock):
    calls = []

    def flaky(req):
        calls.append(1)
        if len(calls) < 3:
            reply("busy", "text/plain", 503, {"Retry-After": "7"})(req)
        else:
            reply(PAGE)(req)

    local_server.routes["/flaky"] = flaky
    page = fetcher_for(clock, retries=3).fetch(local_server.url("/flaky"))
    assert page.status == 200 and len(calls) == 3
    assert clock.sleeps == [7.0, 7.0]


def test_fetch_5xx_without_retry_after_backs_off_exponentially_and_gives_up(local_server, clock):
    url = local_server.add("/down", "down", "text/plain", 502)
    with pytest.raises(FetchHTTPError) as err:
        fetcher_for(clock, retries=3, backoff=1.0).fetch(url)
    assert err.value.status == 502 and "HTTP 502" in str(err.value)
    assert clock.sleeps == [1.0, 2.0, 4.0] and len(local_server.hits) == 4


def test_fetch_retry_after_over_the_cap_is_reported_not_waited(local_server, clock):
    url = local_server.add("/busy", "slow down", "text/plain", 429, {"Retry-After": "86400"})
    with pytest.raises(FetchHTTPError) as err:
        fetcher_for(clock, max_retry_after=60).fetch(url)
    assert "retry after 86400 s" in str(err.value) and err.value.status == 429
    assert clock.sleeps == [] and len(local_server.hits) == 1


def test_fetch_waits_between_requests_to_one_host(local_server, clock):
    url = local_server.add("/a", PAGE)
    fetcher = fetcher_for(clock, host_delay=3.0)
    fetcher.fetch(url)
    fetcher.fetch(url)
    assert clock.sleeps == [3.0]
    clock.now += 10  # long enough since the last request: no wait
    fetcher.fetch(url)
    assert clock.sleeps == [3.0]


def test_fetch_follows_redirects_and_reports_the_final_url(local_server, clock):
    final = local_server.add("/new", PAGE)
    local_server.add("/old", "", status=301, headers={"Location": "/new"})
    page = fetcher_for(clock).fetch(local_server.url("/old"))
    assert page.final_url == final and page.url == local_server.url("/old")


def test_fetch_redirect_loop_is_one_clear_error(local_server, clock):
    local_server.add("/a", "", status=302, headers={"Location": "/b"})
    local_server.add("/b", "", status=302, headers={"Location": "/a"})
    url = local_server.url("/a")
    with pytest.raises(TooManyRedirects) as err:
        fetcher_for(clock).fetch(url)
    assert str(err.value) == f"{url}: redirect loop ({url} -> {local_server.url('/b')} -> {url})"


def test_fetch_too_many_redirects(local_server, clock):
    for i in range(10):
        local_server.add(f"/r{i}", "", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        fetcher_for(clock, max_redirects=3).fetch(local_server.url("/r0"))


def _big_page(server: LocalServer, send_length: bool):
    def handle(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        if send_length:
            req.send_header("Content-Length", str(50 * MB))
        req.end_headers()
        block = b"<p>" + b"x" * (MB - 7) + b"</p>\n"
        for _ in range(50):
            req.wfile.write(block)
            server.sent[req.path] = server.sent.get(req.path, 0) + len(block)

    return handle


@pytest.mark.parametrize("send_length", [True, False], ids=["content-length", "streamed"])
def test_fetch_50mb_page_is_refused_without_reading_it_all(local_server, clock, send_length):
    local_server.routes["/big"] = _big_page(local_server, send_length)
    url = local_server.url("/big")
    with pytest.raises(ResponseTooLarge) as err:
        fetcher_for(clock).fetch(url)
    assert isinstance(err.value, ArticleTooLarge) and err.value.url == url
    assert ("50,000,000 bytes, over the limit" if send_length else "over the limit of 10,000,000 bytes (after") \
        in str(err.value)
    time.sleep(0.05)
    assert local_server.sent.get("/big", 0) < 40 * MB  # the server never got to send it all


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """~120 KB of gzip that inflates to 120 MB of zeros: one compressed megabyte repeated as gzip members
    (a valid gzip stream), so making it is instant and never holds the 120 MB."""
    return gzip.compress(bytes(MB), 9) * 120


def test_fetch_gzip_bomb_is_refused_and_memory_stays_bounded(local_server, clock, gzip_bomb):
    assert len(gzip_bomb) < 200_000
    assert zlib.decompressobj(31).decompress(gzip_bomb, 1000) == bytes(1000)  # real gzip of zeros
    url = local_server.add("/bomb", gzip_bomb, "text/html", headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLarge, match="after decompression"):
            fetcher_for(clock).fetch(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * MB, f"peak {peak:,} bytes"


def test_fetch_slow_server_times_out(local_server, clock):
    def slow(req):
        local_server.release.wait(2.0)
        reply(PAGE)(req)

    local_server.routes["/slow"] = slow
    url = local_server.url("/slow")
    started = time.monotonic()
    with pytest.raises(FetchTimeout) as err:
        fetcher_for(clock, read_timeout=0.2).fetch(url)
    assert time.monotonic() - started < 1.5
    assert str(err.value) == f"{url}: no answer within 0.2 s"
    assert len(local_server.hits) == 1  # a read timeout is not retried: the server is alive, just slow


def test_fetch_server_stalling_mid_body_times_out(local_server, clock):
    def stall(req):
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Content-Length", "100000")
        req.end_headers()
        req.wfile.write(b"<html><body><p>half")
        req.wfile.flush()
        local_server.release.wait(2.0)

    local_server.routes["/stall"] = stall
    with pytest.raises(FetchTimeout, match="stopped sending"):
        fetcher_for(clock, read_timeout=0.2).fetch(local_server.url("/stall"))


def test_fetch_refuses_content_that_is_neither_page_nor_feed(local_server, clock):
    url = local_server.add("/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
    with pytest.raises(UnsupportedContent, match="content type image/png"):
        fetcher_for(clock).fetch(url)


def test_fetch_kind_comes_from_the_content_type(local_server, clock):
    fetcher = fetcher_for(clock)
    kinds = {ct: fetcher.fetch(local_server.add(f"/{i}", "<x/>", ct)).kind
             for i, ct in enumerate(["application/rss+xml", "application/atom+xml", "text/xml", "text/plain",
                                     "application/xhtml+xml", "application/octet-stream"])}
    assert kinds == {"application/rss+xml": "feed", "application/atom+xml": "feed", "text/xml": "feed",
                     "text/plain": "text", "application/xhtml+xml": "html", "application/octet-stream": "unknown"}


def test_fetch_decodes_by_header_charset_then_meta_then_utf8(local_server, clock):
    fetcher = fetcher_for(clock)
    caf = "Café on the quay".encode("cp1252")
    by_header = fetcher.fetch(local_server.add("/h", caf, "text/html; charset=windows-1252"))
    by_meta = fetcher.fetch(local_server.add("/m", b'<html><head><meta charset="windows-1252"></head><p>' + caf,
                                             "text/html"))
    by_default = fetcher.fetch(local_server.add("/u", "<p>Café on the quay".encode("utf-8"), "text/html"))
    assert "Café on the quay" in by_header.text
    assert "Café on the quay" in by_meta.text
    assert "Café on the quay" in by_default.text


def test_decode_body_survives_a_wrong_declaration():
    assert decode_body("naïve".encode("utf-8"), "ascii") == "naïve"
    assert decode_body(b"caf\xe9 \xff", None) == "caf\ufffd \ufffd"


# -- one wall-clock budget per URL ------------------------------------------------------------------

def _drip(server: LocalServer, at_once: bytes, dripped: bytes, every: float = 0.05):
    """A handler that sends ``at_once``, then ``dripped`` one byte at a time, each byte well within
    the read timeout, so that only a deadline on the whole request can stop it. It stops early when
    the test ends (``release``) or the client hangs up."""
    def handle(req):
        req.wfile.write(at_once)
        req.wfile.flush()
        for i in range(len(dripped)):
            if server.release.wait(every):
                return
            req.wfile.write(dripped[i:i + 1])
            req.wfile.flush()
            server.sent[req.path] = server.sent.get(req.path, 0) + 1

    return handle


def _headers(length: int) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {length}\r\n\r\n").encode()


def test_fetch_a_body_dripped_byte_by_byte_is_stopped_at_the_deadline(local_server, clock):
    body = PAGE.encode() * 2  # ~200 bytes: 10 s at this pace, far past the budget
    local_server.routes["/drip"] = _drip(local_server, _headers(len(body)), body)
    url = local_server.url("/drip")
    with pytest.raises(FetchTimeout) as err:
        fetcher_for(clock, total_timeout=0.5, read_timeout=2.0).fetch(url)
    assert str(err.value) == (f"{url}: took longer than the 0.5 s allowed for one URL (tries and waits included); "
                              f"stopped")
    assert len(local_server.hits) == 1  # the connection the deadline shut is not tried again
    assert local_server.sent["/drip"] < len(body)


def test_fetch_headers_dripped_byte_by_byte_are_stopped_at_the_deadline(local_server, clock):
    local_server.routes["/drip-head"] = _drip(local_server, b"", _headers(len(PAGE)) + PAGE.encode())
    url = local_server.url("/drip-head")
    with pytest.raises(FetchTimeout, match="took longer than the 0.5 s allowed"):
        fetcher_for(clock, total_timeout=0.5, read_timeout=2.0).fetch(url)
    assert len(local_server.hits) == 1


def test_fetch_retry_after_shares_the_urls_budget_and_the_host_is_left_alone(local_server, clock):
    busy = local_server.add("/busy", "slow down", "text/plain", 429, {"Retry-After": "100"})
    other = local_server.add("/other", PAGE)
    fetcher = fetcher_for(clock, total_timeout=120, retries=3)
    with pytest.raises(FetchHTTPError) as err:
        fetcher.fetch(busy)
    assert clock.sleeps == [100.0]  # one wait fits the 120 s budget; a second would not
    assert str(err.value) == (f"{busy}: HTTP 429 Too Many Requests; not retried: the next try would be in 100 s, "
                              f"and 20 s are left of the 120 s allowed for this URL")
    assert err.value.status == 429
    with pytest.raises(FetchHTTPError) as err:
        fetcher.fetch(other)  # same host, inside the 100 s it asked for: not asked at all
    assert str(err.value) == (f"{other}: not fetched: 127.0.0.1 asked (HTTP 429, Retry-After) not to be asked again "
                              f"for another 100 s")
    assert [h for h, _ in local_server.hits] == ["/busy", "/busy"]
    clock.now += 100
    assert fetcher.fetch(other).status == 200


def test_fetch_backoff_stops_when_the_budget_is_spent(local_server, clock):
    url = local_server.add("/down", "down", "text/plain", 503)
    with pytest.raises(FetchHTTPError, match="not retried: the next try would be in 16 s, and 5 s are left"):
        fetcher_for(clock, total_timeout=20, retries=5, backoff=1.0).fetch(url)
    assert clock.sleeps == [1.0, 2.0, 4.0, 8.0]


def test_fetch_calls_on_wait_before_each_url(local_server, clock):
    calls = []
    url = local_server.add("/a", PAGE)
    fetcher = fetcher_for(clock)
    fetcher.on_wait = lambda: calls.append(len(local_server.hits))
    fetcher.fetch(url)
    fetcher.fetch(url)
    assert calls == [0, 1]  # before the request, every time
