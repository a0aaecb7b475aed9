"""Exact and near-duplicate detection. The articles are written for these tests (no real article text)."""
from __future__ import annotations

import pytest

from tidings.ingest.dedupe import MIN_WORDS, NearDuplicateIndex, content_hash, normalise_text, strip_opener

WIRE = """ROTTERDAM, March 3 (Tidings Wire) - Dock workers at the port of Rotterdam walked off the job on Tuesday, halting container traffic at Europe's largest port as talks over pay and automation broke down for the third time this year.

The FNV union said about 4,000 members joined the 48-hour stoppage, which began at six in the morning. Cranes at the main container terminals stood idle and at least 14 ships were waiting at anchor off the coast by midday, according to port authority data.

"We have been patient for eight months, but the employers keep treating automation as a way to cut jobs rather than to make the work safer," union negotiator Marieke de Vries told reporters outside the terminal gates.

The employers' association, which represents the main terminal operators, called the strike irresponsible and said its latest offer included a 5.5 percent raise over two years and a guarantee of no forced redundancies until 2027.

Shipping lines began diverting some vessels to Antwerp and Hamburg, and freight forwarders warned that delays could ripple through European supply chains for weeks if the dispute is not settled quickly.

The last major strike at the port, in 2019, lasted three days and cost operators an estimated 90 million euros, according to industry figures."""

# the same wire copy re-posted by a client site: different dateline credit, typographic quotes and
# dashes, one edited word, HTML entities, and the last paragraph trimmed
REPOST = """ROTTERDAM, March 3 (Harbour Daily) \u2014 Dock workers at the port of Rotterdam walked off the job on Tuesday, halting container traffic at Europe\u2019s largest port as talks over pay and automation broke down for the third time this year.

The FNV union said about 4,000 members joined the 48-hour stoppage, which started at six in the morning. Cranes at the main container terminals stood idle and at least 14 ships were waiting at anchor off the coast by midday, according to port authority data.

\u201cWe have been patient for eight months, but the employers keep treating automation as a way to cut jobs rather than to make the work safer,\u201d union negotiator Marieke de Vries told reporters outside the terminal gates.

The employers&#39; association, which represents the main terminal operators, called the strike irresponsible and said its latest offer included a 5.5 percent raise over two years and a guarantee of no forced redundancies until 2027.

Shipping lines began diverting some vessels to Antwerp and Hamburg, and freight forwarders warned that delays could ripple through European supply chains for weeks if the dispute is not settled quickly."""

# a second outlet's own report of the same strike: same facts, names and even the same quote
OTHER_OUTLET = """Thousands of dockers in Rotterdam began a two-day strike on Tuesday morning, bringing Europe's busiest port to a near standstill after the latest round of negotiations with terminal operators collapsed.

Container terminals were largely silent, with more than a dozen vessels queuing offshore by the afternoon. The FNV, the Netherlands' largest union, put the number of strikers at around 4,000.

At the heart of the dispute is the growing use of automated cranes and vehicles. Union negotiator Marieke de Vries said workers had waited eight months for a serious offer. "The employers keep treating automation as a way to cut jobs," she said.

Employers say they have offered a 5.5 percent pay rise spread over two years and have promised no compulsory job losses before 2027. They described the walkout as irresponsible.

Some carriers are already rerouting ships to Antwerp and Hamburg. Logistics companies fear knock-on delays for retailers and manufacturers across the continent."""

UNRELATED = """FRANKFURT, March 3 (Tidings Wire) - The European Central Bank left interest rates unchanged on Thursday and signalled that it was in no hurry to cut borrowing costs while services inflation remained stubbornly high.

The bank kept its deposit rate at 3.75 percent, as expected by all economists polled last week. President Christine Lagarde said the governing council had not discussed a rate cut and would continue to decide meeting by meeting.

Markets trimmed bets on a cut in June after the announcement, and the euro rose 0.3 percent against the dollar."""

HEADLINE = "Rotterdam dockers strike as automation talks fail\n\n"


