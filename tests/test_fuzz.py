"""Fuzzing the whole pipeline with hostile text (Hypothesis; the shapes are in tests/fuzz_texts.py).

For every batch: no article is lost (one result per input, in order; an error only for input that
analysis refuses by design), no layer is lost (an extractor that raises is a bug the fuzzer found),
every offset indexes the text and every span's text is the text it points at, and the output is
deterministic (the same article analysed again, alone, gives the same JSON).

The default run is derandomized (the same examples every time, about a minute). Set
TIDINGS_FUZZ_EXAMPLES to run more, with fresh random examples on each run:
    TIDINGS_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py
"""
from __future__ import annotations

import json
import os

from fuzz_texts import REFUSED, hostile_text, hostile_title, published
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import ArticleError
from tidings.model import Article
from tidings.pipeline import check_article

EXAMPLES = int(os.environ.get("TIDINGS_FUZZ_EXAMPLES", "250"))

article = st.builds(
    lambda text, title, day: (text, title, day),
    st.one_of(hostile_text(), hostile_text(), hostile_text(), st.sampled_from(REFUSED)), hostile_title(), published)


def spans_of(node, where="analysis"):
    """Every object with character offsets in an analysis's JSON, with where it is."""
    if isinstance(node, dict):
        if "start" in node and "end" in node:
            yield where, node
        for key, value in node.items():
            yield from spans_of(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans_of(value, f"{where}[{i}]")


def check_offsets(data: dict) -> None:
    text = data["text"]
    for where, span in spans_of(data):
        start, end = span["start"], span["end"]
        if start is None and end is None and where.endswith(".place"):
            continue  # an event place taken from the dateline has no words of its own
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text), (where, span)
        if "text" in span:
            assert text[start:end] == span["text"], (where, span)
    n = len(data["sentences"])
    assert all(0 <= i < n for i in (data["summary"] or {}).get("sentences", [])), data["summary"]
    assert all(0 <= e["sentence"] < n for e in data["events"])
    assert data["headline"] is None or 0 <= data["headline"]["sentence"] < n


def expected_refusal(item: Article) -> type | None:
    try:
        check_article(item, 200_000)
    except ArticleError as exc:
        return type(exc)
    return None


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize="TIDINGS_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(batch=st.lists(article, min_size=1, max_size=3))
def test_fuzz_hostile_batches_lose_nothing_and_point_at_their_text(pipeline, batch):
    items = [Article(f"a{i}", text, title=title, published=day) for i, (text, title, day) in enumerate(batch)]
    results = list(pipeline.analyze_many(items))
    assert len(results) == len(items)
    for item, result in zip(items, results):
        refusal = expected_refusal(item)
        if refusal is not None:
            assert type(result) is refusal and str(result).startswith(f"{item.id}: ")
            continue
        assert not isinstance(result, ArticleError), result
        assert result.id == item.id and result.text == item.text
        assert result.failed_layers == [], result.failed_layers
        data = json.loads(json.dumps(result.to_json()))
        check_offsets(data)
        again = pipeline.analyze(item.text, {"id": item.id, "title": item.title, "published": item.published})
        assert again.to_json() == result.to_json()
