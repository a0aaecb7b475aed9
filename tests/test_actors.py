"""Actors: dictionary and entity mentions, CAMEO-style codes, merging. Sentences written for these tests."""
from __future__ import annotations

import pytest


def by_code(analysis):
    return {a.code: a for a in analysis.actors}


def named(analysis, name):
    return next(a for a in analysis.actors if a.name == name)


def test_title_person_and_later_surnames(analyze):
    a = analyze(
        "Kremlin spokesman Dmitry Peskov said the talks were over. "
        "Peskov added that Moscow would wait. Mr Peskov did not take questions."
    )
    peskov = named(a, "Dmitry Peskov")
    assert (peskov.code, peskov.country, peskov.sector, peskov.kind) == ("RUSGOV", "RUS", "GOV", "person")
    assert [m.text for m in peskov.mentions] == ["Kremlin spokesman Dmitry Peskov", "Peskov", "Peskov"]
    assert all(a.text[m.start:m.end] == m.text for m in peskov.mentions)
    assert sum(1 for x in a.actors if "Peskov" in x.name) == 1


def test_demonym_with_group_or_title(analyze):
    a = analyze(
        "Russian troops moved closer as Ukrainian protesters gathered, "
        "and the Russian foreign minister said nothing."
    )
    codes = by_code(a)
    assert codes["RUSMIL"].kind == "group"
    assert codes["UKRCVL"].mentions[0].text == "Ukrainian protesters"
    assert codes["RUSGOV"].mentions[0].text == "Russian foreign minister"


def test_country_as_agent_is_its_government_and_merges_with_metonyms(analyze):
    a = analyze("Russia has denied the report. The Kremlin called it a provocation, and Moscow insisted it was false.")
    gov = by_code(a)["RUSGOV"]
    assert [m.text for m in gov.mentions] == ["Russia", "Kremlin", "Moscow"]
    assert gov.id == "A1"


def test_country_not_acting_keeps_the_bare_code_and_locatives_are_not_actors(analyze):
    a = analyze("The European Union imposed new sanctions on Russia. Diplomats met in Moscow and in Paris.")
    codes = by_code(a)
    assert codes["IGOEUREEC"].kind == "igo"
    assert codes["RUS"].kind == "country"
    assert not any(m.text in ("Moscow", "Paris") for x in a.actors for m in x.mentions)


def test_igos_and_us_institutions(analyze):
    a = analyze("NATO and the United Nations urged restraint. The Pentagon said U.S. forces were on alert.")
    codes = by_code(a)
    assert {"IGOWSTNAT", "IGOUNO", "USAMIL"} <= set(codes)
    assert [m.text for m in codes["USAMIL"].mentions] == ["Pentagon", "U.S. forces"]


def test_possessive_country_with_role_and_known_person(analyze):
    a = analyze("Ukraine's parliament met on Tuesday. President Volodymyr Zelensky addressed it, and Zelensky thanked the deputies.")
    codes = by_code(a)
    assert codes["UKRLEG"].mentions[0].text == "Ukraine's parliament"
    zelensky = named(a, "Volodymyr Zelensky")
    assert zelensky.code == "UKRGOV" and len(zelensky.mentions) == 2


def test_unknown_person_has_no_code_and_sector_only_roles(analyze):
    a = analyze("Maria Ostrowska, a teacher, watched as police cleared the square. Ostrowska said she was afraid.")
    maria = named(a, "Maria Ostrowska")
    assert (maria.code, maria.kind) == (None, "person")
    # two names and the pronoun that stands for her, marked as one
    assert [m.text for m in maria.mentions] == ["Maria Ostrowska", "Ostrowska", "she"]
    assert [(i.what, i.mention.text) for i in maria.inferred] == [("pronoun", "she")]
    police = by_code(a)["COP"]  # no country anywhere in the text: the sector alone
    assert (police.country, police.sector) == (None, "COP")


