"""ASGI middleware: the write token, request body limits and the security headers every response carries.

All are plain ASGI (not ``BaseHTTPMiddleware``) so that they cost little on every request and can
stop a body while it is still arriving.
"""
from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from tidings.serve.auth import CHALLENGE, token_refusal

#: The dashboard loads only its own files: no inline script, no other origin, no plugins, no framing.
#: Even if some article text slipped past escaping, a browser would refuse to run it.
DASHBOARD_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                 "frame-ancestors 'none'")
#: FastAPI's /docs page starts Swagger UI from an inline script; it gets this looser policy.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _error_body(status: int, message: str) -> bytes:
    return json.dumps({"error": {"status": status, "message": message}}).encode()


async def _send_error(send, status: int, message: str, headers: dict[str, str] | None = None) -> None:
    body = _error_body(status, message)
    # "connection: close": the request body may not have been read, so the connection cannot carry another
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"),
                            *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())]})
    await send({"type": "http.response.body", "body": body})


class TokenGuard:
    """Refuse the write routes (``guarded``: ``(method, path)`` pairs) without the server's token, from the
    headers alone: 403 on a read-only server, 401 without the right token, whatever the body is. It sits
    outside the body limit and the JSON parsing, so a client without the token cannot learn what the
    server makes of a body (malformed, huge, deeply nested) nor make it read one."""

    def __init__(self, app, token: str | None, guarded: frozenset[tuple[str, str]]):
        self.app = app
        self.token = token
        self.guarded = guarded

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and (scope["method"], scope["path"].rstrip("/") or "/") in self.guarded:
            authorization = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), None)
            refusal = token_refusal(self.token, authorization)
            if refusal is not None:
                status, message = refusal
                return await _send_error(send, status, message, CHALLENGE if status == 401 else None)
        return await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit. An ``HTTPException`` (413) so that
    FastAPI, reading the body to parse it, passes it on as it is instead of turning it into a 400."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body is over the limit of {limit:,} bytes")


class BodySizeLimit:
    """Refuse request bodies over ``limit`` bytes with 413: at once when Content-Length says so, else
    as soon as the streamed body passes the limit (chunked uploads)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _send_error(send, 400, "Content-Length is not a number")
                if declared > self.limit:
                    return await _send_error(send, 413, f"request body of {declared:,} bytes is over the limit of "
                                                        f"{self.limit:,}")
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _send_error(send, 413, f"request body is over the limit of {self.limit:,} bytes")


class SecurityHeaders:
    """Adds a Content-Security-Policy, no-sniffing and no-referrer headers to every response."""

    def __init__(self, app, docs_paths: tuple[str, ...] = ("/docs", "/redoc")):
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = DOCS_CSP if scope["path"] in self.docs_paths else DASHBOARD_CSP

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
