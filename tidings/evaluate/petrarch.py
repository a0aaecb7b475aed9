"""`tidings evaluate petrarch`: PETRARCH-2's unit tests, coded through PETRARCH's own dictionaries.

The dictionaries in ``events/petrarch-unit-tests/`` are converted (``tidings convert petrarch``) into a
temporary folder and loaded as user dictionaries, exactly as ``--dictionary`` loads them. Each
``<Sentence>`` of ``PETR.UnitTest.records.xml`` is analysed alone, published on its ``date``.

Scoring. An expected ``<EventCoding sourcecode targetcode eventcode>`` is *reproduced* when one event of
its sentence has that source code, target code and CAMEO code. PETRARCH writes ``---`` for a missing
actor: an expected ``---GOV`` is matched by tidings' country-less ``GOV``, an expected ``---`` (or the
other null code, ``###``) by an event without that participant or whose participant has no code; a
quoted code (``"INJURY TOLL"``) is PETRARCH's uncoded new actor and is matched by the participant's
words (a possessive ``'s`` aside: PETRARCH builds the name from the parse's leaves). PETRARCH codes the
``<Parse>``, so a ``_`` joining words in the ``<Text>`` is read as a space; records sharing an id are
kept apart. Partial matches are reported
apart: *event code only* (an event with the CAMEO code, other participants) and *source/target only*
(an event with both participants, another code). Every event not used by a full match is *extra*;
extras in records that expect no event (``noevents``, discards) are counted too. ``<Config>`` records
(comma and dyad options of PETRARCH) have no tidings equivalent and are ignored.

Built-in knowledge. The unit tests test the dictionaries they ship with, so by default the files are
converted *standalone* (``convert_petrarch(..., standalone=True)``): their option rows switch off
tidings' built-in actors and verb and noun patterns (``@builtin off``), and keep every event with a
source or a target (``@keep any``) instead of applying tidings' political-news rules, and keep the codes
the patterns give for negated and future events (``@modes keep``: PETRARCH codes those with patterns of
its own), and look for pattern words in the whole verb phrase, matching them as written, as PETRARCH does
(``@scope phrase``, ``@match form``) (docs/events.md, "Options"). Built-in actors would add codes PETRARCH's dictionary lacks ("prosecutors" ``JUD``), built-in
patterns would code verbs it leaves alone, and the political rules would drop events of the fictional
actors in texts with business cue words ("galleons"). ``--builtin`` loads the converted files as
plain additions to the built-in knowledge instead.
"""
from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import click

from tidings.evaluate.common import data_option, run_pipeline
from tidings.model import Article

SUBDIR = Path("events") / "petrarch-unit-tests"
RECORDS = "PETR.UnitTest.records.xml"


@dataclass
class Record:
    id: str
    date: str | None
    text: str
    expected: list[tuple[str, str, str]] = field(default_factory=list)
    no_events: bool = False  # noevents="True" or an error (discard, bad parse) expected
    key: str = ""  # unique: position and id (ids repeat in the file)


