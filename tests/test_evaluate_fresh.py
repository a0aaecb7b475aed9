"""The fresh PLOVER-style samples (tidings/evaluate/fresh.py): pointers rebuilt into plover-train rows,
on documents of our own."""
from __future__ import annotations

from tidings.evaluate.events import marked_spans
from tidings.evaluate.fresh import POINTERS, document_text, rebuild

DOC_TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X1</DOCID>
<TEXT>
LIMA (AP) _ <EVENT eid="e1">Peru</EVENT> accused Chile
of spying on Tuesday, officials &amp; diplomats said.
</TEXT></TimeML>
"""
DOC_TXT = "A first line.\n\nBolivia thanked   Ecuador\nfor its help.\n"


def _pointer_file(tmp_path, rows):
    path = tmp_path / "pointers.tsv"
    head = "sample\tid\tdoc\tstart\tend\tsource_start\tsource_end\ttarget_start\ttarget_end\tplover\tquad\n"
    path.write_text("# a comment\n" + head + "".join("\t".join(map(str, r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_timeml_documents_text_is_its_text_element_without_tags(tmp_path):
    (tmp_path / "a.tml").write_text(DOC_TML, encoding="utf-8")
    text = document_text(tmp_path / "a.tml")
    assert "<EVENT" not in text and "Peru accused Chile" in text and "officials & diplomats" in text


def test_pointers_rebuild_the_sentence_and_its_marked_spans(tmp_path):
    (tmp_path / "a.tml").write_text(DOC_TML, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_TXT, encoding="utf-8")
    tml = document_text(tmp_path / "a.tml")
    s0 = tml.index("Peru")
    s1 = tml.index("said.") + len("said.")
    txt = DOC_TXT
    t0, t1 = txt.index("Bolivia"), txt.index("help.") + len("help.")
    pointers = _pointer_file(tmp_path, [
        ("A", "A1", "a.tml", s0, s1, s0, s0 + 4, tml.index("Chile"), tml.index("Chile") + 5, "ACCUSE", 3),
        ("C", "C1", "b.txt", t0, t1, t0, t0 + 7, txt.index("Ecuador"), txt.index("Ecuador") + 7, "SUPPORT", 1),
    ])
    rows = rebuild(tmp_path, pointers)
    assert [r["sentence_id"] for r in rows] == ["A1", "C1"]
    first, second = rows
    # whitespace runs and line breaks inside a sentence read as one space, as the annotators saw it
    assert first["sentence"] == "Peru accused Chile of spying on Tuesday, officials & diplomats said."
    assert second["marked_sentence"] == "<s>Bolivia</s> thanked <t>Ecuador</t> for its help."
    plain, spans = marked_spans(first["marked_sentence"])
    assert plain == first["sentence"] and plain[slice(*spans["t"][0])] == "Chile"
    assert (second["source"], second["target"], second["plover"], second["sample"]) == ("Bolivia", "Ecuador", "SUPPORT", "C")


def test_the_shipped_pointer_file_names_every_sample_and_valid_labels():
    import csv

    with open(POINTERS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    assert {r["sample"] for r in rows} == set("ABCDEFMNOPQRST") and len(rows) >= 600
    quads = {"AGREE": "1", "CONSULT": "1", "SUPPORT": "1", "AID": "2", "COOPERATE": "2", "YIELD": "2", "ACCUSE": "3",
             "REJECT": "3", "REQUEST": "3", "THREATEN": "3", "ASSAULT": "4", "COERCE": "4", "MOBILIZE": "4",
             "PROTEST": "4", "SANCTION": "4"}
    for r in rows:
        assert quads[r["plover"]] == r["quad"]
        assert int(r["start"]) <= int(r["source_start"]) < int(r["source_end"]) <= int(r["end"])
        assert int(r["start"]) <= int(r["target_start"]) < int(r["target_end"]) <= int(r["end"])


AG_HEAD = ("sample\tid\tevent\ttype\tsource_start\tsource_end\tsource_country\tsource_sector\ttarget_start\ttarget_end"
           "\ttarget_country\ttarget_sector\ttrigger_start\ttrigger_end\tmodality\tnegated\tmain\n")


def test_fresh_agnews_pointers_rebuild_items_and_their_events(tmp_path):
    from tidings.evaluate import agnews, fresh_agnews

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "agnews-dev.csv").write_text(
        'class,title,description\n'
        '2,Lions win again,The Lions beat the Tigers 3-1.\n'
        '1,Peru accuses Chile,"LIMA - Peru accused Chile of spying on Tuesday, officials said."\n'
        '1,Quiet day,Nothing happened anywhere.\n', encoding="utf-8")
    text = "Peru accuses Chile\n\nLIMA - Peru accused Chile of spying on Tuesday, officials said."
    s, t, r = text.index("Peru accused"), text.index("Chile of"), text.index("accused")
    pointers = tmp_path / "pointers.tsv"
    pointers.write_text("# a comment\n" + AG_HEAD + "".join("\t".join(map(str, row)) + "\n" for row in [
        ("G", "dev1", 0, "ACCUSE", s, s + 4, "PER", "GOV", t, t + 5, "CHL", "GOV", r, r + 7, "asserted", "false", "true"),
        ("J", "dev2", "-") + ("",) * 14,
    ]), encoding="utf-8")
    first, second = fresh_agnews.rebuild(tmp_path, pointers)
    assert (first["id"], first["title"], first["sample"], second["events"]) == ("dev1", "Peru accuses Chile", "G", [])
    [event] = first["events"]
    assert (event["source"]["text"], event["target"]["text"], event["trigger"]) == ("Peru", "Chile", "accused")
    assert agnews.gold_triples(first) == {("PER", "CHL", "ACCUSE"): 1}


def test_fresh_agnews_an_item_beyond_the_news_file_is_a_clear_error(tmp_path):
    import click
    import pytest

    from tidings.evaluate import fresh_agnews

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "agnews-dev.csv").write_text("class,title,description\n1,A,B\n", encoding="utf-8")
    pointers = tmp_path / "pointers.tsv"
    pointers.write_text(AG_HEAD + "\t".join(("G", "dev7", "-") + ("",) * 14) + "\n", encoding="utf-8")
    with pytest.raises(click.ClickException, match="dev7"):
        fresh_agnews.rebuild(tmp_path, pointers)


def test_the_shipped_agnews_pointer_file_has_every_sample_and_valid_labels():
    import csv

    from tidings.evaluate import fresh_agnews

    with open(fresh_agnews.POINTERS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    assert {r["sample"] for r in rows} == set("GHIJKL") and len({r["id"] for r in rows}) == 180
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
             "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    events = [r for r in rows if r["event"] != "-"]
    assert all(r["type"] in types and r["modality"] in ("asserted", "future", "hypothetical") for r in events)
    # every item with events has exactly one main event
    mains: dict[str, int] = {}
    for r in events:
        mains[r["id"]] = mains.get(r["id"], 0) + (r["main"] == "true")
    assert set(mains.values()) == {1}


def test_a_pointer_into_a_news_table_item_rebuilds_it_with_its_residue_unescaped(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "agnews-dev.csv").write_text(
        'class,title,description\n'
        '1,Quiet day,Nothing happened.\n'
        '1,Peru accuses Chile,"LIMA - Peru accused Chile of spying, the minister #39;s office said."\n', encoding="utf-8")
    text = "Peru accuses Chile\n\nLIMA - Peru accused Chile of spying, the minister #39;s office said."
    s0, s1 = text.index("Peru accused"), len(text)
    pointers = _pointer_file(tmp_path, [
        ("M", "M1", "news/agnews-dev.csv#dev1", s0, s1, s0, s0 + 4, text.index("Chile of"), text.index("Chile of") + 5,
         "ACCUSE", 3),
    ])
    [row] = rebuild(tmp_path, pointers)
    assert row["sentence"] == "Peru accused Chile of spying, the minister's office said."
    assert row["marked_sentence"].startswith("<s>Peru</s> accused <t>Chile</t> of spying")

