"""Store handles for a server: one read-only connection per worker thread, one shared writer.

SQLite connections are not shared between threads, and opening one per request would cost more than
most queries. FastAPI runs plain ``def`` endpoints in a thread pool, so each pool thread keeps its own
read-only ``Store`` (WAL: it sees the last committed state, never a half-written batch). Writes
(``POST /articles``) run on one dedicated writer thread (``work``): SQLite allows one writer at a time,
and the writer's connection must stay in the thread that opened it. (Analysis runs in worker
processes, ``analysis_pool``; the writer thread only waits for it.)
"""
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, TypeVar

from tidings.store import Store

T = TypeVar("T")


class StoreHandles:
    def __init__(self, db: Path, writable: bool):
        self.db = db
        self.writable = writable
        self._local = threading.local()
        self._writer: Store | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-writer")

    def check(self) -> None:
        """Open the store once now, so that a missing or unreadable file stops the server at start."""
        if self.writable:
            Store.open(self.db).close()  # creates and migrates it if needed
        else:
            Store.open(self.db, readonly=True).close()

    def reader(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is not None and getattr(store.conn, "broken", False):
            store = None  # PostgreSQL: the server dropped this session (a restart); open a new one
        if store is None:
            # never closed by hand: SQLite refuses to close a connection from another thread than its own,
            # so each read-only connection lives as long as its pool thread (the server's lifetime)
            store = self._local.store = Store.open(self.db, readonly=True)
        return store

    async def work(self, job: Callable[..., T], *args) -> T:
        """Run ``job(*args)`` on the worker thread and wait for it without blocking the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self._worker, job, *args)

    def writer(self) -> Store:
        """The writing store; call only from a job run by ``work``."""
        if self._writer is None:
            self._writer = Store.open(self.db)
        return self._writer

    def close(self) -> None:
        """Close the writer on its own thread and stop that thread."""
        self._worker.submit(self._close_writer).result()
        self._worker.shutdown(wait=True)

    def _close_writer(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
