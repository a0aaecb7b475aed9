"""Finding the source and target of an event trigger in the dependency parse.

Slots (``subj``, ``obj``, ``iobj``, ``xsubj``, ``any``, ``prep:WORD``) are described in docs/events.md.
Each finder returns head tokens; a coordination ("the US and Russia") yields one head per conjunct.
Walks are bounded (a few steps up or down) so that a 500-token sentence costs no more than a short one.
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.headline import acronym, headline_second_clause
from tidings.knowledge.actors import SECTORS

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Where a verb without a subject of its own takes it from: the verb it is controlled by or shares it with.
_INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp"})
#: verbs whose object is a means, not who does their complement: "police *used tear gas* to disperse
#: the crowd" - the police disperse it
_USING = frozenset({"use", "employ", "utilise", "utilize", "wield"})
#: verbs of going into or through a place, whose object is where one goes: "troops entered *Somalia*
#: to support the government" - the troops support it, not Somalia
_ENTERING = frozenset({"enter", "cross", "reach", "visit", "tour", "invade", "leave", "storm", "occupy", "overrun"})
#: nouns of turns and time spent: a gerund after them is the act of the one who spends them
_SPENT = frozenset({"turn", "time", "minute", "hour", "day", "night", "week", "month", "year", "decade", "effort"})
# Prepositions that give a time or a place, never a target of 'any'.
_CIRCUMSTANCE = frozenset({"in", "at", "on", "during", "after", "before", "since", "until", "near", "over",
                           "from", "amid", "despite", "following", "throughout", "by", "for", "as", "within"})
_PRONOUN_SKIP = frozenset({"there"})
# punctuation that ends a dateline or a heading: "MANILA -- ...", "Mexico: ...", "WASHINGTON (AP) \" ..."
_HEADING_BREAKS = frozenset({"-", "--", "\u2013", "\u2014", ":", "\"", "(", ")", "\u201c"})


def is_passive(verb: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary, or a past participle modifying a noun
    with no subject of its own ("a man *arrested* for spying", the headline "Suspect *Charged* in
    Abduction"): the noun is what was done to."""
    if any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    # (the tagger sometimes calls that participle a past tense: "a Russian-American *arrested* for spying")
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in SUBJ or c.dep_ == "aux" for c in verb.children) and not misread_clause(verb):
        return True
    return _shared_passive(verb) is not None or _reported_passive(verb) is not None or held_as(verb) is not None \
        or misread_participle(verb) is not None


def misread_clause(verb: Token) -> bool:
    """A sentence's main verb the parser hung on its subject as a participle: "The US-led coalition
    *bombed* Falluja" - 'coalition' the root, 'bombed' its modifier. A participle with an object
    of its own, on a noun that heads the whole sentence, is the past tense of the clause: its noun
    does the act."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.dep_ == "ROOT" \
        and verb.head.i < verb.i and any(c.dep_ in ("dobj", "obj") for c in verb.children)


#: verbs of force and custody that always take an object in news: with a subject and none, the
#: parser has read a reduced passive as a clause
_DONE_TO = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "arrest", "detain", "capture", "execute",
                      "behead", "jail", "imprison", "sentence", "convict", "free", "release", "torture",
                      "assassinate", "deport", "expel", "extradite", "slay", "murder", "massacre"})


def misread_participle(verb: Token) -> Token | None:
    """The one done to, when the parser read a reduced passive as a clause with an active verb: "One
    person *killed* and 15 injured as a bomb went off", "three UN workers *abducted* in Afghanistan are
    still being held" - 'person' and 'workers' its subjects, and the verb, one that always takes an
    object, has none (nor an auxiliary, a clause of its own, or an object shared with the verb after
    it). None otherwise."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in _DONE_TO or verb.dep_ in ("relcl", "acl"):
        return None
    if any(c.dep_ in ("dobj", "obj", "dative", "oprd", "ccomp", "xcomp", "aux", "auxpass", "prt") or c.dep_ in PASSIVE_SUBJ
           for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.pos_ == "PRON" or shared_object(verb) is not None:
        return None
    return subject


#: what a captive is held as, written bare after the verb ("held *hostage*")
_CAPTIVE_ROLES = frozenset({"hostage", "captive", "prisoner"})


def held_as(verb: Token) -> Token | None:
    """The captive of a reduced relative the parser read as a clause: "two reporters *held hostage* in
    Iraq were freed" - 'reporters' the subject, 'hostage' the object of an active 'held'. A bare role
    noun as the only object, no auxiliary, says the subject is the one held ("gunmen held *two
    reporters* hostage" and "held hostages" are active)."""
    if verb.lemma_.lower() not in ("hold", "take", "keep") or verb.tag_ not in ("VBN", "VBD"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "oprd")]
    if len(objects) != 1 or objects[0].lower_ not in _CAPTIVE_ROLES or any(c.dep_ != "prep" for c in objects[0].children) \
            or objects[0].i != verb.i + 1 or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i), None)


#: words that tie a clause to the verb beside it in time ("killed *when* fire swept through", "*as* ...")
_BESIDE = frozenset({"when", "as", "after"})


def clauses_beside(verb: Token) -> list[Token]:
    """The adverbial clauses after ``verb`` that tell what happened with it ("were killed *when
    militants blew up a tunnel*", "*as an earthquake shook* the coast"), marked by when/as/after."""
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in _BESIDE for m in c.children)]


def condition_party(verb: Token) -> Token | None:
    """The subject of the if/unless clause a threatened act hangs on ("threatened to behead a hostage
    *unless the Americans* release prisoners", "threatened to quit if *the US* imposes sanctions"):
    the one told to comply, or None. The clause may hang on the verb of threatening or on the act."""
    # (a noun's clause too: "threats *that he would allow* ... unless the EU ...")
    holders = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "acl") and c.pos_ in ("VERB", "AUX"))]
    for clause in _condition_clauses(verb, holders, ("if", "unless")):
        # (a passive's subject is done to, not told: "if the dissidents are freed")
        subject = next((g for g in clause.children if g.dep_ in SUBJ), None)
        if subject is not None:
            return subject
    return None


