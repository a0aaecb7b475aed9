"""Where the store file lives when no path is given."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "TIDINGS_DB"


def default_db_path(db: str | os.PathLike | None = None) -> Path:
    """``db`` (the ``--db`` option) > ``$TIDINGS_DB`` > ``$XDG_DATA_HOME/tidings/tidings.db`` >
    ``~/.local/share/tidings/tidings.db``. Only resolves: nothing is created here."""
    if db:
        return Path(db).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser() / "tidings" / "tidings.db"
