"""Read endpoints over the store: the CLI's queries as JSON (and events as CSV), paginated.

Endpoints are plain ``def``: FastAPI runs them in its thread pool, each thread with its own read-only
store connection (``stores.StoreHandles.reader``).
"""
from __future__ import annotations

import csv
import functools
import io
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from tidings import __version__
from tidings.knowledge.cameo import load_cameo
from tidings.serve import param_errors
from tidings.serve.config import FIRST_DAY, LAST_DAY, MAX_CSV_ROWS, MAX_FILL_PERIODS, MAX_PAGE
from tidings.serve.schemas import (CODE_PATTERN, CameoCodeRow, CameoParam, CodeParam, DyadSeries, EventOrder, Grain,
                                   IdParam, LimitParam, Mode, OffsetParam, Page, PlaceParam, PloverType, SearchParam,
                                   SinceParam, SpeakerParam, Status, StoryOrder, UntilParam, page)
from tidings.store import export
from tidings.store.queries import COUNT_CAP
from tidings.store.queries import (ActorPage, ActorRow, ArticleRow, DyadPoint, DyadRow, EventRow, PlaceRow, QuoteRow,
                                   StoryDetail, StoryRow)

router = APIRouter()


def _store(request: Request):
    return request.app.state.handles.reader()


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


_FIRST, _LAST = date.fromisoformat(FIRST_DAY), date.fromisoformat(LAST_DAY)
DAY_ORDERS = ("newest", "oldest")


def _invalid(field: str, problem: str) -> RequestValidationError:
    """A 422 about one parameter, answered like the validator's own (the field named in the details)."""
    return RequestValidationError([param_errors.invalid_parameter(field, problem)])


def _check_range(since: date | None, until: date | None) -> None:
    for name, value in (("since", since), ("until", until)):
        if value and not _FIRST <= value <= _LAST:
            raise _invalid(name, f"must be a day between {FIRST_DAY} and {LAST_DAY} (got {value})")
    if since and until and since > until:
        raise _invalid("since", f"({since}) must not be after until ({until})")


@router.get("/status", response_model=Status, tags=["store"], summary="What this server serves")
def status(request: Request):
    store = _store(request)
    return {"version": __version__, "schema_version": store.schema_version,
            "read_only": request.app.state.config.read_only, "counts": store.counts(),
            "analysis": request.app.state.analysis.status()}


# -- events -----------------------------------------------------------------------------------------
def _event_filters(source, target, plover_type, cameo, mode, since, until, story, article, place) -> dict:
    _check_range(since, until)
    return {"source": source, "target": target, "plover_type": plover_type, "cameo": cameo, "mode": mode,
            "since": _day(since), "until": _day(until), "story": story, "article": article, "place": place}


@router.get("/events", response_model=Page[EventRow], tags=["events"], summary="Coded events, newest first")
def events(request: Request, source: CodeParam = None, target: CodeParam = None,
           type: Annotated[PloverType | None, Query(description="PLOVER type.")] = None,
           cameo: CameoParam = None, mode: Annotated[Mode | None, Query()] = None,
           since: SinceParam = None, until: UntilParam = None, story: IdParam = None, article: IdParam = None,
           place: PlaceParam = None, order: Annotated[EventOrder, Query(description=(
               "newest or oldest first, by Goldstein score (conflict: most conflictual first; cooperation), "
               "or by confidence"))] = "newest",
           limit: LimitParam = 50, offset: OffsetParam = 0):
    """Every mode is listed unless ``mode`` is given; ``source``/``target`` are code prefixes.
    ``order`` by Goldstein or confidence sorts every matching event: it takes 10,000 of them at most.
    ``symmetric`` events have no direction (talks, meetings, clashes between source and target): they
    are stored once, the first-named party as source, and the filters match that order."""
    filters = _event_filters(source, target, type, cameo, mode, since, until, story, article, place)
    queries = _store(request).queries
    total = queries.count_events(**filters)
    if order not in DAY_ORDERS and (total.capped or total.n > COUNT_CAP):
        # the day orders read an index and stop after the page; these sort every matching event
        raise _invalid("order", f"{order} needs {COUNT_CAP:,} matching events or fewer: narrow the filters "
                                "(a source, a type, days) or sort by day")
    rows = queries.events(**filters, limit=limit + 1, offset=offset, order=order)
    return page(rows, limit, offset, total)


