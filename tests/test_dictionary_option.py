"""`--dictionary FILE`: a user's own knowledge, through the same loaders as the built-ins."""
import json


def test_dictionary_option_adds_an_actor_and_a_cue(run_cli, tmp_path):
    actors = tmp_path / "mine.tsv"
    actors.write_text("#! tidings actors 1\nNorthwind Mining\tCANBUS\torganisation\tNorthwind Mining\n", encoding="utf-8")
    cues = tmp_path / "cues.tsv"
    cues.write_text("#! tidings cues 1\nverb\tgrumble\tspeech\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Northwind Mining grumbled that the new royalty rules were unfair to small firms.\n", encoding="utf-8")
    proc = run_cli("analyze", str(article), "--json", "--dictionary", str(actors), "--dictionary", str(cues))
    assert proc.returncode == 0, proc.stderr.decode()
    a = json.loads(proc.stdout)
    nw = [x for x in a["actors"] if x["name"] == "Northwind Mining"]
    assert nw and nw[0]["code"] == "CANBUS" and nw[0]["country"] == "CAN"
    assert [q["speaker"]["text"] for q in a["quotes"]] == ["Northwind Mining"]


def test_dictionary_option_bad_file_is_one_line_naming_file_and_line(run_cli, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("#! tidings actors 1\nAcme\tZZZFOO\torganisation\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Some text here.", encoding="utf-8")
    proc = run_cli("analyze", str(article), "--dictionary", str(bad))
    lines = proc.stderr.decode().strip().splitlines()
    assert proc.returncode == 1 and len(lines) == 1
    assert lines[0].startswith(f"error: {bad}:2:")


def test_dictionary_option_unknown_kind_is_refused(run_cli, tmp_path):
    odd = tmp_path / "odd.tsv"
    odd.write_text("#! tidings recipes 1\nx\ty\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Some text here.", encoding="utf-8")
    proc = run_cli("analyze", str(article), "--dictionary", str(odd))
    assert proc.returncode == 1
    assert "unknown kind 'recipes'" in proc.stderr.decode()
