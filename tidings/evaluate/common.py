"""Helpers shared by the evaluation commands: run the pipeline in-process, match spans, P/R/F1."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable

import click

from tidings.errors import ArticleError
from tidings.model import Analysis, Article
from tidings.pipeline import Pipeline

DEFAULT_DATA = Path("../shared/data")

data_option = click.option(
    "--data", "data_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DATA,
    show_default=True, help="The shared data folder (its README describes the sets).",
)


def run_pipeline(articles: Iterable[Article], pipeline: Pipeline | None = None) -> dict[str, Analysis]:
    """Analyse articles in-process; returns {id: Analysis}, reporting (not raising) bad ones."""
    pipeline = pipeline or Pipeline()
    out: dict[str, Analysis] = {}
    failed: dict[str, int] = {}
    for result in pipeline.analyze_many(articles):
        if isinstance(result, ArticleError):
            click.echo(f"skipped {result}", err=True)
        else:
            out[result.id] = result
            for failure in result.failed_layers:
                failed[failure.layer] = failed.get(failure.layer, 0) + 1
    for layer, n in sorted(failed.items()):
        # a layer that fails scores as if it found nothing: say so, or the figures mislead
        click.echo(f"warning: layer {layer!r} failed on {n} article(s); its figures undercount", err=True)
    return out


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def half_of(key: str) -> str:
    """The half of a development set an item belongs to, by a stable hash of its key (an item id or
    a sentence): "tune" (rules may be studied and fitted on it) or "check" (only ever scored). The
    same split everywhere, so that a rule fitted to sentences shows as a gap between the halves."""
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"
