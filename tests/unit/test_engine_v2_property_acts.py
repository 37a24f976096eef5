"""Engine v2: a conflict sentence that tells only looting or destruction of property (no
attack, killing, clash or explosion) is that act, ACLED Looting/property destruction, not a
clash or an attack on people; weapons recovered with no harm told are disrupted weapons use,
not a bombing; a killing told beside the looting keeps the attack. Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"
LOOTING = ("Strategic developments", "Looting/property destruction")


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")


def _codes(events: list[Event]) -> list[tuple[str | None, str | None]]:
    return [(e.codes.acled_event_type, e.codes.acled_sub_event_type) for e in events]


def test_gunmen_looting_cattle_is_looting() -> None:
    text = (
        "On 13 May 2024, unknown gunmen looted a motorbike and livestock in the village of Tanlili."
    )
    events = _events(text)
    assert [e.event_type for e in events] == ["attack_on_infrastructure"]
    assert _codes(events) == [LOOTING]
    assert events[0].when.date == "2024-05-13"


def test_rebels_burning_trucks_is_property_destruction() -> None:
    text = "On 13 May 2024, rebels set fire and destroyed three trucks carrying maize near Bouar."
    events = _events(text)
    assert _codes(events) == [LOOTING]
    assert any(a.role == "initiator" and "Rebel" in a.name for a in events[0].actors)


def test_militants_destroying_a_mast_is_property_destruction() -> None:
    events = _events("On 13 May 2024, militants destroyed a mobile phone mast near Garissa.")
    assert _codes(events) == [LOOTING]
    assert [loc.name for loc in events[0].locations] == ["Garissa"]


def test_a_killing_beside_the_looting_stays_an_attack() -> None:
    text = "On 13 May 2024, unknown gunmen killed two herders and looted their cattle in Kaya."
    codes = _codes(_events(text))
    assert ("Violence against civilians", "Attack") in codes


def test_landmines_recovered_by_the_army_are_disrupted_weapons_use() -> None:
    text = (
        "On 13 May 2024, in Lianga town, the army recovered landmines, bomb-making materials "
        "and rifles believed to belong to the rebels."
    )
    events = _events(text)
    assert [e.event_type for e in events] == ["disrupted_weapons_use"]
    assert _codes(events) == [("Strategic developments", "Disrupted weapons use")]


def test_a_roadside_bomb_that_kills_stays_an_explosion() -> None:
    text = "On 13 May 2024, a roadside bomb killed two soldiers near Lianga."
    assert _codes(_events(text)) == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    ]
