"""Articles from a CSV (or TSV) file, one per row, read a line at a time (a corpus may be any size).

Columns are found by header name (``CSV_HEADER_NAMES``) or named by the caller. A file that lacks a
needed column is one error for the file; a bad row is one error naming its line, and the rows after
it are read as usual:

* a row that is not UTF-8, or has more or fewer cells than the header, is reported;
* a quote that is never closed would swallow every row after it into one cell (Python's ``csv``
  reads on to the end of the file, looking for the closing quote). Such a row is reported at the
  line where it (and its quote) began, and reading starts again on the line after it;
* a cell may be as long as an article may be (``MAX_ARTICLE_CHARS``); a longer one, or a row longer
  than ``MAX_ROW_CHARS``, usually a quote left open, is reported the same way. This also bounds what
  is held in memory while the parser looks for a closing quote.
"""
from __future__ import annotations

import csv
import re
from collections import deque
from pathlib import Path
from typing import BinaryIO, Iterator, Mapping

from tidings.errors import ArticleError, CSVError, EmptyArticle, MissingColumns, UnreadableArticle
from tidings.ingest.records import article_from_record
from tidings.model import Article
from tidings.settings import MAX_ARTICLE_CHARS

CSV_FIELDS = ("id", "title", "text", "published", "url", "outlet")
REQUIRED_CSV_FIELDS = ("text",)
#: header names each field is looked for under, compared ignoring case, spaces, '_' and '-'
CSV_HEADER_NAMES = {
    "id": ("id", "article id", "doc id", "document id", "guid", "uuid", "key"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "article", "story", "full text", "description"),
    "published": ("published", "date", "published at", "publish date", "publication date", "pubdate",
                  "date published", "datetime", "timestamp"),
    "url": ("url", "link", "href", "uri", "source url"),
    "outlet": ("outlet", "source", "publisher", "site", "site name", "domain", "publication", "media"),
}
CSV_SUFFIXES = {".csv", ".tsv"}
#: the longest cell, in characters: an article's text may be this long, and no longer
MAX_CELL_CHARS = MAX_ARTICLE_CHARS
#: the longest row, in characters: the text cell and the short cells beside it
MAX_ROW_CHARS = MAX_CELL_CHARS + 100_000
#: the longest physical line read at once, in bytes (a row of MAX_ROW_CHARS in UTF-8)
MAX_LINE_BYTES = 4 * MAX_ROW_CHARS


def read_csv(path: Path, columns: Mapping[str, str] | None = None,
             id_stem: str | None = None) -> Iterator[Article | ArticleError]:
    """Articles from a CSV (or .tsv) file, one per row. ``columns`` maps fields to header names the
    defaults do not find; a row without an id is ``<id_stem>-<line>`` (by default the file name
    without its suffix)."""
    name = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield UnreadableArticle(name, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        yield from csv_rows(fh, name, id_stem or path.stem, delimiter, columns or {})


def csv_rows(fh: BinaryIO, name: str, stem: str, delimiter: str,
             chosen: Mapping[str, str]) -> Iterator[Article | ArticleError]:
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)  # process-wide, but only ever raised
    lines = _Lines(fh, MAX_ROW_CHARS)
    reader = csv.reader(lines, delimiter=delimiter)
    lines.begin_row()
    try:
        header = next(reader, None)
    except (csv.Error, _RowTooLong) as exc:
        yield CSVError(name, f"unreadable header ({exc})")
        return
    if not header or lines.ran_out:
        yield CSVError(name, "empty CSV file (no header row)" if not header else
                             "unreadable header (a quote opened in it is never closed)")
        return
    columns, problems = map_columns(header, chosen)
    if problems:
        yield MissingColumns(name, f"missing column(s): {'; '.join(problems)}; the header has: {', '.join(header)}")
        return
    while True:
        lines.begin_row()
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, _RowTooLong) as exc:
            start = lines.row_start
            if isinstance(exc, _RowTooLong):
                reason = f"a row over the limit of {lines.max_row_chars:,} characters (is a quote left open?)"
            elif "field limit" in str(exc):
                reason = f"a cell over the limit of {csv.field_size_limit():,} characters (is a quote left open?)"
            else:
                reason = f"malformed CSV ({exc})"
            yield CSVError(f"{name} line {start}", f"{reason}; row skipped, reading again from line {start + 1}")
            lines.replay_after_first()
            reader = csv.reader(lines, delimiter=delimiter)  # a fresh parser, out of the broken row
            continue
        start = lines.row_start
        item = f"{name} line {start}"
        if lines.ran_out and row:
            # the parser reached the end of the file inside quotes: this row swallowed all the rest
            yield CSVError(item, f"a quote opened in this row is never closed; row skipped, reading again "
                                 f"from line {start + 1}")
            lines.replay_after_first()
            reader = csv.reader(lines, delimiter=delimiter)
            continue
        if not any(cell.strip() for cell in row):
            continue
        problem = lines.row_problem()
        if problem:
            yield CSVError(item, problem)
            continue
        if len(row) != len(header):
            yield CSVError(item, f"{len(row)} field(s) where the header has {len(header)}")
            continue
        values = {f: row[i].strip() for f, i in columns.items()}
        if not values["text"]:
            yield EmptyArticle(item, f"empty text (column {header[columns['text']]!r})")
            continue
        try:
            yield article_from_record(values, item, f"{stem}-{start}")
        except ArticleError as exc:
            yield exc


