"""Runs ``analyze`` over one or many texts: loads spaCy and the knowledge once, parses in batches
bounded by articles, characters and tokens (``tidings.parsing``), and applies the extractors in
order. Pure: no files, no network, no database.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from spacy.tokens import Doc

from tidings.errors import (ArticleError, ArticleTooLarge, BinaryContent, EmptyArticle, ExtractorFailed, TidingsError,
                            UnreadableArticle)
from tidings.extract import extractors
from tidings.headline import (
    HeadlineCaser,
    HeadlineVerbs,
    find_headline,
    read_headline_objects,
    read_headline_passives,
    read_verbless_headline,
    restore_words,
)
from tidings.knowledge import Knowledge, load_knowledge
from tidings.model import Analysis, Article, LayerFailure
from tidings.nlp import CSV_LINE_BREAK, HEADLINE_KEY, load_model
from tidings.parsing import parse_docs
from tidings.settings import Settings

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CSV_LINE_BREAK = re.compile(CSV_LINE_BREAK)  # "high\\job losses"


def _line_breaks_as_spaces(text: str) -> str:
    """The parse copy with a CSV export's backslash line breaks read as the spaces they stand for: a
    backslash token inside a sentence misleads the parser ("14\\injured in a blast" read as a name).
    One character for one, so every offset holds; the text the analysis reports keeps them."""
    return _CSV_LINE_BREAK.sub(" ", text)


log = logging.getLogger(__name__)


class Pipeline:
    """A loaded analysis pipeline. Create once, reuse for every article."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.knowledge: Knowledge = load_knowledge(tuple(self.settings.dictionaries))
        self._nlp = None
        self.steps = extractors()

    @functools.cached_property
    def version(self) -> str:
        """Names what produced an analysis: the package version plus a fingerprint of the model name
        and every knowledge file (built-in and the user's). A stored analysis made by another version
        is re-analysed by ``tidings reanalyze``."""
        from tidings import __version__
        from tidings.knowledge.files import DATA_DIR

        digest = hashlib.sha256(self.settings.model.encode())
        for path in sorted(DATA_DIR.rglob("*.tsv")) + [Path(p) for p in self.settings.dictionaries]:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return f"{__version__}+{digest.hexdigest()[:10]}"

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.settings.model)
        return self._nlp

    def warm_up(self) -> None:
        """Load the model and every knowledge part now rather than on the first article."""
        self.nlp
        self.knowledge.actors, self.knowledge.gazetteer, self.knowledge.cues

    @functools.cached_property
    def headline_verbs(self) -> HeadlineVerbs:
        """The event lexicon's verb and noun lemmas, for reading a headline parsed without a verb."""
        patterns = self.knowledge.event_patterns
        entries = self.knowledge.actors.by_lower.items()
        nationals = frozenset(key for key, rows in entries
                              if any(e.type in ("demonym", "group") and e.country for e in rows) and " " not in key)
        # words for parties that act: political groups and the dictionary's role words ("chief", "army")
        roles = frozenset(key for key, rows in entries if " " not in key and any(e.type in ("title", "group") for e in rows))
        return HeadlineVerbs(
            frozenset(lemma for lemma, rows in patterns.verbs.items() if any("block" not in r.flags for r in rows)),
            frozenset(patterns.nouns), patterns.sets.get("&POLITICAL_GROUPS", frozenset()) | roles, nationals,
            patterns.sets.get("&ATTACKS", frozenset()) | {"jet", "jets", "warplane", "warplanes", "helicopter", "helicopters",
                                                          "tank", "tanks", "gunship", "gunships"},
            frozenset(lemma for lemma, rows in patterns.verbs.items()
                      if any(r.code[:2] in ("17", "18", "19", "20") for r in rows if "block" not in r.flags)),
            lambda word: self.headline_caser.known(word, ("verb",)))

    @functools.cached_property
    def headline_caser(self) -> HeadlineCaser:
        return HeadlineCaser(self.nlp, self.knowledge.actors, self.knowledge.gazetteer, self.knowledge.cues.names)

    def analyze(self, text: str, metadata: Mapping | None = None) -> Analysis:
        """Analyse one text; a text that cannot be analysed raises its ``ArticleError``."""
        [result] = self.analyze_many([make_article(text, metadata)])
        if isinstance(result, ArticleError):
            raise result
        return result

    def _to_parse(self, article: Article) -> Doc:
        """What the model parses: the tokens of a same-length copy of the text in which a paragraph's
        opening capitals ("KEY talks") are written as running text and a headline, if the article
        opens with one, is in sentence case and marked as one sentence."""
        headline = find_headline(article.text, article.title)
        if headline is None:
            return self.nlp.make_doc(_line_breaks_as_spaces(self.headline_caser.paragraph_openings(article.text)))
        text = self.headline_caser.normalise(article.text, headline)
        doc = self.nlp.make_doc(_line_breaks_as_spaces(self.headline_caser.paragraph_openings(text, headline.end)))
        doc.user_data[HEADLINE_KEY] = (headline.start, headline.end)
        return doc

    def analyze_many(self, articles: Iterable[Article | ArticleError]) -> Iterator[Analysis | ArticleError]:
        """Analyse articles in batches; a bad article comes back as its ``ArticleError``, in order.
        A batch closes at ``Settings.batch_size`` articles or ``Settings.batch_chars`` characters."""
        for batch in analysis_batches(articles, self.settings):
            yield from self._analyze_batch(batch)

    def _analyze_batch(self, items: list[Article | ArticleError]) -> Iterator[Analysis | ArticleError]:
        prepared: list[Doc | ArticleError] = [item if isinstance(item, ArticleError) else self._tokenize_one(item)
                                              for item in items]
        docs = [d for d in prepared if isinstance(d, Doc)]
        try:
            parsed = iter(parse_docs(self.nlp, docs, self.settings.max_parse_tokens))
        except Exception:  # noqa: BLE001 - a model bug on one text must not sink the batch: parse alone
            log.info("parsing a batch failed; parsing its articles one by one", exc_info=True)
            parsed = iter([self._parse_one(d) for d in docs])
        for item, doc in zip(items, prepared):
            if isinstance(doc, ArticleError):
                yield doc
                continue
            doc = next(parsed)
            if isinstance(doc, BaseException):
                yield UnreadableArticle(item.origin or item.id, f"could not be parsed ({_one_line(doc)}); please report this")
                continue
            try:
                yield self._analyze_doc(doc, item)
            except ArticleError as exc:
                yield exc

    def _tokenize_one(self, article: Article) -> Doc | ArticleError:
        try:
            return self._to_parse(article)
        except Exception as exc:  # noqa: BLE001 - that article is reported, the batch goes on
            log.info("tokenizing %s failed", article.origin or article.id, exc_info=True)
            return UnreadableArticle(article.origin or article.id, f"could not be tokenized ({_one_line(exc)}); "
                                                                   f"please report this")

    def _parse_one(self, doc: Doc) -> Doc | Exception:
        try:
            return parse_docs(self.nlp, [doc], self.settings.max_parse_tokens)[0]
        except Exception as exc:  # noqa: BLE001
            return exc

    def _analyze_doc(self, doc: Doc, article: Article) -> Analysis:
        # extractors read the original words; only the parse came from the normalised headline
        doc = restore_words(doc, article.text)
        read_verbless_headline(doc, self.headline_verbs)
        read_headline_passives(doc, self.headline_verbs.done_to)
        read_headline_objects(doc)
        analysis = Analysis(
            id=article.id, text=article.text, title=article.title, url=article.url,
            published=normalise_published(article.published),
        )
        lost: dict[str, str] = {}  # layer -> the step that failed to make it
        for step in self.steps:
            missing = [r for r in step.requires if r in lost]
            if missing:
                reason = f"not run: needs {' and '.join(missing)}, lost with the {lost[missing[0]]} layer"
                analysis.failed_layers.append(LayerFailure(step.name, reason))
                lost.update(dict.fromkeys(step.assigns, step.name))
                continue
            before = dict(vars(analysis))
            try:
                step.run(doc, analysis, self.knowledge)
            except TidingsError:
                raise
            except Exception as exc:  # a bug in one extractor costs its own layer, not the article
                log.info("the %s extractor failed on %s", step.name, article.origin or article.id, exc_info=True)
                vars(analysis).update(before)  # nothing half-written: the fields as they were before the step
                analysis.failed_layers.append(LayerFailure(step.name, _one_line(exc)))
                lost.update(dict.fromkeys(step.assigns, step.name))
        return analysis


