"""Headlines: found, kept as one sentence, parsed in sentence case, every offset into the original."""
from __future__ import annotations

import pytest

from tidings.headline import CAPS, FIRST_LINE, TITLE_CASE, MARKDOWN, TITLE, HeadlineSpan, find_headline, headline_future, reads_as_headline, style
from tidings.model import Analysis
from event_helpers import one

WIRE = (
    "Rebels Seize Town Near Capital, Army Retreats\n\n"
    "KARVINA, Ruritania (Tidings Wire) - Rebel fighters seized the town of Ostrava on Monday after the army "
    "pulled back, a government spokesman said."
)


# ---- finding it -----------------------------------------------------------------------------

def test_headline_is_the_first_paragraph_when_it_is_the_title():
    text = "Farm prices rise again\n\nPrices paid to farmers rose for a third month."
    found = find_headline(text, "Farm prices rise again")
    assert found is not None and found.kind == TITLE
    assert text[found.start:found.end] == "Farm prices rise again"


def test_headline_from_a_markdown_heading_leaves_out_its_marks():
    text = "# Rebels Seize Town\n\nRebel fighters seized the town on Monday."
    found = find_headline(text)
    assert found.kind == MARKDOWN and text[found.start:found.end] == "Rebels Seize Town"


def test_headline_from_a_first_line_written_as_one():
    assert find_headline("Chad Accuses Sudan of Backing Rebels\n\nChad said on Monday ...").kind == FIRST_LINE
    assert find_headline("CHAD ACCUSES SUDAN\n\nChad said on Monday ...").kind == FIRST_LINE


def test_no_headline_in_a_sentence_a_lone_line_or_running_text():
    assert find_headline("Chad Accuses Sudan of Backing Rebels") is None  # nothing after it
    assert find_headline("Chad accused Sudan of backing the rebels.\n\nIt said so on Monday.") is None
    assert find_headline("The talks ended without a deal\n\nDiplomats left Geneva.") is None  # ordinary case
    assert not reads_as_headline("The Minister Said It Was Over.")  # a final full stop


def test_a_byline_or_a_dateline_on_the_first_line_is_no_headline():
    assert find_headline("By Jane Doe and Ann Roe\n\nThe talks ended.") is None
    assert find_headline("KARVINA, Ruritania (Tidings Wire)\n\nThe talks ended.") is None
    assert find_headline("RUSSIA, CHINA SIGN BORDER PACT\n\nThe two countries ...") is not None  # capitals


def test_headline_style():
    assert style("Rebels Seize Town Near Capital") == TITLE_CASE
    assert style("RUSSIA WARNS NATO OVER DRILLS") == CAPS
    assert style("Rebels seize town near Karvina") is None


def test_a_wire_credit_closing_the_headline_is_left_out_of_it():
    text = "Chad Accuses Sudan of Backing Rebels (Tidings Wire)\n\nChad said ..."
    found = find_headline(text, "Chad Accuses Sudan of Backing Rebels (Tidings Wire)")
    assert text[found.start:found.end] == "Chad Accuses Sudan of Backing Rebels"


# ---- the normalised copy --------------------------------------------------------------------

@pytest.fixture(scope="module")
def caser(pipeline):
    return pipeline.headline_caser


def _cased(caser, text: str, title: str | None = None) -> str:
    found = find_headline(text, title)
    out = caser.normalise(text, found)
    assert len(out) == len(text)
    assert out[found.end:] == text[found.end:]  # the body is untouched
    return out[found.start:found.end]


def test_title_case_headline_is_sentence_cased(caser):
    assert _cased(caser, WIRE) == "Rebels seize town near capital, army retreats"


def test_names_keep_their_capitals(caser):
    # a country and an organisation the dictionary knows, an acronym, a name no vocabulary knows
    assert _cased(caser, "Moldova Asks NATO for Help\n\nThe government said ...") == "Moldova asks NATO for help"
    assert _cased(caser, "Kowalczyk Wins Vote in Gdansk\n\nThe mayor ...") == "Kowalczyk wins vote in Gdansk"
    assert _cased(caser, "Troops Pull Out of South Waziristan\n\nSoldiers left ...") \
        == "Troops pull out of South Waziristan"