def _condition_clauses(verb: Token, holders: list[Token], marks: tuple[str, ...]) -> list[Token]:
    """The clauses after ``verb`` that ``holders`` govern, opened by one of ``marks``."""
    return [c for v in holders for c in v.children if c.dep_ == "advcl" and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]


def refusal_condition_subjects(verb: Token) -> list[Token]:
    """The subjects named in the condition a refusal is held to ("will not end the strike *until the
    management is sacked*", "will not lift the embargo unless Cuba frees ..."), in text order: each
    clause of the condition, its coordinated clauses and the clauses they report. A passive's subject
    counts: it is the one the refusing party wants dealt with."""
    # (the parser may hang the condition on a relative clause of the object: "will not lift the embargo
    # it imposed on the island *if Cuba* does not ...")
    holders = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")),
               *(g for c in verb.children if c.dep_ in ("dobj", "obj") for g in c.children if g.dep_ == "relcl")]
    clauses = _condition_clauses(verb, holders, ("if", "unless", "until", "till", "before"))
    found: list[Token] = []
    while clauses:
        clause = clauses.pop(0)
        found += [g for g in clause.children if g.dep_ in SUBJ or g.dep_ in PASSIVE_SUBJ]
        clauses += [g for g in clause.children if g.dep_ in ("conj", "ccomp") and g.pos_ in ("VERB", "AUX")]
    return sorted(found, key=lambda t: t.i)


def passive_receiver(verb: Token, skip: frozenset[int] = frozenset()) -> Token | None:
    """The subject of a passive verb of giving, the one given to ("*Sudan* was handed an ultimatum"),
    unless it stands at one of the ``skip`` indices (the given thing itself: "an ultimatum was given")."""
    if not is_passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJ and c.i not in skip), None)


def _reported_passive(verb: Token) -> Token | None:
    """The raised subject of a bare participle under a passive verb of reporting ("five soldiers were
    *reported killed*", "a man was *believed kidnapped*"): what was done to, or None."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "oprd", "ccomp") or verb.tag_ != "VBN" or head.i == verb.i \
            or head.lemma_.lower() not in _REPORTING:
        return None
    if any(c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJ for c in verb.children):
        return None  # "were reported *to have* killed": the raised subject did it
    return next((c for c in head.children if c.dep_ in PASSIVE_SUBJ), None)


def _shared_passive(verb: Token) -> Token | None:
    """The passive verb whose subject a bare past participle joined to it shares ("was sacked and
    *arrested*", the headline "PM Sacked, *Arrested*"), or None."""
    if verb.dep_ not in ("conj", "advcl") or verb.tag_ != "VBN" or verb.head.i == verb.i or verb.head.pos_ != "VERB":
        return None
    if any(c.dep_ in SUBJ or c.dep_ in PASSIVE_SUBJ or c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children):
        return None
    head = verb.head
    if not any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in head.children):
        return None
    return head


def is_time(tok: Token) -> bool:
    """A date or a time of day ("on *Tuesday*", "on *Nov. 18*"): never a participant."""
    return tok.ent_type_ in ("DATE", "TIME")


#: nouns that make a phrase the time around an event, not a party's part in the act: "in the *wake*
#: of X's victory", "on the *eve* of the vote", "in the *face* of US pressure"
_CIRCUMSTANCE_NOUNS = frozenset({"wake", "aftermath", "eve", "run-up", "runup", "lead-up", "face", "light", "spite",
                                 "midst", "course", "absence", "heel"})


def displaced_of(agent: Token) -> Token | None:
    """The "of" phrase the parser hung on the agent of a nominal deed written "the seizure *by X of
    Y*": it is the deed's own object (Y was seized), when the deed noun has no "of" phrase itself."""
    by = agent.head
    if agent.dep_ != "pobj" or by.lower_ != "by" or by.dep_ != "prep" or by.head.pos_ != "NOUN":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in by.head.children):
        return None
    return next((c for c in agent.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > agent.i), None)


def coordinated_modifier(noun: Token) -> Token | None:
    """The noun a coordinated noun was hung on as a modifier: "the kidnapping and sexual assault of a
    girl" - the parser makes 'kidnapping' a modifier of 'assault', with the 'and' below it; the two
    are a list of deeds sharing their 'of'. None for a plain modifier ("a *murder* inquiry")."""
    if noun.dep_ not in ("nmod", "compound") or noun.head.i <= noun.i or noun.head.pos_ != "NOUN":
        return None
    return noun.head if any(c.dep_ == "cc" and c.i > noun.i for c in noun.children) else None


def charged_party(noun: Token) -> Token | None:
    """The subject of the clause a noun of accusing states ("accusations *that it* used force",
    "claims *Russia* had armed the rebels"), or None."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > noun.i and (
                c.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            subject = next((g for g in c.children if g.dep_ in SUBJ), None)
            if subject is not None and subject.lower_ not in ("there", "this", "which", "who", "what") \
                    and not (subject.lower_ in PERSONAL and _answer_to(noun) is not None):
                return subject
    # "*France* defended itself against accusations by X", "*Russia* rejected the charges", "*Moscow*
    # rejected accusations that *it* armed the rebels": whoever answers an accusation is the one accused
    verb = _answer_to(noun)
    if verb is None:
        return None
    subject = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else None


def _answer_to(noun: Token) -> Token | None:
    """The verb by which a party answers a noun of accusing ("rejected *the charges*", "defended itself
    against *accusations*"), or None."""
    return _answering(noun, _ANSWERING, ("against", "to", "at"))


def _answering(noun: Token, verbs: frozenset[str], preps: tuple[str, ...]) -> Token | None:
    """The verb among ``verbs`` whose object ``noun`` is, directly or through one of ``preps``, or None."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in preps and verb.dep_ == "prep":
        verb = verb.head  # "agreed *to* a request", "defended itself *against* accusations"
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    return verb if verb.lemma_.lower() in verbs else None


#: the verbs by which a party answers a noun of asking or offering (``_ASKED_NOUNS``): "agreed *to a
#: US request*", "rejected the Indian *proposal*", "heeded *calls* for calm"
_ANSWERING_VERBS = frozenset({"agree", "accept", "heed", "answer", "respond", "reject", "welcome", "refuse",
                              "spurn", "rebuff", "grant", "approve", "consider", "study", "weigh", "ignore",
                              "dismiss", "decline", "turn", "embrace", "endorse", "snub", "defy"})


def answering_verb(noun: Token) -> Token | None:
    """The verb by which a party answers a noun of asking or offering, its object ("Britain agreed
    *to a US request*"): the request was made, whatever the answer's own mode, and was made to the
    one answering. None for one that may yet come ("will consider *any* request") or no answer."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _ASKED_NOUNS \
            or any(c.lower_ in ("any", "no") for c in noun.children):
        return None
    return _answering(noun, _ANSWERING_VERBS, ("to",))


#: verbs by which the accused answers an accusation
_ANSWERING = frozenset({"defend", "deny", "reject", "dismiss", "rebut", "refute", "answer", "counter", "protest",
                        "dispute", "contest", "respond", "reply", "react", "retort", "fight", "hit", "strike"})


def time_phrase(prep: Token) -> bool:
    """A preposition whose object is a date or a time ("on Saturday", "in March"), or the time around
    an event ("in the wake of ...", "on the eve of ...", "in the face of ...")."""
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj" and (is_time(g) or (g.lemma_.lower() in _CIRCUMSTANCE_NOUNS
                                             and any(c.dep_ == "prep" for c in g.children)))
        for g in prep.children)


