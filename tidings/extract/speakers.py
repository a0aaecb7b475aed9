"""Who speaks: the mention that names the speaker of a quote, and the full name it refers to.

A cue's subject is often not a full name: a pronoun ("he said"), a bare surname ("Peskov said"), a
relative pronoun ("Peskov, who said"), a role ("the spokesman said") or a titled name ("Mr. Trump").
``SpeakerResolver`` walks an article once, in text order, remembering the people named so far, so
each of those can be led back to the full name seen earlier.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.knowledge.cues import Cues
from tidings.model import Actor, Span

_PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GROUP_PRONOUNS = {"they", "them", "it"}
_RELATIVE = {"who", "which", "that", "whom"}
_SUBJECT_DEPS = ("nsubj",)
#: a speech verb inherits the subject of the verb it hangs from: "..., adding that", "and said"
_CHAIN_DEPS = ("advcl", "conj", "xcomp", "acl", "pcomp")
_NAME_POS = ("PROPN",)
#: prepositions whose phrase tells whose a role is: "the leader of the delegation", "a spokesman for the ministry"
_OWNER_PREPS = frozenset({"of", "for"})
#: how many such phrases a mention may nest: "the head of the office of the prosecutor"
_OWNER_DEPTH = 2


@dataclass
class Speaker:
    span: Span
    name: str | None
    actor: str | None
    #: where the name came from, for linking an actor when the span itself is a pronoun
    referent: tuple[int, int] | None = None


def subject_of(cue: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through participles and conjoined verbs."""
    tok = cue
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if tok.dep_ in _CHAIN_DEPS and tok.head.i != tok.i:
            tok = tok.head
        else:
            return None
    return None


