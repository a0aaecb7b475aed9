"""The query layer over a store: what the CLI, the Python API and (later) a REST API ask.

Every function returns plain dataclasses (``dataclasses.asdict`` gives JSON-ready dicts). All the
SQLite SQL for reading lives here and in ``rollups.py``/``sqlite.py``; a second backend would
provide the same ``Queries`` methods.

Conventions:

* ``source``/``target``/``code`` are actor-code prefixes: ``RUS`` matches ``RUS``, ``RUSGOV``,
  ``RUSMIL``. A prefix is expanded to the concrete codes in the ``codes`` table, then each code is an
  index lookup (prefix ranges over ``events`` would defeat the day order).
* ``since``/``until`` are inclusive ``YYYY-MM-DD`` on the event's day (its own date when coded with
  one, else the article's). An event with neither is undated (day None): no date range holds it, it
  lists after the dated ones, and series count it nowhere (the all-time totals do).
* Event lists are newest first (day, then id); ``limit``/``offset`` page them.
* Series, top dyads and actor counts come from the rollups and so count **asserted** events only;
  ``events()`` lists every mode unless ``mode=`` is given.
* A **symmetric** event (``EventRow.symmetric``: talks, meetings, clashes between A and B, stored once
  with the first-named party as source) has no direction. An undirected dyad series counts it once
  (in ``DyadPoint.symmetric``, apart from ``forward``/``backward``); a directed A->B series counts it
  too (it is as much an A->B event as a B->A one), so a symmetric event is in both directed series of
  its pair. Top dyads list a pair's symmetric events once, as an unordered row (``undirected``, codes
  in code order); undirected top dyads merge them with the pair's directed events. ``events()``
  filters by the coded order (``--source`` is the first-named party of a symmetric event).
* A dyad series reads the grain it is asked for (``dyad_week`` for weekly series: a row per dyad and
  week) for the periods wholly inside ``since..until``, and the day grain only for the ragged ends; a
  prefix pair expands to its concrete (src, tgt) pairs, each an index range on (src, tgt, period).
* Ranged top dyads use a threshold algorithm over ``dyad_total`` (see ``_top_dyads_by_candidates``):
  a few hundred candidate dyads summed over year/month/week/day pieces instead of grouping every dyad
  of the range; it falls back to grouping the range when the candidates do not prove the answer.
"""
from __future__ import annotations

import heapq
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tidings.store import search as search_syntax
from tidings.store.rows import unpack_json
from tidings.store.periods import KEY, full_periods, next_period, parse_day, period_start, segments, start_of

_EVENT_SELECT = """
SELECT e.eid, a.id, e.event_id, e.day, e.date, e.src, e.src_name, e.src_country, e.tgt, e.tgt_name, e.tgt_country,
       e.cameo, e.base_code, e.root_code, e.plover, e.quad, e.goldstein, e.mode, e.symmetric, e.place_name, e.place_country,
       e.lat, e.lon, e.sentence, e.trig_start, e.trig_end, e.src_start, e.src_end, e.tgt_start, e.tgt_end,
       e.evidence, e.confidence, a.url, a.title, a.outlet, a.num_articles, a.num_sources, a.story_id
FROM events e JOIN articles a ON a.aid = e.aid"""


@dataclass
class EventRow:
    eid: int
    article_id: str
    event_id: str
    day: str | None  # None: undated (no date of its own, and its article has no publication date)
    date: str | None
    source: str | None
    source_name: str | None
    source_country: str | None
    target: str | None
    target_name: str | None
    target_country: str | None
    cameo: str
    base_code: str
    root_code: str
    plover: str | None
    quad: int
    goldstein: float
    mode: str
    symmetric: bool  # no direction: "between source and target", source = the first-named party
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    sentence: int | None
    trigger_start: int | None
    trigger_end: int | None
    source_start: int | None
    source_end: int | None
    target_start: int | None
    target_end: int | None
    evidence: str | None
    confidence: float | None
    url: str | None
    title: str | None
    outlet: str | None
    num_articles: int
    num_sources: int
    story_id: str | None

    def __post_init__(self) -> None:
        self.symmetric = bool(self.symmetric)  # SQLite gives 0/1


@dataclass
class QuoteRow:
    qid: int
    article_id: str
    day: str | None  # the article's day; None: undated
    speaker_name: str | None
    actor_code: str | None
    kind: str | None
    text: str
    start: int | None
    end: int | None
    url: str | None
    title: str | None


@dataclass
class Counts:
    """Rollup sums: ``events`` (asserted), per quad class, Goldstein sum and mean."""

    events: int = 0
    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None


@dataclass
class DyadPoint(Counts):
    period: str = ""  # first day of the period
    forward: int = 0  # directed a -> b events
    backward: int = 0  # directed b -> a events (undirected series: summed in ``events`` too)
    symmetric: int = 0  # symmetric events between a and b, each once (in ``events`` either way)


@dataclass
class DyadRow(Counts):
    source: str = ""
    target: str = ""
    undirected: bool = False  # source and target are an unordered pair, in code order
    symmetric: int = 0  # how many of ``events`` are symmetric events (no direction)


@dataclass
class ActorRow:
    code: str
    events: int
    as_source: int
    as_target: int
    mentions: int
    articles: int
    goldstein_mean: float | None