def test_the_body_tells_a_name_from_a_word(caser):
    # "Bush" is also a plant; the body writes it with a capital in mid-sentence
    text = "Senators Criticise Bush Over Budget\n\nDemocrats in the Senate attacked President Bush on Tuesday."
    assert _cased(caser, text) == "Senators criticise Bush over budget"


def test_a_first_name_and_its_surname_keep_their_capitals(caser):
    assert _cased(caser, "Mary Robinson Urges Calm in Region\n\nThe envoy said ...") == "Mary Robinson urges calm in region"
    assert _cased(caser, "Envoy John Smith Wins Praise\n\nThe envoy ...") == "Envoy John Smith wins praise"


def test_all_capitals_headline_is_written_in_its_usual_case(caser):
    assert _cased(caser, "RUSSIA WARNS NATO OVER DRILLS\n\nMoscow said ...") == "Russia warns NATO over drills"


def test_headline_in_ordinary_case_is_left_alone(caser):
    text = "Farm prices rise in Ruritania\n\nPrices paid to farmers rose."
    assert _cased(caser, text, "Farm prices rise in Ruritania") == "Farm prices rise in Ruritania"


# ---- through the pipeline -------------------------------------------------------------------

def test_headline_is_one_sentence_of_its_own(analyze):
    a = analyze(WIRE)
    assert a.headline is not None and a.headline.sentence == 0
    first = a.sentences[0]
    assert a.text[first.start:first.end] == "Rebels Seize Town Near Capital, Army Retreats"
    assert (a.headline.start, a.headline.end, a.headline.text) == (first.start, first.end, "Rebels Seize Town Near Capital, Army Retreats")
    # the dateline belongs to the lede, not to the headline
    assert a.dateline is not None and a.dateline.text.startswith("KARVINA")
    assert a.text[a.sentences[1].start:].startswith("KARVINA")


def test_headline_with_a_byline_lede_is_not_glued_to_it(analyze):
    a = analyze("Chad Accuses Sudan of Backing Rebels\n\nTW - Chad accused Sudan on Monday of arming rebels.",
                title="Chad Accuses Sudan of Backing Rebels")
    assert a.text[a.sentences[0].start:a.sentences[0].end] == "Chad Accuses Sudan of Backing Rebels"
    assert a.headline.kind == TITLE


def test_a_headline_is_not_a_standfirst(analyze):
    text = ("Chad Accuses Sudan of Backing Rebels\n\n"
            "Chad accused Sudan of backing rebels on its eastern border, its foreign minister said on Monday.")
    assert analyze(text).standfirst is None


def test_the_doc_keeps_the_original_words(pipeline):
    from tidings.pipeline import make_article

    article = make_article(WIRE)
    parsed = pipeline.nlp(pipeline._to_parse(article))
    assert parsed.text != WIRE  # the model read the sentence-cased copy ...
    from tidings.headline import restore_words

    doc = restore_words(parsed, WIRE)
    assert doc.text == WIRE  # ... and the extractors read the original words with its parse
    assert [t.idx for t in doc] == [t.idx for t in parsed]
    assert [t.tag_ for t in doc] == [t.tag_ for t in parsed]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(e.start_char, e.end_char, e.label_) for e in parsed.ents]
    seize = next(t for t in doc if t.text == "Seize")
    assert seize.pos_ == "VERB" and seize.lemma_ == "seize"


