"""Group analysed articles into stories, incrementally, over a sliding time window.

An article is described by a small weighted feature vector: the content words of its title and summary
(the lede when there is no summary), the actors it names (CAMEO-style codes with a country or an IGO,
and the names of people and organisations), the places (cities and regions, and countries more weakly)
and the source-target pairs of its events. Events are only one ingredient, so grouping still works
when the event coder finds nothing.

A story keeps the sum of its articles' (unit) vectors, cut to its ``CENTROID_SIZE`` heaviest
features, so it stays small however many articles join. A new article joins the open story whose
centroid is most similar (cosine) when that similarity reaches ``threshold``; otherwise it starts a
story. A story accepts articles dated within ``window_days`` of its first and last article, so a
week of talks is one story and the same dispute a month later is a new one.

Candidate stories are found through an inverted index (feature -> open stories), so an article is
compared only with stories it shares a feature with, never with every open story. Stories whose last
article is more than two windows behind the newest date seen leave the index (the slack of one extra
window lets input that is not sorted by date still find its story).

An undated article (no published date) has no place in time, so no window can say which stories it may
join; it is not given the newest date seen either (a whole undated archive would then be one week, and
its stories would never close). Undated articles form stories of their own, apart from dated ones, by
content alone and only within their ingest run (``run``): an undated article joins an undated story of
its run whose first article is among the run's last ``UNDATED_WINDOW`` undated articles. Each run's
undated stories have their own index, so dated articles are grouped exactly as if no undated article
had been seen.

The story title is the title of its most central article: each titled article that joins challenges
the current title article, and wins when its vector is closer to the updated centroid (by a margin,
so titles do not flicker). The story summary is that article's summary, so title and summary always
come from the same article. All of it is deterministic: the same articles in the same order give the
same stories and ids (``S`` + a hash of the story's first article id).

A grouper saved and restored (``Story.to_json``, ``StoryGrouper.from_stories`` with the stories in
creation order) goes on exactly as the one that was never stopped: the JSON keeps every weight to the
last bit, and every sum of weights is taken with ``math.fsum``, whose result does not depend on the
order of the terms (a restored centroid lists its features in another order than the live one).
``story_store`` keeps a store's stories this way across runs, kills and concurrent writers.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterable

from tidings.extract.structure import content_words
from tidings.ingest.dedupe import strip_opener
from tidings.model import Analysis

#: cosine similarity of an article to a story's centroid needed to join it. Measured on the fixtures of
#: tests/test_stories.py: articles of one week of talks score 0.19-0.37 against each other and 0.29
#: against the story they join; unrelated news of the same week scores 0.00-0.10 against them
THRESHOLD = 0.2
WINDOW_DAYS = 7
#: an undated article may join an undated story of its run whose first article is among the run's last
#: this many undated articles: the stand-in for the time window when there is no time (a file or feed
#: read in one run is mostly in the order it was published, so neighbours in it are neighbours in time)
UNDATED_WINDOW = 200
#: features a story keeps (the heaviest); enough for a story's vocabulary, small enough to store
CENTROID_SIZE = 64
#: a challenger article must beat the title article's centrality by this much to take the title
TITLE_MARGIN = 0.05
#: a feature in more open stories than this does not nominate candidates (see StoryGrouper._best)
POSTING_LIMIT = 40
#: candidates (by their score on rare features) that get the full similarity computed
MAX_CANDIDATES = 24
#: an article shares at least this many features with a story it joins: one shared headline word
#: between two short items can reach the threshold on its own
MIN_SHARED = 2

#: feature weights by kind: names and event pairs say more about which story it is than a word does
WEIGHTS = {"w": 1.0, "t": 1.5, "a": 2.0, "s": 1.0, "n": 2.0, "p": 1.5, "c": 0.75, "d": 2.0}

# words every story uses: days, months, agency names and reporting verbs
_GENERIC = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks month months
    year years day days january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec reuters wire afp news agency told says saying
    statement spokesman spokeswoman official officials reporters percent people time including""".split()
)
# actor codes with no country or organisation in them: they do not tell stories apart
_BARE_SECTORS = frozenset("GOV MIL BUS CVL COP JUD LEG OPP REB MED EDU HLH LAB REL ELI IGO NGO SPY UAF CRM".split())


#: the key of the dated stories' index (the undated stories' indexes are keyed by their run, a str or None)
_DATED = ("dated",)


@dataclass(frozen=True)
class StoryAssignment:
    story_id: str
    is_new: bool
    score: float = 1.0  # similarity to the story it joined; 1.0 for a new story


