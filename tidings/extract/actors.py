"""Actors: the parties in the news, coded CAMEO-style, with every mention.

Mentions come from the actor dictionary (one PhraseMatcher, built once per vocabulary) and from
spaCy's PERSON and ORG entities (NORP entities the dictionary lacks serve as an uncoded nationality).
Neighbouring mentions combine into one actor, left to right::

    [prefix] ['s] [adjectives] [title | group] [person name]

    Kremlin spokesman Dmitry Peskov      -> person "Dmitry Peskov", RUSGOV (an organisation lends its code)
    Russia's foreign minister            -> RUSGOV (a country lends its country, the title its sector)
    Ukrainian protesters                 -> UKRCVL, a group
    President Joe Biden                  -> person, USAGOV (a listed person keeps the dictionary code)

Coding decisions (CAMEO conventions where they exist):

* A country name is coded by the bare country (``RUS``) - the state as a whole - except as the
  subject of a verb ("Russia denied ..."), where it is the government acting (``RUSGOV``), as CAMEO
  coders read it. After a locative preposition ("in Russia") it is a place, not an actor.
* A capital is an actor only as an agent or possessor ("Moscow insisted", "Moscow's envoy"), as the
  object of a verb acting on a party ("accused Moscow") or after with/on/against ("talks with
  Moscow"), and then stands for the government (``RUSGOV``); otherwise ("visited Moscow", "in
  Moscow") it is a place and left to the places layer.
* Roles without a country are coded by sector alone (``COP`` for "police"), as CAMEO does; a lone
  title ("the president said") is too vague to be an actor and is skipped.
* Persons with no known affiliation get code ``None``.
* A former office-holder ("the former French prime minister", "ex-President X") is an elite of the
  country, ``FRAELI``: CAMEO codes former officials ``ELI``.
* A country before a role is also the country of bare roles coordinated with it: "Russian troops
  and police" -> RUSMIL and RUSCOP.

Merging: actors with the same code are one actor (the Kremlin and Moscow-as-agent are both the
Russian government); persons merge by name, and a later surname ("Peskov", "Mr Peskov") joins the
person already named. An unnamed office-holder ("the Russian foreign minister") is kept apart from
its institution. News-agency credits ("GENEVA (Reuters) -", "AP -") and the dateline are not mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from tidings.extract.actor_context import read_context
from tidings.extract.context_plan import Evidence, Plan
from tidings.extract.places import is_locative, is_party, role as grammatical_role
from tidings.knowledge.actors import ARMED_SECTORS, SECTORS, ActorEntry
from tidings.headline import acronym as is_acronym, written_in_capitals
from tidings.model import Actor, Analysis, Inference, Span
from tidings.nlp import HEADLINE_KEY
from tidings.parsing import compact_spaces

#: the code of non-governmental organisations, a country's when a nationality stands before it
NGO = "NGO"

HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame", "lord"})
#: words that may stand between a prefix and a role without breaking it: "Russia's", "Russian elite troops"
_GLUE = frozenset({"'s", "\u2019s", "'"})
_MAX_ADJECTIVES = 2  # modifiers
#: a credit ("(Reuters) -", "AP -") sits within this many tokens of a paragraph's start
_CREDIT_WINDOW = 8
_DASHES = frozenset({"-", "--", "\u2013", "\u2014", ":"})
_NOT_NAMES = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "ADJ", "SCONJ", "CCONJ"})
_PLACE_TYPES = frozenset({"country", "capital", "demonym"})
_PREFIX_TYPES = frozenset({"country", "demonym", "capital", "organisation", "igo", "actor", "NORP", "region"})
#: words that make an office-holder a past one: "former", "ex-" ("ex-president"), "onetime"
_FORMER = frozenset({"former", "onetime", "one-time"})
#: CAMEO codes a former office-holder as an elite, whatever the office was
ELITE = "ELI"


@dataclass
class _Unit:
    """A stretch of tokens that names something: a dictionary match or an entity."""

    start: int  # token indices
    end: int
    type: str  # a dictionary type, or PERSON / ORG / NORP for entities the dictionary lacks
    entry: ActorEntry | None = None


@dataclass
class _Draft:
    key: tuple
    code: str | None
    name: str
    kind: str
    mentions: list[Span]
    extra: tuple[str, ...] = ()  # further codes (a row with several codes, ``ELR/GAL``)
    inferred: list[Inference] = field(default_factory=list)


def extract_actors(doc: Doc, analysis: Analysis, knowledge) -> None:
    dictionary = knowledge.actors
    units = _units(doc, dictionary, analysis.published)
    # an entity the places layer took for a place ("flew to Kiev", tagged PERSON) is not a party
    places = {(p.start, p.end): p for p in analysis.places}
    units = _places_before_roles(doc, units, places, knowledge.gazetteer)
    units = [
        u for u in units
        if not _ignored(doc, u, analysis)
        and not (u.entry is None and (doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)) in places)
        and not _inside_place_name(doc, u, analysis.places)
    ]
    book = _Book(analysis.text, dictionary.countries, getattr(dictionary, "sectors", SECTORS),
                 knowledge.event_patterns.sets.get("&PERSONS", frozenset()), dictionary.lookup)
    i = 0
    while i < len(units):
        i = _read_chain(doc, units, i, book)
    if getattr(dictionary, "context", True):
        # what the article around them says: descriptions, pronouns, the country of bare roles
        drafts = book.ordered()
        plan = read_context(doc, analysis, book.actors(), knowledge, _named_countries(doc, units, analysis.text))
        book.apply(plan, drafts)
        analysis.venues = plan.venues
    analysis.actors = book.actors()


#: grammatical roles in which a named country is the story's own rather than a counterpart
_OWN_ROLES = frozenset({"nsubj", "nsubjpass", "agent", "poss", "amod", "compound", "nmod"})
#: unit types whose country counts as the article naming that country
_NAMING_TYPES = frozenset({"country", "demonym", "capital", "organisation", "actor"})


def _named_countries(doc: Doc, units: list[_Unit], text: str) -> list[Evidence]:
    """Where the article names a country: its name, a nationality, a capital or a national
    institution ("the Kremlin"), in text order."""
    out = []
    for u in units:
        if u.entry is None or u.type not in _NAMING_TYPES or u.entry.country is None or u.entry.sector == "MED":
            continue  # a news agency's country ("AFP") is not the story's
        start, end = doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text)
        root = doc[u.start:u.end].root
        # a nationality, a possessor or an agent is the story's own country; a country as the object
        # of a verb or preposition ("visited Russia", "aid to Uganda") is a counterpart
        own = u.type == "demonym" or grammatical_role(root) in _OWN_ROLES or is_locative(root) \
            or (root.dep_ == "pobj" and root.head.lower_ == "of")  # "the capital of the Maldives"
        if _of_a_counterpart(root):
            own = False  # "met *his Chinese* counterpart": by definition not the story's own country
        out.append(Evidence(start, end, u.entry.country, text[start:end], "name" if own else "counterpart"))
    return out


def _of_a_counterpart(word: Token) -> bool:
    """A country that says whose a counterpart is: "his *Chinese* counterpart", "*Iran's*
    counterpart", "his counterpart from *Peru*"."""
    head = word.head.head if word.dep_ == "pobj" and word.head.lower_ in ("from", "of", "in") else word.head
    return head.i != word.i and head.lemma_.lower() in ("counterpart", "counterparts") \
        and word.dep_ in ("amod", "compound", "poss", "nmod", "pobj")


