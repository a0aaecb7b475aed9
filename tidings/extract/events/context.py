"""Acts in context: a target that names an earlier act as a thing ("Washington rejected *the
demands*", "dismissed *the accusations*") is the party who made that act, found among the article's
earlier events.

Only a definite phrase ("the demands", "these proposals", "Moscow's demands" is already a party)
whose head noun is listed in one of the word sets ``&ACTS_<TYPE>`` (knowledge/data/nouns/domains.tsv,
read once into ``EventPatterns.act_nouns``) refers back; the nearest earlier event of that PLOVER type with a coded source, not made by the
event's own source, gives the party. The target keeps its words and offsets ("the demands"); its
actor and code become those of the earlier event's source, and the evidence names that event's
trigger, so an analyst can see why.
"""
from __future__ import annotations

from dataclasses import replace

from tidings.extract.events.common import WORD_SPLIT, ends_in_word_of
from tidings.model import Event, Participant

_DEFINITE = frozenset({"the", "these", "those", "such", "that", "this"})


def resolve_acts(events: list[Event], acts: dict[str, str]) -> list[Event]:
    """``events`` (in text order) with targets that name an earlier act resolved to its maker."""
    if not acts:
        return events
    out: list[Event] = []
    for e in events:
        t = e.target
        if t is not None and not t.code:
            kind = _act_named(t.text, acts)
            if kind is not None:
                earlier = next((p for p in reversed(out) if p.plover == kind and p.source is not None
                                and p.source.code and p.trigger.start < e.trigger.start
                                and (e.source is None or p.source.code[:3] != (e.source.code or "")[:3])), None)
                if earlier is not None:
                    maker = earlier.source
                    e = replace(e, target=replace(t, actor=maker.actor, code=maker.code),
                                evidence=f"{e.evidence}; target '{t.text}' = the {kind} by {maker.text} "
                                         f"('{earlier.trigger.text}', characters {earlier.trigger.start}-{earlier.trigger.end})")
        out.append(e)
    return out


def _act_named(phrase: str, acts: dict[str, str]) -> str | None:
    words = phrase.lower().split()
    if len(words) < 2 or len(words) > 5 or words[0] not in _DEFINITE:
        return None
    return acts.get(words[-1].strip(".,;:\"'"))


#: acts done to a thing where it stands: a dateline's place is theirs when they happened
_PHYSICAL = frozenset({"ASSAULT", "COERCE"})


#: acts whose thing is struck where it stands: the thing is their target, not its place
_STRUCK = frozenset({"ASSAULT"})
#: acts whose thing acted on stands where the story is: "eased *the curfew*", "protesting *job losses*"
_STORY_PLACED = frozenset({"ASSAULT", "COERCE", "CONCEDE", "PROTEST", "MOBILIZE", "RETREAT"})


def story_country(places, parties=frozenset()) -> str | None:
    """The one country all the article's places lie in (its dateline included), or None when it
    names places in several countries or none. A country named as a party (``parties``: the spans
    of actor mentions, "*US* and Iraqi forces stormed") is who acts, not where."""
    return _only_country(p.country for p in places if not (p.kind == "country" and (p.start, p.end) in parties))


def sole_party_country(actors) -> str | None:
    """The one country every party of the article belongs to ("Restive Maldives eases curfew ...
    the capital of the Maldives ... dissidents"), or None when parties of several countries (or of
    none) are named: a story that names no place happens where all its parties are from."""
    # (a news agency's country, "AFP", is not the story's)
    return _only_country(a.country for a in actors if not (a.code or "").endswith("MED"))


def _only_country(countries) -> str | None:
    """The one country among ``countries`` (unknown ones left out), or None for none or several."""
    found = {c for c in countries if c and c != "-"}
    return next(iter(found)) if len(found) == 1 else None


