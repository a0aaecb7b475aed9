"""The ``tidings`` command line. Commands parse options, call the library, and turn its errors into
one-line messages; the behaviour lives in the library.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tidings import __version__
from tidings.commands.common import date_option, scale_options
from tidings.errors import ArticleError, TidingsError
from tidings.model import Analysis


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """tidings: turn news articles into evidence-linked data (actors, quotes, dates, places, summaries)."""


@main.command()
@click.argument("input", metavar="INPUT")
@date_option("--published", "Publication date for articles that carry none (relative dates resolve against it).")
@click.option("--json", "as_json", is_flag=True, help="Write JSON (one object, or JSON Lines for many articles).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write output to FILE instead of stdout.")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra knowledge file (actors, places, cues...); repeatable. See docs/dictionaries.md.")
@click.option("--to", "to", nargs=2, type=(click.Choice(["parquet"]), click.Path(file_okay=False, path_type=Path)),
              default=None, metavar="parquet DIR",
              help="Write the analyses as Parquet shards into a new folder DIR, for `tidings ingest DIR`.")
@scale_options
def analyze(input: str, published: str | None, as_json: bool, out: Path | None, dictionaries: tuple[Path, ...],
            to: tuple[str, Path] | None, workers: int, cluster: str | None) -> None:
    """Analyse articles: summary, actors, quotes with speakers, resolved dates and places.

    INPUT is a text, Markdown or HTML file, a folder of them, a JSON Lines file of records
    ({"id", "text", "title"?, "published"?, "url"?}), or - for standard input.

    \b
    Examples:
      tidings analyze examples/
      tidings analyze article.html --published 2022-01-11
      tidings analyze corpus.jsonl --json --out analyses.jsonl
      tidings analyze corpus.jsonl --json --out analyses.jsonl --workers 0
      tidings analyze corpus.jsonl --cluster tcp://scheduler:8786 --to parquet shards/
    """
    import contextlib

    from tidings.ingest.readers import read_articles
    from tidings.pipeline import layer_warnings
    from tidings.scale.analysers import analyser
    from tidings.settings import Settings

    from tidings.scale.parquet import ShardWriter

    if to is not None and out is not None:
        _fail("--to writes Parquet shards, --out one file: give one of them")
    running = contextlib.ExitStack()
    try:
        items = list(read_articles(input, published))
        pipeline = running.enter_context(analyser(Settings(dictionaries=dictionaries), workers, cluster))
        shards = ShardWriter(to[1], pipeline.version) if to else None
    except TidingsError as exc:
        running.close()
        _fail(str(exc))
    total = len(items)
    ok = failed = partial = 0
    sink = _ShardSink(shards) if shards else _Sink(out, as_json, many=total > 1)
    try:
        with running, _progress(total, enabled=as_json and total > 1) as advance:
            for item, result in zip(items, pipeline.analyze_many(items)):
                if isinstance(result, ArticleError):
                    failed += 1
                    click.echo(f"error: {result}", err=True)
                else:
                    ok += 1
                    # a layer left out is reported, and the rest of the analysis is written
                    warnings = layer_warnings(result, getattr(item, "origin", None))
                    partial += bool(warnings)
                    for warning in warnings:
                        click.echo(f"warning: {warning}", err=True)
                    sink.write(result, item) if shards else sink.write(result)
                advance()
    except TidingsError as exc:
        sink.abort()
        _fail(str(exc))
    sink.close()
    if total > 1 or failed or partial:
        click.echo(f"analysed {ok} of {total} article(s); {failed} failed"
                   + (f"; {partial} with a layer left out" if partial else ""), err=True)
    if ok == 0:
        sys.exit(1)


class _Sink:
    """Where analyses go: a report on the console, JSON to stdout, or a file written atomically."""

    def __init__(self, out: Path | None, as_json: bool, many: bool):
        self.out, self.as_json, self.many = out, as_json, many
        self.tmp = out.with_name(out.name + ".partial") if out else None
        self.fh = open(self.tmp, "w", encoding="utf-8") if self.tmp else None
        self.console = None
        if not as_json:
            from rich.console import Console

            self.console = Console(file=self.fh, width=110 if self.fh else None, force_terminal=False if self.fh else None)

    def write(self, analysis: Analysis) -> None:
        if self.console is not None:
            from tidings.report import print_report

            print_report(analysis, self.console)
            return
        data = analysis.to_json()
        line = json.dumps(data, ensure_ascii=False) if self.many or self.fh else json.dumps(data, ensure_ascii=False, indent=2)
        if self.fh:
            self.fh.write(line + "\n")
        else:
            click.echo(line)

    def close(self) -> None:
        if self.fh:
            self.fh.close()
            self.tmp.replace(self.out)

    def abort(self) -> None:
        if self.fh:
            self.fh.close()
            self.tmp.unlink(missing_ok=True)


class _ShardSink:
    """Analyses into Parquet shards (``tidings analyze --to parquet DIR``)."""

    def __init__(self, writer):
        self.writer = writer

    def write(self, analysis: Analysis, article) -> None:
        self.writer.write(article, analysis)

    def close(self) -> None:
        self.writer.close()

    def abort(self) -> None:
        self.writer.abort()


class _progress:
    """A progress bar on standard error when it is a terminal; otherwise nothing."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and sys.stderr.isatty()

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(transient=True, console=Console(stderr=True))
        self.progress.start()
        task = self.progress.add_task("analysing", total=self.total)
        return lambda: self.progress.advance(task)

    def __exit__(self, *exc):
        if self.enabled:
            self.progress.stop()
        return False


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@main.group()
def evaluate() -> None:
    """Score tidings on the shared development data (figures go into the README)."""


def _register_evaluations() -> None:
    import importlib

    for name in ("quotes", "times", "summary", "events", "fresh", "agnews", "petrarch"):
        try:
            module = importlib.import_module(f"tidings.evaluate.{name}")
        except ImportError:
            continue
        command = getattr(module, "command", None)
        if command is not None:
            evaluate.add_command(command, name)


_register_evaluations()


def _register_commands() -> None:
    from tidings.commands.ask import actors, dyad, events, quotes, show, stories, top_dyads
    from tidings.commands.export import export
    from tidings.commands.ingest import ingest, reanalyze
    from tidings.commands.serve import serve
    from tidings.convert.cli import convert

    for command in (ingest, reanalyze, events, quotes, actors, dyad, top_dyads, stories, show, export, convert, serve):
        main.add_command(command)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