def _places_before_roles(doc: Doc, units: list["_Unit"], places: dict, gazetteer) -> list["_Unit"]:
    """A place that no actor dictionary knows, standing before a role as a country would, lends the
    role its country: "Chechnya's police" (RUSCOP), "Darfur's governor" (SDNGOV), "the governor of
    Darfur", "Basra police"; so does a province or state as a verb's subject ("Michigan asked"). The
    gazetteer says whose the place is; a place anywhere else stays a place, never a party."""
    out = list(units)
    for k, u in enumerate(units):
        if u.entry is not None or u.type != "GPE":
            continue
        before = units[k - 1] if k > 0 else None
        after = units[k + 1] if k + 1 < len(units) else None
        lends = (after is not None and after.type in ("title", "group")
                 and _joined(doc, u, after, allow_adjectives=True)) \
            or (before is not None and before.type in ("title", "group") and _of_between(doc, before, u))
        # a province or state acting ("*Michigan* asked the court", "*Punjab* banned"): its government,
        # which codes as its country, as a country's name codes as its government
        acting = not lends and grammatical_role(doc[u.start:u.end].root) == "nsubj"
        if not lends and not acting:
            continue
        place = places.get((doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1].text))) \
            or gazetteer.resolve(doc[u.start:u.end].text)  # a possessor is no located place
        if acting and (place is None or place.kind != "region"):
            continue
        if place is not None and place.country is not None and place.kind != "continent":
            entry = ActorEntry(pattern=doc[u.start:u.end].text, code=place.country, type="region", name=place.name,
                               country=place.country, sector=None, case_sensitive=True,
                               source=f"places: {place.name}")
            out[k] = _Unit(u.start, u.end, "region", entry)
    return out


# ---- finding units ---------------------------------------------------------------------------

def _matches_across_spaces(matcher, doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token spans of the dictionary's phrases. Wire copy is full of double spaces ("an
    African  Union force"), which the tokenizer keeps as tokens of their own that no phrase holds: the
    matcher reads the words without them (a line break still parts them) and the spans are mapped back."""
    found = compact_spaces(doc)
    if found is None:
        return [(s, e) for _, s, e in matcher(doc)]
    compact, kept = found
    return [(kept[s], kept[e - 1] + 1) for _, s, e in matcher(compact)]


def _units(doc: Doc, dictionary, published: str | None = None) -> list[_Unit]:
    matcher = dictionary.matcher(doc.vocab)
    spans = []
    for s, e in _matches_across_spaces(matcher, doc):
        # the words as written, any run of spaces as one ("Yasser  Arafat"), none where the text has
        # none ("Guinea-Bissau", not "Guinea - Bissau")
        words = [t for t in doc[s:e] if not t.is_space]
        text = "".join(t.text + (" " if k < len(words) - 1 and (t.whitespace_ or doc[t.i + 1].is_space) else "")
                       for k, t in enumerate(words))
        entry = dictionary.lookup(text)
        if entry is None and text.isupper() and written_in_capitals(doc[s].sent):
            # an all-capitals headline ("RUSSIA WARNS NATO"): its words in their usual case
            entry = dictionary.lookup(text.title())
        if entry is None:
            if e - s > 1 and dictionary.names_no_party(text):
                spans.append((s, e, None))  # a longer name that is no party: "*Latin American* leaders" are no Americans
            continue
        entry = entry.on(published)  # a dated row: the code that held when the article was published
        if entry.code is None:
            continue
        if e - s == 1 and entry.case_sensitive and entry.type != "demonym" and doc[s].pos_ in _NOT_NAMES \
                and not is_acronym(doc[s]):
            continue  # "Fed up with ...": a capitalised word that is not being used as a name
        spans.append((s, e, entry))
    # a place word inside a longer entity is part of a name: "Singapore Airlines", "Michael Jordan"
    # ("Russian Foreign Ministry" keeps its dictionary words, for its role word is known)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or _spaced_dash(ent):
            continue  # ("VILNIUS - Lithuanian President": a dateline and a nationality, no one name)
        inside = [x for x in spans if x[2] is not None and ent.start <= x[0] and x[1] <= ent.end]
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].text in _GLUE:
            end -= 1  # "Guinea-Bissau's" tagged with its possessive ending is the country's name
        if inside and all(x[2].type in _PLACE_TYPES for x in inside) \
                and not any(x[0] == ent.start and x[1] == end for x in inside) \
                and not (ent[0].lower_ == "the" and any(x[0] == ent.start + 1 and x[1] == end for x in inside)):
            spans = [x for x in spans if x not in inside]
    # longest match wins ("Washington Post" over "Washington"), then the earlier one
    spans.sort(key=lambda x: (x[0] - x[1], x[0]))
    taken = bytearray(len(doc))
    units = []
    for s, e, entry in spans:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        if entry is not None:
            units.append(_Unit(s, e, entry.type, entry))
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        if ent.label_ == "GPE" and len(ent) > 1:
            continue  # one-word GPEs are kept only to catch surnames the tagger mistook
        s, e = ent.start, ent.end
        inside = [u for u in units if s <= u.start and u.end <= e]
        if ent.label_ == "PERSON" and inside and all(u.type == "person" for u in inside) \
                and len({u.entry.name for u in inside}) == 1:
            # "Yasser  Arafat" (odd spacing) where only the surname row matched: the whole name
            # is the listed person
            units = [u for u in units if u not in inside]
            s = next(i for i in range(s, e) if doc[i].lower_ not in HONORIFICS)
            taken[s:e] = b"\x01" * (e - s)
            if _other_person(doc[s:e], inside[0].entry.name):
                # "Abu Bakar Bashir" is not the listed "Omar al-Bashir": a namesake, a person of his own
                units.append(_Unit(s, e, "PERSON"))
                continue
            units.append(_Unit(s, e, "person", inside[0].entry))
            continue
        # the dictionary owns what it knows: trim its words off the front of an entity
        # ("President Joe Biden" tagged whole as PERSON), and drop entities it covers elsewhere
        while s < e and (taken[s] or doc[s].lower_ in HONORIFICS or doc[s].lower_ == "the" or doc[s].is_space):
            s += 1  # (and the run of spaces after "the" in wire copy: "the  San Diego Padres")
        while e > s and doc[e - 1].text in _GLUE:
            e -= 1
        if s >= e or any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        units.append(_Unit(s, e, ent.label_))
    units = _headline_surnames(doc, units, taken)
    units += _titled_names(doc, units, taken)
    units.sort(key=lambda u: u.start)
    return units


#: how many capitalised words after a title may make up its holder's name
_MAX_NAME_WORDS = 3


#: titles used with a bare given name, which the tagger often leaves unlabelled ("Queen Sirikit",
#: "Sheikh Hamad"); after other titles an unlabelled capitalised word is as often a thing ("President Hotel")
_NAME_TITLES = frozenset({"king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "ayatollah", "crown prince",
                          "grand ayatollah", "cardinal", "pope", "archbishop", "bishop", "imam", "mullah"})


def _titled_names(doc: Doc, units: list[_Unit], taken: bytearray) -> list[_Unit]:
    """Names the tagger missed right after a title of royalty or religion: "Queen *Sirikit*", "Sheikh
    *Hamad*" - proper nouns in a row, none of them a word the dictionary or the tagger took for
    something else, with no name or place label of their own: the title's holder."""
    found = []
    for u in units:
        if u.type != "title" or doc[u.start:u.end].text.lower() not in _NAME_TITLES:
            continue
        end = u.end
        while end < len(doc) and end - u.end < _MAX_NAME_WORDS and not taken[end] and doc[end].tag_ == "NNP" \
                and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].text.isupper() \
                and doc[end].ent_type_ in ("", "PERSON"):
            end += 1
        if end == u.end or (end < len(doc) and doc[end].tag_ == "NNP"):
            continue  # nothing after the title, or a longer name it runs into ("President Hotel Group")
        taken[u.end:end] = b"\x01" * (end - u.end)
        found.append(_Unit(u.end, end, "PERSON"))
    return found


