"""PETRARCH-2 dictionaries → tidings knowledge files.

Reads a folder holding PETRARCH's ``*.actors.txt``, ``*.agents.txt``, ``*.verbs.txt`` and
``*.discards.txt`` (formats: the ``docs/source/dictionaries.rst`` of openeventdata/petrarch2 and the
TABARI manual) and writes:

* ``petrarch-actors.tsv`` (kind ``actors``) — first a ``code`` row declaring every code group the
  dictionaries use that tidings does not know (``ARN	country	code``, ``FRM	sector	code``), then one
  ``actor`` row per actor phrase and synonym (an actor of several codes, ``[ELR/GAL]``, as ``ELR/GAL``),
  then one ``group`` row per agent phrase and plural (``prefix`` for a ``CODE~`` agent);
* ``petrarch-verbs.tsv`` (kind ``verbs``) — the synonym sets as ``&NAME`` rows, then one row per verb
  and per pattern, following docs/events.md;
* ``petrarch-codes.tsv`` (kind ``cameo``) — event codes the verbs use that CAMEO lacks (WEIS ``9xx``...),
  declared as codes of the user's own;
* ``conversion-report.txt`` — the counts, and every source line that was skipped, with the reason.

Every written row is preceded by a comment naming its source file and line. Output is deterministic:
rows follow the source order, declarations are sorted. Rows tidings cannot express are skipped and
counted by reason; nothing is silently dropped. The discard list has no tidings equivalent and is
reported as unsupported.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

ACTORS_FILE = "petrarch-actors.tsv"
CODES_FILE = "petrarch-codes.tsv"
VERBS_FILE = "petrarch-verbs.tsv"
REPORT_FILE = "conversion-report.txt"

#: tidings' pattern-word and lemma syntax (tidings/knowledge/event_patterns.py)
_WORD = re.compile(r"^[a-z0-9][a-z0-9'.\-]*$")
_SET_NAME = re.compile(r"^&[A-Z][A-Z0-9_]*$")
_CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
_GROUP = re.compile(r"^[A-Z]{3}$")
#: a PETRARCH marker after one of these words is that preposition's object (``prep:WORD``)
PREPOSITIONS = frozenset(
    """about above across after against along among around at before behind below beneath beside between
    beyond by despite during for from in inside into near of off on onto out outside over since through
    throughout to toward towards under until upon with within without""".split()
)
#: words that may stand between a marker and the verb it is the subject of ('+ HAS * ...', '+ WAS_ * ...')
_AUXILIARIES = frozenset({"was", "were", "been", "be", "is", "are", "being", "has", "have", "had", "will", "would",
                          "shall", "should", "may", "might", "can", "could", "must", "did", "does", "do"})
#: where the target sits when a pattern does not mark it with ``+``: PETRARCH takes the first actor
#: in the verb phrase, which is tidings' slot ``first-actor``
IMPLICIT_TARGET = "first-actor"


@dataclass
class ConversionReport:
    """What a conversion wrote and what it could not express."""

    written: Counter = field(default_factory=Counter)  # kind of row -> count
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    notes: Counter = field(default_factory=Counter)  # lossy but converted -> count
    details: list[str] = field(default_factory=list)  # "file:line: reason: text"
    files: list[Path] = field(default_factory=list)

    def skip(self, where: str, reason: str, text: str) -> None:
        self.skipped[reason] += 1
        self.details.append(f"{where}: skipped ({reason}): {text.strip()}")

    def note(self, where: str, what: str, text: str) -> None:
        self.notes[what] += 1
        self.details.append(f"{where}: note ({what}): {text.strip()}")

    @property
    def total_written(self) -> int:
        return sum(self.written.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        lines = [f"written {self.total_written} rows: " + ", ".join(f"{k} {v}" for k, v in sorted(self.written.items()))]
        lines.append(f"skipped {self.total_skipped} source rows:")
        lines += [f"  {n:4d}  {reason}" for reason, n in sorted(self.skipped.items(), key=lambda x: (-x[1], x[0]))]
        if self.notes:
            lines.append("converted with a loss:")
            lines += [f"  {n:4d}  {what}" for what, n in sorted(self.notes.items(), key=lambda x: (-x[1], x[0]))]
        return "\n".join(lines)


# ---- reading PETRARCH files --------------------------------------------------------------------

def clean_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line number, text without comments, raw line) for each line that keeps some text.

    Comments: ``<!-- ... -->`` (possibly over several lines), ``#`` and the legacy ``;`` to the end of
    the line. Leading whitespace is kept (a tab-indented ``[code]`` line is a date restriction)."""
    in_comment = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            out = []
            rest = line
            while rest:
                if in_comment:
                    end = rest.find("-->")
                    if end < 0:
                        rest = ""
                    else:
                        in_comment, rest = False, rest[end + 3:]
                else:
                    start = rest.find("<!--")
                    if start < 0:
                        out.append(rest)
                        rest = ""
                    else:
                        out.append(rest[:start])
                        in_comment, rest = True, rest[start + 4:]
            text = "".join(out)
            for mark in ("#", ";"):
                if mark in text:
                    text = text[: text.index(mark)]
            if text.strip():
                yield lineno, text.rstrip(), line


