"""Time expressions, normalised to TimeML TIMEX3 values and anchored to the publication date.

One compiled pattern (an ordered alternation of rules, longest forms first) finds the expressions; it
runs only over the stretches around trigger words (a digit, a month, "week", "now"...), which keeps the
extractor far below a millisecond on a news item. Each rule's handler turns its match into a type and a
value. Extents follow
TimeBank: determiners and modifiers ("the past three months", "early next year") are inside, leading
prepositions are not.

Relative dates need a direction as well as the publication date: "said on Tuesday" is the Tuesday
before publication, "will meet on Tuesday" the one after. Anaphoric expressions ("the following year",
"later that month", "the previous Friday") resolve against TimeML's reference time, the last date the
narrative named; measured on TimeBank/AQUAINT, the narrative date helps only these, not plain weekdays or
months, which stay anchored to publication. The direction comes from the tense of the
verb that governs the expression in the dependency tree; news mostly reports what happened, so an
expression with no clear tense is taken as past.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Token

from tidings.extract import timex as tx
from tidings.model import Analysis, TimeRef

Result = tuple[str, str | None, str | None]  # (type, value, anchor)

# ---- building blocks of the grammar ----------------------------------------------------------

_MON = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
        r"|jan\.?|feb\.?|mar\.|apr\.?|jun\.|jul\.|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)(?![a-z])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[-/]\d|,\d|\.\d)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMW = (rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|{_ONES}|(?:a\s+)?hundred|a\s+few"
         rf"|(?:a\s+)?couple(?:\s+of)?|several|few|many|a|an)(?![\w])")
_NUM = rf"(?:{_NUMW}(?:\s*(?:to|or|-)\s*{_NUMW})?)"
_UNIT = (r"(?:(?:trading|business|calendar)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?"
         r"|quarters?|years?|decades?|century|centuries)(?![\w])")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_POD = r"(?:morning|afternoon|evening|night)"
_SPELLED_YEAR = (rf"(?:nineteen[-\s](?:{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|{_ONES}|hundred)"
                 rf"|two\s+thousand(?:\s+and)?(?:\s+(?:{_TEENS}|{_ONES}))?)(?![\w])")
#: modifiers inside the extent that leave the value as it is ("early next year" = next year)
_MOD = (r"(?:(?:early|late|earlier|later|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of)\s+"
        r"|mid-?\s*)?")
#: approximations inside duration extents ("nearly two years", "at least 30 days")
_APPROX = (r"(?:(?:nearly|about|almost|approximately|roughly|more\s+than|less\s+than|fewer\s+than|at\s+least"
           r"|at\s+most|up\s+to|over(?!\s+the)|under|some|around|within|only|just)\s+)?")
_REL = r"(?:this\s+coming|this\s+past|this|last|next|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|coming)"


@dataclass
class Context:
    """What the handlers need besides their match: the reference date and the parse, for tense."""

    text: str
    doc: Doc
    ref: dt.date | None
    token_starts: list[int]
    found: list[tuple[int, str, str | None, str | None]] = field(default_factory=list)  # (start, type, value, anchor)

    def token_at(self, offset: int) -> Token:
        return self.doc[max(0, bisect_right(self.token_starts, offset) - 1)]

    def direction(self, start: int, end: int, default: str = "past") -> str:
        tense = verb_tense(self.token_at(max(start, end - 1)))
        return tense if tense in ("past", "future") else default

    def weekday_direction(self, start: int, end: int, default: str = "past") -> str:
        """As ``direction``, but a present progressive points ahead, the day of writing included: a
        weekday is a date on a calendar, and "are meeting on Wednesday" arranges one ("ahead")."""
        tense = verb_tense(self.token_at(max(start, end - 1)))
        if tense == "progressive":
            return "ahead"
        return tense if tense in ("past", "future") else default

    def sentence_start(self, offset: int) -> int:
        return self.token_at(offset).sent.start_char


# ---- tense ----------------------------------------------------------------------------------

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})
_FUTURE_HEADS = frozenset({"plan", "expect", "schedule", "set", "due", "hope", "intend", "aim", "prepare", "want"})
#: verbs whose present passive puts a thing on the calendar: "the vote is scheduled for Friday"
_SCHEDULED = frozenset({"plan", "expect", "schedule", "set", "slate"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb up the head chain of ``token`` (the expression's own verb, not the main clause's)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(token: Token) -> str | None:
    """'past', 'future', 'progressive' (a present progressive: "are meeting", "are being held") or
    'present' for the verb governing ``token``; None with no verb."""
    verb = governing_verb(token)
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX or any(a.tag_ == "MD" and a.lower_ != "could" for a in auxes):
        return "future"
    if "could" in words:
        return "past"  # "could not be reached for comment Tuesday"
    if verb.head.lemma_ == "go" and verb.head.tag_ == "VBG" and "to" in words:
        return "future"
    if verb.tag_ == "VB" and "to" in words and (verb.head.lemma_ in _FUTURE_HEADS or verb.head.lemma_ == "be"):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    present_be = any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    if present_be and verb.tag_ == "VBN" and verb.lemma_ in _SCHEDULED:
        return "future"  # "the vote is scheduled for Friday", "talks are set for Monday"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children):
        return "future"  # "the verdict is due on Friday"
    if present_be and (verb.tag_ == "VBG" or any(a.tag_ == "VBG" for a in auxes)):
        return "progressive"
    if verb.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
        return "past"
    return "present"


# ---- handlers -------------------------------------------------------------------------------

def _month(name: str) -> int:
    return tx.MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def _is_month_name(ctx: Context, start: int, name: str) -> bool:
    """'May' and 'March' are also a modal and a verb: trust them only as capitalised proper nouns."""
    if not name[0].isupper():
        return False
    if name.lower() in ("may", "march"):
        return ctx.token_at(start).tag_ == "NNP"
    return True


def full_date(m: re.Match, ctx: Context) -> Result | None:
    year, month, day = int(m["year"]), _month(m["mon"]), _day(m["day"])
    if not _is_month_name(ctx, m.start("mon"), m["mon"]) or not _valid(year, month, day):
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", "absolute"


def iso_date(m: re.Match, ctx: Context) -> Result | None:
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    return ("DATE", f"{year:04d}-{month:02d}-{day:02d}", "absolute") if _valid(year, month, day) else None


def month_day(m: re.Match, ctx: Context) -> Result | None:
    month, day = _month(m["mon"]), _day(m["day"])
    if not _is_month_name(ctx, m.start("mon"), m["mon"]):
        return None
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    direction = ctx.direction(m.start(), m.end(), default="present")
    year = tx.month_year(ctx.ref, month, day, direction)
    if not _valid(year, month, day):
        return None
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", f"tense-{direction}"


def month_year(m: re.Match, ctx: Context) -> Result | None:
    if not _is_month_name(ctx, m.start("mon"), m["mon"]):
        return None
    if m["year"]:
        year = int(m["year"])
    elif m["spelled"]:
        year = tx.spelled_year(m["spelled"])
    else:
        if ctx.ref is None:
            return "DATE", None, None
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return ("DATE", tx.month_value(year, _month(m["mon"])), "absolute") if year else None


def month_only(m: re.Match, ctx: Context) -> Result | None:
    name = m["mon"]
    if not _is_month_name(ctx, m.start("mon"), name) or not (name.endswith(".") or len(name) >= 5
                                                                or name.lower() in ("may", "june", "july")):
        return None  # a bare 'Jan' is more often a name than a month
    month = _month(m["mon"])
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}", None
    rel = (m["rel"] or "").lower()
    if rel == "last" or rel == "this past":
        year = ctx.ref.year if month < ctx.ref.month else ctx.ref.year - 1
        return "DATE", tx.month_value(year, month), "published"
    if rel == "next" or rel == "this coming":
        year = ctx.ref.year if month > ctx.ref.month else ctx.ref.year + 1
        return "DATE", tx.month_value(year, month), "published"
    if rel == "this":
        return "DATE", tx.month_value(ctx.ref.year, month), "published"
    direction = ctx.direction(m.start(), m.end(), default="present")
    return "DATE", tx.month_value(tx.month_year(ctx.ref, month, None, direction), month), f"tense-{direction}"


def _clock(m: re.Match) -> str | None:
    hour, minute = int(m["hour"]), int(m["min"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if hour > 12 or minute > 59:
        return None
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def _day_phrase(phrase: str | None, ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """Date value of the day a clock time or part of day hangs on (the publication date by default)."""
    if ctx.ref is None:
        return None, None
    phrase = (phrase or "").lower().strip()
    words = phrase.split()
    if not words or words[-1] in ("today", "this", "tonight"):
        return tx.day_value(ctx.ref), "published"
    if words[-1] in ("yesterday", "last"):
        return tx.day_value(ctx.ref - dt.timedelta(days=1)), "published"
    if words[-1] == "tomorrow":
        return tx.day_value(ctx.ref + dt.timedelta(days=1)), "published"
    if words[-1] in tx.WEEKDAYS:
        if words[0] in ("last", "next"):
            step = -1 if words[0] == "last" else 1
            return tx.day_value(tx.weekday_in_week(ctx.ref, tx.WEEKDAYS[words[-1]], step)), "published"
        else:
            direction = ctx.weekday_direction(start, end)
        return tx.day_value(tx.weekday_date(ctx.ref, tx.WEEKDAYS[words[-1]], direction)), f"tense-{direction}"
    md = re.match(rf"({_MON})\s+(\d+)", phrase)
    if md:
        month, day = _month(md.group(1)), int(md.group(2))
        year = tx.month_year(ctx.ref, month, day, ctx.direction(start, end, "present"))
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}", "tense"
    return None, None


def clock_time(m: re.Match, ctx: Context) -> Result | None:
    if m["named"]:
        clock = "T12:00" if m["named"].lower() == "noon" else "T24:00"
    else:
        clock = _clock(m)
    if clock is None:
        return None
    day, anchor = _day_phrase(m["when"], ctx, m.start(), m.end())
    return "TIME", (day + clock) if day else None, anchor


def part_of_day(m: re.Match, ctx: Context) -> Result | None:
    pod = tx.PARTS_OF_DAY[m["pod"].lower()]
    if m["plural"]:
        wd = tx.WEEKDAYS.get(m["when"].lower().split()[-1])
        return ("SET", f"XXXX-WXX-{wd + 1}T{pod}", None) if wd is not None else None
    day, anchor = _day_phrase(m["when"], ctx, m.start(), m.end())
    return "TIME", f"{day}T{pod}" if day else None, anchor


def tonight(m: re.Match, ctx: Context) -> Result | None:
    return "TIME", f"{ctx.ref.isoformat()}TNI" if ctx.ref else None, "published"


def quarter(m: re.Match, ctx: Context) -> Result | None:
    n = tx.ORDINALS[m["ord"].lower()]
    unit = m["unit"].lower()
    if unit == "half" and n > 2 or n > 4:
        return None
    owner = (m["owner"] or "").lower()
    if m["year"]:
        year = int(m["year"])
    elif ctx.ref is None:
        return "DATE", None, None
    elif owner.startswith("next"):
        year = ctx.ref.year + 1
    elif owner.startswith("last"):
        year = ctx.ref.year - 1
    elif owner.startswith("this"):
        year = ctx.ref.year
    elif unit == "half":
        year = ctx.ref.year if n <= (1 if ctx.ref.month <= 6 else 2) else ctx.ref.year - 1
    else:
        year = tx.quarter_year(ctx.ref, n, ctx.direction(m.start(), m.end(), default="present"))
    return "DATE", f"{year}-{'H' if unit == 'half' else 'Q'}{n}", "published"


def _latest_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter news about results usually means: the last one that has ended before publication."""
    if ctx.ref is None:
        return None
    return tx.shift_quarters(ctx.ref.year, tx.quarter_of(ctx.ref), -1)


