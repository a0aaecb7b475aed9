"""Fresh samples (`tidings evaluate fresh`): PLOVER-style sentences here, and AG News World items
(fresh_agnews.py). Each PLOVER-style row is one sentence with one event annotated by plover-train's
conventions; the project keeps only pointers (the document, character offsets into its text as
`item_text` reads it) and the labels, in data/fresh-plover.tsv; the sentences are rebuilt from
../shared/data and scored as `tidings evaluate events` scores a PLOVER file.

Samples A-F are sentences of the shared data's TimeBank/AQUAINT, PolNeAR and BBC articles, never used
for event rules: A, B and E were read for errors (2026-12-07), C, D and F never - keep it so: C, D and
F are the figure that says how far the rules carry. Samples Q-T (annotated in round eighteen) are
sentences of the AQUAINT wire articles (AP, New York Times, Xinhua, 1998-2000) no earlier sample
used: Q and R read for errors, S and T never. Samples M-P are sentences of AG News World items outside
the development gold: nearer PLOVER's world news, but among the items rounds 7 to 15 read to find
rules, so not unseen (M, N read in round seventeen; O, P not)."""
from __future__ import annotations

import csv
import html
import re
import tempfile
from pathlib import Path

import click

from tidings.evaluate.common import data_option
from tidings.ingest.markup import unescape_residue

POINTERS = Path(__file__).with_name("data") / "fresh-plover.tsv"
READ = frozenset("ABEMNQR")
#: the samples, in the groups the command reports: (name, samples)
GROUPS = (
    ("unseen documents, read (A, B, E)", "ABE"),
    ("unseen documents, never read (C, D, F)", "CDF"),
    ("unseen AQUAINT wire documents, read (Q, R)", "QR"),
    ("unseen AQUAINT wire documents, never read (S, T)", "ST"),
    ("every never-read sample of unseen documents (C, D, F, S, T)", "CDFST"),
    ("AG News World items read in earlier rounds, read in round seventeen (M, N)", "MN"),
    ("AG News World items read in earlier rounds, not read since (O, P)", "OP"),
)
COLUMNS = ("sentence_id", "sentence", "marked_sentence", "source", "target", "plover", "quad")


def document_text(path: Path) -> str:
    """The text the offsets count in: a TimeML file's TEXT element without its tags, entities
    decoded; any other file as it is."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".tml":
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        return html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) if body else ""
    return raw


def item_text(data_dir: Path, doc: str, tables: dict[str, list[dict[str, str]]]) -> str:
    """The text of a document pointer: a file under ``data_dir`` (document_text), or one item of a
    news table, "news/agnews-dev.csv#dev1234" - its row 1234 after the header, read as title + blank
    line + description (AG News items, as `tidings evaluate agnews` reads them)."""
    if "#" not in doc:
        return document_text(data_dir / doc)
    table, item = doc.split("#", 1)
    if table not in tables:
        with open(data_dir / table, encoding="utf-8", newline="") as fh:
            tables[table] = list(csv.DictReader(fh))
    row = tables[table][int(item.removeprefix("dev"))]
    return row["title"] + "\n\n" + row["description"]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def rebuild(data_dir: Path, pointers: Path = POINTERS) -> list[dict[str, str]]:
    """The samples' rows in plover-train's columns, rebuilt from the documents under ``data_dir``."""
    texts: dict[str, str] = {}
    tables: dict[str, list[dict[str, str]]] = {}
    rows = []
    with open(pointers, encoding="utf-8", newline="") as fh:
        for p in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            if p["doc"] not in texts:
                texts[p["doc"]] = item_text(data_dir, p["doc"], tables)
            text = texts[p["doc"]]
            s0, s1 = int(p["start"]), int(p["end"])
            spans = [(int(p["source_start"]), int(p["source_end"]), "s"), (int(p["target_start"]), int(p["target_end"]), "t")]
            marked, at = "", s0
            for a, b, tag in sorted(spans):
                marked += text[at:a] + f"<{tag}>" + text[a:b] + f"</{tag}>"
                at = b
            marked += text[at:s1]
            # a news-table item reads as `tidings analyze` reads it: the scraper's entity residue
            # ("isn #39;t") unescaped, after the offsets have done their work
            clean = unescape_residue if "#" in p["doc"] else str
            rows.append({
                "sentence_id": p["id"], "sentence": clean(_flat(text[s0:s1])), "marked_sentence": clean(_flat(marked)),
                "source": clean(_flat(text[spans[0][0]:spans[0][1]])), "target": clean(_flat(text[spans[1][0]:spans[1][1]])),
                "plover": p["plover"], "quad": p["quad"], "sample": p["sample"],
            })
    return rows


def write_plover_file(rows: list[dict[str, str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t")
        out.writerow(COLUMNS)
        out.writerows([r[c] for c in COLUMNS] for r in rows)


@click.command("fresh")
@data_option
def command(data_dir: Path) -> None:
    """Fresh samples, on the parts read for errors and the parts never read (unseen documents, C, D, F,
    S and T: the figure that counts): PLOVER-style sentences (macro-F1, pairs found) and AG News World
    items (triple F1; items earlier rounds read for rules)."""
    from tidings.evaluate import agnews, fresh_agnews
    from tidings.evaluate.events import score_plover

    rows = rebuild(data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for name, samples in GROUPS:
            part = [r for r in rows if r["sample"] in samples]
            if not part:
                continue
            path = Path(tmp) / "fresh.tsv"
            write_plover_file(part, path)
            r = score_plover(path)
            click.echo(f"PLOVER-style samples, {name}: {r['rows']} rows, macro-F1 {r['macro_f1']:.3f}, "
                       f"accuracy {r['accuracy']:.3f}, pair found {r['pair']:.3f}, pair+type {r['pair_typed']:.3f}, "
                       f"extra/sentence {r['extra']:.2f}")
    items = fresh_agnews.rebuild(data_dir)
    analyses = agnews.analyse_items(items)
    for name, part in (("read in earlier rounds; read in round seventeen (G, H, I)",
                        [i for i in items if i["sample"] in fresh_agnews.READ]),
                       ("read in earlier rounds; not read since (J, K, L)",
                        [i for i in items if i["sample"] not in fresh_agnews.READ])):
        r = agnews.score(part, analyses)
        click.echo(f"AG News World items annotated in round seventeen, {name}: {r['items']} items, triple P/R/F1 "
                   f"{r['p']:.3f}/{r['r']:.3f}/{r['f1']:.3f} (gold {r['gold']}, system {r['system']}), "
                   f"source+type F1 {r['source_type_f1']:.3f}, main-event recall {r['main_recall']:.3f}")
