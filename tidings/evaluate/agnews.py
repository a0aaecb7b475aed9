"""`tidings evaluate agnews`: event triples on 2004 wire news, scored like the shared reference scorer.

Each item of ``events/agnews-dev-gold.jsonl`` (gold written to ``events/agnews-GUIDE.md``) is analysed
as title + blank line + description, published 2004-08-20 (AG News carries no dates). Gold and
system events are reduced to country-level triples (source country, target country, PLOVER type),
asserted only (gold: modality asserted and not negated; system: mode asserted), and matched as
multisets per item. A country is the first three letters of an actor code, ``IGO`` for any IGO code.
Reports triple P/R/F1, (source, type) F1, main-event recall and asserted events per non-World item,
for the whole set and for each half of it (``half_of`` the item id): rules are studied on the tune
half only, and the two halves should agree. ``--split-spread N`` also scores N random halvings, to
show how far apart two halves fall by chance at this sample size.
"""
from __future__ import annotations

import json
import random
import statistics
from collections import Counter
from pathlib import Path

import click

from tidings.evaluate.common import data_option, half_of, prf, run_pipeline
from tidings.ingest.records import article_from_record
from tidings.model import Analysis, Article

PUBLISHED = "2004-08-20"


def country_of(code: str | None) -> str:
    if not code:
        return ""
    code = code.upper()
    return "IGO" if code.startswith("IGO") else code[:3]


def load_items(path: Path) -> list[dict]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                g = json.loads(line)
                body = g["text"]
                if body.startswith(g["title"] + "\n\n"):
                    body = body[len(g["title"]) + 2:]
                items.append({"id": g["id"], "title": g["title"], "body": body, "class": g.get("class", 1),
                              "events": g["events"]})
    return items


def system_triples(analysis: Analysis | None) -> Counter:
    events = [e for e in (analysis.events if analysis else []) if e.mode == "asserted"]
    return Counter((country_of(e.source.code if e.source else None), country_of(e.target.code if e.target else None),
                    e.plover) for e in events)


def gold_triples(item: dict) -> Counter:
    return Counter((e["source"]["country"], e["target"]["country"], e["type"]) for e in item["events"]
                   if e.get("modality") == "asserted" and not e.get("negated"))


def score(items: list[dict], analyses: dict[str, Analysis]) -> dict:
    t3, t2 = [0, 0, 0], [0, 0, 0]
    main_hit = main_n = other_items = other_events = 0
    for it in items:
        a = analyses.get(it["id"])
        s3, g3 = system_triples(a), gold_triples(it)
        if it["class"] != 1:
            other_items += 1
            other_events += sum(s3.values())
        g2 = Counter((s, t) for s, _, t in g3.elements())
        s2 = Counter((s, t) for s, _, t in s3.elements())
        for tot, g, s in ((t3, g3, s3), (t2, g2, s2)):
            tot[0] += sum((g & s).values())
            tot[1] += sum(s.values())
            tot[2] += sum(g.values())
        for e in it["events"]:
            if e.get("main") and e.get("modality") == "asserted" and not e.get("negated"):
                main_n += 1
                main_hit += any(k[0] == e["source"]["country"] and k[2] == e["type"] for k in s3)
    p, r, f = prf(*t3)
    return {"items": len(items), "p": p, "r": r, "f1": f, "gold": t3[2], "system": t3[1],
            "source_type_f1": prf(*t2)[2], "main_recall": main_hit / max(1, main_n),
            "other_items": other_items, "other_per_item": other_events / max(1, other_items)}


def split_spread(items: list[dict], analyses: dict[str, Analysis], rounds: int, seed: int = 2004) -> dict:
    """How far apart two halves score when the split owes nothing to tuning: the triple F1 of
    ``rounds`` random halvings of ``items`` (seeded, so the same every run), as the median and 90th
    percentile of the gap |F1(A) - F1(B)| and the share of splits within 3 points. It tells how
    much of the gap between the tune and check halves the sample size alone would give."""
    rng = random.Random(seed)
    gaps = []
    for _ in range(rounds):
        chosen = {it["id"] for it in items if rng.random() < 0.5}
        a = score([it for it in items if it["id"] in chosen], analyses)
        b = score([it for it in items if it["id"] not in chosen], analyses)
        gaps.append(abs(a["f1"] - b["f1"]))
    gaps.sort()
    return {"rounds": rounds, "median": statistics.median(gaps) if gaps else 0.0,
            "p90": gaps[int(0.9 * (len(gaps) - 1))] if gaps else 0.0,
            "within_3": sum(g <= 0.03 for g in gaps) / max(1, len(gaps))}