def read_records(path: Path) -> list[Record]:
    """The ``<Sentence>`` records; the text's line breaks are joined (tidings ends a sentence at one).

    PETRARCH codes a record's ``<Parse>``, not its ``<Text>``: where the text joins words with ``_``
    (``Dol_Amroth``) the parse has them as separate leaves (``(NNP Dol) (NNP Amroth)``), so ``_`` is read
    as a space. Record ids are not unique in the file (two ``AGENTS-18``); records are kept apart by
    their position (``Record.key``)."""
    root = ET.parse(path).getroot()
    out = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").replace("_", " ").split())
        date = s.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 and date.isdigit() else None
        rec = Record(s.get("id", f"s{len(out)}"), iso, text, key=f"{len(out)}:{s.get('id', '')}")
        for coding in s.findall("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true" or coding.get("error"):
                rec.no_events = True
            elif coding.get("eventcode"):
                rec.expected.append((coding.get("sourcecode", "---"), coding.get("targetcode", "---"),
                                     coding.get("eventcode")))
        out.append(rec)
    return out


def _norm_words(text: str) -> str:
    """Upper case, punctuation to spaces; a possessive ``'s`` goes (PETRARCH's quoted new actor is
    built from the parse's words, where "Gryffindor's" is two leaves, and drops the ``POS`` one)."""
    text = re.sub(r"['\u2019][sS]\b", " ", text)
    return " ".join(re.sub(r"[^A-Z0-9 ]", " ", text.upper()).split())


def participant_matches(expected: str, participant) -> bool:
    if expected.startswith('"'):
        return participant is not None and _norm_words(expected.strip('"')) in _norm_words(participant.text)
    if expected.strip("-") == "" or expected.strip("#") == "":
        # '---' and '###' are PETRARCH's null codes (the converter skips both): no coded participant
        return participant is None or participant.code is None
    code = expected[3:] if expected.startswith("---") else expected
    return participant is not None and participant.code == code


def score(data_dir: Path, builtin: bool = False, show: int = 0) -> dict:
    from tidings.convert.petrarch import convert_petrarch
    from tidings.pipeline import Pipeline
    from tidings.settings import Settings

    src = data_dir / SUBDIR
    records = read_records(src / RECORDS)
    with tempfile.TemporaryDirectory(prefix="tidings-petrarch-") as tmp:
        out = Path(tmp)
        report = convert_petrarch(src, out, standalone=not builtin)
        files = list(report.files)
        pipeline = Pipeline(Settings(dictionaries=tuple(files)))
        analyses = run_pipeline((Article(id=r.key or r.id, text=r.text, published=r.date) for r in records), pipeline)
    full = code_only = pair_only = 0
    extra = extra_dyadic = extra_in_empty = 0
    n_expected = sum(len(r.expected) for r in records)
    misses = []
    for r in records:
        a = analyses.get(r.key or r.id)
        events = a.events if a else []
        used: set[int] = set()
        for src_code, tgt_code, code in r.expected:
            hit = next((i for i, e in enumerate(events) if i not in used and e.cameo == code
                        and participant_matches(src_code, e.source) and participant_matches(tgt_code, e.target)), None)
            if hit is not None:
                used.add(hit)
                full += 1
                continue
            if any(e.cameo == code for e in events):
                code_only += 1
            elif any(participant_matches(src_code, e.source) and participant_matches(tgt_code, e.target) for e in events):
                pair_only += 1
            misses.append((r, (src_code, tgt_code, code), events))
        for i, e in enumerate(events):
            if i in used:
                continue
            extra += 1
            extra_dyadic += bool(e.source and e.source.code and e.target and e.target.code)
            extra_in_empty += r.no_events
    return {
        "records": len(records), "expected": n_expected, "reproduced": full, "code_only": code_only,
        "pair_only": pair_only, "extra": extra, "extra_dyadic": extra_dyadic, "extra_in_no_event_records": extra_in_empty,
        "no_event_records": sum(r.no_events for r in records), "events": sum(len(a.events) for a in analyses.values()),
        "misses": misses[:show] if show else [], "conversion": report,
    }


def _fmt_event(e) -> str:
    s = e.source.code if e.source else None
    t = e.target.code if e.target else None
    return f"{s or '---'}>{t or '---'} {e.cameo} ({e.evidence})"


@click.command("petrarch")
@data_option
@click.option("--show", "show", type=int, default=0, help="Print this many expected codings that were not reproduced.")
@click.option("--builtin/--standalone", "builtin", default=False, show_default=True,
              help="Load PETRARCH's converted files next to tidings' built-in actors and patterns (with its "
                   "political-news rules) instead of alone.")
def command(data_dir: Path, show: int, builtin: bool) -> None:
    """PETRARCH-2 unit tests with PETRARCH's own dictionaries: share of expected codings reproduced
    (source, target and CAMEO code), partial matches and extra events."""
    r = score(data_dir, builtin, show)
    for rec, (s, t, c), events in r["misses"]:
        click.echo(f"[{rec.id}] expected {s}>{t} {c}: {rec.text}\n    got: {[_fmt_event(e) for e in events]}")
    conv = r["conversion"]
    click.echo(f"conversion: {conv.total_written} rows written, {conv.total_skipped} source rows skipped "
               f"({', '.join(f'{k} {v}' for k, v in conv.skipped.most_common(3))} ...)")
    n = max(1, r["expected"])
    click.echo(f"records {r['records']}, expected codings {r['expected']}, events {r['events']}")
    click.echo("petrarch unit tests: reproduced %d/%d (%.1f%%), event code only %d (%.1f%%), source/target only %d (%.1f%%), "
               "extra events %d (%d with both actors coded; %d in the %d records expecting none)"
               % (r["reproduced"], r["expected"], 100 * r["reproduced"] / n, r["code_only"], 100 * r["code_only"] / n,
                  r["pair_only"], 100 * r["pair_only"] / n, r["extra"], r["extra_dyadic"],
                  r["extra_in_no_event_records"], r["no_event_records"]))
