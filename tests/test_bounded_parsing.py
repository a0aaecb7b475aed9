"""Bounded work per text: a tokenizer that stays linear on pathological runs (tidings.tokenizer), long
texts parsed in pieces, batches bounded by characters and tokens (tidings.parsing), and the size limit.
No test here times anything: each checks the property that bounds the work (what spaCy's tokenizer
is given, how many tokens one pass of the model gets), that offsets still index the text, and that
ordinary text comes out exactly as before."""
from __future__ import annotations

import base64
import random
import re
import subprocess
import sys
import textwrap

import pytest
import spacy
from spacy.tokens import Doc, Span

from tidings.model import Article
from tidings.parsing import parse_docs, split_doc, trim_entity_edges
from tidings.settings import Settings
from tidings.tokenizer import MAX_CHUNK_CHARS, BoundedTokenizer, cut

_rng = random.Random(20261204)
EMOJI = "".join(chr(0x1F600 + _rng.randrange(64)) for _ in range(20_000))
BASE64 = base64.b64encode(_rng.randbytes(75_000)).decode()  # 100,000 characters
URL = "https://example.com/" + "/".join(f"p{i}?q={i}&r=x.y" for i in range(3_300))  # 50,000+ characters
MIX = "".join(_rng.choice("$%&*()[]{}<>!?.,;:'\"-_=+/\\|@#^~`\u2014\u201c\u201d\U0001F600ab1") for _ in range(20_000))
HOSTILE = {
    "dollar-run": "Prices rose. " + "$" * 20_000 + " Markets closed.",
    "emoji-run": "Fans cheered.\n" + EMOJI + "\nThe match ended.",
    "base64-blob": "Attachment: " + BASE64 + "\n\nThe ministry said nothing.",
    "url": "See " + URL + " for the full statement.",
    "mix": "Officials said " + MIX + " on Monday.",
    "spaced-and-glued": ("$$$ " * 500) + "word" + "!?" * 3_000 + "\u201c" * 400 + "x" * 500,
}
ORDINARY = ("GENEVA, Jan 10 (Reuters) - Russia rejected U.S. demands on Monday, officials said.\n\n"
            "\"We will not yield,\" said Kremlin spokesman Dmitry Peskov. See https://example.com/a?b=c.\n\n"
            "The talks (the first since 2021) ended without agreement; Washington's envoy left early...")


class _Recording:
    """A tokenizer that records the whitespace-free chunks it is given (the unit its cost is square in)."""

    def __init__(self, tokenizer):
        self.tokenizer, self.vocab, self.longest = tokenizer, tokenizer.vocab, 0

    def __call__(self, text):
        self.longest = max([self.longest] + [len(chunk) for chunk in text.split()])
        return self.tokenizer(text)


@pytest.fixture(scope="module")
def spacy_tokenizer(pipeline):
    return pipeline.nlp.tokenizer.tokenizer


@pytest.mark.parametrize("name", HOSTILE)
def test_bounded_tokenizer_never_hands_spacy_a_long_chunk(spacy_tokenizer, name):
    text = HOSTILE[name]
    recording = _Recording(spacy_tokenizer)
    doc = BoundedTokenizer(recording)(text)
    assert doc.text == text
    assert recording.longest <= MAX_CHUNK_CHARS
    assert all(len(t.text) <= MAX_CHUNK_CHARS or t.is_space for t in doc)
    assert "".join(t.text_with_ws for t in doc) == text and [t.idx for t in doc] == sorted(t.idx for t in doc)


def test_bounded_tokenizer_makes_a_run_without_letters_a_few_tokens(spacy_tokenizer):
    doc = BoundedTokenizer(spacy_tokenizer)("$" * 20_000)
    assert len(doc) == 20_000 // MAX_CHUNK_CHARS  # spaCy alone: 20,000 tokens, after 20,000 copies of the rest
    text = "$" * 150 + "word" + "$" * 300 + "  \n\tnext"
    assert cut(text, 0, 454, 200) == [(0, 154), (154, 354), (354, 454)]  # "word" kept whole, at a class change
    doc = BoundedTokenizer(spacy_tokenizer)(text)
    assert [t.text for t in doc][-3:] == ["$" * 100, " \n\t", "next"]
    assert doc[-3].whitespace_ == " "  # the whitespace after a chunk as spaCy leaves it: one space, then a token


def test_bounded_tokenizer_leaves_ordinary_text_as_spacy_tokenizes_it(spacy_tokenizer):
    ours, theirs = BoundedTokenizer(spacy_tokenizer)(ORDINARY), spacy_tokenizer(ORDINARY)
    assert [(t.text, t.whitespace_, t.norm_) for t in ours] == [(t.text, t.whitespace_, t.norm_) for t in theirs]


