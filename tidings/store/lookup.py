"""Small look-ups the ingest runner needs beyond the write API."""
from __future__ import annotations


def original_for_hash(store, content_hash: str) -> str | None:
    """The id of the stored article with this text (following a copy to its original), or None."""
    row = store.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
    if row is None:
        row = store.conn.execute(
            "SELECT a.id FROM copies c JOIN articles a ON a.aid = c.aid WHERE c.content_hash = ?", (content_hash,)
        ).fetchone()
    return row[0] if row else None


def stored_under_id(store, article_id: str) -> tuple[str, str | None] | None:
    """What the store holds under ``article_id``: ``(content hash, pipeline version)`` for an
    article, ``(content hash, None)`` for a copy of another article, or None."""
    row = store.conn.execute("SELECT content_hash, pipeline_version FROM articles WHERE id = ?",
                             (article_id,)).fetchone()
    if row is None:
        row = store.conn.execute("SELECT content_hash, NULL FROM copies WHERE id = ?", (article_id,)).fetchone()
    return (row[0], row[1]) if row else None