def test_headline_event_is_coded_with_offsets_into_the_original(analyze):
    text = "Chad Accuses Sudan of Backing Rebels\n\nThe two neighbours have long traded charges."
    a = analyze(text)
    events = [e for e in a.events if e.sentence == a.headline.sentence]
    accuse = next(e for e in events if e.plover == "ACCUSE")
    assert accuse.trigger.text == "Accuses" == text[accuse.trigger.start:accuse.trigger.end]
    assert accuse.source.code == "TCDGOV" and accuse.source.text == "Chad"
    assert accuse.target.code.startswith("SDN") and text[accuse.target.start:accuse.target.end] == accuse.target.text


def test_everything_from_a_capitals_headline_slices_the_original_casing(analyze):
    text = "RUSSIA WARNS NATO OVER DRILLS\n\nMoscow said the exercises near its border were a provocation."
    a = analyze(text)
    russia = next(x for x in a.actors if x.code == "RUSGOV")
    assert any(m.text == "RUSSIA" for m in russia.mentions)
    for actor in a.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text
    warn = next(e for e in a.events if e.sentence == 0)
    assert warn.trigger.text == "WARNS" and warn.source.text == "RUSSIA"
    assert warn.target is not None and warn.target.text == "NATO"


def test_headline_in_json(analyze):
    a = analyze(WIRE)
    data = a.to_json()
    assert data["headline"] == {"start": 0, "end": 45, "text": "Rebels Seize Town Near Capital, Army Retreats",
                                "sentence": 0, "kind": FIRST_LINE}
    assert Analysis.from_json(data).headline == a.headline


def test_a_single_sentence_has_no_headline(analyze):
    a = analyze("Chad accused Sudan of backing rebels on Monday.")
    assert a.headline is None


# ---- headline grammar -----------------------------------------------------------------------

def test_to_infinitive_headline_reads_as_future(pipeline):
    doc = pipeline.nlp("Minister to visit Cairo next week")
    visit = next(t for t in doc if t.lower_ == "visit")
    assert headline_future(visit)
    doc = pipeline.nlp("The minister wants to visit Cairo next week")
    assert not headline_future(next(t for t in doc if t.lower_ == "visit"))


def _headline_events(analyze, title, body="Officials gave no further details on Sunday."):
    return analyze(f"{title}\n\n{body}", published="2022-01-11", title=title).events


def test_a_bare_past_form_in_a_headline_is_a_passive(analyze):
    # headlines write the present in the present tense and the passive without its auxiliary
    killed = one(_headline_events(analyze, "Rebel Commander Killed in Northern Province"), "ASSAULT")
    assert killed.source is None and killed.target.text == "Rebel Commander"
    arrested = [e for e in _headline_events(analyze, "Kenyan Minister Sacked, Arrested for Graft")
                if e.trigger.text == "Arrested"]
    assert arrested and arrested[0].target.text == "Kenyan Minister"
    assert not (arrested[0].source and arrested[0].source.text == "Kenyan Minister")


def test_a_headline_in_the_present_or_with_an_object_stays_active(analyze):
    kills = one(_headline_events(analyze, "Army Kills Two Rebels in Border Raid"), "ASSAULT")
    assert kills.source.text == "Army"
    seized = [e for e in _headline_events(analyze, "Militia Fighters Seized the Shrine, Police Say")
              if e.trigger.text == "Seized"]
    assert seized and seized[0].source.text == "Militia Fighters"


def test_the_headline_passive_reading_is_for_headlines_only(pipeline):
    from tidings.headline import read_headline_passives
    from tidings.nlp import HEADLINE_KEY

    doc = pipeline.nlp("The governor resigned and the army withdrew.")
    assert read_headline_passives(doc) == []  # running text: no headline, nothing read
    doc = pipeline.nlp("Rebel commander assassinated\n\nThe army withdrew on Sunday.")
    doc.user_data[HEADLINE_KEY] = (0, len("Rebel commander assassinated"))
    read = read_headline_passives(doc)
    assert [doc[i].text for i in read] == ["assassinated"] and doc[1].dep_ == "nsubjpass"
    assert all(doc[i].idx < doc.user_data[HEADLINE_KEY][1] for i in read)  # "withdrew" in the body stays active


