"""The event coder, on sentences written for these tests."""
from __future__ import annotations

import pytest
from event_helpers import between
from event_helpers import events_of as _events
from event_helpers import one as _one

from tidings.errors import KnowledgeError
from tidings.knowledge.event_patterns import load_event_patterns


def test_events_verb_with_object_codes_reject(analyze):
    e = _one(_events(analyze, "Russia firmly rejected the demands of NATO on Tuesday."), "REJECT")
    assert e.source.text == "Russia" and e.target.text == "NATO"  # the party the demands are of, not the demands
    assert e.cameo.startswith("12") and e.mode == "asserted" and "reject" in e.evidence
    assert e.id == "E1" and e.sentence == 0


def test_events_most_specific_pattern_wins(analyze):
    e = _one(_events(analyze, "The European Union imposed sanctions on Iran."), "COERCE")
    assert e.target.text == "Iran" and "impose" in e.evidence
    assert not any(x.trigger.text == "sanctions" for x in _events(analyze, "The European Union imposed sanctions on Iran."))


def test_events_phrasal_verb_takes_its_preposition_object(analyze):
    e = _one(_events(analyze, "Russia pulled out of the treaty last year."), "SANCTION")
    assert e.target is not None and "treaty" in e.target.text


def test_events_coordinated_subjects_give_one_symmetric_event(analyze):
    events = [e for e in _events(analyze, "The United States and Russia held talks in Geneva.") if e.plover == "CONSULT"]
    assert [(e.source.text, e.target.text, e.symmetric) for e in events] == [("The United States", "Russia", True)]


def test_events_passive_agent_is_the_source(analyze):
    e = _one(_events(analyze, "The peace plan was rejected by Germany."), "REJECT")
    assert e.source.text == "Germany" and "plan" in e.target.text


def test_events_reported_speech_codes_the_inner_clause(analyze):
    e = _one(_events(analyze, "Iran said Israel attacked its nuclear site."), "ASSAULT")
    assert e.source.text == "Israel"


def test_events_negated_attack_is_never_asserted(analyze):
    for text in ("Hamas did not attack Israel.", "Moscow denied it has plans to attack Ukraine."):
        for e in _events(analyze, text):
            if e.plover == "ASSAULT":
                assert e.mode == "negated", text


def test_events_hypothetical_attacks(analyze):
    for text in ("Analysts voiced fears of a possible invasion of Ukraine by Russia.",
                 "If Iran attacks Israel, the region will suffer.", "The rebels could strike Kabul."):
        for e in _events(analyze, text):
            if e.plover == "ASSAULT":
                assert e.mode == "hypothetical", text


def test_events_future_from_syntax_and_date(analyze):
    events = _events(analyze, "Russia and Ukraine will meet in Brussels on Wednesday.")
    assert events and all(e.mode == "future" for e in events)
    assert events[0].date == "2022-01-12"


def test_events_speech_and_unknown_verbs_make_no_event(analyze):
    assert _events(analyze, "The minister said the weather was fine and smiled.") == []


def test_events_sports_result_is_not_an_attack(analyze):
    assert not [e for e in _events(analyze, "Liverpool beat Arsenal 3-1 on Sunday.") if e.plover == "ASSAULT"]


def test_events_bad_input_does_not_crash(analyze):
    long = " ".join(["troops attacked the village and"] * 100) + " left."
    analyze(long)
    analyze("GOVERNMENT REJECTS OPPOSITION DEMANDS AFTER CLASHES")
    analyze("| a | b |\n| 1 | 2 |\n- item one\n- item two")
    analyze("Die Regierung lehnte die Forderungen der Opposition ab.")