def locate_things(events: list[Event], country: str | None = None,
                  where: str = "every place the story names", weapons: frozenset[str] = frozenset(),
                  people: tuple[frozenset[str], ...] = (), places=(), doc=None) -> list[Event]:
    """A thing acted on is in the country where the act happens ("an attack on *the oil company's
    headquarters*" in Basra): a target with no actor and no code takes the country of the event's
    place, as wire-news coders read it. A place the sentence names counts for any act; the dateline's
    only for an attack or a seizure that happened ("BAGHDAD - an attack on the oil company's
    headquarters"): where a story was filed says nothing of where "the border", "its neighbour" or
    "the proposals" a statement mentions are. Done last, so that acts named again are resolved first, and
    after the relevance filter, so such a target never makes an event political news by itself."""
    out = []
    text = doc.text if doc is not None else ""
    for e in events:
        t = e.target
        if t is not None and e.plover == "MOBILIZE" and _last_word(t.text) in weapons:
            out.append(e)  # "Iran deploys a new *missile*": the weapon shown is no thing acted on anywhere
            continue
        a_thing = t is not None and not t.code and t.actor is None and bool(text) \
            and e.plover not in _STRUCK \
            and not (ends_in_word_of(_head_word(doc, t), *people) and ends_in_word_of(t.text, *people))
        after = _phrase_after_head(doc, t) if a_thing else None
        inner = next((p for p in places if p.country and after[0] <= p.start and p.end <= after[1]), None) \
            if after is not None else None
        if inner is not None:
            # a place in the thing's own words stands for the party there: "lifted restrictions on
            # visits to relatives *in Cuba*" is aimed at Cuba; the thing stays in the evidence
            e = replace(e, target=Participant(inner.start, inner.end, text[inner.start:inner.end], code=inner.country),
                        evidence=f"{e.evidence}; target '{t.text}' in {inner.country}: the place in its words")
        elif a_thing and e.place is not None and e.place.country \
                and e.place.start is not None and e.place.end is not None:
            # a place the sentence names stands for the party there when the target is a thing: the
            # target is the place's words ("declared *a state of emergency* in Colombia": Colombia), and
            # the thing stays in the evidence; a thing struck is the target itself ("bombed a bridge")
            place = Participant(e.place.start, e.place.end, text[e.place.start:e.place.end], code=e.place.country)
            e = replace(e, target=place,
                        evidence=f"{e.evidence}; target '{t.text}' in {e.place.country}: the event's place")
        elif t is not None and not t.code and t.actor is None and e.place is not None and e.place.country \
                and (e.place.start is not None or (e.plover in _PHYSICAL and e.mode == "asserted")):
            e = replace(e, target=replace(t, code=e.place.country),
                        evidence=f"{e.evidence}; target in {e.place.country} (the event's place)")
        elif t is not None and not t.code and t.actor is None and country and e.plover in _STORY_PLACED:
            # no place of its own (or only the dateline, which places a statement's things nowhere):
            # an act done in a story whose places all lie in one country happens there
            e = replace(e, target=replace(t, code=country),
                        evidence=f"{e.evidence}; target in {country} ({where})")
        out.append(e)
    return out


def _head_word(doc, p: Participant) -> str:
    """The head word of a participant's words ("the *ability* of individuals"), or its words without
    a parse. A thing is named by a head or a last word that is no word for people: "the ability of
    individuals", "a state of emergency" ("state" is also a body)."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand") if doc is not None else None
    return span.root.text if span is not None and len(span) else p.text


def _phrase_after_head(doc, p: Participant) -> tuple[int, int] | None:
    """Where the prepositional phrases after a participant's head word start and end ("the last
    holdout *in Syria*", "the ban *on the import of beef raised in Brazil*"). A modifier before the
    head is part of a name ("the *Kyoto* protocol"), and a clause after it tells of other acts ("a
    resolution *condemning attacks in Chechnya*", "the legislation *of attacking civil society in
    Hungary*": what it says or is charged with): neither is where the thing is."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    words = [w for c in root.children if c.dep_ == "prep" and c.i > root.i
             and not any(g.dep_ == "pcomp" for g in c.children) for w in c.subtree]
    if not words:
        return None
    last = max(words, key=lambda w: w.i)
    return root.idx + len(root.text), last.idx + len(last.text)


def _last_word(text: str) -> str:
    words = [w for w in WORD_SPLIT.split(text.lower()) if w]
    return words[-1] if words else ""