def map_columns(header: list[str], chosen: Mapping[str, str]) -> tuple[dict[str, int], list[str]]:
    """Field -> column index, and what is missing (each as words for the error message)."""
    def key(text: str) -> str:
        return re.sub(r"[\s_-]+", "", text.lower())

    index = {}
    for i, col in enumerate(header):
        index.setdefault(key(col), i)
    columns, problems = {}, []
    for fld in CSV_FIELDS:
        if fld in chosen:
            if key(chosen[fld]) in index:
                columns[fld] = index[key(chosen[fld])]
            else:
                problems.append(f"{chosen[fld]!r} (given for {fld})")
            continue
        found = next((index[key(n)] for n in CSV_HEADER_NAMES[fld] if key(n) in index), None)
        if found is not None:
            columns[fld] = found
        elif fld in REQUIRED_CSV_FIELDS:
            problems.append(f"{fld} (looked for {', '.join(CSV_HEADER_NAMES[fld])})")
    return columns, problems


class _Lines:
    """The lines of a byte stream as text, numbered, for ``csv.reader`` (which asks for one line at a
    time and never reads ahead). The lines of the row being parsed are kept, so that a row found
    broken can be given back, all but its first line, to be parsed again. A line that is not UTF-8,
    or longer than ``MAX_LINE_BYTES``, is noted so that its row is reported, not silently mangled."""

    def __init__(self, fh: BinaryIO, max_row_chars: int):
        self._fh = fh
        self.max_row_chars = max_row_chars
        self._row_chars = 0
        self._number = 0
        self._replay: deque[tuple[int, str]] = deque()
        self._row: list[tuple[int, str]] = []
        self._problems: dict[int, str] = {}
        #: the parser asked for a line after the last one while reading the current row
        self.ran_out = False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._replay:
            number, text = self._replay.popleft()
        else:
            raw = self._fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                self.ran_out = True
                raise StopIteration
            self._number += 1
            number = self._number
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                self._problems[number] = f"a line over the limit of {MAX_LINE_BYTES:,} bytes"
                while raw and not raw.endswith(b"\n"):  # the rest of the line is not read into memory
                    raw = self._fh.readline(MAX_LINE_BYTES + 1)
                raw = b"\n"
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                self._problems[number] = "not valid UTF-8; convert the file to UTF-8"
                text = raw.decode("utf-8", errors="replace")
        self._row.append((number, text))
        self._row_chars += len(text)
        if self._row_chars > self.max_row_chars:
            raise _RowTooLong(f"row over {self.max_row_chars:,} characters")
        return text

    def begin_row(self) -> None:
        self._row = []
        self._row_chars = 0
        self.ran_out = False

    @property
    def row_start(self) -> int:
        """The line the current row began on."""
        return self._row[0][0] if self._row else self._number + 1

    def row_problem(self) -> str | None:
        return next((self._problems[n] for n, _ in self._row if n in self._problems), None)

    def replay_after_first(self) -> None:
        """Give back the current row's lines but its first, to be read again."""
        self._replay.extendleft(reversed(self._row[1:]))
        self.begin_row()


class _RowTooLong(Exception):
    """Internal: raised through ``csv.reader`` when a row grows past the limit."""
