"""Quotes: what was said, by whom, through which cue.

Three passes over one article:

1. **Quoted regions** come from the quote marks alone (a character scan, so a parser that splits
   sentences inside a quote cannot break it). A paragraph that opens a quote without closing it runs on
   into the next paragraph when that one opens with a quote mark, the newspaper convention.
2. **Direct and mixed quotes**: each region looks for a cue verb in the words around it, outside any
   quote, first after it ("..., said X.") then before it ("X said: ..."). When the cue's reported clause
   holds more than the quoted words ("X said the talks were 'a waste'"), the quote is *mixed* and its
   span is the whole clause. A quote split around its cue (``"A," he said. "B."``) is one quote from the
   first mark to the last, as PolNeAR annotates it. A quote that is a sentence of its own with no cue
   continues the quote before it, in the same or the previous paragraph, and takes its speaker.
3. **Indirect quotes**: any other cue verb with a clausal complement ("X said that ...", "..., X said."),
   and "according to X, ...". The span is the reported clause, "that" included, final stop excluded.

Speakers are resolved in text order by :class:`tidings.extract.speakers.SpeakerResolver`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from tidings.extract.speakers import Speaker, SpeakerResolver, subject_of
from tidings.knowledge.cues import Cues
from tidings.model import Analysis, Quote, Sentence, Span

QUOTE_CHARS = '"\u201c\u201d\u00ab\u00bb'
_MARK = re.compile(r"[\u201c\u201d\u00ab\u00bb\"\u2018\u2019]|''|``")
#: opening mark -> its closing mark
_CLOSER = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"', "''": "''", "``": "''", "\u2018": "\u2019"}
_OPENERS_OF = {"\u201d": ("\u201c",), "\u00bb": ("\u00ab",), '"': ('"',), "''": ("''", "``"), "\u2019": ("\u2018",)}
_SENTENCE_END = frozenset({".", "!", "?"})
#: a single-quoted stretch shorter than this many words is a scare quote or a title, not speech
_MIN_SINGLE_QUOTE_WORDS = 4
#: how far from a quote its cue may be, in tokens
_TRAILING_FRAME = 25
_LEADING_FRAME = 40
#: a trailing cue this close to the quote wins over a leading one
_NEAR_CUE = 8
_MIN_CLAUSE_TOKENS = 3
_WORDS = re.compile(r"[^\W\d_][\w'\u2019-]*")
_TITLE_SMALL_WORDS = frozenset("a an and at by for in of on or the to with vs".split())
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--", "-"})
_CLOSING_CHARS = "\u201d\u00bb\"'\u2019"
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me"})
#: at most this many tokens between the halves of a quote split around its cue
_SPLIT_GAP = 20
_TIME_ENTS = frozenset({"DATE", "TIME"})
_INTRO_PUNCT = frozenset({",", ":", "\u2014", "\u2013", "-", "--", ";"})
_DROP_EDGE = frozenset({",", ";", ":", ".", "--", "\u2014", "\u2013", "-"})


@dataclass
class _Found:
    """An attribution before its speaker is resolved."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None = None  # token range of the cue
    subject: Token | None = None
    follows: "_Found | None" = None  # a continuation takes the speaker of this one
    regions: list[int] = field(default_factory=list)
    speaker: Speaker | None = None


def extract_quotes(doc: Doc, analysis: Analysis, knowledge) -> None:
    cues: Cues = knowledge.cues
    text = analysis.text
    regions = find_quoted_regions(text, analysis.paragraphs)
    ctx = _Context(doc, text, regions, analysis.paragraphs, cues)
    found = _direct_quotes(ctx)
    found += _indirect_quotes(ctx, found)
    found += _name_colon_lines(ctx, found)
    found.sort(key=lambda f: f.start)
    found = _drop_standfirst_repeats(found, analysis, text)
    resolver = SpeakerResolver(doc, text, cues, analysis.actors)
    analysis.quotes = [_to_quote(f, ctx, resolver) for f in found]