def test_a_headline_verb_joined_to_the_main_one_with_its_own_subject(analyze):
    events = _headline_events(analyze, "New Leader Vows Reforms, Kenyan Minister Arrested")
    arrested = [e for e in events if e.trigger.text == "Arrested"]
    assert arrested and arrested[0].target.text == "Kenyan Minister"


def test_a_surname_in_the_headline_is_the_person_the_body_names_in_full(analyze):
    text = ("Odinga Rejects Army Bid to Wind Down Offensive\n\n"
            "Kenya's Raila Odinga has rejected the army's request to scale back its offensive, officials said.")
    a = analyze(text, published="2022-01-11", title="Odinga Rejects Army Bid to Wind Down Offensive")
    person = next(x for x in a.actors if x.name == "Raila Odinga")
    assert [m.text for m in person.mentions][:1] == ["Odinga"] and person.code.startswith("KEN")


def test_a_headline_to_infinitive_is_a_future_act(analyze):
    # "X to Visit Y": headline grammar for "X is to visit Y"
    e = one(_headline_events(analyze, "Kenyan Minister to Visit Uganda Next Week"), "CONSULT")
    assert e.mode == "future"
    # "X Does Y, to Do Z": a second act of the same subject, still to come
    title = "Haiti Arrests Gang Leader, to Attack Police Post (Reuters)"
    a = analyze(title + "\n\nReuters - Officials said the operation would begin on Friday.", title=title)
    e = one(a.events, "ASSAULT")
    assert e.mode == "future" and e.source.code.startswith("HTI") and e.source.text == "Haiti"


def test_a_headline_verb_putting_its_subject_under_an_infinitive_is_passive(analyze):
    # "Kenya Urged to Halt Raids": Kenya is urged (by someone unnamed), it urges no one
    title = "Kenya Urged to Halt Raids on Somalia"
    a = analyze(title + "\n\nThe raids must stop, the African Union said on Monday.", title=title)
    assert not [e for e in a.events if e.plover == "REQUEST" and e.source is not None and e.source.code
                and e.source.code.startswith("KEN")]
    title = "Kenya Agrees to Halt Raids on Somalia"  # an active verb with its own infinitive stays active
    a = analyze(title + "\n\nThe decision was made on Monday, officials said.", title=title)
    assert any(e.plover == "AGREE" and e.source.code.startswith("KEN") for e in a.events)


def test_a_headline_verb_of_giving_in_the_past_is_passive_and_keeps_its_object(analyze):
    # "Kenya Given Deadline": Kenya is given it (by someone), it sets no deadline
    for title in ("Kenya Given Deadline to Disarm Militia", "Kenya Handed Ultimatum Over Border Raids"):
        events = _headline_events(analyze, title)
        assert not [e for e in events if e.plover == "THREATEN" and e.source is not None
                    and (e.source.code or "").startswith("KEN")], title
    e = one(_headline_events(analyze, "Kenya Handed Ultimatum by African Union"), "THREATEN")
    assert e.source.code.startswith("IGO") and e.target.code.startswith("KEN")


def test_a_headline_participle_hung_on_the_first_noun_is_passive(analyze):
    # the parser reads "Briton Charged With ..." as a noun with a participle, tagged past tense
    title = "Kenyan Charged With Plotting Bomb Attack"
    a = analyze(title + "\n\nNAIROBI - Police said on Monday the man had planned to bomb a bus.", title=title)
    assert not [e for e in a.events if e.plover == "ACCUSE" and e.source is not None and e.source.text == "Kenyan"]


