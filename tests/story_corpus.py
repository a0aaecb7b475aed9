"""A generated news corpus for the story tests: happenings reported by one to four articles over a few
days, each between two countries no other happening names, on a handful of topics, each with a town and
a person of its own, over a month. Every sentence mentions a delegation, a word shared by more open stories than the
grouper walks (``POSTING_LIMIT``), so its shortcuts are exercised; some articles are undated, and the
input is only roughly in date order. Every sentence is made here from templates; no article text
comes from anywhere else."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pycountry

#: countries with a plain one- or two-word name, in a fixed order
COUNTRIES = sorted(c.name for c in pycountry.countries
                   if c.name.replace(" ", "").isalpha() and len(c.name.split()) <= 2 and "Island" not in c.name)
TOPICS = [  # what a happening is about: its subject, the issue its reports keep naming, the things involved
    ("fisheries", "fishing quotas", "trawlers"), ("frontier", "the disputed frontier", "border posts"),
    ("railway", "the railway line", "freight wagons"), ("gas", "gas deliveries", "pipelines"),
    ("floods", "the flooded provinces", "relief convoys"), ("steel", "steel tariffs", "smelters"),
    ("prisoners", "the detained sailors", "consular visits"), ("river", "the shared river", "dams"),
    ("vaccines", "vaccine doses", "clinics"), ("airspace", "the military aircraft", "radar stations"),
    ("wheat", "grain shipments", "silos"), ("satellites", "the satellite launch", "rockets"),
    ("copper", "copper mining", "smelting licences"), ("refugees", "the refugee camps", "tents"),
    ("elections", "the election observers", "ballot boxes"), ("cables", "the undersea cable", "repair ships"),
]
SYLLABLES = "ka ro mi tel van dor su li ber og an ze pol rat uv is ne mar quo fen gul hab dex tor wim".split()
TITLES = ["{A} and {B} on {issue}", "{person} on {issue}", "{issue}: {A} and {B}", "{town}: {issue}",
          "{A}, {B} and {things}"]
SENTENCES = [
    "The {A} delegation met {B} in {town} over {issue}.",
    "{person} of the {B} delegation spoke about {things} in {town}.",
    "The {A} delegation accused {B} of delays over {issue}.",
    "The {B} delegation rejected the accusation about {things}.",
    "A delegation from {A} discussed {things} and {issue} with {person}.",
    "{person} told the delegation that {things} near {town} mattered to {B}.",
    "A further delegation visit about {subject} in {town} was planned.",
    "{A} offered help with {things}, {person} told the delegation.",
]
FILLER = ["The delegation left without comment.", "The delegation gave no date.", "A delegation spokesman was brief."]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _fill(template: str, a, b, topic, town: str, person: str) -> str:
    return template.format(A=a, B=b, subject=topic[0], issue=topic[1], things=topic[2], town=town,
                           person=person)


def make_corpus(n_happenings: int = 95, seed: int = 7) -> list[dict]:
    """Records ``{"id", "title", "text", "published"?}`` in input order."""
    rng = random.Random(seed)
    start = dt.date(2023, 3, 1)
    records = []
    countries = rng.sample(COUNTRIES, 2 * n_happenings)  # no country in two happenings
    for h in range(n_happenings):
        a, b = countries[2 * h], countries[2 * h + 1]
        subject, issue, things = rng.choice(TOPICS)
        project = _name(rng, 3)  # "the Kamiro railway line": the happening's own issue
        topic = (subject, issue.replace("the ", f"the {project} ", 1) if issue.startswith("the ") else
                 f"the {project} {issue}", f"{project} {things}")
        town, person = _name(rng, 3), f"{_name(rng, 3)} {_name(rng, 3)}"  # names only this happening uses
        first = start + dt.timedelta(days=rng.randrange(30))
        for k in range(rng.choice([1, 1, 2, 2, 3, 4])):
            day = first + dt.timedelta(days=rng.randrange(5))
            sentences = rng.sample(SENTENCES, 4) + [rng.choice(FILLER)]
            text = " ".join(_fill(s, a, b, topic, town, person) for s in sentences)
            record = {"id": f"h{h:03d}-{k}", "title": _fill(rng.choice(TITLES), a, b, topic, town, person),
                      "text": text}
            if rng.random() > 0.05:
                record["published"] = day.isoformat()
            records.append((day.toordinal() + rng.uniform(-2.5, 2.5), record))
    records.sort(key=lambda pair: pair[0])  # roughly by date: a few days out of order at most
    return [record for _, record in records]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
