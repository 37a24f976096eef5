"""Engine v2 on verbal acts of real-text constructions (issue 12, realnews tune half, third
part): appeals to unnamed groups, ... Sentences written for this test, in no gold set and
not in the ACLED cache."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event
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


def test_a_named_actor_who_should_act_in_reported_speech_is_addressed() -> None:
    text = "The Egyptian foreign minister said Ethiopia must stop filling the dam."
    assert _actors(text, "appeal") == [("initiator", "Egypt"), ("target", "Ethiopia")]


def test_a_group_who_should_act_in_reported_speech_is_an_appeal_with_no_named_target() -> None:
    text = "Ghanaian President Nana Akufo-Addo said foreign trawlers should leave Ghanaian waters."
    assert _actors(text, "appeal") == [("initiator", "Nana Akufo-Addo")]


def test_anyone_at_all_or_a_state_body_who_should_act_is_no_addressee() -> None:
    anyone = "Ghanaian President Nana Akufo-Addo said people must know their rights."
    body = "Ghanaian President Nana Akufo-Addo said authorities should act."
    assert _of(_events(anyone), "appeal") == []
    assert _of(_events(body), "appeal") == []


def test_a_modal_outside_reported_speech_is_no_appeal() -> None:
    text = "Ethiopia must stop filling the dam before the rains, according to a 2015 study."
    assert _of(_events(text), "appeal") == []


def test_the_agent_of_a_passive_condemnation_is_its_speaker() -> None:
    text = "Burundi's decision was condemned by Rwanda on Tuesday."
    assert _actors(text, "condemnation") == [("initiator", "Rwanda"), ("target", "Burundi")]
    plain = "Burundi was condemned by Rwanda on Tuesday."
    assert _actors(plain, "condemnation") == [("initiator", "Rwanda"), ("target", "Burundi")]


def test_who_is_named_in_the_charge_is_not_condemned() -> None:
    text = "Rwanda condemned Burundi on Tuesday for deporting traders to Tanzania."
    assert _actors(text, "condemnation") == [("initiator", "Rwanda"), ("target", "Burundi")]


def _titled(title: str, text: str) -> list[Event]:
    article = Article(
        id="headline-test",
        title=title,
        text=text,
        published_at=datetime(2026, 3, 4, 10, tzinfo=UTC),
        source="test",
    )
    return extract(article, engine="spacy")


LEAD = (
    "On Tuesday, the Chilean government said the fishing boat sank after a collision with a "
    "cargo ship. Rescue teams searched the coast overnight."
)


def test_a_state_s_statement_in_the_headline_is_an_event_without_a_target() -> None:
    found = _of(_titled("Chile says fishing boat sank after collision", LEAD), "statement")
    assert [[(a.role, a.name) for a in e.actors] for e in found] == [[("initiator", "Chile")]]
    assert found[0].when.date == "2026-03-03"


def test_the_same_lead_under_another_headline_is_no_statement() -> None:
    other = "Fishing boat sinks after collision off Chile"
    assert _of(_titled(other, LEAD), "statement") == []
    person = "Chilean President says fishing boat sank after collision"
    assert (
        _of(_titled(person, LEAD.replace("the Chilean government", "Gabriel Boric")), "statement")
        == []
    )


def test_a_condemned_operation_is_the_story_s_attack_and_its_doer_the_target() -> None:
    text = (
        "Ethiopian troops shelled rebel positions near Mekelle on Sunday. "
        "The operation was condemned by the African Union on Monday."
    )
    assert _actors(text, "condemnation") == [
        ("initiator", "African Union"),
        ("target", "Ethiopia"),
    ]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "Ramaphosa called on the European Union, the United Kingdom, and the BRICS nations "
            "to cancel the debt of African states.",
            ["European Union", "United Kingdom", "BRICS"],
        ),
        (
            "Erdogan called on the United Nations, the European Union, and the NATO allies to "
            "stop the fighting in Gaza.",
            ["United Nations", "European Union", "NATO"],
        ),
    ],
)
def test_every_addressee_of_a_listed_appeal_is_a_target(text: str, targets: list[str]) -> None:
    """The parse may end the list of addressees early ('..., and the BRICS nations'): the
    actors that go on with the list the syntax names are addressees too."""
    actors = _actors(text, "appeal")
    assert [name for role, name in actors if role == "target"] == targets