def test_ids_follow_first_mention(analyze):
    a = analyze("Iraqi police arrested two men, officials said. NATO said it was not involved.")
    assert [x.id for x in a.actors] == [f"A{i}" for i in range(1, len(a.actors) + 1)]
    starts = [x.mentions[0].start for x in a.actors]
    assert starts == sorted(starts)
    assert a.actors[0].code == "IRQCOP"


def test_dateline_and_agency_credit_are_not_actors(analyze):
    a = analyze("MOSCOW (Reuters) - The Kremlin said on Monday it would respond.")
    assert [x.code for x in a.actors] == ["RUSGOV"]
    assert a.actors[0].mentions[0].text == "Kremlin"


def test_names_containing_place_words_stay_whole(analyze):
    a = analyze("Singapore Airlines said on Friday that it would buy new planes.")
    assert not any(x.code and x.code.startswith("SGP") for x in a.actors)


def test_actors_apposition_codes_the_person(analyze):
    a = analyze("Margaret Ellison, the US deputy secretary of state, said the talks were useful. "
                "Ellison left Geneva on Tuesday.")
    people = [x for x in a.actors if x.kind == "person"]
    assert len(people) == 1
    ellison = people[0]
    assert (ellison.name, ellison.code, ellison.country, ellison.sector) == ("Margaret Ellison", "USAGOV", "USA", "GOV")
    assert [m.text for m in ellison.mentions] == ["Margaret Ellison", "US deputy secretary of state", "Ellison"]


def test_actors_role_of_a_country(analyze):
    a = analyze("The government of the Central African Republic signed the deal. The foreign ministry of Russia said no.")
    codes = {x.code: x for x in a.actors}
    assert codes["CAFGOV"].mentions[0].text == "government of the Central African Republic"
    assert "RUSGOV" in codes
    # a place that only modifies the noun after "of" is no owner of the role: survivors of a fire in Lisbon
    a = analyze("Survivors of the Lisbon ferry fire issued a sharp rebuke to politicians.")
    assert not [m for x in a.actors for m in x.mentions if "Lisbon" in m.text and "Survivors" in m.text]
    assert {x.code[3:] for x in a.actors if x.code} >= {"CVL", "ELI"}


def test_actors_acronym_in_parentheses_is_the_same_organisation(analyze):
    a = analyze("The rebel Patriotic Front for Renewal (FPR) signed a truce. Later the FPR said it would hold.")
    fpr = [x for x in a.actors if x.name == "Patriotic Front for Renewal"]
    assert len(fpr) == 1 and [m.text for m in fpr[0].mentions] == ["Patriotic Front for Renewal", "FPR", "FPR"]
    assert not [x for x in a.actors if x.name == "FPR"]


def test_actors_any_capital_stands_for_its_government_as_an_agent(analyze):
    a = analyze("Bangui said it had made concessions. Victoria said she was tired.")
    codes = [x.code for x in a.actors]
    assert "CAFGOV" in codes and "SYCGOV" not in codes


# ---- user dictionaries: dated rows, option rows, roles before PETRARCH-style actors ----------------

def _user_pipeline(tmp_path, body):
    from tidings import Pipeline
    from tidings.settings import Settings

    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings actors 1\nVLM\tcountry\tcode\tVelmara\nFRM\tsector\tcode\tforeign ministry\n" + body,
                 encoding="utf-8")
    return Pipeline(Settings(dictionaries=(f,))), f


def test_actors_dated_rows_follow_the_publication_date(tmp_path):
    from tidings.knowledge.actors import load_actor_dictionary

    pipeline, f = _user_pipeline(tmp_path, "Tobin Ash\tVLM\tactor\tTobin Ash\n"
                                           "Tobin Ash\tVLMGOV\tactor\tTobin Ash\t2010-01-01..2012-12-31\n"
                                           "Tobin Ash\tVLMFRM\tactor\tTobin Ash\t>2012-12-31\n")
    entry = load_actor_dictionary((f,)).lookup("Tobin Ash")
    assert [entry.on(d).code for d in ("2009-12-31", "2010-01-01", "2012-12-31", "2013-01-01", None)] == \
        ["VLM", "VLMGOV", "VLMGOV", "VLMFRM", "VLM"]
    codes = {a.code for a in pipeline.analyze("Tobin Ash spoke.", {"published": "2011-05-05"}).actors}
    assert "VLMGOV" in codes


