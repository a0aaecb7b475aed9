"""Event patterns: verbs and nouns that mean a CAMEO event, with the words that must go with them and
where the source and target sit. Format documented in ``docs/events.md``.

Files of kind ``verbs`` and ``nouns`` hold rows ``lemma<TAB>words<TAB>code<TAB>source<TAB>target<TAB>flags``.
Everything the coder needs at run time is precomputed here, once: patterns indexed by lemma, most
specific first, with named word sets already expanded, so that coding a token is a dict lookup.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import KnowledgeError
from tidings.knowledge.cameo import CameoTable, load_cameo
from tidings.knowledge.files import files_of_kind, read_rows

KINDS = ("verbs", "nouns")
SLOTS_FIXED = frozenset({"subj", "obj", "iobj", "xsubj", "any", "first-actor", "front", "above", "compound", "self"})
FLAGS = frozenset({"symmetric", "actor", "passive-only", "active-only", "no-infinitive", "block", "compound", "party-target", "transitive",
                   "intransitive", "own-target", "label", "no-label"})
_WORD = re.compile(r"^[a-z0-9][a-z0-9'.\-]*$")
_SET = re.compile(r"^&[A-Z][A-Z0-9_]*$")
_PREP_SLOT = re.compile(r"^(prep|past):[a-z]+(_[a-z]+)*$")
#: the seventh column of a derived row: seed file, seed lemma and words in quotes, seed code, synset(s)
_DERIVED = re.compile(r"^(?P<file>\S+) '(?P<seed>[^']+)' (?P<code>[0-9:]+) (?P<synsets>[^\s']+\.[nv]\.\d\d"
                      r"(\+[^\s']+\.[nv]\.\d\d)?)$")
_DEFAULT_TARGET = {"verbs": ("obj",), "nouns": ()}
#: option rows (``@NAME<TAB>VALUE``) a user file may hold, with their allowed values; the first is the default
OPTIONS = {"@builtin": ("on", "off"), "@keep": ("political", "any"), "@modes": ("recode", "keep"),
           "@scope": ("clause", "phrase"), "@match": ("lemma", "form")}

class Word(frozenset):
    """The alternatives one pattern word accepts (lemma or lower-case form). Alternatives of several
    words (word-set members such as "economic sanction") are also kept in ``multi`` as word tuples."""

    multi: tuple[tuple[str, ...], ...] = ()
    #: written joined to the word before it (``new_relations``): it must stand right after that word
    glued: bool = False
    #: matches the written form only, not the lemma ('@match form': "resolution" is not "resolutions")
    exact: bool = False

    def __new__(cls, alts=(), glued: bool = False, exact: bool = False):
        self = super().__new__(cls, alts)
        self.multi = tuple(tuple(a.split(" ")) for a in self if " " in a)
        self.glued = glued
        self.exact = exact
        return self


@dataclass(frozen=True)
class EventPattern:
    kind: str  # verbs | nouns
    lemma: str
    before: tuple[Word, ...]  # words that must precede the trigger
    after: tuple[Word, ...]  # words that must follow it (verbs: in order)
    anywhere: tuple[Word, ...]  # nouns without '*': anywhere in the phrase, any order
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]
    origin: str  # "verbs/core.tsv:57"
    text: str  # the lemma and words as written
    #: reciprocal code (``032:033``): the code of the event from the target back to the source
    back_code: str | None = None
    #: the flag ``form:met|meets``: the trigger's own word must be one of these (lower case); empty: any form
    forms: frozenset[str] = frozenset()
    #: the flag ``source:lab|cvl``: the source's code must hold one of these groups (lower case); empty: any
    source_groups: frozenset[str] = frozenset()
    #: a derived row's seventh column (``make lexicon``): the seed row and WordNet synset it came from,
    #: ``verbs/core.tsv 'invade' 192 invade.v.01+invasion.n.01``; None for a hand-written row
    derived: str | None = None

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after) + len(self.anywhere)

    @property
    def evidence(self) -> str:
        own = f"{self.origin} '{self.text}' {','.join(self.source) or '-'}>{','.join(self.target) or '-'}"
        if self.derived is None:
            return own
        m = _DERIVED.match(self.derived)
        return f"{own} derived from {m['file']} '{m['seed']}' ({m['code']}) via WordNet {m['synsets']}"  # type: ignore[index]


@dataclass
class EventPatterns:
    verbs: dict[str, list[EventPattern]] = field(default_factory=dict)
    nouns: dict[str, list[EventPattern]] = field(default_factory=dict)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    #: option rows of the user files (``@builtin off``, ``@keep any``); see docs/events.md
    options: dict[str, str] = field(default_factory=dict)

    @property
    def keep_any(self) -> bool:
        """``@keep any``: every event with a source or a target is kept, political or not."""
        return self.options.get("@keep") == "any"

    @property
    def keep_codes(self) -> bool:
        """``@modes keep``: a negated or future event keeps the pattern's code (its mode is still reported)
        instead of being recoded as a refusal, an intent or a threat."""
        return self.options.get("@modes") == "keep"

    @property
    def phrase_scope(self) -> bool:
        """``@scope phrase``: a verb's pattern words are looked for in its whole verb phrase (the clauses
        it governs included, eight levels down), as PETRARCH does, instead of in its own clause."""
        return self.options.get("@scope") == "phrase"

    @property
    def light_verbs(self) -> frozenset[str]:
        return self.sets.get("&LIGHT", frozenset())

    @functools.cached_property
    def act_nouns(self) -> dict[str, str]:
        """noun -> the PLOVER type of the act it names again ("the demands": REQUEST), from the
        ``&ACTS_<TYPE>`` word sets (extract/events/context.py); the first set in name order wins."""
        out: dict[str, str] = {}
        for name, words in sorted(self.sets.items()):
            if name.startswith("&ACTS_"):
                for w in words:
                    out.setdefault(w, name[len("&ACTS_"):])
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


@dataclass
class _Row:
    kind: str
    path: str
    lineno: int
    origin: str
    lemma: str
    words: list[str]
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    flags: frozenset[str]
    order: int
    builtin: bool = False
    back_code: str | None = None
    forms: frozenset[str] = frozenset()
    source_groups: frozenset[str] = frozenset()
    derived: str | None = None


def load_event_patterns(user_files: tuple[Path, ...] = (), cameo: CameoTable | None = None) -> EventPatterns:
    cameo = cameo if cameo is not None else load_cameo(user_files)
    rows: dict[tuple[str, str, str, str, str], _Row | None] = {}
    sets: dict[str, frozenset[str]] = {}
    set_from: dict[str, Path] = {}  # the file each set was last written in
    options: dict[str, str] = {}
    order = 0
    for kind in KINDS:
        for path in files_of_kind(kind, user_files):
            builtin = path.parent.name == kind
            name = f"{kind}/{path.name}" if builtin else path.name
            for lineno, cols in read_rows(path, kind, 2, 7):
                where = (str(path), lineno)
                if cols[0].startswith("@"):
                    if builtin:
                        raise KnowledgeError(str(path), lineno, "option rows ('@...') may only appear in user files")
                    name_, value = _option(cols, *where)
                    options[name_] = value
                    continue
                if cols[0].startswith("&"):
                    # a set written again in the same file adds up (a long derived set, line by line);
                    # in a later file it replaces the earlier one
                    set_name = _set_name(cols[0], *where)
                    words = _set_words(cols[1], *where)
                    sets[set_name] = sets[set_name] | words if set_from.get(set_name) == path else words
                    set_from[set_name] = path
                    continue
                if len(cols) < 3:
                    raise KnowledgeError(str(path), lineno, "expected at least 3 columns: lemma, words, code")
                row = _parse(kind, cols, cameo, f"{name}:{lineno}", *where, order)
                row.builtin = builtin
                order += 1
                key = row_key(kind, row.lemma, row.words, row.forms, row.source_groups)
                if row.derived is not None and key in rows and (rows[key] is None or rows[key].derived is None):
                    continue  # a hand-written row (or its switching off) wins over a derived one, whatever the order
                # '-' switches a row off; '-' with the flag 'block' is a row that matches and blocks
                rows[key] = None if row.code == "-" and "block" not in row.flags else row
    patterns = EventPatterns(sets=sets, options=options)
    for row in rows.values():
        if row is None:
            continue
        if row.builtin and options.get("@builtin") == "off":
            continue  # '@builtin off': the user's files are the whole dictionary (word sets stay)
        # '@match form' is the user's files' own way of matching; built-in rows keep theirs
        pattern = _compile(row, sets, exact=not row.builtin and options.get("@match") == "form")
        index = patterns.verbs if row.kind == "verbs" else patterns.nouns
        index.setdefault(row.lemma, []).append((row.order, pattern))  # type: ignore[arg-type]
    for index in (patterns.verbs, patterns.nouns):
        for lemma, entries in index.items():
            # Most specific first (the most words; among as many, a row restricted to some forms of the
            # lemma, then one restricted to some sources); among equals, a hand-written row before a derived
            # one, then the row read last (a user's) first.
            entries.sort(key=lambda e: (-e[1].size, not e[1].forms, not e[1].source_groups,  # type: ignore[index]
                                        e[1].derived is not None, -e[0]))  # type: ignore[index]
            index[lemma] = [p for _, p in entries]  # type: ignore[misc]
    return patterns


def row_key(kind: str, lemma: str, words: list[str], forms=(), source_groups=()) -> tuple[str, ...]:
    """What makes two rows the same row (the later replaces the earlier): kind, lemma, the words in
    order with each word's alternatives in any order ("deal|accord" is "accord|deal"), and the
    restricting flags ``form:`` and ``source:``."""
    normal = " ".join("_".join("|".join(sorted(part.split("|"))) for part in w.split("_")) for w in words)
    return kind, lemma, normal, " ".join(sorted(forms)), " ".join(sorted(source_groups))


def _set_name(name: str, path: str, lineno: int) -> str:
    if not _SET.match(name):
        raise KnowledgeError(path, lineno, f"bad word set name {name!r}: '&' then capitals, digits or '_' (&MONEY)")
    return name


def _option(cols: list[str], path: str, lineno: int) -> tuple[str, str]:
    name = cols[0].lower()
    if name not in OPTIONS:
        raise KnowledgeError(path, lineno, f"unknown option {cols[0]!r}; known options: {', '.join(sorted(OPTIONS))}")
    value = cols[1].lower() if len(cols) > 1 else ""
    if value not in OPTIONS[name]:
        raise KnowledgeError(path, lineno, f"option {name} takes {' or '.join(OPTIONS[name])}, got {value!r}")
    return name, value


def _set_words(text: str, path: str, lineno: int) -> frozenset[str]:
    """The members of a word set; a member of several words ("economic sanction") is kept with its
    words joined by single spaces and matched as consecutive tokens."""
    words = [" ".join(w.strip().lower().split()) for w in text.split("|") if w.strip()]
    if not words:
        raise KnowledgeError(path, lineno, "a word set needs at least one word")
    for w in words:
        if not all(_WORD.match(part) for part in w.split(" ")):
            raise KnowledgeError(path, lineno, f"bad word {w!r} in word set")
    return frozenset(words)


def _parse(kind: str, cols: list[str], cameo: CameoTable, origin: str, path: str, lineno: int, order: int) -> _Row:
    cols = cols + [""] * (7 - len(cols))
    lemma, words, code, source, target, flags, derived = cols
    if derived and not _DERIVED.match(derived):
        raise KnowledgeError(path, lineno, f"bad derived column {derived!r}: FILE 'SEED WORDS' CODE SYNSET "
                                           "(verbs/core.tsv 'invade' 192 invade.v.01+invasion.n.01)")
    lemma = lemma.lower()
    if not _WORD.match(lemma):
        raise KnowledgeError(path, lineno, f"bad lemma {lemma!r}: one lower-case word")
    word_list = [] if words in ("", "-") else words.lower().split()
    if word_list.count("*") > 1:
        raise KnowledgeError(path, lineno, "'*' (where the lemma stands) may appear only once in words")
    for w in word_list:
        if w == "*":
            continue
        if w.startswith("_") or w.endswith("_") or "__" in w or ("_" in w and "*" in w):
            raise KnowledgeError(path, lineno, f"bad word {w!r}: '_' joins two words that must stand side by side "
                                               "(new_relations)")
        for alt in (a for part in w.split("_") for a in part.split("|")):
            if not (_WORD.match(alt) or _SET.match(alt.upper()) and alt.startswith("&")):
                raise KnowledgeError(path, lineno, f"bad word {alt!r}: letters, digits, ', ., - ; or &SET")
    back_code = None
    if ":" in code:
        # reciprocal: 'A:B' codes source->target with A and target->source with B ("arrive" 032:033)
        code, _, back_code = (c.strip() for c in code.partition(":"))
        if code == "-" or back_code in ("", "-"):
            raise KnowledgeError(path, lineno, f"a reciprocal code is two CAMEO codes 'A:B', got {cols[2]!r}")
        if back_code not in cameo:
            raise KnowledgeError(path, lineno, f"unknown CAMEO code {back_code!r} (not in the cameo table)")
    if code != "-" and code not in cameo:
        raise KnowledgeError(path, lineno, f"unknown CAMEO code {code!r} (not in the cameo table)")
    src = _slots(source, ("subj",), path, lineno)
    tgt = _slots(target, _DEFAULT_TARGET[kind], path, lineno)
    flag_set = frozenset(f.strip() for f in flags.split(",") if f.strip() and f.strip() != "-")
    forms: frozenset[str] = frozenset()
    for f in [f for f in flag_set if f.lower().startswith("form:")]:
        # 'form:met|meets': the pattern holds only for these forms of the lemma ("met", not "meet")
        alts = [a.strip().lower() for a in f[5:].split("|") if a.strip()]
        if not alts or not all(_WORD.match(a) for a in alts):
            raise KnowledgeError(path, lineno, f"bad flag {f!r}: 'form:' then words separated by '|' (form:met|meets)")
        forms |= frozenset(alts)
        flag_set -= {f}
    source_groups: frozenset[str] = frozenset()
    for f in [f for f in flag_set if f.lower().startswith("source:")]:
        # 'source:lab': the pattern holds only when the source is coded with one of these groups
        alts = [a.strip().lower() for a in f[7:].split("|") if a.strip()]
        if not alts or not all(re.fullmatch(r"[a-z0-9]{3}", a) for a in alts):
            raise KnowledgeError(path, lineno, f"bad flag {f!r}: 'source:' then three-letter code groups separated "
                                               "by '|' (source:lab|cvl)")
        source_groups |= frozenset(alts)
        flag_set -= {f}
    bad = flag_set - FLAGS
    if bad:
        raise KnowledgeError(path, lineno, f"unknown flag {sorted(bad)[0]!r}; known flags: {', '.join(sorted(FLAGS))}")
    if {"passive-only", "active-only"} <= flag_set:
        raise KnowledgeError(path, lineno, "a pattern cannot be both passive-only and active-only")
    return _Row(kind, path, lineno, origin, lemma, word_list, code, src, tgt, flag_set, order, back_code=back_code,
                forms=forms, source_groups=source_groups, derived=derived or None)


def _slots(text: str, default: tuple[str, ...], path: str, lineno: int) -> tuple[str, ...]:
    if text == "":
        return default
    if text == "-":
        return ()
    out = []
    for slot in (s.strip() for s in text.split(",")):
        if slot not in SLOTS_FIXED and not _PREP_SLOT.match(slot):
            raise KnowledgeError(path, lineno, f"unknown slot {slot!r}: subj, obj, iobj, xsubj, any, first-actor, compound, "
                                               "front, above, prep:WORD, past:WORD or -")
        out.append(slot)
    return tuple(out)


def _compile(row: _Row, sets: dict[str, frozenset[str]], exact: bool = False) -> EventPattern:
    """``exact`` ('@match form'): a plain word of the row matches its written form only; a word-set
    member still matches any form of it (PETRARCH forms the plurals of its synsets' members)."""
    def words(w: str) -> list[Word]:
        # 'new_&TIETYPES_relations': words joined by '_' stand side by side in the text
        return [word(part, glued=k > 0) for k, part in enumerate(w.split("_"))]

    def word(w: str, glued: bool = False) -> Word:
        alts: set[str] = set()
        for alt in w.split("|"):
            if alt.startswith("&"):
                name = alt.upper()
                if name not in sets:
                    raise KnowledgeError(row.path, row.lineno, f"unknown word set {name!r}")
                alts |= sets[name]
            else:
                alts.add(alt)
        return Word(alts, glued, exact and not any(a.startswith("&") for a in w.split("|")))

    def seq(ws: list[str]) -> tuple[Word, ...]:
        return tuple(x for w in ws for x in words(w))

    if "*" in row.words:
        star = row.words.index("*")
        before = seq(row.words[:star])
        after = seq(row.words[star + 1:])
        anywhere: tuple[Word, ...] = ()
    elif row.kind == "verbs":
        before, after, anywhere = (), seq(row.words), ()
    else:
        before, after, anywhere = (), (), seq(row.words)
    text = " ".join([row.lemma] + row.words) if "*" not in row.words else " ".join(
        row.words[: row.words.index("*")] + [row.lemma] + row.words[row.words.index("*") + 1:])
    if row.forms:
        text += f" [{'|'.join(sorted(row.forms))}]"
    if row.source_groups:
        text += f" [source:{'|'.join(sorted(row.source_groups))}]"
    return EventPattern(row.kind, row.lemma, before, after, anywhere, row.code, row.source, row.target, row.flags,
                        row.origin, text, row.back_code, row.forms, row.source_groups, row.derived)