@dataclass
class Partner:
    code: str
    events: int
    outgoing: int  # the actor -> partner (directed events)
    incoming: int  # partner -> the actor
    symmetric: int  # symmetric events between them (no direction)
    goldstein_mean: float | None


@dataclass
class ActorPage:
    code: str
    codes: list[str]
    events: int
    as_source: int
    as_target: int
    mentions: int
    articles: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_mean: float | None
    first_day: str | None
    last_day: str | None
    partners: list[Partner] = field(default_factory=list)
    recent: list[EventRow] = field(default_factory=list)


@dataclass
class StoryRow:
    id: str
    title: str | None
    summary: str | None
    first_date: str | None
    last_date: str | None
    article_count: int
    updated_at: str


@dataclass
class ArticleRow:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    day: str | None  # None: undated (no publication date)
    num_articles: int
    num_sources: int


@dataclass
class PlaceRow:
    """Where events happened: a place name with its country, position and event counts."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    events: int  # every mode
    asserted: int
    last_day: str | None  # None: every event there is undated


@dataclass
class StoryDetail(StoryRow):
    state: dict = field(default_factory=dict)
    articles: list[ArticleRow] = field(default_factory=list)
    timeline: list[EventRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)


def _in(values: list[str]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def _day_range(where: list[str], params: list, since: Any, until: Any, column: str = "day") -> None:
    """Add ``since <= column <= until`` (inclusive, each optional) to a WHERE list and its parameters."""
    if since:
        where.append(f"{column} >= ?")
        params.append(str(parse_day(since, "since")))
    if until:
        where.append(f"{column} <= ?")
        params.append(str(parse_day(until, "until")))


def _dyad_row(source: str, target: str, events: int, q1: int, q2: int, q3: int, q4: int, gsum: float,
              undirected: bool = False, symmetric: int | None = None) -> DyadRow:
    """A top-dyads row; an unordered pair row of a directed listing (``undirected`` and no ``symmetric``
    count given) is made of symmetric events only."""
    if symmetric is None:
        symmetric = events if undirected else 0
    return DyadRow(events=events, q1=q1, q2=q2, q3=q3, q4=q4, goldstein_sum=gsum, source=source, target=target,
                   undirected=bool(undirected), symmetric=symmetric, goldstein_mean=gsum / events if events else None)


def _rank(row: tuple) -> tuple:
    """Top-dyads order of ``(source, target, events, ..., is_pair)`` rows: most events first, then codes."""
    return (-row[2], row[0], row[1], bool(row[-1]))


class _ReadSnapshot:
    """``with``: one read transaction around several statements, unless the connection is in one."""

    def __init__(self, conn):
        self.conn = conn
        self.own = False

    def __enter__(self):
        self.own = not self.conn.in_transaction
        if self.own:
            self.conn.execute("BEGIN")
        return self

    def __exit__(self, *exc) -> None:
        if self.own:
            self.conn.execute("COMMIT")


#: counting the rows of a list stops here: a page says "1-50 of more than 10,000" rather than
#: scanning millions of rows to say how many
COUNT_CAP = 10_000

#: event orders (SQL ORDER BY); "newest" is read from the indexes in ``events()``
EVENT_ORDERS = {
    "newest": "day DESC, eid DESC",
    "oldest": "day, eid",
    "conflict": "goldstein, day DESC, eid DESC",
    "cooperation": "goldstein DESC, day DESC, eid DESC",
    "confidence": "confidence DESC, day DESC, eid DESC",
}
#: story orders; the latest first by default, the busiest first among stories of the same last day
STORY_ORDERS = {
    "latest": "last_date DESC, article_count DESC, title, id",
    "earliest": "first_date, article_count DESC, title, id",
    "articles": "article_count DESC, last_date DESC, title, id",
    "title": "title, last_date DESC, id",
}
#: the index that holds each story order (schema v6)
STORY_ORDER_INDEXES = {"latest": "stories_latest", "earliest": "stories_earliest", "articles": "stories_busiest",
                       "title": "stories_title"}


@dataclass
class Total:
    """How many rows a list has: exact up to ``COUNT_CAP``; ``capped`` says there are more."""

    n: int
    capped: bool


class Queries:
    def __init__(self, store):
        self.store = store
        self.conn = store.conn

    # -- helpers -------------------------------------------------------------------------------------
    def codes(self, prefix: str | None) -> list[str] | None:
        """Concrete codes starting with ``prefix`` (None: no filter; empty list: matches nothing)."""
        if prefix is None:
            return None
        prefix = prefix.strip().upper()
        return [r[0] for r in self.conn.execute("SELECT code FROM codes WHERE substr(code, 1, ?) = ? ORDER BY code",
                                                (len(prefix), prefix))]

    def _events_by_eid(self, eids: list[int]) -> list[EventRow]:
        if not eids:
            return []
        rows = {r[0]: EventRow(*r) for r in self.conn.execute(f"{_EVENT_SELECT} WHERE e.eid IN {_in(eids)}", eids)}
        return [rows[e] for e in eids if e in rows]

    # -- events --------------------------------------------------------------------------------------
    def events(self, source: str | None = None, target: str | None = None, plover_type: str | None = None,
               cameo: str | None = None, since: str | None = None, until: str | None = None,
               story: str | None = None, mode: str | None = None, article: str | None = None,
               place: str | None = None, limit: int = 50, offset: int = 0, order: str = "newest") -> list[EventRow]:
        """Events matching the filters, ``order``: newest (default) or oldest first by day, or by
        Goldstein score (``conflict``: most conflictual first; ``cooperation``), or ``confidence``.
        Newest first reads the indexes and stops after the page; the others sort the matching rows."""
        if order not in EVENT_ORDERS:
            raise ValueError(f"unknown event order {order!r}: one of {', '.join(EVENT_ORDERS)}")
        found = self.event_filters(source, target, plover_type, cameo, since, until, story, mode, article, place)
        if found is None:
            return []
        src, tgt, where, params = found
        if order != "newest":
            where, params = self._codes_in(where, params, src, tgt)
            sql = ("SELECT eid FROM events" + (" WHERE " + " AND ".join(where) if where else "") +
                   f" ORDER BY {EVENT_ORDERS[order]} LIMIT ? OFFSET ?")
            return self._events_by_eid([r[0] for r in self.conn.execute(sql, (*params, limit, offset))])
        # Fan out over the codes of one side: with one code fixed, an index gives rows in day order and
        # the LIMIT stops the scan early; an IN list over several codes would have to sort them all.
        want = offset + limit
        if src is not None and tgt is not None and len(src) * len(tgt) <= 400:
            # both sides given: one (src, tgt) pair per index range (events_dyad, then day order when
            # the PLOVER type is fixed), so each stops after ``want`` rows instead of sorting the range
            keys = heapq.merge(*(self._eid_page(where + ["src = ?", "tgt = ?"], params + [s, t], want)
                                 for s in src for t in tgt), reverse=True)
            return self._events_by_eid([eid for _, eid in list(keys)[offset:want]])
        fan_col, fan, other_col, other = ("src", src, "tgt", tgt) if src is not None else ("tgt", tgt, "src", None)
        if other is not None:
            where.append(f"{other_col} IN {_in(other)}")
            params += other
        if fan is None:
            keys = self._eid_page(where, params, want)
        else:
            keys = heapq.merge(*(self._eid_page(where + [f"{fan_col} = ?"], params + [code], want) for code in fan),
                               reverse=True)
            keys = list(keys)[:want]
        return self._events_by_eid([eid for _, eid in keys[offset:want]])

    def event_filters(self, source=None, target=None, plover_type=None, cameo=None, since=None, until=None,
                      story=None, mode=None, article=None, place=None):
        """``(source codes, target codes, where, params)`` for the non-code filters, or None when a code
        prefix matches no code (so nothing can match). Shared by ``events()`` and the exporter."""
        src, tgt = self.codes(source), self.codes(target)
        if src == [] or tgt == []:
            return None
        where, params = [], []
        if plover_type:
            where.append("plover = ?")
            params.append(plover_type.upper())
        if cameo:
            where.append("substr(cameo, 1, ?) = ?")
            params += [len(cameo), cameo]
        _day_range(where, params, since, until)
        if mode:
            where.append("mode = ?")
            params.append(mode)
        if story is not None:
            where.append("aid IN (SELECT aid FROM articles WHERE story_id = ?)")
            params.append(str(story))
        if article is not None:
            where.append("aid = (SELECT aid FROM articles WHERE id = ?)")
            params.append(article)
        if place:
            where.append("place_name = ? COLLATE NOCASE")  # "baghdad" is Baghdad
            params.append(place.strip())
        return src, tgt, where, params

    @staticmethod
    def _codes_in(where: list[str], params: list, src: list[str] | None, tgt: list[str] | None):
        """The filters with the source and target codes as IN lists (for counting and sorted pages)."""
        where, params = list(where), list(params)
        for col, codes in (("src", src), ("tgt", tgt)):
            if codes is not None:
                where.append(f"{col} IN {_in(codes)}")
                params += codes
        return where, params

    def count_events(self, source: str | None = None, target: str | None = None, plover_type: str | None = None,
                     cameo: str | None = None, since: str | None = None, until: str | None = None,
                     story: str | None = None, mode: str | None = None, article: str | None = None,
                     place: str | None = None) -> Total:
        """How many events ``events()`` would list with these filters (counting stops at ``COUNT_CAP``)."""
        found = self.event_filters(source, target, plover_type, cameo, since, until, story, mode, article, place)
        if found is None:
            return Total(0, False)
        src, tgt, where, params = found
        if src is None and tgt is None and not where:
            return Total(self.store.counts()["events"], False)  # kept by trigger: no scan
        where, params = self._codes_in(where, params, src, tgt)
        return self._count("events", where, params)

    def _count(self, source: str, where: list[str], params: list) -> Total:
        sql = (f"SELECT count(*) FROM (SELECT 1 FROM {source}" + (" WHERE " + " AND ".join(where) if where else "") +
               " LIMIT ?)")
        n = self.conn.execute(sql, (*params, COUNT_CAP + 1)).fetchone()[0]
        return Total(min(n, COUNT_CAP), n > COUNT_CAP)

    def _eid_page(self, where: list[str], params: list, want: int) -> list[tuple[str, int]]:
        sql = "SELECT coalesce(day, ''), eid FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        # undated events (day NULL) come last, as in ORDER BY day DESC; '' keeps the merge keys comparable
        return [tuple(r) for r in self.conn.execute(sql + " ORDER BY day DESC, eid DESC LIMIT ?", (*params, want))]

    # -- quotes --------------------------------------------------------------------------------------
    def _quote_filters(self, speaker, search, actor, since, until, article):
        """``(where, params)`` over ``quotes q JOIN articles a``, or None when nothing can match."""
        where, params = [], []
        if search:
            found = search_syntax.sql_condition(search, "q.qid", "quotes_fts" if self.store.fts else None,
                                                ["q.text", "q.speaker_name"], self.store.dialect)
            if found is None:
                return None
            where.append(found[0])
            params += found[1]
        if speaker:
            where.append(f"q.speaker_name LIKE ? ESCAPE '{search_syntax.LIKE_ESCAPE}'")
            params.append(search_syntax.like_pattern(speaker.strip()))
        if actor:
            codes = self.codes(actor)
            if not codes:
                return None
            where.append(f"q.actor_code IN {_in(codes)}")
            params += codes
        _day_range(where, params, since, until, column="a.day")
        if article is not None:
            where.append("a.id = ?")
            params.append(article)
        return where, params

    def quotes(self, speaker: str | None = None, search: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None, article: str | None = None,
               limit: int = 50, offset: int = 0) -> list[QuoteRow]:
        """Quotes, newest first. ``speaker``: part of the speaker's name (any case; ``%`` and ``_`` are
        themselves); ``search``: words in the quote or its speaker's name, in the syntax of
        ``tidings.store.search`` (full-text when FTS5 is available, else substrings); ``actor``: speaker
        code prefix."""
        found = self._quote_filters(speaker, search, actor, since, until, article)
        if found is None:
            return []
        where, params = found
        sql = f"""SELECT q.qid, a.id, a.day, q.speaker_name, q.actor_code, q.kind, q.text, q.start, q."end", a.url, a.title
                  FROM quotes q JOIN articles a ON a.aid = q.aid
                  {"WHERE " + " AND ".join(where) if where else ""}
                  ORDER BY a.day DESC, q.qid DESC LIMIT ? OFFSET ?"""
        return [QuoteRow(*r) for r in self.conn.execute(sql, (*params, limit, offset))]

    def count_quotes(self, speaker: str | None = None, search: str | None = None, actor: str | None = None,
                     since: str | None = None, until: str | None = None, article: str | None = None) -> Total:
        """How many quotes ``quotes()`` would list (counting stops at ``COUNT_CAP``)."""
        found = self._quote_filters(speaker, search, actor, since, until, article)
        if found is None:
            return Total(0, False)
        where, params = found
        if not where:
            return Total(self.store.counts()["quotes"], False)
        return self._count("quotes q JOIN articles a ON a.aid = q.aid", where, params)

    # -- rollup-backed -------------------------------------------------------------------------------
    def _union(self, family: str, cols: str, since: Any, until: Any, where: str = "", params: tuple = ()):
        """SQL (and params) reading ``cols`` from the fewest ``family`` rollup rows covering the range."""
        lo, hi = parse_day(since, "since"), parse_day(until, "until")
        pieces = [("total", None, None)] if lo is None and hi is None else \
            segments(lo, hi, weeks=family != "actor")  # only dyads and pairs have a week grain
        parts, args = [], []
        for grain, first, last in pieces:
            cond = [] if first is None else ["period BETWEEN ? AND ?"]
            if where:
                cond.append(where)
            parts.append(f"SELECT {cols} FROM {family}_{grain}" + (" WHERE " + " AND ".join(cond) if cond else ""))
            args += ([] if first is None else [first, last]) + list(params)
        return " UNION ALL ".join(parts), args

    def dyad(self, a: str, b: str, by: str = "week", since: str | None = None, until: str | None = None,
             directed: bool = False, fill: bool = False) -> list[DyadPoint]:
        """Events between ``a`` and ``b`` (code prefixes) per ``by`` period (day/week/month/year; weeks are
        ISO, starting Monday; ``period`` is the first day).

        Undirected (default): both directions summed in the counts, ``forward`` (a->b), ``backward``
        (b->a) and ``symmetric`` (events with no direction, each once) give the split.
        ``directed=True``: a->b and symmetric events only (a symmetric event between a and b is in the
        a->b series and in the b->a one). Periods without events are left out unless ``fill`` (then
        every period from the first to the last, or since..until, is present).
        """
        if by not in ("day", "week", "month", "year"):
            period_start(by)  # raises the ValueError naming the choices
        ca, cb = self.codes(a) or [], self.codes(b) or []
        if not ca or not cb:
            return self._fill([], by, since, until) if fill else []
        lo, hi = parse_day(since, "since"), parse_day(until, "until")
        # Read the grain asked for (a row per week, not seven) for the periods wholly inside the range,
        # and the day grain for the ragged ends, whose rows are grouped into their period here.
        pieces: list[tuple[str, str, str | None, str | None]] = []  # (grain, period expr, first, last)
        if by == "day":
            pieces.append(("day", "period", str(lo) if lo else None, str(hi) if hi else None))
        else:
            out = {"week": "period", "month": "period || '-01'", "year": "period || '-01-01'"}[by]
            first, last, whole = full_periods(by, lo, hi)
            if whole:
                key = KEY[by]
                pieces.append((by, out, key(first) if first else None, key(last) if last else None))
                if lo is not None and lo < first:
                    pieces.append(("day", period_start(by), str(lo), str(first - timedelta(days=1))))
                if hi is not None and last is not None:
                    after = next_period(by, last)
                    if after <= hi:
                        pieces.append(("day", period_start(by), str(after), str(hi)))
            else:
                pieces.append(("day", period_start(by), str(lo) if lo else None, str(hi) if hi else None))
        fwd = f"src IN {_in(ca)} AND tgt IN {_in(cb)}"
        bwd = f"src IN {_in(cb)} AND tgt IN {_in(ca)}"
        # forward and backward are separate index ranges on (src, tgt, period); an event matching both
        # (overlapping prefixes) is read once, by the forward branch, and flagged for both directions.
        # (family, match, its params, forward flag, backward flag, symmetric flag, the flags' params)
        branches = [("dyad", fwd, ca + cb, "1", f"CASE WHEN {bwd} THEN 1 ELSE 0 END", "0", cb + ca)]
        if not directed:
            branches.append(("dyad", f"{bwd} AND NOT ({fwd})", cb + ca + ca + cb, "0", "1", "0", []))
        # symmetric events, in either series: a pair (x, y) is stored once with x <= y, so it is found
        # as (a, b) or as (b, a); one matching both (overlapping prefixes) is read by the first branch only
        pfwd, pbwd = f"a IN {_in(ca)} AND b IN {_in(cb)}", f"a IN {_in(cb)} AND b IN {_in(ca)}"
        branches += [("pair", pfwd, ca + cb, "0", "0", "1", []),
                     ("pair", f"{pbwd} AND NOT ({pfwd})", cb + ca + ca + cb, "0", "0", "1", [])]
        parts, params = [], []
        for grain, expr, lo_key, hi_key in pieces:
            for family, match, mparams, is_fwd, is_bwd, is_sym, flag_params in branches:
                cond, args = [match], list(mparams)
                if lo_key is not None:
                    cond.append("period >= ?")
                    args.append(lo_key)
                if hi_key is not None:
                    cond.append("period <= ?")
                    args.append(hi_key)
                parts.append(f"SELECT {expr} AS p, n, q1, q2, q3, q4, gsum, {is_fwd} AS f, {is_bwd} AS b, "
                             f"{is_sym} AS s FROM {family}_{grain} WHERE {' AND '.join(cond)}")
                params += flag_params + args
        sql = f"""SELECT p, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(gsum), total(n * f), total(n * b),
                         total(n * s)
                  FROM ({" UNION ALL ".join(parts)}) GROUP BY p ORDER BY p"""
        rows = self.conn.execute(sql, params).fetchall()
        points = [DyadPoint(events=n, q1=q1, q2=q2, q3=q3, q4=q4, goldstein_sum=g, period=p, forward=int(f),
                            backward=int(bk), symmetric=int(sym), goldstein_mean=g / n if n else None)
                  for p, n, q1, q2, q3, q4, g, f, bk, sym in rows]
        return self._fill(points, by, since, until) if fill else points

    @staticmethod
    def _fill(points: list[DyadPoint], by: str, since: Any, until: Any) -> list[DyadPoint]:
        lo = parse_day(since) or (date.fromisoformat(points[0].period) if points else None)
        hi = parse_day(until) or (date.fromisoformat(points[-1].period) if points else None)
        if lo is None or hi is None:
            return points
        have = {p.period: p for p in points}
        out, d = [], start_of(by, lo)
        while d <= hi:
            out.append(have.get(d.isoformat()) or DyadPoint(period=d.isoformat()))
            d = next_period(by, d)
        return out

    def top_dyads(self, n: int = 50, since: str | None = None, until: str | None = None,
                  directed: bool = True) -> list[DyadRow]:
        """The ``n`` dyads with most asserted events in the range.

        Directed by default: A->B and B->A are two rows, and a pair's symmetric events (no direction)
        one more row, unordered (``undirected``, the codes in code order, ``symmetric`` = ``events``),
        so that a pair that only ever "held talks" is listed once, not once per direction.
        ``directed=False`` merges the three into one unordered row per pair, named in code order
        (``symmetric`` says how many of its events are symmetric)."""
        if directed and since is None and until is None:  # all time: the top of two indexes, no grouping
            rows = []
            with _ReadSnapshot(self.conn):
                for family, x, y in (("dyad", "src", "tgt"), ("pair", "a", "b")):
                    sql = (f"SELECT {x}, {y}, n, q1, q2, q3, q4, gsum, {int(family == 'pair')} FROM {family}_total "
                           f"ORDER BY n DESC, {x}, {y} LIMIT ?")
                    rows += self.conn.execute(sql, (n,)).fetchall()
            return [_dyad_row(*r) for r in sorted(rows, key=_rank)[:n]]
        if directed:
            found = self._top_dyads_by_candidates(n, since, until)
            if found is not None:
                return [_dyad_row(*r) for r in found]
        values = "n, q1, q2, q3, q4, gsum"
        dyads, dargs = self._union("dyad", f"src, tgt, 0 AS sym, {values}", since, until)
        pairs, pargs = self._union("pair", f"a, b, 1, {values}", since, until)
        keys = "src, tgt, sym AS unordered" if directed else "min(src, tgt), max(src, tgt), 1 AS unordered"
        group = "src, tgt, sym" if directed else "min(src, tgt), max(src, tgt)"
        sql = f"""SELECT {keys}, sum(n) AS events, sum(q1), sum(q2), sum(q3), sum(q4), total(gsum),
                         total(CASE WHEN sym THEN n END)
                  FROM ({dyads} UNION ALL {pairs}) GROUP BY {group} ORDER BY events DESC, 1, 2, 3 LIMIT ?"""
        return [_dyad_row(s, t, e, q1, q2, q3, q4, g, bool(undirected), int(sym))
                for s, t, undirected, e, q1, q2, q3, q4, g, sym in self.conn.execute(sql, (*dargs, *pargs, n))]

    def _top_dyads_by_candidates(self, n: int, since: Any, until: Any, max_candidates: int = 20_000,
                                 start: int | None = None):
        """Ranged top-``n`` without grouping every dyad of the range (threshold algorithm).

        A dyad's count in any range is at most its all-time count (``dyad_total``, indexed by ``n``).
        So: take the ``k`` dyads with the highest all-time counts, sum their counts over the range (index
        lookups per dyad in the day/week/month/year grains), and if the ``n``-th best of them beats the
        all-time count of the best dyad left out, no dyad left out can enter the top ``n``: the answer is
        exact. Otherwise ``k`` grows; past ``max_candidates`` None is returned (the caller groups the
        whole range instead). With the skew of news (a few dyads dominate) a few hundred candidates do.
        A pair's symmetric events (``pair_total``) are a candidate row of their own, ranked with the
        dyads. Runs in one read transaction so a concurrent commit cannot slip between the reads.
        Returns ``(source, target, events, q1, q2, q3, q4, gsum, is_pair)`` rows.
        """
        lo, hi = parse_day(since, "since"), parse_day(until, "until")
        pieces = segments(lo, hi, weeks=True)
        # one statement per candidate (prepared once, cached): an index range per piece
        sums_sql = {}
        for family, x, y in (("dyad", "src", "tgt"), ("pair", "a", "b")):
            parts, bounds = [], []
            for grain, first, last in pieces:
                parts.append(f"SELECT n, q1, q2, q3, q4, gsum FROM {family}_{grain} "
                             f"WHERE {x} = ?1 AND {y} = ?2 AND period BETWEEN ?{len(bounds) + 3} AND ?{len(bounds) + 4}")
                bounds += [first, last]
            sums_sql[family] = (f"SELECT sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(gsum) "
                                f"FROM ({' UNION ALL '.join(parts)})")
        with _ReadSnapshot(self.conn):
            k = start or max(4 * n, 256)
            sums: dict[tuple[str, str, str], tuple] = {}
            while True:
                ranked = sorted([("dyad", *r) for r in self.conn.execute(
                                    "SELECT src, tgt, n FROM dyad_total ORDER BY n DESC LIMIT ?", (k + 1,))] +
                                [("pair", *r) for r in self.conn.execute(
                                    "SELECT a, b, n FROM pair_total ORDER BY n DESC LIMIT ?", (k + 1,))],
                                key=lambda r: -r[3])[:k + 1]
                for family, x, y, _ in ranked[:k]:
                    if (family, x, y) not in sums:  # earlier rounds' candidates are not read again
                        sums[family, x, y] = self.conn.execute(sums_sql[family], (x, y, *bounds)).fetchone()
                outside = ranked[k][3] if len(ranked) > k else 0  # no candidate left out has more, all time
                rows = sorted(((x, y, *v, family == "pair") for (family, x, y), v in sums.items() if v[0]), key=_rank)
                top = rows[:n]
                if outside == 0 or (len(top) == n and top[-1][2] > outside):
                    return top
                if k >= max_candidates:
                    return None
                k = min(k * 2, max_candidates)

    def actors(self, prefix: str | None = None, since: str | None = None, until: str | None = None,
               order: str = "events", limit: int = 100, offset: int = 0) -> list[ActorRow]:
        """Actor codes with event counts (asserted, as source/target) and mention counts, busiest first.
        ``order``: events | mentions | code."""
        where, params = "", ()
        if prefix:
            where, params = "substr(code, 1, ?) = ?", (len(prefix), prefix.upper())
        union, args = self._union("actor", "code, n, as_source, as_target, mentions, articles, gsum",
                                  since, until, where, params)
        order_by = {"events": "events DESC, code", "mentions": "mentions DESC, code", "code": "code"}[order]
        sql = f"""SELECT code, sum(n) AS events, sum(as_source), sum(as_target), sum(mentions) AS mentions,
                         sum(articles), total(gsum)
                  FROM ({union}) GROUP BY code ORDER BY {order_by} LIMIT ? OFFSET ?"""
        return [ActorRow(c, e, s, t, m, ar, g / e if e else None)
                for c, e, s, t, m, ar, g in self.conn.execute(sql, (*args, limit, offset))]

    def actor_page(self, code: str, since: str | None = None, until: str | None = None,
                   partners: int = 10, recent: int = 10) -> ActorPage | None:
        """Counts, top partners (either direction) and latest events for ``code`` (a prefix); None if unknown."""
        codes = self.codes(code) or []
        if not codes:
            return None
        hole = _in(codes)
        union, args = self._union("actor", "code, period, n, as_source, as_target, mentions, articles, "
                                           "q1, q2, q3, q4, gsum", since, until, f"code IN {hole}", tuple(codes))
        row = self.conn.execute(f"""SELECT total(n), total(as_source), total(as_target), total(mentions),
                                           total(articles), total(q1), total(q2), total(q3), total(q4), total(gsum)
                                    FROM ({union})""", args).fetchone()
        n, s, t, m, ar, q1, q2, q3, q4, g = row
        span = self.conn.execute(f"SELECT min(period), max(period) FROM actor_day WHERE code IN {hole} AND n > 0",
                                 codes).fetchone()
        # directed events (src, tgt) and symmetric ones (pair a, b) with the actor on either side
        dunion, dargs = self._union("dyad", "src, tgt, 0 AS sym, n, gsum", since, until,
                                    f"(src IN {hole} OR tgt IN {hole})", tuple(codes + codes))
        punion, pargs = self._union("pair", "a, b, 1, n, gsum", since, until,
                                    f"(a IN {hole} OR b IN {hole})", tuple(codes + codes))
        partner_sql = f"""SELECT CASE WHEN src IN {hole} THEN tgt ELSE src END AS partner, sum(n) AS events,
                                 total(CASE WHEN NOT sym AND src IN {hole} THEN n END),
                                 total(CASE WHEN NOT sym AND tgt IN {hole} THEN n END),
                                 total(CASE WHEN sym THEN n END), total(gsum)
                          FROM ({dunion} UNION ALL {punion}) GROUP BY partner ORDER BY events DESC, partner LIMIT ?"""
        plist = [Partner(p, e, int(o), int(i), int(sy), gs / e if e else None)
                 for p, e, o, i, sy, gs in self.conn.execute(partner_sql, (*codes, *codes, *codes, *dargs, *pargs,
                                                                           partners))]
        latest = sorted(self.events(source=code, since=since, until=until, limit=recent) +
                        self.events(target=code, since=since, until=until, limit=recent),
                        key=lambda e: (e.day or "", e.eid), reverse=True)
        seen, recent_rows = set(), []
        for e in latest:
            if e.eid not in seen and len(recent_rows) < recent:
                seen.add(e.eid)
                recent_rows.append(e)
        return ActorPage(code.upper(), codes, int(n), int(s), int(t), int(m), int(ar), int(q1), int(q2), int(q3),
                         int(q4), g / n if n else None, span[0], span[1], plist, recent_rows)

    # -- stories and articles ------------------------------------------------------------------------
    def _story_filters(self, since, until, search):
        where, params = [], []
        # an undated story (no first or last date) is in no date range, like an undated event
        if since:
            where.append("last_date >= ?")
            params.append(str(parse_day(since, "since")))
        if until:
            where.append("first_date <= ?")
            params.append(str(parse_day(until, "until")))
        if search:
            found = search_syntax.sql_condition(search, "rowid", "stories_fts" if self.store.fts else None,
                                                ["title", "summary"], self.store.dialect)
            if found is None:
                return None
            where.append(found[0])
            params += found[1]
        return where, params

    def stories(self, since: str | None = None, until: str | None = None, search: str | None = None,
                limit: int = 50, offset: int = 0, order: str = "latest") -> list[StoryRow]:
        """Stories overlapping ``since..until``; ``search``: words in the title or summary, in the syntax
        of ``tidings.store.search``. ``order``: latest (by last day, the story with most articles
        first on a tie, then by title), earliest (by first day), articles (most first) or title."""
        if order not in STORY_ORDERS:
            raise ValueError(f"unknown story order {order!r}: one of {', '.join(STORY_ORDERS)}")
        found = self._story_filters(since, until, search)
        if found is None:
            return []
        where, params = found
        source = "stories"
        if search and self.store.fts and self.store.dialect == "sqlite" and self._common(search):
            # Many stories match: walk the order's index and keep the matching ones until the page is
            # full (15 ms for a word in half of 200,000 stories) instead of sorting every match (160
            # ms). A rare word is the other way round, and the planner's own choice (matches first).
            source = f"stories INDEXED BY {STORY_ORDER_INDEXES[order]}"
        sql = ("SELECT id, title, summary, first_date, last_date, article_count, updated_at FROM " + source +
               (" WHERE " + " AND ".join(where) if where else "") +
               f" ORDER BY {STORY_ORDERS[order]} LIMIT ? OFFSET ?")
        return [StoryRow(*r) for r in self.conn.execute(sql, (*params, limit, offset))]

    def _common(self, search: str, many: int = 2000) -> bool:
        """Whether more than ``many`` stories match the positive terms of ``search``."""
        match = search_syntax.parse(search).fts_match()
        if match is None:
            return True  # only exclusions: nearly every story matches
        sql = "SELECT count(*) FROM (SELECT 1 FROM stories_fts WHERE stories_fts MATCH ? LIMIT ?)"
        return self.conn.execute(sql, (match, many + 1)).fetchone()[0] > many

    def count_stories(self, since: str | None = None, until: str | None = None, search: str | None = None) -> Total:
        """How many stories ``stories()`` would list (counting stops at ``COUNT_CAP``)."""
        found = self._story_filters(since, until, search)
        if found is None:
            return Total(0, False)
        where, params = found
        if not where:
            return Total(self.store.counts()["stories"], False)
        return self._count("stories", where, params)

    def story(self, story_id: str, timeline_limit: int = 1000) -> StoryDetail | None:
        """A story with its articles (oldest first), its events ordered by event day and its quotes
        ordered by article day."""
        row = self.conn.execute("SELECT id, title, summary, first_date, last_date, article_count, updated_at, state "
                                "FROM stories WHERE id = ?", (str(story_id),)).fetchone()
        if row is None:
            return None
        articles = [ArticleRow(*r) for r in self.conn.execute(
            "SELECT id, title, url, outlet, published, day, num_articles, num_sources FROM articles "
            "WHERE story_id = ? ORDER BY day, aid", (str(story_id),))]
        eids = [r[0] for r in self.conn.execute(
            "SELECT eid FROM events WHERE aid IN (SELECT aid FROM articles WHERE story_id = ?) "
            "ORDER BY day, eid LIMIT ?", (str(story_id), timeline_limit))]
        quotes = [QuoteRow(*r) for r in self.conn.execute(
            """SELECT q.qid, a.id, a.day, q.speaker_name, q.actor_code, q.kind, q.text, q.start, q."end", a.url, a.title
                FROM quotes q JOIN articles a ON a.aid = q.aid WHERE a.story_id = ?
                ORDER BY a.day, q.qid LIMIT ?""", (str(story_id), timeline_limit))]
        return StoryDetail(*row[:7], state=json.loads(row[7]), articles=articles, timeline=self._events_by_eid(eids),
                           quotes=quotes)

    def _article_filters(self, since, until, search, story, outlet):
        where, params = [], []
        _day_range(where, params, since, until)
        if search:
            found = search_syntax.sql_condition(search, "aid", None, ["title"])
            if found is None:
                return None
            where.append(found[0])
            params += found[1]
        if story:
            where.append("story_id = ?")
            params.append(str(story))
        if outlet:
            where.append("outlet = ?")
            params.append(outlet)
        return where, params

    def articles(self, since: str | None = None, until: str | None = None, search: str | None = None,
                 story: str | None = None, outlet: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[ArticleRow]:
        """Stored articles, newest first. ``search``: words in the title (any case, each as a substring:
        titles have no full-text index; ``%`` and ``_`` are themselves); ``outlet``: exact."""
        found = self._article_filters(since, until, search, story, outlet)
        if found is None:
            return []
        where, params = found
        sql = ("SELECT id, title, url, outlet, published, day, num_articles, num_sources FROM articles" +
               (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY day DESC, aid DESC LIMIT ? OFFSET ?")
        return [ArticleRow(*r) for r in self.conn.execute(sql, (*params, limit, offset))]

    def count_articles(self, since: str | None = None, until: str | None = None, search: str | None = None,
                       story: str | None = None, outlet: str | None = None) -> Total:
        """How many articles ``articles()`` would list (counting stops at ``COUNT_CAP``)."""
        found = self._article_filters(since, until, search, story, outlet)
        if found is None:
            return Total(0, False)
        where, params = found
        if not where:
            return Total(self.store.counts()["articles"], False)
        return self._count("articles", where, params)

    def places(self, since: str | None = None, until: str | None = None, limit: int = 100) -> list[PlaceRow]:
        """Places events are coded at, ranked by **asserted** events as dyads and actors are counted
        (then by events of every mode, then by name); ``events`` counts every mode. A place with only
        negated, future or hypothetical events is listed after those with asserted ones."""
        where, params = ["place_name IS NOT NULL"], []
        _day_range(where, params, since, until)
        sql = f"""SELECT place_name, place_country, avg(lat), avg(lon), count(*) AS n,
                         total(mode = 'asserted') AS asserted, max(day)
                  FROM events WHERE {" AND ".join(where)}
                  GROUP BY place_name, place_country ORDER BY asserted DESC, n DESC, place_name LIMIT ?"""
        return [PlaceRow(name, country, lat, lon, n, int(asserted), last)
                for name, country, lat, lon, n, asserted, last in self.conn.execute(sql, (*params, limit))]

    def article(self, article_id: str) -> dict | None:
        """Everything stored about one article: metadata, copies, and the full analysis JSON."""
        row = self.conn.execute(
            "SELECT aid, id, url, title, outlet, published, day, text, content_hash, pipeline_version, analysis, "
            "story_id, ingested_at, num_articles, num_sources FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        (aid, aid_text, url, title, outlet, published, day, text, content_hash, version, analysis, story_id,
         ingested_at, num_articles, num_sources) = row
        data = unpack_json(analysis)
        data["text"] = text
        copies = [dict(zip(("id", "url", "title", "outlet", "published"), r)) for r in self.conn.execute(
            "SELECT id, url, title, outlet, published FROM copies WHERE aid = ? ORDER BY id", (aid,))]
        return {"id": aid_text, "url": url, "title": title, "outlet": outlet, "published": published, "day": day,
                "content_hash": content_hash, "pipeline_version": version, "story_id": story_id,
                "ingested_at": ingested_at, "num_articles": num_articles, "num_sources": num_sources,
                "copies": copies, "analysis": data}