def _phrase(text: str) -> str:
    """A PETRARCH phrase (``MINAS_TIRITH``, ``THE_SHIRE``) as tidings writes it: lower case, spaces."""
    return " ".join(text.replace("_", " ").lower().split())


def _codes(text: str) -> list[str]:
    return [c.strip() for c in _CODE_BLOCK.findall(text)]


# ---- code groups ---------------------------------------------------------------------------------

class _Codes:
    """Decides which code groups must be declared, and whether a code can be written at all."""

    def __init__(self):
        from tidings.knowledge.actors import REGIONS, SECTORS, TRANSNATIONAL, _country_codes

        self.iso = _country_codes()
        self.sectors, self.regions, self.transnational = SECTORS, REGIONS, TRANSNATIONAL
        self.countries: dict[str, str] = {}  # declared group -> first "file:line" using it
        self.new_sectors: dict[str, str] = {}

    def check(self, code: str, where: str, first_may_be_sector: bool = True) -> str | None:
        """None when ``code`` can be written (declaring what it needs), else the reason it cannot."""
        if not code or len(code) % 3 or len(code) > 15:
            return "code is not made of three-character groups"
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        if not all(_GROUP.match(g) for g in groups):
            return "code has characters other than letters"
        first = groups[0]
        if not first_may_be_sector:
            return self._check_actor(groups, where)
        wanted_countries, wanted_sectors = [], []
        if first in self.transnational:
            pass
        elif first in self.sectors or first in self.new_sectors:
            if first_may_be_sector or first in self.sectors:
                wanted_sectors += groups[1:2]
            else:
                return "code starts with a group declared as a sector"
        elif first_may_be_sector and first not in self.iso and first not in self.regions and first not in self.countries:
            wanted_sectors += groups[:2]  # an agent code: a sector of its own, then maybe another
        else:
            if first not in self.iso and first not in self.regions:
                wanted_countries.append(first)
            wanted_sectors += groups[1:2]
        for g in wanted_countries:
            if g in self.new_sectors:
                return f"group {g} would be both a country and a sector"
        for g in wanted_sectors:
            if g in self.countries or g in self.iso or g in self.regions or g in self.transnational:
                if g not in self.sectors:
                    return f"group {g} would be both a country and a sector"
        for g in wanted_countries:
            self.countries.setdefault(g, where)
        for g in wanted_sectors:
            if g not in self.sectors:
                self.new_sectors.setdefault(g, where)
        return None

    def _known(self, g: str) -> bool:
        return g in self.iso or g in self.regions or g in self.transnational or g in self.sectors \
            or g in self.countries or g in self.new_sectors

    def _check_actor(self, groups: list[str], where: str) -> str | None:
        """An actor code is written as it stands (tidings' ``actor`` rows take any known groups in any
        order: ``HOBCIV``, ``ORCHOB``); an unknown first group is declared a country, an unknown
        later group a sector."""
        first = groups[0]
        if not self._known(first):
            self.countries.setdefault(first, where)
        for g in groups[1:]:
            if not self._known(g):
                self.new_sectors.setdefault(g, where)
        return None

    def rows(self) -> list[str]:
        out = []
        for g in sorted(self.countries):
            out += [f"# first used at {self.countries[g]}", f"{g}\tcountry\tcode\tPETRARCH code {g}"]
        for g in sorted(self.new_sectors):
            out += [f"# first used at {self.new_sectors[g]}", f"{g}\tsector\tcode\tPETRARCH code {g}"]
        return out


# ---- actors --------------------------------------------------------------------------------------

