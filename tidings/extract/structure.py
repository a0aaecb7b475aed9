"""Article structure: sentences, paragraphs, the headline, the dateline, and a standfirst that
restates the lede.

A headline (``tidings.headline.find_headline``: the record's title opening the text, a ``# Heading``,
or a first line written as a headline) is always one sentence of its own: never cut in two at its
comma or colon, never joined to the lede or its dateline. It is not a standfirst: the standfirst, if
any, is the paragraph under it.

An opener may credit the wire or outlet the copy comes from ("AP - ", "Canadian Press - ", "(Reuters) -",
"BAGHDAD (Reuters) -", "SPACE.com - TORONTO, Canada --"). The credit is the article's source, not a
place: it is kept apart as ``Analysis.credit``, and only an upper-case place name before the dash is a
dateline. Words before the dash are a credit when they are in parentheses, when the actor dictionaries
know them as news media (sector ``MED``: a user's dictionary can add an outlet) or when they are a web
address ("USATODAY.com").

A standfirst (the deck under a headline) usually says what the first body sentence says again, in
other words. Counting both would double every quote, actor mention and event in it, so the first
paragraph is marked as a standfirst when it is short and shares most of its content words with one of
the next few sentences; ``duplicates`` names that sentence. Later layers skip the standfirst.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from tidings.headline import HeadlineSpan, find_headline
from tidings.model import Analysis, Headline, Sentence, Span, Standfirst

# "GENEVA, Jan 10 (Reuters) -", "KYIV, Ukraine —", "WASHINGTON (AP) --", "Brussels:", "MILAN, Italy Oct. 5,
# 2004 -" (a date after the region with no comma: only a month's name starts one there), "NEW DELHI, AUG
# 29:" (a month in capitals: only its name or abbreviation); the region is as short as it can be, so
# that "GUANTANAMO BAY, Cuba - " ends at "Cuba". The whitespace runs are possessive (*+, ++): with
# plain \s* \s* \s+ in a row a paragraph of 4,000 spaces after "By " took 7 s of backtracking (cubic
# in the run), and every run can only end where it ends anyway.
_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Za-z'.\- ]{1,40}?(?:,\s*+[A-Z][A-Za-z.'\- ]{1,30}?)?)    # city[, region]
        (?:(?:,\s*+|\s++(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s))   # , Jan 10
           (?P<date>(?:[A-Z][a-z]{2,8}|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]{0,6})\.?
              \s++\d{1,2}(?:,\s*+\d{4})?))?              # or Haiti Oct. 2, 2004; NEW DELHI, AUG 29:
        \s*+(?:\((?P<credit>[A-Za-z&./ ]{2,30})\))?                            # (Reuters)
        \s*+(?:--|[\u2014\u2013:-])\s++""",
    re.VERBOSE,
)
# a credit before the dateline, or instead of one: "(Reuters) - ", "AP - ", "Canadian Press - ", "SPACE.com - "
_LEAD_CREDIT = re.compile(
    r"""(?:\((?P<paren>[A-Za-z&./ ]{2,30})\)|(?P<name>[A-Za-z][\w&.'/ ]{0,30}?))
        \s*+(?:--|[\u2014\u2013-])\s++""",
    re.VERBOSE,
)
_WEB_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|com\.au|ca)", re.IGNORECASE)
#: the sector code the actor dictionaries give news media
MEDIA_SECTOR = "MED"
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
_STOP = frozenset(
    """a an the of to in on at for by with from and or but as is are was were be been has have had
    it its this that these those their his her he she they we you i said says will would could
    after before over about into than then there here not no also which who what when while""".split()
)
#: share of the standfirst's content words that must reappear in the restating sentence
STANDFIRST_OVERLAP = 0.5
#: a standfirst is one short paragraph: at most this many sentences
STANDFIRST_MAX_SENTENCES = 2


def extract_structure(doc: Doc, analysis: Analysis, knowledge=None) -> None:
    text = analysis.text
    analysis.paragraphs = _paragraphs(text)
    headline = find_headline(text, analysis.title)
    body = analysis.paragraphs[1:] if headline is not None else analysis.paragraphs
    opener = find_opener(text, body, _credit_test(knowledge), _country_test(knowledge))
    opener_end = None
    if opener is not None:
        analysis.dateline, analysis.credit, opener_end = opener.dateline, opener.credit, opener.end
        if analysis.published is None and opener.date is not None:
            analysis.published = opener.date
    analysis.sentences = _sentences(doc, opener_end, headline)
    if headline is not None:
        # _sentences puts the headline first
        analysis.headline = Headline(headline.start, headline.end, text[headline.start:headline.end], 0, headline.kind)
    analysis.standfirst = _standfirst(text, analysis.sentences, body)