def quarter_ref(m: re.Match, ctx: Context) -> Result | None:
    rel = (m["rel"] or "").lower()
    unit = m["unit"].lower()
    det = m["det"].lower()
    if unit == "period" and not rel:
        return None
    if ctx.ref is None:
        return "DATE", None, None
    if rel in ("current",) or det == "this":
        y, q = ctx.ref.year, tx.quarter_of(ctx.ref)
    else:
        y, q = _latest_quarter(ctx)
    if rel.startswith("year"):
        return "DATE", f"{y - 1}-Q{q}", "year-ago"
    elif re.fullmatch(r"(?:fiscal\s+)?\d{4}", rel):
        y = int(rel[-4:])
        return "DATE", f"{y}-Q{q}", "year-ago" if y < ctx.ref.year else "published"
    return "DATE", f"{y}-Q{q}", "published"


def _antecedent(ctx: Context, start: int) -> tuple[str, str | None] | None:
    """The dated value (and its anchor) a comparison like "a year earlier" shifts: the last date in this
    sentence, or a quarter or year-ago period named in the sentence before (results stories compare a
    quarter to its year-ago twin, often over several sentences)."""
    sent_start = ctx.sentence_start(start)
    prev_sent = ctx.sentence_start(sent_start - 1) if sent_start > 0 else sent_start
    for pos, typ, value, anchor in reversed(ctx.found):
        if typ != "DATE" or not value or not value[:4].isdigit():
            continue
        if pos < prev_sent:
            break
        if pos >= sent_start or "-Q" in value or anchor == "year-ago":
            return value, anchor
    return None


