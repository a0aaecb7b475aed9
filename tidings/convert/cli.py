"""``tidings convert``: turn other coders' dictionaries into tidings knowledge files."""
from __future__ import annotations

import sys
from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def convert() -> None:
    """Convert other event coders' dictionaries into tidings knowledge files."""


@convert.command("petrarch")
@click.argument("src_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the tidings files (created if missing; files in it are overwritten).")
@click.option("--details", is_flag=True, help="Also print every skipped or lossy source line.")
@click.option("--standalone", is_flag=True,
              help="Make the files the whole dictionary: no built-in actors or patterns, every coded event kept "
                   "(option rows @builtin off, @keep any).")
def petrarch(src_dir: Path, out_dir: Path, details: bool, standalone: bool) -> None:
    """Convert PETRARCH-2 dictionaries (*.actors.txt, *.agents.txt, *.verbs.txt, *.discards.txt in
    SRC_DIR) into tidings files: petrarch-actors.tsv (actors, agents and the code groups they
    declare), petrarch-verbs.tsv (word sets and verb patterns) and conversion-report.txt (what was
    skipped, and why). Use the files with --dictionary.

    \b
    Example:
      tidings convert petrarch petrarch2/data/dictionaries --out my-petrarch
      tidings analyze article.txt --dictionary my-petrarch/petrarch-actors.tsv \\
                                  --dictionary my-petrarch/petrarch-verbs.tsv
    """
    from tidings.convert.petrarch import convert_petrarch
    from tidings.errors import TidingsError

    try:
        report = convert_petrarch(src_dir, out_dir, standalone=standalone)
    except (OSError, TidingsError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for path in report.files:
        click.echo(f"wrote {path}")
    click.echo(report.summary())
    if details:
        click.echo("\n".join(report.details))
