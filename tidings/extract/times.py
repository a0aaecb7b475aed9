"""Time expressions (placeholder until the times extractor lands)."""
from __future__ import annotations


def extract_times(doc, analysis, knowledge) -> None:
    analysis.times = []
