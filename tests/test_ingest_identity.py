"""Which article is which, and counting every item once: the runner (``Ingestor``) over real files in
temporary folders and a real SQLite store. All text is made up."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tidings.errors import IdConflict
from tidings.ingest.runner import IngestSummary, Ingestor
from tidings.ingest.sources import SourceOptions, iter_articles
from tidings.store import Store

HARBOUR = ("Negotiators from the two port cities left the meeting hall on Tuesday evening without signing the "
           "draft agreement on shared dredging costs, officials said. The mayor of the northern city told "
           "reporters that another round would be held next month.")
ORCHARD = ("A late frost damaged apple blossom across the valley this week, growers said on Thursday. The "
           "regional farmers' union asked the agriculture ministry for emergency help with replanting.")
BRIDGE = ("The old rail bridge over the river will close for six weeks of repairs from Monday, the transport "
          "authority announced. Replacement buses will run every twenty minutes between the two stations.")
FERRY = ("The ferry crews' union called off Friday's strike after the operator raised its pay offer, the union "
         "said on Wednesday. Sailings to the islands will run as timetabled through the holiday weekend.")
# the harbour report re-posted by another outlet with a new first line and a word changed
HARBOUR_REPOST = "Port talks: " + HARBOUR.replace("another round", "a further round")


def ingest(db: Path, sources: list, pipeline, **options) -> IngestSummary:
    with Store.open(db) as store:
        summary = Ingestor(store, pipeline, batch_size=3, **options).ingest(
            iter_articles([str(s) for s in sources], SourceOptions()))
        assert store.check_rollups() == []
    assert summary.unaccounted == 0, summary
    return summary


def stored(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, text FROM articles"))


def jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_identity_same_file_name_in_two_folders_is_two_articles(tmp_path, pipeline):
    news = tmp_path / "news"
    for desk, text in (("east", HARBOUR), ("west", ORCHARD), ("south", BRIDGE)):
        (news / desk).mkdir(parents=True)
        (news / desk / "index.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "news.db"
    first = ingest(db, [news], pipeline)
    assert (first.read, first.new) == (3, 3)
    assert stored(db) == {"east/index": HARBOUR, "west/index": ORCHARD, "south/index": BRIDGE}
    again = ingest(db, [news], pipeline)
    assert (again.read, again.new, again.already_stored, again.errors) == (3, 0, 3, [])
    assert stored(db) == {"east/index": HARBOUR, "west/index": ORCHARD, "south/index": BRIDGE}


def test_ingest_identity_an_edited_file_is_an_error_naming_it_unless_updating(tmp_path, pipeline):
    folder = tmp_path / "desk"
    folder.mkdir()
    story = folder / "bridge.txt"
    story.write_text(BRIDGE, encoding="utf-8")
    db = tmp_path / "news.db"
    ingest(db, [folder], pipeline)
    story.write_text(BRIDGE.replace("six weeks", "eight weeks"), encoding="utf-8")
    refused = ingest(db, [folder], pipeline)
    [err] = refused.errors
    assert isinstance(err, IdConflict) and err.article_id == "bridge"
    assert str(err) == (f"{story}: id 'bridge' is stored with another text; the stored one is kept (update it "
                        f"with --update)")
    assert stored(db) == {"bridge": BRIDGE}
    updated = ingest(db, [folder], pipeline, update=True)
    assert (updated.new, updated.updated, updated.errors) == (0, 1, [])
    assert stored(db) == {"bridge": BRIDGE.replace("six weeks", "eight weeks")}
    assert ingest(db, [folder], pipeline, update=True).already_stored == 1  # and it stays put


def test_ingest_identity_one_id_for_two_texts_in_one_run_keeps_the_first(tmp_path, pipeline):
    src = jsonl(tmp_path / "desk.jsonl", [{"id": "k1", "text": HARBOUR}, {"id": "k1", "text": HARBOUR},
                                          {"id": "k1", "text": ORCHARD}])
    db = tmp_path / "news.db"
    summary = ingest(db, [src], pipeline)
    assert (summary.new, summary.repeated, len(summary.errors)) == (1, 1, 1)
    assert str(summary.errors[0]) == (f"{src} line 3 (id k1): id 'k1' was given to another text earlier in this run "
                                      f"({src} line 1 (id k1)); this one is skipped")
    assert stored(db) == {"k1": HARBOUR}


def test_ingest_identity_the_counts_add_up_over_mixed_input(tmp_path, pipeline):
    db = tmp_path / "news.db"
    first = jsonl(tmp_path / "first.jsonl", [
        {"id": "harbour", "text": HARBOUR, "outlet": "Wire"},
        {"id": "harbour-copy", "text": HARBOUR, "outlet": "Daily"},       # exact duplicate
        {"id": "harbour-repost", "text": HARBOUR_REPOST},                 # near duplicate
        {"id": "harbour", "text": HARBOUR, "outlet": "Wire"},             # the same record again
        "{not json",                                                       # unreadable
        {"id": "blank", "text": "   "},                                    # empty
        {"id": "typed", "text": ORCHARD, "title": ["not", "a", "title"]},  # bad field type
        {"id": "stars", "text": "* * *"},                                  # no word characters
        {"id": "bangs", "text": "! ! !"},                                  # no word characters, another text
        {"id": "orchard", "text": ORCHARD},
        {"id": "orchard", "text": BRIDGE},                                 # the same id, another text
    ])
    one = ingest(db, [first], pipeline)
    assert (one.read, one.new, one.exact_duplicates, one.near_duplicates, one.repeated, len(one.errors)) == \
        (11, 4, 1, 1, 1, 4)
    second = jsonl(tmp_path / "second.jsonl", [
        {"id": "harbour", "text": HARBOUR},                # stored by the first run
        {"id": "harbour-copy", "text": HARBOUR},           # a copy, recorded by the first run
        {"id": "ferry", "text": FERRY},                    # new
        {"id": "bridge", "text": BRIDGE},                  # new
        {"id": "bridge-again", "text": BRIDGE},            # a copy of an article in the same batch
        {"id": "orchard", "text": FERRY.upper()},          # a stored id with another text
    ])
    two = ingest(db, [second], pipeline)
    assert (two.read, two.new, two.already_stored, two.exact_duplicates, len(two.errors)) == (6, 2, 2, 1, 1)
    assert set(stored(db)) == {"harbour", "stars", "bangs", "orchard", "ferry", "bridge"}


def test_ingest_identity_an_updated_copy_becomes_an_article_of_its_own(tmp_path, pipeline):
    db = tmp_path / "news.db"
    ingest(db, [jsonl(tmp_path / "a.jsonl", [{"id": "w", "text": HARBOUR}, {"id": "c", "text": HARBOUR}])], pipeline)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT num_articles FROM articles WHERE id = 'w'").fetchone() == (2,)
    summary = ingest(db, [jsonl(tmp_path / "b.jsonl", [{"id": "c", "text": ORCHARD}])], pipeline, update=True)
    assert (summary.updated, summary.new) == (1, 0)
    assert stored(db) == {"w": HARBOUR, "c": ORCHARD}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM copies").fetchone() == (0,)
        assert conn.execute("SELECT num_articles FROM articles WHERE id = 'w'").fetchone() == (1,)


def test_ingest_identity_a_nul_deep_in_an_article_from_any_source_is_refused(tmp_path, pipeline):
    from tidings.model import Article

    with Store.open(tmp_path / "news.db") as store:
        summary = Ingestor(store, pipeline).ingest([Article(id="posted", text=HARBOUR * 40 + "\x00" + ORCHARD,
                                                            origin="posted article posted")])
        assert store.counts()["articles"] == 0
    [err] = summary.failed
    assert err == (f"posted article posted: text contains a NUL character (at character {len(HARBOUR) * 40:,}): "
                   f"binary data, not text")
