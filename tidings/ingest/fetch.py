"""Fetching web pages and feeds politely and safely: one ``Fetcher`` per ingest run.

Every failure is a typed ``FetchError`` naming the URL (and the HTTP status when there was one), so the
caller can report it as one bad item and go on. The fetcher is careful with both sides: it waits
between requests to one host and honours Retry-After, and it never lets a response (or a gzip bomb)
grow past the size limit in memory.

Time is bounded per URL, on the wall clock: every try, redirect and wait for one URL shares one
budget (``total_timeout``), enforced while bytes trickle in (``deadline.Deadline``), so neither a
server dripping its answer nor one asking to be retried later can hold a run for longer. A host
whose Retry-After reaches past that budget is left alone for the time it asked, for the rest of the
run: its other URLs fail at once, naming the wait. Before it starts on a URL the fetcher calls
``on_wait``, so that the caller can commit what it holds before the network makes it wait.
"""
from __future__ import annotations

import codecs
import email.utils
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions

from tidings import __version__
from tidings.errors import (FetchConnectionError, FetchError, FetchHTTPError, FetchTimeout, ResponseTooLarge,
                            TooManyRedirects, UnsupportedContent)
from tidings.ingest.deadline import Deadline, WatchedAdapter
from tidings.ingest.encodings import announced_encoding

DEFAULT_USER_AGENT = f"tidings/{__version__} (+https://github.com/tidings; news event coder)"
ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/x-opml,"
          "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.5,*/*;q=0.1")

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "text/x-opml", "application/x-opml", "application/opml+xml"}
TEXT_TYPES = {"text/plain"}
#: servers that label everything as a download; the body is sniffed instead
UNKNOWN_TYPES = {"", "application/octet-stream", "binary/octet-stream"}

RETRY_STATUSES = {429} | set(range(500, 600))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    #: seconds of silence allowed while waiting for headers or for the next chunk of the body
    read_timeout: float = 30.0
    #: seconds allowed for one URL on the wall clock: every try, redirect and wait between them
    #: included, so that a server dribbling bytes or asking to retry later cannot hold a run
    total_timeout: float = 60.0
    #: retries after the first try, on connection errors, 429 and 5xx
    retries: int = 3
    #: first backoff in seconds; doubles on every retry
    backoff: float = 1.0
    #: longest Retry-After we are willing to wait (and never past ``total_timeout``); a server asking
    #: for more gets its error reported, and its host is not asked again until then
    max_retry_after: float = 120.0
    #: minimum seconds between the end of one request to a host and the start of the next
    host_delay: float = 1.0
    max_redirects: int = 5
    #: bytes of body after decompression
    max_bytes: int = 10_000_000
    chunk_bytes: int = 64 * 1024


