"""Actors that get their country from the article around them.

A role word with no country of its own ("police", "militants", "the government", "protesters") is
the country's whose story it is, as wire-news coders read it. Each such mention is given a country,
by the first of these rules that finds one:

0. ``headline-body``: in the headline, the body's first role of the same sector named by the same
   noun ("Soldier charged" over "A British soldier has been charged"), or for an armed group the one
   country the body gives that sector ("Kidnappers Behead Hostage" over "Iraqi militants beheaded"):
   a headline names in short whom the body names in full;
1. ``possessor``: a possessor that names a country: a description ("the country's army", "the
   kingdom's rulers": the last country of that kind named before) or a possessive pronoun ("its
   army") whose antecedent has a country;
2. ``phrase-place``: a place in the role's own phrase ("police *in Caracas*", "rebels *from Darfur*");
3. ``same-sector``: the one country whose role of the same sector the article named before
   ("Israeli troops ... the army said"; "Hugo Chavez ... the government");
4. ``dominant``: the country the article places things in and names as a party's own most often
   ("Sudanese", "Iraq's", "in Najaf"; not "visited Russia" nor "his Chinese counterpart", the other
   side), when one leads;
5. ``sentence-place``: the places the sentence locates things in, when they agree on one country
   ("gunmen killed two guards *in Kabul*");
6. ``dateline``: the dateline's place ("CARACAS, Venezuela - Police ...").

An armed group with no state ("militants", "gunmen", "kidnappers": sectors REB, INS, UAF, SEP,
CRM) listed beside a state, or one a state talks, agrees or signs with, is that state's, before rule 2
(``coordinated``: "Sudan, Rebels Agree on Ceasefire", "resume talks with rebels *in Norway*");
otherwise it takes rules 5 and 6 before rule 4: it fights where the story happens, and the nationalities of
its victims ("BAGHDAD - Militants beheaded an American hostage") are no country of its own. Such a
group, and the people of a place ("residents", "crowds", "many people": CVL) and its police, then
take ``story-place``, the country the article's places lie in most often, before rule 4: "US forces
bomb Ramadi ... many people were killed" are Ramadi's people, though the parties the story names
most are American.

A meeting's venue is no evidence at all: a place a meeting or signing is held in ("talks in
Geneva", the context files' ``venue`` rows) whose country the story names no party of, and a
dateline in that country, count for none of the rules above ("BRUSSELS - ... a crackdown by police
... EU leaders will meet in Brussels": Belarus's police, in a story about Belarus).

A role that says it is no one country's ("foreign fighters", "coalition forces", "African troops":
the ``stateless`` rows of the context files) keeps its bare code, and so does every actor with a
country or an organisation's code of its own ("U.S. troops", "al Qaeda"); so does a role word used
as an adjective of something else ("a *military* operation"). A person named with a bare title
("Foreign Minister Alexander Downer") takes a country only from a possessor, a place in the phrase,
an article whose every country evidence is one country (``named``), or the article's dominant
country: wire writers give a foreign office-holder a nationality ("Iraqi Prime Minister ...") and a
local one none; not the dominant country when the phrase names a body no dictionary knows ("a
spokeswoman for the European External Action Service" speaks for it). A person no dictionary knows
at all takes a country from a place in the phrase ("John Major *of Britain*") or a one-country
article only.

Every country given is recorded on the actor (``Actor.inferred``) with the rule and the words it came
from, so an analyst can ask why. Descriptions and pronouns are read first (``actor_references``), so
"the country's army" and "they" are settled before the country of context is. The whole reading is
switched off by the actor dictionaries' ``@context off`` option (the default for a dictionary used
alone, ``@builtin off``: PETRARCH codes what its dictionary says and nothing more).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from tidings.extract.actor_references import References
from tidings.extract.context_plan import Evidence, Plan, Recode
from tidings.extract.places import is_locative, meeting_place
from tidings.knowledge.actors import ARMED_SECTORS, SECTORS
from tidings.model import Actor, Analysis, Inference, Span, Venue

#: prepositions whose object, a place or a party, gives the role before them its country: "police in
#: Caracas", "a spokesman for the Kenyan police", "officials from Syria"
_PHRASE_PREPS = frozenset({"in", "from", "of", "for", "at", "inside", "across", "throughout", "near"})
#: sectors of the people who live where the story happens: the place of the story before the
#: countries of the parties it names ("US troops barred crowds from returning to Tal Afar")
_LOCAL_PEOPLE = frozenset({"CVL", "COP"})
#: kinds of party that, after "of", are the ones a role acts on, not the body it belongs to
_PATIENT_KINDS = frozenset({"group", "person"})
#: verbs by which a state deals with an armed group it fights: that group is the state's own rebels
_NEGOTIATING = frozenset({"agree", "hold", "resume", "open", "begin", "start", "sign", "negotiate", "talk", "meet",
                          "reach", "strike", "seek", "offer", "propose", "end", "break", "suspend"})
#: nouns for a government's political opponents, who are its country's opposition
_OPPOSING = frozenset({"opponent", "foe"})
#: prepositions after which an international organisation is the body a role belongs to
_IGO_PREPS = frozenset({"from", "of", "for", "at"})



def read_context(doc: Doc, analysis: Analysis, actors: list[Actor], knowledge, named: list[Evidence]) -> Plan:
    """What the article around the actors tells about them. ``named`` is the country evidence of
    the actors layer (countries, nationalities, capitals and national institutions named)."""
    evidence = sorted(named + _place_evidence(doc, analysis, knowledge.actors), key=lambda e: (e.start, e.end))
    evidence, venues = _venues(doc, evidence, knowledge.context.venue_words)
    plan = Plan(venues=venues)
    references = References(doc, analysis, actors, knowledge, evidence)
    references.descriptions(plan)
    references.pronouns(plan)
    # (a shared name read as the story's country's body first: the roles after it take that country,
    # "Peru's Congress ... Lawmakers accused ...")
    _national_bodies(actors, evidence, knowledge.context.national_bodies, plan)
    _Countries(doc, analysis, actors, knowledge, evidence, references).assign(plan)
    _appositives(doc, actors, plan)
    return plan


def _national_bodies(actors: list[Actor], evidence: list[Evidence], bodies: dict, plan: Plan) -> None:
    """A body's name that several countries use ("Congress") is the body of the story's country when
    the context files list one there (``national`` rows): "LIMA, Peru - Congress censured ..." is
    Peru's legislature, "Congress" in a New Delhi story the Congress party. The country is one named
    right before the name ("Peru's Congress"), else that of the nearest body of the same sector named
    before it ("Colombia's Senate ... the House of Representatives"), else the dateline's. Not the
    places a story names: "Congress approved aid for the drug war in Colombia" is the US Congress
    acting about Colombia."""
    if not bodies:
        return
    found = [(idx, m, table) for idx, a in enumerate(actors) for m in a.mentions
             if (table := bodies.get(_body_words(m.text))) is not None]
    if not found:
        return
    dateline = next((e for e in evidence if e.kind == "dateline"), None)
    for idx, mention, table in found:
        # a country named right before the name is its own ("*Peru's* Congress", "*Peruvian* Congress")
        ev = next((e for e in evidence if e.kind == "name" and 0 <= mention.start - e.end <= 3), None)
        found_at = Span(ev.start, ev.end, ev.text) if ev is not None else None
        country = ev.country if ev is not None else None
        if country is None:
            # else a body of the same sector of a listed country named before it: "*Colombia's Senate*
            # voted ..., sending the deal to the House of Representatives"
            country, found_at = _same_sector_body(actors, idx, mention, table)
        if country is None and dateline is not None:
            country, found_at = dateline.country, Span(dateline.start, dateline.end, dateline.text)
        code = table.get(country) if country is not None else None
        if code is None or code == actors[idx].code:
            continue
        plan.recoded.append(Recode(idx, mention, code, Inference("country", mention, "national", found_at, country)))


def _same_sector_body(actors: list[Actor], idx: int, mention: Span, table: dict) -> tuple[str | None, Span | None]:
    """The country of the nearest body named before ``mention`` whose sector is the one ``table`` gives
    that country's body of the name, and that country's code in ``table``."""
    best: tuple[int, str, Span] | None = None
    for other, actor in enumerate(actors):
        if other == idx or not actor.country or actor.country not in table or not actor.code:
            continue
        if actor.code[3:6] != table[actor.country][3:6]:
            continue
        for m in actor.mentions:
            if m.end <= mention.start and (best is None or m.end > best[0]):
                best = (m.end, actor.country, m)
    return (best[1], best[2]) if best is not None else (None, None)


def _body_words(text: str) -> tuple[str, ...]:
    words = tuple(text.lower().split())
    return words[1:] if words[:1] == ("the",) else words


#: head nouns of an appositive that says what kind of body a name is: "the UDA, *the province's largest
#: loyalist group*"
_BODY_NOUNS = frozenset({"group", "movement", "organisation", "organization", "party", "militia", "faction",
                         "army", "front", "alliance", "coalition", "union", "network", "force", "forces",
                         "wing", "agency", "council", "body", "outfit"})


def _appositives(doc: Doc, actors: list[Actor], plan: Plan) -> None:
    """A name the dictionaries do not know, set off by an apposition that names a coded body: "The
    KLF, Kenya's main rebel group, ..." - every mention of the name takes the body's code (the code
    the context gave it, if it gave one)."""
    recoded = {(r.actor, r.mention.start): r.code for r in plan.recoded}
    bodies = [(m.start, m.end, j, recoded.get((j, m.start)) or a.code)
              for j, a in enumerate(actors) if a.kind in ("organisation", "group") for m in a.mentions]
    for idx, actor in enumerate(actors):
        if actor.code or actor.kind != "organisation":
            continue
        found = next(filter(None, (_apposed_body(doc, m, idx, bodies) for m in actor.mentions)), None)
        if found is None:
            continue
        code, evidence = found
        for m in actor.mentions:
            plan.recoded.append(Recode(idx, m, code, Inference("description", m, "appositive", evidence, code)))


def _apposed_body(doc: Doc, mention: Span, idx: int, bodies: list) -> tuple[str, Span] | None:
    """The code and words of the coded body that an apposition after ``mention`` names, or None."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if words is None:
        return None
    for c in words.root.children:
        if c.dep_ != "appos" or c.i < words.root.i or c.lemma_.lower() not in _BODY_NOUNS:
            continue
        for start, end, j, code in bodies:
            if j != idx and code and code[:3] not in SECTORS and start <= c.idx < end:
                return code, Span(start, end, doc.text[start:end])
    return None


