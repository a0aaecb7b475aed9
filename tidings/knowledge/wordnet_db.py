"""Reading the WordNet 3.0 database files (``data.verb``, ``index.verb``, ``data.noun``, ``index.noun``,
``cntlist.rev``), as Debian's ``wordnet-base`` installs them under ``/usr/share/wordnet``.

Build-time only: ``tidings.knowledge.derive_wordnet`` reads WordNet through this module to write the
derived pattern files; nothing reads WordNet when tidings runs. The formats are WordNet's own
(wndb(5WN), senseidx(5WN)), parsed here directly so that no new dependency is needed:

* a data line: ``offset lex_filenum ss_type w_cnt word lex_id ... p_cnt ptr... [f_cnt + f_num w_num ...] | gloss``
  (``w_cnt`` two hex digits, ``p_cnt`` three decimal digits, a pointer ``symbol offset pos ssss_tttt`` whose
  last four hex digits give the source and target word numbers of a lexical pointer, 0000 for a semantic one);
* an index line: ``lemma pos synset_cnt p_cnt ptr_symbol... sense_cnt tagsense_cnt offset...``, the synsets
  in sense order (the most frequent sense first);
* a cntlist.rev line: ``sense_key sense_number tag_cnt``, the sense key ``lemma%ss_type:lex_filenum:lex_id::``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tidings.errors import KnowledgeError

DEFAULT_DIR = Path("/usr/share/wordnet")
POS_FILES = {"n": "noun", "v": "verb"}
_SS_TYPE = {"n": 1, "v": 2}
#: verb frames (wninput(5WN)) by number
FRAMES = {1: "Something ----s", 2: "Somebody ----s", 3: "It is ----ing", 4: "Something is ----ing PP",
          5: "Something ----s something Adjective/Noun", 6: "Something ----s Adjective/Noun",
          7: "Somebody ----s Adjective", 8: "Somebody ----s something", 9: "Somebody ----s somebody",
          10: "Something ----s somebody", 11: "Something ----s something", 12: "Something ----s to somebody",
          13: "Somebody ----s on something", 14: "Somebody ----s somebody something",
          15: "Somebody ----s something to somebody", 16: "Somebody ----s something from somebody",
          17: "Somebody ----s somebody with something", 18: "Somebody ----s somebody of something",
          19: "Somebody ----s something on somebody", 20: "Somebody ----s somebody PP",
          21: "Somebody ----s something PP", 22: "Somebody ----s PP", 23: "Somebody's (body part) ----s",
          24: "Somebody ----s somebody to INFINITIVE", 25: "Somebody ----s somebody INFINITIVE",
          26: "Somebody ----s that CLAUSE", 27: "Somebody ----s to somebody", 28: "Somebody ----s to INFINITIVE",
          29: "Somebody ----s whether INFINITIVE", 30: "Somebody ----s somebody into V-ing something",
          31: "Somebody ----s something with something", 32: "Somebody ----s INFINITIVE",
          33: "Somebody ----s VERB-ing", 34: "It ----s that CLAUSE", 35: "Something ----s INFINITIVE"}


@dataclass(frozen=True)
class Pointer:
    symbol: str  # '@' hypernym, '@i' instance hypernym, '+' derivationally related form, ...
    offset: int
    pos: str  # n, v, a, s, r
    source: int  # word number in this synset (1-based), 0: the whole synset
    target: int  # word number in the target synset, 0: the whole synset


@dataclass(frozen=True)
class Synset:
    offset: int
    pos: str
    lexfile: int
    words: tuple[str, ...]  # lower case, multiword lemmas joined by '_' ("lash_out")
    lex_ids: tuple[int, ...]
    pointers: tuple[Pointer, ...]
    frames: tuple[tuple[int, int], ...]  # (frame number, word number; 0: every word of the synset)
    gloss: str

    def frames_of(self, word: str) -> frozenset[int]:
        """The verb frames that hold for one word of the synset."""
        k = self.words.index(word) + 1
        return frozenset(f for f, w in self.frames if w in (0, k))


class WordNet:
    """One WordNet database directory, read once. Data lines are parsed on first use."""

    def __init__(self, directory: Path = DEFAULT_DIR):
        self.directory = Path(directory)
        self._lines: dict[str, dict[int, str]] = {}
        self._index: dict[str, dict[str, tuple[int, ...]]] = {}
        self._synsets: dict[tuple[str, int], Synset] = {}
        self._counts: dict[str, int] | None = None
        for pos, name in POS_FILES.items():
            self._lines[pos] = self._read_data(self.directory / f"data.{name}")
            self._index[pos] = self._read_index(self.directory / f"index.{name}")

    # --- reading
    @staticmethod
    def _open(path: Path):
        try:
            return open(path, encoding="utf-8", errors="replace")
        except OSError as exc:
            raise KnowledgeError(str(path), None, f"cannot read WordNet file: {exc} (apt-get install wordnet-base)") from exc

    def _read_data(self, path: Path) -> dict[int, str]:
        lines = {}
        with self._open(path) as fh:
            for line in fh:
                if line.startswith(" ") or not line.strip():
                    continue  # the licence header: lines start with two spaces
                lines[int(line[:8])] = line.rstrip("\n")
        return lines

    def _read_index(self, path: Path) -> dict[str, tuple[int, ...]]:
        index = {}
        with self._open(path) as fh:
            for lineno, line in enumerate(fh, 1):
                if line.startswith(" ") or not line.strip():
                    continue
                f = line.split()
                try:
                    p_cnt = int(f[3])
                    synset_cnt = int(f[2])
                    offsets = f[4 + p_cnt + 2:]
                    index[f[0]] = tuple(int(o) for o in offsets[:synset_cnt])
                except (IndexError, ValueError) as exc:
                    raise KnowledgeError(str(path), lineno, f"not a WordNet index line: {exc}") from exc
        return index

    def _counts_table(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = {}
            path = self.directory / "cntlist.rev"
            if path.exists():  # optional: without it every tag count is 0 and only the sense order counts
                with self._open(path) as fh:
                    for line in fh:
                        f = line.split()
                        if len(f) == 3:
                            self._counts[f[0].lower()] = int(f[2])
        return self._counts

    def synset(self, pos: str, offset: int) -> Synset:
        key = (pos, offset)
        if key not in self._synsets:
            line = self._lines[pos].get(offset)
            if line is None:
                raise KnowledgeError(str(self.directory / f"data.{POS_FILES[pos]}"), None, f"no synset at offset {offset:08d}")
            self._synsets[key] = _parse_synset(line, pos)
        return self._synsets[key]

    # --- questions
    def lemmas(self, pos: str) -> list[str]:
        """Every lemma of a part of speech, in the index's order (words joined by '_')."""
        return list(self._index[pos])

    def senses(self, lemma: str, pos: str) -> list[Synset]:
        """The synsets of a lemma (words joined by '_'), the most frequent sense first."""
        return [self.synset(pos, o) for o in self._index[pos].get(lemma.lower(), ())]

    def rank(self, lemma: str, synset: Synset) -> int | None:
        """The sense number of ``lemma`` in ``synset`` (1: its most frequent sense), None if not its sense."""
        offsets = self._index[synset.pos].get(lemma.lower(), ())
        return offsets.index(synset.offset) + 1 if synset.offset in offsets else None

    def tag_count(self, lemma: str, synset: Synset) -> int:
        """How often this sense of the lemma was tagged in the semantic concordances (cntlist.rev)."""
        k = [w.lower() for w in synset.words].index(lemma.lower())
        key = f"{lemma.lower()}%{_SS_TYPE[synset.pos]}:{synset.lexfile:02d}:{synset.lex_ids[k]:02d}::"
        return self._counts_table().get(key, 0)

    def name(self, synset: Synset) -> str:
        """The synset's usual name, its first word, part of speech and that word's sense number: ``invasion.n.01``."""
        word = synset.words[0]
        return f"{word}.{synset.pos}.{self.rank(word, synset) or 0:02d}"

    def by_name(self, name: str) -> Synset | None:
        """The synset named ``word.pos.NN`` (``event.n.01``), None when there is none."""
        word, pos, number = name.rsplit(".", 2)
        senses = self.senses(word, pos) if pos in POS_FILES else []
        k = int(number) - 1 if number.isdigit() else -1
        return senses[k] if 0 <= k < len(senses) else None

    def ancestors(self, synset: Synset) -> set[int]:
        """The offsets of every hypernym above the synset (instance hypernyms included), itself included."""
        seen, todo = set(), [synset]
        while todo:
            s = todo.pop()
            if s.offset in seen:
                continue
            seen.add(s.offset)
            todo.extend(self.synset(p.pos, p.offset) for p in s.pointers if p.symbol in ("@", "@i") and p.pos == s.pos)
        return seen


def _parse_synset(line: str, pos: str) -> Synset:
    head, _, gloss = line.partition(" | ")
    f = head.split()
    offset, lexfile = int(f[0]), int(f[1])
    w_cnt = int(f[3], 16)
    words, lex_ids = [], []
    i = 4
    for _ in range(w_cnt):
        words.append(f[i].lower().split("(")[0])  # adjectives carry a marker "(p)"; not used here
        lex_ids.append(int(f[i + 1], 16))
        i += 2
    p_cnt = int(f[i])
    i += 1
    pointers = []
    for _ in range(p_cnt):
        sym, off, ppos, st = f[i:i + 4]
        pointers.append(Pointer(sym, int(off), ppos, int(st[:2], 16), int(st[2:], 16)))
        i += 4
    frames = []
    if pos == "v" and i < len(f):
        f_cnt = int(f[i])
        i += 1
        for _ in range(f_cnt):
            frames.append((int(f[i + 1]), int(f[i + 2], 16)))  # '+' f_num w_num
            i += 3
    return Synset(offset, pos, lexfile, tuple(words), tuple(lex_ids), tuple(pointers), tuple(frames), gloss.strip())
