"""Words that name an actor only through the article around them: definite descriptions ("the
alliance" after NATO, "the Islamic republic", "the country's army") and pronouns ("he", "they").

Descriptions come from the ``context`` knowledge files (docs/dictionaries.md): a row names an actor
always ("the world body" is the UN), or only once the article has named it ("the alliance" is NATO
when NATO was named before; "the kingdom" is the last kingdom named; "the country" the last country).
A description used as a possessor ("the country's army") lends its country to the role it possesses.

Pronouns are read conservatively: "he"/"she" stand for a person, "they"/"them" for a group, "it" for
a country or organisation, named earlier in the same sentence or in the one before, and only when
that actor is the one candidate there: another person, group or thing of the pronoun's kind in the
window (a role word no actor covers, "the spokesman"; a plural noun as subject or object for "they")
makes the pronoun ambiguous and it is left alone.
"""
from __future__ import annotations

import functools

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from tidings.extract.context_plan import Addition, Evidence, Plan
from tidings.extract.places import is_locative, role as grammatical_role
from tidings.knowledge.actors import ARMED_SECTORS
from tidings.knowledge.context import Description
from tidings.model import Actor, Analysis, Inference, Span

_PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})
#: possessive pronouns and the pronoun whose referents they share
_POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}
_PERSON_KINDS = frozenset({"person"})
_GROUP_KINDS = frozenset({"group"})
_THING_KINDS = frozenset({"country", "organisation", "igo"})
#: the kinds of actor each pronoun may stand for
_KINDS = {"he": _PERSON_KINDS, "she": _PERSON_KINDS, "they": _GROUP_KINDS | _THING_KINDS, "it": _THING_KINDS}
#: verbs whose "it" is usually no party: "it is", "it seems", "it took", "it remains"
_EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "take", "remain", "become", "matter", "mean", "look", "rain",
                             "happen", "cost", "make"})
#: grammatical roles in which an unlisted noun competes with an actor for a pronoun
_COMPETING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: at most this many modifiers between "the" and a description ("the 26-nation alliance": 3 tokens)
_MAX_MODIFIER_TOKENS = 4
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


