"""Engine v2 on acts it used to leave with no event (ACLED notes of strategic developments,
riots and violence against civilians): sentences written for these tests, in no gold set and
not in the ACLED cache, checking the type, ACLED codes, actors, place and date of each event
and that the near misses of each rule make none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday: 'on Monday' is 2025-03-03
MONDAY = "2025-03-03"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _one(text: str) -> Event:
    found = _events(text)
    assert len(found) == 1, [e.summary for e in found]
    return found[0]


def _codes(event: Event) -> tuple[str | None, str | None]:
    return event.codes.acled_event_type, event.codes.acled_sub_event_type


def _places(event: Event) -> list[str]:
    return [place.name for place in event.locations]


def _actors(event: Event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def test_riot_in_the_opening_sentence_is_kept_unlocated() -> None:
    event = _one("Traders angry over new taxes vandalised the market office.")
    assert event.event_type == "mob_violence"
    assert _codes(event) == ("Riots", "Mob violence")
    assert _places(event) == []


def test_unlocated_riot_after_the_opening_sentence_is_no_news() -> None:
    text = "The minister opened a bridge. Traders angry over new taxes later vandalised the office."
    assert _events(text) == []


def test_stones_hurled_as_the_means_of_a_crowd_act_are_the_crowd_riot() -> None:
    event = _one("Party supporters damaged a bus by hurling stones at it in Rajshahi on Monday.")
    assert _codes(event) == ("Riots", "Mob violence")
    assert _places(event) == ["Rajshahi"]
    assert event.when.date == MONDAY


def test_stones_hurled_by_police_make_no_riot() -> None:
    assert (
        _events("Police dispersed the crowd by hurling stones at them in Kisumu on Monday.") == []
    )


def test_a_number_of_an_armed_group_gathering_is_a_movement_of_forces() -> None:
    event = _one("On Monday, a large number of Al Shabaab gathered near Jilib town.")
    assert event.event_type == "group_change"
    assert _codes(event) == ("Strategic developments", "Change to group/activity")
    assert _actors(event, "initiator") == ["al-Shabaab"]
    assert _places(event) == ["Jilib"]
    assert event.when.date == MONDAY


def test_a_number_of_villagers_gathering_is_no_movement_of_forces() -> None:
    assert _events("On Monday, a large number of villagers gathered in Jilib town.") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "On Monday, some 30 members of the Kaba militia surrendered to government troops "
            "near Bossangoa.",
            "Bossangoa",
        ),
        (
            "On Monday, 40 fighters of the NLA surrendered their rifles to the army in Kapoeta "
            "town.",
            "Kapoeta",
        ),
    ],
)
def test_a_surrender_to_forces_is_an_agreement(text: str, place: str) -> None:
    event = _one(text)
    assert event.event_type == "agreement"
    assert _codes(event) == ("Strategic developments", "Agreement")
    assert _places(event) == [place]
    assert event.when.date == MONDAY


def test_a_suspect_surrendering_to_police_is_no_development() -> None:
    assert _events("The suspect surrendered to the police in Nairobi on Monday.") == []


def test_an_agreement_with_a_clan_names_the_clan_as_a_side() -> None:
    event = _one(
        "On Monday, Al Shabaab reached an agreement with the Hawiye sub-clan in Jowhar town."
    )
    assert _codes(event) == ("Strategic developments", "Agreement")
    participants = _actors(event, "participant")
    assert "al-Shabaab" in participants and len(participants) == 2
    assert _places(event) == ["Jawhar"]


def test_an_agreement_with_unnamed_elders_has_one_side_and_is_none() -> None:
    assert (
        _events("On Monday, Al Shabaab reached an agreement with the elders in Jowhar town.") == []
    )


def test_police_arrest_in_a_text_naming_no_country() -> None:
    event = _one("Police arrested 14 traders on suspicion of fraud on Monday.")
    assert _codes(event) == ("Strategic developments", "Arrests")
    assert _actors(event, "initiator") == ["Police"]
    assert _actors(event, "target") == ["Traders"]
    assert event.when.date == MONDAY


def test_a_participle_arrest_with_an_object_is_told() -> None:
    event = _one("Police in a raid arrested 12 men at a market in Gazipur on Monday.")
    assert _codes(event) == ("Strategic developments", "Arrests")
    assert _places(event) == ["Gazipur"]
    assert _actors(event, "initiator") == ["Bangladesh"]


@pytest.mark.parametrize(
    "text",
    [
        "Residents arrested a thief on Monday.",
        "Police have arrested 2,400 people since February 1.",
    ],
)
def test_arrests_by_no_force_or_over_a_span_are_none(text: str) -> None:
    assert _events(text) == []


def test_gunmen_shooting_a_civilian_is_violence_against_civilians() -> None:
    event = _one("Unidentified gunmen shot a teacher in Mardan on Monday.")
    assert event.event_type == "attack_on_civilians"
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Mardan"]
    assert event.when.date == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "The director shot a film in Lagos on Monday.",
        "A man shot his neighbour in Nairobi on Monday after a quarrel.",
    ],
)
def test_a_shot_with_no_armed_doer_or_no_victim_is_none(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "event_type", "codes", "place"),
    [
        (
            "Militia burns homes in Bentiu",
            "attack_on_infrastructure",
            ("Strategic developments", "Looting/property destruction"),
            "Bentiu",
        ),
        (
            "Cadres beat residents in Kabwe.",
            "attack_on_civilians",
            ("Violence against civilians", "Attack"),
            "Kabwe",
        ),
    ],
)
def test_headline_present_with_plural_victims_is_news(
    text: str, event_type: str, codes: tuple[str, str], place: str
) -> None:
    event = _one(text)
    assert event.event_type == event_type
    assert _codes(event) == codes
    assert _places(event) == [place]


def test_a_habit_in_the_present_is_no_news() -> None:
    assert _events("Herders often attack farmers in Benue.") == []


def test_fighters_occupying_a_village_is_a_transfer_of_territory() -> None:
    event = _one("On Monday, Mai-Mai fighters occupied the village of Kitchanga without a fight.")
    assert event.event_type == "territory_transfer"
    assert _codes(event) == ("Strategic developments", "Non-violent transfer of territory")
    assert _actors(event, "initiator") == ["Mai-Mai"]
    assert event.when.date == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "Protesters occupied the main square of Bamako on Monday.",
        "Russia has occupied Crimea since 2014.",
        "Residents of the occupied territories voted on Sunday.",
    ],
)
def test_an_occupation_by_no_armed_side_or_of_long_ago_is_no_transfer(text: str) -> None:
    assert "territory_transfer" not in {e.event_type for e in _events(text)}
