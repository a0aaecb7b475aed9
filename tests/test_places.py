"""Places: entities and the dateline through the gazetteer. Sentences written for these tests."""
from __future__ import annotations

import pytest


def test_dateline_with_country_qualifier(analyze):
    a = analyze("KYIV, Ukraine - Officials met on Tuesday to discuss the grain deal.")
    first = a.places[0]
    assert (first.text, first.name, first.country, first.kind) == ("KYIV", "Kyiv", "UKR", "city")
    assert first.lat == pytest.approx(50.45, abs=0.1)
    assert a.text[first.start:first.end] == "KYIV"


def test_entities_resolve_with_offsets(analyze):
    a = analyze("Fighting continued near Donetsk and in Crimea, while talks opened in Geneva.")
    by_text = {p.text: p for p in a.places}
    assert by_text["Donetsk"].country == "UKR"
    assert by_text["Crimea"].kind == "region"
    assert by_text["Geneva"].country == "CHE"
    for p in a.places:
        assert a.text[p.start:p.end] == p.text


def test_alias_resolves_to_canonical_name(analyze):
    a = analyze("The delegation flew to Kiev after a stop in Warsaw.")
    kiev = next(p for p in a.places if p.text == "Kiev")
    assert (kiev.name, kiev.country) == ("Kyiv", "UKR")


def test_capital_as_agent_is_an_actor_not_a_place(analyze):
    a = analyze("Moscow insisted on Friday that its troops would stay in Belarus.")
    assert [p.text for p in a.places] == ["Belarus"]
    assert any(m.text == "Moscow" for x in a.actors for m in x.mentions)


def test_country_context_picks_the_namesake(analyze):
    a = analyze("Storms hit Alabama on Monday. Roads were closed in Birmingham and across the United States.")
    bham = next(p for p in a.places if p.text == "Birmingham")
    assert bham.country == "USA"


def test_article_without_context_prefers_the_larger_place(analyze):
    a = analyze("Crowds gathered in Birmingham on Saturday.")
    assert a.places[0].country == "GBR"


def test_unknown_place_is_kept_without_coordinates(analyze):
    a = analyze("Residents of Qwxzville fled into the hills on Sunday.")
    unknown = [p for p in a.places if p.text == "Qwxzville"]
    for p in unknown:  # only if the tagger calls it a place at all
        assert (p.country, p.lat, p.lon) == (None, None, None)


def test_places_world_news_naming_a_country_does_not_move_a_famous_city(analyze):
    a = analyze("The US and Russia held talks in Geneva on Monday. Washington said the talks in Geneva were useful.")
    geneva = [p for p in a.places if p.text == "Geneva"]
    assert geneva and all(p.country == "CHE" for p in geneva)


def test_places_organisations_demonyms_and_months_are_not_places(analyze):
    a = analyze("Envoys of the African Union met Kyrgyz officials in Nairobi in March, and again in May.")
    assert [p.text for p in a.places] == ["Nairobi"]


# -- first-level divisions (provinces, states, governorates) and upper-case datelines -------------
def test_places_provinces_resolve_with_their_country_and_a_point(analyze):
    a = analyze("Farmers in Saskatchewan and Manitoba lost much of their wheat to an early frost.")
    by_text = {p.text: p for p in a.places}
    for name in ("Saskatchewan", "Manitoba"):
        assert (by_text[name].country, by_text[name].kind) == ("CAN", "region")
        assert by_text[name].lat is not None and by_text[name].lon is not None


@pytest.mark.parametrize("opener", ["BASRA, Iraq - ", "BASRA - "])
def test_places_upper_case_dateline_resolves_like_its_normal_spelling(analyze, opener):
    a = analyze(opener + "Gunmen attacked a police station on Sunday, officials said.")
    first = a.places[0]
    assert (first.text, first.name, first.country) == ("BASRA", "Basra", "IRQ")
    assert first.lat == pytest.approx(30.5, abs=0.3) and first.lon == pytest.approx(47.8, abs=0.3)


