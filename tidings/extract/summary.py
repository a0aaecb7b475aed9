"""Summary (placeholder)."""
from __future__ import annotations


def extract_summary(doc, analysis, knowledge) -> None:
    analysis.summary = None