@pytest.mark.parametrize("name", HOSTILE)
def test_bounded_parsing_hostile_runs_analyse_with_exact_offsets(analyze, name):
    text = HOSTILE[name]
    a = analyze(text)  # a 20,000-character "$" run took 133 s before; this module runs in seconds
    assert a.failed_layers == []
    assert all(0 <= s.start < s.end <= len(text) for s in a.sentences)
    for item in [*a.times, *a.places, *a.quotes, *(m for actor in a.actors for m in actor.mentions)]:
        assert text[item.start:item.end] == item.text
    assert a.sentences[0].start == 0 and a.sentences[-1].end == len(text)  # the whole text is read


class _CountingModel:
    """The real model, recording how many tokens each pass (one ``pipe`` batch) gets."""

    def __init__(self, nlp):
        self.nlp, self.passes = nlp, []

    def pipe(self, docs, batch_size):
        docs = list(docs)
        self.passes.append(sum(len(d) for d in docs))
        return self.nlp.pipe(docs, batch_size=batch_size)


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(f"Talks in round {i} ended on Monday. Officials said that the envoys would meet again in "
                       f"Geneva, and the ministers agreed." for i in range(paragraphs))


def test_bounded_parsing_a_long_text_is_parsed_in_pieces_cut_at_paragraphs(pipeline):
    doc = pipeline.nlp.make_doc(_long_text(60))
    pieces = split_doc(doc, 200)
    assert len(pieces) > 5 and all(len(p) <= 200 for p in pieces)
    assert "".join(p.text for p in pieces) == doc.text
    assert all(p.text.endswith("\n\n") for p in pieces[:-1])  # each cut after a paragraph break
    model = _CountingModel(pipeline.nlp)
    [parsed] = parse_docs(model, [doc], 200)
    assert max(model.passes) <= 200 and sum(model.passes) == len(doc)
    assert parsed.text == doc.text and parsed.has_annotation("DEP") and parsed.has_annotation("ENT_IOB")
    assert all(t.head.i // 1 >= 0 and abs(t.head.i - t.i) < 200 for t in parsed)
    assert len(list(parsed.sents)) >= 2 * 60


def test_bounded_parsing_a_text_without_breaks_is_cut_at_sentences_then_spaces_then_anywhere(pipeline):
    for text, ends in (("It rained. " * 400, "It rained. "), ("rain " * 800, "rain "), ("$" * 50_000, "$")):
        doc = pipeline.nlp.make_doc(text)
        pieces = split_doc(doc, 150)
        assert all(len(p) <= 150 for p in pieces) and "".join(p.text for p in pieces) == text
        assert all(p.text.endswith(ends) for p in pieces)


def test_bounded_parsing_pieces_give_the_same_analysis_layers_with_valid_offsets(pipeline):
    from tidings import Pipeline

    small = Pipeline(Settings(max_parse_tokens=120))
    small._nlp, small.knowledge = pipeline.nlp, pipeline.knowledge
    text = _long_text(60)
    whole, pieces = pipeline.analyze(text, {"published": "2022-01-11"}), small.analyze(text, {"published": "2022-01-11"})
    assert len(pipeline.nlp.make_doc(text)) > 10 * 120
    assert pieces.failed_layers == []
    assert pieces.sentences == whole.sentences  # pieces end at paragraph breaks, which end sentences anyway
    assert [t.text for t in pieces.times] == [t.text for t in whole.times]
    assert {(p.text, p.country) for p in pieces.places} == {(p.text, p.country) for p in whole.places}


def test_bounded_parsing_a_batch_closes_at_its_character_budget(pipeline, monkeypatch):
    import tidings.pipeline
    from tidings import Pipeline

    calls = []
    real = tidings.pipeline.parse_docs
    monkeypatch.setattr(tidings.pipeline, "parse_docs", lambda nlp, docs, n: calls.append(len(docs)) or real(nlp, docs, n))
    budget = Pipeline(Settings(batch_chars=1_000, batch_size=32))
    budget._nlp, budget.knowledge = pipeline.nlp, pipeline.knowledge
    text = ("Talks in Geneva ended on Monday without agreement, officials said. " * 6)[:400]
    results = list(budget.analyze_many([Article(str(i), text) for i in range(10)] + [Article("empty", " ")]))
    assert calls == [3, 3, 3, 1]  # 1,200 characters close a batch; the last one holds what is left
    assert [type(r).__name__ for r in results] == ["Analysis"] * 10 + ["EmptyArticle"]


def test_bounded_parsing_the_size_limit_is_200000_characters_and_refused_by_name(pipeline):
    from tidings.errors import ArticleTooLarge
    from tidings.pipeline import check_article

    assert Settings().max_article_chars == 200_000
    check_article(Article("fits", "x" * 200_000), 200_000)
    with pytest.raises(ArticleTooLarge, match="^big: 200,001 characters, over the limit of 200,000$"):
        check_article(Article("big", "x" * 200_001), 200_000)


def test_bounded_parsing_memory_of_a_long_text_of_tiny_sentences(tmp_path):
    # the tester's case, at half the size: 100,000 characters of "It a. It b. ..." (33,333 tokens) grew
    # the process by 552 MB parsed whole; in pieces of 8,000 tokens by 146 MB
    script = textwrap.dedent("""
        import resource
        from tidings.pipeline import Pipeline
        pipeline = Pipeline()
        pipeline.analyze("It rained.")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        a = pipeline.analyze("".join(f"It {'ab'[i % 2]}. " for i in range(100_000 // 6)))
        assert a.failed_layers == [] and len(a.sentences) > 5_000
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) < 400  # MB of peak RSS above the loaded pipeline's


def test_a_backslash_between_words_is_a_token_of_its_own(pipeline):
    # CSV exports of wire feeds write line breaks as backslashes: "on\Wednesday" is two words
    doc = pipeline.nlp("Activists marched on\\Wednesday against job\\losses.")
    assert [t.text for t in doc][2:5] == ["on", "\\", "Wednesday"]
    assert "losses" in [t.text for t in doc]


def test_entities_are_trimmed_of_whitespace_tokens_at_their_edges():
    """A name the tagger ran on over a blank line keeps only its words; an all-space entity goes."""
    doc = Doc(spacy.blank("en").vocab, words=["Falluja", "\n\n", "Residents", "fled", "\n"],
              spaces=[False, False, True, False, False])
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 4, 5, label="GPE")]
    trimmed = trim_entity_edges(doc)
    assert [(e.text, e.label_) for e in trimmed.ents] == [("Falluja", "ORG")]
    assert trimmed[1].ent_type_ == "" and trimmed[4].ent_type_ == ""


def test_spaces_inside_a_line_are_parsed_as_single_spaces_and_kept_as_tokens(pipeline):
    text = "Rebels in  the north freed  six  soldiers on  Friday, officials  said.\n\nThe  army  thanked them."
    single = re.sub(" +", " ", text)
    doc = parse_docs(pipeline.nlp, [pipeline.nlp.make_doc(text)], 10_000)[0]
    alone = parse_docs(pipeline.nlp, [pipeline.nlp.make_doc(single)], 10_000)[0]
    assert doc.text == text  # every character, and every offset, as given
    words = [t for t in doc if not (t.is_space and "\n" not in t.text)]

    def reading(tokens):
        index = {t.i: k for k, t in enumerate(tokens)}
        return [(t.text, t.tag_, t.dep_, index.get(t.head.i)) for t in tokens]

    # the words read exactly as in the single-spaced text (spaCy alone tags "Rebels" NNP here, not NNS)
    assert reading(words) == reading(list(alone))
    assert pipeline.nlp(text)[0].tag_ != doc[0].tag_ == "NNS"
    for t in doc:
        if t.is_space and "\n" not in t.text:
            assert t.head.i == t.i - 1 and t.tag_ == "_SP"
    assert not any(e[0].is_space or e[-1].is_space for e in doc.ents)
    assert [s.text.strip() for s in doc.sents][-1] == "The  army  thanked them."


def test_a_double_space_does_not_turn_a_reduced_passive_into_the_man_s_own_deed(analyze):
    text = ("MOSCOW (Reuters) - Moscow on Tuesday accused a  Russian-American arrested for spying for Georgia of "
            "running an  espionage ring in Russia.")
    arrest = next(e for e in analyze(text).events if e.plover == "COERCE")
    assert arrest.target is not None and "Russian-American" in arrest.target.text


def test_a_headline_with_double_spaces_is_still_one_sentence_in_the_compact_parse(pipeline):
    from tidings.nlp import HEADLINE_KEY
    from tidings.parsing import compact_spaces

    text = "Rebels  free troops, talks  in doubt\n\nThe  rebels freed six soldiers on Monday."
    doc = pipeline.nlp.make_doc(text)
    doc.user_data[HEADLINE_KEY] = (0, text.index("\n"))
    compact, _ = compact_spaces(doc)
    start, end = compact.user_data[HEADLINE_KEY]
    assert compact.text[start:end] == "Rebels free troops, talks in doubt"
    parsed = parse_docs(pipeline.nlp, [doc], 10_000)[0]
    first = next(iter(parsed.sents))
    assert first.text.strip() == "Rebels  free troops, talks  in doubt"


def test_a_headline_reads_the_same_whatever_the_body_opens_with(pipeline):
    # the model reads a few words on each side of every word, across the blank line: the body's
    # first words used to change how it tagged and attached the headline's last ones
    from tidings.nlp import HEADLINE_KEY

    headline = "Army shells town in push against rebel chief"
    readings = set()
    for body in ("Islamic group's armed wing, the Qassam Brigades. Doctors said he suffered leg wounds.",
                 "officials said on Monday.", "The toll could rise, officials said."):
        doc = pipeline.nlp.make_doc(headline + "\n\n" + body)
        doc.user_data[HEADLINE_KEY] = (0, len(headline))
        parsed = parse_docs(pipeline.nlp, [doc], 10_000)[0]
        assert parsed.text == doc.text
        words = [t for t in parsed if t.idx < len(headline)]
        readings.add(tuple((t.text, t.tag_, t.dep_, t.head.i) for t in words))
        # the body is a sentence of its own after the headline
        assert [s.text.strip() for s in parsed.sents][0] == headline
    assert len(readings) == 1
