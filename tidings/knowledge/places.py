"""Placeholder loader for places knowledge."""
from __future__ import annotations


def load_gazetteer(user_files=()):
    return None
