"""Modes (extract/events/modes.py): the type is the act, the mode says whether it happened."""
from __future__ import annotations

import pytest

from event_helpers import events_of, one


def test_a_scheduled_meeting_is_a_future_consult_on_its_resolved_date(analyze):
    # published on a Tuesday: "on Wednesday" is the next day
    e = one(events_of(analyze, "Serbian officials will meet envoys from Kosovo in Vienna on Wednesday.",
                      published="2022-01-11"), "CONSULT")
    assert e.mode == "future" and e.date == "2022-01-12"


def test_an_undated_commitment_is_a_statement_of_intent(analyze):
    e = one(events_of(analyze, "Peru is willing to withdraw its troops from the border."), "AGREE")
    assert e.cameo.startswith("03")


def test_negation_stops_at_a_contrasting_conjunction(analyze):
    events = events_of(analyze, "Russia has denied it has plans to attack Ukraine but pressed for legal guarantees from NATO.")
    assert one(events, "ASSAULT").mode == "negated"
    request = one(events, "REQUEST")
    assert request.mode == "asserted" and request.target is not None and request.target.code.startswith("IGO")


def test_negation_still_covers_plain_coordination(analyze):
    events = events_of(analyze, "Russia denied it attacked and shelled the town.")
    attacks = [e for e in events if e.plover == "ASSAULT"]
    assert attacks and all(e.mode == "negated" for e in attacks)


def test_an_apology_is_a_concession(analyze):
    e = one(events_of(analyze, "Japan apologised to South Korea for the remarks."), "CONCEDE")
    assert e.target.code.startswith("KOR")


def test_taking_hostages_is_coercion(analyze):
    e = one(events_of(analyze, "Gunmen in Nigeria kidnapped an Italian diplomat on Sunday."), "COERCE")
    assert e.target.code.startswith("ITA")


def test_an_act_under_a_future_verb_through_a_preposition_is_future(analyze):
    e = one(events_of(analyze, "Kenya will take the lead in restoring order to its northern region, the minister said."), "COERCE")
    assert e.mode == "future"


def test_the_aim_of_a_journey_is_future_and_keeps_its_type(analyze):
    # an infinitive of purpose: the act is aimed at, not done, and it is not a promise either
    events = events_of(analyze, "The Swiss envoy flew to Caracas on Monday to meet Venezuela's president.")
    e = next(e for e in events if e.trigger.text == "meet")
    assert e.mode == "future" and e.cameo.startswith("04")
    # (the flight itself is a visit, done)
    assert next(e for e in events if e.trigger.text == "flew").mode == "asserted"


def test_a_noun_inside_a_purpose_clause_keeps_its_own_mode(analyze):
    # the killing happened; only the prevention is aimed at
    events = events_of(analyze, "Troops imposed a curfew in Kathmandu to prevent riots over the killing of four Nepalese engineers.")
    assert one(events, "ASSAULT").mode == "asserted"


def test_what_a_party_needs_has_not_happened(analyze):
    e = one(events_of(analyze, "Chad can secure its border but needs France's support."), "SUPPORT")
    assert e.mode == "hypothetical"


def test_reported_with_a_bare_participle_is_a_passive(analyze):
    # "were reported killed": the soldiers were killed; "are believed to have supplied": they did it
    e = one(events_of(analyze, "Four Kenyan soldiers were reported killed in clashes near the border."), "ASSAULT")
    assert e.source is None and e.target.text == "Four Kenyan soldiers"
    e = one(events_of(analyze, "Iran is believed to have supplied weapons to the rebels."), "AID")
    assert e.source is not None and e.source.text == "Iran"


def test_a_past_tense_verb_is_past_whatever_its_date_resolved_to(analyze):
    # "on Sunday" after the publication date is a later Sunday only for what has not happened yet
    e = one(events_of(analyze, "Kenya's president on Sunday congratulated the Ugandan team.", published="2022-01-12"),
            "SUPPORT")
    assert e.mode == "asserted"
    e = one(events_of(analyze, "Kenya's president will meet Ugandan officials on Sunday.", published="2022-01-12"),
            "CONSULT")
    assert e.mode == "future"