def year_earlier(m: re.Match, ctx: Context) -> Result | None:
    if ctx.ref is None:
        return "DATE", None, None
    if m.groupdict().get("ord"):  # "the year-ago third quarter"
        n = tx.ORDINALS[m["ord"].lower()]
        return "DATE", f"{tx.quarter_year(ctx.ref, n, 'past') - 1}-Q{n}", "published"
    base = _antecedent(ctx, m.start())
    if base and base[1] == "year-ago":
        return "DATE", base[0], "year-ago"
    shifted = tx.shift_year_of(base[0], -1) if base else None
    if shifted and base[0] != str(ctx.ref.year - 1):
        return "DATE", shifted, "year-ago"
    if (m.groupdict().get("unit") or "").lower() in ("quarter", "period"):
        latest = _latest_quarter(ctx)
        return "DATE", f"{latest[0] - 1}-Q{latest[1]}", "year-ago"
    return "DATE", str(ctx.ref.year - 1), "published"


_DATED_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def reference_time(ctx: Context, start: int) -> str | None:
    """TimeML's reference time for an anaphoric expression ("the following year", "that day"): the value
    of the last dated expression before it in the text, else the publication date."""
    for pos, typ, value, _ in reversed(ctx.found):
        if pos < start and typ in ("DATE", "TIME") and value and _DATED_VALUE.match(value):
            return value
    return ctx.ref.isoformat() if ctx.ref else None