@router.get("/events.csv", tags=["events"], summary="Events as a CSV download (GDELT 2.0 column names)",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def events_csv(request: Request, source: CodeParam = None, target: CodeParam = None,
               type: Annotated[PloverType | None, Query(description="PLOVER type.")] = None,
               cameo: CameoParam = None, mode: Annotated[Mode | None, Query()] = None,
               since: SinceParam = None, until: UntilParam = None, story: IdParam = None, article: IdParam = None,
               place: PlaceParam = None, limit: Annotated[int, Query(ge=1, le=MAX_CSV_ROWS)] = MAX_CSV_ROWS):
    """The events matching the filters, oldest first, in the columns of ``tidings export events``
    (docs in ``tidings/store/export.py``). At most ``limit`` rows (100,000); for more use the CLI."""
    filters = _event_filters(source, target, type, cameo, mode, since, until, story, article, place)
    store = _store(request)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(export.NAMES)
    written = 0
    store.conn.execute("BEGIN")  # one snapshot for the whole download
    try:
        for chunk in export.iter_rows(store, **filters):
            chunk = chunk[:limit - written]
            writer.writerows(chunk)
            written += len(chunk)
            if written >= limit:
                break
    finally:
        store.conn.execute("COMMIT")
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="tidings-events.csv"',
                             "X-Rows": str(written)})


# -- quotes -----------------------------------------------------------------------------------------
@router.get("/quotes", response_model=Page[QuoteRow], tags=["quotes"], summary="Quotes, newest first")
def quotes(request: Request, speaker: SpeakerParam = None, search: SearchParam = None, actor: CodeParam = None,
           since: SinceParam = None, until: UntilParam = None, article: IdParam = None,
           limit: LimitParam = 50, offset: OffsetParam = 0):
    """``speaker``: part of the speaker's name (any case); ``search``: words in the quote or its
    speaker's name (the search syntax of stories too); ``actor``: the speaker's actor code prefix."""
    _check_range(since, until)
    filters = {"speaker": speaker, "search": search, "actor": actor, "since": _day(since), "until": _day(until),
               "article": article}
    queries = _store(request).queries
    rows = queries.quotes(**filters, limit=limit + 1, offset=offset)
    return page(rows, limit, offset, queries.count_quotes(**filters))


# -- actors and dyads -------------------------------------------------------------------------------
@router.get("/actors", response_model=Page[ActorRow], tags=["actors"], summary="Actors, busiest first")
def actors(request: Request, prefix: CodeParam = None, since: SinceParam = None, until: UntilParam = None,
           order: Annotated[Literal["events", "mentions", "code"], Query(description="busiest first, most mentioned "
                                                                                   "first, or by code")] = "events",
           limit: LimitParam = 50, offset: OffsetParam = 0):
    _check_range(since, until)
    rows = _store(request).queries.actors(prefix=prefix, since=_day(since), until=_day(until), order=order,
                                          limit=limit + 1, offset=offset)
    return page(rows, limit, offset)


@router.get("/actors/{code}", response_model=ActorPage, tags=["actors"], summary="One actor: counts, partners, latest events")
def actor(request: Request, code: Annotated[str, Path(pattern=CODE_PATTERN)], since: SinceParam = None,
          until: UntilParam = None, partners: Annotated[int, Query(ge=1, le=100)] = 10,
          recent: Annotated[int, Query(ge=1, le=100)] = 10):
    _check_range(since, until)
    found = _store(request).queries.actor_page(code, since=_day(since), until=_day(until), partners=partners,
                                               recent=recent)
    if found is None:
        raise HTTPException(404, f"no actor with a code starting {code.upper()!r}")
    return found


@router.get("/dyads", response_model=list[DyadRow], tags=["dyads"], summary="The most active dyads")
def top_dyads(request: Request, n: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20, since: SinceParam = None,
              until: UntilParam = None, directed: bool = True):
    """Dyads with most asserted events in the range. Directed (default): A->B and B->A apart, and a
    pair's symmetric events one more row (``undirected: true``, codes in code order). ``directed=false``:
    one row per unordered pair, every event of the pair counted once (``symmetric`` of them with no
    direction)."""
    _check_range(since, until)
    return _store(request).queries.top_dyads(n=n, since=_day(since), until=_day(until), directed=directed)


