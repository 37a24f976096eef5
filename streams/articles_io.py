"""Reading articles from files and stdin: .txt (optional header), .json, .jsonl, '-'."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from streams.errors import PublishError
from streams.schemas import Article

HEADER_KEYS = {"title", "date", "published_at", "source", "url", "id", "language"}


@dataclass(frozen=True)
class LoadedArticle:
    origin: str
    article: Article


OnError = Callable[[PublishError], None]


def read_articles(paths: list[str], on_error: OnError | None = None) -> Iterator[LoadedArticle]:
    """Every article of every path, validated.

    A bad article raises PublishError naming where it is, unless `on_error` is given: then it
    is told about each bad article or file and reading goes on with the next one.
    """
    for path in paths:
        if path == "-":
            yield from _from_jsonl(sys.stdin, "<stdin>", on_error)
            continue
        file = Path(path)
        files = (
            sorted(c for c in file.iterdir() if c.suffix in {".txt", ".json", ".jsonl"})
            if file.is_dir()
            else [file]
        )
        for child in files:
            try:
                yield from _from_file(child, on_error)
            except PublishError as error:
                if on_error is None:
                    raise
                on_error(error)


def _from_file(file: Path, on_error: OnError | None) -> Iterator[LoadedArticle]:
    try:
        content = file.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise PublishError(f"{file}: no such file") from None
    except UnicodeDecodeError as exc:
        raise PublishError(f"{file}: not UTF-8 (invalid byte at offset {exc.start})") from None
    except OSError as exc:
        raise PublishError(f"{file}: cannot read ({exc.strerror})") from None
    if file.suffix == ".jsonl":
        yield from _from_jsonl(content.splitlines(), str(file), on_error)
    elif file.suffix == ".json":
        yield from _from_json(content, str(file), on_error)
    else:
        yield LoadedArticle(str(file), _validated(parse_text_article(content), str(file)))


def _from_json(content: str, origin: str, on_error: OnError | None) -> Iterator[LoadedArticle]:
    try:
        data = json.loads(content)
    except ValueError as exc:
        raise PublishError(f"{origin}: not JSON ({exc})") from None
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        loaded = _guarded(on_error, _validated, item, f"{origin}[{index}]")
        if loaded is not None:
            yield LoadedArticle(f"{origin}[{index}]", loaded)


def _from_jsonl(lines: Any, origin: str, on_error: OnError | None) -> Iterator[LoadedArticle]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        loaded = _guarded(on_error, _validated_line, line, where)
        if loaded is not None:
            yield LoadedArticle(where, loaded)


def _validated_line(line: str, where: str) -> Article:
    try:
        data = json.loads(line)
    except ValueError as exc:
        raise PublishError(f"{where}: not JSON ({exc})") from None
    return _validated(data, where)


def _guarded(
    on_error: OnError | None, load: Callable[[Any, str], Article], data: Any, where: str
) -> Article | None:
    try:
        return load(data, where)
    except PublishError as error:
        if on_error is None:
            raise
        on_error(error)
        return None


def _validated(data: Any, where: str) -> Article:
    if not isinstance(data, dict):
        raise PublishError(f"{where}: expected a JSON object, got {type(data).__name__}")
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "article"
        raise PublishError(f"{where}: invalid article ({field}: {first['msg']})") from None


def parse_text_article(content: str) -> dict[str, Any]:
    """`Key: value` header lines (title, date, source, url, id, language), a blank line, the body.

    Without a recognised header the whole file is the body.
    """
    lines = content.splitlines()
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header:
                body = "\n".join(lines[index + 1 :]).strip()
                return _article_fields(header, body)
            break
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() not in HEADER_KEYS:
            break
        header[key.strip().lower()] = value.strip()
    return {"text": content.strip()}


def _article_fields(header: dict[str, str], body: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"text": body}
    for key, value in header.items():
        fields["published_at" if key == "date" else key] = value
    return fields
