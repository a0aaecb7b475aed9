"""Reading knowledge files: tab-separated tables with a header line naming their kind.

Every knowledge file, built-in or a user's own, looks like this::

    #! tidings actors 1            <- kind and format version; required first line
    # comments start with '#'; blank lines are ignored
    pattern<TAB>code<TAB>...       <- the columns of that kind (documented in docs/dictionaries.md)

Built-in files live in ``tidings/knowledge/data/<kind>/*.tsv``. A user passes extra files (``--dictionary
FILE``); each loader reads the built-ins first, then the user files of its kind, so user rows win.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from tidings.errors import KnowledgeError

DATA_DIR = Path(__file__).parent / "data"
_HEADER = re.compile(r"^#!\s*tidings\s+(?P<kind>[a-z_]+)\s+(?P<version>\d+)\s*$")


def file_kind(path: Path) -> str:
    """The kind declared on a knowledge file's first line."""
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline().strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(str(path), None, f"cannot read: {exc}") from exc
    m = _HEADER.match(first)
    if not m:
        raise KnowledgeError(str(path), 1, "first line must be '#! tidings <kind> <version>', e.g. '#! tidings actors 1'")
    return m["kind"]


def builtin_files(kind: str) -> list[Path]:
    return sorted((DATA_DIR / kind).glob("*.tsv"))


def files_of_kind(kind: str, user_files: tuple[Path, ...] = ()) -> list[Path]:
    """Built-in files of ``kind`` followed by the user's files of that kind."""
    return builtin_files(kind) + [Path(p) for p in user_files if file_kind(Path(p)) == kind]


def read_rows(path: Path, kind: str, min_columns: int, max_columns: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, columns) for each data row, validating the header and column count."""
    found = file_kind(path)
    if found != kind:
        raise KnowledgeError(str(path), 1, f"expected a '{kind}' file, found '{found}'")
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if lineno == 1:
                continue
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            while cols and cols[-1] == "":
                cols.pop()
            if len(cols) < min_columns or (max_columns is not None and len(cols) > max_columns):
                want = f"{min_columns}" if max_columns == min_columns else f"{min_columns}-{max_columns or 'n'}"
                raise KnowledgeError(str(path), lineno, f"expected {want} tab-separated columns, found {len(cols)}")
            yield lineno, cols
