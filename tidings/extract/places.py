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

from tidings.knowledge.places import CONTEXT_WEIGHT, COUNTRY_NAMED_WEIGHT, score
from tidings.model import Analysis, Place

LABELS = frozenset({"GPE", "LOC", "FAC"})
#: prepositions after which a name is a location, not a party: "in Moscow", "near Kyiv". "from" and
#: "to" are left out: "a letter to Washington", "a call from Moscow" address governments.
LOCATIVE_PREPS = frozenset(
    "in at inside outside near across throughout within around into onto over outside towards toward".split()
)
#: grammatical roles in which a place name is a party rather than a setting
AGENT_ROLES = frozenset({"nsubj", "poss", "agent"})
#: prepositions of place and motion after which a proper noun the tagger missed is taken for a place
#: when the gazetteer knows it: "near Donetsk", "flew to Kiev"
_PLACE_PREPS = LOCATIVE_PREPS | {"to", "from", "via", "between"}
#: nouns a place name qualifies ("the Khan Younis refugee camp", "the Baqouba district")
_SETTLEMENT_NOUNS = frozenset({"camp", "city", "town", "village", "district", "province", "region", "area",
                               "neighborhood", "neighbourhood", "suburb", "slum", "township", "governorate"})
#: verbs whose object is most often a place ("bombed Falluja", "stormed Khan Younis", "visited Jakarta")
_PLACE_VERBS = frozenset({"bomb", "bombard", "shell", "storm", "raid", "besiege", "invade", "occupy", "enter",
                          "pound", "attack", "hit", "strike", "rocket", "surround", "encircle", "capture",
                          "seize", "retake", "overrun", "blockade", "evacuate", "reach", "visit", "tour", "leave",
                          "rock", "shake", "flood", "control", "liberate", "recapture"})
#: nouns of force whose "on" or "against" object is most often a place ("a raid *on Rafah*", "the assault
#: on Najaf")
_ASSAULT_NOUNS = frozenset({"raid", "attack", "assault", "offensive", "strike", "airstrike", "bombardment",
                            "incursion", "siege", "push", "advance", "bombing", "shelling", "crackdown"})
_UNRESOLVED_KIND = {"GPE": "unknown", "LOC": "region", "FAC": "facility"}


def role(token: Token) -> str:
    """The token's dependency role, looking through coordination ("Russia and China said": both nsubj)."""
    seen = 0
    while token.dep_ == "conj" and token.head.i != token.i and seen < 10:
        token = token.head
        seen += 1
    if token.dep_ == "pobj" and token.head.lower_ == "by":
        # "condemned by rights groups and *by Washington*": the 'by' repeated, joined to the first 'by'
        # or to a phrase beside it ("by rights groups as a sham and by Washington as flawed")
        prep = token.head
        if prep.dep_ == "agent" or (prep.dep_ == "conj" and any(
                above.dep_ == "agent" or any(c.dep_ == "agent" for c in above.children)
                for above in list(prep.ancestors)[:3])):
            return "agent"
    return token.dep_


def is_agent(token: Token) -> bool:
    return role(token) in AGENT_ROLES


#: verbs whose object is a place even when it names a capital: "visited Moscow", "shelled Kyiv"
PLACE_OBJECT_VERBS = frozenset(
    "visit leave reach enter tour flee storm capture seize shell bomb strike hit attack besiege surround occupy "
    "evacuate rock shake flood land host cross overrun encircle liberate retake control rule govern move relocate "
    "return approach bypass call name rename".split()
)
#: prepositions after which a capital is a party: "talks with Moscow", "sanctions on Moscow", "pressure against"
PARTY_PREPS = frozenset({"with", "on", "against", "upon"})
#: nouns of what a party says, asks or gives, whose "from" phrase names the party ("criticism *from
#: London*", "pressure from Washington"), not where something came from ("flights from London")
_FROM_PARTY_NOUNS = frozenset({"criticism", "condemnation", "protest", "warning", "call", "demand", "pressure",
                              "support", "backing", "aid", "assistance", "offer", "request", "appeal", "threat",
                              "response", "reaction", "rebuke", "objection", "complaint", "praise", "invitation",
                              "ultimatum", "approval", "opposition", "refusal", "denial", "accusation", "proposal"})


