"""ACLED admin1 names of regions since split, merged or renamed, or of ACLED's own parts of a
region (acled_scoring.json, admin1_former): a place in a region now covering the old one is in
ACLED's admin1, a place elsewhere is not, and a name that lived on for a remaining region
covers the split-off one only for events before the split. Rows and events written here."""

from __future__ import annotations

from streams import evaluate_acled as acled
from tests.unit.test_evaluate_acled import make_event, make_row


def _hit(iso3: str, acled_admin1: str, place_admin1: tuple[str, str], day: str) -> bool | None:
    row = make_row(iso3=iso3, country="X", admin1=acled_admin1, event_date=day)
    event = make_event(admin1=place_admin1)
    return acled.score_row(row, [event]).hits["admin1"]


def test_a_former_development_region_takes_the_provinces_now_covering_it() -> None:
    assert _hit("NPL", "Central", ("Bagmati", "NP-P3"), "2015-04-01") is True
    assert _hit("NPL", "Central", ("Madhesh Province", "NP-P2"), "2015-04-01") is True
    assert _hit("NPL", "Central", ("Sudurpashchim", "NP-P7"), "2015-04-01") is False


def test_acleds_own_part_of_a_region_is_that_region() -> None:
    assert _hit("MMR", "Shan-North", ("Shan", "MM-17"), "2021-02-01") is True
    assert _hit("MMR", "Shan-North", ("Kachin", "MM-11"), "2021-02-01") is False


def test_an_abbreviation_is_read_in_its_country_only() -> None:
    assert _hit("PHL", "CAR", ("Cordillera", "PH-15"), "2019-05-01") is True
    assert _hit("CAF", "CAR", ("Cordillera", "PH-15"), "2019-05-01") is False


def test_a_name_that_lived_on_covers_the_split_region_only_before_the_split() -> None:
    sidama = ("Southern Nations, Nationalities, and People's", "ET-SI")
    assert _hit("ETH", "Southern Nations", sidama, "2019-10-01") is True
    assert _hit("ETH", "Southern Nations", sidama, "2022-10-01") is False


def test_every_former_region_names_known_iso_codes() -> None:
    import pycountry

    known = {sub.code for sub in pycountry.subdivisions}
    entries = acled.scoring_data().admin1_former
    assert entries
    assert all(code in known for entry in entries for code in entry.codes)
