"""What reading the context decided about the actors, before it is applied: mentions that take a
country from the article around them, pronouns and descriptions that join an actor, and mentions
that a description swallows. ``actor_context`` and ``actor_references`` decide; ``actors`` applies.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.model import Inference, Span, Venue


@dataclass(frozen=True)
class Evidence:
    """A country the article names or locates something in, at some place in the text."""

    start: int
    end: int
    country: str
    text: str
    #: ``name`` (a country, nationality, capital or national institution named as a party's own:
    #: "Sudanese", "Iraq's", "Iran said"), ``counterpart`` (named as the object of a verb or
    #: preposition: "visited Russia"), ``place`` (where something happens, from the places layer),
    #: ``dateline`` (the dateline's place) or ``venue`` (a place or dateline where the parties met, none of
    #: theirs: actor_context._venues; no evidence of the story's country)
    kind: str


@dataclass(frozen=True)
class Recode:
    """A mention of actor number ``actor`` (its index in the list read) that takes ``code``."""

    actor: int
    mention: Span
    code: str
    inference: Inference
    span: Span | None = None  # the mention's new extent, when the evidence was next to it ("the country's army")


@dataclass(frozen=True)
class Addition:
    """A pronoun or description that stands for an actor: the one whose ``antecedent`` mention it
    refers back to (``actor`` is its index), or a new actor of ``code`` (``actor`` is None)."""

    actor: int | None
    antecedent: Span | None
    code: str | None
    name: str
    kind: str
    mention: Span
    inference: Inference


@dataclass
class Plan:
    recoded: list[Recode] = field(default_factory=list)
    added: list[Addition] = field(default_factory=list)
    dropped: set[tuple[int, Span]] = field(default_factory=set)  # (actor index, mention)
    venues: list[Venue] = field(default_factory=list)  # where the parties met, none of theirs (model.Venue)
