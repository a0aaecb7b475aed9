"""What a server is told: its store, whether it takes writes, and its limits."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tidings.store.paths import default_db_path

TOKEN_ENV = "TIDINGS_TOKEN"

#: a POST body larger than this is refused with 413 before it is read
MAX_BODY_BYTES = 2_000_000
#: ``POST /analyze`` text longer than this (characters) is refused with 413
MAX_ANALYZE_CHARS = 200_000
#: articles in one ``POST /articles``
MAX_POST_ARTICLES = 200
#: analysis worker processes (each holds a model: ~200 MB resident), jobs that may wait for one, and the seconds
#: one analysis may take before it is stopped (see ``analysis_pool``)
ANALYSIS_WORKERS = 2
ANALYSIS_QUEUE = 8
ANALYSIS_BUDGET_S = 30.0
#: environment variables ``tidings serve`` passes the analysis limits in (to several worker processes)
ANALYSIS_ENV = {"analysis_workers": "TIDINGS_ANALYSIS_WORKERS", "analysis_queue": "TIDINGS_ANALYSIS_QUEUE",
                "analysis_budget_s": "TIDINGS_ANALYSIS_BUDGET"}
#: the largest page any list endpoint returns, and the most rows a CSV download carries
MAX_PAGE = 1000
MAX_CSV_ROWS = 100_000
#: the most periods ``/dyads/{a}/{b}?fill=true`` makes (``fill`` creates them, so the data cannot bound them)
MAX_FILL_PERIODS = 20_000
#: the days a ``since``/``until`` may name: far from the ends of Python's dates, which the period
#: arithmetic (next week, month, year) would step past
FIRST_DAY = "1000-01-01"
LAST_DAY = "8999-12-31"


@dataclass(frozen=True)
class ServeConfig:
    """``token`` None means read-only: ``POST /articles`` answers 403. Analysis runs in a pool of worker
    processes the server starts (and warms) with the limits given here, or in ``analysis_pool``, a
    started ``AnalysisPool`` to share (tests), which the server then neither starts nor stops."""

    db: Path
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    max_analyze_chars: int = MAX_ANALYZE_CHARS
    max_post_articles: int = MAX_POST_ARTICLES
    dictionaries: tuple[Path, ...] = ()
    analysis_workers: int = ANALYSIS_WORKERS
    analysis_queue: int = ANALYSIS_QUEUE
    analysis_budget_s: float = ANALYSIS_BUDGET_S
    analysis_pool: object | None = field(default=None, compare=False, repr=False)

    @property
    def read_only(self) -> bool:
        return not self.token

    @classmethod
    def from_env(cls, db: str | os.PathLike | None = None, **overrides) -> "ServeConfig":
        """The store from ``db`` / ``$TIDINGS_DB``, the write token from ``$TIDINGS_TOKEN``, analysis limits
        from ``$TIDINGS_ANALYSIS_*`` when set."""
        token = os.environ.get(TOKEN_ENV) or None
        limits = {name: (float if name == "analysis_budget_s" else int)(os.environ[var])
                  for name, var in ANALYSIS_ENV.items() if os.environ.get(var)}
        return cls(db=default_db_path(db), token=token, **{**limits, **overrides})
