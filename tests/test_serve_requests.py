"""What the server makes of odd requests, on a real uvicorn server: the token is checked before the
body is looked at, JSON nested too deeply is a 422, and a request the HTTP parser refuses (a malformed
Content-Length) still gets the API's JSON error shape."""
from __future__ import annotations

import json
import socket

import pytest
import requests
from serving import TOKEN

TIMEOUT = 120
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {"Content-Type": "application/json"}


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


def raw_request(url: str, head: bytes, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are (no client library tidies them) and read the answer until the server closes."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT) as sock:
        sock.sendall(head + b"\r\n" + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head_part, _, payload = data.partition(b"\r\n\r\n")
    lines = head_part.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, payload


def assert_json_error(status: int, headers: dict, payload: bytes, expected: int, contains: str) -> None:
    assert status == expected, payload[:300]
    assert headers["content-type"].startswith("application/json")
    body = json.loads(payload)
    assert set(body) == {"error"} and body["error"]["status"] == expected, body
    assert contains.lower() in body["error"]["message"].lower(), body


# bodies a client without the token may send; none of them is looked at
ANY_BODY = {
    "malformed JSON": b'{"articles": [{"text": ',
    "deeply nested JSON": b'{"articles": ' + deep(50_000) + b"}",
    "not JSON at all": b"\x00\x01binary",
    "a valid batch": json.dumps({"articles": [{"id": "a-1", "text": "Peru and Bolivia agreed to talk."}]}).encode(),
}


@pytest.mark.parametrize("what", sorted(ANY_BODY))
def test_server_read_only_refuses_any_post_articles_body_with_403(sample_server, what):
    r = requests.post(sample_server.url + "/articles", data=ANY_BODY[what], headers={**JSON, **AUTH}, timeout=TIMEOUT)
    assert r.status_code == 403, r.text[:300]
    assert "read-only" in r.json()["error"]["message"]


@pytest.mark.parametrize("what", sorted(ANY_BODY))
@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token"])
def test_server_without_the_token_refuses_any_post_articles_body_with_401(writable_server, what, authorization):
    headers = {**JSON, **({"Authorization": authorization} if authorization else {})}
    r = requests.post(writable_server.url + "/articles", data=ANY_BODY[what], headers=headers, timeout=TIMEOUT)
    assert r.status_code == 401, r.text[:300]
    assert r.headers["WWW-Authenticate"] == "Bearer"
    assert r.json()["error"]["status"] == 401


def test_server_refuses_a_huge_post_articles_by_its_token_not_its_size(sample_server, writable_server):
    """Content-Length far over the body limit: the answer is about the token, sent before any body."""
    for server, auth, expected in ((sample_server, b"", 403), (writable_server, b"", 401),
                                   (writable_server, f"Authorization: Bearer {TOKEN}\r\n".encode(), 413)):
        head = (b"POST /articles HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n" + auth +
                b"Content-Length: 999999999\r\nConnection: close\r\n")
        status, headers, payload = raw_request(server.url, head)
        assert_json_error(status, headers, payload, expected, "")


@pytest.mark.parametrize("body", [
    deep(5_000),
    b'{"text": "Peru met Bolivia.", "title": ' + deep(5_000) + b"}",
    b'{"text": ' + b'{"text": ' * 5_000 + b'"x"' + b"}" * 5_001,
])
def test_analyze_answers_deeply_nested_json_with_422(sample_server, body):
    r = requests.post(sample_server.url + "/analyze", data=body, headers=JSON, timeout=TIMEOUT)
    assert r.status_code == 422, r.text[:300]
    error = r.json()["error"]
    assert error["status"] == 422 and "nested too deeply" in error["message"], error


def test_post_articles_with_the_token_answers_deeply_nested_json_with_422(writable_server):
    body = b'{"articles": [' + deep(20_000) + b"]}"
    r = requests.post(writable_server.url + "/articles", data=body, headers={**JSON, **AUTH}, timeout=TIMEOUT)
    assert r.status_code == 422, r.text[:300]
    assert "nested too deeply" in r.json()["error"]["message"]


def test_nesting_the_parser_can_read_is_judged_by_the_schema(sample_server):
    r = requests.post(sample_server.url + "/analyze", data=b'{"text": "x", "title": ' + deep(100) + b"}",
                      headers=JSON, timeout=TIMEOUT)
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("body.title"), r.text[:300]


def test_malformed_json_names_what_the_parser_found(sample_server):
    r = requests.post(sample_server.url + "/analyze", data=b'{"text": ', headers=JSON, timeout=TIMEOUT)
    assert r.status_code == 422
    assert "invalid JSON: Expecting value" in r.json()["error"]["message"]


@pytest.mark.parametrize("value", [b"abc", b"-5", b"1e3", b"12 34"])
def test_a_malformed_content_length_gets_the_json_error_shape(sample_server, value):
    head = (b"POST /analyze HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: " + value +
            b"\r\nConnection: close\r\n")
    status, headers, payload = raw_request(sample_server.url, head, b'{"text": "Peru met Bolivia."}')
    assert_json_error(status, headers, payload, 400, "malformed HTTP request")
    assert headers["x-content-type-options"] == "nosniff"
    # and the server goes on answering
    assert requests.get(sample_server.url + "/status", timeout=TIMEOUT).status_code == 200
