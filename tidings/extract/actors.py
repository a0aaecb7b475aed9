"""Actors (placeholder until the actors extractor lands)."""
from __future__ import annotations


def extract_actors(doc, analysis, knowledge) -> None:
    analysis.actors = []
