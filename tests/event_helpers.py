"""Small helpers shared by the event coder's tests."""
from __future__ import annotations


def events_of(analyze, text, published="2022-01-11"):
    return analyze(text, published=published).events


def one(events, plover):
    found = [e for e in events if e.plover == plover]
    assert found, f"no {plover} event in {[(e.cameo, e.trigger.text) for e in events]}"
    return found[0]


def between(event, source, target):
    """Whether the event runs from a party coded ``source...`` to one coded ``target...``."""
    return event.source.code.startswith(source) and event.target.code.startswith(target)
