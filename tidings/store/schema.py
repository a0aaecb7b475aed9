"""The store's SQLite schema, as an ordered list of migrations.

``schema_version`` holds one row per applied migration; the file's version is the highest. Opening a
file runs every migration above its version inside one ``BEGIN IMMEDIATE`` transaction (SQLite DDL is
transactional), so a crash mid-migration leaves the file at its old version. A file whose version is
above ``SCHEMA_VERSION`` was written by a newer tidings and is refused untouched (``StoreTooNew``).

Migrations are frozen once released: a change is a new function appended to ``MIGRATIONS``, never an
edit of an old one, because files in the wild were made by the old ones.

Tables (v2):

* ``articles``   one row per distinct text (``content_hash`` unique). ``analysis`` is
  ``Analysis.to_json()`` without ``text`` (stored once, in ``text``), zlib-compressed: the JSON is
  most of a store's bytes and compresses ~5x; SQL needs are served by the normalised tables. ``day`` is
  published, else (until v8) the ingest day; from v8 on, NULL: the article is undated.
  ``num_articles``/``num_sources`` count the article
  and its copies / their distinct outlets (GDELT NumArticles/NumSources), kept by ``add_copy``.
* ``copies``     near-duplicates stored as pointers to the original (no analysis of their own).
* ``signatures`` MinHash per article, for the deduper.
* ``events``     one row per coded event, normalised; ``base_code``/``root_code`` are virtual columns.
* ``quotes`` (+ ``quotes_fts`` when FTS5 is compiled in), ``mentions`` (actors per article),
  ``stories``, ``codes`` (every actor code seen: prefix filters expand to codes here, not by scanning
  events).
* rollups ``dyad_{day,month,year,total}`` and ``actor_{day,month,year,total}``: see ``rollups.py``.

v3 adds ``dyad_week`` and dyad-first indexes on ``dyad_month``/``dyad_year`` (series read the grain
they are asked for). v4 keeps row counts by trigger. v5 adds ``events.symmetric`` (1: an event with no
direction, coded once with the first-named party as source) and the ``pair_*`` rollups that count such
events per unordered pair; ``dyad_*`` count the directed events only. v6 adds ``stories_fts`` and
rebuilds ``quotes_fts`` with Porter stems: one full-text search for stories and quotes. v7 gives each
story its place in the order of creation (``stories.seq``) and adds ``story_sync``, the token of the
last committed story write (see ``tidings.ingest.story_store``): story grouping then goes on exactly
across runs and writers. v8 lets a day be unknown: ``articles.day`` and ``events.day`` are NULL for an
undated article (no published date) and its events (unless the event's own date is a full day), and
``articles.run``/``stories.run`` name the ingest run, within which alone undated articles form stories.
"""
from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from typing import Callable

from tidings.errors import StoreError, StoreTooNew


