"""The extractors, in the order they run. Each reads the spaCy ``Doc`` and the analysis built so far
and adds its own layer; ``requires``, ``uses`` and ``assigns`` make the dependencies visible and are
checked when this module loads.

When an extractor fails on an article, its layer is left out and the others go on
(``Pipeline`` records it in ``Analysis.failed_layers``). A step that ``requires`` a lost layer is not
run (nothing can be made without sentences); a step that only ``uses`` one runs with it empty, which
is an ordinary state (an article with no actors, no time expressions, no quotes).
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
    #: layers this step cannot run without
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    #: layers this step reads when they are there; empty, they are an ordinary state
    uses: tuple[str, ...] = ()


def _extractors() -> tuple[Extractor, ...]:
    from tidings.extract import actors, events, places, quotes, structure, summary, times

    return (
        Extractor("structure", structure.extract_structure, (), ("sentences", "paragraphs", "headline", "standfirst", "dateline", "credit")),
        Extractor("times", times.extract_times, ("sentences",), ("times",)),
        Extractor("places", places.extract_places, ("sentences",), ("places",), uses=("dateline", "credit")),
        Extractor("actors", actors.extract_actors, ("sentences",), ("actors", "venues"),
                  uses=("dateline", "credit", "places")),
        Extractor("quotes", quotes.extract_quotes, ("sentences", "paragraphs"), ("quotes",), uses=("standfirst", "actors")),
        Extractor("events", events.extract_events, ("sentences",), ("events",),
                  uses=("headline", "standfirst", "dateline", "credit", "actors", "venues", "times", "places",
                        "quotes")),
        Extractor("summary", summary.extract_summary, ("sentences",), ("summary",), uses=("standfirst", "dateline", "credit")),
    )


def _check_order(steps: tuple[Extractor, ...]) -> None:
    done: set[str] = set()
    for step in steps:
        missing = [r for r in step.requires + step.uses if r not in done]
        if missing:
            raise RuntimeError(f"extractor {step.name!r} runs before {missing} is assigned")
        done.update(step.assigns)


def extractors() -> tuple[Extractor, ...]:
    steps = _extractors()
    _check_order(steps)
    return steps
