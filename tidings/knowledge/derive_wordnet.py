"""Derive event patterns from WordNet 3.0: ``python -m tidings.knowledge.derive_wordnet`` (``make lexicon``).

Build-time only; nothing imports this module when tidings runs. It reads the hand-written pattern files
(``data/verbs/*.tsv``, ``data/nouns/*.tsv`` but the derived ones), grows each simple row (no words, or
the particles of a phrasal verb WordNet knows: "crack down") through WordNet, and writes
``data/verbs/wordnet.tsv`` and ``data/nouns/wordnet.tsv``: one row per derived lemma, its seventh column
naming the seed row and the synset it came from. The loader ranks those rows below hand-written ones.
docs/events.md, "The derived lexicon", describes the result; the steps, one from each seed:

1. **The seed's senses.** WordNet lists a word's senses most frequent first, with how often each was
   tagged in its semantic concordance (``cntlist.rev``). A synset is the seed's sense when it is the
   seed's dominant sense (its only one, its first when none was tagged, or its first holding at least
   ``DOMINANT_SHARE`` of the tags), or when another word of the synset corroborates it - that word has a
   hand-written row of the seed's CAMEO root - and it is a frequent sense of the seed (``CORROBORATED_SHARE``
   of the first sense's tags, sense at most ``SENSE_RANK``): "release" grows through its second sense,
   *free, liberate*, because "free" is hand-written 0841; "call" does not grow through its first, *name*.
   A synset with a word whose hand-written rows disagree (another root, or only rows with other words,
   as "stop" has) is never the seed's sense.
2. **Synonyms** - the other words of those synsets - and **derivationally related forms** of the seed's
   word (WordNet's ``+`` pointers: "invade" -> "invasion", "dinner" -> "dine"), each kept only when that
   synset is a frequent sense of the new word (its first, or one tagged at least ``SENSE_SHARE`` as often):
   "fire" is not grown from "dismiss", dismissing staff being a rare sense of "fire".
3. **Fit.** A verb needs a WordNet frame that takes the seed's target (an ``obj`` target: "Somebody ----s
   something"); a noun needs a hypernym path up to event.n.01 (acts, actions, happenings) or
   communication.n.02, none through person, artifact or location ("invader" is no event).
4. **Ownership.** A lemma that a hand-written file of the same kind names is never derived: its hand rows,
   ``block`` rows included, decide its senses. The seed's own ``block`` rows are copied to the lemmas grown
   from it. A lemma reached from seeds of different CAMEO roots is left out.
5. **Stoplist.** ``data/wordnet-stoplist.tsv`` leaves out synsets whose sense is not the seed's event and
   lemmas that measurement showed to make events in non-political news; each row says why.

The slots of a row grown into the other part of speech are mapped: a verb's object is a noun's ``of``
phrase (plus ``on`` and ``against`` for violence, roots 18-20), its indirect object the ``to`` phrase,
prepositional slots stay; the other way round a noun's ``of`` phrase is the verb's object.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import KnowledgeError
from tidings.knowledge.files import DATA_DIR, read_rows
from tidings.knowledge.wordnet_db import DEFAULT_DIR, Synset, WordNet

DERIVED_NAME = "wordnet.tsv"
STOPLIST = DATA_DIR / "wordnet-stoplist.tsv"
POS = {"verbs": "v", "nouns": "n"}
KIND_OF_POS = {v: k for k, v in POS.items()}

#: a later sense counts among a lemma's most frequent when tagged at least this share as often as sense 1
SENSE_SHARE = 0.5
#: and is at most this sense number
SENSE_RANK = 3
#: a later sense of a seed grows when corroborated and tagged at least this share as often as its first
CORROBORATED_SHARE = 0.25
#: a seed's first sense grows alone when tagged at least this often and this share of all its tags
DOMINANT_COUNT = 3
DOMINANT_SHARE = 0.4
#: hypernyms an event noun must descend from (acts, actions and happenings; messages and speech acts)
NOUN_ROOTS = ("event.n.01", "communication.n.02")
#: and must not
NOUN_EXCLUDED = ("person.n.01", "artifact.n.01", "location.n.01")
#: verb frames (wordnet_db.FRAMES) that take a direct object, and ones with a subject and no object
TRANSITIVE_FRAMES = frozenset({8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 30, 31})
INTRANSITIVE_FRAMES = frozenset({1, 2, 4, 12, 13, 22, 27})
#: words a multiword WordNet verb may add to its lemma as pattern words ("lash_out", "clamp_down")
PARTICLES = frozenset("out off up down in on over back away aside against with to for of at into upon through".split())
#: target slots of a noun grown from a verb: the object is the 'of' phrase ("the invasion of Iraq");
#: a violent act (roots 18-20) also takes 'on' and 'against' ("an assault on the town")
OBJ_AS_NOUN = ("prep:of",)
VIOLENT_EXTRA = ("prep:on", "prep:against")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: flags a derived row keeps from its seed (the verb-only ones only between verbs)
KEPT_FLAGS = ("symmetric", "actor")
VERB_ONLY_FLAGS = ("active-only",)

GENERATED_HEADER = """\
# GENERATED by `make lexicon` (python -m tidings.knowledge.derive_wordnet) from WordNet 3.0 and the
# hand-written {kind} files: do not edit by hand; re-run `make lexicon`. Format and precedence:
# docs/events.md, "The derived lexicon". The seventh column names the seed row (file, lemma and words,
# code) and the WordNet synset the row came from ("a.v.01+b.n.01": derived form b of a).
# A hand-written row with the same lemma and words wins over a row here; a --dictionary file wins over both.
#
# Derived from WordNet 3.0 (Princeton University), under its licence, reproduced here as it requires:
#
# This software and database is being provided to you, the LICENSEE, by Princeton University under the
# following license. By obtaining, using and/or copying this software and database, you agree that you
# have read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and database and its documentation for
# any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer, and that the same appear on ALL
# copies of the software, database and documentation, including modifications that you make for
# internal use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES OF MERCHANT-ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining
# to distribution of the software and/or database. Title to copyright in this software, database and
# any associated documentation shall at all times remain with Princeton University and LICENSEE agrees
# to preserve same.
#
# lemma\twords\tcode\tsource\ttarget\tflags\tderived
"""


@dataclass(frozen=True)
class Seed:
    """A hand-written pattern row a derivation may start from."""
    kind: str
    file: str  # "verbs/core.tsv"
    order: int  # position among all seeds (earlier file rows first)
    lemma: str
    words: tuple[str, ...]
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join((self.lemma,) + self.words)

    @property
    def wn_lemma(self) -> str:
        return "_".join((self.lemma,) + self.words)

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class Derived:
    kind: str
    lemma: str
    words: tuple[str, ...]
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: tuple[str, ...]
    seed: Seed
    synsets: str  # "invade.v.01" (a synonym's synset) or "invade.v.01+invasion.n.01" (a derived form)
    score: tuple = field(default=(), compare=False)

    @property
    def key(self) -> tuple[str, str, tuple[str, ...]]:
        return self.kind, self.lemma, self.words

    def row(self) -> str:
        origin = f"{self.seed.file} '{self.seed.text}' {self.seed.code} {self.synsets}"
        return "\t".join([self.lemma, " ".join(self.words) or "-", self.code, ",".join(self.source) or "-",
                          ",".join(self.target) or "-", ",".join(self.flags), origin])


@dataclass
class HandRows:
    """What the hand-written files say: the seeds, the lemmas each kind names, the block rows by lemma,
    and the CAMEO roots each lemma's rows carry."""
    seeds: list[Seed] = field(default_factory=list)
    owned: dict[str, set[str]] = field(default_factory=lambda: {"verbs": set(), "nouns": set()})
    blocks: dict[tuple[str, str], list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))
    #: the CAMEO roots of the rows with no words other than particles, by kind, lemma and those words
    bare_roots: dict[tuple[str, str, tuple[str, ...]], set[str]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class Stoplist:
    lemmas: set[tuple[str, str]] = field(default_factory=set)  # (kind, lemma)
    synsets: set[str] = field(default_factory=set)  # "name.v.01"


def hand_files(data_dir: Path, kind: str) -> list[Path]:
    return [p for p in sorted((data_dir / kind).glob("*.tsv")) if p.name != DERIVED_NAME]


def read_hand_rows(data_dir: Path = DATA_DIR) -> HandRows:
    hand = HandRows()
    for kind in POS:
        for path in hand_files(data_dir, kind):
            name = f"{kind}/{path.name}"
            for _, cols in read_rows(path, kind, 2, 7):
                if cols[0].startswith(("&", "@")):
                    continue
                cols = cols + [""] * (6 - len(cols))
                lemma, words = cols[0].lower(), tuple([] if cols[1] in ("", "-") else cols[1].lower().split())
                code, flags = cols[2], tuple(f.strip() for f in cols[5].split(",") if f.strip() and f.strip() != "-")
                hand.owned[kind].add(lemma)
                if code == "-":
                    if "block" in flags:
                        hand.blocks[(kind, lemma)].append(words)
                    continue
                hand.bare_roots[(kind, lemma, words)].add(code[:2])
                if _simple_seed(words, flags):
                    source = _slots(cols[3], ("subj",))
                    target = _slots(cols[4], ("obj",) if kind == "verbs" else ())
                    hand.seeds.append(Seed(kind, name, len(hand.seeds), lemma, words, code, source, target, flags))
    return hand


def _slots(text: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if text == "":
        return default
    return () if text == "-" else tuple(s.strip() for s in text.split(","))


def _simple_seed(words: tuple[str, ...], flags: tuple[str, ...]) -> bool:
    """A seed grows when its sense is its lemma's (no words, or particles forming a WordNet phrasal verb,
    checked later) and it holds for every form, voice and source (no form:, source:, passive-only or
    compound flag: those rows pin a sense that WordNet cannot see)."""
    if any(f.startswith(("form:", "source:")) or f in ("passive-only", "compound", "block") for f in flags):
        return False
    return all(w in PARTICLES for w in words)


def _variant(a: str, b: str) -> bool:
    """Spelling variants ("recognise", "recognize"; "mobilisation", "mobilization") corroborate nothing:
    the hand lists write both for the same sense. Two words at most two letters apart are taken as such."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def read_stoplist(path: Path = STOPLIST) -> Stoplist:
    stop = Stoplist()
    if not path.exists():
        return stop
    for lineno, cols in read_rows(path, "wordnet_stoplist", 3, 3):
        what, name = cols[0].lower(), "_".join(cols[1].lower().split())  # "throw out" is WordNet's "throw_out"
        if what in POS:
            stop.lemmas.add((what, name))
        elif what == "synset":
            stop.synsets.add(name)
        else:
            raise KnowledgeError(str(path), lineno, f"first column is verbs, nouns or synset, got {cols[0]!r}")
    return stop


class Deriver:
    """One derivation run over a WordNet database."""

    def __init__(self, wn: WordNet, hand: HandRows, stop: Stoplist):
        self.wn = wn
        self.hand = hand
        self.stop = stop
        #: why candidates were left out, for the report: reason -> [(kind, lemma, synset)]
        self.dropped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    # --- senses
    def frequent(self, lemma: str, synset: Synset) -> bool:
        """Is ``synset`` among the word's most frequent senses: its first sense, or a sense at most
        ``SENSE_RANK`` tagged at least ``SENSE_SHARE`` as often as its first."""
        rank = self.wn.rank(lemma, synset)
        if rank is None:
            return False
        if rank == 1:
            return True
        if rank > SENSE_RANK:
            return False
        first = self.wn.senses(lemma, synset.pos)[0]
        count, top = self.wn.tag_count(lemma, synset), self.wn.tag_count(lemma, first)
        return count > 0 and count >= SENSE_SHARE * top

    def hand_agrees(self, synset: Synset, word: str, root: str) -> bool | None:
        """What the hand-written rows say about one word of a synset: True when a row with exactly that
        word (lemma and particles, no other words) carries the CAMEO root, False when the lemma has
        hand-written rows but none such (its bare sense is no event, or another one), None when the
        hand lists do not name it."""
        kind = KIND_OF_POS[synset.pos]
        lemma, *words = word.split("_") if kind == "verbs" else (word,)
        if lemma not in self.hand.owned[kind]:
            return None
        return root in self.hand.bare_roots.get((kind, lemma, tuple(words)), ())

    def seed_senses(self, seed: Seed) -> list[Synset]:
        """The seed's senses to grow from. A synset with a hand-written word that disagrees (rows of another
        CAMEO root, or rows only with other words) is never one. Else it is when another word corroborates
        it - a hand-written row of the same root for a synonym that is no mere spelling variant - and it is
        one of the seed's frequent senses (at most
        ``SENSE_RANK``, tagged at least ``CORROBORATED_SHARE`` as often as its first); or when it is the
        seed's dominant sense (``dominant``).
        (A derived form does not corroborate: "occupation" and "occupy" share their senses, the job and
        the invasion alike.)"""
        out = []
        for synset in self.wn.senses(seed.wn_lemma, POS[seed.kind]):
            name = self.wn.name(synset)
            others = [w for w in synset.words if w != seed.wn_lemma and not _variant(w, seed.wn_lemma)]
            votes = [self.hand_agrees(synset, w, seed.root) for w in others]
            if False in votes:
                self.dropped["a hand-written word of the synset disagrees"].append((seed.kind, seed.text, name))
                continue
            if (True in votes and self.share(seed.wn_lemma, synset) >= CORROBORATED_SHARE
                    or self.dominant(seed.wn_lemma, synset)):
                out.append(synset)
            else:
                self.dropped["not the seed's sense (uncorroborated or rare)"].append((seed.kind, seed.text, name))
        return out

    def share(self, lemma: str, synset: Synset) -> float:
        """How often the lemma was tagged in this sense against its first sense (1.0 for the first sense;
        0.0 for a sense after ``SENSE_RANK``)."""
        rank = self.wn.rank(lemma, synset)
        if rank is None or rank > SENSE_RANK:
            return 0.0
        if rank == 1:
            return 1.0
        top = self.wn.tag_count(lemma, self.wn.senses(lemma, synset.pos)[0])
        return self.wn.tag_count(lemma, synset) / top if top else 0.0

    def dominant(self, lemma: str, synset: Synset) -> bool:
        """The lemma's first sense by far: its only sense; its first when no sense of it was tagged; or its
        first, tagged at least ``DOMINANT_COUNT`` times and ``DOMINANT_SHARE`` of all its tags."""
        senses = self.wn.senses(lemma, synset.pos)
        if not senses or senses[0] != synset:
            return False
        counts = [self.wn.tag_count(lemma, s) for s in senses]
        return len(senses) == 1 or sum(counts) == 0 or (
            counts[0] >= DOMINANT_COUNT and counts[0] >= DOMINANT_SHARE * sum(counts))

    def noun_fits(self, synset: Synset) -> bool:
        """An event noun: a hypernym path to one of ``NOUN_ROOTS`` and none to ``NOUN_EXCLUDED``."""
        above = self.wn.ancestors(synset)
        return bool(above & self._offsets(NOUN_ROOTS)) and not above & self._offsets(NOUN_EXCLUDED)

    def _offsets(self, names: tuple[str, ...]) -> set[int]:
        return {s.offset for s in map(self.wn.by_name, names) if s is not None}

    @staticmethod
    def frames_fit(synset: Synset, word: str, target: tuple[str, ...]) -> bool:
        """The verb word has a frame that takes the seed's target: an object for ``obj``/``iobj``/``xsubj``
        slots, a subject without one for prepositional slots, either for ``any`` or no target."""
        frames = synset.frames_of(word)
        needs_object = any(s in ("obj", "iobj", "xsubj") for s in target)
        needs_pp = any(s.startswith(("prep:", "past:")) for s in target)
        if needs_object and not needs_pp:
            return bool(frames & TRANSITIVE_FRAMES)
        if needs_pp and not needs_object:
            return bool(frames & (INTRANSITIVE_FRAMES | {20, 21}))
        return bool(frames & (TRANSITIVE_FRAMES | INTRANSITIVE_FRAMES))

    # --- growth
    def derive(self) -> list[Derived]:
        candidates: dict[tuple, list[Derived]] = defaultdict(list)
        for seed in self.hand.seeds:
            for synset in self.seed_senses(seed):
                seed_rank = self.wn.rank(seed.wn_lemma, synset)
                name = self.wn.name(synset)
                if name in self.stop.synsets:
                    self.dropped["stoplist synset"].append((seed.kind, seed.text, name))
                    continue
                for word in synset.words:
                    if word != seed.wn_lemma:
                        self._offer(candidates, seed, synset, word, name, (seed_rank, 0))
                index = synset.words.index(seed.wn_lemma) + 1
                for p in synset.pointers:
                    if p.symbol != "+" or p.pos not in KIND_OF_POS or p.pos == synset.pos or p.source != index:
                        continue
                    other = self.wn.synset(p.pos, p.offset)
                    other_name = self.wn.name(other)
                    if other_name in self.stop.synsets:
                        self.dropped["stoplist synset"].append((KIND_OF_POS[p.pos], other.words[p.target - 1], other_name))
                        continue
                    if False in (self.hand_agrees(other, w, seed.root) for w in other.words):
                        self.dropped["a hand-written word of the synset disagrees"].append(
                            (KIND_OF_POS[p.pos], other.words[p.target - 1], other_name))
                        continue
                    self._offer(candidates, seed, other, other.words[p.target - 1], f"{name}+{other_name}", (seed_rank, 1))
        return self._choose(candidates)

    def _offer(self, candidates, seed: Seed, synset: Synset, word: str, origin: str, score: tuple) -> None:
        kind = KIND_OF_POS[synset.pos]
        parts = word.split("_")
        lemma, words = parts[0], tuple(parts[1:])
        where = (kind, word, origin)
        if (kind, lemma) in self.stop.lemmas or (kind, word) in self.stop.lemmas:
            self.dropped["stoplist lemma"].append(where)
            return
        if lemma in self.hand.owned[kind]:
            return  # the hand-written rows decide this lemma's senses
        if kind == "nouns" and words or kind == "verbs" and not all(w in PARTICLES for w in words):
            self.dropped["multiword"].append(where)
            return
        if not lemma.replace("-", "").isalpha():
            self.dropped["not a plain word"].append(where)
            return
        if not self.frequent(word, synset):
            self.dropped["rare sense of the word"].append(where)
            return
        slots = self._slots(seed, kind)
        if slots is None:
            self.dropped["slots do not map"].append(where)
            return
        source, target = slots
        if kind == "nouns" and not self.noun_fits(synset):
            self.dropped["noun not an act, event or communication"].append(where)
            return
        if kind == "verbs" and not self.frames_fit(synset, word, target):
            self.dropped["no verb frame for the target"].append(where)
            return
        flags = tuple(f for f in seed.flags if f in KEPT_FLAGS or kind == seed.kind == "verbs" and f in VERB_ONLY_FLAGS)
        rank = self.wn.rank(word, synset) or 99
        candidates[(kind, lemma, words)].append(Derived(kind, lemma, words, seed.code, source, target, flags, seed,
                                                        origin, score + (rank, seed.order)))

    @staticmethod
    def _slots(seed: Seed, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The derived row's source and target slots: the seed's own for the same kind; mapped between a
        verb's and a noun's (docs/events.md, "Slots") otherwise. None when a slot has no counterpart."""
        if kind == seed.kind:
            return seed.source, seed.target
        if seed.source[:1] != ("subj",):
            return None
        target: list[str] = []
        for slot in seed.target:
            if kind == "nouns":
                mapped = {"obj": OBJ_AS_NOUN + (VIOLENT_EXTRA if seed.root in VIOLENT_ROOTS else ()),
                          "iobj": ("prep:to",), "any": ("any",)}.get(slot, (slot,) if slot.startswith("prep:") else None)
            else:
                # (a noun's compound, "the *Israel* visit", has no verb counterpart and is left out)
                mapped = {"prep:of": ("obj",), "iobj": ("iobj",), "any": ("any",), "compound": ()}.get(
                    slot, (slot,) if slot.startswith("prep:") else None)
            if mapped is None:
                return None
            target.extend(m for m in mapped if m not in target)
        if kind == "verbs" and not target:
            target = ["obj"]
        return ("subj",), tuple(target)

    def _choose(self, candidates: dict[tuple, list[Derived]]) -> list[Derived]:
        """One row per derived lemma and words: the one reached through the seed's more frequent sense,
        a synonym before a derived form, the word's more frequent sense, the earlier seed. Candidates
        whose seeds disagree on the CAMEO root are left out: WordNet cannot tell which one is meant."""
        out = []
        for key, found in candidates.items():
            roots = {d.seed.root for d in found}
            if len(roots) > 1:
                self.dropped["seeds of several roots"].append((key[0], " ".join((key[1],) + key[2]), "/".join(sorted(roots))))
                continue
            out.append(min(found, key=lambda d: d.score))
        blocks = []
        for d in out:
            for words in self.hand.blocks.get((d.seed.kind, d.seed.lemma), ()):
                if d.kind == d.seed.kind:  # the seed's block rows hold for the lemma grown from it
                    blocks.append(Derived(d.kind, d.lemma, words, "-", (), (), ("block",), d.seed, d.synsets))
        return sorted(out + blocks, key=lambda d: (d.kind, d.lemma, d.words, d.code))


