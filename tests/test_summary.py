ARTICLE = (
    "Officials from the two governments met in Oslo on Monday to discuss a fishing dispute that has "
    "strained relations for a decade. The dispute concerns fishing rights in waters both governments claim.\n\n"
    "The Oslo meeting was the first in three years. Fishing crews on both sides have complained of "
    "harassment by coast guard vessels in the disputed waters.\n\n"
    "Weather in the region was mild. A local museum opened a new exhibition on maritime history.\n\n"
    "Both governments said the fishing talks would continue next month, and that the dispute over the "
    "waters could be settled by the summer.\n"
)


def test_summary_prefers_central_sentences_and_keeps_article_order(analyze):
    a = analyze(ARTICLE)
    assert a.summary is not None
    idx = a.summary.sentences
    assert idx == sorted(idx) and 0 in idx
    chosen = [a.text[a.sentences[i].start:a.sentences[i].end] for i in idx]
    assert not any("museum" in c for c in chosen)
    assert a.summary.text == " ".join(chosen)


def test_summary_is_the_standfirst_when_there_is_one(analyze):
    text = ("Two governments agreed to resume talks over a fishing dispute in northern waters.\n\n"
            "OSLO (Tidings Wire) - The two governments agreed on Monday to resume talks over a fishing "
            "dispute in the northern waters they both claim. More talks follow.\n")
    a = analyze(text)
    assert a.standfirst is not None
    assert a.summary.text == text[: text.index("\n")]


def test_summary_skips_redundant_sentences(analyze):
    text = ("The council approved the budget on Friday after a long debate about schools. "
            "The council approved the budget on Friday after a long debate about the schools. "
            "Teachers welcomed extra funding for schools in the budget. "
            "Parents said the debate about schools was overdue.")
    a = analyze(text)
    texts = [a.text[a.sentences[i].start:a.sentences[i].end] for i in a.summary.sentences]
    assert sum("council approved the budget" in t for t in texts) == 1