def test_a_denied_act_is_negated_not_a_refusal(analyze):
    # AG guide rule 2: denying or dismissing a report is a statement; the act it denies did not happen
    e = one(events_of(analyze, "Kenya dismissed claims that it had supported the Ugandan rebels."), "SUPPORT")
    assert e.mode == "negated"
    e = one(events_of(analyze, "Kenya refused to support the Ugandan rebels."), "REJECT")
    assert e.mode == "asserted"


def test_an_official_with_no_nationality_is_of_the_dateline_country(analyze):
    text = "NAIROBI - Foreign Minister Raphael Tuju criticised claims that the Kenyan army had armed Ugandan rebels."
    e = one(events_of(analyze, text), "ACCUSE")
    assert e.source.code.startswith("KEN")


def test_advice_not_to_act_and_an_act_prevented_are_not_refusals(analyze):
    from event_helpers import events_of
    events = events_of(analyze, "Kenyans should not travel to Somalia, the ministry said.")
    assert events and all(e.mode == "hypothetical" and e.plover != "REJECT" for e in events)
    events = events_of(analyze, "The court barred the Kenyan government from deporting the Somali refugees.")
    e = next(e for e in events if e.plover == "COERCE")
    assert e.mode == "hypothetical"
    assert next(e for e in events_of(analyze, "Kenya did not attack Somalia.") if e.plover == "ASSAULT").mode == "negated"


def test_readiness_to_act_is_an_offer_made_now(analyze):
    # "is ready to resume talks": the offer (AGREE) is asserted; the talks are still to come
    e = one(events_of(analyze, "Kenya is ready to resume talks with Somalia."), "AGREE")
    assert e.mode == "asserted" and e.target.code.startswith("SOM")
    e = one(events_of(analyze, "The Somali rebels said they were willing to release the hostages."), "AGREE")
    assert e.mode == "asserted"
    # a plain commitment stays a future one
    e = one(events_of(analyze, "Kenya will withdraw its troops from Somalia."), "AGREE")
    assert e.mode == "future"


def test_a_relative_clause_with_its_own_tense_keeps_its_own_mode(analyze):
    # "offered up the names of women *who were released*": the release happened, whatever is offered
    events = events_of(analyze, "The Kenyan ministry offered the names of two Kenyan women who were released "
                                "by Somali captors on Monday.")
    assert one(events, "CONCEDE").mode == "asserted"
    # a relative clause without a tense of its own stays under the verb above
    e = one(events_of(analyze, "Kenya will free the prisoners held in Somalia."), "AGREE")
    assert e.mode == "future"


def test_silence_on_a_topic_refuses_no_one(analyze):
    events = events_of(analyze, "Police and army officials are not talking much about the threat of an attack.")
    assert not [e for e in events if e.plover == "REJECT"]
    e = one(events_of(analyze, "Chile will not talk to Peru about the border."), "REJECT")
    assert e.target.code.startswith("PER")


def test_an_act_placed_months_or_years_back_is_background_dated_as_the_text_dates_it(analyze):
    # published on 2004-08-20: January is seven months back, 1994 ten years
    e = one(events_of(analyze, "Peru recalled its ambassador to Chile last January.", published="2004-08-20"), "SANCTION")
    assert e.mode == "background" and e.date == "2004-01"
    events = events_of(analyze, "The man was convicted in 1998 of bombing the Peruvian embassy.", published="2004-08-20")
    assert {e.mode for e in events} == {"background"} and one(events, "ASSAULT").date == "1998"
    # last week is the news
    e = one(events_of(analyze, "Peruvian troops killed four rebels last week.", published="2004-08-20"), "ASSAULT")
    assert e.mode == "asserted"
    # a time inside the object dates the object: the faulting is today's
    e = one(events_of(analyze, "Putin faulted Georgia over its 1990s tactics.", published="2004-08-20"), "ACCUSE")
    assert e.mode == "asserted"


def test_an_act_a_noun_proposes_has_not_happened(analyze):
    events = events_of(analyze, "Ruritania accepted a Moldovan proposal to meet the Tarnish envoy.")
    meet = one(events, "CONSULT")
    assert meet.mode == "hypothetical"
    # a rank before the noun makes the infinitive a fact about whoever did it
    visit = one(events_of(analyze, "Gaddafi became the first Arab leader to visit Chad."), "CONSULT")
    assert visit.mode == "asserted"