def _v1(conn: sqlite3.Connection, fts: bool) -> None:
    """Articles, analyses and their normalised layers."""
    _script(conn, """
    CREATE TABLE articles (
        aid              INTEGER PRIMARY KEY,      -- small int key: events refer to it 10M times
        id               TEXT NOT NULL UNIQUE,     -- Article.id / Analysis.id
        url              TEXT,
        title            TEXT,
        outlet           TEXT,
        published        TEXT,                     -- YYYY-MM-DD as given
        day              TEXT NOT NULL,            -- published, else ingest day
        text             TEXT NOT NULL,
        content_hash     TEXT NOT NULL UNIQUE,
        pipeline_version TEXT NOT NULL,
        analysis         BLOB NOT NULL,            -- zlib(Analysis.to_json() minus "text"), see rows.py
        story_id         TEXT,
        ingested_at      TEXT NOT NULL
    );
    CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
    CREATE INDEX articles_version ON articles(pipeline_version);
    CREATE INDEX articles_day ON articles(day);

    CREATE TABLE signatures (
        aid     INTEGER PRIMARY KEY REFERENCES articles(aid) ON DELETE CASCADE,
        minhash BLOB NOT NULL
    );

    CREATE TABLE events (
        eid           INTEGER PRIMARY KEY,         -- GLOBALEVENTID
        aid           INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
        event_id      TEXT NOT NULL,               -- Event.id inside the analysis
        sentence      INTEGER,
        src           TEXT, src_name TEXT, src_country TEXT, src_start INTEGER, src_end INTEGER,
        tgt           TEXT, tgt_name TEXT, tgt_country TEXT, tgt_start INTEGER, tgt_end INTEGER,
        cameo         TEXT NOT NULL,
        base_code     TEXT GENERATED ALWAYS AS (substr(cameo, 1, 3)) VIRTUAL,
        root_code     TEXT GENERATED ALWAYS AS (substr(cameo, 1, 2)) VIRTUAL,
        plover        TEXT,
        quad          INTEGER NOT NULL,
        goldstein     REAL NOT NULL,
        mode          TEXT NOT NULL,
        date          TEXT,                        -- Event.date as coded (may be partial / NULL)
        day           TEXT NOT NULL,               -- full date, else the article's day
        place_name    TEXT, place_country TEXT, lat REAL, lon REAL,
        trig_start    INTEGER, trig_end INTEGER,
        evidence      TEXT,
        confidence    REAL
    );
    -- One index per filter shape the query layer issues; each keeps eid (rowid) so a page of ids is
    -- answered from the index alone and only the rows shown are read.
    CREATE INDEX events_aid ON events(aid);
    CREATE INDEX events_dyad ON events(src, tgt, plover, day);
    CREATE INDEX events_src_day ON events(src, day);
    CREATE INDEX events_tgt_day ON events(tgt, day);
    CREATE INDEX events_day ON events(day);

    CREATE TABLE quotes (
        qid           INTEGER PRIMARY KEY,
        aid           INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
        speaker_name  TEXT,
        actor_code    TEXT,
        kind          TEXT,
        text          TEXT NOT NULL,
        start         INTEGER, "end" INTEGER,
        speaker_start INTEGER, speaker_end INTEGER
    );
    CREATE INDEX quotes_aid ON quotes(aid);
    CREATE INDEX quotes_actor ON quotes(actor_code);

    CREATE TABLE mentions (
        aid      INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        code     TEXT,
        name     TEXT NOT NULL,
        kind     TEXT,
        count    INTEGER NOT NULL,
        PRIMARY KEY (aid, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_code ON mentions(code) WHERE code IS NOT NULL;

    CREATE TABLE stories (
        id            TEXT PRIMARY KEY,
        title         TEXT,
        summary       TEXT,
        first_date    TEXT,
        last_date     TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        state         TEXT NOT NULL,               -- the grouper's JSON state, as given
        updated_at    TEXT NOT NULL
    );
    CREATE INDEX stories_last ON stories(last_date);
    """)
    if fts:
        # External-content FTS: the text lives once, in quotes; triggers keep the index in step.
        _script(conn, """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='qid',
                                                  tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.qid, new.text, new.speaker_name);
        END;
        CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
            VALUES ('delete', old.qid, old.text, old.speaker_name);
        END;
        """)


def _v2(conn: sqlite3.Connection, fts: bool) -> None:
    """Copies (NumArticles/NumSources), the actor-code registry and the rollup tables."""
    _script(conn, """
    ALTER TABLE articles ADD COLUMN num_articles INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE articles ADD COLUMN num_sources INTEGER NOT NULL DEFAULT 1;

    CREATE TABLE copies (
        id           TEXT PRIMARY KEY,             -- the duplicate's own article id
        aid          INTEGER NOT NULL REFERENCES articles(aid) ON DELETE CASCADE,  -- the original
        url          TEXT, title TEXT, outlet TEXT, published TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        ingested_at  TEXT NOT NULL
    );
    CREATE INDEX copies_aid ON copies(aid);

    CREATE TABLE codes (code TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT OR IGNORE INTO codes SELECT src FROM events WHERE src IS NOT NULL;
    INSERT OR IGNORE INTO codes SELECT tgt FROM events WHERE tgt IS NOT NULL;
    INSERT OR IGNORE INTO codes SELECT code FROM mentions WHERE code IS NOT NULL;
    """)
    # Day rollups are keyed dyad-first (a dyad's series is one index range); month/year rollups are
    # keyed period-first (top-N over a date range is one index range); "total" (period '') is all time.
    for family, key_cols, extra in (("dyad", "src TEXT NOT NULL, tgt TEXT NOT NULL", ""),
                                    ("actor", "code TEXT NOT NULL",
                                     "as_source INTEGER NOT NULL, as_target INTEGER NOT NULL, "
                                     "mentions INTEGER NOT NULL, articles INTEGER NOT NULL, ")):
        keys = "src, tgt" if family == "dyad" else "code"
        for grain in ("day", "month", "year", "total"):
            pk = f"{keys}, period" if grain in ("day", "total") else f"period, {keys}"
            conn.execute(f"""CREATE TABLE {family}_{grain} (
                {key_cols}, period TEXT NOT NULL, {extra}
                n INTEGER NOT NULL, q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL,
                q4 INTEGER NOT NULL, gsum REAL NOT NULL,
                PRIMARY KEY ({pk})) WITHOUT ROWID""")
    conn.execute("CREATE INDEX dyad_day_period ON dyad_day(period)")
    conn.execute("CREATE INDEX actor_day_period ON actor_day(period)")
    conn.execute("CREATE INDEX dyad_total_tgt ON dyad_total(tgt)")  # an actor's partners as target
    conn.execute("CREATE INDEX dyad_total_n ON dyad_total(n)")  # all-time top-N: read the index backwards


