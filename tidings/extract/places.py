"""Places (placeholder until the places extractor lands)."""
from __future__ import annotations


def extract_places(doc, analysis, knowledge) -> None:
    analysis.places = []