# -- pass 1: quote marks ------------------------------------------------------------------------
def find_quoted_regions(text: str, paragraphs: list[Sentence]) -> list[tuple[int, int]]:
    """Character ranges of quoted passages, marks included, outermost quotes only."""
    regions: list[tuple[int, int]] = []
    pending: tuple[int, str] | None = None  # a quote left open at the end of the last paragraph
    pending_end = 0
    for para in paragraphs:
        marks = list(_MARK.finditer(text, para.start, para.end))
        first = 0
        open_at, opener = None, ""
        if pending is not None:
            if marks and marks[0].start() == para.start and marks[0].group() == pending[1]:
                open_at, opener = pending
                first = 1
            else:
                regions.append((pending[0], pending_end))
            pending = None
        depth = 0
        for m in marks[first:]:
            mark, at = m.group(), m.start()
            if open_at is None:
                if mark in _CLOSER and _looks_opening(text, at, len(mark), para):
                    open_at, opener, depth = at, mark, 0
                continue
            closer = _CLOSER[opener]
            if mark == closer and (opener != closer or depth == 0):
                if opener == closer and _looks_opening(text, at, len(mark), para) and not _looks_closing(text, at, len(mark)):
                    # a straight mark that can only open: the last quote lost its closing mark
                    _keep(regions, text, open_at, _trim_end(text, at), opener)
                    open_at, depth = at, 0
                    continue
                if opener == "\u2018" and not _looks_closing(text, at, len(mark)):
                    continue  # an apostrophe
                if depth:
                    depth -= 1
                    continue
                _keep(regions, text, open_at, m.end(), opener)
                open_at = None
            elif mark == opener and opener != closer:
                depth += 1
        if open_at is not None:
            pending, pending_end = (open_at, opener), para.end
    if pending is not None:
        _keep(regions, text, pending[0], pending_end, pending[1])
    return regions


def _looks_opening(text: str, at: int, width: int, para: Sentence) -> bool:
    after = text[at + width: at + width + 1]
    before = text[at - 1: at] if at > para.start else " "
    if not after or after.isspace():
        return False
    if text[at] in "\u2018\"" and before.isalnum():
        return False  # 6'2", or an apostrophe
    return True


def _looks_closing(text: str, at: int, width: int) -> bool:
    after = text[at + width: at + width + 1]
    return not after or not after.isalnum()


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _keep(regions: list[tuple[int, int]], text: str, start: int, end: int, opener: str) -> None:
    if end <= start + 1 or not any(c.isalnum() for c in text[start:end]):
        return  # 'pic=""' in markup: no words, no quote
    if opener == "\u2018" and len(text[start:end].split()) < _MIN_SINGLE_QUOTE_WORDS:
        return
    regions.append((start, end))


# -- token context ------------------------------------------------------------------------------
class _Context:
    """Maps between characters, tokens, quoted regions and paragraphs of one article."""

    def __init__(self, doc: Doc, text: str, regions, paragraphs, cues: Cues):
        self.doc, self.text, self.regions, self.cues = doc, text, regions, cues
        self.para_starts = [p.start for p in paragraphs]
        self.paragraphs = paragraphs
        n = len(doc)
        self.region_of = [-1] * n
        # one array read instead of a Token object per word: this runs on every article
        columns = doc.to_array([IDX, POS, LEMMA, LOWER]).tolist() if n else []
        self.tok_starts = [c[0] for c in columns]
        self.candidates = _candidate_tokens(columns, cues)
        for r, (s, e) in enumerate(regions):
            i = bisect.bisect_left(self.tok_starts, s)
            while i < n and self.tok_starts[i] < e:
                self.region_of[i] = r
                i += 1
        self.used_cues: set[int] = set()

    def quoted(self, i: int) -> bool:
        return self.region_of[i] >= 0

    def para_of(self, offset: int) -> int:
        return bisect.bisect_right(self.para_starts, offset) - 1

    def first_token(self, offset: int) -> int:
        return bisect.bisect_left(self.tok_starts, offset)

    def token_of(self, offset: int) -> int:
        """The token holding character ``offset``. A quote's opening mark need not start a token: in
        "Doe``wondered" or an unbalanced "\u201c" glued to a word it sits inside one."""
        return max(0, bisect.bisect_right(self.tok_starts, offset) - 1)

    def span_chars(self, lo: int, hi: int) -> tuple[int, int]:
        """Characters of tokens [lo, hi), trimmed of edge punctuation that is not a quote mark."""
        doc = self.doc
        while lo < hi and (doc[lo].text in _DROP_EDGE or doc[lo].is_space):
            lo += 1
        while hi > lo and (doc[hi - 1].text in _DROP_EDGE or doc[hi - 1].is_space):
            hi -= 1
        if hi <= lo:
            return (0, 0)
        return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