def convert_actors(path: Path, codes: _Codes, report: ConversionReport) -> list[str]:
    """Actor records: a primary phrase (optional ``[code]``), ``+synonym`` lines, indented
    ``[code date-restriction]`` lines. Each restriction becomes a dated row (fifth column, a period:
    ``<1995-06-01``, ``1995-06-01..1999-08-15``, ``>1999-08-16``) after the undated row; the
    article's publication date picks the code (docs/dictionaries.md, "Dated rows")."""
    name = path.name
    records: list[dict] = []
    for lineno, text, raw in clean_lines(path):
        stripped = text.strip()
        if stripped.startswith("<"):
            report.skip(f"{name}:{lineno}", "markup line", raw)
            continue
        if text[:1].isspace() and stripped.startswith("["):
            if not records:
                report.skip(f"{name}:{lineno}", "code line before any actor", raw)
                continue
            records[-1]["restrictions"].append((lineno, stripped))
            continue
        if stripped.startswith("+"):
            if not records:
                report.skip(f"{name}:{lineno}", "synonym before any actor", raw)
                continue
            phrase = stripped[1:].split("[")[0]
            records[-1]["phrases"].append((lineno, phrase, raw))
            if _codes(stripped):
                report.note(f"{name}:{lineno}", "code on a synonym line ignored (the record's code is used)", raw)
            continue
        found = _codes(stripped)
        phrase = stripped.split("[")[0]
        records.append({"lineno": lineno, "phrases": [(lineno, phrase, raw)], "code": found[0] if found else None,
                        "restrictions": [], "name": _phrase(phrase)})
    out: list[str] = []
    for rec in records:
        where = f"{name}:{rec['lineno']}"
        code = rec["code"]
        dated: list[tuple[str, str]] = []  # (code, period) in file order
        for lineno, r in rec["restrictions"]:
            block = _codes(r)[0] if _codes(r) else ""
            parts = block.split()
            if len(parts) == 1 and code is None:
                code = parts[0]  # "[CODE]" on its own line: the default
            elif len(parts) >= 2:
                period = _period(" ".join(parts[1:]))
                if period is None:
                    report.skip(f"{name}:{lineno}", "unreadable date restriction", r)
                else:
                    dated.append((parts[0], period))
            elif not parts:
                report.skip(f"{name}:{lineno}", "empty code block", r)
        if code is None and not dated:
            report.skip(where, "actor without a code", rec["name"])
            continue
        rows: list[tuple[str, str]] = ([(code, "")] if code is not None else []) + dated
        kept: list[tuple[str, str]] = []
        for c, period in rows:
            c = c.upper()
            label = f"{rec['name']} [{c}{' ' + period if period else ''}]"
            if c in ("---", "+++", "###") or set(c) <= {"-", "+", "#"}:
                report.skip(where, f"null code {c} (PETRARCH 'not an actor')", label)
                continue
            # an actor that is several at once ("the Shire" [FRO/BIL/SAM]) keeps every code: tidings
            # reads 'FRO/BIL/SAM' as one actor of several codes, one event per code
            parts = list(dict.fromkeys(x.strip() for x in c.split("/") if x.strip()))
            good = []
            for part in parts:
                reason = codes.check(part, where, first_may_be_sector=False)
                if reason:
                    report.skip(where, reason, f"{rec['name']} [{part}]")
                else:
                    good.append(part)
            if not good:
                continue
            kept.append(("/".join(good), period))
        if not kept:
            continue
        display = rec["name"].title()
        for lineno, phrase, raw in rec["phrases"]:
            pattern = _phrase(phrase)
            if pattern.startswith("the "):
                pattern = pattern[4:]
            if not pattern:
                report.skip(f"{name}:{lineno}", "empty phrase", raw)
                continue
            for c, period in kept:
                out += [f"# {name}:{lineno}", "\t".join([pattern, c, "actor", display] + ([period] if period else []))]
                report.written["dated actors" if period else "actors"] += 1
    return out


_PETR_DAY = re.compile(r"^(\d{6}|\d{8})$")


def _day(text: str) -> str | None:
    """A PETRARCH date, ``YYYYMMDD`` or ``YYMMDD`` (``YY`` of 40 or more: 19YY, else 20YY), as ISO."""
    text = text.strip()
    if not _PETR_DAY.match(text):
        return None
    if len(text) == 6:
        text = ("19" if int(text[:2]) >= 40 else "20") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _period(text: str) -> str | None:
    """A PETRARCH date restriction (``< 950601``, ``> 20130119``, ``19950601 - 19990815``) as a tidings
    actors period (``<1995-06-01``, ``>2013-01-19``, ``1995-06-01..1999-08-15``)."""
    text = text.replace(" ", "")
    if text[:1] in "<>":
        day = _day(text[1:])
        return f"{text[0]}{day}" if day else None
    first, sep, last = text.partition("-")
    a, b = _day(first), _day(last)
    return f"{a}..{b}" if sep and a and b and a <= b else None


# ---- agents --------------------------------------------------------------------------------------

def _plural(phrase: str) -> str:
    """PETRARCH's regular plural of the last word: +S, Y -> IES, SS -> ES."""
    words = phrase.split(" ")
    last = words[-1]
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith("ss"):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last])


