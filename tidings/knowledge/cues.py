"""Placeholder loader for cues knowledge."""
from __future__ import annotations


def load_cues(user_files=()):
    return None
