"""Bytes off the wire -> a valid Article, or the reason it is rejected. Pure; never raises."""

from __future__ import annotations

import json
from dataclasses import dataclass

from pydantic import ValidationError

from streams.schemas import Article

MAX_JSON_DEPTH = 64


@dataclass(frozen=True)
class Rejected:
    """An input message that cannot become an Article."""

    reason: str
    detail: str


REASONS: tuple[str, ...] = (
    "too_large",
    "not_utf8",
    "not_json",
    "too_deep",
    "not_object",
    "missing_text",
    "empty_text",
    "invalid",
)


def decode_article(raw: bytes | None, *, max_bytes: int) -> Article | Rejected:
    """Validate one message value; every failure is a `Rejected` with a stable reason."""
    text = _utf8_text(raw, max_bytes)
    if isinstance(text, Rejected):
        return text
    data = _json_object(text)
    if isinstance(data, Rejected):
        return data
    return _validate(data)


def _utf8_text(raw: bytes | None, max_bytes: int) -> str | Rejected:
    if raw is None or len(raw) == 0:
        return Rejected("missing_text", "empty message value")
    if len(raw) > max_bytes:
        return Rejected("too_large", f"{len(raw)} bytes > limit {max_bytes}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected("not_utf8", f"invalid UTF-8 at byte {exc.start}")


def _json_object(text: str) -> dict[str, object] | Rejected:
    if _nesting_depth(text) > MAX_JSON_DEPTH:
        return Rejected("too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return Rejected("not_json", _short(str(exc)))
    if not isinstance(data, dict):
        return Rejected("not_object", f"JSON {type(data).__name__}, expected an object")
    return data


def _validate(data: dict[str, object]) -> Article | Rejected:
    body = data.get("text")
    if body is None:
        return Rejected("missing_text", "no 'text' field")
    if isinstance(body, str) and not body.strip():
        return Rejected("empty_text", "'text' is empty or whitespace")
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "article"
        return Rejected("invalid", _short(f"{where}: {first['msg']}"))
    except (ValueError, TypeError, RecursionError) as exc:
        return Rejected("invalid", _short(str(exc)))


def _nesting_depth(text: str) -> int:
    """Bracket depth outside strings: guards json.loads against pathological nesting."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _short(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."
