"""Events: who did what to whom, coded CAMEO (and so PLOVER) from verb and noun patterns.

One pass over each sentence's tokens: a token whose lemma has patterns (``knowledge.event_patterns``,
indexed by lemma at load) is matched against them, most specific first; the first pattern whose words
are found fires. Verbs go first, then nouns, so that a noun already used by a verb pattern ("imposed
*sanctions*") does not make a second event. There is no default code: no pattern, no event.

A pattern flagged ``block`` matches and yields nothing (a sense that is no event); a verb with a
particle matches only patterns naming the particle. An event is kept only when a participant is a
political actor (or, outside sports and business news, a weak one): ``_Coder._keep``, docs/events.md
"Which events are kept".

Source and target come from the pattern's slots (``event_roles``), the mode from the syntax above the
trigger (``event_modes``), the date from a time expression attached to the trigger (else the
publication date), the place from a locative phrase attached to it (else the dateline).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from tidings.extract import event_modes as modes
from tidings.extract import event_roles as roles
from tidings.knowledge.event_patterns import EventPattern
from tidings.model import Analysis, Event, EventPlace, Participant, Span

MAX_SENTENCE_TOKENS = 250  # longer "sentences" are tables or run-on lists: code only their start
MAX_EVENTS_PER_SENTENCE = 10
MAX_PER_TRIGGER = 4
_CLAUSE_STOP = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl", "parataxis",
                          "conj", "punct", "mark", "cc", "aux", "auxpass", "neg", "npadvmod", "appos", "expl"})
#: with '@scope phrase': only another sentence part or a coordinated verb ends the verb's phrase
_PHRASE_STOP = frozenset({"parataxis", "punct", "cc", "nsubj", "nsubjpass", "csubj", "expl"})
_PHRASE_DEPTH = 8
_NOUN_DEPS = frozenset({"amod", "compound", "nmod", "prep", "pobj", "poss", "nummod", "advmod", "npadvmod"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "along", "within", "off"})
_TRANSNATIONAL_POLITICAL = frozenset({"IGO", "NGO", "NGM", "IMG"})
_WORD_SPLIT = re.compile(r"[^a-z0-9'-]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERB_POS = frozenset({"VERB"})
_COPULA = frozenset({"be", "remain", "become"})
#: nouns that only count or group the event noun after their "of": "a new round of talks", "a wave of attacks"
_PARTITIVE = frozenset({"round", "series", "wave", "spate", "string", "number", "set", "flurry", "barrage", "volley"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "this", "that"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_VIOLENT = frozenset({"18", "19", "20"})  # CAMEO roots of violence: assault, fight, mass violence
_DATELINE_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")
_WIRE_CREDITS = frozenset({"reuters", "ap", "afp", "upi", "cnn", "cbs", "bbc", "agencies", "xinhua", "tass", "dpa", "ani", "pti"})
# a stock ticker in brackets, told from an acronym like "(IMF)" by its exchange, its market suffix or
# the wire's spacing: "(NYSE: IBM)", "(KO.N)", "(MRK )", "(IDB.TO: Quote, Profile, Research)"
_TICKER = re.compile(r"\((?:(?:NYSE|Nasdaq|NASDAQ|LSE|TSX|AMEX)\s*:\s*[A-Z]{1,5}|[A-Z]{2,5}\.[A-Z]{1,2}[):]|[A-Z]{2,5} \)|[A-Z.]{1,8}:\s*Quote)")


def extract_events(doc: Doc, analysis: Analysis, knowledge) -> None:
    patterns = knowledge.event_patterns
    coder = _Coder(doc, analysis, knowledge.cameo, patterns, knowledge.actors)
    found: list[Event] = []
    skip = (analysis.standfirst.start, analysis.standfirst.end) if analysis.standfirst else None
    for index, sentence in enumerate(analysis.sentences):
        if skip and sentence.start >= skip[0] and sentence.end <= skip[1]:
            continue  # the standfirst restates the lede: its events would be duplicates
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        found.extend(coder.sentence(span[:MAX_SENTENCE_TOKENS], index))
    found.sort(key=lambda e: (e.trigger.start, e.id))
    for n, event in enumerate(found, 1):
        event.id = f"E{n}"
    analysis.events = found


class _Coder:
    def __init__(self, doc: Doc, analysis: Analysis, cameo, patterns, actors=None):
        self.doc, self.analysis, self.cameo, self.patterns = doc, analysis, cameo, patterns
        self.actor_dictionary = actors
        self.light = patterns.light_verbs
        self.light_particles = patterns.sets.get("&NEUTRAL_PARTICLES", frozenset())
        self.nonpolitical = patterns.sets.get("&NONPOLITICAL", frozenset())
        self.security = patterns.sets.get("&SECURITY", frozenset())
        self.political_groups = patterns.sets.get("&POLITICAL_GROUPS", frozenset())
        self.documents = patterns.sets.get("&DOCUMENTS", frozenset())
        self.receive = patterns.sets.get("&RECEIVE", frozenset())
        self.members = patterns.sets.get("&MEMBERS", frozenset())
        self.attacks = patterns.sets.get("&ATTACKS", frozenset())
        self.companies = patterns.sets.get("&COMPANIES", frozenset())
        self.company_peers = patterns.sets.get("&COMPANY_PEERS", frozenset())
        self.peacekeeping = patterns.sets.get("&PEACEKEEPING", frozenset())
        # Participants are frozen (hashable by value): kept by value, never by id(), which Python reuses
        # once a discarded participant is freed
        self.attack_parts: set[Participant] = set()  # an attack or weapon doing violence
        self.keep_any = getattr(patterns, "keep_any", False)
        self.keep_codes = getattr(patterns, "keep_codes", False)  # '@modes keep': no recoding by mode
        self.phrase_scope = getattr(patterns, "phrase_scope", False)  # '@scope phrase': PETRARCH's reach
        self.roles_of: dict[int, tuple[str, ...]] = {}  # token -> role groups it takes (_role_members)
        self.more_roles: dict[int, list[tuple[str, ...]]] = {}  # token -> roles coordinated with that one
        self.max_events = MAX_EVENTS_PER_SENTENCE * (4 if self.keep_any else 1)
        self.actor_kinds = {a.id: a.kind for a in analysis.actors}
        self.actors_by_id = {a.id: a for a in analysis.actors}
        self.modifier_only: set[Participant] = set()
        self.domain, self.cued = _domain(doc, patterns.sets)
        mentions = sorted((m.start, m.end, a) for a in analysis.actors for m in a.mentions)
        self.mention_starts = [m[0] for m in mentions]
        self.mentions = mentions
        self.times = self._times()
        self.countries: dict[int, str] = {}  # a country named as a place: its head token -> country code
        self.place_actors: set[int] = set()  # places taken as the source of an agentless passive
        self.places, self.place_words, self.dateline_place = self._places()

    # -- one sentence -------------------------------------------------------------------------
    def sentence(self, span, index: int) -> list[Event]:
        out: list[Event] = []
        used: set[int] = set()
        by_verb: dict[int, list[Event]] = {}
        for tok in span:
            if tok.pos_ in _VERB_POS or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
                cands = self.patterns.verbs.get(tok.lemma_.lower())
                if cands:
                    found = self._code(tok, cands, index, used, verb=True)
                    by_verb[tok.i] = found
                    out.extend(found)
        dropped = _one_refusal(span.doc, by_verb)
        out = [e for e in out if not any(e is d for d in dropped)]
        for tok in span:
            if tok.i in used or tok.pos_ not in _NOUN_POS:
                continue
            cands = self.patterns.nouns.get(tok.lemma_.lower()) or self.patterns.nouns.get(tok.lower_)
            if cands:
                out.extend(self._code(tok, cands, index, used, verb=False))
            if len(out) >= self.max_events:
                break
        return out[:self.max_events]

    def _code(self, tok: Token, cands: list[EventPattern], index: int, used: set[int], verb: bool) -> list[Event]:
        before, after = _verb_words(tok, self.phrase_scope) if verb else _noun_words(tok)
        particle = next((c for c in tok.children if c.dep_ == "prt"), None) if verb else None
        for pattern in cands:
            if pattern.forms and tok.lower_ not in pattern.forms:
                continue  # a pattern for some forms of the lemma only ('form:met')
            matched = _match(pattern, before, after, verb)
            if matched is None:
                continue
            if particle is not None and particle not in matched and particle.lower_ not in self.light_particles:
                continue  # a phrasal verb is another verb: "shot up", "struck out", "backed away"
            if "block" in pattern.flags:
                used.add(tok.i)
                return []  # a sense that is no event: "fire" + employees, "trade war"
            if verb and "passive-only" in pattern.flags and not roles.is_passive(tok):
                continue
            if verb and "active-only" in pattern.flags and roles.is_passive(tok):
                continue
            events = self._events(tok, pattern, index, verb, matched)
            if events is None:
                continue
            used.update(t.i for t in matched)
            used.add(tok.i)
            return events
        return []

    def _events(self, tok: Token, pattern: EventPattern, index: int, verb: bool,
                matched: list[Token]) -> list[Event] | None:
        """The events of one pattern at ``tok``; ``matched`` holds the pattern's words found in the text."""
        support = _support_verb(tok, self.light | self.receive) if not verb else None
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
        if not targets and pattern.target == ("xsubj",):
            return None  # "said Iran must ...": without the party addressed it is no demand
        if "symmetric" in pattern.flags and not sources and len(targets) > 1:
            sources, targets = targets, []  # "cooperation between X and Y": the parties are each other's targets
        if "symmetric" in pattern.flags and len(sources) > 1 and targets and not any(self._coded_at(t) for t in targets):
            targets = []  # "Canada and the UK agreed to *a trade deal*": the parties are each other's partners
        if "symmetric" in pattern.flags and not targets and len(sources) > 1:
            pairs = [(s, t) for s in sources for t in sources if s.i != t.i]
        else:
            # spaCy makes a new Token object on each access: the same word is told by its index, not by
            # 'is'. A party found in both slots ("were deployed as peacekeepers": subject and object) is
            # the source only.
            pairs = list(dict.fromkeys(
                (s, t if s is None or t is None or s.i != t.i else None)
                for s in (sources or [None]) for t in (targets or [None])))
            if "symmetric" in pattern.flags and targets and sources:
                pairs += [(t, s) for s, t in pairs if t is not None and s is not None and self._actor_at(t.idx, t.idx + len(t))
                          and (not verb or _clause_verb(t) == tok)]
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
        if pattern.source_groups:
            # 'source:lab': "workers struck" is a labour strike, "jets struck" is not
            parts = [(s, t, c) for s, t, c in parts if any(g.lower() in pattern.source_groups for g in self._groups(s))]
            if not parts:
                return None
        if self.attacks and pattern.code[:2] in _VIOLENT:
            # "a car bomb killed X", "an air strike on the market killed X": the attack is the doer
            for s, sp, _tp, _c in expanded:
                if s is not None and sp is not None and s.lemma_.lower() in self.attacks:
                    self.attack_parts.add(sp)
        if "actor" in pattern.flags and not any((s and s.code) or (t and t.code) or s in self.attack_parts
                                                for s, t, _ in parts):
            return None
        if pattern.code.startswith("042"):
            parts = [(s, self._host(t), c) for s, t, c in parts]
        parts = [(s, t, c) for s, t, c in parts if self._keep(s, t)]
        if not parts:
            return None
        date, date_tok = self._date(tok, support)
        mode0, _ = modes.mode_of(tok, self.analysis.published, date if date_tok is not None else None)
        trigger = self._trigger(tok, verb)
        embedded = _embedded(tok)
        out = []
        peace = self._peacekeeping(tok, support, verb, pattern.code)
        for source, target, code in parts:
            mode, note = mode0, ""
            if peace and "074" in self.cameo:
                note, code = f" peacekeeping {code}->074", "074"
            if self.keep_codes:
                pass  # '@modes keep': the pattern's code as written, the mode reported beside it
            elif mode == modes.NEGATED:
                refusal = modes.refusal_code(code)
                if refusal and refusal in self.cameo:
                    note, code, mode = f" negated {code}->{refusal}", refusal, modes.ASSERTED
            elif mode == modes.FUTURE:
                intent = modes.intent_code(code) or modes.threat_code(code)
                if intent and intent in self.cameo:
                    note, code = f" future {code}->{intent}", intent
            entry = self.cameo.get(code)
            out.append(Event(
                id="", source=source, target=target, cameo=code, plover=entry.plover, quad=entry.quad,
                goldstein=entry.goldstein, mode=mode, date=date or self.analysis.published,
                place=self._place(tok, support), trigger=trigger, sentence=index,
                confidence=_confidence(source, target, pattern, mode, embedded, verb),
                evidence=pattern.evidence + note,
            ))
        return out

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
        groups = self._groups(p)
        if not groups:
            return False
        if groups[0] in _TRANSNATIONAL_POLITICAL:
            return True
        return not any(g.lower() in self.nonpolitical for g in groups)

    def _weak(self, p: Participant | None) -> bool:
        """A named party the actor dictionary cannot code (a person, an organisation), or a noun
        phrase headed by a word for a political or social group (&POLITICAL_GROUPS: "teachers",
        "the committee")."""
        if p is None:
            return False
        if self._company(p):
            return False  # "Medtronic Inc.", "the electronics retailer": a company is no political party
        if p.actor is not None and (not p.code or p in self.modifier_only):
            return True
        if p in self.attack_parts:
            return True
        return bool(self.political_groups) and any(
            w in self.political_groups or _singular(w) in self.political_groups
            for w in _WORD_SPLIT.split(p.text.lower()) if w)

    def _host(self, p: Participant | None) -> Participant | None:
        """The place of a visit as the party visited: "visited *Moscow*" -> RUS, "arrived in *Iran*" ->
        IRN (CAMEO codes the host state as the target of 042). Only a country or a capital; the place
        stays a place, not an actor, everywhere else in the analysis."""
        if p is None or p.code:
            return p
        for place in self.analysis.places:
            if place.start < p.start or place.end > p.end or not place.country:
                continue
            if place.kind == "country" or (self._capital_of(place.text) or "")[:3] == place.country:
                return replace(p, code=place.country)
        return p

    def _capital_of(self, name: str) -> str | None:
        """The code a capital stands for as a party ("Moscow" -> RUSGOV), or None."""
        entry = self.actor_dictionary.lookup(name) if self.actor_dictionary is not None else None
        return entry.code if entry is not None and entry.type == "capital" and entry.code else None

    def _company(self, p: Participant | None) -> bool:
        """A company: coded as a business sector, or named with a company word (&COMPANIES)."""
        if p is None:
            return False
        groups = self._groups(p)
        if groups and groups[0] in _TRANSNATIONAL_POLITICAL:
            return False  # the IMF, the WTO (IGOBUS...): institutions of states
        if any(g.lower() in ("bus", "mnc") for g in groups):
            return True
        return bool(self.companies) and any(w in self.companies for w in _WORD_SPLIT.split(p.text.lower()) if w)

    def _company_affair(self, source: Participant | None, target: Participant | None) -> bool:
        """A company's dealings with anyone but the state: its workers, unions, rivals, a party the
        dictionary cannot code (&COMPANY_PEERS names the sector groups that count as such)."""
        if not (self._company(source) or self._company(target)):
            return False
        for p in (source, target):
            if p is None or self._company(p):
                continue
            groups = self._groups(p)
            if groups and (groups[0] in _TRANSNATIONAL_POLITICAL or not any(
                    g.lower() in self.nonpolitical or g.lower() in self.company_peers for g in groups)):
                return False  # a government, court or army acting on a company ("a UN expert") is political news
        return True

    def _security(self, p: Participant | None) -> bool:
        return any(g.lower() in self.security for g in self._groups(p))

    def _keep(self, source: Participant | None, target: Participant | None) -> bool:
        """Whether an event with these participants is political news (docs/events.md, "Which
        events are kept")."""
        if source is None and target is None:
            return False
        if self.keep_any:
            return True  # '@keep any': the user's dictionary decides alone what is an event
        if self._company_affair(source, target) and not (self._security(source) or self._security(target)):
            return False
        if self.domain:
            # Sports and business news: a country is a team or a market, a company is no actor.
            if self._security(source) or self._security(target):
                return True
            return all(self._political(p) and not self._country_only(p) for p in (source, target))
        if self._political(source) or self._political(target):
            return True
        # A party the dictionary cannot code counts only in a text with no sports or business cue.
        return not self.cued and (self._weak(source) or self._weak(target))

    def _country_only(self, p: Participant | None) -> bool:
        groups = self._groups(p)
        return len(groups) == 1 or (len(groups) == 2 and groups[1] == "GOV" and p is not None
                                    and self.actor_kinds.get(p.actor) == "country")

    def _slot(self, tok: Token, slots: tuple[str, ...], verb: bool, support: Token | None,
              matched: list[Token]) -> list[Token]:
        for slot in slots:
            head = self._fill(tok, slot, verb, support, matched)
            if head is not None and head.i != tok.i:
                found = roles.conjuncts(head, self._codes_at)
                if slot == "subj":
                    members = self._role_members(head, found)
                    if members:
                        return members
                    extra = self._compound_subject(head)
                    found = [t for t in extra if t not in found] + found if extra else found
                return found
        return []

    def _fill(self, tok: Token, slot: str, verb: bool, support: Token | None, matched: list[Token]) -> Token | None:
        if slot == "first-actor":
            return self._first_actor(tok)
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
                if subject is None and roles.is_passive(tok) and not any(c.dep_ == "agent" for c in tok.children):
                    # "was arrested *in Niger*", "were expelled *from Iran*": with no agent named, the
                    # country where it happened stands for its authorities (CAMEO coders' reading)
                    return self._passive_place(tok)
                if subject is not None and subject.i == tok.head.i and tok.dep_ in ("acl", "relcl") \
                        and subject.lemma_.lower() in self.documents:
                    # "passed a resolution *criticizing* X", "filed a lawsuit *accusing* X": the one who
                    # issued the document is the source
                    return self._clause_subject(subject) or subject
                return subject
            if slot == "obj":
                return roles.verb_object(tok)
            if slot == "iobj":
                return next((c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"), None) or \
                    roles.prep_objects([tok], "to")
            if slot == "xsubj":
                head = roles.verb_object(tok)
                # "said *he* must go": a personal pronoun there is the speaker or someone named before
                return None if head is not None and head.lower_ in _PERSONAL else head
            anchors = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prt", "xcomp")]
            # a pattern word that is a preposition's object carries its own phrases: "called for
            # *sanctions* against X", "ordered the *release* of X"
            anchors += [t for t in matched if t.dep_ == "pobj" and t.head.head.i == tok.i or
                        t.dep_ == "dobj" and t.head.i != tok.i]
            if slot == "any":
                obj = roles.verb_object(tok)
                if obj is not None and obj in matched:
                    obj = None  # the pattern's own word ("signed *an agreement*") is what was done, not to whom
                return obj or roles.any_object(anchors)
            return roles.prep_objects(anchors, slot[5:])
        # nouns
        if slot == "subj":
            for c in tok.children:
                if c.dep_ == "poss":
                    if c.tag_ == "PRP$" and c.lower_ not in ("my", "your"):
                        # "its withdrawal", "their attacks on": the possessor is the subject of the clause
                        return (roles.verb_subject(support) if support is not None else None) \
                            or self._clause_subject(tok) or c
                    return c
            by = roles.prep_objects([tok], "by")
            if by is not None:
                return by
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "nmod") and self._named_at(c):
                    return c  # "*Russian* troop buildup", "a *Saudi-led* strike"; not "*military* exercises"
            if support is not None:
                return roles.verb_subject(support)
            return None
        if slot == "obj":
            return roles.prep_objects([tok], "of")
        if slot == "iobj":
            return next((c for c in support.children if c.dep_ == "dative"), None) if support is not None else None
        anchors = [tok] + ([support] if support is not None else [])
        if slot == "any":
            return roles.prep_objects([tok], "of") or roles.any_object(anchors)
        if slot == "xsubj":
            return None
        return roles.prep_objects(anchors, slot[5:])

    def _above_subject(self, tok: Token) -> Token | None:
        """The slot ``above``: the subject of the verb whose complement clause the trigger heads
        ("*Velmara* noted that Quentor regretted ...", "*Velmara* suggested Quentor demand ...")."""
        clause = tok
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ not in ("ccomp", "xcomp") or clause.head.pos_ not in ("VERB", "AUX"):
            return None
        return self._past_dateline(roles.verb_subject(clause.head))

    def _past_dateline(self, subject: Token | None) -> Token | None:
        """The parser often reads a dateline ("LIMA, May 4 - Peru and Bolivia signed") as the subject,
        the real subject hanging below it: take the first noun after the dateline in its subtree."""
        d = self.analysis.dateline
        if subject is None or d is None or subject.idx < d.start:
            return subject
        # the dateline runs to its dash: "LIMA, May 4 (Wire) - "
        dash = _DATELINE_DASH.search(self.analysis.text, d.end, d.end + 80)
        end = dash.end() if dash else d.end
        if subject.idx >= end:
            return subject
        for t in subject.subtree:
            if t.idx >= end and t.pos_ in _NOUN_POS and (t.head.idx < end or t.head.i == t.i):
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

    def _clause_subject(self, noun: Token) -> Token | None:
        """The subject of the verb a noun phrase belongs to ("the US completed *its withdrawal*", "X
        issued *a statement* condemning ..."), through prepositions and objects, a few steps up."""
        tok = noun
        for _ in range(4):
            if tok.dep_ not in ("dobj", "pobj", "prep", "attr", "oprd", "conj", "appos", "nsubjpass", "dative") \
                    or tok.head is tok:
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
            inside.append(t)
            stack.extend(t.children)
        for t in sorted(inside, key=lambda x: x.i):
            if t.i <= after:
                continue  # words the slot skips ('past:WORD')
            actor = self._actor_at(t.idx, t.idx + len(t))
            if actor is None or not actor.code:
                continue
            span = self._mention_span(t)
            return span.root if span is not None else t
        return None

    def _role_members(self, head: Token, conjuncts: list[Token]) -> list[Token]:
        """A role word with the actors it belongs to in a phrase after it: "lawmakers *in Velia and
        Corbin*", "the envoys *of Velia, Corbin and Tarn*", "soldiers *from Velia*". Each actor is a
        participant of its own, coded as the actor plus the role's groups (VEL + LEG). Only for a role
        whose code holds a sector; a country coordinated with the role ("lawmakers in Velia and
        Corbin", parsed as 'lawmakers and Corbin') belongs to the role too."""
        role = self._role_of(head)
        if role is None:
            return []  # "executives from Germany": a business role gives no political participants
        members: list[Token] = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    members += [t for t in roles.conjuncts(pobj) if self._country_actor(t) or self._igo_at(t)]
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
        if actor is None or not actor.code or actor.sector is None or self.actor_kinds.get(actor.id) == "person":
            return None
        code = actor.code
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        role = tuple(groups[1:] if actor.country is not None else groups)
        if not role or (not self.keep_any and any(g.lower() in self.nonpolitical for g in role)):
            return None
        return role

    def _igo_at(self, t: Token) -> bool:
        """An international organisation named at ``t`` or in its modifiers ("the 30 *NATO* member
        states"): the envoys "from" it act for it."""
        for u in [t, *(c for c in t.children if c.dep_ in ("compound", "nmod", "amod") and c.i < t.i)]:
            actor = self._actor_at(u.idx, u.idx + len(u))
            if actor is not None and actor.code and actor.code[:3] in _TRANSNATIONAL_POLITICAL:
                return True
        return False

    def _country_actor(self, t: Token) -> bool:
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and bool(actor.code) and actor.country is not None

    def _named_at(self, t: Token) -> bool:
        """A modifier that names a party: a country, nationality or a named organisation or person,
        not a bare sector word ("military", "police")."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return actor is not None and (actor.country is not None or t.pos_ == "PROPN")

    def _codes_at(self, t: Token) -> tuple[str, ...] | None:
        """The codes of the actor named at ``t`` (its code and extra codes), or None."""
        actor = self._actor_at(t.idx, t.idx + len(t))
        return (actor.code, *actor.extra_codes) if actor is not None and actor.code else None

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

    def _mention_span(self, t: Token):
        i = bisect.bisect_right(self.mention_starts, t.idx)
        for j in range(i - 1, max(-1, i - 6), -1):
            s, e, _ = self.mentions[j]
            if s <= t.idx < e:
                return self.doc.char_span(s, e, alignment_mode="expand")
        return None

    def _participants(self, head: Token | None) -> list[Participant | None]:
        """The participant at ``head``, and one more per extra code of its actor (a dictionary row
        with several codes, ``ELR/GAL``: the words name several actors at once)."""
        p = self._participant(head)
        actor = self.actors_by_id.get(p.actor) if p is not None and p.actor else None
        if actor is None or not actor.code or not p.code or p.code[:len(actor.code)] != actor.code:
            return [p]
        more_roles = self.more_roles.get(head.i, []) if head is not None else []
        if not actor.extra_codes and not more_roles:
            return [p]
        out = [p]
        tail = p.code[len(actor.code):]  # the groups of a role the actor was named after ("lawmakers in X")
        tails = [tail] + ["".join(r) for r in more_roles]  # "lawmakers and officials in X": each role
        for base in [actor.code, *actor.extra_codes]:
            have = {base[i:i + 3] for i in range(0, len(base), 3)}
            for t in tails:
                code = (base + "".join(t[i:i + 3] for i in range(0, len(t), 3) if t[i:i + 3] not in have))[:15]
                if any(q is not None and q.code == code for q in out):
                    continue
                q = replace(p, code=code)
                if p in self.modifier_only:
                    self.modifier_only.add(q)
                out.append(q)
        return out

    def _participant(self, head: Token | None) -> Participant | None:
        if head is None:
            return None
        start_tok = head.left_edge if head.i - head.left_edge.i <= 12 else head
        end_i = head.i
        for c in head.children:
            if c.i > head.i and (c.dep_ in ("appos", "flat", "compound") or (c.dep_ == "prep" and c.lower_ == "of")):
                if c.dep_ == "appos" and roles.list_apposition(head, c, self._codes_at):
                    continue  # "Mordor, the Shire, Fornost and Bree": the apposition is another party
                if c.right_edge.i - head.i <= 8:
                    end_i = max(end_i, c.right_edge.i)
        end_tok = self.doc[end_i]
        start_tok = self._past_opener(start_tok, head)
        start, end = start_tok.idx, end_tok.idx + len(end_tok)
        if head.i in self.roles_of:
            # one of the parties of a role word: its own mention ("*Afghanistan's intelligence
            # services*", "*Russian*" and "*US negotiators*" in "Russian and US negotiators")
            own = self._mention_span(head)
            if own is not None:
                start, end = own.start_char, own.end_char
        if start_tok.i <= head.i and start_tok.is_punct:
            start = head.idx
        actor = self._actor_at(head.idx, head.idx + len(head))
        named = actor is not None
        if actor is None:
            actor = self._actor_at(start, end)
        code = actor.code if actor else None
        if actor is None and head.i in self.place_actors:
            # "was arrested in *Belarus*": the country, coded as one; a capital the parser hung
            # elsewhere but the coder reads as a subject: its government
            code = self.countries.get(head.i) or self._capital_of(head.text)
        role = self.roles_of.get(head.i)
        if role and code and code[:3] not in _TRANSNATIONAL_POLITICAL:  # NATO's envoys act for NATO
            # an actor named after a role word ("lawmakers in Velia"): the actor's code and the role's groups
            have = {code[i:i + 3] for i in range(0, len(code), 3)}
            code = (code + "".join(g for g in role if g not in have))[:15]
        p = Participant(start, end, self.analysis.text[start:end], actor.id if actor else None, code)
        if not named and actor is not None and head.lemma_.lower() not in self.members:
            self.modifier_only.add(p)  # "the US *giant*", "a Supreme Court *decision*"
        return p

    def _past_opener(self, start_tok: Token, head: Token) -> Token:
        """The first word of a participant after the dateline and wire credit the parser hung on it
        ("NEW YORK (Reuters) - *Iranian officials*", "LAGOS - *Nigeria's Senate*")."""
        if start_tok.i >= head.i or start_tok.i - start_tok.sent.start > 1:
            return start_tok
        cut = None
        dash = None
        for m in _DATELINE_DASH.finditer(self.analysis.text, start_tok.idx, head.idx):
            dash = m
        if dash is not None and dash.start() - start_tok.idx <= 60:
            cut = dash.end()
        d = self.analysis.dateline
        if cut is None and d is not None and start_tok.idx <= d.start and d.end <= head.idx:
            cut = d.end
        if cut is None:
            return start_tok
        for t in self.doc[start_tok.i:head.i + 1]:
            if t.idx >= cut and not t.is_punct and t.lower_ not in _WIRE_CREDITS:
                return t
        return start_tok

    def _actor_at(self, start: int, end: int):
        i = bisect.bisect_left(self.mention_starts, start)
        # Mentions are short: look a little to the left for one that starts before and overlaps.
        for j in range(max(0, i - 3), min(len(self.mentions), i + 6)):
            s, e, actor = self.mentions[j]
            if s < end and e > start:
                return actor
        return None

    # -- when and where -----------------------------------------------------------------------
    def _times(self) -> dict[int, tuple[str | None, int]]:
        out: dict[int, tuple[str | None, int]] = {}
        for t in self.analysis.times:
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or t.type not in ("DATE", "TIME"):
                continue
            tok, steps = span.root, 0
            value = t.value[:10] if t.value and _DATE.match(t.value[:10]) else None
            while tok.head is not tok and steps < 5:  # "talks in Geneva on Monday": through a place phrase
                tok = tok.head
                steps += 1
                if tok.i not in out or out[tok.i][1] > steps:
                    out[tok.i] = (value, steps)
                if tok.pos_ in ("VERB", "NOUN") and tok.dep_ not in ("prep", "pobj"):
                    break
        return out

    def _date(self, tok: Token, support: Token | None) -> tuple[str | None, Token | None]:
        # a nominal event dated by its clause when the parser hangs the date on the verb: "the talks
        # in Lima *ended on Monday*", "talks will resume on Monday"
        clause = tok.head if tok.pos_ in _NOUN_POS and tok.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and tok.head.pos_ in ("VERB", "AUX") else None
        for t in (tok, support, clause):
            if t is not None and t.i in self.times:
                return self.times[t.i][0], t
        return None, None

    def _places(self):
        by_head: dict[int, EventPlace] = {}  # governing word of "in X" -> X
        by_word: dict[int, EventPlace] = {}  # the place name's own head word -> X
        dateline = None
        d = self.analysis.dateline
        for p in self.analysis.places:
            place = EventPlace(p.name, p.country, p.lat, p.lon, p.start, p.end)
            if d is not None and p.start >= d.start and p.end <= d.end:
                dateline = EventPlace(p.name, p.country, p.lat, p.lon, None, None)
                continue
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            by_word.setdefault(span.root.i, place)
            if p.kind == "country" and p.country:
                self.countries.setdefault(span.root.i, p.country)
            prep = span.root.head
            if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
                by_head.setdefault(prep.head.i, place)
        return by_head, by_word, dateline

    def _place(self, tok: Token, support: Token | None) -> EventPlace | None:
        for t in (tok, support):
            if t is not None and t.i in self.places:
                return self.places[t.i]
        for c in tok.children:
            if c.dep_ == "dobj" and c.i in self.places:
                return self.places[c.i]
        # "... shifts to Brussels, where officials will meet": the clause's "where" names the place
        head = tok
        for _ in range(4):
            if head.dep_ == "relcl" and head.head.i in self.place_words \
                    and any(c.lower_ == "where" for c in head.children):
                return self.place_words[head.head.i]
            if head.head is head:
                break
            head = head.head
        return self.dateline_place

    def _trigger(self, tok: Token, verb: bool) -> Span:
        end = tok
        if verb:
            for c in tok.children:
                if c.dep_ == "prt" and c.i == end.i + 1:
                    end = c
        start = tok.idx
        stop = end.idx + len(end)
        return Span(start, stop, self.analysis.text[start:stop])


def _domain(doc: Doc, sets: dict[str, frozenset[str]]) -> tuple[str | None, bool]:
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
    if business and _TICKER.search(doc.text[:20000]):
        found["business"].add("(ticker)")  # "Merck (MRK)", "(IDB.TO: Quote, Profile, Research)": a markets wire
    best = max(("sports", "business"), key=lambda n: len(found[n]))
    n, politics = len(found[best]), len(found["politics"])
    return (best if n >= 2 and n > politics else None), n > politics


def _clause_verb(t: Token) -> Token | None:
    """The verb whose clause a word belongs to: "agreed to impose sanctions on *Belarus*" -> impose."""
    head = t.head
    while head is not head.head and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


_REFUSING = frozenset({"refuse", "decline"})


def _one_refusal(doc: Doc, by_verb: dict[int, list[Event]]) -> list[Event]:
    """A refusal verb and the verb it refuses ("declined *to attend* the talks") code the same act
    twice: the refusal verb's pattern (120) and the refused verb, negated and recoded as a refusal
    (125). Keep the more specific code; on a tie the refusal verb's. Returns the events to drop."""
    dropped: list[Event] = []
    for i, events in by_verb.items():
        tok = doc[i]
        if not events or tok.dep_ != "xcomp" or tok.head.i not in by_verb:
            continue
        if tok.head.lemma_.lower() not in _REFUSING or not by_verb[tok.head.i]:
            continue
        parents = by_verb[tok.head.i]
        for child in events:
            if " negated " not in child.evidence:
                continue
            for parent in parents:
                if _same_party(parent.source, child.source) and _same_party(parent.target, child.target):
                    loser = child if not _more_specific(child.cameo, parent.cameo) else parent
                    dropped.append(loser)
    return dropped


def _same_party(a: Participant | None, b: Participant | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and (a.start, a.end) == (b.start, b.end))


def _more_specific(code: str, than: str) -> bool:
    """'125' (reject a proposal to meet) over '120' (reject); '1243' over '124'."""
    if len(code) != len(than):
        return len(code) > len(than)
    return than.endswith("0") and not code.endswith("0")


def _verb_words(tok: Token, phrase: bool = False) -> tuple[list[Token], list[Token]]:
    """Tokens of the verb's own clause before and after it, where pattern words are looked for. With
    ``phrase`` (option ``@scope phrase``), the words after it are those of its whole verb phrase, as
    PETRARCH reads them: the clauses it governs and words deeper down included."""
    before = [c for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "prt", "npadvmod", "aux", "neg")]
    # an adverb's own adverbs: "*most* certainly will not"
    before += [g for c in before if c.dep_ == "advmod" for g in c.children if g.dep_ == "advmod" and g.i < c.i]
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass"):
            # the subject's head and its modifiers: "*peacekeepers* arrived", "*peacekeeping* troops served"
            before.append(c)
            # (and a noun the parser hangs on it when coordinated: "the *death* and injury toll")
            before.extend(g for g in c.children if g.dep_ in ("compound", "amod", "det", "preconj", "nmod") and g.i < c.i)
    if tok.dep_ in ("ccomp", "xcomp") and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):
        # the verb whose complement the trigger heads, with its adverbs and auxiliaries: "*indicated* it
        # would act", "*unexpectedly won't try* to clash", "is *inching closer* to accord"
        head = tok.head
        before.append(head)
        before += [c for c in head.children if c.i < tok.i and c.dep_ in ("advmod", "aux", "neg", "npadvmod")]
    before.sort(key=lambda t: t.i)
    after: list[Token] = []
    frontier, depth = [tok], 0
    while frontier and depth < (_PHRASE_DEPTH if phrase else 3):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.i > tok.i and (c.dep_ not in (_PHRASE_STOP if phrase else _CLAUSE_STOP) or c.tag_ == "TO"
                                    or _small_clause(c)) \
                        and not (phrase and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and t.i == tok.i) \
                        and not roles.time_phrase(c):  # "called X *on Saturday*" is no "call on"
                    after.append(c)
                    nxt.append(c)
        frontier, depth = nxt, depth + 1
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i:
            # the modal of a reported clause is a word of the verb's phrase: "said Iran *must* stop"
            after.extend(g for g in c.children if (g.dep_ == "aux" and g.tag_ == "MD") or g.dep_ == "acomp")
            if modes.is_subjunctive(c):
                # the mandative subjunctive, "insisted *that* NATO stop": its 'that' is a word of the
                # verb's phrase, so that a pattern 'insist that' holds for a demand, not for a statement
                # ("insisted that the drills were defensive")
                after.extend(g for g in c.children if g.dep_ == "mark" and g.lower_ == "that")
    after.sort(key=lambda t: t.i)
    return before, after[:40]


