"""Engine v2 on acts that made no event before: explosives thrown, dropped or planted, a count
of munitions fired, and protests told as a strike, a staged march or a hartal. Sentences
written for these tests (in no gold set); each case checks type, ACLED codes, doer, place,
date and counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import NamedTuple

import pytest
from spacy.tokens import Doc

from streams.extraction import extract, pipeline
from streams.extraction.components.event_types import agent_kind
from streams.extraction.components.roles import RoleHit
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _one(text: str, acled_type: str) -> Event:
    events = [e for e in _events(text) if e.codes.acled_event_type == acled_type]
    assert len(events) == 1, [e.summary for e in _events(text)]
    return events[0]


def _initiator(event: Event) -> str | None:
    return next((a.name for a in event.actors if a.role == "initiator"), None)


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def _injured(event: Event) -> int | None:
    return event.quantities.injured.value if event.quantities.injured else None


class Expect(NamedTuple):
    kind: str
    sub_type: str
    initiator: str | None
    place: str
    day: str
    killed: int | None
    injured: int | None


EXPLOSIONS = [
    (
        "Two gunmen on a motorbike hurled a homemade bomb at the market in Mandalay on "
        "Saturday, wounding four traders.",
        Expect("grenade_attack", "Grenade", "Gunmen", "Mandalay", "2025-03-01", None, 4),
    ),
    (
        "Army helicopters dropped several bombs on El Fasher on Sunday.",
        Expect("air_strike", "Air/drone strike", None, "El Fasher", "2025-03-02", None, None),
    ),
    (
        "A landmine laid by the rebels killed three farmers near Gulu on Monday.",
        Expect(
            "remote_explosive",
            "Remote explosive/landmine/IED",
            "Rebels",
            "Gulu",
            "2025-03-03",
            3,
            None,
        ),
    ),
    (
        "On Monday the army fired several mortars at Bambari.",
        Expect(
            "missile_attack",
            "Shelling/artillery/missile attack",
            "Central African Republic",
            "Bambari",
            "2025-03-03",
            None,
            None,
        ),
    ),
]


@pytest.mark.parametrize(("text", "expect"), EXPLOSIONS)
def test_explosives_thrown_dropped_planted_or_fired(text: str, expect: Expect) -> None:
    event = _one(text, "Explosions/Remote violence")
    assert event.event_type == expect.kind
    assert event.codes.acled_sub_event_type == expect.sub_type
    assert _initiator(event) == expect.initiator
    assert [loc.name for loc in event.locations] == [expect.place]
    assert event.when.date == expect.day
    assert (_killed(event), _injured(event)) == (expect.killed, expect.injured)


def test_explosives_set_off_by_count_are_an_explosion() -> None:
    text = "Opposition activists blasted 10 crude bombs in front of the district court on Sunday."
    event = _one(text, "Explosions/Remote violence")
    assert event.event_type == "remote_explosive"
    assert event.codes.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert event.locations == []
    assert event.when.date == "2025-03-02"


def test_a_time_after_explode_is_no_count_of_explosives() -> None:
    assert _events("The gas tank exploded at 10:30 in the factory.") == []


def test_an_incendiary_thrown_by_protesters_is_a_riot_not_an_explosion() -> None:
    events = _events("Protesters threw petrol bombs at police in Nairobi on Monday.")
    assert [e.codes.acled_event_type for e in events] == ["Riots"]


def test_a_summary_of_attacks_still_makes_no_event() -> None:
    assert _events("The group has claimed several recent attacks near Gao.") == []


PROTESTS = [
    # text, place, day
    (
        "Lecturers at Makerere University in Kampala launched a strike on Monday over unpaid "
        "allowances.",
        "Kampala",
        "2025-03-03",
    ),
    ("Teachers in Kisumu staged a march on Friday to demand higher pay.", "Kisumu", "2025-02-28"),
    (
        "Opposition parties enforced a dawn-to-dusk hartal in Dhaka on Sunday.",
        "Dhaka",
        "2025-03-02",
    ),
]


@pytest.mark.parametrize(("text", "place", "day"), PROTESTS)
def test_a_strike_a_staged_march_or_a_hartal_is_a_peaceful_protest(
    text: str, place: str, day: str
) -> None:
    event = _one(text, "Protests")
    assert event.event_type == "protest"
    assert event.codes.acled_sub_event_type == "Peaceful protest"
    assert [loc.name for loc in event.locations] == [place]
    assert event.when.date == day


def test_a_strike_launched_by_an_army_is_no_protest() -> None:
    events = _events("The army launched a strike near Gao on Friday.")
    assert "Protests" not in {e.codes.acled_event_type for e in events}


UNNAMED_SIDES = [
    # text, the unnamed side (role, name)
    ("A clan militia attacked a remote settlement on Saturday.", ("initiator", "Militia")),
    ("Unknown men attacked security forces on Saturday.", ("target", "Forces")),
]


@pytest.mark.parametrize(("text", "side"), UNNAMED_SIDES)
def test_a_lone_attack_whose_side_is_named_by_an_armed_word_is_a_battle(
    text: str, side: tuple[str, str]
) -> None:
    event = _one(text, "Battles")
    assert event.event_type == "armed_clash"
    assert event.codes.acled_sub_event_type == "Armed clash"
    assert [(a.role, a.name) for a in event.actors] == [side]
    assert event.when.date == "2025-03-01"


def test_an_attack_beside_a_demonstration_gets_no_unnamed_sides() -> None:
    text = (
        "Protesters marched to the governor's office on Friday. "
        "Later police raided the camp of the militia."
    )
    assert "Battles" not in {e.codes.acled_event_type for e in _events(text)}


def test_who_claimed_to_have_killed_a_fighter_is_the_doer_of_a_battle() -> None:
    event = _one("Al-Shabaab claimed to have killed a soldier in Afgooye on Friday.", "Battles")
    assert event.event_type == "armed_clash"
    assert _initiator(event) == "al-Shabaab"
    assert [loc.name for loc in event.locations] == ["Afgooye"]
    assert event.when.date == "2025-02-28"
    assert _killed(event) == 1


def _hit(doc: Doc, role: str, words: str, head: str) -> RoleHit:
    start = doc.text.index(words)
    at = doc.text.index(head, start)
    trigger = doc.text.index("killed")
    return RoleHit(
        trigger=(trigger, trigger + len("killed")),
        role=role,
        pattern="test",
        head=(at, at + len(head)),
        phrase=(start, start + len(words)),
        text=words,
        base=start if role != "initiator" else -1,
    )


def test_a_place_the_parse_sets_beside_a_fighter_killed_is_no_victim() -> None:
    # the parse of such notes makes the places conjuncts of the victim; only the officer was
    # killed, a fighter of a state force, by armed men: a battle, not nothing
    text = "A police officer was killed by armed drug suspects at Lahug, Cebu province."
    doc = pipeline.run(Article(text=text, published_at=PUB))
    trigger = next(t for t in doc.spans["triggers"] if t.text == "killed")
    officer = _hit(doc, "victims", "A police officer", "officer")
    province = replace(_hit(doc, "victims", "Cebu province", "province"), base=officer.base)
    hits = [_hit(doc, "initiator", "armed drug suspects", "suspects"), officer, province]
    assert agent_kind(doc, trigger, hits) == "armed_clash"
