"""A readable, terminal report of one analysis (rich)."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tidings.model import Analysis

MAX_QUOTE_CHARS = 240


def render(analysis: Analysis) -> Panel:
    parts: list = []
    if analysis.summary is not None:
        parts.append(Text.assemble(("Summary  ", "bold"), analysis.summary.text))
    if analysis.standfirst is not None:
        parts.append(Text(f"(standfirst restates sentence {analysis.standfirst.duplicates + 1}; counted once)", style="dim"))
    parts.append(_actors(analysis))
    parts.append(_quotes(analysis))
    parts.append(_times(analysis))
    parts.append(_places(analysis))
    notes = [f"warning: {w}" for w in analysis.warnings]
    notes += [f"left out: the {f.layer} layer ({f.error})" for f in analysis.failed_layers]
    if notes:
        parts.append(Text("\n".join(notes), style="yellow"))
    title = analysis.title or analysis.id
    subtitle = f"{analysis.id} · published {analysis.published or 'unknown'} · {len(analysis.sentences)} sentences"
    return Panel(Group(*[p for p in parts if p is not None]), title=f"[bold]{title}[/bold]", subtitle=subtitle,
                 title_align="left", subtitle_align="left")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False, show_edge=False, pad_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _actors(a: Analysis):
    if not a.actors:
        return Text("Actors: none found", style="dim")
    t = _table("Actors", "code", "name", "kind", "mentions")
    for actor in a.actors:
        names = sorted({m.text for m in actor.mentions})
        t.add_row(actor.code or "-", actor.name, actor.kind, f"{len(actor.mentions)}: " + ", ".join(names[:4]))
    return t


def _quotes(a: Analysis):
    if not a.quotes:
        return Text("Quotes: none found", style="dim")
    t = _table("Quotes", "speaker", "kind", "quote")
    for q in a.quotes:
        speaker = q.speaker_name or (q.speaker.text if q.speaker else "?")
        if q.speaker and q.speaker_name and q.speaker.text != q.speaker_name:
            speaker += f" ({q.speaker.text})"
        body = q.text if len(q.text) <= MAX_QUOTE_CHARS else q.text[:MAX_QUOTE_CHARS] + "…"
        t.add_row(speaker, q.kind, body)
    return t


def _times(a: Analysis):
    if not a.times:
        return Text("Times: none found", style="dim")
    t = _table("Times", "text", "type", "value")
    for tr in a.times:
        t.add_row(tr.text, tr.type, tr.value or "?")
    return t


def _places(a: Analysis):
    if not a.places:
        return Text("Places: none found", style="dim")
    t = _table("Places", "text", "name", "country", "lat, lon")
    for p in a.places:
        coords = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "-"
        t.add_row(p.text, p.name, p.country or "-", coords)
    return t


def print_report(analysis: Analysis, console: Console) -> None:
    console.print(render(analysis))