class SpeakerResolver:
    """Resolves speaker mentions in one article; call ``resolve`` in text order."""

    def __init__(self, doc: Doc, text: str, cues: Cues, actors: list[Actor]):
        self.doc = doc
        self.cues = cues
        self.text = text
        self._surnames: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._people: list[tuple[int, str, str | None]] = []  # (char offset, full name, gender)
        self._groups: list[tuple[int, str]] = []
        self._index_people(doc)
        self._actor_spans = sorted(
            (m.start, m.end, a.id) for a in actors for m in a.mentions
        )
        self._actor_starts = [s for s, _, _ in self._actor_spans]
        self._actor_names = {a.name: a.id for a in actors}

    # -- what the article names ------------------------------------------------------------------
    def _index_people(self, doc: Doc) -> None:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = self._clean_name([t for t in ent if t.pos_ != "PUNCT"])
            if not name:
                continue
            parts = name.split()
            if len(parts) > 1:
                self._surnames.setdefault(parts[-1], name)
            self._people.append((ent.start_char, name, self._gender(ent[0], name)))

    def _clean_name(self, toks: list[Token]) -> str:
        """Drop titles, possessive endings and whitespace: "Mr. Trump's" -> "Trump". (An entity can hold
        a whitespace token: "Dr." and a control character is no name.)"""
        words = [t.text for t in toks if t.text not in ("'s", "’s", "'", "’") and not t.is_space]
        while words and (words[0] in self.cues.titles or words[0].lower() in ("the", "a", "an")):
            words = words[1:]
        return " ".join(words)

    def _gender(self, first: Token, name: str) -> str | None:
        before = self.doc[first.i - 1].text if first.i > 0 else ""
        return self.cues.gender_of_word(first.text) or self.cues.gender_of_word(before) or (
            self.cues.gender_of_word(name.split()[0]) if name else None
        )

    def full_name(self, name: str) -> str:
        """A bare surname becomes the full name seen in the article."""
        if " " not in name:
            return self._surnames.get(name, name)
        return name

    # -- mentions ----------------------------------------------------------------------------
    def mention_tokens(self, head: Token, blocked) -> tuple[int, int]:
        """Token range [start, end) of the noun phrase headed by ``head``, without its clauses: a
        common noun keeps the "of"/"for" phrase that says whose it is ("the leader of the US
        delegation", "a spokesman for the ministry"), not the circumstances after it ("at Monday's talks")."""
        start = head.i
        for child in head.lefts:
            if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "punct", "case", "flat"):
                start = min(start, child.left_edge.i)
        while start < head.i and (blocked(start) or self.doc[start].is_punct):
            start += 1
        end = self._core_end(head, blocked, _OWNER_DEPTH if head.pos_ == "NOUN" else 0)
        return start, end

    def _core_end(self, head: Token, blocked, depth: int) -> int:
        """Where the noun phrase of ``head`` ends: its right compounds, then, ``depth`` levels down, an
        adjacent "of"/"for" phrase with the same core."""
        end = head.i + 1
        for child in head.rights:
            if child.dep_ in ("compound", "flat") and child.i == end:
                end = child.i + 1
        if depth <= 0:
            return end
        for child in head.rights:
            if child.i != end or child.dep_ != "prep" or child.lower_ not in _OWNER_PREPS or blocked(child.i):
                continue
            obj = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and not any(blocked(i) for i in range(child.i, obj.i + 1)):
                end = self._core_end(obj, blocked, depth - 1)
            break
        return end

    def resolve(self, head: Token, blocked) -> Speaker:
        doc = self.doc
        lower = head.lower_
        if lower in _RELATIVE and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return self._named_from_pronoun(head, self._describe(antecedent, blocked))
        if head.pos_ == "PRON" or lower in _PERSON_PRONOUNS:
            return self._pronoun(head)
        start, end = self.mention_tokens(head, blocked)
        span = _span(doc, self.text, start, end)
        name = self._name_of(head, start, end)
        speaker = Speaker(span, name, self._actor_of(head, blocked, start, span, name))
        self._remember(speaker, head)
        return speaker

    def _describe(self, head: Token, blocked) -> Speaker:
        start, end = self.mention_tokens(head, blocked)
        span = _span(self.doc, self.text, start, end)
        name = self._name_of(head, start, end)
        return Speaker(span, name, self._actor_of(head, blocked, start, span, name))

    def _actor_of(self, head: Token, blocked, start: int, span: Span, name: str | None) -> str | None:
        """The mention's own actor ("Kremlin spokesman"), else the person it names ("the lead negotiator,
        Tomas Lindqvist"), else the one its "of"/"for" phrase names ("the leader of the US delegation")."""
        own = _span(self.doc, self.text, start, self._core_end(head, blocked, 0))
        return self.actor_at(own.start, own.end) or self.actor_named(name) or self.actor_at(span.start, span.end)

    def _name_of(self, head: Token, start: int, end: int) -> str | None:
        doc = self.doc
        if head.pos_ in _NAME_POS:
            lo = head.i
            while lo > start and doc[lo - 1].pos_ in _NAME_POS and doc[lo - 1].text not in ("'s", "’s"):
                lo -= 1
            name = self._clean_name(list(doc[lo:end]))
            return self.full_name(name) if name else None
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ in _NAME_POS:
                lo, hi = self.mention_tokens(child, lambda i: False)
                return self.full_name(self._clean_name([t for t in doc[lo:hi] if t.pos_ in _NAME_POS]))
        role = head.lower_
        if role in self._roles and head.tag_ in ("NN", "NNP"):
            return self._roles[role]
        text = doc[start:end].text
        return text or None

    def _remember(self, speaker: Speaker, head: Token) -> None:
        name = speaker.name
        if not name:
            return
        if head.pos_ in _NAME_POS:
            if " " in name:
                self._surnames.setdefault(name.split()[-1], name)
            self._people.append((speaker.span.start, name, self._gender(self.doc[_first_name_token(self.doc, head)], name)))
            # "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov, the Kremlin spokesman": later "the spokesman"
            for tok in list(head.lefts) + [c for c in head.children if c.dep_ == "appos"]:
                for t in tok.subtree:
                    if t.lower_ in self.cues.roles:
                        self._roles[t.lower_] = name
        else:
            self._groups.append((speaker.span.start, name))

    def _pronoun(self, head: Token) -> Speaker:
        span = _span(self.doc, self.text, head.i, head.i + 1)
        lower = head.lower_
        if lower in _PERSON_PRONOUNS:
            found = self._recent_person(span.start, _PERSON_PRONOUNS[lower])
        elif lower in _GROUP_PRONOUNS:
            found = self._recent_group(span.start)
        else:
            found = None  # "I", "we", "you" outside quotes: the writer or the reader
        if found is None:
            return Speaker(span, None, None)
        offset, name = found
        referent = (offset, offset + len(name))
        return Speaker(span, name, self.actor_at(*referent) or self.actor_named(name), referent)

    def _named_from_pronoun(self, head: Token, antecedent: Speaker) -> Speaker:
        span = _span(self.doc, self.text, head.i, head.i + 1)
        return Speaker(span, antecedent.name, antecedent.actor, (antecedent.span.start, antecedent.span.end))

    def _recent_person(self, before: int, gender: str) -> tuple[int, str] | None:
        fallback = None
        for offset, name, g in reversed(self._people):
            if offset >= before:
                continue
            if g == gender:
                return offset, name
            if g is None and fallback is None:
                fallback = (offset, name)
        return fallback

    def _recent_group(self, before: int) -> tuple[int, str] | None:
        for offset, name in reversed(self._groups):
            if offset < before:
                return offset, name
        return None

    # -- actors ------------------------------------------------------------------------------
    def actor_at(self, start: int, end: int) -> str | None:
        i = bisect.bisect_left(self._actor_starts, end)
        for s, e, actor in reversed(self._actor_spans[max(0, i - 8):i]):
            if s < end and e > start:
                return actor
        return None

    def actor_named(self, name: str) -> str | None:
        return self._actor_names.get(name) if name else None


def _first_name_token(doc: Doc, head: Token) -> int:
    i = head.i
    while i > 0 and doc[i - 1].pos_ in _NAME_POS:
        i -= 1
    return i


def _span(doc: Doc, text: str, start: int, end: int) -> Span:
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return Span(s, e, text[s:e])
