"""Tolls read by meaning (codebook rule 8; ACLED's fatalities methodology): a pair of victims
phrases whose second names one person adds up ('four soldiers and a driver': five), in the
syntax's count and in the legacy window ('left three traders and a police officer dead'), but
a longer list that runs on into who said it does not ('30 people, two residents and a health
worker said'); a bare singular noun after a one-person phrase is one more ('a shopkeeper and
wife'); 'another' on the last phrase makes each one before it one person ('the deputy
commander and another fighter'); and of two tellings of one happening whose tolls differ, a
claimed, guessed or upper-bound toll yields to the reported one, while a reported update
still stands. Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.annotated import Sentence
from streams.extraction.extractors.common import Proto
from streams.extraction.toll_sides import reported_toll
from streams.schemas import Article, Count, Location

PUB = "2024-05-04T08:00:00Z"


def _killed(text: str) -> list[tuple[str, int | None, str | None]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 4, tzinfo=UTC), engine="spacy")
    return [
        (
            e.event_type,
            e.quantities.killed and e.quantities.killed.value,
            e.quantities.killed and e.quantities.killed.qualifier,
        )
        for e in events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair whose second phrase names one person: one more
        (
            "On 3 May 2024, an explosion in a market in Kano left three traders and a police "
            "officer dead.",
            4,
        ),
        ("On 3 May 2024, four soldiers and a driver were killed by militants near Kano.", 5),
        ("On 3 May 2024, bandits shot dead two herders and a boy near Kano.", 3),
        # a bare singular noun after a one-person phrase: the article is both nouns'
        ("On 3 May 2024, gunmen killed a shopkeeper and wife in their home in Kano.", 2),
        # 'another' on the last phrase: the one before is one person too
        (
            "On 3 May 2024, the deputy commander of the militia and another fighter were killed "
            "in an air strike near Kano.",
            2,
        ),
    ],
)
def test_a_list_of_victims_adds_up(text: str, expected: int) -> None:
    counts = [k for _, k, _ in _killed(text) if k is not None]
    assert counts == [expected]


def test_a_list_that_runs_into_its_speakers_keeps_the_first_count() -> None:
    text = (
        "On 3 May 2024, gunmen killed 30 people in a village near Kano, two residents and a "
        "health worker said."
    )
    assert [k for _, k, _ in _killed(text) if k is not None] == [30]


@pytest.mark.parametrize(
    "text",
    [
        # a side's claim
        "On 3 May 2024, gunmen attacked a market in Kano, killing 12 people. The militants "
        "later claimed to have killed 40 people in the attack.",
        # a guess
        "On 3 May 2024, a car bomb killed 12 people in Kano. Local officials said the death "
        "toll could rise to 20.",
        # an upper bound
        "On 3 May 2024, a car bomb in Kano killed 12 people. Residents said up to 30 people "
        "died in the blast.",
    ],
)
def test_a_hedged_toll_yields_to_the_reported_one(text: str) -> None:
    found = _killed(text)
    assert [(k, q) for _, k, q in found if k is not None] == [(12, "exact")]


def test_a_reported_update_still_stands() -> None:
    text = (
        "On 3 May 2024, a car bomb killed 9 people in Kano. Officials said the death toll rose "
        "to 14."
    )
    assert [k for _, k, _ in _killed(text) if k is not None] == [14]


def test_may_as_a_month_hedges_nothing() -> None:
    text = (
        "Gunmen attacked a market in Kano on Friday, killing 12 people. Officials said the toll "
        "rose to 15 on 4 May."
    )
    assert [k for _, k, _ in _killed(text) if k is not None] == [15]


def _hurt(text: str) -> list[int | None]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 4, tzinfo=UTC), engine="spacy")
    return [e.quantities.injured and e.quantities.injured.value for e in events]


def test_the_wounded_of_an_added_toll_add_too() -> None:
    text = (
        "On 3 May 2024, Russian drones hit a depot in Kherson, killing 4 people and injuring 9 "
        "others. Further drone strikes on Kherson kill 3 more people and injure 6 others."
    )
    found = _killed(text)
    assert [k for _, k, _ in found if k is not None] == [7]
    assert [i for i in _hurt(text) if i is not None] == [15]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a life taken, counted after 'the lives of' (a town ending in 'no' before it is no
        # 'no one')
        ("On 3 May 2024, a roadside bomb near Kano claimed the lives of four soldiers.", 4),
        ("On 3 May 2024, a roadside bomb in Borno took the lives of seven soldiers.", 7),
        ("On 3 May 2024, a suicide bomber in Kano killed six people at a market.", 6),
        (
            "On 3 May 2024, clashes between soldiers and rebels near Kano took the life of one "
            "soldier.",
            1,
        ),
        # a count noun of the dead ('fatality count', 'death count') updated later
        (
            "On 3 May 2024, a car bomb killed 9 people in Kano. The fatality count was later "
            "updated to 12.",
            12,
        ),
        (
            "On 3 May 2024, a car bomb killed 9 people in Kano. The death count rose to 11 on "
            "Sunday.",
            11,
        ),
    ],
)
def test_lives_taken_and_towns_ending_in_no(text: str, expected: int) -> None:
    assert [k for _, k, _ in _killed(text) if k is not None] == [expected]


def test_no_one_killed_still_counts_none() -> None:
    text = "On 3 May 2024, a roadside bomb exploded near a police post in Kano. No one was killed."
    assert [k for _, k, _ in _killed(text) if k is not None] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a riot's wounded told in a later sentence that names no doer
        (
            "Rioters set fire to cars in Lyon on Saturday. Nine people were arrested and four "
            "police officers were injured.",
            4,
        ),
        # of two later counts of the crowd's wounded, the larger (one telling names one of them)
        (
            "Rioters threw petrol bombs at police in Lyon on Saturday night. A photographer was "
            "hurt by a stone. Officials said 14 people were injured, among them nine officers.",
            14,
        ),
    ],
)
def test_a_riots_wounded_told_after_it(text: str, expected: int) -> None:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 4, tzinfo=UTC), engine="spacy")
    riots = [e for e in events if e.event_type == "riot"]
    assert [e.quantities.injured and e.quantities.injured.value for e in riots] == [expected]


def test_wounded_told_of_another_towns_clashes_stay_there() -> None:
    text = (
        "Rioters burned cars in Lyon on Saturday, while in Nantes a crowd stormed the town hall. "
        "Dozens of people were injured in the Lyon clashes, officials said."
    )
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 5, 4, tzinfo=UTC), engine="spacy")
    hurt = {
        loc.name: e.quantities.injured and e.quantities.injured.value
        for e in events
        for loc in e.locations
    }
    assert "Nantes" in hurt
    assert hurt["Nantes"] is None


def _telling(index: int, text: str, killed: int, *, place: str | None, dated: bool) -> Proto:
    sentence = Sentence(index=index, start=index * 100, end=index * 100 + len(text), text=text)
    proto = Proto("armed_clash", sentence, (sentence.start, sentence.start + 5), "test", "0")
    proto.killed = Count(value=killed, qualifier="exact", text=str(killed))
    proto.locations = [Location(name=place, country="MLI")] if place else []
    proto.date_explicit = dated
    return proto


CLAIM = "On Saturday troops fought rebels near Menaka, the army said, claiming to have killed 25."


@pytest.mark.parametrize(
    ("place", "dated", "expected"),
    [
        ("Menaka", False, 4),  # the reported telling names the place: it tells this clash
        (None, True, 4),  # or its own day
        (None, False, None),  # neither: not known to be this clash, the claim is not overruled
    ],
)
def test_a_claim_yields_only_to_a_reported_toll_anchored_to_the_happening(
    place: str | None, dated: bool, expected: int | None
) -> None:
    reported = _telling(1, "Security forces killed four attackers.", 4, place=place, dated=dated)
    claimed = _telling(2, CLAIM, 25, place="Menaka", dated=True)
    found = reported_toll(reported, claimed, "killed")
    assert (found.value if found else None) == expected