def test_normalise_folds_trivial_differences():
    a = "The union said: \u201cWe\u2019re ready\u201d \u2014 talks&nbsp;resume   on  <b>Monday</b>. Caf\u00e9 &amp; bar"
    b = "the UNION said \"We're ready\" - talks resume on Monday... Cafe & bar"
    assert normalise_text(a) == normalise_text(b) == "the union said we re ready talks resume on monday cafe bar"
    assert content_hash(a) == content_hash(b)
    assert len(content_hash(a)) == 64
    assert content_hash(a) != content_hash(b.replace("Monday", "Tuesday"))


def test_strip_opener():
    assert strip_opener("ROTTERDAM, March 3 (Tidings Wire) - Dock workers") == "Dock workers"
    assert strip_opener("Reuters - Dock workers") == "Dock workers"
    assert strip_opener("Dock workers - at the port") == "Dock workers - at the port"


def test_repost_with_new_headline_and_trimmed_paragraph_is_a_near_duplicate():
    index = NearDuplicateIndex()
    index.add("wire", index.signature(WIRE))
    index.add("ecb", index.signature(UNRELATED))
    assert index.query(index.signature(REPOST)) == "wire"
    assert index.query(index.signature(HEADLINE + REPOST)) == "wire"
    assert index.similarity(index.signature(WIRE), index.signature(REPOST)) >= index.threshold
    assert content_hash(WIRE) != content_hash(REPOST)  # not an exact copy: only the near layer sees it


def test_independent_reports_of_one_event_are_not_duplicates():
    index = NearDuplicateIndex()
    index.add("wire", index.signature(WIRE))
    other = index.signature(OTHER_OUTLET)
    assert index.query(other) is None
    assert index.similarity(index.signature(WIRE), other) < 0.2
    assert index.query(index.signature(UNRELATED)) is None


def test_query_names_the_earliest_added_copy():
    index = NearDuplicateIndex()
    index.add("first", index.signature(WIRE))
    index.add("second", index.signature(REPOST))
    index.add("first", index.signature(UNRELATED))  # a key added again keeps its first signature
    assert len(index) == 2
    assert index.query(index.signature(WIRE)) == "first"
    assert index.query(index.signature(REPOST)) == "first"


def test_signatures_are_deterministic_bytes_and_rebuild_the_index():
    a, b = NearDuplicateIndex(), NearDuplicateIndex()
    sig = a.signature(WIRE)
    assert isinstance(sig, bytes) and sig == b.signature(WIRE)
    assert len(sig) == 12 + 4 * a.num_perm
    rebuilt = NearDuplicateIndex.from_signatures([("wire", sig), ("ecb", a.signature(UNRELATED))])
    assert len(rebuilt) == 2 and "wire" in rebuilt
    assert rebuilt.query(a.signature(REPOST)) == "wire"


def test_signatures_of_other_parameters_are_refused():
    sig = NearDuplicateIndex(shingle=3).signature(WIRE)
    with pytest.raises(ValueError):
        NearDuplicateIndex().query(sig)
    with pytest.raises(ValueError):
        NearDuplicateIndex().add("x", b"not a signature")


def test_short_texts_need_a_higher_similarity():
    index = NearDuplicateIndex()
    short = "The city council approved a new budget for schools and road repairs on Tuesday after a long and heated debate among members."
    assert MIN_WORDS <= len(short.split()) < index.short_words
    index.add("short", index.signature(short))
    assert index.query(index.signature("CITY (Tidings Wire) - " + short.upper())) == "short"
    # one changed word in a 22-word text removes a fifth of its shingles: below the short threshold
    assert index.query(index.signature(short.replace("heated", "angry"))) is None


def test_headline_length_texts_are_left_to_exact_hashing():
    index = NearDuplicateIndex()
    stub = "Photo: Tidings Wire. Read more."
    index.add("stub", index.signature(stub))
    assert len(index) == 0
    assert index.query(index.signature(stub)) is None


def test_dedupe_texts_without_word_characters_are_not_all_one_text():
    from tidings.ingest.dedupe import content_hash

    assert content_hash("* * *") != content_hash("! ! !") != content_hash("\u2014 \u2014")
    assert content_hash("* * *") == content_hash("*  *\n*")  # still blind to spacing
    assert content_hash("* * *") != content_hash("")
