"""A refused query or path parameter, said in words: which field, and what it must be.

Pydantic's own messages quote regular expressions ("String should match pattern '^[0-9]{2,4}...'"):
right for a developer, useless to an analyst who typed a CAMEO code as a word. Each parameter the
read API takes has a sentence here saying what it accepts, with an example; the message is
``"<field>: <what it must be>"`` and the detail carries the field's name, so that the dashboard can
mark the field. The input is not echoed back (it may be long or hostile). Body errors (``POST``)
keep Pydantic's words, prefixed by where they are.
"""
from __future__ import annotations

from typing import Any

_ACTOR = "an actor code or the start of one: letters and digits only, no spaces (such as RUS or RUSGOV)"
_DAY = "a day written YYYY-MM-DD (such as 2022-01-10)"
_ID = "an identifier of at most 300 characters, without line breaks or other control characters"

#: what each parameter accepts, in words (the field names are the API's)
ACCEPTS = {
    "source": _ACTOR, "target": _ACTOR, "actor": _ACTOR, "prefix": _ACTOR, "code": _ACTOR, "a": _ACTOR, "b": _ACTOR,
    "cameo": "a CAMEO event code or the start of one: 2 to 4 digits, and a letter at most (such as 19, 112 or 1724)",
    "since": _DAY, "until": _DAY,
    "story": _ID, "article": _ID, "story_id": _ID, "article_id": _ID,
    "search": "1 to 200 characters of words to look for",
    "speaker": "1 to 200 characters of a speaker's name",
    "place": "a place name of 1 to 200 characters",
    "outlet": "an outlet's name of at most 300 characters",
    "directed": "true or false", "fill": "true or false",
}

_NUMBER_PROBLEMS = {
    "int_parsing": lambda ctx: "must be a whole number",
    "int_from_float": lambda ctx: "must be a whole number",
    "greater_than_equal": lambda ctx: f"must be at least {ctx.get('ge')}",
    "greater_than": lambda ctx: f"must be more than {ctx.get('gt')}",
    "less_than_equal": lambda ctx: f"must be at most {ctx.get('le')}",
    "less_than": lambda ctx: f"must be less than {ctx.get('lt')}",
}
#: a problem raised by the endpoint itself (a range, a combination): its own words are the message
OWN_WORDS = "tidings_parameter"


def invalid_parameter(field: str, problem: str) -> dict:
    """An error entry for ``RequestValidationError`` raised by an endpoint about one query parameter."""
    return {"type": OWN_WORDS, "loc": ("query", field), "msg": problem, "input": None}


def describe(error: dict[str, Any]) -> dict[str, str]:
    """``{"where", "field", "problem"}`` for one validation error, in words."""
    loc = tuple(str(p) for p in error.get("loc", ()))
    where = ".".join(loc) or "request"
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if not loc or loc[0] not in ("query", "path") or len(loc) < 2:
        return {"where": where, "field": loc[-1] if loc else "request", "problem": error.get("msg", "invalid")}
    field = loc[1]
    if kind == OWN_WORDS:
        problem = error.get("msg", "invalid")
    elif kind in _NUMBER_PROBLEMS:
        problem = _NUMBER_PROBLEMS[kind](ctx)
    elif kind == "missing":
        problem = "is required"
    elif kind == "literal_error" and ctx.get("expected"):  # a choice (type, mode, order, by): the choices
        problem = "must be one of " + str(ctx["expected"]).replace("'", "")
    elif field in ACCEPTS:
        problem = "must be " + ACCEPTS[field]
    elif kind == "string_too_long":
        problem = f"must be at most {ctx.get('max_length')} characters"
    elif kind == "string_too_short":
        problem = f"must be at least {ctx.get('min_length')} characters"
    else:
        problem = "is not valid here"
    return {"where": where, "field": field, "problem": problem}


def message(details: list[dict[str, str]]) -> str:
    """The one-line message of a refused request: its first problem, named by field."""
    if not details:
        return "the request is not valid"
    first = details[0]
    return f"{first['field']} {first['problem']}" if first["where"].startswith(("query.", "path.")) \
        else f"{first['where']}: {first['problem']}"
