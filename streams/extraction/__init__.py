"""Pure extraction: Article -> list[Event], no I/O, no Kafka.

    annotate (sentences, actors, places, dates)  ->  registered extractors (one per family)
    ->  merge duplicates  ->  normalized Event messages

An exception in one extractor is recorded as an ExtractorFailure; the others' events are kept.
"""

from __future__ import annotations

import traceback as tb
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Literal

from streams.extraction.annotate import Annotated, annotate
from streams.extraction.annotated import ActorMention
from streams.extraction.extractors.common import Proto
from streams.extraction.normalize import merge, to_event
from streams.extraction.registry import Registered, registered
from streams.schemas import Article, Event
from streams.settings import get_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

Engine = Literal["legacy", "spacy"]

__all__ = [
    "ExtractionResult",
    "ExtractorFailure",
    "extract",
    "extract_many",
    "registered_extractors",
    "run_extraction",
    "run_extractions",
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
    engine: Engine | None = None,
) -> ExtractionResult:
    """Run every registered extractor (or the given ones) over the article, with the engine
    of the settings (STREAMS_ENGINE) unless one is given.

    Failures are caught per extractor: the others' events are kept.
    """
    if (engine or get_settings().engine) == "spacy" and extractors is None:
        return _run_v2(article, extracted_at or datetime.now(UTC))
    when = extracted_at or datetime.now(UTC)
    try:
        doc = annotate(article)
    except Exception as exc:
        return ExtractionResult(
            [], [ExtractorFailure("annotate", repr(exc), _short_traceback(exc))]
        )
    if not doc.english:
        return ExtractionResult([], [])
    protos, failures = _run_extractors(doc, registered() if extractors is None else extractors)
    return _finish(doc, protos, failures, when)


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
    doc: Annotated,
    protos: list[Proto],
    failures: list[ExtractorFailure],
    when: datetime,
    after_merge: Callable[[list[Proto]], None] | None = None,
) -> ExtractionResult:
    for proto in protos:
        proto.published = doc.published
    protos = [p for p in protos if not _idle_talk(p, doc.actors)]
    events: list[Event] = []
    try:
        merged = merge(protos)
        if after_merge is not None:
            after_merge(merged)
        events = [to_event(p, doc, when) for p in merged]
    except Exception as exc:
        failures.append(ExtractorFailure("normalize", repr(exc), _short_traceback(exc)))
    return ExtractionResult(events, failures)


def _run_v2(article: Article, when: datetime) -> ExtractionResult:
    """Engine v2 (docs/engine.md): the spaCy pipeline; unported families run their legacy
    extractors on the same annotation."""
    from streams.extraction import pipeline

    try:
        doc = pipeline.run(article)
    except Exception as exc:
        return _v2_result(exc, when)
    return _v2_result(doc, when)


def _v2_result(doc: Doc | Exception, when: datetime) -> ExtractionResult:
    """The events of an article the pipeline ran over (or the exception that stopped it)."""
    from streams.extraction import pipeline
    from streams.extraction.components.annotation import annotated

    if isinstance(doc, Exception):
        return ExtractionResult(
            [], [ExtractorFailure("pipeline", repr(doc), _short_traceback(doc))]
        )
    ann = annotated(doc)
    if not ann.english:
        return ExtractionResult([], [])
    protos, failures = _run_extractors(ann, pipeline.hybrid_extractors())
    conflict: list[Proto] = []
    try:
        conflict = pipeline.conflict_events(doc)
    except Exception as exc:
        failures.append(ExtractorFailure("conflict_v2", repr(exc), _short_traceback(exc)))
    protos.extend(conflict)
    try:
        protos.extend(pipeline.verbal_events(doc, conflict))
    except Exception as exc:
        failures.append(ExtractorFailure("verbal_v2", repr(exc), _short_traceback(exc)))
    try:
        protos.extend(pipeline.family_events(doc))
    except Exception as exc:
        failures.append(ExtractorFailure("families_v2", repr(exc), _short_traceback(exc)))
    try:
        pipeline.complete_places(ann, protos)
    except Exception as exc:
        failures.append(ExtractorFailure("places_v2", repr(exc), _short_traceback(exc)))
    try:
        pipeline.mark_framed(doc, protos)
    except Exception as exc:
        failures.append(ExtractorFailure("framing_v2", repr(exc), _short_traceback(exc)))
    return _finish(ann, protos, failures, when, partial(pipeline.place_merged, ann))


def run_extractions(
    articles: Sequence[Article],
    *,
    extracted_at: datetime | None = None,
    engine: Engine | None = None,
) -> list[ExtractionResult]:
    """run_extraction over each article, the same results; engine v2 runs its model once over
    the parsed sentences of all of them (pipeline.run_many), which costs less per article than
    one run per article. A caller that holds several articles at once passes them together."""
    if (engine or get_settings().engine) != "spacy":
        return [run_extraction(a, extracted_at=extracted_at, engine=engine) for a in articles]
    from streams.extraction import pipeline

    when = extracted_at or datetime.now(UTC)
    return [_v2_result(doc, when) for doc in pipeline.run_many(articles)]


def extract_many(
    articles: Sequence[Article],
    *,
    extracted_at: datetime | None = None,
    engine: Engine | None = None,
) -> list[list[Event]]:
    """The events of each article (run_extractions, failures dropped)."""
    results = run_extractions(articles, extracted_at=extracted_at, engine=engine)
    return [r.events for r in results]


def extract(
    article: Article, *, extracted_at: datetime | None = None, engine: Engine | None = None
) -> list[Event]:
    """The events of one article; extractor failures are dropped (run_extraction shows them)."""
    return run_extraction(article, extracted_at=extracted_at, engine=engine).events


def registered_extractors() -> list[tuple[str, str]]:
    """(name, version) of every registered extractor, in run order."""
    return [(entry.name, entry.version) for entry in registered()]


def _idle_talk(proto: Proto, mentions: Sequence[ActorMention]) -> bool:
    """An act not told as done (planned, threatened) with no actor and no place, in a sentence
    that names no one: talk of what may be ('could serve military assault purposes'), no event.
    With someone named ('the minister said the strikes would continue') it is their plan."""
    if proto.status == "occurred" or proto.actors or proto.locations:
        return False
    sent = proto.sentence
    return not any(sent.start <= m.start < sent.end for m in mentions)