def conjuncts(head: Token, code_of=None) -> list[Token]:
    """The head and its conjuncts ("the US and Russia"), in text order of the parse's chain.

    With ``code_of`` (token -> the codes of the actor named there, or None), an apposition in a list
    is a further conjunct when it names another actor: the parser reads "Mordor, the Shire, Fornost
    and Bree" as Shire = apposition of Mordor, Fornost and Bree its conjuncts. See ``list_apposition``."""
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            if _into_attribution(c):
                continue
            out.extend(conjuncts(c, code_of) if len(out) < 6 else [c])
        elif code_of is not None and list_apposition(head, c, code_of):
            out.extend(conjuncts(c, code_of) if len(out) < 6 else [c])

    if code_of is not None and len(out) < 6:
        out.extend(_included_members(head, code_of))
    if head.dep_ == "pobj" and head.head.lower_ == "between" and (first := premodifier_party(head)) is not None:
        out.insert(0, first)  # "talks between *Sudan's government* and Darfur rebels"
    if head.dep_ == "pobj":
        # "condemned by rights groups *and by Washington*", "talks with Iran and with Syria": the
        # preposition repeated before the next item; the parser joins the prepositions, not the nouns,
        # and may hang the second on a phrase beside the first ("by rights groups as a sham and by ...")
        prep = head.head
        for again in (prep.head if prep.dep_ == "agent" else prep).subtree:
            if again.dep_ == "conj" and again.lower_ == prep.lower_ and again.i > head.i and again.head.dep_ in ("prep", "agent") \
                    and len(out) < 6:
                pobj = next((g for g in again.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    out.extend(conjuncts(pobj, code_of))
        if prep.dep_ == "prep":
            # a list of the same preposition hung on the verb one by one: "appealing to individuals,
            # *to* the international community, and to the combatants"
            for again in prep.head.children:
                if again.dep_ == "prep" and again.lower_ == prep.lower_ and again.i > head.i and len(out) < 6 \
                        and again.doc[again.i - 1].text in (",", "and", "or"):
                    pobj = next((g for g in again.children if g.dep_ == "pobj"), None)
                    if pobj is not None and not is_time(pobj) and not any(pobj.i == o.i for o in out):
                        out.extend(conjuncts(pobj, code_of))
    return out


def _included_members(head: Token, code_of) -> list[Token]:
    """Members of another country named among a group ("wounding seven, *including four US soldiers*"):
    parties of their own; of the group's own country they are only part of its count. The parser hangs
    the 'including' phrase on the group or on its verb."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"]
    if head.dep_ in ("dobj", "obj"):
        preps += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "including" and c.i > head.i]
    if not preps:
        return []
    mine = code_of(head)
    out = []
    for prep in preps:
        member = next((g for g in prep.children if g.dep_ == "pobj"), None)
        theirs = code_of(member) if member is not None else None
        if theirs and not (mine and {x[:3] for x in mine} & {x[:3] for x in theirs}) \
                and any(x[:3] not in SECTORS for x in theirs):
            out.append(member)
    return out


def professed_group(head: Token, members: frozenset[str]) -> Token | None:
    """The group a person is said to belong to: "20 people *suspected of being members of ETA*", "three
    men believed to be members of Hamas" (a verb of report, or "accused", then a word of ``members``,
    the set &MEMBERS) - the group's head word, or None."""
    for acl in head.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in _REPORTING | {"accuse"} or acl.i < head.i:
            continue
        for be in acl.subtree:
            if be.lemma_.lower() != "be" or be.i <= acl.i:
                continue
            member = next((c for c in be.children if c.dep_ == "attr"
                           and (c.lower_ in members or c.lemma_.lower() in members)), None)
            of = next((c for c in member.children if c.dep_ == "prep" and c.lower_ == "of"), None) if member is not None else None
            group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if group is not None:
                return group
    return None


def premodifier_party(head: Token) -> Token | None:
    """The first party of a pair the parser folded into the second's modifiers: "talks between [Sudan's
    government] and [Darfur rebels]" parsed as "(Sudan's government and Darfur) rebels" - a modifier
    of the head with its own determiner or possessor, an 'and' and a conjunct before the head. Its head
    word, or None."""
    for m in head.children:
        if m.dep_ not in ("nmod", "compound") or m.i > head.i or m.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "cc" and c.lower_ == "and" for c in m.children) \
                and any(c.dep_ == "conj" and m.i < c.i < head.i for c in m.children) \
                and (any(c.dep_ in ("poss", "det") for c in m.children) or _opener_before(head, m) is not None):
            return m
    return None


