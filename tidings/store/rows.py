"""Turning an ``Article`` + ``Analysis`` into the rows the store writes (no SQL here).

Kept apart from the writer so the benchmark's bulk builder can make the same ``Prepared`` rows without
building ``Analysis`` objects, and go through the same insert and rollup code.
"""
from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from tidings.model import Analysis, Article, Event

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Column order of the tuples below; the writer's INSERTs use these names.
ARTICLE_COLS = ("id", "url", "title", "outlet", "published", "day", "text", "content_hash", "pipeline_version",
                "analysis", "story_id", "ingested_at", "run")
EVENT_COLS = ("event_id", "sentence", "src", "src_name", "src_country", "src_start", "src_end",
              "tgt", "tgt_name", "tgt_country", "tgt_start", "tgt_end", "cameo", "plover", "quad", "goldstein",
              "mode", "date", "day", "place_name", "place_country", "lat", "lon", "trig_start", "trig_end",
              "evidence", "confidence", "symmetric")
QUOTE_COLS = ("speaker_name", "actor_code", "kind", "text", "start", "end", "speaker_start", "speaker_end")
MENTION_COLS = ("actor_id", "code", "name", "kind", "count")


@dataclass
class Prepared:
    """One article's rows, ready to insert (``aid`` is added by the writer)."""

    article: tuple
    events: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    signature: bytes | None = None

    @property
    def id(self) -> str:
        return self.article[0]

    @property
    def content_hash(self) -> str:
        return self.article[7]

    def codes(self) -> set[str]:
        found = {row[2] for row in self.events if row[2]} | {row[7] for row in self.events if row[7]}
        return found | {row[1] for row in self.mentions if row[1]}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` starts with a full date, else None (``2022-W02``, ``P3D``...)."""
    return value[:10] if value and _DAY.match(value) else None


def signature_bytes(signature: Any) -> bytes | None:
    """The MinHash as bytes: bytes-like as is, a datasketch ``MinHash`` by its hash values."""
    if signature is None:
        return None
    if isinstance(signature, (bytes, bytearray, memoryview)):
        return bytes(signature)
    if hasattr(signature, "hashvalues"):
        return signature.hashvalues.tobytes()
    raise TypeError(f"signature must be bytes or a MinHash, not {type(signature).__name__}")


def analysis_json(analysis: Analysis) -> bytes:
    """``Analysis.to_json()`` without the text (the articles row holds it once), zlib-compressed."""
    data = analysis.to_json()
    data.pop("text", None)
    return pack_json(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def pack_json(text: str) -> bytes:
    # level 1: most of the gain (JSON is repetitive) for a fraction of the CPU of level 9
    return zlib.compress(text.encode("utf-8"), 1)


def unpack_json(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob))


def prepare(article: Article, analysis: Analysis, content_hash: str, pipeline_version: str,
            signature: Any = None, story_id: str | None = None, ingested_at: str | None = None,
            run: str | None = None) -> Prepared:
    """The rows of one article. Its day is its published date; an article without one is undated (day
    None), and so is each of its events unless the event's own date is a full day: the day it was
    ingested says nothing about when it happened. ``run`` names the ingest run that stored it."""
    ingested_at = ingested_at or now_iso()
    published = day_of(analysis.published) or day_of(article.published)
    day = published
    row = (article.id, article.url or analysis.url, article.title or analysis.title, article.outlet, published, day,
           analysis.text, content_hash, pipeline_version, analysis_json(analysis),
           None if story_id is None else str(story_id), ingested_at, run)
    return Prepared(row, event_rows(analysis, day), quote_rows(analysis), mention_rows(analysis),
                    signature_bytes(signature))


def event_rows(analysis: Analysis, article_day: str | None) -> list[tuple]:
    actors = {a.id: a for a in analysis.actors}
    return [_event_row(e, actors, article_day) for e in analysis.events]


def _side(p, actors) -> tuple:
    if p is None:
        return (None, None, None, None, None)
    actor = actors.get(p.actor) if p.actor else None
    code = p.code or (actor.code if actor else None)
    return (code, actor.name if actor else p.text, actor.country if actor else None, p.start, p.end)


def _event_row(e: Event, actors: dict, article_day: str | None) -> tuple:
    place = e.place
    return (e.id, e.sentence, *_side(e.source, actors), *_side(e.target, actors), e.cameo, e.plover, int(e.quad),
            float(e.goldstein), e.mode, e.date, day_of(e.date) or article_day,
            place.name if place else None, place.country if place else None,
            place.lat if place else None, place.lon if place else None,
            e.trigger.start, e.trigger.end, e.evidence, e.confidence, int(e.symmetric))


def quote_rows(analysis: Analysis) -> list[tuple]:
    codes = {a.id: a.code for a in analysis.actors}
    return [(q.speaker_name or (q.speaker.text if q.speaker else None), codes.get(q.actor) if q.actor else None,
             q.kind, q.text, q.start, q.end, q.speaker.start if q.speaker else None,
             q.speaker.end if q.speaker else None) for q in analysis.quotes]


def mention_rows(analysis: Analysis) -> list[tuple]:
    return [(a.id, a.code, a.name, a.kind, len(a.mentions)) for a in analysis.actors]
