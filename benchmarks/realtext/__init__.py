"""Real-text gold sets, stand-off: build their texts from the fetched mirrors into the cache.

The committed sets (SETS) keep what is ours (ids, coding, provenance) and, for each text, a
`locator`: repository, path, commit, the record's key inside the file, the transform that
turns the record's field into the text, and the text's sha256. This builder reads every
located file from the local git mirrors (`benchmarks.mirrors`, as the ACLED builder does),
applies the transform, checks the sha256, and writes each set in the ordinary gold format, with
its `text`, to `.cache/realtext/<set>.jsonl` (outside git), with a manifest.

When the named commit is not in a mirror (an older or newer snapshot), the file at the
snapshot's HEAD is read instead and the text is taken only if its sha256 is the same (by the
record key, else the one record whose text has that sha256; so too when a key selects no
record at the named commit). `--texts FILE` accepts texts from
a gold-format file (an earlier build, or an earlier commit of a set) where a mirror cannot give
them, again only by sha256.

Run: `python -m benchmarks.realtext build [SET ...] [--mirrors /work/.mirror] [--texts FILE]`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import mirrors as mirrors_io
from benchmarks.mirrors import MirrorError
from streams.evaluation.gold import Locator, is_standoff
from streams.evaluation.standoff import BUILD_COMMAND, cache_dir, cache_file, sha256

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
SETS: dict[str, Path] = {
    "realnews": GOLD / "realnews.jsonl",
    "realnews-second": GOLD / "second" / "realnews-second.jsonl",
    "nonconflict": GOLD / "nonconflict.jsonl",
    "nonconflict-second": GOLD / "second" / "nonconflict-second.jsonl",
    "staging_articles": GOLD / "canonical" / "staging_articles.jsonl",
}

__all__ = ["BUILD_COMMAND", "SETS", "MirrorError", "build", "build_set", "read_text"]


class TextMismatchError(MirrorError):
    """The located text is not the one the set was coded on (another sha256)."""


# --------------------------------------------------------------------------- transforms

CITATION = re.compile(r"\s*\[\(\*?[^\]]*?\*?\)\]\([^)\s]*\)")
_INTERWIKI = re.compile(r"\s*\[\[[a-z-]{2,}\]\([^)]*\)\]")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+\"[^\"]*\")?\)")
BULLET = re.compile(r"(\s*)\*\s+(.*)")


def portal_text(markdown: str) -> str:
    """One portal bullet as plain text: links to their words, citations and markup dropped."""
    text = CITATION.sub("", markdown)
    text = _INTERWIKI.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def _portal_bullet(line: str) -> str:
    bullet = BULLET.match(line)
    return portal_text(bullet.group(2)) if bullet else ""


# a Wikinews article as wiki source flattened to one line: an opening tag (<noinclude>) before
# the story, and after it the first section heading (==Sources==, categories) or an HTML block
# (<br>, <div>: a notice such as "this story has new developments")
_WIKI_OPENING_TAGS = re.compile(r"^\s*(?:<[a-z]+\s*/?>\s*)+")
_WIKI_TAIL = re.compile(
    r"\s*(?:(?<!\S)={2,}[^=.,;:!?\"]{1,60}={2,}(?!\S)|<br\s*/?>|<div\b).*", re.DOTALL
)


def wikinews_body(source: str) -> str:
    """The story of a Wikinews article's flattened wiki source: tags before it, and the
    sections and HTML blocks after it, dropped."""
    return _WIKI_TAIL.sub("", _WIKI_OPENING_TAGS.sub("", source), count=1).strip()


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "none": lambda text: text,
    "strip": str.strip,
    # the WikiTimes CEP descriptions end in stray separators: "... Mogadishu. , "
    "cep_description": lambda text: re.sub(r"[\s,]+$", "", text).strip(),
    "portal_bullet": _portal_bullet,
    # dimitrakatseli/Wikinews data/english.json: the `content` of older Wikinews articles
    "wikinews_body": wikinews_body,
}


# --------------------------------------------------------------------------- reading

Records = list[dict[str, Any]] | list[str]


def parse_records(raw: bytes, fmt: str) -> Records:
    text = raw.decode("utf-8-sig")
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(text)))
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if fmt == "json":
        loaded = json.loads(text)
        return loaded if isinstance(loaded, list) else [loaded]
    return text.splitlines()


def _text_of(record: dict[str, Any] | str, locator: Locator) -> str:
    """A record's text: its field (a line: the line itself), through the locator's transform."""
    raw = record if isinstance(record, str) else str(record.get(locator.field or "text") or "")
    return TRANSFORMS[locator.transform](raw)


def _texts_of(records: Records, locator: Locator) -> list[str]:
    """The texts of the records the locator's key selects."""
    if locator.format == "lines":
        number = int(locator.record["line"])
        chosen: Records = records[number - 1 : number] if number > 0 else []
    else:
        key = locator.record.items()
        chosen = [
            r
            for r in records
            if isinstance(r, dict) and all(str(r.get(k)) == str(v) for k, v in key)
        ]
    return [_text_of(r, locator) for r in chosen]


def _by_sha256(records: Records, locator: Locator) -> list[str]:
    """Every record's text whose sha256 is the locator's (a snapshot at another commit)."""
    texts = (_text_of(r, locator) for r in records)
    return [t for t in texts if sha256(t) == locator.sha256]


