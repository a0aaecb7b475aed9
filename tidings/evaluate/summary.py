"""`tidings evaluate summary`: ROUGE-1/2/L of the summaries on the BBC set, against Lead-3.

Scored like the shared reference scorer: the first line of each article is its title, the rest its
text; ROUGE F1 on lower-cased alphanumeric tokens; Lead-3 is computed by the same code in the same run.
"""
from __future__ import annotations

import re
from pathlib import Path

import click

from tidings.evaluate.common import data_option, run_pipeline
from tidings.model import Article

_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _ngrams(toks: list[str], n: int) -> dict[tuple, int]:
    out: dict[tuple, int] = {}
    for i in range(len(toks) - n + 1):
        key = tuple(toks[i:i + n])
        out[key] = out.get(key, 0) + 1
    return out


def _f1(hit: int, n_sys: int, n_ref: int) -> float:
    p, r = hit / max(1, n_sys), hit / max(1, n_ref)
    return 2 * p * r / (p + r) if p + r else 0.0


def rouge_n(system: list[str], reference: list[str], n: int) -> float:
    a, b = _ngrams(system, n), _ngrams(reference, n)
    hit = sum(min(c, b.get(k, 0)) for k, c in a.items())
    return _f1(hit, sum(a.values()), sum(b.values()))


def rouge_l(system: list[str], reference: list[str]) -> float:
    if not system or not reference:
        return 0.0
    prev = [0] * (len(reference) + 1)
    for x in system:
        cur = [0]
        for j, y in enumerate(reference):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return _f1(prev[-1], len(system), len(reference))


def lead3(body: str) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", body.replace("\n", " ").strip())[:3])


def load_bbc(root: Path) -> dict[str, tuple[str, str, str]]:
    """{relative path: (title, body, reference summary)}"""
    items = {}
    for path in sorted((root / "article").glob("*/*.txt")):
        rel = path.relative_to(root / "article")
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        ref = (root / "summary" / rel).read_text(encoding="utf-8", errors="replace")
        items[str(rel)] = (lines[0].strip(), "\n".join(lines[1:]).strip(), ref)
    return items


@click.command("summary")
@data_option
def command(data_dir: Path) -> None:
    """ROUGE-1/2/L F1 of tidings' summaries on the BBC set, beside Lead-3 (same code, same run)."""
    items = load_bbc(data_dir / "summaries" / "bbc")
    if not items:
        raise click.ClickException(f"no BBC articles under {data_dir / 'summaries' / 'bbc'}")
    analyses = run_pipeline(Article(id=k, title=t, text=b) for k, (t, b, _) in items.items())
    ours, lead = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]
    for key, (_, body, ref) in items.items():
        a = analyses.get(key)
        summary = a.summary.text if a is not None and a.summary is not None else ""
        ref_toks = tokens(ref)
        for total, text in ((ours, summary), (lead, lead3(body))):
            toks = tokens(text)
            total[0] += rouge_n(toks, ref_toks, 1)
            total[1] += rouge_n(toks, ref_toks, 2)
            total[2] += rouge_l(toks, ref_toks)
    n = len(items)
    s = [100 * x / n for x in ours]
    l3 = [100 * x / n for x in lead]
    click.echo("lead-3   R1/R2/RL %.1f/%.1f/%.1f" % tuple(l3))
    click.echo("tidings  R1/R2/RL %.1f/%.1f/%.1f" % tuple(s))
    click.echo("summary (BBC, %d articles): R1/R2/RL %.1f/%.1f/%.1f vs Lead-3 %.1f/%.1f/%.1f" % (n, *s, *l3))
