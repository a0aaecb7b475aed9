"""Quotes (placeholder until the quotes extractor lands)."""
from __future__ import annotations


def extract_quotes(doc, analysis, knowledge) -> None:
    analysis.quotes = []