class Reader:
    """Reads located texts from the mirrors, each file once; notes where a commit was missing."""

    def __init__(self, mirrors: Path) -> None:
        self.mirrors = mirrors
        self.files: dict[tuple[str, str, str], Records] = {}
        self.notes: Counter[str] = Counter()

    def _records(self, repo: str, commit: str, locator: Locator) -> Records:
        key = (repo, commit, locator.path)
        if key not in self.files:
            raw = mirrors_io.show(self.mirrors, repo, commit, locator.path)
            self.files[key] = parse_records(raw, locator.format)
        return self.files[key]

    def text(self, locator: Locator) -> str:
        directory = mirrors_io.git_dir(self.mirrors, locator.repo)
        if mirrors_io.has_commit(directory, locator.commit):
            records = self._records(locator.repo, locator.commit, locator)
            found = _texts_of(records, locator)
            if not found and _by_sha256(records, locator):
                self.notes[f"{locator.repo}: found by sha256, not by its key"] += 1
                found = _by_sha256(records, locator)
            return _one(found, locator, locator.commit)
        head = mirrors_io.head(directory)
        try:
            records = self._records(locator.repo, head, locator)
        except MirrorError as exc:
            raise MirrorError(
                f"{locator.repo}: commit {locator.commit[:10]} is not in the mirror (its snapshot "
                f"is at {head[:10]}), and {locator.path} is not at the snapshot's HEAD either; "
                f"{mirrors_io.fetch_hint(locator.repo)} once a snapshot holds that commit, or "
                f"pass --texts FILE (a file with these texts; only matching sha256 are taken)"
            ) from exc
        found = [t for t in _texts_of(records, locator) if sha256(t) == locator.sha256]
        found = found or _by_sha256(records, locator)
        self.notes[f"{locator.repo}: {locator.commit[:10]} missing, read at HEAD {head[:10]}"] += 1
        return _one(found, locator, head)


def _one(found: list[str], locator: Locator, commit: str) -> str:
    where = f"{locator.repo} {locator.path} @{commit[:10]} record {locator.record}"
    if not found:
        raise TextMismatchError(f"{where}: no such record (nor one with the set's sha256)")
    if len(found) > 1:
        raise TextMismatchError(f"{where}: {len(found)} records have that key; it must be unique")
    if sha256(found[0]) != locator.sha256:
        raise TextMismatchError(
            f"{where}: the text's sha256 is {sha256(found[0])[:12]}, the set says "
            f"{locator.sha256[:12]}: not the text the set was coded on"
        )
    return found[0]


def read_text(locator: Locator, mirrors: Path = mirrors_io.DEFAULT_MIRRORS) -> str:
    """One located text, read from the mirrors and checked by its sha256."""
    return Reader(mirrors).text(locator)


# --------------------------------------------------------------------------- building


def texts_pool(files: Iterable[Path]) -> dict[str, str]:
    """sha256 -> text of every line with a `text` in the given gold-format files."""
    pool: dict[str, str] = {}
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                pool[sha256(text)] = text
    return pool


def materialise(row: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold line with its text in the locator's place (same key order as before)."""
    return {
        ("text" if k == "locator" else k): (text if k == "locator" else v) for k, v in row.items()
    }


def build_set(
    source: Path,
    reader: Reader,
    out: Path,
    pool: dict[str, str] | None = None,
    earlier: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Write the stand-off set `source` with its texts to `out`; raises MirrorError.

    A text no mirror gives is taken by its sha256 from `pool` (--texts), else from `earlier`
    (the texts of this set's previous build), so a mirror missing today never undoes a good
    build."""
    if not is_standoff(source):
        raise MirrorError(f"{source} is not a stand-off set (its lines have no locator)")
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    lines, origin = [], Counter[str]()
    for row in rows:
        if "locator" not in row:  # a line that holds its own text
            lines.append(json.dumps(row, ensure_ascii=False))
            continue
        locator = Locator.model_validate(row["locator"])
        try:
            text = reader.text(locator)
            origin[locator.repo] += 1
        except MirrorError:
            text, label = _kept_text(locator.sha256, pool, earlier)
            if text is None:
                raise
            origin[f"{locator.repo} ({label})"] += 1
        lines.append(json.dumps(materialise(row, text), ensure_ascii=False))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return {
        "set": str(source.relative_to(ROOT)) if source.is_relative_to(ROOT) else str(source),
        "texts": len(lines),
        "from": dict(origin),
    }


def _kept_text(
    digest: str, pool: dict[str, str] | None, earlier: dict[str, str] | None
) -> tuple[str | None, str]:
    """The text of that sha256 from --texts, else from the previous build."""
    if pool and digest in pool:
        return pool[digest], "--texts"
    if earlier and digest in earlier:
        return earlier[digest], "earlier build"
    return None, ""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(
    names: Iterable[str] = (),
    *,
    mirrors: Path = mirrors_io.DEFAULT_MIRRORS,
    cache: Path | None = None,
    texts: Iterable[Path] = (),
    sets: dict[str, Path] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Build the named sets (all when none); returns (manifest, errors by set)."""
    sets = sets or SETS
    cache = cache or cache_dir()
    pool = texts_pool(texts) if texts else None
    reader = Reader(mirrors)
    built: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in list(names) or list(sets):
        if name not in sets:
            errors[name] = f"unknown set; the sets: {', '.join(sets)}"
            continue
        out = cache / cache_file(sets[name]).name
        earlier = texts_pool([out]) if out.exists() else None
        try:
            built[name] = build_set(sets[name], reader, out, pool, earlier)
            log(f"{name}: {built[name]['texts']} texts, sha256 checked -> {out}")
        except MirrorError as exc:
            out.unlink(missing_ok=True)
            errors[name] = str(exc)
            log(f"{name}: NOT BUILT: {exc}")
    manifest = {
        "built_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "mirrors": str(mirrors),
        "sets": built,
        "errors": errors,
        "read_at_another_commit": dict(reader.notes),
    }
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest, errors
