"""One happening, one event (extract/events/merge.py and the coder's symmetric convention)."""
from __future__ import annotations

from event_helpers import events_of, one


def test_a_symmetric_interaction_is_coded_once_with_the_first_named_party_as_source(analyze):
    events = [e for e in events_of(analyze, "Armenia and Azerbaijan held talks in Moscow on Monday.") if e.plover == "CONSULT"]
    assert len(events) == 1
    e = events[0]
    assert e.symmetric and e.source.code.startswith("ARM") and e.target.code.startswith("AZE")


def test_a_symmetric_verb_with_an_object_is_one_event(analyze):
    events = [e for e in events_of(analyze, "Ghana's president met Togo's president in Accra.") if e.plover == "CONSULT"]
    assert len(events) == 1 and events[0].symmetric


def test_a_directed_act_is_not_symmetric(analyze):
    events = [e for e in events_of(analyze, "Chile condemned Bolivia on Monday.") if e.plover == "ACCUSE"]
    assert events and not any(e.symmetric for e in events)


def test_a_headline_restating_the_body_is_one_event(analyze):
    text = ("Fiji Expels Tongan Envoy\n\n"
            "SUVA (Tidings Wire) - Fiji expelled Tonga's ambassador on Tuesday after a row over fishing rights.")
    events = analyze(text, published="2022-01-11", title="Fiji Expels Tongan Envoy").events
    expulsions = [e for e in events if e.plover == "SANCTION" or e.cameo.startswith("16") or e.cameo.startswith("17")]
    assert len(expulsions) == 1, [(e.cameo, e.trigger.text, e.sentence) for e in events]


def test_a_headline_and_its_body_complete_each_other(analyze):
    text = ("Lawmakers Seek Envoy's Recall\n\n"
            "A group of Chilean lawmakers asked President Ruiz on Monday to recall the ambassador to Peru.")
    events = analyze(text, published="2022-01-11", title="Lawmakers Seek Envoy's Recall").events
    requests = [e for e in events if e.plover == "REQUEST"]
    assert len(requests) == 1, [(e.trigger.text, e.sentence) for e in requests]


def test_a_leader_touring_his_own_country_visits_no_one(analyze):
    events = events_of(analyze, "Russian President Vladimir Putin visited Chechnya on Sunday.")
    assert not [e for e in events if e.cameo.startswith("042")]
    events = events_of(analyze, "Russian President Vladimir Putin visited Turkey on Sunday.")
    assert [e for e in events if e.cameo.startswith("042") and e.target.code.startswith("TUR")]


def test_two_clauses_with_their_own_subjects_are_two_acts(analyze):
    text = "Sudanese troops killed three villagers on Friday, and Sudanese jets bombed a market in Darfur."
    assert len([e for e in events_of(analyze, text) if e.plover == "ASSAULT"]) == 2


def test_a_call_made_to_do_something_is_that_act(analyze):
    events = events_of(analyze, "Chile's president called Peru's president on Monday to congratulate him on his victory.")
    assert [(e.plover, e.trigger.text) for e in events if e.source and e.source.code.startswith("CHL")] == [("SUPPORT", "called")]


def test_a_person_known_only_by_the_country_of_the_story_makes_no_sports_event(analyze):
    text = ("TORONTO, Canada - Veteran centre Marc Dufour turned down the Toronto Maple Leafs on Monday, "
            "ending talks on a two-year contract before the hockey season opens.")
    assert not [e for e in events_of(analyze, text) if e.plover == "REJECT"]


def test_a_commitment_and_the_act_committed_to_are_one_event(analyze):
    events = events_of(analyze, "The Zambian president promised to release the detained journalists.")
    assert [e.cameo for e in events] == ["0353"], [(e.cameo, e.trigger.text) for e in events]
    assert events[0].mode == "future" and events[0].trigger.text == "release" and "'promised'" in events[0].evidence


