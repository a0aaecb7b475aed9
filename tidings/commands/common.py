"""Options and helpers every corpus command shares."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from tidings.errors import TidingsError

def _store_location(ctx, param, value):
    """A file path, or a ``postgresql://`` URL kept as it is (a Path would fold its ``//``)."""
    from tidings.store.dialect import is_postgres_url

    if value is None or is_postgres_url(value):
        return value
    return Path(value)


db_option = click.option(
    "--db", type=str, default=None, callback=_store_location, metavar="PATH|URL",
    help="The store file, or a PostgreSQL database as postgresql://user@host/db "
         "(default: $TIDINGS_DB, else ~/.local/share/tidings/tidings.db).",
)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@contextlib.contextmanager
def opened_store(db: Path | None, readonly: bool = False):
    """The store, with its errors turned into one-line messages."""
    from tidings.store import Store

    try:
        store = Store.open(db, readonly=readonly)
    except TidingsError as exc:
        fail(str(exc))
    try:
        yield store
    except TidingsError as exc:
        fail(str(exc))
    finally:
        store.close()


def valid_date(ctx, param, value):
    from tidings.pipeline import normalise_published

    if value is None:
        return None
    iso = normalise_published(value)
    if iso is None:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return iso


def date_option(name: str, help: str):
    return click.option(name, callback=valid_date, metavar="YYYY-MM-DD", help=help)


def scale_options(f):
    """``--workers N`` and ``--cluster ADDRESS``: where the analysis runs (``tidings.scale``)."""
    f = click.option("--cluster", metavar="ADDRESS", default=None,
                     help="Analyse on a Dask cluster: a scheduler address (tcp://HOST:8786) or local:N for a local "
                          "cluster of N worker processes. Needs `pip install tidings[dask]`.")(f)
    f = click.option("--workers", type=click.IntRange(0, 256), default=1, show_default=True, metavar="N",
                     help="Analysis processes on this machine (0: one per core), each with the model loaded once; "
                          "one writer, results in input order, the same output as one process.")(f)
    return f