def test_actors_a_phrase_with_dated_rows_only_names_no_one_known_outside_them(tmp_path):
    from tidings.knowledge.actors import load_actor_dictionary

    pipeline, f = _user_pipeline(tmp_path, "Ash\tVLMGOV\tperson\tTobin Ash\t2010-01-01..2012-12-31\n")
    entry = load_actor_dictionary((f,)).lookup("Ash")
    assert [entry.on(d).code for d in ("2011-06-01", "2020-01-01", None)] == ["VLMGOV", None, "VLMGOV"]
    assert not any(a.code == "VLMGOV" for a in pipeline.analyze("Ash spoke.", {"published": "2020-05-05"}).actors)
    assert any(a.code == "VLMGOV" for a in pipeline.analyze("Ash spoke.", {"published": "2011-05-05"}).actors)


def test_actors_bad_period_names_file_and_line(tmp_path):
    import pytest

    from tidings.errors import KnowledgeError
    from tidings.knowledge.actors import load_actor_dictionary

    f = tmp_path / "bad.tsv"
    f.write_text("#! tidings actors 1\nVLM\tcountry\tcode\nTobin Ash\tVLM\tactor\t-\t2010..2012\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:3: bad period"):
        load_actor_dictionary((f,))


def test_actors_builtin_off_option(tmp_path):
    from tidings.knowledge.actors import load_actor_dictionary

    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings actors 1\n@builtin\toff\toption\nVLM\tcountry\tcode\nVelmara\tVLM\tactor\n",
                 encoding="utf-8")
    d = load_actor_dictionary((f,))
    assert d.lookup("Velmara").code == "VLM" and d.lookup("France") is None and d.lookup("president") is None
    assert load_actor_dictionary(()).lookup("France") is not None


def test_actors_role_before_a_named_actor_takes_the_first_actor(tmp_path):
    pipeline, _ = _user_pipeline(tmp_path, "QNT\tcountry\tcode\tQuentor\nVelmara\tVLM\tactor\n"
                                           "Quentor\tQNT\tactor\nTobin Ash\tQNT\tactor\n"
                                           "prime minister\tGOV\tgroup\n")
    a = pipeline.analyze("Velmara Prime Minister Tobin Ash arrived on Monday.", {"published": "2021-01-01"})
    assert "VLMGOV" in {x.code for x in a.actors}
    a = pipeline.analyze("Prime Minister Tobin Ash arrived on Monday.", {"published": "2021-01-01"})
    assert "QNTGOV" in {x.code for x in a.actors}


def test_actors_loose_codes_of_actor_rows(tmp_path):
    from tidings.knowledge.actors import load_actor_dictionary

    f = tmp_path / "mine.tsv"
    f.write_text("#! tidings actors 1\nHBT\tcountry\tcode\nORK\tsector\tcode\n"
                 "Pip\tHBTCIV\tactor\nGrishnak\tORKHBT\tactor\n", encoding="utf-8")
    d = load_actor_dictionary((f,))
    assert d.lookup("Pip").code == "HBTCIV" and d.lookup("Grishnak").code == "ORKHBT"


def test_actors_prefix_rows_go_before_the_actor_code(tmp_path):
    pipeline, _ = _user_pipeline(tmp_path, "Velmara\tVLM\tactor\n"
                                           "Harbour Guild\tNGO\tprefix\ndiplomat\tGOV\tgroup\n")
    a = pipeline.analyze("Harbour Guild Velmara protested on Monday.", {"published": "2021-01-01"})
    guild = next(x for x in a.actors if x.code == "NGOVLM")
    assert guild.mentions[0].text == "Harbour Guild Velmara"
    a = pipeline.analyze("A Harbour Guild Velmara diplomat protested on Monday.", {"published": "2021-01-01"})
    assert "NGOVLMGOV" in {x.code for x in a.actors}
    a = pipeline.analyze("The Harbour Guild protested on Monday.", {"published": "2021-01-01"})
    assert "NGO" in {x.code for x in a.actors}  # alone, coded as written


