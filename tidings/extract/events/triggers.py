"""Trigger matching: the words of a verb's clause or a noun's phrase, and whether a pattern's words are
found among them; the light verb a noun event leans on.
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from tidings.extract.events import modes
from tidings.extract.events import syntax as roles
from tidings.extract.events.common import (
    CLAUSE_STOP,
    COPULA,
    NOUN_DEPS,
    PARTITIVE,
    PHRASE_DEPTH,
    PHRASE_STOP,
)
from tidings.knowledge.event_patterns import EventPattern


def verb_words(tok: Token, phrase: bool = False) -> tuple[list[Token], list[Token]]:
    """Tokens of the verb's own clause before and after it, where pattern words are looked for. With
    ``phrase`` (option ``@scope phrase``), the words after it are those of its whole verb phrase, as
    PETRARCH reads them: the clauses it governs and words deeper down included."""
    before = [c for c in tok.children if c.i < tok.i and c.dep_ in ("advmod", "prt", "npadvmod", "aux", "neg")]
    # a prefix the parser split off the verb: "*test*-fired", "*re*-deployed"
    before += [c for c in tok.children if c.dep_ in ("dep", "compound") and tok.i - 2 <= c.i < tok.i
               and tok.doc[tok.i - 1].text in ("-", c.text)]
    # an adverb's own adverbs: "*most* certainly will not"
    before += [g for c in before if c.dep_ == "advmod" for g in c.children if g.dep_ == "advmod" and g.i < c.i]
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("nsubj", "nsubjpass"):
            # the subject's head and its modifiers: "*peacekeepers* arrived", "*peacekeeping* troops served"
            before.append(c)
            # (and a noun the parser hangs on it when coordinated: "the *death* and injury toll")
            before.extend(g for g in c.children if g.dep_ in ("compound", "amod", "det", "preconj", "nmod") and g.i < c.i)
            # and its conjuncts: "police and *troops* moved into"
            before.extend(g for g in c.children if g.dep_ == "conj" and g.i < tok.i)
    if tok.dep_ == "acl" and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN") and roles.is_passive(tok):
        # a participle's noun is what was done to, its subject in the passive: "a *survey* released by X"
        before.append(tok.head)
        before.extend(g for g in tok.head.children if g.dep_ in ("compound", "amod") and g.i < tok.head.i)
    if tok.dep_ in ("ccomp", "xcomp") and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):
        # the verb whose complement the trigger heads, with its adverbs and auxiliaries: "*indicated* it
        # would act", "*unexpectedly won't try* to clash", "is *inching closer* to accord"
        head = tok.head
        before.append(head)
        before += [c for c in head.children if c.i < tok.i and c.dep_ in ("advmod", "aux", "neg", "npadvmod")]
    before.sort(key=lambda t: t.i)
    after: list[Token] = []
    frontier, depth = [tok], 0
    while frontier and depth < (PHRASE_DEPTH if phrase else 3):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.i > tok.i and (c.dep_ not in (PHRASE_STOP if phrase else CLAUSE_STOP) or c.tag_ == "TO"
                                    or (c.dep_ == "aux" and c.lower_ == "to")  # (an infinitive's 'to' tagged IN)
                                    or _small_clause(c)) \
                        and not (phrase and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and t.i == tok.i) \
                        and not roles.time_phrase(c):  # "called X *on Saturday*" is no "call on"
                    after.append(c)
                    nxt.append(c)
        frontier, depth = nxt, depth + 1
    mark = roles.for_clause_mark(tok)
    if mark is not None:
        # the 'for' of a for-to clause is a word of the verb's phrase: "called *for* Iran to be
        # expelled", which the parser reads as a clause marked by 'for'
        after.append(mark)
    for c in tok.children:
        if c.dep_ == "ccomp" and c.i > tok.i:
            # the modal of a reported clause is a word of the verb's phrase: "said Iran *must* stop"
            after.extend(g for g in c.children if (g.dep_ == "aux" and g.tag_ == "MD") or g.dep_ == "acomp"
                         # and what a copula says its subject is: "said the plan was *a provocation*"
                         or (g.dep_ == "attr" and c.lemma_ == "be")
                         # and a copula's preposition: "said the IRA was *behind* the killings"
                         or (g.dep_ == "prep" and c.lemma_ == "be" and g.i > c.i))
            if modes.is_subjunctive(c):
                # the mandative subjunctive, "insisted *that* NATO stop": its 'that' is a word of the
                # verb's phrase, so that a pattern 'insist that' holds for a demand, not for a statement
                # ("insisted that the drills were defensive")
                after.extend(g for g in c.children if g.dep_ == "mark" and g.lower_ == "that")
    after.sort(key=lambda t: t.i)
    return before, after[:40]



def _small_clause(c: Token) -> bool:
    """An adjective complement with its own subject, which the parser makes a clause: "found *him guilty*",
    "declared *the vote invalid*". Its words belong to the verb's phrase."""
    return c.dep_ == "ccomp" and c.pos_ == "ADJ" and c.head.pos_ in ("VERB", "AUX")


