"""Reading articles from files, folders, JSON Lines and standard input into ``Article`` records.

Readers never raise for one bad item: they yield an ``ArticleError`` in its place, so a batch goes on
and the caller reports it. Only a missing input path raises (nothing can be done at all).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from tidings.errors import ArticleError, ArticleTooLarge, BinaryContent, EmptyArticle, TidingsError, UnreadableArticle
from tidings.ingest.encodings import announced_encoding
from tidings.ingest.markup import visible_text
from tidings.ingest.records import article_from_record
from tidings.model import Article
from tidings.settings import MAX_FILE_BYTES

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

#: what a file that is not UTF-8 is tried as, and how much of it must then be plain ASCII to be believed
LEGACY_ENCODING = "cp1252"
MIN_ASCII_SHARE = 0.8

#: character categories that make up no text: control, format, unassigned, private use, surrogate
_NOT_TEXT = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_MD_TITLE = re.compile(r"\A\s*#\s+(?P<title>[^\n]+)\n+")


class InputNotFound(TidingsError):
    """The input path does not exist."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: no such file or directory")


def read_articles(source: str, published: str | None = None) -> Iterator[Article | ArticleError]:
    """Articles from a path (file or folder) or ``-`` for standard input.

    ``published`` applies to every article that does not carry its own date; otherwise a date in the
    file name (``..._2016-09-12_...``) is used.
    """
    if source == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", published)
        return
    path = Path(source)
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p)):
            yield from read_file(file, published, id_stem=id_in_folder(file, path))
    elif path.is_file():
        yield from read_file(path, published)
    else:
        raise InputNotFound(source)


def _is_article_file(path: Path) -> bool:
    # a folder's README describes the folder; it is not an article
    return path.suffix.lower() in ARTICLE_SUFFIXES and not path.stem.upper().startswith("README")


def id_in_folder(path: Path, folder: Path) -> str:
    """The id of a file read from ``folder``: its path relative to the folder, without its suffix
    (``a/index.txt`` -> ``a/index``), so that ``a/index.txt`` and ``b/index.txt`` stay two articles.
    A file at the top of the folder keeps the id it has when read alone (its name without suffix)."""
    return path.relative_to(folder).with_suffix("").as_posix()