def _candidate_tokens(columns: list[list[int]], cues: Cues) -> list[int]:
    """Tokens that may start a cue: verbs and nouns with a cue lemma, and first words of cue phrases."""
    verbs, firsts, nouns = cues.hashes
    return [
        i for i, (_, pos, lemma, lower) in enumerate(columns)
        if (lemma in verbs and (pos == VERB or pos == AUX)) or lower in firsts or (lemma in nouns and pos == NOUN)
    ]


# -- pass 2: direct and mixed -------------------------------------------------------------------
def _direct_quotes(ctx: _Context) -> list[_Found]:
    out: list[_Found] = []
    last: _Found | None = None
    for r, (start, end) in enumerate(ctx.regions):
        if last is not None and last.regions and _inside(start, end, last):
            last.regions.append(r)
            continue
        if _is_title(ctx.text[start:end]):
            continue
        trailing = _trailing_frame(ctx, r)
        leading = _leading_frame(ctx, r)
        cue = _choose_cue(ctx, r, trailing, leading, last)
        if cue is None:
            found = _byline_dash(ctx, r, trailing) or _labelled(ctx, r, leading)
            if found is None and last is not None and _split_around_cue(ctx, last, r):
                last.end = end  # "A," he said. "B." : one quote around its cue
                last.regions.append(r)
                continue
            found = found or _continuation(ctx, r, leading, last)
            if found is not None:
                out.append(found)
                last = found
            continue
        if last is not None and last.cue == cue:
            last.end = max(last.end, end)  # "A," he said, "B."
            last.regions.append(r)
            continue
        found = _with_cue(ctx, r, cue)
        ctx.used_cues.update(range(*cue))
        out.append(found)
        last = found
    return out


def _is_title(quoted: str) -> bool:
    """'"Fox News Sunday"', '"The Apprentice"': a capitalised name in quote marks, not speech."""
    words = [w for w in _WORDS.findall(quoted)]
    if not 2 <= len(words) <= 7:
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words) and words[0][0].isupper()


def _split_around_cue(ctx: _Context, last: _Found, r: int) -> bool:
    """True when region r continues the previous quote: only that quote's cue clause lies between
    ('"A," he said. "B."'), or a few words of the same sentence ('is "A" but "B"')."""
    if last.cue is None:
        return False
    start = ctx.regions[r][0]
    if ctx.para_of(start) != ctx.para_of(last.end - 1):
        return False
    lo, hi = ctx.first_token(last.end), ctx.first_token(start)
    if hi - lo > _SPLIT_GAP or any(ctx.quoted(i) for i in range(lo, hi)):
        return False
    words = [i for i in range(lo, hi) if not ctx.doc[i].is_space]
    if not words:
        return False
    if lo <= last.cue[0] < hi:
        return ctx.doc[words[-1]].text in (".", ",", ":", ";")
    return last.kind == "mixed" and not any(ctx.doc[i].text in _SENTENCE_END for i in words)


def _byline_dash(ctx: _Context, r: int, trailing: list[int]) -> _Found | None:
    """'"...." ― Jane Doe' closing a paragraph: the dash is the cue, the name the speaker."""
    doc = ctx.doc
    words = [i for i in trailing if not doc[i].is_space]
    if len(words) < 2 or doc[words[0]].text not in _DASHES:
        return None
    names = [i for i in words[1:] if doc[i].text not in (".", ",")]
    if not names or len(names) > 5 or not all(doc[i].pos_ == "PROPN" or doc[i].is_title for i in names):
        return None
    start, end = ctx.regions[r]
    return _Found(start, end, "direct", (words[0], words[0] + 1), doc[names[-1]], regions=[r])