def test_a_vow_to_use_force_is_that_act_to_come(analyze):
    e = one(events_of(analyze, "The new governor vowed to crush the rebels in the north."), "ASSAULT")
    assert e.mode == "future" and not [x for x in events_of(analyze, "The new governor vowed to crush the rebels in the north.")
                                       if x.plover == "AGREE"]


def test_each_act_of_a_commitment_is_the_event_not_the_promise(analyze):
    # "vowed to rebuild ... and arrest ...": the second conjunct is committed to as much as the first
    events = events_of(analyze, "The rebel leader vowed on Monday to rebuild the region and crush the militias.")
    assert one(events, "ASSAULT").mode == "future"
    assert not [e for e in events if e.plover == "AGREE"]


def test_one_attack_that_kills_and_wounds_is_one_event(analyze):
    # the same unnamed doer (or none named), two triggers one governs: one happening
    events = events_of(analyze, "A car bomb exploded near the market in Mosul, killing five people and wounding ten others.")
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1
    events = events_of(analyze, "Thirteen people were killed and one seriously injured in an attack in Mosul.")
    assert len([e for e in events if e.plover == "ASSAULT"]) == 1


def test_a_threat_aimed_at_no_one_takes_the_party_of_the_threatened_act(analyze):
    e = next(x for x in events_of(analyze, "North Korea warned that it would strike Japan if sanctions were imposed.")
             if x.trigger.text == "warned")
    assert e.target is not None and e.target.code.startswith("JPN") and "threatened 'strike'" in e.evidence
    e = next(x for x in events_of(analyze, "Kenya warned Uganda that its troops could strike the border towns.")
             if x.trigger.text == "warned")
    assert e.target.text == "Uganda"  # a party named as the one warned stays


def test_a_warning_of_a_danger_threatens_no_one(analyze):
    assert not [e for e in events_of(analyze, "Supporters and rivals in Kenya warn of possible fraud in the vote.")
                if e.plover == "THREATEN"]
    assert [e for e in events_of(analyze, "Kenya warned Uganda of consequences if its troops crossed the border.")
            if e.plover == "THREATEN"]


def test_settling_needs_a_dispute_or_a_party(analyze):
    assert not [e for e in events_of(analyze, "Most Kenyan immigrants settled in big cities in the 1990s.")
                if e.plover == "AGREE"]
    assert [e for e in events_of(analyze, "Kenya settled its border dispute with Uganda on Monday.")
            if e.plover in ("AGREE", "SUPPORT")]


def test_a_call_on_someone_to_act_is_an_appeal_not_a_phone_call(analyze):
    from event_helpers import events_of, one
    events = events_of(analyze, "Kenya called on the UN to annul the appointment.")
    e = one(events, "REQUEST")
    assert e.source.code.startswith("KEN") and e.target.code.startswith("IGO")
    assert not [x for x in events if x.plover == "REJECT" and x.mode == "asserted"]
    # a telephone call made to do something is that act
    e = one(events_of(analyze, "The Kenyan president called the Ugandan president to congratulate him."), "SUPPORT")
    assert e.trigger.text == "called"


def test_a_deed_named_as_the_means_of_a_verb_is_its_own_happening(analyze):
    events = [e for e in events_of(analyze, "Israel killed five people in an air strike on a Hamas hideout.")
              if e.plover == "ASSAULT"]
    assert len(events) == 1 and events[0].trigger.text == "killed"
    assert events[0].target.code.startswith("PSE") and "deed it was done in" in events[0].evidence


def test_an_arrest_over_a_kidnapping_is_two_happenings(analyze):
    # both are COERCE, but only the kidnapping is violence: the arrest is no means of it
    events = events_of(analyze, "Police in Perth arrested a man in the kidnapping of a schoolboy.")
    assert {e.trigger.text for e in events if e.plover == "COERCE"} == {"arrested", "kidnapping"}
    kidnapping = next(e for e in events if e.trigger.text == "kidnapping")
    assert kidnapping.source.text == "a man" and kidnapping.target.text == "a schoolboy"
    # two deeds listed before one 'of' (the parser hangs the first on the second): each is an event
    events = events_of(analyze, "Officers in Leeds detained a man over the kidnapping and sexual assault of a pensioner.")
    assert {(e.plover, e.target.text) for e in events if e.source is not None and e.source.text == "a man"} \
        == {("COERCE", "a pensioner"), ("ASSAULT", "a pensioner")}