@dataclass(frozen=True)
class Page:
    """A fetched response: the body bytes and what is known about them."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters ("" when the server sent none)
    charset: str | None  # from the Content-Type header
    body: bytes

    @property
    def kind(self) -> str:
        """``html``, ``feed`` (any XML: RSS, Atom, OPML), ``text`` or ``unknown``, from the Content-Type.

        A hint only: servers mislabel feeds as text/html or text/plain, so callers sniff the body too.
        """
        if self.content_type in HTML_TYPES:
            return "html"
        if self.content_type in FEED_TYPES or self.content_type.endswith("+xml"):
            return "feed"
        if self.content_type in TEXT_TYPES:
            return "text"
        return "unknown"

    @property
    def text(self) -> str:
        return decode_body(self.body, self.charset)


def decode_body(body: bytes, charset: str | None = None) -> str:
    """Bytes of a page to text: a BOM (or, for markup, UTF-16/32 told by its zero bytes), else the
    header charset, else the page's own declaration (meta or XML), else UTF-8; bytes that do not fit
    are replaced rather than failing the whole page."""
    announced = announced_encoding(body[:4])
    if announced is not None:
        codec, bom = announced
        return body[bom:].decode(codec, errors="replace")
    head = body[:4096]
    for candidate in (charset, _declared(_XML_ENCODING, head), _declared(_META_CHARSET, head)):
        if candidate:
            try:
                return body.decode(candidate)
            except UnicodeDecodeError:
                break  # a wrong declaration: fall through to UTF-8
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode(charset if _known_codec(charset) else "utf-8", errors="replace")


def _declared(pattern: re.Pattern, head: bytes) -> str | None:
    m = pattern.search(head)
    name = m[1].decode("ascii", "replace") if m else None
    return name if _known_codec(name) else None


def _known_codec(name: str | None) -> bool:
    if not name:
        return False
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


class Fetcher:
    """GET web pages and feeds with timeouts, retries, per-host politeness and size limits.

    ``clock`` (monotonic seconds) and ``sleep`` are injectable so tests can check the waiting without
    waiting (the wall-clock deadline of a request in flight runs on real time, for the seconds of its
    budget that ``clock`` says are left). ``on_wait`` is called before each URL is fetched. Not
    thread-safe: one fetcher serves one sequential ingest run.
    """

    def __init__(self, options: FetchOptions | None = None, *, session: requests.Session | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 on_wait: Callable[[], None] | None = None):
        self.options = options or FetchOptions()
        self.clock = clock
        self.sleep = sleep
        self.on_wait = on_wait or (lambda: None)
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": self.options.user_agent, "Accept": ACCEPT})
        adapter = WatchedAdapter()
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self._last_seen: dict[str, float] = {}
        # host -> (clock time before which it is not asked again, the status that asked for it)
        self._not_before: dict[str, tuple[float, int]] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def fetch(self, url: str) -> Page:
        """The body of ``url`` after redirects; raises a ``FetchError`` subclass naming ``url``."""
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(url, f"not an http(s) URL (scheme {scheme or 'missing'!r})")
        self.on_wait()
        deadline = self.clock() + self.options.total_timeout
        chain = [url]
        current = url
        while True:
            page, location = self._fetch_one(url, current, deadline)
            if location is None:
                return page
            nxt = urljoin(current, location)
            if urlsplit(nxt).scheme.lower() not in ("http", "https"):
                raise FetchError(url, f"redirected to a non-http URL {nxt}", page.status)
            if nxt in chain:
                loop = " -> ".join(chain[chain.index(nxt):] + [nxt])
                raise TooManyRedirects(url, f"redirect loop ({loop})", page.status)
            if len(chain) > self.options.max_redirects:
                raise TooManyRedirects(url, f"more than {self.options.max_redirects} redirects (last to {nxt})",
                                       page.status)
            chain.append(nxt)
            current = nxt

    def _fetch_one(self, url: str, current: str, deadline: float) -> tuple[Page, str | None]:
        """One hop with its retries, within the URL's deadline: the page, and where it redirects to
        (or None)."""
        opts = self.options
        host = (urlsplit(current).hostname or "").lower()
        attempt = 0
        while True:
            self._check_host(url, host)
            try:
                return self._attempt(url, current, host, deadline)
            except _Retry as retry:
                if attempt >= opts.retries:
                    raise retry.error from None
                delay = retry.wait if retry.wait is not None else opts.backoff * 2 ** attempt
                left = deadline - self.clock()
                if delay >= left:
                    if retry.wait is not None:
                        self._not_before[host] = (self.clock() + retry.wait, retry.error.status)
                    raise type(retry.error)(url, f"{retry.error.message}; not retried: the next try would be in "
                                                 f"{delay:g} s, and {max(left, 0):.3g} s are left of the "
                                                 f"{opts.total_timeout:g} s allowed for this URL",
                                            retry.error.status) from None
                self.sleep(delay)
                attempt += 1

    def _check_host(self, url: str, host: str) -> None:
        """Refuse, without asking, a host that asked to be left alone for longer than we would wait."""
        until, status = self._not_before.get(host, (0.0, None))
        left = until - self.clock()
        if left > 0:
            raise FetchHTTPError(url, f"not fetched: {host} asked (HTTP {status}, Retry-After) not to be asked "
                                      f"again for another {left:.0f} s", status)

    def _attempt(self, url: str, current: str, host: str, deadline: float) -> tuple[Page, str | None]:
        """One try, shut off on the wall clock when the URL's time is up."""
        self._wait_for(host)
        left = deadline - self.clock()
        if left <= 0:
            raise self._out_of_time(url)
        with Deadline(left) as watch:
            try:
                result = self._request(url, current, host)
            except Exception:
                if not watch.expired:
                    raise
        if watch.expired:
            # whatever the shut socket made the read say (a broken connection, a short body), it
            # was the deadline: not a failure worth another try
            raise self._out_of_time(url)
        return result

    def _out_of_time(self, url: str) -> FetchTimeout:
        return FetchTimeout(url, f"took longer than the {self.options.total_timeout:g} s allowed for one URL "
                                 f"(tries and waits included); stopped")

    def _request(self, url: str, current: str, host: str) -> tuple[Page, str | None]:
        opts = self.options
        try:
            try:
                # redirects are followed by hand (fetch) so each hop waits its turn and loops are named
                resp = self.session.get(current, stream=True, allow_redirects=False,
                                        timeout=(opts.connect_timeout, opts.read_timeout))
            except requests.exceptions.ReadTimeout:
                raise FetchTimeout(url, f"no answer within {opts.read_timeout:g} s") from None
            except requests.exceptions.ConnectionError as exc:
                raise _Retry(FetchConnectionError(url, f"cannot connect ({_reason(exc)})")) from None
            except requests.exceptions.RequestException as exc:
                raise FetchError(url, f"request failed ({_reason(exc)})") from None
            with resp:
                return self._response(url, resp)
        finally:
            self._last_seen[host] = self.clock()

    def _response(self, url: str, resp: requests.Response) -> tuple[Page, str | None]:
        status = resp.status_code
        reason = f"HTTP {status} {resp.reason or ''}".strip()
        if resp.is_redirect:
            return self._page(url, resp, b""), resp.headers["location"]
        if status in RETRY_STATUSES:
            wait = self._retry_after(resp.headers.get("retry-after"))
            if wait is not None and wait > self.options.max_retry_after:
                host = (urlsplit(resp.url).hostname or "").lower()
                self._not_before[host] = (self.clock() + wait, status)
                raise FetchHTTPError(url, f"{reason}; the server asks to retry after {wait:g} s, over the "
                                          f"{self.options.max_retry_after:g} s we wait", status)
            raise _Retry(FetchHTTPError(url, reason, status), wait)
        if status >= 400:
            raise FetchHTTPError(url, reason, status)
        if status != 200:
            # 204 and friends: no content to work with
            raise FetchHTTPError(url, f"{reason}: no content", status)
        page = self._page(url, resp, b"")
        if page.kind == "unknown" and page.content_type not in UNKNOWN_TYPES:
            raise UnsupportedContent(url, f"content type {page.content_type} is not a web page or a feed", status)
        length = resp.headers.get("content-length", "")
        # a compressed length over the limit means a decoded one over it too: refuse before reading
        if length.isdigit() and int(length) > self.options.max_bytes:
            raise ResponseTooLarge(url, f"{int(length):,} bytes, over the limit of {self.options.max_bytes:,}", status)
        return self._page(url, resp, self._read_body(url, resp)), None

    def _read_body(self, url: str, resp: requests.Response) -> bytes:
        """The decoded body, read in chunks: decompression is bounded per chunk (urllib3 2.6+), so a
        gzip bomb stops at the limit instead of inflating in memory."""
        opts = self.options
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = resp.raw.read(opts.chunk_bytes, decode_content=True)
                if not chunk:
                    break
                size += len(chunk)
                if size > opts.max_bytes:
                    raise ResponseTooLarge(url, f"over the limit of {opts.max_bytes:,} bytes (after decompression); "
                                                f"not read further", resp.status_code)
                chunks.append(chunk)
        except (urllib3.exceptions.ReadTimeoutError, TimeoutError):
            raise FetchTimeout(url, f"the server stopped sending for {opts.read_timeout:g} s",
                               resp.status_code) from None
        except urllib3.exceptions.DecodeError as exc:
            raise FetchError(url, f"cannot decompress the response ({_reason(exc)})", resp.status_code) from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            # a reset or truncated body: the connection failed, which is worth another try
            raise _Retry(FetchConnectionError(url, f"connection broken while reading ({_reason(exc)})",
                                              resp.status_code)) from None
        return b"".join(chunks)

    def _page(self, url: str, resp: requests.Response, body: bytes) -> Page:
        media, _, params = resp.headers.get("content-type", "").partition(";")
        m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.I)
        charset = m[1] if m and _known_codec(m[1]) else None
        return Page(url=url, final_url=resp.url, status=resp.status_code, content_type=media.strip().lower(),
                    charset=charset, body=body)

    def _wait_for(self, host: str) -> None:
        last = self._last_seen.get(host)
        if last is None:
            return
        wait = self.options.host_delay - (self.clock() - last)
        if wait > 0:
            self.sleep(wait)

    def _retry_after(self, value: str | None) -> float | None:
        """Seconds from a Retry-After header (delta seconds or an HTTP date), or None."""
        if not value:
            return None
        value = value.strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class _Retry(Exception):
    """Internal: this attempt failed in a way worth retrying; ``error`` is raised when retries run out."""

    def __init__(self, error: FetchError, wait: float | None = None):
        self.error = error
        self.wait = wait


def _reason(exc: BaseException) -> str:
    """The innermost useful words of a requests/urllib3 error ("Connection refused", not a repr chain)."""
    text = str(exc)
    for pattern in (r"\[Errno -?\d+\] ([^'\")]+)",
                    r"(Connection refused|Connection reset by peer|Name or service not known)"):
        m = re.search(pattern, text)
        if m:
            return m[1].strip()
    return (text.splitlines() or [type(exc).__name__])[0][:200]
