"""Python API over a store: the query functions, returning plain objects or pandas DataFrames.

    >>> from tidings.store import api
    >>> api.top_dyads(n=10, db="news.db")                  # list of DyadRow
    >>> api.dyad("USA", "RUS", by="month", as_frame=True)   # pandas DataFrame (needs pandas)

``db`` is resolved like the CLI's ``--db`` (``default_db_path``); a ``Store`` may be passed instead as
``store=``. Each call opens the file read-only and closes it, unless given a store.
"""
from __future__ import annotations

import functools
from dataclasses import asdict, is_dataclass
from typing import Any

from tidings.errors import TidingsError
from tidings.store.sqlite import Store

__all__ = ["actor_page", "actors", "article", "articles", "dyad", "events", "places", "quotes", "stories", "story",
           "top_dyads", "to_frame"]


def to_frame(rows: Any):
    """A pandas DataFrame of dataclass rows (or dicts). pandas is an optional extra, imported here only."""
    try:
        import pandas as pd
    except ImportError:
        raise TidingsError("as_frame=True needs pandas: pip install 'tidings[pandas]'") from None
    if is_dataclass(rows) and not isinstance(rows, type):
        rows = [rows]
    return pd.DataFrame([asdict(r) if is_dataclass(r) else r for r in rows])


def _query(name: str, frame_ok: bool = True):
    def call(*args, db=None, store: Store | None = None, as_frame: bool = False, **kwargs):
        if as_frame and not frame_ok:
            raise TypeError(f"{name}() returns one nested record; as_frame is not available")
        own = store is None
        store = store or Store.open(db, readonly=True)
        try:
            result = getattr(store.queries, name)(*args, **kwargs)
        finally:
            if own:
                store.close()
        return to_frame(result if result is not None else []) if as_frame else result

    from tidings.store.queries import Queries

    functools.update_wrapper(call, getattr(Queries, name))
    call.__doc__ = (getattr(Queries, name).__doc__ or "") + \
        "\n\n``db``/``store`` choose the store; ``as_frame=True`` returns a pandas DataFrame."
    return call


events = _query("events")
quotes = _query("quotes")
actors = _query("actors")
dyad = _query("dyad")
top_dyads = _query("top_dyads")
stories = _query("stories")
articles = _query("articles")
places = _query("places")
actor_page = _query("actor_page", frame_ok=False)
story = _query("story", frame_ok=False)
article = _query("article", frame_ok=False)
