"""The shapes of requests and responses, and the validated query parameters shared by endpoints.

Rows are the store's own dataclasses (``tidings.store.queries``): the API says the same thing as the
CLI's ``--json`` and the Python API, field for field.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from tidings.serve.config import MAX_PAGE
from tidings.store.queries import DyadPoint

T = TypeVar("T")

PloverType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
Mode = Literal["asserted", "negated", "future", "hypothetical", "background"]
Grain = Literal["day", "week", "month", "year"]
EventOrder = Literal["newest", "oldest", "conflict", "cooperation", "confidence"]
StoryOrder = Literal["latest", "earliest", "articles", "title"]

CODE_PATTERN = r"^[A-Za-z0-9]{1,40}$"
ID_PATTERN = r"^[^\x00-\x1f]{1,300}$"

CodeParam = Annotated[str | None, Query(pattern=CODE_PATTERN, description="Actor code or prefix (RUS matches RUSGOV).")]
CameoParam = Annotated[str | None, Query(pattern=r"^[0-9]{2,4}[A-Za-z]?$", description="CAMEO code or prefix.")]
SinceParam = Annotated[date | None, Query(description="On or after this day (YYYY-MM-DD).")]
UntilParam = Annotated[date | None, Query(description="On or before this day (YYYY-MM-DD).")]
LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Rows per page.")]
OffsetParam = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
SearchParam = Annotated[str | None, Query(min_length=1, max_length=200, description=(
    "Words to look for, all of them, any case, other forms too (talk: talks, talked); \"a phrase\"; "
    "a OR b; -word to leave out; prefix*. Anything else (%, _, brackets, colons) is text."))]
SpeakerParam = Annotated[str | None, Query(
    min_length=1, max_length=200, description="Part of the speaker's name, any case (% and _ are themselves).")]
IdParam = Annotated[str | None, Query(pattern=ID_PATTERN)]
PlaceParam = Annotated[str | None, Query(min_length=1, max_length=200,
                                         description="The event's place name, whole, any case (baghdad: Baghdad).")]


class Page(BaseModel, Generic[T]):
    """One page of a list. ``next_offset`` is the offset of the next page, or null on the last one.
    ``total`` is how many rows the whole list has, counted up to 10,000 (``total_capped`` true: more
    than that); null where a list is not counted."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None
    total: int | None = None
    total_capped: bool = False


def page(rows: list, limit: int, offset: int, total=None) -> dict:
    """A page from ``limit + 1`` fetched rows (the extra one only says whether there is more) and the
    list's ``Total`` when counted."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "total": total.n if total is not None else None, "total_capped": bool(total and total.capped)}


class DyadSeries(BaseModel):
    """A dyad's series: ``points`` are the store's ``DyadPoint`` rows (period = first day)."""

    a: str
    b: str
    by: Grain
    directed: bool
    points: list[DyadPoint]


class ArticleIn(BaseModel):
    """An article posted for analysis or ingestion."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's plain text.")
    id: str | None = Field(default=None, max_length=300, pattern=ID_PATTERN,
                           description="Its identifier (ingestion: required to be stable across posts).")
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    outlet: str | None = Field(default=None, max_length=300)
    published: date | None = Field(default=None, description="Publication day; relative dates resolve against it.")


class ArticlesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1)


class IngestResult(BaseModel):
    """What ``POST /articles`` did (the CLI's ingest summary)."""

    received: int
    new: int
    already_stored: int
    exact_duplicates: int
    near_duplicates: int
    failed: list[str]
    new_stories: int


class CameoCodeRow(BaseModel):
    """One CAMEO event code: its name, PLOVER type (null for the 01 statements), tidings' quad class
    and Goldstein score."""

    code: str
    name: str
    plover: str | None
    quad: int | None
    goldstein: float


class AnalysisStatus(BaseModel):
    """The analysis pool: its limits, the jobs it has now (running or waiting), what it stopped."""

    workers: int
    queue: int
    budget_s: float
    admitted: int
    stopped_over_budget: int
    crashed: int


class Status(BaseModel):
    version: str
    schema_version: int
    read_only: bool
    counts: dict[str, int]
    analysis: AnalysisStatus
