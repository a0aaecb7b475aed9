"""A psycopg 3 connection with the interface the store code uses of ``sqlite3.Connection``.

``execute``/``executemany`` take the store's SQL (SQLite's dialect, ``?`` placeholders) and run it
rewritten by ``dialect.postgres_sql``. Parameters are bound on the client (``psycopg.ClientCursor``):
SQLite's SQL leaves parameter types to the values (``? IS NULL``, ``substr(code, 1, ?)``), which
server-side binding cannot infer. The connection is in autocommit mode, like the SQLite one: the store
opens its transactions with explicit ``BEGIN``/``COMMIT``.

Numbers: ``sum`` over integer columns is ``numeric`` in PostgreSQL; it is read back as ``int`` when
whole, else ``float`` (SQLite's types), never ``Decimal``.
"""
from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

import psycopg
from psycopg import pq
from psycopg.adapt import Loader

from tidings.errors import StoreConnectionLost, StoreError
from tidings.store.dialect import numbered, postgres_sql


def connection_lost(name: str, exc: BaseException) -> StoreConnectionLost:
    """The error for a session that died under a transaction: the server rolled it back."""
    return StoreConnectionLost(name, f"the connection to the database was lost ({str(exc).strip()}); "
                                     f"the transaction in flight was rolled back")


class _NumericLoader(Loader):
    def load(self, data):
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def display_url(url: str) -> str:
    """``url`` without its password, for messages."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host', '')}{port}/{info.get('dbname', '')}"


class PgConnection:
    """One PostgreSQL session. Not shared between threads (like a ``sqlite3.Connection``)."""

    dialect = "postgresql"

    def __init__(self, url: str, readonly: bool = False, connect_timeout: float = 30.0):
        self.url = url
        self.name = display_url(url)
        self.readonly = readonly
        self.connect_timeout = connect_timeout
        self.raw = self._connect()

    @classmethod
    def around(cls, raw: psycopg.Connection, name: str) -> "PgConnection":
        """The store's interface over an open psycopg connection (a migration's, in its transaction)."""
        conn = cls.__new__(cls)
        conn.url, conn.name, conn.readonly, conn.connect_timeout, conn.raw = None, name, False, 30.0, raw
        raw.adapters.register_loader("numeric", _NumericLoader)
        return conn

    def _connect(self) -> psycopg.Connection:
        try:
            raw = psycopg.connect(self.url, autocommit=True, cursor_factory=psycopg.ClientCursor,
                                  connect_timeout=max(1, int(self.connect_timeout)),
                                  application_name="tidings")
        except psycopg.OperationalError as exc:
            raise StoreError(self.name, f"cannot connect to the database: {str(exc).strip()}") from exc
        raw.adapters.register_loader("numeric", _NumericLoader)
        if self.readonly:
            raw.execute("SET default_transaction_read_only = on")
        return raw

    def reconnect(self) -> None:
        """A new session in place of a broken one."""
        try:
            self.raw.close()
        finally:
            self.raw = self._connect()

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    @property
    def broken(self) -> bool:
        return self.raw.broken or self.raw.closed

    def execute(self, sql: str, params=()) -> psycopg.Cursor:
        cur = self.raw.cursor()
        if params and numbered(sql):
            params = {f"p{i}": v for i, v in enumerate(params, 1)}
        if params and not isinstance(params, dict) and any(isinstance(v, str) and "\x00" in v for v in params):
            # PostgreSQL text holds no NUL: a value with one (a search typed with it) is kept unequal to any
            # stored text by a character no text holds either, instead of failing
            params = [v.replace("\x00", "\ufffe") if isinstance(v, str) else v for v in params]
        with self._watched():
            cur.execute(postgres_sql(sql), params or ())
        return cur

    def executemany(self, sql: str, rows) -> psycopg.Cursor:
        # server-side binding here: the writes' parameters are typed by their target columns, and psycopg
        # sends the rows as one prepared statement, pipelined (one round trip, not one per row)
        cur = psycopg.Cursor(self.raw)
        rows = list(rows)
        if rows:
            with self._watched():
                cur.executemany(postgres_sql(sql), rows)
        return cur

    def stream(self, sql: str, params=()) -> psycopg.ServerCursor:
        """``execute`` through a server-side cursor, for reading more rows than memory should hold
        (``fetchmany`` pages them from the server). Inside a transaction only."""
        cur = self.raw.cursor(name=f"tidings_stream_{id(self):x}")
        with self._watched():
            cur.execute(postgres_sql(sql), params or ())
        return cur

    def run(self, sql: str, params=()) -> psycopg.Cursor:
        """PostgreSQL's own SQL, not rewritten (schema, locks, full-text search)."""
        with self._watched():
            return self.raw.execute(sql, params or None)

    @contextmanager
    def _watched(self):
        """A statement's errors as they are, except a lost session: ``StoreConnectionLost``."""
        try:
            yield
        except psycopg.OperationalError as exc:
            if self.broken:
                raise connection_lost(self.name, exc) from exc
            raise

    def create_function(self, *args, **kwargs) -> None:
        """SQLite's Python functions are SQL functions of the PostgreSQL schema (``tidings_week``)."""

    def close(self) -> None:
        self.raw.close()
