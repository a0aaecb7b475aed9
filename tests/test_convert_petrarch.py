"""The PETRARCH-2 converter (tidings/convert/petrarch.py) and declared actor codes."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.convert.petrarch import ACTORS_FILE, CODES_FILE, VERBS_FILE, convert_petrarch
from tidings.errors import KnowledgeError
from tidings.knowledge.actors import load_actor_dictionary

ACTORS = """<!-- test actors -->
VELMARA_  [VLM]  # a fictional state
+VELMARAN
QUENTOR  [QNT]
+QUENTORI
TOBIN_ASH [VLMGOV]
	[VLMELI 20010101-20051231]
KESTREL [---]
TWIN_CITIES [AAA/BBB]
"""

AGENTS = """!PERSON! = MAN, WOMAN
TRADE_ENVOY [~GOVTRD] # a sector group of its own
COUNCIL!PERSON! [~LEG]
RANGER {} [~MIL]
WATCH_CAPTAIN {WATCH_CAPTAINS} [~COP]
HARBOUR_GUILD [NGO~]
"""

VERBS = """&TALKWORDS
+TALKS
+PARLEY
+PEACE TALKS

--- SNUB  [111] ---
SNUB
- * OFFER [125]
- * &TALKWORDS WITH + [128]
- * ODD_WORDS [903]
- % * [036:036]