def test_what_came_before_a_vow_told_in_the_past_is_done(analyze):
    events = events_of(analyze, "The new governor vowed on Monday to rebuild the province after winning an "
                                "election condemned by Chile as a sham.")
    condemned = [e for e in events if e.trigger.text == "condemned"]
    assert condemned and condemned[0].mode == "asserted"
    # told in the future, the sequence is still to come
    meeting = [e for e in events_of(analyze, "Iran will resume talks after meeting the British envoy.")
               if e.trigger.text == "meeting"]
    assert meeting and meeting[0].mode == "future"


def test_an_act_in_a_rejected_claim_is_denied_not_refused(analyze):
    """'rejected claims that X did Y': Y is denied (negated), and rejecting a claim is no REJECT."""
    events = events_of(analyze, "Peru rejected claims that its police had arrested two Bolivian activists.")
    assert [(e.plover, e.mode) for e in events] == [("COERCE", "negated")]
    events = events_of(analyze, "Officials dismissed reports that Chadian troops had shelled a Sudanese village.")
    assert [(e.plover, e.mode) for e in events] == [("ASSAULT", "negated")]


def test_rejecting_a_proposal_is_still_a_refusal(analyze):
    events = events_of(analyze, "Peru rejected a proposal from Bolivia to reopen the border talks.")
    assert any(e.plover == "REJECT" and e.mode == "asserted" for e in events)


def test_a_participle_describing_a_noun_states_what_was_done_to_it(analyze):
    # "denied permission to check on migrants *deported* to Libya": the deportation happened
    events = events_of(analyze, "UN officials were denied permission to check on 300 migrants deported to Libya "
                                "from Italy since Friday.")
    e = one(events, "COERCE")
    assert e.mode == "asserted"
    # inside a report that is denied, the deed is denied with it
    e = one(events_of(analyze, "The army rejected claims of civilians killed by its troops."), "ASSAULT")
    assert e.mode == "negated"


def test_what_a_despite_or_amid_phrase_names_has_happened(analyze):
    # the clause around is future or advice; the deed the phrase names is told as done
    e = one(events_of(analyze, "Talks will resume next week despite the Iraqi rebel attack on the US convoy."), "ASSAULT")
    assert e.mode == "asserted"
    e = next(e for e in events_of(analyze, "Israel may retaliate in response to the Hamas attack on Sderot.")
             if e.trigger.text == "attack")
    assert e.mode == "asserted"
    # the deed's own word of possibility still counts
    assert not [e for e in events_of(analyze, "Talks will resume despite fears of a possible Iraqi attack on the US convoy.")
                if e.plover == "ASSAULT" and e.mode == "asserted"]


def test_the_act_of_a_plot_is_hypothetical_not_a_threat(analyze):
    # planned in secret: neither done nor announced ("will attack" is a threat; a plot is not)
    events = events_of(analyze, "Rebels plotted to kill the Iraqi prime minister.")
    assert one(events, "ASSAULT").mode == "hypothetical"
    assert not [e for e in events if e.plover == "THREATEN"]
    # a deed the plot is named by, as one known, happened: "plotting the bombing that killed 34"
    e = one(events_of(analyze, "Eight men were accused of plotting the bombing of the Israeli embassy."), "ASSAULT")
    assert e.mode == "asserted"
    e = one(events_of(analyze, "Eight men were accused of plotting a bombing of the Israeli embassy."), "ASSAULT")
    assert e.mode == "hypothetical"


def test_failing_to_act_refuses_nothing_but_failing_to_agree_does(analyze):
    events = events_of(analyze, "Dutch lawmakers accused the government of failing to protect a filmmaker.")
    assert not [e for e in events if e.plover == "REJECT"]
    e = one(events_of(analyze, "The US and South Korea failed to reach agreement on a trade deal."), "REJECT")
    assert e.mode == "asserted"


def test_poised_to_and_is_to_are_still_to_come(analyze):
    e = one(events_of(analyze, "Israel's parliament appeared poised to approve the plan of the Palestinian Authority."), "AGREE")
    assert e.mode == "future"
    e = one(events_of(analyze, "Prime Minister Ariel Sharon is to meet Egyptian officials in Cairo."), "CONSULT")
    assert e.mode == "future"
    # 'be' with a complement of its own is no arrangement: "it was fair game to criticize X"
    e = one(events_of(analyze, "The Australian senator said it was fair game to criticize the Indonesian president."), "ACCUSE")
    assert e.mode == "asserted"


