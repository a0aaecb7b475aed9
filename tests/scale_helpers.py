"""What the scale tests share: a corpus with copies and refused items, and a store read back whole."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

#: every table a run writes, with the columns that say what was stored (not when: ``ingested_at`` and
#: ``updated_at`` are clock times), in a fixed order
STORED = {
    "articles": "SELECT aid, id, url, title, outlet, published, day, text, content_hash, pipeline_version, analysis, "
                "story_id, num_articles, num_sources FROM articles ORDER BY aid",
    "events": "SELECT * FROM events ORDER BY eid",
    "quotes": "SELECT * FROM quotes ORDER BY qid",
    "mentions": "SELECT * FROM mentions ORDER BY aid, actor_id",
    "copies": "SELECT id, aid, url, title, outlet, published, content_hash FROM copies ORDER BY id",
    "stories": "SELECT id, title, summary, first_date, last_date, article_count, state, seq FROM stories ORDER BY seq",
}

TEXTS = [
    "Russian and American diplomats held talks in Geneva on Monday, officials said.",
    "\"We will not accept these demands,\" the deputy secretary of state told reporters in Geneva.",
    "Protesters marched through Nairobi on Tuesday to demand lower food prices, police said.",
    "The European Union imposed new sanctions on Iran over its nuclear programme on Wednesday.",
    "Israeli troops raided a refugee camp in the West Bank, Palestinian officials said on Thursday.",
    "China's foreign minister met his Indian counterpart in Beijing to discuss the border dispute.",
    "Ukrainian forces shelled positions near Donetsk overnight, separatist officials claimed.",
    "The United Nations appealed for aid for flood victims in Pakistan on Friday.",
]


def write_corpus(path: Path, rounds: int = 6) -> Path:
    """JSON Lines of news-like records: distinct articles, an exact copy and a near copy of earlier ones
    (found before analysis, in a later batch than their original), and refused items (empty, binary)."""
    records = []
    for r in range(rounds):
        for i, text in enumerate(TEXTS):
            records.append({"id": f"r{r}-{i}", "title": f"Report {r}.{i}",
                            "text": f"{text} It was round {r} of the talks, number {r * 10 + i}.",
                            "published": f"2022-01-{10 + r:02d}"})
    records.insert(20, {"id": "copy-exact", "text": records[3]["text"], "published": "2022-01-12"})
    records.insert(30, {"id": "copy-near", "text": records[4]["text"] + " (AP)",
                        "published": "2022-01-13"})
    records.insert(12, {"id": "empty", "text": "   ", "published": "2022-01-11"})
    records.insert(25, {"id": "binary", "text": "\x00\x01\x02" * 50, "published": "2022-01-11"})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def stored(db: Path) -> dict[str, list[tuple]]:
    """Everything the store says about its articles, events, quotes, copies and stories."""
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(sql).fetchall() for table, sql in STORED.items()}
