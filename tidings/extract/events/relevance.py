"""Which events are kept: political news, not company affairs, sports or markets (docs/events.md,
"Which events are kept").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.extract.events import syntax as roles
from tidings.extract.events.common import (
    TICKER,
    TRANSNATIONAL_POLITICAL,
    VIOLENT,
    WORD_SPLIT,
    ends_in_word_of,
    has_country,
    singular,
)
from tidings.model import Participant


#: industrial sites, where a blast is an accident unless a doer is named
_WORKS = frozenset({"plant", "mine", "colliery", "factory", "refinery", "warehouse", "depot", "pit", "works",
                    "mill", "smelter", "shipyard", "dockyard", "reactor", "quarry"})  # (a pipeline blast may be sabotage)


#: hazards that are substances: their blast is an accident, their attack a weapon's ("a gas attack")
_SUBSTANCES = frozenset({"gas", "coal", "boiler", "fireworks"})


#: sectors of private people, whose travel is no visit of state
_PRIVATE_SECTORS = frozenset({"CVL", "EDU", "SPT", "HLH", "BUS", "MED", "REL"})


#: verbs of warning, which to one's own people give advice
_ADVISING = frozenset({"warn", "caution", "advise", "alert"})


#: what makes a fire someone's: "sniper fire", "mortar fire"
_GUNFIRE = frozenset({"gun", "sniper", "mortar", "rocket", "artillery", "cross", "tank", "machine-gun"})


#: pronouns that stand for people (not "it": a thing as often as a party)
_PEOPLE_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})


def _person_pronoun(p: Participant) -> bool:
    return p.text.lower() in _PEOPLE_PRONOUNS


class Relevance:
    def _groups(self, p: Participant | None) -> list[str]:
        if p is None or not p.code:
            return []
        code = p.code.upper()
        return [code[i:i + 3] for i in range(0, len(code), 3)]

    def _political(self, p: Participant | None) -> bool:
        """A political or social actor: a code that is not only a business, media, health... sector
        (the word set &NONPOLITICAL); an IGO or NGO always is one. An actor named only in a modifier
        of the participant ("the US *giant*", "a Supreme Court *decision*") makes it no more than weak."""
        if p is not None and p in self.modifier_only:
            return False
        if self._person_by_country(p):
            return False  # a person known only by a country (of their article): a weak party, like a name
        groups = self._groups(p)
        if not groups:
            return False
        if groups[0] in TRANSNATIONAL_POLITICAL:
            return True
        return not any(g.lower() in self.nonpolitical for g in groups)

    def _person_by_country(self, p: Participant | None) -> bool:
        """A person coded by a country alone ("John Major of Britain", a name in a one-country story)."""
        return p is not None and bool(p.code) and len(p.code) == 3 and self.actor_kinds.get(p.actor) == "person"

    def _weak(self, p: Participant | None) -> bool:
        """A named party the actor dictionary cannot code (a person, an organisation), a civilian
        party (a sector of &CIVILIAN_SECTORS), or a noun phrase headed by a word for a political or
        social group (&POLITICAL_GROUPS: "teachers", "the committee")."""
        if p is None:
            return False
        if self._company(p):
            return False  # "Medtronic Inc.", "the electronics retailer": a company is no political party
        if p.actor is not None and (not p.code or p in self.modifier_only or self._person_by_country(p)):
            return True
        if p in self.attack_parts:
            return True
        if self.civilian and any(g.lower() in self.civilian for g in self._groups(p)):
            return True  # "a man", "two engineers": people count outside sports and business news
        return bool(self.political_groups) and any(
            w in self.political_groups or singular(w) in self.political_groups
            for w in WORD_SPLIT.split(p.text.lower()) if w)


    def _company(self, p: Participant | None) -> bool:
        """A company: coded as a business sector, or named with a company word (&COMPANIES)."""
        if p is None:
            return False
        groups = self._groups(p)
        if groups and groups[0] in TRANSNATIONAL_POLITICAL:
            return False  # the IMF, the WTO (IGOBUS...): institutions of states
        if any(g.lower() in ("bus", "mnc") for g in groups):
            return True
        return _has_word(p, self.companies)

    def _hazard(self, p: Participant | None) -> bool:
        """A natural force named as the doer ("Tropical Storm Jeanne", "the quake"): an accident."""
        return p is not None and _has_word(p, self.hazards)

    def _accident_toll(self, tok: Token) -> bool:
        """A passive deed with no doer whose cause, named beside it, is an accident or a natural force:
        "were killed *in a house fire*", "died *when fire tore through* their home", "were hurt *as an
        earthquake jolted* the island" - a toll, no one's act."""
        if not roles.is_passive(tok) or any(c.dep_ == "agent" for c in tok.children):
            return False
        # the toll's verbs share the cause: "five miners were killed and 14 injured *in a blast*"
        verbs = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"] \
            + ([tok.head] if tok.dep_ == "conj" and tok.head.pos_ == "VERB" else [])
        return any(self._hazard_cause(v) for v in verbs)

    def _hazard_cause(self, verb: Token) -> bool:
        """Whether a cause named beside a verb is an accident or a natural force ("*in a house fire*",
        "*when fire tore through*")."""
        causes = [next((g for g in c.children if g.dep_ == "pobj"), None) for c in verb.children
                  if c.dep_ == "prep" and c.lower_ in ("in", "by", "during", "after", "as")]
        causes += [next((g for g in c.children if g.dep_ in roles.SUBJ), None) for c in roles.clauses_beside(verb)]
        return any(cause is not None and self._hazard_word(cause) for cause in causes)

    def _hazard_word(self, tok: Token) -> bool:
        """A hazard, or a fire that is no gunfire ("a house fire", "fire tore through"), or a blast of
        a hazard or at a works ("a *gas* explosion", "an explosion *at a power plant*")."""
        lemma = tok.lemma_.lower()
        if lemma in self.hazards or tok.lower_ in self.hazards:
            return True
        modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod")]
        blast = lemma in ("explosion", "blast", "fire", "flame")
        if any((c.lemma_.lower() in self.hazards or c.lower_ in self.hazards)
               and (blast or c.lower_ not in _SUBSTANCES) for c in modifiers):
            return True  # "a *gas* explosion", "a *shark* attack" (a gas attack is a weapon's)
        if not blast:
            return False
        # "an explosion *at a power plant*", a headline's "power *plant* explosion", "mine blast"
        sites = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside")
                 for g in c.children if g.dep_ == "pobj"] + modifiers
        if any(site.lemma_.lower() in _WORKS for site in sites):
            return True  # "an explosion *at a power plant*"
        return lemma in ("fire", "flame") and not any(c.lower_ in _GUNFIRE for c in tok.children)

    def _thing(self, tok: Token, p: Participant) -> bool:
        """A participant that names no party: no actor, no code, no name the tagger knows, not a pronoun,
        no word for people (&PEOPLE, &POLITICAL_GROUPS, the civilian sectors), no attack."""
        if not self.people or p.actor is not None or p.code or tok.pos_ in ("PRON", "PROPN") \
                or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.people or tok.lower_ in self.people or lemma in self.attacks or p in self.attack_parts:
            return False
        return not self._weak(p)

    def _company_affair(self, source: Participant | None, target: Participant | None) -> bool:
        """A company's dealings with anyone but the state: its workers, unions, rivals, a party the
        dictionary cannot code (&COMPANY_PEERS names the sector groups that count as such)."""
        if not (self._company(source) or self._company(target)):
            return False
        for p in (source, target):
            if p is None or self._company(p):
                continue
            groups = self._groups(p)
            if groups and (groups[0] in TRANSNATIONAL_POLITICAL or not any(
                    g.lower() in self.nonpolitical or g.lower() in self.company_peers for g in groups)):
                return False  # a government, court or army acting on a company ("a UN expert") is political news
        return True

    def _people_words(self, p: Participant, before_of: bool = False) -> bool:
        """A participant whose last word is a word for people (&PEOPLE: "a judge", "the world
        community", "the rivals"); with ``before_of``, its last word before "of" ("four *employees* of
        a British security firm": people named by the company they belong to)."""
        text = p.text.lower().split(" of ")[0] if before_of else p.text
        return ends_in_word_of(text, self.people)

    def _security(self, p: Participant | None) -> bool:
        return any(g.lower() in self.security for g in self._groups(p))

    def _keep(self, source: Participant | None, target: Participant | None, violent: bool = False) -> bool:
        """Whether an event with these participants is political news (docs/events.md, "Which
        events are kept"). Violence done to people is news whoever they are: "a journalist was shot"
        (MED), "a doctor was kidnapped" (HLH) count like civilians, which their sectors are not for
        other acts ("the newspaper claims")."""
        if source is None and target is None:
            return False
        if self.keep_any:
            return True  # '@keep any': the user's dictionary decides alone what is an event
        if self._company_affair(source, target) and not (self._security(source) or self._security(target)) \
                and not (violent and not self._company(source) and target is not None
                         and self._people_words(target, before_of=True)):
            # (violence against a company's people is no company affair: "killed four employees of a
            # British security firm")
            return False
        if self.domain:
            # Sports and business news: a country is a team or a market, a company is no actor.
            if self._security(source) or self._security(target):
                return True
            return all(self._political(p) and not self._country_only(p) for p in (source, target))
        if self._political(source) or self._political(target):
            return True
        if violent and self._person_victim(target) and (not self.cued or (not self.domain and has_country(target))):
            # (one business word in a story is no market news when the victim has a nationality: "a
            # Briton shot dead ... was an employee of the company")
            return True
        if violent and not self.cued and target is not None and target in self.modifier_only and has_country(target) \
                and self._of_nationality(target):
            # a thing of a nationality that violence struck ("a Dutch mosque was set on fire", "an Iraqi
            # pipeline was blown up"): its country is the victim (AG guide rule 22, "an Israeli town");
            # a bare place ("operations in Idlib") is only where something happened
            return True
        # A party the dictionary cannot code counts only in a text with no sports or business cue; so
        # does a pronoun for people acting on people ("he has criticized her surrogates"), not on a
        # thing ("they ordered a batch of wings")
        if self.cued:
            return False
        if self._weak(source) or self._weak(target):
            return True
        return source is not None and target is not None and any(_person_pronoun(p) for p in (source, target)) \
            and all(_person_pronoun(p) or p.code for p in (source, target))

    def _counted_dead(self, tok: Token, verb: bool, source: Participant | None, target: Participant | None,
                      code: str) -> bool:
        """Violence whose victims are only counted ("*Three* Killed in Gaza Raid", "killed *20*"), no
        doer named, in a place of a country: people were killed there, and that is news (AG guide: the
        victims' country is the target) wherever the number stands for them."""
        if not verb or self.keep_any or self.cued or source is not None or code[:2] not in VIOLENT \
                or not has_country(target):
            return False
        counted = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")]
        if tok.dep_ in ("acl", "relcl", "ROOT") and tok.head.i != tok.i:
            counted.append(tok.head)  # the headline's bare participle: "Three *Killed*"
        return any(c.pos_ == "NUM" and not any(g.dep_ in ("prep", "compound") for g in c.children) for c in counted) \
            and not self._hazard_cause(tok)  # ("Five Killed *in Bus Crash*": a toll)

    def _of_nationality(self, p: Participant) -> bool:
        """Whether a participant is a thing coded by the nationality word before it ("a *Dutch* mosque")."""
        return any(p.start <= self.doc[i].idx < p.end for i in self.thing_countries)

    def _private_trip(self, source: Participant | None, target: Participant | None, code: str) -> bool:
        """A visit or tour of a country by private people ("Indian cricketers will tour Bangladesh"):
        travel, no visit of state (AG guide rule 16 codes the visits of parties to their hosts)."""
        if code[:3] != "042" or self.keep_any or target is None:
            return False
        groups = self._groups(source)
        sectors = groups[1:] if groups and groups[0] not in _PRIVATE_SECTORS else groups  # (after a country)
        return bool(sectors) and all(g in _PRIVATE_SECTORS for g in sectors) and self._country_only(target)

    def _advice(self, tok: Token, source: Participant | None, target: Participant | None, code: str) -> bool:
        """A warning by a state to its own private people ("the US warned Americans to avoid Haiti"):
        advice on their safety, no coercive threat (AG guide rule 9); a warning to another state's
        people or to a party stays a threat."""
        if code[:2] != "13" or self.keep_any or tok.lemma_.lower() not in _ADVISING or source is None or target is None:
            return False
        own, told = self._groups(source), self._groups(target)
        if not own or not told or own[0] != told[0] or len(own[0]) != 3:
            return False
        private = told[1:] if len(told) > 1 else []
        nationals = len(told) == 1 and self.actor_kinds.get(target.actor) == "group"  # "Americans"
        return nationals or (bool(private) and all(g in _PRIVATE_SECTORS for g in private))

    def _own_cause(self, source: Participant | None, target: Participant | None, code: str) -> bool:
        """Backing or defending one's own thing ("Canada defended *its decision*", "Israel backs *its
        stated aim*"): no act towards anyone (the thing of another party is that party's: context.py)."""
        if code[:2] != "05" or self.keep_any or source is None or target is None or target.code:
            return False
        first = target.text.split(" ", 1)[0].lower()
        return first in ("its", "their", "his", "her", "our", "own")

    def _person_victim(self, p: Participant | None) -> bool:
        """A coded party of people, not a company: any sector but business ("a journalist", "aid
        workers", "doctors")."""
        return p is not None and bool(p.code) and len(p.code) > 3 and not self._company(p)

    def _country_only(self, p: Participant | None) -> bool:
        groups = self._groups(p)
        return len(groups) == 1 or (len(groups) == 2 and groups[1] == "GOV" and p is not None
                                    and self.actor_kinds.get(p.actor) == "country")



