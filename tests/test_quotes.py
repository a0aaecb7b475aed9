"""Quote attribution on sentences written for these tests (no data-set text)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import KnowledgeError
from tidings.evaluate.quotes import GoldAttribution, score
from tidings.extract.quotes import find_quoted_regions
from tidings.knowledge.cues import load_cues
from tidings.model import Analysis, Quote, Sentence, Span
from tidings.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def quotes_of(pipeline, text):
    return pipeline.analyze(text).quotes


def only(quotes, kind=None):
    chosen = [q for q in quotes if kind is None or q.kind == kind]
    assert len(chosen) == 1, quotes
    return chosen[0]


def test_quotes_direct_after_cue_inversion(pipeline):
    text = 'The harbour will reopen next week. "We expect the first ships on Monday," said Maria Lindqvist.'
    q = only(quotes_of(pipeline, text), "direct")
    assert q.text == '"We expect the first ships on Monday,"'
    assert q.speaker.text == "Maria Lindqvist"
    assert q.speaker_name == "Maria Lindqvist"
    assert q.cue.text == "said"


def test_quotes_direct_with_curly_marks_before_colon(pipeline):
    text = "The mayor, Tomas Berg, told reporters: \u201cThe bridge is safe. We checked it twice.\u201d"
    q = only(quotes_of(pipeline, text), "direct")
    assert q.text.startswith("\u201c") and q.text.endswith("\u201d")
    assert "Berg" in q.speaker_name


def test_quotes_split_around_cue_is_one_quote(pipeline):
    text = '"The budget is tight," Ellen Marsh said. "But the clinic will stay open."'
    q = only(quotes_of(pipeline, text))
    assert q.text == text
    assert q.speaker_name == "Ellen Marsh"


def test_quotes_pronoun_resolves_to_named_speaker(pipeline):
    text = (
        "Hospital director Ellen Marsh spoke on Tuesday.\n\n"
        '"We have hired forty nurses this year," she said.'
    )
    q = only(quotes_of(pipeline, text), "direct")
    assert q.speaker.text == "she"
    assert q.speaker_name == "Ellen Marsh"


def test_quotes_surname_resolves_to_full_name(pipeline):
    text = (
        "Farm leader Piet de Wit criticised the plan on Monday.\n\n"
        '"Nobody asked the growers," Wit said.'
    )
    q = only(quotes_of(pipeline, text), "direct")
    assert q.speaker_name == "Piet de Wit"


def test_quotes_indirect_keeps_that_and_drops_the_stop(pipeline):
    text = "The finance minister said that the new tax would raise two billion euros."
    q = only(quotes_of(pipeline, text), "indirect")
    assert q.text == "that the new tax would raise two billion euros"
    assert q.speaker.text == "The finance minister"


def test_quotes_indirect_reversed_order(pipeline):
    text = "The strike will end on Friday, union officials said."
    q = only(quotes_of(pipeline, text), "indirect")
    assert q.text == "The strike will end on Friday"
    assert "officials" in q.speaker.text


def test_quotes_according_to(pipeline):
    text = "According to the ministry, prices rose by four percent in March."
    q = only(quotes_of(pipeline, text))
    assert q.text == "prices rose by four percent in March"
    assert "ministry" in q.speaker.text


def test_quotes_mixed_quote_spans_the_reported_clause(pipeline):
    text = 'Senator Ruth Okafor said the talks had been "a waste of everyone\'s time."'
    q = only(quotes_of(pipeline, text))
    assert q.kind == "mixed"
    assert q.text.startswith("the talks")
    assert q.speaker_name == "Ruth Okafor"


def test_quotes_continuation_paragraph_keeps_the_speaker(pipeline):
    text = (
        '"The river rose faster than any model predicted," said engineer Jonas Held.\n\n'
        '"We will need new walls along the whole valley."'
    )
    quotes = quotes_of(pipeline, text)
    assert len(quotes) == 2
    assert quotes[1].speaker_name == "Jonas Held"
    assert quotes[1].cue is None


def test_quotes_title_in_quote_marks_is_not_speech(pipeline):
    text = 'She appeared on "Good Morning Lakeside" last week.'
    assert quotes_of(pipeline, text) == []


def test_quotes_sorted_and_offsets_match_text(pipeline):
    text = (
        "The council said it would vote in May. "
        '"It is a fair deal," Ana Ruiz said. Critics warned that rents would rise.'
    )
    quotes = quotes_of(pipeline, text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert q.speaker is None or text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_quote_regions_run_on_across_paragraphs():
    text = '"First part of the statement.\n\n"Second part, closed here."\n\nAfter.'
    paragraphs = [Sentence(0, 29), Sentence(31, 58), Sentence(60, 66)]
    assert find_quoted_regions(text, paragraphs) == [(0, 58)]


def test_quote_regions_ignore_apostrophes_and_short_single_quotes():
    text = "It\u2019s the \u2018best\u2019 plan, the mayor\u2019s aide said."
    assert find_quoted_regions(text, [Sentence(0, len(text))]) == []


def test_cues_user_file_adds_a_verb(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("#! tidings cues 1\nverb\tgrumble\tspeech\n", encoding="utf-8")
    cues = load_cues((extra,))
    assert "grumble" in cues.speech_verbs and "say" in cues.speech_verbs


def test_cues_bad_category_names_the_line(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("#! tidings cues 1\nadverb\tloudly\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.tsv:2"):
        load_cues((bad,))


def test_evaluate_quotes_scores_like_the_reference():
    text = 'X said "yes" and Y said no.'
    gold = {"a": (text, [GoldAttribution((7, 12), [(0, 1)]), GoldAttribution((23, 25), [(17, 18)])])}
    analysis = Analysis(id="a", text=text)
    analysis.quotes = [Quote(7, 12, '"yes"', "direct", Span(0, 1, "X"), "X")]
    scores = score(gold, {"a": analysis})
    assert (scores.direct.matched, scores.direct.system, scores.direct.gold) == (1, 1, 1)
    assert (scores.all.matched, scores.all.gold) == (1, 2)
    assert scores.speaker_accuracy == 1.0


# -- frames beyond reported clauses (sentences written for these tests) ----------------------------
def test_quotes_intent_verb_attributes_its_infinitive(pipeline):
    text = "The harbour master vowed to reopen the northern pier by June."
    q = only(quotes_of(pipeline, text))
    assert (q.kind, q.text, q.cue.text) == ("indirect", "to reopen the northern pier by June", "vowed")
    assert q.speaker.text == "The harbour master"


def test_quotes_raising_verb_attributes_the_whole_clause_without_source(pipeline):
    for text, cue in (
        ("The ferry company seems to have lost interest in the route.", "seems"),
        ("The new bridge is expected to carry forty thousand cars a day.", "expected"),
    ):
        q = only(quotes_of(pipeline, text))
        assert q.text == text[:-1] and q.cue.text == cue and q.speaker is None


def test_quotes_stance_verb_attributes_its_object(pipeline):
    q = only(quotes_of(pipeline, "Governor Alma Reyes endorsed the school levy on Tuesday."))
    assert q.text == "the school levy" and q.speaker_name == "Alma Reyes"
    q = only(quotes_of(pipeline, "The mayor accused the transit board of hiding the repair costs."))
    assert q.text == "the transit board of hiding the repair costs"


def test_quotes_verb_with_preposition_attributes_its_object(pipeline):
    q = only(quotes_of(pipeline, "Union leader Carl Benson called for a review of the overtime rules."))
    assert q.text == "a review of the overtime rules" and q.cue.text == "called"
    assert q.speaker_name == "Carl Benson"


def test_quotes_noun_cue_with_that_clause_takes_the_possessor(pipeline):
    text = "Critics mocked the minister's claim that the budget was balanced."
    q = [q for q in quotes_of(pipeline, text) if q.cue.text == "claim"]
    assert len(q) == 1 and q[0].text == "that the budget was balanced"
    assert "minister" in q[0].speaker.text


def test_quotes_findings_of_documents_are_attributed(pipeline):
    q = only(quotes_of(pipeline, "The audit found that the agency had overpaid its contractors."))
    assert q.text == "that the agency had overpaid its contractors" and q.speaker.text == "The audit"


def test_quotes_misparsed_clause_before_cue_needs_punctuation(pipeline):
    text = "A survey of local shops showed that most owners expect higher rents."
    q = only(quotes_of(pipeline, text))
    assert q.text == "that most owners expect higher rents" and q.cue.text == "showed"


def test_quotes_frame_needs_a_source_that_can_hold_a_view(pipeline):
    assert quotes_of(pipeline, "The pumps that support the old canal will be replaced next year.") == []


def test_quotes_name_colon_line(pipeline):
    text = "Ines Carvalho: Our Valley Deserves a Real Hospital\n\nThe clinic closed in May."
    q = only(quotes_of(pipeline, text))
    assert q.text == "Our Valley Deserves a Real Hospital" and q.speaker_name == "Ines Carvalho"


def test_quote_regions_ignore_empty_quote_marks():
    text = 'A tag <img alt=""> and more.'
    assert find_quoted_regions(text, [Sentence(0, len(text))]) == []


def test_quotes_offsets_exact_for_new_frames(pipeline):
    text = (
        "The union urged members to reject the offer. Its leaders seem to doubt the figures, "
        "and the board's statement that wages would rise drew criticism from nurses."
    )
    for q in quotes_of(pipeline, text):
        assert text[q.start:q.end] == q.text and q.kind in ("direct", "indirect", "mixed")


def test_cues_frame_prep_and_noun_rows(tmp_path: Path):
    extra = tmp_path / "mine.tsv"
    extra.write_text("#! tidings cues 1\nframe\tapplaud\tobject\nprep\tgripe about\nnoun\tgripe\tabout\n", encoding="utf-8")
    cues = load_cues((extra,))
    assert "object" in cues.frames["applaud"]
    assert "about" in cues.prep_verbs["gripe"] and "about" in cues.nouns["gripe"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("#! tidings cues 1\nframe\tapplaud\tloudly\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="bad.tsv:2"):
        load_cues((bad,))


def test_quotes_speaker_named_in_an_apposition_links_to_the_person_actor(pipeline):
    a = pipeline.analyze('Negotiators met in Vienna on Monday. "We made real progress today," said the lead '
                'negotiator, Tomas Lindqvist.')
    person = next(x for x in a.actors if x.name == "Tomas Lindqvist")
    (q,) = a.quotes
    assert q.speaker_name == "Tomas Lindqvist" and q.actor == person.id


def test_quotes_speaker_is_the_whole_mention_with_its_of_phrase(pipeline):
    a = pipeline.analyze('The head of the French delegation at Tuesday\'s meeting in Vienna stressed the '
                         'crisis was "caused by Moscow".')
    q = only(a.quotes)
    assert q.speaker.text == "The head of the French delegation"
    assert a.text[q.speaker.start:q.speaker.end] == q.speaker.text
    actor = next(x for x in a.actors if x.id == q.actor)
    assert actor.code.startswith("FRA")


def test_quotes_speaker_for_phrase_joins_but_the_named_person_keeps_the_actor(pipeline):
    a = pipeline.analyze('A spokesman for the Dutch foreign ministry, Pieter van Hulst, said the plan was "absurd".')
    q = only(a.quotes)
    assert q.speaker.text == "A spokesman for the Dutch foreign ministry"
    assert q.speaker_name == "Pieter van Hulst"
