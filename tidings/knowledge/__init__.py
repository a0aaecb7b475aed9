"""Domain knowledge, loaded once from readable data files in ``data/`` plus a user's own files.

Built-in files and user files go through the same loaders (user files are read after the built-ins,
so their entries win). Each part is loaded lazily, on first use, and validated as it loads: a bad line
raises :class:`tidings.errors.KnowledgeError` naming the file and line.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

from tidings.errors import KnowledgeError
from tidings.knowledge.files import DATA_DIR, file_kind


def known_kinds() -> set[str]:
    """Every kind of knowledge file: one folder of built-in files per kind."""
    return {p.name for p in DATA_DIR.iterdir() if p.is_dir()}


class Knowledge:
    """The knowledge base an analysis reads: actor dictionaries, gazetteer, cue verbs, code tables."""

    def __init__(self, user_files: tuple[Path, ...] = ()):
        self.user_files = tuple(Path(p) for p in user_files)
        self._lock = threading.RLock()
        kinds = known_kinds()
        for path in self.user_files:
            kind = file_kind(path)
            if kind not in kinds:
                raise KnowledgeError(str(path), 1, f"unknown kind '{kind}'; known kinds: {', '.join(sorted(kinds))}")

    @functools.cached_property
    def actors(self):
        from tidings.knowledge.actors import load_actor_dictionary

        with self._lock:
            return load_actor_dictionary(self.user_files)

    @functools.cached_property
    def gazetteer(self):
        from tidings.knowledge.places import load_gazetteer

        with self._lock:
            return load_gazetteer(self.user_files)

    @functools.cached_property
    def cameo(self):
        from tidings.knowledge.cameo import load_cameo

        with self._lock:
            return load_cameo(self.user_files)

    @functools.cached_property
    def event_patterns(self):
        from tidings.knowledge.event_patterns import load_event_patterns

        with self._lock:
            return load_event_patterns(self.user_files)

    @functools.cached_property
    def context(self):
        from tidings.knowledge.context import load_context

        with self._lock:
            return load_context(self.user_files)

    @functools.cached_property
    def cues(self):
        from tidings.knowledge.cues import load_cues

        with self._lock:
            return load_cues(self.user_files)


@functools.lru_cache(maxsize=8)
def load_knowledge(user_files: tuple[Path, ...] = ()) -> Knowledge:
    return Knowledge(user_files)