def _opener_before(head: Token, m: Token) -> Token | None:
    """A determiner or possessor of ``head`` before its modifier ``m``: the parser may hang the first
    party's own "Sudan's" on the second's head ("between [Sudan's] government and Darfur rebels")."""
    return next((c for c in head.children if c.dep_ in ("poss", "det") and c.i < m.i), None)


def premodifier_party_start(first: Token) -> Token:
    """Where the first party of such a pair starts: its own opener, or the one the parser gave its
    partner's head."""
    opener = _opener_before(first.head, first) if not any(c.dep_ in ("poss", "det") for c in first.children) else None
    return opener.left_edge if opener is not None else first.left_edge


def _into_attribution(c: Token) -> bool:
    """Whether a conjunct after a comma is the start of the sentence's closing attribution the parser
    joined to the list before it ("... in the city of Tikrit, *police and hospital* officials said"):
    its chain runs straight into the subject of a verb of saying that ends the sentence."""
    if c.i == 0 or c.doc[c.i - 1].text != ",":
        return False
    last = c.right_edge  # the end of the chain from this conjunct on
    after = c.doc[last.i + 1] if last.i + 1 < len(c.doc) else None
    if after is not None and after.dep_ == "nsubj" and after.head.i > after.i:
        after = after.head  # "..., police and hospital *officials said*"
    # (or the parser made the subject a conjunct too: "..., police and hospital officials *said*")
    return after is not None and after.lemma_.lower() in ("say", "tell", "report", "add") \
        and after.i >= after.sent.end - 3


def list_apposition(head: Token, c: Token, code_of) -> bool:
    """Whether ``c``, an apposition of ``head``, is another item of a list rather than another name
    of the same party: both name coded actors, the codes differ (and neither extends the other:
    "Russia, the Russian government", "Hamas, the Palestinian militant group" are one party), and
    the apposition stands in a list (the head or the apposition has a conjunct: "Mordor, the Shire,
    Fornost and Bree", "Evil Mordor, the awful Fornost, and good Gondor")."""
    if c.dep_ != "appos" or c.pos_ not in ("PROPN", "NOUN") or c.i < head.i:
        return False
    if not any(x.dep_ == "conj" for x in (*head.children, *c.children)):
        return False
    mine, theirs = code_of(head), code_of(c)
    if not mine or not theirs or set(mine) & set(theirs):
        return False
    return not any(a.startswith(b) or b.startswith(a) for a in mine for b in theirs)


def _resolve(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies; 'it' and 'there' stand for nothing."""
    if tok is None:
        return None
    clause = tok.head
    while tok.lower_ in RELATIVE and clause.dep_ in ("xcomp", "ccomp") and clause.head.i != clause.i:
        clause = clause.head  # "a hostage *who* they threatened to behead": the pronoun of a verb below the clause's
    if tok.lower_ in RELATIVE and clause.dep_ == "relcl":
        antecedent = clause.head
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if tok.lower_ in ("that", "which") and before is not None and before.i != antecedent.i \
                and before.pos_ == "NOUN" and before.dep_ == "pobj" and before.i > antecedent.i:
            # "an analysis by the FBI of *the siege* that killed 340": the parser hung the clause on a
            # noun further back; a thing's relative pronoun right after a noun stands for that noun
            return before
        return antecedent
    if tok.lower_ in _PRONOUN_SKIP:
        return None
    return tok


#: people who speak for a party named after them: "a spokesman *for the militants*"
_MOUTHPIECES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "mouthpiece"})


def spoken_for(speaker: Token) -> Token | None:
    """The party a spokesman speaks for ("a spokesman *for the militants* said they would ..."): what
    the spokesman says "they" or "we" will do, the party does. None for anyone else."""
    if speaker.lemma_.lower() not in _MOUTHPIECES and speaker.lower_ not in _MOUTHPIECES:
        return None
    return next((g for c in speaker.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                 for g in c.children if g.dep_ == "pobj"), None)


PERSONAL = frozenset({"he", "she", "it", "they", "we", "i"})
#: verbs of saying whose clause, its subject dropped in headline grammar, is the sayer's own act
_TELLING = frozenset({"say", "announce", "vow", "pledge", "insist", "warn", "claim", "declare", "promise"})
#: verbs of asking whose prepositional object is the one asked to act: "appealed *to* X to stop"
_APPEALING = frozenset({"appeal", "plead", "petition"})
#: verbs of telling someone something, whose object is the one told: "warned *Iran* it must stop"
_ADDRESSING = frozenset({"warn", "tell", "remind", "inform", "notify", "advise", "caution", "urge"})
#: verbs of report and perception whose passive raises the subject of their complement
_REPORTING = frozenset({"say", "report", "believe", "know", "see", "think", "allege", "rumour", "rumor",
                        "understand", "hear", "find", "show", "suspect", "claim", "observe", "witness"})
#: passives that plan an act for their subject: "X is *scheduled* to meet Y", "is set to visit"
_SCHEDULING = frozenset({"schedule", "set", "slate"})
#: "his country", "their government": with a pronoun possessor, the state of whoever the pronoun is
_OWN_STATE = frozenset({"country", "government", "nation", "administration", "state"})
#: the arms a party speaks of as its own: "the military said *its aircraft* struck a house"
OWN_ARMS = frozenset({"aircraft", "warplane", "jet", "helicopter", "gunship", "plane", "drone", "missile", "rocket",
                      "artillery", "tank", "warship", "ship"})


def speaker_of_own_arms(subject: Token) -> Token | None:
    """The one who speaks of "its aircraft", "their missiles" as its own in the clause it reports
    ("the military said *its aircraft* struck a house": the military), or None."""
    if subject.lemma_.lower() not in OWN_ARMS \
            or not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children):
        return None
    clause = _chain_top(subject.head)
    if clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    return verb_subject(clause.head, 1)


def _chain_top(verb: Token) -> Token:
    """The first verb of the chain of complements and conjuncts ``verb`` ends ("said it *would try to
    reach* ..."): the one whose relation tells what kind of clause it is (reported, relative ...)."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject; a pronoun subject of reported speech is the speaker ("Iran said it would ...")."""
    if headline_second_clause(verb):
        return verb_subject(verb.head, depth + 1)  # "Peru Arrests Leader, *to Attack* Post": Peru is to
    subject = _own_subject(verb, depth)
    if subject is not None and subject.lemma_.lower() in _OWN_STATE and any(
            c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children):
        pronoun = subject  # "Putin said *his country* will not lift the ban": the country stands for the speaker
    else:
        pronoun = None
    if subject is not None and (subject.lower_ in PERSONAL or pronoun is not None) and depth < 4:
        clause = _chain_top(verb)
        if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX") and subject.lower_ in ("it", "they") \
                and clause.head.lemma_.lower() in _ADDRESSING and _obliged(clause):
            # "warned *Falluja* it must hand over the militants": what the one told must do is its own act
            # ("told Britain *it* would free the sailors" is the teller's promise)
            addressee = next((c for c in clause.head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i
                              and c.lower_ not in PERSONAL and c.pos_ in ("NOUN", "PROPN")), None)
            if addressee is not None:
                return _resolve(addressee)
        if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
            speaker = verb_subject(clause.head, depth + 1)
            if speaker is not None:
                return spoken_for(speaker) or speaker
        if clause.dep_ == "acl" and clause.head.pos_ == "NOUN" and clause.head.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            # "Kenya dismissed claims that *it* had armed the rebels": the clause of a noun of saying
            speaker = verb_subject(clause.head.head, depth + 1)
            if speaker is not None:
                return speaker
        if pronoun is not None:
            return subject
        if subject.lower_ in ("he", "she") and clause.dep_ in ("relcl", "advcl") and clause.head.i != clause.i:
            # "Obama is ending a trip in Paris, where *he* had lunch with Macron", "... after *she* met X":
            # a person pronoun in a subordinate clause is the main clause's subject when that is named
            main = clause.head
            while main.pos_ not in ("VERB", "AUX") and main.head.i != main.i and main.dep_ not in ("ROOT",):
                main = main.head
            if main.pos_ in ("VERB", "AUX"):
                named = _own_subject(main, depth + 1)
                if named is not None and named.lower_ not in PERSONAL and named.pos_ == "PROPN":
                    return named
    if subject is not None and subject.lower_ == "it":
        return None
    return subject


def _obliged(clause: Token) -> bool:
    """A clause that says what its subject must do: "it *must* leave", "they *should* stop", "it *has to*
    go", "it *needs to* act"."""
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "ought") for c in clause.children):
        return True
    return clause.lemma_.lower() in ("have", "need") and has_to(clause)


