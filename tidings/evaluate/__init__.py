"""Evaluation commands: score tidings on the shared development data (`tidings evaluate ...`)."""