def test_what_a_party_is_invited_to_do_has_not_happened(analyze):
    events = events_of(analyze, "The Chilean president invited Peruvian officials to meet him in Santiago.")
    assert [e for e in events if e.plover == "SUPPORT" and e.mode == "asserted"]  # the invitation is made
    assert not [e for e in events if e.plover == "CONSULT" and e.mode == "asserted"]


def test_an_act_another_party_does_not_allow_is_no_refusal_of_its_doer(analyze):
    events = events_of(analyze, "Iran says it is not obliged to allow UN inspectors to visit military sites.")
    assert not [e for e in events if e.plover == "REJECT" and e.source is not None and e.source.code.startswith("IGO")]
    # the doer's own refusal stays one, each of several doers'
    events = events_of(analyze, "Italy and Spain refused to allow the plane to enter their air space.")
    assert {e.source.code[:3] for e in events if e.plover == "REJECT"} == {"ITA", "ESP"}


def test_a_no_on_another_noun_is_the_refusal_of_whoever_has_it(analyze):
    title = "Peru Sees No Reason for Chile Summit"
    text = title + "\n\nThere is no reason to hold a meeting of Chile's neighbours this week, a Peruvian envoy said."
    events = analyze(text, published="2004-08-20", title=title).events
    assert not [e for e in events if e.plover == "REJECT"], [(e.trigger.text, e.cameo) for e in events]
    e = one(events_of(analyze, "Israel will not attend the peace conference in London."), "REJECT")
    assert e.source.code.startswith("ISR")
    e = one(events_of(analyze, "Chile said it had no plans to sign the new fishing pact."), "REJECT")
    assert e.source.code.startswith("CHL")


def test_an_infinitive_hung_on_the_clause_still_says_what_its_noun_threatens(analyze):
    # the parser reads "to launch" as the purpose of 'renewed'; it is the content of the threats
    events = events_of(analyze, "Hezbollah renewed its threats to launch rocket attacks on northern Israel.")
    assert all(e.mode != "asserted" for e in events if e.plover == "ASSAULT"), \
        [(e.trigger.text, e.mode) for e in events]
    assert [e for e in events if e.plover == "ASSAULT"]
    # a real purpose stays one: what the troops were sent to do is still to come, and the sending happened
    events = events_of(analyze, "Chad sent troops to guard the refugee camps.")
    assert one(events, "MOBILIZE").mode == "asserted"


def test_a_request_another_party_answers_was_made_to_that_party(analyze):
    # agreeing to a request takes it as made, whatever the agreement's own mode, and made to the one agreeing
    e = one(events_of(analyze, "Spain agreed to Morocco's request for more patrol boats."), "REQUEST")
    assert e.mode == "asserted" and e.source.code.startswith("MAR") and e.target.code.startswith("ESP")
    # one that may yet come is not
    events = events_of(analyze, "Spain will consider any request from Morocco for patrol boats.")
    assert not [e for e in events if e.plover == "REQUEST" and e.mode == "asserted"]


def test_a_refusal_inside_a_condition_is_hypothetical(analyze):
    # "if the government refuses to pull its troops": a refusal only supposed, not made
    events = events_of(analyze, "The kidnappers threatened to kill her if the Kenyan government refuses to pull "
                                "its troops from Somalia.")
    refusals = [e for e in events if e.plover == "REJECT"]
    assert refusals and all(e.mode == "hypothetical" for e in refusals)


def test_an_act_awaited_by_until_or_before_in_the_present_tense_is_hypothetical(analyze):
    events = events_of(analyze, "Chad will not resume talks before Sudan releases the prisoners.")
    assert one(events, "CONCEDE").mode == "hypothetical"
    events = events_of(analyze, "Protesters vowed to stay outside the ministry until Ghana's president meets their demands.")
    assert one(events, "CONCEDE").mode == "hypothetical"
    # a past tense after 'before' tells what happened
    assert one(events_of(analyze, "Chad released the prisoners before Sudan sent its envoy."), "CONCEDE").mode == "asserted"


def test_a_foiled_attack_did_not_happen(analyze):
    for text in ("A bomb attack on the Chilean embassy was foiled by police on Monday.",
                 "Police thwarted an attack on the Chilean embassy on Monday."):
        attack = one(events_of(analyze, text), "ASSAULT")
        assert attack.mode == "hypothetical", text
    # a failed attempt was still made
    assert one(events_of(analyze, "Gunmen attacked the Chilean embassy but failed to enter it."), "ASSAULT").mode == "asserted"


