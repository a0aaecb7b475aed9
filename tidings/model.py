"""The data model shared by every layer, and its JSON form (schema ``tidings.analysis/1``).

Every extracted item carries character offsets (``start``, ``end``) into ``Analysis.text``:
``text[start:end]`` is the evidence for it. Field names here are the JSON names; new fields may be
added, existing ones are kept stable.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "tidings.analysis/1"


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Standfirst:
    """A first paragraph restating the lede; ``duplicates`` is the index of the sentence it restates."""

    start: int
    end: int
    duplicates: int


@dataclass(frozen=True)
class Headline:
    """The article's headline, a sentence of its own: ``sentence`` is its index in ``sentences``;
    ``kind`` says how it was recognised: ``title`` (the first paragraph is the record's title),
    ``markdown`` (a ``# Heading`` line) or ``first-line`` (a first line written as a headline)."""

    start: int
    end: int
    text: str
    sentence: int
    kind: str


@dataclass(frozen=True)
class Summary:
    text: str
    sentences: list[int]


@dataclass(frozen=True)
class Inference:
    """Why something about an actor was read from the article around it rather than from its words.

    ``what`` says what was inferred: ``country`` (the country of a role that names none: "police" in
    a story from Caracas -> VENCOP), ``organisation`` (the organisation a role belongs to: "Alliance
    diplomats" after NATO), ``pronoun`` (a pronoun that stands for the actor: "he", "they")
    or ``description`` (a definite description that names it: "the alliance" after NATO; or, for a
    name no dictionary knows, the coded body its apposition names: "the KLF, Kenya's main rebel group").
    ``mention`` is the words it was inferred for; ``how`` the rule that decided (``possessor``,
    ``owner``, ``phrase``, ``headline-body``, ``same-sector``, ``coordinated``, ``dominant``, ``sentence-place``, ``story-place``, ``dateline``, ``named``,
    ``antecedent``, ``epithet``, ``appositive``, ``national``: extract/actor_context.py and actor_references.py explain each); ``evidence`` the words that supplied it (the dateline, the earlier name), or None;
    ``value`` what was given (a country code, the actor's code).
    """

    what: str
    mention: Span
    how: str
    evidence: Span | None
    value: str | None


@dataclass
class Actor:
    """A party in the news, with every place it is mentioned.

    ``code`` is CAMEO-style: country (ISO alpha-3) + sector (``RUSGOV``), or an IGO code (``IGONAT``
    style codes are written as the organisation's own, e.g. ``NATO``). ``None`` when unknown.
    ``extra_codes``: further codes the same words stand for, when a dictionary row gives several
    (``ELR/GAL``: the phrase names two actors at once); the event coder makes one event per code.
    Empty for most actors.
    ``inferred``: what was read from the context rather than the actor's own words, one entry per
    mention concerned (see ``Inference``); a pronoun or a description is among ``mentions`` and named
    here, so a view can tell it from a name. Empty for most actors.
    """

    id: str
    code: str | None
    country: str | None
    sector: str | None
    name: str
    kind: str = "organisation"  # country | organisation | igo | person | group
    mentions: list[Span] = field(default_factory=list)
    extra_codes: list[str] = field(default_factory=list)
    inferred: list[Inference] = field(default_factory=list)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect | mixed
    speaker: Span | None = None
    speaker_name: str | None = None
    actor: str | None = None  # Actor.id of the speaker, when linked
    cue: Span | None = None


@dataclass(frozen=True)
class TimeRef:
    """A time expression normalised to a TIMEX3 value (``2022-01-11``, ``2022-W02``, ``P3D``...)."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    anchor: str | None = None  # how the value was obtained: absolute | published | tense-past ...


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str = "city"  # city | country | region | continent


@dataclass(frozen=True)
class Venue:
    """A place the story's parties met in that is none of theirs: "Geneva" in "US and Russian envoys
    held talks in Geneva", or the dateline when it lies in such a country (the reporter went where
    the parties met). Its country is no party's country and not where the story's other acts
    happened (extract/actor_context.py decides)."""

    start: int
    end: int
    text: str
    country: str


@dataclass(frozen=True)
class Participant:
    """The source or target of an event: the words in the text, and the actor they name if known."""

    start: int
    end: int
    text: str
    actor: str | None = None  # Actor.id
    code: str | None = None  # the actor's CAMEO-style code


@dataclass(frozen=True)
class EventPlace:
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None  # the place words in the text; None when taken from the dateline
    end: int | None = None


@dataclass
class Event:
    """Who did what to whom, when and where, with the evidence for it.

    ``cameo`` is the most specific CAMEO code found (leading zeros kept); ``plover`` its PLOVER type
    (None for CAMEO 01 statements); ``mode`` is asserted, negated, future, hypothetical or background (done, but placed months or
    years before the article);
    ``evidence`` names the pattern that fired (file:line and the pattern itself).

    ``symmetric``: the relation has no direction (talks, meetings, clashes, ceasefires between A and
    B). Such an event is coded once, the first-named party as ``source``, and means "between source
    and target": dyad counts treat it as undirected (see ``tidings/store/rollups.py``). JSON written
    before the field existed reads as False.
    """

    id: str
    source: Participant | None
    target: Participant | None
    cameo: str
    plover: str | None
    quad: int
    goldstein: float
    mode: str
    date: str | None
    place: EventPlace | None
    trigger: Span
    sentence: int
    confidence: float
    evidence: str
    symmetric: bool = False


@dataclass(frozen=True)
class LayerFailure:
    """A layer left out of one analysis: its extractor raised (a bug: ``error`` names the exception), or
    it was not run because a layer it needs failed (``error`` says which). The other layers stand."""

    layer: str
    error: str


@dataclass
class Analysis:
    """Everything tidings extracted from one article. ``failed_layers`` lists the layers left out
    because their extractor failed on this article (empty when all went well)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    sentences: list[Sentence] = field(default_factory=list)
    paragraphs: list[Sentence] = field(default_factory=list)
    standfirst: Standfirst | None = None
    headline: Headline | None = None
    summary: Summary | None = None
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dateline: Span | None = None
    #: the wire or outlet the opener credits ("AP - ", "GENEVA (Reuters) -"): the copy's source, not a place
    credit: Span | None = None
    warnings: list[str] = field(default_factory=list)
    failed_layers: list[LayerFailure] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {"schema": SCHEMA, "version": _version(), **data}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Analysis":
        """The inverse of ``to_json`` (fields it does not know are ignored)."""

        def span(d):
            return Span(d["start"], d["end"], d["text"]) if d else None

        def opt(kind, d):
            return kind(**d) if d else None

        return cls(
            id=data["id"], text=data["text"], title=data.get("title"), url=data.get("url"),
            published=data.get("published"),
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            paragraphs=[Sentence(**s) for s in data.get("paragraphs", [])],
            standfirst=opt(Standfirst, data.get("standfirst")),
            headline=opt(Headline, data.get("headline")),
            summary=opt(Summary, data.get("summary")),
            actors=[Actor(**{**a, "mentions": [span(m) for m in a.get("mentions", [])],
                             "inferred": [Inference(**{**i, "mention": span(i["mention"]), "evidence": span(i.get("evidence"))})
                                          for i in a.get("inferred", [])]})
                    for a in data.get("actors", [])],
            quotes=[Quote(**{**q, "speaker": span(q.get("speaker")), "cue": span(q.get("cue"))}) for q in data.get("quotes", [])],
            times=[TimeRef(**t) for t in data.get("times", [])],
            places=[Place(**p) for p in data.get("places", [])],
            venues=[Venue(**v) for v in data.get("venues", [])],
            events=[Event(**{**e, "source": opt(Participant, e.get("source")), "target": opt(Participant, e.get("target")),
                             "place": opt(EventPlace, e.get("place")), "trigger": span(e["trigger"])})
                    for e in data.get("events", [])],
            dateline=span(data.get("dateline")),
            credit=span(data.get("credit")),
            warnings=list(data.get("warnings", [])),
            failed_layers=[LayerFailure(**f) for f in data.get("failed_layers", [])],
        )

    def opener(self) -> tuple[int, int] | None:
        """Where the dateline and the credit lie together ("SPACE.com - TORONTO"): the characters a
        parser may take for part of the first sentence, though they only say where the copy is from."""
        spans = [s for s in (self.dateline, self.credit) if s is not None]
        if not spans:
            return None
        return min(s.start for s in spans), max(s.end for s in spans)

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence that contains character ``offset``."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None


def _version() -> str:
    from tidings import __version__

    return __version__


@dataclass
class Article:
    """An article as it comes in, before analysis. ``origin`` names where it came from (for errors)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    origin: str | None = None
    outlet: str | None = None  # the publisher ("Reuters", "example.com"), for counting sources