def test_events_user_dictionary_adds_a_verb(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings verbs 1\nsnub\t-\t120\tsubj\tobj\n", encoding="utf-8")
    patterns = load_event_patterns((f,))
    assert patterns.verbs["snub"][0].code == "120" and patterns.verbs["snub"][0].origin == "mine.tsv:2"


def test_events_bad_pattern_file_names_file_and_line(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("#! tidings verbs 1\n# comment\nsnub\t-\t999\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_event_patterns((f,))
    assert "bad.tsv:3" in str(err.value) and "999" in str(err.value)
    f.write_text("#! tidings verbs 1\nsnub\t-\t120\tsubj\twhere\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="slot"):
        load_event_patterns((f,))


# -- over-generation: sports and business senses --------------------------------------------------

def test_events_dismissing_staff_is_not_shooting(analyze):
    events = _events(analyze, "The carmaker fired four senior managers after the accounting scandal.")
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_events_phrasal_verb_is_another_verb(analyze):
    for text in ("Shares of the retailer shot up 12 percent on Friday.",
                 "The judge struck out most of the claim against the newspaper."):
        assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"], text


def test_events_need_a_political_participant(analyze):
    # neither party is a political or social actor: a crowd and a team, two companies
    assert _events(analyze, "A noisy crowd helped the hockey team to a narrow win.") == []
    assert not [e for e in _events(analyze, "Two software makers agreed to collaborate on a new product.")
                if e.plover in ("COOPERATE", "AGREE")]


def test_events_sports_text_country_is_a_team(analyze):
    text = "France fought back to draw with Italy in the league match, the coach praised his players."
    assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"]


def test_events_trade_war_is_not_a_war(analyze):
    events = _events(analyze, "Canada and Mexico are locked in a trade war over steel.")
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_events_signing_a_decree_is_no_agreement(analyze):
    events = _events(analyze, "The Chilean president signed a decree on pensions.")
    assert not [e for e in events if e.cameo == "057"]


# -- sources and vocabulary -----------------------------------------------------------------------

def test_events_willing_to_takes_the_subject_of_be(analyze):
    e = _one(_events(analyze, "Norway is willing to withdraw its soldiers from Mali."), "AGREE")
    # (saying it is willing is the offer, made now: asserted)
    assert e.source is not None and e.source.text == "Norway" and e.mode == "asserted"


def test_events_pardon_frees_a_person(analyze):
    e = _one(_events(analyze, "The Peruvian president pardoned the jailed opposition leader."), "CONCEDE")  # releasing a person concedes (PLOVER)
    assert e.cameo == "0841" and "leader" in e.target.text


def test_events_pledged_support_is_support(analyze):
    e = _one(_events(analyze, "Poland pledged its support for Moldova on Monday."), "SUPPORT")
    assert e.source.text == "Poland" and e.target.text == "Moldova"


def test_events_acceding_to_a_demand_is_yielding(analyze):
    events = _events(analyze, "The Bolivian government accepted the demands of the striking miners.")
    assert [e for e in events if e.plover in ("CONCEDE", "RETREAT")]


def test_events_opening_borders_to_refugees_is_aid(analyze):
    e = _one(_events(analyze, "Jordan opened its borders to refugees from the war."), "AID")
    assert e.source.text == "Jordan" and "refugees" in e.target.text


def test_events_sanctions_are_coerce_per_the_plover_table(analyze):
    e = _one(_events(analyze, "Canada imposed sanctions on Belarus."), "COERCE")
    assert e.cameo == "163" and e.target.text == "Belarus"


def test_events_agreeing_an_agreement_is_signing(analyze):
    e = _one(_events(analyze, "Kenya and Tanzania agreed a border agreement on Friday."), "SUPPORT")
    assert e.cameo == "057"


def test_events_announced_ceasefire_is_not_future(analyze):
    events = _events(analyze, "Colombia announced a ceasefire with the ELN rebels.")
    e = _one(events, "RETREAT")
    assert e.mode == "asserted" and e.cameo == "0871"


def test_events_negated_attack_still_not_asserted_with_new_filters(analyze):
    for e in _events(analyze, "The Syrian army did not attack the town of Idlib."):
        if e.plover == "ASSAULT":
            assert e.mode == "negated"


def test_events_block_flag_loads(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings verbs 1\nfire\tstaff|employees\t-\t\t\tblock\nsnub\t-\t-\n", encoding="utf-8")
    patterns = load_event_patterns((f,))
    assert any("block" in p.flags for p in patterns.verbs["fire"])
    assert "snub" not in patterns.verbs


# ---- a dictionary of one's own: format extensions (fictional states Velmara, Quentor, Tarn) ------

_OWN_ACTORS = """#! tidings actors 1
@builtin\toff\toption
VLM\tcountry\tcode\tVelmara
QNT\tcountry\tcode\tQuentor
TRN\tcountry\tcode\tTarn
Velmara\tVLM\tactor\tVelmara
Quentor\tQNT\tactor\tQuentor
Tarn\tTRN\tactor\tTarn
ORL\tcountry\tcode\tOrlan
DRN\tcountry\tcode\tDorn
Orlan\tORL\tactor\tOrlan
Dorn\tDRN\tactor\tDorn
Twin Crowns\tVLM/QNT\tactor\tTwin Crowns
lawmakers\tLEG\tgroup
officials\tGOV\tgroup
"""

_OWN_VERBS = """#! tidings verbs 1
@builtin\toff
@keep\tany
&SANCT\teconomic sanction|embargo
arrive\t-\t032:033\tsubj\tfirst-actor
welcome\t-\t041\tsubj\tfirst-actor
impose\t&SANCT\t163\tsubj\tfirst-actor
agree\t-\t081\tsubj\tfirst-actor
agree\t*\t030\tsubj\t-\tcompound,symmetric
oppose\t-\t112\tsubj\tfirst-actor
meet\t-\t036\tsubj\tfirst-actor
oppose\tneither *\t081\tsubj\tfirst-actor
&TIES\teconomic|cultural
abandon\t-\t0874\tsubj\tfirst-actor
abandon\tnew_&TIES_relations\t166\tsubj\tfirst-actor
oppose\tmost certainly *\t083\tsubj\tfirst-actor
welcome\tindicated *\t042\tsubj\tfirst-actor
meet\t-\t031\tsubj\tfirst-actor\tform:met
"""


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    from tidings import Pipeline
    from tidings.settings import Settings

    d = tmp_path_factory.mktemp("own")
    (d / "actors.tsv").write_text(_OWN_ACTORS, encoding="utf-8")
    (d / "verbs.tsv").write_text(_OWN_VERBS, encoding="utf-8")
    pipeline = Pipeline(Settings(dictionaries=(d / "actors.tsv", d / "verbs.tsv")))

    def run(text):
        return [(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
                for e in pipeline.analyze(text, {"published": "2021-03-04"}).events]

    return run


def test_events_reciprocal_code_goes_both_ways(own):
    got = own("Velmara arrived in Quentor on Monday.")
    assert ("VLM", "QNT", "032") in got and ("QNT", "VLM", "033") in got


def test_events_first_actor_slot_finds_the_party_inside_the_object(own):
    assert own("Velmara welcomed a resumption of formal ties with Quentor.") == [("VLM", "QNT", "041")]


def test_events_first_actor_of_a_passive_verb_is_its_subject(own):
    assert own("Velmara was opposed by Quentor in the talks.") == [("QNT", "VLM", "112")]


def test_events_without_options_the_builtin_rules_hold():
    patterns = load_event_patterns(())
    assert patterns.options == {} and not patterns.keep_any


def test_events_multi_word_set_member_matches_consecutive_words(own):
    assert ("VLM", "QNT", "163") in own("Velmara imposed economic sanctions on Quentor.")
    assert own("Velmara imposed new rules on Quentor.") == []  # 'rule' is no member


def test_events_compound_flag_needs_a_compound_source(own):
    got = own("Velmara and Quentor agree that the border should be reopened.")
    assert ("VLM", "QNT", "030") in got and ("QNT", "VLM", "030") in got
    assert all(code != "030" for _, _, code in own("Velmara agreed to a truce with Tarn."))


def test_events_role_before_coordinated_actors_codes_each(own):
    got = own("Lawmakers in Velmara and Quentor welcomed the resumption of ties with Tarn.")
    assert ("VLMLEG", "TRN", "041") in got and ("QNTLEG", "TRN", "041") in got
    got = own("Lawmakers and officials in Velmara and Quentor welcomed the resumption of ties with Tarn.")
    assert sorted(s for s, _, _ in got) == ["QNTGOV", "QNTLEG", "VLMGOV", "VLMLEG"]


def test_events_an_actor_of_several_codes_is_one_participant_per_code(own):
    got = own("The Twin Crowns welcomed a resumption of formal ties with Tarn.")
    assert sorted(got) == [("QNT", "TRN", "041"), ("VLM", "TRN", "041")]
    got = own("Tarn welcomed a resumption of formal ties with the Twin Crowns.")
    assert sorted(got) == [("TRN", "QNT", "041"), ("TRN", "VLM", "041")]


def test_events_an_apposition_in_a_list_of_actors_is_a_conjunct(own):
    # parsed as 'Quentor' = apposition of 'Velmara', 'Tarn' and 'Orlan' its conjuncts
    got = own("Velmara, the Quentor, Tarn and Orlan welcomed a resumption of formal ties with Dorn.")
    assert sorted(s for s, _, _ in got) == ["ORL", "QNT", "TRN", "VLM"]
    got = own("Evil Velmara, the awful Tarn, and good Orlan welcomed a resumption of formal ties with Dorn.")
    assert sorted(s for s, _, _ in got) == ["ORL", "TRN", "VLM"]
    # a real apposition names the same party: no second source
    assert own("Velmara, the northern kingdom, welcomed a resumption of formal ties with Dorn.") == [("VLM", "DRN", "041")]


def test_events_form_flag_restricts_a_pattern_to_some_forms_of_the_lemma(own, tmp_path):
    assert own("Velmara met Tarn on Monday.") == [("VLM", "TRN", "031")]
    assert own("Velmara meets Tarn on Monday.") == [("VLM", "TRN", "036")]
    f = tmp_path / "v.tsv"
    f.write_text("#! tidings verbs 1\nmeet\t-\t036\nmeet\t-\t031\t\t\tform:met|Meets\nmeet\t-\t-\t\t\tform:meets|met\n",
                 encoding="utf-8")
    got = load_event_patterns((f,)).verbs["meet"]  # the form rows are kept apart; a '-' row with the same forms ends one
    assert [(p.code, sorted(p.forms)) for p in got if p.origin.startswith("v.tsv")] == [("036", [])]
    f.write_text("#! tidings verbs 1\nmeet\t-\t036\t\t\tform:\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"v.tsv:2: bad flag 'form:'"):
        load_event_patterns((f,))


def test_events_modes_keep_option_keeps_the_code_of_negated_and_future_events(tmp_path):
    from tidings import Pipeline
    from tidings.settings import Settings

    actors = tmp_path / "actors.tsv"
    actors.write_text(_OWN_ACTORS, encoding="utf-8")
    rows = "#! tidings verbs 1\n@builtin\toff\n@keep\tany\nrelease\t-\t0841\tsubj\tobj\nimpose\t-\t163\tsubj\tprep:on\n"

    def run(text, extra=""):
        verbs = tmp_path / f"verbs{len(extra)}.tsv"
        verbs.write_text(rows + extra, encoding="utf-8")
        pipeline = Pipeline(Settings(dictionaries=(actors, verbs)))
        return [(e.cameo, e.mode) for e in pipeline.analyze(text, {"published": "2021-03-04"}).events]

    assert run("Velmara will not release Tarn.") == [("1243", "asserted")]  # recoded as a refusal
    assert run("Velmara will not release Tarn.", "@modes\tkeep\n") == [("0841", "negated")]
    assert run("Velmara will impose sanctions on Tarn.") == [("1312", "future")]
    assert run("Velmara will impose sanctions on Tarn.", "@modes\tkeep\n") == [("163", "future")]
    assert load_event_patterns(()).keep_codes is False


def test_events_words_before_the_verb_in_its_subject_adverbs_and_governing_verb(own):
    assert sorted(own("Neither Velmara nor Quentor opposed Tarn.")) == [("QNT", "TRN", "081"), ("VLM", "TRN", "081")]
    assert own("Velmara most certainly opposed Tarn.") == [("VLM", "TRN", "083")]  # 'most' modifies 'certainly'
    assert own("Velmara indicated it welcomed a resumption of ties with Tarn.") == [("VLM", "TRN", "042")]
    assert own("Velmara welcomed a resumption of ties with Tarn.") == [("VLM", "TRN", "041")]


def test_events_of_two_subjects_the_one_naming_an_actor(own):
    got = own("Old foes Velmara and Quentor welcomed a resumption of formal ties with Tarn.")
    assert sorted(got) == [("QNT", "TRN", "041"), ("VLM", "TRN", "041")]


def test_events_words_joined_by_underscore_stand_side_by_side(own, tmp_path):
    assert own("Velmara abandoned new economic relations with Tarn.") == [("VLM", "TRN", "166")]
    assert own("Velmara abandoned new global economic relations with Tarn.") == [("VLM", "TRN", "0874")]
    f = tmp_path / "v.tsv"
    f.write_text("#! tidings verbs 1\nabandon\tnew_*\t166\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"v.tsv:2: bad word 'new_\*'"):
        load_event_patterns((f,))


def test_events_builtin_off_drops_builtin_patterns_and_actors(own):
    assert own("Russia attacked Ukraine.") == []  # neither the built-in 'attack' nor 'Russia' is loaded


def test_events_options_and_reciprocal_codes_are_checked(tmp_path):
    f = tmp_path / "bad.tsv"
    f.write_text("#! tidings verbs 1\n@colour\tblue\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:2: unknown option"):
        load_event_patterns((f,))
    f.write_text("#! tidings verbs 1\n@keep\tsome\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:2: option @keep takes"):
        load_event_patterns((f,))
    f.write_text("#! tidings verbs 1\narrive\t-\t032:999\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:2: unknown CAMEO code '999'"):
        load_event_patterns((f,))
    f.write_text("#! tidings verbs 1\nparley\t-\t032:033\tsubj\tfirst-actor\n", encoding="utf-8")
    assert load_event_patterns((f,)).verbs["parley"][0].back_code == "033"


def test_events_place_from_a_where_clause(analyze):
    a = analyze("The diplomacy now moves to Oslo, where Norwegian officials will meet Swedish envoys on Wednesday.")
    meets = [e for e in a.events if e.trigger.text == "meet"]
    assert meets and all(e.place is not None and e.place.name == "Oslo" for e in meets)
    assert all(e.mode == "future" and e.date == "2022-01-12" for e in meets)


# --- phenomena added for PLOVER recall (issue 3); sentences written for these tests -----------------

def test_events_dateline_before_the_subject_is_not_the_source(analyze):
    e = _one(_events(analyze, "LIMA -- The Peruvian government has expelled the Bolivian ambassador."), "SANCTION")
    assert "Peruvian government" in e.source.text and "LIMA" not in e.source.text


def test_events_possessive_pronoun_source_is_the_clause_subject(analyze):
    e = _one(_events(analyze, "Canada completed its withdrawal of troops from Mali in March."), "RETREAT")
    assert e.source.text == "Canada" and e.target.text == "Mali"


def test_events_document_verb_takes_the_issuer_as_source(analyze):
    e = _one(_events(analyze, "The Kenyan parliament passed a resolution condemning Uganda."), "ACCUSE")
    assert "Kenyan parliament" in e.source.text and e.target.text == "Uganda"


def test_events_said_another_party_must_act_is_a_demand(analyze):
    e = _one(_events(analyze, "Japan said China must release the fishermen."), "REQUEST")
    assert e.source.text == "Japan" and e.target.text == "China" and e.trigger.text == "said"
    assert not [x for x in _events(analyze, "The minister said he must resign.") if x.trigger.text == "said"]


def test_events_refusing_to_act_is_a_refusal(analyze):
    _one(_events(analyze, "Turkey refused to lift the ban on Greek ships."), "REJECT")
    # one refusal to ease a sanction (124x), aimed at the party the ban is on
    [refusal] = [x for x in _events(analyze, "Turkey refused to lift the ban on Greek ships.") if x.plover == "REJECT"]
    assert refusal.cameo.startswith("124") and refusal.mode == "asserted" and refusal.target.code == "GRC"
    for text in ("Serbia refused to attack Kosovo.", "The army failed to shell the town."):
        assert all(x.mode != "asserted" for x in _events(analyze, text) if x.plover == "ASSAULT"), text


def test_events_time_phrase_is_no_preposition_target(analyze):
    events = _events(analyze, "President Lula called Prime Minister Modi on Saturday.")
    assert not any(e.plover == "REQUEST" for e in events)
    assert all(e.target is None or e.target.text != "Saturday" for e in events)


def test_events_found_guilty_small_clause(analyze):
    e = _one(_events(analyze, "A court in Ghana found the former minister guilty of fraud."), "ACCUSE")
    assert "minister" in e.target.text


def test_events_received_noun_goes_from_the_giver(analyze):
    e = _one(_events(analyze, "Nepal received humanitarian aid from India."), "AID")
    assert e.source.text == "India" and e.target.text == "Nepal"


def test_events_withdrawing_peacekeepers_reduces_relations(analyze):
    e = _one(_events(analyze, "Fiji withdrew its peacekeepers from the Golan Heights."), "SANCTION")
    assert e.cameo == "1661"


def test_events_future_attack_is_a_threat_and_never_asserted(analyze):
    e = _one(_events(analyze, "Turkey will launch a new military operation against Kurdish fighters."), "THREATEN")
    assert e.mode == "future" and e.cameo.startswith("138") and "->138" in e.evidence


def test_events_hyphenated_cease_fire_and_joint_exercises(analyze):
    e = _one(_events(analyze, "President Ghani announced a cease-fire with the Taliban."), "RETREAT")
    assert e.target.text == "the Taliban"
    events = _events(analyze, "Jordan and the United States began a new round of joint exercises.")
    assert {(e.source.text, e.target.text) for e in events if e.plover == "COOPERATE"} == {("Jordan", "the United States")}


def test_events_passive_without_agent_takes_the_country_where_it_happened(analyze):
    e = _one(_events(analyze, "The opposition leader was arrested in Belarus on Monday."), "COERCE")
    assert e.source is not None and e.source.text == "Belarus"


def test_events_business_cue_counted_once_per_word(analyze):
    # "banks" and its lemma "bank" are one cue word: a single one does not make business news
    e = _one(_events(analyze, "The French authorities opened an investigation against the banks."), "ACCUSE")
    assert "French authorities" in e.source.text


def test_events_ordered_release_is_the_release(analyze):
    e = _one(_events(analyze, "A Kenyan judge ordered the release of the opposition leader."), "CONCEDE")
    assert e.trigger.text == "ordered" and e.cameo == "0841" and "opposition leader" in e.target.text


def test_events_pattern_word_carries_its_own_preposition(analyze):
    e = _one(_events(analyze, "The Dutch parliament called for sanctions against Venezuela."), "ACCUSE")
    assert e.trigger.text == "called" and e.target.text == "Venezuela"


def test_events_future_boycott_and_sanctions_are_threats(analyze):
    e = _one(_events(analyze, "The teachers' union will stage a protest against the government."), "THREATEN")
    assert e.mode == "future" and e.cameo == "133"
    e = _one(_events(analyze, "The European Union will impose sanctions on Belarus."), "THREATEN")
    assert e.mode == "future" and e.cameo == "1312" and e.target.text == "Belarus"


def test_events_his_country_in_reported_speech_is_the_speaker(analyze):
    e = _one(_events(analyze, "Chancellor Weber said his country will not lift the ban on Brazilian beef."), "REJECT")
    assert "Weber" in e.source.text


def test_events_peacekeepers_in_the_subject(analyze):
    e = _one(_events(analyze, "Irish peacekeepers arrived in Beirut on Monday."), "AID")
    assert e.cameo == "074" and "peacekeepers" in e.source.text


def test_events_expelling_diplomats_reduces_relations(analyze):
    e = _one(_events(analyze, "Hungary expelled two diplomats from Slovakia."), "SANCTION")
    assert e.cameo == "161"


def test_events_boycotting_an_election_is_a_protest(analyze):
    e = _one(_events(analyze, "The opposition party boycotted the presidential election in Chad."), "PROTEST")
    assert e.cameo == "143"


def test_events_a_dateline_the_parser_takes_for_the_subject_is_skipped(analyze):
    for text in ("LIMA, May 4 - Chile and Argentina signed a fisheries agreement on Tuesday.",
                 "LIMA, May 4 (Tidings Wire) - Chile and Argentina signed a fisheries agreement on Tuesday."):
        pairs = {(e.source.text, e.target.text) for e in _events(analyze, text) if e.cameo == "057"}
        assert pairs == {("Chile", "Argentina")}, (text, pairs)


def test_events_the_pattern_word_itself_is_never_the_target(analyze):
    """'signed an agreement': the agreement is what was done; two signatories are each other's partners."""
    events = [e for e in _events(analyze, "Chile and Argentina signed an agreement.") if e.cameo == "057"]
    assert {(e.source.text, e.target.text) for e in events} == {("Chile", "Argentina")}


def test_events_an_attack_or_weapon_as_the_doer_of_violence(analyze):
    """'a car bomb killed X': the attack is the source, a weak party, kept in political news."""
    e = _one(_events(analyze, "On Friday a truck bomb in the market killed a local councillor."), "ASSAULT")
    assert e.source.text.endswith("truck bomb") and "councillor" in e.target.text and e.mode == "asserted"
    e = _one(_events(analyze, "A drone strike on the convoy killed six passengers near the town."), "ASSAULT")
    assert "strike" in e.source.text
    negated = [x for x in _events(analyze, "The roadside bomb did not kill any of the passengers.") if x.plover == "ASSAULT"]
    assert all(x.mode == "negated" for x in negated)
    assert not _events(analyze, "The flood killed nine people in the valley.")  # no attack, no coded actor


def test_events_a_deployment_for_peacekeeping_is_military_protection(analyze):
    e = _one(_events(analyze, "Ghana announced the deployment of 400 soldiers to Mali on a peacekeeping mission."), "AID")
    assert e.cameo == "074" and e.source.text == "Ghana" and e.target.text == "Mali" and "peacekeeping" in e.evidence
    e = _one(_events(analyze, "Fiji is sending an infantry battalion to Lebanon, its largest peacekeeping commitment."), "AID")
    assert e.cameo == "074" and e.target.text.startswith("Lebanon")
    e = _one(_events(analyze, "Russia deployed two battalions near the border with Georgia."), "MOBILIZE")
    assert e.cameo == "154"


def test_events_a_company_is_no_weak_party(analyze):
    """An uncoded company ("Tarnwell Inc.") does not make an event political on its own."""
    assert not _events(analyze, "A jury ordered Tarnwell Inc. to pay the inventor."), "company as weak party"
    assert _events(analyze, "A jury ordered Dolan Marsh to pay the inventor.")  # a named person still is


def test_events_crowds_protesting_are_a_protest(analyze):
    e = _one(_events(analyze, "Thousands of residents protested the closure of the hospital on Sunday."), "PROTEST")
    assert e.source.text.startswith("Thousands") and "closure" in e.target.text


def test_events_joint_war_games_performed_by_two_armies_are_cooperation(analyze):
    events = [e for e in _events(analyze, "The armies of Peru and Chile performed joint war games in May.")
              if e.plover == "COOPERATE"]
    assert {e.target.text for e in events} >= {"Chile"}


def test_events_a_date_after_a_place_phrase_dates_the_event(analyze):
    """'talks in Geneva on Monday': the day hangs below the place, still the talks' day."""
    text = "Officials said the talks between Chile and Peru in Lima on Monday ended without a deal."
    talks = [e for e in _events(analyze, text, published="2022-01-13") if e.trigger.text == "talks"]
    assert talks and {e.date for e in talks} == {"2022-01-10"}, [(e.trigger.text, e.date) for e in talks]


def test_events_decline_as_falling_is_no_refusal(analyze):
    for text in ("Chile's position in the rankings has declined for three years.", "Shares in the company declined."):
        assert not _events(analyze, text), text
    assert _one(_events(analyze, "Chile declined the invitation from Peru."), "REJECT").source.text == "Chile"


def test_events_a_company_dealing_with_its_union_is_no_political_event(analyze):
    """A company's affairs with its workers are business news; a government acting on it is not."""
    assert not _events(analyze, "The pilots' union reached an agreement with the airline company on Monday.")
    e = _one(_events(analyze, "The French government fined the Korvan company on Monday."), "ACCUSE")
    assert e.source.code and "GOV" in e.source.code


def test_events_company_suffix_with_full_stop_and_ticker_are_business_cues(pipeline):
    """'Inc.' ends in a full stop and still counts as a business cue; a wire ticker like '(KRV.N)' is
    one too: together they make a text business news."""
    from tidings.extract.events.relevance import domain
    from tidings.knowledge import load_knowledge

    sets = load_knowledge().event_patterns.sets
    assert domain(pipeline.nlp("Korvan Inc. (KRV.N) said Pell Tanner would lead it."), sets)[0] == "business"
    assert domain(pipeline.nlp("Korvan said Pell Tanner would lead it."), sets)[0] is None


def test_events_an_acronym_in_brackets_is_no_ticker():
    from tidings.extract.events.common import TICKER
    assert not TICKER.search("the International Monetary Fund (IMF) and the United Nations (UN)")
    assert all(TICKER.search(t) for t in ("(NYSE: IBM)", "(KO.N)", "(MRK )", "(IDB.TO: Quote, Profile)"))


def test_events_a_resignation_needs_a_political_actor(analyze):
    assert not _events(analyze, "Helga Brandt will step down as chief operating officer of the studio.")
    e = _one(_events(analyze, "The Peruvian prime minister resigned on Sunday."), "CONCEDE")
    assert e.cameo == "0831"


def test_events_participant_text_leaves_the_dateline_out(analyze):
    e = _one(_events(analyze, "LIMA (Reuters) - Peruvian officials accused Bolivia of smuggling."), "ACCUSE")
    assert e.source.text == "Peruvian officials"
    assert e.source.start == len("LIMA (Reuters) - ")


def test_events_a_refusal_and_the_refused_verb_are_one_event(analyze):
    """"declined to attend the talks" is one refusal (the more specific 125), not 120 and 125."""
    events = _events(analyze, "Iran declined to attend the talks in Vienna.")
    assert [e.cameo for e in events] == ["125"]
    assert events[0].trigger.text == "attend" and events[0].mode == "asserted"


def test_events_workers_striking_is_a_labour_strike_not_an_attack(analyze):
    e = _one(_events(analyze, "Thousands of transport workers struck against the welfare cuts."), "PROTEST")
    assert e.cameo == "143" and "source:" in e.evidence
    assert not [x for x in _events(analyze, "Dock workers struck on Monday.") if x.plover == "ASSAULT"]
    assert _one(_events(analyze, "Israeli jets struck Hamas positions in Gaza."), "ASSAULT").cameo == "190"
    e = _one(_events(analyze, "The teachers' strike against the pension law entered its third day."), "PROTEST")
    assert e.source.code == "EDU"


def test_events_source_flag_restricts_a_row_and_is_checked(tmp_path):
    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings verbs 1\nsnub\t-\t120\tsubj\tobj\nsnub\t-\t143\tsubj\tobj\tsource:lab|cvl\n",
                 encoding="utf-8")
    rows = load_event_patterns((f,)).verbs["snub"]
    assert [r.code for r in rows] == ["143", "120"]  # the restricted row is tried first
    assert rows[0].source_groups == {"lab", "cvl"}
    f.write_text("#! tidings verbs 1\nsnub\t-\t143\tsubj\tobj\tsource:labour\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="source:"):
        load_event_patterns((f,))


def test_events_business_senses_of_withdraw_and_join_forces_are_no_events(analyze):
    assert not _events(analyze, "Merck is withdrawing its painkiller from the market.")
    assert not [e for e in _events(analyze, "The two rival companies agreed to join forces.") if e.target is not None]
    assert _one(_events(analyze, "Russia withdrew its troops from the border."), "RETREAT").cameo == "0874"


def test_events_symmetric_verb_goes_back_only_to_its_own_partner(analyze):
    """"agreed to impose sanctions on Belarus": Belarus is no partner of the agreement."""
    pairs = {(e.source.code, e.target.code) for e in _events(analyze, "EU foreign ministers agreed to impose sanctions on Belarus.")
             if e.cameo == "030" and e.source and e.target}
    assert ("BLR", "IGOEUREEC") not in pairs
    pairs = {(e.source.code, e.target.code) for e in _events(analyze, "Iran agreed with Iraq on a new border.") if e.target}
    assert ("IRNGOV", "IRQ") in pairs and ("IRQ", "IRNGOV") not in pairs  # one symmetric event


def test_events_a_party_is_never_its_own_target(analyze):
    """The soldiers are subject and object of "were deployed as peacekeepers": the source only."""
    events = _events(analyze, "About 2,000 Russian soldiers were deployed as peacekeeping forces along the corridor.")
    e = _one(events, "AID")
    assert e.source.code == "RUSMIL" and e.target is None
    assert all(x.target is None or (x.target.start, x.target.end) != (x.source.start, x.source.end) for x in events)


def test_events_a_visited_capital_or_country_is_the_host(analyze):
    """CAMEO codes the host state as the target of a visit; the place stays a place among the actors."""
    a = analyze("The French president visited Moscow on Monday.")
    e = _one(a.events, "CONSULT")
    assert e.cameo == "042" and e.target.text == "Moscow" and e.target.code == "RUS"
    assert not [x for x in a.actors if x.kind == "country" and x.code.startswith("RUS")]
    # a French city: the president touring his own country visits no one (the AG guide's rule 16)
    assert not [e for e in _events(analyze, "The French president visited Lyon on Monday.") if e.cameo == "042"]


# ---- PETRARCH-style reach and slots (docs/events.md "Options", "Slots") ----------------------------

def _own_with(tmp_path, verbs: str, actors: str = ""):
    """A pipeline on the fictional states of _OWN_ACTORS (plus ``actors``) and only the verb rows given."""
    from tidings import Pipeline
    from tidings.settings import Settings

    d = tmp_path / f"own{len(list(tmp_path.iterdir()))}"  # a folder of its own: loaded files are cached
    d.mkdir()
    a, v = d / "actors.tsv", d / "verbs.tsv"
    a.write_text(_OWN_ACTORS + actors, encoding="utf-8")
    v.write_text("#! tidings verbs 1\n@builtin\toff\n@keep\tany\n" + verbs, encoding="utf-8")
    pipeline = Pipeline(Settings(dictionaries=(a, v)))

    def run(text):
        return [(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
                for e in pipeline.analyze(text, {"published": "2021-03-04"}).events]

    return run


def test_events_scope_and_match_options(tmp_path):
    rows = ("allow\t-\t080\tsubj\tfirst-actor\nallow\tthe_safest_place\t027\tsubj\tfirst-actor\n"
            "adopt\t-\t081\tsubj\tfirst-actor\nadopt\tresolution\t102\tsubj\tfirst-actor\n")
    clause = _own_with(tmp_path, rows)
    text = "Velmara allowed that Tarn is the safest place to stay."
    assert clause(text) == [("VLM", "TRN", "080")]  # a clause with its own subject is not searched
    assert clause("Velmara adopted resolutions with Tarn.") == [("VLM", "TRN", "102")]  # lemmas match
    petrarch = _own_with(tmp_path, "@scope\tphrase\n@match\tform\n" + rows)
    assert petrarch(text) == [("VLM", "TRN", "027")]  # the whole verb phrase is
    assert petrarch("Velmara adopted resolutions with Tarn.") == [("VLM", "TRN", "081")]  # written forms only
    assert petrarch("Velmara adopted a resolution with Tarn.") == [("VLM", "TRN", "102")]


def test_events_slots_front_above_and_past(tmp_path):
    run = _own_with(tmp_path, "regret\tnoted *\t115\tabove\tfront\n"
                              "receive\t-\t033\tsubj\tfirst-actor\nreceive\tmoney\t071\tpast:money\tfront\n"
                              "warn\t-\t160\tsubj\tfirst-actor\nwarn\tat\t162\tsubj\tpast:at\n")
    assert run("Velmara noted that Tarn regretted the decision.") == [("VLM", "TRN", "115")]
    assert run("Velmara received money from Tarn.") == [("TRN", "VLM", "071")]
    assert run("Velmara warned at the council of Tarn.") == [("VLM", "TRN", "162")]


def test_events_words_of_the_governing_verb_between_it_and_the_trigger(tmp_path):
    run = _own_with(tmp_path, "join\t-\t057\tsubj\tfirst-actor\njoin\tinching nearer *\t083\tsubj\tfirst-actor\n")
    assert run("Tarn is inching nearer to join the pact with Velmara.") == [("TRN", "VLM", "083")]


def test_events_subject_repairs_coordinated_modifier_and_name_read_as_compound(tmp_path):
    run = _own_with(tmp_path, "rise\tcasualty count *\t190\tsubj\tfirst-actor\nact\t-\t100\tsubj\tfirst-actor\n",
                    "Somalia\tSOM\tactor\tSomalia\nLibya\tLBY\tactor\tLibya\n")
    # "casualty" hangs on "count" as a modifier coordinated with "injury": still a word of the subject
    assert run("Velmara's casualty and injury count has risen in the clashes with Tarn.") == [("VLM", "TRN", "190")]
    # the parser reads "Somalia" as a compound of the verb: a state there is the subject
    assert run("Somalia act on a resolution with Libya.") == [("SOM", "LBY", "100")]


def test_events_passive_report_verb_raises_its_subject(analyze):
    e = _one(_events(analyze, "Iran is believed to have supplied drones to Russia."), "AID")
    assert e.source is not None and e.source.text == "Iran"
    # a prediction is no event of the subject's
    assert not any(e.source is not None and e.source.text == "Iran"
                   for e in _events(analyze, "Iran is expected to supply drones to Russia."))


@pytest.mark.parametrize("text,cameo", [
    ("Russia armed the separatists in Donbas.", "072"),
    ("The junta banished the opposition leader from the country.", "174"),
    ("Iran is enforcing a blockade of the strait.", "191"),
    ("The torture of prisoners by Syrian guards was documented.", "1822"),
    ("The siege of Mariupol by Russian forces continued.", "191"),
])
def test_events_more_codebook_vocabulary(analyze, text, cameo):
    assert cameo in [e.cameo for e in _events(analyze, text)]


def test_events_countries_coordinated_before_a_role_are_each_a_party(analyze):
    """"Russian and US negotiators": RUSGOV and USAGOV, each other's partners."""
    events = _events(analyze, "Russian and US negotiators ended nearly eight hours of security talks in Geneva.")
    pairs = {(e.source.code, e.target.code) for e in events if e.plover == "CONSULT" and e.target}
    assert ("RUSGOV", "USAGOV") in pairs and ("USAGOV", "RUSGOV") not in pairs  # one symmetric event
    actors = {a.code for a in analyze("British, French and German diplomats met in Vienna.").actors}
    assert {"GBRGOV", "FRAGOV", "DEUGOV"} <= actors


def test_events_second_party_of_an_absolute_construction_is_its_subject(analyze):
    """"with Moscow insisting ... and Washington rejecting the demand": the parser joins Washington
    to the first clause; it is the one rejecting, as its government."""
    text = "The talks ended, with Moscow insisting that NATO stop expanding and Washington rejecting the demand outright."
    e = _one(_events(analyze, text), "REJECT")
    assert e.source.text == "Washington" and e.source.code == "USAGOV"


def test_events_a_mandative_that_clause_is_a_demand_and_not_yet_done(analyze):
    events = _events(analyze, "Russia insists that Ukraine withdraw its troops.")
    demand = _one(events, "REQUEST")
    assert (demand.source.code, demand.target.code) == ("RUSGOV", "UKRGOV")
    assert _one(events, "RETREAT").mode == "hypothetical"
    assert not [e for e in _events(analyze, "Moscow insisted that the drills were defensive.") if e.plover == "REQUEST"]


def test_events_troops_moved_are_a_mobilization(analyze):
    e = _one(_events(analyze, "Russia moved tens of thousands of troops close to the border."), "MOBILIZE")
    assert e.source.code == "RUSGOV" and e.cameo == "154"


def test_events_envoys_from_an_international_organisation_act_for_it(analyze):
    e = _one(_events(analyze, "Envoys from NATO met Russian officials."), "CONSULT")
    assert {e.source.code, e.target.code} == {"IGOWSTNAT", "RUSGOV"}


def test_events_parties_agreeing_on_a_deal_are_each_others_partners(analyze):
    events = [e for e in _events(analyze, "Canada and the United Kingdom have agreed to a rollover trade deal.") if e.cameo == "057"]
    assert {(e.source.code, e.target.code, e.symmetric) for e in events} == {("CANGOV", "GBRGOV", True)}


def test_events_according_to_is_no_accord(analyze):
    events = _events(analyze, "Iran and Iraq agreed to share information, according to officials.")
    assert "057" not in [e.cameo for e in events]


def test_a_weapons_test_is_a_show_of_force_not_an_attack(analyze):
    for text in ("Pakistan has successfully test fired a medium-range missile.",
                 "India tested a new missile on Sunday."):
        events = _events(analyze, text)
        assert [e for e in events if e.plover == "MOBILIZE"] and not [e for e in events if e.plover == "ASSAULT"]


def test_wire_news_words_of_criticism_pleading_and_shows_of_force(analyze):
    assert _one(_events(analyze, "The UN rapped Israel over the raid on Sunday."), "ACCUSE").target.text == "Israel"
    assert _one(_events(analyze, "Iraqis pleaded with the U.S. to return to the city."), "REQUEST").target.text == "the U.S."
    assert _one(_events(analyze, "Iran unveiled a new missile on Sunday."), "MOBILIZE").source.text == "Iran"
    e = _one(_events(analyze, "Chirac's tour of China ended on Monday."), "CONSULT")
    assert (e.source.text, e.target.text) == ("Chirac", "China")


def test_troops_on_the_move_and_troops_cut(analyze):
    e = _one(_events(analyze, "Kenyan troops moved into the border town on Sunday."), "MOBILIZE")
    assert e.source.text == "Kenyan troops" and e.target.text == "the border town"
    e = _one(_events(analyze, "The US sent 600 marines to the Philippines on Monday."), "MOBILIZE")
    assert e.target.text == "the Philippines"
    # a withdrawal announced (undated, so coded as the intent to withdraw): Poland's, from Iraq
    [cut] = [e for e in _events(analyze, "Poland will cut one-third of its troops in Iraq.") if e.trigger.text == "cut"]
    assert cut.mode == "future" and cut.source.code.startswith("POL") and cut.target.code.startswith("IRQ")


def test_troops_moving_in_and_weapons_tests_are_mobilisation(analyze):
    e = _one(_events(analyze, "A column of Ugandan tanks surged into the border town on Thursday."), "MOBILIZE")
    assert e.source.code == "UGAMIL"
    events = _events(analyze, "Kenyan police and Ugandan troops moved into the disputed island.")
    assert any(e.plover == "MOBILIZE" and e.source.code == "UGAMIL" for e in events)
    e = _one(_events(analyze, "Fifty Kenyan soldiers left Nairobi on Thursday for Somalia."), "MOBILIZE")
    assert e.target.code == "SOM"
    assert not [e for e in _events(analyze, "Kenyan troops left their base on Thursday.") if e.plover == "RETREAT"]
    e = _one(_events(analyze, "Kenya has successfully test-fired a short-range missile."), "MOBILIZE")
    assert e.source.code.startswith("KEN")


def test_a_sentence_is_coercion_a_charge_an_accusation(analyze):
    e = _one(_events(analyze, "A Kenyan court sentenced a Somali militant to 12 years in jail."), "COERCE")
    assert e.target.text == "a Somali militant"
    assert _one(_events(analyze, "Kenyan prosecutors charged a Somali militant with murder."), "ACCUSE")


def test_a_party_in_talks_or_engaged_in_them_holds_them(analyze):
    e = _one(_events(analyze, "Kenya is in talks with Somalia over the border."), "CONSULT")
    assert e.source.code.startswith("KEN") and e.target.code.startswith("SOM")
    e = _one(_events(analyze, "The Kenyan government is engaged in negotiations with Somalia."), "CONSULT")
    assert e.source.code.startswith("KEN")
    # "in custody" is no exchange: the one in it holds no one
    assert all(e.source is None or not e.source.text.endswith("warlord")
               for e in _events(analyze, "The Somali warlord is in Kenyan custody."))


def test_leaving_a_government_and_withdrawing_an_envoy_reduce_relations(analyze):
    e = _one(_events(analyze, "The Kenyan opposition party pulled out of the coalition government."), "SANCTION")
    assert e.source.code == "KENOPP"
    e = _one(_events(analyze, "Kenya withdrew its ambassador from Uganda."), "SANCTION")
    assert e.target.code.startswith("UGA")
    assert _one(_events(analyze, "Kenya withdrew its troops from Somalia."), "RETREAT")


def test_arms_handed_over_and_a_border_reopened_are_concessions(analyze):
    e = _one(_events(analyze, "Somali rebels handed over their weapons to Kenyan troops."), "RETREAT")
    assert e.cameo == "0873" and e.target.code == "KENMIL"
    e = _one(_events(analyze, "Somali rebels began handing weapons over to Kenyan police."), "RETREAT")
    assert e.cameo == "0873"
    e = _one(_events(analyze, "Kenya reopened the border with Somalia."), "CONCEDE")
    assert e.target.code.startswith("SOM")
    e = _one(_events(analyze, "Somali elders handed over two suspects to Kenya."), "COOPERATE")
    assert e.target.code.startswith("KEN")  # the state they are handed to, not the suspects


def test_figures_of_speech_and_fighting_a_scourge_are_no_attacks(analyze):
    for text in ("Kenyan senators will hit the campaign trail on Monday.", "Kenya vowed to fight terrorism.",
                 "The Kenyan police fought crime and corruption in Nairobi."):
        assert not [e for e in _events(analyze, text) if e.plover in ("ASSAULT", "AGREE", "THREATEN")], text
    assert _one(_events(analyze, "Kenyan troops fought Somali militants."), "ASSAULT")


def test_arson_and_planted_bombs_are_attacks(analyze):
    e = _one(_events(analyze, "Somali militants set fire to a police station in Mandera."), "ASSAULT")
    assert e.cameo == "180" and e.source.code.startswith("SOM")
    e = _one(_events(analyze, "Somali militants set off three bombs at bus stations in Nairobi."), "ASSAULT")
    assert e.cameo == "183"
    assert _one(_events(analyze, "Al-Shabaab gunmen torched a Kenyan police post."), "ASSAULT")
    # a storm is no arsonist, and a bomb ripping through a crowd is an attack by no one named
    assert not _events(analyze, "The cyclone ripped through the Kenyan coast.")
    e = _one(_events(analyze, "Two Kenyan soldiers died when a bomb ripped through their convoy."), "ASSAULT")
    assert e.source is None or not e.source.code


def test_ripping_into_a_person_is_criticism_and_barring_people_a_restriction(analyze):
    e = _one(_events(analyze, "Kenyan President Mwai Kibaki ripped the opposition leader on Monday."), "ACCUSE")
    assert e.source.code == "KENGOV"
    # ripping a thing is no criticism of anyone
    assert not [e for e in _events(analyze, "Kenyan protesters ripped the posters off the wall.") if e.plover == "ACCUSE"]
    e = _one(_events(analyze, "Kenyan police barred opposition lawmakers from entering parliament."), "COERCE")
    assert e.cameo == "172" and e.source.code == "KENCOP" and e.target.code.startswith("KEN")
    # a court barring someone is a ruling, no coercion
    assert not [e for e in _events(analyze, "A Kenyan court barred the opposition leader from the vote.")
                if e.cameo == "172"]


def test_a_leader_flying_to_a_foreign_capital_visits_that_state(analyze):
    e = _one(_events(analyze, "Kenyan President Mwai Kibaki flew to Kampala for talks with Museveni."), "CONSULT")
    assert e.cameo == "042" and e.target.code.startswith("UGA")
    # a leader going home, or to a region of his own country, visits no one
    assert not [e for e in _events(analyze, "Kibaki flew to his country home for a rest.") if e.plover == "CONSULT"]
    assert not [e for e in _events(analyze, "Kenyan President Mwai Kibaki flew to Mombasa.") if e.cameo == "042"]
    # troops flying somewhere are no visit
    assert not [e for e in _events(analyze, "Kenyan troops flew to Mogadishu.") if e.cameo == "042"]


def test_violence_against_people_of_any_sector_is_kept(analyze):
    # a journalist (MED) is no political actor for most acts, but killing one is news
    e = _one(_events(analyze, "A Kenyan journalist was shot dead in Nairobi."), "ASSAULT")
    assert e.target.code == "KENMED"
    # while a company is still no victim of an attack in political news
    assert not _events(analyze, "Hackers attacked the website of a Kenyan bank.")


def test_people_named_by_pronouns_acting_on_each_other_are_kept(analyze):
    # PLOVER's people are people whoever they are: "she accused him" is an accusation
    e = _one(_events(analyze, "She accused him of lying about the war."), "ACCUSE")
    assert e.source.text == "She" and e.target.text == "him"
    # a pronoun acting on a thing makes no political news, nor does one in sports or business news
    assert not _events(analyze, "They ordered a batch of chicken wings.")
    assert not [e for e in _events(analyze, "He criticized them after the match, and the coach sold his shares.")
                if e.plover == "ACCUSE"]


def test_the_one_accused_of_an_act_is_its_doer(analyze):
    e = _one(_events(analyze, "A Kenyan policeman was accused of killing two Somali traders."), "ASSAULT")
    assert e.source.code == "KENCOP" and e.target.code == "SOMCVL" and e.mode == "asserted"
    # also when the passive hangs on another verb: "was hunted after being accused of"
    e = _one(_events(analyze, "A Kenyan policeman was being hunted after being accused of killing a Somali trader."),
             "ASSAULT")
    assert e.source.code == "KENCOP"


def test_a_freeing_with_no_agent_was_done_by_whoever_held_the_freed(analyze):
    # custody: the authorities of the place
    e = _one(_events(analyze, "The Kenyan opposition leader was freed from jail in Nairobi on Thursday."), "CONCEDE")
    assert e.source.code == "KENGOV" and e.source.text == "" and "the authorities" in e.evidence
    # captivity: the captors there, the country's armed group
    e = _one(_events(analyze, "Two Kenyan engineers kidnapped last month were released in Somalia."), "CONCEDE")
    assert e.source.code == "SOMREB" and "the captors" in e.evidence
    # a passive joined to the seizure shares its patient
    e = _one(_events(analyze, "A Kenyan journalist was seized by gunmen in Somalia and was later released."),
             "CONCEDE")
    assert e.target.code.startswith("KEN")
    # no word of custody or captivity: the freeing names no doer, no event
    assert not [e for e in _events(analyze, "Two Kenyan activists were released in Nairobi.") if e.plover == "CONCEDE"]


def test_holding_people_hostage_is_coercion_by_their_captors(analyze):
    e = _one(_events(analyze, "Somali militants holding three Kenyan engineers hostage began talks on Sunday."), "COERCE")
    assert e.cameo == "181" and e.source.code == "SOMREB" and e.target.code.startswith("KEN")
    e = _one(_events(analyze, "Two Kenyan reporters were held hostage in Somalia."), "COERCE")
    assert e.target.code.startswith("KEN")
    # kidnappers are an armed group, as the guide codes generic armed actors
    e = _one(_events(analyze, "The Somali kidnappers of two Kenyan reporters demanded a ransom."), "REQUEST")
    assert e.source.code == "SOMREB"


def test_headline_weapons_tests_and_forces_moving_in_are_shows_of_force(analyze):
    # headline grammar the parser reads as a noun phrase: "Kenya tests 'new' missile"
    e = _one(analyze("Kenya tests 'new' missile\n\nOfficials confirmed it.",
                     title="Kenya tests 'new' missile", published="2004-08-20").events, "MOBILIZE")
    assert e.source.code.startswith("KEN")
    e = _one(_events(analyze, "Kenyan police and militiamen moved into the Somali border town."), "MOBILIZE")
    assert e.source.code.startswith("KEN")
    # troops backed by gunships: arms in support of one's own side, no political backing
    assert not [e for e in _events(analyze, "Kenyan troops backed by helicopter gunships stormed the camp.")
                if e.plover == "SUPPORT"]
    # a body arriving is no visit
    assert not [e for e in _events(analyze, "The body of the Kenyan president arrived in Kampala.")
                if e.plover == "CONSULT"]


def test_an_arrest_made_in_a_raid_is_the_raiders_and_an_accident_kills_no_one(analyze):
    # the raid is the police's; a deed the men are held for is theirs
    e = next(e for e in _events(analyze, "Kenyan police arrested two men in a raid on a Nairobi house.")
             if e.trigger.text == "raid")
    assert e.source.code == "KENCOP"
    e = next(e for e in _events(analyze, "Kenyan police arrested two men in the bombing of the embassy.")
             if e.trigger.text == "bombing")
    assert e.source.text == "two men"
    # an industrial blast and a crash's toll are accidents
    for text in ("A coal mine explosion in western Kenya killed 33 people.",
                 "A Kenyan passenger plane crashed in stormy weather, killing at least 32 people.",
                 "A gas explosion killed five people in Nairobi."):
        assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"], text
    assert _one(_events(analyze, "A bomb exploded in a Nairobi market, killing five people."), "ASSAULT")


def test_paying_a_visit_compensation_or_a_ransom(analyze):
    e = _one(_events(analyze, "Kenyan President Mwai Kibaki paid a visit to Uganda this week."), "CONSULT")
    assert e.target.code.startswith("UGA")
    e = _one(_events(analyze, "Kenya paid compensation to the Somali families."), "CONCEDE")
    assert e.source.code.startswith("KEN")
    assert _one(_events(analyze, "The Kenyan government paid a ransom for the hostages."), "CONCEDE")
    # a ransom demanded is a demand, no concession
    assert not [e for e in _events(analyze, "The Somali kidnappers demanded a ransom.") if e.plover == "CONCEDE"]


def test_a_visit_or_talks_begun_or_wound_up_are_the_subjects(analyze):
    # verbs of starting and finishing carry a noun event like "paid" or "held" do
    for text in ("Kenyan President Mwai Kibaki kicked off a three-day visit to Uganda on Monday.",
                 "Kenyan President Mwai Kibaki wrapped up a visit to Uganda on Monday.",
                 "Kenyan President Mwai Kibaki embarked on a tour of Uganda on Monday."):
        e = _one(_events(analyze, text), "CONSULT")
        assert e.source.code.startswith("KEN") and e.target.code.startswith("UGA"), text


def test_an_attack_on_a_politician_or_party_by_no_armed_hand_is_criticism(analyze):
    e = _one(_events(analyze, "Kenyan President Mwai Kibaki turned the attack on the Kenyan opposition."), "ACCUSE")
    assert e.cameo == "111" and "verbal attack" in e.evidence
    # armed hands attacking lawmakers is violence
    e = _one(_events(analyze, "Gunmen attacked two Kenyan lawmakers in Nairobi."), "ASSAULT")
    assert e.target.code == "KENLEG"
    assert _one(_events(analyze, "Kenyan troops attacked Somali militants."), "ASSAULT")


def test_a_known_persons_surname_as_an_object_is_no_town_of_that_name(analyze):
    # "Bush" is also a town in Egypt; the actor dictionary knows a Bush
    a = analyze("Kerry attacked Bush over the war.")
    assert not [p for p in a.places if p.name.lower().startswith("b")]


def test_more_words_of_criticism_and_holding_someone_responsible(analyze):
    e = _one(_events(analyze, "Kenya held Somalia responsible for the attack."), "ACCUSE")
    assert e.target.code.startswith("SOM")
    # the one held responsible did the deed, not the one holding them so
    e = _one(_events(analyze, "Iran held the US responsible for the attack."), "ASSAULT")
    assert e.source.code.startswith("USA")
    assert _one(_events(analyze, "Kenya branded the Somali militants terrorists."), "ACCUSE")
    assert _one(_events(analyze, "The Kenyan opposition tore into the government."), "ACCUSE")
    # hammering as a soldier does is an attack; hammering a nail is nothing
    assert _one(_events(analyze, "Kenyan troops hammered Somali militants near the border."), "ASSAULT")
    assert not _events(analyze, "The Kenyan carpenter hammered a nail.")


def test_events_relieving_a_debt_is_aid_and_defending_oneself_supports_no_one(analyze):
    e = _one(_events(analyze, "Norway forgave Ghana's debts on Monday."), "AID")
    assert e.source.code.startswith("NOR") and e.target.code.startswith("GHA")
    assert not [e for e in _events(analyze, "Brazil defended itself against the charges.") if e.plover == "SUPPORT"]
    e = _one(_events(analyze, "Chile defended Bolivia against the charges."), "SUPPORT")
    assert e.target.code.startswith("BOL")



def test_events_leaving_a_race_is_campaigning_not_a_retreat(analyze):
    assert not [e for e in _events(analyze, "The rebel leader pulled out of the presidential election.")
                if e.plover == "RETREAT"]
    assert not [e for e in _events(analyze, "The senator withdrew from the race on Monday.") if e.plover == "RETREAT"]
    assert _one(_events(analyze, "Chilean troops pulled out of the border town."), "RETREAT")


def test_events_figures_of_speech_with_strike_and_rally_are_no_acts(analyze):
    assert not _events(analyze, "The Chilean president is striking twin themes for a second term.")
    assert not [e for e in _events(analyze, "Rallying a party stung by losses, the Chilean president spoke.")
                if e.plover == "PROTEST"]
    assert _one(_events(analyze, "Protesters rallied against the Chilean government on Monday."), "PROTEST")
    assert _one(_events(analyze, "Peruvian jets struck rebel camps near the border."), "ASSAULT")


def test_a_toll_of_an_accident_or_natural_force_is_no_attack(analyze):
    for text in ("A farmer and his two sons were killed in a barn fire near Velna.",
                 "Nine villagers were killed when fire swept through their homes.",
                 "Twelve people were injured as a strong earthquake shook the coast.",
                 "Eleven workers were killed in an explosion at a chemical plant in Velna.",
                 "Nine miners died and six were injured in a gas blast in Velna.",
                 "Five miners were killed and 14 injured in a blast in a coal mine in Velna."):
        assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"], text
    # gunfire is someone's
    assert [e for e in _events(analyze, "Four soldiers were killed in sniper fire near Velna.") if e.plover == "ASSAULT"]


def test_a_headline_naming_the_accident_by_its_site_or_its_animal_is_no_attack(analyze):
    # the site or the animal as a modifier of the blast or attack: "power plant explosion", "shark attack"
    for title, body in (("Eleven workers killed in power plant explosion in Velna",
                         "Eleven workers died in an explosion on Monday, officials said."),
                        ("Swimmer killed in shark attack off Velna",
                         "A swimmer, 77, died on Sunday off a beach near Velna, officials said.")):
        assaults = [e for e in analyze(title + "\n\n" + body, published="2022-01-11", title=title).events
                    if e.plover == "ASSAULT"]
        assert not assaults, (title, [(e.trigger.text, e.source) for e in assaults])
    # a gas attack is a weapon's, not an accident
    assert [e for e in _events(analyze, "Nine villagers were killed in a gas attack by the Velnish army.")
            if e.plover == "ASSAULT"]


def test_a_csv_line_break_between_words_is_read_as_a_space(analyze):
    # wire feeds exported as CSV write line breaks as backslashes: "14\\injured" is "14 injured"
    text = "Five miners were killed and 14\\injured in a blast in a coal mine in Velna, the\\ministry said."
    assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"]
    assert "\\" in analyze(text).text  # the text reported keeps what was read


def test_those_held_hostage_are_held_not_holding(analyze):
    e = _one(_events(analyze, "Tarnia said two Velnish engineers held hostage in Orlan were still alive."), "COERCE")
    assert "engineers" in e.target.text and (e.source is None or "engineers" not in e.source.text)
    active = _one(_events(analyze, "Gunmen held two Velnish engineers hostage."), "COERCE")
    assert active.source.text == "Gunmen"


def test_meeting_a_demand_yields_meeting_a_deadline_meets_no_one(analyze):
    e = _one(_events(analyze, "President Orvel met the opposition's demands on Friday."), "CONCEDE")
    assert e.target.text == "the opposition"
    assert not _events(analyze, "Velnia met the deadline set by the United Nations.")


def test_a_publication_released_is_no_release_of_anyone(analyze):
    assert not [e for e in _events(analyze, "Velnia ranks low, according to a survey released by Amnesty International.")
                if e.plover == "CONCEDE"]
    assert _one(_events(analyze, "Three prisoners released by Tarnia returned home."), "CONCEDE")


def test_a_suicide_is_no_attack_but_its_victims_are(analyze):
    assert not _events(analyze, "The gunman killed himself after the siege in Velna.")
    e = _one(_events(analyze, "A suicide bomber blew himself up at a checkpoint, killing five soldiers."), "ASSAULT")
    assert e.target.text == "five soldiers"


def test_a_failure_foreseen_is_no_refusal(analyze):
    e = _one(_events(analyze, "Talks between Chile and Peru could fail, the envoy said."), "CONSULT")
    assert e.mode == "hypothetical"


def test_the_doer_of_a_deed_beside_a_passive_toll_caused_it(analyze):
    e = [x for x in _events(analyze, "Four Tarnish soldiers were killed when Velnish militants blew up a tunnel.")
         if x.trigger.text == "killed"]
    assert e and e[0].source.text == "Velnish militants"
    # a thing is no doer
    e = [x for x in _events(analyze, "Two aid workers were killed when their truck hit a landmine in Velna.")
         if x.trigger.text == "killed"]
    assert all(x.source is None for x in e)


def test_calling_a_strike_or_an_election_telephones_no_one(analyze):
    # a strike called is a strike staged (test_calling_a_strike_is_staging_one), no telephone call
    assert [e.plover for e in _events(analyze, "The union called a strike against the Velnian government.")] == ["PROTEST"]
    assert not _events(analyze, "President Orvel of Chile called an early election.")


def test_a_bomb_planted_or_found_near_a_party_is_a_failed_attack(analyze):
    e = _one(_events(analyze, "A bomb was found near the Velnian president's residence in Chile."), "ASSAULT")
    assert e.source is None and e.mode == "asserted"
    e = _one(_events(analyze, "Rebels planted a bomb outside the Chilean ministry."), "ASSAULT")
    assert e.source.text == "Rebels"
    # explosives found in a house are evidence, not an attack on anyone
    assert not _events(analyze, "Police found explosives in a house in Valparaiso.")


def test_a_things_relative_pronoun_stands_for_the_noun_right_before_it(analyze):
    events = _events(analyze, "The report follows a review by the police and the army of the siege that killed "
                              "forty people in Velna last month.")
    assert all(e.source is None or e.source.text not in ("the police", "the army") for e in events)
    killed = [e for e in events if e.trigger.text == "killed"]
    assert killed and killed[0].source.text == "the siege"


def test_verbal_rebukes_are_accusations_and_retaliation_with_arms_is_not(analyze):
    def types(text):
        return {e.plover for e in _events(analyze, text) if e.source is not None and e.source.code.startswith("CHL")}

    assert types("Chile took Peru to task over the fishing dispute.") == {"ACCUSE"}
    assert types("Chile attacked Peru over its remarks on the fishing dispute.") == {"ACCUSE"}
    assert types("Chile hit back at Peru on Tuesday.") == {"ACCUSE"}
    assert types("Chile hit back at Peru with air strikes.") == {"ASSAULT"}


def test_judges_withdrawing_to_deliberate_retreat_from_no_one(analyze):
    assert not _events(analyze, "The judges in Velna withdrew on Monday to consider their verdict.")
    assert _one(_events(analyze, "Russia withdrew its troops from Georgia."), "RETREAT")


def test_a_journey_for_care_or_rest_visits_no_one(analyze):
    assert not _events(analyze, "President Orvel of Chile arrived in Paris for medical treatment on Friday.")
    assert not _events(analyze, "The Chilean president flew to Germany for surgery.")
    assert _one(_events(analyze, "The Chilean president arrived in Paris for talks with the French government."),
                "CONSULT")


def test_a_war_no_one_wages_on_anyone_is_a_state_not_an_act(analyze):
    assert not _events(analyze, "Radio broadcasts helped to end Velna's long war.")
    assert _one(_events(analyze, "Russia launched a war against Georgia."), "ASSAULT")
    assert _one(_events(analyze, "The war between Ethiopia and Eritrea killed thousands."), "ASSAULT")


def test_speaking_to_the_press_is_saying_not_consulting(analyze):
    assert not _events(analyze, "President Orvel of Chile spoke to reporters in Santiago.")
    assert _one(_events(analyze, "The Chilean president spoke with the Peruvian president on Monday."), "CONSULT")


def test_refusing_food_is_a_hunger_strike(analyze):
    e = _one(_events(analyze, "Jailed Chilean opposition leaders refused food over their conditions."), "PROTEST")
    assert e.cameo == "142"


def test_operations_against_a_party_are_armed_ones(analyze):
    e = _one(_events(analyze, "Nepali troops stepped up operations against Maoist rebels in the west."), "ASSAULT")
    assert e.source.code == "NPLMIL" and e.target.code.endswith("REB") and e.trigger.text == "operations"
    assert not _events(analyze, "The bakery began operations in the town last week.")


def test_a_verb_that_speeds_a_deed_carries_it(analyze):
    """'accelerate', 'widen', 'renew' an offensive: the subject is the one who wages it."""
    e = _one(_events(analyze, "Nepali troops widened their offensive against Maoist rebels."), "ASSAULT")
    assert e.source.code == "NPLMIL"


def test_private_people_touring_a_country_make_no_visit_of_state(analyze):
    assert not [e for e in _events(analyze, "Kenyan cricketers will tour Uganda from Monday.") if e.plover == "CONSULT"]
    e = _one(_events(analyze, "Kenyan ministers will tour Uganda from Monday."), "CONSULT")
    assert e.source.code == "KENGOV" and e.target.code.startswith("UGA")


def test_a_group_that_claims_a_deed_did_it(analyze):
    e = _one(_events(analyze, "A militant group claimed the bombing of a police station in Kirkuk."), "ASSAULT")
    assert e.source.text == "A militant group" and e.source.code.endswith("REB")


def test_an_act_of_force_shares_the_object_of_the_verb_coordinated_after_it(analyze):
    events = _events(analyze, "Masked gunmen kidnapped and killed two Chilean engineers near Tikrit on Sunday.")
    seized = _one(events, "COERCE")
    assert seized.target is not None and seized.target.text == "two Chilean engineers"
    # a second verb with a subject of its own shares nothing
    events = _events(analyze, "Rebels attacked at dawn and the army killed five soldiers.")
    assert not [e for e in events if e.source is not None and e.source.text == "Rebels"
                and e.target is not None and e.target.text == "five soldiers"]


def test_a_reduced_passive_read_as_a_clause_keeps_the_one_done_to(analyze):
    # the parser reads 'workers' as the subject of an active 'abducted': a verb that always takes an
    # object and has none here is a reduced passive
    text = "Officials believe four Danish engineers abducted last week near Mosul are still being held."
    e = _one(_events(analyze, text), "COERCE")
    assert e.target is not None and e.target.text == "four Danish engineers"
    assert e.source is None or e.source.text != "four Danish engineers"


def test_a_country_before_an_attack_noun_is_where_it_happened_when_the_story_is_there(analyze):
    title = "Danish engineer killed in Iraq attack"
    text = title + "\n\nA Danish engineer posted to the Danish embassy in Basra was killed on Monday by a mortar attack, police said."
    events = analyze(text, published="2022-01-11", title=title).events
    assert not [e for e in events if e.source is not None and e.source.text == "Iraq"]
    # a country the story names no town of is the attacker
    e = _one(_events(analyze, "A US strike killed six people in Falluja on Monday."), "ASSAULT")
    assert e.source is not None and e.source.code.startswith("USA")


def test_a_country_before_a_deed_in_a_compound_is_where_the_deed_happened(analyze):
    # "Iraq murder probe": an inquiry into a murder in Iraq, not one Iraq holds
    title = "British soldiers in Iraq murder probe"
    events = analyze(title + "\n\nOfficials said on Monday.", published="2022-01-11", title=title).events
    assert not [e for e in events if e.source is not None and e.source.text == "Iraq"]
    title = "Blair urged to launch Iraq death toll probe"
    events = analyze(title + "\n\nOfficials said on Monday.", published="2022-01-11", title=title).events
    assert not [e for e in events if e.source is not None and e.source.text == "Iraq"]
    # a country before a noun that is no deed still does the act: the aid is Japan's
    e = _one(_events(analyze, "Congress welcomed a Japan aid package for the flooded provinces."), "AID")
    assert e.source is not None and e.source.code.startswith("JPN")


def test_the_maker_of_a_decision_or_plan_does_what_it_decides(analyze):
    events = _events(analyze, "Chile welcomed Norway's decision to send aid to the flooded provinces.")
    aid = _one(events, "AID")
    assert aid.source is not None and aid.source.code.startswith("NOR")
    events = _events(analyze, "Farmers criticized a European Union decision to impose tariffs on Chile.")
    tariffs = _one(events, "COERCE")
    assert tariffs.source is not None and tariffs.source.code.startswith("IGO")
    # a request's maker is not the one asked: he who refuses it is
    events = _events(analyze, "The police chief refused a request by the president to resign.")
    assert not [e for e in events if e.source is not None and e.source.text == "the president"
                and e.trigger.text == "resign"]


def test_an_appeal_with_no_one_to_heed_it_is_no_request(analyze):
    assert not [e for e in _events(analyze, "The Chilean president urged an end to the violence on Sunday.")
                if e.plover == "REQUEST"]
    e = _one(_events(analyze, "The Chilean president urged a judge on Sunday to end the strike."), "REQUEST")
    assert e.target is not None and e.target.text == "a judge"


def test_halting_ones_own_contested_work_is_yielding(analyze):
    # not a sanction on anyone: the party gives way (CAMEO 08)
    e = _one(_events(analyze, "Pakistan froze its missile testing on Monday under pressure from the United States."),
             "CONCEDE")
    assert e.source.code.startswith("PAK")
    # suspending aid to someone still sanctions them
    e = _one(_events(analyze, "Norway suspended aid to Zambia on Monday."), "SANCTION")
    assert e.target is not None and e.target.code.startswith("ZMB")


def test_a_verb_that_cannot_agree_with_a_relative_clause_belongs_to_the_main_clause(analyze):
    # the parser joins 'are preparing' to 'led'; 'are' cannot agree with 'commander'
    text = ("Chilean troops detained a Peruvian rebel commander who led the raid and are preparing to storm the camp "
            "he held.")
    storm = [e for e in _events(analyze, text) if e.trigger.text == "storm"]
    assert storm and all(e.source is not None and e.source.code.startswith("CHL") for e in storm)
    # a verb that agrees stays in the relative clause: the man is accused, not the police
    events = _events(analyze, "Police arrested a man who attacked a mosque and is accused of killing two worshippers.")
    killing = [e for e in events if e.trigger.text == "killing"]
    assert killing and killing[0].source is not None and killing[0].source.text == "a man"


def test_the_party_pressed_does_what_the_pressure_is_for(analyze):
    # "pressure on X to V", "an appeal to X to V": X is to do it, whether the parser hangs the
    # infinitive on the noun or on the verb
    for text in ("Norway put pressure on Kenya to release the prisoners.",
                 "Norway increased pressure on Kenya to release the prisoners.",
                 "Norway issued an appeal to Kenya to release the prisoners."):
        release = [e for e in _events(analyze, text) if e.trigger.text == "release"]
        assert release and release[0].source is not None and release[0].source.code.startswith("KEN"), text


def test_a_main_verb_the_parser_hung_on_its_subject_is_the_subjects_act(analyze):
    # after "US-led" the parser reads 'bombed' as a participle of 'coalition': with an object of its
    # own, on the noun that heads the sentence, it is the clause's past tense
    e = _one(_events(analyze, "The Saudi-led coalition bombed Hodeida."), "ASSAULT")
    assert e.source is not None and e.source.code == "SAUMIL"
    assert e.target is not None and e.target.text == "Hodeida"
    # a participle with no object of its own is still a reduced passive
    e = _one(_events(analyze, "Two engineers kidnapped last week in Iraq."), "COERCE")
    assert e.target is not None and e.target.text == "Two engineers"


def test_a_led_compound_in_a_title_cased_headline(analyze):
    title = "Iraq Blames US-Led Forces for Massacre"
    events = analyze(title + "\n\nThe government said on Tuesday that neglect led to the killings.",
                     published="2004-10-26", title=title).events
    blame = _one(events, "ACCUSE")
    assert blame.target is not None and blame.target.code == "USAMIL"


def test_a_deed_noun_written_by_agent_then_object(analyze):
    # "the seizure by X of Y": the parser hangs 'of Y' on X; Y is what was seized
    events = _events(analyze, "Observers condemned the seizure by Pakistani militants of two Chinese engineers.")
    e = _one(events, "COERCE")
    assert e.source.text == "Pakistani militants" and e.target.code.startswith("CHN")


def test_workers_observing_a_general_strike_protest(analyze):
    e = _one(_events(analyze, "Millions of workers observed a general strike against the policies of the Italian "
                              "government."), "PROTEST")
    assert e.source.text == "Millions of workers"


def test_what_a_call_or_plea_asks_for_is_not_done(analyze):
    # "a call for X to V": X is asked to, has not
    events = _events(analyze, "The Iraqi leader issued a call for Germany to help rebuild his country.")
    assert all(e.mode != "asserted" for e in events if e.trigger.text == "help")
    plea = _one(_events(analyze, "The Iraqi leader made a plea to Germany to send troops."), "REQUEST")
    assert plea.target is not None and plea.target.code.startswith("DEU")


def test_a_deed_ranked_in_a_country_is_not_that_countrys_deed(analyze):
    events = _events(analyze, "Gunmen killed the governor in Zambia's highest-profile assassination in years.")
    assert not [e for e in events if e.source is not None and e.source.text == "Zambia"]
    # with a place or target of its own the possessor does it
    e = _one(_events(analyze, "Palestinians condemned Israel's biggest offensive in Gaza in years."), "ASSAULT")
    assert e.source is not None and e.source.code.startswith("ISR")


def test_an_accusation_is_aimed_at_the_subject_of_what_it_says(analyze):
    e = _one(_events(analyze, "Zambia made accusations that Malawi had armed the rebels."), "ACCUSE")
    assert e.target is not None and e.target.code.startswith("MWI")
    # rejecting a charge denies what it says, not that it was made
    e = _one(_events(analyze, "France rejected accusations by Chad that French troops used excessive force."), "ACCUSE")
    assert e.mode == "asserted" and e.source.code.startswith("TCD") and e.target.code.startswith("FRA")


def test_peacekeeping_operations_are_no_attack_and_a_community_is_a_party(analyze):
    events = _events(analyze, "Kofi Annan appealed to the European Union to play a bigger role in UN peacekeeping operations.")
    assert not [e for e in events if e.plover == "ASSAULT"]
    # "the international community" is whom an appeal addresses, not a party named further on
    e = [e for e in _events(analyze, "Chile urged the international community to help end Peru's dispute with Bolivia.")
         if e.plover == "REQUEST"]
    assert e and e[0].target is not None and e[0].target.text == "the international community"


def test_a_participle_after_while_is_an_act_of_its_own(analyze):
    # 'to Democrats' belongs to 'reaching', not to 'fight'
    events = _events(analyze, "The governor vowed to fight hard for his agenda while reaching across the aisle "
                              "to Democrats.")
    assert not [e for e in events if e.trigger.text == "fight" and e.target is not None and e.target.code]


def test_a_word_for_private_people_before_a_deed_noun_is_not_its_doer(analyze):
    # the story gives 'hostage' and 'child' a country; that does not make them the massacre's doers
    events = _events(analyze, "MOSCOW - Russia will open a second inquiry into the school hostage massacre, officials said.")
    assert not [e for e in events if e.source is not None and e.source.text == "hostage"]
    # a security force before the noun still acts: "an army offensive"
    e = _one(_events(analyze, "KABUL - An army offensive against the rebels began on Monday."), "ASSAULT")
    assert e.source is not None and e.source.text == "army"


def test_a_headline_participant_does_not_run_on_over_the_blank_line(analyze):
    title = "Myanmar Releases Hundreds of Prisoners"
    events = analyze(title + "\n\nTwo leaders were among hundreds of prisoners released on Sunday.",
                     published="2004-11-28", title=title).events
    assert all(not p.text[-1:].isspace() for e in events for p in (e.source, e.target) if p is not None and p.text)


def test_carrying_people_somewhere_is_no_visit(analyze):
    assert not [e for e in _events(analyze, "The Italian government is flying the migrants to Libya.") if e.plover == "CONSULT"]
    e = _one(_events(analyze, "The Italian prime minister flew to Libya on Monday."), "CONSULT")
    assert e.target.code.startswith("LBY")


def test_a_legislature_passing_a_law_or_nomination_is_no_event(analyze):
    assert not _events(analyze, "A Chilean Senate panel on Tuesday approved the nomination of Juan Perez to head the police.")
    # approving what another party asked still yields to it
    e = _one(_events(analyze, "Peru approved the request from the United Nations."), "CONCEDE")
    assert e.target is not None and e.target.code.startswith("IGO")


def test_a_weapon_with_a_nationality_is_that_countrys_forces(analyze):
    e = _one(_events(analyze, "An Israeli tank killed three Egyptian soldiers near the border."), "ASSAULT")
    assert e.source is not None and e.source.code == "ISRMIL" and e.target.code.startswith("EGY")
    # a tank that holds fuel or a think tank is no army
    assert not _events(analyze, "A fuel tank exploded in Baghdad, killing two.")
    assert not [e for e in _events(analyze, "A Washington think tank criticised the Iraqi government.")
                if e.source is not None and (e.source.code or "").endswith("MIL")]


def test_a_state_warning_its_own_people_gives_advice_not_a_threat(analyze):
    assert not [e for e in _events(analyze, "The U.S. warned Americans to avoid Haiti.") if e.plover == "THREATEN"]
    e = _one(_events(analyze, "China warned Singapore officials against visiting Taiwan."), "THREATEN")
    assert e.target.code.startswith("SGP")


def test_a_clash_with_no_side_named_is_no_event(analyze):
    # a place is no side of a clash (AG guide rule 7), a country after 'with' is
    assert not _events(analyze, "GOMA, Congo -- Thousands of civilians fled their homes after clashes in the east of Congo, the UN said.")
    e = _one(_events(analyze, "Rwanda is fighting with Congo."), "ASSAULT")
    assert e.target.code.startswith("COD")


def test_remanding_in_custody_is_a_detention_by_the_court(analyze):
    e = _one(_events(analyze, "MADRID - A Spanish court remanded the journalist in custody on Friday."), "COERCE")
    assert e.source is not None and e.source.code.startswith("ESP")


def test_an_operation_against_no_party_is_no_attack(analyze):
    text = "A Turkish building firm announced on Monday that it was halting operations in neighbouring Iraq to protect its staff."
    assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"]
    e = _one(_events(analyze, "Pakistan stepped up operations against the rebels."), "ASSAULT")
    assert e.target is not None and e.target.code.endswith("REB")


def test_a_pronoun_for_the_doer_itself_is_no_target(analyze):
    text = "WASHINGTON -- The State Department welcomed what it described as the positive points in a speech by the Peruvian president."
    assert not [e for e in _events(analyze, text) if e.target is not None and e.target.text == "it"]


def test_whoever_answers_an_accusation_is_the_one_accused(analyze):
    e = _one(_events(analyze, "France defended itself against accusations by Ivory Coast."), "ACCUSE")
    assert e.source.code.startswith("CIV") and e.target is not None and e.target.code.startswith("FRA")
    e = _one(_events(analyze, "Russia rejected accusations by Georgia."), "ACCUSE")
    assert e.target is not None and e.target.code.startswith("RUS")


def test_an_attack_as_the_doer_is_whoever_owns_it(analyze):
    e = _one(_events(analyze, "Russia launched an offensive that killed 30 Chechen rebels."), "ASSAULT")
    assert e.source.code.startswith("RUS") and e.target is not None and e.target.code.startswith("RUS")
    e = _one(_events(analyze, "A US air strike killed 12 people in Falluja."), "ASSAULT")
    assert e.source is not None and e.source.code.startswith("USA")
    # an attack no one is named for keeps no doer
    e = _one(_events(analyze, "A car bomb killed 12 people in Baghdad."), "ASSAULT")
    assert not (e.source and e.source.code)


def test_a_noun_listed_beside_an_attack_noun_keeps_its_own_modifiers(analyze):
    events = _events(analyze, "Syrian air strikes and artillery fire hit the town of Deraa on Monday.")
    assert events and not [e for e in events if e.target is not None and e.target.text == "artillery"]


def test_a_place_named_before_a_visit_is_its_host(analyze):
    e = _one(_events(analyze, "Talks were held during the Chilean president's Peru visit."), "CONSULT")
    assert e.source.code.startswith("CHL") and e.target is not None and e.target.code.startswith("PER")


def test_an_incursion_by_air_or_across_a_border_is_a_show_of_force(analyze):
    e = _one(_events(analyze, "Russian warplanes violated Georgian airspace on Monday."), "MOBILIZE")
    assert e.source.code.startswith("RUS") and e.target is not None and e.target.code.startswith("GEO")
    e = _one(_events(analyze, "Hezbollah sent a drone over Israeli airspace on Sunday."), "MOBILIZE")
    assert e.target is not None and e.target.code.startswith("ISR")
    assert not _events(analyze, "The court ruled that the law violated the constitution.")


def test_backing_or_defending_ones_own_cause_is_no_act_towards_anyone(analyze):
    assert not [e for e in _events(analyze, "Peru defended its decision to buy the frigates.") if e.plover == "SUPPORT"]
    e = _one(_events(analyze, "Putin praised Ukraine's leader on Monday."), "SUPPORT")
    assert e.target is not None and e.target.code.startswith("UKR")


def test_an_authority_act_with_no_agent_or_place_is_by_the_state_of_those_it_is_done_to(analyze):
    e = _one(_events(analyze, "Four Peruvian soldiers were charged with the murder of a farmer."), "ACCUSE")
    assert e.source is not None and e.source.code == "PERJUD" and e.source.text == ""
    # a place told still decides ("arrested in Kenya": Kenya's)
    e = _one(_events(analyze, "A Peruvian man was arrested in Kenya on Monday."), "COERCE")
    assert e.source is not None and e.source.code.startswith("KEN")


def test_an_inferred_agent_tells_no_side_apart_between_headline_and_body(analyze):
    title = "Chilean Army Arrests a Peruvian Commander"
    text = title + "\n\nThe arrest of a commander of the Peruvian navy raised concerns in Lima."
    arrests = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "COERCE"]
    assert len(arrests) == 1 and arrests[0].source.code.startswith("CHL"), [(e.trigger.text, e.source and e.source.code) for e in arrests]


def test_looting_and_robbery_are_seizures_of_property(analyze):
    e = _one(_events(analyze, "Militiamen looted shops in Monrovia on Tuesday."), "COERCE")
    assert e.cameo == "171" and e.target is not None and e.target.code.startswith("LBR")


def test_resigning_or_walking_out_in_protest_is_the_protest(analyze):
    e = _one(_events(analyze, "The Bolivian foreign minister resigned on Friday in protest against Chilean demands."), "PROTEST")
    assert e.source.code.startswith("BOL")
    assert _one(_events(analyze, "The Bolivian foreign minister resigned on Friday."), "CONCEDE")


def test_a_nationality_before_an_armed_attack_names_its_forces(analyze):
    e = _one(_events(analyze, "Peruvian air strikes killed two rebels near the border."), "ASSAULT")
    assert e.source is not None and e.source.code == "PERMIL"
    # before an attack any hand may make it is the setting
    e = _one(_events(analyze, "Iraqi attacks killed at least 69 people on Monday."), "ASSAULT")
    assert not (e.source and e.source.code)


def test_threatening_attacks_are_not_yet_made(analyze):
    # (the parser reads "threatening" here as the attacks' adjective)
    e = _one(_events(analyze, "Reuters is in possession of a tape purportedly from al Qaeda, threatening attacks on Britain."), "ASSAULT")
    assert e.mode == "hypothetical"


def test_walks_up_the_parse_stop_at_the_root_of_a_verbless_sentence(pipeline):
    # spaCy makes a new Token object on each access, so a walk that stops when a word "is" its own
    # head never stops: the root is told by its index (this walk once looped forever on a headline)
    from tidings.extract.events.common import clause_verb

    doc = pipeline.nlp("Fresh talks on the border dispute")
    assert not any(t.pos_ in ("VERB", "AUX") for t in doc)
    assert [clause_verb(t) for t in doc] == [None] * len(doc)


def test_a_country_named_before_sanctions_carried_by_a_named_doer_is_their_target(analyze):
    # "the Security Council renewed *Liberia* sanctions": the council imposes them, on Liberia
    e = _one(_events(analyze, "The UN Security Council renewed Liberia sanctions on Monday."), "COERCE")
    assert e.source.code.startswith("IGO") and e.target.code.startswith("LBR")
    # with no doer named apart, the country before the noun is its doer ("US sanctions on Cuba")
    e = _one(_events(analyze, "Havana condemned the new US sanctions on Cuba."), "COERCE")
    assert e.source.code.startswith("USA") and e.target.code.startswith("CUB")


def test_setting_captives_free_is_releasing_them(analyze):
    e = _one(_events(analyze, "The Somali rebels set free two Kenyan aid workers on Monday."), "CONCEDE")
    assert e.source.code.endswith("REB") and e.target.code.startswith("KEN")
    # a thing set free is no one released
    assert not [e for e in _events(analyze, "Kenya will set the price of maize free next year.") if e.plover == "CONCEDE"]


def test_a_things_owner_that_is_the_doers_own_state_is_not_the_target(analyze):
    # "Kenya closed *Kenya's* border with Somalia": aimed at Somalia, not at Kenya itself
    events = [e for e in _events(analyze, "President Kibaki closed Kenya's border with Somalia on Monday.")
              if e.plover == "COERCE"]
    assert events and {e.target.code[:3] for e in events} == {"SOM"}
    # rebels are no organ of their country's state: its things are theirs to attack
    e = _one(_events(analyze, "Separatist rebels stormed Kenya's northern town of Moyale on Monday."), "ASSAULT")
    assert e.target.code.startswith("KEN")


def test_an_event_noun_inside_a_partys_name_is_no_event(analyze):
    # "the Government of National *Accord*" names a government; it signed nothing
    events = _events(analyze, "Libya's Government of National Accord captured two towns west of Tripoli on Monday.")
    assert [e.plover for e in events] == ["ASSAULT"]
    # the same noun in running text still tells the act
    assert _one(_events(analyze, "Libya and Tunisia signed an accord on border trade on Monday."), "SUPPORT")


def test_a_campaign_rally_is_no_protest(analyze):
    events = _events(analyze, "Gunmen opened fire near an election rally by President Mwai Kibaki in Nairobi.")
    assert not [e for e in events if e.plover == "PROTEST"]
    assert _one(_events(analyze, "Thousands of Kenyan opposition supporters held a rally against the government."), "PROTEST")


def test_a_thing_described_by_a_relative_clause_points_to_its_maker_or_its_aim(analyze):
    # "the proposal Somalia put forward": rejecting it is aimed at Somalia
    e = _one(_events(analyze, "Kenya rejected the proposal that Somalia put forward on Monday."), "REJECT")
    assert e.target.code.startswith("SOM")
    # "the embargo it imposed on Eritrea": the doer's own embargo, aimed at Eritrea
    e = _one(_events(analyze, "Ethiopia lifted the trade embargo it imposed on Eritrea in 1998."), "CONCEDE")
    assert e.target.code.startswith("ERI")


def test_forces_ceasing_or_halting_their_operations_de_escalate(analyze):
    e = _one(_events(analyze, "The Kenyan army halted its operations against the Somali militants on Monday."), "RETREAT")
    assert e.source.code.startswith("KEN") and e.cameo == "087"
    assert _one(_events(analyze, "Ethiopia ceased its air strikes on Eritrea on Monday."), "RETREAT").target.code.startswith("ERI")
    # a company halting its operations is no party de-escalating
    assert not _events(analyze, "The mining company halted operations in Kenya on Monday.")


def test_placing_forces_on_alert_is_a_show_of_force(analyze):
    e = _one(_events(analyze, "Kenya placed its troops on high alert along the border with Somalia."), "MOBILIZE")
    assert e.source.code.startswith("KEN") and e.cameo == "152"


def test_a_conjunct_continues_the_clause_before_it_not_the_main_verb(analyze):
    # the parser hangs 'injured' on 'have detained'; it continues "who they say stabbed ..."
    text = "Kenyan police have detained a man who they say stabbed eight students and injured four others in a school dormitory."
    injured = [e for e in _events(analyze, text) if e.trigger.text == "injured"]
    assert injured and injured[0].source.text == "a man"


def test_a_participle_before_a_noun_is_a_state_not_an_act(analyze):
    # "jailed opposition leader X", "a convicted spy": no jailing or conviction told today
    text = ("NAIROBI - Police fired tear gas at protesters in Nairobi on Monday as jailed opposition leader "
            "Peter Otieno called for a strike.")
    assert not [e for e in _events(analyze, text) if e.plover in ("COERCE", "ACCUSE")]
    text = "NAIROBI - Kenya released six Somali students as part of a deal that frees a convicted spy, officials said."
    assert not [e for e in _events(analyze, text) if e.plover == "ACCUSE"]


def test_a_participle_after_a_clause_belongs_to_that_clauses_subject(analyze):
    # the parser hangs 'accusing' on 'was marred'; those accusing are those who withdrew
    text = ("Kenyans voted on Saturday in an election that was marred when Somali delegates withdrew, "
            "accusing the Kenyan government of fraud.")
    e = _one(_events(analyze, text), "ACCUSE")
    assert e.source.text == "Somali delegates"


def test_a_weapon_shown_or_deployed_is_no_thing_acted_on_in_the_storys_country(analyze):
    # "Kenya deploys new missile": a show of force with no one it is aimed at, not an act on Kenya
    title = "Kenya deploys new missile"
    a = analyze(title + "\n\nNAIROBI - Kenya added one more missile to its arsenal on Saturday.", title=title)
    e = _one(a.events, "MOBILIZE")
    assert e.target is None or not e.target.code


def test_a_country_named_before_sanctions_with_no_one_they_are_on_is_their_target(analyze):
    # "Eritrea sanctions", "the Eritrea arms embargo": aimed at Eritrea, not imposed by it
    title = "UN Council Votes Eritrea Arms Embargo"
    a = analyze(title + "\n\nThe UN Security Council on Monday imposed an arms embargo on Eritrea.", title=title)
    assert not [e for e in a.events if e.source is not None and (e.source.code or "").startswith("ERI")]
    assert _one(a.events, "COERCE").target.code.startswith("ERI")
    # an international body before them imposes them
    e = _one(_events(analyze, "Kenya condemned the new UN sanctions on Monday."), "COERCE")
    assert e.source.code.startswith("IGO")


def test_an_active_verb_with_its_subject_lost_is_no_act_of_unnamed_authorities(analyze):
    # "Suspect charged" names no agent: the authorities charge; "Charging the government ..." has a
    # doer the parser lost, and Kenya's courts are not it
    events = _events(analyze, "NAIROBI - Charging the government with fraud, the vote was boycotted on Monday.")
    assert not [e for e in events if e.source is not None and (e.source.code or "").endswith("JUD")]
    title = "Kenyan Suspect Charged"
    a = analyze(title + "\n\nNAIROBI - A man was charged with murder on Monday.", title=title)
    assert any(e.plover == "ACCUSE" and (e.source.code or "").endswith("JUD") for e in a.events)


def test_a_noun_event_after_from_is_not_carried_by_the_verb_it_hangs_on(analyze):
    # "declared the country ready ..., from Ethiopian occupation to civil war": no declaring of an occupation
    text = "The African Union declared Somalia ready for elections on Monday, from Ethiopian occupation to civil war."
    assert not [e for e in _events(analyze, text) if e.source is not None and (e.source.code or "").startswith("IGO")
                and e.plover == "COERCE"]
    # "carried out an attack", "took part in talks" still carry their nouns
    assert _one(_events(analyze, "Somali rebels carried out an attack on a Kenyan base on Monday."), "ASSAULT")


def test_a_repeated_preposition_still_joins_the_parties_it_lists(analyze):
    # the parser joins the two 'by's, not the two agents; a capital after the second 'by' is an agent too
    events = _events(analyze, "The referendum was condemned by the opposition and by Moscow.")
    assert {e.source.text for e in events if e.plover == "ACCUSE"} == {"the opposition", "Moscow"}
    assert any(e.source.code == "RUSGOV" for e in events)
    # and when the parser hangs the second 'by' on a phrase inside the first; neither agent is the other's target
    events = _events(analyze, "Voters backed a charter denounced by the unions as a fraud and by Paris as illegal.")
    accusations = [e for e in events if e.plover == "ACCUSE"]
    assert {e.source.text for e in accusations} == {"the unions", "Paris"}
    assert all(e.target is None or e.target.text == "a charter" for e in accusations)
    # those who judged the charter did not make it: backing it is not backing them
    assert not [e for e in events if e.plover == "SUPPORT" and e.target is not None and e.target.text == "the unions"]
    events = _events(analyze, "Syria held talks with Iran and with Turkey.")
    assert {e.target.code for e in events if e.plover == "CONSULT"} == {"IRN", "TUR"}


def test_a_nationality_before_a_request_names_the_state_that_made_it(analyze):
    e = _one(_events(analyze, "Spain agreed to a Moroccan request for more patrol boats."), "REQUEST")
    assert e.source.code == "MAR" and e.source.text == "Moroccan" and e.target.code.startswith("ESP")


def test_disputing_a_charge_denies_it_and_the_one_answering_is_the_one_accused(analyze):
    # disputing or dismissing criticism is no criticism of its makers (AG guide rule 2); the charge stands
    events = _events(analyze, "The Pentagon disputed Red Cross criticism of its prisons.")
    assert not [e for e in events if e.source is not None and e.source.text == "The Pentagon"]
    assert _one(events, "ACCUSE").source.code.startswith("NGO")
    # "accusations that *it* armed the rebels", rejected by Moscow: Moscow is the one accused, and a
    # nationality before the accusation names who made it
    e = _one(_events(analyze, "Moscow rejected Georgian accusations that it armed the rebels."), "ACCUSE")
    assert e.source.code == "GEO" and e.target.code.startswith("RUS")


def test_a_blast_at_a_partys_place_is_an_attack_by_an_unnamed_hand(analyze):
    e = _one(_events(analyze, "Police released footage of the explosion outside the Chilean embassy in Lima."), "ASSAULT")
    assert e.source is None and e.target.code.startswith("CHL")
    e = _one(_events(analyze, "Several explosions rocked the house of a Hamas leader in Gaza on Monday."), "ASSAULT")
    assert e.target.code.startswith("PSE")
    # a run of blasts is the doer of what they did
    e = _one(_events(analyze, "A series of grenade blasts killed 13 people in Dhaka."), "ASSAULT")
    assert e.target.code.startswith("BGD")
    # blasts in a city name no one attacked (AG guide rule 7), and a scandal rocks no one
    assert not [e for e in _events(analyze, "Explosions and gunfire rattled through the city of Najaf on Sunday.")
                if e.plover == "ASSAULT"]
    assert not _events(analyze, "The scandal rocked the Peruvian government on Monday.")


def test_civilians_blockading_offices_protest_and_troops_besieging_a_town_coerce(analyze):
    e = _one(_events(analyze, "Angry mourners besieged an army base in southern Chad on Monday."), "PROTEST")
    assert e.cameo == "144"
    e = _one(_events(analyze, "Chadian troops besieged the rebel town on Monday."), "COERCE")
    assert e.cameo == "191"


def test_easing_or_scaling_back_an_offensive_is_de_escalation(analyze):
    e = _one(_events(analyze, "Ethiopia said on Friday it was easing its offensive in northern Somalia."), "RETREAT")
    assert e.cameo == "087" and e.mode == "asserted"
    # easing a curfew is a concession; scaling back co-operation is no military act
    assert _one(_events(analyze, "Kenya eased the curfew in Nairobi."), "CONCEDE")
    assert not [e for e in _events(analyze, "Chile would consider scaling back intelligence co-operation with Peru.")
                if e.plover in ("RETREAT", "AGREE")]


def test_slaying_is_killing(analyze):
    e = _one(_events(analyze, "A Chilean journalist was slain by a suspected radical in Lima."), "ASSAULT")
    assert e.target.code.startswith("CHL") and e.source is not None and "radical" in e.source.text


def test_violence_against_a_thing_of_a_nationality_strikes_its_country(analyze):
    # AG guide rule 22 ("an Israeli town"): the country is the victim, whoever the unnamed doer was
    e = _one(_events(analyze, "A Chilean mosque was set on fire on Monday."), "ASSAULT")
    assert e.source is None and e.target.code.startswith("CHL")
    e = _one(_events(analyze, "Saboteurs blew up a Peruvian oil pipeline near Cusco."), "ASSAULT")
    assert e.source.code.endswith("UAF") and e.target.code.startswith("PER")
    # a bare place is only where something happened
    assert not [e for e in _events(analyze, "Iran insisted on the completion of military operations in Idlib.")
                if e.plover == "ASSAULT" and e.mode == "asserted"]


def test_a_blast_at_a_works_is_an_accident(analyze):
    text = "Thirteen people were killed in an explosion at a power plant in north Chile's Atacama region on Thursday."
    assert not [e for e in _events(analyze, text) if e.plover == "ASSAULT"]


def test_violence_against_a_companys_people_is_no_company_affair(analyze):
    e = _one(_events(analyze, "A mortar attack killed four employees of a Chilean security firm in Lima."), "ASSAULT")
    assert e.target.code.startswith("CHL")
    # a company's dealings stay business
    assert not _events(analyze, "Exxon sued four employees of a Chilean security firm.")


def test_exchanging_fire_is_force_between_both_sides(analyze):
    e = _one(_events(analyze, "Ecuadorean and Peruvian troops exchanged fire along the disputed border."), "ASSAULT")
    assert {e.source.code[:3], e.target.code[:3]} == {"ECU", "PER"} and e.symmetric
    e = _one(_events(analyze, "An exchange of gunfire between Ecuadorean troops and Peruvian police left two dead."), "ASSAULT")
    assert {e.source.code[:3], e.target.code[:3]} == {"ECU", "PER"}
    # exchanging envoys is no violence
    assert not [e for e in _events(analyze, "Ecuador and Peru exchanged ambassadors on Monday.") if e.plover == "ASSAULT"]


def test_forbidding_is_a_ban_and_rebutting_a_proposal_rejects_it(analyze):
    e = _one(_events(analyze, "The Bolivian junta forbade opposition parties from holding rallies."), "COERCE")
    assert e.source.code.startswith("BOL") and e.target.text == "opposition parties"
    e = _one(_events(analyze, "Peru rebutted the Chilean proposal on Monday."), "REJECT")
    assert e.source.code.startswith("PER") and e.target.code.startswith("CHL")
    # (rebutting a report keeps its row, as refuting does: PLOVER's annotators code it as a rejection;
    # see the &CLAIMS comment in verbs/core.tsv)


def test_joining_an_alliance_forces_an_inquiry_or_talks(analyze):
    joined = _events(analyze, "Albania and Croatia formally joined NATO on Wednesday.")
    assert {(e.source.code, e.target.code, e.plover) for e in joined} == {
        ("ALBGOV", "IGOWSTNAT", "AGREE"), ("HRVGOV", "IGOWSTNAT", "AGREE")}
    forces = _one(_events(analyze, "The rebels will join forces with Chad to fight the militias."), "AGREE")
    assert forces.target.code.startswith("TCD")
    probe = _one(_events(analyze, "Interpol joined the inquiry into the bombing of the Kenyan embassy."), "ACCUSE")
    assert probe.trigger.text == "joined"
    talks = _one(_events(analyze, "Japan joined the talks with North Korea on Monday."), "CONSULT")
    assert talks.symmetric and talks.target.code.startswith("PRK")


def test_armed_groups_holding_people_hold_them_captive(analyze):
    held = _one(_events(analyze, "Militants holding two Italian aid workers said on Sunday they would free them."), "COERCE")
    assert (held.cameo, held.trigger.text, held.target.text) == ("181", "holding", "two Italian aid workers")
    # holding a place or a gathering is no captivity
    assert not [e for e in _events(analyze, "Rebels hold the town of Bunia.") if e.plover == "COERCE"]
    assert not [e for e in _events(analyze, "The rebels held a rally in the capital.") if e.plover == "COERCE"]


def test_giving_money_in_aid_is_no_giving_in(analyze):
    events = _events(analyze, "Norway has given 12 million dollars in humanitarian aid to Sudan.")
    assert [e.plover for e in events] == ["AID"]
    gave_in = _one(_events(analyze, "The government gave in to the strikers on Monday."), "CONCEDE")
    assert gave_in.cameo == "080"


def test_a_meeting_that_sets_the_scene_of_a_clause_is_its_subjects(analyze):
    talks = _one(_events(analyze, "At talks with President Lula, Prime Minister Howard said trade would grow."), "CONSULT")
    assert {talks.source.text, talks.target.text} == {"President Lula", "Prime Minister Howard"} and talks.symmetric
    joint = _one(_events(analyze, "At a news conference with Japan's prime minister, the Australian foreign minister "
                                  "said trade would grow."), "CONSULT")
    assert {joint.source.code, joint.target.code} == {"JPNGOV", "AUSGOV"} and joint.trigger.text == "conference"
    met = _one(_events(analyze, "At a meeting with Iran's foreign minister, the Turkish prime minister said trade would grow."), "CONSULT")
    assert {met.source.code, met.target.code} == {"IRNGOV", "TURGOV"}
    # a conference with no one named is no meeting with anyone
    assert not _events(analyze, "At a conference in Brussels, the Belgian minister said nothing.")


def test_a_bomb_detonated_is_the_weapon_and_what_it_went_off_near_the_target(analyze):
    blast = _one(_events(analyze, "Palestinian militants detonated a bomb under an Israeli tank on Sunday."), "ASSAULT")
    assert (blast.trigger.text, blast.target.text, blast.target.code) == ("detonated", "an Israeli tank", "ISRMIL")


def test_a_meeting_with_one_side_named_is_no_interaction(analyze):
    assert not [e for e in _events(analyze, "Asian finance ministers ended a meeting on Sunday.")
                if e.plover == "CONSULT"]
    talks = _one(_events(analyze, "Asian finance ministers ended a meeting with Chinese officials in Jakarta."), "CONSULT")
    assert talks.target is not None


def test_a_visit_is_to_a_party_or_a_place(analyze):
    for text in ("Senator Kerry spent Monday touring factories and television studios to promote his plan.",
                 "The Greek president toured hospitals and schools on Monday."):
        assert not [e for e in _events(analyze, text) if e.plover == "CONSULT"], text
    visit = _one(_events(analyze, "The French foreign minister visited Sudan on Monday."), "CONSULT")
    assert visit.target.code.startswith("SDN")


def test_encouraging_a_party_to_act_is_an_appeal_and_the_act_is_not_done(analyze):
    events = _events(analyze, "The UN encouraged Sudan to disarm the militias.")
    appeal = _one(events, "REQUEST")
    assert (appeal.source.code, appeal.target.code) == ("IGOUNO", "SDN")
    assert all(e.mode != "asserted" for e in events if e.trigger.text == "disarm")
    assert not _events(analyze, "The IMF encouraged investment in Kenya.")


def test_a_meeting_between_people_no_dictionary_knows_is_a_meeting(analyze):
    met = _one(_events(analyze, "Officials said the president himself met with Okafor on Sunday."), "CONSULT")
    assert met.source.text.startswith("the president") and met.target.text == "Okafor" and met.symmetric


def test_hitting_back_is_force_and_vowing_revenge_a_threat(analyze):
    e = _one(_events(analyze, "Eritrea retaliated against Ethiopia on Tuesday."), "ASSAULT")
    assert e.cameo == "190" and e.mode == "asserted" and e.target.text == "Ethiopia"
    e = _one(_events(analyze, "Eritrea would retaliate against Ethiopia if it raised its tariffs, the envoy said."), "THREATEN")
    assert e.mode == "future" and e.target.text == "Ethiopia"
    e = _one(_events(analyze, "The Ogaden rebels vowed revenge against Eritrea."), "THREATEN")
    assert e.cameo == "138" and e.target.text == "Eritrea"
    assert not [x for x in _events(analyze, "The Ogaden rebels vowed revenge against Eritrea.") if x.plover == "AGREE"]


def test_a_people_named_by_a_plural_is_its_country(analyze):
    e = _one(_events(analyze, "The Czechs are negotiating with the Soviets over the pipeline."), "CONSULT")
    assert {e.source.code, e.target.code} == {"CZE", "RUS"}


def test_saying_or_believing_a_party_was_behind_an_attack_accuses_it(analyze):
    e = _one(_events(analyze, "Police said they believe the IRA was behind two killings in Belfast."), "ACCUSE")
    assert e.source.text == "Police" and e.target.text == "the IRA"
    e = _one(_events(analyze, "Kenya said Somali militants were behind the attack on the hotel."), "ACCUSE")
    assert e.target.text == "Somali militants"
    assert not [x for x in _events(analyze, "Officials said the troops were in Kabul.") if x.plover == "ACCUSE"]


def test_conversations_assurances_heckling_and_uniting_behind(analyze):
    e = _one(_events(analyze, "Britain is stepping up its conversations with France."), "CONSULT")
    assert e.symmetric and {e.source.text, e.target.text} == {"Britain", "France"}
    e = _one(_events(analyze, "Britain gave Kenya assurances that the base would close."), "AGREE")
    assert e.source.text == "Britain" and e.target.text == "Kenya"
    e = _one(_events(analyze, "Protesters interrupted the president's speech in Kenya."), "PROTEST")
    assert e.target.code == "KENGOV"
    e = _one(_events(analyze, "The opposition parties are uniting behind President Ruto."), "SUPPORT")
    assert "Ruto" in e.target.text
    assert not _events(analyze, "There was a discussion of the budget in parliament.")


def test_approving_of_a_party_is_support_and_a_subpoena_a_demand(analyze):
    e = _one(_events(analyze, "Germany strongly approves of the US plan."), "SUPPORT")
    assert e.source.text == "Germany" and e.target.code == "USA"
    # approving a thing "of" something else is no approval of a party
    assert not [x for x in _events(analyze, "The EU approved the use of a vaccine made by a US firm.") if x.cameo == "051"]
    e = _one(_events(analyze, "The US Congress subpoenaed the defence minister."), "REQUEST")
    assert e.cameo == "100" and "defence minister" in e.target.text


def test_doctors_and_rescuers_sent_are_humanitarian_aid(analyze):
    e = _one(_events(analyze, "Cuba sent 200 doctors to Haiti."), "AID")
    assert e.cameo == "073" and e.target.text == "Haiti"
    e = _one(_events(analyze, "Japan sent a rescue team to Turkey after the earthquake."), "AID")
    assert e.target.text == "Turkey"


@pytest.mark.parametrize("text, plover, target", [
    ("The president called the opposition leader a liar and a traitor.", "ACCUSE", "the opposition leader"),
    ("Tehran called the new sanctions illegal.", "ACCUSE", "the new sanctions"),
    ("Moscow described the air strikes as a provocation.", "ACCUSE", "the air strikes"),
    ("The prime minister called his Indian counterpart a true friend.", "SUPPORT", "his Indian counterpart"),
    ("The opposition leader was called a liar by the president.", "ACCUSE", "The opposition leader"),
])
def test_naming_a_party_or_its_deed_with_a_label_is_criticism_or_praise(analyze, text, plover, target):
    e = _one(_events(analyze, text), plover)
    assert e.target is not None and e.target.text == target
    assert not any(x.plover == "CONSULT" for x in _events(analyze, text))  # no telephone call


def test_a_label_that_neither_blames_nor_praises_is_no_call(analyze):
    # "called X a Y" names X; only "called X" (on the telephone) is a contact
    assert not [e for e in _events(analyze, "The minister called the Kenyan envoy a colleague.") if e.plover == "CONSULT"]
    assert _one(_events(analyze, "Putin called Chirac on Tuesday."), "CONSULT")


def test_a_word_of_blame_outside_the_label_makes_no_criticism(analyze):
    # the set's word must be what the verb calls its object, not a word of the object itself
    assert not [e for e in _events(analyze, "Putin called the terrorist group's leader on Tuesday.") if e.plover == "ACCUSE"]


def test_saying_a_partys_act_is_a_provocation_criticises_it(analyze):
    e = _one(_events(analyze, "The Chinese foreign ministry said the American naval exercise was a provocation."), "ACCUSE")
    assert e.source.code.startswith("CHN") and "exercise" in e.target.text
    # a word of danger blames no one
    assert not [x for x in _events(analyze, "The Chinese foreign ministry said the situation was dangerous.")
                if x.plover == "ACCUSE"]


def test_holding_a_party_or_its_deed_to_be_a_name_of_blame_or_praise(analyze):
    e = _one(_events(analyze, "Russia regards the NATO exercises as a provocation."), "ACCUSE")
    assert e.source.code.startswith("RUS") and e.target.code.startswith("IGOWSTNAT")
    e = _one(_events(analyze, "China sees Japan as a reliable partner."), "SUPPORT")
    assert e.target.code.startswith("JPN")
    # seeing something as a chance or a sign judges no one
    assert not [x for x in _events(analyze, "China sees the Japanese visit as a chance for trade.")
                if x.plover in ("ACCUSE", "SUPPORT")]


def test_saying_a_partys_act_was_right_praises_it(analyze):
    e = _one(_events(analyze, "The Italian president said the decision by Austria was wise."), "SUPPORT")
    assert e.source.code.startswith("ITA") and e.target.code.startswith("AUT")
    e = _one(_events(analyze, "Kenya said the Ugandan army was right to pull back its troops."), "SUPPORT")
    assert e.target.code.startswith("UGA")
    # a word of likelihood judges nothing
    assert not [x for x in _events(analyze, "The Italian president said the plan by Austria was likely to fail.")
                if x.plover == "SUPPORT"]


@pytest.mark.parametrize("text, plover, target", [
    ("The opposition sent a letter of protest to the prime minister.", "PROTEST", "the prime minister"),
    ("Putin sent a message of support to the Serbian president.", "SUPPORT", "the Serbian president"),
])
def test_a_letter_or_message_of_an_act_is_that_act_of_its_sender(analyze, text, plover, target):
    e = _one(_events(analyze, text), plover)
    assert e.source is not None and e.target is not None and e.target.text == target


@pytest.mark.parametrize("text, plover, source, target", [
    ("Moscow has long been critical of the NATO presence in Estonia.", "ACCUSE", "RUS", "IGO"),
    ("The UN panel issued a report sharply critical of the Burmese junta.", "ACCUSE", "IGO", "MMR"),
    ("The ministry issued a statement supportive of the Kenyan government.", "SUPPORT", "KEN", "KEN"),
    ("China was angry with Japan over the shrine visit.", "ACCUSE", "CHN", "JPN"),
    ("Liberia is grateful to Ghana for the troops.", "SUPPORT", "LBR", "GHA"),
])
def test_an_adjective_of_attitude_towards_a_party(analyze, text, plover, source, target):
    e = _one(_events(analyze, text), plover)
    assert between(e, source, target)


def test_an_adjective_without_its_party_is_no_event(analyze):
    assert not _events(analyze, "Aid officials said the situation in Darfur was critical.")


def test_a_pronoun_acting_on_a_political_group_is_kept(analyze):
    # critics, supporters, voters, candidates and allies are parties of politics, as officials are
    e = _one(_events(analyze, "His critics denounced him on Monday."), "ACCUSE")
    assert e.source.text == "His critics" and e.target.text == "him"


@pytest.mark.parametrize("text, plover, source, target", [
    # formal complaints carried by a verb of lodging or levelling: the verb's subject makes them
    ("Iran lodged a protest with Britain over the seizure of the tanker.", "ACCUSE", "IRN", "GBR"),
    ("Russia leveled accusations against Georgia on Friday.", "ACCUSE", "RUS", "GEO"),
    ("Serbia raised objections to the plan of the European Union.", "REJECT", "SRB", "IGO"),
    # the objector after "of": "the objections of Russia" are Russia's
    ("The objections of Russia to the Kenyan plan were ignored.", "REJECT", "RUS", "KEN"),
])
def test_formal_objections_and_protests_are_their_makers(analyze, text, plover, source, target):
    e = _one(_events(analyze, text), plover)
    assert between(e, source, target)


@pytest.mark.parametrize("text, plover, source, target", [
    # what the one told must do is demanded of them; the act itself is only demanded
    ("Russia told Ukraine it must withdraw its troops.", "REQUEST", "RUS", "UKR"),
    # advising a party to act appeals to it
    ("The Kenyan ministry advised Ugandan officials to close the border.", "REQUEST", "KEN", "UGA"),
    # backing away from one's own words yields
    ("The Japanese minister backpedaled on his remarks about Taiwan.", "CONCEDE", "JPN", "TWN"),
])
def test_telling_advising_and_backpedalling(analyze, text, plover, source, target):
    e = _one(_events(analyze, text), plover)
    assert between(e, source, target) and e.mode == "asserted"


def test_armed_men_surrounding_a_party_restrict_it_and_a_controversy_does_not(analyze):
    e = _one(_events(analyze, "Pakistani troops have hemmed in foreign fighters near the Afghan border."), "COERCE")
    assert e.source.code == "PAKMIL" and e.cameo == "191"
    e = _one(_events(analyze, "Russian troops surrounded the Ukrainian town on Monday."), "COERCE")
    assert e.source.code == "RUSMIL" and e.target.code.startswith("UKR")
    assert not _events(analyze, "Controversy surrounded the Ukrainian election.")


def test_calling_a_strike_is_staging_one(analyze):
    e = _one(_events(analyze, "Nepal's Maoist rebels called a week-long strike in Kathmandu."), "PROTEST")
    assert e.source.code == "NPLREB"
    assert not _events(analyze, "The umpire called a strike on the third pitch.")


def test_rallying_in_support_of_a_party_is_a_rally_for_it(analyze):
    e = _one(_events(analyze, "Thousands of Kenyans rallied in Nairobi in support of President Kibaki."), "PROTEST")
    assert e.target.code == "KENGOV"
    assert not _events(analyze, "The Kenyan president rallied support among voters.")


def test_poisoning_a_person_is_an_assault_and_poisoned_relations_are_not(analyze):
    e = _one(_events(analyze, "Kenyan opposition leader Raila Odinga was poisoned last week, his party said."), "ASSAULT")
    assert e.cameo == "182" and e.target.code.startswith("KEN")
    assert not _events(analyze, "The dispute poisoned relations between Kenya and Uganda.")


def test_a_clash_leaving_people_dead_is_no_withdrawal(analyze):
    events = _events(analyze, "Colombian soldiers clashed with FARC guerrillas in the jungle, leaving 10 dead.")
    assert not [e for e in events if e.plover == "RETREAT"]
    assert _one(_events(analyze, "Russian troops began leaving Chechnya."), "RETREAT").target.code == "RUS"


def test_troops_arriving_somewhere_are_deployed_there_and_a_minister_arriving_visits(analyze):
    e = _one(_events(analyze, "Australian troops arrived in the Solomon Islands to restore order."), "MOBILIZE")
    assert e.source.code == "AUSMIL" and e.target.code == "SLB"
    e = _one(_events(analyze, "Chinese President Hu Jintao arrived in Brasilia for a state visit."), "CONSULT")
    assert e.target.code == "BRA"


def test_handing_over_control_or_power_yields_it_to_whoever_takes_it(analyze):
    e = _one(_events(analyze, "The US military handed control of Najaf to Iraqi police."), "CONCEDE")
    assert e.source.code == "USAMIL" and e.target.code == "IRQCOP"


def test_a_threat_to_send_troops_threatens_where_they_would_go(analyze):
    e = next(e for e in _events(analyze, "Rwanda threatened to send troops into Congo to hunt Hutu rebels.")
             if e.plover == "THREATEN")
    assert e.cameo == "138" and e.target.code == "COD"


def test_a_deal_offered_to_a_party_is_an_offer_to_it_made_on_the_day(analyze):
    e = next(e for e in _events(analyze, "The European Union offered Iran a trade agreement on Thursday.")
             if e.trigger.text == "agreement")
    assert (e.plover, e.mode, e.symmetric) == ("AGREE", "asserted", False)
    assert e.source.code.startswith("IGOEUR") and e.target.code.startswith("IRN")


def test_dropping_charges_or_an_investigation_yields(analyze):
    e = _one(_events(analyze, "Prosecutors in Lima dropped charges against the opposition leader."), "CONCEDE")
    assert e.cameo == "080" and e.target.code.endswith("OPP")


def test_what_two_parties_discuss_is_their_topic_not_a_partner(analyze):
    events = _events(analyze, "Russian President Vladimir Putin and US President George W. Bush discussed Iran "
                              "in a telephone call on Tuesday.")
    talks = [e for e in events if e.plover == "CONSULT"]
    assert talks and all(not (e.target and e.target.code.startswith("IRN")) for e in talks)
    assert {talks[0].source.code, talks[0].target.code} == {"RUSGOV", "USAGOV"}


def test_weapons_sold_to_a_party_arm_it(analyze):
    e = _one(_events(analyze, "The US State Department approved the sale of 66 fighter jets to Taiwan."), "AID")
    assert e.cameo == "072" and e.source.code == "USAGOV" and e.target.code == "TWN"
    e = _one(_events(analyze, "Russia sold fighter jets to Venezuela."), "AID")
    assert e.cameo == "072" and e.target.code == "VEN"
    assert not _events(analyze, "Lockheed Martin said fighter jet sales rose 10 percent.")


def test_agreeing_to_disarm_under_a_deal_is_agreeing_to_disarm(analyze):
    events = _events(analyze, "Somali warlords agreed to disarm their militias under a deal brokered by Kenya.")
    agree = [e for e in events if e.trigger.text == "agreed"]
    assert len(agree) == 1 and agree[0].cameo == "0356" and agree[0].mode == "asserted"
    assert not [e for e in events if e.trigger.text == "disarm"]


def test_joint_exercises_are_military_cooperation_and_ones_own_are_a_show_of_force(analyze):
    e = _one(_events(analyze, "The US and India held joint naval exercises in the Arabian Sea."), "COOPERATE")
    assert e.cameo == "062" and e.symmetric and {e.source.code, e.target.code} == {"USAGOV", "INDGOV"}
    e = _one(_events(analyze, "Russian troops held military exercises near the border."), "MOBILIZE")
    assert e.cameo == "152"


def test_a_block_for_some_doers_leaves_the_others_events(analyze):
    # the judges' block row is for judges: troops withdrawing with no object still retreat
    e = _one(_events(analyze, "Israeli troops withdrew from Gaza on Thursday."), "RETREAT")
    assert e.source.code == "ISRMIL" and e.target.code == "PSE"
    assert _one(_events(analyze, "Syrian troops began withdrawing from Lebanon."), "RETREAT").target.code == "LBN"
    assert not _events(analyze, "The judges in Velna withdrew on Monday to consider their verdict.")


@pytest.mark.parametrize("text, plover, source, target", [
    ("Rebels mortared the presidential palace in Bangui.", "ASSAULT", "CAF", "CAF"),
    ("Norway cut off aid to Zambia over the scandal.", "SANCTION", "NOR", "ZMB"),
    ("Peru and Bolivia mended ties after years of tension.", "SUPPORT", "PER", "BOL"),
    ("Minsk snubbed Warsaw's offer of talks.", "REJECT", "BLR", "POL"),
    ("Paris stepped up pressure on Ankara to free the journalists.", "REQUEST", "FRA", "TUR"),
])
def test_common_wire_verbs_of_force_aid_ties_refusal_and_pressure(analyze, text, plover, source, target):
    assert between(_one(_events(analyze, text), plover), source, target)


def test_joint_exercises_between_two_states_are_their_cooperation(analyze):
    event = _one(_events(analyze, "Joint naval exercises between Chile and Peru began on Thursday off Arica."), "COOPERATE")
    assert {event.source.code[:3], event.target.code[:3]} == {"CHL", "PER"} and event.symmetric


def test_a_peace_mission_extended_where_it_serves_is_aid_there(analyze):
    assert between(_one(_events(analyze, "The Security Council extended its peacekeeping mission in Liberia for a year."), "AID"),
                   "IGOUNO", "LBR")


def test_coming_under_fire_is_an_attack_by_armed_men_and_criticism_by_anyone_else(analyze):
    attack = _one(_events(analyze, "Chilean troops came under fire from rebels near the border."), "ASSAULT")
    assert attack.source.text == "rebels" and attack.target.text == "Chilean troops"
    criticism = _one(_events(analyze, "The Peruvian president came under fire from the opposition over the budget."), "ACCUSE")
    assert criticism.source.text == "the opposition" and criticism.target.text == "The Peruvian president"


@pytest.mark.parametrize("text, plover, target", [
    ("Canada filed a complaint with the WTO against Brazilian aircraft subsidies.", "ACCUSE", "BRA"),
    ("Peru imposed anti-dumping duties on Chinese shoes.", "COERCE", "CHN"),
    ("Algeria cut gas supplies to Morocco on Monday.", "COERCE", "MAR"),
])
def test_measures_against_a_partys_goods_are_against_the_party(analyze, text, plover, target):
    event = _one(_events(analyze, text), plover)
    assert event.target is not None and event.target.code.startswith(target)


def test_stones_hurled_are_a_riot_and_a_grenade_thrown_an_attack(analyze):
    riot = _one(_events(analyze, "Protesters hurled stones at the Chilean embassy in Lima on Saturday."), "PROTEST")
    assert riot.cameo == "145" and riot.target.code.startswith("CHL")
    attack = _one(_events(analyze, "A militant threw a grenade at an army patrol in Srinagar."), "ASSAULT")
    assert attack.cameo == "180"
