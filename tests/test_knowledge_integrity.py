"""Generated knowledge files agree with the hand-written ones they were generated from."""
from tidings.knowledge.files import DATA_DIR, read_rows

ACTORS = DATA_DIR / "actors"
PERSON_WORDS = ("man", "woman", "boy", "girl")


def test_knowledge_nationals_cover_every_demonym_with_its_country():
    # "Saudi-led", "Israeli-occupied" describe coalitions and land, not people: no "Saudi-led man"
    demonyms = {cols[0]: cols[1] for _, cols in read_rows(ACTORS / "countries.tsv", "actors", 3, 5)
                if cols[2] == "demonym" and cols[1] != "-" and "-" not in cols[0]}
    nationals = {cols[0]: cols[1] for _, cols in read_rows(ACTORS / "nationals.tsv", "actors", 3, 5)}
    expected = {f"{d} {w}": code[:3] + "CVL" for d, code in demonyms.items() for w in PERSON_WORDS}
    missing = sorted(set(expected) - set(nationals))
    wrong = sorted(k for k in expected.keys() & nationals.keys() if nationals[k] != expected[k])
    extra = sorted(set(nationals) - set(expected))
    assert not missing and not wrong and not extra, (missing[:5], wrong[:5], extra[:5])
