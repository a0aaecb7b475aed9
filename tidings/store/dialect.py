"""The SQL differences between the two stores, SQLite and PostgreSQL, in one place.

The store's SQL is written once, in SQLite's dialect (``sqlite.py``, ``rollups.py``, ``queries.py``,
``export.py``). A PostgreSQL store runs the same statements through ``postgres_sql``, which rewrites
the few constructs PostgreSQL spells differently:

* placeholders: ``?``, ``?NNN`` and ``:name`` become ``%s``, ``%(pNNN)s`` and ``%(name)s`` (a literal ``%`` is doubled);
* ``INSERT OR IGNORE`` becomes ``ON CONFLICT DO NOTHING``; an ``ON CONFLICT DO UPDATE`` without a
  conflict target gets the table's key (PostgreSQL requires one);
* aggregates: ``total(x)`` (a float sum, 0.0 over no rows) is ``coalesce(sum(x), 0)::float8``;
  ``sum(a = b)`` sums a comparison, which PostgreSQL keeps boolean: ``sum((a = b)::int)``;
  two-argument ``min``/``max`` are ``least``/``greatest``;
* integer flags used as conditions (``sym``) are compared with 0;
* the column ``symmetric`` is quoted (a reserved word in PostgreSQL);
* ``LIKE`` (ASCII case-insensitive in SQLite) is ``ILIKE``;
* the ISO week expression of ``rollups.GRAINS`` is the ``tidings_week`` SQL function of the
  PostgreSQL schema; ``round(x, n)`` rounds a ``numeric``;
* a subquery in FROM gets an alias (PostgreSQL 15 requires one); ``temp.`` is ``pg_temp.``;
  the planner hints ``INDEXED BY`` and unary ``+`` are dropped;
* ``ORDER BY`` keys of columns that may be NULL say where NULLs go, as SQLite puts them (first
  ascending, last descending; the story order indexes of the PostgreSQL schema are built the same way);
* ``x = ? COLLATE NOCASE`` compares ``lower()`` of both; ``x IS ?`` is ``x IS NOT DISTINCT FROM ?``;
  ``json_extract(col, '$.key')`` is ``col::jsonb ->> 'key'``.

Full-text search is not rewritten here: ``search.py`` builds FTS5 or tsquery conditions itself.
Rewrites are cached per statement text (the store issues a few hundred distinct statements).
"""
from __future__ import annotations

import re
from functools import lru_cache

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(db) -> bool:
    """Whether ``db`` (a ``--db`` value, ``$TIDINGS_DB``) names a PostgreSQL database, not a file."""
    return isinstance(db, str) and db.startswith(POSTGRES_SCHEMES)


#: conflict targets of the tables written with ``ON CONFLICT DO UPDATE`` / ``INSERT OR IGNORE``
_KEYS = {"mentions": "aid, actor_id", "signatures": "aid", "stories": "id", "codes": "code"}
for _family, _keys in (("dyad", "src, tgt"), ("pair", "a, b"), ("actor", "code")):
    for _grain in ("day", "week", "month", "year", "total"):
        _KEYS[f"{_family}_{_grain}"] = f"{_keys}, period"

_LITERAL = re.compile(r"('(?:[^']|'')*')")
_INSERT_TABLE = re.compile(r"\bINSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+(\w+)", re.I)
_WEEK = re.compile(r"coalesce\(date\(([\w.]+), 'weekday 0', '-6 days'\), [\w.]+\)|date\(([\w.]+), 'weekday 0', '-6 days'\)")
_COMPARE_SUM = re.compile(r"\b(sum|total)\(([\w.]+ = (?:'[^']*'|[\w.]+))\)")
_JSON_FIELD = re.compile(r"\bjson_extract\(([\w.]+), '\$\.(\w+)'\)")
_NOCASE = re.compile(r"([\w.]+) = \? COLLATE NOCASE")
_TWO_ARG = re.compile(r"\b(min|max)\(([\w.]+), ([\w.]+)\)")
_MAX_ONE = re.compile(r"\bmax\(1, ")
_ROUND = re.compile(r"\bround\(([\w.]+), (\d+)\)")
_FLAG_NOT = re.compile(r"\bNOT sym\b")
_FLAG = re.compile(r"\b(WHEN|AND|WHERE) sym\b(?!\s*(?:=|<>|!=|<|>))")
_UNARY_PLUS = re.compile(r"(?<=[\s(])\+(?=[a-z_])")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_ORDER_BY = re.compile(r"\bORDER BY\s+(.*?)(?=\s+LIMIT\b|\s+OFFSET\b|\)|$)", re.S | re.I)
_ORDER_KEY = re.compile(r"^\s*([\w.\"]+)(?:\s+(ASC|DESC))?\s*$", re.I)


