"""The PostgreSQL store: ``PgStore``/``PgBatch``, what differs from the SQLite ``Store``/``Batch``.

Everything else (the reads the runner makes, the row layout, the rollup ``Delta``, the queries and
exports) is the SQLite code running over ``PgConnection``, which rewrites its SQL.

Several writers at once. SQLite lets one writer in at a time (``BEGIN IMMEDIATE``); PostgreSQL lets
all of them in, so a batch here starts by taking a transaction-level advisory lock
(``pg_advisory_xact_lock``), released by its COMMIT or ROLLBACK. Batches of different processes are
therefore applied one after the other, each seeing everything committed before it: the runner's "is
this text stored?" check inside the batch, the story grouping (``story_sync``'s token) and the rollup
increments all hold as in SQLite. Analysis, the slow part, runs outside the batch, in parallel. The
unique keys on ``articles.id``/``content_hash`` and ``copies.content_hash`` are the backstop: a row
can never be stored twice, whatever a writer does.

A lost connection (a restarted server, a killed backend) rolls the open transaction back on the
server; the batch raises ``StoreConnectionLost`` and the writer may ``reconnect`` and write it again.
"""
from __future__ import annotations

import psycopg

from tidings.errors import StoreConnectionLost, StoreError, StoreTooNew

from tidings.store.pg import schema as pg_schema
from tidings.store.pg.connection import PgConnection, connection_lost
from tidings.store.rows import ARTICLE_COLS, Prepared
from tidings.store.sqlite import BUSY_TIMEOUT_S, Batch, Store, _INSERT_EVENT, _INSERT_MENTION, _INSERT_QUOTE

#: the advisory lock every write batch holds (one writer at a time, like SQLite's write lock)
WRITE_LOCK = 0x7469_6477  # "tidw"

_INSERT_ARTICLE = (f"INSERT INTO articles ({', '.join(ARTICLE_COLS)}) VALUES ({', '.join('?' * len(ARTICLE_COLS))}) "
                   f"RETURNING aid")
_INSERT_ARTICLE_AT = (f"INSERT INTO articles (aid, {', '.join(ARTICLE_COLS)}) "
                      f"VALUES ({', '.join('?' * (len(ARTICLE_COLS) + 1))})")


class PgStore(Store):
    """One PostgreSQL database. Not shared between threads: open one per thread or process."""

    dialect = "postgresql"

    def __init__(self, conn: PgConnection, readonly: bool = False):
        self.conn = conn
        self.path = conn.name
        self.readonly = readonly
        self.timeout = BUSY_TIMEOUT_S
        self._in_batch = False
        self.fts = True  # tsvector columns and GIN indexes are part of the schema

    @classmethod
    def open_url(cls, url: str, *, readonly: bool = False, timeout: float = BUSY_TIMEOUT_S) -> "PgStore":
        conn = PgConnection(url, readonly=readonly, connect_timeout=timeout)
        try:
            found = pg_schema.current_version(conn.raw)
            if readonly:
                if found > pg_schema.SCHEMA_VERSION:
                    raise StoreTooNew(conn.name, found, pg_schema.SCHEMA_VERSION)
                if found < pg_schema.SCHEMA_VERSION:
                    raise StoreError(conn.name, f"store schema version {found} needs migrating to "
                                                f"{pg_schema.SCHEMA_VERSION}; open it once read-write")
            elif found != pg_schema.SCHEMA_VERSION:
                pg_schema.migrate(conn.raw, conn.name)
            # a write waits this long for the lock of another writer's batch, then fails cleanly
            conn.raw.execute(f"SET lock_timeout = '{int(timeout * 1000)}ms'")
        except BaseException:
            conn.close()
            raise
        store = cls(conn, readonly)
        store.timeout = timeout
        return store

    def close(self) -> None:
        self.conn.close()

    def reconnect(self) -> None:
        """A new session after ``StoreConnectionLost`` (the lost one's transaction is gone)."""
        self._in_batch = False
        self.conn.reconnect()

    @property
    def schema_version(self) -> int:
        return pg_schema.current_version(self.conn.raw)

    def data_version(self) -> int:
        """The count of write batches ever begun on the database, by anyone (``tidings_commits``)."""
        return self.conn.run("SELECT last_value FROM tidings_commits").fetchone()[0]

    def _new_batch(self, pipeline_version: str) -> "PgBatch":
        return PgBatch(self, pipeline_version)

    def _begin(self) -> None:
        """After every other writer's batch: the advisory lock is held until COMMIT or ROLLBACK."""
        try:
            self.conn.run("BEGIN")
            self.conn.run("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            self.conn.run("SELECT nextval('tidings_commits')")
        except psycopg.errors.LockNotAvailable as exc:
            self.conn.run("ROLLBACK")
            raise self._busy(exc) from exc

    def _abort(self, exc: BaseException) -> None:
        """Roll back; a lost connection was rolled back by the server, and says so."""
        if not self.conn.broken:
            self.conn.run("ROLLBACK")
        elif not isinstance(exc, StoreConnectionLost):
            raise connection_lost(self.path, exc) from exc

    def optimize(self) -> None:
        self.conn.run("ANALYZE")


class PgBatch(Batch):
    """The writes of one PostgreSQL transaction; get one from ``PgStore.batch()``."""

    def add_prepared(self, p: Prepared) -> str:
        c = self.conn
        known = c.execute("SELECT EXISTS(SELECT 1 FROM articles WHERE content_hash = ? OR id = ?) "
                          "OR EXISTS(SELECT 1 FROM copies WHERE content_hash = ?)",
                          (p.content_hash, p.id, p.content_hash)).fetchone()[0]
        if known:  # the SQLite path: no duplicate, a replacement or a story change
            return super().add_prepared(p)
        aid = c.execute(_INSERT_ARTICLE, p.article).fetchone()[0]
        self._insert_children(aid, p)
        if p.article[10] is not None:
            self._refresh_story_count(p.article[10])
        return p.id

    def flush(self) -> None:
        with self.conn.raw.pipeline():  # every rollup table's upserts in one round trip
            super().flush()

    def _insert_children(self, aid: int, p: Prepared, signature: bool = True) -> None:
        # one pipeline: the article's events, quotes, mentions, signature and codes reach the server
        # together and are answered with one sync, instead of a round trip each
        with self.conn.raw.pipeline():
            super()._insert_children(aid, p, signature)

    def add_prepared_many(self, items: list[Prepared]) -> None:
        """Bulk path for new articles: ids drawn from the table's identity sequence, one rollup update."""
        if not items:
            return
        c = self.conn
        aids = [r[0] for r in c.run("SELECT nextval(pg_get_serial_sequence('articles', 'aid')) "
                                    "FROM generate_series(1, %s)", (len(items),))]
        c.executemany(_INSERT_ARTICLE_AT, ((aid, *p.article) for aid, p in zip(aids, items)))
        c.executemany(_INSERT_EVENT, ((aid, *e) for aid, p in zip(aids, items) for e in p.events))
        c.executemany(_INSERT_QUOTE, ((aid, *q) for aid, p in zip(aids, items) for q in p.quotes))
        c.executemany(_INSERT_MENTION, ((aid, *m) for aid, p in zip(aids, items) for m in p.mentions))
        c.executemany("INSERT INTO signatures VALUES (?, ?)",
                      ((aid, p.signature) for aid, p in zip(aids, items) if p.signature is not None))
        codes: set[str] = set()
        for p in items:
            codes |= p.codes()
            self._count(p)
        c.executemany("INSERT OR IGNORE INTO codes VALUES (?)", ((code,) for code in sorted(codes)))
