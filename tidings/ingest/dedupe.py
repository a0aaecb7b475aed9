"""Exact and near-duplicate detection for articles, before they are analysed.

Two layers, cheapest first:

* ``content_hash``: sha256 of the text after ``normalise_text`` folds what re-posting changes without
  changing the article (case, whitespace, punctuation, typographic quotes and dashes, HTML entities,
  accents). Equal hashes are the same article.
* ``NearDuplicateIndex``: MinHash signatures (datasketch) of word shingles, an LSH index to find
  candidates, and a check of the estimated Jaccard similarity on the signatures themselves, since LSH
  alone lets through pairs below the threshold. It catches wire copies with a trimmed paragraph, a
  changed dateline or a few edited words; two outlets writing up one event in their own words share
  few word 5-grams and stay apart.

Thresholds, measured (word 5-grams, 128 permutations): on the fixtures of tests/test_dedupe.py a wire
copy re-posted with another credit line, typographic quotes, an edited word and its last paragraph
trimmed scores ~0.78-0.80 (0.77 with a new headline line on top); another outlet's own report of the
same strike, names and a shared quote included, 0.02-0.05. In AG News (6,650 items of ~30 words) every
pair at >= 0.6 is one wire item re-posted, while different items sharing a boilerplate lead reach
0.55. Hence 0.65 (>= 30 words) and 0.8 for shorter texts, where one edited word already costs 0.2-0.3.

Signatures are plain bytes (a 12-byte header + ``num_perm`` little-endian uint32 values) so the store
can keep them in a BLOB column and ``NearDuplicateIndex.from_signatures`` rebuild the index on the
next run. Everything is deterministic: the permutations come from a fixed seed and the shingle hashes
from blake2b, never from Python's salted ``hash``.
"""
from __future__ import annotations

import hashlib
import html
import re
import struct
import unicodedata
from typing import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

#: estimated Jaccard similarity (of word shingle sets) at or above which two texts are near-duplicates
THRESHOLD = 0.65
#: texts with fewer words than this match only at SHORT_THRESHOLD: one edited word already removes a
#: large share of their shingles, and stubs ("Photo: Reuters. Read more.") would otherwise collide
SHORT_WORDS = 30
SHORT_THRESHOLD = 0.8
#: texts with fewer words than this are never near-duplicates of anything (exact hashing only): a
#: headline-length text has too few shingles for the estimate to mean anything
MIN_WORDS = 8
#: words per shingle. 5-grams: shorter ones let shared names and stock phrases of independent reports
#: add up; longer ones make every edited word cost more of the similarity
SHINGLE = 5
NUM_PERM = 128
SEED = 1
#: only the first MAX_WORDS words are hashed: enough to tell articles apart, and it bounds the cost
MAX_WORDS = 2000

_FORMAT = 1
_HEADER = struct.Struct("<2sBBHHI")  # magic, format, shingle, num_perm, reserved, number of words

# a wire opener: "CHICAGO (Reuters) -", "SUN CITY, South Africa (Reuters) -", "LOS ANGELES, Sept 13, 2004 -",
# "Reuters -", "AP -". Clients re-post wire copy with the opener changed, added or dropped, and in a
# 30-word item it alone costs a fifth of the shingles, so signatures are taken without it
_OPENER = re.compile(
    r"""\A\s*(?:[A-Z][A-Z.'/\-]+(?:\s[A-Z][A-Z.'/\-]+){0,3}          # CITY (upper case)
        (?:,\s*[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2})?     # , Region
        (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?          # , Jan 10, 2004
        \s*(?:\([A-Za-z&.\s]{2,30}\))?                              # (Reuters)
      | \(?(?:Reuters|AP|AFP|UPI|dpa|Bloomberg|CP|PA)\)?)             # or the agency alone
    \s*(?:--|[\u2014\u2013:\-])\s+""",
    re.VERBOSE,
)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_PUNCTUATION = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
# typographic marks that NFKC leaves alone; they all fold to an ASCII mark (later to a space)
_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ",
})