class References:
    """Reads descriptions and pronouns of one article, against the actors read from its names."""

    def __init__(self, doc: Doc, analysis: Analysis, actors: list[Actor], knowledge, evidence: list[Evidence]):
        self.doc = doc
        self.text = analysis.text
        self.actors = actors
        self.context = knowledge.context
        self.cues = knowledge.cues
        self.dictionary = knowledge.actors
        self.evidence = evidence
        self.mentions = sorted((m.start, m.end, idx) for idx, a in enumerate(actors) for m in a.mentions)
        #: token index -> (actor index, mention) for every token a mention covers
        self.covered: dict[int, tuple[int, Span]] = {}
        by_span = {(m.start, m.end): m for a in actors for m in a.mentions}
        for start, end, idx in self.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.covered.setdefault(tok.i, (idx, by_span[(start, end)]))
        #: token index of a role word -> (the code of its owner, the evidence, the description that
        #: owns it): a country ("the country's army") or an organisation ("Alliance diplomats")
        self.possessed: dict[int, tuple[str, Span, Span]] = {}

    # ---- descriptions ------------------------------------------------------------------------

    def _tokens_among(self, words) -> list[Token]:
        """The tokens whose lower-case form is one of ``words``, found on the integer column of the
        Doc so that no Token is built for the others (a long article has tens of thousands)."""
        wanted = {self.doc.vocab.strings.add(w) for w in words}
        lowers = self.doc.to_array(LOWER)
        return [self.doc[i] for i in range(len(lowers)) if int(lowers[i]) in wanted]

    def descriptions(self, plan: Plan) -> None:
        """Add each description that names an actor to the plan; note those that possess a role."""
        for tok in self._tokens_among(self.context.descriptions):
            found = self._description_at(tok)
            if found is None:
                continue
            row, first = found
            words = self.doc[first:tok.i + 1]
            span = _span(self.text, words.start_char, words.end_char)
            if any(self._named(i) for i in range(first, tok.i + 1)):
                continue  # already an actor's name ("the Security Council")
            possessor = tok.dep_ in ("poss", "compound") or (
                tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].tag_ == "POS")
            referent = self._referent(row, span.start, self._subject_country(tok) if row.any_country else None)
            if referent is None:
                continue
            code, evidence = referent
            if possessor:
                # "the country's army", "the alliance's envoy", "Alliance diplomats": the role's owner
                self.possessed[tok.head.i if tok.dep_ in ("poss", "compound") else tok.i] = (code, evidence, span)
                continue
            if row.when == "possessor" or is_locative(tok):
                continue  # "in the capital", "across the country": a place
            if len(code) == 3 and code in self.dictionary.countries and grammatical_role(tok) in ("nsubj", "agent"):
                code += "GOV"  # the state acting, as for a country's name (actors.py)
            for i in range(first, tok.i + 1):
                if i in self.covered:  # "military" in "the military alliance": part of the description
                    plan.dropped.add(self.covered[i])
            target = self._actor_with(code, span.start)
            inference = Inference("description", span, "named" if row.when == "named" else "epithet", evidence, code)
            if target is None:
                kind = "igo" if code[:3] == "IGO" else "country" if code[:3] in self.dictionary.countries else "organisation"
                plan.added.append(Addition(None, None, code, _name_of(self.dictionary, code) or span.text, kind, span, inference))
            else:
                idx, antecedent = target
                plan.added.append(Addition(idx, antecedent, code, self.actors[idx].name, self.actors[idx].kind, span, inference))

    def _description_at(self, tok: Token) -> tuple[Description, int] | None:
        """The description row whose phrase ends at ``tok`` and the index of its "the", or None."""
        bucket = self.context.descriptions.get(tok.lower_)
        if not bucket:
            return None
        compound = tok.dep_ == "compound"
        if compound and not self._bare_role(tok.head.i):
            return None  # "the union contract": the word modifies a thing, not a role
        doc = self.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].pos_ == "PROPN":
            return None  # "the island of Islay": the name follows
        for row in bucket:
            start = tok.i - len(row.words) + 1
            if start < 0 or tuple(t.lower_ for t in doc[start:tok.i + 1]) != row.words:
                continue
            k = start - 1
            while k >= 0 and start - k <= _MAX_MODIFIER_TOKENS and doc[k].lower_ != "the" and _modifier(doc[k]):
                k -= 1
            if k >= 0 and doc[k].lower_ == "the":
                return row, k
            if compound and row.when == "named":
                return row, start  # "Alliance diplomats" after NATO was named
        return None

    def _subject_country(self, tok: Token) -> str | None:
        """The country of the subject of the clause whose object holds ``tok``: "France destroyed
        most of *the country's* air force" - a description inside the object is not the subject's
        own country (English would say "its own"), so it names another."""
        t, via_object = tok, False
        for _ in range(6):  # up the noun phrase to the verb it hangs on
            if t.dep_ in ("dobj", "obj", "pobj", "attr", "dative"):
                via_object = True
            elif t.dep_ in ("nsubj", "nsubjpass", "csubj", "ROOT") or t.head.i == t.i:
                return None
            if t.head.pos_ in ("VERB", "AUX"):
                break
            t = t.head
        else:
            return None
        if not via_object:
            return None
        subject = clause_subject(t.head)
        if subject is None or subject.i not in self.covered:
            return None
        actor = self.actors[self.covered[subject.i][0]]
        return actor.country

    def _bare_role(self, i: int) -> bool:
        """Whether token ``i`` is part of a mention of a role coded by its sector alone."""
        hit = self.covered.get(i)
        if hit is None:
            return False
        actor = self.actors[hit[0]]
        return bool(actor.code) and actor.country is None and actor.sector is not None

    def _referent(self, row: Description, before: int, other_than: str | None = None) -> tuple[str, Span | None] | None:
        """The code a description stands for at offset ``before`` and the evidence for it; a country
        description skips the country ``other_than`` (its clause's subject)."""
        if row.any_country:
            for ev in reversed(self.evidence):
                if ev.end <= before and ev.country != other_than:
                    return ev.country, _span(self.text, ev.start, ev.end)
            return None
        if row.any_armed_group:
            # "Hamas ... the militant group": the last armed group with no state the article named
            for start, end, idx in reversed(self.mentions):
                actor = self.actors[idx]
                if end <= before and actor.code and (actor.sector in ARMED_SECTORS or actor.code.startswith("IMG")):
                    return actor.code, _span(self.text, start, end)
            return None
        if row.when == "always" and len(row.codes) == 1:
            named = self._last_named(row.codes, before)
            return row.codes[0], named[1] if named else None
        return self._last_named(row.codes, before)

    def _last_named(self, codes: tuple[str, ...], before: int) -> tuple[str, Span] | None:
        """The code among ``codes`` the article named last before ``before``: an actor of that code
        (an organisation), or country evidence (a country's name, nationality, capital or place)."""
        best: tuple[int, str, Span] | None = None
        wanted = set(codes)
        for start, end, idx in self.mentions:
            if end > before:
                break
            code = self.actors[idx].code
            if code in wanted and (best is None or start > best[0]):
                best = (start, code, _span(self.text, start, end))
        for ev in self.evidence:
            if ev.end <= before and ev.country in wanted and (best is None or ev.start > best[0]):
                best = (ev.start, ev.country, _span(self.text, ev.start, ev.end))
        return (best[1], best[2]) if best else None

    def _actor_with(self, code: str, before: int) -> tuple[int, Span] | None:
        """The actor coded ``code``, and its last mention before ``before`` (else its first)."""
        for idx, actor in enumerate(self.actors):
            if actor.code == code and actor.mentions:
                earlier = [m for m in actor.mentions if m.end <= before]
                return idx, (earlier[-1] if earlier else actor.mentions[0])
        return None

    def _named(self, i: int) -> bool:
        """Whether token ``i`` is part of a mention of an actor with a name of its own (not a bare
        role word such as "military")."""
        hit = self.covered.get(i)
        if hit is None:
            return False
        actor = self.actors[hit[0]]
        return not (actor.country is None and actor.sector is not None and actor.kind != "person")

    # ---- pronouns ----------------------------------------------------------------------------

    def pronouns(self, plan: Plan) -> None:
        for tok in self._tokens_among([*_PERSON_PRONOUNS, *_GROUP_PRONOUNS, *_THING_PRONOUNS]):
            lower = tok.lower_
            if tok.pos_ != "PRON" or tok.i in self.covered or tok.tag_ == "PRP$" or tok.dep_ == "expl":
                continue
            if lower in _THING_PRONOUNS and (tok.head.lemma_.lower() in _EMPTY_IT_VERBS or tok.dep_ not in
                                             ("nsubj", "nsubjpass", "dobj", "pobj")):
                continue
            if lower not in _PERSON_PRONOUNS and lower not in _GROUP_PRONOUNS and lower not in _THING_PRONOUNS:
                continue
            if self._quoted(tok):
                continue  # inside a quotation "he" may be anyone the speaker has in mind
            found = self.antecedent(tok, lower)
            if found is None:
                continue
            idx, antecedent = found
            actor = self.actors[idx]
            span = _span(self.text, tok.idx, tok.idx + len(tok))
            plan.added.append(Addition(idx, antecedent, actor.code, actor.name, actor.kind, span,
                                       Inference("pronoun", span, "antecedent", antecedent, actor.code)))

    def possessor_antecedent(self, tok: Token) -> tuple[int, Span] | None:
        """The actor a possessive pronoun ("its", "their", "his") stands for: the subject of its
        clause when that is an actor of the pronoun's kind ("urged Russia to withdraw *its* forces":
        Russia), else read like the pronoun itself."""
        pronoun = _POSSESSIVES.get(tok.lower_)
        if pronoun is None or tok.tag_ != "PRP$" or self._quoted(tok):
            return None
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.i != tok.head.i and subject.i in self.covered:
            idx, mention = self.covered[subject.i]
            if self.actors[idx].kind in _KINDS[pronoun]:
                return idx, mention
        return self.antecedent(tok, pronoun)

    def owner(self, role: Token, owner_verbs: set[str]) -> tuple[int, Span] | None:
        """The actor whose object ``role`` is, when it is the object of a verb of owning ("Russia
        *moved* troops", "urged Moscow to *withdraw* forces"): the verb's subject or controller."""
        for _ in range(3):  # "moved tens of thousands of *troops*": through the quantity nouns
            if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.pos_ in ("NOUN", "NUM"):
                role = role.head.head
        verb = role.head
        if role.dep_ != "dobj" or verb.lemma_.lower() not in owner_verbs:
            return None
        subject = clause_subject(verb)
        if subject is None or subject.i not in self.covered:
            return None
        return self.covered[subject.i]

    def antecedent(self, tok: Token, pronoun: str) -> tuple[int, Span] | None:
        """The one actor of the pronoun's kind named before it in its sentence or the one before,
        with its last mention there; None when there is none or more than one."""
        if pronoun in _PERSON_PRONOUNS:
            kinds, gender = _PERSON_KINDS, _PERSON_PRONOUNS[pronoun]
        elif pronoun in _GROUP_PRONOUNS:
            kinds, gender = _GROUP_KINDS, None
        else:
            kinds, gender = _THING_KINDS, None
        sent = tok.sent
        window_start = sent.start
        if sent.start > 0:
            window_start = self.doc[sent.start - 1].sent.start
        lo = self.doc[window_start].idx
        modified = _modified_noun(tok)
        skip = (modified.left_edge.idx, modified.idx + len(modified)) if modified is not None else (-1, -1)
        candidates: dict[object, tuple[int, Span]] = {}
        for start, end, idx in self.mentions:
            if start < lo:
                continue
            if end > tok.idx:
                break
            if start < skip[1] and end > skip[0]:
                continue
            actor = self.actors[idx]
            if actor.kind not in kinds:
                continue  # an uncoded organisation is a candidate too: "the Commission said it ..."
            if gender is not None and self._gender(actor) not in (None, gender):
                continue
            # a country named as a party and as a state acting (IRN, IRNGOV) is one referent
            identity = actor.country if actor.kind == "country" and actor.country else idx
            mention = next(m for m in actor.mentions if m.start == start and m.end == end)
            candidates[identity] = (idx, mention)
        if len(candidates) != 1 or self._competitor(window_start, tok, kinds, gender, skip):
            return None
        return next(iter(candidates.values()))

    def _competitor(self, window_start: int, tok: Token, kinds: frozenset[str], gender: str | None,
                    skip: tuple[int, int] = (-1, -1)) -> bool:
        """Whether a word no actor covers could be what the pronoun stands for."""
        for t in self.doc[window_start:tok.i]:
            if t.i in self.covered or skip[0] <= t.idx < skip[1]:
                continue
            if kinds is _PERSON_KINDS:
                if t.pos_ == "NOUN" and t.lower_ in self.cues.roles and self.cues.roles[t.lower_] in ("-", gender):
                    return True  # "the spokesman": an unnamed person
                if t.ent_type_ == "PERSON":
                    return True
            elif t.dep_ in _COMPETING_DEPS and t.pos_ in ("NOUN", "PROPN"):
                plural = t.tag_ in ("NNS", "NNPS")
                if plural == (kinds is _GROUP_KINDS):
                    return True
        return False

    def _gender(self, actor: Actor) -> str | None:
        for m in actor.mentions:
            for word in m.text.replace(".", " ").split():
                g = self.cues.gender_of_word(word)
                if g is not None:
                    return g
        return None

    def _quoted(self, tok: Token) -> bool:
        marks = sum(1 for t in tok.sent if t.i < tok.i and t.text in _QUOTE_MARKS)
        return marks % 2 == 1


