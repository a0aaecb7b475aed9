"""`tidings ingest` end to end: real SQLite files, duplicates before analysis, stories, idempotency,
bad items, a SIGKILL mid-run, re-analysis, and the query and export commands over the result."""
import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = Path(sys.executable).parent / "tidings"

WIRE = ("Negotiators from the two neighbours met in Vienna on Monday for a second round of talks on the "
        "disputed river border, officials said. The delegations agreed to set up a joint commission that "
        "will survey the river banks before the spring floods. \"We made real progress today,\" said the "
        "lead negotiator, Tomas Lindqvist. The next round is planned for March in Budapest.")
REPOST = "Border talks: " + WIRE.replace("real progress", "genuine progress")
OTHER = ("Farmers in the northern valleys reported a record apple harvest this autumn after a mild spring, "
         "the regional agriculture office said on Tuesday. Prices at local markets fell by a fifth.")


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingest_examples_twice_stores_each_article_once(run_cli, tmp_path):
    db = tmp_path / "news.db"
    first = run_cli("ingest", str(ROOT / "examples"), "--db", str(db))
    assert first.returncode == 0, first.stderr.decode()
    assert "read 12, new 12" in first.stderr.decode()
    second = run_cli("ingest", str(ROOT / "examples"), "--db", str(db))
    assert second.returncode == 0 and "new 0" in second.stderr.decode() and "already stored 12" in second.stderr.decode()
    assert _count(db, "articles") == 12
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingest_records_exact_and_near_copies_and_counts_them(run_cli, tmp_path):
    db = tmp_path / "news.db"
    src = _jsonl(tmp_path / "in.jsonl", [
        {"id": "wire", "text": WIRE, "published": "2023-02-06", "outlet": "Wire"},
        {"id": "copy", "text": WIRE, "published": "2023-02-06", "outlet": "Daily"},
        {"id": "repost", "text": REPOST, "published": "2023-02-06", "outlet": "Herald"},
        {"id": "other", "text": OTHER, "published": "2023-02-07"},
    ])
    proc = run_cli("ingest", str(src), "--db", str(db))
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "new 2, duplicates 2 (1 exact, 1 near)" in err
    assert _count(db, "articles") == 2 and _count(db, "copies") == 2
    shown = json.loads(run_cli("show", "wire", "--db", str(db), "--json").stdout)
    assert shown["num_articles"] == 3 and sorted(c["id"] for c in shown["copies"]) == ["copy", "repost"]


