"""Scoring of ACLED-coded notes (streams.evaluate_acled) on rows and events written here.

No real ACLED row is used: the notes below are made up in ACLED's style.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from streams import evaluate as ev
from streams import evaluate_acled as acled
from streams.schemas import (
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

GARISSA = (-0.4532, 39.6461)
MOMBASA = (-4.0435, 39.6682)


def make_row(**overrides: Any) -> acled.AcledRow:
    base: dict[str, Any] = {
        "event_id_cnty": "KEN0001",
        "event_date": "2021-03-12",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "coding": "current",
        "country": "Kenya",
        "iso3": "KEN",
        "admin1": "Garissa",
        "location": "Garissa",
        "latitude": GARISSA[0],
        "longitude": GARISSA[1],
        "fatalities": 2,
        "notes": "On 12 March 2021, militants clashed with police in Garissa. Two were killed.",
        "source": "test/test:rows.csv",
        "half": "tune",
    }
    base.update(overrides)
    return acled.AcledRow.model_validate(base)


def make_event(
    *,
    acled_type: str | None = "Battles",
    sub: str | None = "Armed clash",
    place: tuple[str, float, float] | None = ("Garissa", *GARISSA),
    admin1: tuple[str, str | None] | None = ("Garissa County", "KE-07"),
    day: str | None = "2021-03-12",
    killed: int | None = 2,
) -> Event:
    locations = []
    if place:
        name, lat, lon = place
        region = Admin1(name=admin1[0], code=admin1[1]) if admin1 else None
        locations.append(
            Location(name=name, country="KEN", admin1=region, latitude=lat, longitude=lon)
        )
    return Event.model_validate(
        {
            "event_id": f"e-{acled_type}-{sub}-{place}",
            "article_id": "a1",
            "extracted_at": datetime(2021, 3, 13, tzinfo=UTC),
            "event_type": "armed_clash",
            "category": "conflict",
            "codes": Codes(acled_event_type=acled_type, acled_sub_event_type=sub),
            "locations": locations,
            "when": When(date=day),
            "quantities": Quantities(killed=Count(value=killed) if killed is not None else None),
            "evidence": Evidence(sentence="s", start=0, end=1),
            "confidence": 0.9,
            "extractor": ExtractorRef(name="test", version="1"),
        }
    )


# --------------------------------------------------------------------------- knowledge file


@pytest.mark.parametrize("example", acled.scoring_data().examples, ids=lambda e: e.text[:40])
def test_scoring_data_examples_read_as_listed(example: Any) -> None:
    assert acled.fatalities_coded_elsewhere(example.text) is example.elsewhere
    assert acled.fatalities_imputed(example.text) is example.imputed


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Borno State", "borno"),
        ("Zaporizhzhia Oblast", "Zaporizhzhia"),
        ("Ségou Region", "Segou"),
        ("Province du Nord-Kivu", "Nord Kivu"),
        ("Al Anbar Governorate", "al-anbar"),
    ],
)
def test_admin1_key_ignores_accents_case_and_unit_words(one: str, other: str) -> None:
    assert acled.admin1_key(one) == acled.admin1_key(other)


def test_admin1_key_keeps_a_name_made_only_of_unit_words() -> None:
    assert acled.admin1_key("Capital") == "capital"


def test_admin1_code_and_country_lookups() -> None:
    assert acled.admin1_code("KEN", "Garissa") == "KE-07"
    assert acled.admin1_code("KEN", "Atlantis") is None
    assert acled.country_alpha3("Democratic Republic of Congo") == "COD"
    assert acled.country_alpha3("Kenya") == "KEN"
    assert acled.country_alpha3("Nowhere", "404") == "KEN"
    assert acled.country_alpha3("Nowhere") is None


# --------------------------------------------------------------------------- rows


def test_row_article_is_published_the_morning_after_the_event() -> None:
    article = make_row().article()
    assert isinstance(article, Article)
    assert article.published_at == datetime(2021, 3, 13, 8, 0, tzinfo=UTC)
    assert article.text.startswith("On 12 March 2021")


def test_row_rejects_a_sub_type_of_another_event_type() -> None:
    with pytest.raises(ValueError, match="not a kind of"):
        make_row(sub_event_type="Peaceful protest")


def test_half_of_is_fixed_by_the_event_id() -> None:
    halves = {ev.half_of(f"KEN{i}") for i in range(40)}
    assert halves == {"tune", "check"}
    assert ev.half_of("KEN7") == ev.half_of(" KEN7 ")


# --------------------------------------------------------------------------- scoring


def test_perfect_event_scores_every_field() -> None:
    result = acled.score_row(make_row(), [make_event()])
    assert result.hits == dict.fromkeys(acled.FIELDS, True)
    assert result.no_event is False


def test_a_field_counts_when_any_event_of_the_note_has_it() -> None:
    wrong = make_event(
        acled_type="Protests", sub="Peaceful protest", place=None, day=None, killed=5
    )
    right = make_event(killed=None)
    result = acled.score_row(make_row(), [wrong, right])
    assert result.hits["event_type"] is True
    assert result.hits["sub_event_type"] is True
    assert result.hits["fatalities"] is False


def test_no_event_misses_every_scored_field() -> None:
    result = acled.score_row(make_row(), [])
    assert result.no_event is True
    assert all(hit is False for hit in result.hits.values())


def test_location_within_25_km_only() -> None:
    near = make_event(place=("Garissa town", GARISSA[0] + 0.1, GARISSA[1]))
    far = make_event(place=("Mombasa", *MOMBASA))
    assert acled.score_row(make_row(), [near]).hits["location"] is True
    assert acled.score_row(make_row(), [far]).hits["location"] is False


def test_admin1_matches_by_iso_code_or_by_name() -> None:
    by_code = make_event(admin1=("Some other spelling", "KE-07"))
    by_name = make_event(admin1=("Garissa County", None))
    wrong = make_event(admin1=("Mombasa", "KE-28"))
    assert acled.score_row(make_row(), [by_code]).hits["admin1"] is True
    assert acled.score_row(make_row(), [by_name]).hits["admin1"] is True
    assert acled.score_row(make_row(), [wrong]).hits["admin1"] is False


def test_fields_absent_from_the_row_are_not_scored() -> None:
    row = make_row(
        coding="legacy",
        sub_event_type=None,
        latitude=None,
        longitude=None,
        admin1=None,
        fatalities=0,
        notes="Militants clashed with police in Garissa.",
    )
    hits = acled.score_row(row, [make_event()]).hits
    assert hits["event_type"] is True
    for name in ("sub_event_type", "location", "admin1", "date_stated", "fatalities"):
        assert hits[name] is None, name
    assert hits["date"] is True


def test_date_stated_needs_the_day_named_in_the_note() -> None:
    stated = make_row(notes="Around March 12th, militants clashed with police.")
    other_day = make_row(notes="On 22 March 2021 the clash was reported again.")
    assert acled.names_event_day(stated)
    assert not acled.names_event_day(other_day)
    assert acled.score_row(stated, [make_event(day="2021-03-13")]).hits["date_stated"] is False


@pytest.mark.parametrize(
    ("notes", "reason"),
    [
        ("Militants attacked a post. 4 fatalities split across 2 events.", "coded or split"),
        ("An unknown number were killed. Unspecified number of fatalities coded as 3.", "unknown"),
    ],
)
def test_fatalities_read_elsewhere_are_left_out_and_counted(notes: str, reason: str) -> None:
    row = make_row(notes=notes)
    result = acled.score_row(row, [make_event()])
    assert result.hits["fatalities"] is None
    assert result.fatalities_left_out is not None
    assert result.fatalities_left_out.startswith(reason)
    report = acled.evaluate_rows([row], lambda _a: [make_event()])
    assert sum(report.fatalities_left_out.values()) == 1
    assert report.fields["fatalities"].total == 0


def test_report_splits_by_country_type_half_and_coding() -> None:
    rows = [
        make_row(),
        make_row(
            event_id_cnty="ETH0002",
            country="Ethiopia",
            iso3="ETH",
            admin1="Oromia",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            fatalities=0,
            half="check",
        ),
    ]
    report = acled.evaluate_rows(rows, lambda _a: [make_event()])
    assert report.rows == 2
    assert report.fields["event_type"].correct == 1
    assert report.fields["event_type"].share == 0.5
    assert report.splits["country"]["Kenya"]["event_type"].share == 1.0
    assert report.splits["country"]["Ethiopia"]["event_type"].share == 0.0
    assert report.splits["sub_event_type"]["Peaceful protest"]["sub_event_type"].correct == 0
    assert report.splits["half"]["check"]["no_event"].total == 1
    data = report.as_dict(worst=5)
    assert data["fields"]["event_type"] == {"correct": 1, "total": 2, "share": 0.5}
    assert [m["event_id_cnty"] for m in data["misses"]] == ["ETH0002"]
    assert "Ethiopia" in acled.format_report(report, min_rows=1)


# --------------------------------------------------------------------------- files and CLI


def write_rows(path: Path, rows: list[acled.AcledRow]) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    return path


def write_gold(path: Path) -> Path:
    """A one-text gold file in the tests/gold format."""
    line = {"id": "g", "text": "t", "published_at": "2021-03-13", "expected": []}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    return path


def test_format_is_detected_from_the_first_line(tmp_path: Path) -> None:
    rows = write_rows(tmp_path / "rows.jsonl", [make_row()])
    gold = write_gold(tmp_path / "gold.jsonl")
    assert acled.is_acled_file(rows)
    assert not acled.is_acled_file(gold)
    assert not acled.is_acled_file(tmp_path)


def test_load_rows_filters_sample_and_half(tmp_path: Path) -> None:
    rows = [
        make_row(event_id_cnty="A1", half="tune", sample=True),
        make_row(event_id_cnty="A2", half="check", sample=True),
        make_row(event_id_cnty="A3", half="check"),
    ]
    path = write_rows(tmp_path / "rows.jsonl", rows)
    assert len(acled.load_rows(path)) == 3
    assert [r.event_id_cnty for r in acled.load_rows(path, sample=True)] == ["A1", "A2"]
    assert [r.event_id_cnty for r in acled.load_rows(path, half="check")] == ["A2", "A3"]
    only = acled.load_rows(path, sample=True, half="check")
    assert [r.event_id_cnty for r in only] == ["A2"]


def test_load_rows_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(make_row().model_dump_json() + "\n{}\n", encoding="utf-8")
    with pytest.raises(acled.AcledFileError, match=r"rows\.jsonl:2"):
        acled.load_rows(path)


def test_evaluate_main_scores_acled_rows_as_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [make_row(sample=True), make_row(event_id_cnty="KEN0002", half="check")]
    path = write_rows(tmp_path / "rows.jsonl", rows)
    monkeypatch.setattr(ev, "_default_predictor", lambda: lambda _article: [make_event()])
    assert ev.main([str(path), "--json", "--sample"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "acled"
    assert data["rows"] == 1
    assert data["fields"]["event_type"]["share"] == 1.0
    assert ev.main([str(path), "--half", "check", "--format", "acled"]) == 0
    assert "ACLED rows: 1" in capsys.readouterr().out


def test_evaluate_main_refuses_acled_options_on_gold(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.jsonl")
    with pytest.raises(SystemExit):
        ev.main([str(gold), "--sample"])
