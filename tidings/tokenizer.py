"""spaCy's tokenizer with its work bounded: linear in the text, whatever the text.

spaCy splits a text at whitespace and then peels punctuation off each whitespace-free chunk one mark
at a time, copying the rest of the chunk at every step: a chunk of n marks costs about n² (4,000 "$"
took 6 s, 10,000 took 45 s). No word of a news text is long (the longest chunk in the development
corpora is 69 characters, a URL), so a chunk longer than :data:`MAX_CHUNK_CHARS` is cut into pieces
of at most that many characters, preferably where letters and digits meet punctuation, and each piece
is tokenized alone; a piece without a letter or digit (a run of "$", of emoji, of dashes) is one
token, as no part of it is a word. Texts without such a chunk - every ordinary article - are
tokenized exactly as spaCy does. Either way the tokens cover the text character for character, so
every offset still indexes the original text.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

#: a whitespace-free chunk longer than this is cut into pieces of at most this many characters
MAX_CHUNK_CHARS = 200
_WHITESPACE = re.compile(r"\s*")


class BoundedTokenizer:
    """Wraps a spaCy ``Tokenizer``; installed as ``nlp.tokenizer`` by :func:`tidings.nlp.load_model`."""

    def __init__(self, tokenizer, max_chunk: int = MAX_CHUNK_CHARS):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.max_chunk = max_chunk
        self._long_chunk = re.compile(r"\S{%d,}" % (max_chunk + 1))

    def __call__(self, text: str) -> Doc:
        chunks = list(self._long_chunk.finditer(text))
        if not chunks:
            return self.tokenizer(text)
        docs: list[Doc] = []
        done = 0
        for chunk in chunks:
            if chunk.start() > done:
                docs.append(self.tokenizer(text[done:chunk.start()]))
            # the whitespace after the chunk goes with its last piece, as spaCy attaches it to the last token
            after = _WHITESPACE.match(text, chunk.end()).end()
            pieces = cut(text, chunk.start(), chunk.end(), self.max_chunk)
            for k, (start, end) in enumerate(pieces):
                docs.append(self._piece(text[start:end], text[end:after] if k == len(pieces) - 1 else ""))
            done = after
        if done < len(text):
            docs.append(self.tokenizer(text[done:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _piece(self, piece: str, whitespace: str) -> Doc:
        if any(c.isalnum() for c in piece):
            return self.tokenizer(piece + whitespace)
        words, spaces = [piece], [whitespace.startswith(" ")]
        rest = whitespace[1:] if spaces[0] else whitespace
        if rest:
            words.append(rest)  # more whitespace than one space is a token of its own, as spaCy makes it
            spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def __getattr__(self, name):
        # everything else (url_match, explain, the affix rules...) is the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def cut(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive pieces of at most ``size`` characters, each cut where a
    letter or digit meets another character when there is such a place in the second half of the
    piece ("$$$$word$$$$" keeps "word" whole), else at ``size``."""
    pieces = []
    while end - start > size:
        at = start + size
        for k in range(at, start + size // 2, -1):
            if text[k - 1].isalnum() != text[k].isalnum():
                at = k
                break
        pieces.append((start, at))
        start = at
    pieces.append((start, end))
    return pieces
