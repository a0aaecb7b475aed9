"""Hand-built articles and analyses for the store tests (no spaCy: the store must not depend on the
event coder's state). Imported by the other test_store*.py files; holds no tests itself."""
from __future__ import annotations

import hashlib

import pytest

from tidings.model import (Actor, Analysis, Article, Event, EventPlace, Participant, Quote, Sentence, Span)
from tidings.store import Store

ACTORS = {
    "RUSGOV": ("Russia", "RUS", "country"), "RUSMIL": ("Russian army", "RUS", "organisation"),
    "UKRGOV": ("Ukraine", "UKR", "country"), "USAGOV": ("Washington", "USA", "country"),
    "NATO": ("NATO", None, "igo"),
}
CAMEO = {  # code: (plover, quad, goldstein)
    "036": ("CONSULT", 1, 4.0), "042": ("CONSULT", 1, 1.9), "057": ("AGREE", 2, 8.0),
    "112": ("ACCUSE", 3, -2.0), "163": ("SANCTION", 4, -8.0), "190": ("ASSAULT", 4, -10.0),
    "193": ("ASSAULT", 4, -10.0), "010": (None, 1, 0.0),
}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make(article_id: str, events: list[tuple], published: str = "2022-01-11", outlet: str | None = "Wire",
         quotes: list[tuple] = (), text: str | None = None) -> tuple[Article, Analysis, str]:
    """An article whose analysis has ``events``: tuples ``(source code|None, cameo, target code|None)``
    plus optional ``date`` and ``mode`` (default: the article day, asserted); ``quotes``: tuples
    ``(speaker code, text)``. Returns (article, analysis, content hash)."""
    sentences, parts, pos = [], [], 0
    actors: dict[str, Actor] = {}
    evs, qs = [], []

    def add_sentence(s: str) -> int:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s) + 1
        sentences.append(Sentence(start, start + len(s)))
        return start

    def actor(code: str, start: int) -> Actor:
        name, country, kind = ACTORS[code]
        a = actors.setdefault(code, Actor(id=f"a{len(actors)}", code=code, country=country,
                                          sector=code[3:] or None, name=name, kind=kind))
        a.mentions.append(Span(start, start + len(name), name))
        return a

    for i, spec in enumerate(events):
        src, cameo, tgt = spec[:3]
        date = spec[3] if len(spec) > 3 else published
        mode = spec[4] if len(spec) > 4 else "asserted"
        s_name = ACTORS[src][0] if src else "Someone"
        t_name = ACTORS[tgt][0] if tgt else "someone"
        sentence = f"{s_name} did {cameo} to {t_name} ({i})."
        start = add_sentence(sentence)
        source = target = None
        if src:
            a = actor(src, start)
            source = Participant(start, start + len(s_name), s_name, a.id, src)
        t_start = start + sentence.index(t_name, len(s_name))
        if tgt:
            a = actor(tgt, t_start)
            target = Participant(t_start, t_start + len(t_name), t_name, a.id, tgt)
        plover, quad, goldstein = CAMEO[cameo]
        trig = start + len(s_name) + 1
        evs.append(Event(id=f"e{i}", source=source, target=target, cameo=cameo, plover=plover, quad=quad,
                         goldstein=goldstein, mode=mode, date=date, place=EventPlace("Kyiv", "UKR", 50.45, 30.52),
                         trigger=Span(trig, trig + 3, "did"), sentence=i, confidence=0.8,
                         evidence=f"events.tsv:{i + 1} did"))
    for j, (code, said) in enumerate(quotes):
        sentence = f'"{said}," said {ACTORS[code][0]}.'
        start = add_sentence(sentence)
        a = actor(code, start + sentence.index("said ") + 5)
        qs.append(Quote(start + 1, start + 1 + len(said), said, "direct", a.mentions[-1], a.name, a.id))
    body = " ".join(parts)
    full = text if text is not None else body
    analysis = Analysis(id=article_id, text=full, title=f"Title {article_id}", url=f"https://ex.com/{article_id}",
                        published=published, sentences=sentences, actors=list(actors.values()), quotes=qs,
                        events=evs)
    article = Article(id=article_id, text=full, title=analysis.title, url=analysis.url, published=published,
                      outlet=outlet)
    return article, analysis, content_hash(full + article_id)


STORES = ["sqlite", "postgresql"]


def open_store(kind: str, request, tmp_path) -> Store:
    """A new, empty store of ``kind``: an SQLite file, or a PostgreSQL database on the session's server."""
    if kind == "sqlite":
        return Store.open(tmp_path / "db" / "t.db")
    return Store.open(request.getfixturevalue("pg_database"))


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    """Every test that takes ``store`` runs on both stores: an SQLite file and a PostgreSQL database."""
    s = open_store(request.param, request, tmp_path)
    yield s
    s.close()


def add(store: Store, *items, version: str = "v1", **kwargs) -> None:
    with store.batch(version) as tx:
        for article, analysis, h in items:
            tx.add_article(article, analysis, h, **kwargs)
