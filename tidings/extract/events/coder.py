"""The coder: one pass over each sentence's tokens, patterns matched at triggers, events built from
their slots, modes and circumstances.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.extract.events import modes
from tidings.extract.events import syntax as roles
from tidings.extract.events.circumstances import Circumstances
from tidings.extract.events.context import story_country
from tidings.extract.events.common import (
    MAX_EVENTS_PER_SENTENCE,
    MAX_PER_TRIGGER,
    NOUN_POS,
    PARTITIVE,
    VERB_POS,
    VIOLENT,
    clause_verb,
    ends_in_word_of,
    has_country,
)
from tidings.extract.events.merge import contact_purposes, one_commitment, one_purpose, one_refusal
from tidings.extract.events.participants import Participants
from tidings.extract.events.parties import Parties
from tidings.extract.events.relevance import Relevance, domain
from tidings.extract.events.slots import Slots
from tidings.extract.events.triggers import (
    match,
    noun_words,
    support_verb,
    verb_words,
)
from tidings.knowledge.actors import SECTORS, TRANSNATIONAL
from tidings.knowledge.event_patterns import EventPattern
from tidings.model import Analysis, Event, Participant, Span


#: sectors of political bodies that are attacked only in words: parties, oppositions, legislatures, elites
POLITICAL_SECTORS = frozenset({"OPP", "PTY", "LEG", "ELI"})


#: nouns of a lasting state: with no one waging it and no one it is waged on, it is no act
_STATES = frozenset({"war", "conflict", "occupation"})
#: a doer acting on himself
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself", "self", "oneself"})
#: CAMEO roots of acts of blame and force (accuse, coerce, assault, fight, mass violence), whose verbs
#: take an object: one without its own shares the next verb's ("arrested and charged the man")
_HARMS = frozenset({"11", "17", "18", "19", "20"})


#: verbs by which a body reports what it did (an arrest or charge told with no agent, then "police said")
_AUTHORITY_REPORTS = frozenset({"say", "report", "announce", "confirm", "state", "tell", "add"})
#: organs of a state that arrest, charge, detain and try
_REPORTING_ORGANS = frozenset({"COP", "MIL", "JUD", "SPY"})


class Coder(Slots, Parties, Participants, Relevance, Circumstances):
    def __init__(self, doc: Doc, analysis: Analysis, cameo, patterns, actors=None, authorities=None, releases=None,
                 venue_words=None):
        self.doc, self.analysis, self.cameo, self.patterns = doc, analysis, cameo, patterns
        self.actor_dictionary = actors
        #: acts only authorities perform ("arrest" -> COP): their unnamed agent is the place's state
        self.authorities: dict[str, str] = authorities or {}
        #: freeings ("free" -> GOV): their unnamed agent is whoever held the freed (authorities or captors)
        self.releases: dict[str, str] = releases or {}
        #: words of parties meeting ("sign", "meet"): a place on such a verb is where they met (context
        #: files); the places themselves are ``analysis.venues``
        self.venue_words: set[str] = venue_words or set()
        self.custody = patterns.sets.get("&CUSTODY", frozenset())
        self.captivity = patterns.sets.get("&CAPTIVITY", frozenset())
        self.light = patterns.light_verbs
        self.light_particles = patterns.sets.get("&NEUTRAL_PARTICLES", frozenset())
        self.nonpolitical = patterns.sets.get("&NONPOLITICAL", frozenset())
        self.civilian = patterns.sets.get("&CIVILIAN_SECTORS", frozenset())
        self.security = patterns.sets.get("&SECURITY", frozenset())
        self.political_groups = patterns.sets.get("&POLITICAL_GROUPS", frozenset())
        self.documents = patterns.sets.get("&DOCUMENTS", frozenset())
        self.receive = patterns.sets.get("&RECEIVE", frozenset())
        #: verbs that carry a noun event as their object: light ones and those of receiving (built once)
        self.carrying = self.light | self.receive
        self.members = patterns.sets.get("&MEMBERS", frozenset())
        self.attacks = patterns.sets.get("&ATTACKS", frozenset())
        self.companies = patterns.sets.get("&COMPANIES", frozenset())
        self.company_peers = patterns.sets.get("&COMPANY_PEERS", frozenset())
        self.peacekeeping = patterns.sets.get("&PEACEKEEPING", frozenset())
        self.captives = patterns.sets.get("&CAPTIVES", frozenset())
        self.hazards = patterns.sets.get("&HAZARDS", frozenset())
        self.people = patterns.sets.get("&PEOPLE", frozenset())  # nouns for people or bodies of them (WordNet)
        self.persons = patterns.sets.get("&PERSONS", frozenset())  # nouns whose first sense is a person (WordNet)
        # Participants are frozen (hashable by value): kept by value, never by id(), which Python reuses
        # once a discarded participant is freed
        self.attack_parts: set[Participant] = set()  # an attack or weapon doing violence
        self.keep_any = getattr(patterns, "keep_any", False)
        self.keep_codes = getattr(patterns, "keep_codes", False)  # '@modes keep': no recoding by mode
        self.phrase_scope = getattr(patterns, "phrase_scope", False)  # '@scope phrase': PETRARCH's reach
        self.generic_verbs: dict[int, bool] = {}  # a verb trigger -> whether its pattern has no words of its own
        self.roles_of: dict[int, tuple[str, ...]] = {}  # token -> role groups it takes (_role_members)
        self.more_roles: dict[int, list[tuple[str, ...]]] = {}  # token -> roles coordinated with that one
        self.max_events = MAX_EVENTS_PER_SENTENCE * (4 if self.keep_any else 1)
        #: the two sides of the last interaction told between two parties of different countries: whom
        #: "the two leaders", "both sides" in a later sentence stand for (slots._pair_described)
        self.last_pair: tuple[Token, Token] | None = None
        self.pair_description: Token | None = None  # the last such description read
        self.actor_kinds = {a.id: a.kind for a in analysis.actors}
        self.actors_by_id = {a.id: a for a in analysis.actors}
        self.modifier_only: set[Participant] = set()
        self.domain, self.cued = domain(doc, patterns.sets)
        mentions = sorted((m.start, m.end, a) for a in analysis.actors for m in a.mentions)
        self.mention_starts = [m[0] for m in mentions]
        self.mentions = mentions
        self.times = self._times()
        self.countries: dict[int, str] = {}  # a country named as a place: its head token -> country code
        self.place_actors: set[int] = set()  # places taken as the source of an agentless passive
        self.place_targets: set[int] = set()  # places standing for the party an act is aimed at (parties.py)
        self.thing_countries: dict[int, str] = {}  # a thing target -> the country its nationality word names
        self.places, self.place_words, self.dateline_place = self._places()
        # the country every place of the story lies in; a meeting's venue, where the dateline is too, is
        # not where the story's other acts happened (circumstances._place)
        venue = self.dateline_place.country if self.dateline_venue else None
        self.story_country = story_country([p for p in analysis.places if venue is None or p.country != venue])

    # -- one sentence -------------------------------------------------------------------------
    def sentence(self, span, index: int) -> list[Event]:
        out: list[Event] = []
        used: set[int] = set()
        by_verb: dict[int, list[Event]] = {}
        for tok in span:
            if tok.dep_ == "amod" and tok.i < tok.head.i and tok.tag_ == "VBN":
                continue  # a participle before its noun tells a standing state: "*jailed* leader X", "a *convicted* spy"
            if tok.pos_ in VERB_POS or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
                cands = self.patterns.verbs.get(tok.lemma_.lower())
                if cands:
                    found = self._code(tok, cands, index, used, verb=True)
                    by_verb[tok.i] = found
                    out.extend(found)
        dropped, added = contact_purposes(span.doc, by_verb, self.cameo) if not self.keep_any else ([], [])
        refused_drop, refused = one_refusal(span.doc, by_verb)
        committed_drop, committed = one_commitment(span.doc, by_verb)
        aim_drop, aimed = one_purpose(span.doc, by_verb) if not self.keep_any else ([], [])
        dropped += refused_drop + committed_drop + aim_drop
        out = [e for e in out if not any(e is d for d in dropped)] + added + refused + committed + aimed
        carriers: set[int] = set()
        carried_by: dict[int, list[Event]] = {}  # a verb -> the noun events it carries
        for tok in span:
            if tok.i in used or (tok.pos_ not in NOUN_POS and not _attitude(tok)) or self._inside_name(tok):
                continue
            cands = self.patterns.nouns.get(tok.lemma_.lower()) or self.patterns.nouns.get(tok.lower_)
            if cands:
                found = self._code(tok, cands, index, used, verb=False)
                out.extend(found)
                carrier = support_verb(tok, self.carrying, self.patterns.nouns) if found else None
                if carrier is not None:
                    carried_by.setdefault(carrier.i, []).extend(found)
                if carrier is not None and tok.dep_ in ("dobj", "obj") and tok.head.i == carrier.i:
                    carriers.add(carrier.i)
            if len(out) >= self.max_events:
                break
        if carriers and not self.keep_any:
            # one happening, two triggers: a verb that only carries the event its object names ("Bush
            # *ordered* air strikes on X", "*received* an invitation from X") tells no act of its own
            # beside it; a verb pattern with words of its own ("accepted an invitation") is another act
            carried = [e for i in carriers if self.generic_verbs.get(i) for e in by_verb.get(i, [])]
            out = [e for e in out if not any(e is c for c in carried)]
        if carried_by and not self.keep_any:
            # a call made for an act a noun names ("called X *to convey* support") is that act, as a
            # call made for a verb's act is (merge.contact_purposes, run above for verbs)
            live = {i: [e for e in evs if any(e is o for o in out)] for i, evs in by_verb.items()}
            purposes = {i: evs for i, evs in carried_by.items() if not live.get(i)}
            more_dropped, more_added = contact_purposes(span.doc, {**live, **purposes}, self.cameo)
            out = [e for e in out if not any(e is d for d in more_dropped)] + more_added
        out = out[:self.max_events]
        self._remember_pair(out)
        return out

    def _pair_note(self, tok: Token, source: Participant | None, target: Participant | None) -> str:
        """Evidence for sides named in an earlier sentence by a description of the pair ("the two leaders")."""
        if self.pair_description is None or self.pair_description.sent.start != tok.sent.start \
                or source is None or source.end > tok.sent.start_char:
            return ""
        words = self.doc[self.pair_description.left_edge.i:self.pair_description.i + 1].text
        return f"; '{words}' are the two sides last named"

    def _remember_pair(self, events: list[Event]) -> None:
        """Keep the sides of the sentence's first interaction between two coded parties of different
        countries, for "the two leaders" and "both sides" after it."""
        if self.keep_any:
            return
        for e in events:
            if e.source is None or e.target is None or not has_country(e.source) or not has_country(e.target) \
                    or e.source.code[:3] == e.target.code[:3]:
                continue
            heads = [self.doc.char_span(p.start, p.end, alignment_mode="expand") for p in (e.source, e.target)]
            if all(h is not None and len(h) for h in heads):
                self.last_pair = (heads[0].root, heads[1].root)
                return

    def _inside_name(self, tok: Token) -> bool:
        """A capitalised word inside a longer name: "the Government of National *Accord*", "the Movement
        for Democratic *Change*" name a party, they tell no act."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            return False
        name = self._mention_span(tok)
        return name is not None and len(name) > 1

    def _code(self, tok: Token, cands: list[EventPattern], index: int, used: set[int], verb: bool) -> list[Event]:
        before, after = verb_words(tok, self.phrase_scope) if verb else noun_words(tok)
        particle = next((c for c in tok.children if c.dep_ == "prt"), None) if verb else None
        obj = roles.verb_object(tok) if verb else None
        # the object and the words that say what kind it is ("*food* assistance")
        near = {obj.i} | {c.i for c in obj.children if c.dep_ in ("amod", "compound", "nmod")} \
            if obj is not None else set()
        for n, pattern in enumerate(cands):
            if pattern.forms and tok.lower_ not in pattern.forms:
                continue  # a pattern for some forms of the lemma only ('form:met')
            matched = match(pattern, before, after, verb)
            if matched is None:
                continue
            if obj is not None and matched and not any(m.i in near or m.dep_ == "prt" for m in matched) and any(
                    other.size == pattern.size and not (other.forms and tok.lower_ not in other.forms)
                    and (got := match(other, before, after, verb)) and any(m.i == obj.i for m in got)
                    for other in cands[n + 1:]):
                # of two rows with as many words, the one whose word is the verb's own object: "launched
                # *an investigation* into the attack" is an investigation, not an attack
                continue
            if particle is not None and particle not in matched and particle.lower_ not in self.light_particles:
                continue  # a phrasal verb is another verb: "shot up", "struck out", "backed away"
            if "block" in pattern.flags:
                if pattern.source_groups and not self._source_of(tok, verb, matched, pattern.source_groups):
                    continue  # a block for some doers only: judges withdraw to deliberate, troops retreat
                used.add(tok.i)
                return []  # a sense that is no event: "fire" + employees, "trade war"
            if verb and "passive-only" in pattern.flags and not roles.is_passive(tok):
                continue
            if verb and "active-only" in pattern.flags and roles.is_passive(tok):
                continue
            if verb and "transitive" in pattern.flags and not roles.is_passive(tok) \
                    and not any(c.dep_ in ("dobj", "obj") or (c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")
                                                               and not roles.is_time(c)) for c in tok.children):
                continue  # "the minister returned empty-handed", "returned to Iraq": travel, no handing back
            if verb and "intransitive" in pattern.flags and any(c.dep_ in ("dobj", "obj") for c in tok.children):
                continue  # "flying the migrants to Libya", "headed the delegation": carrying or leading, no visit
            if verb and "no-infinitive" in pattern.flags and roles.governs_infinitive(tok):
                continue  # "sought *to portray* X": an attempt, not a request
            if verb and "no-label" in pattern.flags and roles.object_predicate(tok, as_phrase=False) is not None:
                continue  # "called the ambassador *a stupid guy*": naming him, no phone call
            if verb and "label" in pattern.flags and not _in_label(tok, matched):
                continue  # the pattern's words must be the label: "called the move *unconstitutional*"
            events = self._events(tok, pattern, index, verb, matched)
            if events is None:
                continue
            used.update(t.i for t in matched)
            used.add(tok.i)
            if verb:
                self.generic_verbs[tok.i] = pattern.size == 0
            return events
        return []

    def _events(self, tok: Token, pattern: EventPattern, index: int, verb: bool,
                matched: list[Token]) -> list[Event] | None:
        """The events of one pattern at ``tok``; ``matched`` holds the pattern's words found in the text."""
        if verb and tok.lower_ == "visiting" and tok.dep_ == "pcomp" and tok.head.lower_ == "with":
            return None  # "met with *visiting* Iraqi Prime Minister Allawi": an adjective, the guest's
        support = support_verb(tok, self.carrying, self.patterns.nouns) if not verb else None
        named = True  # whether the target came from the pattern's own slots, not from _prefer_party
        if support is not None and support.lemma_.lower() in self.receive:
            # "Y received aid *from X*", "Y won the support of X": the giver is the source, the receiver the target
            giver = roles.prep_objects([tok, support], "from")
            if giver is None and pattern.source == ("subj",):
                return None
            sources = roles.conjuncts(giver) if giver is not None else []
            receiver = roles.verb_subject(support)
            targets = roles.conjuncts(receiver) if receiver is not None else []
        else:
            sources = self._slot(tok, pattern.source, verb, support, matched)
            targets = None
        if "compound" in pattern.flags and len(sources) < 2:
            return None  # a pattern for a compound source ("X and Y agree") and the source is one party
        if targets is None:
            targets = self._slot(tok, pattern.target, verb, support, matched)
            if not targets and not verb and pattern.code[:2] == "11":
                # "accusations that *it* used excessive force": the one the charge's clause is about
                accused = roles.charged_party(tok)
                targets = roles.conjuncts(accused, self._codes_at) if accused is not None else []
            if not targets and verb and pattern.target[:1] == ("obj",) and pattern.code[:2] in _HARMS:
                # "kidnapped and killed two workers": an act of force shares the object of the verb after it
                shared = roles.shared_object(tok)
                targets = roles.conjuncts(shared, self._codes_at) if shared is not None else []
            if not targets and support is not None and support.lemma_.lower() not in self.receive:
                # the one a light verb gives or offers the deed to: "offered *Iran* a trade agreement"
                given = next((c for c in support.children if c.dep_ == "dative" and c.i < tok.i), None)
                targets = roles.conjuncts(given, self._codes_at) if given is not None and self._coded_at(given) else []
            named = bool(targets)  # a party in the pattern's own slots ("fighting *with Congo*")
            if ("symmetric" not in pattern.flags or len(sources) < 2) \
                    and not (pattern.code.startswith("042") and any(self._is_place(t) for t in targets)):
                # (several parties are each other's partners; the place of a visit is its host:
                # "flew to Beijing for talks with Hu" visits China)
                targets = self._prefer_party(tok, targets, pattern.target, verb, support, matched, pattern.code, sources)
            if (pattern.code[:2] == "15" or pattern.code[:3] == "074") and not self.keep_any \
                    and all(self._own_forces(t, sources) for t in targets):
                # a deployment or alert of one's own forces is aimed where they go or at whom they face,
                # not at the forces moved: "mobilised *its men* to the area", "placed *a brigade* on
                # alert to fly into Lebanon"
                goal = self._destination(tok)
                targets = [goal] if goal is not None else []
            if pattern.code[:2] == "13" and not self.keep_any and (
                    all(self._captive_like(t) for t in targets)
                    or not any(self._state_of(t) or self._is_place(t) or self._bare_country_at(t) for t in targets)):
                # a threat with a condition is aimed at the one told to comply, not at its hostage (AG
                # guide rule 13, dev461): "threatened to behead a hostage *unless the Americans* release
                # prisoners", nor at a thing or people it would use ("threatened to quit the treaty *if
                # the US* imposes sanctions", "threats that he would let refugees into Europe *unless
                # the EU* ..."); a threat to a state, its forces or a place stays theirs ("threatened to
                # shell British forces if ...", as PLOVER codes it)
                told = roles.condition_party(tok)
                if told is not None and self._coded_at(told) and all(told.i != s.i for s in sources):
                    targets = roles.conjuncts(told, self._codes_at)
        if "own-target" in pattern.flags and not named:
            return None  # "halting operations in Iraq": no one the pattern's own slots name
        if "symmetric" in pattern.flags and not sources and not named and targets and not self.keep_any \
                and all(t.i in self.place_targets or self._is_place(t) for t in targets):
            return None  # "clashes in the east of Congo": a place is no side of a clash (AG guide rule 7)
        if not verb and tok.lemma_.lower() in _STATES and support is None and not targets and not self.keep_any:
            return None  # "the Iraq war", "Uganda's long war": a state of affairs, no one's act of the day
        if pattern.code[:2] in VIOLENT and targets and all(t.lower_ in _REFLEXIVE for t in targets):
            return None  # "the gunman killed *himself*", "blew *himself* up": a suicide is no one's attack on anyone
        if not targets and pattern.target == ("xsubj",):
            return None  # "said Iran must ...": without the party addressed it is no demand
        # a visit named is to a party or a place, whatever its row says: touring "television studios",
        # visiting "a factory" with no country named is no visit of state
        party_target = "party-target" in pattern.flags or (pattern.code.startswith("042") and targets and not self.keep_any)
        if party_target and not any(
                self._is_party(t) or self._person_noun(t, strict=True)
                or (pattern.code.startswith("04") and self._is_place(t)) for t in targets):
            # "released *a report*", "received *a challenge*", "returned home", "headed to his country
            # home": no one released or met, nowhere visited (a visit's place in a country counts)
            return None
        if "symmetric" in pattern.flags and not sources and len(targets) > 1:
            sources, targets = targets, []  # "cooperation between X and Y": the parties are each other's targets
        if ("symmetric" in pattern.flags or (verb and tok.lemma_.lower() in _CONCORDING and not any(
                self._named_at(w) or self._thing_nationality(w) for t in targets for w in t.subtree))) \
                and len(sources) > 1 and targets \
                and not any(self._coded_at(t) for t in targets):
            # (what several parties agree on that names another party is about that one: "agreed to lift
            # a ban on *Egyptian* imports")
            targets = []  # "Canada and the UK agreed to *a trade deal*": the parties are each other's partners
        if "symmetric" in pattern.flags and pattern.code[:2] == "04" and len(sources) > 1 and targets and not any(
                t.dep_ == "pobj" and t.head.lower_ in ("with", "between") for t in targets):
            targets = []  # "Putin and Bush discussed *Iran*": what two parties talk over is their topic
        if len(sources) > 1 and targets and all(_reciprocal(t) for t in targets):
            targets = []  # "X and Y vowed to help *each other*": the parties are each other's targets
        symmetric = "symmetric" in pattern.flags or (len(sources) > 1 and not targets and verb
                                                      and (_mutual(tok) or tok.lemma_.lower() in _CONCORDING))
        if symmetric and not targets and len(sources) > 1:
            # each pair of parties once, the first-named as source ("talks between A, B and C": A-B, A-C, B-C)
            ordered = sorted(sources, key=lambda t: t.i)
            # (a member named "including" among a group is no partner of its own group: "Nineteen
            # countries, including Australia, agreed to cancel the debt")
            pairs = [(a, b) for n, a in enumerate(ordered) for b in ordered[n + 1:] if not _included_in(b, a)]
            if self.keep_any:  # '@keep any' (PETRARCH's dictionaries): both directions, as PETRARCH codes them
                pairs += [(b, a) for a, b in pairs]
        else:
            # spaCy makes a new Token object on each access: the same word is told by its index, not by
            # 'is'. A party found in both slots ("were deployed as peacekeepers": subject and object) is
            # the source only, and so is a word of the source's own phrase ("a demand by *the UN nuclear
            # watchdog*" is not aimed at the UN).
            pairs = list(dict.fromkeys(
                (s, t if s is None or t is None or not (s.left_edge.i <= t.i <= s.i) else None)
                for s in (sources or [None]) for t in (targets or [None])))
            if symmetric and not self.keep_any:
                # one event per interaction, the first-named party as its source - or the visitor, with
                # the host as target (AG guide rule 16): "Annan met *visiting* Iraqi Prime Minister Allawi"
                # - or, for an interaction that sets the scene of its clause, the clause's subject: "*In
                # cooperation with* partners, USAID provided ...", "At talks with Blair, *Bush* said"
                setting = not verb and roles.opens_the_clause(tok)
                pairs = list(dict.fromkeys(
                    (t, s) if s is not None and t is not None and not setting and (
                        _visiting(t) and not _visiting(s) or (t.i < s.i and _visiting(t) == _visiting(s))) else (s, t)
                    for s, t in pairs))
            elif symmetric and targets and sources:
                # '@keep any' (PETRARCH's dictionaries): both directions, as PETRARCH codes them
                pairs += [(t, s) for s, t in pairs if t is not None and s is not None and self._actor_at(t.idx, t.idx + len(t))
                          and (not verb or clause_verb(t) == tok)]
        # '@keep any' (a foreign dictionary coding every pair, PETRARCH style) allows more pairs per trigger
        limit = MAX_PER_TRIGGER * (4 if self.keep_any else 1) * (2 if pattern.back_code else 1)
        coded = [(s, t, pattern.code) for s, t in pairs]
        if pattern.back_code:
            # reciprocal '032:033': each pair also goes back, from the target to the source, with the second code
            coded = [x for s, t in pairs for x in ((s, t, pattern.code),) + (
                ((t, s, pattern.back_code),) if s is not None and t is not None else ())]
        # an actor of several codes ('ELR/GAL') is one participant per code: one event for each
        expanded = [(s, sp, tp, c) for s, t, c in coded[:limit]
                    for sp in self._participants(s) for tp in self._participants(t)]
        parts = [(sp, tp, c) for _s, sp, tp, c in expanded]
        trigger = self._trigger(tok, verb)
        place = self._place(tok, support)
        if symmetric and pattern.code[:2] == "04" and not self.keep_any and self._met_where_told(tok, place):
            # the host of a meeting is its target (AG guide rule 16): a meeting held in one party's
            # country, named in the text or as "here" under the dateline, has the other as its source
            parts = [(t, s, c) if s is not None and t is not None and _own_country(s) == place.country
                     and _own_country(t) not in (None, place.country) else (s, t, c) for s, t, c in parts]
        agent_notes: dict[Participant, str] = {}
        if self.authorities and not self.keep_any:
            # an arrest, a charge, a curfew with no agent named: the authorities of the place
            parts = [(self._authorities(tok, trigger, place, s, agent_notes, t, c), t, c) for s, t, c in parts]
        if pattern.source_groups:
            # 'source:lab': "workers struck" is a labour strike, "jets struck" is not
            parts = [(s, t, c) for s, t, c in parts if any(g.lower() in pattern.source_groups for g in self._groups(s))]
            if not parts:
                return None
        if self.attacks and pattern.code[:2] in VIOLENT:
            # "a car bomb killed X", "an air strike on the market killed X": the attack is the doer
            for s, sp, _tp, _c in expanded:
                if s is not None and sp is not None and self._attack_word(s):
                    self.attack_parts.add(sp)
        if "actor" in pattern.flags and not any((s and s.code) or (t and t.code) or s in self.attack_parts
                                                for s, t, _ in parts):
            return None
        if pattern.code.startswith("042"):
            parts = [(s, self._host(t), c) for s, t, c in parts]
            # a leader touring his own country visits no one: "Putin visited Chechnya"
            parts = [(s, t, c) for s, t, c in parts
                     if not (s is not None and t is not None and s.code and s.code[:3] == (t.code or self._place_country(t))[:3])]
            if not parts:
                return None
        if pattern.code[:2] in VIOLENT:
            # violence needs a doer: a party, an attack or weapon, or no one named ("were killed"); a
            # thing as the subject ("the flood killed", "the crash injured") is an accident, no event
            parts = [(s, t, c) for s, t, c in parts if (s is None or s.code or self._weak(s) or self._a_person(s)) and not self._hazard(s)]
            if verb and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.lemma_.lower() in self.hazards:
                return None  # "a plane that crashed in stormy weather, *killing* 32": the accident's toll
            if verb and all(s is None for s, _t, _c in parts) and self._accident_toll(tok):
                return None  # "were killed in a house fire": no one's deed
            if not verb and self._hazard_word(tok):
                return None  # "the explosion at a power plant", "a gas blast", "a shark attack": accidents
        if pattern.code[:2] not in VIOLENT and not self.keep_any and parts and all(s is None for s, _t, _c in parts) \
                and tok.lemma_.lower() not in self.authorities:
            # an act with no doer at all ("was released", "talks on the crisis") other than violence by
            # an unknown hand or an act only authorities perform ("was arrested"): PLOVER codes an
            # interaction between parties, and on wire news such events were nearly all wrong
            # (docs/events.md, "Which events are kept")
            return None
        if verb and pattern.code[:2] not in VIOLENT and not self.keep_any:
            # a thing as the doer of a non-violent act ("the power of radio helps", "an audio tape calls
            # for attacks", "the ordinances repeal the law") is no party acting: no event
            things = {sp for s, sp, _tp, _c in expanded if s is not None and sp is not None and self._thing(s, sp)}
            if things and all(s in things for s, _t, _c in parts):
                return []  # the pattern matched: its words are used up ("the truce ended *the fighting*")
            parts = [(s, t, c) for s, t, c in parts if s not in things]
        if pattern.code[:2] == "02" and not self.keep_any:
            # an appeal with no one to heed it ("urged an end to violence", "called for unity") is a
            # statement, no request (AG guide rule 1: a demand aimed at another identifiable actor)
            parts = [(s, t, c) for s, t, c in parts if t is not None and (t.code or t.actor is not None or self._weak(t)
                                                                          or self._people_words(t))]
        # a pronoun standing for the doer itself is no one the act is aimed at ("the State Department
        # welcomed what *it* called positive points", "France defended *itself*")
        # (a demand or appeal of oneself, "the minister said *he* must resign", is none at all)
        parts = [(s, None if _self_pronoun(s, t) else t, c) for s, t, c in parts
                 if not (c[:2] in ("02", "10") and _self_pronoun(s, t))]
        parts = [(s, t, c) for s, t, c in parts if (self._keep(s, t, c[:2] in VIOLENT) or self._counted_dead(tok, verb, s, t, c))
                 and not self._private_trip(s, t, c)
                 and not self._advice(tok, s, t, c) and not self._own_cause(s, t, c)]
        if "symmetric" in pattern.flags and pattern.code[:2] == "04" and not self.keep_any:
            # a meeting, talks or negotiations need two sides: "ASEAN ministers *ended a meeting*",
            # "the talks on the crisis" with no one else named are no interaction (PLOVER codes none)
            parts = [(s, t, c) for s, t, c in parts if t is not None]
        if not parts:
            return None
        date, date_tok = self._date(tok, support)
        mode0, mode_tok = modes.mode_of(tok, self.analysis.published, date if date_tok is not None else None)
        if mode0 == modes.NEGATED and mode_tok is not None and any(m.i == mode_tok.i for m in matched):
            mode0, mode_tok = modes.ASSERTED, None  # the pattern's own word ("neither *" in a user's dictionary)
        if pattern.source[:1] == ("self",):
            # a noun for the doers names them by what they did ("the kidnappers of X threatened ..."):
            # done, whatever the clause around them says of their next act
            mode0, mode_tok = modes.ASSERTED, None
        period = self._period(tok, support)
        if mode0 == modes.ASSERTED and modes.background(period, self.analysis.published):
            mode0, date = modes.BACKGROUND, date or period  # dated as precisely as the text dates it
        embedded = _embedded(tok)
        out = []
        peace = self._peacekeeping(tok, support, verb, pattern.code)
        for source, target, code in parts:
            mode, note, offered = mode0, "", False
            agent_note = agent_notes.get(source, "") if source is not None else ""
            if peace and "074" in self.cameo:
                note, code = f" peacekeeping {code}->074", "074"
            if self.keep_codes:
                pass  # '@modes keep': the pattern's code as written, the mode reported beside it
            elif mode == modes.NEGATED:
                refusal = modes.refusal_code(code, mode_tok)
                if refusal and refusal in self.cameo and not modes.denial(mode_tok) and self._own_refusal(tok, mode_tok, source) \
                        and not (code.startswith("04") and _topic_only(tok)):
                    # ("officials are not talking about the threat": silence on a topic refuses no one)
                    note, code, mode = f" negated {code}->{refusal}", refusal, modes.refusal_mode(mode_tok)
                    if target is None or (not target.code and target.actor is None):
                        # the refusal is aimed at whoever its condition names: "will not end the strike
                        # until *the management* is sacked"; the thing refused stays in the evidence
                        target = self._condition_party(tok, source) or target
            elif mode == modes.FUTURE and (modes.readiness(mode_tok) or (
                    not modes.scheduled(mode_tok, date_tok is not None) and not modes.is_purpose(mode_tok))):
                # an undated commitment ("will withdraw", "is ready to talk") is a statement of intent,
                # coded 03x/13x as the CAMEO codebook does; a scheduled act and the aim of an act
                # ("flew to Cairo to mediate") keep their own type (an offer is made the day it is
                # dated: "offered Iran a deal *on Thursday*")
                promise = modes.intent_code(code)
                intent = promise or modes.threat_code(code)
                if intent and intent in self.cameo:
                    note, code = f" future {code}->{intent}", intent
                    if promise and modes.readiness(mode_tok):
                        # "is ready to resume talks", "offered to withdraw": saying so is the offer,
                        # done now (PLOVER codes the offer itself as asserted), by one side to the other
                        mode, offered = modes.ASSERTED, True
                elif code[:2] == "12" and tok.lemma_.lower() in modes.REFUSING_VERBS and mode_tok is not None \
                        and mode_tok.lower_ in modes.FUTURE_MODALS:
                    # "says it will reject any proposal": announcing a refusal is refusing, now (as
                    # "will not accept" is, AG guide rule 1: the statement performs the act)
                    note, mode = " announced refusal", modes.ASSERTED
            if self._verbal_attack(tok, source, target, code) and "111" in self.cameo:
                note, code = f" verbal attack {code}->111", "111"
            entry = self.cameo.get(code)
            pair_note = self._pair_note(tok, source, target)
            out.append(Event(
                id="", source=source, target=target, cameo=code, plover=entry.plover, quad=entry.quad,
                goldstein=entry.goldstein, mode=mode, date=date or self.analysis.published,
                place=place, trigger=trigger, sentence=index,
                # (sides named in an earlier sentence are read, not told: less sure, and a restatement
                # keeps the event that names them)
                confidence=_confidence(source, target, pattern, mode, embedded, verb) * (0.8 if pair_note else 1.0),
                evidence=pattern.evidence + note + agent_note + pair_note,
                symmetric=symmetric and not offered and not self.keep_any and source is not None and target is not None
                and not pattern.back_code,
            ))
        return out

    def _source_of(self, tok: Token, verb: bool, matched: list[Token], groups: frozenset[str]) -> bool:
        """Whether the subject of ``tok`` is coded with one of ``groups`` (a block row's ``source:``)."""
        support = support_verb(tok, self.carrying, self.patterns.nouns) if not verb else None
        return any(p is not None and any(g.lower() in groups for g in self._groups(p))
                   for s in self._slot(tok, ("subj",), verb, support, matched) for p in self._participants(s))

    def _attack_word(self, tok: Token) -> bool:
        """An attack or weapon word, or a run of them ("*a series of* grenade blasts killed 13")."""
        if tok.lemma_.lower() in self.attacks:
            return True
        return tok.lemma_.lower() in PARTITIVE and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in self.attacks
                                                          for g in c.children) for c in tok.children)

    def _own_refusal(self, trigger: Token, mode_tok: Token | None, source: Participant | None) -> bool:
        """Whether the negation of an act is its doer's refusal: a 'not' on the act itself, or a verb
        the doer is the subject of ("Russia *refused* to withdraw"). Another party's not allowing it
        ("Iran is *not* obliged to allow inspectors to visit") refuses nothing of the inspectors'."""
        if mode_tok is None or source is None:
            return True
        verb = mode_tok.head if mode_tok.dep_ == "neg" or mode_tok.lower_ in modes.NEGATING_WORDS else mode_tok
        if verb.i == trigger.i:
            return True
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "obj", "attr", "nsubj") and verb.head.i != verb.i:
            # "US says *no plans* to sign", "Iran sees *no reason* for a summit": a 'no' of another noun
            # is the refusal of whoever has or sees it
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        subject = _grammatical_subject(verb)
        while subject is None and verb.dep_ in ("xcomp", "conj", "acomp") and verb.head.i != verb.i:
            verb = verb.head  # "refused and vowed not to": the subject of the verb above
            subject = _grammatical_subject(verb)
        if subject is None or subject.i == trigger.i:
            return True  # (the event noun failing: "the summit failed to reach agreement")
        if any(source.start <= t.idx < source.end for t in [*roles.conjuncts(subject), *subject.lefts]):
            # "Italy and Spain refused to allow ...", "*British* and EU negotiators failed to reach ...":
            # each of them refuses
            return True
        # a pronoun for the doer: "Iran said *it* would not release ..."
        named = self._actor_at(subject.idx, subject.idx + len(subject))
        return subject.lower_ in _PRONOUNS and named is not None and named.id == source.actor

    def _verbal_attack(self, tok: Token, source: Participant | None, target: Participant | None, code: str) -> bool:
        """An attack on a politician or a party by no armed hand is criticism (ACCUSE): "turned the attack
        on the opposition Conservatives", "Kerry attacked Bush"; "gunmen attacked lawmakers" is not."""
        if self.keep_any or tok.lemma_.lower() != "attack" or code[:2] not in VIOLENT:
            return False
        if self._security(source):
            return False  # an armed or security group's attack is violence (&SECURITY)
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.attacks for c in tok.children):
            return False  # an attack named by its weapon is violence: "the *grenade* attack on its rally"
        if target is None:
            return source is not None and self._politician(source)
        return any(g in POLITICAL_SECTORS for g in self._groups(target)) or (
            self._is_person(target) and source is not None and self._politician(source))

    def _politician(self, p: Participant) -> bool:
        return self._is_person(p) or any(g in POLITICAL_SECTORS for g in self._groups(p))

    def _is_person(self, p: Participant) -> bool:
        return self.actor_kinds.get(p.actor) == "person"

    def _met_where_told(self, tok: Token, place) -> bool:
        """Whether a meeting's place is told, not guessed: named in the text, or the dateline's place
        with "here" in the meeting's sentence ("said in his meeting with X *here*")."""
        if place is None or not place.country:
            return False
        return place.start is not None or any(t.lower_ == "here" for t in tok.sent)

    def _captive_like(self, t: Token) -> bool:
        """Whether ``t`` names people a threat holds over someone else, not a party of its own: a
        pronoun, captives (&CAPTIVES: "three UN hostages"), a word for people with no state's code, or
        civilians ("her", "a Turkish hostage")."""
        if t.tag_ == "PRP" or self._captive_word(t.lemma_) or self._captive_word(t.text):
            return True
        codes = self._codes_at(t)
        return all(c.endswith("CVL") for c in codes) if codes else self._person_noun(t)

    def _captive_word(self, word: str) -> bool:
        """A word for people held by captors (&CAPTIVES: "hostage", "hostages", "captives")."""
        return word.lower() in self.captives

    def _a_person(self, p: Participant) -> bool:
        """A participant headed by a noun whose most frequent sense is a person (&PERSONS: "a teenager")."""
        return ends_in_word_of(p.text, self.persons)

    def _person_noun(self, t: Token, strict: bool = False) -> bool:
        """A noun for people ("the women", "two others"), by the WordNet-derived set &PEOPLE; ``strict``:
        one whose most frequent sense is a person (&PERSONS: "the posters" are things, though a
        rarer sense of "poster" is someone)."""
        words = self.persons if strict and self.persons else self.people
        return t.lemma_.lower() in words or t.lower_ in words or t.lower_ == "others"

    def _authorities(self, tok: Token, trigger: Span, place, source: Participant | None,
                     notes: dict[Participant, str], target: Participant | None = None,
                     code: str = "") -> Participant | None:
        """The unnamed agent of an act only a state performs ("a man was arrested", "Suspect charged"):
        the authorities of the country where it happened - with no place told, of the country of those
        it is done to ("US soldier convicted") - a source with no words of its own (an empty span at
        the trigger). A named source, or a place read as an agentless passive's doer ("were
        charged *in Toronto*", coded by the participants), stays. The reason goes to ``notes``, for the
        event's evidence."""
        sector = self.authorities.get(tok.lemma_.lower())
        if source is None and sector is None and tok.lemma_.lower() in self.releases:
            return self._holders(tok, trigger, place, notes)
        if source is None and code.startswith("181") and (tok.pos_ not in ("VERB", "AUX") or roles.is_passive(tok)
                                                          or tok.dep_ in ("acl", "amod")):
            return self._captors(trigger, place, notes)  # "two reporters held hostage in Iraq"
        if source is None and code[:2] in VIOLENT and target is not None and target.text \
                and self._captive_word(target.text.split()[-1]):
            return self._captors(trigger, place, notes)  # "the killing of two hostages in Iraq": by their captors
        if source is not None or sector is None:
            return source
        if tok.pos_ in ("VERB", "AUX") and not roles.is_passive(tok) and tok.dep_ not in ("acl", "amod"):
            return source  # an active verb's doer is its subject, lost by the parser, not an unnamed state
        speaker = self._reporting_authority(tok)
        if speaker is not None:
            notes[speaker] = f"; source: {speaker.text!r}, the authority that reports it ('{tok.text}' names no agent)"
            return speaker
        if place is not None and place.country:
            found = Participant(trigger.start, trigger.start, "", None, place.country + sector)
            notes[found] = f"; source: the authorities of {place.country} ('{tok.text}' names no agent; place {place.name})"
            return found
        country = _own_country(target)
        if country is None:
            return source
        # no place told: a state's courts and police act on its own people ("US soldier convicted",
        # "16 Hindus charged")
        found = Participant(trigger.start, trigger.start, "", None, country + sector)
        notes[found] = f"; source: the authorities of {country} ('{tok.text}' names no agent or place; the country of {target.text!r})"
        return found

    def _reporting_authority(self, tok: Token) -> Participant | None:
        """The state body that reports an act only authorities perform, told with no agent: "A soldier
        has been charged with murder, *police* said", "Four men are arrested, *the army* says" - the
        police and the army report their own arrests and charges. None unless the reporter is coded
        as a state's organ."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else None
        if verb is None:
            return None
        reporters = [verb.head] if verb.dep_ in ("ccomp", "parataxis") and verb.head.i != verb.i else []
        reporters += [c for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i]
        for reporter in reporters:
            if reporter.lemma_.lower() not in _AUTHORITY_REPORTS:
                continue
            subject = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
            speaker = self._participant(subject) if subject is not None else None
            if speaker is not None and speaker.code and speaker.code[3:6] in _REPORTING_ORGANS:
                return speaker
        return None

    def _where(self, place) -> str | None:
        """The country an act with no agent named happened in: its place's, else that of every place of
        the story; None when neither tells one."""
        country = place.country if place is not None and place.country else self.story_country
        return None if not country or country == "-" else country

    def _captors(self, trigger: Span, place, notes: dict[Participant, str]) -> Participant | None:
        """The unnamed agent of a kidnapping or hostage-taking: captors in the country where it happened
        (AG guide rule 24: "captors in Iraq", IRQ REB)."""
        country = self._where(place)
        if country is None:
            return None
        found = Participant(trigger.start, trigger.start, "", None, country + "REB")
        notes[found] = f"; source: the captors in {country} (no agent named)"
        return found

    def _holders(self, tok: Token, trigger: Span, place, notes: dict[Participant, str]) -> Participant | None:
        """The unnamed agent of a freeing: whoever held the freed. The authorities when the sentence
        speaks of custody ("was freed from jail"), the captors when it speaks of captivity ("the
        hostages were released"), in the country of the event's place or of every place of the story."""
        country = self._where(place)
        if country is None:
            return None
        words = {t.lemma_.lower() for t in tok.sent} | {t.lower_ for t in tok.sent}
        if words & self.captivity:
            code, who = country + "REB", "the captors"
        elif words & self.custody:
            code, who = country + self.releases[tok.lemma_.lower()], "the authorities"
        else:
            return None
        found = Participant(trigger.start, trigger.start, "", None, code)
        notes[found] = f"; source: {who} in {country} ('{tok.text}' names no agent)"
        return found

    def _peacekeeping(self, tok: Token, support: Token | None, verb: bool, code: str) -> bool:
        """A deployment (15x) or an arrival (042) for a peacekeeping mission: the phrase of the trigger
        (its subtree, the supporting or governing verb's for a noun) or its subject names peacekeeping."""
        if not self.peacekeeping or not (code[:2] == "15" or code == "042"):
            return False
        if code == "042":
            subject = roles.verb_subject(tok) if verb else None
            scope = list(subject.subtree) if subject is not None else []
        else:
            head = tok if verb else (support or (tok.head if tok.head.pos_ in ("VERB", "AUX") else tok))
            scope = list(head.subtree)[:80]
            subject = roles.verb_subject(head) if head.pos_ in ("VERB", "AUX") else None
            scope += list(subject.subtree)[:30] if subject is not None else []
        return any(t.lemma_.lower() in self.peacekeeping or t.lower_ in self.peacekeeping for t in scope)

    # -- participants -------------------------------------------------------------------------


def _visiting(t: Token) -> bool:
    """A party named as a visitor: "the *visiting* Ugandan minister"."""
    before = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    # (the parser may make the participle the head: "met with [visiting] Iraqi Prime Minister Allawi")
    return any(w.lower_ == "visiting" and w.i < t.i for w in t.subtree) or (before is not None and before.lower_ == "visiting")


def _embedded(tok: Token) -> bool:
    """Whether the trigger sits under another verb (a complement, or an object noun of a verb)."""
    return tok.dep_ in ("xcomp", "ccomp", "pcomp", "acl", "dobj", "pobj", "advcl", "relcl")


def _confidence(source, target, pattern: EventPattern, mode: str, embedded: bool, verb: bool) -> float:
    score = 0.45
    score += 0.15 if source is not None and source.actor else (0.05 if source is not None else 0.0)
    score += 0.1 if target is not None and target.actor else (0.05 if target is not None else 0.0)
    score += min(0.15, 0.05 * pattern.size)
    score += 0.05 if verb else 0.0
    score -= 0.2 if embedded else 0.0
    score -= 0.1 if mode != modes.ASSERTED else 0.0
    return round(max(0.05, min(0.99, score)), 2)


#: words that make several subjects each other's partners: "X and Y promised to work *together*"
_MUTUAL_ADVERBS = frozenset({"together", "jointly", "bilaterally"})


#: verbs whose several subjects, with no one else named, act with one another: "India and Pakistan
#: *agreed* to ease tensions" is an agreement between them, "Peru and Chile *disagreed* over the border"
#: a dispute between them
_CONCORDING = frozenset({"agree", "disagree", "differ", "quarrel", "spar", "bicker", "feud", "wrangle"})


def _included_in(member: Token, group: Token) -> bool:
    """Whether ``member`` is named "including" in ``group``'s phrase ("countries, *including Australia*")."""
    prep = member.head
    return member.dep_ == "pobj" and prep.lower_ == "including" and group.is_ancestor(prep)


def _mutual(verb: Token) -> bool:
    """Whether the clause of ``verb`` says its subjects act on one another ("promised to work together",
    "vowed to help each other"), so that several subjects are each other's targets."""
    for t in verb.subtree:
        if t.lower_ in _MUTUAL_ADVERBS and t.dep_ == "advmod":
            return True
        if _reciprocal(t):
            return True
    return False


def _reciprocal(t: Token) -> bool:
    """'each other', 'one another' (at either word: the parser makes either the object)."""
    if t.lower_ in ("other", "another") and t.i > 0:
        return t.doc[t.i - 1].lower_ in ("each", "one")
    return t.lower_ in ("each", "one") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("other", "another")


def _topic_only(verb: Token) -> bool:
    """Whether a verb of meeting names what it is about and no one it is with ("talking about the threat")."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    return "about" in preps and not preps & {"with", "to"}


#: pronouns that stand for a party named elsewhere
_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves", "he", "him", "his", "himself",
                       "she", "her", "herself"})


def _self_pronoun(source: Participant | None, target: Participant | None) -> bool:
    """A target that is a pronoun for the source's own actor."""
    return source is not None and target is not None and target.actor is not None and target.actor == source.actor \
        and target.text.lower() in _PRONOUNS


def _grammatical_subject(verb: Token) -> Token | None:
    """The subject a verb is written with, active or passive ("*it* is not obliged to")."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or roles.verb_subject(verb)


def _own_country(p: Participant | None) -> str | None:
    """The country a party of a known kind belongs to ("USAMIL" -> USA), or None for a sector alone, an
    organisation, or someone known by a country only (a name in a one-country story, "Florida
    linebacker Taurean Charles": USA, whose charge is no news of state)."""
    if p is None or not p.code or len(p.code) < 6:
        return None
    country = p.code[:3].upper()
    return None if country in SECTORS or country in TRANSNATIONAL or country == "IGO" else country


def _in_label(verb: Token, matched: list[Token]) -> bool:
    """Whether a pattern's words (other than the verb) stand in what the verb calls its object."""
    label = roles.object_predicate(verb)
    return label is not None and any(label[0] <= t.i <= label[1] for t in matched if t.i != verb.i)


def _attitude(tok: Token) -> bool:
    """An adjective of attitude towards a party, with its preposition: "*critical* of NATO", "a report
    highly *critical* of the government", "comments *supportive* of Clinton's bid" (nouns/core.tsv
    rows of its lemma code it as a noun event: its source is the copula's subject or the maker of the
    noun it describes, its target the preposition's object)."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "acl", "oprd", "conj") and any(
        c.dep_ == "prep" and c.i > tok.i for c in tok.children)