--- HAIL  [051] ---
HAIL {HAILED}
- + WAS_ * BY $ [042]
- + * MONEY $ [071]
- * AT ^ + [162]
- NOTED + * [115]
- + HOSTING * FEAST $ [043]
"""

DISCARDS = """BOAT RACE
+CHESS OPEN
"""


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    d = tmp_path / "petr"
    d.mkdir()
    (d / "Mini.actors.txt").write_text(ACTORS, encoding="utf-8")
    (d / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    (d / "Mini.verbs.txt").write_text(VERBS, encoding="utf-8")
    (d / "Mini.discards.txt").write_text(DISCARDS, encoding="utf-8")
    return d


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_actors_declare_codes_and_name_sources(src, tmp_path):
    report = convert_petrarch(src, tmp_path / "out", lemmatize=str.lower)
    text = (tmp_path / "out" / ACTORS_FILE).read_text(encoding="utf-8")
    rows = _rows(tmp_path / "out" / ACTORS_FILE)
    assert text.startswith("#! tidings actors 1\n")
    assert ["VLM", "country", "code", "PETRARCH code VLM"] in rows
    assert ["TRD", "sector", "code", "PETRARCH code TRD"] in rows
    assert ["velmara", "VLM", "actor", "Velmara"] in rows
    assert ["velmaran", "VLM", "actor", "Velmara"] in rows
    # the unrestricted code, then the date restriction as a dated row
    assert ["tobin ash", "VLMGOV", "actor", "Tobin Ash"] in rows
    assert ["tobin ash", "VLMELI", "actor", "Tobin Ash", "2001-01-01..2005-12-31"] in rows
    assert "# Mini.actors.txt:2\nvelmara\tVLM" in text
    assert report.skipped["null code --- (PETRARCH 'not an actor')"] == 1
    # an actor with several codes keeps them all: one actor of several codes, one event per code
    assert [r[:3] for r in rows if r[0] == "twin cities"] == [["twin cities", "AAA/BBB", "actor"]]
    assert not any("several codes" in n for n in report.notes)
    assert report.written["dated actors"] == 1


def test_agents_plurals_substitutions_and_prefix_codes(src, tmp_path):
    report = convert_petrarch(src, tmp_path / "out", lemmatize=str.lower)
    rows = _rows(tmp_path / "out" / ACTORS_FILE)
    groups = {r[0]: r[1] for r in rows if r[2] == "group"}
    assert groups["trade envoy"] == groups["trade envoys"] == "GOVTRD"
    assert groups["councilman"] == groups["councilwoman"] == "LEG"
    assert "councilmans" not in groups  # substitutions form no further plurals
    assert groups["ranger"] == "MIL" and "rangers" not in groups  # {} : no plural
    assert groups["watch captains"] == "COP"
    # 'NGO~': the agent's code goes before the actor's, a 'prefix' row
    assert ["harbour guild", "NGO", "prefix"] in rows and ["harbour guilds", "NGO", "prefix"] in rows
    assert report.written["prefix agents"] == 2


def test_verbs_sets_patterns_and_skips(src, tmp_path):
    report = convert_petrarch(src, tmp_path / "out", lemmatize=lambda w: {"hailed": "hail"}.get(w, w))
    rows = _rows(tmp_path / "out" / VERBS_FILE)
    assert ["&TALKWORDS", "talks|parley|peace talks"] in rows  # a member of two words is kept
    by_words = {(r[0], r[1]): r for r in rows if not r[0].startswith("&")}
    assert by_words[("snub", "-")][2] == "111"
    assert by_words[("snub", "offer")][2] == "125"
    assert by_words[("snub", "&TALKWORDS with")][2:5] == ["128", "subj", "prep:with"]
    # a pattern with no '+': PETRARCH's target is the first actor of the verb phrase
    assert by_words[("snub", "offer")][3:5] == ["subj", "first-actor"]
    # '% *' (compound subject) with [036:036]
    assert by_words[("snub", "*")][2:6] == ["036", "subj", "-", "compound,symmetric"]
    # '+' before the verb: its grammatical subject, whatever the voice ('front')
    assert by_words[("hail", "was * by")][2:5] == ["042", "prep:by", "front"]
    # '$' after a word: the party named after it; 'AT ^ +': after the object of 'at' ('past:WORD')
    assert by_words[("hail", "money")][2:5] == ["071", "past:money", "front"]
    assert by_words[("hail", "at")][2:5] == ["162", "subj", "past:at"]
    # 'NOTED + *': the subject of the reported clause, reported by the subject of 'noted' ('above')
    assert by_words[("hail", "noted *")][2:5] == ["115", "above", "front"]
    assert by_words[("hail", "hosting * feast")][2:5] == ["043", "past:feast", "above"]
    # a WEIS code CAMEO lacks is kept and declared as a code of the user's own
    assert by_words[("snub", "odd_words")][2] == "903"  # '_' between two words: side by side
    assert report.written["own event codes"] == 1
    assert report.skipped["sentence discard (tidings has no discard list)"] == 1
    assert report.skipped["story discard (tidings has no discard list)"] == 1


def test_output_is_deterministic(src, tmp_path):
    convert_petrarch(src, tmp_path / "a", lemmatize=str.lower)
    convert_petrarch(src, tmp_path / "b", lemmatize=str.lower)
    for name in (ACTORS_FILE, VERBS_FILE, "conversion-report.txt"):
        assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text()


def test_converted_files_load(src, tmp_path):
    from tidings.knowledge.event_patterns import load_event_patterns

    convert_petrarch(src, tmp_path / "out", lemmatize=str.lower)
    actors = load_actor_dictionary((tmp_path / "out" / ACTORS_FILE,))
    assert actors.lookup("Velmara").code == "VLM"
    assert "VLM" in actors.countries and "TRD" in actors.sectors
    patterns = load_event_patterns((tmp_path / "out" / CODES_FILE, tmp_path / "out" / VERBS_FILE))
    assert {"125", "903"} <= {p.code for p in patterns.verbs["snub"]}


def _actors_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("#! tidings actors 1\n" + body, encoding="utf-8")
    return path


def test_declared_codes_are_user_only_and_checked(tmp_path):
    ok = _actors_file(tmp_path, "Velmara\tVLMTRD\tactor\nVLM\tcountry\tcode\tVelmara\nTRD\tsector\tcode\ttrade\n")
    assert load_actor_dictionary((ok,)).lookup("Velmara").code == "VLMTRD"
    with pytest.raises(KnowledgeError, match=r"mine.tsv:2: .*'VLM'"):
        load_actor_dictionary((_actors_file(tmp_path, "Velmara\tVLM\tcountry\n"),))
    with pytest.raises(KnowledgeError, match=r"mine.tsv:2: 'RUS' is already an ISO country"):
        load_actor_dictionary((_actors_file(tmp_path, "RUS\tcountry\tcode\n"),))
    with pytest.raises(KnowledgeError, match=r"mine.tsv:2: a code row declares"):
        load_actor_dictionary((_actors_file(tmp_path, "VLM\tstate\tcode\n"),))
    with pytest.raises(KnowledgeError, match=r"mine.tsv:2: bad declared code"):
        load_actor_dictionary((_actors_file(tmp_path, "VL1\tcountry\tcode\n"),))


def test_user_row_replaces_builtin_phrase_in_any_case(tmp_path):
    path = _actors_file(tmp_path, "egypt\tUAR\tactor\nUAR\tcountry\tcode\n")
    assert load_actor_dictionary((path,)).lookup("Egypt").code == "UAR"


def test_end_to_end_convert_then_code_a_sentence(src, tmp_path):
    from click.testing import CliRunner

    from tidings.cli import analyze
    from tidings.convert.cli import convert

    out = tmp_path / "out"
    result = CliRunner().invoke(convert, ["petrarch", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output
    article = tmp_path / "story.txt"
    article.write_text("Velmara snubbed the offer from Quentor.\n", encoding="utf-8")
    result = CliRunner().invoke(analyze, [str(article), "--json", "--dictionary", str(out / ACTORS_FILE),
                                          "--dictionary", str(out / CODES_FILE), "--dictionary", str(out / VERBS_FILE)])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    codes = {a["code"] for a in data["actors"]}
    assert {"VLM", "QNT"} <= codes
    events = [(e["source"] and e["source"]["code"], e["cameo"]) for e in data["events"]]
    assert ("VLM", "125") in events, data["events"]


VERBS2 = """--- GREET  [051:052] ---
GREET {GREETED}
- * RUDELY [---]
- % * [042]

