"""Engine v2: grenades thrown while the sides fight are the armed clash's means (ACLED codes
no grenade event for them), 'returned fire' tells both sides fired, and a takeover told with
a date of its own is background, not the outcome of the fight told just before. Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-03-07T10:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 3, 7, tzinfo=UTC), engine="spacy")


def _types(text: str) -> list[str]:
    return [e.event_type for e in _events(text)]


def test_grenades_thrown_during_an_exchange_of_fire_are_the_clash() -> None:
    text = (
        "Police said officers returned fire after bandits shot at them and threw grenades "
        "in Mandera on Wednesday."
    )
    assert _types(text) == ["armed_clash"]


def test_a_grenade_thrown_with_no_fight_is_a_grenade_attack() -> None:
    events = _events("Bandits threw a grenade at a bus stop in Mandera on Wednesday.")
    assert [e.event_type for e in events] == ["grenade_attack"]
    assert events[0].codes.acled_sub_event_type == "Grenade"


def test_a_takeover_dated_to_another_month_is_not_the_fights_outcome() -> None:
    text = (
        "Rebels attacked army positions near Kalehe on Wednesday, the army said. "
        "The rebels captured Minova in January and have since advanced towards Goma."
    )
    events = _events(text)
    assert "armed_clash" in [e.event_type for e in events]
    assert not any(
        e.event_type.startswith("territory") and e.when.date == "2024-03-06" for e in events
    )
