"""`tidings ingest` and `tidings reanalyze`: getting articles into the store."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from tidings.commands.common import date_option, db_option, fail, opened_store, scale_options
from tidings.errors import TidingsError

CSV_FIELDS = ("id", "title", "text", "published", "url", "outlet")


def _columns(ctx, param, values) -> dict[str, str]:
    mapping = {}
    for value in values:
        field, sep, header = value.partition("=")
        if not sep or field not in CSV_FIELDS or not header:
            raise click.BadParameter(f"{value!r}: expected FIELD=HEADER with FIELD one of {', '.join(CSV_FIELDS)}")
        mapping[field] = header
    return mapping


class _Progress:
    """A progress bar on a terminal; silent otherwise. Problems are printed above it as they come."""

    def __init__(self, label: str):
        self.enabled = sys.stderr.isatty()
        self.label = label

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} items"),
                                     console=Console(stderr=True), transient=True)
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=None)
        return self

    def advance(self) -> None:
        if self.enabled:
            self.progress.advance(self.task)

    def problem(self, line: str) -> None:
        if self.enabled:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=True)

    def __exit__(self, *exc):
        if self.enabled:
            self.progress.stop()
        return False


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@db_option
@date_option("--published", "Publication date for articles that carry none.")
@click.option("--column", "columns", multiple=True, callback=_columns, metavar="FIELD=HEADER",
              help="CSV column mapping, repeatable: id, title, text, published, url, outlet (e.g. text=body).")
@click.option("--no-fetch", "no_fetch", is_flag=True, help="For feeds, store each entry's summary instead of fetching its page.")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra knowledge file; repeatable (see docs/dictionaries.md).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True,
              help="Articles analysed and committed together.")
@click.option("--update", is_flag=True,
              help="An article whose id is stored with another text (an edited file, a corrected page) replaces "
                   "it. Without it, that is an error naming the id, and the stored text is kept.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=60.0, show_default=True, metavar="SECONDS",
              help="Time allowed for one URL on the wall clock, every try and wait included.")
@scale_options
def ingest(sources, db, published, columns, no_fetch, dictionaries, batch_size, update, timeout, workers,
           cluster) -> None:
    """Read articles, drop duplicates, analyse, group into stories and store them.

    SOURCE is a text/Markdown/HTML file, a folder of them, a JSON Lines or CSV file, an article URL,
    an RSS/Atom feed (URL or file), or an OPML list of feeds; or a folder of Parquet shards that
    `tidings analyze --to parquet` wrote (their analyses are stored as they are). Running it again
    stores nothing twice.

    \b
    Examples:
      tidings ingest examples/ --db news.db
      tidings ingest agnews.csv --column text=description --db news.db
      tidings ingest https://example.org/feed.xml --db news.db --update
      tidings ingest big.csv --db news.db --workers 0
      tidings ingest big.csv --db news.db --cluster tcp://scheduler:8786
    """
    from tidings.ingest.fetch import Fetcher, FetchOptions
    from tidings.ingest.runner import Ingestor
    from tidings.ingest.sources import SourceOptions, iter_articles
    from tidings.scale.analysers import analyser
    from tidings.settings import Settings

    from tidings.scale.parquet import ShardedAnalyses, is_shard_folder

    shards = [source for source in sources if is_shard_folder(source)]
    if shards and len(shards) < len(sources):
        fail("a folder of Parquet shards (tidings analyze --to parquet) is ingested on its own, not with other sources")
    running = contextlib.ExitStack()
    try:
        options = SourceOptions(columns=columns, published=published, fetch_pages=not no_fetch)
        pipeline = running.enter_context(analyser(Settings(dictionaries=dictionaries), workers, cluster))
        if shards:  # their analyses are stored as they are; only another pipeline version's are made anew
            pipeline = ShardedAnalyses(pipeline)
    except (TidingsError, ValueError) as exc:
        fail(str(exc))
    with running, opened_store(db) as store, _Progress("ingesting") as progress:
        try:
            ingestor = Ingestor(store, pipeline, batch_size=batch_size, on_item=progress.advance,
                                on_problem=progress.problem, update=update)
            # what is ready is committed before each fetch: a slow server never holds a batch hostage
            with Fetcher(FetchOptions(total_timeout=timeout), on_wait=ingestor.flush) as fetcher:
                items = pipeline.articles(shards) if shards else iter_articles(list(sources), options, fetcher)
                summary = ingestor.ingest(items)
        except TidingsError as exc:
            fail(str(exc))
    click.echo(summary_line(summary) + f"; {summary.new_stories} new stories; store {store.path}", err=True)
    if summary.undated:
        click.echo(undated_line(summary), err=True)
    if summary.read and not (summary.new or summary.updated or summary.duplicates or summary.already_stored
                             or summary.repeated):
        sys.exit(1)


def summary_line(summary) -> str:
    """Every item read, counted once: read = new + updated + duplicates + already stored + repeated +
    failed. Updated and repeated are named only when there are some."""
    reasons = summary.reasons()
    parts = [f"read {summary.read}", f"new {summary.new}",
             f"duplicates {summary.duplicates} ({summary.exact_duplicates} exact, {summary.near_duplicates} near)",
             f"already stored {summary.already_stored}"]
    if summary.updated:
        parts.append(f"updated {summary.updated}")
    if summary.repeated:
        parts.append(f"repeated {summary.repeated}")
    failed = f"failed {len(summary.errors)}"
    if reasons:
        failed += f" ({', '.join(f'{n} {r}' for r, n in reasons.most_common(5))})"
    return ", ".join(parts + [failed])


def undated_line(summary) -> str:
    """The warning for articles stored without a publication date, saying how to give them one."""
    n = summary.undated
    return (f"warning: {n} article{'s' if n != 1 else ''} had no publication date and {'are' if n != 1 else 'is'} "
            f"stored undated (no day in charts, rollups or exports; stories only within this run); give dates "
            f"with --published YYYY-MM-DD, --column published=HEADER for a CSV column, or a \"published\" "
            f"field in JSON Lines")


@click.command()
@db_option
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra knowledge file; repeatable. Part of the pipeline version.")
def reanalyze(db, dictionaries) -> None:
    """Re-analyse stored articles that an older pipeline (code, model or dictionaries) analysed.

    \b
    Example:
      tidings reanalyze --db news.db --dictionary my-actors.tsv
    """
    from tidings.ingest.runner import reanalyze as run
    from tidings.pipeline import Pipeline
    from tidings.settings import Settings

    try:
        pipeline = Pipeline(Settings(dictionaries=dictionaries))
        pipeline.warm_up()
    except TidingsError as exc:
        fail(str(exc))
    with opened_store(db) as store, _Progress("re-analysing") as progress:
        done, failures = run(store, pipeline, on_item=progress.advance, on_problem=progress.problem)
    click.echo(f"re-analysed {done} article(s) with pipeline {pipeline.version}; {len(failures)} failed", err=True)
    if failures and not done:
        sys.exit(1)
