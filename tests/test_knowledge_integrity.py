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


def test_knowledge_no_builtin_pattern_row_silently_replaces_another():
    """Two rows with the same lemma, words (alternatives in any order) and form:/source: flags: the
    loader keeps the last one only, so within the built-in files a second one is a slip (a user's
    later file may replace on purpose)."""
    from tidings.knowledge.event_patterns import KINDS, row_key
    from tidings.knowledge.files import files_of_kind, read_rows

    for kind in KINDS:
        for path in files_of_kind(kind, ()):
            seen: dict[tuple, int] = {}
            for lineno, cols in read_rows(path, kind, 2, 7):
                if cols[0].startswith(("&", "@")):
                    continue
                cols = cols + [""] * (6 - len(cols))
                words = [] if cols[1] in ("", "-") else cols[1].lower().split()
                flags = [f.strip().lower() for f in cols[5].split(",")]
                forms = [a for f in flags if f.startswith("form:") for a in f[5:].split("|")]
                groups = [a for f in flags if f.startswith("source:") for a in f[7:].split("|")]
                key = row_key(kind, cols[0].lower(), words, forms, groups)
                assert key not in seen, f"{path.name}:{lineno} repeats line {seen[key]}"
                seen[key] = lineno


def test_knowledge_people_words_hold_no_pronoun_or_determiner():
    # WordNet's "WHO" (the World Health Organization) and "the few" are nouns there, pronouns and
    # determiners in news: "jostling over *who* will succeed him" names no party
    from tidings.knowledge.derive_people import FUNCTION_WORDS

    words = set()
    for _, cols in read_rows(DATA_DIR / "nouns" / "people.tsv", "nouns", 2, 7):
        if cols[0] in ("&PEOPLE", "&PERSONS"):
            words |= set(cols[1].split("|"))
    assert words and not words & FUNCTION_WORDS
