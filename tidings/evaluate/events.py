"""`tidings evaluate events`: event coding on PLOVER-annotated news sentences, and over-generation on
sports and business news.

PLOVER (``events/plover-train.tsv``), scored like the shared reference scorer: each distinct sentence
is analysed once; a gold row's 'pair' matches are the events whose source span overlaps the gold
source and whose target span overlaps the gold target. The predicted type is that of the most
confident pair match, else of the most confident event whose source overlaps the gold source, else
NONE; gold YIELD accepts CONCEDE or RETREAT. Reports pair recall, typed recall, 15-class macro-F1,
accuracy, quad macro-F1 and extra (unmatched) events per sentence.
"""
from __future__ import annotations

import csv
import html
import re
from collections import Counter
from pathlib import Path

import click

from tidings.evaluate.common import data_option, half_of, overlap, run_pipeline
from tidings.model import Article

CLASSES = ["AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
           "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
_MARK = re.compile(r"<(/?)([st])>|([^<]+|<)")


def norm(plover: str | None) -> str:
    return "YIELD" if plover in ("CONCEDE", "RETREAT", "YIELD") else (plover or "NONE")


def marked_spans(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Plain text and the <s>/<t> spans of a marked sentence."""
    plain, spans, pos, stack = [], {"s": [], "t": []}, 0, []
    for m in _MARK.finditer(marked):
        if m.group(3) is not None:
            plain.append(m.group(3))
            pos += len(m.group(3))
        elif not m.group(1):
            stack.append((m.group(2), pos))
        else:
            tag, start = stack.pop()
            spans[tag].append((start, pos))
    return "".join(plain), spans


def macro_f1(gold: list[str], pred: list[str], classes: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        n_pred, n_gold = pred.count(c), gold.count(c)
        if n_gold == 0:
            continue
        p, r = (tp / n_pred if n_pred else 0.0), tp / n_gold
        per[c] = 2 * p * r / (p + r) if p + r else 0.0
    return (sum(per.values()) / len(per) if per else 0.0), per


def _overlaps(participant, spans) -> bool:
    return participant is not None and any(overlap(a, b, participant.start, participant.end) > 0 for a, b in spans)


def score_plover(path: Path, show_errors: int = 0) -> dict:
    """The figures for the whole file, and under "halves" for its tune and check halves (``half_of``
    the sentence); the rows printed as errors come from the tune half only."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    ids: dict[str, str] = {}
    for r in rows:
        r["_plain"], r["_spans"] = marked_spans(r["marked_sentence"])
        ids.setdefault(r["_plain"], f"s{len(ids)}")
    analyses = run_pipeline(Article(id=i, text=t) for t, i in ids.items())
    out = _plover_metrics(rows, ids, analyses, show_errors)
    out["halves"] = {h: _plover_metrics([r for r in rows if half_of(r["_plain"]) == h], ids, analyses, 0)
                     for h in ("tune", "check")}
    return out


def _plover_metrics(rows: list[dict], all_ids: dict[str, str], analyses, show_errors: int) -> dict:
    texts = {r["_plain"] for r in rows}
    ids = {t: i for t, i in all_ids.items() if t in texts}
    gold_t, pred_t, gold_q, pred_q, errors = [], [], [], [], []
    pair_hits = typed_hits = 0
    matched: dict[str, set[int]] = {}
    for r in rows:
        sid = ids[r["_plain"]]
        events = analyses[sid].events if sid in analyses else []
        pair = [e for e in events if _overlaps(e.source, r["_spans"]["s"]) and _overlaps(e.target, r["_spans"]["t"])]
        pair.sort(key=lambda e: -e.confidence)
        gold = norm(r["plover"])
        if pair:
            pair_hits += 1
            typed_hits += any(norm(e.plover) == gold for e in pair)
            chosen = pair[0]
            matched.setdefault(sid, set()).add(id(chosen))
        else:
            by_source = sorted((e for e in events if _overlaps(e.source, r["_spans"]["s"])), key=lambda e: -e.confidence)
            chosen = by_source[0] if by_source else None
        pred = norm(chosen.plover) if chosen else "NONE"
        gold_t.append(gold)
        pred_t.append(pred)
        gold_q.append(str(r["quad"]))
        pred_q.append(str(chosen.quad) if chosen else "NONE")
        if pred != gold and half_of(r["_plain"]) == "tune":
            errors.append((gold, pred, r["marked_sentence"], [(e.cameo, e.trigger.text, e.evidence) for e in events]))
    n_events = sum(len(analyses[i].events) for i in ids.values() if i in analyses)
    extra = (n_events - sum(len(v) for v in matched.values())) / max(1, len(ids))
    mf1, per_class = macro_f1(gold_t, pred_t, CLASSES)
    qf1, _ = macro_f1(gold_q, pred_q, sorted(set(gold_q)))
    return {
        "rows": len(rows), "sentences": len(ids), "events": n_events, "macro_f1": mf1, "per_class": per_class,
        "accuracy": sum(g == p for g, p in zip(gold_t, pred_t)) / len(rows), "quad_f1": qf1,
        "pair": pair_hits / len(rows), "pair_typed": typed_hits / len(rows), "extra": extra,
        "confusion": Counter(zip(gold_t, pred_t)), "errors": errors[:show_errors],
    }


def score_overgeneration(path: Path, limit: int | None = None) -> dict[str, tuple[int, int, int]]:
    """Per AG News class: (items, items with at least one event, events)."""
    labels = {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))[:limit]
    articles = [Article(id=str(i), text=html.unescape(f"{r['title']}.\n\n{r['description']}").replace("\\", " "))
                for i, r in enumerate(rows)]
    analyses = run_pipeline(articles)
    out: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        a = analyses.get(str(i))
        n = len(a.events) if a else 0
        c = out.setdefault(labels.get(r["class"], r["class"]), [0, 0, 0])
        c[0] += 1
        c[1] += n > 0
        c[2] += n
    return {k: tuple(v) for k, v in out.items()}


@click.command("events")
@data_option
@click.option("--file", "file_name", default="plover-train.tsv", show_default=True, help="PLOVER file under events/.")
@click.option("--errors", "show_errors", type=int, default=0, help="Print this many mis-typed rows.")
@click.option("--overgeneration/--no-overgeneration", default=True, show_default=True,
              help="Also count events in AG News sports and business items (news/agnews-dev.csv).")
@click.option("--limit", type=int, default=None, help="Only the first N AG News items.")
def command(data_dir: Path, file_name: str, show_errors: int, overgeneration: bool, limit: int | None) -> None:
    """Event coding: PLOVER type macro-F1, quad macro-F1, source/target pairs found, extra events;
    and the rate of events in sports and business news (should be near zero)."""
    r = score_plover(data_dir / "events" / file_name, show_errors)
    for gold, pred, sentence, events in r["errors"]:
        click.echo(f"[{gold} -> {pred}] {sentence}\n    events: {events}")
    click.echo("per class F1: " + ", ".join(f"{c} {f:.2f}" for c, f in r["per_class"].items()))
    click.echo(f"rows {r['rows']}, sentences {r['sentences']}, events {r['events']}")
    click.echo("events (PLV %s): macro-F1 %.3f, accuracy %.3f, quad macro-F1 %.3f, pair found %.3f, "
               "pair+type %.3f, extra/sentence %.2f" % (file_name, r["macro_f1"], r["accuracy"], r["quad_f1"],
                                                        r["pair"], r["pair_typed"], r["extra"]))
    for half, h in r["halves"].items():
        click.echo(f"  {half} half ({h['rows']} rows): macro-F1 {h['macro_f1']:.3f}, accuracy {h['accuracy']:.3f}, "
                   f"quad macro-F1 {h['quad_f1']:.3f}, pair found {h['pair']:.3f}, extra/sentence {h['extra']:.2f}")
    if overgeneration:
        counts = score_overgeneration(data_dir / "news" / "agnews-dev.csv", limit)
        for label, (items, with_events, n) in counts.items():
            click.echo(f"AG News {label:<9} {items:5d} items, {with_events:5d} with events ({100 * with_events / max(1, items):.1f}%), "
                       f"{n / max(1, items):.2f} events/item")
