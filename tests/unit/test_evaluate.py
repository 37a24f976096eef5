"""Scoring of streams.evaluate on hand-made expected / predicted events."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from streams import evaluate as ev
from streams.schemas import (
    Actor,
    Admin1,
    Article,
    Codes,
    Count,
    Event,
    Evidence,
    ExtractorRef,
    Location,
    Quantities,
    When,
)

KYIV = (50.4547, 30.5238)
KHARKIV = (49.9808, 36.2527)
PUB = "2025-10-22T09:00:00Z"


def make_event(
    event_type: str = "air_strike",
    *,
    category: str = "conflict",
    acled: str | None = "Explosions/Remote violence",
    acled_sub: str | None = None,
    place: tuple[str, float, float, str | None] | None = ("Kyiv", *KYIV, "UA-30"),
    date: str | None = "2025-10-22",
    killed: int | None = 6,
    injured: int | None = None,
    actors: tuple[tuple[str, str, str | None], ...] = (
        ("initiator", "Russia", "RUS"),
        ("target", "Ukraine", "UKR"),
    ),
    status: str = "occurred",
) -> Event:
    locations = []
    if place:
        name, lat, lon, code = place
        admin1 = Admin1(name=name, code=code) if code else None
        locations.append(
            Location(name=name, country="UKR", admin1=admin1, latitude=lat, longitude=lon)
        )
    return Event.model_validate(
        {
            "event_id": f"e-{event_type}-{place}",
            "article_id": "a1",
            "extracted_at": datetime(2025, 10, 22, tzinfo=UTC),
            "event_type": event_type,
            "category": category,
            "status": status,
            "codes": Codes(acled_event_type=acled, acled_sub_event_type=acled_sub),
            "actors": [
                Actor(role=role, name=name, kind="state", country=country)
                for role, name, country in actors
            ],
            "locations": locations,
            "when": When(date=date),
            "quantities": Quantities(
                killed=Count(value=killed) if killed is not None else None,
                injured=Count(value=injured) if injured is not None else None,
            ),
            "evidence": Evidence(sentence="s", start=0, end=1),
            "confidence": 0.9,
            "extractor": ExtractorRef(name="test", version="1"),
        }
    )


def gold_event(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "event_type": "air_strike",
        "acled_event_type": "Explosions/Remote violence",
        "status": "occurred",
        "actors": [
            {"role": "initiator", "name": "Russia", "country": "RUS"},
            {"role": "target", "name": "Ukraine", "country": "UKR"},
        ],
        "locations": [
            {
                "name": "Kyiv",
                "country": "UKR",
                "admin1_code": "UA-30",
                "latitude": KYIV[0],
                "longitude": KYIV[1],
            }
        ],
        "date": "2025-10-22",
        "killed": {"value": 6, "qualifier": "at_least"},
        "injured": None,
    }
    base.update(overrides)
    return base


def gold_item(expected: list[dict[str, Any]], item_id: str = "t1") -> ev.GoldItem:
    return ev.GoldItem.model_validate(
        {"id": item_id, "text": "some text", "published_at": PUB, "expected": expected}
    )


def run(expected: list[dict[str, Any]], predicted: list[Event]) -> ev.Report:
    return ev.evaluate([gold_item(expected)], lambda _article: predicted)


def test_evaluate_perfect_match_scores_every_field_one() -> None:
    report = run([gold_event()], [make_event()])
    for name in ("overall", "event_type", "acled_event_type", "actors", "location", "admin1"):
        assert report.fields[name].f1 == 1.0, name
    assert report.fields["actors"].tp == 2
    assert report.fields["killed"].tp == 1
    assert report.fields["injured"].tp + report.fields["injured"].errors == 0


@pytest.mark.parametrize(
    ("gold_sub", "predicted_sub", "counts"),
    [
        ("Air/drone strike", "Air/drone strike", (1, 0, 0)),
        ("Air/drone strike", "Shelling/artillery/missile attack", (0, 1, 1)),
        ("Air/drone strike", None, (0, 0, 1)),
        (None, "Air/drone strike", (0, 0, 0)),  # gold that does not code the field
    ],
)
def test_evaluate_acled_sub_event_type_scored_where_gold_codes_it(
    gold_sub: str | None, predicted_sub: str | None, counts: tuple[int, int, int]
) -> None:
    report = run([gold_event(acled_sub_event_type=gold_sub)], [make_event(acled_sub=predicted_sub)])
    score = report.fields["acled_sub_event_type"]
    assert (score.tp, score.fp, score.fn) == counts


def test_evaluate_gold_sub_event_type_must_belong_to_its_type() -> None:
    with pytest.raises(ValueError, match="not a kind of"):
        gold_item([gold_event(acled_sub_event_type="Peaceful protest")])
    with pytest.raises(ValueError, match="unknown ACLED sub-event type"):
        gold_item([gold_event(acled_sub_event_type="Drone strike")])


@pytest.mark.parametrize(
    ("lat_offset", "matches"),
    [(0.0, True), (0.1, True), (0.2, True), (0.3, False), (3.0, False)],
)
def test_evaluate_location_counts_within_25_km(lat_offset: float, matches: bool) -> None:
    moved = ("Kyiv", KYIV[0] + lat_offset, KYIV[1], "UA-30")
    report = run([gold_event()], [make_event(place=moved)])
    location = report.fields["location"]
    assert (location.tp, location.fp, location.fn) == ((1, 0, 0) if matches else (0, 1, 1))
    assert report.fields["overall"].tp == 1


def test_evaluate_wrong_city_is_location_and_admin1_error() -> None:
    report = run([gold_event()], [make_event(place=("Kharkiv", *KHARKIV, "UA-63"))])
    assert report.fields["location"].f1 == 0.0
    assert (report.fields["admin1"].fp, report.fields["admin1"].fn) == (1, 1)
    assert report.fields["date"].f1 == 1.0


def test_evaluate_missing_event_is_false_negative_in_every_field() -> None:
    report = run([gold_event()], [])
    overall = report.fields["overall"]
    assert (overall.tp, overall.fp, overall.fn) == (0, 0, 1)
    assert overall.precision == 1.0
    assert overall.recall == 0.0
    assert report.fields["actors"].fn == 2
    assert report.fields["killed"].fn == 1


def test_evaluate_extra_event_is_false_positive() -> None:
    extra = make_event("missile_attack", place=("Kharkiv", *KHARKIV, "UA-63"), killed=None)
    report = run([gold_event()], [make_event(), extra])
    overall = report.fields["overall"]
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 0)
    assert report.fields["location"].fp == 1
    assert report.fields["killed"].fp == 0


@pytest.mark.parametrize(
    ("event_type", "category", "conflict", "events"),
    [
        ("air_strike", "conflict", 1, 1),
        ("remote_explosive", "conflict", 1, 1),
        ("diplomatic_meeting", "diplomacy", 0, 1),
    ],
)
def test_evaluate_no_event_text_counts_predicted_conflict(
    event_type: str, category: str, conflict: int, events: int
) -> None:
    report = run([], [make_event(event_type, category=category)])
    assert report.no_event_texts == 1
    assert report.conflict_on_no_event == conflict
    assert report.events_on_no_event == events
    assert report.fields["overall"].fp == 1


def test_evaluate_same_category_wrong_type_is_aligned() -> None:
    report = run([gold_event()], [make_event("missile_attack")])
    assert (report.fields["event_type"].fp, report.fields["event_type"].fn) == (1, 1)
    assert (report.fields["overall"].fp, report.fields["overall"].fn) == (1, 1)
    assert report.fields["location"].tp == 1


def test_evaluate_other_category_is_not_aligned() -> None:
    report = run([gold_event()], [make_event("protest", category="unrest", acled="Protests")])
    assert report.texts[0].pairs == []
    assert report.fields["location"].fp == 1
    assert report.fields["location"].fn == 1


def test_evaluate_aligns_by_location_not_order() -> None:
    kharkiv = gold_event(
        locations=[
            {
                "name": "Kharkiv",
                "country": "UKR",
                "admin1_code": "UA-63",
                "latitude": KHARKIV[0],
                "longitude": KHARKIV[1],
            }
        ],
        killed=1,
    )
    predicted = [make_event(place=("Kharkiv", *KHARKIV, "UA-63"), killed=1), make_event()]
    report = run([gold_event(), kharkiv], predicted)
    assert report.texts[0].pairs == [(0, 1), (1, 0)]
    assert report.fields["location"].f1 == 1.0
    assert report.fields["killed"].f1 == 1.0


@pytest.mark.parametrize(
    ("predicted_killed", "expected_counts"),
    [(6, (1, 0, 0)), (5, (0, 1, 1)), (None, (0, 0, 1))],
)
def test_evaluate_killed_value(
    predicted_killed: int | None, expected_counts: tuple[int, int, int]
) -> None:
    report = run([gold_event()], [make_event(killed=predicted_killed)])
    killed = report.fields["killed"]
    assert (killed.tp, killed.fp, killed.fn) == expected_counts


@pytest.mark.parametrize(
    ("gold_actor", "predicted_actor", "tp"),
    [
        (
            {"role": "initiator", "name": "Russia", "country": "RUS"},
            ("initiator", "Moscow", "RUS"),
            1,
        ),
        ({"role": "initiator", "name": "Russia", "country": "RUS"}, ("target", "Russia", "RUS"), 0),
        ({"role": "initiator", "name": "The Houthis"}, ("initiator", "houthis", None), 1),
        (
            {"role": "initiator", "name": "António Guterres"},
            ("speaker", "Antonio Guterres", None),
            1,
        ),
        (
            {"role": "participant", "name": "Russia", "country": "RUS"},
            ("initiator", "Russia", "RUS"),
            1,
        ),
        (
            {"role": "initiator", "name": "Russia", "country": "RUS"},
            ("initiator", "Ukraine", "UKR"),
            0,
        ),
    ],
)
def test_evaluate_actor_matching(
    gold_actor: dict[str, Any], predicted_actor: tuple[str, str, str | None], tp: int
) -> None:
    report = run([gold_event(actors=[gold_actor])], [make_event(actors=(predicted_actor,))])
    actors = report.fields["actors"]
    assert (actors.tp, actors.fp, actors.fn) == (tp, 1 - tp, 1 - tp)


def test_evaluate_place_without_coordinates_matches_by_name() -> None:
    gold = gold_event(locations=[{"name": "Ukraine", "country": "UKR"}])
    predicted = make_event(place=None)
    predicted.locations = [Location(name="ukraine", country="UKR", precision="country")]
    report = run([gold], [predicted])
    assert report.fields["location"].tp == 1


def test_evaluate_haversine_paris_london() -> None:
    assert ev.haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=2)


@pytest.mark.parametrize(
    ("counts", "prf"),
    [
        ((3, 1, 2), (0.75, 0.6, 2 * 0.75 * 0.6 / 1.35)),
        ((0, 0, 0), (1.0, 1.0, 1.0)),
        ((0, 2, 0), (0.0, 1.0, 0.0)),
        ((0, 0, 4), (1.0, 0.0, 0.0)),
    ],
)
def test_evaluate_field_score_arithmetic(
    counts: tuple[int, int, int], prf: tuple[float, float, float]
) -> None:
    score = ev.FieldScore(*counts)
    assert (score.precision, score.recall, score.f1) == pytest.approx(prf)


def test_evaluate_gold_rejects_unknown_keys_and_types(tmp_path: Path) -> None:
    good = gold_item([gold_event()]).model_dump(mode="json")
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({**good, "extra": 1}) + "\n", encoding="utf-8")
    with pytest.raises(ev.GoldFileError, match=r"g\.jsonl:1"):
        ev.load_gold(path)
    path.write_text(json.dumps({**good, "expected": [gold_event(event_type="bombing")]}) + "\n")
    with pytest.raises(ev.GoldFileError, match="unknown event_type"):
        ev.load_gold(path)


def test_evaluate_gold_folder_and_int_shorthand(tmp_path: Path) -> None:
    for name, count in (("a.jsonl", 1), ("b.jsonl", 2)):
        lines = [
            json.dumps(
                {
                    "id": f"{name}-{i}",
                    "text": "t",
                    "published_at": PUB,
                    "expected": [gold_event(killed=3)],
                }
            )
            for i in range(count)
        ]
        (tmp_path / name).write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    items = ev.load_gold(tmp_path)
    assert [item.id for item in items] == ["a.jsonl-0", "b.jsonl-0", "b.jsonl-1"]
    killed = items[0].expected[0].killed
    assert killed is not None
    assert (killed.value, killed.qualifier) == (3, "exact")
    article = items[0].article()
    assert isinstance(article, Article)
    assert article.id == "a.jsonl-0"


def test_evaluate_main_prints_table_json_and_worst(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    items = [
        gold_item([gold_event()], "hit").model_dump(mode="json"),
        gold_item([gold_event()], "miss").model_dump(mode="json"),
    ]
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")

    def predict(article: Article) -> list[Event]:
        return [make_event()] if article.id == "hit" else []

    monkeypatch.setattr(ev, "_default_predictor", lambda: predict)
    assert ev.main([str(path), "--worst", "3"]) == 0
    table = capsys.readouterr().out
    assert "overall" in table
    assert "== miss" in table
    assert "== hit" not in table
    assert ev.main([str(path), "--json", "--worst", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["overall"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert [w["id"] for w in data["worst"]] == ["miss"]


def test_evaluate_main_reports_bad_gold_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ev.main([str(tmp_path)]) == 2
    assert "no *.jsonl" in capsys.readouterr().err


def test_evaluate_main_half_scores_only_that_half_of_the_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = [f"text-{i}" for i in range(12)]
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        "\n".join(
            json.dumps({"id": i, "text": "Nothing happened.", "published_at": PUB, "expected": []})
            for i in ids
        ),
        encoding="utf-8",
    )
    counts = {}
    for half in ("tune", "check"):
        assert ev.main([str(gold), "--json", "--half", half]) == 0
        counts[half] = json.loads(capsys.readouterr().out)["texts"]
    assert counts["tune"] == sum(ev.half_of(i) == "tune" for i in ids)
    assert counts["tune"] + counts["check"] == len(ids)
    assert 0 < counts["tune"] < len(ids)
