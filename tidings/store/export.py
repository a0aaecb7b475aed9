"""Exporting events as CSV, JSON Lines or Parquet, GDELT 2.0 column names where they mean the same.

GDELT columns: GLOBALEVENTID, SQLDATE (YYYYMMDD of the event day; with MonthYear and Year empty in CSV,
null in JSON Lines and Parquet for an undated event), MonthYear, Year, Actor1Code/Name/
CountryCode, Actor2Code/Name/CountryCode, IsRootEvent (1 when the event is in the article's first
sentence, GDELT's lead-paragraph proxy), EventCode, EventBaseCode, EventRootCode, QuadClass (GDELT's
own, from the root code: 01-04 -> 1, 05-08 -> 2, 09-13 -> 3, 14-20 -> 4; tidings' ``quad`` may differ
and is in TidingsQuad), GoldsteinScale, NumMentions (= NumArticles: one mention per reporting article),
NumSources, NumArticles, ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long,
DATEADDED (ingest time, YYYYMMDDHHMMSS), SOURCEURL. Then tidings' own: EventDate (as coded),
PloverType, Mode, Confidence, Evidence, TidingsQuad, Sentence, TriggerStart/End, SourceStart/End,
TargetStart/End (character offsets into the article text), ArticleId, Symmetric (1: an event with no
direction — talks, meetings, clashes between the two actors — written once, Actor1 the first-named
party, Actor2 the other; 0: Actor1 acted on Actor2). New columns are appended, so readers by position
keep working.

One row per event: a symmetric event is one row, not one per direction. To count a dyad from the
export, count a Symmetric row for the unordered pair (or, for a directed count, for both directions).

Rows are streamed from the database in chunks (never the whole table in memory), in GLOBALEVENTID
order, inside one read transaction (a consistent snapshot while ingestion goes on), into a temporary
file beside ``out`` that is renamed over it at the end: a reader never sees half a file.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

CHUNK = 20_000

#: (column, pyarrow type name)
COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "int64"), ("SQLDATE", "int64"), ("MonthYear", "int64"), ("Year", "int64"),
    ("Actor1Code", "string"), ("Actor1Name", "string"), ("Actor1CountryCode", "string"),
    ("Actor2Code", "string"), ("Actor2Name", "string"), ("Actor2CountryCode", "string"),
    ("IsRootEvent", "int64"), ("EventCode", "string"), ("EventBaseCode", "string"), ("EventRootCode", "string"),
    ("QuadClass", "int64"), ("GoldsteinScale", "float64"), ("NumMentions", "int64"), ("NumSources", "int64"),
    ("NumArticles", "int64"), ("ActionGeo_FullName", "string"), ("ActionGeo_CountryCode", "string"),
    ("ActionGeo_Lat", "float64"), ("ActionGeo_Long", "float64"), ("DATEADDED", "int64"), ("SOURCEURL", "string"),
    ("EventDate", "string"), ("PloverType", "string"), ("Mode", "string"), ("Confidence", "float64"),
    ("Evidence", "string"), ("TidingsQuad", "int64"), ("Sentence", "int64"), ("TriggerStart", "int64"),
    ("TriggerEnd", "int64"), ("SourceStart", "int64"), ("SourceEnd", "int64"), ("TargetStart", "int64"),
    ("TargetEnd", "int64"), ("ArticleId", "string"), ("Symmetric", "int64"),
]
NAMES = [c for c, _ in COLUMNS]
FORMATS = ("csv", "jsonl", "parquet")

_SELECT = """
SELECT e.eid, e.day, e.src, e.src_name, e.src_country, e.tgt, e.tgt_name, e.tgt_country, e.sentence, e.cameo,
       e.goldstein, a.num_articles, a.num_sources, e.place_name, e.place_country, e.lat, e.lon, a.ingested_at,
       a.url, e.date, e.plover, e.mode, e.confidence, e.evidence, e.quad, e.trig_start, e.trig_end,
       e.src_start, e.src_end, e.tgt_start, e.tgt_end, a.id, e.symmetric
FROM (SELECT * FROM events {where}) e JOIN articles a ON a.aid = e.aid
ORDER BY e.eid"""


def gdelt_quad(root: str) -> int:
    """GDELT's QuadClass from the CAMEO root code."""
    r = int(root[:2])
    return 1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4


