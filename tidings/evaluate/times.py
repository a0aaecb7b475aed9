"""`tidings evaluate times`: temporal expressions on TimeML news (TimeBank by default, or AQUAINT).

Scored like the shared reference scorer: the document text is the TimeML TEXT element with its tags
stripped and ``published`` is the document creation time (DCT). A system time matches a gold TIMEX3
when their spans overlap; pairs are taken greedily by overlap, one-to-one. Span F1 counts every such
match; value F1 counts a match only when the upper-cased values are equal. The reference reports all
types and DATE; this command adds TIME, DURATION and SET, each scored within its own type. The
summary line is repeated for the tune and check halves of the documents (``half_of`` the file name):
rules are studied on the tune half only, and the two halves should agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import click

from tidings.evaluate.common import data_option, half_of, overlap, prf, run_pipeline
from tidings.model import Article, TimeRef

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>|([^<]+)")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_ENTITIES = (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'))


@dataclass(frozen=True)
class GoldTime:
    start: int
    end: int
    type: str | None
    value: str | None


def read_tml(path: Path) -> tuple[str, str, list[GoldTime]]:
    """(text, DCT as YYYY-MM-DD, gold times) of one TimeML file, as the reference scorer reads it."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)[:10]
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    chunks: list[str] = []
    opened: list[dict] = []
    pos = 0
    for m in _TAG.finditer(body):
        if m.group(4) is not None:
            chunk = m.group(4)
            for entity, char in _ENTITIES:
                chunk = chunk.replace(entity, char)
            chunks.append(chunk)
            pos += len(chunk)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            opened.append({"start": pos, **dict(_ATTR.findall(m.group(3)))})
        elif m.group(2) == "TIMEX3" and opened:
            opened[-1]["end"] = pos
    gold = [GoldTime(t["start"], t["end"], t.get("type"), t.get("value")) for t in opened if "end" in t]
    return "".join(chunks), dct, gold


def match(gold: list[GoldTime], system: list[TimeRef]) -> tuple[int, int, list[tuple[int, int]]]:
    """Greedy one-to-one relaxed matching: (span matches, value matches, matched (gold, sys) pairs)."""
    pairs = sorted(
        ((overlap(g.start, g.end, s.start, s.end), i, j)
         for i, g in enumerate(gold) for j, s in enumerate(system)
         if overlap(g.start, g.end, s.start, s.end) > 0),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    matched, span_tp, value_tp = [], 0, 0
    for _, i, j in pairs:
        if i in used_g or j in used_s:
            continue
        used_g.add(i)
        used_s.add(j)
        span_tp += 1
        value_tp += str(gold[i].value).upper() == str(system[j].value).upper()
        matched.append((i, j))
    return span_tp, value_tp, matched


class Tally:
    """Counts per scored group: span matches, value matches, system items, gold items."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, group: str, gold: list[GoldTime], system: list[TimeRef]) -> None:
        span_tp, value_tp, _ = match(gold, system)
        c = self.counts.setdefault(group, [0, 0, 0, 0])
        c[0] += span_tp
        c[1] += value_tp
        c[2] += len(system)
        c[3] += len(gold)

    def scores(self, group: str) -> tuple[float, float, int, int]:
        span_tp, value_tp, n_sys, n_gold = self.counts.get(group, [0, 0, 0, 0])
        return prf(span_tp, n_sys, n_gold)[2], prf(value_tp, n_sys, n_gold)[2], n_sys, n_gold


def load_documents(folder: Path) -> dict[str, tuple[str, str, list[GoldTime]]]:
    return {p.name: read_tml(p) for p in sorted(folder.glob("*.tml"))}


def print_errors(docs, results, limit: int) -> None:
    """Gold/system disagreements (missed, spurious, wrong value) for reading, not for scoring."""
    shown = 0
    for name, (text, dct, gold) in docs.items():
        system = results[name].times if name in results else []
        _, _, matched = match(gold, system)
        hit_g = {i for i, _ in matched}
        hit_s = {j for _, j in matched}
        lines = [f"  wrong   {text[gold[i].start:gold[i].end]!r} gold {gold[i].type} {gold[i].value}"
                 f" / sys {system[j].text!r} {system[j].type} {system[j].value}"
                 for i, j in matched if str(gold[i].value).upper() != str(system[j].value).upper()
                 or gold[i].type != system[j].type]
        lines += [f"  missed  {text[g.start:g.end]!r} {g.type} {g.value}" for i, g in enumerate(gold) if i not in hit_g]
        lines += [f"  extra   {s.text!r} {s.type} {s.value}" for j, s in enumerate(system) if j not in hit_s]
        if lines:
            click.echo(f"{name} (DCT {dct})")
            click.echo("\n".join(lines))
            shown += len(lines)
        if shown >= limit:
            return


@click.command("times")
@data_option
@click.option("--dir", "subdir", default="tbaq/TimeBank", show_default=True,
              help="TimeML folder under DATA/time (tbaq/TimeBank or tbaq/AQUAINT).")
@click.option("--min-date-f1", type=float, default=None, help="Exit with status 1 when DATE value F1 is below this.")
@click.option("--errors", "show_errors", type=int, default=0, metavar="N", help="Print up to N disagreements (tune half only).")
def command(data_dir: Path, subdir: str, min_date_f1: float | None, show_errors: int) -> None:
    """Time expressions: span and value F1 against TimeML TIMEX3 annotations."""
    folder = data_dir / "time" / subdir
    docs = load_documents(folder)
    if not docs:
        raise click.ClickException(f"no .tml files in {folder}")
    articles = [Article(id=name, text=text, published=dct) for name, (text, dct, _) in docs.items()]
    results = run_pipeline(articles)
    tallies = {"all": Tally(), "tune": Tally(), "check": Tally()}
    for name, (_, _, gold) in docs.items():
        system = [t for t in (results[name].times if name in results else []) if isinstance(t.start, int)]
        for tally in (tallies["all"], tallies[half_of(name)]):
            tally.add("ALL", gold, system)
            for typ in TYPES:
                tally.add(typ, [g for g in gold if g.type == typ], [s for s in system if s.type == typ])
    if show_errors:
        print_errors({n: d for n, d in docs.items() if half_of(n) == "tune"}, results, show_errors)
    tally = tallies["all"]
    for group in ("ALL",) + TYPES:
        span_f1, value_f1, n_sys, n_gold = tally.scores(group)
        click.echo(f"{group:<8} span F1 {span_f1:.3f}  value F1 {value_f1:.3f}  (gold {n_gold}, system {n_sys})")
    date_value = tally.scores("DATE")[1]
    click.echo(f"times ({subdir}): DATE value F1 {date_value:.3f}, all-types value F1 {tally.scores('ALL')[1]:.3f}")
    for half in ("tune", "check"):
        t = tallies[half]
        n_docs = sum(half_of(n) == half for n in docs)
        click.echo(f"  {half} half ({n_docs} documents): DATE value F1 {t.scores('DATE')[1]:.3f}, "
                   f"all-types value F1 {t.scores('ALL')[1]:.3f}")
    if min_date_f1 is not None and date_value < min_date_f1:
        raise SystemExit(1)