def normalise_text(text: str) -> str:
    """The text reduced to lower-case words separated by single spaces.

    Entities are unescaped twice because feeds often double-escape (``&amp;amp;``); markup tags go;
    accents are dropped so "Zürich" and "Zurich" agree; every run of punctuation becomes one space.
    """
    if "&" in text:
        text = html.unescape(html.unescape(text))
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = text.translate(_TYPOGRAPHY)
    if text.isascii():  # most wire copy: a translate table is ten times faster than the regex
        return " ".join(text.lower().translate(_ASCII_PUNCTUATION).split())
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def strip_opener(text: str) -> str:
    """``text`` without a leading wire opener ("GENEVA, Jan 10 (Reuters) -", "AP -")."""
    m = _OPENER.match(text)
    return text[m.end():] if m else text


def content_hash(text: str) -> str:
    """sha256 (hex) of the normalised text: equal for re-posts that differ only trivially.

    A text with no word characters at all ("* * *", a row of emoji) normalises to nothing, and
    nothing would make every such text a copy of every other: it is hashed as written instead
    (whitespace runs folded, marked so it can never equal a normalised text's hash)."""
    normalised = normalise_text(text)
    if not normalised:
        normalised = "\x00" + " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# Shingle hashing. A shingle is hashed from the hashes of its words (each word hashed once per run,
# cached), combined with fixed odd multipliers in uint64 arithmetic: vectorised, about 3x faster than
# hashing every shingle string with sha1 as datasketch does by default. MinHash then applies its own
# avalanche mix (fmix32) before permuting, so the 32-bit fold need not be perfect.
_MULTIPLIERS = np.array([
    0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
    0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x27D4EB2F165667C5, 0x94D049BB133111EB,
], dtype=np.uint64)
_WORD_CACHE: dict[str, int] = {}
_WORD_CACHE_MAX = 500_000


def _word_hash(word: str) -> int:
    h = _WORD_CACHE.get(word)
    if h is None:
        h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        if len(_WORD_CACHE) < _WORD_CACHE_MAX:
            _WORD_CACHE[word] = h
    return h


def _shingle_hashes(words: list[str], k: int) -> np.ndarray:
    hashes = list(map(_WORD_CACHE.get, words))  # the common case, a cached word, at C speed
    if None in hashes:
        hashes = [_word_hash(w) if h is None else h for w, h in zip(words, hashes)]
    tokens = np.array(hashes, dtype=np.uint64)
    if len(tokens) < k:  # a text shorter than one shingle is one shingle
        k = len(tokens)
    n = len(tokens) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(k):  # uint64 overflow wraps, which is the intended arithmetic
        acc = (acc << np.uint64(11) | acc >> np.uint64(53)) ^ (tokens[j:j + n] * _MULTIPLIERS[j % len(_MULTIPLIERS)])
    return np.unique((acc >> np.uint64(32)) ^ (acc & np.uint64(0xFFFFFFFF))).astype(np.uint32)


def _identity(value):
    return value


