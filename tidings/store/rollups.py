"""Rollup tables: per-period sums of events, so series and top-N never scan ``events``.

What is counted: **asserted** events only (a negated, future or hypothetical "attack" is not an attack),
and for dyads only events whose source and target both have a code. ``actor_*`` count each side of an
event (``as_source``, ``as_target``; ``n`` = both; a self-dyad counts twice) plus actor mentions
(``mentions`` = mention count, ``articles`` = articles mentioning the code) on the article's day.
``q1``-``q4`` count the event's own ``quad`` class; ``gsum`` is the Goldstein sum.

They are kept by ``apply(conn, where, params, sign)``: the same SQL aggregates the events/mentions of
the articles selected by ``where`` and adds (+1) or subtracts (-1) the result, inside the caller's
transaction. Writers add after inserting an article's rows and subtract before deleting them, so the
rollups always equal a recount, which ``check`` verifies.
"""
from __future__ import annotations

import sqlite3

#: period key per grain; "total" has one period, '' (all time), for all-time top-N and actor pages.
GRAINS = {"day": "{d}", "month": "substr({d}, 1, 7)", "year": "substr({d}, 1, 4)", "total": "''"}
_COUNTS = "n, q1, q2, q3, q4, gsum"
_ASSERTED = "mode = 'asserted'"
# The "+" in "+src IS NOT NULL" below stops SQLite using an index for that term: without it the planner
# may scan events by (src) index instead of the few rows of the articles being added (quadratic build).


def _dyad_select(grain: str, where: str, sign: int) -> str:
    period = GRAINS[grain].format(d="day")
    return f"""SELECT src, tgt, {period} AS period, {sign}*count(*) AS n, {sign}*sum(quad = 1) AS q1,
                      {sign}*sum(quad = 2) AS q2, {sign}*sum(quad = 3) AS q3, {sign}*sum(quad = 4) AS q4,
                      {sign}*total(goldstein) AS gsum
               FROM events WHERE ({where}) AND {_ASSERTED} AND +src IS NOT NULL AND +tgt IS NOT NULL
               GROUP BY 1, 2, 3"""


def _actor_event_select(grain: str, where: str, sign: int) -> str:
    """Both sides of each event; names ``where`` twice (params repeated by the caller)."""
    period = GRAINS[grain].format(d="day")
    return f"""SELECT code, {period} AS period, {sign}*sum(side = 0) AS as_source, {sign}*sum(side = 1) AS as_target,
                      0 AS mentions, 0 AS articles, {sign}*count(*) AS n,
                      {sign}*sum(quad = 1) AS q1, {sign}*sum(quad = 2) AS q2, {sign}*sum(quad = 3) AS q3,
                      {sign}*sum(quad = 4) AS q4, {sign}*total(goldstein) AS gsum
               FROM (SELECT src AS code, day, 0 AS side, quad, goldstein FROM events
                     WHERE ({where}) AND {_ASSERTED} AND +src IS NOT NULL
                     UNION ALL
                     SELECT tgt, day, 1, quad, goldstein FROM events
                     WHERE ({where}) AND {_ASSERTED} AND +tgt IS NOT NULL)
               GROUP BY 1, 2"""


def _actor_mention_select(grain: str, where: str, sign: int) -> str:
    period = GRAINS[grain].format(d="a.day")
    return f"""SELECT m.code AS code, {period} AS period, 0 AS as_source, 0 AS as_target,
                      {sign}*sum(m.count) AS mentions, {sign}*count(DISTINCT m.aid) AS articles,
                      0 AS n, 0 AS q1, 0 AS q2, 0 AS q3, 0 AS q4, 0.0 AS gsum
               FROM (SELECT * FROM mentions WHERE ({where}) AND +code IS NOT NULL) AS m
               JOIN articles a ON a.aid = m.aid
               GROUP BY 1, 2"""


_ADD = ", ".join(f"{c} = {c} + excluded.{c}" for c in _COUNTS.split(", "))
_ACTOR_ADD = _ADD + ", as_source = as_source + excluded.as_source, as_target = as_target + excluded.as_target, " \
                    "mentions = mentions + excluded.mentions, articles = articles + excluded.articles"
_ACTOR_COLS = "code, period, as_source, as_target, mentions, articles, n, q1, q2, q3, q4, gsum"


