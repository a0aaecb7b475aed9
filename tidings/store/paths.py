"""Where the store file lives when no path is given."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "TIDINGS_DB"


def default_db_path(db: str | os.PathLike | None = None) -> Path | str:
    """``db`` (the ``--db`` option) > ``$TIDINGS_DB`` > ``$XDG_DATA_HOME/tidings/tidings.db`` >
    ``~/.local/share/tidings/tidings.db``. Only resolves: nothing is created here. A
    ``postgresql://`` URL (a PostgreSQL store) is returned as the string it is."""
    from tidings.store.dialect import is_postgres_url

    if db:
        return db if is_postgres_url(db) else Path(db).expanduser()
    if os.environ.get(ENV_VAR):
        value = os.environ[ENV_VAR]
        return value if is_postgres_url(value) else Path(value).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "tidings" / "tidings.db"
