"""Tolls and merges read by meaning (codebook rule 8: all the dead of the happening; ACLED's
most conservative figure), round 8:

- a telling of an act with a later time of its own ('Days later, a roadside bomb ...') is an
  act of its own, never merged into an act told before; a bare toll with such a time ('the
  next day two more died') still adds to it;
- the dead told 'in the attack' belong to the attack told before even while its type waits
  for the merge;
- a victims phrase that opens with a one-person word counts one where no singular noun heads
  it ('a 30-year-old'); an amount or a group does not ('a group of farmers');
- a killing told with no doer right before the attack that names the doer is that attack's
  toll;
- the clipped passive of notes ('6 militants killed and 2 injured') counts its subjects as the
  dead and wounded; a verb of two sides ('fought with police') stays active.

Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.components.families.headlines import reduced_passives
from streams.extraction.nlp import parse
from streams.schemas import Article

PUB = "2024-05-04T08:00:00Z"


def _events(text: str) -> list[tuple[str, int | None, int | None]]:
    """(type, dead, wounded) of each event of the text, published the day after."""
    when = datetime(2024, 5, 4, tzinfo=UTC)
    found = extract(Article(text=text, published_at=PUB), extracted_at=when, engine="spacy")
    counts = [(e.event_type, e.quantities.killed, e.quantities.injured) for e in found]
    return [(kind, k.value if k else None, i.value if i else None) for kind, k, i in counts]


def test_an_act_told_days_later_is_not_merged_into_the_earlier_one() -> None:
    text = (
        "Earlier this month, a suicide bomber blew himself up near a military convoy in Kalat, "
        "killing one soldier. Days later, a roadside bomb killed 11 miners in the city."
    )
    assert sorted(_events(text)) == [("remote_explosive", 11, None), ("suicide_bomb", 1, None)]


def test_a_later_bare_toll_still_adds_to_the_act() -> None:
    text = (
        "On 3 May 2024, a suicide bomber blew himself up at a checkpoint in Kano, killing three "
        "soldiers. The next day, two more soldiers died of their wounds."
    )
    assert _events(text) == [("suicide_bomb", 5, None)]


def test_dead_in_the_attack_go_to_an_attack_not_yet_typed() -> None:
    text = (
        "On 3 May 2024, in Kano, rebels attacked an army task force during a joint operation "
        "in the hills. One Nigerian military soldier was killed in the attack."
    )
    assert [k for _, k, _ in _events(text)] == [1]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2024, a 30-year-old was shot and killed by soldiers in Kano.",
        "On 3 May 2024, an 18-year-old was shot and killed by gunmen in Kano.",
    ],
)
def test_a_one_person_phrase_counts_one(text: str) -> None:
    assert [k for _, k, _ in _events(text)] == [1]


def test_a_group_is_no_one_person() -> None:
    text = "On 3 May 2024, a group of farmers was killed by soldiers in Kano."
    assert all(k != 1 for _, k, _ in _events(text))


def test_a_killing_with_no_doer_before_the_attack_is_its_toll() -> None:
    text = (
        "A police commander was killed overnight in Kano. He was attacked by gunmen at his home "
        "on 3 May 2024."
    )
    assert [k for _, k, _ in _events(text)] == [1]


def test_a_clipped_passive_counts_the_dead_and_wounded() -> None:
    text = "On 3 May 2024, 6 militants killed and 2 injured in an air strike near Kano."
    assert _events(text) == [("air_strike", 6, 2)]


@pytest.mark.parametrize(
    ("text", "passive"),
    [
        ("9 soldiers killed, 3 injured.", {"soldiers", "3"}),
        ("5 suspected witches burned to death near Kisii.", {"witches"}),
        ("Gunmen have killed 9 soldiers.", set()),  # its auxiliary and object: active
        ("12 residents assaulted and wounded a guard.", set()),  # the joined verb's object
        ("Over 300 villagers fought with police.", set()),  # a verb of two sides
        ("Gunmen killed in the raid.", set()),  # no count on the subject
    ],
)
def test_reduced_passives_relabel_only_counted_subjects(text: str, passive: set[str]) -> None:
    parsed = reduced_passives(parse([text])[0])
    assert {t.text for t in parsed if t.dep_ == "nsubjpass"} == passive


def test_a_later_death_goes_to_an_attack_not_yet_typed() -> None:
    text = (
        "On 3 May 2024, gunmen attacked a bus in Kano, injuring seven people. One victim died "
        "later at the hospital."
    )
    assert [(k, i) for _, k, i in _events(text)] == [(1, 7)]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (
            "On 13 November 2019, a man set off a suicide bomb at a police station in Medan, "
            "killing himself and injuring six policemen.",
            1,
        ),
        ("On 3 May 2024, soldiers abducted a man in Kano and killed him.", 1),
        ("On 3 May 2024, gunmen killed her two sons in Kano.", 2),  # a possessive, no pronoun
    ],
)
def test_a_pronoun_of_one_person_counts_one(text: str, dead: int) -> None:
    assert [k for _, k, _ in _events(text)] == [dead]
