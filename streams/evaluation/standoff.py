"""Stand-off gold sets: lines that name where their text is instead of holding it.

Real texts taken from public repositories stay out of git: each line of a stand-off set carries
a `locator` (repository, path, commit, record key, transform, sha256 of the text) and
`python -m benchmarks.realtext build` writes the set with its texts to
`.cache/realtext/<set>.jsonl` (the ordinary gold format). `load_gold` on a stand-off file reads
the texts from that cache, checking every sha256, or stops with `StandOffError` (the CLI's exit
code 2) naming the build command.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from streams.evaluation.gold import GoldFileError, GoldItem, StandOffItem
from streams.settings import PROJECT_ROOT

BUILD_COMMAND = "python -m benchmarks.realtext build"


class StandOffError(GoldFileError):
    """A stand-off set's texts are not built (or the cache no longer fits the set)."""


def cache_dir() -> Path:
    """`.cache/realtext` of the project, or $STREAMS_REALTEXT_CACHE."""
    return Path(os.environ.get("STREAMS_REALTEXT_CACHE") or PROJECT_ROOT / ".cache" / "realtext")


def set_name(file: Path) -> str:
    return file.stem


def cache_file(file: Path) -> Path:
    """Where the builder writes the texts of the stand-off set `file`."""
    return cache_dir() / f"{set_name(file)}.jsonl"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached_texts(file: Path) -> dict[str, str]:
    cached = cache_file(file)
    if not cached.is_file():
        raise StandOffError(
            f"{file}: this gold set is stand-off: build its texts with {BUILD_COMMAND} "
            f"(the texts stay in their sources; the build writes them to {cached})"
        )
    texts: dict[str, str] = {}
    for line in cached.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    return texts


def _text_for(file: Path, key: str, sha: str, texts: dict[str, str]) -> str:
    text = texts.get(key)
    if text is None or sha256(text) != sha:
        problem = "is missing" if text is None else "has another sha256"
        raise StandOffError(
            f"{file}: the text of {key} {problem} in {cache_file(file)}; the cache is "
            f"older than the set: rebuild it with {BUILD_COMMAND}"
        )
    return text


def resolve(file: Path, items: list[GoldItem | StandOffItem]) -> list[GoldItem]:
    """The items of the stand-off set `file` with their texts from the built cache (a line
    that holds its own text is kept as it is)."""
    texts = _cached_texts(file)
    resolved: list[GoldItem] = []
    for item in items:
        if isinstance(item, GoldItem):
            resolved.append(item)
            continue
        text = _text_for(file, item.id, item.locator.sha256, texts)
        fields = item.model_dump(exclude={"locator"})
        resolved.append(GoldItem.model_validate({**fields, "text": text}))
    return resolved


def readable(file: Path) -> Path:
    """The file to read texts from: `file` itself, or for a stand-off set its built cache,
    once every stand-off line's text there is checked (any JSON-lines file with `id`s)."""
    if not file.is_file() or file.suffix != ".jsonl":
        return file
    rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line]
    located = [r for r in rows if isinstance(r, dict) and "locator" in r and "text" not in r]
    if not located:
        return file
    texts = _cached_texts(file)
    for row in located:
        _text_for(file, row["id"], row["locator"]["sha256"], texts)
    return cache_file(file)
