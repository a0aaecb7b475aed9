"""The corpus store: everything tidings reads, in one SQLite file (or a PostgreSQL database, given a
``postgresql://`` URL: ``tidings.store.pg``), queried and exported.

    from tidings.store import Store
    with Store.open("news.db") as store:
        with store.batch() as tx:
            tx.add_article(article, analysis, content_hash)
        store.queries.top_dyads(10)

Modules: ``schema`` (tables, migrations), ``sqlite`` (opening, writing), ``rows`` (analysis -> rows),
``rollups`` (summary tables), ``periods`` (date ranges), ``queries`` (reading), ``api`` (Python API,
pandas), ``export`` (CSV / JSONL / Parquet), ``paths`` (where the file lives), ``dialect`` (SQLite's SQL
for PostgreSQL), ``pg`` (the PostgreSQL store).
"""
from __future__ import annotations

from tidings.store.paths import default_db_path
from tidings.store.schema import SCHEMA_VERSION
from tidings.store.sqlite import Batch, Store

__all__ = ["SCHEMA_VERSION", "Batch", "Store", "default_db_path"]
