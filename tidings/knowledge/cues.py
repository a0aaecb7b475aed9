"""Attribution cues: the verbs, phrases and nouns that mark reported speech, and the words that help
name a speaker (role nouns, honorific titles, gendered first names).

Files of kind ``cues`` (``#! tidings cues 1``) hold rows ``category<TAB>entry<TAB>detail``:

========  ===================================  =============================================
category  entry                                detail
========  ===================================  =============================================
verb      a verb lemma (``say``, ``warn``)     ``speech`` (direct and indirect quotes),
                                               ``belief`` (reported clauses only) or ``label``
                                               (only around a quoted phrase: "called it 'a con'")
phrase    a multi-word cue (``according to``)  ``source-after``: the source follows the cue
frame     a verb lemma (``endorse``)           what the verb attributes besides a clause:
                                               ``object`` (its object: "endorsed [Smith]"),
                                               ``intent`` (its to-infinitive: "vowed [to
                                               fight]"), ``raising`` (the whole clause, no
                                               source: "[she seemed to agree]", "[he is
                                               expected to win]"); one row per frame
prep      verb and preposition (``call for``)  ``object``: the preposition's object is
                                               attributed ("called for [a recount]")
noun      a noun lemma (``claim``)             ``that`` (its that-clause: "his claim [that
                                               ...]") or a preposition whose object is
                                               attributed ("criticism of [the plan]")
role      a noun naming who speaks             gender ``m``, ``f`` or ``-``
title     a word before a name, not part of it gender ``m``, ``f`` or ``-``
name      a first name                         gender ``m`` or ``f``
========  ===================================  =============================================

Built-in files are read first, then the user's, so a user row replaces a built-in one with the same
category and entry.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from spacy.strings import hash_string

from tidings.errors import KnowledgeError
from tidings.knowledge.files import files_of_kind, read_rows

_VERB_KINDS = ("speech", "belief", "label")
_PHRASE_KINDS = ("source-after",)
_FRAMES = ("object", "intent", "raising")
_GENDERS = ("m", "f", "-")


@dataclass
class Cues:
    """Lookup tables for quote attribution; every key is lower-cased (titles keep their case)."""

    speech_verbs: set[str] = field(default_factory=set)
    belief_verbs: set[str] = field(default_factory=set)
    label_verbs: set[str] = field(default_factory=set)
    #: first word -> list of whole phrases as word tuples, for a one-pass scan over tokens
    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    #: verb lemma -> frames ("object", "intent", "raising")
    frames: dict[str, set[str]] = field(default_factory=dict)
    #: verb lemma -> prepositions whose object the verb attributes ("call" -> {"for"})
    prep_verbs: dict[str, set[str]] = field(default_factory=dict)
    #: noun lemma -> "that" and/or prepositions ("claim" -> {"that"}, "criticism" -> {"of"})
    nouns: dict[str, set[str]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.speech_verbs or lemma in self.belief_verbs

    @functools.cached_property
    def hashes(self) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        """spaCy string hashes of the cue verbs, of the first words of cue phrases and of the cue
        nouns, so a scan can compare the integer columns of ``Doc.to_array`` without building a Token
        per word."""
        lemmas = self.speech_verbs | self.belief_verbs | set(self.frames) | set(self.prep_verbs)
        verbs = frozenset(hash_string(v) for v in lemmas)
        return verbs, frozenset(hash_string(w) for w in self.phrases), frozenset(hash_string(n) for n in self.nouns)

    def gender_of_word(self, word: str) -> str | None:
        """'m' or 'f' when a first name, title or role word tells, else None."""
        g = self.names.get(word) or self.titles.get(word) or self.roles.get(word.lower())
        return g if g in ("m", "f") else None


def load_cues(user_files: tuple[Path, ...] = ()) -> Cues:
    cues = Cues()
    for path in files_of_kind("cues", tuple(user_files)):
        for lineno, cols in read_rows(path, "cues", 2, 3):
            _add_row(cues, path, lineno, cols)
    return cues


def _add_row(cues: Cues, path: Path, lineno: int, cols: list[str]) -> None:
    category, entry = cols[0], cols[1]
    detail = cols[2] if len(cols) > 2 else ""
    if not entry:
        raise KnowledgeError(str(path), lineno, "empty entry")
    if category == "verb":
        detail = detail or "speech"
        _check(detail, _VERB_KINDS, path, lineno)
        lemma = entry.lower()
        cues.speech_verbs.discard(lemma)
        cues.belief_verbs.discard(lemma)
        cues.label_verbs.discard(lemma)
        {"speech": cues.speech_verbs, "belief": cues.belief_verbs, "label": cues.label_verbs}[detail].add(lemma)
    elif category == "phrase":
        _check(detail or "source-after", _PHRASE_KINDS, path, lineno)
        words = tuple(entry.lower().split())
        bucket = cues.phrases.setdefault(words[0], [])
        if words not in bucket:
            bucket.append(words)
    elif category == "frame":
        _check(detail, _FRAMES, path, lineno)
        cues.frames.setdefault(entry.lower(), set()).add(detail)
    elif category == "prep":
        words = entry.lower().split()
        if len(words) != 2:
            raise KnowledgeError(str(path), lineno, f"expected 'verb preposition', found {entry!r}")
        cues.prep_verbs.setdefault(words[0], set()).add(words[1])
    elif category == "noun":
        if not detail:
            raise KnowledgeError(str(path), lineno, "a noun cue needs 'that' or a preposition")
        cues.nouns.setdefault(entry.lower(), set()).add(detail.lower())
    elif category in ("role", "title", "name"):
        detail = detail or "-"
        _check(detail, _GENDERS, path, lineno)
        table = {"role": cues.roles, "title": cues.titles, "name": cues.names}[category]
        table[entry.lower() if category == "role" else entry] = detail
    else:
        raise KnowledgeError(str(path), lineno, f"unknown category {category!r}; use verb, phrase, frame, prep, noun, role, title or name")


def _check(value: str, allowed: tuple[str, ...], path: Path, lineno: int) -> None:
    if value not in allowed:
        raise KnowledgeError(str(path), lineno, f"{value!r} is not one of {', '.join(allowed)}")
