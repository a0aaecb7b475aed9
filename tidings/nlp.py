"""Loading spaCy: the pinned model, offline, with paragraph breaks as hard sentence boundaries."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.errors import ModelNotInstalled


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line (or any newline) ends a sentence: news paragraphs never run a sentence on."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            tok.is_sent_start = False
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name, never downloading anything."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        from tidings.settings import MODEL_PACKAGES

        raise ModelNotInstalled(name, MODEL_PACKAGES.get(name, name.replace("_", "-"))) from exc
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
