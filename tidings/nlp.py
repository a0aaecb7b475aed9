"""Loading spaCy: the pinned model, offline, with paragraph breaks as hard sentence boundaries and a
tokenizer whose work is linear in the text (``tidings.tokenizer``)."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.errors import ModelNotInstalled
from tidings.tokenizer import BoundedTokenizer


#: where the pipeline leaves a headline's (start, end) characters (see ``tidings.headline``)
HEADLINE_KEY = "tidings.headline"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line (or any newline) ends a sentence: news paragraphs never run a sentence on.
    A headline is one sentence, whatever punctuation it has ("Rebels Free Troops, Talks in Doubt")."""
    headline = doc.user_data.get(HEADLINE_KEY)
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if headline is not None and headline[0] < tok.idx < headline[1]:
            tok.is_sent_start = False
        elif headline is not None and prev.idx < headline[1] <= tok.idx and not tok.is_space:
            tok.is_sent_start = True
        elif "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
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
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        split_words_as_parsed(nlp)
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    return nlp


#: a backslash between two word characters: the line break of a wire feed exported as CSV
CSV_LINE_BREAK = r"(?<=\w)\\(?=\w)"


#: a hyphen after an abbreviation's dot: "U.S.-based", "U.N.-backed" read as "US-based" is ("U.S." "-"
#: "based"), so the abbreviation is a name of its own, as it is before a space
ABBREVIATION_HYPHEN = r"(?<=[A-Za-z]\.)-(?=[a-z])"


def split_words_as_parsed(nlp: Language) -> None:
    """A backslash between words is a token of its own: wire feeds exported as CSV write their line
    breaks as backslashes ("protesting high\\job losses"), which would otherwise glue two words into
    one token the tagger cannot read. No word of news text contains one. A hyphen after an
    abbreviation's dot is split off too (``ABBREVIATION_HYPHEN``)."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, CSV_LINE_BREAK, ABBREVIATION_HYPHEN]).finditer
