"""The reader checks of the verbatim seed judge events, not their presence."""

from __future__ import annotations

from datetime import UTC, datetime

from benchmarks.seed_checks import CHECKS, run_checks
from streams.schemas import Event


def _meeting(status: str) -> Event:
    return Event.model_validate(
        {
            "event_id": "m",
            "article_id": "a",
            "extracted_at": datetime(2025, 10, 22, tzinfo=UTC),
            "event_type": "diplomatic_meeting",
            "category": "diplomacy",
            "status": status,
            "evidence": {"sentence": "s", "start": 0, "end": 1},
            "confidence": 0.5,
            "extractor": {"name": "t", "version": "1"},
        }
    )


def test_seed_checks_no_events_hold_only_the_negative_checks() -> None:
    held = [name for name, ok in run_checks([]) if ok]
    assert len(CHECKS) == 14
    assert held == ["no meeting as occurred", "no ceasefire proposal by the Treasury"]


def test_seed_checks_meeting_as_occurred_breaks_its_check() -> None:
    assert dict(run_checks([_meeting("occurred")]))["no meeting as occurred"] is False
    assert dict(run_checks([_meeting("cancelled")]))["no meeting as occurred"] is True


def test_seed_checks_every_reader_check_holds_on_the_verbatim_seed() -> None:
    """The user's seed article, verbatim, through the engine: all 14 checks hold (issue 12's
    seed target; each check judges the events, see benchmarks/seed_checks.py)."""
    from benchmarks.seed_checks import SEED
    from streams.articles_io import read_articles
    from streams.extraction import extract

    (loaded,) = read_articles([str(SEED)])
    failed = [name for name, ok in run_checks(extract(loaded.article)) if not ok]
    assert failed == []