def _labelled(ctx: _Context, r: int, leading: list[int]) -> _Found | None:
    """'She called the plan "a disaster"': a quoted phrase inside what a labelling verb governs."""
    doc = ctx.doc
    if not leading:
        return None
    start, end = ctx.regions[r]
    first = ctx.token_of(start)
    verb = doc[first].head
    for _ in range(4):
        if ctx.region_of[verb.i] != r and verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    lemma = verb.lemma_.lower()
    if verb.i > first or ctx.quoted(verb.i) or not (lemma in ctx.cues.label_verbs or lemma in ctx.cues.speech_verbs):
        return None
    subject = subject_of(verb)
    if subject is None or ctx.quoted(subject.i) or subject.lower_ in _OBJECT_PRONOUNS:
        return None
    lo = verb.i + 1
    if lo >= first:
        return None
    s, _ = ctx.span_chars(lo, first + 1)
    return _Found(min(s, start), end, "mixed", (verb.i, verb.i + 1), subject, regions=[r])


def _inside(start: int, end: int, found: _Found) -> bool:
    return start >= found.start and end <= found.end


def _trailing_frame(ctx: _Context, r: int) -> list[int]:
    doc, (start, end) = ctx.doc, ctx.regions[r]
    para = ctx.para_of(start)
    para_end = ctx.paragraphs[para].end if para >= 0 else len(ctx.text)
    i = ctx.first_token(end)
    frame = []
    while i < len(doc) and len(frame) < _TRAILING_FRAME and doc[i].idx < para_end and not ctx.quoted(i):
        frame.append(i)
        if doc[i].text in _SENTENCE_END:
            break
        i += 1
    return frame


def _leading_frame(ctx: _Context, r: int) -> list[int]:
    doc, (start, _) = ctx.doc, ctx.regions[r]
    para = ctx.para_of(start)
    para_start = ctx.paragraphs[para].start if para >= 0 else 0
    i = ctx.first_token(start) - 1
    frame = []
    while i >= 0 and len(frame) < _LEADING_FRAME and doc[i].idx >= para_start and not ctx.quoted(i):
        if doc[i].text in _SENTENCE_END:
            break
        frame.append(i)
        i -= 1
    frame.reverse()
    if not frame and para > 0 and start == para_start:
        frame = _colon_intro(ctx, para - 1)
    return frame


def _colon_intro(ctx: _Context, para: int) -> list[int]:
    """'Caddell continued:' closing the previous paragraph introduces the quote that opens this one."""
    p = ctx.paragraphs[para]
    if not ctx.text[p.start:p.end].rstrip().endswith(":"):
        return []
    doc = ctx.doc
    i = ctx.first_token(p.end) - 1
    frame = []
    while i >= 0 and doc[i].idx >= p.start and len(frame) < _LEADING_FRAME and not ctx.quoted(i):
        if doc[i].text in _SENTENCE_END:
            break
        frame.append(i)
        i -= 1
    frame.reverse()
    return frame


def _cue_at(ctx: _Context, i: int) -> tuple[int, int] | None:
    """A cue starting at token i: a speech verb, or a phrase such as 'according to'."""
    tok = ctx.doc[i]
    lower = tok.lower_
    for phrase in ctx.cues.phrases.get(lower, ()):
        end = i + len(phrase)
        if end <= len(ctx.doc) and all(ctx.doc[i + k].lower_ == w for k, w in enumerate(phrase)):
            return (i, end)
    if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ctx.cues.speech_verbs:
        return (i, i + 1)
    return None


def _choose_cue(ctx: _Context, r: int, trailing: list[int], leading: list[int], last: _Found | None) -> tuple[int, int] | None:
    reusable = last.cue if last is not None else None

    def free(c):
        return c is not None and (c[0] not in ctx.used_cues or c == reusable)

    after = [c for c in (_cue_at(ctx, i) for i in trailing) if free(c)]
    before = [c for c in (_cue_at(ctx, i) for i in leading) if free(c)]
    if after and _leads_on(ctx, r, trailing):
        after = []  # 'She adds, "..."' after a finished quote introduces the next one
    if after and after[0][0] - trailing[0] < _NEAR_CUE:
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else None


def _leads_on(ctx: _Context, r: int, trailing: list[int]) -> bool:
    """A finished quote ('...end.”') followed by a clause that ends in ':' or ',' before another quote."""
    start, end = ctx.regions[r]
    inner = ctx.text[start:end].rstrip(_CLOSING_CHARS).rstrip()
    if not inner.endswith((".", "!", "?")) or not trailing:
        return False
    tail = ctx.doc[trailing[-1]]
    nxt = trailing[-1] + 1
    return tail.text in (",", ":") and nxt < len(ctx.doc) and ctx.quoted(nxt)