def _place_evidence(doc: Doc, analysis: Analysis, dictionary) -> list[Evidence]:
    """Where the article locates things: the dateline, towns and regions, and countries and capitals
    after a locative preposition ("in Iraq"). A country or capital elsewhere ("warned Syria",
    "condemned by Washington") is a party and tells nothing of where the story is."""
    out = []
    dateline = analysis.dateline
    for place in analysis.places:
        if place.country is None:
            continue
        if dateline is not None and dateline.start <= place.start < dateline.end:
            out.append(Evidence(place.start, place.end, place.country, place.text, "dateline"))
            continue
        words = doc.char_span(place.start, place.end, alignment_mode="expand")
        if words is None:
            continue
        if not is_locative(words.root):
            entry = dictionary.lookup(place.text)
            if place.kind == "country" or (entry is not None and entry.type in ("capital", "country")):
                continue
        out.append(Evidence(place.start, place.end, place.country, place.text, "place"))
    return out


def _venues(doc: Doc, evidence: list[Evidence], words: set[str]) -> tuple[list[Evidence], list[Venue]]:
    """The evidence with the venues of meetings marked ``venue``, and those venues: a place a
    meeting is held in ("talks in Geneva", "the Brussels summit") whose country the story names no
    party of, and a dateline in such a country (the reporter went where the parties met).
    "BRUSSELS - EU ministers imposed sanctions on Belarus over a crackdown by police ... EU leaders
    will meet in Brussels": the police are Belarus's, not Belgium's. The events layer reads the
    venues from the analysis, so that both layers take one decision."""
    held = {i for i, e in enumerate(evidence) if e.kind != "dateline" and meeting_place(doc, e.start, e.end, words)}
    # the nationality inside a venue's words is the venue's too ("in the *Ethiopian* capital")
    held |= {i for i, e in enumerate(evidence) if e.kind == "name" and any(
        evidence[j].start <= e.start and e.end <= evidence[j].end for j in held)}
    # (the other side of a relation names a party's country too: "the US ambassador *to Iraq* met
    # Shiite leaders in Najaf" met them in their own country)
    hosts = {e.country for i, e in enumerate(evidence) if e.kind in ("name", "counterpart") and i not in held}
    countries = {evidence[i].country for i in held} - hosts
    marked = [i for i, e in enumerate(evidence) if e.country in countries and (i in held or e.kind == "dateline")]
    # (a capital is evidence twice over, as a name and as a place: one venue)
    venues = list(dict.fromkeys(Venue(evidence[i].start, evidence[i].end, evidence[i].text, evidence[i].country)
                                for i in marked))
    return [Evidence(e.start, e.end, e.country, e.text, "venue") if i in marked else e
            for i, e in enumerate(evidence)], venues


