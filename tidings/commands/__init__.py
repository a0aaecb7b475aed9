"""The command-line commands over the corpus store, grouped by what they do: ``ingest`` (getting
articles in), ``ask`` (querying), ``export``; ``output`` renders rows as a table, JSON Lines or CSV."""