def test_a_headline_parsed_without_a_verb_reads_the_verb_form_after_its_subject(analyze):
    # the small model tags "Bombs", "Rips", "Decry" as nouns and parses one noun phrase
    e = one(_headline_events(analyze, "Kenya's Army Bombs Rebel Camps (Reuters)"), "ASSAULT")
    assert e.source.code == "KENMIL" and e.trigger.text == "Bombs"
    e = one(_headline_events(analyze, "Kibaki Rips Opposition Leaders on Graft"), "ACCUSE")
    assert e.trigger.text == "Rips"
    e = one(_headline_events(analyze, "Kenyans Decry UN Threat of Sanctions"), "ACCUSE")
    assert e.source.code.startswith("KEN")
    # an event noun after a common noun stays a noun: the talks are no verb of "peace"
    events = _headline_events(analyze, "Somalia Peace Talks in Doubt")
    assert not [e for e in events if e.source is not None and e.source.text == "Peace"]
    assert not [e for e in events if e.trigger.text == "Talks" and e.cameo.startswith("04") and e.source is not None
                and e.source.text.endswith("Peace")]


def test_a_title_case_headline_may_start_with_an_abbreviation_and_hold_a_hyphenated_word(caser):
    # the first word is "U.S.", so "Warns" is no sentence-initial word keeping its capital
    assert _cased(caser, "U.S. Warns Kenya on Border Plans\n\nThe body.", "U.S. Warns Kenya on Border Plans") \
        == "U.S. warns Kenya on border plans"
    # "Cease-fire" keeps its second part in lower case in a title-cased line
    assert style("U.S. Brokers Cease-fire in Northern Kenya") == TITLE_CASE


def test_brokering_a_truce_is_mediation(analyze):
    e = one(_headline_events(analyze, "U.S. Brokers Cease-fire in Northern Kenya"), "CONSULT")
    assert e.cameo == "045" and e.source.code.startswith("USA")


def test_a_verbless_headline_reads_a_bare_verb_after_two_parties_listed(analyze):
    # "Kenya and Somalia trade accusations": two parties are a plural subject, "trade" their verb
    e = one(_headline_events(analyze, "Kenya and Somalia trade accusations over border raid"), "ACCUSE")
    assert e.trigger.text == "trade" and e.symmetric
    assert {e.source.code[:3], e.target.code[:3]} == {"KEN", "SOM"}


def test_a_verbless_headline_stops_at_a_verb_the_lexicon_does_not_code(analyze):
    # "reasserts" is the headline's verb (no event); "arms" after it is no verb of arming
    assert not [e for e in _headline_events(analyze, "Kenya Leader Reasserts Arms Views") if e.plover == "AID"]
    # a place before an event noun is no subject: "Nairobi blast" is a noun phrase
    assert not [e for e in _headline_events(analyze, "Death Toll Climbs in Nairobi Blast") if e.plover == "ACCUSE"]


def test_a_headline_report_of_what_was_done_is_passive(analyze):
    # "2 Troops Said Killed": the troops were reportedly killed; they killed no one
    events = _headline_events(analyze, "2 Kenyan Troops Said Killed by Land Mine")
    assert all(e.source is None or "Troops" not in e.source.text for e in events)
    assert any(e.plover == "ASSAULT" and e.target is not None and "Troops" in e.target.text for e in events)


def test_a_headline_finding_of_what_was_done_is_passive(analyze):
    # "Soldiers Found Executed": they were found executed; the soldiers are the ones killed
    events = _headline_events(analyze, "Dozens of Kenyan Soldiers Found Executed", "The bodies were near the border.")
    e = one(events, "ASSAULT")
    assert e.source is None and "Soldiers" in e.target.text and e.target.code.startswith("KEN")


def test_a_verbless_headline_reads_split_verbs_weapons_and_leaves_party_nouns_alone(analyze):
    # "Test-Fires": the tokenizer splits the prefix off the verb
    e = one(_headline_events(analyze, "Kenya Test-Fires New Missile"), "MOBILIZE")
    assert e.source.code.startswith("KEN")
    # a weapon acts: "Jet Fires at"
    e = one(_headline_events(analyze, "U.S. Jet Fires at Rebel Camp in Somalia"), "ASSAULT")
    assert e.trigger.text == "Fires"
    # "US forces" is a party, not "US" forcing anyone
    events = _headline_events(analyze, "Sunday: A Fierce Battle Between Kenyan Forces and Somali Militants")
    assert not [e for e in events if e.trigger.text == "Forces"]
    # guardsmen ringing a shrine deploy around it
    assert one(_headline_events(analyze, "Kenyan Guardsmen Ring Nairobi Mosque"), "MOBILIZE")