def _other_person(words, listed: str) -> bool:
    """Whether a full name the tagger found (a slice of the Doc) names someone else than the listed person whose
    surname it ends with: a word of it (a given name) that the listed name does not have."""
    known = {w.lower().removeprefix("al-") for w in listed.split()}
    return any(t.is_alpha and t.text[:1].isupper() and t.lower_.removeprefix("al-") not in known
               for t in words if t.text not in _GLUE)


def _headline_surnames(doc: Doc, units: list[_Unit], taken: bytearray) -> list[_Unit]:
    """Surnames in the headline of people the body names in full: "*Sharon* Rejects Army Bid" over
    "Israel's Ariel Sharon has rejected ...". Headline grammar hides a lone surname from the tagger;
    headline and body are one article, so the body's full name says who it is."""
    headline = doc.user_data.get(HEADLINE_KEY)
    if not headline:
        return units
    surnames = {ent[-1].text for ent in doc.ents
                if ent.label_ == "PERSON" and len(ent) > 1 and ent.start_char >= headline[1] and ent[-1].text[:1].isupper()}
    if not surnames:
        return units
    # the tagger's one-word guess in the headline ("Sharon" as an organisation) gives way
    guesses = [u for u in units if u.entry is None and u.end - u.start == 1 and doc[u.start].idx < headline[1]
               and doc[u.start].text in surnames]
    for u in guesses:
        taken[u.start] = 0
    units = [u for u in units if u not in guesses]
    for tok in doc:
        if tok.idx >= headline[1]:
            break
        if tok.idx >= headline[0] and not taken[tok.i] and tok.text in surnames:
            taken[tok.i] = 1
            units.append(_Unit(tok.i, tok.i + 1, "PERSON"))
    return units


def _spaced_dash(ent) -> bool:
    """Whether an entity runs across a dash set off by spaces, which separates, never joins, a name."""
    return any(t.text in _DASHES and t.whitespace_ and k > 0 and ent[k - 1].whitespace_
               for k, t in enumerate(ent))


def _inside_place_name(doc: Doc, unit: _Unit, places) -> bool:
    """A name that is only part of a longer place's name: "*Niger* Delta" is a region of Nigeria, "New
    *Mexico*" a US state; the place is no party, and the country inside its name names none either."""
    start, end = doc[unit.start].idx, doc[unit.end - 1].idx + len(doc[unit.end - 1].text)
    return any(p.kind in ("city", "region") and p.start <= start and end <= p.end and p.end - p.start > end - start
               for p in places)  # (not a facility: the *Australian* Embassy is Australia's)


def _ignored(doc: Doc, unit: _Unit, analysis: Analysis) -> bool:
    """The dateline, and an agency credit next to it, are bylines, not parties to the story."""
    start_char = doc[unit.start].idx
    for byline in (analysis.dateline, analysis.credit):
        if byline is not None and byline.start <= start_char < byline.end:
            return True
    if _joining_forces(doc, unit):
        return True
    sector = unit.entry.sector if unit.entry else None
    if unit.type != "ORG" and sector != "MED":
        return False
    para_start = unit.start
    while para_start > 0 and "\n" not in doc[para_start - 1].whitespace_ and not doc[para_start - 1].is_space:
        para_start -= 1
        if unit.start - para_start > _CREDIT_WINDOW:
            return False
    before = doc[unit.start - 1] if unit.start > 0 else None
    after = doc[unit.end] if unit.end < len(doc) else None
    if before is not None and before.text == "(" and after is not None and after.text == ")":
        return True
    return after is not None and after.text in _DASHES


def _joining_forces(doc: Doc, unit: _Unit) -> bool:
    """"agreed to join forces", "pooled forces": the idiom for acting together, not an armed force
    (a bare plural with nothing of its own; "joined the rebel forces" is one)."""
    if unit.end - unit.start != 1:
        return False
    tok = doc[unit.start]
    return (tok.lower_ == "forces" and tok.dep_ == "dobj" and not list(tok.children)
            and tok.head.lemma_.lower() in ("join", "combine", "pool", "unite"))


# ---- reading chains --------------------------------------------------------------------------

