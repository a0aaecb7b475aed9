"""Participants: the span, actor and code of a slot's head word; the mentions of the article's actors
looked up by position.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from spacy.tokens import Token

from tidings.extract.events import syntax as roles
from tidings.extract.events.common import (
    DATELINE_DASH,
    TRANSNATIONAL_POLITICAL,
    WIRE_CREDITS,
)
from tidings.knowledge.actors import SECTORS
from tidings.model import Participant

_TIMES = frozenset({"DATE", "TIME"})
#: words for a body of people, whose "of" phrase says who they are ("a group *of former diplomats*")
_COLLECTIVES = frozenset({"group", "delegation", "team", "panel", "committee", "coalition", "association",
                          "federation", "council", "union", "alliance", "body", "band", "contingent"})


class Participants:
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
        if head.ent_type_ in _TIMES and self._actor_at(head.idx, head.idx + len(head)) is None:
            return None  # "last week's riots": a time is never a party
        start_tok = head.left_edge if head.i - head.left_edge.i <= 12 else head
        if head.dep_ in ("nmod", "compound") and getattr(roles.premodifier_party(head.head), "i", None) == head.i:
            # the first of such a pair: from its possessor, which the parser may have given the second
            start_tok = roles.premodifier_party_start(head)
        first = roles.premodifier_party(head)
        if first is not None:
            # "between Sudan's government and *Darfur rebels*": the second party starts after the 'and'
            start_tok = next(c for c in first.children if c.dep_ == "conj" and first.i < c.i < head.i).left_edge
        end_i = head.i
        for c in head.children:
            if c.i > head.i and (c.dep_ in ("appos", "flat", "compound") or (
                    c.dep_ == "prep" and c.lower_ == "of" and not self._deed_phrase(c)
                    and getattr(roles.displaced_of(head), "i", None) != c.i)):
                if c.dep_ == "appos" and roles.list_apposition(head, c, self._codes_at):
                    continue  # "Mordor, the Shire, Fornost and Bree": the apposition is another party
                if c.right_edge.i - head.i <= 8:
                    end_i = max(end_i, c.right_edge.i)
                elif c.dep_ == "prep" and (named := next((g for g in c.children if g.dep_ == "pobj"), None)) \
                        is not None and named.i - head.i <= 8 and (named.pos_ == "PROPN" or head.lemma_.lower() in _COLLECTIVES):
                    # (a long "of" phrase to its own name: "the head *of the International Atomic Energy
                    # Agency*, Mohamed ElBaradei", the apposition hung on the agency; "a group *of former
                    # British diplomats*" - not "the kidnappers of two reporters", who are their victims)
                    end_i = max(end_i, named.i)
        while end_i > head.i and self.doc[end_i].is_space:
            end_i -= 1  # a headline's blank line the parser hung inside the phrase ("Prisoners\n\n")
        end_tok = self.doc[end_i]
        start_tok = self._past_opener(start_tok, head)
        if start_tok.i < head.i and self._hyphen_partner(head) is not None:
            start_tok = head  # "India-*Pakistan* talks": the partner before the hyphen is a party of its own
        start, end = start_tok.idx, end_tok.idx + len(end_tok)
        end = _before_open_bracket(self.analysis.text, start, end, head.idx + len(head))
        if head.i in self.roles_of:
            # one of the parties of a role word: its own mention ("*Afghanistan's intelligence
            # services*", "*Russian*" and "*US negotiators*" in "Russian and US negotiators")
            own = self._mention_span(head)
            if own is not None:
                start, end = own.start_char, own.end_char
        if start_tok.i <= head.i and start_tok.is_punct:
            start = head.idx
        actor = self._actor_at(head.idx, head.idx + len(head))
        if actor is not None and not actor.code and start < head.idx:
            # a name no dictionary knows, said whose it is before it ("Israel's opposition *Labour
            # party*", "Kenya's Maasai *council*"): the coded words before it tell the party
            before = self._actor_at(start, head.idx)
            actor = before if before is not None and before.code else actor
        named = actor is not None
        if (actor is None or not actor.code or actor.code[:3] in SECTORS) \
                and (group := roles.professed_group(head, self.members)) is not None:
            # "20 people suspected of being members of ETA": the group's, as a member of it
            found = self._actor_at(group.idx, group.idx + len(group)) or self._actor_at(group.left_edge.idx, group.right_edge.idx + len(group.right_edge))
            if found is not None and found.code and found.code[:3] not in SECTORS:
                actor, named = found, True
        if actor is None and (spoken := roles.spoken_for(head)) is not None and spoken.i - head.i <= 8:
            # "a spokesman *for Hamas*" speaks and acts for Hamas
            actor = self._actor_at(spoken.idx, spoken.idx + len(spoken))
            if actor is not None:
                named = True
                end = max(end, spoken.idx + len(spoken))
        if actor is None:
            # a deed is its doer's, named before it ("a *rebel* attack"), not its victims' ("the killing
            # *of two Peruvian engineers*" is not Peru's)
            actor = self._actor_at(start, head.idx + len(head) if self._deed_of_force(head) else end)
        code = actor.code if actor else None
        if actor is None and head.i in self.place_actors:
            # "was arrested in *Belarus*" (or *in Toronto*): the country where it happened, coded as one;
            # a capital the parser hung elsewhere but the coder reads as a subject: its government
            place = self.place_words.get(head.i)
            code = self.countries.get(head.i) or self._capital_of(head.text) or (place.country if place else None)
        located = actor is None and code is None and (head.i in self.place_targets or head.i in self.thing_countries)
        if located and head.i in self.thing_countries:
            code = self.thing_countries[head.i]  # "the *Ugandan* proposal": the thing, coded by its nationality
        elif located:
            code = self.place_words[head.i].country  # "sent troops to *Mali*": the party there, by its country
        role = self.roles_of.get(head.i)
        if role and code and code[:3] not in TRANSNATIONAL_POLITICAL:  # NATO's envoys act for NATO
            # an actor named after a role word ("lawmakers in Velia"): the actor's code and the role's groups
            have = {code[i:i + 3] for i in range(0, len(code), 3)}
            code = (code + "".join(g for g in role if g not in have))[:15]
        p = Participant(start, end, self.analysis.text[start:end], actor.id if actor else None, code)
        forces = located and len(self.thing_countries.get(head.i, "")) > 3  # "the *Israeli* raid": ISRMIL
        if (not named and actor is not None and head.lemma_.lower() not in self.members) or (located and not forces):
            # "the US *giant*", "a Supreme Court *decision*"; a place: no party by itself (a nationality
            # that names a state's forces is one)
            self.modifier_only.add(p)
        return p

    def _deed_phrase(self, prep: Token) -> bool:
        """An "of" phrase naming a deed, not whose the party is: "convicted three soldiers *of the killing*",
        "accused the president *of breaking* the deal"."""
        if any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in prep.children):
            return True
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        return obj is not None and bool(self.patterns.nouns.get(obj.lemma_.lower()))

    def _past_opener(self, start_tok: Token, head: Token) -> Token:
        """The first word of a participant after the dateline and wire credit the parser hung on it
        ("NEW YORK (Reuters) - *Iranian officials*", "LAGOS - *Nigeria's Senate*")."""
        openers = [s for s in (self.analysis.dateline, self.analysis.credit) if s is not None]
        near_opener = any(start_tok.idx <= s.end <= head.idx for s in openers)
        if start_tok.i >= head.i or (start_tok.i - start_tok.sent.start > 1 and not near_opener):
            return start_tok
        cut = None
        dash = None
        for m in DATELINE_DASH.finditer(self.analysis.text, start_tok.idx, head.idx):
            dash = m
        if dash is not None and dash.start() - start_tok.idx <= 60:
            cut = dash.end()
        d = self.analysis.opener()
        if cut is None and d is not None and start_tok.idx <= d[0] and d[1] <= head.idx:
            cut = d[1]
        if cut is None:
            return start_tok
        for t in self.doc[start_tok.i:head.i + 1]:
            if t.idx >= cut and not t.is_punct and t.lower_ not in WIRE_CREDITS:
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

    def _place_country(self, p: Participant) -> str:
        """The country of a place named in the participant's words ("Chechnya" -> RUS), or ''."""
        return next((place.country for place in self.analysis.places
                     if place.start >= p.start and place.end <= p.end and place.country), "")

    def _capital_of(self, name: str) -> str | None:
        """The code a capital stands for as a party ("Moscow" -> RUSGOV), or None."""
        entry = self.actor_dictionary.lookup(name) if self.actor_dictionary is not None else None
        return entry.code if entry is not None and entry.type == "capital" and entry.code else None


def _before_open_bracket(text: str, start: int, end: int, head_end: int) -> int:
    """``end``, or the end of the words before a bracket the span opens after its head and does not
    close ("provinces *(Canadian Press*": a wire credit the parser hung on the last word of a headline)."""
    cut = text.rfind("(", head_end, end)
    if cut < 0 or text.find(")", cut, end) >= 0:
        return end
    words_end = len(text[:cut].rstrip())
    return words_end if words_end > start else end
