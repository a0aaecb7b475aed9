"""A party before a thing: when the slot that names an event's target holds a thing ("imposed
*sanctions* on Iran", "signed *a deal* with Iran", "agreed to open *its borders* for aid to reach
Afghanistan"), the party the act is aimed at is looked for before the thing is kept.

Where it is looked for, in order: what a noun "under" or "amid" describes ("the capital under
curfew"); the pattern's other target slots; the thing's own phrase (its possessor and prepositional
objects: "*Buhari*'s decision", "guarantees from *NATO*"); a pattern noun's own phrase ("violated
*Colombia's* ceasefire"); the trigger's prepositional phrases ("sent troops *to Mali*"); the verb it
governs, with its objects and prepositions ("agreed to set up a centre *in Berlin*"). A named or
coded actor, a role word, a personal pronoun or a word for a political or social group is a party.
With nothing at all in the slots, the first coded actor of the trigger's phrase is taken (PETRARCH's
reading); failing a party, a place with a country stands for the party there (coded with its
country, and never by itself making the event political news). The thing stays in the evidence
(the pattern's words and the trigger), only the slot changes.

Also here: where a side's own forces are sent or put on alert (`_destination`), and whom a refusal
held to a condition is aimed at (`_condition_party`).
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.extract.events import syntax as roles
from tidings.extract.events.common import (
    ANSWERING,
    MEETING_NOUNS,
    PEOPLE_SECTORS,
    PROPOSALS,
    VENUE_PREPS,
    VIOLENT,
    singular,
)
from tidings.knowledge.actors import SECTORS, TRANSNATIONAL
from tidings.model import Participant

#: prepositions whose object can be the party an act is aimed at (not "by": the agent; not time)
AIMED = ("to", "on", "against", "with", "in", "into", "at", "from", "for", "of", "over", "toward", "towards", "inside",
         "between", "among")
_MAX_WALK = 40
#: verbs by which a party makes or puts in place the thing a relative clause describes ("the proposal
#: Somalia *put forward*", "the embargo it *imposed* on China")
_MAKING = frozenset({"put", "make", "offer", "propose", "present", "submit", "table", "draft", "issue", "impose",
                     "give", "send", "provide", "announce", "unveil", "float", "set", "lay", "pass", "adopt"})
#: participles of judging: their agent judged the thing, it did not make it ("a charter *denounced by*
#: the unions" is not the unions' charter)
_JUDGING = frozenset({"condemn", "denounce", "criticize", "criticise", "reject", "oppose", "back", "support",
                      "praise", "welcome", "endorse", "accept", "approve", "dismiss", "hail", "question",
                      "dispute", "challenge", "slam", "blast", "applaud", "deplore", "decry"})
#: sectors of a state's own organs (a bare country code has none)
_STATE_SECTORS = frozenset({"", "GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: things named after the place they were agreed in: "the Kyoto pact" is no party in Japan
#: (only instruments named for where they were signed: "the Gaza plan" is about Gaza)
_NAMED_AFTER_PLACES = frozenset({"pact", "protocol", "accord", "accords", "treaty", "convention", "declaration"})
_PERSONS = frozenset({"him", "her", "them", "us", "he", "she", "they", "we"})
#: modifiers that make a community the world's states
_WORLD = frozenset({"international", "world", "global"})


#: the kinds of actor a possessive pronoun may stand for
_POSSESSIVE_KINDS = {"his": frozenset({"person"}), "her": frozenset({"person"}),
                     "their": frozenset({"group", "organisation", "country", "igo"}),
                     "its": frozenset({"organisation", "country", "igo"})}


#: sectors whose word names no armed side's place or gear: private people's ("a *refugee* camp") and a
#: company's ("a *business* park")
_NO_ONES_POSITION = PEOPLE_SECTORS | {"BUS"}
#: accusations, complaints, refusals, sanctions and coercion: against a party's thing, against the party
_AGAINST_OWNERS = frozenset({"11", "12", "16", "17"})
#: nouns of an act done in answer to another ("in *protest* at", "in *response* to", "in *retaliation* for")
_ANSWERS = frozenset({"protest", "response", "reaction", "answer", "retaliation", "reprisal", "revenge"})
#: meetings, talks and negotiations (CAMEO 040, 043, 046), whose "in" or "at" phrase is their venue
_MEETINGS = frozenset({"040", "043", "046"})
#: talks, whose object is their topic ("discussed the fate of X"), not whom they were held with
_TALKS = frozenset({"040", "041", "046"})
#: a peacekeeping body or its work ("a peacekeeping *force*", "UN peacekeeping *operations*")
_MISSIONS = frozenset({"force", "mission", "operation", "deployment", "contingent"})
#: words for people that say no more than that they are people
_ANYONE = frozenset({"people", "persons", "those", "individuals", "others"})
#: help and backing given, promised or moved (AGREE, SUPPORT, COOPERATE, AID, MOBILIZE, YIELD)
_BACKING = frozenset({"03", "05", "06", "07", "08", "15"})




class Parties:
    def _is_party(self, t: Token, trigger: Token | None = None) -> bool:
        """A named or coded actor at ``t``, or a word for a political or social group ("teachers"), or
        for a person (below)."""
        if roles.is_time(t) or t.lower_ in ("it", "its", "this", "that", "which"):
            return False
        if self._role_adjective(t):
            return False
        if self._actor_at(t.idx, t.idx + len(t)) is not None or t.lower_ in _PERSONS:
            return True
        lemma = t.lemma_.lower()
        nominal = t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "appos")
        if self.actor_dictionary is not None and nominal and (
                self.actor_dictionary.lookup(t.lower_) or self.actor_dictionary.lookup(lemma)):
            return True  # a role word ("a journalist", "two engineers"): someone, not something
        if nominal and t.dep_ not in ("compound", "amod", "nmod") and self._person_noun(t, strict=True) \
                and not (t.dep_ == "pobj" and t.head.lower_ == "of" and (trigger is None or t.head.head.i != trigger.i)):
            # a word for one person (WordNet's &PERSONS): "detained *the sons* of X", "the arrest of *26
            # members*"; not a nationality before a thing ("the *Ugandan* proposal") nor the owner in a
            # thing's of-phrase ("records *of the shipowners* to the navy")
            return True
        if lemma == "community" and any(c.dep_ == "amod" and c.lower_ in _WORLD for c in t.children):
            return True  # "the international community": the world's states, whom an appeal addresses
        return bool(self.political_groups) and (lemma in self.political_groups or singular(t.lower_) in self.political_groups)

    def _state_of(self, t: Token) -> str | None:
        """The country whose state a party acts for: a country, its government, forces, courts or
        parliament ("Maduro", "the army"); None for rebels, parties, people (a rebel's country is no
        state of its own)."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        if actor is None or not actor.code or not actor.country or actor.code[:3] != actor.country:
            return None
        return actor.country if actor.code[3:6] in _STATE_SECTORS else None

    def _bare_country_at(self, t: Token) -> str | None:
        """The country a word names as a state ("*Venezuela's* borders"), not a body of it."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor.country if actor is not None and self.actor_kinds.get(actor.id) == "country" else None

    def _deed_done_to(self, t: Token) -> bool:
        """A noun for an act done to the one its "of" names ("the release *of* prisoners", "the arrest
        of X", "the killing of Y"): a lexicon noun whose target is its "of" phrase."""
        lemma = t.lemma_.lower()
        patterns = self.patterns.nouns.get(lemma) or self.patterns.nouns.get(t.lower_) or ()
        return self._deed_of_force(t) or any("prep:of" in p.target for p in patterns if not p.before and not p.after)

    def _deed_of_force(self, t: Token) -> bool:
        """A noun for an act of force or coercion ("killing", "abduction", "attack", "arrest")."""
        lemma = t.lemma_.lower()
        if lemma in self.attacks:
            return True
        patterns = self.patterns.nouns.get(lemma) or self.patterns.nouns.get(t.lower_) or ()
        return any(p.code[:2] in VIOLENT or p.code[:2] == "17" for p in patterns)

    @staticmethod
    def _topic(thing: Token, matched: list[Token]) -> bool:
        """Whether the object of talks is what they are about ("discussed *the fate* of X"), not the
        meeting itself ("attended *the summit* in London", the pattern's own word)."""
        return thing.lemma_.lower() not in MEETING_NOUNS and all(m.i != thing.i for m in matched)

    def _is_place(self, t: Token) -> bool:
        place = self.place_words.get(t.i)
        return place is not None and bool(place.country)

    def _prefer_party(self, tok: Token, targets: list[Token], slots: tuple[str, ...], verb: bool,
                      support: Token | None, matched: list[Token], code: str = "",
                      sources: list[Token] = ()) -> list[Token]:
        """``targets`` unless they are all things and a party is found for them (module docstring)."""
        # (a force attacked, criticised or pressed is the force: only help and backing go to the place)
        kept = (self._peacekeeping_place(targets) or self._people_place(targets)) if code[:2] in _BACKING else None
        if kept is not None:
            return kept
        if any(self._is_party(t, tok) for t in targets) or not slots:
            return targets
        # (a source is no target: "condemned by rights groups as a sham and *by Washington*")
        seen = {t.i for t in targets} | {tok.i} | {m.i for m in matched} | {s.i for s in sources}
        candidates: list[Token] = []
        if not verb and tok.dep_ == "pobj" and tok.head.lower_ in ("under", "amid") and tok.head.head.pos_ in ("NOUN", "PROPN"):
            # "the capital *under curfew*", "a town under siege": the noun the phrase describes
            held = tok.head.head
            candidates += [held, *_phrase_objects(held)]
        answer = roles.answering_verb(tok) if not verb else None
        if answer is not None:
            # "Britain agreed to *a US request* for help": a request is made to the one who answers it
            candidates += [c for c in answer.children if c.dep_ in roles.SUBJ]
        for thing in targets:  # the thing's own doer first: "condemned actions *by Rwanda*"
            candidates += _agents_of(thing)
            # and its maker named before it, not a place: "rejected an *army* bid", "a *rebel* offer"
            if thing.lemma_.lower() in PROPOSALS:
                candidates += [c for c in thing.children if c.dep_ in ("compound", "nmod") and c.i < thing.i
                               and not self._is_place(c)]
            elif code[:2] in _AGAINST_OWNERS and (country := self._thing_nationality(thing)) is not None \
                    and country not in {self._state_of(x) for x in sources}:
                # a complaint, a charge or a measure against a thing of a nationality is against that
                # country, before whoever else the pattern's slots name: "filed a complaint with the WTO
                # against *Brazilian* subsidies" (the thing stays the target, coded by the country)
                self.thing_countries[thing.i] = country
                return [thing]
        for slot in slots:  # the pattern's other slots, in its order
            head = self._fill(tok, slot, verb, support, matched)
            if head is not None and head.i not in seen:
                candidates.append(head)
        # a deed condemned, rejected or welcomed is aimed at its doer, never at those it was done to
        # ("praised the release *of prisoners*" by Myanmar is praise of Myanmar)
        condemned = code[:2] in ("11", "12", "05", "09", "14")
        for thing in targets:  # the thing's possessor and the objects of its prepositions
            if code[:2] in VIOLENT:
                # force against a party's thing is against the party: "ripped through *their* patrol",
                # "opened fire on *his* car" (a pronoun the references resolved to an actor)
                candidates += [owner for c in thing.children if c.dep_ == "poss" and c.tag_ == "PRP$"
                               and (owner := self._possessive_owner(c, tok)) is not None]
            if code[:2] in VIOLENT or code[:2] == "17":
                # and against the party its place or gear is named by: "bombed *rebel* positions",
                # "raided a *militant* hideout", "shelled *insurgent* strongholds" - its holder first:
                # "stormed *insurgent*-held police stations"
                before = [c for c in thing.children if c.i < thing.i]
                candidates += [g for c in before if c.dep_ == "amod" and c.tag_ == "VBN"
                               for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i < c.i]
                candidates += [c for c in before if c.dep_ in ("compound", "amod", "nmod")
                               and c.pos_ in ("NOUN", "ADJ") and not self._is_place(c) and not self._people_at(c)]
            if condemned and self._deed_of_force(thing):
                # "condemned the killing *of two engineers*" is not aimed at them; "Israel's killing" is Israel's
                candidates += [c for c in thing.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
            elif code[:3] in _TALKS and verb and self._topic(thing, matched):
                # what talks are about is no one talked with: "discuss *the fate of abducted citizens*"
                pass
            elif condemned and self._deed_done_to(thing):
                # "praised the release *of prisoners*": those it was done to are not praised (a veto *for*
                # the council's members still names whom it is for)
                candidates += [c for c in _phrase_objects(thing)
                               if not (c.dep_ == "pobj" and c.head.lower_ in ("of", "against", "on"))]
            else:
                candidates += _phrase_objects(thing)
        meeting = code[:3] in _MEETINGS
        # a deed of force the act answers ("revenge *for the killing of its leader*") or, condemned or
        # investigated, is about ("a probe *into the killing of two traders*") is aimed at by its doer,
        # not at those it befell
        holders = [w for w in matched if w.i != tok.i] + [tok] + [c for c in tok.children if verb and c.dep_ == "dobj"] \
            + ([support] if support is not None else [])  # (the parser may hang the phrase on the light verb)
        # (and what an act answers through "in protest at", "in response to": "held a boycott *in protest at
        # government attacks* on civilians" is aimed at the government)
        holders += [g for w in holders for p in w.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in _ANSWERS]
        reasons = [g for word in holders
                   for p in word.children if p.dep_ == "prep" and (
                       p.lower_ == "for" and word.lemma_.lower() in ANSWERING or condemned and p.lower_ in AIMED)
                   for g in p.children if g.dep_ == "pobj" and self._deed_of_force(g)]
        answered = {t.i for r in reasons for t in r.subtree}
        for word in matched:  # a pattern noun's own phrase: "violated *Manila's* ceasefire"
            if word.i != tok.i and word.pos_ in ("NOUN", "PROPN") and not (verb and word.i < tok.i):
                # (not a pattern word of the subject: "*US troops* move toward X" names the doer; nor the
                # venue of a meeting held: "held talks *in Oslo*")
                candidates += [c for c in _phrase_objects(word) if c.i not in answered and not (
                    meeting and c.dep_ == "pobj" and c.head.head.i == word.i and _is_venue(c.head, VENUE_PREPS))]
        doers = [d for r in reasons
                 for d in _agents_of(r) + [c for c in r.children if c.dep_ == "poss" and c.tag_ != "PRP$"]
                 + [c for c in r.children if c.dep_ in ("compound", "amod", "nmod") and c.i < r.i and self._named_at(c)]]
        candidates += doers
        answered -= {d.i for d in doers}
        anchors = [tok] + ([support] if support is not None else [])
        if verb:  # the object's own prepositions: "put *the town* under curfew" (not a condemned deed's,
            # nor the topic of talks; a visit's are: "toured a camp *in Chad*")
            anchors += [c for c in tok.children if c.dep_ == "dobj" and not (condemned and self._deed_done_to(c))
                        and not (code[:3] in _TALKS and self._topic(c, matched))]
        # a meeting's "in"/"at" phrase is where it is held: "met *in the rebel stronghold* of X" meets no rebels
        venue = VENUE_PREPS if code[:3] in _MEETINGS else ()
        for anchor in anchors:
            # so is a signing's: "signed a ceasefire *in the Ethiopian capital*" (a ceasefire *in Gaza* is Gaza's)
            signed = support is not None and anchor.i == support.i and support.lemma_.lower() in self.venue_words
            candidates += _prep_objects(anchor, VENUE_PREPS if signed else venue)
        # the verb the trigger governs, its objects and prepositions: "agreed *to provide Sri Lanka*
        # with ...", "agreed to set up a centre *in Berlin*", "an effort *to end the conflict between*
        # Sudan and Chad"; not the clause that tells what a document says ("blocked a resolution
        # *condemning attacks on civilians*": the civilians are not the ones blocked)
        governed = [c for a in anchors[:2] for c in a.children
                    if c.dep_ in ("xcomp", "acl") and c.pos_ in ("VERB", "AUX")
                    and not (c.dep_ == "acl" and a.lemma_.lower() in self.documents)]
        governed += [g for c in governed for g in c.children if g.dep_ == "xcomp" and g.pos_ in ("VERB", "AUX")]
        for verb_below in governed:
            for c in verb_below.children:
                if c.dep_ in ("dobj", "dative"):
                    # what the act creates is no one it is aimed at: "agreed to set up *a company* in
                    # Berlin" is about Berlin (the new body stays in the evidence)
                    candidates += ([] if roles.creating(verb_below) else [c]) + _phrase_objects(c)
            candidates += _prep_objects(verb_below, venue)
        if verb and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in _SENDING \
                and any(c.tag_ == "TO" or c.lower_ == "to" for c in tok.children if c.i < tok.i):
            # the purpose of a journey is aimed where it goes: "sent experts *to Iran* to investigate the
            # crash", "dispatched a team to Libya to assess the rebels"
            # (the parser may hang the destination on what is sent: "a team of experts *to Iran*")
            sent = [c for c in tok.head.children if c.dep_ in ("dobj", "obj")]
            carriers = [tok.head, *sent, *(g for c in sent for p in c.children if p.dep_ == "prep"
                                            for g in p.children if g.dep_ == "pobj")]
            candidates += [g for a in carriers for c in a.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")
                           for g in c.children if g.dep_ == "pobj"]
        candidates = [c for c in candidates if c.i not in seen and c.i not in answered]
        # a thing's owner that is the doer's own state is no one the act is aimed at: "Maduro closed
        # *Venezuela's* borders with Brazil" is aimed at Brazil
        own = {self._state_of(s) for s in sources} - {None}
        party = next((c for c in candidates if self._is_party(c, tok)
                      and not (c.dep_ == "poss" and self._bare_country_at(c) in own)), None)
        if party is None and not targets:
            # nothing in the slots: the first coded actor of the trigger's own phrase, as PETRARCH reads
            # a verb phrase ("recalled its ambassador *to Havana*" parsed loosely)
            first = self._first_actor(tok)
            party = first if first is not None and first.i not in seen | answered and not _in_venue(first, tok, venue) \
                else None
        if party is None and (code[:2] in VIOLENT or code[:3] == "171"):
            # force against a thing of a nationality is against that country, wherever it stood:
            # "struck *Iranian* targets in Syria", "seized a *British*-flagged tanker"
            owned = {t.i: country for t in targets if (country := self._thing_nationality(t)) is not None}
            if owned:
                self.thing_countries.update(owned)
                return [t for t in targets if t.i in owned]
        if party is None:
            # a place: the one the slot names itself ("sealed off *the Gaza Strip*"), else one nearby
            party = next((c for c in [*targets, *candidates] if self._is_place(c)), None)
            if party is None:
                # a thing of a nationality: "rejected *the Ugandan* proposal", "disrupted a *Republican*
                # meeting": the thing stays the target, coded by the country its modifier names
                for thing in targets:
                    country = self._thing_nationality(thing)
                    if country is not None:
                        self.thing_countries[thing.i] = country
                if not targets:
                    # the pattern's own noun may carry it: "cancelled the *Ghanaian* debt"
                    for word in matched:
                        country = self._thing_nationality(word) if word.i > tok.i and word.pos_ == "NOUN" else None
                        if country is not None:
                            self.thing_countries[word.i] = country
                            return [word]
                return targets
            self.place_targets.add(party.i)
        return roles.conjuncts(party, self._codes_at)

    def _peacekeeping_place(self, targets: list[Token]) -> list[Token] | None:
        """The place a peacekeeping force, mission or operation keeps the peace in, which an act aimed
        at the mission is aimed at, as PLOVER codes it: "contribute air support to an African Union
        peacekeeping force *in Somalia*"; None when no target is such a mission with its place."""
        for thing in targets:
            if thing.lemma_.lower() not in _MISSIONS or not any(
                    c.dep_ in ("amod", "compound", "nmod") and (c.lemma_.lower() in self.peacekeeping or c.lower_ in self.peacekeeping)
                    for c in thing.children):
                continue
            place = next((c for c in _prep_objects(thing) if c.head.lower_ in ("in", "to", "for", "inside")
                          and self._is_place(c)), None)
            if place is not None:
                self.place_targets.add(place.i)
                return roles.conjuncts(place, self._codes_at)
        return None

    def _people_place(self, targets: list[Token]) -> list[Token] | None:
        """The place of people named by no more than a number ("300,000 people *in northeast Nigeria*",
        "those affected *in Yemen*", "1,500 people living *in Greek camps*"): help for them is aimed
        at the place, as PLOVER codes it; None unless every target is such a group with a place in
        its own phrase."""
        places = []
        for t in targets:
            if t.lower_ not in _ANYONE or any(self._codes_at(c) for c in t.lefts):
                return None  # ("the Iraqi people" are a people, not a place's)
            place = next((c for c in t.subtree if c.dep_ == "pobj" and c.head.lower_ in ("in", "inside", "across")
                          and self._is_place(c)), None)
            if place is None:
                return None
            places.append(place)
        if not places:
            return None
        self.place_targets.update(p.i for p in places)
        return places

    def _possessive_owner(self, pronoun: Token, trigger: Token) -> Token | None:
        """The party a possessive pronoun stands for: the nearest coded actor of its kind named before
        it in its sentence, not the doer of the act ("two soldiers died when a bomb ripped through
        *their* patrol": the soldiers; "rebels attacked *their* convoy" is not the rebels')."""
        kinds = _POSSESSIVE_KINDS.get(pronoun.lower_)
        if kinds is None:
            return None
        doer = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        doers = {t.i for t in doer.subtree} if doer is not None and doer.dep_ == "nsubj" else set()
        for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
            if t.i in doers or t.pos_ not in ("NOUN", "PROPN"):
                continue
            actor = self._actor_at(t.idx, t.idx + len(t))
            if actor is not None and actor.code and self.actor_kinds.get(actor.id) in kinds:
                return t
        return None

    def _people_at(self, t: Token) -> bool:
        """A word for people an armed side does not fight as a party ("a *refugee* camp", "a *civilian*
        bus"): the place or thing named by them is no party's."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and (actor.sector or "") in _NO_ONES_POSITION

    def _thing_nationality(self, thing: Token) -> str | None:
        """The country a nationality word before a thing names ("the *Ugandan* proposal"), or None."""
        found = self._nationality_word(thing)
        return found[1] if found else None

    def _nationality_word(self, thing: Token) -> tuple[Token, str] | None:
        """The nationality word before a thing and the country it names, or None."""
        if self.actor_dictionary is None:
            return None
        doc = thing.doc
        for c in thing.children:
            if c.dep_ == "amod" and c.i < thing.i and c.lower_ in _LED:
                # "the *US*-led war", "an *Arab*-backed resolution": whoever led or backed it
                for g in c.children:
                    if g.i < c.i and g.text[:1].isupper():
                        entry = self.actor_dictionary.lookup(g.text)
                        if entry is not None and entry.type in ("demonym", "country") and entry.country:
                            return g, entry.country
            if c.dep_ in ("amod", "compound", "nmod") and c.i < thing.i and c.text[:1].isupper():
                # the longest name ending on the modifier: "a *North Korean* offer" is no South Korean one
                for start in range(c.left_edge.i, c.i + 1):
                    if not all(t.text[:1].isupper() for t in doc[start:c.i + 1]):
                        continue
                    entry = self.actor_dictionary.lookup(doc[start:c.i + 1].text)
                    if entry is not None and entry.type in ("demonym", "country") and entry.country:
                        return c, entry.country
        return None

    def _own_forces(self, t: Token, sources: list[Token]) -> bool:
        """Whether ``t`` names the doers' own forces: a force word with their pronoun ("its men",
        "their troops"), or armed forces or police of their country or of none named."""
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in t.children) and t.lemma_.lower() in _FORCES:
            return True
        p = self._participants(t)[0]
        code = p.code if p is not None else None
        if not code or code[:3] in TRANSNATIONAL:
            return False
        if code[:3] in SECTORS:
            return code[:3] in ("MIL", "COP")  # "troops", "police": no country named, the doers' own
        own = {q.code[:3] for s in sources if (q := self._participants(s)[0]) is not None and q.code}
        return code[:3] in own and code[3:6] in ("MIL", "COP")  # "an Army brigade" of the Pentagon's

    def _destination(self, tok: Token) -> Token | None:
        """Where forces moved at ``tok`` go or whom they face: a party or a place after "to", "into",
        "against" ... of the verb, of what it moves or of the purpose it serves ("to fly *into
        Lebanon*", "for a possible order to move *against Syria*"), else after "along", "near", "in" ...
        ("on alert along the border *with Pakistan*")."""
        anchors = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
        anchors += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children if o.dep_ == "pobj"]
        below = [c for a in anchors for c in a.children if c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB"]
        below += [g for a in anchors for p in a.children if p.dep_ == "prep" and p.lower_ == "for"
                  for o in p.children if o.dep_ == "pobj" for g in o.subtree if g.pos_ == "VERB" and g.dep_ in ("acl", "xcomp")]
        for preps in (_GOAL_PREPS, _POSTED_PREPS):
            for a in [*anchors, *below]:
                for p in a.children:
                    if p.dep_ not in ("prep", "dative") or p.lower_ not in preps:
                        continue
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    # (or a party in its own phrase: "the border *with Pakistan*", "*Syria's* weapons")
                    for o in ([obj, *(g for q in obj.children if q.dep_ == "prep" for g in q.children if g.dep_ == "pobj"),
                               *(g for g in obj.children if g.dep_ == "poss")] if obj is not None else []):
                        if self._is_party(o, tok):
                            return o
                        if self._is_place(o):
                            self.place_targets.add(o.i)  # the place stands for the party there
                            return o
                        country = self._thing_nationality(o)
                        if country is not None:
                            self.thing_countries[o.i] = country  # "the *Ukrainian* border"
                            return o
        return None

    def _condition_party(self, tok: Token, source: Participant | None) -> Participant | None:
        """The first party named in the condition a refusal at ``tok`` is held to, other than its maker."""
        for t in roles.refusal_condition_subjects(tok):
            if not self._is_party(t, tok):
                continue
            p = self._participants(t)[0]
            if p is not None and not (source is not None and source.code and p.code == source.code):
                return p
        return None


#: participles after a hyphen that name whose a thing is: "US-*led*", "Arab-*backed*", "British-*flagged*"
_LED = frozenset({"led", "backed", "sponsored", "drafted", "brokered", "proposed", "funded", "armed", "trained",
                  "flagged", "owned", "registered", "operated"})

def _phrase_objects(thing: Token) -> list[Token]:
    """The possessor of a noun phrase and its prepositions' objects, nearest first, a few levels deep."""
    out: list[Token] = []
    frontier = [thing]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "poss" and c.tag_ != "PRP$":
                    out.append(c)
                elif c.dep_ == "prep" and c.lower_ in AIMED and not roles.time_phrase(c):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.append(g)
                            nxt.append(g)
                elif c.dep_ in ("compound", "amod", "nmod") and c.i < t.i and c.pos_ == "PROPN" \
                        and t.lemma_.lower() not in _NAMED_AFTER_PLACES:
                    out.append(c)  # "the *Gaza* warehouse"; not "the *Kyoto* pact", named after a city
        frontier = nxt
        if len(out) > _MAX_WALK:
            break
    return out


def _agents_of(thing: Token) -> list[Token]:
    """Who did the thing a slot names: its "by" phrase ("actions *by Rwanda*"), the agent of a
    participle describing it ("the demands made *by Moscow*"), or the subject of a relative clause
    that made it ("the proposal *Somalia* put forward"), then whom that clause aimed it at ("the
    embargo it imposed *on China*"). Condemning, rejecting or accepting a deed is aimed at the one
    who did it."""
    out: list[Token] = []
    verb = thing.head
    if thing.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and not roles.is_passive(verb):
        # the parser hangs the thing's 'by' phrase right after it on the active verb: "regards the
        # decision *by NATO* as illegal"
        out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i == thing.right_edge.i + 1
                for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") and not roles.is_time(g)]
    for c in thing.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in _JUDGING and not any(
                g.dep_ in roles.SUBJ or g.dep_ in roles.PASSIVE_SUBJ or g.dep_ == "mark" for g in c.children):
            # (not a clause of its own: "a report *that an engineer had been abducted by tribesmen*"
            # tells what the report says; investigating it is aimed at no tribesmen)
            out += [g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        elif c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and c.lemma_.lower() in _MAKING and not any(
                g.dep_ in ("dobj", "obj") for g in c.children):  # (its object is the thing: a relative clause)
            # "rejected the proposal *Somalia* put forward", "the aid *Japan* gave": the relative
            # clause's own subject made the thing (a pronoun there may be the doer itself: left out);
            # what it was aimed at follows ("the embargo it imposed *on China*")
            out += [g for g in c.children if g.dep_ in roles.SUBJ and g.pos_ != "PRON"]
            out += [g for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "against", "to")
                    for g in p.children if g.dep_ == "pobj"]
    return out


def _in_venue(t: Token, trigger: Token, venue: tuple[str, ...]) -> bool:
    """Whether ``t`` lies inside one of the trigger's own venue phrases ("met *in the rebel stronghold*")."""
    while t.head.i != t.i and t.head.i != trigger.i:  # (a Token is made anew on each access: compare indices)
        t = t.head
    return t.head.i == trigger.i and t.dep_ == "prep" and _is_venue(t, venue)


def _is_venue(prep: Token, venue: tuple[str, ...]) -> bool:
    """A venue preposition ("met *in* the rebel stronghold"), not the meeting something happened in
    ("received advice *in a meeting with* X")."""
    return prep.lower_ in venue and not any(g.lemma_.lower() in MEETING_NOUNS for g in prep.children)


#: prepositions of where forces go or whom they face
_GOAL_PREPS = frozenset({"to", "into", "toward", "towards", "against", "across"})
#: prepositions of where forces are posted
_POSTED_PREPS = frozenset({"along", "near", "in", "on", "at", "inside"})
#: words for a party's own armed men and means: "mobilised *its men*", "put *their forces* on alert"
_FORCES = frozenset({"man", "men", "troop", "troops", "soldier", "force", "forces", "unit", "army", "police",
                     "personnel", "fighter", "brigade", "battalion", "division", "ship", "warship", "jet", "aircraft",
                     "reservist", "guard", "navy", "fleet"})
#: verbs of sending or going somewhere: a purpose clause after them is aimed at the destination
_SENDING = frozenset({"send", "dispatch", "deploy", "fly", "travel", "go", "head", "rush", "arrive", "come", "return"})


def _prep_objects(anchor: Token, venue: tuple[str, ...] = ()) -> list[Token]:
    out: list[Token] = []
    for c in anchor.children:
        if c.dep_ == "advmod" and c.pos_ == "ADV":
            out += _prep_objects(c, venue)  # the parser hangs the place on an adverb: "can hit *anywhere in* Israel"
        elif c.dep_ in ("prep", "dative") and c.lower_ in AIMED and not roles.time_phrase(c) and not _is_venue(c, venue):
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    out += _phrase_objects(g)
    return out
