"""A local HTTP server standing in for remote sites and feeds (nothing is mocked at the HTTP level),
and a fake clock whose sleep only records and advances time, so backoff and politeness cost no wall
time. The ``local_server`` and ``clock`` fixtures (conftest.py) are built from these."""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tidings.ingest.fetch import Fetcher, FetchOptions


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


class LocalServer:
    """Routes path -> handler(request); records every hit as (path, User-Agent)."""

    def __init__(self):
        self.routes = {}
        self.hits: list[tuple[str, str]] = []
        self.sent: dict[str, int] = {}  # bytes of body a streaming route managed to send
        self.release = threading.Event()  # set at teardown so slow handlers end
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path)
                try:
                    if route is None:
                        reply(b"<html><body>nothing here</body></html>", status=404)(self)
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up on purpose (a refused body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def add(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict | None = None) -> str:
        self.routes[path] = reply(body, content_type, status, headers)
        return self.url(path)


def reply(body: bytes | str, content_type: str = "text/html; charset=utf-8", status: int = 200,
          headers: dict | None = None):
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handle(req: BaseHTTPRequestHandler):
        req.send_response(status)
        req.send_header("Content-Type", content_type)
        req.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            req.send_header(k, v)
        req.end_headers()
        req.wfile.write(data)

    return handle


def fetcher_for(clock: FakeClock, on_wait=None, **options) -> Fetcher:
    defaults = dict(host_delay=0.0, backoff=0.5, retries=2, connect_timeout=2.0, read_timeout=2.0)
    return Fetcher(FetchOptions(**{**defaults, **options}), clock=clock, sleep=clock.sleep, on_wait=on_wait)


def closed_port_url(path: str = "/x") -> str:
    """A URL on 127.0.0.1 where nothing listens: a port just bound and released."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}{path}"
