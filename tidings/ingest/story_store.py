"""A store's stories, kept one grouping however the articles arrive: in one run or several, after a
kill, or from several writers at once.

The grouping is a function of the articles and the order they were committed in: an article is
assigned to its story inside the transaction that stores it, while that transaction holds the
store's write lock, by a grouper that holds exactly the committed stories. So the stories of a store
are those one ``StoryGrouper`` would make going through its articles in the order they were first
stored (``Store.grouped_articles``), whichever process stored them, and ``check_stories`` verifies it.

How the grouper in memory is known to hold the committed stories: every batch that writes stories also
writes a fresh random token (``story_sync``). A writer remembers the token it wrote; finding another one
when it next takes the write lock (another process wrote since, or its own batch was rolled back), it
reloads the open stories from the store, in the order they were created, exactly as saved.

Undated articles form stories only within their ingest run (``StoryGrouper``): a writer loads the
dated stories still open and the undated stories of its own run, never another run's.

An article already stored keeps its story (a copy posted again, a text re-analysed by a new pipeline
version); it is not grouped again.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Iterable

from tidings.ingest.stories import WINDOW_DAYS, Story, StoryAssignment, StoryGrouper
from tidings.model import Analysis
from tidings.store import Store
from tidings.store.sqlite import Batch


@dataclass(frozen=True)
class ToGroup:
    """One article on its way into the store: what the grouper reads of it."""

    article_id: str
    content_hash: str | None
    published: str | None
    analysis: Analysis
    title: str | None


def story_record(story: Story) -> dict:
    """The story's state as the store keeps it (the store reads first_date/last_date for its columns)."""
    return {**story.to_json(), "first_date": story.first, "last_date": story.last}


class StoredStories:
    """The story grouper of one writer (an ``Ingestor``), in step with the store's committed stories.

    In a batch: ``assign`` the batch's articles (after the batch's ``BEGIN IMMEDIATE``), write the
    articles with their story ids, then ``save`` the stories they changed. Both only inside the batch.
    """

    def __init__(self, store: Store, run: str | None = None, **grouper_options):
        self.store = store
        self.run = run  # the ingest run of the articles this writer stores
        self.options = grouper_options
        self._grouper: StoryGrouper | None = None
        self._token: str | None = None  # the token of the stories the grouper holds; None: unknown
        self._read_token: str | None = None  # the store's token when this batch began
        self._changed: dict[str, Story] = {}

    def assign(self, tx: Batch, articles: Iterable[ToGroup]) -> dict[str, StoryAssignment]:
        """Each article's story, by article id. ``tx`` must be open: its write lock is what keeps another
        writer from changing the stories between this reading them and ``save`` writing them."""
        self._read_token = self.store.story_token()
        if self._grouper is None or self._read_token != self._token:
            self._grouper = self._load()
        # the grouper is about to run ahead of the store: until ``save`` it cannot be trusted again
        self._token = None
        assignments: dict[str, StoryAssignment] = {}
        for item in articles:
            known = self.store.story_of(item.article_id, item.content_hash)
            if known is not None:
                assignments[item.article_id] = StoryAssignment(known, False)
                continue
            assignment = self._grouper.assign(item.article_id, item.published, item.analysis, item.title, self.run)
            assignments[item.article_id] = assignment
            self._changed[assignment.story_id] = self._grouper.stories[assignment.story_id]
        return assignments

    def save(self, tx: Batch) -> None:
        """Write the stories changed since the last save, new ones in the order they were created, and
        mark the store with a new token."""
        if not self._changed:  # nothing written: the stories in memory are still the committed ones
            self._token = self._read_token
            return
        rank = {sid: i for i, sid in enumerate(self._grouper.stories)}
        for story in sorted(self._changed.values(), key=lambda s: rank[s.id]):
            tx.upsert_story(story_record(story))
        self._changed = {}
        token = uuid.uuid4().hex
        tx.set_story_token(token)
        self._token = token  # if the batch rolls back, the store keeps its old token: a reload follows

    def _load(self) -> StoryGrouper:
        self._changed = {}
        window = self.options.get("window_days", WINDOW_DAYS)
        latest = self.store.latest_story_date()
        # the grouper's own rule (StoryGrouper._expire): a story more than two windows behind the newest
        # date can take no article; only the others are read
        since = (dt.date.fromisoformat(latest) - dt.timedelta(days=2 * window)).isoformat() if latest else None
        return StoryGrouper.from_stories((Story.from_json(s) for s in self.store.open_stories(since, self.run)),
                                         **self.options)


def regroup(store: Store, **grouper_options) -> StoryGrouper:
    """The stories one grouper makes going through the store's articles in the order they were stored."""
    grouper = StoryGrouper(**grouper_options)
    for article_id, title, _, analysis, run in store.grouped_articles():
        grouper.assign(article_id, analysis.published, analysis, title, run)
    return grouper


def check_stories(store: Store, **grouper_options) -> list[str]:
    """Differences between the stored stories (each article's story, each story's saved state and
    article count) and ``regroup``; empty when they agree exactly. Articles re-analysed by another
    pipeline version keep the story their first analysis gave them, so a store with such articles
    may differ from a regrouping of the new analyses."""
    grouper = regroup(store, **grouper_options)
    problems = []
    expected = {a: sid for sid, story in grouper.stories.items() for a in story.articles}
    for article_id, _, story_id, _, _ in store.grouped_articles():
        if story_id != expected.get(article_id):
            problems.append(f"article {article_id}: in story {story_id}, regrouping puts it in {expected.get(article_id)}")
    saved = store.stories_saved()
    for sid in sorted(saved.keys() - grouper.stories.keys()):
        problems.append(f"story {sid}: stored, but regrouping makes no such story")
    for sid, story in grouper.stories.items():
        if sid not in saved:
            problems.append(f"story {sid}: regrouping makes it, the store lacks it")
            continue
        state, count = saved[sid]
        if state != story_record(story):
            keys = sorted(k for k in state.keys() | story_record(story).keys()
                          if state.get(k) != story_record(story).get(k))
            problems.append(f"story {sid}: saved state differs from regrouping in {', '.join(keys)}")
        if count != len(story.articles):
            problems.append(f"story {sid}: article_count {count}, regrouping gives it {len(story.articles)} articles")
    return problems