def test_actors_lower_case_abbreviation_matches_written_in_capitals(tmp_path):
    pipeline, _ = _user_pipeline(tmp_path, "k.v.\tVLMEDU\tactor\tK.V.\n")
    a = pipeline.analyze("The K.V. team protested on Monday.", {"published": "2021-01-01"})
    assert "VLMEDU" in {x.code for x in a.actors}


@pytest.mark.parametrize("text, party", [
    ("Washington accused Moscow of breaking the treaty.", "Moscow"),
    ("The EU imposed new sanctions on Tehran.", "Tehran"),
    ("Paris held talks with Beijing on Monday.", "Beijing"),
    ("They urged Ankara to reopen the crossing.", "Ankara"),
])
def test_actors_a_capital_acted_on_is_its_government(analyze, text, party):
    coded = {m.text: a.code for a in analyze(text).actors for m in a.mentions}
    assert coded.get(party, "").endswith("GOV"), coded


@pytest.mark.parametrize("text", ["The president visited Moscow.", "Rockets hit Kyiv overnight.",
                                  "He flew to Beijing on Monday.", "Talks in Tehran ended."])
def test_actors_a_capital_visited_or_struck_is_a_place(analyze, text):
    assert not [a for a in analyze(text).actors if a.kind == "country"], text


def test_actors_several_codes_for_one_phrase(tmp_path):
    import pytest

    from tidings.errors import KnowledgeError
    from tidings.knowledge.actors import load_actor_dictionary
    from tidings.model import Analysis

    pipeline, _ = _user_pipeline(tmp_path, "QNT\tcountry\tcode\tQuentor\nVelmara\tVLM\tactor\n"
                                           "Twin Crowns\tVLM/QNT\tactor\tTwin Crowns\nenvoy\tGOV\tgroup\n")
    a = pipeline.analyze("The Twin Crowns protested. A Twin Crowns envoy left. Velmara agreed.",
                         {"published": "2021-01-01"})
    codes = {(x.code, tuple(x.extra_codes)) for x in a.actors}
    assert ("VLM", ("QNT",)) in codes and ("VLMGOV", ("QNTGOV",)) in codes and ("VLM", ()) in codes
    assert Analysis.from_json(a.to_json()).actors == a.actors  # the new field round-trips
    f = tmp_path / "bad.tsv"
    f.write_text("#! tidings actors 1\nLorien\tFRA/DEU\tcountry\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:2: several codes"):
        load_actor_dictionary((f,))
    f.write_text("#! tidings actors 1\nLorien\tFRA/ZZZ\tactor\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad.tsv:2: bad code 'ZZZ'"):
        load_actor_dictionary((f,))


def test_actors_a_former_office_holder_is_an_elite(analyze):
    """CAMEO codes former officials as elites (ELI) of their country."""
    a = analyze("The former French prime minister criticised the plan, and ex-President Tarek Halabi "
                "agreed. Former officials and Spanish ministers stayed silent.")
    codes = {x.code for x in a.actors}
    assert "FRAELI" in codes and "ESPGOV" in codes  # "former" is the first role's only
    assert "FRAGOV" not in codes
    assert named(a, "Tarek Halabi").code == "ELI"  # a role whose country is not told


def test_actors_a_country_before_coordinated_roles_is_each_ones(analyze):
    codes = {x.code: x for x in analyze("Russian troops and police entered the town on Monday.").actors}
    assert {"RUSMIL", "RUSCOP"} <= set(codes)
    # a role with a country of its own, or a determiner of its own, keeps to itself
    codes = {x.code for x in analyze("Russian troops and the Ukrainian police met on Monday.").actors}
    assert {"RUSMIL", "UKRCOP"} <= codes and "RUSCOP" not in codes


def test_actors_an_all_capitals_headline_names_its_countries(analyze):
    coded = {a.code for a in analyze("RUSSIA WARNS NATO OVER TROOP BUILDUP AS TALKS STALL IN GENEVA").actors}
    assert "RUSGOV" in coded and "IGOWSTNAT" in coded


