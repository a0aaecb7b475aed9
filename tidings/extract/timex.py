"""TIMEX3 values: the vocabulary of English time words and the calendar arithmetic that turns a
time expression plus a reference date into a TimeML value (``2022-01-11``, ``2022-W02``, ``P3D``...).

Nothing here looks at spaCy; ``times.py`` finds the expressions and decides the direction
(past or future) in which a relative one points.
"""
from __future__ import annotations

import datetime as dt
import math
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "couple": 2,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
#: quantities too vague for a number: the value keeps an X ("PXY", several years)
VAGUE = frozenset({"few", "several", "many", "some", "numerous", "recent", "coming", "past"})

#: unit word -> (TIMEX3 duration letter, whether it is a time-of-day unit written after "T")
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("E", False), "century": ("C", False), "centurie": ("C", False),
}

NUMBER_WORDS = "|".join(sorted(list(_SMALL) + list(_TENS), key=len, reverse=True))
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+")


def parse_number(text: str) -> float | str | None:
    """'twenty four' -> 24, '2 1/2' -> 2.5, 'a few' -> 'X'; the first of a range ('two to three')."""
    text = text.lower().replace("-", " ")
    text = re.split(r"\s+(?:to|or)\s+", text)[0]
    if "1/2" in text or "half" in text:
        base = parse_number(text.replace("1/2", "").replace("and a half", "").strip() or "0")
        return base + 0.5 if isinstance(base, (int, float)) else base
    total: float = 0
    seen = False
    words = _NUMBER_TOKEN.findall(text)
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a couple of", "a hundred"
    for word in words:
        if word in VAGUE:
            return "X"
        if word[0].isdigit():
            total += float(word)
        elif word in _TENS:
            total += _TENS[word]
        elif word in _SMALL:
            total += _SMALL[word]
        elif word == "hundred":
            total = (total or 1) * 100
        elif word == "thousand":
            total = (total or 1) * 1000
        elif word in ("of", "and"):
            continue
        else:
            return None
        seen = True
    # a number past float's range ("signed " + 400 digits + " years ago") is no amount of time
    return total if seen and math.isfinite(total) else None


def unit_of(word: str) -> str | None:
    """Singular unit name for 'days', 'trading days', 'centuries'."""
    word = word.lower().split()[-1].split("-")[-1]
    if word == "centuries":
        return "century"
    if word.endswith("s") and word[:-1] in UNITS:
        word = word[:-1]
    if word == "fortnight":
        return "fortnight"
    return word if word in UNITS else None


def duration(amount: float | str | None, unit: str) -> str | None:
    """TIMEX3 duration value: (3, 'day') -> P3D, (5, 'hour') -> PT5H, ('X', 'year') -> PXY."""
    if unit not in UNITS or amount is None:
        return None
    letter, clock = UNITS[unit]
    if unit == "fortnight" and amount != "X":
        amount = amount * 2
    if unit == "decade" and amount != "X":
        amount, letter = amount * 10, "Y"
    if isinstance(amount, float):
        if amount.is_integer():
            amount = int(amount)
        elif letter == "Y" and not clock:
            return f"P{int(amount)}Y{round((amount % 1) * 12)}M"
        elif letter == "H" and clock:
            return f"PT{int(amount)}H{round((amount % 1) * 60)}M"
    return f"P{'T' if clock else ''}{amount}{letter}"


# ---- calendar values --------------------------------------------------------------------------

def day_value(d: dt.date) -> str:
    return d.isoformat()


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


#: the last month of each season's value (winter ends in February of the next year)
_SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}
_PERIOD = re.compile(r"^(?P<year>\d{2,4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])"
                     r"|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$")


