"""Parsing in bounded memory: the model never sees more than ``max_tokens`` tokens at once.

Where the memory goes (measured with tracemalloc and RSS, not guessed): spaCy's tok2vec and NER
layers keep every intermediate array of a forward pass until the pass ends, about 15 KB per token
(tracemalloc peak 197 MB for one document of 13,332 tokens; RSS grows by about twice that), and a
pass takes a whole ``nlp.pipe`` batch. So memory follows the tokens in one batch: one 200,000-character
text of tiny sentences (66,666 tokens) peaked at 1.3 GB, four such records in a batch at 4.5 GB.

So a long document is cut into pieces of at most ``max_tokens`` tokens - at a line break where one
is near the limit (a paragraph break already ends a sentence, so nothing the parser sees changes
there), else after a sentence's final stop, else at a space - the pieces of every document in a
batch are parsed in groups of at most ``max_tokens`` tokens, and each document's parsed pieces are
joined again with ``Doc.from_docs``. A document within the limit - every ordinary article - is parsed
whole, exactly as before; batches only change how many documents share a pass, not what the model
computes for each.
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.nlp import HEADLINE_KEY

_SENTENCE_END = frozenset({".", "!", "?"})


def parse_docs(nlp: Language, docs: list[Doc], max_tokens: int) -> list[Doc]:
    """Run ``nlp``'s components over tokenized ``docs``; the same documents back, parsed, in order."""
    pieces = [(i, piece) for i, doc in enumerate(docs) for piece in split_doc(doc, max_tokens)]
    parsed: list[list[Doc]] = [[] for _ in docs]
    for group in _groups(pieces, max_tokens):
        for (i, _), done in zip(group, nlp.pipe([piece for _, piece in group], batch_size=len(group))):
            parsed[i].append(done)
    return [trim_entity_edges(join(doc, parts)) for doc, parts in zip(docs, parsed)]


def trim_entity_edges(doc: Doc) -> Doc:
    """``doc`` with no entity starting or ending on a whitespace token: the tagger sometimes runs a
    name on over the blank line after a headline ("Falluja\\n\\n" as one ORG), and every actor or
    place read from that entity would then carry the line break in its text and offsets."""
    trimmed, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        changed = changed or (start, end) != (ent.start, ent.end)
        if start < end:
            trimmed.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
    if changed:
        doc.set_ents(trimmed, default="outside")
    return doc


def split_doc(doc: Doc, max_tokens: int) -> list[Doc]:
    """``doc`` itself when it has at most ``max_tokens`` tokens, else consecutive pieces of it (new
    Docs, same characters) of at most that many tokens each."""
    if len(doc) <= max_tokens:
        return [doc]
    headline = doc.user_data.get(HEADLINE_KEY)
    pieces = []
    start = 0
    while start < len(doc):
        end = len(doc) if len(doc) - start <= max_tokens else _cut(doc, start, start + max_tokens)
        piece = doc[start:end].as_doc()
        if headline is not None:  # paragraph_breaks reads it in the piece's own characters
            offset = doc[start].idx
            piece.user_data[HEADLINE_KEY] = (headline[0] - offset, headline[1] - offset)
        pieces.append(piece)
        start = end
    return pieces


def _cut(doc: Doc, start: int, limit: int) -> int:
    """Where the piece starting at token ``start`` ends (exclusive), at most ``limit``: the last line
    break in the second half of the piece, else the last sentence-final stop, else the last space,
    else ``limit`` itself (a run of tokens with no space at all)."""
    lowest = start + (limit - start) // 2
    after_stop = after_space = None
    for end in range(limit, lowest, -1):
        last = doc[end - 1]
        if "\n" in last.whitespace_ or (last.is_space and "\n" in last.text):
            return end
        if after_stop is None and last.text in _SENTENCE_END and (last.whitespace_ or doc[end].is_space):
            after_stop = end
        if after_space is None and (last.whitespace_ or last.is_space):
            after_space = end
    return after_stop or after_space or limit


def _groups(pieces: list[tuple[int, Doc]], max_tokens: int) -> Iterator[list[tuple[int, Doc]]]:
    """Consecutive pieces whose tokens add up to at most ``max_tokens`` (a piece alone may fill one)."""
    group: list[tuple[int, Doc]] = []
    tokens = 0
    for item in pieces:
        if group and tokens + len(item[1]) > max_tokens:
            yield group
            group, tokens = [], 0
        group.append(item)
        tokens += len(item[1])
    if group:
        yield group


def join(doc: Doc, parts: list[Doc]) -> Doc:
    """The parsed pieces of ``doc`` as one Doc over ``doc``'s characters, carrying its user data."""
    if len(parts) == 1:
        return parts[0]
    joined = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data", "tensor"])
    joined.user_data.update(doc.user_data)
    return joined
