"""``POST /analyze`` (analyse posted text, store nothing) and ``POST /articles`` (ingest, with a token).

Analysis runs in the server's analysis pool (worker processes, ``analysis_pool``), never in the
server's own process: a slow analysis holds up no other request. Each request is one job of the
pool's admission count (503 with Retry-After when it is full), each analysis has the pool's time
budget (504 for ``/analyze``; the article is reported failed in ``POST /articles``). Writes run on
the server's writer thread (``StoreHandles.work``), where the writing store connection lives.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request

from tidings.errors import ArticleError
from tidings.ingest.dedupe import content_hash
from tidings.model import Article
from tidings.serve.auth import CHALLENGE, token_refusal
from tidings.serve.json_body import JSONBodyRoute
from tidings.serve.schemas import ArticleIn, ArticlesIn, IngestResult

router = APIRouter(route_class=JSONBodyRoute)

#: routes that need the server's token; ``middleware.TokenGuard`` refuses them before reading the body
GUARDED = frozenset({("POST", "/articles")})


def _article(item: ArticleIn, fallback_id: str) -> Article:
    return Article(id=item.id or fallback_id, text=item.text, title=item.title, url=item.url,
                   published=item.published.isoformat() if item.published else None,
                   origin=f"posted article {item.id or fallback_id}", outlet=item.outlet)


@router.post("/analyze", tags=["analysis"], summary="Analyse posted text without storing it")
async def analyze(request: Request, item: ArticleIn) -> dict:
    """The ``tidings.analysis/1`` JSON of the posted article: events, quotes, actors, times, places and
    summary, each with character offsets into ``text``. Nothing is stored. Texts over the server's
    limit (200,000 characters by default) get 413; text that cannot be an article (binary, empty) 422;
    when every analysis worker is busy and the queue is full, 503 with ``Retry-After``; an analysis
    over the server's time budget (30 s by default) is stopped and answered 504."""
    limit = request.app.state.config.max_analyze_chars
    if len(item.text) > limit:
        raise HTTPException(413, f"text of {len(item.text):,} characters is over the limit of {limit:,}")
    pool = request.app.state.analysis
    with pool.admission():
        analysis = await pool.analyze(_article(item, "posted"))
    return analysis.to_json()


def _authorise(request: Request, authorization: str | None) -> None:
    """The guard's check again, for an app assembled without ``TokenGuard``."""
    refusal = token_refusal(request.app.state.config.token, authorization)
    if refusal is not None:
        status, message = refusal
        raise HTTPException(status, message, headers=CHALLENGE if status == 401 else None)


@router.post("/articles", response_model=IngestResult, tags=["ingestion"],
             summary="Ingest articles into the store (needs the server's token)")
async def post_articles(request: Request, body: ArticlesIn,
                        authorization: Annotated[str | None, Header()] = None) -> IngestResult:
    """Analyse and store the posted articles, as ``tidings ingest`` does: duplicates (exact and near)
    are recorded as copies, articles are grouped into stories, one bad article (or one whose analysis
    runs over the server's time budget) is reported in ``failed`` and the rest stored; 503 with
    ``Retry-After`` when the analysis queue is full. Needs ``Authorization: Bearer <token>``; a server started without
    ``TIDINGS_TOKEN`` is read-only and answers 403."""
    _authorise(request, authorization)
    config = request.app.state.config
    if len(body.articles) > config.max_post_articles:
        raise HTTPException(413, f"{len(body.articles)} articles in one request; the limit is {config.max_post_articles}")
    items: list[Article | ArticleError] = []
    for item in body.articles:
        text_chars = len(item.text)
        fallback = f"post-{content_hash(item.text)[:16]}"
        if text_chars > config.max_analyze_chars:
            items.append(ArticleError(item.id or fallback, f"{text_chars:,} characters, over the limit of "
                                                            f"{config.max_analyze_chars:,}"))
        else:
            items.append(_article(item, fallback))
    state = request.app.state

    def run():
        summary = state.ingestors.ingest(state.handles.writer(), state.pipeline, items)
        return IngestResult(received=len(items), new=summary.new, already_stored=summary.already_stored,
                            exact_duplicates=summary.exact_duplicates, near_duplicates=summary.near_duplicates,
                            failed=summary.failed, new_stories=summary.new_stories)

    with state.analysis.admission():  # a batch is one job: it waits on the writer thread, then analyses
        return await state.handles.work(run)


class IngestorCache:
    """One ``Ingestor`` kept between requests: building one reads every near-duplicate signature and
    open story from the store, too slow to do per request on a large store. It is rebuilt when
    another process (``tidings ingest`` beside the server) has committed to the store since, which
    ``Store.data_version()`` tells (SQLite's ``PRAGMA data_version``; a commit counter in PostgreSQL).
    Used only on the worker thread."""

    def __init__(self):
        from tidings.ingest.runner import new_run_id

        self._ingestor = None
        self._seen_version: int | None = None
        # one ingest run for the server's life, kept when the Ingestor is remade: undated articles
        # posted to this server form stories together
        self._run = new_run_id()

    def ingest(self, store, pipeline, items):
        from tidings.ingest.runner import IngestSummary, Ingestor

        version = store.data_version()
        if self._ingestor is None or version != self._seen_version:
            self._ingestor = Ingestor(store, pipeline, run=self._run)
        self._ingestor.summary = IngestSummary()
        try:
            return self._ingestor.ingest(items)
        except BaseException:
            self._ingestor = None  # its in-memory indexes may disagree with what was committed
            raise
        finally:
            self._seen_version = store.data_version()
