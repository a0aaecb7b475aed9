"""A wall-clock deadline for one HTTP request, whatever the request is waiting for.

Socket timeouts bound each wait for bytes, not the whole: a server that sends one byte every few
seconds (of its headers or of its body) never trips them and can hold a reader for hours. So a timer
thread shuts the request's socket when its time is up; the read blocked on it returns at once, and
the caller, seeing ``Deadline.expired``, reports a timeout rather than a broken connection.

The socket is learnt from the connection itself: ``watched_adapter()`` gives a requests adapter whose
connections hand their socket to the deadline of the current thread just before reading the
response (after connecting, which the connect timeout bounds).
"""
from __future__ import annotations

import socket
import threading

import requests.adapters
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_current = threading.local()


class Deadline:
    """``with Deadline(seconds) as d:`` make one request; after the block, ``d.expired`` says whether
    time ran out (and the socket was shut) before the block ended."""

    def __init__(self, seconds: float):
        self.seconds = max(0.0, seconds)
        self.expired = False
        self._done = False
        self._sock = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        _current.deadline = self
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._done = True  # from here on the timer does nothing, even if it fires
        self._timer.cancel()
        _current.deadline = None

    def watch(self, sock) -> None:
        with self._lock:
            self._sock = sock
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            if self._sock is not None:
                _shut(self._sock)


def _shut(sock) -> None:
    # shutdown, not close: it wakes a recv blocked in another thread, and the owner closes it later
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except (OSError, AttributeError):
        pass


class _Watched:
    def getresponse(self, *args, **kwargs):
        deadline = getattr(_current, "deadline", None)
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class WatchedAdapter(requests.adapters.HTTPAdapter):
    """A requests adapter whose connections are watched by the current thread's ``Deadline``."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOLS)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if proxy.lower().startswith(("http://", "https://")):  # a SOCKS proxy has pools of its own
            manager.pool_classes_by_scheme = dict(_POOLS)
        return manager