def apply(conn: sqlite3.Connection, where: str, params: tuple = (), sign: int = 1) -> None:
    """Add (sign=+1) or subtract (-1) the events and mentions of the articles matching ``where``.

    ``where`` is a condition on a column named ``aid`` (``"aid = ?"``, ``"aid BETWEEN ? AND ?"``) with
    ``params`` for its placeholders. Subtracting must happen while the rows are still there; rows that
    fall to zero are deleted so a rollup holds exactly the keys a recount would produce.
    """
    params = tuple(params)
    for grain in GRAINS:
        conn.execute(f"INSERT INTO dyad_{grain} (src, tgt, period, {_COUNTS}) {_dyad_select(grain, where, sign)} "
                     f"ON CONFLICT DO UPDATE SET {_ADD}", params)
        conn.execute(f"INSERT INTO actor_{grain} ({_ACTOR_COLS}) {_actor_event_select(grain, where, sign)} "
                     f"ON CONFLICT DO UPDATE SET {_ACTOR_ADD}", params * 2)
        conn.execute(f"INSERT INTO actor_{grain} ({_ACTOR_COLS}) {_actor_mention_select(grain, where, sign)} "
                     f"ON CONFLICT DO UPDATE SET {_ACTOR_ADD}", params)
        if sign < 0:
            # Only keys these articles touched can have reached zero; a global sweep would scan the table.
            period = GRAINS[grain].format(d="day")
            conn.execute(f"""DELETE FROM dyad_{grain} WHERE n = 0 AND (src, tgt, period) IN
                             (SELECT src, tgt, {period} FROM events WHERE {where})""", params)
            conn.execute(f"""DELETE FROM actor_{grain} WHERE n = 0 AND mentions = 0 AND (code, period) IN
                             (SELECT src, {period} FROM events WHERE {where}
                              UNION SELECT tgt, {period} FROM events WHERE {where}
                              UNION SELECT m.code, {GRAINS[grain].format(d='a.day')}
                                    FROM (SELECT * FROM mentions WHERE {where}) AS m
                                    JOIN articles a ON a.aid = m.aid)""", params * 3)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every rollup from scratch (after a migration, or to repair)."""
    for family in ("dyad", "actor"):
        for grain in GRAINS:
            conn.execute(f"DELETE FROM {family}_{grain}")
    apply(conn, "aid IS NOT NULL", (), 1)


def check(conn: sqlite3.Connection) -> list[str]:
    """Compare every rollup with a recount from ``events``/``mentions``; returns the differences.

    An empty list means consistent. Goldstein sums are compared to 6 decimals (float addition and
    subtraction in a different order is not bit-exact).
    """
    everything = "aid IS NOT NULL"
    problems: list[str] = []
    for grain in GRAINS:
        problems += _diff(conn, f"dyad_{grain}", f"SELECT src, tgt, period, {_COUNTS} FROM dyad_{grain}",
                          _dyad_select(grain, everything, 1))
        actor_recount = f"""SELECT code, period, sum(as_source) AS as_source, sum(as_target) AS as_target,
                                   sum(mentions) AS mentions, sum(articles) AS articles, sum(n) AS n,
                                   sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4, total(gsum) AS gsum
                            FROM ({_actor_event_select(grain, everything, 1)}
                                  UNION ALL {_actor_mention_select(grain, everything, 1)})
                            GROUP BY code, period"""
        problems += _diff(conn, f"actor_{grain}", f"SELECT {_ACTOR_COLS} FROM actor_{grain}", actor_recount)
    return problems


def _diff(conn: sqlite3.Connection, name: str, stored: str, recount: str) -> list[str]:
    cols = [d[0] for d in conn.execute(f"SELECT * FROM ({stored}) LIMIT 0").description]
    keep = ", ".join(c if c != "gsum" else "round(gsum, 6)" for c in cols)
    out = []
    for label, a, b in (("stored but not recounted", stored, recount), ("recounted but not stored", recount, stored)):
        for row in conn.execute(f"SELECT {keep} FROM ({a}) EXCEPT SELECT {keep} FROM ({b}) LIMIT 20"):
            out.append(f"{name}: {label}: {tuple(row)}")
    return out
