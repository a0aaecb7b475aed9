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
