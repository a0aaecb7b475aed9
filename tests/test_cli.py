import json

import pytest

ARTICLE = ("Diplomats from both sides met in Vienna on Monday, officials said.\n\n"
           "\"We made progress,\" said the envoy Maria Lindqvist.\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "2022-01-10_good.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (d / "huge.txt").write_bytes(b"All work and no play. " * 1_000_000)  # 22 MB
    (d / "latin.txt").write_bytes(b"\xff\xfe" + "caf\u00e9".encode("cp1252") * 10 + b"\x81\x8d" * 40)
    (d / "broken.html").write_text("<html><body><p>Police detained protesters in Lagos on Friday.<div><p>more", encoding="utf-8")
    (d / "records.jsonl").write_text(
        json.dumps({"id": "r1", "text": ARTICLE, "published": "2022-01-11"}) + "\n{not json}\n", encoding="utf-8")
    return d


def test_cli_batch_reports_each_bad_item_and_keeps_the_rest(run_cli, corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run_cli("analyze", str(corpus), "--json", "--out", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in rows) == ["2022-01-10_good", "broken", "r1"]
    for name in ("empty.txt", "binary.txt", "huge.txt", "latin.txt", "records.jsonl line 2"):
        lines = [l for l in err.splitlines() if name in l]
        assert len(lines) == 1 and lines[0].startswith("error: "), (name, err)
    assert "analysed 3 of 8 article(s); 5 failed" in err
    assert not list(tmp_path.glob("*.partial"))


def test_cli_json_form_has_the_schema_fields_and_offsets(run_cli, corpus):
    proc = run_cli("analyze", str(corpus / "2022-01-10_good.txt"), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    a = json.loads(proc.stdout)
    assert a["schema"] == "tidings.analysis/1" and a["published"] == "2022-01-10"
    for key in ("id", "title", "url", "published", "text", "sentences", "summary", "standfirst", "actors",
                "quotes", "times", "places", "events"):
        assert key in a
    for s in a["sentences"]:
        assert a["text"][s["start"]:s["end"]].strip()
    for layer in ("times", "places", "quotes"):
        for item in a[layer]:
            assert a["text"][item["start"]:item["end"]] == item["text"]


def test_cli_stdin_text_and_published_option(run_cli):
    proc = run_cli("analyze", "-", "--published", "2022-01-11", "--json", stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["published"] == "2022-01-11"


def test_cli_report_for_one_article(run_cli, corpus):
    proc = run_cli("analyze", str(corpus / "2022-01-10_good.txt"))
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "Summary" in out and "2022-01-10_good" in out


def test_cli_nothing_analysable_exits_non_zero(run_cli, corpus):
    proc = run_cli("analyze", str(corpus / "empty.txt"), "--json")
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().splitlines()[0] == f"error: {corpus / 'empty.txt'}: empty file"
    missing = run_cli("analyze", "/no/such/file.txt")
    assert missing.returncode == 1 and "no such file" in missing.stderr.decode()


def test_cli_bad_published_is_a_usage_error(run_cli, corpus):
    proc = run_cli("analyze", str(corpus), "--published", "yesterday")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr.decode()


def test_cli_every_command_has_help(run_cli):
    for args in (("--help",), ("analyze", "--help"), ("evaluate", "--help")):
        proc = run_cli(*args)
        assert proc.returncode == 0 and b"Usage" in proc.stdout
