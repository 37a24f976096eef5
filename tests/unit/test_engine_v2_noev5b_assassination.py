"""Engine v2 on a killing told as an assassination with no doer named (round 5, noev5b):
an assassination is a killing aimed at a person for who they are, never street crime
(codebook rule 3, 'Killings with no doer named'), so it is violence against civilians even
with no doer; a plain stabbing or shooting with no doer and no political victim stays crime.
Sentences written for these tests, in no gold set and not in the ACLED cache."""

from __future__ import annotations

from streams.schemas import Event
from tests.unit.test_engine_v2_no_event_notes import MONDAY, _actors, _codes, _events, _one, _places


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


def test_an_assassination_with_no_doer_is_violence_against_civilians() -> None:
    event = _one("A school teacher was assassinated in Quetta on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _actors(event, "initiator") == []
    assert _places(event) == ["Quetta"]
    assert _killed(event) == 1
    assert event.when.date == MONDAY


def test_the_assassination_of_a_named_elder_as_a_noun() -> None:
    event = _one("The assassination of a village elder in Kohat on Monday angered residents.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Kohat"]
    assert _killed(event) == 1


def test_a_planned_assassination_is_no_event() -> None:
    assert _events("The court heard that the clerk had planned to assassinate his manager.") == []


def test_a_robbery_killing_with_no_political_side_stays_crime() -> None:
    assert _events("A grain trader was stabbed to death by robbers in Kohat on Monday.") == []
    assert _events("A grain trader was shot dead outside his shop in Kohat on Monday.") == []
