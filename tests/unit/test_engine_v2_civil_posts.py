"""Engine v2: the holder of a civil-service post named by an armed head word ('a municipal
health officer', 'a tax inspector') is a civilian, so killing them is violence against
civilians; a force's word before the head ('a police officer') keeps the victim armed and the
killing a battle (data/en/civilians.json `civil_posts`). Captives who are all fighters or
forces ('rebels kidnapped two soldiers') are no abduction (ACLED: violence against civilians):
a battle. Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"
VAC = ("Violence against civilians", "Attack")
BATTLE = ("Battles", "Armed clash")


def _only(text: str) -> Event:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")
    assert len(events) == 1, [e.event_type for e in events]
    return events[0]


def _acled(event: Event) -> tuple[str | None, str | None]:
    return (event.codes.acled_event_type, event.codes.acled_sub_event_type)


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def test_a_municipal_health_officer_shot_dead_by_gunmen_is_violence_against_civilians() -> None:
    event = _only("On 14 May 2024, gunmen shot dead a municipal health officer in Kandahar.")
    assert event.event_type == "attack_on_civilians"
    assert _acled(event) == VAC
    assert event.when.date == "2024-05-14"
    assert _killed(event) == 1
    assert [p.name for p in event.locations] == ["Kandahār"]


def test_an_election_officer_killed_with_his_son_is_violence_against_civilians() -> None:
    text = (
        "On 14 May 2024, an election officer was shot dead and his son was wounded by "
        "unidentified assailants in Kandahar."
    )
    event = _only(text)
    assert event.event_type == "attack_on_civilians"
    assert _acled(event) == VAC


def test_a_district_police_officer_shot_dead_by_gunmen_stays_a_battle() -> None:
    event = _only("On 14 May 2024, gunmen shot dead a district police officer in Kandahar.")
    assert event.event_type == "armed_clash"
    assert _acled(event) == BATTLE
    assert _killed(event) == 1


# Captives who are fighters or state forces: ACLED's abduction is violence against civilians.


def test_rebels_kidnapping_soldiers_is_a_battle_not_an_abduction() -> None:
    event = _only("On 14 May 2024, rebels kidnapped two soldiers near Kandahar.")
    assert event.event_type == "armed_clash"
    assert _acled(event) == BATTLE
    assert event.when.date == "2024-05-14"


def test_a_soldier_taken_after_an_assault_on_an_army_post_leaves_the_battle() -> None:
    text = (
        "On 14 May 2024, militants attacked an army post near Kandahar, clashing with the "
        "troops for hours. A soldier was kidnapped."
    )
    event = _only(text)
    assert event.event_type == "armed_clash"
    assert _acled(event) == BATTLE


def test_rebels_kidnapping_teachers_stays_an_abduction() -> None:
    event = _only("On 14 May 2024, rebels kidnapped two teachers near Kandahar.")
    assert event.event_type == "abduction"
    assert _acled(event) == ("Violence against civilians", "Abduction/forced disappearance")
    assert [a.name for a in event.actors if a.role == "target"] == ["civilians"]
