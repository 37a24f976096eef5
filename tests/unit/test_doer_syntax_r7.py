"""Engine v2: the doer of an act from its syntax. A country's name read as the doer outside
every doer phrase of the parse (the place, a possessor) yields to the doer the parse names; a
by-agent named only by a common word is the doer when none was read (an armed word: an
unnamed armed group; a word of a state's forces: that state's forces); a by-agent of an
'after being ...ed by X' clause is the act's doer; a state's forces that kill a protester in
a demonstration's story use force on it. Sentences written for these tests, in no gold set."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _doers(text: str) -> set[tuple[str, str | None, str]]:
    events = [e for e in _events(text) if e.category == "conflict"]
    assert len(events) == 1, [e.event_type for e in events]
    return {(a.name, a.country, a.kind) for a in events[0].actors if a.role == "initiator"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the country after the by-agent is where it happened, not who acted
            "Two policemen were shot dead by insurgents in eastern Niger on Monday.",
            {("Insurgents", "NER", "group")},
        ),
        (  # a possessor ('Mali's minister') is no doer; an armed phrase names the doer
            "Mali's defence minister escaped unhurt after armed men attacked his convoy near "
            "Gao on Tuesday.",
            {("armed men", "MLI", "group")},
        ),
        (  # a state named before its forces stays the doer, whatever another act's doer
            "Near Hpakant on Monday, the Myanmar military fired at a camp where KIA fighters "
            "had raided a police post.",
            {("Myanmar", "MMR", "state")},
        ),
        (  # 'killed after being fired on by X': X is the doer of the killing
            "Four soldiers were killed after being fired on by rebels near Kidal, Mali, on Sunday.",
            {("Rebels", "MLI", "group")},
        ),
        (  # a by-agent named by an armed word, where nothing else was read
            "Five herders were hacked to death by militiamen near Beni, Congo, on Sunday.",
            {("Militiamen", "COD", "group")},
        ),
        (  # a by-agent named by a word of a state's forces: that state's forces
            "A trader was beaten to death by soldiers in Bunia, Congo, on Friday.",
            {("Democratic Republic of the Congo", "COD", "armed_forces")},
        ),
        (  # a name the dictionaries lack is not turned into a bare 'Police' group
            "Two herders were shot dead by Dinka police in Juba on Friday.",
            set(),
        ),
    ],
)
def test_doer_from_syntax(text: str, expected: set[tuple[str, str | None, str]]) -> None:
    assert _doers(text) == expected


def test_the_place_is_no_doer_and_the_victims_stay_victims() -> None:
    events = _events("Five herders were hacked to death by militiamen near Beni, Congo, on Sunday.")
    sides = {(a.role, a.name) for a in events[0].actors}
    assert ("target", "civilians") in sides
    assert all(a.name != "Democratic Republic of the Congo" for a in events[0].actors)
    assert events[0].event_type == "attack_on_civilians"


def test_a_state_force_killing_in_a_demonstration_is_force_used_on_it() -> None:
    events = _events(
        "Hundreds of teachers protested in Bamenda, Cameroon, on Monday over unpaid wages. One "
        "protester was shot dead by soldiers in Bamenda."
    )
    assert [e.event_type for e in events] == ["excessive_force_against_protesters"]
    doers = {(a.name, a.kind) for a in events[0].actors if a.role == "initiator"}
    assert doers == {("Cameroon", "armed_forces")}
    assert events[0].codes.acled_event_type == "Protests"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a force named by a proper name in the by-agent makes the arrest
            "Two journalists were arrested by the Harbour District Police in Accra, Ghana, on "
            "Monday.",
            {("Harbour District Police", "GHA", "armed_forces")},
        ),
        (  # 'by police' alone: the state's police, coded as the state
            "Three students were arrested by police in Nairobi, Kenya, on Monday.",
            {("Kenya", "KEN", "state")},
        ),
    ],
)
def test_arrest_maker_from_the_by_agent(
    text: str, expected: set[tuple[str, str | None, str]]
) -> None:
    arrests = [e for e in _events(text) if e.event_type == "arrest"]
    assert len(arrests) == 1
    doers = {(a.name, a.country, a.kind) for a in arrests[0].actors if a.role == "initiator"}
    assert doers == expected
    assert any(a.role == "target" for a in arrests[0].actors)
