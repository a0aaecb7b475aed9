"""The web application: the REST API, its OpenAPI docs at /docs, and the dashboard at /.

    from tidings.serve import ServeConfig, create_app
    app = create_app(ServeConfig(db=Path("news.db")))        # then run it with uvicorn

Every asset (the dashboard's scripts and styles, Swagger UI for /docs) is served from the package:
nothing is fetched from a CDN, so it all works offline.
"""
from __future__ import annotations

import asyncio
import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from tidings import __version__
from tidings.serve import read_api, write_api
from tidings.serve.analysis_pool import AnalysisPool, PooledPipeline, PoolLimits
from tidings.serve.config import ServeConfig
from tidings.serve.errors import UnexpectedErrors, install_error_handlers
from tidings.serve.middleware import BodySizeLimit, SecurityHeaders, TokenGuard
from tidings.serve.stores import StoreHandles
from tidings.settings import Settings

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """Coded events, quotes, actors, dyad series and stories from a tidings store, and analysis of
posted text. Every list is paginated (`limit`, `offset`; `next_offset` is null on the last page);
actor codes are prefixes (`RUS` matches `RUSGOV`); days are `YYYY-MM-DD`. Errors are
`{"error": {"status", "message"}}`. `POST /articles` needs `Authorization: Bearer <TIDINGS_TOKEN>`."""


def create_app(config: ServeConfig):
    handles = StoreHandles(config.db, writable=not config.read_only)
    handles.check()
    pool = config.analysis_pool or AnalysisPool(
        Settings(dictionaries=config.dictionaries),
        PoolLimits(config.analysis_workers, config.analysis_queue, config.analysis_budget_s))
    owns_pool = config.analysis_pool is None

    @asynccontextmanager
    async def lifespan(app):
        if owns_pool:
            # warm before the first request: the first analysis after start-up took 4.6 s loading the model
            await asyncio.get_running_loop().run_in_executor(None, pool.start)
        try:
            yield
        finally:
            handles.close()
            if owns_pool:
                pool.stop()

    app = FastAPIOffline(title="tidings", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                         static_url="/static-docs")
    app.state.config = config
    app.state.handles = handles
    app.state.analysis = pool
    app.state.pipeline = PooledPipeline(pool)  # what POST /articles' ingestor analyses with
    app.state.ingestors = write_api.IngestorCache()
    install_error_handlers(app)
    app.include_router(read_api.router)
    app.include_router(write_api.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard(request: Request):
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    # The last added is the outermost: security headers wrap everything, including the 413s the body
    # limit sends and the 500s of unexpected errors; the token is checked before the body limit, so a
    # write without the token is refused whatever its body.
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(BodySizeLimit, limit=config.max_body_bytes)
    app.add_middleware(TokenGuard, token=config.token, guarded=write_api.GUARDED)
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env():
    """The app for ``uvicorn --factory`` (several worker processes): configured from the environment
    ``tidings serve`` sets (``TIDINGS_DB``, ``TIDINGS_TOKEN``)."""
    return create_app(ServeConfig.from_env(os.environ.get("TIDINGS_DB")))