def _joined(doc: Doc, left: _Unit, right: _Unit, allow_adjectives: bool) -> bool:
    """Only possessive glue (and, after a prefix, a couple of adjectives) may sit between two units."""
    gap = doc[left.end:right.start]
    if len(gap) and doc[left.end - 1].sent.start != doc[right.start].sent.start:
        return False
    adjectives = 0
    for k, tok in enumerate(gap):
        if tok.text in _GLUE or tok.is_space:
            continue
        if allow_adjectives and adjectives and tok.pos_ == "CCONJ" and k + 1 < len(gap) and gap[k + 1].pos_ == "ADJ":
            continue  # "Ithilen's awful and evil minister": coordinated adjectives
        if allow_adjectives and tok.pos_ == "ADV" and tok.head.pos_ == "ADJ" and tok.head in gap:
            continue  # "Iraq's most powerful cleric": an adverb of an adjective there
        if allow_adjectives and adjectives < _MAX_ADJECTIVES and (
            tok.pos_ == "ADJ" or (tok.dep_ == "compound" and tok.pos_ == "NOUN")
        ):  # "Russian elite troops", "U.S. district court"
            adjectives += 1
            continue
        return False
    return True


def _read_chain(doc: Doc, units: list[_Unit], i: int, book: "_Book") -> int:
    """Consume the chain starting at ``units[i]``; return the index after it."""
    first = units[i]
    if first.type == "prefix" and i + 1 < len(units) and units[i + 1].type in _PREFIX_TYPES | {"person", "PERSON"} \
            and _joined(doc, first, units[i + 1], allow_adjectives=False):
        # a prefix agent (PETRARCH 'NGO~'): its groups go before the code of the chain it starts
        # ("MSF Arnor" -> NGO + ARN; "MSF Arnor diplomat" -> NGO + ARNGOV)
        book.lead = (first.entry.code, doc[first.start].idx)
        try:
            return _read_chain(doc, units, i + 1, book)
        finally:
            book.lead = None
    if first.type == "igo" and i + 1 < len(units) and units[i + 1].type in ("title", "group") \
            and _envoy(doc, units[i + 1]) and first.start > 0 and doc[first.start - 1].tag_ == "PRP$" \
            and _joined(doc, first, units[i + 1], allow_adjectives=False):
        # "its U.N. diplomats": a state's envoys to the organisation, whose the pronoun says (as
        # "Iran's U.N. ambassador" is Iran's)
        return _read_chain(doc, units, i + 1, book)
    shared = _coordinated_prefixes(doc, units, i)
    if shared:
        # "Russian and US negotiators", "British, French and German diplomats": each country before
        # the last one is a party of the same role (RUSGOV as well as USAGOV)
        end = _read_chain(doc, units, i + len(shared), book)
        role = units[i + len(shared) + 1]
        for unit in shared:
            _add_role(doc, book, unit, role, book.span(doc, unit, unit), _former(doc, unit, role))
        return end
    prefix = role = person = None
    j = i
    if first.type in _PREFIX_TYPES:
        k = j + 1
        if first.type != "NORP":
            # "Iraq's most powerful Shiite cleric": an unlisted nationality or faith between a
            # country and its role is one of the role's adjectives
            while k < len(units) and k - j <= _MAX_ADJECTIVES and units[k].type == "NORP":
                k += 1
        if first.type in _PLACE_TYPES and k + 1 < len(units) and units[k].type == "igo" \
                and units[k + 1].type in ("title", "group") and _envoy(doc, units[k + 1]) \
                and _joined(doc, first, units[k], allow_adjectives=True) \
                and _joined(doc, units[k], units[k + 1], allow_adjectives=False):
            # "Iran's U.N. ambassador", "the Iranian UN envoy": a state's envoy to the organisation
            # speaks for the state, not for the organisation
            prefix, j = first, k + 1
        elif k < len(units) and units[k].type in ("title", "group") \
                and _joined(doc, first, units[k], allow_adjectives=True):
            prefix, j = first, k
    if units[j].type in ("title", "group"):
        role = units[j]
        # titles may stack ("Deputy Prime Minister", "Secretary of State"): keep the last one, but an
        # affiliation's sector ("Guerrilla leader Ivan Ortega": REB)
        while role.type == "title" and j + 1 < len(units) and units[j + 1].type == "title" \
                and _joined(doc, role, units[j + 1], allow_adjectives=False):
            j += 1
            role = _compound_role(role, units[j]) if role.entry.sector in _AFFILIATIONS else units[j]
        if j + 1 < len(units) and _modifies_role(doc, role, units[j + 1]) and (
                units[j + 1].type == "group" or prefix is not None or _holder_follows(doc, units, j + 1)):
            # "government envoys", "Russian army spokesman", "rebel leader John Garang": one role named
            # by two words (a lone "army spokesman" stays the army's: a bare title is no one's)
            j += 1
            role = _compound_role(role, units[j])
        if j + 1 < len(units) and _names_holder(doc, role, units[j + 1]) \
                and _joined(doc, role, units[j + 1], allow_adjectives=False):
            j += 1
            person = units[j]
    elif first.type in ("PERSON", "person"):
        person = first
    if role is not None and prefix is None and person is None and j + 1 < len(units) \
            and units[j + 1].type in _PREFIX_TYPES and _of_between(doc, role, units[j + 1]):
        # "the government of the Central African Republic", "the foreign ministry of Russia"
        prefix, j = units[j + 1], j + 1
    span = book.span(doc, units[i], units[j])
    end = j + 1
    former = role is not None and _former(doc, units[i], role)

    if person is not None:
        if person.entry is not None and person.entry.type == "actor" and role is not None:
            # a PETRARCH-style actor named after a role: the first actor of the phrase and the role's
            # groups ("Bree Prime Minister Romendacil" -> BRE + GOV; "Ithilen's minister Calimehtar" ->
            # ITH + GOV even when Calimehtar has a code of his own)
            code, *extra = _role_codes(prefix or person, role, former) or [None]
        elif person.entry is not None:
            code, extra = person.entry.code, list(person.entry.extra_codes)
            if former and person.entry.country is not None:
                # "former President Barack Obama": a listed office-holder named as out of office
                code, extra = person.entry.country + ELITE, []
            elif role is not None and role.entry is not None and role.entry.code == "OPP" \
                    and person.entry.country is not None:
                # "Opposition leader Viktor Yushchenko": the role the text gives him now wins over the
                # office the dictionary lists (opposition leaders become presidents, and back)
                code, extra = person.entry.country + "OPP", []
        else:
            code, *extra = _role_codes(prefix, role, former) or [None]
        name = person.entry.name if person.entry is not None else _name(doc, person)
        book.person(name, code, span, tuple(extra))
        appositive = _apposition(doc, units, end, person)
        if appositive is not None:
            # "Margaret Ellison, the US deputy secretary of state, said": the role codes the person
            app_prefix, app_role, after = appositive
            app_code = _role_code(app_prefix, app_role)
            book.person(name, app_code, book.span(doc, app_prefix or app_role, app_role))
            return after
        return end
    if role is not None:
        if role.type == "title" and prefix is None and role.entry.country is None:
            if _armed_modifier(doc, role):
                role = replace(role, type="group")  # "a *rebel* attack": the rebels who made it
            elif not _definite_office(doc, role, former, units):
                return end  # "a minister said": no telling whose
            # "the prime minister's removal": the office of the story's country (actor_context)
        _add_role(doc, book, prefix, role, span, former)
        while prefix is not None and end < len(units) and _shares_prefix(doc, units, end):
            # "Danish media and government", "Russian troops, police and militias": the country
            # before the first role is every coordinated bare role's too
            role = units[end]
            _add_role(doc, book, prefix, role, book.span(doc, role, role), former)
            end += 1
        return end
    _alone(doc, first, book, span)
    acronym = _parenthesised_acronym(doc, first) if first.type == "ORG" else None
    if acronym is not None:
        # "the Patriotic Front for Renewal (FPR)": the acronym names the same organisation
        book.alias(acronym.text, _name(doc, first))
        book.add(book.org_key(acronym.text), None, _name(doc, first), "organisation",
                 Span(acronym.idx, acronym.idx + len(acronym.text), acronym.text))
        if end < len(units) and units[end].start == acronym.i:
            return end + 1
    return end


