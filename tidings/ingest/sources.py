"""SOURCE arguments to ``Article`` records: files, folders, CSV, JSON Lines, article URLs, RSS/Atom feeds
and OPML lists of feeds.

Like the readers, nothing here raises for one bad item: a failure is yielded as an ``ArticleError``
naming the item, and the run goes on. An ``ArticleWarning`` (also an ``ArticleError``) is not a
failure: it says what was set aside (an impossible date, a page replaced by the feed's summary) and the
article it is about follows it. Only a local SOURCE that does not exist raises (``InputNotFound``),
before anything is read or fetched.
"""
from __future__ import annotations

import email.utils
import hashlib
import html
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator, Mapping
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tidings.errors import (ArticleError, ArticleWarning, EmptyArticle, FeedError, FetchError, UnreadableArticle,
                            UnsupportedContent)
from tidings.ingest.csvfile import CSV_FIELDS, CSV_SUFFIXES, read_csv
from tidings.ingest.fetch import Fetcher, Page, decode_body
from tidings.ingest.readers import (ARTICLE_SUFFIXES, JSONL_SUFFIXES, InputNotFound, article_from_text, id_in_folder,
                                    read_articles, read_file)
from tidings.model import Article

#: feed files found in a folder; any other file named on the command line is sniffed for a feed too
FEED_SUFFIXES = {".rss", ".atom", ".rdf", ".opml", ".xml"}
#: a local feed or OPML file is parsed whole; this bounds the memory it can take
MAX_FEED_FILE_BYTES = 50_000_000
#: an XML declaration with a DOCTYPE right after it, on the same line
_DOCTYPE_AFTER_PROLOG = re.compile(rb"\A(\s*<\?xml[^>]{0,300}\?>)[ \t]*(<!DOCTYPE)")
#: query parameters that only track the reader, dropped so one article keeps one id
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


@dataclass(frozen=True)
class SourceOptions:
    #: CSV field -> header name, for files whose headers the defaults (CSV_HEADER_NAMES) do not find
    columns: Mapping[str, str] = field(default_factory=dict)
    #: date for articles that carry none (YYYY-MM-DD), as in ``tidings analyze --published``
    published: str | None = None
    #: fetch each feed entry's page; when False the entry's summary is the article
    fetch_pages: bool = True
    #: a web page whose main text is shorter than this is not an article (a home page, an error page)
    min_page_chars: int = 150
    #: "now" for judging dates (tests fix it); None means the current time
    now: datetime | None = None
    #: dates further ahead of now than this are wrong (a bad clock or a bad parse), not stored
    max_future: timedelta = timedelta(days=1)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.columns) - set(CSV_FIELDS))
        if unknown:
            raise ValueError(f"unknown CSV field(s) {', '.join(unknown)}; known: {', '.join(CSV_FIELDS)}")


def iter_articles(sources: list[str], options: SourceOptions | None = None,
                  fetcher: Fetcher | None = None) -> Iterator[Article | ArticleError]:
    """Articles from every SOURCE in turn: a path (file, folder, CSV, JSON Lines, feed or OPML file), ``-``
    for standard input, or an http(s) URL of an article, feed or OPML list. A fetcher is made (and
    closed) when none is given and one is needed; a URL met twice in one run is fetched once."""
    options = options or SourceOptions()
    for source in sources:
        if not is_url(source) and source != "-" and not Path(source).exists():
            raise InputNotFound(source)
    run = _Run(options, fetcher)
    try:
        for source in sources:
            yield from run.source(source)
    finally:
        run.close()


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https")


def normalise_url(url: str) -> str:
    """The URL as an identity: lower-case scheme and host, no default port, fragment or tracking
    parameters."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def url_id(url: str) -> str:
    """A stable article id from its URL: readable host and path, and a hash so ids never collide."""
    norm = normalise_url(url)
    parts = urlsplit(norm)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{parts.hostname or ''}{parts.path}".lower()).strip("-")[:60].strip("-")
    return f"{slug}-{_digest(norm)}"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def check_date(value: str | date | datetime, now: datetime | None = None,
               max_future: timedelta = timedelta(days=1)) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` for a believable date, or ``(None, why)`` for one that cannot be read or
    lies in the future. The day is the one at the date's own UTC offset: the publisher's day."""
    parsed = value if isinstance(value, (date, datetime)) else parse_date(str(value))
    if parsed is None:
        return None, f"date {str(value)!r} could not be read; left unset"
    moment = parsed if isinstance(parsed, datetime) else datetime.combine(parsed, dtime())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    limit = (now or datetime.now(timezone.utc))
    limit = (limit if limit.tzinfo else limit.replace(tzinfo=timezone.utc)) + max_future
    if moment > limit:
        return None, f"date {str(value)!r} is in the future (after {limit:%Y-%m-%d}); left unset"
    return (parsed.date() if isinstance(parsed, datetime) else parsed).isoformat(), None


