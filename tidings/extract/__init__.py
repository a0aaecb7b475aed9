"""The extractors, in the order they run. Each reads the spaCy ``Doc`` and the analysis built so far
and adds its own layer; ``requires`` and ``assigns`` make the dependencies visible and are checked
when this module loads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc

from tidings.knowledge import Knowledge
from tidings.model import Analysis

Run = Callable[[Doc, Analysis, Knowledge], None]


@dataclass(frozen=True)
class Extractor:
    name: str
    run: Run
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _extractors() -> tuple[Extractor, ...]:
    from tidings.extract import actors, events, places, quotes, structure, summary, times

    return (
        Extractor("structure", structure.extract_structure, (), ("sentences", "paragraphs", "standfirst", "dateline", "credit")),
        Extractor("times", times.extract_times, ("sentences",), ("times",)),
        Extractor("places", places.extract_places, ("sentences", "dateline", "credit"), ("places",)),
        Extractor("actors", actors.extract_actors, ("sentences",), ("actors",)),
        Extractor("quotes", quotes.extract_quotes, ("sentences", "paragraphs", "actors"), ("quotes",)),
        Extractor("events", events.extract_events, ("sentences", "standfirst", "actors", "times", "places", "quotes"), ("events",)),
        Extractor("summary", summary.extract_summary, ("sentences", "standfirst"), ("summary",)),
    )


def _check_order(steps: tuple[Extractor, ...]) -> None:
    done: set[str] = set()
    for step in steps:
        missing = [r for r in step.requires if r not in done]
        if missing:
            raise RuntimeError(f"extractor {step.name!r} runs before {missing} is assigned")
        done.update(step.assigns)


def extractors() -> tuple[Extractor, ...]:
    steps = _extractors()
    _check_order(steps)
    return steps
