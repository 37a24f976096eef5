"""Engine v2 on verbal acts of real-text constructions (issue 12, realnews tune half, third
part): appeals to unnamed groups, ... Sentences written for this test, in no gold set and
not in the ACLED cache."""

from __future__ import annotations

import pytest

from tests.unit.test_engine_v2_verbal import _events, _of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _actors(text: str, event_type: str) -> list[tuple[str, str]]:
    found = _of(_events(text), event_type)
    assert len(found) == 1, found
    return [(a.role, a.name) for a in found[0].actors]


def test_an_appeal_to_a_group_asked_to_act_is_an_appeal_with_no_named_target() -> None:
    text = (
        "Kenyan Interior Minister Kithure Kindiki visited Garissa on Monday. "
        "Kindiki urged shopkeepers and bus operators in the county to report strangers."
    )
    assert _actors(text, "appeal") == [("initiator", "Kithure Kindiki")]


def test_a_group_object_with_no_clause_to_act_is_no_addressee() -> None:
    text = (
        "Kenyan Interior Minister Kithure Kindiki visited Garissa on Monday. "
        "Kindiki urged reforms to the county's security laws."
    )
    assert _of(_events(text), "appeal") == []
