"""Headlines: found at the top of an article, parsed as a sentence of their own in ordinary case.

Headline style misleads a tagger trained on running text: in "Rebels Seize Town Near Capital" every
word looks like a name and "Seize" like a proper noun. So the pipeline parses a same-length copy of
the text in which a title-cased (or all-capitals) headline is written in sentence case, and then
hands the parse to a Doc of the original words (:func:`restore_words`): every token offset, every
token text and so every span an extractor slices still belong to the original text; only the
annotations (tags, parse, lemmas, entities) come from the normalised copy.

What is a headline (:func:`find_headline`): the first paragraph when it is the record's title, a
Markdown ``# Heading`` line, or a first line that reads as one (no final full stop, title case or
all capitals, more text after it). A headline is always one sentence of its own.

Two parties a headline lists with a comma for "and" ("Putin, Bush Discuss Iran", "Sudan, Rebels
Agree") are parsed with the comma written "&" (:meth:`HeadlineCaser.listing_comma`): same length, same
tokens, and the parser reads the conjunction it stands for.

Which words keep their capitals (:class:`HeadlineCaser`): names - what the actor dictionary or the
gazetteer know as names, acronyms, words the article's body writes with a capital in mid-sentence -
and words the vocabulary does not know in lower case. Role words the dictionary lists in lower case
("troops", "president") and known lower-case words are lowered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, Span, Token

from tidings.nlp import HEADLINE_KEY

TITLE, MARKDOWN, FIRST_LINE = "title", "markdown", "first-line"  # how a headline was recognised
TITLE_CASE, CAPS = "title-case", "caps"  # how it is written
#: a headline is a short line: longer first lines are body text without a full stop
MAX_HEADLINE_WORDS = 25
#: share of a headline's non-small words that must start with a capital for it to be title-cased
TITLE_CASE_SHARE = 0.85
#: share of its words that must be in capitals for a headline to be all-capitals
CAPS_SHARE = 0.8
#: how much of the body is searched for the way it writes a headline word
BODY_WINDOW = 20_000
#: words title case leaves in lower case (AP and Chicago style)
SMALL_WORDS = frozenset(
    "a an the and or nor but of in on at to for by with from as vs via per into onto off up out over "
    "upon than so yet if is be".split()
)
_WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february april june july "
    "august september october november december".split()
)
#: "May" and "March" are months only next to a date or after a preposition of time
_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
_TIME_PREPS = frozenset({"in", "on", "by", "until", "till", "since", "from", "before", "after", "during", "next",
                         "last", "early", "late", "mid"})
#: dictionary types that name a party (kept in capitals); titles and groups are role words
_NAME_TYPES = frozenset({"country", "capital", "demonym", "organisation", "igo", "person", "actor", "prefix"})
_MD_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+(?P<words>[^\n]*?)[ \t#]*$")
#: a wire's credit closing a headline: "(Reuters)", "(AP)", "(Canadian Press)"
_CREDIT = re.compile(r"\s*\((?:[A-Z][A-Za-z.&'\-]*(?: [A-Z][A-Za-z.&'\-]*){0,3})\)[ \t]*$", re.MULTILINE)
_NON_SPACE = re.compile(r"\S")
#: a paragraph opening with words in capitals ("KEY talks", "IT WOULD have"), then a word in lower case
_OPENING_CAPS = re.compile(r"^[ \t]*(?P<run>[A-Z]{2,}(?: [A-Z]{2,}){0,3}) (?=[A-Za-z]*[a-z])", re.MULTILINE)
#: first lines that are title-cased without being headlines: "By Jane Doe", "GENEVA, Jan 10 (Reuters)"
_BYLINE_OR_DATELINE = re.compile(r"By\s|[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]+)*\s*[,(]\s*[A-Z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
#: a word that does not continue a hyphenated one: "Cease-*fire*" is written in lower case in a title
_HEAD_WORD = re.compile(r"(?<![A-Za-z]-)(?<![A-Za-z]\u2011)\b[A-Za-z][A-Za-z'\u2019]*")
#: capitalised words up to a comma, after a name: the rest of an apposition
_ASIDE = re.compile(r"(?: [A-Z][\w.'\-]*){0,3},")
#: a headline opening with two names parted by a comma: "Putin, Bush Discuss Iran", "Italian PM, Gaddafi open"
_TWO_NAMES = re.compile(r"(?P<first>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2})(?P<comma>,) "
                        r"(?P<second>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}?)(?= [A-Za-z])")
_FINAL_STOP = re.compile(r"(?<!\.)\.[\"'\u201d\u2019)]*\s*$")  # one full stop, not an ellipsis


@dataclass(frozen=True)
class HeadlineSpan:
    """Where the headline's words are (``start``, ``end``: characters of the text), and how it was
    recognised: ``title`` (the record's title), ``markdown`` (a ``# Heading``), ``first-line``."""

    start: int
    end: int
    kind: str


# ---- finding the headline -------------------------------------------------------------------

def find_headline(text: str, title: str | None = None) -> HeadlineSpan | None:
    """The headline at the top of ``text``, or None. Needs text after it: a lone line is no headline."""
    first = _NON_SPACE.search(text)
    if first is None:
        return None
    start = first.start()
    line_end = text.find("\n", start)
    if line_end < 0 or _NON_SPACE.search(text, line_end) is None:
        return None
    end = line_end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    line = text[start:end]
    heading = _MD_HEADING.match(line)
    if heading is not None and heading["words"]:
        kind, start, end = MARKDOWN, start + heading.start("words"), start + heading.end("words")
    elif title and " ".join(title.split()) == " ".join(line.split()):
        kind = TITLE
    elif reads_as_headline(line) and not (style(line) != CAPS and _BYLINE_OR_DATELINE.match(line)):
        kind = FIRST_LINE
    else:
        return None
    credit = _CREDIT.search(text, start, end)
    if credit is not None and credit.start() > start:
        end = credit.start()  # "(Reuters)" credits the wire: no word of the headline's sentence
    return HeadlineSpan(start, end, kind)


def reads_as_headline(line: str) -> bool:
    """A line written as a headline: short, no final full stop, title-cased or in capitals."""
    words = _WORD.findall(line)
    if len(words) < 2 or len(words) > MAX_HEADLINE_WORDS or _FINAL_STOP.search(line):
        return False
    return style(line) is not None


def style(line: str) -> str | None:
    """:data:`CAPS` for a line in capitals, :data:`TITLE_CASE` for a title-cased one, None for
    ordinary (sentence) case."""
    words = [w for w in _WORD.findall(line) if len(w) > 1]
    if len(words) >= 2 and sum(w.isupper() for w in words) >= CAPS_SHARE * len(words):
        return CAPS
    # title case: the words after the first that are not small words start with a capital (the
    # second part of a hyphenated word may not: "Brokers Cease-fire")
    heads = [w for w in _HEAD_WORD.findall(line) if len(w) > 1]
    rest = [w for w in heads[1:] if w.lower() not in SMALL_WORDS and not w.isupper()]
    if len(rest) >= 2 and sum(w[0].isupper() for w in rest) >= TITLE_CASE_SHARE * len(rest):
        return TITLE_CASE
    return None


# ---- the normalised copy --------------------------------------------------------------------

class HeadlineCaser:
    """Writes a headline in sentence case, keeping names. Built once per pipeline: it holds the
    vocabulary's lower-case words (spaCy's English stop words and lemmatizer word lists)."""

    def __init__(self, nlp, actors, gazetteer, first_names=frozenset()):
        self.tokenizer = nlp.tokenizer
        self.actors = actors
        self.gazetteer = gazetteer
        #: first names (the cue files' list): "Ann" and the surname after it are a person's name
        self.first_names = frozenset(first_names)
        self.stop_words = frozenset(w.lower() for w in nlp.Defaults.stop_words)
        self.index, self.rules, self.exceptions = _word_lists(nlp)

    def normalise(self, text: str, headline: HeadlineSpan) -> str:
        """``text`` with the headline in sentence case; the same length, so every offset holds."""
        line = text[headline.start:headline.end]
        kind = style(line)
        body = text[headline.end:headline.end + BODY_WINDOW]
        # only letters change case: whitespace stays put, so the copy splits into the same tokens
        cased = self.sentence_case(line, body, kind) if kind is not None else line
        comma = self.listing_comma(line, body)
        if comma is not None:
            cased = cased[:comma] + "&" + cased[comma + 1:]
        return text[:headline.start] + cased + text[headline.end:] if cased != line else text

    def listing_comma(self, line: str, body: str) -> int | None:
        """A headline naming two parties with a comma for "and" ("Putin, Bush Discuss Iran", "India,
        Myanmar sign three accords", "Sudan, Rebels Agree"): where that comma is, to be written as "&",
        which the parser reads as the conjunction it stands for (the same length, and the tokenizer
        splits both the same way), or None. Both sides must be parties - each word one the actor
        dictionary knows, or a name: one the vocabulary does not know in lower case or the body writes
        with a capital - so that an opening phrase ("Facing Arrest, Uma Bharti Quits", "In Haiti,
        Peacekeepers ...") or an apposition ("Gordon Cooper, NASA Pioneer, Dies") is left alone."""
        m = _TWO_NAMES.match(line)
        if m is None or not all(self._name_word(w, body) for w in (m.group("first") + " " + m.group("second")).split()):
            return None
        if _ASIDE.match(line, m.end("second")) is not None:
            return None  # "Gordon Cooper, NASA Mercury Pioneer, Dies": an apposition between commas
        return m.start("comma")

    def _name_word(self, word: str, body: str) -> bool:
        if word.isupper() and len(word) > 1 or self.actors.lookup(word) is not None:
            return True  # "US", "EU", "PM"; "Putin", "Italian", "Rebels"
        return word[:1].isupper() and (_body_form(word, body) == word or not self.known(word.lower()))

    def paragraph_openings(self, text: str, start: int = 0) -> str:
        """``text`` with the capitals some papers open a paragraph with written as running text
        ("KEY talks between ...", "THE Black Watch today moved", "IT WOULD have been"): a run of
        words in capitals at a paragraph's start, before a word in lower case, each a plain word of the
        vocabulary the actor dictionary does not know as a name ("UN officials", "NATO troops" stay).
        A dateline ("BAGHDAD - ", "NEW YORK (Reuters)") is followed by punctuation, not by a word,
        and is left alone. The same length, so every offset holds."""
        out, done = [], 0
        for m in _OPENING_CAPS.finditer(text, start):
            run = m.group("run")  # words parted by single spaces: lower-casing keeps its length
            if all(self.known(w.lower()) and self.actors.lookup(w) is None for w in run.split()):
                out += [text[done:m.start("run")], run[:1] + run[1:].lower()]
                done = m.end("run")
        return "".join(out) + text[done:] if out else text

    def sentence_case(self, line: str, body: str, kind: str) -> str:
        doc = self.tokenizer(line)
        chars = list(line)
        names = self._dictionary_names(doc, kind)
        places = self._place_names(doc)
        # the sentence's first word, which keeps its capital, may be no plain word: "*U.S.* Warns Iran"
        first = next((t.i for t in doc if not (t.is_punct or t.is_space)), None)
        cased: dict[int, str] = {}
        for tok in doc:
            if tok.is_alpha:
                cased[tok.i] = self._cased(tok, names, places, body, kind)
        for i, word in cased.items():
            after = cased.get(i + 1)
            if word.lower() in _COMPASS and after is not None and after[0].isupper() and doc[i].whitespace_:
                word = word.capitalize()  # "South Waziristan": a compass word before a name is part of it
            if i == first:
                word = word[:1].upper() + word[1:]
            chars[doc[i].idx:doc[i].idx + len(word)] = word
        return "".join(chars)

    def _cased(self, tok: Token, names: dict[int, str | None], places: dict[int, int], body: str, kind: str) -> str:
        """The word as running text would write it."""
        word = tok.text
        if len(word) == 1:
            return "a" if word == "A" else word  # the article; other single letters are initials
        if kind == TITLE_CASE and (not word[0].isupper() or word.isupper() or not word[1:].islower()):
            return word  # lower case already, an acronym, or a name's own shape ("McCain")
        if tok.i in names:
            form = names[tok.i]
            return word.lower() if form is None else form
        lower = word.lower()
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if word in self.first_names or (before is not None and before.text in self.first_names and before.whitespace_
                                        and not self.known(lower, ("verb",))):
            return word if kind == TITLE_CASE else word.capitalize()  # "Ann Smith", not "Ann Wins"
        if lower in _WEEKDAYS_MONTHS or (lower in _AMBIGUOUS_MONTHS and _dated(tok)):
            return lower.capitalize()
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in ("n't", "n\u2019t") and not tok.whitespace_:
            return lower  # "Won't", "Can't": the verb of a contraction
        name = word if kind == TITLE_CASE else lower.capitalize()
        if places.get(tok.i, 0) > 1:
            return name  # a place of several words: "South Ossetia"
        written = _body_form(word, body)
        if written is not None:
            return written
        if tok.i in places or not self.known(lower):
            return name
        return lower

    def known(self, lower: str, parts: tuple[str, ...] | None = None) -> bool:
        """Whether the vocabulary knows ``lower`` as a lower-case word (its lemma in the word lists),
        as any part of speech or as one of ``parts`` ("verb", "noun", "adj", "adv")."""
        if parts is None and lower in self.stop_words:
            return True
        for pos, words in self.index.items():
            if parts is not None and pos not in parts:
                continue
            if lower in words or lower in self.exceptions.get(pos, ()):
                return True
            for old, new in self.rules.get(pos, ()):
                if lower.endswith(old) and lower[:len(lower) - len(old)] + new in words:
                    return True
        return False

    def _dictionary_names(self, doc: Doc, kind: str) -> dict[int, str | None]:
        """Token index -> the casing the actor dictionary writes it in, for words inside a dictionary
        phrase: the pattern's own word for names, None for role words ("troops"), lowered. A row
        that is case-sensitive ("US") names only its own spelling, except in a headline in capitals."""
        out: dict[int, str | None] = {}
        matches = sorted(self.actors.matcher(doc.vocab)(doc), key=lambda m: (m[1] - m[2], m[1]))
        for match_id, s, e in matches:  # longest first: "South Ossetia" before "South"
            if any(i in out for i in range(s, e)):
                continue
            written = doc[s:e].text
            entries = self.actors.by_lower.get(doc.vocab.strings[match_id], ())
            # a name: a row of a naming type, or any row the dictionary writes with a capital
            # ("Palestinians"); lower-case titles and groups ("troops") are role words
            named = [x for x in entries if x.code and (x.type in _NAME_TYPES or not x.pattern.islower())
                     and (not x.case_sensitive or kind == CAPS or x.pattern == written.removeprefix("the "))]
            if not named or all(self._common_plural(x.pattern) for x in named):
                for i in range(s, e):
                    out[i] = None
                continue
            pattern = next((x.pattern for x in named if not x.pattern.islower()), None)
            pattern_words = pattern.split() if pattern is not None else []
            for k, i in enumerate(range(s, e)):
                word = doc[i].text
                if len(pattern_words) == e - s and pattern_words[k].lower() == word.lower():
                    out[i] = pattern_words[k]
                elif word.lower() in SMALL_WORDS:
                    out[i] = None  # "Doctors Without Borders": the small word inside the name
                else:
                    out[i] = word if not word.isupper() or len(word) <= 4 else word.capitalize()
        return out

    def _common_plural(self, pattern: str) -> bool:
        """A lower-case name row that is a plural common noun ("peacekeepers", "blue helmets")."""
        last = pattern.split()[-1] if pattern.split() else ""
        return pattern.islower() and last.endswith("s") and last[:-1] in self.index.get("noun", ())

    def _place_names(self, doc: Doc) -> dict[int, int]:
        """Token index -> the length in words of the run of capitalised words the gazetteer knows that
        it is part of ("South Ossetia": 2, "Najaf": 1); a one-word name the vocabulary also knows as a
        verb, adjective or adverb ("Split") is not kept."""
        out: dict[int, int] = {}
        text = doc.text
        # (index, start, end, lower) of each capitalised word
        caps = [(t.i, t.idx, t.idx + len(t), t.lower_) for t in doc if t.is_alpha and t.text[0].isupper()]
        for n in (3, 2, 1):
            for k in range(len(caps) - n + 1):
                first, last = caps[k], caps[k + n - 1]
                if last[0] - first[0] != n - 1 or any(caps[j][0] in out for j in range(k, k + n)):
                    continue
                if not self.gazetteer.candidates(text[first[1]:last[2]]):
                    continue
                if n == 1 and self._other_than_noun(first[3]):
                    continue
                out.update((caps[j][0], n) for j in range(k, k + n))
        return out

    def _other_than_noun(self, lower: str) -> bool:
        return lower in self.stop_words or any(
            lower in self.index.get(pos, ()) for pos in ("verb", "adj", "adv"))


def _word_lists(nlp) -> tuple[dict[str, frozenset[str]], dict[str, list[tuple[str, str]]], dict[str, frozenset[str]]]:
    """The rule lemmatizer's tables (lemma index, suffix rules, exceptions), per part of speech.
    Empty when the pipeline has no such lemmatizer: then only stop words count as known."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}, {}, {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return {}, {}, {}
    index_table = lookups.get_table("lemma_index")
    rules_table = lookups.get_table("lemma_rules") if lookups.has_table("lemma_rules") else {}
    exc_table = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    index, rules, exceptions = {}, {}, {}
    for pos in ("noun", "verb", "adj", "adv"):
        if pos in index_table:
            index[pos] = frozenset(index_table[pos])
        if pos in rules_table:
            rules[pos] = [(old, new) for old, new in rules_table[pos]]
        if pos in exc_table:
            exceptions[pos] = frozenset(exc_table[pos])
    return index, rules, exceptions


def _dated(tok: Token) -> bool:
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return before in _TIME_PREPS or (after is not None and after.like_num)


def _body_form(word: str, body: str) -> str | None:
    """How the body writes ``word`` when it is consistent: in lower case only, or with its capital
    only and at least once in mid-sentence (after a lower-case word or a comma). None otherwise."""
    lower = word.lower()
    if not body or lower in SMALL_WORDS:
        return None
    pattern = re.compile(r"(?<![A-Za-z'\u2019-])(" + re.escape(lower) + r")(?![A-Za-z])", re.IGNORECASE)
    seen_lower = seen_mid = False
    form = None
    for m in pattern.finditer(body):
        found = m.group(1)
        if found == lower:
            seen_lower = True
        elif found[0].isupper() and re.search(r"[a-z,;]\s+$", body[max(0, m.start() - 3):m.start()]):
            seen_mid, form = True, found
    if seen_lower and not seen_mid:
        return lower
    if seen_mid and not seen_lower:
        return form
    return None


# ---- giving the parse to the original words -------------------------------------------------

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def restore_words(parsed: Doc, original: str) -> Doc:
    """A Doc of ``original``'s words carrying ``parsed``'s annotations. ``parsed`` is the parse of a
    same-length copy of ``original`` (only letters' case differs), so its token boundaries are
    ``original``'s too."""
    if parsed.text == original:
        return parsed
    if len(parsed.text) != len(original):
        raise ValueError("the normalised copy must have the original text's length")
    words = [original[t.idx:t.idx + len(t.text)] for t in parsed]
    spaces = [bool(t.whitespace_) for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=spaces)
    attrs = [a for a in _ATTRS if a != HEAD or parsed.has_annotation("DEP")]
    array = parsed.to_array(attrs)
    doc.from_array(attrs, numpy.asarray(array))
    if not parsed.has_annotation("DEP") and parsed.has_annotation("SENT_START"):
        for tok, src in zip(doc, parsed):
            tok.is_sent_start = src.is_sent_start
    doc.user_data.update(parsed.user_data)
    _split_entities_at_listing_commas(doc, parsed)
    return doc


def _split_entities_at_listing_commas(doc: Doc, parsed: Doc) -> None:
    """The tagger may read the "&" a headline's listing comma was parsed as inside a name ("India &
    Pakistan" as an organisation, like "Procter & Gamble", or "Sudan &"); the comma it stands for
    parts two names and belongs to neither."""
    span = parsed.user_data.get(HEADLINE_KEY)
    words = parsed.char_span(*span, alignment_mode="expand") if span else None
    listing = {t.i for t in words if t.text == "&" and doc[t.i].text == ","} if words is not None else set()
    if not listing or not any(e.start <= i < e.end for e in doc.ents for i in listing):
        return
    ents = []
    for ent in doc.ents:
        start = ent.start
        for i in sorted(i for i in listing if ent.start <= i < ent.end):
            if i > start:
                ents.append(Span(doc, start, i, label=ent.label_))
            start = i + 1
        if start < ent.end:
            ents.append(Span(doc, start, ent.end, label=ent.label_))
    doc.ents = ents


# ---- headline grammar -----------------------------------------------------------------------

def written_in_capitals(sent) -> bool:
    """A sentence written in capitals (a wire headline, "RUSSIA WARNS NATO"): at least three words of
    two letters or more, nearly all of them (CAPS_SHARE) upper-case."""
    words = [t for t in sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and sum(t.is_upper for t in words) >= CAPS_SHARE * len(words)


def acronym(tok: Token) -> bool:
    """A word in capitals ("USAID", "IAEA") in a sentence not written in capitals: a name, whatever
    the tagger reads it as ("USAID gave aid to Haiti": an adverb)."""
    return len(tok) > 1 and tok.is_alpha and tok.is_upper and not written_in_capitals(tok.sent)


def headline_future(verb: Token) -> bool:
    """Headline grammar for a planned act: "Minister to visit Cairo" - a clause's root verb with its
    own subject and a bare "to" as its only auxiliary reads as "is to visit", a future."""
    if verb.tag_ != "VB":
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if len(aux) != 1 or aux[0].lower_ != "to" or aux[0].i > verb.i:
        return False
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN") \
            and (verb.head.dep_ == "ROOT" or verb.head.pos_ == "PROPN"):
        # the parser's reading of "Kenyan Minister to Visit Uganda" as a noun with an infinitive ("a
        # minister to visit"): in a headline it is the same "is to visit"; so is a name's anywhere in
        # it ("Blair, Bush to Meet as Issues Loom")
        span = verb.doc.user_data.get(HEADLINE_KEY)
        return bool(span) and span[0] <= verb.idx < span[1]
    if headline_second_clause(verb):
        return True
    if verb.dep_ != "ROOT":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < aux[0].i for c in verb.children)


def headline_second_clause(verb: Token) -> bool:
    """Headline grammar for a second act of the same subject: "Peru Arrests Siege Leader, *to Attack*
    Police Post" reads "and is to attack" - a bare infinitive after a comma, hung on the headline's
    main verb, is neither that verb's object nor its purpose."""
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "advcl") or verb.head.dep_ != "ROOT":
        return False
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or to.i == 0 or verb.doc[to.i - 1].text != ",":
        return False
    span = verb.doc.user_data.get(HEADLINE_KEY)
    return bool(span) and span[0] <= verb.idx < span[1]


#: verbs whose bare past form in a headline is a report, not a passive ("Iran Said to ...": raising)
_NOT_HEADLINE_PASSIVE = frozenset({"say", "tell", "report", "claim", "deny", "admit", "confirm", "announce"})
#: verbs of finding, whose bare past form before a participle or adjective is a passive ("Hostage *Found
#: Dead*", "Soldiers *Found Executed*": they were found so)
_FINDING = frozenset({"find", "discover"})
#: verbs whose object is who must do what the infinitive says ("allowed X to", "told X to")
_OBJECT_CONTROL = frozenset({"allow", "permit", "tell", "order", "urge", "ask", "force", "invite", "forbid",
                             "ban", "bar", "advise", "instruct", "press", "pressure", "encourage", "compel",
                             "oblige", "persuade", "authorize", "authorise", "summon", "warn", "call"})
#: verbs of giving, whose passive keeps the thing given as its object ("Iran *Given* Deadline", "Sudan
#: *Handed* Ultimatum": the subject is the one given to)
_GIVING = frozenset({"give", "hand", "offer", "grant", "award", "promise", "show", "send", "deal", "serve"})
#: what an active verb takes after it: with one of these the past form is the active past ("Fighters Seized Shrine")
_ACTIVE_OBJECTS = frozenset({"dobj", "obj", "dative", "ccomp", "xcomp", "attr"})


def _frequency(tok: Token) -> bool:
    """"*15 Times*", "*Twice*": how often, which the parser may take for an object."""
    return tok.lemma_.lower() in ("time", "twice", "thrice") and (tok.lemma_.lower() != "time" or any(
        c.dep_ == "nummod" or c.lower_ in ("several", "many", "multiple") for c in tok.children))


def read_headline_passives(doc: Doc, done_to: frozenset[str] = frozenset()) -> list[int]:
    """Headline grammar for what was done to someone: "Myanmar PM *Sacked*", "Governor *Assassinated*",
    "Briton Shot Dead by Gunmen". A headline states the present in the present tense ("Israel Kills")
    and writes the passive without its auxiliary, so a bare past form of the headline's main verb
    with a subject before it and no object after it is a passive: its subject is relabelled a passive
    subject and the verb a past participle, as the parser labels "was sacked" in running text. The
    indices of the verbs read so are returned."""
    span = doc.user_data.get(HEADLINE_KEY)
    if not span or not doc.has_annotation("DEP"):
        return []
    start, end = span
    read = []
    for verb in doc:
        if verb.idx < start:
            continue
        if verb.idx >= end:
            break
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
            continue
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
                and verb.head.i < verb.i and not any(c.dep_ in _ACTIVE_OBJECTS for c in verb.children):
            # "Briton [was] Charged With Plotting ...": the parser hangs the verb on the noun as a
            # participle, sometimes tagged as a past tense; the noun is the one acted on
            verb.tag_ = "VBN"
            read.append(verb.i)
            continue
        # in a clause of its own a bare past may be a past tense ("after talks collapsed"); only an act
        # done to someone (``done_to``: violence, seizure, arrest) reads as a passive there
        subordinate = verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children) \
            and verb.lemma_.lower() in done_to
        # "Four Soldiers Killed, Leader Pulls Out": two clauses the parser hangs one on the other
        before_comma = verb.dep_ in ("ccomp", "parataxis") and verb.head.dep_ == "ROOT" and verb.i < verb.head.i \
            and any(t.text in (",", ";") for t in doc[verb.i + 1:verb.head.i])
        if verb.dep_ != "ROOT" and not (verb.dep_ == "conj" and verb.head.dep_ == "ROOT") and not subordinate \
                and not before_comma:
            continue  # the headline's main verb, or one joined to it with a subject of its own ("..., Poll
            # Criticized"), or a clause of its own ("Israel Suspends Soldier *after* Girl Shot 15 Times")
        children = list(verb.children)
        # "Parties *Allowed* to Contact Voters", "Iran *Told* to Halt": a verb that puts someone
        # under an infinitive takes that someone as its object; with none after it, the subject is it
        controlled = verb.lemma_.lower() in _OBJECT_CONTROL and any(
            c.dep_ == "xcomp" and c.i > verb.i and any(g.tag_ == "TO" for g in c.children) for c in children) \
            and not any(c.dep_ in ("dobj", "obj", "dative") for c in children)
        # ("2 Troops *Said Killed*", "Soldiers *Found Executed*": the state they were reported or found in)
        reported = verb.lemma_.lower() in _NOT_HEADLINE_PASSIVE | _FINDING and any(
            c.dep_ in ("xcomp", "ccomp", "oprd", "acomp") and c.i == verb.i + 1
            and c.tag_ in (("VBN", "VBD", "JJ") if verb.lemma_.lower() in _FINDING else ("VBN", "VBD"))
            and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children) for c in children)
        if verb.lemma_.lower() in _NOT_HEADLINE_PASSIVE and not controlled and not reported:
            continue  # ("2 Troops *Said Killed*": "were said to be killed", a report of what was done to them)
        # a verb of giving keeps one object in the passive: the thing given, never the one given to
        given = verb.lemma_.lower() in _GIVING and [c.dep_ for c in children if c.i > verb.i
                                                    and c.dep_ in _ACTIVE_OBJECTS] == ["dobj"]
        if any(c.dep_ in ("aux", "auxpass", "neg") or (c.dep_ in _ACTIVE_OBJECTS and c.i > verb.i and not
                                                        ((controlled or reported) and c.dep_ in ("xcomp", "ccomp"))
                                                        and not _frequency(c) and not given)
               for c in children):
            continue  # (a clause before it is the parser's misreading of two headline clauses)
        subjects = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) != 1:
            continue
        subjects[0].dep_ = "nsubjpass"
        verb.tag_ = "VBN"
        read.append(verb.i)
    return read