def _code_part(sql: str) -> str:
    """Rewrites of the SQL outside string literals."""
    sql = sql.replace("%", "%%")
    sql = re.sub(r"\?(\d+)", r"%(p\1)s", sql)  # SQLite's numbered ?NNN: named, see ``numbered``
    sql = sql.replace("?", "%s")
    sql = _NAMED.sub(r"%(\1)s", sql)
    sql = re.sub(r"\bIS (NOT )?%s", lambda m: f"IS {'' if m.group(1) else 'NOT '}DISTINCT FROM %s", sql)
    sql = re.sub(r"\btotal\(", "_tidings_total(", sql)
    sql = _TWO_ARG.sub(lambda m: f"{'least' if m.group(1) == 'min' else 'greatest'}({m.group(2)}, {m.group(3)})", sql)
    sql = _MAX_ONE.sub("greatest(1, ", sql)
    sql = _ROUND.sub(r"round((\1)::numeric, \2)", sql)
    sql = _FLAG_NOT.sub("sym = 0", sql)
    sql = _FLAG.sub(r"\1 sym <> 0", sql)
    sql = _UNARY_PLUS.sub("", sql)
    sql = re.sub(r"(?<![\w\"])symmetric\b", '"symmetric"', sql)  # a reserved word in PostgreSQL
    sql = re.sub(r"\btemp\.", "pg_temp.", sql)
    sql = re.sub(r"\s+INDEXED BY \w+", "", sql)
    sql = re.sub(r"\bLIKE\b", "ILIKE", sql)
    sql = re.sub(r"\bBEGIN IMMEDIATE\b", "BEGIN", sql)
    return sql


def _total(sql: str) -> str:
    """``_tidings_total(x)`` (marked by ``_code_part``) as a float sum that is 0.0 over no rows."""
    out, i = [], 0
    mark = "_tidings_total("
    while True:
        j = sql.find(mark, i)
        if j < 0:
            out.append(sql[i:])
            return "".join(out)
        end = _closing(sql, j + len(mark) - 1)
        out.append(sql[i:j])
        out.append(f"coalesce(sum({_total(sql[j + len(mark):end])}), 0)::float8")
        i = end + 1


def _closing(sql: str, open_at: int) -> int:
    """The index of the parenthesis closing the one at ``open_at``."""
    depth = 0
    for k in range(open_at, len(sql)):
        if sql[k] == "(":
            depth += 1
        elif sql[k] == ")":
            depth -= 1
            if depth == 0:
                return k
    raise ValueError(f"unbalanced parentheses in {sql!r}")


def _alias_subqueries(sql: str) -> str:
    """Give every ``FROM (subquery)`` without an alias one."""
    inserts = []
    for m in re.finditer(r"\bFROM\s*\(", sql, re.I):
        end = _closing(sql, m.end() - 1)
        follow = re.match(r"\s*(\w+)", sql[end + 1:])
        if not follow or follow.group(1).upper() in _NOT_ALIAS:
            inserts.append(end + 1)
    for n, at in enumerate(sorted(inserts, reverse=True)):
        sql = f"{sql[:at]} AS _sub{n}{sql[at:]}"
    return sql


_NOT_ALIAS = {"WHERE", "GROUP", "ORDER", "LIMIT", "EXCEPT", "UNION", "JOIN", "INTERSECT", "OFFSET", "LEFT", "INNER",
              "CROSS", "HAVING", "ON"}