def convert_agents(path: Path, codes: _Codes, report: ConversionReport) -> list[str]:
    """Agent rows ``PHRASE {plurals} [~CODE]``, with ``!NAME! = a, b`` substitution sets.

    ``~CODE`` (the code follows the actor's) becomes a ``group`` row with that code, which tidings
    appends to the code of an ``actor`` before it ("Arnor foreign minister" → ARN + GOVFRM).
    ``CODE~`` (the code goes before the actor's, ``NGO~``) becomes a ``prefix`` row, whose code tidings
    puts before the code of the actor that follows ("MSF Arnor" → NGO + ARN)."""
    name = path.name
    subst: dict[str, list[str]] = {}
    out: list[str] = []
    for lineno, text, raw in clean_lines(path):
        where = f"{name}:{lineno}"
        stripped = text.strip()
        m = re.match(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", stripped)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        found = _codes(stripped)
        if not found:
            report.skip(where, "agent without a code", raw)
            continue
        code = found[0].replace(" ", "")
        head = stripped[: stripped.index("[")]
        plural_text = None
        pm = re.search(r"\{([^}]*)\}", head)
        if pm:
            plural_text = pm.group(1).strip()
            head = head[: pm.start()] + head[pm.end():]
        if code.endswith("~") and not code.startswith("~"):
            row_type = "prefix"  # 'NGO~': the code goes before the actor's ("MSF Arnor" -> NGOARN)
            code = code[:-1].upper()
        elif code.startswith("~"):
            row_type = "group"
            code = code[1:].upper()
        else:
            report.skip(where, "agent code without '~'", raw)
            continue
        reason = codes.check(code, where, first_may_be_sector=True)
        if reason:
            report.skip(where, reason, raw)
            continue
        phrases: list[str] = []
        marker = re.search(r"![A-Z0-9_]+!", head)
        if marker:
            if marker.group(0) not in subst:
                report.skip(where, f"undefined substitution set {marker.group(0)}", raw)
                continue
            for alt in subst[marker.group(0)]:
                phrases.append(_phrase(head.replace(marker.group(0), alt)))  # no further plurals
        else:
            singular = _phrase(head)
            phrases.append(singular)
            if plural_text is None:
                phrases.append(_plural(singular))
            elif plural_text:
                phrases += [_phrase(p) for p in plural_text.split()]
        seen = set()
        for p in phrases:
            if p in seen or not p:
                continue
            seen.add(p)
            out += [f"# {where}", f"{p}\t{code}\t{row_type}"]
            report.written["agents" if row_type == "group" else "prefix agents"] += 1
    return out


# ---- verbs ---------------------------------------------------------------------------------------

def default_lemmatizer(model: str | None = None) -> Callable[[str], str]:
    """spaCy's own rule lemmatizer with the word taken as a verb: ``said`` → ``say``, ``met`` → ``meet``.
    The same lemmatizer the pipeline uses, so converted lemmas meet the lemmas of parsed text."""
    from spacy.tokens import Doc

    from tidings.nlp import load_model
    from tidings.settings import Settings

    nlp = load_model(model or Settings().model)
    lemmatizer = nlp.get_pipe("lemmatizer")

    def lemma(word: str) -> str:
        doc = Doc(nlp.vocab, words=[word])
        doc[0].pos_ = "VERB"
        found = lemmatizer.rule_lemmatize(doc[0])
        return (found[0] if found else word).lower()

    return lemma


@dataclass
class _Block:
    lineno: int
    code: str | None
    verbs: list[tuple[int, str, str | None, str, list[str]]] = field(default_factory=list)  # line, text, own code, raw, forms


def _split_code(code: str) -> tuple[str, str | None]:
    first, _, second = code.partition(":")
    return first.strip(), (second.strip() or None)


def _listed_verbs(path: Path) -> frozenset[str]:
    """The one-word verbs a verbs file lists (lower case), forms in ``{...}`` and codes aside."""
    out = set()
    for _, text, _ in clean_lines(path):
        stripped = text.strip()
        if not stripped or stripped[0] in "<&+-#":
            continue  # block headers, patterns, synsets and their members, multi-word '+' verbs
        head = re.sub(r"\{[^}]*\}", " ", stripped.split("[")[0]).split()
        if len(head) == 1:
            out.add(head[0].lower())
    return frozenset(out)


def convert_verbs(path: Path, report: ConversionReport, lemmatize: Callable[[str], str], cameo) -> list[str]:
    name = path.name
    sets: dict[str, list[str]] = {}  # name -> words (synsets expanded)
    set_rows: list[str] = []
    rows: list[str] = []
    current_set: tuple[str, int] | None = None
    pending_set: list[tuple[int, str]] = []
    block: _Block | None = None
    patterns_started = False
    # the one-word verbs the file lists (MEET, MET...): a verb in an inflected form whose lemma is listed
    # too holds for its own forms only (_form_flag)
    entries = _listed_verbs(path)

    def close_set() -> None:
        nonlocal current_set, pending_set
        if current_set is None:
            return
        set_name, set_line = current_set
        words: list[str] = []
        for lineno, member in pending_set:
            if member.startswith("&"):
                ref = "&" + member[1:].rstrip("_").upper()
                if ref not in sets:
                    report.skip(f"{name}:{lineno}", "synset member refers to an undefined synset", member)
                    continue
                words += [w for w in sets[ref] if w not in words]
                continue
            phrase = _phrase(member)
            if not all(_WORD.match(w) for w in phrase.split(" ")):
                report.skip(f"{name}:{lineno}", "synset member is not a plain word", member)
                continue
            if phrase not in words:
                words.append(phrase)
        if not words:
            report.skip(f"{name}:{set_line}", "synset with no usable member", set_name)
        else:
            sets[set_name] = words
            set_rows.extend([f"# {name}:{set_line}", f"{set_name}\t{'|'.join(words)}"])
            report.written["word sets"] += 1
        current_set, pending_set = None, []

    for lineno, text, raw in clean_lines(path):
        where = f"{name}:{lineno}"
        stripped = text.strip()
        if stripped.startswith("<"):
            continue
        if stripped.startswith("&"):
            close_set()
            set_name = "&" + stripped[1:].split()[0].rstrip("_").upper()
            if not _SET_NAME.match(set_name):
                report.skip(where, "bad synset name", raw)
                current_set = None
                continue
            current_set = (set_name, lineno)
            continue
        if current_set is not None and stripped.startswith("+"):
            pending_set.append((lineno, stripped[1:].strip()))
            continue
        close_set()
        if stripped.startswith("---"):
            found = _codes(stripped)
            block = _Block(lineno, found[0] if found else None)
            patterns_started = False
            continue
        if block is None:
            report.skip(where, "line outside a verb block", raw)
            continue
        if stripped.startswith("-"):
            patterns_started = True
            rows.extend(_convert_pattern(where, stripped[1:].strip(), raw, block, sets, report, lemmatize, cameo,
                                         entries))
            continue
        if patterns_started:
            report.note(where, "verb listed after the block's patterns (patterns not applied to it)", raw)
        found = _codes(stripped)
        head = stripped.split("[")[0]
        verb_text = re.sub(r"\{[^}]*\}", " ", head).strip()
        forms = [f for group in re.findall(r"\{([^}]*)\}", head) for f in group.split()]
        block.verbs.append((lineno, verb_text, found[0] if found else None, raw, forms))
        rows.extend(_convert_verb(where, verb_text, found[0] if found else block.code, raw, report, lemmatize, cameo,
                                  forms, entries))
    close_set()
    return set_rows + rows


#: codes PETRARCH dictionaries use that tidings may declare as codes of the user's own (WEIS 9xx, 174K)
_OWN_CODE = re.compile(r"^\d{2,4}[A-Z]?$")


class KnownCodes:
    """The CAMEO table, plus the codes of PETRARCH's own the conversion meets (declared in a
    ``cameo`` file so that tidings accepts them)."""

    def __init__(self, table):
        self.table = table
        self.own: set[str] = set()

    def __contains__(self, code: str) -> bool:
        return code in self.table or code in self.own


def _check_code(code: str | None, cameo) -> tuple[str | None, str | None, str | None]:
    """(code, second code, reason it cannot be written). With ``KnownCodes``, a code outside the
    CAMEO table that has the form of one is kept and collected, to be declared."""
    if code is None:
        return None, None, "no code"
    first, second = _split_code(code)
    if first in ("---", "") or set(first) <= {"-"}:
        return None, None, "null code '---' (no event)"
    if first not in cameo:
        if not isinstance(cameo, KnownCodes) or not _OWN_CODE.match(first):
            return None, None, "code is neither a CAMEO code nor of the form of one (digits, at most one letter)"
        cameo.own.add(first)
    return first, second, None


def _verb_words(text: str) -> tuple[str, list[str], list[str]] | None:
    """A block's verb line → (verb, words before, words after): ``+BREAK_DOWN`` → break, [], [down];
    ``WIRE_+TAP`` → tap, [wire], []; without ``+`` the first word is the verb."""
    parts = [p for p in re.split(r"[\s_]+", text.strip()) if p]
    if not parts:
        return None
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    i = marked[0] if marked else 0
    parts = [p.lstrip("+") for p in parts]
    return parts[i].lower(), [p.lower() for p in parts[:i]], [p.lower() for p in parts[i + 1:]]


def _inflections(verb: str) -> list[str]:
    """The regular forms PETRARCH conjugates a verb into (+S, +ED, +ING, with a final E dropped)."""
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    return [verb + "s", verb + "ed", verb + "ing"]


def _verb_lemmas(verb: str, forms: list[str], lemmatize: Callable[[str], str]) -> list[str]:
    """Every lemma tidings' tagger may give the verb: of the verb itself, of its listed irregular forms
    (``{+CORDONED_OFF ...}``) and of its regular forms. The pipeline matches verbs by the lemma spaCy
    gives a token in context, which for a rare verb may differ from the dictionary form ("cordoned" ->
    'cordone'); a row per lemma keeps such verbs coded."""
    out: list[str] = []
    words = [verb] + [w for f in forms if (w := (_verb_words(f) or ("",))[0])] + _inflections(verb)
    for w in words:
        lemma = lemmatize(w)
        if lemma and _WORD.match(lemma) and lemma not in out:
            out.append(lemma)
    return out


def _form_flag(verb: str, forms: list[str], lemmatize: Callable[[str], str], entries: frozenset[str]) -> str:
    """PETRARCH matches a verb by its written forms: a verb listed in an inflected form (``MET``, whose
    lemma is ``meet``) while its lemma is listed too (``MEET``, a block of its own) holds for that form
    and its listed forms only. Such rows get the flag ``form:met``, so that the two blocks' codes do not
    collide on the lemma; any other verb, none (``entries``: the one-word verbs the file lists)."""
    lemma = lemmatize(verb)
    if lemma == verb.lower() or lemma not in entries:
        return ""
    words = [verb.lower()] + [w.lower() for f in forms if (w := (_verb_words(f) or ("",))[0])]
    words = [w for w in dict.fromkeys(words) if _WORD.match(w)]
    return "form:" + "|".join(words) if words else ""


def _convert_verb(where, text, code, raw, report, lemmatize, cameo, forms=(), entries=frozenset()) -> list[str]:
    code, second, reason = _check_code(code, cameo)
    if reason == "null code '---' (no event)":
        return []  # a verb that codes nothing by itself: no row needed
    if reason:
        report.skip(where, f"verb: {reason}", raw)
        return []
    split = _verb_words(text)
    if split is None:
        report.skip(where, "verb: empty", raw)
        return []
    verb, before, after = split
    lemmas = _verb_lemmas(verb, list(forms), lemmatize)
    words = before + ["*"] + after if before else after
    if not lemmas or not all(_WORD.match(w) for w in words if w != "*"):
        report.skip(where, "verb: not plain words", raw)
        return []
    flags = ",".join(f for f in (_code_flags(where, code, second, report, raw),
                                 _form_flag(verb, list(forms), lemmatize, entries) if not before and not after else "")
                     if f)
    target = IMPLICIT_TARGET
    report.written["verb rows"] += 1
    code_text = _code_text(code, second, where, report, raw, cameo)
    out = []
    for lemma in lemmas:
        out += [f"# {where}", "\t".join([lemma, " ".join(words) or "-", code_text, "subj", target, flags]).rstrip("\t")]
    return out


def _code_flags(where, code, second, report, raw) -> str:
    """``[A:A]`` is the flag ``symmetric``; ``[A:B]`` is written as the reciprocal code ``A:B``
    (``_code_text``), with no flag."""
    if second is not None and second == code:
        return "symmetric"
    return ""


def _code_text(code: str, second: str | None, where, report, raw, cameo) -> str:
    """The code column: ``A`` or, for PETRARCH's ``[A:B]`` with A ≠ B, the reciprocal ``A:B``."""
    if second is None or second == code:
        return code
    back, _, reason = _check_code(second, cameo)
    if reason:
        report.note(where, f"second code of [A:B] dropped ({reason})", raw)
        return code
    return f"{code}:{back}"


def _convert_pattern(where, text, raw, block: _Block, sets, report, lemmatize, cameo,
                     entries=frozenset()) -> list[str]:
    found = _codes(text)
    body = text.split("[")[0]
    code, second, reason = _check_code(found[0] if found else None, cameo)
    blocking = reason == "null code '---' (no event)"
    if blocking:
        # PETRARCH: a pattern coded '---' matches and blocks the event; tidings: code '-' flag 'block'
        code, second, reason = "-", None, None
    if reason:
        report.skip(where, f"pattern: {reason}", raw)
        return []
    tokens: list[str] = []
    glue: list[bool] = []  # joined by '_' to the token before it
    for chunk in body.split():
        # "NEW_&TIETYPES_RELATIONS", "IN_*", "*_OUT", "SUGGESTED_+", "TO_": '_' joins words that must be
        # adjacent; tidings keeps it between two words (its own '_'), and only their order next to the
        # verb or a marker
        parts = [t for t in re.split(r"_", chunk) if t]
        tokens += parts
        glue += [k > 0 for k in range(len(parts))]
    if tokens.count("*") != 1:
        report.skip(where, "pattern without exactly one '*'", raw)
        return []
    markers = ("$", "+", "%", "^", "*")
    if any(glue[i] and (tokens[i] in markers or tokens[i - 1] in markers) for i in range(len(tokens))):
        report.notes["'_' adjacency next to the verb or a marker relaxed to word order"] += 1
    last_word = -2  # index in tokens of the last word appended to words
    star = tokens.index("*")
    source = target = None
    flags = set()
    words: list[str] = []
    if "^" in tokens and not any(tokens[i - 1] == "^" and tokens[i] in ("$", "+", "%") for i in range(star + 2, len(tokens))):
        report.note(where, "'^' (skip a phrase) dropped", raw)
    for i, tok in enumerate(tokens):
        if tok in ("$", "+", "%"):
            if i < star:
                slot = "subj"
                if tok == "+":
                    # a target before the verb: the verb's grammatical subject, whatever the voice
                    # ("+ * MONEY $": "*Velmara* received money from X"; "+ WAS_ * ...": "*X* was freed")
                    slot = "front"
                    if any(t not in markers and t.lower() not in _AUXILIARIES for t in tokens[i + 1:star]):
                        # '+ HOSTING * ...': the subject of the verb the trigger is the complement of
                        # ("*Velmara* will be hosting Tarn to celebrate ...")
                        slot = "above"
            else:
                prev = next((t for t in reversed(tokens[star + 1:i]) if t != "^"), None)
                if prev is None:
                    slot = "obj"
                elif prev.lower() in PREPOSITIONS and tokens[i - 1] == "^":
                    # 'AT ^ +': the phrase after the preposition is skipped, the party is named after it
                    # ("warned at the council *of Velmara*"); '^ ^' is read as one skip
                    slot = f"past:{prev.lower()}"
                elif prev.lower() in PREPOSITIONS:
                    slot = f"prep:{prev.lower()}"
                elif re.fullmatch(r"[a-z]+", prev.lower()):
                    # 'MONEY $': the party named after a pattern word ("received money *from X*")
                    slot = f"past:{prev.lower()}"
                else:
                    report.skip(where, f"marker '{tok}' after {prev!r} (only a word or a preposition's object)", raw)
                    return []
            if tok == "%":
                flags.add("symmetric")
                if i < star:
                    source = source or slot
                else:
                    target = target or slot
            elif tok == "$":
                source = source or slot
            else:
                target = target or slot
            continue
        if tok == "^":
            continue
        if tok == "*":
            words.append("*")
            continue
        if tok.startswith("&"):
            ref = "&" + tok[1:].upper()
            if ref not in sets:
                report.skip(where, "pattern uses a synset that has no usable member or is undefined", raw)
                return []
            if glue[i] and last_word == i - 1 and words:
                words[-1] += "_" + ref
            else:
                words.append(ref)
            last_word = i
            continue
        w = tok.lower()
        if not _WORD.match(w):
            report.skip(where, f"pattern word {tok!r} is not a plain word", raw)
            return []
        if glue[i] and last_word == i - 1 and words:
            words[-1] += "_" + w  # 'new_&TIETYPES_relations': side by side in the text
        else:
            words.append(w)
        last_word = i
    plus = tokens.index("+") if "+" in tokens[:star] else None
    if target == "front" and plus is not None and any(t not in markers for t in tokens[:plus]):
        # 'NOTED + *', '$ SAY + * NEGOTIATE': the target is the subject of a reported clause, the
        # source the subject of the verb that reports it
        dollar = tokens.index("$") if "$" in tokens else None
        if dollar is None or (dollar < plus and any(t not in markers for t in tokens[dollar + 1:plus])):
            source = "above"
    if source == target and source is not None:
        report.skip(where, "source and target in the same slot", raw)
        return []
    compound = "%" in tokens[:star]
    if compound:
        flags.add("compound")  # PETRARCH '%' before the verb: the pattern needs a compound subject
    if words and words[0] == "*":
        words = words[1:]
    if not words or words == ["*"]:
        if not compound:
            report.skip(where, "pattern of markers only ('$ *'): it would replace the verb's own row", raw)
            return []
        words = ["*"]  # '% *': the verb alone with a compound subject; '*' keeps it apart from the verb's row
    flag = _code_flags(where, code, second, report, raw)
    if flag:
        flags.add(flag)
    if blocking:
        flags = {"block"}
    code_text = code if blocking else _code_text(code, second, where, report, raw, cameo)
    if target is None and "%" in tokens[:star]:
        target_text = "-"  # a compound subject: its members are each other's targets ('symmetric')
    elif target is None:
        target_text = IMPLICIT_TARGET
    else:
        target_text = target
    out = []
    lemmas: list[tuple[str, str, str]] = []  # (lemma, words, 'form:...' flag or '')
    for _, verb_text, _, _, forms in block.verbs:
        split = _verb_words(verb_text)
        if split is None:
            continue
        verb, verb_before, verb_after = split
        if verb_before or verb_after:
            # a verb of several words ("+BREAK_DOWN" in the BREAK block): PETRARCH applies the block's
            # patterns to it too; its own words join the pattern's ("break down treaty")
            if words == ["*"] or not all(_WORD.match(w) for w in verb_before + verb_after):
                continue
            star_at = words.index("*") if "*" in words else 0
            pattern_before = words[:star_at]
            pattern_after = words[star_at + 1:] if "*" in words else words
            joined = pattern_before + verb_before + ["*"] + verb_after + pattern_after
            if not pattern_before and not verb_before:
                joined = joined[1:]
            text_words = " ".join(joined)
        else:
            text_words = " ".join(words) or "-"
        form = _form_flag(verb, forms, lemmatize, entries)
        lemmas += [(lemma, text_words, form) for lemma in _verb_lemmas(verb, forms, lemmatize)
                   if (lemma, text_words, form) not in lemmas]
    if not lemmas:
        report.skip(where, "pattern in a block with no usable verb", raw)
        return []
    for lemma, text_words, form in lemmas:
        out += [f"# {where}", "\t".join([lemma, text_words, code_text, source or "subj", target_text,
                                         ",".join(sorted(flags) + ([form] if form else []))]).rstrip("\t")]
        report.written["blocking pattern rows" if blocking else "pattern rows"] += 1
    return out


# ---- discards ------------------------------------------------------------------------------------

def convert_discards(path: Path, report: ConversionReport) -> None:
    """Sentence (``PHRASE``) and story (``+PHRASE``) discards have no tidings equivalent."""
    for lineno, text, raw in clean_lines(path):
        kind = "story" if text.strip().startswith("+") else "sentence"
        report.skip(f"{path.name}:{lineno}", f"{kind} discard (tidings has no discard list)", raw)


# ---- the whole folder ----------------------------------------------------------------------------

def _find(src: Path, suffix: str) -> list[Path]:
    return sorted(p for p in src.iterdir() if p.is_file() and p.name.lower().endswith(suffix))


#: option rows written with ``standalone``: the converted files are then the whole dictionary
STANDALONE_ACTORS = ["# standalone: no built-in actor is loaded next to these rows", "@builtin\toff\toption"]
STANDALONE_VERBS = ["# standalone: no built-in verb or noun pattern is loaded next to these rows, and every",
                    "# event with a source or a target is kept (PETRARCH codes what its dictionary says)",
                    "# and the codes are kept as the patterns give them (no recoding of negated or future events);",
                    "# pattern words are looked for in the verb's whole phrase and match as written, as",
                    "# PETRARCH reads them",
                    "@builtin\toff", "@keep\tany", "@modes\tkeep", "@scope\tphrase", "@match\tform"]


def convert_petrarch(src_dir: Path, out_dir: Path, lemmatize: Callable[[str], str] | None = None,
                     standalone: bool = False) -> ConversionReport:
    """Convert the PETRARCH dictionaries in ``src_dir``; write tidings files into ``out_dir``.

    ``standalone``: the files carry option rows (``@builtin off``, ``@keep any``) so that, loaded with
    ``--dictionary``, they replace tidings' built-in actors and patterns instead of adding to them,
    and every event they code is kept as PETRARCH would (docs/events.md, "Options")."""
    from tidings.knowledge.cameo import load_cameo

    src_dir, out_dir = Path(src_dir), Path(out_dir)
    if not src_dir.is_dir():
        raise FileNotFoundError(f"{src_dir} is not a folder")
    report = ConversionReport()
    codes = _Codes()
    actor_rows: list[str] = []
    for path in _find(src_dir, ".actors.txt"):
        actor_rows += [f"# ---- actors from {path.name}"] + convert_actors(path, codes, report)
    for path in _find(src_dir, ".agents.txt"):
        actor_rows += [f"# ---- agents from {path.name}"] + convert_agents(path, codes, report)
    verb_paths = _find(src_dir, ".verbs.txt")
    verb_rows: list[str] = []
    if verb_paths:
        lemmatize = lemmatize or default_lemmatizer()
        cameo = KnownCodes(load_cameo())
        for path in verb_paths:
            verb_rows += [f"# ---- verbs from {path.name}"] + convert_verbs(path, report, lemmatize, cameo)
    for path in _find(src_dir, ".discards.txt"):
        convert_discards(path, report)
    if not (actor_rows or verb_rows):
        raise FileNotFoundError(f"no PETRARCH dictionaries (*.actors.txt, *.agents.txt, *.verbs.txt) in {src_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    header = "# converted from PETRARCH-2 dictionaries by `tidings convert petrarch`; comments name the source lines"
    if actor_rows:
        declared = codes.rows()
        report.written["declared codes"] += len(declared) // 2
        text = ["#! tidings actors 1", header] + (STANDALONE_ACTORS if standalone else []) + [
            "# ---- code groups PETRARCH uses that tidings does not know"]
        _write(out_dir / ACTORS_FILE, text + declared + actor_rows)
        report.files.append(out_dir / ACTORS_FILE)
    if verb_rows:
        if cameo.own:
            # PETRARCH's test dictionaries carry WEIS codes (9xx...) that CAMEO lacks: declared as the
            # user's own codes, with no Goldstein score, PLOVER type or quad class of their own
            own = [f"{code}\t0.0\t-\t-\tPETRARCH dictionary code outside CAMEO" for code in sorted(cameo.own)]
            _write(out_dir / CODES_FILE, ["#! tidings cameo 1", header] + own)
            report.files.append(out_dir / CODES_FILE)
            report.written["own event codes"] += len(own)
        _write(out_dir / VERBS_FILE, ["#! tidings verbs 1", header] + (STANDALONE_VERBS if standalone else []) + verb_rows)
        report.files.append(out_dir / VERBS_FILE)
    _write(out_dir / REPORT_FILE, [report.summary(), ""] + report.details)
    return report


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
