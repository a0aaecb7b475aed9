"""Which Unicode encoding a document announces by its first bytes, before any other guess is made.

A byte order mark names UTF-8, UTF-16 or UTF-32 outright. Without one, a document that opens with
``<`` (XML, a feed, an HTML page) still tells UTF-16 and UTF-32 apart by where its zero bytes fall
(XML 1.0, appendix F). Plain text without a mark is left to the caller's own rules.
"""
from __future__ import annotations

import codecs

# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def announced_encoding(head: bytes) -> tuple[str, int] | None:
    """``(codec, length of the byte order mark)`` when ``head`` (the first bytes, at least four)
    announces a Unicode encoding by a byte order mark or, for markup, by the place of its zero
    bytes; None otherwise."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    if len(head) < 4:
        return None
    b0, b1, b2, b3 = head[:4]
    lt = ord("<")
    if (b0, b1, b2, b3) == (lt, 0, 0, 0):
        return "utf-32-le", 0
    if (b0, b1, b2, b3) == (0, 0, 0, lt):
        return "utf-32-be", 0
    if b0 == lt and b1 == 0 and b2 != 0 and b3 == 0:
        return "utf-16-le", 0
    if b0 == 0 and b1 == lt and b2 == 0 and b3 != 0:
        return "utf-16-be", 0
    return None