#: sectors of a modifying role word that win over the role it modifies: "rebel soldiers" are rebels
_AFFILIATIONS = frozenset({"REB", "OPP"})


#: roles of a state's representatives, whose post at an organisation ("U.N. ambassador") keeps them the state's
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "representative", "delegate", "delegation", "mission",
                     "negotiator", "emissary"})


def _envoy(doc: Doc, unit: _Unit) -> bool:
    return doc[unit.end - 1].lemma_.lower() in _ENVOYS


def _modifies_role(doc: Doc, role: _Unit, nxt: _Unit) -> bool:
    """Whether the role word ``role`` modifies the role word right after it ("government envoys",
    "police officials"): adjacent, and the parse hangs it on that word."""
    if role.type not in ("title", "group") or nxt.type not in ("title", "group") or nxt.start != role.end:
        return False
    last = doc[role.end - 1]
    return last.dep_ in ("compound", "amod", "nmod") and nxt.start <= last.head.i < nxt.end


def _holder_follows(doc: Doc, units: list[_Unit], k: int) -> bool:
    """Whether the title at ``units[k]`` is followed by the name of its holder."""
    return k + 1 < len(units) and _names_holder(doc, units[k], units[k + 1]) \
        and _joined(doc, units[k], units[k + 1], allow_adjectives=False)


def _compound_role(modifier: _Unit, head: _Unit) -> _Unit:
    """The role named by a group word and the role word it modifies, spanning both: the head's
    sector, unless the head is generic officialdom (GOV: "army spokesman" is the army's, MIL) or the
    modifier an affiliation ("rebel soldiers", REB)."""
    m, h = modifier.entry, head.entry
    use_modifier = m.sector in _AFFILIATIONS or (h.sector == "GOV" and m.sector is not None)
    entry = m if use_modifier else h
    return _Unit(modifier.start, head.end, head.type, entry)


def _list_gap(doc: Doc, left: _Unit, right: _Unit) -> bool:
    """Only a list's joints between two units: "and", "or", a comma, or a comma and "and"/"or"."""
    gap = [t.lower_ for t in doc[left.end:right.start]]
    return gap in (["and"], ["or"], [","], [",", "and"], [",", "or"])


def _coordinated_prefixes(doc: Doc, units: list[_Unit], i: int) -> list[_Unit]:
    """The countries or nationalities coordinated before the one that starts a role chain, from
    ``units[i]``: [Russian] for "Russian and US negotiators" (only "and", "or" or commas between them,
    the last one joined to a group or title); empty when there is no such list."""
    shared: list[_Unit] = []
    k = i
    while k + 1 < len(units) and units[k].type in ("country", "demonym"):
        if not _list_gap(doc, units[k], units[k + 1]):
            return []
        shared.append(units[k])
        k += 1
        nxt = units[k]
        if nxt.type in ("country", "demonym", "igo") and k + 1 < len(units) and units[k + 1].type in ("title", "group") \
                and _joined(doc, nxt, units[k + 1], allow_adjectives=True):
            return shared
    return []


def _add_role(doc: Doc, book: "_Book", prefix: _Unit | None, role: _Unit, span: Span, former: bool) -> None:
    """A role actor: an office ("the Russian foreign minister") or a body ("Ukrainian troops")."""
    code, *extra = _role_codes(prefix, role, former) or [None]
    if role.type == "title":
        book.add(("title", code, role.entry.pattern), code, span.text, "person", span, tuple(extra))
        return
    name = span.text if prefix is None or prefix.start < role.start else f"{doc[prefix.start:prefix.end].text} {span.text}"
    # "Kurdish fighters" and "Tamil fighters" share the bare code REB but are not one group
    key = ("code", code) if prefix is None or prefix.type != "NORP" else ("code", code, name.lower())
    kind = "group" if doc[role.end - 1].tag_ in ("NNS", "NNPS") else "organisation"
    book.add(key, code, name, kind, span, tuple(extra))


def _shares_prefix(doc: Doc, units: list[_Unit], k: int) -> bool:
    """Whether ``units[k]`` is a bare role coordinated with the role before it, so that it shares
    that role's country: only "and", "or" or a comma between them, the parse making it a conjunct,
    and no name of its own after it ("Russian troops and police"; not "... and the Ukrainian army",
    not "... and Foreign Minister Lavrov")."""
    before, role = units[k - 1], units[k]
    if role.type not in ("title", "group") or before.type not in ("title", "group"):
        return False
    if not _list_gap(doc, before, role):
        return False
    root = doc[role.start:role.end].root
    if root.dep_ != "conj" or not (before.start <= root.head.i < before.end):
        return False
    return not (k + 1 < len(units) and units[k + 1].start == role.end)


def _names_holder(doc: Doc, role: _Unit, unit: _Unit) -> bool:
    """Whether ``unit`` names the holder of ``role`` standing right before it: a title, or a
    singular group word (a PETRARCH agent such as "president"), followed by a person's name or by a
    PETRARCH-style actor ("Prime Minister Romendacil")."""
    if unit.type not in ("PERSON", "person", "actor"):
        return False
    if role.type == "title":
        return True
    return role.type == "group" and doc[role.end - 1].tag_ not in ("NNS", "NNPS") and (
        unit.type != "actor" or doc[unit.start].pos_ == "PROPN")


