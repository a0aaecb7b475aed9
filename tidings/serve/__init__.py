"""``tidings serve``: a REST API (FastAPI, OpenAPI at /docs) and a web dashboard over a store.

Modules: ``config`` (what a server is told), ``app`` (assembling the application), ``read_api`` (the
query endpoints), ``write_api`` (``POST /analyze``, ``POST /articles``), ``schemas`` (request and
response shapes, validated parameters), ``stores`` (connections per thread, the writer thread),
``middleware`` (body limits, security headers), ``errors`` (error answers), ``static/`` (the dashboard:
plain HTML, CSS and JavaScript modules, no build step, no CDN).
"""
from __future__ import annotations

from tidings.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]


def create_app(config: ServeConfig):
    from tidings.serve.app import create_app as _create

    return _create(config)
