"""A real uvicorn server in a thread, on a free loopback port, for the API and dashboard tests; and a
real ``tidings serve`` process (``served_command``)."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
import uvicorn

from tidings.ingest.readers import read_articles
from tidings.ingest.runner import Ingestor
from tidings.serve import ServeConfig, create_app
from tidings.serve.http_protocol import JSONErrorsHttpToolsProtocol
from tidings.store import Store

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-5f1c"
TIDINGS = Path(sys.executable).parent / "tidings"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServedCommand:
    """A ``tidings serve`` process: its port, its first ``/status`` answer, and (once stopped) its stderr."""

    def __init__(self, proc: subprocess.Popen, port: int):
        self.proc, self.port, self.url = proc, port, f"http://127.0.0.1:{port}"
        self.status: dict | None = None
        self.err = b""


@contextmanager
def served_command(db, env: dict, seconds: float = 120):
    """``tidings serve --db DB`` on a free port, once it answers ``/status``; stopped with Ctrl-C after."""
    port = free_port()
    proc = subprocess.Popen([str(TIDINGS), "serve", "--db", str(db), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    served = ServedCommand(proc, port)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and proc.poll() is None and served.status is None:
            try:
                served.status = requests.get(f"{served.url}/status", timeout=5).json()
            except requests.ConnectionError:
                time.sleep(0.2)
        if proc.poll() is not None or served.status is None:
            raise AssertionError(f"the server did not answer /status: {proc.communicate(timeout=10)}")
        yield served
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, served.err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, served.err = proc.communicate(timeout=10)


class RunningServer:
    def __init__(self, config: ServeConfig):
        self.config = config
        self.app = create_app(config)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning", lifespan="on",
                                                    http=JSONErrorsHttpToolsProtocol))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "RunningServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


def build_store(db: Path, pipeline, sources: list[str | Path] | None = None) -> Path:
    """A store ingested (for real) from the bundled sample articles, or from ``sources``."""
    with Store.open(db) as store:
        ingestor = Ingestor(store, pipeline)
        for source in sources or [ROOT / "examples"]:
            ingestor.ingest(read_articles(str(source)))
    return db