--- SPURN  [111] ---
+SPURN_ASIDE
"""

ACTORS2 = """PIP [HBT]
	[HBTCIV < 950601]
	[HBTGOV 19950601 - 19990815]
	[HBTREB > 990816]
"""


def test_reciprocal_blocking_compound_and_forms(tmp_path):
    d = tmp_path / "petr"
    d.mkdir()
    (d / "B.verbs.txt").write_text(VERBS2, encoding="utf-8")
    (d / "B.actors.txt").write_text(ACTORS2, encoding="utf-8")
    lemmas = {"greeted": "greete", "greets": "greet", "greeting": "greet"}
    report = convert_petrarch(d, tmp_path / "out", lemmatize=lambda w: lemmas.get(w, w), standalone=True)
    rows = _rows(tmp_path / "out" / VERBS_FILE)
    by_words = {(r[0], r[1]): r for r in rows if not r[0].startswith("&") and not r[0].startswith("@")}
    assert by_words[("greet", "-")][2] == "051:052"  # [A:B]: the reciprocal code
    assert by_words[("greet", "rudely")][2:6] == ["-", "subj", "first-actor", "block"]  # [---] blocks
    assert by_words[("greet", "*")][5] == "compound,symmetric"
    # the lemma the tagger may give a listed or regular form gets rows of its own
    assert ("greete", "-") in by_words and ("greete", "rudely") in by_words
    assert by_words[("spurn", "aside")][2] == "111"
    assert report.written["blocking pattern rows"] >= 1
    # standalone: the option rows
    assert ["@builtin", "off"] in rows and ["@keep", "any"] in rows
    assert ["@scope", "phrase"] in rows and ["@match", "form"] in rows  # PETRARCH's reach and matching
    actors = _rows(tmp_path / "out" / ACTORS_FILE)
    assert ["@builtin", "off", "option"] in actors
    assert ["pip", "HBTCIV", "actor", "Pip", "<1995-06-01"] in actors
    assert ["pip", "HBTGOV", "actor", "Pip", "1995-06-01..1999-08-15"] in actors
    assert ["pip", "HBTREB", "actor", "Pip", ">1999-08-16"] in actors
    dictionary = load_actor_dictionary((tmp_path / "out" / ACTORS_FILE,))
    entry = dictionary.lookup("Pip")
    assert [entry.on(x).code for x in ("1990-01-01", "1997-01-01", "1999-08-15", "2005-01-01")] == \
        ["HBTCIV", "HBTGOV", "HBTGOV", "HBTREB"]
    assert dictionary.lookup("France") is None  # standalone: no built-in actor


VERBS3 = """--- MEET  [031:031]  ---
MEET
- HOLD *  [031]

--- MET  [031:032]  ---
MET
- SECRETLY * [046]

--- LEFT [032] ---
LEFT

--- BREAK [1717] ---
BREAK
+BREAK_DOWN
- * TREATY  [161]
- SUDDENLY * [1712]
"""


def test_a_verb_listed_in_an_inflected_form_holds_for_that_form(tmp_path):
    d = tmp_path / "petr"
    d.mkdir()
    (d / "C.verbs.txt").write_text(VERBS3, encoding="utf-8")
    lemmas = {"met": "meet", "left": "leave"}
    convert_petrarch(d, tmp_path / "out", lemmatize=lambda w: lemmas.get(w, w))
    rows = _rows(tmp_path / "out" / VERBS_FILE)
    meet = [r[1:] for r in rows if r[0] == "meet"]
    assert ["-", "031", "subj", "first-actor", "symmetric"] in meet
    assert ["-", "031:032", "subj", "first-actor", "form:met"] in meet  # MEET is listed too: 'met' only
    assert ["secretly *", "046", "subj", "first-actor", "form:met"] in meet
    assert ["hold *", "031", "subj", "first-actor", "symmetric"] not in meet and \
        ["hold *", "031", "subj", "first-actor"] in meet
    # LEAVE is not listed: LEFT's rows hold for the whole lemma
    assert ["-", "032", "subj", "first-actor"] in [r[1:] for r in rows if r[0] == "leave"]
    # a block's patterns apply to its verbs of several words too, their words joined
    brk = [r[1:3] for r in rows if r[0] == "break"]
    assert ["treaty", "161"] in brk and ["down treaty", "161"] in brk
    assert ["suddenly *", "1712"] in brk and ["suddenly * down", "1712"] in brk
