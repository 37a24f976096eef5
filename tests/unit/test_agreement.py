"""Agreement between two codings is scored field by field, over the texts both code."""

from __future__ import annotations

from typing import Any

from benchmarks.agreement import agreement
from streams import evaluate as ev

PUB = "2025-10-22T09:00:00Z"


def _item(item_id: str, expected: list[dict[str, Any]]) -> ev.GoldItem:
    return ev.GoldItem.model_validate(
        {"id": item_id, "text": "t", "published_at": PUB, "expected": expected}
    )


def _strike(date: str, killed: int) -> dict[str, Any]:
    return {
        "event_type": "air_strike",
        "actors": [{"role": "initiator", "name": "Russia", "country": "RUS"}],
        "date": date,
        "killed": killed,
    }


def test_agreement_scores_only_shared_texts_and_each_field() -> None:
    first = [
        _item("a", [_strike("2025-10-22", 6)]),
        _item("only-first", [_strike("2025-10-21", 1)]),
    ]
    second = [_item("a", [_strike("2025-10-21", 6)])]
    report = agreement(first, second)
    assert [t.id for t in report.texts] == ["a"]
    assert report.fields["overall"].f1 == 1.0
    assert report.fields["killed"].f1 == 1.0
    assert (report.fields["date"].tp, report.fields["date"].fp, report.fields["date"].fn) == (
        0,
        1,
        1,
    )


def test_agreement_an_event_one_side_lacks_costs_recall() -> None:
    first = [_item("a", [_strike("2025-10-22", 6), {"event_type": "protest"}])]
    second = [_item("a", [_strike("2025-10-22", 6)])]
    overall = agreement(first, second).fields["overall"]
    assert (overall.tp, overall.fp, overall.fn) == (1, 0, 1)
