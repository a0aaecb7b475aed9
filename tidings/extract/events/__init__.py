"""Events: who did what to whom, coded CAMEO (and so PLOVER) from verb and noun patterns.

The coder runs in stages, one module each, so that "why was this the target?" has one home:

- ``triggers``: which token is a trigger and whether a pattern's words are found around it (verbs
  first, then nouns, so that a noun already used by a verb pattern, "imposed *sanctions*", makes no
  second event). There is no default code: no pattern, no event; a pattern flagged ``block`` matches
  and yields nothing (a sense that is no event).
- ``slots`` (with ``syntax``, the dependency-tree walks): which words fill the source and target.
- ``participants``: the span, actor and code of a slot's head word (the article's actor mentions).
- ``relevance``: whether an event is political news (docs/events.md, "Which events are kept").
- ``modes``: asserted, negated, future or hypothetical, from the syntax above the trigger.
- ``circumstances``: the date and place of an event.
- ``context``: acts named again as things ("rejected *the demands*") resolved to their makers; a
  thing acted on placed in the country where the act happens.
- ``merge``: one happening coded from two triggers, or stated twice, is one event.
- ``coder``: the pass over a sentence that ties these together.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.extract.events.coder import Coder
from tidings.extract.events.common import MAX_SENTENCE_TOKENS
from tidings.extract.events.context import locate_things, resolve_acts, sole_party_country, story_country
from tidings.extract.events.merge import fold_means, merge_restatements, one_unattributed_toll, threatened_parties
from tidings.model import Analysis, Event


def extract_events(doc: Doc, analysis: Analysis, knowledge) -> None:
    patterns = knowledge.event_patterns
    context = getattr(knowledge.actors, "context", True)
    authorities = knowledge.context.authority_acts if context else None
    releases = knowledge.context.release_acts if context else None
    venue_words = knowledge.context.venue_words if context else None
    coder = Coder(doc, analysis, knowledge.cameo, patterns, knowledge.actors, authorities, releases, venue_words)
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
    headline = analysis.headline.sentence if analysis.headline is not None else None
    found = fold_means(found, doc)
    found = merge_restatements(found, headline, doc)
    if not getattr(patterns, "keep_any", False):
        found = one_unattributed_toll(found)
    found = threatened_parties(found, doc)
    found = resolve_acts(found, patterns.act_nouns)
    if not getattr(patterns, "keep_any", False):
        weapons = patterns.sets.get("&ATTACKS", frozenset())
        # (two sets, not their union: &PEOPLE is large, and a union per article costs more than the coder)
        people = (patterns.sets.get("&PEOPLE", frozenset()), patterns.sets.get("&POLITICAL_GROUPS", frozenset()))
        if analysis.places:
            parties = frozenset((m.start, m.end) for a in analysis.actors for m in a.mentions)
            found = locate_things(found, story_country(analysis.places, parties), weapons=weapons, people=people,
                                  places=analysis.places, doc=doc)
        else:
            found = locate_things(found, sole_party_country(analysis.actors), "every party the story names", weapons,
                                  people, doc=doc)
    for n, event in enumerate(found, 1):
        event.id = f"E{n}"
    analysis.events = found

