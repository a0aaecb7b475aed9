"""The server never blocks on analysis: analyses run in worker processes, behind a bounded queue, each
within a time budget. On real uvicorn servers; a slow analysis is made slow deterministically by
holding the pool (its analyses wait until released), so every step is ordered by what the test has
seen (an analysis held, a count on /status), never by how long something took."""
from __future__ import annotations

import os
import threading
import time

import pytest
import requests
from serving import TOKEN, RunningServer

from tidings.serve import ServeConfig

TIMEOUT = 300
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = ("LIMA, Sept. 5, 2023 - Peru and Bolivia agreed on Tuesday to reopen their border crossings at Lake "
        "Titicaca. \"Trade must flow again,\" the Peruvian minister said.")


class InFlight(threading.Thread):
    """A request sent from a thread; ``response`` once it is answered."""

    def __init__(self, method: str, url: str, **kwargs):
        super().__init__(daemon=True)
        self.method, self.url, self.kwargs = method, url, kwargs
        self.response: requests.Response | None = None
        self.start()

    def run(self):
        self.response = requests.request(self.method, self.url, timeout=TIMEOUT, **self.kwargs)


def analysis_status(server) -> dict:
    r = requests.get(server.url + "/status", timeout=TIMEOUT)
    assert r.status_code == 200
    return r.json()["analysis"]


def wait_until_admitted(server, count: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while analysis_status(server)["admitted"] < count:
        assert time.monotonic() < deadline, "the requests never reached the pool"
        time.sleep(0.02)


@pytest.fixture
def held(analysis_pool):
    """The shared pool, held: analyses that start wait until the test ends (or releases it)."""
    analysis_pool.hold()
    yield analysis_pool
    analysis_pool.release()


def test_serve_answers_status_and_reads_while_an_analysis_runs(sample_server, held):
    slow = InFlight("POST", sample_server.url + "/analyze", json={"text": TEXT, "published": "2023-09-05"})
    worker = held.held_worker()  # the analysis is running, in that process, and cannot finish
    for path in ("/status", "/events", "/stories", "/articles", "/"):
        assert requests.get(sample_server.url + path, timeout=TIMEOUT).status_code == 200, path
    assert analysis_status(sample_server)["admitted"] == 1
    assert slow.is_alive() and slow.response is None  # answered after every request above
    assert worker != os.getpid()
    held.release()
    slow.join(TIMEOUT)
    assert slow.response.status_code == 200 and slow.response.json()["text"] == TEXT


def test_serve_answers_503_with_retry_after_when_the_queue_is_full(sample_server, writable_server, held):
    limits = analysis_status(sample_server)
    capacity = limits["workers"] + limits["queue"]
    waiting = [InFlight("POST", sample_server.url + "/analyze", json={"text": TEXT})]
    held.held_worker()
    waiting += [InFlight("POST", sample_server.url + "/analyze", json={"text": TEXT}) for _ in range(capacity - 1)]
    wait_until_admitted(sample_server, capacity)
    refused = requests.post(sample_server.url + "/analyze", json={"text": TEXT}, timeout=TIMEOUT)
    assert refused.status_code == 503
    assert refused.json()["error"]["status"] == 503 and "queue is full" in refused.json()["error"]["message"]
    assert int(refused.headers["Retry-After"]) >= 1
    # ingestion shares the pool (the writable server uses the same one): refused as well, nothing stored
    post = requests.post(writable_server.url + "/articles", json={"articles": [{"id": "p-1", "text": TEXT}]},
                         headers=AUTH, timeout=TIMEOUT)
    assert post.status_code == 503 and "Retry-After" in post.headers
    assert requests.get(sample_server.url + "/status", timeout=TIMEOUT).status_code == 200
    held.release()
    for request in waiting:
        request.join(TIMEOUT)
        assert request.response.status_code == 200
    assert analysis_status(sample_server)["admitted"] == 0
    assert requests.post(sample_server.url + "/analyze", json={"text": TEXT}, timeout=TIMEOUT).status_code == 200


@pytest.fixture(scope="module")
def budget_server(tmp_path_factory):
    """A server with a pool of its own: one worker, no queue, a budget of 5 s per analysis."""
    config = ServeConfig(db=tmp_path_factory.mktemp("budget") / "budget.db", token=TOKEN, analysis_workers=1,
                         analysis_queue=0, analysis_budget_s=5)
    with RunningServer(config) as server:
        yield server


def test_serve_warms_its_workers_before_it_answers(budget_server):
    pool = budget_server.app.state.analysis
    assert pool.version  # reported by a worker after it analysed its warm-up text
    assert analysis_status(budget_server) == {"workers": 1, "queue": 0, "budget_s": 5.0, "admitted": 0,
                                              "stopped_over_budget": 0, "crashed": 0}


def test_serve_stops_an_analysis_over_budget_and_replaces_its_worker(budget_server):
    pool = budget_server.app.state.analysis
    pool.hold()
    try:
        slow = InFlight("POST", budget_server.url + "/analyze", json={"text": TEXT})
        worker = pool.held_worker()  # held: it can only end by being stopped
        slow.join(TIMEOUT)
        r = slow.response
        assert r.status_code == 504, r.text
        assert "5 s" in r.json()["error"]["message"] and "Retry-After" not in r.headers
        with pytest.raises(ProcessLookupError):  # the worker was killed, not left running
            os.kill(worker, 0)
        assert analysis_status(budget_server)["stopped_over_budget"] == 1
        # in ingestion, the article over budget is reported and nothing is stored
        posted = InFlight("POST", budget_server.url + "/articles", headers=AUTH,
                          json={"articles": [{"id": "slow-1", "text": TEXT}]})
        assert pool.held_worker() != worker  # a new worker took the article
        posted.join(TIMEOUT)
        result = posted.response.json()
        assert posted.response.status_code == 200 and result["new"] == 0, result
        assert len(result["failed"]) == 1 and "slow-1" in result["failed"][0] and "5 s" in result["failed"][0]
    finally:
        pool.release()
    ok = requests.post(budget_server.url + "/analyze", json={"text": TEXT}, timeout=TIMEOUT)
    assert ok.status_code == 200 and ok.json()["text"] == TEXT
    assert analysis_status(budget_server)["stopped_over_budget"] == 2
