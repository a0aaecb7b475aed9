"""Reading JSON request bodies: JSON nested too deeply for the parser is a 422 like any other bad JSON.

Python's ``json`` parser recurses once per level of nesting and raises ``RecursionError`` near the
interpreter's recursion limit (about 1,000 levels); FastAPI turns any such surprise into a bare 400
"There was an error parsing the body". No request the API takes nests beyond a few levels, so a body
that deep is simply invalid JSON for us, and is answered the way a syntax error is.
"""
from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute

TOO_DEEP = "nested too deeply"


class JSONBodyRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = json.loads(body)
            except RecursionError:
                # FastAPI answers a JSONDecodeError as a 422 (type "json_invalid"); the document is left
                # empty so that the error never carries the (possibly 2 MB) body around
                raise json.JSONDecodeError(TOO_DEEP, "", 0) from None
        return self._json


class JSONBodyRoute(APIRoute):
    """A route whose JSON body is read by ``JSONBodyRequest`` (set as a router's ``route_class``)."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def read_with_limits(request: Request):
            return await handler(JSONBodyRequest(request.scope, request.receive))

        return read_with_limits
