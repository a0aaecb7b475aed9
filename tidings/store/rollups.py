"""Rollup tables: per-period sums of events, so series and top-N never scan ``events``.

What is counted: **asserted** events only (a negated, future or hypothetical "attack" is not an attack),
and for dyads and pairs only events whose source and target both have a code. ``dyad_*`` count the
directed events per (src, tgt); ``pair_*`` count the **symmetric** events (``events.symmetric``: talks,
meetings, clashes between A and B, coded once with the first-named party as source) per unordered pair
``(a, b)``, ``a <= b`` in code order, whichever party was named first. A symmetric event is in
``pair_*`` and never in ``dyad_*``, so summing both counts every event once; the query layer
(``queries.py``) decides how a pair counts in a directed question. ``actor_*`` count each side of
every event, symmetric or not (``as_source``, ``as_target``: the coded order, for a symmetric event
the first-named party is the source; ``n`` = both; a self-dyad counts twice) plus actor mentions
(``mentions`` = mention count, ``articles`` = articles mentioning the code) on the article's day.
``q1``-``q4`` count the event's own ``quad`` class; ``gsum`` is the Goldstein sum.

Grains (period keys): ``day`` (YYYY-MM-DD), ``week`` (dyads and pairs only: the ISO week's Monday,
YYYY-MM-DD), ``month`` (YYYY-MM), ``year`` (YYYY), ``total`` ('' = all time). An undated event (day NULL:
its article had no publication date and the event no date of its own) and an undated article's mentions
count in ``total`` only, never in a day, week, month or year.

Writers keep them with a ``Delta``: the rows being inserted (or, negated, the rows about to be deleted)
are summed in Python, per table and key, from the tuples already in memory, and ``Delta.flush`` applies
the sums with one ``INSERT ... ON CONFLICT DO UPDATE`` executemany per table, inside the caller's
transaction. Keys that fall to zero are deleted, and all-zero deltas are never inserted, so a rollup
holds exactly the keys a recount would produce; ``check`` verifies that. ``rebuild`` recomputes
everything with SQL (the day grain from ``events``/``mentions``, coarser grains from the day grain).
"""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Iterable

from tidings.store.dialect import column_names, table_names

DYAD_GRAINS = ("day", "week", "month", "year", "total")
ACTOR_GRAINS = ("day", "month", "year", "total")
#: grain -> SQL of its period key from a day column (``{d}``); ``week_of`` is the same for Python.
GRAINS = {"day": "{d}", "week": "coalesce(date({d}, 'weekday 0', '-6 days'), {d})", "month": "substr({d}, 1, 7)", "year": "substr({d}, 1, 4)",
          "total": "''"}
_COUNTS = ("n", "q1", "q2", "q3", "q4", "gsum")
_ACTOR_VALUES = ("as_source", "as_target", "mentions", "articles") + _COUNTS
_ACTOR_COLS = "code, period, " + ", ".join(_ACTOR_VALUES)
_DYAD_COLS = "src, tgt, period, " + ", ".join(_COUNTS)
#: (family, grains, key columns, value columns) of every rollup family
FAMILIES = (("dyad", DYAD_GRAINS, ("src", "tgt"), _COUNTS), ("pair", DYAD_GRAINS, ("a", "b"), _COUNTS),
            ("actor", ACTOR_GRAINS, ("code",), _ACTOR_VALUES))


_WEEKS: dict[str, str] = {}


def week_of(day: str | None) -> str | None:
    """The Monday of ``day``'s ISO week (``YYYY-MM-DD``), as SQL's ``GRAINS["week"]`` computes it (SQLite
    normalises a day such as 2022-02-30; a value that is no date at all is kept as is)."""
    if day is None:
        return None
    w = _WEEKS.get(day)
    if w is None:
        try:
            d = date.fromisoformat(day)
            w = (d - timedelta(days=d.weekday())).isoformat()
        except (ValueError, TypeError):
            w = _sqlite_week(day)
        if len(_WEEKS) < 200_000:
            _WEEKS[day] = w
    return w


def _sqlite_week(day: str) -> str:
    with sqlite3.connect(":memory:") as conn:
        sql = GRAINS["week"].format(d="?")
        return conn.execute(f"SELECT {sql}", (day,) * sql.count("?")).fetchone()[0]


