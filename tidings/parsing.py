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
computes for each. The one exception is a headline, also parsed alone (see :func:`parse_docs`).
"""
from __future__ import annotations

from typing import Iterator

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from tidings.nlp import HEADLINE_KEY

_SENTENCE_END = frozenset({".", "!", "?"})


def parse_docs(nlp: Language, docs: list[Doc], max_tokens: int) -> list[Doc]:
    """Run ``nlp``'s components over tokenized ``docs``; the same documents back, parsed, in order.

    A headline is also parsed alone, and its words take that reading: the model reads a few words on
    each side of every word, across sentence ends, so the body's first words changed how it read the
    headline ("Israel kills 5 in strike at Hamas activist" lost its 'at' phrase to a body opening in
    mid-sentence). The body keeps its reading in the whole text."""
    # each piece is keyed by its document and whether it is that document's headline parsed alone
    work = [((i, False), piece) for i, doc in enumerate(docs) for piece in split_doc(doc, max_tokens)]
    work += [((i, True), piece) for i, doc in enumerate(docs) if (piece := headline_piece(doc)) is not None]
    parsed: list[list[Doc]] = [[] for _ in docs]
    alone: dict[int, Doc] = {}
    for group in _groups(work, max_tokens):
        compact = [compact_spaces(piece) for _, piece in group]
        done_all = nlp.pipe([c[0] if c is not None else piece for c, (_, piece) in zip(compact, group)],
                            batch_size=len(group))
        for ((i, is_headline), piece), c, done in zip(group, compact, done_all):
            done = expand_spaces(done, piece, c[1]) if c is not None else done
            if is_headline:
                alone[i] = done
            else:
                parsed[i].append(done)
    out = []
    for i, (doc, parts) in enumerate(zip(docs, parsed)):
        whole = join(doc, parts)
        if i in alone:
            whole = join(doc, [alone[i], whole[len(alone[i]):].as_doc()])
        out.append(trim_entity_edges(whole))
    return out


def headline_piece(doc: Doc) -> Doc | None:
    """The headline of ``doc`` with the blank line after it, as a Doc of its own; None when ``doc``
    has no headline or nothing after it."""
    headline = doc.user_data.get(HEADLINE_KEY)
    if headline is None:
        return None
    for t in doc:
        if t.idx >= headline[1] and not t.is_space:
            if t.i == 0:
                return None
            piece = doc[:t.i].as_doc()
            piece.user_data[HEADLINE_KEY] = headline
            return piece
    return None


def compact_spaces(doc: Doc) -> tuple[Doc, list[int]] | None:
    """``doc`` without its tokens of spaces inside a line, and the indices of the tokens kept; None
    when it has none. Wire copy is full of double spaces ("accused a  Chinese-American"), each a token
    the model was never trained on: it shifts tags and attachments (the parser read "arrested" as the
    man's own deed). The model parses the words as if single-spaced; a line break still parts them."""
    inline = [t.is_space and "\n" not in t.text for t in doc]
    if not any(inline):
        return None
    kept = [t.i for t in doc if not inline[t.i]]
    words = [doc[i].text for i in kept]
    spaces = [bool(doc[i].whitespace_) or (i + 1 < len(doc) and inline[i + 1]) for i in kept]
    compact = Doc(doc.vocab, words=words, spaces=spaces)
    compact.user_data.update(doc.user_data)
    headline = doc.user_data.get(HEADLINE_KEY)
    if headline is not None:
        # the headline's characters, counted in the compact text (paragraph_breaks reads them)
        dropped = [(t.idx, len(t.text)) for t in doc if inline[t.i]]

        def shifted(x: int) -> int:
            return x - sum(min(n, x - i) for i, n in dropped if i < x)

        compact.user_data[HEADLINE_KEY] = (shifted(headline[0]), shifted(headline[1]))
    return compact, kept


_COPIED = [TAG, POS, MORPH, LEMMA, DEP]


def expand_spaces(parsed: Doc, original: Doc, kept: list[int]) -> Doc:
    """``original``'s tokens carrying the annotations ``parsed`` (its compact copy, see
    :func:`compact_spaces`) gave the kept ones; each dropped space hangs on the token before it, as
    spaCy hangs whitespace, and sits inside an entity that runs across it."""
    doc = Doc(original.vocab, words=[t.text for t in original], spaces=[bool(t.whitespace_) for t in original])
    position = dict(zip(kept, range(len(kept))))
    values = parsed.to_array(_COPIED)
    space_tag = original.vocab.strings.add("_SP")
    space_pos = original.vocab.strings.add("SPACE")
    space_dep = original.vocab.strings.add("dep")
    rows, heads = [], []
    for t in original:
        k = position.get(t.i)
        if k is not None:
            rows.append(values[k])
            heads.append(kept[parsed[k].head.i] - t.i)
        else:
            rows.append(numpy.array([space_tag, space_pos, 0, original.vocab.strings.add(t.text), space_dep],
                                    dtype=values.dtype))
            heads.append(-1 if t.i > 0 else (1 if len(original) > 1 else 0))
    array = numpy.column_stack([numpy.asarray(rows, dtype="uint64"), numpy.asarray(heads, dtype="int64").astype("uint64")])
    doc.from_array(_COPIED + [HEAD], array)
    doc.set_ents([Span(doc, kept[e.start], kept[e.end - 1] + 1, label=e.label, kb_id=e.kb_id) for e in parsed.ents],
                 default="outside")
    doc.user_data.update(original.user_data)
    return doc


def trim_entity_edges(doc: Doc) -> Doc:
    """``doc`` with no entity starting or ending on a whitespace token: the tagger sometimes runs a
    name on over the blank line after a headline ("Falluja\\n\\n" as one ORG), and every actor or
    place read from that entity would then carry the line break in its text and offsets. Nor does a
    name start with a verb in lower case the tagger ran into it ("the minister *slammed Singapore*"
    tagged as one person)."""
    trimmed, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_space or (doc[start].pos_ in ("VERB", "AUX") and doc[start].text[:1].islower())):
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


def _groups(pieces: list[tuple[object, Doc]], max_tokens: int) -> Iterator[list[tuple[object, Doc]]]:
    """Consecutive pieces whose tokens add up to at most ``max_tokens`` (a piece alone may fill one)."""
    group: list[tuple[object, Doc]] = []
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
