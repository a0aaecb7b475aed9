"""Word sets and small helpers shared by the stages of the event coder."""
from __future__ import annotations

import re

from spacy.tokens import Token

from tidings.knowledge.actors import SECTORS
from tidings.model import Participant

MAX_SENTENCE_TOKENS = 250  # longer "sentences" are tables or run-on lists: code only their start
MAX_EVENTS_PER_SENTENCE = 10
MAX_PER_TRIGGER = 4
CLAUSE_STOP = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl", "parataxis",
                          "conj", "punct", "mark", "cc", "aux", "auxpass", "neg", "npadvmod", "appos", "expl"})
#: with '@scope phrase': only another sentence part or a coordinated verb ends the verb's phrase
PHRASE_STOP = frozenset({"parataxis", "punct", "cc", "nsubj", "nsubjpass", "csubj", "expl"})
PHRASE_DEPTH = 8
NOUN_DEPS = frozenset({"amod", "compound", "nmod", "prep", "pobj", "poss", "nummod", "advmod", "npadvmod"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "within", "off"})
#: prepositions of the place where a meeting or signing is held ("met *in* Oslo", "signed *at* the UN")
VENUE_PREPS = ("in", "at", "inside")
TRANSNATIONAL_POLITICAL = frozenset({"IGO", "NGO", "NGM", "IMG"})
#: sectors of private people, whom acts are done to or for rather than parties that act: "child
#: protection", "a *refugee* camp"
PEOPLE_SECTORS = frozenset({"CVL", "REF", "EDU", "HLH", "MED", "REL", "LAB", "AGR"})
WORD_SPLIT = re.compile(r"[^a-z0-9'-]+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERB_POS = frozenset({"VERB"})
COPULA = frozenset({"be", "remain", "become"})
#: nouns that only count or group the event noun after their "of": "a new round of talks", "a wave of attacks"
PARTITIVE = frozenset({"round", "series", "wave", "spate", "string", "number", "set", "flurry", "barrage", "volley"})
PERSONAL = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "this", "that"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: things a party puts forward, whose maker may stand before them ("an *army* bid", "a *Moroccan* request")
PROPOSALS = frozenset({"bid", "offer", "plan", "proposal", "demand", "request", "call", "initiative", "ultimatum",
                       "proposition", "appeal", "deal"})
#: gatherings one holds or attends with others: a venue phrase naming one is the meeting, not where it
#: was ("received advice *in a meeting with* X"), and one that sets the scene of a clause is its subject's
#: ("*at talks with* Blair, Bush said")
MEETING_NOUNS = frozenset({"meeting", "talk", "talks", "session", "summit", "conversation", "call", "interview",
                           "negotiation", "negotiations", "encounter", "audience", "visit", "conference", "dinner",
                           "lunch", "breakfast"})
#: words a party says against another, whose nationality before them is the sayer's ("*Georgian* charges
#: of meddling", "*Iraqi* criticism"), unlike a deed's ("*Iraqi* attacks" may be where they happened)
CHARGES = frozenset({"charge", "accusation", "allegation", "criticism", "condemnation", "complaint", "warning"})
VIOLENT = frozenset({"18", "19", "20"})  # CAMEO roots of violence: assault, fight, mass violence
DATELINE_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")
WIRE_CREDITS = frozenset({"reuters", "ap", "afp", "upi", "cnn", "cbs", "bbc", "agencies", "xinhua", "tass", "dpa", "ani", "pti"})
# a stock ticker in brackets, told from an acronym like "(IMF)" by its exchange, its market suffix or
# the wire's spacing: "(NYSE: IBM)", "(KO.N)", "(MRK )", "(IDB.TO: Quote, Profile, Research)"
TICKER = re.compile(r"\((?:(?:NYSE|Nasdaq|NASDAQ|LSE|TSX|AMEX)\s*:\s*[A-Z]{1,5}|[A-Z]{2,5}\.[A-Z]{1,2}[):]|[A-Z]{2,5} \)|[A-Z.]{1,8}:\s*Quote)")


def ends_in_word_of(text: str, *sets: frozenset[str]) -> bool:
    """Whether the last word of ``text`` (or its singular) is in one of ``sets``: "two *engineers*"
    in &PEOPLE, "political *factions*" in &POLITICAL_GROUPS."""
    words = [w for w in WORD_SPLIT.split(text.lower()) if w]
    return bool(words) and any(words[-1] in words_ or singular(words[-1]) in words_ for words_ in sets)


def singular(word: str) -> str:
    """A plural noun's singular, roughly ("groups" -> "group", "militias" -> "militia", "parties" -> "party")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word



def clause_verb(t: Token) -> Token | None:
    """The verb whose clause a word belongs to: "agreed to impose sanctions on *Belarus*" -> impose."""
    head = t.head
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def has_country(p: Participant | None) -> bool:
    """A party coded with a country or an organisation, not a bare sector ("five people": CVL)."""
    return p is not None and bool(p.code) and p.code[:3] not in SECTORS


#: words of paying back a deed: their "for" phrase names what was done, by someone else ("revenge for
#: the killing", "punished them for the attack")
ANSWERING = frozenset({"revenge", "vengeance", "retaliation", "retribution", "reprisal", "reprisals", "punishment",
                       "compensation", "punish", "avenge", "retaliate"})