def register(conn: sqlite3.Connection) -> None:
    """Make ``tidings_week(day)`` available to SQL on ``conn`` (the same function the writer uses)."""
    conn.create_function("tidings_week", 1, week_of, deterministic=True)


class Delta:
    """Rollup changes summed in memory, applied by ``flush``.

    ``events(rows, sign)`` takes ``(src, tgt, quad, goldstein, mode, day, symmetric)`` tuples; ``mentions(rows,
    day, sign)`` one article's ``(code, count)`` tuples. Python sums them per key at the day grain (a
    dictionary update per event side, from the rows already in memory); ``flush`` regroups those sums
    into each coarser grain from the next finer one (day -> month -> year -> total, day -> week) and
    applies each grain with one ``INSERT ... ON CONFLICT DO UPDATE`` executemany, keys sorted so the
    B-tree is walked in order. Nothing reads ``events``.
    """

    __slots__ = ("dyad", "pair", "actor", "negative")

    def __init__(self) -> None:
        self.dyad: dict[tuple, list] = {}   # (src, tgt, day) -> [n, q1, q2, q3, q4, gsum]
        self.pair: dict[tuple, list] = {}   # (a, b, day), a <= b -> the same, for symmetric events
        self.actor: dict[tuple, list] = {}  # (code, day) -> [as_source, as_target, mentions, articles, n, q1..q4, gsum]
        self.negative = False

    def __bool__(self) -> bool:
        return bool(self.dyad or self.pair or self.actor)

    def events(self, rows: Iterable[tuple], sign: int = 1) -> None:
        if sign < 0:
            self.negative = True
        dyad, pair, actor = self.dyad, self.pair, self.actor

        def count_actor(code: str, side: int, quad: int, g: float, day: str) -> None:
            # side 0: as source, 1: as target; both count in n (index 4) and the quad column
            v = actor.get((code, day))
            if v is None:
                v = actor[(code, day)] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0]
            v[side] += sign
            v[4] += sign
            if quad:
                v[4 + quad] += sign
            v[9] += g

        for src, tgt, quad, goldstein, mode, day, symmetric in rows:
            if mode != "asserted":
                continue
            if not 0 < quad < 5:  # not a quad class: counted in n, in no q column (as SQL's sum(quad = k))
                quad = 0
            g = sign * goldstein
            if src is not None:
                count_actor(src, 0, quad, g, day)
                if tgt is not None:
                    if symmetric:  # one key per unordered pair, whoever was named first
                        table, key = pair, ((src, tgt, day) if src <= tgt else (tgt, src, day))
                    else:
                        table, key = dyad, (src, tgt, day)
                    v = table.get(key)
                    if v is None:
                        v = table[key] = [0, 0, 0, 0, 0, 0.0]
                    v[0] += sign
                    if quad:
                        v[quad] += sign
                    v[5] += g
            if tgt is not None:
                count_actor(tgt, 1, quad, g, day)

    def mentions(self, rows: Iterable[tuple], day: str, sign: int = 1) -> None:
        """One article's mentions: ``(code, count)``; each code counts the article once."""
        if sign < 0:
            self.negative = True
        actor = self.actor
        seen = set()
        for code, count in rows:
            if code is None:
                continue
            v = actor.get((code, day))
            if v is None:
                v = actor[(code, day)] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0]
            v[2] += sign * count
            if code not in seen:
                seen.add(code)
                v[3] += sign

    def flush(self, conn: sqlite3.Connection) -> None:
        """Apply the sums to every grain (inside the caller's transaction) and forget them."""
        if self:
            weeks = {d: week_of(d) for d in {k[2] for k in self.dyad} | {k[2] for k in self.pair}}

            def grains(sums: dict) -> dict:  # a dyad or pair family: (x, y, day) keys, day None: undated
                day_sums = {k: v for k, v in sums.items() if k[2] is not None}
                out = {"day": day_sums}
                out["week"] = _regroup(day_sums, lambda k: (k[0], k[1], weeks[k[2]]))
                out["month"] = _regroup(day_sums, lambda k: (k[0], k[1], k[2][:7]))
                out["year"] = _regroup(out["month"], lambda k: (k[0], k[1], k[2][:4]))
                out["total"] = _regroup(sums, lambda k: (k[0], k[1], ""))
                return out

            actor = {"day": {k: v for k, v in self.actor.items() if k[1] is not None}}
            actor["month"] = _regroup(actor["day"], lambda k: (k[0], k[1][:7]))
            actor["year"] = _regroup(actor["month"], lambda k: (k[0], k[1][:4]))
            actor["total"] = _regroup(self.actor, lambda k: (k[0], ""))
            for family, sums in (("dyad", grains(self.dyad)), ("pair", grains(self.pair)), ("actor", actor)):
                nkeys = 2 if family == "actor" else 3
                for grain, by_key in sums.items():
                    # an all-zero delta changes nothing, and inserting it for a new key would leave a row a
                    # recount would not produce (gsum is a float sum: compared with a tolerance)
                    rows = sorted((*k, *v) for k, v in by_key.items() if any(v[:-1]) or abs(v[-1]) > 1e-9)
                    if rows:
                        conn.executemany(_UPSERT[family, grain], rows)
                        if self.negative:
                            conn.executemany(_DELETE_ZERO[family, grain], [r[:nkeys] for r in rows])
        self.dyad, self.pair, self.actor, self.negative = {}, {}, {}, False


