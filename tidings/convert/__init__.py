"""Converters from other event coders' dictionaries to tidings knowledge files.

* :mod:`tidings.convert.petrarch` — PETRARCH-2 actors, agents, verbs and discards
  (``tidings convert petrarch SRC_DIR --out OUT_DIR``; docs/events.md, "Using PETRARCH-2 dictionaries").
"""
from tidings.convert.petrarch import ConversionReport, convert_petrarch

__all__ = ["ConversionReport", "convert_petrarch"]