def anaphoric(m: re.Match, ctx: Context) -> Result | None:
    """'the following year', 'that same day', 'later that month', 'the previous Friday', 'the next morning':
    a shift from the reference time at the unit's granularity, left open (XX) below what that time names."""
    what = m["what"].lower()
    rel = (m["rel"] or m["next"] or "").lower()
    step = 1 if rel in ("following", "next") else -1 if rel in ("previous", "preceding", "prior") else 0
    base = reference_time(ctx, m.start())
    parts = _DATED_VALUE.match(base) if base else None
    if parts is None:
        return "DATE", None, None
    y, mo, d = int(parts[1]), parts[2] and int(parts[2]), parts[3] and int(parts[3])
    day = dt.date(y, mo, d) if d and _valid(y, mo, d) else None
    if what == "year":
        return "DATE", str(y + step), "context"
    if what == "month":
        if mo:
            return "DATE", tx.month_value(*tx.shift_months(dt.date(y, mo, 1), step)), "context"
        return "DATE", None if step else f"{y}-XX", "context"
    if what == "week":
        return "DATE", tx.week_value(day + dt.timedelta(weeks=step)) if day else None, "context"
    if what in tx.WEEKDAYS:
        if day is None or not step:
            return "DATE", None, None
        wd = tx.WEEKDAYS[what]
        target = tx.weekday_date(day - dt.timedelta(days=1), wd, "past") if step < 0 else tx.weekday_date(day, wd, "future")
        return "DATE", target.isoformat(), "context"
    # day or part of day
    if day is not None:
        value = (day + dt.timedelta(days=step)).isoformat()
    elif step:
        value = None
    else:
        value = f"{y}-{mo:02d}-XX" if mo else f"{y}-XX-XX"
    if what in tx.PARTS_OF_DAY:
        return "TIME", f"{value}T{tx.PARTS_OF_DAY[what]}" if value else None, "context"
    return "DATE", value, "context"


def ago(m: re.Match, ctx: Context) -> Result | None:
    amount, unit = tx.parse_number(m["num"]), tx.unit_of(m["unit"])
    if amount is None or unit is None:
        return None
    direction = m["dir"].lower()
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if amount == "X":
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if ctx.ref is None:
        return "DATE", None, None
    if amount == 1 and unit == "year" and direction == "earlier" or m["num"].lower() in ("a", "an") and unit == "year":
        return year_earlier(m, ctx)
    if direction in ("earlier", "later"):
        return "DURATION", tx.duration(amount, unit), None
    n = int(amount) * sign
    if unit in ("hour", "minute", "second"):
        return "DATE", tx.day_value(ctx.ref), "published"
    return "DATE", tx.relative_unit(ctx.ref, unit, n), "published"


_SET_BEFORE = re.compile(r"(?:\d|times|once|twice|cents?|dollars?|percent|%|\$[\d.,]+\s*\w*illion)\s*$", re.I)


def length(m: re.Match, ctx: Context) -> Result | None:
    amount, unit = tx.parse_number(m["num"]), tx.unit_of(m["unit"])
    if amount is None or unit is None:
        return None
    num = m["num"].lower()
    if m.group().lower().endswith("old"):
        return None  # ages: TimeBank leaves "a 6-year-old" unmarked more often than not
    if num in ("a", "an") and unit in ("second", "quarter"):
        return None
    if unit == "quarter" and ctx.text[m.end():m.end() + 3] == " of":
        return None
    value = tx.duration(amount, unit)
    if num in ("a", "an") and not m["rel"] and _SET_BEFORE.search(ctx.text[max(0, m.start() - 25):m.start()]):
        return "SET", value, None
    return "DURATION", value, None


def vague_period(m: re.Match, ctx: Context) -> Result | None:
    rel = m["rel"].lower()
    return "DATE", "FUTURE_REF" if rel in ("coming", "future", "next", "upcoming") else "PAST_REF", None


def relative(m: re.Match, ctx: Context) -> Result | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    what = re.sub(r"\s+", " ", m["what"].lower())
    step = {"last": -1, "the last": -1, "the past": -1, "this past": -1, "next": 1, "the next": 1,
            "the coming": 1, "coming": 1, "this coming": 1}.get(rel, 0)
    if what in tx.WEEKDAYS:
        return _relative_weekday(m, ctx, tx.WEEKDAYS[what], step)
    if ctx.ref is None:
        return "DATE", None, None
    if what in tx.SEASONS:
        year = ctx.ref.year + step
        return "DATE", f"{year}-{tx.SEASONS[what]}", "published"
    if what == "weekend":
        return _weekend(m, ctx, step)
    unit = "year" if what == "fiscal year" else what
    return "DATE", tx.relative_unit(ctx.ref, unit, step), "published"