def _singular(word: str) -> str:
    """A plural noun's singular, roughly ("groups" -> "group", "militias" -> "militia", "parties" -> "party")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _small_clause(c: Token) -> bool:
    """An adjective complement with its own subject, which the parser makes a clause: "found *him guilty*",
    "declared *the vote invalid*". Its words belong to the verb's phrase."""
    return c.dep_ == "ccomp" and c.pos_ == "ADJ" and c.head.pos_ in ("VERB", "AUX")


def _noun_words(tok: Token) -> tuple[list[Token], list[Token]]:
    near = []
    for c in tok.children:
        if c.dep_ in _NOUN_DEPS:
            near.append(c)
            if c.dep_ in ("prep", "compound", "amod"):
                near.extend(g for g in c.children if g.dep_ in ("pobj", "compound", "amod"))
    near.sort(key=lambda t: t.i)
    return [t for t in near if t.i < tok.i], [t for t in near if t.i > tok.i]


def _matches(word: frozenset, t: Token) -> bool:
    return _span(word, t) is not None


def _span(word: frozenset, t: Token) -> tuple[int, int] | None:
    """The tokens (first and last index) a pattern word matches at ``t``, or None."""
    if t.lower_ in word or (t.lemma_.lower() in word and not getattr(word, "exact", False)
                            and not _fixed_preposition(t)):
        return t.i, t.i
    for seq in getattr(word, "multi", ()):
        # a member of several words ("economic sanction") matches consecutive tokens, the token
        # being the first or the last of them (a noun's modifiers stand before it)
        for start in {t.i, t.i - len(seq) + 1}:
            if start < 0 or start + len(seq) > len(t.doc):
                continue
            if all(d.lower_ == w or d.lemma_.lower() == w for d, w in zip(t.doc[start:start + len(seq)], seq)):
                return start, start + len(seq) - 1
    return None


