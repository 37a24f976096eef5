"""Event coreference (streams/extraction/coreference.py): two tellings of one conflict act in an
article are one event with the fields of both; two acts stay two. Places of a relative clause
or of an earlier act ('the deadliest since an attack in X') are not the act's. Articles
written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.annotated import Sentence
from streams.extraction.coreference import fold, same_act
from streams.extraction.extractors.common import Proto
from streams.schemas import Article, Count, Event, Location, When

PUB = "2025-03-04T09:00:00Z"  # a Tuesday


def _events(text: str, category: str = "conflict") -> list[Event]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")
    return [e for e in events if e.category == category]


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def _initiators(event: Event) -> set[str]:
    return {a.name for a in event.actors if a.role == "initiator"}


def test_a_joint_strike_told_by_both_sides_is_one_event_with_both_attackers() -> None:
    events = _events(
        "Iraqi forces killed a senior militant commander in an airstrike in Anbar on "
        "Thursday, officials said. The Pentagon, which runs American operations across the "
        "Middle East, said the commander was killed in a precision airstrike by U.S. forces "
        "on Thursday."
    )
    assert len(events) == 1
    (strike,) = events
    assert strike.event_type == "air_strike"
    assert _initiators(strike) == {"Iraq", "United States"}
    assert [loc.name for loc in strike.locations] == ["Anbar"]
    assert strike.when.date == "2025-02-27"
    assert _killed(strike) == 1


def test_the_attack_named_back_gives_its_toll_to_the_bombing_of_the_lede() -> None:
    events = _events(
        "A car bomb exploded outside a police base in Kandahar on Monday. The blast "
        "destroyed part of the compound. Local officials said the attack killed nine people "
        "and wounded 14."
    )
    assert len(events) == 1
    (bombing,) = events
    assert bombing.event_type == "remote_explosive"
    assert [loc.name for loc in bombing.locations] == ["Kandahār"]
    assert bombing.when.date == "2025-03-03"
    assert _killed(bombing) == 9
    assert bombing.quantities.injured is not None
    assert bombing.quantities.injured.value == 14


def test_two_bombings_in_two_towns_the_same_day_stay_two() -> None:
    events = _events(
        "A roadside bomb killed three soldiers in Kandahar on Monday. Another roadside bomb "
        "killed two police officers in Helmand on Monday."
    )
    assert sorted((loc.name, _killed(e)) for e in events for loc in e.locations) == [
        ("Helmand", 2),
        ("Kandahār", 3),
    ]


def test_two_sides_striking_each_other_are_two_acts() -> None:
    events = _events(
        "Israeli jets struck Hamas positions in Gaza on Monday, killing four people. Hamas "
        "fired rockets at Israel on Monday."
    )
    assert sorted(sorted(_initiators(e)) for e in events) == [["Hamas"], ["Israel"]]


def test_a_place_in_a_relative_clause_on_the_speaker_is_not_the_acts() -> None:
    events = _events(
        "Army spokesman Ali Khan, who commands troops in Quetta, said militants killed four "
        "soldiers in an ambush on Friday."
    )
    assert len(events) == 1
    assert "Quetta" not in {loc.name for loc in events[0].locations}
    assert _killed(events[0]) == 4


def test_the_place_of_an_earlier_act_named_for_comparison_is_not_the_acts() -> None:
    events = _events(
        "A bomb killed 12 people at a market in Mosul on Monday, the deadliest since an "
        "attack in Kirkuk in March."
    )
    assert len(events) == 1
    assert [loc.name for loc in events[0].locations] == ["Mosul"]


def test_a_protest_is_not_split_by_the_places_of_a_relative_clause_after_it() -> None:
    events = _events(
        "Thousands of teachers protested in Nairobi on Tuesday against a court ruling, which "
        "upheld a law passed in Mombasa, Kisumu and Nakuru.",
        category="unrest",
    )
    assert [[loc.name for loc in e.locations] for e in events] == [["Nairobi"]]


def test_a_protest_in_two_cities_is_still_two_events() -> None:
    events = _events(
        "Thousands of teachers protested in Nairobi and Mombasa on Tuesday.", category="unrest"
    )
    assert sorted(loc.name for e in events for loc in e.locations) == ["Mombasa", "Nairobi"]


def _telling(text: str, trigger: str, index: int) -> Proto:
    start = text.index(trigger)
    sentence = Sentence(index, 0, len(text), text)
    return Proto("air_strike", sentence, (start, start + len(trigger)), "test", "0")


_MONDAY = When(date="2025-03-03", precision="day")


def test_a_telling_marked_as_another_act_is_not_folded() -> None:
    first = _telling("A drone strike hit a convoy on Monday.", "drone strike", 0)
    first.when, first.date_explicit = _MONDAY, True
    again = _telling("The strike destroyed two trucks.", "strike", 1)
    other = _telling("Another drone strike hit a market on Monday.", "drone strike", 2)
    other.when, other.date_explicit = _MONDAY, True
    conflict = frozenset({"air_strike"})
    assert same_act(first, again, conflict)  # named back, nothing of its own: one act
    assert not same_act(first, other, conflict)  # 'another': an act of its own
    assert len(fold([first, again, other], conflict)) == 2


def test_tellings_with_two_exact_tolls_and_no_reference_are_two_acts() -> None:
    kidal = [Location(name="Kidal", country="MLI", precision="city")]
    first = _telling("A drone strike killed three people in Kidal on Monday.", "drone", 0)
    first.when, first.date_explicit, first.killed = _MONDAY, True, Count(value=3)
    second = _telling("A drone strike killed five people in Kidal on Monday.", "drone", 1)
    second.when, second.date_explicit, second.killed = _MONDAY, True, Count(value=5)
    first.locations, second.locations = kidal, kidal
    conflict = frozenset({"air_strike"})
    assert not same_act(first, second, conflict)
    second.killed = Count(value=3)  # the same town, day and toll: the act told again
    assert same_act(first, second, conflict)