def _v3(conn: sqlite3.Connection, fts: bool) -> None:
    """A week grain for dyads (weekly series read a row per week, not seven; ranged top-N reads whole
    weeks between the ragged days and whole months), dyad-first indexes on the month/year grains (monthly
    and yearly series of a dyad are one index range each); ``mentions_code`` dropped: nothing reads it and
    it cost an index insert per mention. The week grain is filled from the day grain here (no full rebuild needed)."""
    _script(conn, """
    CREATE TABLE dyad_week (
        src TEXT NOT NULL, tgt TEXT NOT NULL, period TEXT NOT NULL,
        n INTEGER NOT NULL, q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL,
        q4 INTEGER NOT NULL, gsum REAL NOT NULL,
        PRIMARY KEY (src, tgt, period)) WITHOUT ROWID;
    CREATE INDEX dyad_week_period ON dyad_week(period);
    CREATE INDEX dyad_month_dyad ON dyad_month(src, tgt);
    CREATE INDEX dyad_year_dyad ON dyad_year(src, tgt);
    DROP INDEX IF EXISTS mentions_code;  -- no query reads mentions by code (the actor rollups count them)
    """)
    conn.create_function("tidings_week", 1, _week, deterministic=True)
    conn.execute("""INSERT INTO dyad_week (src, tgt, period, n, q1, q2, q3, q4, gsum)
                    SELECT src, tgt, tidings_week(period), sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(gsum)
                    FROM dyad_day GROUP BY 1, 2, 3""")


#: tables whose row counts ``row_counts`` keeps (what ``Store.counts()`` and ``/status`` report)
COUNTED_TABLES = ("articles", "copies", "events", "quotes", "mentions", "stories", "signatures")


