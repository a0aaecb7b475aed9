"""When and where: the date and place of an event from the time expressions and places attached to
its trigger (else the publication date and the dateline).
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.extract.events.common import DATE, LOCATIVE, NOUN_POS
from tidings.extract.places import meeting_word
from tidings.model import EventPlace, Span


class Circumstances:
    # -- when and where -----------------------------------------------------------------------
    def _times(self) -> dict[int, tuple[str | None, int, str | None]]:
        """Word index -> (the day a time expression hanging on it names, if it names one; how many steps
        up from the expression; the expression's value at its own granularity: "2004", "2004-W33")."""
        out: dict[int, tuple[str | None, int, str | None]] = {}
        for t in self.analysis.times:
            span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or t.type not in ("DATE", "TIME"):
                continue
            tok, steps = span.root, 0
            value = t.value[:10] if t.value and DATE.match(t.value[:10]) else None
            period = t.value  # (only for the words it dates directly: "faults Georgia on *'90s* tactics"
            # dates the tactics, not the faulting)
            while tok.head.i != tok.i and steps < 5:  # "talks in Geneva on Monday": through a place phrase
                if tok.i != span.root.i and tok.pos_ in NOUN_POS:
                    period = None
                tok = tok.head
                steps += 1
                if tok.i not in out or out[tok.i][1] > steps:
                    out[tok.i] = (value, steps, period)
                if tok.pos_ in ("VERB", "NOUN") and tok.dep_ not in ("prep", "pobj"):
                    break
        return out

    def _date(self, tok: Token, support: Token | None) -> tuple[str | None, Token | None]:
        """The day the event's own time expression names, and the word it hangs on."""
        t = self._timed(tok, support)
        return (self.times[t.i][0], t) if t is not None else (None, None)

    def _period(self, tok: Token, support: Token | None) -> str | None:
        """The event's time expression's value at its granularity ("1994", "2004-01"), or None: its own,
        else that of the act it is part of ("convicted *in 1998* of bombing", "killed 40 villagers *in
        1994* and burned the village")."""
        t = self._timed(tok, support)
        if t is not None:
            # (not an infinitive's: "it was fair to criticize X's protests three decades ago" - the
            # parser hangs the time on the act that is discussed now)
            return None if any(c.tag_ == "TO" for c in tok.children) else self.times[t.i][2]
        verb = tok
        for _ in range(3):
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                verb = verb.head.head
            elif verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
                verb = verb.head
            else:
                return None
            if verb.i in self.times:
                return self.times[verb.i][2]
        return None

    def _timed(self, tok: Token, support: Token | None) -> Token | None:
        # a nominal event dated by its clause when the parser hangs the date on the verb: "the talks
        # in Lima *ended on Monday*", "talks will resume on Monday"
        clause = tok.head if tok.pos_ in NOUN_POS and tok.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and tok.head.pos_ in ("VERB", "AUX") else None
        for t in (tok, support, clause):
            if t is not None and t.i in self.times:
                return t
        return None

    def _places(self):
        by_head: dict[int, EventPlace] = {}  # governing word of "in X" -> X
        by_word: dict[int, EventPlace] = {}  # the place name's own head word -> X
        dateline = None
        d = self.analysis.dateline
        for p in self.analysis.places:
            place = EventPlace(p.name, p.country, p.lat, p.lon, p.start, p.end)
            if d is not None and p.start >= d.start and p.end <= d.end:
                dateline = EventPlace(p.name, p.country, p.lat, p.lon, None, None)
                continue
            span = self.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            by_word.setdefault(span.root.i, place)
            if p.kind == "country" and p.country:
                self.countries.setdefault(span.root.i, p.country)
            prep = span.root.head
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                by_head.setdefault(prep.head.i, place)
        # a dateline where the parties met (the actors layer decides: actor_context._venues)
        d = self.analysis.dateline
        self.dateline_venue = dateline is not None and d is not None and any(
            d.start <= v.start < d.end for v in self.analysis.venues)
        return by_head, by_word, dateline

    def _place(self, tok: Token, support: Token | None) -> EventPlace | None:
        for t in (tok, support):
            if t is not None and t.i in self.places:
                return self.places[t.i]
        for c in tok.children:
            if c.dep_ == "dobj" and c.i in self.places:
                return self.places[c.i]
        # "... shifts to Brussels, where officials will meet": the clause's "where" names the place
        head = tok
        for _ in range(4):
            if head.dep_ == "relcl" and head.head.i in self.place_words \
                    and any(c.lower_ == "where" for c in head.children):
                return self.place_words[head.head.i]
            if head.head.i == head.i:
                break
            head = head.head
        if self.dateline_venue and not any(t is not None and meeting_word(t, self.venue_words) for t in (tok, support)):
            # "ADDIS ABABA - ... signed a ceasefire in the Ethiopian capital ... the release of detained
            # fighters": the reporter went where the parties met; the story's other acts happened elsewhere
            return None
        return self.dateline_place

    def _trigger(self, tok: Token, verb: bool) -> Span:
        end = tok
        if verb:
            for c in tok.children:
                if c.dep_ == "prt" and c.i == end.i + 1:
                    end = c
        start = tok.idx
        stop = end.idx + len(end)
        return Span(start, stop, self.analysis.text[start:stop])
