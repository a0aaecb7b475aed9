"""Quote attribution on PolNeAR, scored exactly as the shared reference scorer does.

Gold is every attribution with a Content span (its source may be absent); a gold attribution is
*direct* when its content holds a quotation mark, and so is a system quote whose span does. A system
quote matches a gold one when their spans overlap by at least 30% of each (one-to-one, greedy by
overlap). A matched speaker is right when its span overlaps the gold source, or the surname of
``speaker_name`` occurs in the gold source. The summary line is repeated for the tune and check halves
of the articles (``half_of`` the file stem): rules are studied on the tune half only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from tidings.evaluate.common import data_option, half_of, overlap, prf, run_pipeline
from tidings.model import Analysis, Article

QUOTE_CHARS = '"\u201c\u201d\u00ab\u00bb'
MIN_OVERLAP = 0.3
_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass
class GoldAttribution:
    content: tuple[int, int]
    source: list[tuple[int, int]]


@dataclass
class Tally:
    matched: int = 0
    system: int = 0
    gold: int = 0


@dataclass
class QuoteScores:
    direct: Tally = field(default_factory=Tally)
    all: Tally = field(default_factory=Tally)
    speaker_right: int = 0
    speaker_total: int = 0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_total if self.speaker_total else 0.0


def read_attributions(path: Path) -> list[GoldAttribution]:
    """Attributions with a Content span from a BRAT ``.ann`` file (discontinuous spans are joined)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        if parts[0].startswith("T") and " " in parts[1]:
            _, ranges = parts[1].split(" ", 1)
            try:
                spans[parts[0]] = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]  # type: ignore[misc]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for event in events:
        content = spans.get(event.get("Content", ""), [])
        if content:
            out.append(GoldAttribution((content[0][0], content[-1][1]), spans.get(event.get("Source", ""), [])))
    return out


def load_split(data_dir: Path, split: str) -> tuple[list[Article], dict[str, tuple[str, list[GoldAttribution]]]]:
    """Articles and gold attributions of one PolNeAR split (first annotator's file per article)."""
    root = data_dir / "quotes" / "polnear" / split
    articles, gold = [], {}
    for text_path in sorted((root / "text").glob("*.txt")):
        stem = text_path.stem
        anns = sorted((root / "attributions").glob(stem + "*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        m = _DATE.search(stem)
        articles.append(Article(id=stem, text=text, published=m.group(1) if m else None, origin=str(text_path)))
        gold[stem] = (text, read_attributions(anns[0]))
    return articles, gold


def _is_direct(text: str) -> bool:
    return any(c in text for c in QUOTE_CHARS)


def _match(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), greedy by overlap, each overlapping 30% of both."""
    pairs = []
    for i, (g0, g1) in enumerate(gold):
        for j, (s0, s1) in enumerate(system):
            ov = overlap(g0, g1, s0, s1)
            if ov >= MIN_OVERLAP * (g1 - g0) and ov >= MIN_OVERLAP * (s1 - s0):
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            out.append((i, j))
    return out


def speaker_is_right(text: str, gold: GoldAttribution, quote) -> bool:
    spk = quote.speaker
    if spk is not None and any(overlap(s0, s1, spk.start, spk.end) > 0 for s0, s1 in gold.source):
        return True
    name = (quote.speaker_name or "").strip()
    if not name:
        return False
    surname = name.split()[-1].lower()
    source_text = " ".join(text[s0:s1] for s0, s1 in gold.source).lower()
    return len(surname) > 2 and surname in source_text


def score(gold: dict[str, tuple[str, list[GoldAttribution]]], analyses: dict[str, Analysis]) -> QuoteScores:
    scores = QuoteScores()
    for stem, (text, attributions) in gold.items():
        analysis = analyses.get(stem)
        quotes = list(analysis.quotes) if analysis else []
        for kind, tally in (("all", scores.all), ("direct", scores.direct)):
            g = [a for a in attributions if kind == "all" or _is_direct(text[a.content[0]:a.content[1]])]
            s = [q for q in quotes if kind == "all" or _is_direct(text[q.start:q.end])]
            matched = _match([a.content for a in g], [(q.start, q.end) for q in s])
            tally.matched += len(matched)
            tally.system += len(s)
            tally.gold += len(g)
            if kind != "all":
                continue
            for i, j in matched:
                if not g[i].source:
                    continue
                scores.speaker_total += 1
                scores.speaker_right += speaker_is_right(text, g[i], s[j])
    return scores


def report(scores: QuoteScores, split: str) -> list[str]:
    pd, rd, fd = prf(scores.direct.matched, scores.direct.system, scores.direct.gold)
    pa, ra, fa = prf(scores.all.matched, scores.all.system, scores.all.gold)
    return [
        "direct P/R/F1 %.3f/%.3f/%.3f (gold %d)" % (pd, rd, fd, scores.direct.gold),
        "all    P/R/F1 %.3f/%.3f/%.3f (gold %d)" % (pa, ra, fa, scores.all.gold),
        "speaker accuracy %.3f (%d of %d matched attributions with a gold source)"
        % (scores.speaker_accuracy, scores.speaker_right, scores.speaker_total),
        "quotes (PolNeAR %s): direct F1 %.3f, all F1 %.3f, speaker accuracy %.3f (n=%d)"
        % (split, fd, fa, scores.speaker_accuracy, scores.speaker_total),
    ]


@click.command("quotes")
@data_option
@click.option("--split", type=click.Choice(["dev", "train"]), default="dev", show_default=True,
              help="Which PolNeAR split to score.")
def command(data_dir: Path, split: str) -> None:
    """Score quote attribution on PolNeAR, as the shared reference scorer does.

    Example: tidings evaluate quotes --split dev
    """
    articles, gold = load_split(data_dir, split)
    if not articles:
        raise click.ClickException(f"no PolNeAR articles under {data_dir / 'quotes' / 'polnear' / split}")
    analyses = run_pipeline(articles)
    for line in report(score(gold, analyses), split):
        click.echo(line)
    for half in ("tune", "check"):
        part = {stem: g for stem, g in gold.items() if half_of(stem) == half}
        click.echo(f"  {half} half ({len(part)} articles): " + report(score(part, analyses), split)[-1])