def _nulls(sql: str) -> str:
    """``ORDER BY`` keys with SQLite's NULL placement (first when ascending, last when descending)."""
    def keys(m: re.Match) -> str:
        parts = _split_top(m.group(1))
        done = []
        for p in parts:
            k = _ORDER_KEY.match(p)
            if k is None or "NULLS" in p.upper() or k.group(1).split(".")[-1] in NOT_NULL:
                done.append(p.strip())
            elif (k.group(2) or "").upper() == "DESC":
                done.append(f"{k.group(1)} DESC NULLS LAST")
            else:
                done.append(f"{k.group(1)}{' ASC' if k.group(2) else ''} NULLS FIRST")
        return "ORDER BY " + ", ".join(done)

    return _ORDER_BY.sub(keys, sql)


#: columns (and the names queries give sums) that are never NULL: their ORDER BY keys are left as
#: written, so that an index on them serves the order
NOT_NULL = {"eid", "aid", "qid", "id", "period", "n", "p", "article_count", "events", "goldstein", "seq",
            "code", "partner", "src", "tgt", "a", "b", "1", "2", "3", "version"}


def _split_top(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


@lru_cache(maxsize=2048)
def postgres_sql(sql: str) -> str:
    """``sql`` (SQLite's dialect, as the store writes it) in PostgreSQL's dialect."""
    if sql.strip().upper() == "BEGIN":
        # a reader's BEGIN (queries, exports) asks for one snapshot across its statements
        return "BEGIN ISOLATION LEVEL REPEATABLE READ"
    sql = _WEEK.sub(lambda m: f"tidings_week({m.group(1) or m.group(2)})", sql)
    sql = _COMPARE_SUM.sub(r"\1((\2)::int)", sql)  # before the split: the compared value may be a literal
    sql = _NOCASE.sub(r"lower(\1) = lower(?)", sql)
    sql = _JSON_FIELD.sub(r"(\1::jsonb ->> '\2')", sql)
    pieces = _LITERAL.split(sql)
    # a literal keeps its text, but psycopg reads "%" everywhere in the statement: doubled there too
    sql = "".join(p.replace("%", "%%") if i % 2 else _code_part(p) for i, p in enumerate(pieces))
    sql = _total(sql)
    sql = _alias_subqueries(sql)
    sql = _nulls(sql)
    ignore = re.search(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", sql, re.I)
    if ignore:
        sql = sql[:ignore.start()] + "INSERT INTO" + sql[ignore.end():]
        sql = sql.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    if re.search(r"\bON CONFLICT DO UPDATE\b", sql, re.I):
        table = _INSERT_TABLE.search(sql).group(1)
        sql = re.sub(r"\bON CONFLICT DO UPDATE\b", f"ON CONFLICT ({_KEYS[table]}) DO UPDATE", sql, flags=re.I)
    if re.search(r"\bDO UPDATE SET\b", sql, re.I):
        # the stored row's column, not EXCLUDED's (an unqualified name would be ambiguous)
        table = _INSERT_TABLE.search(sql).group(1)
        sql = re.sub(r"\b(\w+) = \1 \+ excluded\.\1\b", rf"\1 = {table}.\1 + excluded.\1", sql)
    return sql


def numbered(sql: str) -> bool:
    """Whether ``sql`` uses numbered placeholders (``?1``): its parameters are then passed to
    PostgreSQL as a dict ``{"p1": first, ...}``."""
    return re.search(r"\?\d", sql) is not None


def table_names(conn) -> set[str]:
    """The tables of the store ``conn`` is connected to (SQLite's ``sqlite_master`` or PostgreSQL's catalog)."""
    if getattr(conn, "dialect", "sqlite") == "postgresql":
        return {r[0] for r in conn.run("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def column_names(conn, table: str) -> set[str]:
    if getattr(conn, "dialect", "sqlite") == "postgresql":
        return {r[0] for r in conn.run("SELECT column_name FROM information_schema.columns "
                                       "WHERE table_schema = current_schema() AND table_name = %s", (table,))}
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