def has_to(verb: Token) -> bool:
    """Whether a verb ("have", "need") governs a to-infinitive as its complement: "*has to* go"."""
    return any(c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children)


def to_infinitive(clause: Token) -> bool:
    """Whether a clause is a to-infinitive: its 'to', tagged TO or, by the parser, an auxiliary."""
    return any(c.tag_ == "TO" or (c.dep_ == "aux" and c.lower_ == "to") for c in clause.children)


def _own_subject(verb: Token, depth: int) -> Token | None:
    passive = is_passive(verb)
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i:
                # the parser's plain 'by' phrase after a passive with a name in it ("was given aid *by
                # Poland*") is its agent; not a time ("by Friday") nor a means ("by road")
                named = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and not is_time(g)), None)
                if named is not None:
                    return named
        for c in verb.children:
            if c.dep_ == "oprd":
                # the agent the parser hung on what the passive called its subject: "was labelled
                # traitors *by Castro*", "was called a liar *by the president*"
                agent = next((g for g in c.children if g.dep_ in ("agent", "prep") and g.lower_ == "by"), None)
                doer = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
                if doer is not None and not is_time(doer):
                    return doer
    else:
        subjects = [c for c in verb.children if c.dep_ in SUBJ]
        if subjects:
            # Two subjects: the parser took a dateline or a heading ("MANILA -- The president has ...",
            # "Mexico: Since January, the government has ...") for a subject; the one nearest the verb is it.
            last = subjects[-1]
            if len(subjects) > 1 and last.i < verb.i and any(
                    t.lower_ in _HEADING_BREAKS for t in verb.doc[subjects[0].i + 1:last.i]):
                return _resolve(last)
            return _resolve(subjects[0])
    if passive:
        return None
    for mark in verb.children:
        if mark.dep_ == "mark" and mark.i < verb.i:
            # "recalled its envoy after *Cuba* threatened ...": the parser read 'after Cuba' as a
            # phrase and left the clause's verb without a subject; the preposition's object is it
            named = next((g for g in mark.children if g.dep_ == "pobj" and g.i < verb.i
                          and g.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if named is not None:
                return _resolve(named)
    capitals = next((c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.i < verb.i and acronym(c)), None)
    if capitals is not None:
        return capitals  # "USAID gave aid to Haiti": the tagger read a name in capitals as an adverb
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _TELLING and verb.head.i < verb.i \
            and any(c.dep_ == "aux" and c.i < verb.i for c in verb.children) and depth < 4:
        # headline grammar drops the subject of what is said: "Israel Says *Will Scale Back* Gaza
        # Offensive", "Iran says will not halt enrichment" - the sayer's own act
        return verb_subject(verb.head, depth + 1)
    if verb.dep_ == "xcomp" and is_passive(verb.head) and verb.head.lemma_.lower() in _REPORTING | _SCHEDULING:
        # raising: "Iran is *believed* to have supplied drones", "X was seen to enter": the passive's
        # subject does what is reported; "Bush is *scheduled* to meet Putin", "is set to visit": the
        # subject does what is arranged, to come (a prediction, "is expected to", is no act of its own)
        raised = next((c for c in verb.head.children if c.dep_ in PASSIVE_SUBJ), None)
        if raised is not None:
            return _resolve(raised)
    addressee = _pressed_party(verb)
    if addressee is not None:
        return _resolve(addressee)
    if verb.dep_ == "acl" and any(c.tag_ == "TO" for c in verb.children):
        # (the one a request is made of does what is requested: "refused a request by X *to step down*")
        maker = noun_maker(verb.head) if verb.head.lemma_.lower() not in _REQUEST_NOUNS else None
        if maker is not None:
            return maker  # "criticized *a UN* decision to impose", "rejected *the government's* plan to arrest"
        if verb.head.head.pos_ in ("VERB", "AUX") and depth < 4:
            return verb_subject(verb.head.head, depth + 1)  # "has plans to attack": the planner attacks
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _SPENT \
            and verb.head.dep_ in ("dobj", "obj", "npadvmod") and verb.head.head.pos_ in ("VERB", "AUX") and depth < 4:
        # "took turns *rebutting* X", "spent weeks *lobbying* Y": a gerund after the turns or the time
        # a party spends is that party's act, not the time's
        return verb_subject(verb.head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.head.lemma_.lower() in _APPEALING and to_infinitive(verb))) \
            and verb.head.lemma_ not in ("promise", "vow", "pledge") and verb.head.lemma_.lower() not in _USING | _ENTERING:
        for c in verb.head.children:  # object control: "urged Iran to stop", "called on Iran to release"
            if c.dep_ in ("dobj", "obj") and c.i < verb.i:
                return _resolve(c)
            if c.dep_ == "prep" and c.i < verb.i and (c.lower_ in ("on", "upon") or (
                    c.lower_ in ("to", "with") and verb.head.lemma_.lower() in _APPEALING)):
                # ("appealed *to the rebels* to stop", "pleaded *with Iran* to free": the one appealed to)
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    if verb.tag_ == "VBG" and verb.i >= 2:
        prev, joint = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
        if prev.pos_ == "PROPN" and prev.dep_ == "conj" and prev.head.pos_ in ("VERB", "AUX") \
                and joint.lower_ in ("and", ","):
            # "with Moscow insisting ... and *Washington* rejecting the demand": the parser joined the
            # second party to the first clause's verb (a name cannot be a verb's conjunct); it is the
            # subject of the participle right after it
            return prev
    listed = _listed_after(verb) or _continued_clause(verb) or _participle_after_clause(verb)
    if listed is not None and depth < 4:
        return verb_subject(listed, depth + 1)
    if depth < 4 and verb.dep_ in _INHERIT and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "pcomp":  # "by shelling": take the subject of the verb the preposition hangs on
            head = head.head
            controller = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i
                               and c.lemma_.lower() not in _ANSWERED_FOR), None)
            if controller is not None and verb.head.lower_ in ("from", "of", "for", "with", "against"):
                # "prevented *Palestinians* from leaving", "barred him from travelling", "accused *the
                # firm* of hiding", "charged *two men* with spying", "thanked *Oslo* for hosting": the
                # object acts
                return _resolve(controller)
            if verb.head.lower_ == "of" and is_passive(head):
                # "*a policeman* was accused of killing", "was convicted of spying": the one accused acts
                accused = _passive_patient(head)
                if accused is not None:
                    return _resolve(accused)
        if verb.dep_ == "pcomp" and head.lemma_.lower() in _ANSWERED_FOR and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "claimed *responsibility for* killing five soldiers": the claimant killed
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd", "amod") and head.head.i != head.i:
            head = head.head  # "is willing to withdraw", "is ready to contribute": the subject of 'is'
        if verb.dep_ == "conj" and head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN") \
                and not _agrees(verb, head.head):
            # "authorities detained a *major* who led an uprising and *are* preparing to storm ...": a
            # verb that cannot agree with the relative clause's noun is the main clause's conjunct
            main = head.head.head
            if head.head.dep_ == "pobj" and main.head.i != main.i:
                main = main.head
            if main.pos_ in ("VERB", "AUX") and main.i < verb.i:
                return verb_subject(main, depth + 1)
        if head.pos_ in ("VERB", "AUX"):
            return verb_subject(head, depth + 1)
    return None