def is_party(token: Token) -> bool:
    """A capital or country standing for its government: an agent or possessor, the object of a verb
    that acts on a party ("accused Moscow", "urged Beijing"), or after with/on/against ("talks with
    Moscow", "sanctions on Tehran"); not the object of a visit, a move or an attack ("visited Moscow")."""
    r = role(token)
    if r in AGENT_ROLES:
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if r in ("dobj", "dative"):
        return token.head.pos_ == "VERB" and token.head.lemma_.lower() not in PLACE_OBJECT_VERBS
    if r == "pobj" and token.head.lower_ in PARTY_PREPS:
        # "sanctions on Moscow", "talks with Moscow"; not "on the outskirts", "a deal with Moscow's blessing"
        return token.head.head.pos_ in ("NOUN", "VERB")
    if r == "pobj" and token.head.lower_ == "from":
        # (the parser may hang the phrase on the verb: "drew *criticism* from London")
        holder = token.head.head
        nouns = [holder] + [c for c in holder.children if c.dep_ in ("dobj", "obj") and c.i < token.i] \
            if holder.pos_ in ("VERB", "AUX") else [holder]
        return any(n.lemma_.lower() in _FROM_PARTY_NOUNS for n in nouns)
    return False


def is_locative(token: Token) -> bool:
    """True for the object of a locative preposition ("in Moscow"), through coordination."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def meeting_place(doc: Doc, start: int, end: int, words: set[str]) -> bool:
    """Whether the place at ``start``-``end`` is where a meeting is held: the object of a locative
    preposition on a word of meeting ("met in Oslo", "talks in Geneva") or on a verb whose object or
    subject is one ("held talks in Geneva", "the talks were held in Geneva"), or a name before one
    ("the Geneva talks")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("compound", "nmod", "amod"):
        return meeting_word(root.head, words)
    if not is_locative(root):
        return False
    host = root.head.head
    return meeting_word(host, words) or (host.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "nsubjpass", "nsubj") and meeting_word(c, words) for c in host.children))


def meeting_word(word: Token, words: set[str]) -> bool:
    """A word of parties meeting (the context files' ``venue`` rows): "talks", "summit", "met"."""
    return word.lemma_.lower() in words or word.lower_ in words


def extract_places(doc: Doc, analysis: Analysis, knowledge) -> None:
    gazetteer = knowledge.gazetteer
    actors = knowledge.actors
    text = analysis.text
    found: list[tuple[int, int, str, str | None, str]] = []  # start, end, text, qualifier, label
    dateline = analysis.dateline
    if dateline is not None:
        head, _, qualifier = dateline.text.partition(",")
        head = head.strip()
        found.append((dateline.start, dateline.start + len(head), head, qualifier.strip() or None, "GPE"))
    surnames = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if dateline is not None and start < dateline.end and end > dateline.start:
            continue
        if analysis.credit is not None and start < analysis.credit.end and end > analysis.credit.start:
            continue  # "Canadian Press - ": the wire, not a place
        if is_agent(ent.root):
            continue
        if len(ent) == 1 and ent.text in surnames:
            continue  # "Ostrowska said" after "Maria Ostrowska": the tagger's slip, a person
        if _not_a_place(ent, actors):
            continue
        if ent[0].lower_ == "the" and len(ent) > 1:
            start = ent[1].idx
        found.append((start, end, text[start:end], None, ent.label_))

    found.extend(_untagged(doc, gazetteer, found, getattr(actors, "person_surnames", frozenset()),
                           lambda name: actors.lookup(name) is not None))
    national = _national_settlements(doc, actors, gazetteer, found)
    # countries the article names without doubt, which then favour their own places
    context: dict[str, float] = {}
    for _, _, name, qualifier, _ in found:
        candidates = gazetteer.candidates(name)
        countries = {p.country for p in candidates}
        if qualifier:
            countries = {p.country for p in gazetteer.candidates(qualifier) if p.kind == "country"} or countries
        if len(countries) == 1 and None not in countries:
            # a state or province places the story inside the country; the country's name, or its
            # capital (even one that names a province too: "Berlin"), is named in world news all the
            # time and says much less
            weight = CONTEXT_WEIGHT if candidates and all(p.kind == "region" for p in candidates) else COUNTRY_NAMED_WEIGHT
            (country,) = countries
            context[country] = max(context.get(country, 0.0), weight)

    places = []
    for start, end, name, qualifier, label in sorted(found):
        entry = gazetteer.resolve(name, context, within=qualifier) or _country_named(name, actors, gazetteer)
        town = _named_after_town(name, gazetteer, context) if entry is None and label == "FAC" else None
        if town is not None:
            # "Baghdad International Airport": a facility the gazetteer lacks lies where its town is
            places.append(Place(start, end, name, name, town.country, town.lat, town.lon, "facility"))
        elif entry is None:
            places.append(Place(start, end, name, name, None, None, None, _UNRESOLVED_KIND[label]))
        else:
            places.append(Place(start, end, name, entry.name, entry.country, entry.lat, entry.lon, entry.kind))
        if entry is None and qualifier and dateline is not None:
            # a town the gazetteer lacks ("KINDERSLEY, Sask.", "GUANTANAMO BAY, Cuba"): its region or
            # country still says where the story is
            outer = _qualifier_place(text, dateline, qualifier, gazetteer)
            if outer is not None:
                places.append(outer)
    places.extend(national)
    analysis.places = sorted(places, key=lambda p: (p.start, p.end))