def test_a_bare_act_in_a_headline_clause_of_its_own_is_passive(analyze):
    # "after Girl Shot": the girl was shot; she shot no one
    events = _headline_events(analyze, "Kenya Suspends Officer After Girl Shot 15 Times")
    shot = [e for e in events if e.trigger.text == "Shot"]
    assert shot and shot[0].target is not None and shot[0].target.text == "Girl"
    # a verb that may stand alone stays a past tense: "after talks collapsed"
    events = _headline_events(analyze, "Kenya Recalls Envoy After Talks Collapsed")
    assert not [e for e in events if e.trigger.text == "Collapsed" and e.target is not None]


def test_a_bare_noun_after_the_headline_verb_is_its_object_not_an_act(analyze):
    # "Survives Attack": the minister survived an attack; he attacked no one
    events = _headline_events(analyze, "Kenyan Minister Survives Attack")
    assert not [e for e in events if e.trigger.text == "Attack" and e.source is not None and "Minister" in e.source.text]
    # the headline's own verb is read as ever: "Threatens Strike" is a threat
    assert one(_headline_events(analyze, "Kenyan Rebels Threaten Strike on Nairobi"), "THREATEN")


def test_names_to_verb_in_a_headline_is_a_plan_however_parsed(analyze):
    a = analyze("Orvel, Tarnby to Meet as Border Issues Loom\n\n"
                "Velnish Prime Minister Anna Orvel will meet with President Tarnby next week, officials said.",
                published="2026-03-02", title="Orvel, Tarnby to Meet as Border Issues Loom")
    assert [e.mode for e in a.events if e.plover == "CONSULT"] and \
        all(e.mode == "future" for e in a.events if e.plover == "CONSULT")


def test_two_headline_clauses_joined_by_a_comma_each_keep_their_grammar(analyze):
    a = analyze("Four Tarnish soldiers killed, Orvel pulls out of race\n\nThe army said so.",
                published="2026-03-02", title="Four Tarnish soldiers killed, Orvel pulls out of race")
    killed = [e for e in a.events if e.trigger.text == "killed"]
    assert killed and killed[0].target is not None and "soldiers" in killed[0].target.text
    assert killed[0].source is None or "soldiers" not in killed[0].source.text


def test_a_paragraph_opening_in_capitals_is_parsed_as_running_text(analyze):
    # some papers open a paragraph with a word in capitals: "KEY talks" is no organisation named Key
    a = analyze("KEY talks between the government of Peru and rebels in the troubled south tomorrow could fail "
                "because of new violence, the envoy said.")
    assert not any(m.text == "KEY" for x in a.actors for m in x.mentions)
    assert any(m.text == "government of Peru" for x in a.actors for m in x.mentions)
    assert a.text.startswith("KEY talks")  # the text and its offsets stay as written
    # a dateline and a known acronym keep their capitals
    a = analyze("SANTIAGO - UN officials said on Monday that talks between Chile and Peru had failed.")
    assert a.dateline is not None and a.dateline.text == "SANTIAGO"
    assert any(x.code == "IGOUNO" for x in a.actors)


def test_a_headline_that_drops_the_subject_of_what_is_said_gives_it_the_sayer(analyze):
    # headline grammar: "X Says Will ..." - the sayer's own act
    events = analyze("Sudan Says Will Disarm Militias in Darfur\n\nKHARTOUM - Sudan's government said on Monday it "
                     "would act.").events
    disarm = next(e for e in events if e.trigger.text == "Disarm")
    assert disarm.source.code == "SDNGOV"