#: nouns of owning a deed: the one who claims, takes or denies them did the deed of their 'for' phrase
_ANSWERED_FOR = frozenset({"responsibility", "credit"})


def _pressed_party(verb: Token) -> Token | None:
    """The party a noun of pressing names, for its infinitive: "pressure *on Iran* to halt", "a call
    *on Syria* to withdraw", "permission *for the army* to enter" - also when the parser hangs the
    infinitive on the verb of the noun ("raising pressure on Western states *to hand over* ...")."""
    if not any(c.tag_ == "TO" for c in verb.children):
        return None
    if verb.dep_ == "acl":
        noun, holders = verb.head, [verb.head]
    elif verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        noun = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj") and c.i < verb.i), None)
        holders = [noun, verb.head]  # "put pressure *on Sudan* to disarm": the phrase may hang on the verb
    else:
        return None
    if noun is None or noun.lemma_.lower() not in _PRESSING_NOUNS:
        return None
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "for") and c.i < verb.i:
                party = next((g for g in c.children if g.dep_ == "pobj"), None)
                if party is not None:
                    return party
    return None


def _agrees(verb: Token, subject: Token) -> bool:
    """Whether a present-tense ``verb`` (or its auxiliary) can agree in number with ``subject``; True
    when the verb shows no number ("led", "will go")."""
    finite = verb if verb.tag_ in ("VBZ", "VBP") else next(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")), None)
    if finite is None or subject.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
        return True
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    return plural == (finite.tag_ == "VBP")


#: nouns of asking and ordering, whose infinitive tells what the one asked is to do
_REQUEST_NOUNS = frozenset({"request", "call", "demand", "appeal", "plea", "order", "invitation", "ultimatum",
                            "instruction", "petition", "proposal", "pressure", "bid"})
#: nouns of pressing someone to act, whose party after on/to/for does what the infinitive says ("a
#: proposal to X" is made to X, not for X to act)
_PRESSING_NOUNS = (_REQUEST_NOUNS - {"proposal", "bid", "petition"}) | {"permission", "mandate"}
#: nouns of asking and offering that another party answers (``answering_verb``): not orders or pressure
_ASKED_NOUNS = (_REQUEST_NOUNS - {"order", "instruction", "petition", "pressure"}) | {"offer", "overture", "proposition"}
#: entity labels of a name that can make a decision, a plan or a move
_MAKERS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def noun_maker(noun: Token) -> Token | None:
    """Whose decision, plan or move a noun is, when the noun names it: its possessor ("*Russia's*
    decision"), its 'by' phrase ("an attempt *by the government*") or a name before it ("a *United
    Nations* decision", "a *Ugandan* move"). None for a possessive pronoun ("its plan": the clause's
    subject is the maker) or a noun with none."""
    for c in noun.children:
        if c.dep_ == "poss" and c.tag_ != "PRP$":
            return _resolve(c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj" and not is_time(g)), None)
            if pobj is not None:
                return _resolve(pobj)
    named = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and c.ent_type_ in _MAKERS]
    return named[-1] if named else None


#: nouns whose to-infinitive says what they threaten, plan, offer or ask for ("its threat *to
#: attack*", "an offer *to mediate*", "efforts *to end* the war")
_INFINITIVE_NOUNS = _REQUEST_NOUNS | frozenset({
    "threat", "warning", "plan", "offer", "attempt", "effort", "promise", "pledge", "vow", "decision",
    "intention", "readiness", "willingness", "move", "push", "drive", "campaign", "commitment", "determination"})


def noun_infinitive(verb: Token) -> Token | None:
    """The noun whose to-infinitive the parser hung on the clause as an adverbial: "Hamas renewed its
    threats *to launch* rocket attacks" - 'launch' read as the purpose of 'renewed', though it says
    what the threats are. The noun is the verb's object and stands right before the infinitive's
    'to'. None otherwise (a real purpose: "sent troops *to protect* the airport")."""
    if verb.dep_ != "advcl" or not any(c.tag_ == "TO" for c in verb.children):
        return None
    before = verb.left_edge.i - 1
    if before < 0:
        return None
    noun = verb.doc[before]
    if noun.dep_ not in ("dobj", "obj") or noun.head.i != verb.head.i or noun.lemma_.lower() not in _INFINITIVE_NOUNS:
        return None
    return noun


def _listed_after(verb: Token) -> Token | None:
    """The verb a bare past form continues in a list the parser broke: "violence that has killed 40
    people, *wounded* 200 and closed the border" - the parser hangs 'wounded' on the main verb as a
    participle; with an object of its own, right after a comma, and a verb of the same form with an
    object of its own just before it in a subordinate clause, it is that verb's next item and shares
    its subject (the violence), not the main clause's."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0 or verb.doc[verb.i - 1].lower_ != ",":
        return None
    if not any(c.dep_ in ("dobj", "obj") for c in verb.children) or any(
            c.dep_ in ("mark", "aux", "auxpass", "agent") or c.dep_ in SUBJ for c in verb.children):
        return None
    before = [t for t in verb.doc[verb.sent.start:verb.i - 1] if t.pos_ == "VERB"]
    if not before:
        return None
    prior = before[-1]
    if prior.tag_ not in ("VBN", "VBD") or prior.dep_ not in ("relcl", "conj", "acl") \
            or not any(c.dep_ in ("dobj", "obj") for c in prior.children) or prior.head.i == verb.head.i:
        return None
    return prior


def _continued_clause(verb: Token) -> Token | None:
    """The verb a conjunct continues when the parser joined it to the main verb over a clause in
    between: "police have detained a man who they say *murdered* eight people and *injured* four" -
    'injured' hangs on 'detained', but a past tense with an object of its own, right after "and",
    whose head is of another form ("have detained") while the clause's verb just before it has the
    same form and an object, is that verb's next item and shares its subject (the man)."""
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.i == 0 or verb.doc[verb.i - 1].lower_ != "and":
        return None
    head = verb.head
    if head.tag_ == verb.tag_ or head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("dobj", "obj") for c in verb.children) or any(
            c.dep_ in ("aux", "auxpass", "mark") or c.dep_ in SUBJ for c in verb.children):
        return None
    between = [t for t in verb.doc[head.i + 1:verb.i - 1] if t.pos_ == "VERB"]
    if not between:
        return None
    prior = between[-1]
    if prior.tag_ != verb.tag_ or prior.dep_ not in ("ccomp", "xcomp", "relcl") \
            or not any(c.dep_ in ("dobj", "obj") for c in prior.children):
        return None
    return prior