def clause_subject(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its active subject, or for an infinitive the object or subject
    of the verb it completes ("urged *Russia* to withdraw", "*Russia* agreed to withdraw"), or for a
    coordinated verb its first conjunct's subject. A passive has none (its subject is the object)."""
    for _ in range(4):
        for c in verb.children:
            if c.dep_ == "nsubj":
                return c
            if c.dep_ == "nsubjpass":
                return None
        if verb.dep_ == "xcomp" and verb.head.i != verb.i:
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
            verb = verb.head
        elif verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


def _modifier(tok: Token) -> bool:
    """A word that may stand between "the" and a description: lower-case adjectives, nouns,
    numbers and participles, and the hyphens of "26-nation", "war-torn"."""
    if tok.text == "-":
        return True
    if tok.text != tok.text.lower():
        return False
    return tok.pos_ in ("ADJ", "NOUN", "NUM", "VERB", "ADV") or tok.like_num


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _name_of(dictionary, code: str) -> str | None:
    return _names(dictionary).get(code)


@functools.lru_cache(maxsize=4)
def _names(dictionary) -> dict[str, str]:
    """The name of each country and organisation code, from the actor dictionary's rows."""
    names: dict[str, str] = {}
    for entry in dictionary.entries.values():
        if entry.code and entry.type in ("country", "igo", "organisation"):
            names.setdefault(entry.code, entry.name)
    return names


def _modified_noun(pronoun: Token) -> Token | None:
    """The noun modified by the relative clause a pronoun is an argument of: "the soldiers *they* had
    held" - a pronoun there cannot stand for that noun."""
    verb = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None