def parse_date(text: str) -> datetime | date | None:
    """ISO 8601 and RFC 822 (feeds) directly; anything else through dateparser (English), which must
    find a day, a month and a year."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    return dateparser.parse(text, languages=["en"],
                            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"})


def sniff(head: bytes) -> str | None:
    """What a document is by its first tag: ``feed`` (RSS, RDF, Atom), ``opml``, ``html``, ``xml`` (some
    other XML), or None (not markup)."""
    text = decode_body(head[:4096]).lstrip("\ufeff")
    text = re.sub(r"<\?.*?\?>|<!--.*?-->", "", text, flags=re.S)
    if re.match(r"\s*<!doctype\s+html", text, re.I):
        return "html"
    # a document type declaration names the root element: trust it, and never try to skip its
    # internal subset ('<!DOCTYPE rss [ <!ENTITY ...> ]>'), whose '>'s end no declaration
    m = re.match(r"\s*<!DOCTYPE\s+([A-Za-z][\w:.-]*)", text, re.I)
    if not m:
        text = re.sub(r"<!.*?>", "", text, flags=re.S)
        m = re.match(r"\s*<([A-Za-z][\w:.-]*)", text)
    if not m:
        return None
    tag = m[1].lower().rsplit(":", 1)[-1]
    if tag in ("rss", "rdf", "feed"):
        return "feed"
    if tag == "opml":
        return "opml"
    if tag in ("html", "head", "body"):
        return "html"
    return "xml"


class _Run:
    """One ``iter_articles`` call: its options, its fetcher, and the URLs already seen."""

    def __init__(self, options: SourceOptions, fetcher: Fetcher | None):
        self.options = options
        self._fetcher = fetcher
        self._owns_fetcher = fetcher is None
        self.seen: set[str] = set()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher()
        return self._fetcher

    def close(self) -> None:
        if self._owns_fetcher and self._fetcher is not None:
            self._fetcher.close()

    # -- dispatch ---------------------------------------------------------------------------------

    def source(self, source: str) -> Iterator[Article | ArticleError]:
        if is_url(source):
            yield from self.url(source)
        elif source == "-":
            yield from self.settled(read_articles("-", self.options.published))
        elif Path(source).is_dir():
            yield from self.folder(Path(source))
        else:
            yield from self.file(Path(source))

    def folder(self, folder: Path) -> Iterator[Article | ArticleError]:
        wanted = ARTICLE_SUFFIXES | CSV_SUFFIXES | FEED_SUFFIXES
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            suffix = path.suffix.lower()
            if suffix not in wanted or path.stem.upper().startswith("README"):
                continue
            if suffix == ".xml" and _sniff_file(path) not in ("feed", "opml"):
                continue  # a sitemap or config file beside the articles, not an input
            yield from self.file(path, id_in_folder(path, folder))

    def file(self, path: Path, id_stem: str | None = None) -> Iterator[Article | ArticleError]:
        """The articles of one file; ``id_stem`` names it when it was found in a folder (its path
        there, without suffix), else its name without suffix does."""
        key = path.resolve().as_uri()
        if key in self.seen:
            return  # named twice, or listed by an OPML file as well as found in its folder (or by itself)
        self.seen.add(key)
        suffix = path.suffix.lower()
        if suffix in CSV_SUFFIXES:
            yield from self.settled(read_csv(path, self.options.columns, id_stem))
            return
        if suffix in JSONL_SUFFIXES:
            yield from self.settled(read_file(path, self.options.published, id_stem))
            return
        kind = _sniff_file(path)  # by content: feeds come as .xml, .rss, .txt or no suffix at all
        if kind in ("feed", "opml"):
            name = str(path)
            try:
                size = path.stat().st_size
                if size > MAX_FEED_FILE_BYTES:
                    yield FeedError(name, f"{size:,} bytes, over the limit of {MAX_FEED_FILE_BYTES:,} for a feed file")
                    return
                body = path.read_bytes()
            except OSError as exc:
                yield UnreadableArticle(name, f"cannot read: {exc.strerror or exc}")
                return
            if kind == "feed":
                yield from self.feed(body, name, base=None, content_type="")
            else:
                yield from self.opml(body, name, base=path.parent)
            return
        yield from self.settled(read_file(path, self.options.published, id_stem))

    # -- the web ----------------------------------------------------------------------------------

    def url(self, url: str, expect: str | None = None) -> Iterator[Article | ArticleError]:
        """An article page, a feed or an OPML list, told apart by content; ``expect="feed"`` when the
        URL came from an OPML list, for a clearer error when it is not one."""
        key = normalise_url(url)
        if key in self.seen:
            return
        self.seen.add(key)
        try:
            page = self.fetcher.fetch(url)
        except FetchError as exc:
            yield exc
            return
        kind = sniff(page.body)
        if kind == "feed":
            yield from self.feed(page.body, url, base=page.final_url, content_type=page.content_type)
        elif kind == "opml":
            yield from self.opml(page.body, url, base=page.final_url)
        elif kind == "html" or page.kind == "html":
            try:
                article = self.page_article(page, url_id(url))
            except ArticleError as exc:
                if expect == "feed":
                    exc = FeedError(url, f"returned an HTML page, not a feed, and it holds no article text "
                                         f"({exc.message})")
                yield exc
                return
            yield from self.settled([article])
        elif page.kind == "text" and kind is None:
            try:
                article = article_from_text(page.text, url, url_id(url), None)
            except ArticleError as exc:
                yield exc
                return
            yield from self.settled([replace(article, url=page.final_url, outlet=_host(page.final_url))])
        elif expect == "feed" or kind == "xml":
            yield FeedError(url, f"not a feed, an OPML list or a web page (content type "
                                 f"{page.content_type or 'not given'}, first tag {kind or 'none'})")
        else:
            yield UnsupportedContent(url, f"not a web page or a feed (content type {page.content_type or 'not given'})",
                                     page.status)

    def page_article(self, page: Page, article_id: str) -> Article:
        """Main text, title, date and outlet (site name, else host) of a web page (trafilatura)."""
        import trafilatura

        name = page.url
        try:
            doc = trafilatura.bare_extraction(page.text, url=page.final_url, with_metadata=True,
                                              include_comments=False, include_tables=False)
        except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
            raise UnreadableArticle(name, f"cannot extract the page ({type(exc).__name__}: {exc})") from None
        title = getattr(doc, "title", None) if doc is not None else None
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
        if title and text.startswith(title):
            text = text[len(title):].lstrip("\n")
        if len(text.strip()) < self.options.min_page_chars:
            raise EmptyArticle(name, f"no article text found in the page ({len(text.strip())} characters of main "
                                     f"text, fewer than {self.options.min_page_chars})")
        host = _host(page.final_url)
        site = getattr(doc, "sitename", None) or ""
        if site.lower().split(":")[0].removeprefix("www.") == host:
            site = ""  # trafilatura's guess from the address: use our host form, the same as everywhere else
        return Article(id=article_id, text=text, title=title or None, url=page.final_url,
                       published=getattr(doc, "date", None) or None, origin=name, outlet=site or host)

    def feed(self, body: bytes, name: str, base: str | None, content_type: str) -> Iterator[Article | ArticleError]:
        import feedparser

        headers = {"content-type": content_type or "application/xml"}
        if base:
            headers["content-location"] = base  # so relative entry links resolve against the feed's URL
        # feedparser finds a DOCTYPE, and the entities it declares, only at the start of a line
        body = _DOCTYPE_AFTER_PROLOG.sub(rb"\1\n\2", body, count=1)
        parsed = feedparser.parse(body, response_headers=headers)  # bytes: never read as a URL or path
        if not parsed.entries:
            if parsed.get("bozo"):
                yield FeedError(name, f"not a readable feed ({_reason(parsed.get('bozo_exception'))})")
            return  # an empty feed is not an error: nothing new today
        # feedparser also flags a feed served as text/html or with a wrong charset label: harmless here
        harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
        if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), harmless):
            yield ArticleWarning(name, f"feed is not well-formed ({_reason(parsed.get('bozo_exception'))}); "
                                       f"reading the {len(parsed.entries)} entries that could be recovered")
        for number, entry in enumerate(parsed.entries, 1):
            yield from self.entry(entry, number, name)

    def entry(self, entry, number: int, feed_name: str) -> Iterator[Article | ArticleError]:
        link = entry.get("link") or None
        item = link or f"{feed_name} entry {number}"
        if link and is_url(link):
            key = normalise_url(link)
            if key in self.seen:
                return
            self.seen.add(key)
            article_id = url_id(link)
        else:
            article_id = "entry-" + _digest(entry.get("id") or f"{entry.get('title')}|{entry.get('summary')}")
        summary = _entry_text(entry)
        article, page_error = None, None
        if link and is_url(link) and self.options.fetch_pages:
            try:
                article = self.page_article(self.fetcher.fetch(link), article_id)
            except ArticleError as exc:
                page_error = exc
        if article is None:
            if not summary:
                yield page_error or EmptyArticle(item, "the feed entry has no text and no page to fetch")
                return
            if page_error is not None:
                yield ArticleWarning(item, f"page not used ({page_error.message}); the feed entry's summary stands "
                                           f"in for it")
            article = Article(id=article_id, text=summary, url=link, outlet=_host(link) if link else None)
        published = _entry_date(entry) or article.published
        yield from self.settled([replace(article, title=entry.get("title") or article.title, published=published,
                                         origin=item)])

    def opml(self, body: bytes, name: str, base: str | Path | None) -> Iterator[Article | ArticleError]:
        """Every feed an OPML list names, in order. Relative feed addresses resolve against the list."""
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(body, parser)
        except etree.XMLSyntaxError as exc:
            yield FeedError(name, f"not well-formed OPML ({exc})")
            return
        feeds = []
        for outline in root.iter("outline"):
            attrs = {k.lower(): v.strip() for k, v in outline.attrib.items()}
            if attrs.get("xmlurl"):
                feeds.append(attrs["xmlurl"])
        if not feeds:
            yield FeedError(name, "the OPML list names no feeds (no outline with an xmlUrl)")
            return
        for address in feeds:
            if is_url(address):
                yield from self.url(address, expect="feed")
            elif isinstance(base, str):
                yield from self.url(urljoin(base, address), expect="feed")
            elif base is not None and (base / address).is_file():
                yield from self.file(base / address)
            else:
                yield FeedError(f"{name}: {address}",
                                "listed feed is neither an http(s) URL nor a file next to the list")

    # -- dates ------------------------------------------------------------------------------------

    def settled(self, items: Iterable[Article | ArticleError]) -> Iterator[Article | ArticleError]:
        """Items with their dates checked: a default date filled in, an unreadable or future date
        reported (as an ``ArticleWarning``) and left unset rather than stored wrong."""
        for item in items:
            if isinstance(item, ArticleError):
                yield item
                continue
            value = item.published or self.options.published
            if value:
                iso, problem = check_date(value, self.options.now, self.options.max_future)
                if problem:
                    yield ArticleWarning(item.origin or item.id, problem)
                item = replace(item, published=iso)
            yield item


def _sniff_file(path: Path) -> str | None:
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096))
    except OSError:
        return None  # the reader that gets it will report the error


def _entry_text(entry) -> str:
    """The longest text the entry carries (full content if given, else the summary), as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    return max((_html_text(c) for c in candidates), key=len, default="")


def _html_text(fragment: str) -> str:
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    import lxml.html

    marked = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</li\s*>|</h[1-6]\s*>", "\n", fragment)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except Exception:  # lxml refuses some fragments; tags stripped by hand are good enough for a summary
        text = html.unescape(re.sub(r"<[^>]*>", " ", marked))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _entry_date(entry) -> str | datetime | None:
    """The entry's own date as written (kept for the warning if it is bad), or feedparser's parse of it."""
    for fld in ("published", "updated", "created"):
        raw = entry.get(fld)
        if raw:
            if parse_date(raw) is None and entry.get(f"{fld}_parsed"):
                return datetime(*entry[f"{fld}_parsed"][:6], tzinfo=timezone.utc)
            return raw
    return None


def _host(url: str) -> str | None:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _reason(exc: BaseException | None) -> str:
    return str(exc).splitlines()[0][:200] if exc else "unknown problem"