def _regroup(sums: dict, key) -> dict:
    """``sums`` summed again under the coarser keys ``key(k)``."""
    out: dict[tuple, list] = {}
    for k, v in sums.items():
        c = key(k)
        acc = out.get(c)
        if acc is None:
            out[c] = v.copy()
        else:
            for i, x in enumerate(v):
                acc[i] += x
    return out


def _sql() -> tuple[dict, dict]:
    upsert, delete = {}, {}
    for family, grains, keys, values in FAMILIES:
        cols = ", ".join((*keys, "period", *values))
        marks = ", ".join("?" * (len(keys) + 1 + len(values)))
        add = ", ".join(f"{v} = {v} + excluded.{v}" for v in values)
        zero = "n = 0 AND mentions = 0 AND articles = 0" if family == "actor" else "n = 0"
        match = " AND ".join(f"{k} = ?" for k in (*keys, "period"))
        for grain in grains:
            upsert[family, grain] = f"INSERT INTO {family}_{grain} ({cols}) VALUES ({marks}) " \
                                    f"ON CONFLICT DO UPDATE SET {add}"
            delete[family, grain] = f"DELETE FROM {family}_{grain} WHERE {match} AND {zero}"
    return upsert, delete


_UPSERT, _DELETE_ZERO = _sql()


_ROLLUP_EVENT_COLS = "src, tgt, quad, goldstein, mode, day, symmetric"


def event_rollup_rows(events: Iterable[tuple]) -> Iterable[tuple]:
    """``(src, tgt, quad, goldstein, mode, day, symmetric)`` from prepared event rows (``rows.EVENT_COLS`` order)."""
    return ((e[2], e[7], e[14], e[15], e[16], e[18], e[27]) for e in events)


def subtract_stored(conn: sqlite3.Connection, delta: Delta, aid: int) -> None:
    """Add to ``delta`` the negation of article ``aid``'s stored events and mentions (call before deleting)."""
    delta.events(conn.execute(f"SELECT {_ROLLUP_EVENT_COLS} FROM events WHERE aid = ?", (aid,)), -1)
    day = conn.execute("SELECT day FROM articles WHERE aid = ?", (aid,)).fetchone()
    if day is not None:
        delta.mentions(conn.execute("SELECT code, count FROM mentions WHERE aid = ?", (aid,)), day[0], -1)


def apply(conn: sqlite3.Connection, where: str, params: tuple = (), sign: int = 1) -> None:
    """Add (sign=+1) or subtract (-1) the stored events and mentions of the articles matching ``where``
    (a condition on ``aid``). Kept for callers of the old API; writers use ``Delta`` directly."""
    delta = Delta()
    delta.events(conn.execute(f"SELECT {_ROLLUP_EVENT_COLS} FROM events WHERE {where}", params), sign)
    rows: dict[tuple, list] = {}
    for aid, day, code, count in conn.execute(
            f"SELECT m.aid, a.day, m.code, m.count FROM (SELECT * FROM mentions WHERE {where}) m "
            f"JOIN articles a ON a.aid = m.aid", params):
        rows.setdefault((aid, day), []).append((code, count))
    for (_, day), ms in rows.items():
        delta.mentions(ms, day, sign)
    delta.flush(conn)


