"""A real uvicorn server in a thread, on a free loopback port, for the API and dashboard tests."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from tidings.ingest.readers import read_articles
from tidings.ingest.runner import Ingestor
from tidings.serve import ServeConfig, create_app
from tidings.serve.http_protocol import JSONErrorsHttpToolsProtocol
from tidings.store import Store

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-token-5f1c"


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
