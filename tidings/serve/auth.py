"""The write token: who may ``POST /articles``.

A server started without ``TIDINGS_TOKEN`` is read-only (403 for every write); with one, a write needs
``Authorization: Bearer <token>`` (401 otherwise). The check reads headers only, so it can run before
any of the request body is read (``middleware.TokenGuard``).
"""
from __future__ import annotations

import hmac

READ_ONLY = "this server is read-only: start it with TIDINGS_TOKEN set to accept articles"
NEEDS_TOKEN = "a valid token is needed: send 'Authorization: Bearer <TIDINGS_TOKEN>'"
#: sent with every 401, as RFC 6750 asks
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def token_refusal(expected: str | None, authorization: str | None) -> tuple[int, str] | None:
    """``(status, message)`` when a write with this ``Authorization`` header must be refused, else None."""
    if not expected:
        return 403, READ_ONLY
    given = ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    # constant time: how much of a guess was right must not show in the answer's timing
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return 401, NEEDS_TOKEN
    return None
