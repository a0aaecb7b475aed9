"""Full-text search of stories and quotes (one syntax, SQLite FTS5), literal LIKE searches, list totals,
story order and place filters, on real SQLite stores."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from test_store_fixtures import add, make, store  # noqa: F401  (store is a fixture)
from tidings.model import EventPlace
from tidings.store import Store, schema, search
from tidings.store.queries import COUNT_CAP, Total

# What a person may type into a search box that FTS5 would read as syntax (or SQLite's LIKE as
# wildcards): none of it may raise, and none of it may match everything.
HOSTILE = ["%", "_", "%%", "z%", '"', '""', '"Geneva', 'Geneva"', "'", "*", "^", "-", "+", ":", "(", ")", "()",
           "NEAR(Geneva talks)", "Geneva NEAR talks", "AND", "OR", "NOT", "Geneva AND", "OR Geneva", "Geneva OR",
           "NOT talks", "title:Geneva", "{title summary}:Geneva", "Geneva*", "*Geneva", "^Geneva", "Gen\\eva",
           "talks -Vienna", "\x00", "  ", "\\", "\\%", "%_%", "'; DROP TABLE stories; --"]


def story_article(article_id: str, title: str, summary: str, day: str, events=(), quotes=(), place=None):
    article, analysis, digest = make(article_id, list(events), published=day, quotes=list(quotes))
    if place is not None:
        analysis.events = [replace(e, place=place) for e in analysis.events]
    state = {"id": f"s-{article_id}", "title": title, "summary": summary, "first_date": day, "last_date": day}
    return (article, analysis, digest), state


@pytest.fixture
def news(store):
    rows = [
        story_article("a1", "Russia and US end talks in Geneva", "Negotiators met for eight hours.", "2022-01-10",
                      quotes=[("RUSGOV", "We talked about guarantees")]),
        story_article("a2", "Ministers meet in Vienna", "The OSCE talked about the border.", "2022-01-13",
                      quotes=[("USAGOV", "Prices rose 5% in a_b week")]),
        story_article("a3", "Harvest 100% complete", "Farmers finished early; sure_thing said.", "2022-01-13",
                      events=[("RUSGOV", "190", "UKRGOV")],
                      place=EventPlace("Baghdad", "IRQ", 33.3, 44.4)),
        story_article("a4", "Café owners protest in São Paulo", "A protest against taxes.", "2022-01-13"),
    ]
    with store.batch("v1") as tx:
        for item, state in rows:
            tx.add_article(*item, story_id=state["id"], story_state=state)
    return store


def titles(rows):
    return sorted(r.title for r in rows)


def test_search_syntax_reads_words_phrases_or_and_prefixes():
    assert search.fts_query("Geneva talks") == '"geneva" AND "talks"'
    assert search.fts_query('"end talks" Geneva') == '"end talks" AND "geneva"'
    assert search.fts_query("Geneva OR Vienna talks") == '("geneva" OR "vienna") AND "talks"'
    assert search.fts_query("negot*") == '"negot"*'
    assert search.fts_query("US-Russia") == '"us russia"'  # one written unit: a phrase
    assert search.fts_query('say "no') == '"say" AND "no"'  # an unclosed quote runs to the end
    for text in ("%", "_", "()", " * ", '""', "OR", ":"):
        assert search.fts_query(text) is None, text  # no word: nothing to look for
    assert search.fts_query("NEAR(a b)") == '"near a" AND "b"'
    assert search.fts_query("a AND NOT b") == '"a" AND "and" AND "not" AND "b"'
    assert search.parse("talks -Vienna -\"end talks\"").fts_excluded() == '"vienna" OR "end talks"'
    assert search.parse("-").empty and search.parse("- -").empty


def test_like_patterns_take_percent_and_underscore_literally(tmp_path):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("100% sure",), ("a_b",), ("ab",), ("plain",), ("back\\slash",)])

    def like(value):
        sql = f"SELECT x FROM t WHERE x LIKE ? ESCAPE '{search.LIKE_ESCAPE}' ORDER BY x"
        return [r[0] for r in conn.execute(sql, (search.like_pattern(value),))]

    assert like("%") == ["100% sure"]
    assert like("_") == ["a_b"]
    assert like("a_b") == ["a_b"]
    assert like("\\") == ["back\\slash"]
    assert like("plain") == ["plain"]


def test_story_search_is_full_text(news):
    q = news.queries
    assert titles(q.stories(search="Geneva talks")) == ["Russia and US end talks in Geneva"]
    assert titles(q.stories(search="geneva TALK")) == ["Russia and US end talks in Geneva"]  # stems, any case
    assert titles(q.stories(search="talk")) == ["Ministers meet in Vienna", "Russia and US end talks in Geneva"]
    assert titles(q.stories(search='"end talks"')) == ["Russia and US end talks in Geneva"]
    assert titles(q.stories(search='"talks end"')) == []
    assert titles(q.stories(search="Geneva OR Vienna")) == ["Ministers meet in Vienna",
                                                             "Russia and US end talks in Geneva"]
    assert titles(q.stories(search="negot*")) == ["Russia and US end talks in Geneva"]  # in the summary
    assert titles(q.stories(search="cafe sao paulo")) == ["Café owners protest in São Paulo"]  # accents folded
    assert titles(q.stories(search="Geneva", since="2022-01-11")) == []
    assert titles(q.stories(search="talks -Vienna")) == ["Russia and US end talks in Geneva"]
    assert len(q.stories(search="-Vienna")) == 3


@pytest.mark.parametrize("text", HOSTILE)
def test_searches_never_fail_or_match_everything_on_what_a_person_types(news, text):
    q = news.queries
    everything = len(q.stories())
    for rows in (q.stories(search=text), q.quotes(search=text), q.quotes(speaker=text), q.articles(search=text)):
        assert len(rows) < everything, (text, rows)
    assert q.count_stories(search=text).n == len(q.stories(search=text))
    assert q.count_quotes(search=text).n == len(q.quotes(search=text))


def test_percent_and_underscore_are_characters_not_wildcards(news):
    q = news.queries
    assert titles(q.stories(search="%")) == []  # not a word: matches nothing, not everything
    assert titles(q.articles(search="%")) == []  # article titles ("Title a1") hold no "%"
    assert q.quotes(speaker="%") == [] and q.quotes(speaker="_") == []
    assert [x.text for x in q.quotes(search="5 a_b")] == ["Prices rose 5% in a_b week"]
    assert titles(q.stories(search="sure_thing")) == ["Harvest 100% complete"]


def test_quote_search_uses_the_same_syntax_as_story_search(news):
    q = news.queries
    assert [x.text for x in q.quotes(search="talk guarantee")] == ["We talked about guarantees"]
    assert [x.text for x in q.quotes(search='"about guarantees"')] == ["We talked about guarantees"]
    assert sorted(x.text for x in q.quotes(search="guarantees OR prices")) == ["Prices rose 5% in a_b week",
                                                                               "We talked about guarantees"]


def test_searches_fall_back_to_literal_like_without_fts5(news):
    """SQLite builds without FTS5 exist (the store then has no index): the same syntax, as LIKE."""
    news.fts = False
    q = news.queries
    assert titles(q.stories(search="Geneva talks")) == ["Russia and US end talks in Geneva"]
    assert titles(q.stories(search="Geneva OR Vienna")) == ["Ministers meet in Vienna",
                                                             "Russia and US end talks in Geneva"]
    assert titles(q.stories(search="100%")) == ["Harvest 100% complete"]
    assert titles(q.stories(search="%")) == []
    assert titles(q.stories(search="talk -Vienna")) == ["Russia and US end talks in Geneva"]
    assert [x.text for x in q.quotes(search="a_b")] == ["Prices rose 5% in a_b week"]
    for text in HOSTILE:
        q.stories(search=text), q.quotes(search=text)


def test_story_index_follows_updated_titles_and_summaries(news):
    with news.batch("v1") as tx:
        tx.upsert_story({"id": "s-a1", "title": "Talks collapse", "summary": "No deal in Lausanne.",
                         "first_date": "2022-01-10", "last_date": "2022-01-10"})
    q = news.queries
    assert titles(q.stories(search="Geneva")) == []
    assert titles(q.stories(search="Lausanne")) == ["Talks collapse"]
    if news.dialect == "sqlite":  # raises when the index and the table are out of step
        news.conn.execute("INSERT INTO stories_fts(stories_fts, rank) VALUES ('integrity-check', 1)")
    else:  # PostgreSQL's index is a generated column: recomputed with the row, never out of step
        assert news.conn.execute("SELECT count(*) FROM stories WHERE search IS DISTINCT FROM "
                                 "to_tsvector('tidings', coalesce(title, '') || ' ' || coalesce(summary, ''))"
                                 ).fetchone()[0] == 0


def test_stories_on_the_same_day_are_ordered_by_size_then_title_not_by_id(news):
    q = news.queries
    with news.batch("v1") as tx:  # one more article in the Vienna story: the busiest of 2022-01-13
        item, _ = story_article("a5", "x", "y", "2022-01-13")
        tx.add_article(*item, story_id="s-a2", story_state={"id": "s-a2", "title": "Ministers meet in Vienna",
                                                            "summary": "", "first_date": "2022-01-13",
                                                            "last_date": "2022-01-13"})
    assert [s.title for s in q.stories()] == ["Ministers meet in Vienna", "Café owners protest in São Paulo",
                                              "Harvest 100% complete", "Russia and US end talks in Geneva"]
    assert [s.title for s in q.stories(order="earliest")][0] == "Russia and US end talks in Geneva"
    assert [s.title for s in q.stories(order="title")][0] == "Café owners protest in São Paulo"
    with pytest.raises(ValueError, match="story order"):
        q.stories(order="random")


def test_place_filter_is_case_insensitive(news):
    q = news.queries
    assert [e.place_name for e in q.events(place="baghdad")] == ["Baghdad"]
    assert [e.place_name for e in q.events(place=" BAGHDAD ")] == ["Baghdad"]
    assert q.count_events(place="baghdad").n == 1


def test_places_rank_by_asserted_events_like_dyads(store):
    kyiv, lviv = EventPlace("Kyiv", "UKR", 50.4, 30.5), EventPlace("Lviv", "UKR", 49.8, 24.0)
    (a1, _), (a2, _) = (story_article("p1", "t", "s", "2022-01-10", place=kyiv,
                                      events=[("RUSGOV", "190", "UKRGOV", "2022-01-10", "negated")] * 3),
                        story_article("p2", "t", "s", "2022-01-10", place=lviv,
                                      events=[("RUSGOV", "190", "UKRGOV")]))
    add(store, a1, a2)
    places = store.queries.places()
    assert [(p.name, p.asserted, p.events) for p in places] == [("Lviv", 1, 1), ("Kyiv", 0, 3)]


def test_totals_count_what_the_list_holds_and_stop_at_the_cap(news):
    q = news.queries
    assert (q.count_stories().n, q.count_stories().capped) == (4, False)
    assert q.count_stories(search="talk").n == 2
    assert q.count_quotes().n == len(q.quotes()) == 2
    assert q.count_articles(search="Title").n == 4
    assert q.count_events(source="RUS").n == len(q.events(source="RUS")) == 1
    assert q.count_events(source="XYZ").n == 0
    assert q.count_events().n == news.counts()["events"]
    news.conn.execute("CREATE TEMP TABLE many AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                      f"WHERE i < {COUNT_CAP + 5}) SELECT i FROM n")
    assert q._count("many", ["i > ?"], [2]) == Total(COUNT_CAP, True)


def test_events_sort_by_goldstein_and_confidence(store):
    (a, _), = [story_article("g1", "t", "s", "2022-01-10",
                             events=[("RUSGOV", "036", "UKRGOV"), ("RUSGOV", "190", "UKRGOV"),
                                     ("RUSGOV", "112", "UKRGOV")])]
    add(store, a)
    q = store.queries
    assert [e.goldstein for e in q.events(order="conflict")] == [-10.0, -2.0, 4.0]
    assert [e.goldstein for e in q.events(order="cooperation")] == [4.0, -2.0, -10.0]
    assert [e.goldstein for e in q.events(source="RUS", order="conflict", limit=1, offset=1)] == [-2.0]
    assert [e.eid for e in q.events(order="oldest")] == sorted(e.eid for e in q.events())
    with pytest.raises(ValueError, match="event order"):
        q.events(order="sideways")


def test_a_v5_store_gets_its_stories_and_quotes_indexed_when_migrated(tmp_path):
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, str(path), target=5)
    # rows as a v5 writer left them, put in by SQL: today's writer writes columns a v5 file lacks
    conn.execute("INSERT INTO stories (id, title, summary, first_date, last_date, state, updated_at, article_count) "
                 "VALUES ('s-m1', 'Russia and US end talks in Geneva', 'Eight hours.', '2022-01-10', '2022-01-10', "
                 "'{\"id\": \"s-m1\"}', '', 1)")
    conn.execute("INSERT INTO articles (id, title, day, text, content_hash, pipeline_version, analysis, story_id, "
                 "ingested_at) VALUES ('m1', 'Russia and US end talks in Geneva', '2022-01-10', 'Eight hours.', "
                 "'h-m1', 'v1', x'00', 's-m1', '')")
    conn.execute("INSERT INTO quotes (aid, speaker_name, actor_code, kind, text) "
                 "VALUES (1, 'Peskov', 'RUSGOV', 'direct', 'We talked about guarantees')")
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'stories_fts'").fetchone() is None
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == schema.SCHEMA_VERSION >= 6
        assert titles(s.queries.stories(search="Geneva talks")) == ["Russia and US end talks in Geneva"]
        assert [x.text for x in s.queries.quotes(search="talk")] == ["We talked about guarantees"]  # now stemmed
        tokenizer = s.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
        assert schema.FTS_TOKENIZER in tokenizer


@pytest.mark.parametrize("order", ["latest", "earliest", "articles", "title"])
def test_a_page_of_stories_in_any_order_is_read_from_an_index(news, order):
    from tidings.store.queries import STORY_ORDER_INDEXES, STORY_ORDERS

    if news.dialect == "sqlite":
        plan = " ".join(r[-1] for r in news.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT id FROM stories ORDER BY {STORY_ORDERS[order]} LIMIT 25"))
        assert f"INDEX {STORY_ORDER_INDEXES[order]}" in plan and "TEMP B-TREE" not in plan, plan
    else:  # four stories: a sequential scan would win, so the planner is told to avoid one if it can
        news.conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in news.conn.execute(
            f"EXPLAIN SELECT id FROM stories ORDER BY {STORY_ORDERS[order]} LIMIT 25"))
        assert f"using {STORY_ORDER_INDEXES[order]}" in plan and "Sort" not in plan, plan


def test_a_common_word_lists_the_same_stories_either_way(news):
    """A word in many stories walks the order's index; the answer is the one sorting the matches gives."""
    q = news.queries
    for order in ("latest", "earliest", "articles", "title"):
        expected = q.stories(search="in", order=order)
        q._common = lambda search, many=2000: True
        assert q.stories(search="in", order=order) == expected and len(expected) == 3
        assert q.stories(search="-Vienna", order=order) == [s for s in q.stories(order=order)
                                                            if "Vienna" not in s.title]
        del q._common