@pytest.mark.parametrize("text, code", [
    ("Chechnya's police detained four men on Sunday.", "RUSCOP"),
    ("Darfur's governor met aid workers in Nyala.", "SDNGOV"),
    ("The governor of Kandahar praised the elders.", "AFGGOV"),
    ("Basra police searched the port.", "IRQCOP"),
])
def test_a_place_before_a_role_lends_its_country(analyze, text, code):
    # a region or city no actor dictionary lists, used as a country would be: the gazetteer says whose
    assert code in by_code(analyze(text))


def test_a_place_alone_is_no_party(analyze):
    assert not [a for a in analyze("Troops entered Chechnya on Sunday.").actors if a.code == "RUS"]


@pytest.mark.parametrize("text, code", [
    ("Beijing accused a Korean-American of smuggling documents.", "USACVL"),   # the last nationality is the person's
    ("Rebels near Goma abducted a Belgian on Sunday.", "BELCVL"),
])
def test_a_nationality_used_for_one_person_is_a_civilian_of_that_country(analyze, text, code):
    assert code in by_code(analyze(text))


def test_a_nationality_as_an_adjective_is_no_person(analyze):
    assert "USACVL" not in by_code(analyze("An American diplomat met the Iraqi minister."))


def test_a_namesake_of_a_listed_person_is_someone_else(analyze):
    # the surname row "Bashir" is Sudan's president; "Abu Bakar Bashir" is another man
    a = analyze("The government welcomed charges against the militant cleric Abu Bakar Bashir.")
    cleric = next(x for x in a.actors if "Abu Bakar Bashir" in [m.text for m in x.mentions] or x.name == "Abu Bakar Bashir")
    assert not (cleric.code or "").startswith("SDN")
    a = analyze("Bashir said on Monday the talks would go on.")
    assert a.actors[0].code == "SDNGOV"


def test_a_double_space_inside_a_name_does_not_hide_it(analyze):
    # wire copy doubles spaces; the tokenizer keeps them as tokens of their own
    a = analyze("The European Union will fund an African  Union force in Darfur, the  United States said.")
    codes = {x.name: x.code for x in a.actors}
    assert any(c == "IGOAFRAFU" for c in codes.values())
    assert any(c and c.startswith("USA") for c in codes.values())
    a = analyze("France lifted its blockade of the U.K.")  # a name at the very end of the text
    assert not a.failed_layers and any(x.code == "GBR" for x in a.actors)


def test_a_nationality_before_a_noun_for_one_person_is_that_countrys_civilian(analyze):
    # "filmmaker" is in no role list; WordNet's nouns for one person (&PERSONS) make it a person
    actors = {a.name: a.code for a in analyze("A Kenyan filmmaker was murdered in Nairobi.").actors}
    assert "KENCVL" in actors.values()
    # a noun for a body of people or a thing is no person
    codes = {a.code for a in analyze("A Kenyan company signed the deal.").actors}
    assert "KENCVL" not in codes
    # a nationality before an aid-work role is that country's NGO people
    codes = {a.code for a in analyze("Gunmen kidnapped two Kenyan aid workers.").actors}
    assert "KENNGO" in codes


def test_headline_abbreviations_name_the_right_korea_and_northern_ireland_is_british(analyze):
    codes = {a.name: a.code for a in analyze("N. Korea and S. Korea met twice this week.").actors}
    assert codes.get("North Korea", "").startswith("PRK") and codes.get("South Korea", "").startswith("KOR")
    codes = {a.name: a.code for a in analyze("N Korea crisis talks to resume, S Korea says").actors}
    assert codes.get("North Korea", "").startswith("PRK") and codes.get("South Korea", "").startswith("KOR")
    codes = {a.code for a in analyze("Blair met the parties of Northern Ireland.").actors}
    assert not any(c and c.startswith("IRL") for c in codes)