def test_a_refusal_announced_in_the_future_tense_is_made_now(analyze):
    e = one(events_of(analyze, "Peru says it will reject any proposal by Chile to redraw the border."), "REJECT")
    assert e.mode == "asserted" and e.source.code.startswith("PER")
    # a prediction that an act would break a law refuses nothing
    events = events_of(analyze, "Bolivia condemned the decision, saying it would violate international law.")
    assert not [e for e in events if e.plover == "REJECT" and e.mode == "asserted"]


def test_what_a_party_is_called_on_to_do_is_not_done(analyze):
    # the parser hangs the infinitive on "called" as an adverbial clause
    # (talks need two sides: "kickstart talks on the crisis" with no one named is none at all)
    events = events_of(analyze, "Rebel leaders called on Thursday on Nigeria to intervene and hold talks "
                                "with the government.")
    talks = [e for e in events if e.plover == "CONSULT"]
    assert talks and all(e.mode == "hypothetical" for e in talks)


def test_the_subject_of_a_planning_passive_does_the_planned_act(analyze):
    # "is scheduled / set to": the subject meets, and the meeting is to come
    e = one(events_of(analyze, "The Chilean president is scheduled to meet the Bolivian foreign minister "
                               "and two envoys on Thursday."), "CONSULT")
    assert e.source.code.startswith("CHL") and e.target.code.startswith("BOL") and e.mode == "future"
    e = one(events_of(analyze, "Kenya's foreign minister is set to visit Uganda next week."), "CONSULT")
    assert e.source.code.startswith("KEN") and e.target.code.startswith("UGA") and e.mode == "future"


def test_a_refusal_is_aimed_at_the_party_its_condition_names(analyze):
    events = events_of(analyze, "The dockers' union will not end the strike until the city council restores the old rota.")
    e = one(events, "REJECT")
    assert e.target is not None and e.target.text == "the city council"
    # the condition's clause may hang on a relative clause of the refused thing
    e = one(events_of(analyze, "Norway will not lift the ban it placed on the ships if Iceland does not end the whale hunt."), "REJECT")
    assert e.target.code.startswith("ISL")
    # the maker itself named in the condition is no target
    e = one(events_of(analyze, "Peru will not end the boycott until it is paid."), "REJECT")
    assert e.target is None or not e.target.code or not e.target.code.startswith("PER")


def test_what_a_party_is_told_or_has_to_do_is_not_done(analyze):
    events = events_of(analyze, "The US told Syria to withdraw its troops from Lebanon.")
    demand = one(events, "REQUEST")
    assert demand.source.text == "The US" and demand.target.text == "Syria" and demand.mode == "asserted"
    assert one(events, "RETREAT").mode == "hypothetical"
    assert one(events_of(analyze, "Syria has to withdraw its troops from Lebanon."), "RETREAT").mode == "hypothetical"
    assert one(events_of(analyze, "Syria had to withdraw its troops from Lebanon after the protests."), "RETREAT").mode == "asserted"
    # telling of an act is no demand, and what is told of keeps its own mode
    assert one(events_of(analyze, "Bush told reporters that Syria withdrew its troops from Lebanon."), "RETREAT").mode == "asserted"
    assert not [e for e in events_of(analyze, "Bush told reporters in Washington to expect a withdrawal.") if e.plover == "REQUEST"]


def test_talks_before_a_clause_told_in_the_past_have_happened(analyze):
    e = next(x for x in events_of(analyze, "After talks with Kenya, Uganda agreed to open the border.") if x.trigger.text == "talks")
    assert e.mode == "asserted" and e.cameo == "040"
    e = next(x for x in events_of(analyze, "After talks with Kenya next week, Uganda will open the border.") if x.trigger.text == "talks")
    assert e.mode == "future"


@pytest.mark.parametrize("text", [
    "The US pressed Israel to withdraw its troops from Gaza.",
    "The EU pressured Iran to withdraw its forces from the border.",
    "France lobbied Russia to withdraw its troops from Georgia.",
])
def test_what_a_party_is_pressed_to_do_is_not_done(analyze, text):
    e = next(e for e in analyze(text).events if e.plover == "RETREAT")
    assert e.mode == "hypothetical"


