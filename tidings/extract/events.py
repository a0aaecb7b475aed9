"""Events (placeholder until the event coder lands)."""
from __future__ import annotations


def extract_events(doc, analysis, knowledge) -> None:
    analysis.events = []