def period_end(value: str | None) -> dt.date | None:
    """The last day of the calendar period a TIMEX3 value names: "2022-01-11" itself, "2022-01" the
    31st, "2022-W02" its Sunday, "2022-Q1" March 31st, "2022" December 31st, "197" (the 1970s) the
    last day of 1979, "19" (the 1900s) of 1999. None for a duration, a reference ("PAST_REF") or a
    value outside the calendar."""
    m = _PERIOD.match(value or "")
    if m is None:
        return None
    digits = m.group("year")
    try:
        if len(digits) < 4:  # a decade ("197") or a century ("19"): its last year
            return dt.date(int(digits.ljust(4, "9")), 12, 31)
        year = int(digits)
        if m.group("day"):
            return dt.date(year, int(m.group("month")), int(m.group("day")))
        if m.group("month"):
            y, mo = shift_months(dt.date(year, int(m.group("month")), 1), 1)
            return dt.date(y, mo, 1) - dt.timedelta(days=1)
        if m.group("week"):
            return dt.date.fromisocalendar(year, int(m.group("week")), 7)
        if m.group("quarter") or m.group("half") or m.group("season"):
            last = (int(m.group("quarter")) * 3 if m.group("quarter") else int(m.group("half")) * 6
                    if m.group("half") else _SEASON_END[m.group("season")])
            y, mo = shift_months(dt.date(year, 1, 1), last)
            return dt.date(y, mo, 1) - dt.timedelta(days=1)
        return dt.date(year, 12, 31)
    except ValueError:
        return None


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(d: dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def shift_quarters(year: int, quarter: int, n: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + n
    return index // 4, index % 4 + 1


#: the years a resolved date may fall in: datetime's calendar (1-9999) less a year at each end, so
#: that the small steps the handlers take from a date ("the next day", "a week later") stay inside it
FIRST_YEAR, LAST_YEAR = 2, 9998


def in_calendar(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def relative_unit(ref: dt.date, unit: str, n: int) -> str | None:
    """The unit-sized period ``n`` units from ``ref``, at that unit's granularity (last week -> 2022-W01).
    None when that period lies outside the calendar ("999999999 days ago")."""
    year = ref.year + n * _YEARS_PER_UNIT.get(unit, 0)
    if not in_calendar(int(year)):
        return None
    if unit == "day":
        return day_value(ref + dt.timedelta(days=n))
    if unit in ("week", "fortnight"):
        return week_value(ref + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return month_value(*shift_months(ref, n))
    if unit == "quarter":
        y, q = shift_quarters(ref.year, quarter_of(ref), n)
        return f"{y}-Q{q}"
    if unit == "year":
        return str(ref.year + n)
    if unit == "decade":
        return str(ref.year + 10 * n)[:3]
    if unit == "century":
        return str(ref.year + 100 * n)[:2]
    return None


#: how many years a unit spans (roughly: enough to tell whether a step leaves the calendar)
_YEARS_PER_UNIT = {"day": 1 / 365.25, "week": 7 / 365.25, "fortnight": 14 / 365.25, "month": 1 / 12,
                   "quarter": 1 / 4, "year": 1, "decade": 10, "century": 100}


def weekday_date(ref: dt.date, weekday: int, direction: str) -> dt.date:
    """The named weekday nearest ``ref`` in ``direction``: 'past' includes ref itself, 'future' does not,
    'ahead' does ("talks are being held on Tuesday", written on a Tuesday: that day)."""
    if direction in ("future", "ahead"):
        ahead = (weekday - ref.weekday()) % 7 or (0 if direction == "ahead" else 7)
        return ref + dt.timedelta(days=ahead)
    back = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=back)


#: months ahead of the reference date from which a past-tense month without a year is last year's
#: ("said in January", written in October); a future-tense one cannot lie behind it ("will ... in December",
#: written in March); an untensed one lies behind it unless it is close ahead
PAST_AHEAD, FUTURE_BEHIND, PRESENT_AHEAD = 3, 1, 5


def month_year(ref: dt.date, month: int, day: int | None, direction: str) -> int:
    """Year of a month (and day) given without one: the nearest such month to the reference date,
    unless that lies on the other side of it from where the tense points."""
    offset = month - ref.month
    year = ref.year
    if offset > 6:
        year, offset = year - 1, offset - 12
    elif offset < -6:
        year, offset = year + 1, offset + 12
    if direction == "past" and offset >= PAST_AHEAD:
        return year - 1
    if direction == "future" and offset <= -FUTURE_BEHIND:
        return year + 1
    if direction == "present" and offset >= PRESENT_AHEAD:
        return year - 1
    return year


def quarter_year(ref: dt.date, quarter: int, direction: str) -> int:
    """Results news names quarters of the current year; a later quarter in the past tense is last year's."""
    if direction == "past" and quarter > quarter_of(ref):
        return ref.year - 1
    return ref.year


def weekday_in_week(ref: dt.date, weekday: int, weeks: int) -> dt.date:
    """The named weekday of the week ``weeks`` away from ref's ("last Monday" = Monday of last week)."""
    return ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=weekday, weeks=weeks)


_DATED = re.compile(r"^(\d{4})(.*)$")


def shift_year_of(value: str, years: int) -> str | None:
    """The same period ``years`` later: 2022-Q3 -> 2021-Q3 for -1. None for undated values."""
    m = _DATED.match(value)
    if not m:
        return None
    rest = m.group(2)
    if rest.startswith("-W"):
        return None
    if re.match(r"-02-29", rest):
        rest = "-02-28" + rest[6:]
    return f"{int(m.group(1)) + years:04d}{rest}"


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand and one' -> 2001."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest) if isinstance(rest, (int, float)) else None
    if words and words[0] in _SMALL and len(words) > 1:
        century = _SMALL[words[0]]
        rest = parse_number(" ".join(words[1:]))
        if isinstance(rest, (int, float)) and 10 <= century <= 20 and 0 <= rest < 100:
            return century * 100 + int(rest)
    return None


# ---- holidays -------------------------------------------------------------------------------

def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


#: US-centred holidays common in English-language news; value: year -> date
HOLIDAYS = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "veterans day": lambda y: dt.date(y, 11, 11),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 0, 3),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
}


def holiday_date(name: str, ref: dt.date, direction: str) -> dt.date:
    """The occurrence of a holiday the direction points to: the last one on or before ``ref`` (past),
    the next one on or after it (future), or the nearest (present)."""
    rule = HOLIDAYS[re.sub(r"\s+", " ", name.lower().replace("\u2019", "'"))]
    options = [rule(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if direction == "past":
        return max(d for d in options if d <= ref)
    if direction == "future":
        return min(d for d in options if d >= ref)
    return min(options, key=lambda d: abs((d - ref).days))