def _row(r: tuple) -> tuple:
    (eid, day, src, src_name, src_country, tgt, tgt_name, tgt_country, sentence, cameo, goldstein, num_articles,
     num_sources, place_name, place_country, lat, lon, ingested_at, url, date, plover, mode, confidence, evidence,
     quad, trig_start, trig_end, src_start, src_end, tgt_start, tgt_end, article_id, symmetric) = r
    ymd = int(day.replace("-", "")) if day is not None else None  # None: an undated event, no date columns
    added = int("".join(ch for ch in ingested_at[:19] if ch.isdigit())) if ingested_at else None
    return (eid, ymd, ymd // 100 if ymd else None, ymd // 10000 if ymd else None, src, src_name, src_country, tgt, tgt_name, tgt_country,
            int(sentence == 0) if sentence is not None else None, cameo, cameo[:3], cameo[:2], gdelt_quad(cameo),
            goldstein, num_articles, num_sources, num_articles, place_name, place_country, lat, lon, added, url,
            date, plover, mode, confidence, evidence, quad, sentence, trig_start, trig_end, src_start, src_end,
            tgt_start, tgt_end, article_id, int(symmetric))


def iter_rows(store, **filters: Any) -> Iterator[list[tuple]]:
    """Export rows in chunks, for the events matching ``filters`` (the ``Queries.events`` filters)."""
    found = store.queries.event_filters(**filters)
    if found is None:
        return
    src, tgt, where, params = found
    for col, codes in (("src", src), ("tgt", tgt)):
        if codes is not None:
            where.append(f"{col} IN ({', '.join('?' * len(codes))})")
            params += codes
    # The filters name events' columns unqualified; applying them in a subquery keeps them unambiguous.
    sql = _SELECT.format(where="WHERE " + " AND ".join(where) if where else "")
    # PostgreSQL: a server-side cursor, so that the rows come in chunks there too (SQLite's cursor steps)
    stream = getattr(store.conn, "stream", None)
    cursor = stream(sql, params) if stream else store.conn.execute(sql, params)
    while True:
        chunk = cursor.fetchmany(CHUNK)
        if not chunk:
            return
        yield [_row(r) for r in chunk]


def export_events(store, fmt: str = "csv", out: str | os.PathLike = "-", **filters: Any) -> int:
    """Write the events matching ``filters`` to ``out`` (``-``: standard output, csv/jsonl only) as
    ``fmt``; returns the number of events written."""
    if fmt not in FORMATS:
        raise ValueError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
    owns_txn = not store.conn.in_transaction
    if owns_txn:
        store.conn.execute("BEGIN")  # one snapshot for the whole export (WAL: writers go on)
    try:
        chunks = iter_rows(store, **filters)
        if str(out) == "-":
            if fmt == "parquet":
                raise ValueError("parquet cannot be written to standard output; give a file")
            return writer(chunks, sys.stdout)
        return _atomic(Path(out), fmt, lambda fh: writer(chunks, fh))
    finally:
        if owns_txn:
            store.conn.execute("COMMIT")


def _atomic(path: Path, fmt: str, write) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        mode = "wb" if fmt == "parquet" else "w"
        with os.fdopen(fd, mode, **({} if fmt == "parquet" else {"encoding": "utf-8", "newline": ""})) as fh:
            count = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return count
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(chunks, fh) -> int:
    w = csv.writer(fh)
    w.writerow(NAMES)
    count = 0
    for chunk in chunks:
        w.writerows(chunk)
        count += len(chunk)
    return count


def _write_jsonl(chunks, fh) -> int:
    count = 0
    for chunk in chunks:
        fh.write("".join(json.dumps(dict(zip(NAMES, row)), ensure_ascii=False) + "\n" for row in chunk))
        count += len(chunk)
    return count


def _write_parquet(chunks, fh) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])
    count = 0
    with pq.ParquetWriter(fh, schema, compression="zstd") as writer:
        for chunk in chunks:
            columns = list(zip(*chunk))
            writer.write_batch(pa.record_batch([pa.array(col, type=f.type) for col, f in zip(columns, schema)],
                                               schema=schema))
            count += len(chunk)
    return count