def test_a_headline_naming_the_country_and_a_body_naming_only_people_state_one_attack(analyze):
    # "eight people" is coded by a sector alone (no country in its sentence): no side of its own
    title = "Car Bombs Hit Kabul"
    text = title + "\n\nAt least eight people were killed when two cars exploded near a market run by Afghan and US traders."
    attacks = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger.text, e.target and e.target.code) for e in attacks]
    assert attacks[0].target is not None and attacks[0].target.code.startswith("AFG")


def test_a_bare_kind_of_organisation_names_no_side_by_country(analyze):
    # "two aid workers" is coded NGO alone: the headline's Darfur aid workers (SDN) are the same side
    title = "Landmine Kills Darfur Aid Workers"
    text = title + "\n\nTwo aid workers were killed in Sudan's Darfur region after their vehicle hit a landmine."
    attacks = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger.text, e.target and e.target.code) for e in attacks]


def test_several_parties_agreeing_with_no_one_else_named_agree_with_one_another(analyze):
    events = [e for e in events_of(analyze, "Peru and Chile agreed to ease tensions.") if e.mode == "asserted"]
    agreements = [e for e in events if e.plover == "AGREE"]
    assert len(agreements) == 1 and agreements[0].symmetric
    assert agreements[0].source.code.startswith("PER") and agreements[0].target.code.startswith("CHL")
    # a party they agree to act on stays the target
    events = events_of(analyze, "The US and Britain agreed to lift sanctions on Libya.")
    assert all(e.target is not None and e.target.code.startswith("LBY") for e in events if e.plover == "AGREE")


def test_a_symmetric_headline_and_its_body_in_the_other_order_are_one_event(analyze):
    title = "Peru and Chile Agree to Ease Tensions"
    text = title + "\n\nThe leaders of Chile and Peru promised on Friday to work together to restore calm between their countries."
    agreements = [e for e in analyze(text, published="2004-08-20", title=title).events
                  if e.plover == "AGREE" and e.mode == "asserted"]
    assert len(agreements) == 1, [(e.trigger.text, e.source.code, e.target and e.target.code) for e in agreements]


def test_an_attack_told_by_what_it_hit_and_whom_it_killed_is_one_event(analyze):
    attacks = [e for e in events_of(analyze, "A car bomb exploded outside the interior ministry in Lima on Tuesday, killing six people.")
               if e.plover == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].trigger.text == "exploded", [(e.trigger.text, e.target and e.target.code) for e in attacks]
    # two acts of one doer, each with a verb of its own, stay two
    attacks = [e for e in events_of(analyze, "Peruvian troops shelled the town of Ayacucho and clashed with rebels in Lima.")
               if e.plover == "ASSAULT"]
    assert len(attacks) == 2


def test_a_headline_telling_one_attack_with_two_triggers_is_one_event_with_its_body(analyze):
    # the headline's toll (no doer) and its attack (no victim) are each the body's killing
    title = "Nine killed in Chad rebel ambush"
    text = title + "\n\nSuspected Chadian rebels killed nine villagers in an ambush near Abeche, officials said on Monday."
    assaults = [e for e in analyze(text, published="2022-01-11", title=title).events if e.plover == "ASSAULT"]
    assert len(assaults) == 1, [(e.trigger.text, e.sentence, e.source and e.source.code) for e in assaults]
    assert assaults[0].source.code.startswith("TCD") and assaults[0].target.code.startswith("TCD")