@router.get("/dyads/{a}/{b}", response_model=DyadSeries, tags=["dyads"], summary="A dyad's series: quad-class counts and Goldstein per period")
def dyad(request: Request, a: Annotated[str, Path(pattern=CODE_PATTERN)], b: Annotated[str, Path(pattern=CODE_PATTERN)],
         by: Grain = "week", since: SinceParam = None, until: UntilParam = None, directed: bool = False,
         fill: Annotated[bool, Query(description="Include empty periods between since and until.")] = False):
    """Asserted events between ``a`` and ``b`` (code prefixes) per period. Undirected by default:
    ``forward`` counts a->b, ``backward`` b->a, ``symmetric`` the events with no direction (each once);
    ``directed=true`` counts a->b and the symmetric ones (which are in the b->a series too). The events
    behind a point are ``/events?source=a&target=b&since=<period>&until=<period end>`` (and reversed)."""
    _check_range(since, until)
    if fill and not (since and until):
        raise _invalid("fill", "needs both since and until")
    periods = (until - since).days // {"day": 1, "week": 7, "month": 28, "year": 365}[by] + 1 if fill else 0
    if periods > MAX_FILL_PERIODS:
        raise _invalid("fill", f"would make about {periods:,} {by}s; the limit is {MAX_FILL_PERIODS:,}: "
                               "narrow since..until or use a longer period")
    points: list[DyadPoint] = _store(request).queries.dyad(a, b, by=by, since=_day(since), until=_day(until),
                                                           directed=directed, fill=fill)
    return {"a": a.upper(), "b": b.upper(), "by": by, "directed": directed, "points": points}


# -- places, stories, articles ----------------------------------------------------------------------
@router.get("/places", response_model=list[PlaceRow], tags=["places"], summary="Where events happen")
def places(request: Request, since: SinceParam = None, until: UntilParam = None,
           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50):
    """Ranked by asserted events (``asserted``), as dyads and actors are counted; ``events`` counts
    every mode. The events of a place are ``/events?place=<name>``."""
    _check_range(since, until)
    return _store(request).queries.places(since=_day(since), until=_day(until), limit=limit)


@router.get("/stories", response_model=Page[StoryRow], tags=["stories"], summary="Stories, latest first")
def stories(request: Request, since: SinceParam = None, until: UntilParam = None, search: SearchParam = None,
            order: Annotated[StoryOrder, Query(description=(
                "latest (by last day; the story with most articles first on a tie, then by title), earliest "
                "(by first day), articles (most first) or title"))] = "latest",
            limit: LimitParam = 50, offset: OffsetParam = 0):
    """``search`` reads the title and summary of each story, in the syntax quotes are searched with."""
    _check_range(since, until)
    filters = {"since": _day(since), "until": _day(until), "search": search}
    queries = _store(request).queries
    rows = queries.stories(**filters, limit=limit + 1, offset=offset, order=order)
    return page(rows, limit, offset, queries.count_stories(**filters))


@router.get("/stories/{story_id}", response_model=StoryDetail, tags=["stories"],
            summary="A story: its articles, event timeline and quotes")
def story(request: Request, story_id: Annotated[str, Path(max_length=300)]):
    found = _store(request).queries.story(story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return found


@router.get("/articles", response_model=Page[ArticleRow], tags=["articles"], summary="Articles, newest first")
def articles(request: Request, since: SinceParam = None, until: UntilParam = None, search: SearchParam = None,
             story: IdParam = None, outlet: Annotated[str | None, Query(max_length=300)] = None,
             limit: LimitParam = 50, offset: OffsetParam = 0):
    """``search``: words in the title, each as a substring (titles have no full-text index)."""
    _check_range(since, until)
    filters = {"since": _day(since), "until": _day(until), "search": search, "story": story, "outlet": outlet}
    queries = _store(request).queries
    rows = queries.articles(**filters, limit=limit + 1, offset=offset)
    return page(rows, limit, offset, queries.count_articles(**filters))


@router.get("/articles/{article_id:path}", tags=["articles"],
            summary="One article: metadata, copies, text and its full analysis with offsets")
def article(request: Request, article_id: Annotated[str, Path(max_length=300)]) -> dict:
    """``analysis`` is the ``tidings.analysis/1`` JSON form; every span's ``start``/``end`` index
    ``analysis.text``."""
    found = _store(request).queries.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


# -- codes ------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _cameo_rows(dictionaries: tuple) -> list[dict]:
    table = load_cameo(dictionaries)
    return [{"code": c.code, "name": c.name, "plover": c.plover, "quad": c.quad, "goldstein": c.goldstein}
            for c in sorted(table.codes.values(), key=lambda c: c.code)]


@router.get("/cameo", response_model=list[CameoCodeRow], tags=["codes"],
            summary="The CAMEO event codes: name, PLOVER type, quad class, Goldstein score")
def cameo_codes(request: Request, response: Response):
    """The code table the events were coded with (the package's, and the server's own dictionaries).
    ``quad`` is tidings' class, PLOVER's; GDELT's root-based ``QuadClass`` (the CSV's) differs for the
    CAMEO roots 02, 05, 10 and 14."""
    response.headers["Cache-Control"] = "max-age=3600"
    return _cameo_rows(tuple(request.app.state.config.dictionaries))