def test_places_division_known_without_coordinates_keeps_its_country(analyze):
    # ISO 3166-2 names Bavaria "Bayern"; GeoNames, which gives the points, calls it Bavaria
    a = analyze("Police arrested dozens of protesters in Bayern on Monday.")
    bayern = next(p for p in a.places if p.text == "Bayern")
    assert (bayern.country, bayern.lat, bayern.lon) == ("DEU", None, None)
    assert any(e.place is not None and (e.place.name, e.place.country) == ("Bayern", "DEU") for e in a.events)


def test_places_without_coordinates_are_stored_listed_and_filterable(analyze, tmp_path):
    from tidings.model import Article
    from tidings.store import Store

    text = "Police arrested dozens of protesters in Bayern on Monday."
    a = analyze(text, id="bayern-1")
    with Store.open(tmp_path / "t.db") as store:
        with store.batch("v1") as tx:
            tx.add_article(Article(id="bayern-1", text=text, published="2022-01-11"), a, "h-bayern-1")
        rows = [r for r in store.queries.places() if r.name == "Bayern"]
        assert [(r.country, r.lat, r.lon) for r in rows] == [("DEU", None, None)]
        assert [e.place_country for e in store.queries.events(place="Bayern")] == ["DEU"]


def test_gazetteer_apostrophes_and_transliteration_marks_do_not_distinguish_names(pipeline):
    gazetteer = pipeline.knowledge.gazetteer
    assert gazetteer.resolve("Samarra").country == "IRQ"  # GeoNames writes "Sāmarrā’"
    assert gazetteer.resolve("Sana'a").name == gazetteer.resolve("Sanaa").name


def test_gazetteer_divisions_file_matches_its_sources():
    """data/divisions/admin1.tsv is generated: regenerating it from the pinned sources changes nothing."""
    from tidings.knowledge import derive_divisions as dd

    rows = dd.derive(dd.geocode_path())
    expected = dd.HEADER + "".join(d.row(p) + "\n" for p, d in rows)
    assert dd.DERIVED_PATH.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("opener, name, country", [
    ("KINDERSLEY, Sask. - ", "Saskatchewan", "CAN"), ("NAVAL STATION ROTA, Spain - ", "Spain", "ESP"),
    ("SMALLVILLE, N.J. - ", "New Jersey", "USA"),
])
def test_places_dateline_town_unknown_is_placed_by_its_qualifier(analyze, opener, name, country):
    a = analyze(opener + "Farmers met officials on Tuesday to discuss the harvest.")
    inside = [p for p in a.places if a.dateline.start <= p.start < a.dateline.end and p.country]
    assert [(p.name, p.country) for p in inside] == [(name, country)]


def test_wire_news_spellings_of_conflict_towns_are_placed(analyze):
    a = analyze("US troops moved toward Falluja and Tal Afar on Sunday.")
    assert {p.country for p in a.places if p.name in ("Fallujah", "Tal Afar")} == {"IRQ"}


def test_a_town_the_tagger_took_for_a_person_is_a_place_when_attacked(analyze):
    # the object of a verb that takes places ("stormed", "bombed"), or a name qualifying "camp", is
    # a place when the gazetteer knows it as a town; no one else in the text bears the name
    a = analyze("Kenyan troops stormed Khan Younis refugee camp on Monday.")
    assert any(p.name == "Khan Yunis" and p.country == "PSE" for p in a.places)
    e = next(e for e in a.events if e.plover == "ASSAULT")
    assert e.target.code == "PSE"
    a = analyze("Kenyan jets bombed Falluja on Monday.")
    assert any(p.country == "IRQ" for p in a.places)
    a = analyze("Police arrested Jackson on Monday.")  # a person arrested, not the town in Mississippi
    assert not a.places