def test_a_nationality_before_a_role_word_in_the_plural_keeps_the_role(analyze):
    # "leaders" is a role (not a civilian noun): "the Kenyan leaders" are Kenya's government
    codes = {a.code for a in analyze("Museveni held talks with the Kenyan leaders.").actors}
    assert "KENGOV" in codes and "KENCVL" not in codes


def test_a_nationality_standing_alone_as_a_noun_is_its_people(analyze):
    a = analyze("The Sudanese decried the new sanctions on Monday.")
    assert any(x.code == "SDN" and any(m.text == "Sudanese" for m in x.mentions) for x in a.actors)
    # a nationality ending in 's' is no plural of another word
    a = analyze("The Swiss decried the new sanctions on Monday.")
    assert any(x.code == "CHE" for x in a.actors)
    # still an adjective before a noun, and one person with 'a'/'an'
    a = analyze("An American was kidnapped near a Sudanese village.")
    assert any(x.code == "USACVL" for x in a.actors) and not any(x.code == "SDN" for x in a.actors)


def test_an_armed_groups_title_word_before_a_deed_is_the_group(analyze):
    """'a rebel attack', 'a guerrilla ambush': the group that did it, with the story's country."""
    a = analyze("QUITO, Ecuador - A rebel attack on an army post killed three soldiers. "
                "Officials said a guerrilla ambush wounded two policemen.")
    codes = {m.text: x.code for x in a.actors for m in x.mentions}
    assert codes["rebel"] == "ECUREB" and codes["guerrilla"] == "ECUREB"
    assert [(e.trigger.text, e.source.code) for e in a.events if e.plover == "ASSAULT"] == [
        ("killed", "ECUREB"), ("wounded", "ECUREB")]  # the attack and its toll: one happening


def test_an_affiliation_before_a_stacked_title_keeps_its_sector(analyze):
    a = analyze("Guerrilla commander Tomas Ibarra said he would talk. The president said nothing.")
    ibarra = next(x for x in a.actors if x.name == "Tomas Ibarra")
    assert ibarra.code.endswith("REB")
    # "the president" is an office of the story's country (none here), never the guerrilla commander
    president = [x for x in a.actors for m in x.mentions if m.text == "president"]
    assert all(x.name != "Tomas Ibarra" and x.code == "GOV" for x in president)


def test_the_office_a_definite_title_names_takes_the_storys_country(analyze):
    a = analyze("LIMA - Opposition leaders demanded the prime minister's resignation. A minister said nothing.")
    codes = {m.text: x.code for x in a.actors for m in x.mentions}
    assert codes.get("prime minister") == "PERGOV"
    assert "minister" not in codes  # "a minister": no telling which office


def test_a_nationality_before_a_word_for_a_body_of_people_is_that_countrys_organisation(analyze):
    codes = {m.text: x.code for x in analyze("A Norwegian foundation funded a school in Nepal, and a Swiss "
                                              "charity sent doctors.").actors for m in x.mentions}
    assert codes["Norwegian foundation"] == "NORNGO" and codes["Swiss charity"] == "CHENGO"
    codes = {x.code for x in analyze("A Danish group of islands lies to the north.").actors}
    assert "DNKNGO" not in codes  # a group of things is no body of people


def test_a_province_acting_is_its_government_coded_by_its_country(analyze):
    a = analyze("Ontario asked the federal court on Monday to halt the pipeline project.")
    ontario = next(x for x in a.actors if x.name == "Ontario")
    assert ontario.code == "CANGOV" and ontario.kind == "organisation"
    # a province where something happens stays a place
    a = analyze("Floods struck Ontario on Monday.")
    assert not [x for x in a.actors if x.name == "Ontario"]


def test_political_parties_are_coded_with_their_country(analyze):
    a = analyze("Congressional Republicans and the Scottish National Party criticised the plan, as did Likud.")
    codes = {x.name: x.code for x in a.actors}
    assert codes["US Congress"] == "USALEG"
    assert codes["Scottish National Party"] == "GBRPTY" and codes["Likud"] == "ISRPTY"
    # a name inside a longer one is not taken: the federation is no legislature
    a = analyze("The Congress of South African Trade Unions called a strike.")
    assert [x.code for x in a.actors] == ["ZAFLAB"]


