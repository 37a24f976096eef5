"""The stricter actor measure of `streams evaluate` (actor_names): actors match by role and
name only, so a prediction that names the country where it happened for the doer is no
match, while the 'actors' field keeps its meaning (a shared country is a match). Codings
written for these tests."""

from __future__ import annotations

import json

from streams import evaluate as ev
from streams.evaluation.gold import GoldActor, GoldEvent


def _flat(event_type: str, *actors: tuple[str, str, str | None]) -> ev.Flat:
    event = GoldEvent(
        event_type=event_type,
        actors=[GoldActor(role=r, name=n, country=c) for r, n, c in actors],
    )
    return ev.flat_gold(event)


def test_a_shared_country_is_an_actors_match_but_no_name_match() -> None:
    gold = _flat("armed_clash", ("initiator", "insurgents", "TCD"), ("target", "Chad", "TCD"))
    pred = _flat("armed_clash", ("initiator", "Chad", "TCD"), ("target", "Chad", "TCD"))
    result = ev.score_text("t", [gold], [pred])
    assert (result.scores["actors"].tp, result.scores["actors"].fp) == (2, 0)
    names = result.actor_names
    assert (names.tp, names.fp, names.fn) == (1, 1, 1)


def test_names_match_whatever_their_case_and_article() -> None:
    gold = _flat("arrest", ("initiator", "The Police", "KEN"), ("target", "protesters", "KEN"))
    pred = _flat("arrest", ("initiator", "police", None), ("target", "Protesters", "KEN"))
    names = ev.score_text("t", [gold], [pred]).actor_names
    assert (names.tp, names.fp, names.fn) == (2, 0, 0)


def test_roles_still_count_and_unaligned_events_miss_or_add_their_actors() -> None:
    gold = [
        _flat("armed_clash", ("initiator", "rebels", None)),
        _flat("protest", ("initiator", "teachers", None)),
    ]
    pred = [_flat("armed_clash", ("target", "rebels", None))]
    names = ev.score_text("t", gold, pred).actor_names
    assert (names.tp, names.fp, names.fn) == (0, 1, 2)
    extra = ev.score_text("u", [], [_flat("protest", ("initiator", "nurses", None))])
    assert (extra.actor_names.tp, extra.actor_names.fp, extra.actor_names.fn) == (0, 1, 0)


def test_the_report_adds_the_measure_and_keeps_its_fields() -> None:
    report = ev.Report()
    gold = _flat("armed_clash", ("initiator", "militia", "SSD"))
    report.texts.append(
        ev.score_text("t", [gold], [_flat("armed_clash", ("initiator", "South Sudan", "SSD"))])
    )
    data = json.loads(json.dumps(report.as_dict()))
    assert set(data["fields"]) == set(ev.FIELDS)
    assert data["actor_names"]["tp"] == 0
    assert data["actor_names"]["fn"] == 1
    assert "actor names" in ev.format_report(report)
