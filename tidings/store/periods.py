"""Date arithmetic for the rollups: splitting a date range into day / (week) / month / year pieces.

A range ``[since, until]`` is covered by the fewest rollup rows when whole years are read from the year
rollup, whole months from the month rollup and only the ragged ends from the day rollup:
2021-03-15..2023-02-10 -> days 03-15..03-31, months 2021-04..2021-12, year 2022, month 2023-01,
days 2023-02-01..02-10.
"""
from __future__ import annotations

from datetime import date, timedelta

#: Period keys as the rollup tables store them.
KEY = {"day": lambda d: d.isoformat(), "week": lambda d: d.isoformat(), "month": lambda d: d.isoformat()[:7], "year": lambda d: d.isoformat()[:4]}
EARLIEST = date(1000, 1, 1)
LATEST = date(9998, 12, 31)


def parse_day(value: str | date | None, name: str = "date") -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def _month_end(d: date) -> date:
    first_next = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def segments(since: date | None, until: date | None, weeks: bool = False) -> list[tuple[str, str, str]]:
    """``(grain, first_key, last_key)`` pieces covering ``[since, until]`` exactly (None = open end).

    ``weeks``: the ragged day runs (between whole months) are further covered by whole ISO weeks
    (key: the Monday) where they fit, leaving at most six days at each end of a run.
    """
    pieces = _segments(since, until)
    if not weeks:
        return pieces
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(pieces):
        if pieces[i][0] != "day":
            out.append(pieces[i])
            i += 1
            continue
        a, b = date.fromisoformat(pieces[i][1]), date.fromisoformat(pieces[i][2])
        while i + 1 < len(pieces) and pieces[i + 1][0] == "day":  # merge adjacent day runs
            i += 1
            b = date.fromisoformat(pieces[i][2])
        i += 1
        first_monday = a + timedelta(days=(7 - a.weekday()) % 7)
        last_sunday = b - timedelta(days=(b.weekday() + 1) % 7)
        if first_monday + timedelta(days=6) <= last_sunday:
            if a < first_monday:
                out.append(("day", a.isoformat(), (first_monday - timedelta(days=1)).isoformat()))
            out.append(("week", first_monday.isoformat(), (last_sunday - timedelta(days=6)).isoformat()))
            if last_sunday < b:
                out.append(("day", (last_sunday + timedelta(days=1)).isoformat(), b.isoformat()))
        else:
            out.append(("day", a.isoformat(), b.isoformat()))
    return out


def _segments(since: date | None, until: date | None) -> list[tuple[str, str, str]]:
    lo, hi = since or EARLIEST, until or LATEST
    out: list[tuple[str, str, str]] = []

    def add(grain: str, a: date, b: date) -> None:
        out.append((grain, KEY[grain](a), KEY[grain](b)))

    d = lo
    while d <= hi:
        if d.month == 1 and d.day == 1 and date(d.year, 12, 31) <= hi:
            last = hi.year if date(hi.year, 12, 31) <= hi else hi.year - 1
            add("year", d, date(last, 1, 1))
            d = date(last + 1, 1, 1)
        elif d.day == 1 and _month_end(d) <= hi:
            m = d
            # whole months, but stop at a year boundary whose whole year fits (the year rollup is smaller)
            while _month_end(m) <= hi and not (m != d and m.month == 1 and date(m.year, 12, 31) <= hi):
                m = _month_end(m) + timedelta(days=1)
            add("month", d, m - timedelta(days=1))
            d = m
        else:
            end = min(hi, _month_end(d))
            add("day", d, end)
            d = end + timedelta(days=1)
    return out


def period_start(by: str, day_column: str = "period") -> str:
    """SQL giving the first day of the ``by`` period ('day', 'week' (ISO, Monday), 'month', 'year')."""
    if by == "day":
        return day_column
    if by == "week":
        return f"date({day_column}, 'weekday 0', '-6 days')"
    if by == "month":
        return f"substr({day_column}, 1, 7) || '-01'"
    if by == "year":
        return f"substr({day_column}, 1, 4) || '-01-01'"
    raise ValueError(f"by must be day, week, month or year, not {by!r}")


def next_period(by: str, d: date) -> date:
    if by == "day":
        return d + timedelta(days=1)
    if by == "week":
        return d + timedelta(days=7)
    if by == "month":
        return _month_end(d) + timedelta(days=1)
    return date(d.year + 1, 1, 1)


def start_of(by: str, d: date) -> date:
    if by == "week":
        return d - timedelta(days=d.weekday())
    if by == "month":
        return d.replace(day=1)
    if by == "year":
        return date(d.year, 1, 1)
    return d


def full_periods(by: str, lo: date | None, hi: date | None) -> tuple[date | None, date | None, bool]:
    """For a series by ``by`` over ``[lo, hi]``: ``(first, last, any)`` where ``first``..``last`` are the
    starts of the ``by`` periods lying wholly inside the range (None = open end) and ``any`` says whether
    there is at least one. The days outside them are the ragged ends, read from the day grain."""
    first = None if lo is None else (lo if start_of(by, lo) == lo else next_period(by, start_of(by, lo)))
    last = None
    if hi is not None:
        s = start_of(by, hi)
        last = s if next_period(by, s) - timedelta(days=1) == hi else start_of(by, s - timedelta(days=1))
    return first, last, first is None or last is None or first <= last
