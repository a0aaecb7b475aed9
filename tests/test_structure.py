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
