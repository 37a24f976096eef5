"""Field rules of issue 12's ACLED targets: admin1 of towns, admin1 identity in the ACLED
scorer, dates and tolls written the way coders' notes write them. Sentences written here."""

from __future__ import annotations

import pytest

from streams import evaluate_acled as acled
from streams.evaluation.acled_codes import admin1_compact, admin1_identity
from streams.extraction import extract
from streams.extraction.gazetteer import gazetteer
from streams.schemas import Admin1, Article, Event, Location
from tests.unit.test_evaluate_acled import make_row


def _events(text: str, published: str = "2024-06-06T09:00:00Z") -> list[Event]:
    return extract(Article(id="t", text=text, published_at=published))


@pytest.mark.parametrize(
    ("town", "country", "code", "name"),
    [
        ("Surabaya", "ID", "ID-JI", "East Java"),
        ("Samarinda", "ID", "ID-KI", "East Kalimantan"),
        ("Makassar", "ID", "ID-SN", "South Sulawesi"),
        ("Jayapura", "ID", "ID-PA", "Papua"),
        ("Techiman", "GH", "GH-BE", "Bono East"),
        ("Damongo", "GH", "GH-SV", "Savannah"),
        ("Birendranagar", "NP", "NP-P6", "Karnali Province"),
        ("Jawhar", "SO", "SO-SD", "Middle Shabelle"),
        ("Kaga-Bandoro", "CF", "CF-KB", "Nana-Grébizi"),
        ("Abéché", "TD", "TD-OD", "Ouaddaï"),
        ("Wau", "SS", "SS-BW", "Western Bahr el Ghazal"),
    ],
)
def test_gazetteer_towns_carry_their_province(
    town: str, country: str, code: str, name: str
) -> None:
    places = [p for p in gazetteer().places.get(town, []) if p.country2 == country]
    biggest = max(places, key=lambda p: p.population)
    assert (biggest.admin1_code, biggest.admin1_name) == (code, name)


def test_extraction_town_event_reports_its_province() -> None:
    events = _events("Police fired tear gas at students protesting in Makassar on Tuesday.")
    places = [(p.name, p.admin1.code if p.admin1 else None) for e in events for p in e.locations]
    assert places == [("Makassar", "ID-SN")]


@pytest.mark.parametrize(
    ("country", "one", "other", "code"),
    [
        ("SOM", "Hiraan", "Hiiraan", "SO-HI"),  # a doubled vowel
        ("SOM", "Galgaduud", "Galguduud", "SO-GA"),  # a transliteration: the same skeleton
        ("CAF", "Ombella-M'Poko", "Ombella-Mpoko", "CF-MP"),  # punctuation inside the name
        ("IDN", "Jakarta", "Jakarta Raya", "ID-JK"),  # an alias of the gazetteer
        ("IDN", "Southeast Sulawesi", "Sulawesi Tenggara", "ID-SG"),  # English and Indonesian
        ("PHL", "BARMM", "Autonomous Region in Muslim Mindanao", "PH-14"),  # the region renamed
    ],
)
def test_acled_admin1_identity_one_region_two_spellings(
    country: str, one: str, other: str, code: str
) -> None:
    assert admin1_identity(country, one) == admin1_identity(country, other) == code


def test_acled_admin1_identity_keeps_regions_apart() -> None:
    assert admin1_identity("SOM", "Bari") != admin1_identity("SOM", "Bay")
    assert admin1_identity("SOM", "Atlantis") is None
    assert admin1_compact("Upper East") != admin1_compact("Upper West")


def _row(admin1: str) -> acled.AcledRow:
    return make_row(country="Somalia", iso3="SOM", admin1=admin1)


def _event_in(region: str, code: str | None) -> Event:
    text = "Militants clashed with soldiers in Beledweyne on Monday, killing two soldiers."
    event = _events(text)[0]
    place = Location(name="Somewhere", country="SOM", admin1=Admin1(name=region, code=code))
    return event.model_copy(update={"locations": [place]})


