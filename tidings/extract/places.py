"""Places: where things happen, as GPE/LOC/FAC entities and the dateline, mapped through the gazetteer.

A place name used as an agent ("Moscow insisted", "Russia said", "Russia's army") names a government,
not a location, so it is left to the actors layer and not listed here: an event coder reading this
layer for "where" should not place Russia's statements in Moscow. Every other use is listed, resolved
where the gazetteer knows the name (coordinates, alpha-3 country) and kept with empty coordinates
where it does not, so the evidence is never lost.

Ambiguous names are settled by the article itself: countries named unambiguously elsewhere in it
favour their own places, then population and kind decide (see ``Gazetteer.resolve``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.model import Analysis, Place

LABELS = frozenset({"GPE", "LOC", "FAC"})
#: prepositions after which a name is a location, not a party: "in Moscow", "near Kyiv". "from" and
#: "to" are left out: "a letter to Washington", "a call from Moscow" address governments.
LOCATIVE_PREPS = frozenset(
    "in at inside outside near across throughout within around into onto over outside towards toward".split()
)
#: grammatical roles in which a place name is a party rather than a setting
AGENT_ROLES = frozenset({"nsubj", "poss", "agent"})
_UNRESOLVED_KIND = {"GPE": "unknown", "LOC": "region", "FAC": "facility"}


def role(token: Token) -> str:
    """The token's dependency role, looking through coordination ("Russia and China said": both nsubj)."""
    seen = 0
    while token.dep_ == "conj" and token.head is not token and seen < 10:
        token = token.head
        seen += 1
    if token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent":
        return "agent"
    return token.dep_


def is_agent(token: Token) -> bool:
    return role(token) in AGENT_ROLES


def is_locative(token: Token) -> bool:
    """True for the object of a locative preposition ("in Moscow"), through coordination."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def extract_places(doc: Doc, analysis: Analysis, knowledge) -> None:
    gazetteer = knowledge.gazetteer
    text = analysis.text
    found: list[tuple[int, int, str, str | None, str]] = []  # start, end, text, qualifier, label
    dateline = analysis.dateline
    if dateline is not None:
        head, _, qualifier = dateline.text.partition(",")
        head = head.strip()
        found.append((dateline.start, dateline.start + len(head), head, qualifier.strip() or None, "GPE"))
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if dateline is not None and start < dateline.end and end > dateline.start:
            continue
        if is_agent(ent.root):
            continue
        if ent[0].lower_ == "the" and len(ent) > 1:
            start = ent[1].idx
        found.append((start, end, text[start:end], None, ent.label_))

    # countries the article names without doubt, which then favour their own places
    context: set[str] = set()
    for _, _, name, qualifier, _ in found:
        countries = {p.country for p in gazetteer.candidates(name)}
        if qualifier:
            countries = {p.country for p in gazetteer.candidates(qualifier) if p.kind == "country"} or countries
        if len(countries) == 1:
            context.update(c for c in countries if c)

    places = []
    for start, end, name, qualifier, label in sorted(found):
        entry = gazetteer.resolve(name, context, within=qualifier)
        if entry is None:
            places.append(Place(start, end, name, name, None, None, None, _UNRESOLVED_KIND[label]))
        else:
            places.append(Place(start, end, name, entry.name, entry.country, entry.lat, entry.lon, entry.kind))
    analysis.places = places