def test_a_toll_and_a_clause_on_the_blast_it_happened_in_are_one_attack(analyze):
    # "in an explosion that hit a market": the clause tells the blast the toll happened in; and the
    # closing "police and hospital officials said" is no party the blast hit
    text = ("Fifteen people were killed and eight others injured in an explosion that hit a hotel last night "
            "in the northern Peruvian city of Jauja, police and hospital officials said.")
    assaults = [e for e in events_of(analyze, text) if e.plover == "ASSAULT"]
    assert len(assaults) == 1, [(e.trigger.text, e.target and e.target.text) for e in assaults]
    assert not assaults[0].target.code.endswith("COP")


def test_a_headline_demand_named_by_what_it_asks_is_the_bodys_demand_to_its_addressee(analyze):
    # the headline's "sanctions on Bolivia" names what is asked, the body whom it was asked of
    title = "Chile Urges Sanctions on Bolivia"
    text = title + "\n\nSANTIAGO - Chile urged the United Nations on Monday to impose sanctions on Bolivia over the border dispute."
    requests = [e for e in analyze(text, published="2022-01-11", title=title).events if e.plover == "REQUEST"]
    assert len(requests) == 1, [(e.trigger.text, e.target and e.target.text) for e in requests]
    assert requests[0].target.code.startswith("IGO")


def test_a_headline_refusal_named_by_the_things_place_is_the_bodys_refusal(analyze):
    title = "Russia Rejects US-Sponsored Chechnya Resolution"
    text = title + ("\n\nRussia on Wednesday rejected a US-sponsored UN Security Council draft resolution on the "
                    "conflict in its southern Chechnya region.")
    rejections = [e for e in analyze(text, published="2022-01-11", title=title).events if e.plover == "REJECT"]
    assert len(rejections) == 1, [(e.trigger.text, e.target and e.target.text) for e in rejections]


def test_a_refusal_and_the_refused_withdrawal_are_one_refusal_aimed_at_the_other_party(analyze):
    # "refused to pull its troops from Congo": the refusal verb's row names its own troops, the
    # refused act Congo; one refusal, aimed at Congo
    refusals = [e for e in events_of(analyze, "Uganda refused to pull its troops from Congo.") if e.plover == "REJECT"]
    assert len(refusals) == 1 and refusals[0].target.code.startswith("COD")


def test_a_raid_on_a_place_and_the_killing_of_its_people_are_one_attack(analyze):
    attacks = [e for e in events_of(analyze, "Rebels stormed a village in northern Chad on Monday and shot dead six people.")
               if e.plover == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].target.code.startswith("TCD")


def test_violence_with_no_doer_told_inside_a_named_doers_attack_is_that_attack(analyze):
    text = ("The Chadian army said it had attacked the car of the rebel commander who was killed in an "
            "airstrike near Abeche on Tuesday.")
    attacks = [e for e in events_of(analyze, text) if e.plover == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].source.code.startswith("TCD")


def test_a_meeting_with_a_visitor_has_the_visitor_as_source_and_the_host_as_target(analyze):
    e = [e for e in events_of(analyze, "Kenya's president met the visiting Ugandan foreign minister in Nairobi.")
         if e.plover == "CONSULT"]
    assert len(e) == 1 and e[0].source.code.startswith("UGA") and e[0].target.code.startswith("KEN")
    e = [e for e in events_of(analyze, "The UN chief meets with visiting Kenyan President Mwai Kibaki in New York.")
         if e.plover == "CONSULT"]
    assert len(e) == 1 and e[0].source.code.startswith("KEN")


def test_violence_by_no_one_named_against_one_country_is_one_aggregate_in_an_article(analyze):
    text = "At least 40 people were killed in Somalia on Monday. In Mogadishu, 27 Somalis were wounded by gunfire."
    attacks = [e for e in events_of(analyze, text) if e.plover == "ASSAULT" and e.mode == "asserted"]
    assert len(attacks) == 1
    # a doer named keeps its own event
    text = "Five Somalis were killed in Mogadishu on Monday. Later, rebels killed three Somali soldiers in Kismayo."
    attacks = [e for e in events_of(analyze, text) if e.plover == "ASSAULT" and e.mode == "asserted"]
    assert len(attacks) == 2