def _v4(conn: sqlite3.Connection, fts: bool) -> None:
    """Row counts kept by triggers, so that reporting how big the store is reads seven rows: a
    ``count(*)`` scans a whole index (24 s over a 10-million-event file with a cold cache). Every
    insert and delete, cascaded ones included, moves its table's count; the writer never uses
    ``INSERT OR REPLACE`` on these tables, whose implicit deletes fire no trigger."""
    conn.execute("CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    for table in COUNTED_TABLES:
        conn.execute(f"INSERT INTO row_counts VALUES ('{table}', (SELECT count(*) FROM {table}))")
        conn.execute(f"CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} "
                     f"BEGIN UPDATE row_counts SET n = n + 1 WHERE name = '{table}'; END")
        conn.execute(f"CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} "
                     f"BEGIN UPDATE row_counts SET n = n - 1 WHERE name = '{table}'; END")


def _v5(conn: sqlite3.Connection, fts: bool) -> None:
    """Symmetric events: ``events.symmetric`` (0/1; every stored event was coded as directed, so 0) and
    the ``pair_{day,week,month,year,total}`` rollups, laid out like the dyad ones with the unordered pair
    ``(a, b)``, ``a <= b``, for key. No event is symmetric yet, so the new tables start empty and the
    dyad rollups stay right as they are: the migration is instant on any size of file (adding a column
    with a constant default rewrites no row)."""
    conn.execute("ALTER TABLE events ADD COLUMN symmetric INTEGER NOT NULL DEFAULT 0")
    for grain in ("day", "week", "month", "year", "total"):
        pk = "period, a, b" if grain in ("month", "year") else "a, b, period"
        conn.execute(f"""CREATE TABLE pair_{grain} (
            a TEXT NOT NULL, b TEXT NOT NULL, period TEXT NOT NULL,
            n INTEGER NOT NULL, q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL,
            q4 INTEGER NOT NULL, gsum REAL NOT NULL,
            PRIMARY KEY ({pk})) WITHOUT ROWID""")
    _script(conn, """
    CREATE INDEX pair_day_period ON pair_day(period);
    CREATE INDEX pair_week_period ON pair_week(period);
    CREATE INDEX pair_month_pair ON pair_month(a, b);
    CREATE INDEX pair_year_pair ON pair_year(a, b);
    CREATE INDEX pair_total_b ON pair_total(b);  -- an actor's partners when it is the second of the pair
    CREATE INDEX pair_total_n ON pair_total(n);  -- all-time top-N
    """)


#: the tokenizer of every full-text index: Porter stems over unicode61 words, accents folded, so that
#: "talk" finds "talks" and "Sao Paulo" finds "São Paulo" (the search syntax is in ``search.py``)
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _v6(conn: sqlite3.Connection, fts: bool) -> None:
    """One full-text search for stories and quotes: ``stories_fts`` over the stories' titles and
    summaries (stories were searched with a raw ``LIKE``, in which ``%`` and ``_`` matched anything and
    "Geneva talks" found nothing), and ``quotes_fts`` rebuilt with the same stemming tokenizer (it was
    ``unicode61`` alone), so that both read a search the same way.

    ``stories_fts`` is an external-content index keyed on the stories' rowid (the table has a text key
    and no INTEGER PRIMARY KEY, so a VACUUM may renumber its rowids: after one, rebuild the index with
    ``INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')``; tidings itself never vacuums).
    Triggers keep it in step with every insert, update of a title or summary, and delete. Without
    FTS5 compiled in, no index is made and searches fall back to escaped ``LIKE`` conditions.

    One index per story order the lists offer (``queries.STORY_ORDERS``), so that a page of stories in
    any order is read from an index, not sorted from the whole table (200,000 stories: 0.05-0.4 ms
    instead of 80-105 ms)."""
    _script(conn, """
    CREATE INDEX stories_latest ON stories(last_date DESC, article_count DESC, title, id);
    CREATE INDEX stories_earliest ON stories(first_date, article_count DESC, title, id);
    CREATE INDEX stories_busiest ON stories(article_count DESC, last_date DESC, title, id);
    CREATE INDEX stories_title ON stories(title, last_date DESC, id);
    """)
    if not fts:
        return
    _script(conn, f"""
    DROP TRIGGER quotes_ai;
    DROP TRIGGER quotes_ad;
    DROP TABLE quotes_fts;
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_name, content='quotes', content_rowid='qid',
                                              tokenize='{FTS_TOKENIZER}');
    CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.qid, new.text, new.speaker_name);
    END;
    CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
        VALUES ('delete', old.qid, old.text, old.speaker_name);
    END;
    INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE stories_fts USING fts5(title, summary, content='stories', content_rowid='rowid',
                                               tokenize='{FTS_TOKENIZER}');
    CREATE TRIGGER stories_fts_ai AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts(rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
    END;
    CREATE TRIGGER stories_fts_ad AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, title, summary)
        VALUES ('delete', old.rowid, old.title, old.summary);
    END;
    CREATE TRIGGER stories_fts_au AFTER UPDATE OF title, summary ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, title, summary)
        VALUES ('delete', old.rowid, old.title, old.summary);
        INSERT INTO stories_fts(rowid, title, summary) VALUES (new.rowid, new.title, new.summary);
    END;
    INSERT INTO stories_fts(stories_fts) VALUES ('rebuild');
    """)


def _v7(conn: sqlite3.Connection, fts: bool) -> None:
    """Stories in the order they were created, and the token that tells a writer whether the stories it
    holds in memory are still the committed ones. ``seq`` is filled from the rowid: stories were inserted
    in the order the grouper created them (each batch writes its new stories in that order), so the rowid
    is the best record of it a file made before v7 has."""
    _script(conn, """
    ALTER TABLE stories ADD COLUMN seq INTEGER;
    UPDATE stories SET seq = rowid;
    CREATE UNIQUE INDEX stories_seq ON stories(seq);
    CREATE TABLE story_sync (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL               -- changed by every batch that writes stories
    );
    INSERT INTO story_sync VALUES (1, '');
    """)


#: a column definition ``day TEXT NOT NULL`` at the start of a line of a CREATE TABLE statement
_DAY_NOT_NULL = re.compile(r"^(\s*day\s+TEXT)\s+NOT NULL", re.MULTILINE)


def _v8(conn: sqlite3.Connection, fts: bool) -> None:
    """Undated articles stay undated. ``articles.day`` and ``events.day`` become nullable: an article
    with no published date used to take the day it was ingested, which put a whole undated archive on one
    day (one bar in every chart, stories that never closed). Dropping a NOT NULL constraint changes no
    stored byte, so the table definitions are edited in place (SQLite's documented way for this change,
    inside the migration's transaction) instead of rebuilding the tables: a rebuild of ``articles`` would
    have to drop a table that five others reference with ON DELETE CASCADE.

    Rows written before v8 with an invented day are given back their unknown day: an article with no
    published date whose day is the day it was ingested, and its events whose day is that same day and
    whose own date does not name it. Stories none of whose articles has a day lose their dates too.
    ``run`` is new, so no stored article or story has one: old undated stories take no new articles."""
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for table in ("articles", "events"):
            sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()[0]
            edited, n = _DAY_NOT_NULL.subn(r"\1", sql)
            if n != 1:
                raise sqlite3.DatabaseError(f"v8: expected one 'day TEXT NOT NULL' column in {table}, found {n}")
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (edited, table))
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute(f"PRAGMA schema_version = {version + 1}")  # other connections re-read the schema
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    _script(conn, """
    ALTER TABLE articles ADD COLUMN run TEXT;
    ALTER TABLE stories ADD COLUMN run TEXT;
    CREATE INDEX stories_run ON stories(run) WHERE run IS NOT NULL;
    CREATE TEMP TABLE _v8_undated AS
        SELECT aid, day FROM articles WHERE published IS NULL AND day = substr(ingested_at, 1, 10);
    UPDATE events SET day = NULL
        WHERE aid IN (SELECT aid FROM temp._v8_undated)
          AND day = (SELECT day FROM temp._v8_undated u WHERE u.aid = events.aid)
          AND (date IS NULL OR substr(date, 1, 10) != day);
    UPDATE articles SET day = NULL WHERE aid IN (SELECT aid FROM temp._v8_undated);
    DROP TABLE temp._v8_undated;
    UPDATE stories SET first_date = NULL, last_date = NULL,
        state = json_set(state, '$.first', NULL, '$.last', NULL, '$.first_date', NULL, '$.last_date', NULL)
        WHERE id IN (SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(day) = 0);
    """)


