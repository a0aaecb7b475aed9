"""tidings: turn news articles into evidence-linked event data.

    >>> from tidings import analyze
    >>> a = analyze("Moscow said on Tuesday ...", {"published": "2022-01-11"})
    >>> a.quotes, a.actors, a.times
"""
from __future__ import annotations

import functools
from typing import Mapping

__version__ = "0.1.0"

from tidings.errors import ArticleError, KnowledgeError, ModelNotInstalled, TidingsError  # noqa: E402
from tidings.model import SCHEMA, Actor, Analysis, Article, Place, Quote, Sentence, Span, TimeRef  # noqa: E402
from tidings.pipeline import Pipeline  # noqa: E402
from tidings.settings import Settings  # noqa: E402

__all__ = [
    "SCHEMA", "Actor", "Analysis", "Article", "ArticleError", "KnowledgeError", "ModelNotInstalled",
    "Pipeline", "Place", "Quote", "Sentence", "Settings", "Span", "TidingsError", "TimeRef", "analyze",
    "default_pipeline", "__version__",
]


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline()


def analyze(text: str, metadata: Mapping | None = None) -> Analysis:
    """Analyse one article's text. ``metadata`` may give id, title, url and published (YYYY-MM-DD)."""
    return default_pipeline().analyze(text, metadata)