def _relative_weekday(m: re.Match, ctx: Context, weekday: int, step: int) -> Result:
    if ctx.ref is None:
        return "DATE", f"XXXX-WXX-{weekday + 1}", None
    if step:
        direction = "past" if step < 0 else "future"
        day = tx.weekday_in_week(ctx.ref, weekday, step)
    else:
        direction = ctx.weekday_direction(m.start(), m.end(), "future")
        day = tx.weekday_date(ctx.ref, weekday, direction)
    if m["pod"]:
        return "TIME", f"{day.isoformat()}T{tx.PARTS_OF_DAY[m['pod'].lower()]}", f"tense-{direction}"
    return "DATE", day.isoformat(), f"tense-{direction}"


def _weekend(m: re.Match, ctx: Context, step: int) -> Result:
    direction = "past" if step < 0 else "future" if step > 0 else ctx.direction(m.start(), m.end())
    saturday = tx.weekday_date(ctx.ref, 5, "past" if direction != "future" else "future")
    if ctx.ref.weekday() >= 5:
        saturday = ctx.ref - dt.timedelta(days=ctx.ref.weekday() - 5)
    return "DATE", f"{tx.week_value(saturday)}-WE", f"tense-{direction}"


def weekend(m: re.Match, ctx: Context) -> Result | None:
    if ctx.ref is None:
        return "DATE", "XXXX-WXX-WE", None
    rel = m["rel"].lower()
    return _weekend(m, ctx, -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0)


def year_end(m: re.Match, ctx: Context) -> Result | None:
    return "DATE", str(ctx.ref.year) if ctx.ref else None, "published"


def the_year(m: re.Match, ctx: Context) -> Result | None:
    """Results news: 'the (fiscal) year ended June 30' is a year-long period; 'for the year', 'the full
    year' the current one. A bare 'the year' counts only after a preposition of time ('for the year')."""
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if not m["kind"] and not (re.search(r"(?:for|in|during|over|through|throughout)\s+$", before, re.I)
                              or re.search(r"(?:months|weeks|days|part|half|rest)\s+of\s+$", before)):
        return None  # "the year he was born"; "Man of the Year"
    if re.match(r"\s+(?:ended|ending|that\s+ended|which\s+ended)(?![\w])", ctx.text[m.end():m.end() + 20], re.I):
        return "DURATION", "P1Y", None
    return "DATE", str(ctx.ref.year) if ctx.ref else None, "published"


def period_of(m: re.Match, ctx: Context) -> Result | None:
    if ctx.ref is None:
        return "DATE", None, None
    return "DATE", tx.relative_unit(ctx.ref, m["what"].lower(), 0), "published"


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
              "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}


def every(m: re.Match, ctx: Context) -> Result | None:
    what = m["what"].lower()
    if what.rstrip("s") in tx.WEEKDAYS:
        return "SET", f"XXXX-WXX-{tx.WEEKDAYS[what.rstrip('s')] + 1}", None
    if re.fullmatch(_MON, what):
        return "SET", f"XXXX-{_month(what):02d}", None
    if what in tx.SEASONS:
        return "SET", f"XXXX-{tx.SEASONS[what]}", None
    if what in tx.PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{tx.PARTS_OF_DAY[what]}", None
    unit = tx.unit_of(what)
    amount = tx.parse_number(m["num"]) if m["num"] else 1
    return ("SET", tx.duration(amount, unit), None) if unit else None


def set_adverb(m: re.Match, ctx: Context) -> Result | None:
    if m["word"].lower() != "daily" and ctx.token_at(m.start()).pos_ != "ADV":
        return None  # "a weekly magazine" is no time expression; "daily" mostly is
    return "SET", _SET_WORDS[m["word"].lower()], None


def day_word(m: re.Match, ctx: Context) -> Result | None:
    word = m["word"].lower()
    if ctx.ref is None:
        return "DATE", "PRESENT_REF" if word == "today" else None, None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    if word == "today" and ctx.text[max(0, m.start() - 4):m.start()].lower() == "usa ":
        return None  # the newspaper
    return "DATE", tx.day_value(ctx.ref + dt.timedelta(days=shift)), "published"


def weekday(m: re.Match, ctx: Context) -> Result | None:
    wd = tx.WEEKDAYS[m["wd"].lower()]
    if m["plural"]:
        return "SET", f"XXXX-WXX-{wd + 1}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-WXX-{wd + 1}", None
    direction = ctx.weekday_direction(m.start(), m.end(), default="past")
    return "DATE", tx.weekday_date(ctx.ref, wd, direction).isoformat(), f"tense-{direction}"


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def decade(m: re.Match, ctx: Context) -> Result | None:
    if m["word"]:
        century = "19"
        digit = _DECADE_WORDS[m["word"].lower()]
        return "DATE", f"{century}{digit}", "absolute"
    digits = m["digits"].replace("'", "")
    if len(digits) == 2:
        digits = ("20" if int(digits) <= 20 and ctx.ref and ctx.ref.year >= 2000 else "19") + digits
    return "DATE", digits[:3], "absolute"