def test_violence_with_no_doer_that_governs_a_named_attack_is_another_attack(analyze):
    # the named attack told in the toll's 'while' clause is not where the toll happened
    events = [e for e in events_of(analyze, "At least four people were killed in a car bombing in Mosul while another "
                                            "20 people died in a series of US air strikes around the Iraqi insurgent "
                                            "stronghold of Ramadi.") if e.plover == "ASSAULT"]
    assert len(events) == 2 and any(e.source is None for e in events)


def test_a_verb_that_only_carries_the_event_its_object_names_is_no_second_event(analyze):
    # one happening, two triggers: the order is the attack, the sanction, the investigation
    events = analyze("The Peruvian president ordered air strikes on rebel camps in Colombia.").events
    assert [e.plover for e in events] == ["ASSAULT"] and events[0].source.code.startswith("PER")
    events = analyze("The Kenyan president received an invitation from the Ugandan leader.").events
    assert [(e.plover, e.source.code[:3], e.target.code[:3]) for e in events] == [("SUPPORT", "UGA", "KEN")]
    # a verb with words of its own is an act of its own: accepting is agreeing
    events = analyze("The Kenyan president accepted an invitation from the Ugandan leader.").events
    assert "AGREE" in [e.plover for e in events]


def test_an_invitation_is_diplomatic_cooperation(analyze):
    e = [e for e in analyze("Chile invited Bolivia to join the trade bloc.").events if e.trigger.text == "invited"][0]
    assert e.plover == "SUPPORT" and e.source.code.startswith("CHL") and e.target.code.startswith("BOL")


def test_parties_disagreeing_with_no_one_else_named_disagree_with_each_other(analyze):
    events = [e for e in analyze("Peru and Chile disagreed over the maritime border on Monday.").events if e.plover == "REJECT"]
    assert [(e.source.code[:3], e.target.code[:3], e.symmetric) for e in events] == [("PER", "CHL", True)]


def test_a_call_made_for_an_act_a_noun_names_is_that_act(analyze):
    events = analyze("The Chilean president called the Bolivian president on Friday to convey Chile's support.").events
    assert [(e.plover, e.source.code[:3], e.target.code[:3]) for e in events] == [("SUPPORT", "CHL", "BOL")]


def test_support_conveyed_or_reaffirmed_is_the_speakers(analyze):
    e = one(events_of(analyze, "Japan reaffirmed its support for the Afghan government."), "SUPPORT")
    assert e.source.code.startswith("JPN") and e.target.code.startswith("AFG")
    e = one(events_of(analyze, "Peru conveyed its support to Bolivia."), "SUPPORT")
    assert e.target is not None and e.target.code.startswith("BOL")


def test_an_interaction_that_sets_the_scene_has_the_clause_subject_as_source(analyze):
    # the first-named party is the source of a symmetric event, except in a phrase that opens the
    # clause: there the clause's subject acts ("In cooperation with Kenya, Uganda sent troops")
    e = next(x for x in analyze("In cooperation with Kenya, Uganda sent troops to Somalia.").events if x.plover == "COOPERATE")
    assert e.symmetric and e.source.text == "Uganda" and e.target.text == "Kenya"
    e = next(x for x in analyze("Kenya met Uganda in Nairobi.").events if x.plover == "CONSULT")
    assert e.source.text == "Kenya"


def test_an_arrest_named_inside_the_warrant_for_it_is_one_event(analyze):
    events = [e for e in analyze("A Kenyan court issued a warrant for the arrest of the former minister.").events
              if e.plover == "COERCE"]
    assert len(events) == 1 and events[0].source.text == "A Kenyan court"


def test_the_ledes_one_act_of_the_headlines_type_is_the_headlines_act(analyze):
    # the headline and the lede code the one arrested differently (al-Qaeda's, Kenya's); one arrest
    title = "Kenya al-Qaeda suspect arrested"
    text = title + "\n\nKenyan police arrested the country's most wanted terror suspect on Sunday in Mombasa."
    arrests = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "COERCE"]
    assert len(arrests) == 1, [(e.trigger.text, e.target and e.target.text) for e in arrests]
    assert arrests[0].source.code == "KENCOP"


