"""The HTTP protocol the server runs: uvicorn's httptools protocol, answering requests it cannot parse
(a malformed ``Content-Length``, a bad header line) with the API's JSON error shape.

Such a request never reaches the application: the parser refuses it, and uvicorn answers a plain-text
"Invalid HTTP request received." Its ``send_400_response`` is the one place that answer is written,
so that is what this subclass replaces; pass the class as uvicorn's ``http``.
"""
from __future__ import annotations

import json
import sys

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

_HEADERS = (b"content-type: application/json\r\nx-content-type-options: nosniff\r\n"
            b"referrer-policy: no-referrer\r\nconnection: close\r\n")


class JSONErrorsHttpToolsProtocol(HttpToolsProtocol):
    def send_400_response(self, msg: str) -> None:
        # uvicorn calls this from the ``except`` clause that caught the parser's error, so the error in
        # flight names what was wrong ("Invalid character in Content-Length")
        cause = sys.exc_info()[1]
        detail = f": {cause}" if cause is not None and str(cause) else ""
        body = json.dumps({"error": {"status": 400, "message": f"malformed HTTP request{detail}"}}).encode()
        head = b"HTTP/1.1 400 Bad Request\r\n"
        for name, value in self.server_state.default_headers:
            head += name + b": " + value + b"\r\n"
        self.transport.write(head + _HEADERS + b"content-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        self.transport.close()