# -- recount (rebuild, check) ----------------------------------------------------------------------------
# One scan of events (the table, not an index: "+" keeps the planner off events_dyad) gives the asserted
# events summed per (src, tgt, symmetric, day) with either code possibly NULL; dyads, pairs and both actor
# sides are derived from that much smaller temp table instead of scanning events three times. ``{sym}``
# is the symmetric column, or 0 in a file migrated step by step that does not have it yet (v5).
_EVENT_RECOUNT = """CREATE TEMP TABLE _recount_events AS
    SELECT src, tgt, {sym} AS sym, day AS period, count(*) AS n, sum(quad = 1) AS q1, sum(quad = 2) AS q2,
           sum(quad = 3) AS q3, sum(quad = 4) AS q4, total(goldstein) AS gsum
    FROM events WHERE mode = 'asserted' AND (+src IS NOT NULL OR +tgt IS NOT NULL) GROUP BY 1, 2, 3, 4"""
_DYAD_DAY_RECOUNT = f"""SELECT {_DYAD_COLS} FROM temp._recount_events
    WHERE src IS NOT NULL AND tgt IS NOT NULL AND NOT sym"""
_PAIR_DAY_RECOUNT = """SELECT min(src, tgt) AS a, max(src, tgt) AS b, period, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2,
           sum(q3) AS q3, sum(q4) AS q4, total(gsum) AS gsum
    FROM temp._recount_events WHERE src IS NOT NULL AND tgt IS NOT NULL AND sym GROUP BY 1, 2, 3"""
_DAY_RECOUNT = {"dyad": _DYAD_DAY_RECOUNT, "pair": _PAIR_DAY_RECOUNT}
_ACTOR_DAY_RECOUNT = """SELECT code, period, sum(as_source) AS as_source, sum(as_target) AS as_target,
                               sum(mentions) AS mentions, sum(articles) AS articles, sum(n) AS n, sum(q1) AS q1,
                               sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4, total(gsum) AS gsum
    FROM (SELECT src AS code, period, n AS as_source, 0 AS as_target, 0 AS mentions, 0 AS articles,
                 n, q1, q2, q3, q4, gsum FROM temp._recount_events WHERE src IS NOT NULL
          UNION ALL
          SELECT tgt, period, 0, n, 0, 0, n, q1, q2, q3, q4, gsum FROM temp._recount_events WHERE tgt IS NOT NULL
          UNION ALL
          SELECT m.code, a.day, 0, 0, sum(m.count), count(DISTINCT m.aid), 0, 0, 0, 0, 0, 0.0
          FROM mentions m JOIN articles a ON a.aid = m.aid WHERE +m.code IS NOT NULL GROUP BY 1, 2)
    GROUP BY 1, 2"""


def _coarse(family: str, grain: str, source: str) -> str:
    """SQL summing a day-grain relation ``source`` into ``grain`` periods."""
    period = GRAINS[grain].format(d="period")
    if family != "actor":
        x, y = ("src", "tgt") if family == "dyad" else ("a", "b")
        return (f"SELECT {x}, {y}, {period} AS period, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, "
                f"sum(q4) AS q4, total(gsum) AS gsum FROM {source} GROUP BY 1, 2, 3")
    return (f"SELECT code, {period} AS period, sum(as_source) AS as_source, sum(as_target) AS as_target, "
            f"sum(mentions) AS mentions, sum(articles) AS articles, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, "
            f"sum(q3) AS q3, sum(q4) AS q4, total(gsum) AS gsum FROM {source} GROUP BY 1, 2")


def _tables(conn: sqlite3.Connection | None = None):
    """(family, grain, columns) of every rollup table (that exists in ``conn``'s file, when given: a file
    being migrated step by step may not have the newer grains yet)."""
    have = None if conn is None else table_names(conn)
    for family, grains, keys, values in FAMILIES:
        cols = ", ".join((*keys, "period", *values))
        for grain in grains:
            if have is None or f"{family}_{grain}" in have:
                yield family, grain, cols


