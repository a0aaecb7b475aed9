import pytest

from tidings.extract.structure import content_words

LEDE = (
    "Talks between the two rivals ended without agreement, leaving diplomats gloomy about the months ahead.\n\n"
    "VIENNA, March 4, 2023 (Tidings Wire) - Talks between the two rivals ended on Friday without any agreement, "
    "leaving diplomats gloomy about the coming months. Negotiators said they would meet again.\n\n"
    "A third paragraph adds detail about the venue and the mood of the delegations.\n"
)


def test_structure_sentences_have_offsets_into_text(analyze):
    a = analyze(LEDE)
    assert a.sentences
    for s in a.sentences:
        chunk = a.text[s.start:s.end]
        assert chunk == chunk.strip() and chunk


def test_structure_dateline_joins_the_lede_sentence(analyze):
    a = analyze(LEDE)
    assert a.dateline is not None and a.dateline.text == "VIENNA"
    lede = [s for s in a.sentences if s.start <= a.dateline.start < s.end][0]
    assert "Talks between the two rivals ended on Friday" in a.text[lede.start:lede.end]


def test_structure_dateline_gives_published_when_none_passed(analyze):
    assert analyze(LEDE, published=None).published == "2023-03-04"
    assert analyze(LEDE, published="2023-03-05").published == "2023-03-05"


def test_structure_standfirst_restating_the_lede_is_marked(analyze):
    a = analyze(LEDE)
    assert a.standfirst is not None
    assert (a.standfirst.start, a.standfirst.end) == (0, a.text.index("\n"))
    restated = a.sentences[a.standfirst.duplicates]
    assert a.text[restated.start:restated.end].startswith("VIENNA")


def test_structure_first_paragraph_on_another_subject_is_not_a_standfirst(analyze):
    text = ("Farmers in the north harvested a record wheat crop this autumn.\n\n"
            "The central bank raised interest rates on Thursday to curb inflation, its governor said.\n")
    assert analyze(text).standfirst is None


def test_structure_paragraphs_split_on_newlines(analyze):
    a = analyze("One paragraph here.\n\nAnother one there.\nA third on a single newline.")
    assert [a.text[p.start:p.end] for p in a.paragraphs] == [
        "One paragraph here.", "Another one there.", "A third on a single newline."]


def test_structure_content_words_skip_stopwords():
    assert content_words("The talks in Geneva were tense") == {"talks", "geneva", "tense"}


# -- wire credits are sources, not places (sentences written for these tests) -----------------------
@pytest.mark.parametrize("opener, credit", [
    ("AP - ", "AP"), ("AFP - ", "AFP"), ("Canadian Press - ", "Canadian Press"), ("(Reuters) - ", "Reuters"),
    ("Reuters - ", "Reuters"), ("Example.com - ", "Example.com"),
])
def test_structure_wire_credit_alone_is_the_credit_not_a_dateline(analyze, opener, credit):
    a = analyze(opener + "Rebels attacked an army post near the border on Sunday, officials said.")
    assert a.dateline is None
    assert a.credit is not None and (a.credit.text, a.text[a.credit.start:a.credit.end]) == (credit, credit)
    assert not any(p.start < a.credit.end and p.end > a.credit.start for p in a.places)
    assert all(e.place is None or e.place.name != credit for e in a.events)
    assert not any(m.start < a.credit.end for x in a.actors for m in x.mentions)


def test_structure_credit_in_brackets_after_the_dateline(analyze):
    a = analyze("BAGHDAD (Reuters) - Rebels attacked an army post on Sunday, officials said.")
    assert (a.dateline.text, a.credit.text) == ("BAGHDAD", "Reuters")
    assert a.places[0].name == "Baghdad"


def test_structure_credit_before_a_dateline_leaves_the_dateline_its_place(analyze):
    a = analyze("Example.com - TORONTO, Canada -- A second team of engineers announced a launch date on Monday.")
    assert (a.credit.text, a.dateline.text) == ("Example.com", "TORONTO, Canada")
    assert (a.places[0].name, a.places[0].country) == ("Toronto", "CAN")


def test_structure_dateline_region_stops_before_the_dash(analyze):
    a = analyze("NAVAL STATION ROTA, Spain - Sailors - some 200 of them - unloaded supplies on Tuesday.")
    assert a.dateline.text == "NAVAL STATION ROTA, Spain"


def test_structure_credit_survives_the_json_form(analyze):
    from tidings.model import Analysis

    a = analyze("AP - Rebels attacked an army post on Sunday.")
    assert Analysis.from_json(a.to_json()).credit == a.credit


def test_a_capitalised_dateline_with_a_date_and_a_credit():
    from tidings.extract.structure import find_opener
    from tidings.model import Sentence
    text = "Nairobi, Sept. 8 (KNA): Kenyan police arrested two men."
    opener = find_opener(text, [Sentence(0, len(text))], lambda w: False)
    assert opener is not None and opener.dateline.text == "Nairobi" and opener.credit.text == "KNA"
    plain = "Nairobi: Kenyan police arrested two men."  # a place and a colon alone may be a heading
    assert find_opener(plain, [Sentence(0, len(plain))], lambda w: False) is None


@pytest.mark.parametrize("opener, place", [
    ("LONDON, AUGUST 17: ", "LONDON"), ("NEW DELHI, AUG 29: ", "NEW DELHI"), ("QUITO, SEPT. 3, 2004 - ", "QUITO"),
])
def test_structure_dateline_with_its_month_in_capitals(analyze, opener, place):
    # South Asian and some British wires write the month of a dateline in capitals
    a = analyze(opener + "Rebels attacked an army post near the border, officials said.")
    assert a.dateline is not None and a.dateline.text == place
    assert not any(m.start < a.dateline.end + 3 and "AUG" in m.text for x in a.actors for m in x.mentions)


def test_a_capitalised_dateline_with_its_country_after_it(analyze):
    # "Bamako, Mali - ": a city and the country it is in make a dateline with no date or credit
    a = analyze("Bamako, Mali - Authorities said on Saturday they arrested the alleged leader of a coup plot.")
    assert a.dateline is not None and a.dateline.text == "Bamako, Mali"
    arrest = [e for e in a.events if e.plover == "COERCE"][0]
    assert arrest.source.text == "Authorities"
    # a heading with a word that is no country stays text
    b = analyze("Bamako, Tuesday - Authorities said on Saturday they arrested the alleged leader of a coup plot.")
    assert b.dateline is None
