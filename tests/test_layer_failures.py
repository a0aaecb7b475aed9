"""An extractor that fails costs its own layer, never the article: the layer is left out (listed in
``Analysis.failed_layers``), what it had half-written is undone, the layers that only use it run with
it empty, the ones that cannot run without it are listed as not run, and the CLI and ingestion report
it. The failing extractor here is made up (every crash we know of is fixed at its cause, see
test_robustness.py): a bug is what cannot be produced for real."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tidings.errors import ArticleWarning, ExtractorFailed
from tidings.model import Analysis, Article, LayerFailure

TEXT = ("Russia rejected the demands of the United States on Monday, officials said in Geneva.\n\n"
        "\"We will not yield,\" said the foreign minister, Anna Petrova.")


def _boom_in(step, when=lambda analysis: True):
    """``step`` made to half-write its layer and raise on the articles ``when`` picks."""

    def run(doc, analysis, knowledge):
        if when(analysis):
            setattr(analysis, step.assigns[0], "half-written")
            raise ValueError("cannot cope")
        step.run(doc, analysis, knowledge)

    return replace(step, run=run)


@pytest.fixture
def failing(pipeline):
    """Replace the named step's run with one that fails; restore the pipeline afterwards."""
    original = pipeline.steps

    def make(step_name: str, when=lambda analysis: True):
        pipeline.steps = tuple(_boom_in(s, when) if s.name == step_name else s for s in original)
        return pipeline

    yield make
    pipeline.steps = original


def test_layer_failures_a_failing_extractor_loses_only_its_layer(pipeline, failing):
    whole = pipeline.analyze(TEXT, {"id": "a", "published": "2022-01-11"})
    assert whole.times and whole.quotes and whole.events and whole.failed_layers == []

    broken = failing("times").analyze(TEXT, {"id": "a", "published": "2022-01-11"})
    assert broken.failed_layers == [LayerFailure("times", "ValueError: cannot cope")]
    assert broken.times == []  # undone, not "half-written"
    # everything else is there; events that only use times run with none (dated by publication)
    assert [q.text for q in broken.quotes] == [q.text for q in whole.quotes]
    assert [a.code for a in broken.actors] == [a.code for a in whole.actors]
    assert [(e.cameo, e.trigger) for e in broken.events] == [(e.cameo, e.trigger) for e in whole.events]
    assert all(e.date == "2022-01-11" for e in broken.events)
    assert broken.summary == whole.summary


def test_layer_failures_steps_that_need_a_lost_layer_are_listed_as_not_run(pipeline, failing):
    broken = failing("structure").analyze(TEXT, {"id": "a"})
    assert broken.failed_layers[0] == LayerFailure("structure", "ValueError: cannot cope")
    assert [f.layer for f in broken.failed_layers] == [s.name for s in pipeline.steps]
    assert all(f.error.startswith("not run: needs sentences") and f.error.endswith("lost with the structure layer")
               for f in broken.failed_layers[1:])
    assert broken.sentences == [] and broken.events == [] and broken.summary is None
    assert broken.to_json()["failed_layers"][1] == {"layer": "times", "error": broken.failed_layers[1].error}


def test_layer_failures_in_a_batch_only_the_bad_article_loses_a_layer(pipeline, failing):
    failing("events", when=lambda a: "poison" in a.text)
    day = "2022-01-11"
    results = list(pipeline.analyze_many([Article("a", TEXT, published=day), Article("b", "poison " + TEXT, published=day),
                                          Article("c", TEXT, published=day)]))
    assert [type(r).__name__ for r in results] == ["Analysis", "Analysis", "Analysis"]
    assert [[f.layer for f in r.failed_layers] for r in results] == [[], ["events"], []]
    assert results[0].events and results[1].events == [] and results[1].quotes


def test_layer_failures_round_trip_through_json_and_name_the_article(pipeline, failing):
    broken = failing("quotes").analyze(TEXT, {"id": "k1"})
    again = Analysis.from_json(json.loads(json.dumps(broken.to_json())))
    assert again.failed_layers == broken.failed_layers
    from tidings.pipeline import layer_warnings

    [warning] = layer_warnings(broken, "in.jsonl line 3")
    assert isinstance(warning, ExtractorFailed) and isinstance(warning, ArticleWarning)
    assert str(warning) == ("in.jsonl line 3: the quotes layer was left out (ValueError: cannot cope); "
                            "please report this")


def test_layer_failures_the_cli_writes_the_rest_and_warns(tmp_path, monkeypatch, pipeline):
    from click.testing import CliRunner

    import tidings.pipeline
    from tidings.cli import main

    steps = tidings.pipeline.extractors()
    monkeypatch.setattr(tidings.pipeline, "extractors",
                        lambda: tuple(_boom_in(s) if s.name == "places" else s for s in steps))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": TEXT, "published": "2022-01-11"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(src), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["failed_layers"] == [{"layer": "places", "error": "ValueError: cannot cope"}] and data["quotes"]
    assert "warning: " in result.stderr and "the places layer was left out (ValueError: cannot cope)" in result.stderr
    assert "1 with a layer left out" in result.stderr


def test_layer_failures_ingest_stores_the_rest_and_reports_it(tmp_path, pipeline, failing):
    from tidings.ingest.runner import Ingestor
    from tidings.store import Store

    failing("actors")
    problems = []
    with Store.open(tmp_path / "news.db") as store:
        summary = Ingestor(store, pipeline, on_problem=problems.append).ingest(
            [Article("a1", TEXT, published="2022-01-11", origin="feed.xml item 1")])
        stored = store.queries.article("a1")
    assert summary.new == 1 and summary.failed == []
    assert summary.warnings == ["feed.xml item 1: the actors layer was left out (ValueError: cannot cope); "
                                "please report this"]
    assert problems == ["warning: " + summary.warnings[0]]
    assert stored["analysis"]["failed_layers"] == [{"layer": "actors", "error": "ValueError: cannot cope"}]
    assert stored["analysis"]["actors"] == [] and stored["analysis"]["quotes"]