@dataclass
class Story:
    id: str
    title: str | None
    summary: str | None
    first: str | None  # ISO date of the earliest article
    last: str | None  # ISO date of the latest article
    articles: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of the articles' unit vectors
    title_article: str | None = None  # the article the title and summary come from
    title_vector: dict[str, float] = field(default_factory=dict)  # its features, to re-judge centrality
    #: an undated story: the ingest run of its articles and the place of its first article among that
    #: run's undated articles (0, 1, ...); None for a dated story
    run: str | None = None
    undated_from: int | None = None

    @property
    def undated(self) -> bool:
        return self.undated_from is not None

    def to_json(self) -> dict[str, Any]:
        """The whole state, weights exact (JSON writes a float's shortest repr, which reads back to the
        same float): a story restored from it scores every article exactly as before."""
        data = {
            "id": self.id, "title": self.title, "summary": self.summary, "first": self.first,
            "last": self.last, "articles": list(self.articles),
            "centroid": dict(sorted(self.centroid.items())),
            "title_article": self.title_article,
            "title_vector": dict(sorted(self.title_vector.items())),
        }
        if self.undated:
            data["run"], data["undated_from"] = self.run, self.undated_from
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Story":
        return cls(
            id=data["id"], title=data.get("title"), summary=data.get("summary"), first=data.get("first"),
            last=data.get("last"), articles=list(data.get("articles", [])),
            centroid={k: float(v) for k, v in data.get("centroid", {}).items()},
            title_article=data.get("title_article"),
            title_vector={k: float(v) for k, v in data.get("title_vector", {}).items()},
            run=data.get("run"), undated_from=data.get("undated_from"),
        )


def story_id(first_article_id: str) -> str:
    return "S" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def article_features(analysis: Analysis, title: str | None = None) -> dict[str, float]:
    """The article's weighted features, scaled to unit length. Feature names carry their kind:
    ``w:`` word, ``t:`` title word, ``a:`` actor (country or organisation code), ``s:`` actor code
    with its sector, ``n:`` name, ``p:`` place, ``c:`` country,
    ``d:`` event dyad (the two actor codes, sorted)."""
    feats: dict[str, float] = {}

    def put(key: str, kind: str) -> None:
        feats[key] = max(feats.get(key, 0.0), WEIGHTS[kind])

    title = title if title is not None else analysis.title
    for w in _words(title or ""):
        put("t:" + w, "t")
    for w in _words(_lede(analysis)):
        if "t:" + w not in feats:
            put("w:" + w, "w")
    for actor in analysis.actors:
        code = actor.code or ""
        if code and code not in _BARE_SECTORS:
            # "RUSGOV" and "RUS" are the same party at two levels of detail: the root carries the
            # weight, so "Moscow" (RUSGOV) in one report meets "Russia" (RUS) in another
            root = actor.country if actor.country and code.startswith(actor.country) else code
            put("a:" + root, "a")
            if root != code:
                put("s:" + code, "s")
        if actor.kind in ("person", "organisation", "igo") and actor.name[:1].isupper():
            put("n:" + " ".join(actor.name.lower().split()), "n")
    for place in analysis.places:
        if place.kind in ("city", "region"):
            put("p:" + place.name.lower(), "p")
        if place.country:
            put("c:" + place.country, "c")
    for event in analysis.events:
        codes = sorted({p.code for p in (event.source, event.target) if p is not None and p.code})
        if len(codes) == 2:
            put("d:" + "|".join(codes), "d")
    norm = _norm(feats) or 1.0
    return {k: v / norm for k, v in feats.items()}


def _lede(analysis: Analysis) -> str:
    if analysis.summary is not None and analysis.summary.text:
        return strip_opener(analysis.summary.text)
    text = analysis.text
    if analysis.sentences:  # no summary: the first two sentences
        return strip_opener(text[analysis.sentences[0].start:analysis.sentences[min(1, len(analysis.sentences) - 1)].end])
    return strip_opener(text[:400])


def _words(text: str) -> set[str]:
    words = {w.removesuffix("'s").rstrip("'") for w in content_words(text.replace("\u2019", "'"))}
    return {w for w in words if len(w) > 2 and w not in _GENERIC and not w.isdigit()}


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(math.fsum(v * v for v in vector.values()))


def _cosine(a: dict[str, float], b: dict[str, float], b_norm: float | None = None) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = math.fsum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / (_norm(a) * (b_norm if b_norm is not None else _norm(b)))