def test_a_town_bombed_in_a_headline_is_a_place_and_no_name_runs_over_the_blank_line(analyze):
    """The tagger reads "Falluja" ending a headline as an organisation running on over the blank line."""
    a = analyze("US jets bomb Falluja\n\nResidents said three houses were hit.", title="US jets bomb Falluja")
    falluja = [p for p in a.places if p.text == "Falluja"]
    assert falluja and falluja[0].country == "IRQ" and falluja[0].start == 13
    assert not any("\n" in m.text for x in a.actors for m in x.mentions)
    assert not any("\n" in p.text for p in a.places)


def test_a_settlement_named_by_its_nationality_places_the_story_in_that_country(analyze):
    a = analyze("Insurgents and Danish troops clashed on Monday near the Iraqi town.")
    town = next(p for p in a.places if p.text == "Iraqi town")
    assert (town.country, town.lat, town.kind) == ("IRQ", None, "city")
    assert a.text[town.start:town.end] == "Iraqi town"
    # the stateless insurgents take the country the story is in, not that of the troops
    fight = next(e for e in a.events if e.plover == "ASSAULT")
    assert fight.source.code == "IRQREB"
    # "the Iraqi city of Mosul" names the city itself
    a = analyze("Gunmen opened fire in the Iraqi city of Mosul.")
    assert [p.text for p in a.places] == ["Mosul"]


def test_a_facility_the_gazetteer_lacks_lies_where_the_town_it_is_named_after_is(analyze):
    a = analyze("Mortar rounds landed on Sunday near Kandahar International Airport, officials said.")
    airport = next(p for p in a.places if p.text == "Kandahar International Airport")
    assert (airport.country, airport.kind) == ("AFG", "facility") and airport.lat is not None


def test_a_capital_named_by_its_nationality_is_that_capital(analyze):
    a = analyze("Fighting broke out in the Kenyan capital on Monday.")
    capital = next(p for p in a.places if p.text == "Kenyan capital")
    assert (capital.name, capital.country) == ("Nairobi", "KEN") and capital.lat is not None


def test_the_name_after_city_of_is_a_place_whatever_the_tagger_made_of_it(analyze):
    # the small tagger reads "Tal Afar" as an organisation; "the town of X" names a settlement
    a = analyze("Aid convoys reached the town of Tal Afar on Monday.")
    assert [(p.text, p.country) for p in a.places] == [("Tal Afar", "IRQ")]
    assert not [x for x in a.actors if x.name == "Tal Afar"]


def test_a_large_city_after_in_is_the_city_though_tagged_an_organisation(analyze):
    a = analyze("Afghan forces raided houses in Herat on Sunday.")
    assert [(p.text, p.country) for p in a.places] == [("Herat", "AFG")]
    # a company after "in" stays a company, and no place is guessed for it
    a = analyze("He has worked in Microsoft for ten years.")
    assert not a.places


def test_a_country_spelled_as_the_actor_files_spell_it_is_that_country(analyze):
    # GeoNames lists "Democratic Republic of the Congo" and "Timor Leste"; news writes them otherwise
    a = analyze("Aid convoys reached villages in Democratic Republic of Congo and in East Timor on Monday.")
    by_text = {p.text: p for p in a.places}
    assert by_text["Democratic Republic of Congo"].country == "COD"
    assert by_text["East Timor"].country == "TLS" and by_text["East Timor"].kind == "country"


def test_a_town_after_a_raid_on_is_a_place_whatever_the_tagger_made_of_it(analyze):
    # the small tagger reads "Rafah" as a person; after "a raid on" a city the gazetteer knows is a place
    analysis = analyze("The Israeli raid on Rafah killed 12 Palestinians.")
    assert any(p.country == "PSE" and analysis.text[p.start:p.end] == "Rafah" for p in analysis.places)
    assert not any(a.kind == "person" and a.name == "Rafah" for a in analysis.actors)
