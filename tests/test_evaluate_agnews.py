"""`tidings evaluate agnews` on a small gold file of our own: the halves and the split spread."""
from __future__ import annotations

import json

from click.testing import CliRunner

from tidings.evaluate.agnews import command


def _event(source: str, target: str, kind: str) -> dict:
    return {"source": {"text": source, "country": source}, "target": {"text": target, "country": target},
            "type": kind, "modality": "asserted", "negated": False, "main": True, "trigger": kind.lower()}


def test_evaluate_agnews_reports_halves_and_how_far_random_halves_fall_apart(tmp_path):
    items = []
    for i, (text, gold) in enumerate([
            ("Norway accused Sweden of spying on Monday.", _event("NOR", "SWE", "ACCUSE")),
            ("Chile accused Peru of spying on Monday.", _event("CHL", "PER", "ACCUSE")),
            ("Kenya accused Uganda of spying on Monday.", _event("KEN", "UGA", "REJECT")),
            ("Ghana accused Togo of spying on Monday.", _event("GHA", "TGO", "ACCUSE")),
            ("Nepal accused India of spying on Monday.", _event("NPL", "IND", "SANCTION")),
            ("Laos accused Vietnam of spying on Monday.", _event("LAO", "VNM", "ACCUSE"))]):
        title = f"Spy row {i}"
        items.append({"id": f"t{i}", "class": 1, "title": title, "text": f"{title}\n\n{text}", "events": [gold]})
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "agnews-dev-gold.jsonl").write_text("".join(json.dumps(it) + "\n" for it in items), encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(command, ["--data", str(tmp_path), "--split-spread", "50"])
    assert first.exit_code == 0, first.output
    assert "tune half" in first.output and "check half" in first.output
    spread = [line for line in first.output.splitlines() if line.startswith("halves by chance (50 random halvings)")]
    assert spread and "tune vs check gap" in spread[0]
    # seeded: the same figures on every run
    again = runner.invoke(command, ["--data", str(tmp_path), "--split-spread", "50"])
    assert again.output == first.output