def _former(doc: Doc, first: _Unit, role: _Unit) -> bool:
    """Whether "former" or "ex-" qualifies the role: among the words of its chain before the role
    ("Russia's former defence minister"), or just before the chain ("the former Russian envoy",
    "ex-President X")."""
    start = first.start
    while start > 0 and first.start - start < 3 and (
            doc[start - 1].pos_ in ("DET", "ADJ") or doc[start - 1].lower_ in _FORMER | {"ex", "-"}):
        start -= 1
    words = doc[start:role.start]
    return any(t.lower_ in _FORMER or (t.lower_ == "ex" and t.i + 1 < len(doc) and doc[t.i + 1].text == "-")
               for t in words)


def _of_between(doc: Doc, left: _Unit, right: _Unit) -> bool:
    """Whether "of" or "of the" joins two units and the right one heads the phrase after it ("the
    government *of Chad*"), not a modifier of another noun ("victims of the *Madrid* train bombings")."""
    words = [t.lower_ for t in doc[left.end:right.start]]
    return words in (["of"], ["of", "the"]) and doc[right.start:right.end].root.dep_ != "compound"


def _parenthesised_acronym(doc: Doc, name: _Unit):
    """The token of an acronym in brackets right after a name, or None."""
    if name.end + 2 >= len(doc) or doc[name.end].text != "(" or doc[name.end + 2].text != ")":
        return None
    token = doc[name.end + 1]
    return token if token.is_upper and token.is_alpha and len(token) >= 2 else None


def _apposition(doc: Doc, units: list[_Unit], k: int, person: _Unit) -> tuple[_Unit | None, _Unit, int] | None:
    """A role set off after a name by a comma and attached to it as an apposition:
    (its prefix unit or None, the role unit, the index of the unit after it)."""
    if k >= len(units) or person.end >= len(doc) or doc[person.end].text != ",":
        return None
    prefix = None
    if units[k].type in _PREFIX_TYPES and k + 1 < len(units) and units[k + 1].type == "title" \
            and _joined(doc, units[k], units[k + 1], allow_adjectives=True):
        prefix, k = units[k], k + 1
    role = units[k]
    if role.type != "title" or (prefix or role).start - person.end > 3:
        return None
    head = doc[role.start:role.end].root
    for _ in range(3):  # "the US deputy secretary of state": the appositive noun may sit above the title words
        if head.dep_ == "appos" and person.start <= head.head.i < person.end:
            return prefix, role, k + 1
        if head.head.i == head.i:
            break
        head = head.head
    return None


def _alone(doc: Doc, unit: _Unit, book: "_Book", span: Span) -> None:
    """A mention that combined with nothing."""
    root = doc[unit.start:unit.end].root
    entry = unit.entry
    if unit.type == "country":
        if is_locative(root):
            return
        # the subject of a verb is the state acting, i.e. its government; "Russia's economy" is not
        code = entry.code + "GOV" if grammatical_role(root) in ("nsubj", "agent") else entry.code
        book.add(("code", code), code, entry.name, "country", span)
    elif unit.type == "capital":
        if is_party(root) and not _tagged(doc, unit, "PERSON"):
            book.add(("code", entry.code), entry.code, entry.name, "country", span)
    elif unit.type in ("organisation", "igo"):
        if entry.type == "organisation" and is_locative(root) and root.head.lower_ in ("in", "at", "inside", "outside"):
            return  # "at the White House": the building
        book.add(("code", entry.code), entry.code, entry.name, entry.type, span, entry.extra_codes)
    elif unit.type == "actor":  # a fixed code wherever it stands (PETRARCH-style dictionaries)
        kind = "country" if entry.sector is None and entry.country is not None and len(entry.code) == 3 else "organisation"
        book.add(("code", entry.code), entry.code, entry.name, kind, span, entry.extra_codes)
    elif unit.type == "region" and grammatical_role(root) in ("nsubj", "agent"):
        # a province or state acting ("Michigan asked"): its government, an actor of its own
        book.add(("region", entry.name), entry.code + "GOV", entry.name, "organisation", span)
    elif unit.type in ("group", "prefix"):  # plural nationals with their own code ("Russians"); a prefix alone
        book.add(("code", entry.code), entry.code, entry.name, "group", span, entry.extra_codes)
    elif unit.type in ("ORG", "GPE"):
        name = _name(doc, unit)
        if len(name.split()) == 1 and book.person_by_surname(name):
            book.person(name, None, span)  # a surname the tagger took for an organisation or place
        elif unit.type == "ORG":
            book.add(book.org_key(name), None, name, "organisation", span)
    elif unit.type == "demonym" and _national_person(root):
        # "accused *a Chinese-American* of spying", "an American was kidnapped": a person of that
        # nationality, a civilian until a role says more
        code = entry.country + "CVL"
        book.add(("code", code), code, f"{entry.name} national", "group", span)
    elif unit.type == "demonym" and _nationals(root):
        # "*the Sudanese* decried ...", "*Japanese* protest ...": a nationality as a plural noun is its
        # people, coded as the country as "Iraqis" and "Russians" are
        book.add(("code", entry.country), entry.country, f"{entry.name} people", "group", span)
    elif unit.type == "demonym" and book.role_of(root.head.lemma_) is None and (
            body := _national_body_after(root, book.persons)) is not None:
        # a nationality before a noun no role row knows: for one person (&PERSONS, from WordNet: "a
        # Dutch *filmmaker* was murdered", "two Italian *photographers*") that country's civilian; for
        # a body of people ("a Danish *group* donated money", "a Swiss *foundation*") its organisation
        sector, what, kind = body
        head = root.head
        code = entry.country + sector
        start, end = doc[unit.start].idx, head.idx + len(head.text)
        book.add(("code", code), code, f"{entry.name} {what}", kind, Span(start, end, book.text[start:end]))
    # other demonyms ("the Russian side"), titles and unknown nationalities alone are not parties


#: sectors of titles held by many within one state, whose bearer in a story is that state's: "*a judge*
#: questioned Pinochet" in a Chilean story (while "a minister said" may be any state's)
_DOMESTIC_TITLES = frozenset({"JUD"})


def _definite_office(doc: Doc, role: _Unit, former: bool, units: list[_Unit] = ()) -> bool:
    """A singular title after "the", of a sitting holder, used as a noun ("*the prime minister*'s
    removal", "*the president* refused"): one office, whose country the story gives. A judge's or a
    prosecutor's title is one after "a" too, and after adjectives that name no party of their own ("an
    investigative judge"; not "a *military* judge", a court of an army whose country the story may not give)."""
    root = doc[role.end - 1]
    if former or root.tag_ != "NN" or role.start == 0 or root.dep_ in ("compound", "amod", "nmod"):
        return False
    before = role.start - 1
    domestic = role.entry is not None and role.entry.sector in _DOMESTIC_TITLES
    while domestic and before > 0 and doc[before].tag_ == "JJ" and doc[before].head.i == root.i \
            and not any(u.start <= before < u.end for u in units):
        before -= 1
    return doc[before].lower_ == "the" or (domestic and doc[before].lower_ in ("a", "an"))