def noun_words(tok: Token) -> tuple[list[Token], list[Token]]:
    near = []
    for c in tok.children:
        if c.dep_ in NOUN_DEPS:
            near.append(c)
            if c.dep_ in ("prep", "compound", "amod"):
                near.extend(g for g in c.children if g.dep_ in ("pobj", "compound", "amod"))
    # (and a bare noun it takes in apposition: "Pakistan tests 'nuclear' missile" parsed as 'missile'
    # in apposition to 'tests')
    near.extend(c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > tok.i
                and not any(g.dep_ == "det" for g in c.children))
    if tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        # headline grammar the parser reads as a noun phrase: "Pakistan *tests* nuclear missile" makes
        # 'tests' a modifier of 'missile'; the noun it modifies is a word of its phrase
        near.append(tok.head)
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


def match(pattern: EventPattern, before: list[Token], after: list[Token], verb: bool) -> list[Token] | None:
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


#: verbs whose subject takes part in the engagement after "in" ("was engaged / locked in talks with X")
ENGAGING = frozenset({"engage", "involve", "participate", "join", "lock", "embroil"})
#: exchanges a party is "in" or "engaged in" as the one holding them (not "in custody": held)
_ENGAGEMENTS = frozenset({"talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "dialogue",
                          "consultation", "consultations", "contact", "contacts"})


#: verbs whose subject is an event that happens: a noun event's parties may hang on them
HAPPENING = frozenset({"begin", "start", "resume", "continue", "erupt", "break", "open", "end", "flare", "rage",
                       "intensify", "escalate", "stall", "collapse", "conclude", "close", "occur", "happen"})


#: prepositions that set a noun event apart from the verb they hang on: that verb does not carry it
#: ("declared the nation ready ..., *from* Soviet occupation to civil war"; "Release *from* Detention")
_NOT_CARRYING = frozenset({"from", "despite", "than", "like", "unlike"})


#: what carries an act named after "of": "a letter of protest", "a message of support", "a gesture of
#: goodwill" are the protest, the support, the goodwill
_CARRIERS = frozenset({"letter", "note", "message", "telegram", "statement", "gesture", "expression", "show",
                       "token", "words"})
_CARRYING = PARTITIVE | _CARRIERS
#: journeys a party goes "on": "on a visit to X" tells who travels
_JOURNEYS = frozenset({"visit", "tour", "trip", "mission", "journey"})


def support_verb(noun: Token, light: frozenset[str], events: Collection[str] = ()) -> Token | None:
    """The verb a noun event is the object of when that verb only carries it ("held talks").
    ``events`` are the noun lemmas with event patterns: a verb whose object is one carries that act,
    not a noun after it ("launched *a probe* into the killing": the killing is not the prober's)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _CARRYING:
        # "began *a new round of* joint exercises", "sent *a letter of* protest to X", "a *gesture of* support"
        return support_verb(head.head, light, events)
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "conj") and head.lemma_.lower() in light:
        return head
    if noun.dep_ in ("attr", "acomp") and head.lemma_.lower() in COPULA:
        # "the US remains the largest *donor* of aid to ...", "Russia has been *critical* of NATO": the
        # subject is the party
        return head
    if noun.pos_ == "ADJ" and noun.dep_ in ("amod", "acl") and head.pos_ in ("NOUN", "PROPN"):
        return support_verb(head, light, events)  # "issued a report *critical* of X": the report's issuer
    if noun.dep_ == "nsubj" and head.lemma_.lower() in HAPPENING and head.pos_ == "VERB":
        # "peace talks began *between Israel and Syria*", "fighting broke out between X and Y": the
        # verb says the event happened; its parties, date and place are the event's
        return head
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in light and head.lower_ not in _NOT_CARRYING and not any(
            c.dep_ == "dobj" and c.i < head.i and c.lemma_.lower() in events for c in head.head.children):
        return head.head  # "carried out an attack", "took part in talks"; not "declared ... *from* Soviet occupation"
    if noun.dep_ == "conj" and head.dep_ == "dobj" and head.head.lemma_.lower() in light:
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and noun.lemma_.lower() in _ENGAGEMENTS \
            and head.head.lemma_.lower() in COPULA | ENGAGING:
        # "the government *is in talks* with X", "was engaged in negotiations with X", "locked in talks"
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and noun.lemma_.lower() in _JOURNEYS:
        above = head.head
        if above.pos_ in ("VERB", "AUX"):
            return above  # "arrived *on a visit* to X", "is on a tour of Y": the traveller is the subject
        if above.dep_ == "dobj" and above.head.lemma_.lower() in light:
            return above.head  # "will lead a delegation on a visit to Uganda": the one leading it travels
    if noun.dep_ == "dobj" and head.lemma_.lower() == "claim" and head.pos_ == "VERB":
        return head  # "a militant group *claimed* the bombing": claimed it as its own deed
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("responsible", "responsibility"):
        # "X is responsible for the killings", "X claimed responsibility for the attack"
        above = head.head.head
        if above.i != head.head.i and above.pos_ in ("VERB", "AUX"):
            return above
    return None