#: verbs that take a bare infinitive ("helps *rebuild*", "lets them *go*"): a bare verb after them is one
_BARE_INFINITIVE = frozenset({"make", "let", "help", "have", "see", "hear", "watch", "bid", "dare", "need"})


def read_headline_objects(doc: Doc) -> list[int]:
    """Headline grammar drops the article: "Minister Survives *Attack*", "Envoy Seeks *Talks*". The parser
    reads the bare noun after the headline's verb as a bare infinitive ("survives to attack"), which
    makes an act of the subject's. A base-form verb hung on the headline's verb with no "to", no
    subject and no object of its own, right after that verb (or its particle), is relabelled a noun,
    its object. The indices relabelled are returned."""
    span = doc.user_data.get(HEADLINE_KEY)
    if not span or not doc.has_annotation("DEP"):
        return []
    read = []
    for tok in doc:
        if tok.idx < span[0]:
            continue
        if tok.idx >= span[1]:
            break
        head = tok.head
        if tok.dep_ != "xcomp" or tok.tag_ != "VB" or head.i >= tok.i or head.pos_ != "VERB" \
                or head.lemma_.lower() in _BARE_INFINITIVE:
            continue
        if any(c.tag_ == "TO" or c.dep_ in ("nsubj", "dobj", "obj", "aux", "mark") for c in tok.children):
            continue
        if any(not (t.dep_ == "prt" and t.head.i == head.i) for t in doc[head.i + 1:tok.i]):
            continue  # only right after the verb: "Minister Survives Attack", "Rebels Step Up Attacks"
        tok.dep_, tok.pos_, tok.tag_ = "dobj", "NOUN", "NN"
        read.append(tok.i)
    return read