def _armed_modifier(doc: Doc, role: _Unit) -> bool:
    """An armed group's title word modifying a noun that is no person ("a *rebel* attack", "*rebel*
    positions", "a *guerrilla* ambush"): the group that did it or holds them. Before a name it is a
    title ("rebel Juan Ortega") and a title alone is no one's."""
    if role.entry.sector not in ARMED_SECTORS or role.end - role.start != 1:
        return False
    root = doc[role.start]
    head = root.head
    return root.dep_ in ("compound", "amod", "nmod") and head.i > root.i and head.pos_ == "NOUN" \
        and head.ent_type_ != "PERSON"


def _person_noun_after(root, persons: frozenset[str]) -> bool:
    """A nationality word modifying, a word or two later, a noun for one person: "a Dutch filmmaker",
    "Italian freelance photographers"."""
    head = root.head
    return bool(persons) and root.dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN" \
        and 0 < head.i - root.i <= 3 and head.lemma_.lower() in persons


#: words for a body of people that is neither a state's nor a company's
_ORGANISATION_NOUNS = frozenset({"group", "organisation", "organization", "foundation", "association", "society",
                                 "movement", "network", "campaign", "coalition", "trust", "institute"})


def _national_body_after(root, persons: frozenset[str]) -> tuple[str, str, str] | None:
    """(sector, what, actor kind) of the people a nationality word before a noun names, or None."""
    if _person_noun_after(root, persons):
        return "CVL", "national", "group"
    if _organisation_noun_after(root):
        if root.lower_ == "led" and root.head.lemma_.lower() == "coalition":
            return "MIL", "organisation", "organisation"  # "the US-led coalition": the armies a state leads
        return "NGO", "organisation", "organisation"
    return None


def _organisation_noun_after(root) -> bool:
    """A nationality word right before a word for a body of people: "a Danish group", "a British
    association" (not "a Danish group of islands": a group *of* things is no body)."""
    head = root.head
    return root.dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN" and head.i == root.i + 1 \
        and head.lemma_.lower() in _ORGANISATION_NOUNS and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _nationals(root) -> bool:
    """A nationality word standing alone as a party's noun ("*the Sudanese* decried", headline
    "*Sudanese* Decry UN Threat"): a subject or an object with 'the' or no determiner at all, nothing
    after it that it could modify."""
    if root.pos_ not in ("NOUN", "PROPN", "ADJ") or root.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
        return False
    dets = [c.lower_ for c in root.children if c.dep_ == "det"]
    return all(d == "the" for d in dets)


def _national_person(root) -> bool:
    """A nationality word used as a noun for one person: "a Chinese-American", "an American" (its
    own 'a'/'an', in a party's place in the clause), not an adjective ("an American diplomat")."""
    return root.pos_ in ("NOUN", "PROPN", "ADJ") and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children)


def _role_code(prefix: _Unit | None, role: _Unit | None) -> str | None:
    codes = _role_codes(prefix, role)
    return codes[0] if codes else None


def _role_codes(prefix: _Unit | None, role: _Unit | None, former: bool = False) -> list[str]:
    """The codes of a role with what comes before it: one, or one per code of a prefix or role row
    that has several (``ELR/GAL``: "Lorien envoy" -> ELRGOV and GALGOV). A ``former`` office-holder
    is an elite (ELI) of the same country ("former Russian minister" -> RUSELI)."""
    if role is None:
        return []
    entry = role.entry
    p = prefix.entry if prefix is not None else None
    out: list[str] = []
    for role_code in (entry.code, *entry.extra_codes):
        for prefix_code in ((p.code, *p.extra_codes) if p is not None else (None,)):
            code = _compose(p, prefix_code, entry, role_code, former)
            if code and code not in out:
                out.append(code)
    return out


def _compose(p: ActorEntry | None, p_code: str | None, entry: ActorEntry, code: str, former: bool = False) -> str:
    if code == NGO and p is not None and p.type not in ("actor", "organisation", "igo") and p.country is not None:
        # "Italian aid workers", "a French charity": an NGO of that country (CAMEO's NGO code after it)
        return p.country + NGO
    if entry.country is not None or entry.sector is None or not code.startswith(entry.sector):
        if former and entry.country is not None and entry.sector is not None:
            return entry.country + ELITE
        return code  # a role row with its own full code
    if former:
        code = ELITE
    if p is None or p_code is None:
        return code
    if p.type == "actor":
        # PETRARCH-style: the role's groups follow the actor's ("Arnor foreign minister": ARN + GOVFRM),
        # leaving out groups the actor code already has
        have = {p_code[i:i + 3] for i in range(0, len(p_code), 3)}
        extra = "".join(g for g in (code[i:i + 3] for i in range(0, len(code), 3)) if g not in have)
        return (p_code + extra)[:15]
    if p.type in ("organisation", "igo"):
        return p_code  # "Pentagon spokesman" is the Pentagon's
    if p.country is not None:
        return p.country + code
    return code


def _tagged(doc: Doc, unit: _Unit, label: str) -> bool:
    return any(t.ent_type_ == label for t in doc[unit.start:unit.end])


def _name(doc: Doc, unit: _Unit) -> str:
    words = [t.text for t in doc[unit.start:unit.end] if t.lower_ not in HONORIFICS]
    return " ".join(words)


# ---- collecting actors -----------------------------------------------------------------------