def test_a_refusal_or_a_failure_to_act_is_a_refusal_and_the_act_not_done(analyze):
    events = events_of(analyze, "Iran's refusal to suspend enrichment angered the European Union.")
    refusal = one(events, "REJECT")
    assert refusal.source.code.startswith("IRN") and refusal.trigger.text == "refusal"
    assert not [e for e in events if e.plover == "CONCEDE" and e.mode != "negated"]
    e = one(events_of(analyze, "The EU criticised Syria's failure to withdraw its troops from Lebanon."), "RETREAT")
    assert e.mode == "negated" and e.source.code.startswith("SYR")


def test_an_avenged_deed_has_happened_and_vowing_revenge_threatens_its_doer(analyze):
    events = events_of(analyze, "The militia vowed to avenge the assassination of its commander by Ugandan troops.")
    threat = one(events, "THREATEN")
    assert threat.trigger.text == "avenge" and threat.target.code.startswith("UGA")
    killing = one(events, "ASSAULT")
    assert killing.trigger.text == "assassination" and killing.mode == "asserted"
    assert killing.source.code.startswith("UGA")


@pytest.mark.parametrize("text", [
    "Chilean miners blocked roads to protest against the government's pension plans.",
    "The opposition called a general strike to protest the arrest of its leader.",
])
def test_a_deed_done_to_protest_is_the_protest_made(analyze, text):
    e = one(events_of(analyze, text), "PROTEST")
    assert e.mode == "asserted"


def test_what_a_party_is_urged_to_protest_is_not_yet_protested(analyze):
    events = events_of(analyze, "The opposition called on supporters to protest the election results.")
    assert one(events, "PROTEST").mode == "hypothetical"


def test_a_deed_protested_or_denounced_has_happened(analyze):
    events = events_of(analyze, "The opposition called a strike to protest the bomb attack on its offices.")
    attack = next(e for e in events if e.trigger.text == "attack")
    assert attack.plover == "ASSAULT" and attack.mode == "asserted"


def test_a_deed_promised_or_vowed_is_that_deed_to_come(analyze):
    # as "promised to release the journalists" is (merge.one_commitment): the act, mode future
    e = one(events_of(analyze, "Canada promised more aid to Haiti."), "AGREE")
    assert (e.cameo, e.mode, e.trigger.text) == ("033", "future", "aid") and e.target.code == "HTI"
    events = events_of(analyze, "The Thai prime minister vowed a tough crackdown on the rebels.")
    assert not [e for e in events if e.plover == "AGREE"]
    assert one(events, "ASSAULT").mode == "future"


@pytest.mark.parametrize("text", [
    "The Indian premier's visit to Nepal was postponed.",
    "Talks between Serbia and Kosovo were cancelled on Monday.",
])
def test_an_act_put_off_or_called_off_has_not_happened(analyze, text):
    consult = one(events_of(analyze, text), "CONSULT")
    assert consult.mode == "hypothetical"


def test_neither_nor_or_no_before_the_subject_negates_the_act(analyze):
    events = events_of(analyze, "Neither Chile nor Peru attended the summit in Quito.")
    assert events and all(e.mode != "asserted" or e.plover == "REJECT" for e in events)


@pytest.mark.parametrize("text", [
    "Talks between Chile and Bolivia collapsed on Friday.",
    "Talks between Chile and Bolivia broke down on Friday.",
    "Talks between Chile and Bolivia stalled on Friday.",
])
def test_talks_that_collapse_break_down_or_stall_failed_as_talks_that_failed(analyze, text):
    # PLOVER's annotators code a breakdown of talks as a rejection, as they code "talks failed"
    assert not any(e.plover == "CONSULT" and e.mode == "asserted" for e in events_of(analyze, text))


def test_an_offer_dated_before_its_infinitive_is_still_the_offer_made(analyze):
    # "on Tuesday" between them made the parser read "to hold talks" as a purpose of the offer
    events = events_of(analyze, "Chile's president offered on Tuesday to hold talks with the miners.")
    offer = one(events, "AGREE")
    assert offer.mode == "asserted" and offer.cameo == "036" and offer.target.text == "the miners"
    assert not any(e.plover == "CONSULT" for e in events)
