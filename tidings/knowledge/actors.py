"""Placeholder loader for actors knowledge."""
from __future__ import annotations


def load_actor_dictionary(user_files=()):
    return None