# ---- headlines the parser reads without a verb --------------------------------------------------

@dataclass(frozen=True)
class HeadlineVerbs:
    """What :func:`read_verbless_headline` needs to know: the lemmas that have verb patterns, the lemmas
    that have noun patterns, and words for groups that act ("army", "court")."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    groups: frozenset[str]
    #: nationality words that stand for a people ("Sudanese", "Iraqis"), lower case
    nationals: frozenset[str] = frozenset()
    #: weapons and attacks that act as doers ("jet", "missile"), lower case
    weapons: frozenset[str] = frozenset()
    #: verbs of acts done to someone (violence, seizure, arrest: CAMEO 17-20), passive when bare in a headline
    done_to: frozenset[str] = frozenset()
    #: whether a lower-case word is a verb form the vocabulary knows ("reasserts", "said", "climbs")
    verb_form: Callable[[str], bool] | None = None


def read_verbless_headline(doc: Doc, known: HeadlineVerbs) -> int | None:
    """Headline grammar the parser reads as one noun phrase: "Ivory Coast's Army *Bombs* Rebel Towns",
    "Clinton *Rips* Starr", "South Africa *Intervenes* in Ivory Coast" come out with no verb at all
    (the small model tags the verb as a plural noun, about one headline in seven of 2004 wire news).
    In a headline whose parse has no verb, the first word after a noun that is a form of a verb with
    an event pattern ("bombs" -> bomb, "rips" -> rip; a bare "pledge" after a plural or a name) is
    read as the headline's verb: the words before it are its subject, the words after it its object
    (or its prepositional phrase). A word that is also an event noun ("talks", "attacks") is a verb
    only after a party ("Rebels", "Army", a name): "Iraq peace talks" stays a noun phrase. A headline
    whose predicate is an adjective ("China *Angry Over* Arms Sale") leaves no verb out. The parse
    is relabelled in place; the verb's index is returned, or None."""
    span = doc.user_data.get(HEADLINE_KEY)
    if not span or not doc.has_annotation("DEP") or not known.verbs:
        return None
    words = [t for t in doc if span[0] <= t.idx < span[1] and not t.is_space]
    while words and words[-1].text == ")":  # the wire's credit, "(AP)"
        opening = next((k for k in range(len(words) - 1, -1, -1) if words[k].text == "("), None)
        if opening is None:
            break
        words = words[:opening]
    if len(words) < 2 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    for k in range(1, len(words)):
        verb, before = words[k], words[k - 1]
        if verb.pos_ == "ADJ" and k + 1 < len(words) and words[k + 1].pos_ == "ADP" \
                and before.pos_ in ("NOUN", "PROPN"):
            return None  # "China *Angry Over* Taiwan Arms Sale": an adjective is the predicate, no verb left out
        prefix: list[Token] = []
        if before.text == "-" and k >= 3 and words[k - 2].is_alpha:
            # "Pakistan *Test-Fires* Missile": the verb's prefix, split off by the tokenizer
            prefix, before = words[k - 2:k], words[k - 3]
        # two parties listed before it are a plural subject: "Kenya and Somalia *trade* accusations",
        # "Israel, Syria *trade* fire"
        joint = k - 2 - len(prefix)  # (the word before the subject's last word)
        listed = joint >= 1 and words[joint].lower_ in ("and", "&", ",")
        lemma = _verb_lemma(verb, before, known, listed)
        if lemma is None:
            if _other_verb(verb, before, known):
                return None  # "Iran leader *reasserts* arms views": the headline's verb is one we do not code
            continue
        _relabel(words[:k - len(prefix)], verb, words[k + 1:], lemma)
        for t in prefix:
            t.head, t.dep_ = verb, ("punct" if t.is_punct else "compound")
        return verb.i
    return None


