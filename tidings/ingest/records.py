"""One record of a JSON Lines or CSV corpus to an ``Article``: every field's type checked, its text
cleaned of HTML residue, and a bad record reported as one error naming it.

A JSON record can carry anything in a field (a list for a title, a number for an id, null for the
text); passed on, it breaks something far downstream with no word of which record it was. So each
field is checked here: an id may be a string or a whole number; a title, outlet or date may be a
string or a number (written as it reads); a URL must be a string; the text must be a string. Any
other type is a ``BadRecord`` naming the file, the line and the field.
"""
from __future__ import annotations

from typing import Mapping

from tidings.errors import BadRecord, BinaryContent, EmptyArticle
from tidings.ingest.markup import unescape_residue
from tidings.model import Article

#: the fields a record may carry; any other key is ignored
RECORD_FIELDS = ("id", "text", "title", "published", "url", "outlet")
_LABEL_FIELDS = ("title", "published", "outlet")


def article_from_record(record: Mapping[str, object], item: str, default_id: str,
                        default_published: str | None = None) -> Article:
    """The article a record describes. ``item`` names the record in errors (``in.jsonl line 7``);
    ``default_id`` is its id when it has none. Raises ``BadRecord``, ``EmptyArticle`` or
    ``BinaryContent``."""
    text = record.get("text")
    if text is None:
        raise EmptyArticle(item, "record has no 'text'")
    if not isinstance(text, str):
        raise BadRecord(item, "text", text)
    if "\x00" in text:
        raise BinaryContent(item, f"text contains a NUL character (at character {text.index(chr(0)):,}): "
                                  f"binary data, not text")
    text = unescape_residue(text)
    if not text.strip():
        raise EmptyArticle(item, "record has no 'text'" if not record.get("text") else "empty text")
    rid = _identifier(record.get("id"), item)
    labels = {f: _label(record.get(f), f, item) for f in _LABEL_FIELDS}
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise BadRecord(item, "url", url)
    title = unescape_residue(labels["title"]).strip() if labels["title"] else None
    outlet = unescape_residue(labels["outlet"]).strip() if labels["outlet"] else None
    return Article(id=rid or default_id, text=text, title=title or None, url=url.strip() or None if url else None,
                   published=labels["published"] or default_published, outlet=outlet or None,
                   origin=f"{item} (id {rid})" if rid else item)


def _identifier(value: object, item: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(item, "id", value, "a string or a whole number")


def _label(value: object, name: str, item: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise BadRecord(item, name, value, "a string")