def _with_cue(ctx: _Context, r: int, cue: tuple[int, int]) -> _Found:
    start, end = ctx.regions[r]
    doc = ctx.doc
    cue_tok = doc[cue[0]]
    subject = _source_of(ctx, cue)
    found = _Found(start, end, "direct", cue, subject, regions=[r])
    clause = _reported_clause(ctx, cue_tok)
    if clause is not None:
        lo, hi = clause
        s, e = ctx.span_chars(lo, hi)
        if e > s and s < end and e > start and _words_outside(ctx, lo, hi, r) > 1:
            found.start, found.end, found.kind = min(s, start), max(e, end), "mixed"
            return found
    lead_in = _lead_in(ctx, cue, r)
    if lead_in is not None:
        found.start, found.kind = lead_in, "mixed"
    return found


def _lead_in(ctx: _Context, cue: tuple[int, int], r: int) -> int | None:
    """Where a mixed quote starts when words, not ':' or ',', run from the cue into the quote:
    'Trump is telling a veterans group that the military is "depleted"'."""
    doc = ctx.doc
    first = ctx.token_of(ctx.regions[r][0])
    if cue[1] >= first:
        return None
    between = [i for i in range(cue[1], first) if not doc[i].is_space]
    if not between or doc[between[-1]].text in _INTRO_PUNCT:
        return None
    lo = cue[1]
    for child in doc[cue[0]].rights:  # the addressee of 'tell' is not what was said
        if child.dep_ in ("dobj", "dative", "iobj") and child.right_edge.i < first:
            lo = max(lo, child.right_edge.i + 1)
    words = [i for i in range(lo, first) if not doc[i].is_punct and not doc[i].is_space]
    if len(words) < 2:
        return None
    s, _ = ctx.span_chars(lo, first + 1)
    return s


def _words_outside(ctx: _Context, lo: int, hi: int, r: int) -> int:
    """Words of a clause that are neither quoted nor punctuation ('that' does not count)."""
    return sum(
        1 for i in range(lo, hi)
        if ctx.region_of[i] != r and not ctx.doc[i].is_punct and ctx.doc[i].lower_ != "that"
    )


def _source_of(ctx: _Context, cue: tuple[int, int]) -> Token | None:
    doc = ctx.doc
    if cue[1] - cue[0] > 1:  # "according to X": X is the object of the last word
        last = doc[cue[1] - 1]
        for child in last.children:
            if child.dep_ == "pobj" and not ctx.quoted(child.i):
                return child
        nxt = cue[1]
        while nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "PRON"):
            if doc[nxt].pos_ in ("PROPN", "NOUN", "PRON") and (nxt + 1 >= len(doc) or doc[nxt + 1].pos_ not in ("PROPN", "NOUN")):
                return doc[nxt]
            nxt += 1
        return None
    cue_tok = doc[cue[0]]
    subject = subject_of(cue_tok)
    if subject is not None and not ctx.quoted(subject.i) and subject.ent_type_ not in _TIME_ENTS:
        return subject  # a date is never the speaker, though parsers take "said Monday" for one
    return _adjacent_noun(ctx, cue_tok)


def _adjacent_noun(ctx: _Context, cue_tok: Token) -> Token | None:
    """When the parse gives the cue no subject: the noun right after ("said Peskov") or before it."""
    doc = ctx.doc
    i = cue_tok.i + 1
    while i < len(doc) and i <= cue_tok.i + 6 and not ctx.quoted(i):
        if doc[i].ent_type_ in _TIME_ENTS:
            i += 1
            continue
        if doc[i].pos_ in ("PROPN", "PRON") or (doc[i].pos_ == "NOUN" and doc[i].lower_ in ctx.cues.roles):
            while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and not ctx.quoted(i + 1):
                i += 1
            return doc[i]
        if doc[i].pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT"):
            break
        i += 1
    i = cue_tok.i - 1
    if i >= 0 and not ctx.quoted(i) and doc[i].pos_ in ("PROPN", "PRON", "NOUN"):
        return doc[i]
    return None