def analysis_batches(articles: Iterable[Article | ArticleError],
                     settings: Settings) -> Iterator[list[Article | ArticleError]]:
    """The batches ``Pipeline.analyze_many`` parses together, each article checked (a refused one is
    its error). Worker processes are given exactly these batches, so that every article is parsed in
    the same company as in one process: ``analyze_many`` of one such batch makes that batch again."""
    pending: list[Article | ArticleError] = []
    good = chars = 0
    for item in articles:
        if isinstance(item, Article):
            try:
                check_article(item, settings.max_article_chars)
                good += 1
                chars += len(item.text)
            except ArticleError as exc:
                item = exc
        pending.append(item)
        if good >= settings.batch_size or chars >= settings.batch_chars:
            yield pending
            pending, good, chars = [], 0, 0
    if pending:
        yield pending


def layer_warnings(analysis: Analysis, item: str | None = None) -> list[ExtractorFailed]:
    """One warning per layer left out of ``analysis``, naming the article, for reports and logs."""
    return [ExtractorFailed(item or analysis.id, f.layer, f.error) for f in analysis.failed_layers]


def _one_line(exc: BaseException, limit: int = 300) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def make_article(text: str, metadata: Mapping | None = None) -> Article:
    meta = dict(metadata or {})
    return Article(
        id=str(meta.get("id") or "article"), text=text, title=meta.get("title"), url=meta.get("url"),
        published=meta.get("published"), origin=meta.get("origin"),
    )


def check_article(article: Article, max_chars: int) -> None:
    """Refuse what cannot be a news article, naming the article."""
    name = article.origin or article.id
    if not isinstance(article.text, str):
        raise EmptyArticle(name, "text is not a string")
    for field in ("title", "url"):
        value = getattr(article, field)
        if value is not None and not isinstance(value, str):
            raise UnreadableArticle(name, f"{field} is a {type(value).__name__}, not a string")
    if not article.text.strip():
        raise EmptyArticle(name, "empty text")
    if len(article.text) > max_chars:
        raise ArticleTooLarge(name, f"{len(article.text):,} characters, over the limit of {max_chars:,}")
    sample = article.text[:4096]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise BinaryContent(name, "looks like binary data, not text")


def normalise_published(value) -> str | None:
    """Accept a date, datetime or ISO-like string; return ``YYYY-MM-DD`` or ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", str(value))
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return None