def test_a_name_after_the_and_a_double_space_starts_at_its_first_letter(analyze):
    a = analyze("The Mets lost to the  San Diego Padres in  National League action.")
    mentions = [m for x in a.actors for m in x.mentions]
    assert mentions and all(not m.text[0].isspace() and a.text[m.start:m.end] == m.text for m in mentions)


def test_a_states_envoy_to_an_organisation_speaks_for_the_state(analyze):
    codes = {m.text: a.code for a in analyze("Peru's U.N. ambassador criticized Chile on Monday.").actors for m in a.mentions}
    assert codes.get("Peru's U.N. ambassador") == "PERGOV", codes
    codes = {m.text: a.code for a in analyze("The Chilean UN envoy met Peruvian officials.").actors for m in a.mentions}
    assert codes.get("The Chilean UN envoy", codes.get("Chilean UN envoy")) == "CHLGOV", codes
    # the organisation's own envoy stays the organisation's
    codes = {m.text: a.code for a in analyze("The UN envoy met Peruvian officials.").actors for m in a.mentions}
    assert any(c.startswith("IGO") for c in codes.values()), codes


def test_a_royal_title_names_the_holder_the_tagger_missed(analyze):
    a = analyze("BANGKOK - Queen Sirikit has urged all Thais to work with the government.")
    queen = next((x for x in a.actors if any(m.text == "Queen Sirikit" for m in x.mentions)), None)
    assert queen is not None and queen.code == "THAGOV", [(x.name, x.code) for x in a.actors]


def test_gis_are_american_soldiers(analyze):
    codes = {x.code for x in analyze("A roadside bomb injured six GIs near Tikrit on Monday.").actors}
    assert "USAMIL" in codes, codes


def test_a_name_whose_first_word_opens_the_story_in_capitals_is_the_listed_person(analyze):
    # papers set a story's first word in capitals: "JOHN Howard's plea" is John Howard
    a = analyze("JOHN Howard's plea for lower taxes won support on Monday.")
    assert any(x.name == "John Howard" and x.code == "AUSGOV" for x in a.actors)
    # a case-sensitive name still needs its own case otherwise: "us" is no United States
    a = analyze("Some of us went to Canberra on Monday.")
    assert not any(x.code and x.code.startswith("USA") for x in a.actors)


def test_armed_groups_of_the_2000s_and_a_rebel_army_that_became_a_state_army(analyze):
    # the SPLA fought Khartoum until South Sudan's independence in July 2011 and is its army since
    before = analyze("The SPLA attacked a garrison on Monday.", published="2004-06-01")
    after = analyze("The SPLA attacked a garrison on Monday.", published="2016-06-01")
    assert {a.code for a in before.actors} >= {"SDNREBSPL"} and {a.code for a in after.actors} >= {"SSDMILSPL"}
    codes = {a.code for a in analyze("ULFA and Ansar al-Sunna claimed the attacks.").actors}
    assert {"INDREBULF", "IRQREBANS"} <= codes
    # and their leaders: a rebel commander is coded as his movement's side
    assert {a.code for a in analyze("Shamil Basayev claimed the raid.").actors} >= {"RUSREB"}


def test_a_nationality_after_a_dashed_dateline_is_the_persons(analyze):
    # the tagger reads "VILNIUS - Lithuanian" as one organisation's name
    a = analyze("VILNIUS - Lithuanian President Valdas Adamkus said on Monday that the border deal was fair.")
    person = next(x for x in a.actors if x.kind == "person")
    assert person.code == "LTUGOV" and person.mentions[0].text == "Lithuanian President Valdas Adamkus"


def test_an_abbreviation_before_a_hyphen_is_a_name_of_its_own(analyze):
    # the tokenizer splits "U.S.-based" as it splits "US-based", and the actor files' phrases with it
    a = analyze("Kenya will prosecute U.S.-based Acme Mining for polluting a lake.")
    e = next(e for e in a.events if e.plover == "ACCUSE")
    assert e.target.code.startswith("USA")
    a = analyze("Militants attacked U.S.-led forces near Mosul on Monday.")
    assert any(x.code == "USAMIL" and x.mentions[0].text == "U.S.-led forces" for x in a.actors)


