"""Odd input through the whole pipeline: very long sentences, lists, tables, all-caps headlines,
non-English text. No crash, no garbage: every offset points into the text, every event code is in
the CAMEO table, and the number of events stays bounded however long the input."""
from __future__ import annotations

import pytest

from tidings.knowledge.cameo import load_cameo

CAMEO = load_cameo()

LONG_SENTENCE = " ".join(
    f"the delegation from province {i} and its allies, who had travelled for {i} days,"
    for i in range(60)) + " met the governor, who said nothing."
LIST = "\n".join(f"- Item {i}: troops withdrew from village {i}; rebels attacked post {i}." for i in range(40))
TABLE = "Country | Troops | Status\n---|---|---\n" + "\n".join(f"Land{i} | {i * 100} | deployed" for i in range(50))
CAPS = "RUSSIA REJECTS US DEMANDS AS TALKS STALL IN GENEVA\n\nThe talks ended on Monday without agreement."
GERMAN = ("Die Regierung in Berlin hat am Montag neue Sanktionen gegen das Land angekündigt. "
          "Der Außenminister sagte, man werde die Gespräche fortsetzen.")
SPANISH = "El gobierno rechazó el lunes las demandas de los rebeldes, según fuentes oficiales."
NOISE = "%%% ### @@@ 12345 ;;; ::: ... !!! ??? " * 200


def _check(a):
    for layer in (a.times, a.places, a.quotes):
        for item in layer:
            assert a.text[item.start:item.end] == item.text
    for actor in a.actors:
        for m in actor.mentions:
            assert a.text[m.start:m.end] == m.text
    for e in a.events:
        assert e.cameo in CAMEO and 1 <= e.quad <= 4
        assert a.text[e.trigger.start:e.trigger.end] == e.trigger.text
        for side in (e.source, e.target):
            if side is not None:
                assert a.text[side.start:side.end] == side.text
    assert len(a.events) <= 10 * max(1, len(a.sentences))


@pytest.mark.parametrize("text", [LONG_SENTENCE, LIST, TABLE, CAPS, GERMAN, SPANISH, NOISE],
                         ids=["500-tokens", "list", "table", "all-caps", "german", "spanish", "noise"])
def test_robustness_odd_input_gives_valid_output(analyze, text):
    _check(analyze(text))


def test_robustness_a_long_sentence_yields_few_events(analyze):
    a = analyze(LONG_SENTENCE)
    assert len(LONG_SENTENCE.split()) > 500
    assert len(a.events) <= 10


def test_robustness_non_english_text_yields_no_events(analyze):
    assert analyze(GERMAN).events == [] and analyze(SPANISH).events == []


def test_robustness_a_negated_attack_is_never_an_asserted_assault(analyze):
    a = analyze("Russia has denied it has plans to attack its neighbour. The army did not attack the town. "
                "Officials fear a possible invasion. The rebels could strike the capital.")
    assert not [e for e in a.events if e.plover == "ASSAULT" and e.mode == "asserted"]


# ---- crashes that dropped whole articles, each fixed at its cause -----------------------------

def _no_layer_lost(a):
    assert a.failed_layers == [], a.failed_layers
    _check(a)
    return a


@pytest.mark.parametrize("expression", [
    "signed " + "9" * 400 + " years ago",  # past float's range: the amount parsed as infinity
    "the past " + "9" * 400 + " years",
    "999999999 days ago",  # inside float's range, outside the calendar
    "99999 fortnights ago",
    "9000 years from now",
])
def test_robustness_a_time_amount_past_the_calendar_has_no_value(analyze, expression):
    a = _no_layer_lost(analyze(f"The treaty was {expression}, officials said. Troops left on Monday."))
    assert a.times and a.times[-1].value == "2022-01-10"  # the layer is there: "on Monday" resolved
    assert all(t.value is None or not t.value.lstrip("-P").startswith("9" * 20) for t in a.times)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_robustness_a_publication_date_at_the_calendars_edge_anchors_nothing(analyze, published):
    a = _no_layer_lost(analyze("He arrived yesterday and leaves tomorrow. The next day he flew home.", published))
    assert [t.text for t in a.times] == ["yesterday", "tomorrow", "The next day"]
    assert all(t.value is None for t in a.times)


@pytest.mark.parametrize("text", [
    "Can it last?\x0b\x06the spokesman\u201d\x85\x19asked\u2029\x08\x15\"Peskov",  # a mark inside the last token
    "\x7f\u2019\x1dWhy now\ufeff?\x7fDr. Jane Doe\x7fwondered\x10\x03``\x11Smith",
    "The minister said \u201cwe will not yield and left. \u201d\u201d Officials said \u201cnothing",
])
def test_robustness_unbalanced_quote_marks_glued_to_words(analyze, text):
    _no_layer_lost(analyze(text))


@pytest.mark.parametrize("text", [
    " What next  ? \x1f\x06\x1f\x1f John Smith .. added  Mr. Smith ",  # the model's PERSON: "\x06\x1f\x1f "
    "\x19Is it over\x1e\n?\x19Smith\x19\x1e\n\u201c\x0fSmith?",
])
def test_robustness_control_characters_between_a_question_and_a_name(analyze, text):
    _no_layer_lost(analyze(text))


def test_robustness_a_title_and_a_control_character_are_no_speakers_name(pipeline):
    # an entity can end in a whitespace token ("Dr." + "\x1c\x1c"): without its title it names no one
    from spacy.tokens import Doc

    from tidings.extract.speakers import SpeakerResolver

    doc = Doc(pipeline.nlp.vocab, words=["Why", "?", "Dr.", "\x1c\x1c", "asked", "."], spaces=[False] * 6,
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    resolver = SpeakerResolver(doc, doc.text, pipeline.knowledge.cues, [])
    assert resolver._people == []


@pytest.mark.parametrize("metadata, message", [
    ({"title": ["Talks", "resume"]}, "title is a list, not a string"),
    ({"url": {"href": "https://example.com"}}, "url is a dict, not a string"),
])
def test_robustness_metadata_of_the_wrong_type_is_a_clear_error(pipeline, metadata, message):
    from tidings.errors import UnreadableArticle
    from tidings.model import Article

    with pytest.raises(UnreadableArticle) as caught:
        pipeline.analyze("Talks resumed in Geneva on Monday.", {"id": "k9", **metadata})
    assert str(caught.value) == f"k9: {message}"
    # in a batch it is that article's error, in its place
    results = list(pipeline.analyze_many([Article("a", "Talks resumed."), Article("b", "Talks resumed.", **metadata)]))
    assert type(results[0]).__name__ == "Analysis" and isinstance(results[1], UnreadableArticle)
