"""Finding the source and target of an event trigger in the dependency parse.

Slots (``subj``, ``obj``, ``iobj``, ``xsubj``, ``any``, ``prep:WORD``) are described in docs/events.md.
Each finder returns head tokens; a coordination ("the US and Russia") yields one head per conjunct.
Walks are bounded (a few steps up or down) so that a 500-token sentence costs no more than a short one.
"""
from __future__ import annotations

from spacy.tokens import Token

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Where a verb without a subject of its own takes it from: the verb it is controlled by or shares it with.
_INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp"})
# Prepositions that give a time or a place, never a target of 'any'.
_CIRCUMSTANCE = frozenset({"in", "at", "on", "during", "after", "before", "since", "until", "near", "over",
                           "from", "amid", "despite", "following", "throughout", "by", "for", "as", "within"})
_PRONOUN_SKIP = frozenset({"there"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def conjuncts(head: Token) -> list[Token]:
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(conjuncts(c) if len(out) < 6 else [c])
    return out


def _resolve(tok: Token | None) -> Token | None:
    """A relative pronoun stands for the noun its clause modifies; 'it' and 'there' stand for nothing."""
    if tok is None:
        return None
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ in _PRONOUN_SKIP:
        return None
    return tok


_PERSONAL = frozenset({"he", "she", "it", "they", "we", "i"})


def verb_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject; a pronoun subject of reported speech is the speaker ("Iran said it would ...")."""
    subject = _own_subject(verb, depth)
    if subject is not None and subject.lower_ in _PERSONAL and depth < 4:
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
            speaker = verb_subject(clause.head, depth + 1)
            if speaker is not None:
                return speaker
    if subject is not None and subject.lower_ == "it":
        return None
    return subject


def _own_subject(verb: Token, depth: int) -> Token | None:
    passive = is_passive(verb)
    for c in verb.children:
        if passive and c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if not passive and c.dep_ in SUBJ:
            return _resolve(c)
    if passive:
        return None
    if verb.dep_ == "acl" and any(c.tag_ == "TO" for c in verb.children) and verb.head.head.pos_ in ("VERB", "AUX") \
            and depth < 4:
        return verb_subject(verb.head.head, depth + 1)  # "has plans to attack": the planner attacks
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "xcomp" and verb.head.lemma_ not in ("promise", "vow", "pledge"):
        for c in verb.head.children:  # object control: "urged Iran to stop", "called on Iran to release"
            if c.dep_ in ("dobj", "obj") and c.i < verb.i:
                return _resolve(c)
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    if depth < 4 and verb.dep_ in _INHERIT and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "pcomp":  # "by shelling": take the subject of the verb the preposition hangs on
            head = head.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd", "amod") and head.head is not head:
            head = head.head  # "is willing to withdraw", "is ready to contribute": the subject of 'is'
        if head.pos_ in ("VERB", "AUX"):
            return verb_subject(head, depth + 1)
    return None


def verb_object(verb: Token) -> Token | None:
    if is_passive(verb):
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJ:
                return _resolve(c)
        if verb.dep_ in ("acl", "relcl"):  # "the plan rejected by ..."
            return verb.head
        return None
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
    return None


def prep_objects(anchors: list[Token], word: str) -> Token | None:
    words = word.split("_")
    for anchor in anchors:
        for c in anchor.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ == words[0]:
                for g in c.children:
                    if g.dep_ == "pobj":
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
                if found is not None:
                    return found
    return None


def any_object(anchors: list[Token]) -> Token | None:
    for anchor in anchors:
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ not in _CIRCUMSTANCE:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None