class StoryGrouper:
    """Assigns articles to stories; ``stories`` holds every story, by id, in order of creation."""

    def __init__(self, window_days: int = WINDOW_DAYS, threshold: float = THRESHOLD,
                 centroid_size: int = CENTROID_SIZE):
        self.window_days = window_days
        self.threshold = threshold
        self.centroid_size = centroid_size
        self.stories: dict[str, Story] = {}
        # one inverted index (feature -> ids of open stories whose centroid has it) for the dated stories
        # (key _DATED) and one for each run's undated stories (key: the run)
        self._indexes: dict[Any, dict[str, set[str]]] = {_DATED: {}}
        self._open: dict[str, tuple[int | None, int | None]] = {}  # open story id -> (first, last) day
        self._undated_seen: dict[str | None, int] = {}  # run -> undated articles assigned so far
        self._undated_open: dict[str | None, deque[str]] = {}  # run -> its open undated stories, oldest first
        self._norms: dict[str, float] = {}
        self._rank: dict[str, int] = {}  # creation order, for deterministic tie-breaking
        self._clock: int | None = None  # the newest article date seen
        self._story_of: dict[str, str] = {}  # article id -> story id

    # the public API ---------------------------------------------------------------------------
    def assign(self, article_id: str, published: str | None, analysis: Analysis,
               title: str | None = None, run: str | None = None) -> StoryAssignment:
        """Put one article into a story. An article already assigned keeps its story. ``run`` names the
        ingest run; it matters only for an undated article, which joins only undated stories of its run."""
        if article_id in self._story_of:
            return StoryAssignment(self._story_of[article_id], False, 1.0)
        day = _day(published) or _day(analysis.published)
        if day is not None and (self._clock is None or day > self._clock):
            self._clock = day
            self._expire()
        undated_from = None
        if day is None:
            undated_from = self._undated_seen.get(run, 0)
            self._undated_seen[run] = undated_from + 1
            self._expire_undated(run, undated_from)
        vector = article_features(analysis, title)
        title = title if title is not None else analysis.title
        best, score = self._best(vector, day, _DATED if day is not None else run)
        if best is None:
            story = self._new_story(article_id, day, vector, title, analysis, run, undated_from)
            self._story_of[article_id] = story.id
            return StoryAssignment(story.id, True, 1.0)
        self._join(self.stories[best], article_id, day, vector, title, analysis)
        self._story_of[article_id] = best
        return StoryAssignment(best, False, round(score, 4))

    def open_stories(self) -> list[Story]:
        """Stories that can still take articles (those in the candidate index)."""
        return [self.stories[sid] for sid in self._open]

    @classmethod
    def from_stories(cls, stories: Iterable[Story], **options) -> "StoryGrouper":
        """A grouper that goes on from stories saved by an earlier run. Pass them in the order they were
        created (ties between equally similar stories go to the older one, and only the oldest
        ``MAX_CANDIDATES`` of equal promise are compared), and at least every story still open: those
        whose last date is within two windows of the newest last date, and every undated story of each
        run that is to go on (a run's undated stories also tell how many undated articles it has had)."""
        grouper = cls(**options)
        for story in stories:
            grouper._rank[story.id] = len(grouper._rank)
            grouper.stories[story.id] = story
            grouper._story_of.update(dict.fromkeys(story.articles, story.id))
            last = _day(story.last)
            if last is not None and (grouper._clock is None or last > grouper._clock):
                grouper._clock = last
            if story.undated:
                seen = grouper._undated_seen
                seen[story.run] = seen.get(story.run, 0) + len(story.articles)
        for story in grouper.stories.values():
            if story.undated or story.first is not None or story.last is not None:
                # an undated story from before undated stories had a run takes no article any more
                grouper._open_story(story)
        grouper._expire()
        for run, seen in grouper._undated_seen.items():
            grouper._expire_undated(run, seen)
        return grouper

    # matching ---------------------------------------------------------------------------------
    def _best(self, vector: dict[str, float], day: int | None, index_key: Any) -> tuple[str | None, float]:
        # Candidates come from the postings of the article's rarer features (visited rarest first);
        # a feature shared by more than POSTING_LIMIT open stories ("talks", "percent") is never walked,
        # it only adds to the score of stories already found. That bounds the work per article, and a
        # story sharing nothing but common words with the article would not pass the threshold anyway.
        terms: dict[str, list[float]] = {}  # story -> the products of its shared features' weights
        common = []
        index = self._indexes.get(index_key, {})
        for feat in sorted(vector, key=lambda f: (len(index.get(f, ())), f)):
            ids = index.get(feat)
            if not ids:
                continue
            if len(ids) > POSTING_LIMIT:
                common.append(feat)
                continue
            weight = vector[feat]
            for sid in ids:
                terms.setdefault(sid, []).append(weight * self.stories[sid].centroid[feat])
        if len(terms) > MAX_CANDIDATES:  # only the most promising get their common features added
            rare = {sid: math.fsum(t) for sid, t in terms.items()}
            top = sorted(rare, key=lambda sid: (-rare[sid], self._rank[sid]))[:MAX_CANDIDATES]
            terms = {sid: terms[sid] for sid in top}
        for feat in common:
            weight = vector[feat]
            for sid, found in terms.items():
                value = self.stories[sid].centroid.get(feat)
                if value is not None:
                    found.append(weight * value)
        best, best_key = None, None
        for sid, found in terms.items():
            if len(found) < MIN_SHARED or not self._in_window(sid, day):
                continue
            score = math.fsum(found) / self._norms[sid]  # the article vector has unit length
            key = (score, -self._rank[sid])
            if score >= self.threshold and (best_key is None or key > best_key):
                best, best_key = sid, key
        return (best, best_key[0]) if best is not None else (None, 0.0)

    def _in_window(self, sid: str, day: int | None) -> bool:
        first, last = self._open[sid]
        if day is None or first is None or last is None:
            return True
        return first - self.window_days <= day <= last + self.window_days

    # story state ------------------------------------------------------------------------------
    def _new_story(self, article_id: str, day: int | None, vector: dict[str, float], title: str | None,
                   analysis: Analysis, run: str | None = None, undated_from: int | None = None) -> Story:
        sid = story_id(article_id)
        date = dt.date.fromordinal(day).isoformat() if day is not None else None
        story = Story(sid, title, _summary(analysis), date, date, [article_id], dict(vector),
                      article_id, dict(vector), run if undated_from is not None else None, undated_from)
        self._rank[sid] = len(self._rank)
        self.stories[sid] = story
        self._truncate(story)
        # an article already more than two windows behind the clock starts a story that can take nothing:
        # closed at once, as a grouper restored from the store (``from_stories``) would find it, so that a
        # writer that reloads between two late articles groups them as one that did not
        if day is None or self._clock is None or day >= self._clock - 2 * self.window_days:
            self._open_story(story)
        return story

    def _join(self, story: Story, article_id: str, day: int | None, vector: dict[str, float],
              title: str | None, analysis: Analysis) -> None:
        self._close_story(story.id)
        story.articles.append(article_id)
        for feat, weight in vector.items():
            story.centroid[feat] = story.centroid.get(feat, 0.0) + weight
        self._truncate(story)
        if day is not None:
            date = dt.date.fromordinal(day).isoformat()
            story.first = min(story.first, date) if story.first else date
            story.last = max(story.last, date) if story.last else date
        if title:
            incumbent = _cosine(story.title_vector, story.centroid) if story.title else -1.0
            if _cosine(vector, story.centroid) > incumbent + TITLE_MARGIN:
                story.title, story.summary = title, _summary(analysis)
                story.title_article, story.title_vector = article_id, dict(vector)
        self._open_story(story)

    def _truncate(self, story: Story) -> None:
        if len(story.centroid) > self.centroid_size:
            keep = sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: self.centroid_size]
            story.centroid = dict(keep)

    def _index_of(self, story: Story) -> dict[str, set[str]]:
        return self._indexes.setdefault(story.run if story.undated else _DATED, {})

    def _open_story(self, story: Story) -> None:
        if story.undated and story.id not in self._open:
            queue = self._undated_open.setdefault(story.run, deque())
            if not queue or self.stories[queue[-1]].undated_from < story.undated_from:
                queue.append(story.id)  # stories are opened in the order they were created
        self._open[story.id] = (_day(story.first), _day(story.last))
        self._norms[story.id] = _norm(story.centroid) or 1.0
        index = self._index_of(story)
        for feat in story.centroid:
            index.setdefault(feat, set()).add(story.id)

    def _close_story(self, sid: str) -> None:
        if self._open.pop(sid, None) is None:
            return
        index = self._index_of(self.stories[sid])
        for feat in self.stories[sid].centroid:
            ids = index.get(feat)
            if ids is not None:
                ids.discard(sid)
                if not ids:
                    del index[feat]

    def _expire_undated(self, run: str | None, seen: int) -> None:
        """Close the undated stories of ``run`` whose first article is not among the run's last
        ``UNDATED_WINDOW`` undated articles, ``seen`` of them having been assigned before the next one."""
        queue = self._undated_open.get(run)
        while queue and self.stories[queue[0]].undated_from < seen - UNDATED_WINDOW:
            self._close_story(queue.popleft())

    def _expire(self) -> None:
        """Take stories out of the index once no article within the slack can join them."""
        if self._clock is None:
            return
        horizon = self._clock - 2 * self.window_days
        for sid in [sid for sid, (_, last) in self._open.items() if last is not None and last < horizon]:
            self._close_story(sid)


def _summary(analysis: Analysis) -> str | None:
    if analysis.summary is not None and analysis.summary.text:
        return analysis.summary.text
    if analysis.sentences:
        s = analysis.sentences[0]
        return analysis.text[s.start:s.end]
    return None