def render(rows: list[Derived], data_dir: Path) -> dict[Path, str]:
    """Each derived file's path and the text it should hold."""
    out = {}
    for kind in POS:
        lines = [f"#! tidings {kind} 1\n", GENERATED_HEADER.format(kind=kind)]
        lines += [d.row() + "\n" for d in rows if d.kind == kind]
        out[data_dir / kind / DERIVED_NAME] = "".join(lines)
    return out


def write(rows: list[Derived], data_dir: Path) -> dict[str, Path]:
    written = {}
    for path, text in render(rows, data_dir).items():
        path.write_text(text, encoding="utf-8")
        written[path.parent.name] = path
    return written


def stale(rows: list[Derived], data_dir: Path) -> list[Path]:
    """The derived files whose text is not what their seeds derive today (``--check``)."""
    return [path for path, text in render(rows, data_dir).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.knowledge.derive_wordnet", description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=DEFAULT_DIR, help="WordNet 3.0 dict directory (wordnet-base)")
    ap.add_argument("--data", type=Path, default=DATA_DIR, help="knowledge data directory to read and write")
    ap.add_argument("--stoplist", type=Path, default=None, help="stoplist file (default DATA/wordnet-stoplist.tsv)")
    ap.add_argument("--report", action="store_true", help="list the candidates left out, by reason")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; fail when a committed derived file differs from what its seeds derive")
    args = ap.parse_args(argv)
    try:
        deriver = Deriver(WordNet(args.wordnet), read_hand_rows(args.data),
                          read_stoplist(args.stoplist or args.data / STOPLIST.name))
        rows = deriver.derive()
        if args.check:
            for path in stale(rows, args.data):
                print(f"derive_wordnet: {path} is out of date with the hand-written seeds: run `make lexicon` "
                      "and commit the result", file=sys.stderr)
            return 1 if stale(rows, args.data) else 0
        paths = write(rows, args.data)
    except KnowledgeError as exc:
        print(f"derive_wordnet: {exc}", file=sys.stderr)
        return 1
    for kind, path in paths.items():
        print(f"{path}: {sum(1 for d in rows if d.kind == kind)} rows")
    if args.report:
        for reason, items in sorted(deriver.dropped.items()):
            print(f"# {reason}: {len(items)}")
            for kind, word, origin in sorted(set(items)):
                print(f"  {kind}\t{word}\t{origin}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
