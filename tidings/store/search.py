"""What a person types in a search box, read as one small syntax for every full-text search (stories
and quotes), and turned into SQLite FTS5 queries or, where FTS5 is missing, into LIKE conditions.

The syntax::

    Geneva talks          every word must occur, anywhere, in any case; a word also finds its other
                          forms ("talk" finds "talks", "talked": the index holds Porter stems)
    "end the talks"       a phrase: these words next to each other, in this order
    Geneva OR Vienna      either (OR in capitals, between two terms; it binds tighter than the
                          implicit AND: "Geneva OR Vienna talks" is (Geneva or Vienna) and talks)
    talks -Vienna         without this word (or -"a phrase")
    negot*                a word starting with this (stems are indexed: keep prefixes short)

Everything else a person may type is text, never syntax and never an error: ``%``, ``_``, brackets,
colons, carets, ``AND``, ``NOT``, ``NEAR``, an unclosed quote. Characters that are not part of a
word (punctuation) only separate words: "US-Russia" is the phrase "us russia". A search with no
word at all matches nothing.

``like_pattern`` escapes ``%``, ``_`` and the escape character itself, for the LIKE searches left
(a speaker's name, an article title): there they are the characters themselves, not wildcards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

#: the escape character of every LIKE pattern built here (``LIKE ? ESCAPE '\'``)
LIKE_ESCAPE = "\\"

# an optionally negated quoted phrase (an unclosed quote runs to the end), else a run of non-space
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: "_" separates words, as in the index


@dataclass(frozen=True)
class Term:
    """One thing to find: its words (next to each other, in order, when several) and whether the last
    one is a prefix."""

    words: tuple[str, ...]
    prefix: bool = False
    written: str = ""  # as typed (without quotes, minus sign or final *): what the LIKE fallback looks for

    def fts(self) -> str:
        # an FTS5 string is the phrase of the tokens in it; doubling a quote is its only escape
        return '"' + " ".join(self.words).replace('"', '""') + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        # a PostgreSQL tsquery: the words in a row (<->), the last one a prefix (:*) when marked
        words = [f"'{w}'" for w in self.words]
        if self.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")"

    def like(self) -> str:
        """The LIKE pattern of this term in the fallback: the text as typed, anywhere."""
        return like_pattern(self.written or " ".join(self.words))


@dataclass(frozen=True)
class Search:
    """A parsed search: ``groups`` must each match (one term of a group is enough); no term of
    ``excluded`` may match."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = field(default=())

    @property
    def empty(self) -> bool:
        """No word to look for: nothing matches."""
        return not self.groups and not self.excluded

    def fts_match(self) -> str | None:
        """The FTS5 MATCH expression rows must satisfy (None: no positive term)."""
        if not self.groups:
            return None
        return " AND ".join("(" + " OR ".join(t.fts() for t in g) + ")" if len(g) > 1 else g[0].fts()
                            for g in self.groups)

    def fts_excluded(self) -> str | None:
        """The FTS5 MATCH expression of the rows to leave out (None: none)."""
        return " OR ".join(t.fts() for t in self.excluded) or None

    def tsquery_match(self) -> str | None:
        """The PostgreSQL ``to_tsquery`` text rows must satisfy (None: no positive term)."""
        if not self.groups:
            return None
        return " & ".join("(" + " | ".join(t.tsquery() for t in g) + ")" for g in self.groups)

    def tsquery_excluded(self) -> str | None:
        return " | ".join(t.tsquery() for t in self.excluded) or None

    def like(self, columns: list[str]) -> tuple[str, list[str]]:
        """The same search as LIKE conditions over ``columns`` (a term may be in any of them). No stems
        without an index: "talk" finds "talks" (a substring) but "talks" does not find "talk"."""
        sql, params = [], []

        def anywhere(term: Term) -> str:
            params.extend([term.like()] * len(columns))
            return "(" + " OR ".join(f"coalesce({c}, '') LIKE ? ESCAPE '{LIKE_ESCAPE}'" for c in columns) + ")"

        for group in self.groups:
            sql.append("(" + " OR ".join(anywhere(t) for t in group) + ")")
        for term in self.excluded:
            sql.append("NOT " + anywhere(term))
        return " AND ".join(sql), params


def parse(text: str | None) -> Search:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for m in _TOKEN.finditer(text or ""):
        negated, phrase, bare = m.group(1) == "-", m.group(2), m.group(3)
        if bare == "OR":
            join_next = bool(groups)  # an OR with nothing before it joins nothing
            continue
        if bare is not None and bare.startswith("-") and _WORD.search(bare):
            negated, bare = True, bare[1:]
        prefix = bare is not None and bare.endswith("*")
        written = phrase.strip() if phrase is not None else bare.rstrip("*")
        words = tuple(w.lower() for w in _WORD.findall(written))
        if not words:
            continue  # only punctuation: nothing to look for
        # several words in one bare token ("US-Russia", "U.N.") are one written unit: a phrase
        term = Term(words, prefix, written)
        if negated:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return Search(tuple(tuple(g) for g in groups), tuple(excluded))


def fts_query(text: str | None) -> str | None:
    """The FTS5 MATCH expression of the positive terms of ``text`` (for tests and tools)."""
    return parse(text).fts_match()


def like_pattern(value: str, contains: bool = True) -> str:
    """``value`` as a LIKE pattern that matches it literally (``%`` and ``_`` are themselves), wrapped
    in ``%...%`` when ``contains``. Use with ``ESCAPE '\\'``."""
    escaped = (value.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%")
               .replace("_", LIKE_ESCAPE + "_"))
    return f"%{escaped}%" if contains else escaped


#: PostgreSQL: the table and key column holding the ``search`` tsvector of each SQLite FTS5 index
PG_SEARCH = {"quotes_fts": ("quotes", "qid"), "stories_fts": ("stories", "rowid")}


def sql_condition(text: str | None, key: str, fts_table: str | None, like_columns: list[str],
                  dialect: str = "sqlite"):
    """``(SQL, params)`` selecting the rows whose ``key`` (the row's rowid expression) match ``text``:
    through ``fts_table`` when there is one, else LIKE over ``like_columns``. None when ``text``
    holds no word (nothing matches). With ``dialect`` "postgresql", the index is the ``search``
    tsvector column of the table ``PG_SEARCH`` names."""
    found = parse(text)
    if found.empty:
        return None
    if fts_table is None:
        return found.like(like_columns)
    if dialect == "postgresql":
        table, pk = PG_SEARCH[fts_table]
        sql, params = [], []
        for match, op in ((found.tsquery_match(), "IN"), (found.tsquery_excluded(), "NOT IN")):
            if match is not None:
                sql.append(f"{key} {op} (SELECT {pk} FROM {table} WHERE search @@ to_tsquery('tidings', ?))")
                params.append(match)
        return " AND ".join(sql), params
    sql, params = [], []
    if found.fts_match() is not None:
        sql.append(f"{key} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(found.fts_match())
    if found.fts_excluded() is not None:
        sql.append(f"{key} NOT IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH ?)")
        params.append(found.fts_excluded())
    return " AND ".join(sql), params
