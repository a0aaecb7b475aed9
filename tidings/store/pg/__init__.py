"""The PostgreSQL store: the same tables, rollups, queries and exports as the SQLite file, for teams
that share one database and run several writers at once (``--db postgresql://user@host/db``).

Modules: ``connection`` (a psycopg 3 connection that speaks the store's SQL through
``tidings.store.dialect``), ``schema`` (the PostgreSQL twin of ``tidings.store.schema``), ``store``
(``PgStore``/``PgBatch``: what differs in writing).
"""
