"""Getting articles in: readers for files, folders, JSON Lines and standard input."""
