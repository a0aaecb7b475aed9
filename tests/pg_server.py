"""A throwaway PostgreSQL server for the tests: a fresh cluster under a temporary folder, made with
Debian's ``initdb`` and run with ``pg_ctl`` on a free loopback port, stopped and deleted at the end.

No system service is used. As root, the server runs as the ``postgres`` user (PostgreSQL refuses to run
as root), through ``runuser``. Each test gets a database of its own (``PgServer.new_database``).
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from serving import free_port


def find_bin(name: str) -> str | None:
    """``name`` from the newest /usr/lib/postgresql/*/bin, else from PATH."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return found[-1] if found else shutil.which(name)


class PgServer:
    def __init__(self, fsync: bool = False) -> None:
        self.fsync = fsync
        self.initdb, self.pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
        if not self.initdb or not self.pg_ctl:
            raise RuntimeError("PostgreSQL's initdb/pg_ctl are not installed (`make postgres` installs them)")
        self.root = Path(tempfile.mkdtemp(prefix="tidings-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.user = "tidings"
        self._as = []
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            os.chmod(self.root, 0o700)
            self._as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *cmd: str) -> None:
        subprocess.run([*self._as, *cmd], check=True, capture_output=True, timeout=120)

    def start(self) -> "PgServer":
        self._run(self.initdb, "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        # fsync off for tests: a test cluster is thrown away, so a crash never needs its files (benchmarks
        # keep it on, as a real server has it)
        opts = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync={'on' if self.fsync else 'off'} "
                f"-c max_connections=200")  # a server under test keeps a session per pool thread
        self._run(self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)