def test_a_lede_with_two_acts_of_the_headlines_type_keeps_them_apart(analyze):
    title = "Gunmen seize engineer in Mosul"
    text = title + ("\n\nGunmen abducted a Turkish engineer in Mosul on Monday, while four Jordanian drivers were "
                    "seized by assailants in a separate kidnapping near Ramadi.")
    # (a guard: the lede tells two seizures, so the headline's is not taken for both)
    seized = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "COERCE" and e.target]
    assert {e.target.code[:3] for e in seized} >= {"TUR", "JOR"}, [(e.trigger.text, e.target) for e in seized]


def test_a_headline_naming_the_target_beats_a_lede_that_describes_it(analyze):
    title = "UN demands Rwanda pull out of Congo"
    text = title + ("\n\nThe UN Security Council on Tuesday condemned military actions by Rwanda in eastern Congo and "
                    "demanded the country immediately withdraw its troops.")
    demands = [e for e in analyze(text, published="2004-08-20", title=title).events if e.plover == "REQUEST"]
    assert len(demands) == 1 and demands[0].target.code.startswith("RWA"), \
        [(e.trigger.text, e.target and (e.target.text, e.target.code)) for e in demands]


def test_a_refusal_naming_its_own_troops_is_aimed_where_the_refused_act_was(analyze):
    events = events_of(analyze, "France refused to send troops to Iraq.")
    refusal = one(events, "REJECT")
    assert refusal.target.code.startswith("IRQ") and "refused 'send'" in refusal.evidence
    # the refused act of force stays itself, negated
    assert one(events, "MOBILIZE").mode == "negated"


def test_an_agreement_and_the_act_agreed_to_are_one_event(analyze):
    events = events_of(analyze, "EU foreign ministers agreed to lift the arms embargo on China, diplomats said.")
    agree = [e for e in events if e.plover == "AGREE"]
    assert len(agree) == 1 and agree[0].mode == "asserted" and agree[0].trigger.text == "agreed"


def test_an_act_done_for_an_aim_of_its_own_type_is_one_event(analyze):
    # the meeting held to discuss is the discussion; a rally held to protest is the protest
    met = events_of(analyze, "Chilean and Peruvian negotiators met in Santiago to discuss the maritime border.")
    assert [e.mode for e in met if e.plover == "CONSULT"] == ["asserted"]
    # (also when the host rule turned the meeting round: the guest is its source)
    hosted = events_of(analyze, "Portugal's prime minister met the Spanish prime minister in Lisbon on Monday to discuss the water plan.")
    assert [e.mode for e in hosted if e.plover == "CONSULT"] == ["asserted"]
    rally = events_of(analyze, "Thousands of Kenyans rallied in Nairobi to protest against the new tax.")
    assert [e.mode for e in rally if e.plover == "PROTEST"] == ["asserted"]


def test_an_aim_that_names_a_party_where_the_act_names_a_thing_is_kept(analyze):
    events = events_of(analyze, "The rebels attacked the village to kill government soldiers.")
    assert any(e.mode == "future" and e.target is not None and e.target.text == "government soldiers"
               for e in events if e.plover == "ASSAULT")


def test_ruling_out_sending_troops_is_a_refusal_aimed_where_they_would_go(analyze):
    reject = one(events_of(analyze, "Chile ruled out sending troops to Haiti."), "REJECT")
    assert reject.target is not None and reject.target.code.startswith("HTI")


def test_a_march_whose_aim_names_whom_it_protests_is_aimed_at_them(analyze):
    [protest] = [e for e in events_of(analyze, "Thousands marched in Lima to protest against Chilean attacks on fishermen.")
                 if e.plover == "PROTEST"]
    assert protest.mode == "asserted" and protest.target.code.startswith("CHL")