def _sentences(doc: Doc, opener_end: int | None, headline: HeadlineSpan | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    body_start = headline.end if headline is not None else 0
    if headline is not None:
        out.append(Sentence(headline.start, headline.end))  # one sentence, whatever the parser made of it
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space and t.idx >= body_start]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        # the parser often cuts "GENEVA (Reuters) -" off as a sentence of its own: it opens the lede
        if out and opener_end is not None and out[-1].start >= body_start and out[-1].end <= opener_end \
                and out[-1].start < opener_end <= start + 1 and "\n" not in doc.text[out[-1].end:start]:
            start = out.pop().start
        out.append(Sentence(start, end))
    return out


def _paragraphs(text: str) -> list[Sentence]:
    """Paragraphs are runs of text between blank lines (or single newlines, as many feeds use)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e))
    return out


@dataclass(frozen=True)
class Opener:
    """The opener of an early paragraph: its dateline (the place words), its credit (the wire or
    outlet), where it ends, and the date it gives when it has a year. Either span may be None."""

    dateline: Span | None
    credit: Span | None
    end: int
    date: str | None


def find_opener(text: str, paragraphs: list[Sentence], is_credit: Callable[[str], bool],
                is_country: Callable[[str], bool] = lambda words: False) -> Opener | None:
    """The credit-and-place opener of one of the first paragraphs ("GENEVA, Jan 10, 2022 (Reuters) -",
    "AP - ", "SPACE.com - TORONTO, Canada --", "Nouakchott, Mauritania - "); ``is_credit`` tells a wire
    or outlet's name, ``is_country`` a country's."""
    for para in paragraphs[:3]:
        base = para.start
        chunk = text[base:para.end]
        credit, pos = None, 0
        lead = _LEAD_CREDIT.match(chunk)
        if lead is not None:
            group = "paren" if lead.group("paren") else "name"
            if group == "paren" or is_credit(lead.group("name").strip()):
                credit = _span(text, base + lead.start(group), base + lead.end(group))
                pos = lead.end()
        m = _DATELINE.match(chunk, pos)
        if m is not None:
            place = m.group("place").strip()
            head = place.split(",")[0].strip()
            # a capitalised place ("Baghdad") counts only with a date or a credit after it
            # ("Baghdad, Sept. 8 (NNN): "): "Brussels: " alone may be a heading
            dated = bool(m.group("date") or m.group("credit")) and head.istitle()
            # ... or with the country after it ("Nouakchott, Mauritania - "): a heading names no country
            region = place.split(",")[1].strip() if "," in place else ""
            in_country = bool(region) and head.istitle() and is_country(region)
            if (head.isupper() or dated or in_country) and not is_credit(head):
                if credit is None and m.group("credit"):
                    credit = _span(text, base + m.start("credit"), base + m.end("credit"))
                start = base + m.start("place")
                return Opener(Span(start, start + len(place), place), credit, base + m.end(), _date(m.group("date")))
        if credit is not None:
            return Opener(None, credit, base + pos, None)
    return None


def _span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _credit_test(knowledge) -> Callable[[str], bool]:
    """Words naming a wire or an outlet: news media in the actor dictionaries, or a web address."""
    actors = knowledge.actors if knowledge is not None else None

    def is_credit(words: str) -> bool:
        if _WEB_ADDRESS.fullmatch(words):
            return True
        entry = actors.lookup(words) if actors is not None and words else None
        return entry is not None and entry.sector == MEDIA_SECTOR

    return is_credit


def _country_test(knowledge) -> Callable[[str], bool]:
    """Words naming a country in the actor dictionaries ("Mauritania", "Iraq")."""
    actors = knowledge.actors if knowledge is not None else None

    def is_country(words: str) -> bool:
        entry = actors.lookup(words) if actors is not None and words else None
        return entry is not None and entry.type == "country"

    return is_country


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _date(text: str | None) -> str | None:
    m = re.match(r"([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),\s*(\d{4})", text or "")
    if not m or m[1].lower() not in _MONTHS:
        return None
    try:
        return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2])).isoformat()
    except ValueError:
        return None


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _standfirst(text: str, sentences: list[Sentence], paragraphs: list[Sentence]) -> Standfirst | None:
    if len(paragraphs) < 2 or len(sentences) < 2:
        return None
    first = paragraphs[0]
    inside = [i for i, s in enumerate(sentences) if s.start >= first.start and s.end <= first.end]
    if not inside or len(inside) > STANDFIRST_MAX_SENTENCES:
        return None
    words = content_words(text[first.start:first.end])
    if len(words) < 4:
        return None  # a headline-like fragment: too little to judge
    # the lede is in the next paragraph; look at its first two sentences
    following = [i for i, s in enumerate(sentences) if s.start >= paragraphs[1].start][:2]
    best, best_share = None, 0.0
    for i in following:
        s = sentences[i]
        share = len(words & content_words(text[s.start:s.end])) / len(words)
        if share > best_share:
            best, best_share = i, share
    if best is not None and best_share >= STANDFIRST_OVERLAP:
        return Standfirst(first.start, first.end, best)
    return None