class NearDuplicateIndex:
    """MinHash LSH over article texts; keys are the caller's article ids.

    ``query`` returns the earliest-added key whose estimated Jaccard similarity reaches the threshold
    (``short_threshold`` when either text has fewer than ``short_words`` words), or None. Adding the
    same key twice keeps the first signature.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, shingle: int = SHINGLE,
                 short_words: int = SHORT_WORDS, short_threshold: float = SHORT_THRESHOLD):
        if not 0.0 < threshold <= 1.0 or not 0.0 < short_threshold <= 1.0:
            raise ValueError("thresholds must be in (0, 1]")
        if not 1 <= shingle <= 255:
            raise ValueError("shingle must be between 1 and 255 words")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.short_words = short_words
        self.short_threshold = short_threshold
        # LSH tuned to the lower threshold, weighted towards recall: candidates it lets through that
        # are not similar enough are dropped by the signature check in query()
        self._lsh = MinHashLSH(threshold=min(threshold, short_threshold), num_perm=num_perm, weights=(0.3, 0.7))
        self._template = MinHash(num_perm=num_perm, seed=SEED, hashfunc=_identity)
        self._values: dict[str, np.ndarray] = {}
        self._short: dict[str, bool] = {}
        self._order: dict[str, int] = {}

    # signatures -------------------------------------------------------------------------------
    def signature(self, text: str) -> bytes:
        """The MinHash of ``text``'s word shingles, as bytes (12 + 4 * num_perm of them)."""
        words = normalise_text(strip_opener(text)).split()[:MAX_WORDS]
        m = self._template.copy()
        if words:
            # a list of ints: numpy converts it twice as fast as an array of numpy scalars
            m.update_batch(_shingle_hashes(words, self.shingle).tolist())
        header = _HEADER.pack(b"MH", _FORMAT, self.shingle, self.num_perm, 0, len(words))
        return header + m.hashvalues.astype("<u4", copy=False).tobytes()

    def _parse(self, signature: bytes) -> tuple[np.ndarray, int]:
        try:
            magic, fmt, shingle, num_perm, _, words = _HEADER.unpack_from(signature, 0)
        except struct.error:
            raise ValueError("not a near-duplicate signature") from None
        if magic != b"MH" or fmt != _FORMAT or len(signature) != _HEADER.size + 4 * num_perm:
            raise ValueError("not a near-duplicate signature")
        if shingle != self.shingle or num_perm != self.num_perm:
            # signatures made with other parameters estimate a different similarity: never compare them
            raise ValueError(f"signature made with shingle={shingle}, num_perm={num_perm}; "
                             f"index uses shingle={self.shingle}, num_perm={self.num_perm}")
        return np.frombuffer(signature, dtype="<u4", offset=_HEADER.size).astype(np.uint32), words

    def _minhash(self, values: np.ndarray) -> LeanMinHash:
        # a frozen MinHash is all LSH needs, and it is cheaper to build than a full one
        return LeanMinHash(seed=SEED, hashvalues=values, scheme=self._template.scheme)

    # the index --------------------------------------------------------------------------------
    def add(self, key: str, signature: bytes) -> None:
        if key in self._values:
            return
        values, words = self._parse(signature)
        if words < MIN_WORDS:
            return  # too short to judge; exact hashing handles verbatim re-posts
        self._lsh.insert(key, self._minhash(values), check_duplication=False)
        self._values[key] = values
        self._short[key] = words < self.short_words
        self._order[key] = len(self._order)

    def remove(self, key: str) -> None:
        """Forget ``key`` (an article that was indexed but then not stored)."""
        if key in self._values:
            self._lsh.remove(key)
            del self._values[key], self._short[key], self._order[key]

    def query(self, signature: bytes) -> str | None:
        values, words = self._parse(signature)
        if words < MIN_WORDS or not self._values:
            return None
        short = words < self.short_words
        best: tuple[int, str] | None = None
        for key in self._lsh.query(self._minhash(values)):
            need = self.short_threshold if short or self._short[key] else self.threshold
            if self.similarity_values(values, self._values[key]) >= need:
                rank = (self._order[key], key)
                if best is None or rank < best:
                    best = rank
        return None if best is None else best[1]

    def similarity(self, a: bytes, b: bytes) -> float:
        """Estimated Jaccard similarity of the texts behind two signatures."""
        return self.similarity_values(self._parse(a)[0], self._parse(b)[0])

    @staticmethod
    def similarity_values(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.count_nonzero(a == b)) / len(a)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: str) -> bool:
        return key in self._values

    @classmethod
    def from_signatures(cls, items: Iterable[tuple[str, bytes]], **options) -> "NearDuplicateIndex":
        """An index holding ``items`` (key, signature) in the order given: pass them oldest first, so
        that ``query`` keeps naming the original rather than a later copy."""
        index = cls(**options)
        for key, signature in items:
            index.add(key, signature)
        return index
