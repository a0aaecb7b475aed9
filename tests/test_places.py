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
