"""What the article around an actor tells about it: definite descriptions that name an actor named
elsewhere ("the alliance" for NATO, "the Islamic republic" for Iran) and modifiers that say a role
belongs to no one country ("foreign fighters").

Files of kind ``context`` (``#! tidings context 1``) hold rows ``phrase<TAB>type<TAB>refers_to<TAB>when``:

===========  =========================================================================================
type         meaning
===========  =========================================================================================
description  "the" + ``phrase`` names an actor. ``refers_to`` is a code (``IGOWSTNAT``, ``IRN``),
             several codes joined by ``/`` (the last one of them the article named), or ``country``
             (the last country the article named). ``when`` is ``always`` (the phrase alone names
             it), ``named`` (only once the article has named it before) or ``possessor`` (it only
             lends its country to a role it possesses: "the capital's police").
stateless    a modifier of a role word that says the role is no one country's ("foreign troops",
             "international observers"): such a role takes no country from the context.
owner        a verb (lemma) whose object belongs to its subject: "Russia *moved* troops", "urged
             Russia to *withdraw* its forces": the troops are the subject's.
venue        a word (lemma) for parties meeting ("talk", "summit", "meet"): a place it is held in
             ("talks *in Geneva*", "the *Brussels* summit") is a venue, where the parties went, not
             the country the story is about, when the story names no party of that country.
authority    an act (verb or noun lemma) only a state's authorities perform ("arrest", "curfew"):
             with no agent named, its source is the authorities of the event's country, coded
             with the sector in ``refers_to`` (COP, JUD, GOV).
release      a freeing (verb or noun lemma: "free", "release") whose unnamed agent is whoever held
             the freed: with no agent named, the authorities (coded with the sector in
             ``refers_to``) when the sentence speaks of custody (&CUSTODY: "freed from jail"), the
             captors (the country's REB) when it speaks of captivity (&CAPTIVITY: "the hostages
             were released"); the country is the event's place, else the one every place of the
             story lies in. Without either cue the freeing names no doer and is no event.
national     a body's name that several countries use ("Congress"): in a story of the country of
             ``refers_to`` (a code: ``PERLEG``, ``INDPTY``), the name is that country's body, not the
             one its actors row names (the US Congress). The story's country is one named right
             before the name ("Peru's Congress"), else that of the nearest body of the same sector
             named before it ("Colombia's Senate ... the House of Representatives"), else the
             dateline's.
===========  =========================================================================================

Phrases match in any case; lower-case modifiers may stand between "the" and the phrase ("the
26-nation alliance", "the desert kingdom"). Built-in files are read first, then the user's, so a
user row replaces a built-in one with the same phrase. See docs/dictionaries.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import KnowledgeError
from tidings.knowledge.actors import REGIONS, SECTORS, TRANSNATIONAL, _country_codes, check_code
from tidings.knowledge.files import files_of_kind, read_rows

KIND = "context"
TYPES = ("description", "stateless", "owner", "venue", "authority", "release", "national")
WHEN = ("always", "named", "possessor")
#: ``refers_to`` of a description that stands for the last country the article named
ANY_COUNTRY = "country"
#: ``refers_to`` of a description that stands for the last armed group the article named ("the militant
#: group" after Hamas)
ANY_ARMED_GROUP = "armed-group"


@dataclass(frozen=True)
class Description:
    """One ``description`` row: the words after "the", what they refer to and when."""

    words: tuple[str, ...]  # lower-cased
    codes: tuple[str, ...]  # empty: any country or any armed group (``refers_to`` says which)
    when: str
    source: str  # "file:line"
    refers: str = "codes"  # "codes", ANY_COUNTRY or ANY_ARMED_GROUP

    @property
    def any_country(self) -> bool:
        return self.refers == ANY_COUNTRY

    @property
    def any_armed_group(self) -> bool:
        return self.refers == ANY_ARMED_GROUP


@dataclass
class ContextKnowledge:
    """Lookup tables for reading actors from their context; keys are lower-cased."""

    #: last word of a phrase -> the descriptions ending in it, longest first
    descriptions: dict[str, list[Description]] = field(default_factory=dict)
    stateless: set[str] = field(default_factory=set)
    #: verb lemmas whose object belongs to their subject ("deploy", "withdraw")
    owner_verbs: set[str] = field(default_factory=set)
    #: lemmas of parties meeting, whose place is a venue ("talk", "summit")
    venue_words: set[str] = field(default_factory=set)
    #: lemmas of acts only authorities perform -> the sector of those authorities ("arrest" -> COP)
    authority_acts: dict[str, str] = field(default_factory=dict)
    #: lemmas of a freeing -> the sector of the authorities who held the freed in custody ("free" -> GOV)
    release_acts: dict[str, str] = field(default_factory=dict)

    #: a body's name (lower-cased words) -> country -> the code of that country's body of that name
    national_bodies: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)

    def add(self, description: Description) -> None:
        bucket = [d for d in self.descriptions.get(description.words[-1], []) if d.words != description.words]
        bucket.append(description)
        bucket.sort(key=lambda d: -len(d.words))
        self.descriptions[description.words[-1]] = bucket


def load_context(user_files: tuple[Path, ...] = ()) -> ContextKnowledge:
    knowledge = ContextKnowledge()
    countries = _country_codes()
    for path in files_of_kind(KIND, tuple(user_files)):
        for lineno, cols in read_rows(path, KIND, 2, 4):
            _add_row(knowledge, path, lineno, cols, countries)
    return knowledge


def _add_row(knowledge: ContextKnowledge, path: Path, lineno: int, cols: list[str], countries: frozenset[str]) -> None:
    def fail(message: str) -> KnowledgeError:
        return KnowledgeError(str(path), lineno, message)

    phrase, kind = cols[0], cols[1].lower()
    words = tuple(phrase.lower().split())
    if not words:
        raise fail("empty phrase")
    if kind in ("stateless", "owner", "venue"):
        if len(words) != 1:
            raise fail(f"a {kind} row names one word, found {phrase!r}")
        target = {"stateless": knowledge.stateless, "owner": knowledge.owner_verbs, "venue": knowledge.venue_words}
        target[kind].add(words[0])
        return
    if kind in ("authority", "release"):
        if len(words) != 1 or len(cols) < 3 or cols[2] not in SECTORS:
            raise fail(f"an {kind} row names one lemma and a sector, found {' '.join(cols)!r}")
        (knowledge.authority_acts if kind == "authority" else knowledge.release_acts)[words[0]] = cols[2]
        return
    if kind == "national":
        if len(cols) < 3:
            raise fail(f"a national row names a body and the code it has in one country, found {' '.join(cols)!r}")
        code = cols[2]
        check_code(code, countries, fail, SECTORS)
        if code[:3] not in countries or len(code) < 6:
            raise fail(f"a national row's code is a country and a sector, not {code!r}")
        knowledge.national_bodies.setdefault(words, {})[code[:3]] = code
        return
    if kind != "description":
        raise fail(f"unknown type {cols[1]!r}; expected one of: {', '.join(TYPES)}")
    if len(cols) != 4:
        raise fail("a description row needs four columns: phrase, type, refers_to, when")
    refers_to, when = cols[2], cols[3].lower()
    if when not in WHEN:
        raise fail(f"unknown 'when' {cols[3]!r}; expected one of: {', '.join(WHEN)}")
    if words[0] == "the":
        raise fail(f"write the phrase without its 'the': {phrase!r}")
    refers = refers_to.lower() if refers_to.lower() in (ANY_COUNTRY, ANY_ARMED_GROUP) else "codes"
    if refers == ANY_ARMED_GROUP and when != "named":
        raise fail("an armed-group description refers to a group the article named: its 'when' is named")
    if refers != "codes":
        codes: tuple[str, ...] = ()
    else:
        codes = tuple(refers_to.split("/"))
        for code in codes:
            check_code(code, countries, fail, SECTORS)
            if code[:3] not in countries and code[:3] not in TRANSNATIONAL and code[:3] not in REGIONS:
                raise fail(f"a description refers to a country or an organisation, not {code!r}")
    knowledge.add(Description(words, codes, when, f"{path}:{lineno}", refers))
