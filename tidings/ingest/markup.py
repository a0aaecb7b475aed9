"""Markup to plain text: the visible text of an HTML page, and the entity and escaped-tag residue that
CSV and JSON Lines corpora carry over from the pages they were scraped from.

Both work on events, never on a tree, so no depth of nesting can defeat them (a parser that builds a
tree stops at a few hundred levels and drops what lies deeper).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: elements whose content is never shown on the page (the title shows in a tab, not in the page)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title", "head"})
#: elements that begin a new line of text
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
})
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # open hidden elements, innermost last

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.hidden.clear()  # a head never closed ends where the body begins
        elif tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.hidden:
            while self.hidden.pop() != tag:
                pass
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(_SPACES.sub(" ", data))


def visible_text(page: str) -> str:
    """The text a browser would show for ``page``: no head, title, script or style; one line per
    block (paragraph, heading, list item), lines stripped and blank lines dropped."""
    collector = _TextCollector()
    collector.feed(page)
    collector.close()
    return "\n".join(line.strip() for line in "".join(collector.parts).splitlines() if line.strip())


# Entities whose '&' a scraper turned into a space: "isn #39;t", "Johnson  amp; Johnson", " quot;Yes".
# The space stood for the '&' and goes with it. Numbers below 32 would be control characters.
_DAMAGED_ENTITY = re.compile(
    r"(?:^| )(#0*(?:3[2-9]|[4-9]\d|[1-9]\d{2,6})|#x[0-9a-fA-F]{2,6}|quot|amp|lt|gt|apos|nbsp);")
# Only entities closed by ';': HTML also reads a few names without one, and "&notice" is no "¬ice"
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INLINE_TAGS = "a|abbr|b|big|cite|code|em|font|i|img|nobr|q|s|small|span|strike|strong|sub|sup|tt|u|wbr"
_BLOCK_TAGS = "blockquote|br|center|dd|div|dl|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|td|th|thead|tr|ul"
# escaped tags of real HTML elements ("&lt;A HREF=...&gt;"): a Reuters ticker "&lt;TXN.N&gt;" is text
_ATTRIBUTES = r"(?:[^&<>]|&(?!gt;)){0,2000}?"
_ESCAPED_INLINE_TAG = re.compile(rf"&lt;/?(?:{_INLINE_TAGS})\b{_ATTRIBUTES}&gt;", re.I)
_ESCAPED_BLOCK_TAG = re.compile(rf"&lt;/?(?:{_BLOCK_TAGS})\b{_ATTRIBUTES}&gt;", re.I)
_ESCAPED_COMMENT = re.compile(r"&lt;!--.{0,2000}?--&gt;", re.S)


def unescape_residue(text: str) -> str:
    """``text`` with HTML entities unescaped (also those whose '&' was lost: ``isn #39;t``), and the
    escaped tags of HTML elements taken out (``&lt;A HREF="..."&gt;IBM.N&lt;/A&gt;`` -> ``IBM.N``;
    ``&lt;p&gt;``, ``&lt;br&gt;`` and other block tags become line breaks).

    Only *escaped* markup is taken out: it was markup once and has no place in the text. Markup
    written as such (``<b>``) is left as it is: in a plain-text field it is what the text says, and
    it is shown as text. Text without ``;`` comes back unchanged."""
    if ";" not in text:
        return text
    if "&lt;" in text:
        text = _ESCAPED_COMMENT.sub("", text)
        text = _ESCAPED_INLINE_TAG.sub("", text)
        text = _ESCAPED_BLOCK_TAG.sub("\n", text)
    text = _DAMAGED_ENTITY.sub(lambda m: _unescape(f"&{m[1]};"), text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: _unescape(m[0]), text)
    return text


def _unescape(entity: str) -> str:
    value = html.unescape(entity)
    if value == "\u00a0":
        return " "
    if value in ("\n", "\t") or (value and value != "\ufffd" and value.isprintable()):
        return value
    return entity  # a reference to a control character, or to nothing at all, is left as written
