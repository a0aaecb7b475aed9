"""Every error answered as ``{"error": {"status", "message"}}`` (422 adds ``details``), never a trace.

An unexpected exception is logged in full on the server and answered with a bare 500 carrying a
short reference the operator can find in the log.
"""
from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings.errors import AnalysisCrashed, AnalysisOverBudget, ArticleError, StoreError, TidingsError
from tidings.serve import param_errors
from tidings.serve.analysis_pool import AnalysisBusy

log = logging.getLogger("tidings.serve")


def error_response(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message, **extra}}, status_code=status)


def _validation_details(exc: RequestValidationError) -> list[dict]:
    """Where (and for a parameter, which field) and what, in words, without echoing the input back
    (it may be large or hostile)."""
    details = []
    for err in exc.errors():
        detail = param_errors.describe(err)
        if err.get("type") == "json_invalid":  # say what the parser found ("Expecting value", "nested too deeply")
            detail["problem"] = f"invalid JSON: {(err.get('ctx') or {}).get('error', 'cannot be parsed')}"
        details.append(detail)
    return details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        response = error_response(exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        return error_response(422, param_errors.message(details), details=details)

    @app.exception_handler(ArticleError)
    async def bad_article(request: Request, exc: ArticleError):
        return error_response(422, str(exc))

    @app.exception_handler(AnalysisBusy)
    async def pool_full(request: Request, exc: AnalysisBusy):
        response = error_response(503, str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(AnalysisOverBudget)
    async def over_budget(request: Request, exc: AnalysisOverBudget):
        # not "try again": the same text would take as long; no Retry-After
        return error_response(504, f"{exc.message} (the server's time budget for one analysis)")

    @app.exception_handler(AnalysisCrashed)
    async def crashed(request: Request, exc: AnalysisCrashed):
        ref = uuid.uuid4().hex[:12]
        log.error("analysis crashed %s on %s %s: %s", ref, request.method, request.url.path, exc)
        return error_response(500, f"the analysis worker stopped unexpectedly (reference {ref})")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error on %s %s: %s", request.method, request.url.path, exc)
        return error_response(503, "the store is not available")

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError):
        return error_response(400, str(exc))


class UnexpectedErrors:
    """ASGI middleware: an unexpected exception is logged once, in full, with a short reference, and
    answered with a bare 500 quoting it. (Registered as an exception handler for ``Exception``, the
    same code would run in Starlette's outermost middleware, which re-raises the exception after the
    answer, so the server logged every failure twice.) Once a response has started, the exception is
    left to the server: a second answer cannot be sent."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            if started:
                raise
            ref = uuid.uuid4().hex[:12]
            log.exception("unexpected error %s on %s %s", ref, scope.get("method"), scope.get("path"))
            await error_response(500, f"internal error (reference {ref})")(scope, receive, send)