def _reported_clause(ctx: _Context, cue_tok: Token) -> tuple[int, int] | None:
    """Token range of what the cue reports: its clausal complement, or the clause it interrupts."""
    for child in cue_tok.children:
        if child.dep_ == "ccomp" and child.i > cue_tok.i:
            return _clause_range(child, skip=None)
    for child in cue_tok.children:
        if child.dep_ == "ccomp":
            return _clause_range(child, skip=None)
    if cue_tok.dep_ in ("parataxis", "ccomp") and cue_tok.head.i != cue_tok.i and cue_tok.head.i < cue_tok.i:
        return _clause_range(cue_tok.head, skip=cue_tok)
    return None


def _clause_range(head: Token, skip: Token | None) -> tuple[int, int]:
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    if skip is not None:
        s0, s1 = skip.left_edge.i, skip.right_edge.i + 1
        if s0 > head.i:
            hi = min(hi, s0)
        elif s1 <= head.i:
            lo = max(lo, s1)
    return lo, hi


def _continuation(ctx: _Context, r: int, leading: list[int], last: _Found | None) -> _Found | None:
    """A quote with no cue of its own continues the previous quote when it stands as a sentence."""
    start, end = ctx.regions[r]
    if any(not ctx.doc[i].is_punct for i in leading):
        return None  # a quoted phrase inside someone's sentence, with no cue: a scare quote or a title
    if last is None or (last.subject is None and last.follows is None):
        return None
    if ctx.para_of(start) - ctx.para_of(last.end - 1) > 1:
        return None
    if len(ctx.text[start:end].split()) < 3:
        return None
    return _Found(start, end, "direct", None, None, follows=last, regions=[r])


# -- pass 3: indirect ---------------------------------------------------------------------------
def _indirect_quotes(ctx: _Context, direct: list[_Found]) -> list[_Found]:
    doc, cues = ctx.doc, ctx.cues
    taken = sorted((f.start, f.end) for f in direct)
    out: list[_Found] = []
    for i in ctx.candidates:
        if ctx.quoted(i) or i in ctx.used_cues:
            continue
        tok = doc[i]
        phrase = _phrase_cue(ctx, i)
        if phrase is not None:
            found = _according_to(ctx, phrase)
        elif tok.pos_ in ("VERB", "AUX"):
            lemma = tok.lemma_.lower()
            found = _reported(ctx, tok) if cues.is_cue_verb(lemma) else None
            if found is None:
                found = _framed(ctx, tok, lemma)
        elif tok.pos_ == "NOUN":
            found = _noun_cue(ctx, tok)
        else:
            continue
        if found is None or found.end - found.start < 2 or _overlaps(taken, found.start, found.end):
            continue
        taken.append((found.start, found.end))
        taken.sort()
        out.append(found)
    return out


def _phrase_cue(ctx: _Context, i: int) -> tuple[int, int] | None:
    phrases = ctx.cues.phrases.get(ctx.doc[i].lower_)
    if not phrases:
        return None
    return _cue_at(ctx, i)


def _reported(ctx: _Context, tok: Token) -> _Found | None:
    clause = _reported_clause(ctx, tok)
    if clause is None or clause[1] - clause[0] < _MIN_CLAUSE_TOKENS:
        return None
    subject = subject_of(tok)
    if subject is None or ctx.quoted(subject.i) or clause[0] <= subject.i < clause[1]:
        return None
    if subject.lower_ in _OBJECT_PRONOUNS:
        return None
    if clause[1] <= subject.i and not any(ctx.doc[i].is_punct for i in range(clause[1], subject.left_edge.i)):
        return None  # 'the survey showed that owners expect ...' misparsed: a reported clause ends in punctuation
    s, e = ctx.span_chars(*clause)
    if e <= s:
        return None
    kind = "mixed" if any(c in ctx.text[s:e] for c in QUOTE_CHARS) else "indirect"
    return _Found(s, e, kind, (tok.i, tok.i + 1), subject)


