"""Slot filling: which words of the sentence are an event's source and target (docs/events.md, slots).
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.extract.events import syntax as roles
from tidings.extract.events.common import (
    CHARGES,
    DATELINE_DASH,
    MAX_SENTENCE_TOKENS,
    MEETING_NOUNS,
    NOUN_POS,
    PEOPLE_SECTORS,
    PERSONAL,
    PROPOSALS,
    TRANSNATIONAL_POLITICAL,
    VENUE_PREPS,
)
from tidings.extract.events.triggers import ENGAGING, support_verb
from tidings.knowledge.actors import SECTORS


#: nouns of what befell a place, which a name before them locates: "the *Iraq* death toll probe"
_HAPPENINGS = frozenset({"death", "toll", "war", "conflict", "violence", "unrest", "disaster", "massacre", "genocide"})
#: sectors of private people: before a deed noun, those it is done to or for, not its doers
#: prepositions before a deed whose suspect a verb of &SUSPECTING names ("arrested X *in* the killing of Y")
_SUSPECT_PREPS = frozenset({"in", "for", "over", "with", "of"})
#: subordinate clauses that state an act of their own, not the party the main act is about
_OWN_ACT_MARKS = frozenset({"if", "unless", "when", "whenever", "while", "after", "before", "because", "since",
                            "though", "although", "whereas", "once"})


#: verbs that count a toll, whose doer a clause beside them may name ("were killed *when militants blew up* ...")
_TOLL_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def _own_clause(clause: Token) -> bool:
    """A clause with a subject and an object of its own, neither a relative pronoun ("in which
    *gunmen* stormed *a mosque*"): it tells an act of its own, not a gap in the noun it describes."""
    def own(c: Token) -> bool:
        return c.tag_ not in ("WDT", "WP", "WP$") and c.lower_ not in roles.RELATIVE
    return any(c.dep_ in roles.SUBJ and own(c) for c in clause.children) \
        and any(c.dep_ in ("dobj", "obj") and own(c) for c in clause.children)


def _for_to(clause: Token) -> bool:
    """An infinitive after "for X" ("opened its borders for aid trucks *to enter* ..."), which the
    parser reads as a phrase and a loose clause: X is the infinitive's subject."""
    to = next((c for c in clause.children if c.tag_ == "TO"), None)
    if to is None or to.i == 0:
        return False
    before = clause.doc[to.i - 1]
    return before.dep_ == "pobj" and before.head.lower_ == "for"


#: attacks only armed forces make, so that a nationality before them names the forces ("*Israeli* air
#: strikes"); before other attacks it may be the setting ("*Iraqi* attacks kill 69")
_ARMED_ATTACKS = frozenset({"strike", "airstrike", "air-strike", "shelling", "bombardment", "barrage", "raid", "offensive"})
#: acts of force only a state's forces make, whose nationality names them: "the *Russian* invasion"
#: ("siege" and "blockade" are not: "the *Russian* school siege" was laid to a Russian school)
_INVASIONS = frozenset({"invasion", "incursion", "occupation", "bombardment"})
#: prepositions by which a noun event names the party it is aimed at (narrower than parties.AIMED: no
#: place and no "of", "*Iraqi* protests in Baghdad", "*Kenyan* reports of ...")
_AIMED_AT_PARTY = frozenset({"to", "on", "for", "between", "against", "with", "toward", "towards", "from"})
#: measures a country named before them is the target of: "the *Cuba* embargo", "*Iraq* sanctions"
_AIMED_NOUNS = frozenset({"sanction", "sanctions", "embargo", "blockade"})

#: verbs whose subject caused a deed named after them, not did it ("the protests *prompted* the arrest of
#: X"), and those that say so through a preposition ("*led to*", "*resulted in*"; "led a delegation" did)
_CAUSING = frozenset({"cause", "prompt", "trigger", "spark", "provoke"})
_CAUSING_THROUGH = {"lead": "to", "result": "in"}


def _caused_by(noun: Token, support: Token) -> bool:
    """Whether the verb that carries a deed noun only caused it: its subject is no doer."""
    lemma = support.lemma_.lower()
    if lemma in _CAUSING:
        return True
    prep = noun.head
    return lemma in _CAUSING_THROUGH and noun.dep_ == "pobj" and prep.lower_ == _CAUSING_THROUGH[lemma] \
        and prep.head.i == support.i

#: verbs whose subject owns the attack that is their object, besides the light verbs (&LIGHT: launch,
#: wage, step up...): it eases, halts or ends its own offensive
_WAGING = frozenset({"ease", "halt", "suspend", "stop", "end", "scale", "wind", "call", "pursue", "press"})


class Slots:
    def _slot(self, tok: Token, slots: tuple[str, ...], verb: bool, support: Token | None,
              matched: list[Token]) -> list[Token]:
        for slot in slots:
            head = self._fill(tok, slot, verb, support, matched)
            if head is not None and (head.i != tok.i or slot == "self"):
                found = roles.conjuncts(head, self._codes_at)
                members = self._role_members(head, found) if slot == "subj" or self._listed_before(head) else []
                if members:
                    return members  # "Russian and US negotiators", "met *Palestinian and Israeli* negotiators"
                if slot == "subj":
                    pair = self._pair_described(head)
                    if pair:
                        return pair  # "the two leaders discussed Iran": the two last named together
                    extra = self._compound_subject(head)
                    found = [t for t in extra if t not in found] + found if extra else found
                    partner = self._hyphen_partner(head)
                    if partner is not None and len(found) == 1:
                        found = [partner, head]  # "India-Pakistan talks", "Russia-NATO talks": both parties
                return found
        return []

    def _pair_described(self, head: Token) -> list[Token]:
        """The two parties a description of a pair stands for ("*the two leaders* discussed Iran", "*both
        sides* said they would respect the truce", "*the two countries* agreed"): the sides of the last
        interaction between two countries told in an earlier sentence (Coder._remember_pair)."""
        if self.last_pair is None or head.lemma_.lower() not in _PAIR_NOUNS or head.tag_ not in ("NNS", "NNPS") \
                or not any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod") for c in head.children):
            return []
        if any(t.i >= head.sent.start for t in self.last_pair):
            return []
        self.pair_description = head
        return list(self.last_pair)

    def _fill(self, tok: Token, slot: str, verb: bool, support: Token | None, matched: list[Token]) -> Token | None:
        if slot == "first-actor":
            return self._first_actor(tok)
        if slot == "self":
            # a noun for the doer ("the *kidnappers* of two reporters"): the noun itself
            return tok if not verb else None
        if slot.startswith("past:"):
            return self._past_object(tok, slot[5:], verb, support, matched)
        if slot == "front":
            # the party named before the verb, its grammatical subject whatever the voice: PETRARCH's
            # marker before the verb ("*Velmara* has received ...", "*Velmara* was freed ...")
            if verb and roles.is_passive(tok):
                return roles.verb_object(tok)
            return self._fill(tok, "subj", verb, support, matched)
        if slot == "above":
            return self._above_subject(tok) if verb else None
        if verb:
            if slot == "subj":
                subject = self._past_dateline(roles.verb_subject(tok))
                own = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and own is not None and own.i != subject.i and own.lower_ in ("he", "she") \
                        and self._coded_at(own) and self._actor_at(own.idx, own.idx + len(own)) \
                        is not self._actor_at(subject.idx, subject.idx + len(subject)):
                    # "gunmen seized a diplomat as *he* left a mosque": the pronoun the actor references
                    # resolved (one person: the diplomat) over the main clause's subject
                    subject = own
                speaker = roles.speaker_of_own_arms(subject) if subject is not None else None
                if speaker is not None and self._coded_at(speaker):
                    subject = speaker  # "the military said *its aircraft* struck": the military's act
                if subject is not None and subject.head.i != tok.i and not self._coded_at(subject) \
                        and subject.pos_ == "PROPN" and self._capital_of(subject.text):
                    self.place_actors.add(subject.i)  # "... and *Washington* rejecting": a capital acting
                if subject is not None and subject.head.i == tok.i and not self._coded_at(subject):
                    # two subjects, the parser's reading of a descriptive noun before a name ("Old foes
                    # Gondor and Osgiliath have renewed"): the one that names a coded actor
                    named = [c for c in tok.children if c.dep_ in roles.SUBJ and c.i != subject.i and self._coded_at(c)]
                    if len(named) == 1:
                        subject = named[0]
                if subject is None and not roles.is_passive(tok):
                    # a verb has no compounds: the parser took the name before it for a modifier of a
                    # word it misread ("Ethiopia act on ...", headline grammar); a state or a party of a
                    # state there is the subject (a bare sector word may be a real compound: "Police raids")
                    named = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and self._country_actor(c)]
                    if named:
                        return named[-1]
                if subject is None and roles.is_passive(tok) and tok.lemma_.lower() in _TOLL_VERBS:
                    doer = self._deed_doer(tok) or self._toll_attack(tok)
                    if doer is not None:
                        return doer
                if subject is None and roles.is_passive(tok) and not any(c.dep_ == "agent" for c in tok.children) \
                        and (not self.authorities or tok.lemma_.lower() in self.authorities):
                    # "was arrested *in Niger*", "were expelled *from Iran*": with no agent named, the
                    # country where it happened stands for its authorities (CAMEO coders' reading) - for
                    # acts only authorities perform; "was attacked in Kabul" names no attacker
                    return self._passive_place(tok)
                if subject is not None and subject.lemma_.lower() in self.attacks and not self._coded_at(subject):
                    # "an offensive *that has killed* 100", "the raid killed four": the attack's own doer
                    owner = self._attack_owner(subject)
                    if owner is not None:
                        return owner
                if subject is not None and subject.i == tok.head.i and tok.dep_ in ("acl", "relcl") \
                        and subject.lemma_.lower() in self.documents:
                    # "passed a resolution *criticizing* X", "filed a lawsuit *accusing* X": the one who
                    # issued the document is the source; "vetoed a resolution *demanding* X": not the veto's
                    issuer = self._clause_subject(subject) if self._issued(subject) else None
                    return issuer or subject
                return subject
            if slot == "obj":
                obj = roles.verb_object(tok)
                if not roles.is_passive(tok):
                    recipient = self._document_recipient(tok)
                    if recipient is not None:
                        return recipient
                    if obj is not None and self._in_opener(obj):
                        # "ABIDJAN (Reuters) - X criticized on Tuesday a UN decision": the parser took
                        # the dateline for the object; the one after it is the real one
                        return next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > obj.i
                                     and not self._in_opener(c)), None)
                    return obj
                # a passive's object is its subject, which the parser may read as the dateline, the
                # real one hanging below it or beside it ("MINSK - *An opposition leader* was arrested")
                found = self._past_dateline(obj)
                if found is None and obj is not None:
                    later = [c for c in tok.children if c.dep_ == "nsubjpass" and c.i > obj.i]
                    found = self._past_dateline(later[-1]) if later else None
                return found
            if slot == "iobj":
                found = next((c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"), None) or \
                    roles.prep_objects([tok], "to") or self._fused_receiver(tok, matched)
                # "*Sudan* was given an ultimatum": the receiver is the passive's subject
                return found or roles.passive_receiver(tok, frozenset(m.i for m in matched))
            if slot == "xsubj":
                head = roles.verb_object(tok)
                # "said *he* must go": a personal pronoun there is the speaker or someone named before
                return None if head is not None and head.lower_ in PERSONAL else head
            anchors = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prt", "xcomp")]
            # a pattern word that is a preposition's object carries its own phrases: "called for
            # *sanctions* against X", "ordered the *release* of X"
            anchors += [t for t in matched if t.dep_ == "pobj" and t.head.head.i == tok.i or
                        t.dep_ == "dobj" and t.head.i != tok.i]
            if slot == "any":
                obj = roles.verb_object(tok)
                if obj is not None and obj in matched:
                    obj = None  # the pattern's own word ("signed *an agreement*") is what was done, not to whom
                elif obj is not None and obj.head.i != tok.i and roles.creating(obj.head):
                    obj = None  # "agreed to set up *a company* in Berlin": what is made is no party to the act
                return obj or roles.for_clause_subject(tok) or roles.any_object(anchors)
            return roles.prep_objects(anchors, slot[5:])
        # nouns
        if slot == "subj":
            for c in tok.children:
                if c.dep_ == "poss":
                    if self._ranked_in(tok, c):
                        continue
                    if c.tag_ == "PRP$" and c.lower_ not in ("my", "your"):
                        # "its withdrawal", "their attacks on": the possessor is the subject of the clause
                        return (roles.verb_subject(support) if support is not None else None) \
                            or self._praised_for(tok) or self._clause_subject(tok) or c
                    return c
            by = roles.prep_objects([tok], "by")
            if by is None and (done_to := roles.prep_objects([tok], "of")) is not None and done_to.i > tok.i:
                # the parser hangs a deed's agent on its object: "the arrest of an opposition leader *by
                # police*"
                by = roles.prep_objects([done_to], "by")
            if by is not None:
                return by
            aimed_at = self._compound_aimed_at(tok, support)
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod") and self._named_at(c) and not self._attack_setting(tok, c) \
                        and not self._event_setting(tok, c) and not (aimed_at and c.dep_ in ("compound", "nmod")):
                    return c  # "*Russian* troop buildup", "a *Saudi-led* strike"; not "*military* exercises"
            if tok.lemma_.lower() in PROPOSALS | CHARGES and (maker := self._nationality_word(tok)) is not None:
                # "a *Moroccan* request", "*Georgian* charges": the nationality's state made it
                self.thing_countries[maker[0].i] = maker[1]
                return maker[0]
            if tok.lemma_.lower() in _ARMED_ATTACKS | _INVASIONS and any(
                    c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "into") for c in tok.children) \
                    and (maker := self._nationality_word(tok)) is not None:
                # "the *Israeli* raid on Gaza", "the *Russian* invasion of Georgia": the nationality's forces
                # (with whom or where it strikes named: "A Canadian Invasion" of the markets is none)
                self.thing_countries[maker[0].i] = maker[1] + "MIL"
                return maker[0]
            if tok.lemma_.lower() not in _ARMED_ATTACKS | _INVASIONS and self._aimed_at_party(tok) \
                    and (maker := self._nationality_word(tok)) is not None:
                # "*Egyptian* mediation between Israel and Hamas", "*Japanese* aid to Iraq": with the party
                # it is aimed at named, a nationality names the state that acts
                self.thing_countries[maker[0].i] = maker[1]
                return maker[0]
            suspect = self._suspect_of(tok)
            if suspect is not None:
                return suspect
            if support is not None and roles.is_passive(support) and support.lemma_.lower() in ENGAGING:
                # "the government *is engaged* in talks", "was locked in talks": the one engaged holds them
                return next((c for c in support.children if c.dep_ == "nsubjpass"), None)
            held = self._held_responsible(tok)
            if held is not None:
                return held
            if support is not None:
                if _caused_by(tok, support):
                    return None  # "the diversion *led to* the arrest of X": a cause, not the arrester
                subject = roles.verb_subject(support)
                # (the noun itself is the subject of a verb of happening: "talks *began* between ...")
                return subject if subject is None or subject.i != tok.i else None
            return self._meeting_setting_subject(tok)
        if slot == "obj":
            return self._noun_object(tok)
        if slot == "iobj":
            if support is None:
                return None
            # "*Iran* was given a deadline": the receiver is the passive's subject, not the noun itself
            return next((c for c in support.children if c.dep_ == "dative"), None) \
                or roles.passive_receiver(support, frozenset({tok.i}))
        anchors = [tok] + ([support] if support is not None else [])
        if slot == "any":
            return roles.prep_objects([tok], "of") or roles.any_object(anchors)
        if slot == "xsubj":
            return None
        if slot == "compound":
            # "Blair's *Israel* visit", "the UN imposed *Sudan* sanctions": a place or party named
            # before the noun, when the noun's doer is named apart (its possessor, or the subject of
            # the verb that carries it)
            if not any(c.dep_ == "poss" for c in tok.children) and not self._compound_aimed_at(tok, support):
                return None
            return next((c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
                         and (self._named_at(c) or self._is_place(c))), None)
        if slot == "prep:of":
            return self._noun_object(tok) or roles.prep_objects(anchors, "of")
        if support is not None and support.lemma_.lower() in self.venue_words and slot[5:] in VENUE_PREPS:
            # "signed a ceasefire *in the Ethiopian capital*": where the parties met, not the ceasefire's
            # place (the noun's own phrase is: "a ceasefire *in Gaza*")
            anchors = [tok]
        return roles.prep_objects(anchors, slot[5:])

    def _ranked_in(self, noun: Token, possessor: Token) -> bool:
        """A possessor that a deed is ranked in, not its doer: "*Iraq's* highest-profile assassination
        in eight months", "*Britain's* deadliest attack" - a superlative, and no one the deed is aimed
        at or place it reached ("Israel's biggest offensive *in Gaza*" is Israel's own)."""
        if not any(t.tag_ in ("JJS", "RBS") for t in noun.doc[possessor.i + 1:noun.i]):
            return False
        return not any(c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "in", "at", "into", "inside")
                       and not roles.time_phrase(c) for c in noun.children)

    def _noun_object(self, noun: Token) -> Token | None:
        """The object of a deed noun: its "of" phrase, also one the parser hung on its agent ("the
        seizure *by militants of two engineers*")."""
        found = roles.prep_objects([noun], "of")
        if found is None:
            agent = roles.prep_objects([noun], "by")
            of = roles.displaced_of(agent) if agent is not None else None
            found = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if found is None:
            # coordinated deeds share their object, whichever the parser gave it: "the kidnapping and
            # murder *of a girl*", "the abduction and killing *of two engineers*"
            partners = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
            if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
                partners.append(noun.head)
            listed = roles.coordinated_modifier(noun)
            if listed is not None:
                partners.append(listed)
            found = next((o for o in (roles.prep_objects([p], "of") for p in partners) if o is not None), None)
        return found

    def _event_setting(self, noun: Token, name: Token) -> bool:
        """A name before a deed of force or a happening in the same compound, where it happened, not
        who does the head noun's act: "*Iraq* murder probe" is an inquiry into a murder in Iraq, "the
        *Bali* bombing trial" a trial of a bombing there, "the *Iraq* death toll probe". Not before
        other nouns: "*Russian* troop buildup" (troops are no deed), "a *US* aid package" (the aid is
        the US's)."""
        if name.dep_ != "compound":
            return False
        return any(t.dep_ == "compound" and t.head.i == noun.i and t.pos_ == "NOUN"
                   and (t.lemma_.lower() in _HAPPENINGS or self._deed_of_force(t))
                   for t in self.doc[name.i + 1:noun.i])

    def _attack_setting(self, noun: Token, name: Token) -> bool:
        """A country named before an attack noun as where it happened, not who did it: "US official
        killed in *Iraq* attack" when the story's towns lie in Iraq. A country the story names no
        town of stays the attacker ("a *US* strike" on Falluja)."""
        country = self.countries.get(name.i)
        if country is None or name.dep_ != "compound" or noun.lemma_.lower() not in self.attacks:
            return False
        return any(p.country == country and p.kind != "country" for p in self.analysis.places)

    def _deed_doer(self, tok: Token) -> Token | None:
        """The party whose deed, told in a clause beside a passive toll with no agent, caused it: "four
        soldiers were killed *when militants blew up* a tunnel" - the militants killed them."""
        for c in roles.clauses_beside(tok):
            if roles.is_passive(c):
                continue
            doer = next((g for g in c.children if g.dep_ in roles.SUBJ), None)
            if doer is not None and doer.lower_ not in PERSONAL and self._coded_at(doer):
                return doer
        return None

    def _toll_attack(self, tok: Token) -> Token | None:
        """The attack a passive toll with no agent happened in, when the text says whose it is: "two
        Palestinians were killed *in an Israeli raid*", "died in *Israel's* air strikes" - the attack
        is the doer, as when it is the subject ("an Israeli raid killed two"). An attack no one is
        named for ("killed in two car bombings") leaves the doer unknown."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if noun is None or noun.lemma_.lower() not in self.attacks:
                continue
            owner = self._attack_owner(noun)
            if owner is not None:
                return owner
            if noun.i in self.thing_countries:
                return noun
        return None

    def _attack_owner(self, noun: Token) -> Token | None:
        """Whose attack a noun of attack is, when the text says: the noun's own source slot (its
        possessor, by-phrase, a party named before it: "*Israel's* offensive", "a *US* air strike"),
        with the verb that launches, wages, eases or ends it as its supporting verb ("*Israel* said it
        was easing an offensive that has killed ..."); None when the attack is no one's named."""
        owner = self._fill(noun, "subj", False, support_verb(noun, self.light | _WAGING), [])
        if owner is not None and owner.i != noun.i and self._coded_at(owner):
            return owner
        country = self._thing_nationality(noun) if noun.lemma_.lower() in _ARMED_ATTACKS else None
        if country is not None:
            # "*Israeli* air strikes killed two militants": a nationality before an attack makes it that
            # country's forces' (the attack stays the doer's words, coded as them)
            self.thing_countries[noun.i] = country + "MIL"
        return None

    def _held_responsible(self, noun: Token) -> Token | None:
        """The one held responsible for a deed: "Iran held *the US* responsible for the attack", "blamed
        *the rebels*, calling them responsible for the killings" - the party of the small clause, not the
        one who holds it so."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i == prep.i:
            return None
        adjective = prep.head
        if adjective.lemma_.lower() not in ("responsible", "accountable") or adjective.dep_ not in ("oprd", "ccomp", "xcomp"):
            return None
        own = next((c for c in adjective.children if c.dep_ in roles.SUBJ), None)
        if own is not None:
            return own
        verb = adjective.head
        return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < adjective.i), None)

    def _above_subject(self, tok: Token) -> Token | None:
        """The slot ``above``: the subject of the verb whose complement clause the trigger heads
        ("*Velmara* noted that Quentor regretted ...", "*Velmara* suggested Quentor demand ...")."""
        clause = tok
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ not in ("ccomp", "xcomp") or clause.head.pos_ not in ("VERB", "AUX"):
            return None
        return self._past_dateline(roles.verb_subject(clause.head))

    def _in_opener(self, tok: Token) -> bool:
        """Whether ``tok`` lies in the dateline and credit that open the copy."""
        opener = self.analysis.opener()
        return opener is not None and opener[0] <= tok.idx < opener[1]

    def _past_dateline(self, subject: Token | None) -> Token | None:
        """The parser often reads a dateline ("LIMA, May 4 - Peru and Bolivia signed") as the subject,
        the real subject hanging below it: take the first noun after the dateline in its subtree."""
        opener = self.analysis.opener()  # the dateline and the wire's credit ("AP - ")
        if subject is None or opener is None or subject.idx < opener[0]:
            return subject
        # the dateline runs to its dash: "LIMA, May 4 (Wire) - "
        dash = DATELINE_DASH.search(self.analysis.text, opener[1], opener[1] + 80)
        end = dash.end() if dash else opener[1]
        if subject.idx >= end:
            return subject
        for t in subject.subtree:
            if t.idx >= end and t.pos_ in NOUN_POS and (t.head.idx < end or t.head.i == t.i):
                return t
        return None

    def _passive_place(self, tok: Token) -> Token | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "from") and not roles.time_phrase(c):
                for g in c.children:
                    if g.dep_ == "pobj":
                        place = self.place_words.get(g.i)
                        if place is not None and place.country:
                            self.place_actors.add(g.i)
                            return g
                        inner = next((x for x in g.children if x.dep_ == "prep" and x.lower_ == "in"), None)
                        pobj = next((x for x in inner.children if x.dep_ == "pobj"), None) if inner is not None else None
                        if pobj is not None and pobj.i in self.place_words and self.place_words[pobj.i].country:
                            self.place_actors.add(pobj.i)
                            return pobj  # "in a prison *in Afghanistan*"
        return None

    def _suspect_of(self, noun: Token) -> Token | None:
        """The one arrested, charged or accused over a deed named by a noun: "arrested *a man* in the
        kidnapping of a girl", "*Two men* were charged with the murder of X", "accused *the army* of the
        killing": the suspect is the deed's doer as the report states it (kept asserted, as alleged
        attacks are)."""
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head  # "in the kidnapping and *sexual assault* of ..."
        noun = roles.coordinated_modifier(noun) or noun  # the same list, misparsed
        blamed = self._blamed_on(noun)
        if blamed is not None:
            return blamed
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in _SUSPECT_PREPS or prep.head.i == prep.i:
            return None
        verb = prep.head
        suspecting = self.patterns.sets.get("&SUSPECTING", frozenset())
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "nsubjpass") and verb.head.pos_ == "VERB" \
                and verb.head.lemma_.lower() in suspecting:
            return verb  # the phrase hung on the suspect: "arrested [a man in the kidnapping of ...]"
        if verb.pos_ == "NOUN" and verb.lemma_.lower() == "suspect":
            return verb  # "two suspects in the bombing", whatever is done with them
        if verb.pos_ == "VERB" and (named := next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                                                   and c.lemma_.lower() == "suspect" and c.i < noun.i), None)):
            return named  # (the parser hung the deed on the verb: "handed over [two suspects] in the bombing")
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in suspecting:
            return None
        if noun.lemma_.lower() in self.patterns.sets.get("&SWEEPS", frozenset()) or (
                any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
                and not any(c.dep_ == "prep" and c.lower_ in ("of", "on", "against") for c in noun.children)):
            # "arrested two men *in a raid on a house*", "seized two Americans *in a bold raid*": an
            # operation of the ones arresting (&SWEEPS), or a deed named indefinitely with no one it was
            # done to, is how the arrest was made, by the ones making it
            return roles.verb_subject(verb)
        return roles.verb_object(verb)

    def _blamed_on(self, noun: Token) -> Token | None:
        """The doer a deed is laid on: "two attacks *blamed on* Kurdish rebels", "violence that is
        blamed on separatists", "the bombing was attributed to ETA" (&BLAMING)."""
        blaming = self.patterns.sets.get("&BLAMING", frozenset())
        verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]
        if noun.dep_ in ("nsubjpass", "dobj"):  # "was blamed on X", "blamed the bombing on X"
            verbs.append(noun.head)
        for verb in verbs:
            if verb.lemma_.lower() in blaming:
                # the parser may hang the "on" phrase on the deed: "blamed [the bombing on ETA]"
                for c in [*verb.children, *(noun.children if verb.i == noun.head.i else ())]:
                    if c.dep_ in ("prep", "dative") and c.lower_ in ("on", "to"):
                        found = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if found is not None:
                            return found
        return None

    def _fused_receiver(self, verb: Token, matched: list[Token]) -> Token | None:
        """The receiver of a double object the parser fused into one noun phrase: "granted *the
        Portuguese government* permission" read as a compound of "permission" - a coded party
        before the pattern's own object noun."""
        for word in matched:
            if word.dep_ in ("dobj", "obj") and word.head.i == verb.i:
                party = next((c for c in word.children if c.dep_ in ("compound", "nmod") and c.i < word.i
                              and self._coded_at(c)), None)
                if party is not None:
                    return party
        return None

    def _document_recipient(self, verb: Token) -> Token | None:
        """Whom a document that asks, urges or demands is addressed to, when the verb names no party of
        its own: "sent *a letter to the UN* asking that its troops be withdrawn" asks the UN (not "its
        troops", who are what it asks about); "a letter urging *the UN* to act" keeps its own object."""
        if any(c.dep_ in ("dobj", "obj", "dative") and self._coded_at(c) for c in verb.children):
            return None
        head = verb.head
        if verb.dep_ == "acl" and head.lemma_.lower() in self.documents:
            holders = [head] + ([head.head] if head.dep_ in ("dobj", "obj") else [])
        elif verb.dep_ == "advcl" and head.pos_ == "VERB" and (head.lemma_.lower() == "write" or any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.documents for c in head.children)):
            holders = [head]  # "sent a letter to the UN *asking* ...", "wrote to the UN *urging* ..."
        else:
            return None
        return next((g for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj" and self._coded_at(g)), None)

    def _issued(self, document: Token) -> bool:
        """Whether the verb a document is the object of makes it its subject's own: any verb but one
        of refusing it (&DISOWNING: "vetoed a resolution demanding X")."""
        verb = document.head
        while verb.dep_ in ("prep", "conj", "appos") and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        return verb.lemma_.lower() not in self.patterns.sets.get("&DISOWNING", frozenset())

    def _meeting_setting_subject(self, noun: Token) -> Token | None:
        """The one who takes part in a meeting that sets the scene of a clause: "*At talks with
        Blair*, Bush said ...", "during a meeting with X, the minister ..." - the subject of the verb
        the phrase hangs on, when the meeting names whom it was with."""
        verb = roles.setting_verb(noun)
        if verb is None or noun.head.lower_ not in _SETTING_PREPS or noun.lemma_.lower() not in MEETING_NOUNS \
                or not any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            return None
        subject = roles.verb_subject(verb)
        return subject if subject is not None and subject.i != noun.i else None

    def _praised_for(self, noun: Token) -> Token | None:
        """The party a verb's "for" phrase gives the reason of, whose deed "its" or "their" names:
        "praised Indonesia for *its arrest* of the bombers", "blamed the rebels for their attacks" -
        the object, not the one who praises or blames."""
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "for" or prep.head.pos_ != "VERB":
            return None
        return next((c for c in prep.head.children if c.dep_ == "dobj" and self._coded_at(c)), None)

    def _clause_subject(self, noun: Token) -> Token | None:
        """The subject of the verb a noun phrase belongs to ("the US completed *its withdrawal*", "X
        issued *a statement* condemning ..."), through prepositions and objects, a few steps up."""
        tok = noun
        for _ in range(4):
            if tok.dep_ not in ("dobj", "pobj", "prep", "attr", "oprd", "conj", "appos", "nsubjpass", "dative") \
                    or tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                subject = roles.verb_subject(tok)
                return subject if subject is not None and subject.i != noun.i and subject.tag_ != "PRP$" else None
        return None

    def _past_object(self, tok: Token, word: str, verb: bool, support: Token | None,
                     matched: list[Token]) -> Token | None:
        """The slot ``past:WORD``: the first coded actor of the trigger's phrase named after the
        pattern word WORD ("received money *from Velmara*": PETRARCH's ``MONEY $``) or, for a
        preposition, after its object, whose own words are skipped ("warned at the council *of
        Velmara*": PETRARCH's ``AT ^ +``)."""
        own_word = next((t for t in matched if t.lower_ == word or t.lemma_.lower() == word), None)
        if own_word is not None and own_word.pos_ != "ADP":
            skipped = own_word  # 'MONEY $': the party named after a pattern word ("received money *from X*")
        else:
            anchors = [tok] + ([support] if support is not None else [])
            if verb:
                anchors += [c for c in tok.children if c.dep_ in ("dobj", "prt", "xcomp")]
                anchors += [t for t in matched if t.dep_ in ("pobj", "dobj") and t.i != tok.i]
            skipped = roles.prep_objects(anchors, word)
        if skipped is None:
            return None
        own = self._mention_span(skipped)
        return self._first_actor(tok, after=max(skipped.i, own.end - 1 if own is not None else skipped.i))

    def _aimed_at_party(self, noun: Token) -> bool:
        """Whether a noun event names the party it is aimed at in a phrase of its own ("aid *to Iraq*",
        "mediation *between Israel and Hamas*")."""
        return any(c.dep_ == "prep" and c.lower_ in _AIMED_AT_PARTY and any(
            g.dep_ == "pobj" and self._named_at(g) for g in c.children) for c in noun.children)

    def _first_actor(self, tok: Token, after: int = -1) -> Token | None:
        """The slot ``first-actor``: the first coded actor named after the trigger in its own phrase
        (its objects, their modifiers and complements, its prepositional phrases, a clause it
        governs), in text order, as PETRARCH takes the target of a verb phrase. A coordinated verb
        ("condemned X *and promised* aid to Y") and a loose clause after a comma or dash are another
        phrase. The head of the actor's mention is returned, so a coordination gives each conjunct."""
        if roles.is_passive(tok) and after < 0:
            # a passive verb's target is its grammatical subject ("Eriador was opposed by Osgiliath");
            # its 'by' agent is the source, never the target
            obj = roles.verb_object(tok)
            if obj is not None and self._coded_at(obj):
                return obj
        inside: list[Token] = []
        stack = [c for c in tok.children if c.i > tok.i and c.dep_ != "agent"]
        while stack and len(inside) < MAX_SENTENCE_TOKENS:
            t = stack.pop()
            if t.dep_ in ("parataxis", "punct", "cc") or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                                                          and t.head.i == tok.i):
                continue
            if t.dep_ == "relcl" and (any(c.dep_ in ("dobj", "obj") and self._actor_at(c.idx, c.idx + len(c))
                                          for c in t.children) or _own_clause(t)):
                # a relative clause with a party as its own object is an act of its own: "to halt
                # fighting *that has killed 40 people*" - the dead are no target of halting (one
                # without, the parser's home for a stray phrase, is still read: "gave data, which
                # includes names, *to the Indian government*"); so is one with a subject and an object
                # of its own: "launched an attack *in which gunmen stormed a mosque*" - the gunmen are
                # no target of the attack ("the proposal *Somalia put forward*" names its maker)
                continue
            if t.dep_ == "advcl" and not self.keep_any and any(c.tag_ == "TO" for c in t.children) \
                    and not any(c.dep_ in roles.SUBJ for c in t.children) and not _for_to(t):
                # a purpose is an act of its own: "imposed a curfew *to stop protests over the arrest of
                # X*" - X is no target of the curfew ("opened its borders *for aid trucks to enter X*",
                # with a subject of its own, names whom the act is for; PETRARCH's dictionaries,
                # '@keep any', read the whole verb phrase as PETRARCH does)
                continue
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _OWN_ACT_MARKS for c in t.children) and (
                    t.tag_ == "VBG" or any(c.dep_ in roles.SUBJ or c.dep_ in roles.PASSIVE_SUBJ for c in t.children)):
                # a subordinate clause with a subject of its own is its own act: "threatened to cut
                # ties *if the activists are pardoned*" - the activists are no target of cutting ('until
                # X meets the demands', 'for X to deliver' name the party the act is about); so is a
                # participle after 'while', 'after' ...: "vowed to fight hard *while reaching out to
                # Democrats*"
                continue
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.head.i == tok.i and t.lower_ != "visiting" \
                    and not self.keep_any:
                # a deed told by a gerund after the trigger's preposition is an act of its own: "ruled
                # against *holding terror suspects*", "protested against sending troops to X" - those
                # it is done to are no target of the ruling or the protest ("met with *visiting* X" is
                # the parser's reading of an adjective: X is met)
                continue
            if t.dep_ in ("conj", "appos") and t.head.i == tok.i and tok.pos_ in NOUN_POS \
                    and self._actor_at(t.idx, t.idx + len(t)) is not None:
                # "last week's riots, officials and residents said": a party listed beside an event
                # noun is not its target (a noun listed beside it shares its phrase: "rejection and
                # condemnation *of X*")
                continue
            inside.append(t)
            if t.dep_ == "conj" and t.head.i == tok.i and tok.pos_ in NOUN_POS:
                # a noun listed beside the event noun shares what follows it, not its own modifiers:
                # "air strikes and *artillery* fire hit X" - the artillery is whose fire, no target
                stack.extend(c for c in t.children if c.i > t.i)
                continue
            stack.extend(t.children)
        for t in sorted(inside, key=lambda x: x.i):
            if t.i <= after:
                continue  # words the slot skips ('past:WORD')
            actor = self._actor_at(t.idx, t.idx + len(t))
            if actor is None or not actor.code or self._role_adjective(t):
                continue
            span = self._mention_span(t)
            head = span.root if span is not None else t
            if head.dep_ in ("dobj", "obj") and head.head.i != tok.i and roles.creating(head.head) and not self.keep_any:
                continue  # "agreed to set up *a company* in Berlin": what is made is no party to the act
            return head
        return None

    def _listed_before(self, head: Token) -> bool:
        """Countries or nationalities listed before a word ("*Palestinian and Israeli* negotiators")."""
        return any(c.dep_ in ("amod", "compound", "nmod") and c.i < head.i and c.pos_ in ("ADJ", "PROPN")
                   and self._country_actor(c) and any(g.dep_ == "conj" and g.i < head.i and g.pos_ in ("ADJ", "PROPN")
                                                      and self._country_actor(g) for g in c.children)
                   for c in head.children)

    def _role_members(self, head: Token, conjuncts: list[Token]) -> list[Token]:
        """A role word with the actors it belongs to in a phrase after it: "lawmakers *in Velia and
        Corbin*", "the envoys *of Velia, Corbin and Tarn*", "soldiers *from Velia*". Each actor is a
        participant of its own, coded as the actor plus the role's groups (VEL + LEG). Only for a role
        whose code holds a sector; a country coordinated with the role ("lawmakers in Velia and
        Corbin", parsed as 'lawmakers and Corbin') belongs to the role too."""
        role = self._role_of(head)
        if role is None:
            # "*Afghan* and NATO forces", "*British* and EU negotiators": the countries coordinated before
            # an international body's people (the actors layer gave them the role) act beside the body
            # (and so do the parties listed before a named body's people: "*Fatah* and Hamas leaders")
            body = self._actor_at(head.idx, head.idx + len(head))
            if body is None or not body.code or not (body.code[:3] in TRANSNATIONAL_POLITICAL or self._named_body(body.code)):
                return []  # "executives from Germany": a business role gives no political participants
            before = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
            before += [g for c in before for g in c.children if g.dep_ == "conj" and g.i < head.i]
            partners = [t for t in before if self._country_actor(t)
                        and self._actor_at(t.idx, t.idx + len(t)).id != body.id]
            if not partners:
                return []
            self.roles_of[head.i] = ()  # the body's own mention ("EU negotiators"), not the whole list
            return sorted(partners, key=lambda t: t.i) + [head]
        members: list[Token] = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    # "the envoys of Velia", not "the kidnappers *of two French reporters*": people after
                    # "of" are the ones the role acts on
                    members += [t for t in roles.conjuncts(pobj) if (self._country_actor(t) or self._igo_at(t))
                                and not (c.lower_ == "of" and self._people_apart(t, head))]
        if not members:
            # "*Russian* and *US* negotiators", "*British*, *French* and *German* diplomats": countries
            # or nationalities coordinated before the role word (adjectives too, unlike conjuncts())
            listed: dict[str, Token] = {}  # one token per actor: "Afghanistan's intelligence services" is one
            stack = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
            while stack and len(listed) < 8:
                t = stack.pop(0)
                if self._country_actor(t):
                    actor = self._actor_at(t.idx, t.idx + len(t))
                    listed.setdefault(actor.id, t)
                    stack += [g for g in t.children if g.dep_ == "conj"]
                    partner = self._hyphen_partner(t)
                    if partner is not None:
                        stack.append(partner)  # "US-Iraqi troops": the troops of both
            if len(listed) > 1:
                members = sorted(listed.values(), key=lambda t: t.i)
        if not members:
            return []
        members += [t for t in conjuncts[1:] if self._country_actor(t) and t not in members]
        # roles coordinated with it belong to the same actors: "lawmakers and officials in X and Y"
        more = [r for c in conjuncts[1:] if (r := self._role_of(c)) is not None and r != role]
        for t in members:
            self.roles_of[t.i] = role
            self.more_roles[t.i] = list(dict.fromkeys(more))
        return members

    def _role_of(self, t: Token) -> tuple[str, ...] | None:
        """The groups a role word at ``t`` gives the actors it belongs to ("lawmakers": LEG), or None:
        not a role (no sector, a person), or a business role outside '@keep any'."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        if actor is None or not actor.code or actor.sector is None \
                or (self.actor_kinds.get(actor.id) == "person" and t.tag_ not in ("NNS", "NNPS")):
            # (a title in the plural is a role of several: "the *leaders* of Velia and Corbin")
            return None
        code = actor.code
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        role = tuple(groups[1:] if actor.country is not None else groups)
        if not role or (not self.keep_any and any(g.lower() in self.nonpolitical for g in role)):
            return None
        if not self.keep_any and actor.country is not None and self._named_body(code):
            return None  # a named body's people ("Fatah and *Hamas leaders*"): Hamas's, no role to share
        return role

    @staticmethod
    def _named_body(code: str) -> bool:
        """A code of a named organisation: a group after the country that is no sector ("PSEREB*HMS*")."""
        return any(code[i:i + 3] not in SECTORS for i in range(3, len(code), 3))

    def _igo_at(self, t: Token) -> bool:
        """An international organisation named at ``t`` or in its modifiers ("the 30 *NATO* member
        states"): the envoys "from" it act for it."""
        for u in [t, *(c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i)]:
            actor = self._actor_at(u.idx, u.idx + len(u))
            if actor is not None and actor.code and actor.code[:3] in TRANSNATIONAL_POLITICAL:
                return True
        return False

    def _hyphen_partner(self, t: Token) -> Token | None:
        """The party joined to ``t`` by a hyphen before it, no space either side ("*US*-Iraqi troops",
        "*India*-Pakistan talks", "*Russia*-NATO talks"): a state, a nationality or an IGO each."""
        if t.i < 2 or not self._pair_member(t, inside=True):
            return None
        dash, before = self.doc[t.i - 1], self.doc[t.i - 2]
        if dash.text not in ("-", "\u2013") or dash.whitespace_ or before.whitespace_:
            return None
        return before if self._pair_member(before) else None

    def _pair_member(self, t: Token, inside: bool = False) -> bool:
        """A state, nationality or IGO named at ``t``; the first word of a longer name is none
        ("*Al*-Qaeda"), the nationality of a role may be one (``inside``: "US-*Iraqi* troops")."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        if actor is None or not actor.code:
            return False
        mention = self._mention_span(t)
        if not inside and mention is not None and len(mention) > 1 and mention.root.i != t.i:
            return False
        return actor.country is not None or self._igo_at(t)

    def _people_apart(self, t: Token, role: Token) -> bool:
        """Whether ``t`` names people (a group or a person) other than the role word's own actor:
        "the kidnappers of *two French reporters*" (whom it was done to), not "the armies of *Brazil*"."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        if actor is None or actor.kind not in ("group", "person"):
            return False
        return not any(m.start <= role.idx < m.end for m in actor.mentions)

    def _country_actor(self, t: Token) -> bool:
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and bool(actor.code) and actor.country is not None

    def _named_at(self, t: Token) -> bool:
        """A modifier that names a party: a country, nationality or a named organisation or person,
        not a bare sector word ("military", "police")."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        if actor is None:
            return False
        if t.pos_ != "PROPN" and (actor.sector or "") in PEOPLE_SECTORS and any(
                i.what == "country" and i.mention.start <= t.idx < i.mention.end for i in actor.inferred):
            # "child protection", "the school hostage massacre": a word for private people whose country
            # the story gave is whom the deed is for or done to ("an *army* offensive" is the army's)
            return False
        return actor.country is not None or t.pos_ == "PROPN"

    def _role_adjective(self, t: Token) -> bool:
        """A role word as an adjective of a thing ("*military* strikes", "a *military* operation"): no
        party, as the actors layer reads it (it keeps its bare sector code, no country)."""
        if t.dep_ != "amod" or self._person_noun(t.head):
            return False
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and actor.country is None and not actor.extra_codes \
            and (actor.code or "")[:3] in SECTORS

    def _codes_at(self, t: Token) -> tuple[str, ...] | None:
        """The codes of the actor named at ``t`` (its code and extra codes), or None."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return (actor.code, *actor.extra_codes) if actor is not None and actor.code else None

    def _compound_aimed_at(self, noun: Token, support: Token | None) -> bool:
        """Whether a name before a noun event is whom or where it is aimed at, not its doer: when the verb
        that carries the noun has a coded subject of its own ("*the UN* imposed Sudan sanctions"), or
        when sanctions, an embargo or a blockade are named by a country before them and by no one
        after them ("Ivory Coast arms embargo", "N. Korea sanctions"). An international body before
        them imposes them ("UN sanctions": it has no country); with an "on"/"against" phrase the country
        before them does ("US sanctions on Cuba")."""
        if self._carrier_subject(noun, support) is not None:
            return True
        if noun.lemma_.lower() not in _AIMED_NOUNS or any(
                c.dep_ == "prep" and c.lower_ in ("on", "against", "of") for c in noun.children):
            return False
        return any(c.dep_ in ("compound", "nmod") and c.i < noun.i and self._country_actor(c) for c in noun.children)

    def _carrier_subject(self, noun: Token, support: Token | None) -> Token | None:
        """The coded subject of the verb that carries a noun event as its object ("*the UN* imposed Sudan
        sanctions", "*the council* voted an arms embargo"), or None: with it named, a name before the
        noun is no doer but whom or where the act is aimed at."""
        if support is None or noun.dep_ != "dobj" or noun.head.i != support.i or roles.is_passive(support):
            return None
        subject = roles.verb_subject(support)
        return subject if subject is not None and subject.i < noun.i and self._coded_at(subject) else None

    def _coded_at(self, t: Token) -> bool:
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and bool(actor.code)

    def _compound_subject(self, head: Token) -> list[Token]:
        """States coordinated before a state subject that the parser hung on it instead of making them
        its conjuncts ("Velmara and the evil awful Quentor welcomed": 'Velmara' as a modifier of
        'Quentor'): each is a subject of its own, in text order. Only bare countries, with 'and' or a
        comma between them and the subject."""
        if not self._coded_at(head) or not any(c.dep_ in ("cc", "conj") or c.lower_ == "," for c in head.subtree):
            return []
        own = self._mention_span(head)
        out = []
        for t in head.subtree:
            if t.i >= head.i or (own is not None and own.start <= t.i < own.end):
                continue
            if t.dep_ in ("nmod", "compound", "conj", "appos", "npadvmod") and t.pos_ in ("PROPN", "NOUN") \
                    and self._state_at(t) and self._state_at(head):
                span = self._mention_span(t)
                root = span.root if span is not None else t
                between = self.doc[(span.end if span is not None else t.i + 1):head.i]
                if root not in out and root.i < head.i and any(b.dep_ == "cc" or b.lower_ == "," for b in between):
                    out.append(root)
        return out

    def _state_at(self, t: Token) -> bool:
        """A coded actor that is a bare country (or a PETRARCH-style actor coded as one)."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and bool(actor.code) and actor.country is not None and actor.sector is None


#: nouns that, as "the two ..." or "both ...", describe the two sides last named
_PAIR_NOUNS = frozenset({"side", "country", "leader", "nation", "government", "neighbour", "neighbor", "state",
                         "president", "minister", "delegation", "party", "rival", "foe", "capital", "man"})
#: prepositions of a phrase that sets the scene of a clause ("*at* talks with X, Y said")
_SETTING_PREPS = frozenset({"at", "during", "after", "following", "in"})