def century(m: re.Match, ctx: Context) -> Result | None:
    text = m["ord"].lower()
    n = int(re.match(r"\d+", text).group()) if text[0].isdigit() else tx.ORDINALS.get(text)
    return ("DATE", f"{n - 1:02d}", "absolute") if n else None


def spelled(m: re.Match, ctx: Context) -> Result | None:
    year = tx.spelled_year(m["spelled"])
    if year is None or (m["spelled"].lower().startswith("two") and not m["lead"]):
        return None
    return "DATE", str(year), "absolute"


def season(m: re.Match, ctx: Context) -> Result | None:
    code = tx.SEASONS[m["season"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", "absolute"
    if not m["det"] and code in ("SP", "FA"):
        return None  # bare 'spring' and 'fall' are more often verbs
    return "DATE", f"{ctx.ref.year}-{code}" if ctx.ref else None, "published"


def year(m: re.Match, ctx: Context) -> Result | None:
    before = ctx.text[max(0, m.start() - 2):m.start()]
    if "$" in before or "#" in before:
        return None
    token = ctx.token_at(m.start("year"))
    if not m["fiscal"] and (token.ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL")):
        return None  # "2000 shares"
    return "DATE", m["year"], "absolute"


def reference(m: re.Match, ctx: Context) -> Result | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word in ("current", "recent", "future"):
        token = ctx.token_at(m.start())
        if token.pos_ != "ADJ" or token.dep_ != "amod":
            return None
    if word in ("now", "right now", "currently", "presently", "nowadays", "these days", "at present", "current",
                "today's"):
        return "DATE", "PRESENT_REF", None
    if word in ("recently", "recent", "lately", "previously", "formerly", "the past", "more recently",
                "in the past"):
        return "DATE", "PAST_REF", None
    return "DATE", "FUTURE_REF", None


def holiday(m: re.Match, ctx: Context) -> Result | None:
    name = m["name"]
    if not name[0].isupper():
        return None
    if m["year"]:
        return "DATE", tx.HOLIDAYS[re.sub(r"\s+", " ", name.lower())](int(m["year"])).isoformat(), "absolute"
    if ctx.ref is None:
        return "DATE", None, None
    rel = (m["rel"] or "").lower()
    direction = {"last": "past", "next": "future"}.get(rel) or ctx.direction(m.start(), m.end(), "present")
    ref = ctx.ref - dt.timedelta(days=1) if rel == "last" else ctx.ref + dt.timedelta(days=1) if rel == "next" else ctx.ref
    return "DATE", tx.holiday_date(name, ref, direction).isoformat(), f"tense-{direction}"


def unspecified_length(m: re.Match, ctx: Context) -> Result | None:
    unit = tx.unit_of(m["unit"])
    return ("DURATION", tx.duration("X", unit), None) if unit else None


# ---- the grammar ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Callable[[re.Match, Context], Result | None]


_DAYREF = rf"(?:(?:last|next|this)\s+{_WD}|{_WD}|today|yesterday|tomorrow|tonight|{_MON}\s+\d{{1,2}}(?!\d))"
_RULES_SPEC: list[tuple[str, str, Callable]] = [
    ("full_date", rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s*(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})", full_date),
    ("full_date_dmy", rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<year>{_YEAR})",
     full_date),
    ("iso_date", r"(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)", iso_date),
    ("clock", rf"(?:(?P<hour>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am(?![\w])|pm(?![\w]))"
              r"|(?P<named>noon|midnight))"
              rf"(?:\s+(?:[ECMP][SD]T|GMT|UTC)(?![\w]))?(?:,?\s+(?P<when>{_DAYREF}))?", clock_time),
    ("part_of_day", rf"{_MOD}(?P<when>(?:(?:last|this|next)\s+)?{_WD}|today|yesterday|tomorrow|this|last)(?P<plural>s)?"
                    rf"\s+(?P<pod>{_POD})(?![\w])", part_of_day),
    ("tonight", r"tonight(?![\w])", tonight),
    ("month_day", rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s*(?P<day>{_DAY})(?![\w])", month_day),
    ("day_month", rf"(?:{_WD},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MON})", month_day),
    ("month_year", rf"{_MOD}(?P<mon>{_MON}),?\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<spelled>{_SPELLED_YEAR})"
                   rf"|(?P<rel>this|last|next)\s+year(?![\w]))", month_year),
    ("quarter", rf"(?:(?P<owner>the|its|their|this\s+year's|last\s+year's|next\s+year's|the\s+year's|a)\s+)?"
                rf"(?:(?:fiscal|calendar|flat|same|current)[-\s]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
                rf"[-\s](?:fiscal\s+)?(?P<unit>quarter|half)(?!s)(?![\w])(?:\s+of\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?",
     quarter),
    ("quarter_year_first", rf"(?:the\s+)?(?P<year>{_YEAR})\s+(?:fiscal\s+)?(?P<ord>first|second|third|fourth)\s+"
                           rf"(?P<unit>quarter|half)(?![\w])(?P<owner>)", quarter),
    ("quarter_ref", rf"(?P<det>the|this|that|its)\s+(?:(?P<rel>latest|current|recent|most\s+recent|year-earlier"
                    rf"|year-ago|(?:fiscal\s+)?{_YEAR})\s+)?(?P<unit>quarter|period)(?![\w])", quarter_ref),
    ("year_earlier", r"(?:the\s+)?year[-\s](?:earlier|ago)(?:\s+(?P<ord>first|second|third|fourth)[-\s](?=quarter))?"
                     r"(?:\s*(?P<unit>quarter|period))?(?![\w])", year_earlier),
    ("anaphoric", rf"(?:(?:earlier|later)\s+that|that\s+same|the\s+same|the\s+(?P<rel>following|previous|preceding|prior)"
                  rf"|the\s+(?P<next>next)(?=\s+(?:day|{_POD})(?![\w]))|that(?=\s+(?:month|year)(?![\w])))"
                  rf"\s+(?P<what>day|{_POD}|week|month|year|{_WD})(?![\w])",
     anaphoric),
    ("ago", rf"{_APPROX}(?P<num>{_NUM})[-\s]+(?P<unit>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now"
            rf"|hence|back)(?![\w])", ago),
    ("length", rf"{_APPROX}(?:the\s+)?(?:(?P<rel>past|last|next|first|final|coming|previous|following|latest|remaining"
               rf"|ensuing|additional|same|last|full)\s+)?(?P<num>{_NUM})[-\s]+(?:(?:more|additional|full|straight|consecutive)\s+)?(?P<unit>{_UNIT})(?!-(?:earlier|ago|end)(?![\w]))(?:[-\s]+old)?"
               rf"(?:\s+or\s+so)?", length),
    ("vague_period", r"(?:the\s+)?(?P<rel>recent|past|coming|future|upcoming)\s+(?:few\s+)?(?P<unit>days|weeks|months"
                     r"|years|decades|quarters)(?![\w])", vague_period),
    ("relative", rf"{_MOD}(?P<rel>{_REL})\s+(?P<what>week(?:end)?|month|year|quarter|fiscal\s+year|decade|century"
                 rf"|{_WD}|{_SEASON})(?![\w])(?:\s+(?P<pod>{_POD})(?![\w]))?", relative),
    ("period_of", r"(?:the\s+(?:end|beginning|start|middle|rest|remainder)\s+of|earlier\s+in|later\s+in)\s+the\s+"
                  r"(?:current\s+)?(?P<what>year|month|week|quarter)(?![\w])", period_of),
    ("every", rf"(?:every|each|per)\s+(?:(?P<num>{_NUMW})\s+)?(?P<what>{_UNIT}|{_WD}s?|{_MON}|{_SEASON}|{_POD})(?![\w])",
     every),
    ("set_adverb", r"(?P<word>daily|nightly|weekly|biweekly|monthly|quarterly|hourly)(?![\w])",
     set_adverb),
    ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>christmas(?:\s+(?:day|eve))?|new\s+year's\s+(?:day|eve)"
                r"|thanksgiving(?:\s+day)?|independence\s+day|halloween|valentine's\s+day|labor\s+day|memorial\s+day"
                r"|election\s+day|easter(?:\s+sunday)?|good\s+friday|veterans\s+day|martin\s+luther\s+king\s+day)"
                rf"(?![\w])(?:,?\s+(?P<year>{_YEAR}))?", holiday),
    ("weekend", rf"{_MOD}(?P<rel>the|this|last|next|this\s+past|this\s+coming)\s+weekend(?![\w])", weekend),
    ("year_end", r"(?:the\s+)?year(?:'s)?[-\s]end(?![\w])", year_end),
    ("day_word", rf"{_MOD}(?P<word>today|yesterday|tomorrow)(?![\w])", day_word),
    ("weekday", rf"{_MOD}(?P<wd>{_WD})(?P<plural>s)?(?![\w])", weekday),
    ("decade", rf"{_MOD}(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?P<digits>(?:1[6-9]|20)\d0|'\d0)'?s"
               rf"|(?<=the\s)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
     decade),
    ("century", r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
                r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
                r"|nineteenth|twentieth|twenty-first)\s+century(?![\w])", century),
    ("spelled_year", rf"(?P<lead>the\s+year\s+)?(?P<spelled>{_SPELLED_YEAR})", spelled),
    ("the_year", r"the\s+(?:(?P<kind>fiscal|full|calendar)\s+)?year(?![\w-]|'s|\s+(?:since|before|after|earlier|ago|later|when|in\s+which)(?![\w]))",
     the_year),
    ("month", rf"{_MOD}(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<mon>{_MON})(?!\.?\s*\d)", month_only),
    ("season", rf"{_MOD}(?:(?P<det>the|this|last|next|early|late)\s+)?(?P<season>{_SEASON})(?![\w])"
               rf"(?:\s+of\s+(?P<year>{_YEAR}))?", season),
    ("year", rf"{_MOD}(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<year>{_YEAR})(?![\w])", year),
    ("reference", r"(?P<word>right\s+now|now|currently|presently|nowadays|these\s+days|at\s+present|more\s+recently"
                  r"|recently|lately|formerly|as\s+soon\s+as\s+possible|the\s+near\s+future"
                  r"|the\s+(?:near|short|long)\s+term|the\s+future|the\s+past|current)(?![\w-])",
     reference),
    ("for_units", r"(?<=for\s)(?P<unit>hours|days|weeks|months|years|decades|centuries)(?![\w])", unspecified_length),
]

#: every word an expression can start with; checking it first keeps the big alternation off most words
_FIRST_WORD = (
    r"(?:\d|'\d|mid-?|(?:" + "|".join(sorted(set("""
    the a an this that last next its their these early late earlier later mid every each per today tonight
    yesterday tomorrow noon midnight fiscal calendar flat same current year nearly about almost approximately
    roughly more less fewer at up over under some around within only just past first final coming previous
    following latest remaining ensuing additional full recent future upcoming right now currently presently
    nowadays lately recently previously formerly soon as hundred several few many second third fourth
    daily nightly weekly biweekly monthly quarterly annually yearly hourly hours days weeks months years
    decades centuries spring summer fall autumn winter nineteen christmas new thanksgiving independence
    halloween valentine's labor memorial election easter good veterans martin
    """.split()) | set(tx.MONTHS) | set(tx.WEEKDAYS) | set(tx.ORDINALS) | set(tx.NUMBER_WORDS.split("|")),
    key=len, reverse=True)) + r")(?![a-z]))"
)
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
RULES = [Rule(name, re.compile(pattern, re.I), handler) for name, pattern, handler in _RULES_SPEC]
#: every rule in one alternation, for a single pass; each hit is re-read with its own rule for the parts
MASTER = re.compile(
    r"(?<![\w$.'-])(?=" + _FIRST_WORD + r")(?:" + "|".join(f"(?P<{name}>{_NAMED_GROUP.sub('(?:', pattern)})" for name, pattern, _ in _RULES_SPEC)
    + ")",
    re.I,
)
_BY_NAME = {rule.name: rule for rule in RULES}

#: every expression holds a digit or one of these words: only text around them is matched at all
TRIGGERS = frozenset("""
    day days week weeks weekend weekends month months year years quarter quarters hour hours minute minutes
    decade decades century centuries morning afternoon evening night nights today tonight yesterday tomorrow
    now currently presently nowadays recently lately previously formerly soon current recent future past present
    noon midnight daily nightly weekly biweekly monthly quarterly annually yearly hourly nineteen thousand period
    half term spring summer fall autumn winter twenties thirties forties fifties sixties seventies eighties
    nineties second seconds fortnight fortnights christmas thanksgiving halloween easter eve mondays tuesdays wednesdays thursdays fridays saturdays sundays
    """.split()) | frozenset(tx.MONTHS) | frozenset(tx.WEEKDAYS)
_WORD = re.compile(r"\w+")
#: how far an expression reaches before and after its trigger word ("more than two and a half years")
_REACH_BEFORE, _REACH_AFTER = 50, 60


def candidate_windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, where the full grammar is worth running."""
    windows: list[tuple[int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if not (word[0].isdigit() or word.lower() in TRIGGERS):
            continue
        start, end = max(0, m.start() - _REACH_BEFORE), min(len(text), m.end() + _REACH_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows
_TRAILING = re.compile(r"[\s,]+$")


# ---- entry point ----------------------------------------------------------------------------

def extract_times(doc: Doc, analysis: Analysis, knowledge=None) -> None:
    text = analysis.text
    ctx = Context(text=text, doc=doc, ref=_reference_date(analysis.published),
                  token_starts=[t.idx for t in doc])
    times: list[TimeRef] = []
    for hit in _hits(text):
        rule = _BY_NAME[hit.lastgroup]
        m = rule.pattern.match(text, hit.start(), hit.end())
        if m is None:
            continue
        result = rule.handler(m, ctx)
        if result is None:
            continue
        start, end = hit.start(), hit.start() + len(_TRAILING.sub("", hit.group()) or hit.group())
        typ, value, anchor = result
        times.append(TimeRef(start, end, text[start:end], typ, value, anchor))
        ctx.found.append((start, typ, value, anchor))
    analysis.times = sorted(times, key=lambda t: t.start)


def _hits(text: str):
    for start, end in candidate_windows(text):
        yield from MASTER.finditer(text, start, end)


def _reference_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        ref = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # a date at the very edge of the calendar ("9999-12-31") leaves no room for "tomorrow"
    return ref if tx.in_calendar(ref.year) else None