def test_acled_scorer_compares_admin1_by_identity_for_gold_and_prediction() -> None:
    assert acled.score_row(_row("Hiraan"), [_event_in("Hiiraan", "SO-HI")]).hits["admin1"]
    assert acled.score_row(_row("Galgaduud"), [_event_in("Galguduud", None)]).hits["admin1"]
    assert not acled.score_row(_row("Bay"), [_event_in("Bari", "SO-BR")]).hits["admin1"]
    assert not acled.score_row(_row("Hiraan"), [_event_in("Bakool", None)]).hits["admin1"]


def _killed(text: str) -> list[tuple[str | None, int | None]]:
    return [
        (e.codes.acled_event_type, e.quantities.killed.value if e.quantities.killed else None)
        for e in _events(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated phrases that each name one person add up
        (
            "A farmer and a teacher were killed when gunmen attacked a village near Wajir.",
            [("Violence against civilians", 2)],
        ),
        # a singular subject of 'died' is one dead
        (
            "A civilian died when a grenade was thrown at a bar in Mombasa.",
            [("Explosions/Remote violence", 1)],
        ),
        # a toll told in a later sentence with no doer of its own
        (
            "Soldiers clashed with rebels near Mandera on Monday. The fighting lasted hours. "
            "Five rebels died.",
            [("Battles", 5)],
        ),
        # a riot's dead, in its sentence or a later one
        (
            "Traders rioted in Kisumu on Monday over new market fees. A trader died in the chaos.",
            [("Riots", 1)],
        ),
        ("A teacher was killed during a riot at a college in Nakuru on Monday.", [("Riots", 1)]),
        # 'beat/lynch X to death': X are the dead
        ("A mob lynched two suspected thieves to death in Kisii.", [("Riots", 2)]),
        # a headline's reduced passive: 'N X killed by Y'
        ("Two women killed by bandits near Wajir.", [("Violence against civilians", 2)]),
        ("Herder killed by soldiers near Wajir.", [("Violence against civilians", 1)]),
        # 'succumbed to his injuries' is a death; 'succumb to pressure' is none
        (
            "Police clashed with rioters in Kisumu on Friday. A rioter who was shot succumbed "
            "to his injuries in hospital.",
            [("Riots", 1)],
        ),
        (
            "The minister said the government will not succumb to pressure from gangs who "
            "attacked Kisumu.",
            [("Battles", None)],
        ),
    ],
)
def test_tolls_in_the_forms_of_coders_notes(
    text: str, expected: list[tuple[str | None, int | None]]
) -> None:
    assert _killed(text) == expected


def test_a_later_toll_of_another_time_or_with_its_own_doer_is_not_the_events() -> None:
    past = "Soldiers clashed with rebels near Mandera on Monday. In 2019, forty rebels were killed."
    assert _killed(past) == [("Battles", None)]
    doer = "Soldiers clashed with rebels near Mandera. Police later killed two robbers in Garissa."
    assert ("Battles", None) in _killed(doer)


def _places(text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (p.name, p.admin1.code if p.admin1 else None, p.latitude is not None)
        for e in _events(text)
        for p in e.locations
    ]


def test_note_places_an_unknown_village_gives_way_to_a_located_place_of_its_sentence() -> None:
    text = (
        "On 3 May 2021, gunmen abducted a trader in Xanadoo village, 30 km from Bozoum "
        "(Bozoum, Ouham Pende)."
    )
    assert _places(text) == [("Bozoum", "CF-OP", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents of Kisumu protested on Monday against the killing of a teacher.", "Kisumu"),
        ("Hundreds of students took to the streets of Nakuru to protest against fees.", "Nakuru"),
        ("Eldoret residents marched on Friday against rising fuel prices.", "Eldoret"),
        ("Supporters of the Kisumu governor protested on Monday against his arrest.", None),
    ],
)
def test_a_demonstration_takes_the_town_its_crowd_is_of(text: str, expected: str | None) -> None:
    assert [name for name, _code, _located in _places(text)] == ([expected] if expected else [])
