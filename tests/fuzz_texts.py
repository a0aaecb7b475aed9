"""Hostile texts for the fuzz test (Hypothesis strategies): news-like sentences of our own mixed with
the shapes that break text tools - punctuation and emoji runs, control characters, unbalanced quote
marks, huge numbers, mixed and right-to-left scripts, combining marks, long runs without spaces and
random (surrogate-free) unicode. Each shape stays short here; the long ones have their own tests
(tests/test_bounded_parsing.py)."""
from __future__ import annotations

from hypothesis import strategies as st

ACTORS = ["Russia", "the United States", "NATO", "the foreign minister", "Kremlin spokesman Dmitry Peskov",
          "Jane Doe", "the rebels", "Germany's chancellor", "police", "he", "they", "the UN Security Council"]
PLACES = ["Geneva", "Kyiv", "Caracas", "Brussels", "Paris, Texas", "Najaf"]
TIMES = ["on Monday", "last week", "on 12 March 2021", "in 2019", "two days ago", "next month", "at 5 p.m.",
         "every Tuesday", "for three years", "since January"]
CLAUSES = ["the talks would continue", "troops had withdrawn from the border", "sanctions would follow",
           "it has no plans to attack", "the ceasefire held", "the vote was rigged"]
TEMPLATES = [
    "{a} said {t} that {c}.",
    "\u201c{C},\u201d {a} told reporters in {p} {t}.",
    '"{C}," said {a}.',
    "{a} rejected the demands of {b} {t}.",
    "Will {b} pay? asked {a}.",
    "According to {a}, {c}.",
    "{P}, {t} (Reuters) - {a} accused {b} of lying.",
    "{a} and {b} held talks in {p} {t}.",
    "{a} could strike {b} {t}, officials warned.",
]

PUNCTUATION = "$%&*()[]{}<>!?.,;:'\"-_=+/\\|@#^~`\u2026\u2014\u2013\u00ab\u00bb\u201c\u201d\u2018\u2019"
EMOJI = [chr(c) for c in range(0x1F600, 0x1F640)] + ["\u2764\ufe0f", "\U0001F1FA\U0001F1F8", "\U0001F44D\U0001F3FD"]
CONTROLS = [chr(c) for c in list(range(1, 9)) + [0x0B, 0x0C] + list(range(0x0E, 0x20)) + [0x7F, 0x85, 0xA0, 0x2028, 0x2029, 0xFEFF, 0x200B, 0x200E, 0x200F]]
QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "``", "''"]
SCRIPTS = ["\u041c\u043e\u0441\u043a\u0432\u0430 \u0437\u0430\u044f\u0432\u0438\u043b\u0430", "\u0627\u0644\u062d\u0643\u0648\u0645\u0629 \u0642\u0627\u0644\u062a",
           "\u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05de\u05e8\u05d4", "\u653f\u5e9c\u8868\u793a\u8c08\u5224\u5c06\u7ee7\u7eed\u3002",
           "\u0938\u0930\u0915\u093e\u0930 \u0928\u0947 \u0915\u0939\u093e", "\u0e23\u0e31\u0e10\u0e1a\u0e32\u0e25\u0e01\u0e25\u0e48\u0e32\u0e27",
           "\u202eRussia said\u202c", "\u0391\u03b8\u03ae\u03bd\u03b1"]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "\r\n", "", "  "]

_word = st.sampled_from(ACTORS + PLACES + TIMES + CLAUSES)


@st.composite
def news_sentence(draw) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    a, b = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
    c = draw(st.sampled_from(CLAUSES))
    p = draw(st.sampled_from(PLACES))
    return template.format(a=a, b=b, c=c, C=c[0].upper() + c[1:], p=p, P=p.upper(), t=draw(st.sampled_from(TIMES)))


def _run(alphabet, max_size: int):
    return st.lists(st.sampled_from(alphabet), min_size=2, max_size=max_size).map("".join)


@st.composite
def huge_number(draw) -> str:
    digits = draw(st.text(alphabet="0123456789", min_size=1, max_size=450))
    frame = draw(st.sampled_from(["signed {n} years ago", "{n} days later", "in the year {n}", "${n} billion",
                                  "on {n} March", "{n}-{n}-{n}", "at {n}:{n}", "{n} weeks from now", "the {n}th of May",
                                  "-{n}.{n} percent", "{n}e{n} troops"]))
    return frame.format(n=digits)


@st.composite
def unbalanced_quotes(draw) -> str:
    words = draw(st.lists(st.one_of(_word, st.sampled_from(QUOTE_MARKS)), min_size=1, max_size=12))
    glue = draw(st.sampled_from([" ", "", " \u201c", "\u201d "]))
    return glue.join(words)


@st.composite
def combining(draw) -> str:
    base = draw(st.sampled_from(["Zalgo said", "a", "Geneva", "\u0627", "\u05d0"]))
    marks = draw(st.lists(st.integers(0x0300, 0x036F).map(chr), min_size=1, max_size=60))
    return base + "".join(marks)


@st.composite
def no_space_run(draw) -> str:
    kind = draw(st.sampled_from(["base64", "url", "word"]))
    n = draw(st.integers(1, 300))
    if kind == "base64":
        return "".join(draw(st.lists(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="),
                                     min_size=n, max_size=n)))
    if kind == "url":
        return "https://example.com/" + "/".join(f"p{i}?q={i}&r=x.y" for i in range(n // 10 + 1))
    return "word" * n


random_unicode = st.text(st.characters(codec="utf-8"), max_size=80)  # utf-8: no lone surrogates

#: one character many times over, with or without spaces: the tokenizer's worst case
long_run = st.builds(lambda ch, n, sep: (ch + sep) * n, st.sampled_from(list(PUNCTUATION) + EMOJI + [" ", "a"]),
                     st.integers(200, 3000), st.sampled_from(["", "", " "]))

hostile_piece = st.one_of(
    news_sentence(), news_sentence(), news_sentence(),
    _run(PUNCTUATION, 400), _run(EMOJI, 200), _run(CONTROLS, 6), unbalanced_quotes(), huge_number(),
    st.sampled_from(SCRIPTS), combining(), no_space_run(), random_unicode, long_run,
)


@st.composite
def hostile_text(draw) -> str:
    pieces = draw(st.lists(hostile_piece, min_size=1, max_size=10))
    out = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


@st.composite
def hostile_title(draw) -> str | None:
    return draw(st.one_of(st.none(), news_sentence().map(lambda s: s.rstrip(".")), random_unicode))


#: what analysis must refuse, each with its own error: nothing, blanks, binary data
REFUSED = ["", "   \n\t ", "\x00\x01\x02 binary \x00" * 20]

published = st.one_of(st.none(), st.sampled_from(["2022-01-11", "1999-12-31", "9999-12-31", "0001-01-01", "2022-02-30",
                                                  "yesterday", "20220111", "2022-01-11T23:59:59Z"]), random_unicode)
