"""Merging: one happening coded from two triggers is one event.
"""
from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import Event, Participant

_REFUSING = frozenset({"refuse", "decline"})


def one_refusal(doc: Doc, by_verb: dict[int, list[Event]]) -> list[Event]:
    """A refusal verb and the verb it refuses ("declined *to attend* the talks") code the same act
    twice: the refusal verb's pattern (120) and the refused verb, negated and recoded as a refusal
    (125). Keep the more specific code; on a tie the refusal verb's. Returns the events to drop."""
    dropped: list[Event] = []
    for i, events in by_verb.items():
        tok = doc[i]
        if not events or tok.dep_ != "xcomp" or tok.head.i not in by_verb:
            continue
        if tok.head.lemma_.lower() not in _REFUSING or not by_verb[tok.head.i]:
            continue
        parents = by_verb[tok.head.i]
        for child in events:
            if " negated " not in child.evidence:
                continue
            for parent in parents:
                if _same_party(parent.source, child.source) and _same_party(parent.target, child.target):
                    loser = child if not _more_specific(child.cameo, parent.cameo) else parent
                    dropped.append(loser)
    return dropped


def _same_party(a: Participant | None, b: Participant | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and (a.start, a.end) == (b.start, b.end))


def _more_specific(code: str, than: str) -> bool:
    """'125' (reject a proposal to meet) over '120' (reject); '1243' over '124'."""
    if len(code) != len(than):
        return len(code) > len(than)
    return than.endswith("0") and not code.endswith("0")