def _country_named(name: str, actors, gazetteer):
    """The country a name the gazetteer lacks stands for, by the actor files' country rows: "Democratic
    Republic of Congo", "East Timor", "N. Korea" are spellings GeoNames does not list."""
    entry = actors.lookup(name) if actors is not None else None
    if entry is None or entry.type != "country" or not entry.code:
        return None
    return gazetteer.countries.get(entry.code[:3])


#: words for a settlement or a division a nationality can place ("near *the Iraqi city*", "attacked an
#: *Israeli town*", "in the *Afghan capital*"): the nouns a name qualifies, and a few more
_NATIONAL_SETTLEMENTS = _SETTLEMENT_NOUNS | {"capital", "port", "state"}
#: those of them that name a division rather than a town
_DIVISION_NOUNS = frozenset({"province", "region", "district", "governorate", "state", "area"})


def _national_settlements(doc: Doc, actors, gazetteer, found) -> list[Place]:
    """A settlement named by its nationality alone, where it is a setting: after a preposition of place
    or as the object of a verb whose object is a place ("clashed near *the Iraqi city*", "fired on *an
    Israeli town*"). Listed with that country and no coordinates: it says which country the story is
    in, though not where in it."""
    taken = [(s, e) for s, e, *_ in found]
    out = []
    for tok in doc:
        if tok.lower_ not in _NATIONAL_SETTLEMENTS or tok.pos_ != "NOUN":
            continue
        kind = "region" if tok.lower_ in _DIVISION_NOUNS else "city"
        setting = tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS or \
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PLACE_VERBS
        nationality = next((c for c in tok.children if c.dep_ == "amod" and c.i == tok.i - 1), None)
        if not setting or nationality is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            continue  # ("the Iraqi city *of Tikrit*" names the city itself)
        entry = actors.lookup(nationality.text)
        if entry is None or entry.type != "demonym" or not entry.country:
            continue
        start, end = nationality.idx, tok.idx + len(tok.text)
        if any(s < end and e > start for s, e in taken):
            continue
        text = doc.text[start:end]
        capital = gazetteer.capital(entry.country) if tok.lower_ == "capital" else None
        if capital is not None:  # "the Ethiopian capital" is Addis Ababa
            out.append(Place(start, end, text, capital.name, capital.country, capital.lat, capital.lon, capital.kind))
        else:
            out.append(Place(start, end, text, text, entry.country, None, None, kind))
    return out


def _named_after_town(name: str, gazetteer, context):
    """The city a facility's name begins with ("*Baghdad* International Airport", "*Kabul* University"),
    or None: only a city the gazetteer knows, from the name's first one or two words."""
    words = name.removeprefix("the ").split()
    for n in (2, 1):
        if len(words) > n:
            entry = gazetteer.resolve(" ".join(words[:n]), context)
            if entry is not None and entry.kind == "city":
                return entry
    return None


def _qualifier_place(text: str, dateline, qualifier: str, gazetteer) -> Place | None:
    candidates = gazetteer.qualifier_candidates(qualifier)
    if not candidates:
        return None
    entry = max(candidates, key=lambda p: score(p, {}))
    start = text.find(qualifier, dateline.start, dateline.end)
    if start < 0:
        return None
    end = start + len(qualifier)
    return Place(start, end, qualifier, entry.name, entry.country, entry.lat, entry.lon, entry.kind)


