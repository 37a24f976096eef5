"""Engine v2: an attack on state forces or fighters is a battle even when civilians die too
(forces are never civilians), a toll told of a fight between named sides is that fight, and
an 'encounter' with an armed side is a fight. Sentences written for these tests (in no gold
set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")


def _only(text: str, event_type: str, acled: tuple[str, str]) -> Event:
    """The text's one event, checked for its type and its ACLED codes."""
    events = _events(text)
    assert [e.event_type for e in events] == [event_type]
    codes = events[0].codes
    assert (codes.acled_event_type, codes.acled_sub_event_type) == acled
    return events[0]


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


BATTLE = ("Battles", "Armed clash")


def test_armed_men_attacking_security_forces_and_killing_a_driver_is_a_battle() -> None:
    text = "On 14 May 2024, armed men attacked the security forces in Djibasso and killed a driver."
    event = _only(text, "armed_clash", BATTLE)
    assert event.when.date == "2024-05-14"
    assert _killed(event) == 1


def test_gunmen_killing_traders_stay_violence_against_civilians() -> None:
    text = "On 14 May 2024, gunmen attacked a market in Djibasso and killed four traders."
    event = _only(text, "attack_on_civilians", ("Violence against civilians", "Attack"))
    assert _killed(event) == 4


def test_residents_clashing_with_police_stay_mob_violence() -> None:
    text = "On 14 May 2024, residents clashed with police in Kilimo over a land dispute."
    _only(text, "mob_violence", ("Riots", "Mob violence"))


def test_a_clash_between_named_sides_that_kills_is_the_clash() -> None:
    text = "A clash between the army and an unidentified armed group kills nine near Batangafo."
    assert _killed(_only(text, "armed_clash", BATTLE)) == 9


def test_soldiers_killed_in_an_encounter_with_militants_is_a_clash() -> None:
    text = (
        "Two soldiers were killed and one injured in an encounter with militants in "
        "Kupwara district on Tuesday."
    )
    event = _only(text, "armed_clash", BATTLE)
    injured = event.quantities.injured
    assert (event.when.date, _killed(event), injured and injured.value) == ("2024-05-14", 2, 1)


def test_a_death_in_a_fight_with_no_armed_side_is_no_battle() -> None:
    types = [e.event_type for e in _events("A farmer died in a fight with his neighbour.")]
    assert "armed_clash" not in types
