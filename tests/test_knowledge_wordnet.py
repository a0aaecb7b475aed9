"""The derived lexicon: patterns grown from WordNet (`make lexicon`), how the loader ranks them, and what
they code. The derivation runs on a tiny WordNet written for these tests (tests/fixtures/wordnet), so
that the tests need no wordnet-base package."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.knowledge.derive_wordnet import DERIVED_NAME, Deriver, main, read_hand_rows, read_stoplist, stale, write
from tidings.knowledge.event_patterns import load_event_patterns, row_key
from tidings.knowledge.files import DATA_DIR, read_rows
from tidings.knowledge.wordnet_db import WordNet

FIXTURE = Path(__file__).parent / "fixtures" / "wordnet"

HAND_VERBS = """#! tidings verbs 1
invade\t-\t192\tsubj\tobj
free\t-\t0841\tsubj\tobj
release\t-\t084\tsubj\tobj\tactor
call\t-\t041\tsubj\tobj\tactor
telephone\t-\t041\tsubj\tobj
phone\t-\t041\tsubj\tobj
dismiss\t-\t120\tsubj\tobj
attack\t-\t190\tsubj\tobj\tactor
quit\t-\t0831\tsubj\tobj\tactor
stop\tfighting\t087\tsubj\tany
sign\t-\t057\tsubj\tprep:with,obj\tsymmetric,actor
sign\tdecree|bill\t-\t\t\tblock
"""
HAND_NOUNS = """#! tidings nouns 1
truce\t-\t0871\tsubj\tprep:with\tsymmetric
"""


def _data_dir(tmp_path: Path, stoplist: str = "") -> Path:
    data = tmp_path / "data"
    (data / "verbs").mkdir(parents=True)
    (data / "nouns").mkdir()
    (data / "verbs" / "core.tsv").write_text(HAND_VERBS, encoding="utf-8")
    (data / "nouns" / "core.tsv").write_text(HAND_NOUNS, encoding="utf-8")
    if stoplist:
        (data / "wordnet-stoplist.tsv").write_text("#! tidings wordnet_stoplist 1\n" + stoplist, encoding="utf-8")
    return data


def _derive(tmp_path: Path, stoplist: str = "") -> dict[tuple[str, str], object]:
    data = _data_dir(tmp_path, stoplist)
    rows = Deriver(WordNet(FIXTURE), read_hand_rows(data), read_stoplist(data / "wordnet-stoplist.tsv")).derive()
    write(rows, data)
    return {(d.kind, " ".join((d.lemma,) + d.words)): d for d in rows}


# ---- the derivation, on the fixture ---------------------------------------------------------------------

def test_wordnet_reader_parses_synsets_senses_and_tag_counts():
    wn = WordNet(FIXTURE)
    call = wn.senses("call", "v")
    assert [wn.name(s) for s in call] == ["name.v.01", "call.v.02", "call.v.03", "shout.v.01"]
    assert wn.rank("call", call[2]) == 3 and wn.tag_count("call", call[2]) == 30
    attack = wn.senses("attack", "v")[0]
    assert attack.frames_of("assail") == {2} and attack.frames_of("storm") == {9}
    invasion = wn.senses("invasion", "n")[0]
    assert wn.by_name("event.n.01").offset in wn.ancestors(invasion)


def test_wordnet_synonym_of_the_seeds_sense_is_derived_with_the_seeds_row(tmp_path):
    rows = _derive(tmp_path)
    liberate = rows[("verbs", "liberate")]
    assert liberate.code == "0841" and liberate.target == ("obj",) and liberate.seed.text == "free"
    assert liberate.row().split("\t")[6] == "verbs/core.tsv 'free' 0841 free.v.01"


def test_wordnet_first_sense_that_is_not_dominant_does_not_grow(tmp_path):
    # "call" is most often "name" (name.v.01), but that sense is not dominant and no hand-written word
    # corroborates it; its third sense is, by "telephone" and "phone" (041)
    rows = _derive(tmp_path)
    assert ("verbs", "name") not in rows
    assert rows[("verbs", "ring")].code == "041"
    assert ("verbs", "issue") not in rows and ("verbs", "let go of") not in rows  # release's other senses


def test_wordnet_synonym_in_a_rare_sense_of_its_own_is_not_derived(tmp_path):
    rows = _derive(tmp_path)
    assert rows[("verbs", "discount")].code == "120"
    assert ("verbs", "fire") not in rows  # dismissing staff is a rare sense of "fire"


def test_wordnet_verb_frame_must_take_the_seeds_object(tmp_path):
    rows = _derive(tmp_path)
    assert ("verbs", "storm") in rows  # "Somebody ----s somebody"
    assert ("verbs", "assail") not in rows  # only "Somebody ----s" in this fixture


def test_wordnet_synset_with_a_hand_word_that_disagrees_does_not_grow(tmp_path):
    # "stop" is hand-written only with its words ("stop fighting"): its bare sense is no event
    assert ("verbs", "cease") not in _derive(tmp_path)


def test_wordnet_verb_grows_its_event_noun_with_mapped_slots_not_its_agent_noun(tmp_path):
    rows = _derive(tmp_path)
    invasion = rows[("nouns", "invasion")]
    assert invasion.code == "192" and invasion.source == ("subj",)
    assert invasion.target == ("prep:of", "prep:on", "prep:against")  # the object is the 'of' phrase
    assert invasion.synsets == "invade.v.01+invasion.n.01"
    assert ("nouns", "invader") not in rows  # a person, not an act


def test_wordnet_noun_seed_grows_its_synonyms(tmp_path):
    rows = _derive(tmp_path)
    assert rows[("nouns", "armistice")].code == rows[("nouns", "ceasefire")].code == "0871"
    assert "symmetric" in rows[("nouns", "armistice")].flags


def test_wordnet_seed_block_rows_are_carried_to_the_derived_lemma(tmp_path):
    rows = _derive(tmp_path)
    assert rows[("verbs", "subscribe")].code == "057"
    block = rows[("verbs", "subscribe decree|bill")]
    assert block.code == "-" and block.flags == ("block",)


def test_wordnet_hand_written_lemmas_are_never_derived(tmp_path):
    rows = _derive(tmp_path)
    assert not {lemma for kind, lemma in rows if kind == "verbs"} & {"release", "telephone", "phone", "call"}


def test_wordnet_stoplist_leaves_out_synsets_and_lemmas(tmp_path):
    rows = _derive(tmp_path, "synset\tcall.v.03\ta test\nverbs\tdiscount\ta test\n")
    assert ("verbs", "ring") not in rows and ("verbs", "discount") not in rows
    assert ("verbs", "liberate") in rows


def test_wordnet_written_files_are_sorted_headed_as_generated_and_load(tmp_path):
    _derive(tmp_path)
    data = tmp_path / "data"
    first = (data / "verbs" / DERIVED_NAME).read_text(encoding="utf-8")
    _derive(tmp_path / "again")
    assert (tmp_path / "again" / "data" / "verbs" / DERIVED_NAME).read_text(encoding="utf-8") == first
    assert "GENERATED by `make lexicon`" in first and "WordNet 3.0 Copyright 2006 by Princeton University" in first
    lemmas = [cols[0] for _, cols in read_rows(data / "verbs" / DERIVED_NAME, "verbs", 3, 7)]
    assert lemmas == sorted(lemmas)
    # the loader reads a derived file as a user file too (the fixture's codes are all in the CAMEO table)
    patterns = load_event_patterns((data / "verbs" / DERIVED_NAME, data / "nouns" / DERIVED_NAME))
    assert patterns.nouns["armistice"][0].evidence.endswith(
        "'armistice' subj>prep:with derived from nouns/core.tsv 'truce' (0871) via WordNet armistice.n.01")
    # 'invasion' is hand-written in the built-in files: that row wins over the one derived here
    assert patterns.nouns["invasion"][0].derived is None


def test_wordnet_check_names_a_derived_file_its_seeds_no_longer_derive(tmp_path, capsys):
    _derive(tmp_path)
    data = tmp_path / "data"
    assert main(["--wordnet", str(FIXTURE), "--data", str(data), "--check"]) == 0
    # a seed edited without re-deriving: the committed files are stale, and the check says which
    (data / "verbs" / "core.tsv").write_text(HAND_VERBS.replace("invade\t-\t192", "invade\t-\t193"), encoding="utf-8")
    rows = Deriver(WordNet(FIXTURE), read_hand_rows(data), read_stoplist(data / "wordnet-stoplist.tsv")).derive()
    assert data / "verbs" / DERIVED_NAME in stale(rows, data) or data / "nouns" / DERIVED_NAME in stale(rows, data)
    assert main(["--wordnet", str(FIXTURE), "--data", str(data), "--check"]) == 1
    assert "out of date" in capsys.readouterr().err


# ---- the loader: precedence and evidence ----------------------------------------------------------------

def _user_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_wordnet_hand_written_row_beats_a_derived_row_with_the_same_lemma_and_words(tmp_path):
    # a derived row for 'invade' (read after the built-in hand-written one) does not replace it
    derived = _user_file(tmp_path, "derived.tsv", "#! tidings verbs 1\n"
                         "invade\t-\t111\tsubj\tobj\t\tverbs/core.tsv 'condemn' 111 condemn.v.01\n")
    patterns = load_event_patterns((derived,))
    assert [p.code for p in patterns.verbs["invade"]] == ["192"]
    # and a hand-written row read after a derived one replaces it
    hand = _user_file(tmp_path, "hand.tsv", "#! tidings verbs 1\ninvade\t-\t190\tsubj\tobj\n")
    assert [p.code for p in load_event_patterns((derived, hand)).verbs["invade"]] == ["190"]


def test_wordnet_hand_written_row_ranks_before_an_equally_specific_derived_row(tmp_path):
    # two rows with as many words that can match the same text ("glorped out", a verb no built-in row
    # has): among equals the row read last would come first, but a hand-written row ranks before a
    # derived one whatever the order
    derived = _user_file(tmp_path, "derived.tsv", "#! tidings verbs 1\n"
                         "glorp\tout\t111\tsubj\tobj\t\tverbs/core.tsv 'condemn' 111 condemn.v.01\n")
    hand = _user_file(tmp_path, "hand.tsv", "#! tidings verbs 1\nglorp\tout|away\t120\tsubj\tobj\n")
    assert [p.code for p in load_event_patterns((hand, derived)).verbs["glorp"]] == ["120", "111"]
    assert [p.code for p in load_event_patterns((derived, hand)).verbs["glorp"]] == ["120", "111"]


def test_wordnet_users_dictionary_row_beats_a_built_in_derived_row(tmp_path):
    builtin = load_event_patterns()
    derived = [lemma for lemma, ps in builtin.verbs.items() if any(p.derived for p in ps)]
    assert derived, "the built-in derived lexicon is empty"
    lemma = sorted(derived)[0]
    mine = _user_file(tmp_path, "mine.tsv", f"#! tidings verbs 1\n{lemma}\t-\t173\tsubj\tobj\n")
    assert load_event_patterns((mine,)).verbs[lemma][0].code == "173"
    off = _user_file(tmp_path, "off.tsv", f"#! tidings verbs 1\n{lemma}\t-\t-\n")
    assert lemma not in load_event_patterns((off,)).verbs


def test_wordnet_evidence_names_the_seed_and_the_synset():
    patterns = load_event_patterns()
    liberate = patterns.verbs["liberate"][0]
    assert liberate.derived is not None
    assert liberate.evidence == ("verbs/wordnet.tsv:" + liberate.origin.split(":")[1] + " 'liberate' subj>obj "
                                 "derived from verbs/core.tsv 'free' (0841) via WordNet free.v.01")
    assert patterns.verbs["invade"][0].derived is None and "derived" not in patterns.verbs["invade"][0].evidence


def test_wordnet_bad_derived_column_is_an_error_naming_file_and_line(tmp_path):
    from tidings.errors import KnowledgeError

    bad = _user_file(tmp_path, "bad.tsv", "#! tidings verbs 1\nsnub\t-\t120\tsubj\tobj\t\tfrom somewhere\n")
    with pytest.raises(KnowledgeError, match="bad.tsv:2: bad derived column"):
        load_event_patterns((bad,))


# ---- the built-in derived files agree with the hand-written ones they were grown from -------------------

def _rows(kind: str, name: str):
    return [cols + [""] * (7 - len(cols)) for _, cols in read_rows(DATA_DIR / kind / name, kind, 2, 7)
            if not cols[0].startswith(("&", "@"))]


def test_wordnet_derived_rows_name_hand_written_seeds_that_still_exist_with_that_code():
    hand = {}
    for kind in ("verbs", "nouns"):
        for path in sorted((DATA_DIR / kind).glob("*.tsv")):
            if path.name == "wordnet.tsv":
                continue
            for cols in _rows(kind, path.name):
                words = "" if cols[1] in ("", "-") else " " + cols[1]
                hand[(f"{kind}/{path.name}", cols[0] + words)] = cols[2]
    owned = {(f.split("/")[0], text.split()[0]) for f, text in hand}
    for kind in ("verbs", "nouns"):
        for cols in _rows(kind, "wordnet.tsv"):
            file, seed, code = cols[6].split(" ")[0], cols[6].split("'")[1], cols[6].split("' ")[1].split()[0]
            assert hand.get((file, seed)) == code, f"re-run `make lexicon`: seed {file} '{seed}' {code} is gone"
            assert (kind, cols[0]) not in owned, f"re-run `make lexicon`: {kind} '{cols[0]}' is now hand-written"


def test_wordnet_derived_rows_do_not_repeat_a_key():
    for kind in ("verbs", "nouns"):
        keys = [row_key(kind, c[0], [] if c[1] in ("", "-") else c[1].split()) for c in _rows(kind, "wordnet.tsv")]
        assert len(keys) == len(set(keys))


# ---- derived triggers, coded end to end -----------------------------------------------------------------

def test_wordnet_derived_verb_codes_an_accusation(analyze):
    # 'fault' is no hand-written verb: it is grown from 'blame' (112) through blame.v.01
    events = [e for e in analyze("The Kremlin faulted Georgia for the violence in the breakaway regions.").events
              if e.trigger.text == "faulted"]
    assert events and events[0].cameo == "112" and events[0].target.text == "Georgia"
    assert "derived from verbs/core.tsv 'blame' (112) via WordNet blame.v.01" in events[0].evidence


def test_wordnet_derived_noun_codes_its_verbs_event_with_the_of_phrase_as_target(analyze):
    # 'persecution' is grown from the verb 'persecute' (175): the possessor is the source
    events = [e for e in analyze("Rights groups denounced Myanmar's persecution of the Rohingya.").events
              if e.trigger.text == "persecution"]
    assert events and events[0].cameo == "175"
    assert events[0].source.text == "Myanmar" and events[0].target.text == "the Rohingya"
    assert "via WordNet persecute.v.01+persecution.n.01" in events[0].evidence


# ---- nouns for people (`&PEOPLE`) ---------------------------------------------------------------------

def test_people_nouns_are_those_with_a_person_sense(tmp_path):
    from tidings.knowledge.derive_people import SET_NAME, people_nouns, write as write_people

    words = people_nouns(WordNet(FIXTURE))
    assert "invader" in words and "person" in words
    assert "invasion" not in words and "truce" not in words and "artifact" not in words
    # written in lines that the pattern loader adds up into one set
    data = tmp_path / "nouns"
    data.mkdir()
    path = write_people(words * 30, data / "people.tsv")
    sets = load_event_patterns((path,)).sets
    assert set(words) <= sets[SET_NAME]


def test_the_shipped_people_set_knows_groups_and_not_things():
    people = load_event_patterns().sets["&PEOPLE"]
    assert {"musician", "delegation", "committee", "unit"} <= people
    assert not {"tape", "power", "ordinance", "truce", "radio"} & people
