"""Exporting events: GDELT-named CSV columns and values, JSON Lines, Parquet, filters, atomic writes."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from test_store_fixtures import make, store  # noqa: F401  (store is a fixture)
from tidings.model import Article
from tidings.store.export import NAMES, export_events, gdelt_quad


@pytest.fixture
def filled(store):
    with store.batch("v1") as tx:
        tx.add_article(*make("a1", [("RUSGOV", "190", "UKRGOV", "2022-01-03"), ("UKRGOV", "036", "RUSGOV")],
                             published="2022-01-04", outlet="Reuters"))
        tx.add_copy(Article(id="c1", text="copy", outlet="AP"), "a1", "hc1")
        tx.add_copy(Article(id="c2", text="copy2", outlet="Reuters"), "a1", "hc2")
        tx.add_article(*make("a2", [("USAGOV", "057", "UKRGOV", "2022-W05")], published="2022-02-01"))
    return store


def test_export_csv_gdelt_columns_and_values(filled, tmp_path):
    out = tmp_path / "out" / "events.csv"
    assert export_events(filled, "csv", out) == 3
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == NAMES
    for col in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code",
                "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
                "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL", "PloverType", "Mode", "Confidence", "Evidence",
                "TriggerStart", "TriggerEnd", "SourceStart", "SourceEnd", "TargetStart", "TargetEnd", "ArticleId"):
        assert col in NAMES
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20220103", "202201", "2022")
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor1CountryCode"]) == ("RUSGOV", "Russia", "RUS")
    assert (first["Actor2Code"], first["Actor2Name"]) == ("UKRGOV", "Ukraine")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == ("190", "190", "19", "4")
    assert (first["GoldsteinScale"], first["PloverType"], first["Mode"], first["IsRootEvent"]) == ("-10.0", "ASSAULT", "asserted", "1")
    assert (first["NumArticles"], first["NumSources"], first["NumMentions"]) == ("3", "2", "3")
    assert (first["ActionGeo_FullName"], first["ActionGeo_Lat"], first["SOURCEURL"]) == ("Kyiv", "50.45", "https://ex.com/a1")
    assert first["ArticleId"] == "a1" and first["Evidence"].startswith("events.tsv:")
    text = filled.queries.article("a1")["analysis"]["text"]
    assert text[int(first["SourceStart"]):int(first["SourceEnd"])] == "Russia"
    second, third = rows[1], rows[2]
    assert second["IsRootEvent"] == "0" and second["QuadClass"] == "1" and second["SQLDATE"] == "20220104"
    # an event date that is not a full day falls back to the article's day; the coded value is kept
    assert (third["SQLDATE"], third["EventDate"], third["QuadClass"], third["NumArticles"]) == ("20220201", "2022-W05", "2", "1")
    assert [int(r["GLOBALEVENTID"]) for r in rows] == sorted(int(r["GLOBALEVENTID"]) for r in rows)


def test_export_gdelt_quad_from_root():
    assert [gdelt_quad(c) for c in ("010", "04", "0511", "08", "09", "13", "14", "20")] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_export_jsonl_with_filters(filled, tmp_path):
    out = tmp_path / "e.jsonl"
    assert export_events(filled, "jsonl", out, source="RUS", plover_type="ASSAULT") == 1
    [row] = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["Actor1Code"] == "RUSGOV" and row["EventCode"] == "190" and row["QuadClass"] == 4
    assert export_events(filled, "jsonl", tmp_path / "none.jsonl", source="XYZ") == 0
    assert (tmp_path / "none.jsonl").read_text() == ""


def test_export_parquet_reads_back(filled, tmp_path):
    out = tmp_path / "e.parquet"
    assert export_events(filled, "parquet", out, since="2022-01-04") == 2
    table = pq.read_table(out)
    assert table.column_names == NAMES
    assert table.column("EventCode").to_pylist() == ["036", "057"]
    assert table.column("GoldsteinScale").type == "double" and table.column("SQLDATE").to_pylist() == [20220104, 20220201]


def test_export_is_atomic_and_streams_in_chunks(filled, tmp_path, monkeypatch):
    from tidings.store import export

    monkeypatch.setattr(export, "CHUNK", 1)  # force several chunks
    out = tmp_path / "e.csv"
    out.write_text("old contents")

    def boom(row):
        if row[0] == 2:
            raise RuntimeError("disk full")
        return original(row)

    original = export._row
    monkeypatch.setattr(export, "_row", boom)
    with pytest.raises(RuntimeError):
        export_events(filled, "csv", out)
    assert out.read_text() == "old contents"  # the old file is untouched, no temp file left behind
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["e.csv"]
    monkeypatch.setattr(export, "_row", original)
    assert export_events(filled, "csv", out) == 3


def test_export_rejects_unknown_format_and_parquet_to_stdout(filled):
    with pytest.raises(ValueError, match="csv, jsonl, parquet"):
        export_events(filled, "xml", "x.xml")
    with pytest.raises(ValueError, match="standard output"):
        export_events(filled, "parquet", "-")


def test_export_csv_to_stdout(filled, capsys):
    assert export_events(filled, "csv", "-", target="RUS") == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("GLOBALEVENTID,SQLDATE") and len(lines) == 2
