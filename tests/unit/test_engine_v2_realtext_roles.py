"""Engine v2 on real-text constructions (issue 12, realnews tune half), second part: who was
arrested, ... Sentences written for this test, in no gold set and not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _targets(text: str, event_type: str) -> list[tuple[str, str | None]]:
    found = _of(_events(text), event_type)
    assert len(found) == 1, found
    return [(a.name, a.country) for a in found[0].actors if a.role == "target"]


def test_the_passive_subject_of_an_arrest_is_its_target_as_a_description() -> None:
    text = "Police in Kisumu, Kenya, arrested at least 40 people on Friday night."
    assert _targets(text, "arrest") == [("People", "KEN")]
    passive = "At least 40 people were arrested by Kenyan police in Kisumu on Friday night."
    assert _targets(passive, "arrest") == [("People", "KEN")]


def test_a_named_group_in_the_arrested_phrase_is_the_target() -> None:
    text = "Ugandan troops arrested six Al-Shabaab fighters in Kismayo on Monday."
    assert [name for name, _ in _targets(text, "arrest")] == ["al-Shabaab"]


def test_a_person_told_in_another_clause_is_not_who_was_arrested() -> None:
    text = (
        "A 30-year-old man was arrested by Kenyan police in Kisumu on Monday after the "
        "governor, Peter Anyang Nyong'o, was stabbed."
    )
    assert _targets(text, "arrest") == [("Man", "KEN")]


def test_dozens_of_protesters_names_who_was_arrested() -> None:
    text = "Nigerian police detained dozens of protesters in Lagos on Monday."
    assert [name for name, _ in _targets(text, "arrest")] == ["Protesters"]


def test_a_participle_that_describes_people_tells_no_arrest() -> None:
    events = _events(
        "The opposition in Minsk demanded on Monday the release of political prisoners "
        "arrested during the campaign."
    )
    assert _of(events, "arrest") == []
