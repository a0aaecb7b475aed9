"""`tidings serve`: the REST API and the dashboard over a store."""
from __future__ import annotations

import os
from pathlib import Path

import click

from tidings.commands.common import db_option, fail
from tidings.serve.config import ANALYSIS_BUDGET_S, ANALYSIS_ENV, ANALYSIS_QUEUE, ANALYSIS_WORKERS
from tidings.errors import TidingsError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default answers this machine only; 0.0.0.0 opens it to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (each with its own connections; writes still go one at a time).")
@click.option("--dictionary", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An extra knowledge file for POST /analyze and POST /articles; repeatable.")
@click.option("--analysis-workers", type=click.IntRange(1, 32), default=ANALYSIS_WORKERS, show_default=True,
              help="Processes that analyse posted text (each loads the model: about 200 MB).")
@click.option("--analysis-queue", type=click.IntRange(0, 1000), default=ANALYSIS_QUEUE, show_default=True,
              help="Analyses that may wait for a busy worker; past that, 503 with Retry-After.")
@click.option("--analysis-timeout", type=click.FloatRange(0.1, 3600), default=ANALYSIS_BUDGET_S, show_default=True,
              help="Seconds one analysis may take; past that it is stopped (504, or a failed article).")
def serve(db: Path | None, host: str, port: int, workers: int, dictionaries: tuple[Path, ...],
          analysis_workers: int, analysis_queue: int, analysis_timeout: float) -> None:
    """Serve the store: a REST API (OpenAPI docs at /docs) and the dashboard at /.

    Read-only unless the environment variable TIDINGS_TOKEN is set; then POST /articles ingests
    articles sent with 'Authorization: Bearer <token>'. Posted text is analysed in separate worker
    processes, started and warmed before the server answers (a few seconds).

    \b
    Example:
      tidings serve --db news.db            # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from tidings.serve import ServeConfig, create_app
    from tidings.serve.http_protocol import JSONErrorsHttpToolsProtocol

    limits = {"analysis_workers": analysis_workers, "analysis_queue": analysis_queue,
              "analysis_budget_s": analysis_timeout}
    config = ServeConfig.from_env(db, dictionaries=dictionaries, **limits)
    if workers > 1 and dictionaries:
        fail("--dictionary works with one worker only")
    try:
        app = create_app(config)  # opens the store once: a missing or unreadable file stops here
    except TidingsError as exc:
        fail(str(exc))
    mode = "read-only" if config.read_only else "accepting POST /articles with the token"
    click.echo(f"tidings: serving {config.db} on http://{host}:{port}/ ({mode}); API docs at /docs", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", http=JSONErrorsHttpToolsProtocol)
    else:
        os.environ["TIDINGS_DB"] = str(config.db)
        os.environ.update({ANALYSIS_ENV[name]: str(value) for name, value in limits.items()})
        uvicorn.run("tidings.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", http=JSONErrorsHttpToolsProtocol)