class _Book:
    """Actors found so far, keyed for merging, in order of first mention."""

    def __init__(self, text: str, countries: frozenset[str], sectors: frozenset[str] = SECTORS,
                 persons: frozenset[str] = frozenset(), lookup=None):
        self.text = text
        self.persons = persons  # nouns for one person (&PERSONS)
        self._lookup = lookup  # the actor dictionary's entry for a word, or None
        self.countries = countries
        self.sectors = sectors
        self.drafts: dict[tuple, _Draft] = {}
        self.people: list[_Draft] = []
        self.aliases: dict[str, str] = {}  # acronym -> the organisation name it abbreviates
        #: a prefix agent read before the current chain: (its code, its first character)
        self.lead: tuple[str, int] | None = None

    def _led(self, key: tuple, code: str | None, span: Span) -> tuple[tuple, str | None, Span]:
        """Apply a prefix agent: its groups before the code, its words in the mention."""
        if self.lead is None:
            return key, code, span
        lead, start = self.lead
        have = {lead[i:i + 3] for i in range(0, len(lead), 3)}
        rest = "".join(g for g in (code[i:i + 3] for i in range(0, len(code), 3)) if g not in have) if code else ""
        code = (lead + rest)[:15]
        span = Span(start, span.end, self.text[start:span.end]) if start < span.start else span
        key = ("code", code) if key[0] == "code" else key + (("lead", lead),)
        return key, code, span

    def span(self, doc: Doc, left: _Unit, right: _Unit) -> Span:
        start, end = doc[left.start].idx, doc[right.end - 1].idx + len(doc[right.end - 1].text)
        return Span(start, end, self.text[start:end])

    def _led_extra(self, extra: tuple[str, ...], span: Span) -> tuple[str, ...]:
        """A prefix agent before each further code of an actor of several codes."""
        if self.lead is None:
            return extra
        return tuple(dict.fromkeys(self._led(("code", c), c, span)[1] for c in extra))

    def add(self, key: tuple, code: str | None, name: str, kind: str, span: Span, extra: tuple[str, ...] = ()) -> None:
        extra = self._led_extra(extra, span)
        key, code, span = self._led(key, code, span)
        extra = tuple(c for c in extra if c != code)
        if extra:
            key = key + (("extra",) + extra,)  # "Lorien" ELR/GAL is not the actor "Elrond" ELR
        draft = self.drafts.get(key)
        if draft is None:
            self.drafts[key] = _Draft(key, code, name, kind, [span], extra)
        else:
            draft.mentions.append(span)

    def role_of(self, lemma: str) -> ActorEntry | None:
        """The dictionary's role or title row for a word's lemma ("leaders" -> 'leader'), or None: a
        role's own sector beats a civilian reading of a nationality before it."""
        entry = self._lookup(lemma) if self._lookup is not None else None
        return entry if entry is not None and entry.type in ("title", "group") else None

    def alias(self, acronym: str, name: str) -> None:
        self.aliases[acronym.lower()] = name.lower()

    def org_key(self, name: str) -> tuple:
        return ("org", self.aliases.get(name.lower(), name.lower()))

    def person_by_surname(self, word: str) -> _Draft | None:
        for draft in reversed(self.people):  # the most recently named wins a clash
            if word in draft.name.split():
                return draft
        return None

    def person(self, name: str, code: str | None, span: Span, extra: tuple[str, ...] = ()) -> None:
        extra = self._led_extra(extra, span)
        _, code, span = self._led(("person",), code, span)
        extra = tuple(c for c in extra if c != code)
        words = name.split()
        draft = None
        for d in self.people:
            if d.name == name:
                draft = d
                break
        if draft is None and len(words) == 1:
            draft = self.person_by_surname(name)
        if draft is None and len(words) > 1:
            # "Peskov" first, "Dmitry Peskov" later: the same person, now with a full name
            for d in self.people:
                if len(d.name.split()) == 1 and d.name == words[-1]:
                    draft, d.name = d, name
                    break
        if draft is None:
            draft = _Draft(("person", name), code, name, "person", [span], extra)
            self.people.append(draft)
            self.drafts[("person", len(self.drafts), name)] = draft
            return
        draft.mentions.append(span)
        if code is not None and (draft.code is None or (draft.code[:3] in SECTORS and code[:3] not in SECTORS)):
            draft.code, draft.extra = code, extra  # "Dmitry Peskov ... Kremlin spokesman Peskov"; a country beats none

    def ordered(self) -> list[_Draft]:
        """The drafts in order of first mention: the order of ``actors()``."""
        return sorted(self.drafts.values(), key=lambda d: min(d.mentions, key=lambda s: (s.start, s.end)).start)

    def actors(self) -> list[Actor]:
        out = []
        for n, d in enumerate(self.ordered(), 1):
            country, sector = _split(d.code, self.countries, self.sectors)
            mentions = sorted(set(d.mentions), key=lambda s: (s.start, s.end))
            inferred = sorted(set(d.inferred), key=lambda i: (i.mention.start, i.mention.end, i.what))
            out.append(Actor(f"A{n}", d.code, country, sector, d.name, d.kind, mentions, list(d.extra), inferred))
        return out

    def apply(self, plan: Plan, drafts: list[_Draft]) -> None:
        """Carry out what reading the context decided; ``drafts`` are in the order the plan's actor
        numbers refer to (``ordered()`` when the plan was made)."""
        moved: dict[tuple[int, Span], _Draft] = {}  # (actor number, mention) -> the draft it is in now
        for idx, mention in plan.dropped:
            draft = drafts[idx]
            if mention in draft.mentions:
                draft.mentions.remove(mention)
        for r in plan.recoded:
            draft = drafts[r.actor]
            if draft.kind == "person":
                draft.code = r.code  # one person: every mention has the same country
                if r.span is not None and r.mention in draft.mentions:
                    draft.mentions[draft.mentions.index(r.mention)] = r.span
                draft.inferred.append(r.inference)
                continue
            if r.mention not in draft.mentions:
                continue
            draft.mentions.remove(r.mention)
            key = ("code", r.code, *draft.key[2:]) if draft.key[0] == "code" else (*draft.key, ("country", r.code[:3]))
            moved[(r.actor, r.mention)] = self._put(key, r.code, draft.name, draft.kind, r.span or r.mention,
                                                    draft.extra, r.inference)
        for a in plan.added:
            inference = a.inference
            if a.actor is None:
                self._put(("code", a.code), a.code, a.name, a.kind, a.mention, (), inference)
                continue
            target = moved.get((a.actor, a.antecedent), drafts[a.actor])
            target.mentions.append(a.mention)
            if target.code != inference.value:
                inference = Inference(inference.what, inference.mention, inference.how, inference.evidence, target.code)
            target.inferred.append(inference)
        for key in [k for k, d in self.drafts.items() if not d.mentions]:
            draft = self.drafts.pop(key)
            if draft in self.people:
                self.people.remove(draft)

    def _put(self, key: tuple, code: str | None, name: str, kind: str, span: Span, extra: tuple[str, ...],
             inference: Inference) -> _Draft:
        draft = self.drafts.get(key)
        if draft is None:
            draft = self.drafts[key] = _Draft(key, code, name, kind, [], extra)
        draft.mentions.append(span)
        draft.inferred.append(inference)
        return draft


def _split(code: str | None, countries: frozenset[str], sectors: frozenset[str] = SECTORS) -> tuple[str | None, str | None]:
    """``RUSGOV`` -> (RUS, GOV); ``MIL`` -> (None, MIL); ``IGOWSTNAT`` -> (None, None)."""
    if not code:
        return None, None
    first, second = code[:3], code[3:6]
    if first in sectors:
        return None, first
    if first in countries:
        return first, (second if second in sectors else None)
    return None, None