def _fixed_preposition(t: Token) -> bool:
    """"according to", "owing to": a preposition written as a verb form, whose lemma ("accord",
    "owe") is no pattern word."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.lower_ in ("according", "owing") and nxt is not None and nxt.lower_ == "to"


def _in_order(words, tokens: list[Token], k: int = 0, prev_end: int | None = None) -> list[Token] | None:
    """Tokens matching ``words`` in order; a word glued to the one before it (``new_relations``) must
    stand right after it in the text."""
    if not words:
        return []
    w, rest = words[0], words[1:]
    glued = getattr(w, "glued", False) and prev_end is not None
    more_glue = any(getattr(x, "glued", False) for x in rest)
    for j in range(k, len(tokens)):
        span = _span(w, tokens[j])
        if span is None or (glued and span[0] != prev_end + 1):
            continue
        tail = _in_order(rest, tokens, j + 1, span[1])
        if tail is not None:
            return [tokens[j]] + tail
        if not more_glue and not glued:
            return None  # plain words: the first match is the best one, no need to look further
    return None


def _match(pattern: EventPattern, before: list[Token], after: list[Token], verb: bool) -> list[Token] | None:
    if pattern.size == 0:
        return []
    got_before = _in_order(pattern.before, before) if pattern.before else []
    if got_before is None:
        return None
    got_after = _in_order(pattern.after, after) if pattern.after else []
    if got_after is None:
        return None
    got_any: list[Token] = []
    pool = before + after
    for w in pattern.anywhere:
        hit = next((t for t in pool if _matches(w, t) and t not in got_any), None)
        if hit is None:
            return None
        got_any.append(hit)
    return got_before + got_after + got_any


def _support_verb(noun: Token, light: frozenset[str]) -> Token | None:
    """The verb a noun event is the object of when that verb only carries it ("held talks")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PARTITIVE:
        return _support_verb(head.head, light)  # "began *a new round of* joint exercises"
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "conj") and head.lemma_.lower() in light:
        return head
    if noun.dep_ == "attr" and head.lemma_.lower() in _COPULA:
        return head  # "the US remains the largest *donor* of aid to ...": the subject is the party
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in light:  # "carried out an attack", "took part in talks"
        return head.head
    if noun.dep_ == "conj" and head.dep_ == "dobj" and head.head.lemma_.lower() in light:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsible", "responsibility"):
        # "X is responsible for the killings", "X claimed responsibility for the attack"
        above = head.head.head
        if above is not head.head and above.pos_ in ("VERB", "AUX"):
            return above
    return None


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