#: calendar words the small tagger sometimes labels GPE ("in March" next to place names)
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
#: actor types that are never places, however the tagger labels them ("the African Union", "Kyrgyz")
_NOT_PLACE_TYPES = frozenset({"igo", "organisation", "demonym", "title", "group", "person"})


def _not_a_place(ent, actors) -> bool:
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) == 1 and words[0].lower_ in _CALENDAR:
        return True
    entry = actors.lookup(" ".join(t.text for t in words)) if words else None
    return entry is not None and entry.type in _NOT_PLACE_TYPES


#: a city this large, named alone after "in", "at" or "near", is the city even when the tagger calls
#: the name an organisation ("raided houses *in Herat*")
_LARGE_CITY = 100_000


def _untagged(doc: Doc, gazetteer, found, known_people: frozenset[str] = frozenset(),
              is_actor=lambda name: False) -> list[tuple[int, int, str, str | None, str]]:
    """Known place names after a preposition of place that the small tagger left out (or mistook for
    a one-word person): only those the gazetteer resolves, so nothing unknown is guessed. A verb's
    object that is the surname of someone the actor dictionary knows ("Kerry attacked *Bush*") is
    that person, not a town of the name; a name the actor dictionary lists is that actor."""
    taken = {(s, e) for s, e, *_ in found}
    text = doc.text  # built anew on each access: once here, not once per name
    full_names = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1]
    surnames = {t.text for ent in full_names for t in ent}
    name_at = {i: ent for ent in full_names for i in range(ent.start, ent.end)}  # one pass: texts run long
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN":
            continue
        # the object of a verb ("US jets bombed *Falluja*", "troops stormed *Khan Younis*") only when it
        # is a city or region the gazetteer knows and no one in the text bears that name
        person = name_at.get(tok.i)
        # (a name borne by someone else in the text: not the one this token may be part of)
        borne = (tok.text in surnames and not (person is not None and any(t.text == tok.text for t in person))) \
            or tok.text in known_people
        qualifies = tok.dep_ == "compound" and tok.head.lemma_.lower() in _SETTLEMENT_NOUNS
        holder = tok.head if qualifies else tok  # "stormed *Khan Younis* refugee camp", "in the Baqouba district"
        as_object = (holder.dep_ == "dobj" and holder.head.lemma_.lower() in _PLACE_VERBS
                     or qualifies and holder.dep_ == "pobj" and holder.head.lower_ in _PLACE_PREPS
                     or holder.dep_ == "pobj" and holder.head.lower_ in ("on", "against", "into")
                     and holder.head.head.lemma_.lower() in _ASSAULT_NOUNS) and not borne
        # "the besieged city *of Tal Afar*": a settlement's own name, whatever the tagger made of it
        named_settlement = tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.lower() in _SETTLEMENT_NOUNS and tok.head.head.i < tok.i
        as_object = as_object or named_settlement
        if not as_object and (tok.dep_ != "pobj" or tok.head.lower_ not in _PLACE_PREPS):
            continue
        if tok.ent_type_ in LABELS or tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in _CALENDAR:
            continue
        alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or doc[tok.i + 1].ent_iob_ != "I")
        located = alone and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and not is_actor(tok.text) \
            and any(c.kind == "city" and c.population >= _LARGE_CITY for c in gazetteer.candidates(tok.text))
        if tok.ent_type_ == "ORG" and not (as_object and alone) and not named_settlement and not located:
            continue  # an organisation; but "US jets bomb *Falluja*" is a town the tagger took for one
        if person is not None and not (as_object and person.end - 1 == tok.i and any(
                c.kind in ("city", "region") for c in gazetteer.candidates(person.text))):
            continue  # a full name; but "stormed *Khan Younis*" is the town the tagger took for a person
        first = tok
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN" \
                and doc[first.i - 1].head.i == tok.i:
            first = doc[first.i - 1]
        start, end = first.idx, tok.idx + len(tok.text)
        name = text[start:end]
        candidates = gazetteer.candidates(name)
        if as_object and not any(c.kind in ("city", "region") for c in candidates):
            continue
        if (start, end) not in taken and candidates:
            out.append((start, end, name, None, "GPE"))
    return out
