"""Asking the store: `tidings events`, `quotes`, `actors`, `dyad`, `stories`, `show`."""
from __future__ import annotations

import json

import click

from tidings.commands.common import date_option, db_option, fail, opened_store
from tidings.commands.output import UNDATED, emit, output_options, print_mapping, print_table

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODES = ("asserted", "negated", "future", "hypothetical", "background")


def paging(f):
    f = click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many rows.")(f)
    f = click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True, help="Rows to show.")(f)
    return f


def event_filters(f):
    for opt in reversed([
        click.option("--source", metavar="CODE", help="Source actor code or prefix (RUS matches RUSGOV)."),
        click.option("--target", metavar="CODE", help="Target actor code or prefix."),
        click.option("--type", "plover_type", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER type."),
        click.option("--cameo", metavar="CODE", help="CAMEO code or prefix (19 = all fighting)."),
        click.option("--mode", type=click.Choice(MODES), help="Only events in this mode (default: all)."),
        date_option("--since", "Events on or after this day."),
        date_option("--until", "Events on or before this day."),
        click.option("--story", metavar="ID", help="Only events of this story."),
    ]):
        f = opt(f)
    return f


@click.command()
@event_filters
@paging
@db_option
@output_options
def events(source, target, plover_type, cameo, mode, since, until, story, limit, offset, db, as_json, as_csv) -> None:
    """Coded events, newest first.

    \b
    Example:
      tidings events --source RUS --target USA --type REJECT --since 2022-01-01
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.events(source=source, target=target, plover_type=plover_type and plover_type.upper(),
                                    cameo=cameo, since=since, until=until, story=story, mode=mode, limit=limit, offset=offset)
    emit(rows, as_json, as_csv)


@click.command()
@click.option("--speaker", help="Part of the speaker's name (any case).")
@click.option("--search", help='Words in the quote or its speaker\'s name: all of them, other forms too; "a phrase", '
                               'a OR b, -word, prefix*.')
@click.option("--actor", metavar="CODE", help="Speaker's actor code or prefix.")
@date_option("--since", "Quotes from articles on or after this day.")
@date_option("--until", "Quotes from articles on or before this day.")
@paging
@db_option
@output_options
def quotes(speaker, search, actor, since, until, limit, offset, db, as_json, as_csv) -> None:
    """Who said what: quotes with their speakers, newest first.

    \b
    Example:
      tidings quotes --speaker Peskov --search optimism
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.quotes(speaker=speaker, search=search, actor=actor, since=since, until=until,
                                    limit=limit, offset=offset)
    emit(rows, as_json, as_csv)


@click.command()
@click.option("--prefix", metavar="CODE", help="Only codes starting with this (RUS).")
@click.option("--order", type=click.Choice(["events", "mentions", "code"]), default="events", show_default=True)
@date_option("--since", "Count events on or after this day.")
@date_option("--until", "Count events on or before this day.")
@paging
@db_option
@output_options
def actors(prefix, order, since, until, limit, offset, db, as_json, as_csv) -> None:
    """Actors in the store, busiest first, with event and mention counts.

    \b
    Example:
      tidings actors --prefix RUS
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.actors(prefix=prefix, since=since, until=until, order=order, limit=limit, offset=offset)
    emit(rows, as_json, as_csv)


@click.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="week", show_default=True)
@click.option("--directed", is_flag=True,
              help="Only A -> B events, and the symmetric events between A and B (default: both directions).")
@date_option("--since", "First day.")
@date_option("--until", "Last day.")
@db_option
@output_options
def dyad(a, b, by, directed, since, until, db, as_json, as_csv) -> None:
    """How relations between two actors move: events per period by quad class, Goldstein sum and mean.

    A and B are actor codes or prefixes. Counts are asserted events (not negated, future or
    hypothetical ones). forward counts A -> B, backward B -> A, symmetric the events with no direction
    (talks, meetings, clashes between A and B), each once; with --directed, A -> B and symmetric.

    \b
    Example:
      tidings dyad RUS USA --by week
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.dyad(a, b, by=by, since=since, until=until, directed=directed)
    emit(rows, as_json, as_csv, title=f"{a} {'->' if directed else '<->'} {b} by {by}")


@click.command("top-dyads")
@click.option("-n", "n", type=click.IntRange(1, 10_000), default=50, show_default=True)
@date_option("--since", "First day.")
@date_option("--until", "Last day.")
@click.option("--undirected", is_flag=True, help="Merge A->B, B->A and the pair's symmetric events.")
@db_option
@output_options
def top_dyads(n, since, until, undirected, db, as_json, as_csv) -> None:
    """The most active dyads (asserted events).

    A->B and B->A are rows apart; a pair's symmetric events (talks, meetings, clashes: no direction)
    are one more row, marked undirected, its codes in alphabetical order.

    \b
    Example:
      tidings top-dyads -n 20 --since 2022-01-01
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.top_dyads(n, since=since, until=until, directed=not undirected)
    emit(rows, as_json, as_csv)


@click.command()
@click.option("--search", help='Words in the title or summary: all of them, other forms too; "a phrase", a OR b, '
                               '-word, prefix*.')
@date_option("--since", "Stories running on or after this day.")
@date_option("--until", "Stories running on or before this day.")
@paging
@db_option
@output_options
def stories(search, since, until, limit, offset, db, as_json, as_csv) -> None:
    """Stories: articles about the same happening, grouped over time, latest first.

    \b
    Example:
      tidings stories --search "Geneva talks"
    """
    with opened_store(db, readonly=True) as store:
        rows = store.queries.stories(since=since, until=until, search=search, limit=limit, offset=offset)
    emit(rows, as_json, as_csv)


@click.command()
@click.argument("item_id", metavar="ID")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
def show(item_id, db, as_json) -> None:
    """Show one story (its articles and event timeline) or one article (its full analysis).

    \b
    Examples:
      tidings show S1a2b3c4d5e6f
      tidings show 2022-01-10_geneva-security-talks
    """
    import dataclasses

    with opened_store(db, readonly=True) as store:
        story = store.queries.story(item_id)
        article = None if story is not None else store.queries.article(item_id)
    if story is None and article is None:
        fail(f"{item_id}: no story or article with this id")
    if as_json:
        data = dataclasses.asdict(story) if story is not None else article
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return
    if story is not None:
        print_mapping([("story", story.id), ("title", story.title), ("dates", f"{story.first_date} .. {story.last_date}"
                                                                  if story.first_date else UNDATED),
                       ("articles", story.article_count), ("summary", story.summary)])
        print_table(story.articles, title="Articles")
        print_table(story.timeline, title="Timeline")
        return
    _show_article(article)


def _show_article(record: dict) -> None:
    from rich.console import Console

    from tidings.model import Analysis
    from tidings.report import render

    print_mapping([("article", record["id"]), ("outlet", record.get("outlet")), ("url", record.get("url")),
                   ("story", record.get("story_id")), ("copies", len(record.get("copies", []))),
                   ("pipeline", record.get("pipeline_version"))])
    Console().print(render(Analysis.from_json(record["analysis"])))