def describe(it: dict, a: Analysis | None) -> str:
    g3, s3 = gold_triples(it), system_triples(a)
    lines = [f"--- {it['id']} (class {it['class']}) missing {sorted((g3 - s3).elements())} extra {sorted((s3 - g3).elements())}",
             f"    {it['title']} || {it['body'][:300]}"]
    for e in it["events"]:
        lines.append(f"    gold {e['type']:9} {e['source']['text'][:30]!r}({e['source']['country']}) -> "
                     f"{e['target']['text'][:30]!r}({e['target']['country']}) [{e['trigger']}] {e['modality']}")
    for e in (a.events if a else []):
        lines.append(f"    sys  {e.plover or e.cameo:9} {e.source.text[:30] if e.source else ''!r}({e.source.code if e.source else ''}) -> "
                     f"{e.target.text[:30] if e.target else ''!r}({e.target.code if e.target else ''}) [{e.trigger.text}] {e.mode} {e.cameo} :: {e.evidence[:70]}")
    return "\n".join(lines)


def run(path: Path) -> tuple[list[dict], dict[str, Analysis]]:
    items = load_items(path)
    return items, analyse_items(items)


def analyse_items(items: list[dict]) -> dict[str, Analysis]:
    """{id: Analysis} of items read as `tidings analyze items.jsonl` reads them (the shared scorer's
    way): title + blank line + description, residue unescaped, published on PUBLISHED."""
    return run_pipeline(article_from_record({"id": it["id"], "title": it["title"], "published": PUBLISHED,
                                             "text": it["title"] + "\n\n" + it["body"]}, it["id"], it["id"])
                        for it in items)


@click.command("agnews")
@data_option
@click.option("--gold", "gold_name", default="agnews-dev-gold.jsonl", show_default=True, help="Gold file under events/.")
@click.option("--errors", "show_errors", type=int, default=0,
              help="Print this many tune-half items whose triples differ from the gold (never the check half).")
@click.option("--split-spread", "spread_rounds", type=int, default=0,
              help="Also score this many random halvings and report how far apart their halves fall by chance.")
def command(data_dir: Path, gold_name: str, show_errors: int, spread_rounds: int) -> None:
    """Event triples on wire news (AG News): country-level (source, target, type) F1, asserted events,
    for the whole set and for its tune and check halves."""
    items, analyses = run(data_dir / "events" / gold_name)
    if show_errors:
        wrong = [it for it in items if half_of(it["id"]) == "tune"
                 and system_triples(analyses.get(it["id"])) != gold_triples(it)]
        for it in wrong[:show_errors]:
            click.echo(describe(it, analyses.get(it["id"])))
    for label, subset in (("all", items), ("tune half", [i for i in items if half_of(i["id"]) == "tune"]),
                          ("check half", [i for i in items if half_of(i["id"]) == "check"])):
        r = score(subset, analyses)
        click.echo(f"events (AG News {gold_name}, {label}, {r['items']} items): triple P/R/F1 "
                   f"{r['p']:.3f}/{r['r']:.3f}/{r['f1']:.3f} (gold {r['gold']}, system {r['system']}), "
                   f"source+type F1 {r['source_type_f1']:.3f}, main-event recall {r['main_recall']:.3f}, "
                   f"non-World {r['other_per_item']:.2f} asserted events/item")
    if spread_rounds:
        tune = score([i for i in items if half_of(i["id"]) == "tune"], analyses)["f1"]
        check = score([i for i in items if half_of(i["id"]) == "check"], analyses)["f1"]
        r = split_spread(items, analyses, spread_rounds)
        click.echo(f"halves by chance ({r['rounds']} random halvings): triple F1 gap median {r['median']:.3f}, "
                   f"90th percentile {r['p90']:.3f}, within 0.03 in {r['within_3']:.0%} of splits; "
                   f"tune vs check gap {abs(tune - check):.3f}")