def test_an_armed_group_a_headline_names_by_its_deed_is_the_bodys_armed_group(analyze):
    events = _headline_events(analyze, "Kidnappers Behead Filipino Hostage",
                              body="Iraqi militants beheaded a Filipino hostage after Manila refused to pull out.")
    killings = [e for e in events if e.plover == "ASSAULT"]
    assert len(killings) == 1 and killings[0].source.code == "IRQREB"


@pytest.mark.parametrize("title", ["Taiwan Arms Sale Draws Fire", "China Angry Over Taiwan Arms Sale"])
def test_arms_before_a_noun_and_an_adjective_predicate_make_no_headline_verb(analyze, title):
    events = _headline_events(analyze, title, body="BEIJING - China on Thursday condemned a US plan to sell "
                                                   "weapons to Taiwan.")
    assert not [e for e in events if e.plover == "AID"]


def test_a_headline_in_the_present_restates_what_the_body_says_is_to_come(analyze):
    events = _headline_events(analyze, "Hungary Pulls Troops Out of Iraq",
                              body="BUDAPEST - Hungary will withdraw its 300 troops from Iraq by the end of the "
                                   "year, the prime minister said.")
    withdrawals = [e for e in events if e.plover == "RETREAT"]
    assert len(withdrawals) == 1 and withdrawals[0].mode == "future"


def test_a_headline_statement_in_the_present_is_made_now(analyze):
    # "Warns" is the warning itself: the body's future act does not make it future
    events = _headline_events(analyze, "Iran official warns of NPT exit if West presses",
                              body="Iran will pull out of the Non-Proliferation Treaty (NPT) if Western nations put "
                                   "pressure on Tehran, a senior diplomat said.")
    assert [e.mode for e in events if e.trigger.text == "warns"] == ["asserted"]


@pytest.mark.parametrize("title, source, target", [
    ("Lisbon, Dakar Discuss Fishing Rights", "Lisbon", "Dakar"),
    ("Chile, Peru Agree to Resume Border Talks", "Chile", "Peru"),
    ("Estonia, Latvia sign three accords", "Estonia", "Latvia"),
])
def test_a_comma_between_two_names_opening_a_headline_is_and(analyze, title, source, target):
    # wire style lists the two parties of a meeting or deal with a comma; the second is no topic
    [event] = [e for e in _headline_events(analyze, title) if e.sentence == 0]
    assert (event.source.text, event.target.text) == (source, target)
    assert event.symmetric


@pytest.mark.parametrize("title", [
    "Facing Arrest, Mayor Quits as Party Chief",
    "In Haiti, Peacekeepers Take on Gangs",
    "Juan Lopez, NASA Pilot, Dies",
])
def test_an_opening_phrase_or_apposition_before_a_comma_is_no_list_of_names(pipeline, title):
    text = f"{title}\n\nOfficials gave no further details on Sunday."
    assert pipeline.headline_caser.normalise(text, HeadlineSpan(0, len(title), "title")).count(",") == text.count(",")


def test_rebels_listed_beside_a_state_in_a_headline_are_that_states(analyze):
    # the comma lists a role word too; the rebels are the listed state's, not the dateline's
    [agree] = [e for e in analyze("Chad, Rebels Agree on Truce\n\nTRIPOLI (Reuters) - The deal was reached on Monday.",
                                  published="2022-01-11", title="Chad, Rebels Agree on Truce").events if e.sentence == 0]
    assert (agree.source.code, agree.target.code) == ("TCDGOV", "TCDREB")


def test_counted_dead_with_no_doer_are_news_unless_an_accident_killed_them(analyze):
    [raid] = [e for e in _headline_events(analyze, "Four Killed in Jenin Raid") if e.sentence == 0]
    assert raid.plover == "ASSAULT" and raid.source is None and raid.target.code == "PSE"
    assert not [e for e in _headline_events(analyze, "Six Killed in Train Crash in Chile") if e.sentence == 0]