def _participle_after_clause(verb: Token) -> Token | None:
    """The clause a participle right after it describes when the parser hung both on a verb above:
    "an election that was marred when the candidates *withdrew*, *charging* the government with
    fraud" - 'charging' hangs on 'marred', but the ones charging are those who withdrew: the clause
    just before the comma, with a subject of its own, hung on the same verb."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < 2 or verb.doc[verb.i - 1].lower_ != ",":
        return None
    if any(c.dep_ in SUBJ or c.dep_ in ("aux", "mark") for c in verb.children):
        return None
    siblings = [c for c in verb.head.children if c.dep_ in ("advcl", "conj") and c.i < verb.i
                and c.pos_ == "VERB" and any(g.dep_ in SUBJ for g in c.children)
                and c.right_edge.i in (verb.i - 2, verb.i - 1)]  # (the comma may be the clause's own)
    return siblings[-1] if siblings else None


def _passive_patient(verb: Token) -> Token | None:
    """The passive subject of a passive verb; for one without a subject of its own that hangs on
    another verb ("*a policeman* was hunted after being accused"), that verb's subject."""
    own = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJ), None)
    if own is not None or any(c.dep_ in SUBJ for c in verb.children):
        return own
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in head.children if c.dep_ in SUBJ or c.dep_ in PASSIVE_SUBJ), None)


#: prepositions before a passive gerund whose one done to is the subject of the clause it hangs on
_AFTER_PASSIVE = frozenset({"after", "before", "since", "upon", "following", "without", "despite"})


def _passive_after(verb: Token) -> Token | None:
    """The one a passive gerund after a preposition was done to: the subject of the clause it hangs on
    ("two traders were released *after being kidnapped*", "workers who were freed after being
    abducted")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in _AFTER_PASSIVE or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in prep.head.children if c.dep_ in SUBJ or c.dep_ in PASSIVE_SUBJ), None)


def for_clause_mark(verb: Token) -> Token | None:
    """The 'for' of a for-to clause right after the verb (adverbs between allowed), which the parser
    reads as the marker of a clause of its own: "called *for* Iran to be expelled", "pushing hard
    *for* the government to act"."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp") and c.i > verb.i:
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for" and g.i > verb.i
                         and all(t.pos_ == "ADV" for t in verb.doc[verb.i + 1:g.i])), None)
            if mark is not None:
                return mark
    return None