#: what may follow a verb's object and still be part of what is attributed: "accused [X of Y]"
_OBJECT_COMPLEMENTS = frozenset({"xcomp", "oprd", "ccomp"})
_OBJECT_PREPS = frozenset({"of", "for", "as", "with", "to"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: subjects that do not hold views: "funds that support schools", "do you support him?"
_NOT_SOURCES = frozenset({"that", "which", "you"})


def _framed(ctx: _Context, tok: Token, lemma: str) -> _Found | None:
    """Attributions other than a reported clause, by the frame the cue lexicon gives the verb:
    'vowed [to fight]', '[the deal seems to hold]', 'endorsed [Smith]', 'called for [a recount]'."""
    cues = ctx.cues
    frames = cues.frames.get(lemma, ())
    preps = cues.prep_verbs.get(lemma, ())
    if not frames and not preps:
        return None
    kids = [c for c in tok.children if c.i > tok.i]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    xcomp = next((c for c in kids if c.dep_ == "xcomp" and _infinitive(c)), None)
    if xcomp is not None:
        if "raising" in frames and (passive or lemma != "expect"):
            subj = next((c for c in tok.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
            if subj is not None and subj.lower_ not in ("it", "there"):
                return _found_range(ctx, tok, subj.left_edge.i, xcomp.right_edge.i + 1, None)
        if "intent" in frames and not passive:
            lo = xcomp.left_edge.i
            obj = next((c for c in kids if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
            if obj is not None:
                lo = obj.left_edge.i
            return _sourced(ctx, tok, lo, xcomp.right_edge.i + 1)
    if preps:
        for c in kids:
            if c.dep_ == "prt":
                continue
            if c.dep_ == "prep" and c.lower_ in preps:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return _sourced(ctx, tok, objs[0].left_edge.i, objs[-1].right_edge.i + 1)
    if "object" in frames and not passive:
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in cues.nouns:
            found = _noun_cue(ctx, obj)  # 'mocked his claim that ...': the claim is what he said
            if found is not None:
                return found
        if obj is not None:
            hi = obj.right_edge.i + 1
            for c in kids:
                if c.i > obj.i and (c.dep_ in _OBJECT_COMPLEMENTS or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)):
                    hi = max(hi, c.right_edge.i + 1)
            return _sourced(ctx, tok, obj.left_edge.i, hi)
    return None


def _infinitive(head: Token) -> bool:
    """A to-infinitive complement: 'to fight', not a small clause like 'keep it open'."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _sourced(ctx: _Context, tok: Token, lo: int, hi: int) -> _Found | None:
    """A frame attribution needs a source: the verb's subject, outside what is attributed."""
    subject = subject_of(tok)
    if subject is None or ctx.quoted(subject.i) or lo <= subject.i < hi or subject.lower_ in _OBJECT_PRONOUNS:
        return None
    if subject.ent_type_ in _TIME_ENTS or subject.lower_ in _NOT_SOURCES:
        return None
    return _found_range(ctx, tok, lo, hi, subject)


def _found_range(ctx: _Context, tok: Token, lo: int, hi: int, subject: Token | None) -> _Found | None:
    s, e = ctx.span_chars(lo, hi)
    if e <= s:
        return None
    kind = "mixed" if any(c in ctx.text[s:e] for c in QUOTE_CHARS) else "indirect"
    return _Found(s, e, kind, (tok.i, tok.i + 1), subject)


def _noun_cue(ctx: _Context, tok: Token) -> _Found | None:
    """'Her claim [that the vote was rigged]', 'his criticism of [the plan]': the source is the
    possessor, or the subject of the verb the noun is the object of ('she repeated the claim')."""
    wanted = ctx.cues.nouns.get(tok.lemma_.lower())
    if not wanted:
        return None
    span = None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if "that" in wanted and c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark":
            span = (c.left_edge.i, c.right_edge.i + 1)
            break
        if c.dep_ == "prep" and c.lower_ in wanted:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                span = (objs[0].left_edge.i, objs[-1].right_edge.i + 1)
                break
    if span is None or span[1] - span[0] < 1:
        return None
    source = _noun_source(ctx, tok)
    if source is not None and (ctx.quoted(source.i) or span[0] <= source.i < span[1]):
        source = None
    return _found_range(ctx, tok, span[0], span[1], source)


def _noun_source(ctx: _Context, tok: Token) -> Token | None:
    """Whose claim: 'her claim', 'criticism from the left', or who 'voiced criticism of ...'."""
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > tok.i:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        subject = subject_of(tok.head)
        if subject is not None and subject.lower_ not in _NOT_SOURCES:
            return subject
    return None


def _according_to(ctx: _Context, cue: tuple[int, int]) -> _Found | None:
    """'According to X, the talks failed' / 'The talks failed, according to X.'"""
    doc = ctx.doc
    first = doc[cue[0]]
    prep = first if first.dep_ == "prep" else first.head
    main = prep.head if prep.head.i != prep.i else None
    sent = first.sent
    if main is None or main.i == prep.i:
        return None
    lo, hi = sent.start, sent.end
    p0, p1 = prep.left_edge.i, prep.right_edge.i + 1
    if p0 <= lo + 1:
        lo = p1
    elif p1 >= hi - 2:
        hi = p0
    else:
        return None  # the phrase sits mid-sentence: its scope is unclear
    s, e = ctx.span_chars(lo, hi)
    if e - s < 10:
        return None
    source = _source_of(ctx, cue)
    if source is None:
        return None
    kind = "mixed" if any(c in ctx.text[s:e] for c in QUOTE_CHARS) else "indirect"
    return _Found(s, e, kind, cue, source)


#: at most this many words name the speaker of a 'Name: what they said' line
_COLON_NAME_WORDS = 4


def _name_colon_lines(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """'Jane Doe: Tax Plan Is a Gift to the Rich', a headline or line that gives its source as a name
    and a colon: the rest of the line is attributed to the name."""
    doc, text = ctx.doc, ctx.text
    taken = sorted((f.start, f.end) for f in found)
    out = []
    for para in ctx.paragraphs:
        colon = text.find(":", para.start, min(para.end, para.start + 60))
        if colon < 0:
            continue
        first = ctx.first_token(para.start)
        lo = ctx.first_token(colon)
        if not 0 < lo - first <= _COLON_NAME_WORDS or lo >= len(doc) or doc[lo].text != ":":
            continue
        if not all(doc[i].pos_ == "PROPN" for i in range(first, lo)) or ctx.quoted(first):
            continue
        end = ctx.first_token(para.end)
        if sum(1 for i in range(lo + 1, end) if doc[i].is_alpha) < 3:
            continue
        s, e = ctx.span_chars(lo + 1, end)
        if e <= s or _overlaps(taken, s, e):
            continue
        kind = "mixed" if any(c in text[s:e] for c in QUOTE_CHARS) else "indirect"
        out.append(_Found(s, e, kind, (lo, lo + 1), doc[lo - 1]))
    return out


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(taken, (end, end))
    for s, e in taken[max(0, i - 4):i]:
        if s < end and e > start:
            return True
    return False


# -- assembly -----------------------------------------------------------------------------------
def _drop_standfirst_repeats(found: list[_Found], analysis: Analysis, text: str) -> list[_Found]:
    """A standfirst restates the lede: a quote in both is one quote, kept where the lede has it."""
    sf = analysis.standfirst
    if sf is None or not found:
        return found
    lede = analysis.sentences[sf.duplicates] if sf.duplicates < len(analysis.sentences) else None
    if lede is None or not any(f.start < lede.end and f.end > lede.start for f in found):
        return found
    return [f for f in found if not (f.start >= sf.start and f.end <= sf.end)]


def _to_quote(found: _Found, ctx: _Context, resolver: SpeakerResolver) -> Quote:
    text = ctx.text
    speaker = _speaker_of(found, ctx, resolver)
    cue = None
    if found.cue is not None:
        s, e = ctx.doc[found.cue[0]].idx, ctx.doc[found.cue[1] - 1].idx + len(ctx.doc[found.cue[1] - 1].text)
        cue = Span(s, e, text[s:e])
    return Quote(
        start=found.start, end=found.end, text=text[found.start:found.end], kind=found.kind,
        speaker=speaker.span if speaker else None, speaker_name=speaker.name if speaker else None,
        actor=speaker.actor if speaker else None, cue=cue,
    )


def _speaker_of(found: _Found, ctx: _Context, resolver: SpeakerResolver) -> Speaker | None:
    if found.speaker is not None:
        return found.speaker
    if found.subject is not None:
        found.speaker = resolver.resolve(found.subject, ctx.quoted)
    elif found.follows is not None:
        found.speaker = _speaker_of(found.follows, ctx, resolver)
    return found.speaker