def read_file(path: Path, published: str | None = None, id_stem: str | None = None) -> Iterator[Article | ArticleError]:
    """The article(s) of one file. ``id_stem`` names it (see ``id_in_folder``); by default the file
    name without its suffix. Records of a JSON Lines file without an id are ``<id_stem>-<line>``."""
    name = str(path)
    suffix = path.suffix.lower()
    stem = id_stem or path.stem
    if suffix in JSONL_SUFFIXES:
        # a JSON Lines corpus may be any size: it is read a line at a time, each record checked alone
        try:
            with open(path, "rb") as fh:
                yield from _records_from_jsonl(fh, name, published, stem)
        except OSError as exc:
            yield UnreadableArticle(name, f"cannot read: {exc.strerror or exc}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleTooLarge(name, f"{size:,} bytes, over the limit of {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except ArticleError as exc:
        yield exc
        return
    except OSError as exc:
        yield UnreadableArticle(name, f"cannot read: {exc.strerror or exc}")
        return
    default_date = published or date_from_name(path.name)
    try:
        text = decode(data, name)
        if suffix in HTML_SUFFIXES:
            yield article_from_html(text, name, stem, default_date)
        else:
            yield article_from_text(text, name, stem, default_date)
    except ArticleError as exc:
        yield exc


def _read_stream(stream: BinaryIO, name: str, published: str | None) -> Iterator[Article | ArticleError]:
    head = stream.readline(MAX_FILE_BYTES + 1)
    if head.lstrip()[:1] == b"{":
        yield from _records_from_jsonl(itertools.chain([head], stream), name, published, by_content=True)
        return
    data = head + stream.read(MAX_FILE_BYTES + 1 - len(head))
    if len(data) > MAX_FILE_BYTES:
        yield ArticleTooLarge(name, f"over the limit of {MAX_FILE_BYTES:,} bytes")
        return
    try:
        text = decode(data, name)
        # standard input has no name to keep: what it says names it, so two texts are two articles
        stem = f"stdin-{content_digest(text)}"
        if re.match(r"\s*(<!doctype html|<html)", text[:200], re.I):
            yield article_from_html(text, name, stem, published)
        else:
            yield article_from_text(text, name, stem, published)
    except ArticleError as exc:
        yield exc


def decode(data: bytes, name: str) -> str:
    """Bytes to text: the encoding a byte order mark names (UTF-8, UTF-16, UTF-32; for markup also
    UTF-16/32 without one), else UTF-8, else Windows-1252 when that reads as mostly-ASCII prose (the
    usual legacy encoding of English news pages); anything else is refused, not guessed. Text with a
    NUL character anywhere is binary, not text."""
    if not data.strip():
        raise EmptyArticle(name, "empty file")
    announced = announced_encoding(data[:4])
    if announced is not None:
        codec, bom = announced
        try:
            text = data[bom:].decode(codec)
        except UnicodeDecodeError as exc:
            raise UnreadableArticle(name, f"not valid {codec.upper()} ({exc.reason} at byte {exc.start + bom}), "
                                          f"though it starts as {codec.upper()}") from None
        _refuse_nul(text, name)
        if not text.strip():
            raise EmptyArticle(name, "empty file")
        if codec != "utf-8" and not _plausible(text):
            raise UnreadableArticle(name, f"starts with a {codec.upper()} byte order mark but does not read as "
                                          f"text in it; convert it to UTF-8")
        return text
    # checked on the bytes, all of them: a NUL deep inside a file must not reach the store
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryContent(name, f"contains NUL bytes (the first at byte {nul:,}): a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    reason = f"not valid UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
    try:
        text = data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        raise UnreadableArticle(name, f"{reason} nor {LEGACY_ENCODING}; convert it to UTF-8") from None
    ascii_share = sum(c.isascii() for c in text) / len(text)
    if ascii_share < MIN_ASCII_SHARE:
        raise UnreadableArticle(name, f"{reason}; as {LEGACY_ENCODING} it is not readable text; convert it to UTF-8")
    return text


def _plausible(text: str, sample: int = 65_536) -> bool:
    """Whether decoded text reads as text: two bytes that happen to look like a byte order mark can
    stand before anything, and UTF-16 decodes almost any bytes to *some* characters, mostly ones
    no text uses (unassigned, private, format and control characters)."""
    head = text[:sample]
    odd = sum(1 for c in head if unicodedata.category(c) in _NOT_TEXT and c not in "\t\n\r\f\v\u200b\u200c\u200d")
    return odd <= max(2, len(head) // 100)


def _refuse_nul(text: str, name: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryContent(name, f"contains NUL characters (the first at character {nul:,}): a binary file, not text")


def date_from_name(name: str) -> str | None:
    m = _DATE_IN_NAME.search(name)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def article_from_text(text: str, name: str, stem: str, published: str | None) -> Article:
    """A text or Markdown article; a leading ``# Heading`` is its title and not part of its text."""
    title = None
    m = _MD_TITLE.match(text)
    if m:
        title = m["title"].strip()
        text = text[m.end():]
    if not text.strip():
        raise EmptyArticle(name, "no text after the title")
    return Article(id=stem, text=text, title=title, published=published, origin=name)


def article_from_html(html: str, name: str, stem: str, published: str | None, url: str | None = None) -> Article:
    """Main text, title and date of an HTML page (trafilatura), falling back to all visible text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        doc = None
        fallback_reason = str(exc)
    else:
        fallback_reason = "no main text found"
    title = getattr(doc, "title", None) if doc is not None else None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        text = visible_text(html)
        if not text.strip():
            raise EmptyArticle(name, f"HTML page has no text ({fallback_reason})")
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    date = published or (getattr(doc, "date", None) if doc is not None else None) or date_from_name(name)
    return Article(id=stem, text=text, title=title, url=url or (getattr(doc, "url", None) if doc else None),
                   published=date, origin=name)


def content_digest(text: str | bytes) -> str:
    """12 hex digits naming a text by what it says."""
    return hashlib.sha1(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()[:12]


def _records_from_jsonl(lines: Iterable[bytes], name: str, published: str | None, id_stem: str | None = None,
                        by_content: bool = False) -> Iterator[Article | ArticleError]:
    """Articles from JSON Lines; a record without an id is named by ``id_stem`` (the file's name
    without its suffix, as a path relative to the folder read) and its line number, or, with
    ``by_content`` (a stream: its line numbers mean nothing next time), by a digest of the record."""
    stem = "stdin" if by_content else id_stem or Path(name).stem
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        item = f"{name} line {lineno}"
        if len(raw) > MAX_FILE_BYTES:
            yield ArticleTooLarge(item, f"{len(raw):,} bytes, over the limit of {MAX_FILE_BYTES:,}")
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield UnreadableArticle(item, f"not valid UTF-8 ({exc.reason})")
            continue
        except json.JSONDecodeError as exc:
            yield UnreadableArticle(item, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield UnreadableArticle(item, "a record must be a JSON object")
            continue
        try:
            default_id = f"{stem}-{content_digest(raw.strip())}" if by_content else f"{stem}-{lineno}"
            yield article_from_record(record, item, default_id, published)
        except ArticleError as exc:
            yield exc