#: roles that stand against whoever possesses them: "their *captors*", "his *killers*" are of no
#: country of the possessor's
_ADVERSARIES = frozenset({"captor", "kidnapper", "abductor", "hostage-taker", "attacker", "assailant", "killer",
                          "murderer", "assassin", "enemy", "foe", "adversary", "opponent", "rival", "jailer",
                          "jailor", "torturer", "persecutor", "tormentor"})


class _Countries:
    """Gives bare roles a country, mention by mention in text order."""

    def __init__(self, doc: Doc, analysis: Analysis, actors: list[Actor], knowledge, evidence: list[Evidence],
                 references: References):
        self.doc = doc
        self.text = analysis.text
        self.actors = actors
        self.stateless = knowledge.context.stateless
        self.owner_verbs = knowledge.context.owner_verbs
        self.person_nouns = knowledge.cues.roles  # nouns naming who speaks: "officer", "spokesman"
        self.sectors = knowledge.actors.sectors
        evidence = [e for e in evidence if e.kind != "venue"]  # (a venue tells no story's country)
        self.evidence = evidence
        self.references = references
        self.places = [e for e in evidence if e.kind in ("place", "dateline")]
        self.dateline = next((e for e in evidence if e.kind == "dateline"), None)
        self.headline = (analysis.headline.start, analysis.headline.end) if analysis.headline is not None else None
        self.named_elsewhere = {e.country for e in evidence if e.kind not in ("dateline", "counterpart")}
        # the article's own country: the one it places things in and names as a party's own most often
        self.dominant = _leader(Counter(e.country for e in evidence if e.kind != "counterpart"))
        every = {e.country for e in evidence if e.kind != "counterpart"}
        self.one_country = next(iter(every)) if len(every) == 1 else None
        #: the country the article's places (not its dateline, where the reporter is) lie in most often
        self.story_place = _leader(Counter(e.country for e in self.places if e.kind == "place"))
        #: roles with a country so far, in text order: (end offset, country, sector, mention)
        self.known: list[tuple[int, str, str, Span]] = [
            (m.end, a.country, a.sector, m) for a in actors if a.country and a.sector for m in a.mentions]

    def assign(self, plan: Plan) -> None:
        dropped = plan.dropped
        # a name several countries use, read as the story's country's body ("Peru's Congress"), is
        # that country's role
        national = {(r.mention.start, r.mention.end): r.inference.value for r in plan.recoded
                    if r.inference.how == "national"}
        self.known = [(end, national.get((m.start, m.end), country), sector, m)
                      for end, country, sector, m in self.known]
        todo = sorted(((m.start, idx, m) for idx, a in enumerate(self.actors) if self._bare(a) or self._uncoded_person(a)
                       for m in a.mentions if (idx, m) not in dropped), key=lambda x: (x[0], x[1]))
        persons: set[int] = set()
        for _, idx, m in todo:
            actor = self.actors[idx]
            person = actor.kind == "person"
            if person and idx in persons:
                continue  # one person, one country: read where the person is introduced
            persons.add(idx) if person else None
            if not actor.code:
                # a person the dictionaries do not know, named with a country: "John Major *of Britain*"
                words = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                phrase = self._phrase(words.root) if words is not None else None
                found = (phrase[0], "phrase", phrase[1], None) if phrase is not None and len(phrase[0]) == 3 else None
                if found is None and self.one_country is not None:
                    # an article whose every country evidence is one country: its people are that country's
                    ev = next(e for e in self.evidence if e.kind != "counterpart")
                    found = (self.one_country, "named", self._span(ev), None)
            else:
                found = self._country(m, person, actor.sector)
            if found is None:
                continue
            owner, how, evidence, span = found
            if len(owner) == 3:  # a country: the role of that country ("COP" -> "VENCOP")
                code, what = owner + (actor.code or ""), "country"
            else:  # an organisation's role is the organisation's ("Alliance diplomats": NATO)
                code, what = owner, "organisation"
            targets = [x for x in actor.mentions if (idx, x) not in dropped] if person else [m]
            for x in targets:
                extent = span if x is m else None  # the mention grown to its possessor ("the country's army")
                plan.recoded.append(Recode(idx, x, code, Inference(what, extent or x, how, evidence, owner), extent))
                if what == "country":
                    self.known.append((x.end, owner, actor.sector, x))

    def _uncoded_person(self, actor: Actor) -> bool:
        return actor.kind == "person" and not actor.code and actor.country is None

    def _bare(self, actor: Actor) -> bool:
        """A role coded by its sector alone ("COP", "GOVMIL")."""
        return bool(actor.code) and actor.country is None and actor.code[:3] in self.sectors

    def _country(self, mention: Span, person: bool, sector: str | None) -> tuple[str, str, Span | None, Span | None] | None:
        """(country, how, evidence, the mention's new extent or None) for one mention, or None."""
        words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if words is None:
            return None
        root = words.root
        if self._stateless(words, root):
            return None
        if root.dep_ == "amod" and not (words.start <= root.head.i < words.end) \
                and root.head.lemma_.lower() not in self.person_nouns and sector not in ARMED_SECTORS:
            return None  # "a new military operation": an adjective of a thing, not a party
            # ("a senior military intelligence officer" is a person of that body: it goes on; "a
            # *militant* attack" is the militants')
        if self.headline is not None and self.headline[0] <= mention.start < self.headline[1]:
            # a headline names in short whom the body names in full: "Soldier charged" is "a British
            # soldier" of the lede, not a soldier of whatever country the story names most
            body = self._body_namesake(root, sector)
            if body is not None:
                return body[0], "headline-body", body[1], None
        found = self._possessor(root, mention)
        if found is not None:
            return found
        owner = self.references.owner(root, self.owner_verbs)
        if owner is not None and self.actors[owner[0]].country is not None:
            return self.actors[owner[0]].country, "owner", owner[1], None
        if sector in ARMED_SECTORS:
            state = self._coordinated_state(root) or self._negotiating_state(root)
            if state is not None:
                # rebels listed beside a state as the other side ("Sudan, Rebels Agree on Ceasefire") or
                # whom a state talks or agrees with ("resume talks *with communist rebels* in Norway")
                # are that state's own, wherever the talks are held
                return state[0], "coordinated", state[1], None
        found = self._phrase(root)
        if found is not None:
            return found[0], "phrase", found[1], None
        if person:
            if self.one_country is not None:
                ev = next(e for e in self.evidence if e.kind != "counterpart")
                return self.one_country, "named", self._span(ev), None
            if self._unknown_body(root):
                # "a spokeswoman *for the European External Action Service*" in a story about Belarus
                # speaks for that body, not for the country the story names most
                return None
            if self.dominant is not None:
                ev = next(e for e in self.evidence if e.country == self.dominant and e.kind != "counterpart")
                return self.dominant, "dominant", self._span(ev), None
            if self.dateline is not None and sector is not None and self.dateline.country in self.named_elsewhere:
                # wire style names a foreign office-holder with a nationality; an official with none, in a
                # story datelined in a country it names again, is that country's ("SYDNEY: Foreign
                # Minister X dismissed claims the Australian government ..."); a dateline alone is where
                # the reporter is ("LONDON - Foreign Minister Ana Lopes said Portugal ...")
                return self.dateline.country, "dateline", self._span(self.dateline), None
            return None
        same = self._same_sector(sector, mention.start)
        if same is not None:
            return same[0], "same-sector", same[1], None
        if sector in ARMED_SECTORS:
            # an armed group with no state of its own fights where the story happens: "BAGHDAD -
            # Militants beheaded an American hostage and threatened a British captive" are Iraq's, not
            # the country its victims' nationalities make the article's most named
            found = self._sentence_place(root)
            if found is not None:
                return found.country, "sentence-place", self._span(found), None
            if self.dateline is not None:
                return self.dateline.country, "dateline", self._span(self.dateline), None
        if sector in _LOCAL_PEOPLE:
            found = self._sentence_place(root)
            if found is not None:
                return found.country, "sentence-place", self._span(found), None
        if sector in ARMED_SECTORS or sector in _LOCAL_PEOPLE:
            if self.story_place is not None:
                ev = next(e for e in self.places if e.kind == "place" and e.country == self.story_place)
                return self.story_place, "story-place", self._span(ev), None
        if self.dominant is not None:
            ev = next(e for e in self.evidence if e.country == self.dominant and e.kind != "counterpart")
            return self.dominant, "dominant", self._span(ev), None
        found = self._sentence_place(root)
        if found is not None:
            return found.country, "sentence-place", self._span(found), None
        if self.dateline is not None:
            return self.dateline.country, "dateline", self._span(self.dateline), None
        return None

    def _body_namesake(self, root: Token, sector: str | None) -> tuple[str, Span] | None:
        """The country of the body's first role of this sector named by the same noun ("Soldier" in
        the headline, "A British soldier" in the lede), or of any noun for an armed group."""
        lemma = root.lemma_.lower()
        for _end, country, known_sector, mention in sorted(self.known, key=lambda k: k[3].start):
            if mention.start < self.headline[1] or known_sector != sector:
                continue
            words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if words is not None and words.root.lemma_.lower() == lemma:
                return country, mention
        if sector in ARMED_SECTORS:
            # an armed group the headline names by what it did, the body by what it is ("Kidnappers
            # Behead Hostage" over "Iraqi militants beheaded ..."): the body's one country for that sector
            armed: dict[str, Span] = {}
            for _end, country, known_sector, mention in sorted(self.known, key=lambda k: k[3].start):
                if mention.start >= self.headline[1] and known_sector == sector:
                    armed.setdefault(country, mention)
            if len(armed) == 1:
                return next(iter(armed.items()))
        # a body role the possessor before it gives a country, read later in text order ("Sharon has
        # rejected *his army's* request" under "Sharon Rejects Army Bid")
        for actor in self.actors:
            if not self._bare(actor) or actor.sector != sector:
                continue
            for mention in sorted(actor.mentions, key=lambda m: m.start):
                if mention.start < self.headline[1]:
                    continue
                words = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if words is None or words.root.lemma_.lower() != lemma:
                    continue
                found = self._possessor(words.root, mention)
                if found is not None and len(found[0]) == 3:
                    return found[0], mention
        return None

    def _same_sector(self, sector: str | None, before: int) -> tuple[str, Span] | None:
        """The one country whose role of this sector the article named before ("Israeli troops ...
        the army said"): that role is likely the same body."""
        found: dict[str, Span] = {}
        for end, country, known_sector, mention in self.known:
            if known_sector == sector and end <= before:
                found[country] = mention
        return next(iter(found.items())) if len(found) == 1 else None

    def _stateless(self, words, root: Token) -> bool:
        """A modifier that says the role is no one country's: before the mention ("foreign troops"),
        or an unlisted nationality in it ("African troops"); the role's own words do not count
        ("Foreign Minister")."""
        outside = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod") and c.i < words.start]
        inside = [t for t in words if t.ent_type_ == "NORP"]
        return any(t.lower_ in self.stateless for t in outside + inside)

    def _possessor(self, root: Token, mention: Span) -> tuple[str, str, Span | None, Span | None] | None:
        grown = True  # the mention grows to take in its possessor ("the country's army")
        if root.dep_ in ("compound", "amod") and root.head.i > root.i and root.head.pos_ == "NOUN" \
                and root.head.idx >= mention.end:
            # the role names the kind of a body the possessor owns: "the country's largest *guerrilla*
            # organization", "its main *opposition* movement"; the mention keeps its own words
            root, grown = root.head, False
        possessed = self.references.possessed.get(root.i)
        if possessed is not None and possessed[0][:3] not in self.sectors:  # (an armed group of no state: "UAF")
            owner, evidence, description = possessed
            start = min(description.start, mention.start)
            return owner, "possessor", evidence, Span(start, mention.end, self.text[start:mention.end]) if grown else None
        for child in root.children:
            if child.dep_ != "poss" or root.lemma_.lower() in _ADVERSARIES:
                continue  # ("*their* captors" are not the captives' country's)
            found = self.references.possessor_antecedent(child)
            country = self.actors[found[0]].country if found is not None else None
            if country is None:
                continue  # "Sadr's militia", an unresolved "their": the article decides
            antecedent = found[1]
            start = min(child.idx, mention.start)
            return country, "possessor", antecedent, Span(start, mention.end, self.text[start:mention.end]) if grown else None
        return None

    def _phrase(self, root: Token) -> tuple[str, Span] | None:
        """A country in the role's own phrase: a place ("police *in Caracas*") or a party with a
        country ("a spokeswoman *for Tajikistan's foreign ministry*", "officials *from Syria*")."""
        found: dict[str, Span] = {}
        preps = list(root.children)
        if root.dep_ == "dobj" and root.head.i != root.i:
            # the parser's attachment of "meet ambassadors *from the NATO states*" to the verb: a "from"
            # or "of" phrase right after the object is the object's own
            preps += [c for c in root.head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                      and c.i == root.right_edge.i + 1]
        for prep in preps:
            if prep.dep_ != "prep" or prep.lower_ not in _PHRASE_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for tok in [obj, *(c for c in obj.children if c.dep_ == "conj")]:
                    place = self._place_at(tok)
                    if place is not None:
                        found.setdefault(place.country, self._span(place))
                        continue
                    mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
                    # (and their own modifiers: "the *NATO* member states")
                    mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "nmod") and g.i < c.i]
                    for t in [tok, *mods]:
                        hit = self.references.covered.get(t.i)
                        if hit is None:
                            continue
                        actor = self.actors[hit[0]]
                        if prep.lower_ == "of" and actor.kind in _PATIENT_KINDS and not hit[1].start <= root.idx < hit[1].end \
                                and not (root.lemma_.lower() in _OPPOSING and actor.sector == "GOV"):
                            # "the kidnappers *of two French reporters*": people after "of" are whom it
                            # was done to (a government's "opponents *of President X*" are his country's)
                            break
                        # a country's, or an international organisation's ("ambassadors *from the NATO
                        # member states*": the organisation's people are the organisation's)
                        igo = actor.code if actor.code and actor.code.startswith("IGO") and prep.lower_ in _IGO_PREPS else None
                        owner = actor.country or igo
                        if owner is not None:
                            found.setdefault(owner, hit[1])
                            break
        return next(iter(found.items())) if len(found) == 1 else None

    def _unknown_body(self, root: Token) -> bool:
        """Whether the person's phrase, or that of a title set beside the name, names a body no
        dictionary knows ("Lena Marquardt, a spokeswoman *for the European External Action
        Service*"): the person speaks for that body, not for the country the story names most."""
        for word in [root, *(c for c in root.children if c.dep_ == "appos")]:
            for prep in word.children:
                if prep.dep_ != "prep" or prep.lower_ not in _IGO_PREPS:
                    continue
                for obj in prep.children:
                    # (a capitalised head, whatever the tagger calls it: "the Nordic *Observatory*")
                    if obj.dep_ != "pobj" or obj.pos_ not in ("PROPN", "NOUN") or not obj.text[:1].isupper() \
                            or self._place_at(obj):
                        continue
                    hit = self.references.covered.get(obj.i)
                    if hit is None or not (self.actors[hit[0]].code or self.actors[hit[0]].country):
                        return True
        return False

    def _coordinated_state(self, root: Token) -> tuple[str, Span] | None:
        """The country of a state (a country or its government) coordinated with ``root``."""
        for other in root.conjuncts:
            found = self._state_at(other)
            if found is not None:
                return found
        return None

    def _negotiating_state(self, root: Token) -> tuple[str, Span] | None:
        """The country of a state whose talks, agreement or truce is "with" ``root``: the subject of the
        nearest verb above the "with" phrase ("the government agreed to resume talks *with rebels*")."""
        if root.dep_ != "pobj" or root.head.lower_ != "with":
            return None
        verb, steps = root.head.head, 0
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and steps < 3:
            verb, steps = verb.head, steps + 1
        while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i and steps < 5:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                break
            verb, steps = verb.head, steps + 1
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return self._state_at(subject) if subject is not None and verb.lemma_.lower() in _NEGOTIATING else None

    def _state_at(self, tok: Token) -> tuple[str, Span] | None:
        for actor in self.actors:
            if actor.country and actor.code and actor.code[3:6] in ("", "GOV") and any(
                    m.start <= tok.idx < m.end for m in actor.mentions):
                return actor.country, next(m for m in actor.mentions if m.start <= tok.idx < m.end)
        return None

    def _sentence_place(self, root: Token) -> Evidence | None:
        sent = root.sent
        lo, hi = sent.start_char, sent.end_char
        found = [e for e in self.places if e.kind == "place" and lo <= e.start < hi]
        return found[0] if found and len({e.country for e in found}) == 1 else None

    def _place_at(self, tok: Token) -> Evidence | None:
        for e in self.places:
            if e.start <= tok.idx < e.end:
                return e
        return None

    def _span(self, e: Evidence) -> Span:
        return Span(e.start, e.end, self.text[e.start:e.end])


def _leader(counts: Counter) -> str | None:
    """The country counted most, when no other is counted as often."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