def test_a_nationality_coordinated_before_an_international_bodys_role_takes_the_role(analyze):
    actors = {a.name: a.code for a in analyze("Ecuadorean and NATO troops attacked the rebel camp.").actors}
    assert actors.get("Ecuadorean") == "ECUMIL" and actors.get("NATO troops") == "IGOWSTNAT"


def test_actors_a_listed_acronym_is_a_name_whatever_the_tagger_reads(analyze):
    # the tagger reads "USAID" at the head of this sentence as an adverb; a word in capitals in a
    # sentence that is not is a name all the same
    a = analyze("USAID gave aid to Haiti.")
    assert "USAGOV" in by_code(a)
    assert [m.text for m in by_code(a)["USAGOV"].mentions] == ["USAID"]


def test_actors_a_states_envoys_to_an_organisation_named_by_its_pronoun(analyze):
    # "its U.N. diplomats" are the state's, as "Iran's U.N. ambassador" is Iran's
    a = analyze("Venezuela said on Monday that its U.N. diplomats had met Cuban officials twice.")
    envoys = next(x for x in a.actors if any(m.text.endswith("U.N. diplomats") for m in x.mentions))
    assert envoys.code == "VENGOV"
    assert not [x for x in a.actors if x.code and x.code.startswith("IGOUNO")]


def test_a_country_inside_a_longer_place_name_is_no_party(analyze):
    a = analyze("Nigeria has deployed hundreds of troops to the oil-rich Niger Delta.")
    assert not [x for x in a.actors if x.code == "NER"]
    deployed = next(e for e in a.events if e.trigger.text == "deployed")
    assert deployed.target.code == "NGA"
    a = analyze("Gunmen killed a rancher in New Mexico.")
    assert not [x for x in a.actors if (x.code or "").startswith("MEX")]


def test_bulldozers_of_a_nationality_are_its_forces(analyze):
    e = next(e for e in analyze("Israeli bulldozers demolished 15 homes in the Gaza Strip.").events)
    assert e.source.code == "ISRMIL"


def test_a_nationality_inside_a_facilitys_name_still_names_its_country(analyze):
    e = next(e for e in analyze("A truck bomb blew up outside the Australian Embassy in Jakarta.").events)
    assert e.target.code.startswith("AUS")


def test_actors_a_name_does_not_start_with_a_verb_the_tagger_ran_into_it(analyze):
    # the tagger read "slammed Singapore" as one person's name after a title
    analysis = analyze("Malaysia's prime minister slammed Singapore for its water policy.")
    assert any(a.code == "SGP" and [m.text for m in a.mentions] == ["Singapore"] for a in analysis.actors)


def test_actors_opponents_of_a_government_are_its_countrys_opposition(analyze):
    analysis = analyze("Opponents of President Hugo Chavez marched through Caracas on Sunday.")
    assert any(a.code == "VENOPP" for a in analysis.actors)


def test_actors_a_capital_a_rebuke_comes_from_is_its_government(analyze):
    analysis = analyze("The expulsion of the aid workers drew sharp criticism from London.")
    assert any(a.code == "GBRGOV" for a in analysis.actors)


def test_actors_a_region_named_like_a_nationality_is_no_country(analyze):
    # "Latin American" holds "American": the longer name, a region, is no party of the United States
    analysis = analyze("Lima hosted a summit of Latin American leaders on Friday.")
    assert not any((a.code or "").startswith("USA") for a in analysis.actors)


def test_actors_bosnian_serbs_and_the_hague_tribunal(analyze):
    # a Bosnian Serb is Bosnia's (not Serbia's); the Hague tribunal is the UN's war crimes court
    analysis = analyze("Serbia arrested a Bosnian Serb general and handed him over to the Hague tribunal.")
    codes = {a.code for a in analysis.actors}
    assert "IGOUNOJUDWCT" in codes and not any(c.startswith("SRB") and c != "SRBGOV" for c in codes if c)
