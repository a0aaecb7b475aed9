"""`tidings export events`: the store's events as GDELT-style CSV, JSON Lines or Parquet."""
from __future__ import annotations

import click

from tidings.commands.ask import event_filters
from tidings.commands.common import db_option, fail, opened_store


@click.group()
def export() -> None:
    """Export from the store."""


@export.command("events")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True)
@click.option("--out", default="-", show_default=True, help="Output file (- for standard output; parquet needs a file).")
@event_filters
@db_option
def export_events_command(fmt, out, source, target, plover_type, cameo, mode, since, until, story, db) -> None:
    """Events as CSV with GDELT 2.0 event-table column names (GLOBALEVENTID, SQLDATE, Actor1Code, ...,
    QuadClass, GoldsteinScale, NumArticles, NumSources, ActionGeo_*, SOURCEURL) plus tidings' own
    columns (PloverType, Mode, Confidence, Evidence, offsets); or JSON Lines / Parquet with the same columns.

    \b
    Examples:
      tidings export events --format csv --out events.csv
      tidings export events --format parquet --out events.parquet --source RUS --since 2022-01-01
    """
    from tidings.store.export import export_events

    with opened_store(db, readonly=True) as store:
        try:
            n = export_events(store, fmt=fmt, out=out, source=source, target=target,
                              plover_type=plover_type and plover_type.upper(), cameo=cameo, mode=mode,
                              since=since, until=until, story=story)
        except (ValueError, OSError) as exc:
            fail(str(exc))
    click.echo(f"exported {n} event(s)" + ("" if out == "-" else f" to {out}"), err=True)