def for_clause_subject(verb: Token) -> Token | None:
    """The subject of a for-to clause after the verb: "called for *Iran* to be expelled"."""
    mark = for_clause_mark(verb)
    if mark is None:
        return None
    subject = next((g for g in mark.head.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return _resolve(subject) if subject is not None else None


def verb_object(verb: Token) -> Token | None:
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJ:
                return _resolve(c)
        held = held_as(verb)
        if held is not None:
            return _resolve(held)
        if verb.dep_ in ("acl", "relcl"):  # "the plan rejected by ..."
            return verb.head
        shared = _shared_passive(verb)
        if shared is not None:
            return verb_object(shared)
        raised = _reported_passive(verb) or misread_participle(verb) or _passive_after(verb)
        if raised is None and verb.dep_ == "conj":
            raised = _passive_patient(verb)  # "was seized and *was later released*": the one seized
        return _resolve(raised) if raised is not None else None
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return _resolve(c)
    for c in verb.children:  # "threatened to shell the positions", "urged Iran to stop"
        if c.dep_ == "xcomp":
            for g in c.children:
                if g.dep_ in ("dobj", "nsubj"):
                    return _resolve(g)
    for c in verb.children:
        if c.dep_ == "ccomp":
            for g in c.children:
                if g.dep_ in SUBJ:
                    return _resolve(g)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the soldiers *they had held*": a relative clause with a subject of its own and no object
        # leaves a gap, filled by the noun it modifies ("the rebels who attacked" has none: 'who' is
        # the subject)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in RELATIVE:
            return verb.head
    return None


def shared_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb coordinated after it ("gunmen *kidnapped* and killed two
    workers", "police arrested and charged the man"): the parser hangs it on the second verb only. None
    when ``verb`` has an object or a clause of its own, or the second verb a subject of its own ("rebels
    attacked and the army killed five" shares nothing)."""
    if any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp") or c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass"
           for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i \
                and any(b.dep_ == "cc" and verb.i < b.i < c.i for b in verb.children) \
                and not any(g.dep_ in SUBJ or g.dep_ in PASSIVE_SUBJ or g.dep_ == "auxpass" for g in c.children):
            obj = next((g for g in c.children if g.dep_ in ("dobj", "obj") and g.i > c.i), None)
            return _resolve(obj) if obj is not None else None
    return None


def prep_objects(anchors: list[Token], word: str) -> Token | None:
    words = word.split("_")
    for anchor in anchors:
        for c in anchor.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == words[0]:
                for g in c.children:
                    if g.dep_ == "pobj":
                        if is_time(g):
                            break  # "on Tuesday" is no target: look for another "on"
                        return g
                    if g.dep_ == "prep":  # "out of Syria", "in front of"
                        pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if pobj is not None:
                            return pobj
            if c.dep_ in ("prt", "advmod", "prep") and c.lower_ != words[0] and c.i > anchor.i:
                found = prep_objects([c], word)  # "pulled out of Syria": 'of' hangs on 'out'
                if found is not None:
                    return found
            if c.dep_ == "prt" and c.lower_ == words[0]:
                found = prep_objects([c], words[-1]) if len(words) > 1 else None
                if found is None and len(words) == 1:
                    # a particle the parser gave an object of its own: "sealed *off the Gaza Strip*"
                    found = next((g for g in c.children if g.dep_ == "pobj" and not is_time(g)), None)
                if found is not None:
                    return found
    return None


def setting_verb(noun: Token) -> Token | None:
    """The verb whose clause a noun's prepositional phrase hangs on, as the scene of it: "*At talks
    with Blair*, Bush said", "the minister said *during a meeting with X*"; None for a noun that is
    no preposition's object or whose preposition hangs on no verb."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep.head


def opens_the_clause(noun: Token) -> bool:
    """A noun of a phrase that sets the scene before its clause's subject: "*In cooperation with*
    partners, USAID provided ...", "*At talks with* Blair, Bush said"."""
    verb = setting_verb(noun)
    subject = verb_subject(verb) if verb is not None else None
    return subject is not None and noun.head.i < subject.i


#: verbs that bring a body or a thing into being ("set up", "establish", "found")
_CREATING = frozenset({"establish", "create", "found", "form", "build", "construct", "open", "launch", "inaugurate"})


def creating(verb: Token) -> bool:
    """A verb that brings what it governs into being: what it creates is no one an act is aimed at."""
    lemma = verb.lemma_.lower()
    return lemma in _CREATING or (lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children))


def any_object(anchors: list[Token]) -> Token | None:
    for anchor in anchors:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ not in _CIRCUMSTANCE:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


def governs_infinitive(verb: Token) -> bool:
    """Whether a verb governs a to-infinitive clause ("sought *to portray* him", "tried to leave")."""
    return any(c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and to_infinitive(c)
               for c in verb.children)


def object_predicate(verb: Token, as_phrase: bool = True) -> tuple[int, int] | None:
    """The token range of what a verb of naming calls its object ("called the ambassador *a very
    stupid guy*", "called the move *unconstitutional*", "described the sanctions *as illegal*"; with
    ``as_phrase`` False, not an "as" phrase, which after other verbs tells a role or a time: "called
    X *as part of* his tour"), or None when it has none."""
    passive = is_passive(verb)  # "were labelled *traitors* by Castro": the object is the subject
    for c in verb.children:
        # (with the object named before it: a name alone read as the predicate, "called *President
        # Omar al-Bashir* on Saturday", is whom he phoned)
        if not passive and not any(g.dep_ in ("dobj", "obj") and verb.i < g.i < c.i for g in verb.children):
            continue
        if c.dep_ == "oprd":
            return c.left_edge.i, c.right_edge.i
        if as_phrase and c.dep_ == "prep" and c.lower_ == "as":
            return c.i, c.right_edge.i  # "described the sanctions *as illegal*"
    return None
