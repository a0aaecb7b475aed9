"""A short extractive summary: the standfirst when the article has one, else the best sentences.

News puts what matters first, so sentences are scored by their centrality (how many of the article's
salient words they carry, weighted by how often the article repeats them and by the headline) and by a
lead bonus that decays with position. Sentences that restate one already chosen are skipped, and so is
the lede sentence a standfirst duplicates. The chosen sentences are returned in article order.
"""
from __future__ import annotations

import math
from collections import Counter

from tidings.extract.structure import content_words
from tidings.model import Analysis, Summary

#: share of the article's sentences the summary aims for, and its bounds
SUMMARY_RATIO = 0.3
MIN_SENTENCES = 3
MAX_SENTENCES = 7
#: a candidate sharing this much of its content words with a chosen sentence is redundant
REDUNDANCY = 0.6
#: weight of the lead bonus against centrality; the bonus halves every LEAD_HALF_LIFE sentences
LEAD_WEIGHT = 0.35
LEAD_HALF_LIFE = 4.0
#: sentences shorter than this (content words) are fragments: bylines, captions, "Read more."
MIN_WORDS = 4



def extract_summary(doc, analysis: Analysis, knowledge=None) -> None:
    analysis.summary = summarise(analysis)


def summarise(analysis: Analysis) -> Summary | None:
    text = analysis.text
    if analysis.standfirst is not None:
        sf = analysis.standfirst
        idx = [i for i, s in enumerate(analysis.sentences) if s.start >= sf.start and s.end <= sf.end]
        return Summary(text[sf.start:sf.end], idx)
    candidates = _candidates(analysis)
    if not candidates:
        return None
    budget = min(MAX_SENTENCES, max(MIN_SENTENCES, round(SUMMARY_RATIO * len(candidates))))
    chosen = _select(candidates, _scores(analysis, candidates), budget)
    chosen.sort()
    parts = [text[analysis.sentences[i].start:analysis.sentences[i].end] for i in chosen]
    return Summary(" ".join(parts), chosen)


def _candidates(analysis: Analysis) -> dict[int, set[str]]:
    """Sentence index -> content words, for sentences fit to stand in a summary."""
    text = analysis.text
    out = {}
    opener = analysis.opener()
    for i, s in enumerate(analysis.sentences):
        if opener is not None and s.end <= opener[1] + 3:
            continue
        words = content_words(text[s.start:s.end])
        if len(words) >= MIN_WORDS:
            out[i] = words
    return out


def _scores(analysis: Analysis, candidates: dict[int, set[str]]) -> dict[int, float]:
    freq = Counter(w for words in candidates.values() for w in words)
    title_words = content_words(analysis.title or "")
    # a word's weight: how often the article repeats it (log-damped), doubled if it is in the headline
    weight = {w: math.log1p(c) * (2.0 if w in title_words else 1.0) for w, c in freq.items() if c > 1 or w in title_words}
    raw = {i: sum(weight.get(w, 0.0) for w in words) / math.sqrt(len(words)) for i, words in candidates.items()}
    top = max(raw.values()) or 1.0
    order = {i: rank for rank, i in enumerate(sorted(candidates))}
    return {
        i: (1 - LEAD_WEIGHT) * raw[i] / top + LEAD_WEIGHT * 0.5 ** (order[i] / LEAD_HALF_LIFE)
        for i in candidates
    }


def _select(candidates: dict[int, set[str]], scores: dict[int, float], budget: int) -> list[int]:
    chosen: list[int] = []
    for i in sorted(scores, key=lambda k: (-scores[k], k)):
        words = candidates[i]
        if any(len(words & candidates[j]) / len(words) >= REDUNDANCY for j in chosen):
            continue
        chosen.append(i)
        if len(chosen) == budget:
            break
    return chosen
