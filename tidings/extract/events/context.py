"""Acts in context: a target that names an earlier act as a thing ("Washington rejected *the
demands*", "dismissed *the accusations*") is the party who made that act, found among the article's
earlier events.

Only a definite phrase ("the demands", "these proposals", "Moscow's demands" is already a party)
whose head noun is listed in one of the word sets ``&ACTS_<TYPE>`` (knowledge/data/nouns/domains.tsv,
read once into ``EventPatterns.act_nouns``) refers back; the nearest earlier event of that PLOVER
type with a coded source, not made by the event's own side, gives the party: "Israeli troops
arrested 12 Palestinians ... Palestinian officials condemned *the raids*" (&ACTS_COERCE). The target
keeps its words and offsets ("the demands"); its actor and code become those of the earlier event's
source, and the evidence names that event's trigger, so an analyst can see why.
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
                                and not _same_side(p.source, e.source)), None)
                if earlier is not None:
                    maker = earlier.source
                    e = replace(e, target=replace(t, actor=maker.actor, code=maker.code),
                                evidence=f"{e.evidence}; target '{t.text}' = the {kind} by {maker.text} "
                                         f"('{earlier.trigger.text}', characters {earlier.trigger.start}-{earlier.trigger.end})")
        out.append(e)
    return out


def _same_side(maker: Participant, source: Participant | None) -> bool:
    """Whether an earlier act's maker is the event's own side: the same code, or a country and a body
    of it ("Russia" and "Moscow"). Two bodies of one country are two sides: "Rebels attacked a police
    station ... India condemned the attack"."""
    if source is None or not source.code:
        return False
    if maker.code == source.code:
        return True
    return maker.code[:3] == source.code[:3] and (len(maker.code) == 3 or len(source.code) == 3
                                                  or maker.code[3:6] == source.code[3:6])


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
        head = _head(doc, t) if t is not None and not t.code and t.actor is None and e.plover not in _STRUCK else None
        # (a thing: a head or a last word that is no word for people, "the ability of individuals", "a
        # state of emergency"; "political factions" are people)
        a_thing = head is not None and not (ends_in_word_of(head.text, *people) and ends_in_word_of(t.text, *people))
        stand_in = _place_after(head, places) if a_thing else None
        if stand_in is None and a_thing and e.place is not None and e.place.country and e.place.start is not None \
                and e.place.end is not None:
            stand_in = (e.place.start, e.place.end, e.place.country, "the event's place")
        if stand_in is not None:
            # a place in the thing's own phrase, or named in the sentence as where the act happens,
            # stands for the party there: "lifted a ban on the import of beef raised *in Brazil*",
            # "declared *a state of emergency* in Colombia" (a thing struck is the target itself:
            # "bombed a bridge"); the thing stays in the evidence
            start, end, place_country, how = stand_in
            e = replace(e, target=Participant(start, end, text[start:end], code=place_country),
                        evidence=f"{e.evidence}; target '{t.text}' in {place_country}: {how}")
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


def _head(doc, p: Participant):
    """The head word of a participant's words ("the *ability* of individuals"), or None without a parse."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand") if doc is not None else None
    return span.root if span is not None and len(span) else None


def _place_after(head, places) -> tuple[int, int, str, str] | None:
    """A place with a country in the prepositional phrases after a thing's head word ("the last holdout
    *in Syria*", "the ban *on the import of beef raised in Brazil*"). A modifier before the head is part
    of a name ("the *Kyoto* protocol"), and a clause after it tells of other acts ("a resolution
    *condemning attacks in Chechnya*", "the legislation *of attacking civil society in Hungary*": what it
    says or is charged with): neither is where the thing is."""
    words = [w for c in head.children if c.dep_ == "prep" and c.i > head.i
             and not any(g.dep_ == "pcomp" for g in c.children) for w in c.subtree]
    if not words:
        return None
    last = max(words, key=lambda w: w.i)
    start, end = head.idx + len(head.text), last.idx + len(last.text)
    place = next((p for p in places if p.country and start <= p.start and p.end <= end), None)
    return (place.start, place.end, place.country, "the place in its words") if place is not None else None


def _last_word(text: str) -> str:
    words = [w for w in WORD_SPLIT.split(text.lower()) if w]
    return words[-1] if words else ""
