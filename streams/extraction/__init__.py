"""Pure extraction: Article -> list[Event], no I/O, no Kafka.

    annotate (sentences, actors, places, dates)  ->  registered extractors (one per family)
    ->  merge duplicates  ->  normalized Event messages

An exception in one extractor is recorded as an ExtractorFailure; the others' events are kept.
"""

from __future__ import annotations

import traceback as tb
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from streams.extraction.annotate import annotate
from streams.extraction.extractors.common import Proto
from streams.extraction.normalize import merge, to_event
from streams.extraction.registry import Registered, registered
from streams.schemas import Article, Event

__all__ = [
    "ExtractionResult",
    "ExtractorFailure",
    "extract",
    "registered_extractors",
    "run_extraction",
]

_TRACEBACK_LIMIT = 1500


@dataclass(frozen=True)
class ExtractorFailure:
    extractor: str
    error: str
    traceback: str


@dataclass(frozen=True)
class ExtractionResult:
    events: list[Event] = field(default_factory=list)
    failures: list[ExtractorFailure] = field(default_factory=list)


def _short_traceback(exc: BaseException) -> str:
    text = "".join(tb.format_exception(exc))
    return text if len(text) <= _TRACEBACK_LIMIT else "..." + text[-_TRACEBACK_LIMIT:]


def run_extraction(
    article: Article,
    *,
    extracted_at: datetime | None = None,
    extractors: Sequence[Registered] | None = None,
) -> ExtractionResult:
    """Run every registered extractor (or the given ones) over the article.

    Failures are caught per extractor: the others' events are kept.
    """
    when = extracted_at or datetime.now(UTC)
    failures: list[ExtractorFailure] = []
    try:
        doc = annotate(article)
    except Exception as exc:
        return ExtractionResult(
            [], [ExtractorFailure("annotate", repr(exc), _short_traceback(exc))]
        )
    if not doc.english:
        return ExtractionResult([], [])
    protos: list[Proto] = []
    for entry in registered() if extractors is None else extractors:
        try:
            protos.extend(entry.fn(doc))
        except Exception as exc:
            failures.append(
                ExtractorFailure(f"{entry.name}@{entry.version}", repr(exc), _short_traceback(exc))
            )
    for proto in protos:
        proto.published = doc.published
    events: list[Event] = []
    try:
        events = [to_event(p, doc, when) for p in merge(protos)]
    except Exception as exc:
        failures.append(ExtractorFailure("normalize", repr(exc), _short_traceback(exc)))
    return ExtractionResult(events, failures)


def extract(article: Article, *, extracted_at: datetime | None = None) -> list[Event]:
    """The events of one article; extractor failures are dropped (run_extraction shows them)."""
    return run_extraction(article, extracted_at=extracted_at).events


def registered_extractors() -> list[tuple[str, str]]:
    """(name, version) of every registered extractor, in run order."""
    return [(entry.name, entry.version) for entry in registered()]
