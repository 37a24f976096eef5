"""Pure extraction: Article -> list[Event], no I/O, no Kafka.

    the spaCy pipeline (sentences, places, actors, dates, triggers, parse, roles; docs/engine.md)
    ->  the event families (their older rules as fallbacks)  ->  plugin extractors, if any
    ->  merge duplicates  ->  normalized Event messages

An exception in one family or plugin is recorded as an ExtractorFailure; the others' events are
kept.
"""

from __future__ import annotations

import traceback as tb
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from streams.extraction.annotate import Annotated
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
_T = TypeVar("_T")


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
    plugins: Sequence[Registered] = (),
) -> ExtractionResult:
    """The article through the pipeline and its event families, then through the plugin
    extractors (settings.extra_extractors), if any.

    Failures are caught per family and per plugin: the others' events are kept.
    """
    from streams.extraction import pipeline
    from streams.extraction.components.annotation import annotated

    try:
        doc = pipeline.run(article)
    except Exception as exc:
        return ExtractionResult(
            [], [ExtractorFailure("pipeline", repr(exc), _short_traceback(exc))]
        )
    ann = annotated(doc)
    if not ann.english:
        return ExtractionResult([], [])
    protos, failures = _run_extractors(ann, pipeline.hybrid_extractors())
    conflict = _guarded("conflict_v2", failures, lambda: pipeline.conflict_events(doc)) or []
    protos.extend(conflict)
    verbal = _guarded("verbal_v2", failures, lambda: pipeline.verbal_events(doc, conflict))
    protos.extend(verbal or [])
    protos.extend(_guarded("families_v2", failures, lambda: pipeline.family_events(doc)) or [])
    plugin_protos, plugin_failures = _run_extractors(ann, plugins)
    protos.extend(plugin_protos)
    failures.extend(plugin_failures)
    _guarded("places_v2", failures, lambda: pipeline.complete_places(ann, protos))
    return _finish(ann, protos, failures, extracted_at or datetime.now(UTC))


def _guarded(name: str, failures: list[ExtractorFailure], step: Callable[[], _T]) -> _T | None:
    """The step's result; an exception is recorded as its failure and gives None."""
    try:
        return step()
    except Exception as exc:
        failures.append(ExtractorFailure(name, repr(exc), _short_traceback(exc)))
        return None


def _run_extractors(
    doc: Annotated, extractors: Sequence[Registered]
) -> tuple[list[Proto], list[ExtractorFailure]]:
    protos: list[Proto] = []
    failures: list[ExtractorFailure] = []
    for entry in extractors:
        try:
            protos.extend(entry.fn(doc))
        except Exception as exc:
            failures.append(
                ExtractorFailure(f"{entry.name}@{entry.version}", repr(exc), _short_traceback(exc))
            )
    return protos, failures


def _finish(
    doc: Annotated, protos: list[Proto], failures: list[ExtractorFailure], when: datetime
) -> ExtractionResult:
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