def test_ingest_bad_items_are_reported_and_the_rest_stored(run_cli, tmp_path):
    db = tmp_path / "news.db"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": OTHER}) + "\n{broken\n" + json.dumps({"id": "empty", "text": " "}) + "\n")
    proc = run_cli("ingest", str(src), "--db", str(db))
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "line 2: invalid JSON" in err and "line 3" in err and "failed 2" in err
    assert _count(db, "articles") == 1
    nothing = tmp_path / "bad.jsonl"
    nothing.write_text("{broken\n")
    assert run_cli("ingest", str(nothing), "--db", str(db)).returncode == 1


def _many_articles(n: int) -> list[dict]:
    """Distinct short articles (different places, numbers and actors, so none is a near copy)."""
    cities = ["Vienna", "Geneva", "Oslo", "Nairobi", "Lima", "Hanoi", "Doha", "Accra", "Quito", "Riga"]
    actors = ["Russia", "China", "France", "Kenya", "Peru", "Japan", "Qatar", "Ghana", "Chile", "Latvia"]
    out = []
    for i in range(n):
        a, b, city = actors[i % 10], actors[(i * 3 + 1) % 10], cities[(i * 7) % 10]
        out.append({"id": f"a{i}", "published": f"2022-0{1 + i % 9}-1{i % 10}", "text": (
            f"{a} and {b} held talks in {city} on Monday about shipping lane number {i}, officials said. "
            f"{a} accused {b} of delaying convoy {i * 17} near the coast. "
            f"Trade between them reached {i * 13 + 7} million dollars in quarter {i % 4 + 1}, according to figures "
            f"published by the port authority of {city} for berth {i * 31 % 97}.")})
    return out


def test_ingest_killed_mid_run_loses_nothing_committed_and_duplicates_nothing(tmp_path):
    db = tmp_path / "news.db"
    records = _many_articles(160)
    src = _jsonl(tmp_path / "many.jsonl", records)
    proc = subprocess.Popen([str(TIDINGS), "ingest", str(src), "--db", str(db), "--batch-size", "8"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    committed = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                committed = _count(db, "articles")
            except sqlite3.OperationalError:
                committed = 0  # the schema is still being created
        if committed >= 16:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingestion finished before it could be killed; give it more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after_kill = _count(db, "articles")
    assert after_kill >= 16 and after_kill % 8 == 0, after_kill  # whole batches only, never a partial one
    rerun = subprocess.run([str(TIDINGS), "ingest", str(src), "--db", str(db), "--batch-size", "8"],
                           capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"already stored {after_kill}" in rerun.stderr.decode()
    assert _count(db, "articles") == 160
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0] == 160
    from tidings.store import Store

    with Store.open(db) as store:
        assert store.check_rollups() == []


def test_ingest_reanalyze_after_a_dictionary_change(run_cli, tmp_path):
    db = tmp_path / "news.db"
    src = _jsonl(tmp_path / "in.jsonl", [{"id": "w", "text": WIRE, "published": "2023-02-06"}])
    assert run_cli("ingest", str(src), "--db", str(db)).returncode == 0
    same = run_cli("reanalyze", "--db", str(db))
    assert same.returncode == 0 and "re-analysed 0 article(s)" in same.stderr.decode()
    mine = tmp_path / "mine.tsv"
    mine.write_text("#! tidings actors 1\nTomas Lindqvist\tSWEGOV\tperson\tTomas Lindqvist\n", encoding="utf-8")
    changed = run_cli("reanalyze", "--db", str(db), "--dictionary", str(mine))
    assert changed.returncode == 0 and "re-analysed 1 article(s)" in changed.stderr.decode()
    quotes = [json.loads(l) for l in run_cli("quotes", "--db", str(db), "--json").stdout.splitlines()]
    assert any(q["actor_code"] == "SWEGOV" for q in quotes), quotes


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "news.db"
    proc = subprocess.run([str(TIDINGS), "ingest", str(ROOT / "examples"), "--db", str(db)], capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    return db


def test_ingest_query_commands_answer_in_table_json_and_csv(run_cli, examples_db):
    db = str(examples_db)
    events = [json.loads(l) for l in run_cli("events", "--db", db, "--json", "--limit", "500").stdout.splitlines()]
    assert events and all(e["cameo"] and e["day"] for e in events)
    rus = [json.loads(l) for l in run_cli("events", "--db", db, "--json", "--source", "RUS").stdout.splitlines()]
    assert all(e["source"].startswith("RUS") for e in rus)
    rows = list(csv.DictReader(io.StringIO(run_cli("quotes", "--db", db, "--csv", "--speaker", "Ellison").stdout.decode())))
    assert rows and all("Ellison" in r["speaker_name"] for r in rows)
    table = run_cli("actors", "--db", db).stdout.decode()
    assert "code" in table and "events" in table
    stories = [json.loads(l) for l in run_cli("stories", "--db", db, "--json").stdout.splitlines()]
    assert len(stories) == 10  # the Geneva, Brussels and Vienna articles are one story
    assert sorted(s["article_count"] for s in stories)[-1] == 3
    story = json.loads(run_cli("show", stories[0]["id"], "--db", db, "--json").stdout)
    assert story["articles"] and "timeline" in story
    assert run_cli("dyad", "RUS", "USA", "--db", db, "--by", "month", "--json").returncode == 0
    assert run_cli("show", "no-such-id", "--db", db).returncode == 1


def test_ingest_export_events_csv_jsonl_parquet(run_cli, examples_db, tmp_path):
    db = str(examples_db)
    out = tmp_path / "events.csv"
    proc = run_cli("export", "events", "--format", "csv", "--out", str(out), "--db", db)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows
    for col in ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor2Code", "EventCode", "EventRootCode", "QuadClass",
                "GoldsteinScale", "NumArticles", "NumSources", "SOURCEURL", "PloverType", "Mode", "Evidence"):
        assert col in rows[0]
    pq = tmp_path / "events.parquet"
    assert run_cli("export", "events", "--format", "parquet", "--out", str(pq), "--db", db).returncode == 0
    import pyarrow.parquet as parquet

    assert parquet.read_table(pq).num_rows == len(rows)
    lines = run_cli("export", "events", "--format", "jsonl", "--db", db).stdout.splitlines()
    assert len(lines) == len(rows)


# -- identity, updates, slow servers, HTML residue: the command as a user runs it -------------------------

def test_ingest_an_edited_file_is_reported_by_id_and_replaced_only_with_update(run_cli, tmp_path):
    desk = tmp_path / "desk"
    (desk / "east").mkdir(parents=True)
    (desk / "west").mkdir()
    (desk / "east" / "index.txt").write_text(WIRE, encoding="utf-8")
    (desk / "west" / "index.txt").write_text(OTHER, encoding="utf-8")
    db = tmp_path / "news.db"
    first = run_cli("ingest", str(desk), "--db", str(db))
    assert first.returncode == 0 and "read 2, new 2," in first.stderr.decode(), first.stderr.decode()
    edited = desk / "east" / "index.txt"
    edited.write_text(WIRE.replace("March", "April"), encoding="utf-8")
    refused = run_cli("ingest", str(desk), "--db", str(db))
    err = refused.stderr.decode()
    assert refused.returncode == 0, err  # one item refused, the command itself worked
    assert f"error: {edited}: id 'east/index' is stored with another text; the stored one is kept (update it with " \
           f"--update)\n" in err
    assert "read 2, new 0, duplicates 0 (0 exact, 0 near), already stored 1, failed 1 (1 id conflict)" in err
    updated = run_cli("ingest", str(desk), "--db", str(db), "--update")
    assert "read 2, new 0, duplicates 0 (0 exact, 0 near), already stored 1, updated 1, failed 0" in \
        updated.stderr.decode()
    shown = json.loads(run_cli("show", "east/index", "--db", str(db), "--json").stdout)
    assert "April in Budapest" in shown["analysis"]["text"]


def _slow_page(server, hit):
    """Headers dripped a byte every 0.05 s (each within any read timeout); ``hit`` is set on arrival."""
    def handle(req):
        hit.set()
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n"
        for i in range(len(head)):
            if server.release.wait(0.05):
                return
            req.wfile.write(head[i:i + 1])
            req.wfile.flush()

    return handle


def _page(text: str) -> str:
    return (f"<!doctype html><html><head><title>River survey</title></head><body><article><h1>River survey</h1>"
            f"<p>{text}</p></article></body></html>")


def test_ingest_a_slow_server_is_one_clear_error_and_the_rest_is_stored(run_cli, tmp_path, local_server):
    import threading

    good = local_server.add("/news/vienna", _page(WIRE))
    local_server.routes["/news/slow"] = _slow_page(local_server, threading.Event())
    slow = local_server.url("/news/slow")
    db = tmp_path / "news.db"
    proc = run_cli("ingest", good, slow, "--db", str(db), "--timeout", "1")
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert f"error: {slow}: took longer than the 1 s allowed for one URL (tries and waits included); stopped" in err
    assert "read 2, new 1," in err and "failed 1 (1 fetch timeout)" in err
    assert _count(db, "articles") == 1


def test_ingest_killed_while_a_server_drips_keeps_what_was_fetched_before(tmp_path, local_server):
    import threading

    hit = threading.Event()
    good = local_server.add("/news/vienna", _page(WIRE))
    local_server.routes["/news/slow"] = _slow_page(local_server, hit)
    db = tmp_path / "news.db"
    proc = subprocess.Popen([str(TIDINGS), "ingest", good, local_server.url("/news/slow"), "--db", str(db),
                             "--timeout", "600"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert hit.wait(240), "the slow page was never asked for"
        assert proc.poll() is None
    finally:
        proc.kill()
        proc.wait()
    assert _count(db, "articles") == 1  # committed before the fetch that never ended


def test_ingest_csv_html_residue_is_unescaped_before_analysis_and_offsets_point_into_the_stored_text(run_cli,
                                                                                                    tmp_path):
    src = tmp_path / "scraped.csv"
    src.write_text('id,title,description\n'
                   'r1,Talks #39; second round,"Negotiators from the two neighbours met in Vienna on Monday, officials '
                   'said.  quot;We made real progress today, quot; said the lead negotiator, Tomas Lindqvist, of '
                   'Smith  amp; Partners &lt;A HREF=""http://quotes.invalid/q?s=SP.L""&gt;SP.L&lt;/A&gt;. The next '
                   'round #39;s venue is Budapest."\n', encoding="utf-8")
    db = tmp_path / "news.db"
    assert run_cli("ingest", str(src), "--db", str(db)).returncode == 0
    shown = json.loads(run_cli("show", "r1", "--db", str(db), "--json").stdout)
    analysis, text = shown["analysis"], shown["analysis"]["text"]
    assert shown["title"] == "Talks' second round"
    assert '"We made real progress today," said the lead negotiator' in text
    assert "Smith & Partners SP.L. The next round's venue" in text
    assert not any(residue in text for residue in ("#39;", "quot;", "amp;", "&lt;", "HREF"))
    assert analysis["quotes"], analysis
    for layer in ("quotes", "times", "places"):
        for item in analysis[layer]:
            assert text[item["start"]:item["end"]] == item["text"]
    for actor in analysis["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]