def domain(doc: Doc, sets: dict[str, frozenset[str]]) -> tuple[str | None, bool]:
    """'sports' or 'business' when the text reads as sports or markets news: at least two distinct
    cue words of that domain (&SPORTS_CUES, &BUSINESS_CUES), more than the political cue words
    (&POLITICS_CUES) in the text. None otherwise. And whether the text has any such cue word at all
    and no more political ones."""
    sports, business, politics = (sets.get(n, frozenset()) for n in ("&SPORTS_CUES", "&BUSINESS_CUES", "&POLITICS_CUES"))
    if not sports and not business:
        return None, False
    found: dict[str, set[str]] = {"sports": set(), "business": set(), "politics": set()}
    for tok in doc[:2000]:
        word = tok.lower_.rstrip(".")  # "Inc.", "Corp.", "Co." end in their full stop
        if not word.isalpha():
            continue
        lemma = tok.lemma_.lower().rstrip(".")
        for name, words in (("sports", sports), ("business", business), ("politics", politics)):
            if word in words or lemma in words:
                found[name].add(lemma)  # one word, counted once ("banks" and its lemma "bank")
    if business and TICKER.search(doc.text[:20000]):
        found["business"].add("(ticker)")  # "Merck (MRK)", "(IDB.TO: Quote, Profile, Research)": a markets wire
    best = max(("sports", "business"), key=lambda n: len(found[n]))
    n, politics = len(found[best]), len(found["politics"])
    return (best if n >= 2 and n > politics else None), n > politics


def _has_word(p: Participant, words: frozenset[str]) -> bool:
    """Whether a word of the participant's text is one of ``words``."""
    return bool(words) and any(w in words for w in WORD_SPLIT.split(p.text.lower()) if w)