def _other_verb(tok: Token, before: Token, known: HeadlineVerbs) -> bool:
    """A word after a noun that reads as a verb in the third person or the past ("climbs", "said",
    "killed"): the headline's verb, not one of the event lexicon's."""
    lower = tok.lower_
    return known.verb_form is not None and before.pos_ in ("NOUN", "PROPN") and lower.isalpha() \
        and lower.endswith(("s", "ed")) and known.verb_form(lower)


def _verb_lemma(tok: Token, before: Token, known: HeadlineVerbs, listed: bool = False) -> str | None:
    """The verb lemma ``tok`` is a form of, when it can be the headline's verb after ``before``
    (``listed``: the last of parties listed, a plural subject)."""
    lower = tok.lower_
    nationals = before.lower_ in known.nationals  # "*Sudanese* Decry ...": a nationality as a noun
    if not lower.isalpha() or not (before.pos_ in ("NOUN", "PROPN") or nationals) \
            or tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
        return None
    if lower.endswith("s"):
        candidates = ([lower[:-3] + "y"] if lower.endswith("ies") else []) + [lower[:-1], lower[:-2]]
    elif before.tag_ in ("NNS", "NNPS") or nationals or (listed and before.pos_ == "PROPN"):
        candidates = [lower]  # "Paramilitaries *disarm*", "Groups *petition* U.S." (not "Baghdad blast")
    else:
        return None
    lemma = next((c for c in candidates if c in known.verbs), None)
    if lemma is None or lower in known.groups or lemma in known.groups or (lemma == lower and lower in known.weapons):
        return None  # "US *forces* and militants", "Kenyan *Jet* Fires": a word for a party or a weapon is a noun
    party = before.pos_ == "PROPN" or nationals or before.tag_ in ("NNS", "NNPS") \
        or before.lemma_.lower() in known.groups or before.lemma_.lower() in known.weapons  # "U.S. Jet Fires at"
    if (lemma in known.nouns or lower in known.nouns) and not party:
        return None  # "Iraq peace *talks* in doubt": an event noun after a common noun is a noun
    return lemma


def _relabel(left: list[Token], verb: Token, right: list[Token], lemma: str) -> None:
    """Make ``verb`` the root, the head of ``left`` its subject and the head of ``right`` its object
    (or its preposition); the other words of each side hang on that side's head."""
    verb.head, verb.dep_, verb.pos_, verb.lemma_ = verb, "ROOT", "VERB", lemma
    verb.tag_ = "VBZ" if verb.lower_.endswith("s") and verb.lower_ != lemma else "VBP"
    for side, role in ((left, "nsubj"), (right, "dobj")):
        if not side:
            continue
        inside = {t.i for t in side}
        tops = [t for t in side if t.head.i not in inside or t.head.i == t.i]
        words = [t for t in tops if not t.is_punct] or tops
        top = words[-1] if role == "nsubj" else words[0]
        for t in tops:
            if t.i != top.i:
                t.head = top
        top.head = verb
        top.dep_ = {"ADP": "prep", "ADV": "advmod"}.get(top.pos_, role)
    for t in verb.doc:
        if t.is_space and t.head.i != t.i and (t.head.i in {w.i for w in left + right} or t.head.i == verb.i):
            t.head = verb  # the line break after the headline: no word of its object's phrase
