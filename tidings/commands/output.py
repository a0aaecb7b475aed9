"""Rows out: a table on a terminal, JSON Lines (``--json``) or CSV (``--csv``) for pipes."""
from __future__ import annotations

import csv
import dataclasses
import json
import sys
from typing import Any, Iterable, Sequence

import click

#: the columns a table shows for each kind of row (JSON and CSV carry every field)
TABLE_COLUMNS = {
    "EventRow": ("day", "source", "target", "symmetric", "cameo", "plover", "mode", "source_name", "target_name",
                 "article_id"),
    "QuoteRow": ("day", "speaker_name", "kind", "text"),
    "ActorRow": ("code", "events", "as_source", "as_target", "mentions", "articles", "goldstein_mean"),
    "DyadPoint": ("period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "forward", "backward",
                  "symmetric"),
    "DyadRow": ("source", "target", "undirected", "events", "symmetric", "q1", "q2", "q3", "q4", "goldstein_mean"),
    "StoryRow": ("id", "first_date", "last_date", "article_count", "title"),
    "ArticleRow": ("id", "day", "outlet", "num_articles", "title"),
}
MAX_CELL = 90
#: columns that hold a day: an empty one is an undated row (no publication date, no date of its own)
DAY_COLUMNS = frozenset({"day", "first_date", "last_date", "first_day", "last_day"})
UNDATED = "undated"


def output_options(f):
    f = click.option("--csv", "as_csv", is_flag=True, help="Write CSV (every field).")(f)
    f = click.option("--json", "as_json", is_flag=True, help="Write JSON Lines (every field).")(f)
    return f


def as_dict(row: Any) -> dict:
    return dataclasses.asdict(row) if dataclasses.is_dataclass(row) else dict(row)


def emit(rows: Sequence[Any], as_json: bool, as_csv: bool, title: str | None = None) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(as_dict(row), ensure_ascii=False, default=str))
    elif as_csv:
        write_csv(rows, sys.stdout)
    else:
        print_table(rows, title)


def write_csv(rows: Sequence[Any], fh) -> None:
    dicts = [_flat(as_dict(r)) for r in rows]
    if not dicts:
        return
    writer = csv.DictWriter(fh, fieldnames=list(dicts[0]), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(dicts)


def _flat(d: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in d.items()}


def print_table(rows: Sequence[Any], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not rows:
        console.print("[dim]nothing found[/dim]")
        return
    columns = TABLE_COLUMNS.get(type(rows[0]).__name__) or tuple(as_dict(rows[0]))
    table = Table(title=title, title_justify="left", show_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        d = as_dict(row)
        table.add_row(*(UNDATED if c in DAY_COLUMNS and d.get(c) is None else _cell(d.get(c)) for c in columns))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    text = str(value)
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def print_mapping(pairs: Iterable[tuple[str, Any]]) -> None:
    for key, value in pairs:
        click.echo(f"{key:<14} {'-' if value is None else value}")