def _week(day):
    from tidings.store.rollups import week_of

    return week_of(day)


#: (version, migration, needs a rollup rebuild afterwards). Append only.
MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection, bool], None], bool]] = [
    (1, _v1, False),
    (2, _v2, True),
    (3, _v3, False),
    (4, _v4, False),
    (5, _v5, False),
    (6, _v6, False),
    (7, _v7, False),
    (8, _v8, True),  # undated rows leave the day, week, month and year rollups
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements without ``executescript``, which COMMITs any open transaction first
    (Python 3.11) and so would break the one-transaction migration."""
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""
    if pending.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement: {pending!r}")


def has_fts5(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts_probe USING fts5(x)")
        conn.execute("DROP TABLE temp._fts_probe")
        return True
    except sqlite3.OperationalError:
        return False


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
    if row is None:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: str, target: int | None = None) -> int:
    """Bring the file up to ``target`` in one transaction; returns the version it was at.

    ``target`` below ``SCHEMA_VERSION`` exists for tests that need a file of an older version.
    The connection must be in autocommit mode (``isolation_level=None``).
    """
    target = SCHEMA_VERSION if target is None else target
    conn.execute("BEGIN IMMEDIATE")  # take the write lock first: two openers must not both migrate
    try:
        found = current_version(conn)
        if found > SCHEMA_VERSION:
            raise StoreTooNew(path, found, SCHEMA_VERSION)
        if found < target:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version "
                         "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            fts = _fts_state(conn, found)
            rebuild = False
            for version, step, needs_rebuild in MIGRATIONS:
                if found < version <= target:
                    step(conn, fts)
                    conn.execute("INSERT INTO schema_version VALUES (?, ?)",
                                 (version, datetime.now(timezone.utc).isoformat(timespec="seconds")))
                    rebuild = rebuild or needs_rebuild
            if rebuild and target >= 2:
                from tidings.store import rollups

                rollups.rebuild(conn)
        conn.execute("COMMIT")
        return found
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(path, f"could not migrate the store schema: {exc}") from exc
        raise


def _fts_state(conn: sqlite3.Connection, found: int) -> bool:
    """Whether quotes get an FTS index: decided once, when the file is created."""
    if found == 0:
        return has_fts5(conn)
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name='quotes_fts'").fetchone() is not None