def _drop_recounts(conn: sqlite3.Connection) -> None:
    for name in ("events", "dyad", "pair", "actor"):
        conn.execute(f"DROP TABLE IF EXISTS temp._recount_{name}")


def _event_recount(conn: sqlite3.Connection) -> str:
    have = column_names(conn, "events")
    return _EVENT_RECOUNT.format(sym="symmetric" if "symmetric" in have else "0")


def _recount_tables(conn: sqlite3.Connection) -> None:
    """``temp._recount_{dyad,pair,actor}``: the day-grain recount, undated rows (period NULL) included."""
    conn.execute(_event_recount(conn))
    conn.execute(f"CREATE TEMP TABLE _recount_dyad AS {_DYAD_DAY_RECOUNT}")
    conn.execute(f"CREATE TEMP TABLE _recount_pair AS {_PAIR_DAY_RECOUNT}")
    conn.execute(f"CREATE TEMP TABLE _recount_actor AS {_ACTOR_DAY_RECOUNT}")


def _recount_of(family: str, grain: str) -> str:
    """SQL of the recount of one rollup table: the dated rows summed to ``grain``'s periods, or for
    ``total`` every row, undated ones included."""
    recount = f"temp._recount_{family}"
    if grain == "total":
        return f"({_coarse(family, grain, recount)})"
    dated = f"(SELECT * FROM {recount} WHERE period IS NOT NULL)"
    return dated if grain == "day" else f"({_coarse(family, grain, dated)})"


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every rollup from scratch (after a migration, or to repair), inside the caller's
    transaction, from a recount of ``events``/``mentions`` per day (undated rows in the totals only)."""
    tables = list(_tables(conn))
    for family, grain, _ in tables:
        conn.execute(f"DELETE FROM {family}_{grain}")
    _drop_recounts(conn)
    try:
        _recount_tables(conn)
        for family, grain, cols in tables:
            conn.execute(f"INSERT INTO {family}_{grain} ({cols}) SELECT {cols} FROM {_recount_of(family, grain)} "
                         f"ORDER BY 1, 2, 3")
    finally:
        _drop_recounts(conn)
    for table, n in _recount_rows(conn):
        conn.execute("UPDATE row_counts SET n = ? WHERE name = ?", (n, table))


def check(conn: sqlite3.Connection) -> list[str]:
    """Compare every rollup with a recount from ``events``/``mentions``; returns the differences.

    An empty list means consistent. ``events`` is scanned once (into a temp table summed per src, tgt
    and day) and ``mentions`` once; each grain is compared with that recount summed to its periods.
    Goldstein sums are compared to 6 decimals (float addition in another order is not bit-exact).
    """
    problems: list[str] = []
    _drop_recounts(conn)
    try:
        _recount_tables(conn)
        for family, grain, cols in _tables():
            problems += _diff(conn, f"{family}_{grain}", cols, f"{family}_{grain}", _recount_of(family, grain))
    finally:
        _drop_recounts(conn)
    recount = _recount_rows(conn)
    kept = dict(conn.execute("SELECT name, n FROM row_counts")) if recount else {}
    for table, n in recount:
        if kept.get(table) != n:
            problems.append(f"row_counts: {table} kept {kept.get(table)}, counted {n}")
    return problems


def _recount_rows(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(table, count(*)) for each table ``row_counts`` keeps; none on a file older than that table."""
    from tidings.store.schema import COUNTED_TABLES

    if "row_counts" not in table_names(conn):
        return []
    return [(t, conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES]


def _diff(conn: sqlite3.Connection, name: str, cols: str, stored: str, recount: str) -> list[str]:
    keep = ", ".join(c if c != "gsum" else "round(gsum, 6)" for c in cols.split(", "))
    out = []
    for label, a, b in (("stored but not recounted", stored, recount), ("recounted but not stored", recount, stored)):
        for row in conn.execute(f"SELECT {keep} FROM {a} EXCEPT SELECT {keep} FROM {b} LIMIT 20"):
            out.append(f"{name}: {label}: {tuple(row)}")
    return out
