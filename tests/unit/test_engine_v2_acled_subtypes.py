"""Engine v2 (spacy) on the ACLED type and sub-type of events told in note-style text: rioting
as a violent demonstration unless rioters fight rioters, force used on a peaceful protest.
Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _subtypes(text: str) -> list[str | None]:
    return [e.codes.acled_sub_event_type for e in _events(text) if e.codes.acled_event_type]


def test_rioting_with_no_demonstration_word_is_a_violent_demonstration() -> None:
    assert _subtypes("On 2 May 2024, students rioted over unpaid bursaries in Eldoret.") == [
        "Violent demonstration"
    ]
    assert _subtypes("On 2 May 2024, inmates rioted at the main prison in Nakuru.") == [
        "Violent demonstration"
    ]


def test_a_riot_between_two_crowds_is_mob_violence() -> None:
    text = (
        "On 2 May 2024, a riot broke out in Kisii town. Two groups of young men "
        "attacked each other with machetes over a plot of land."
    )
    assert _subtypes(text) == ["Mob violence"]


def test_a_mob_lynching_stays_mob_violence() -> None:
    assert _subtypes("On 2 May 2024, an angry mob lynched a suspected thief in Kisumu.") == [
        "Mob violence"
    ]


def test_soldiers_shooting_a_protester_is_excessive_force() -> None:
    text = (
        "On 2 May 2024, traders protested against new market fees in Gondar. "
        "Soldiers shot and killed one protester."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert [(e.codes.acled_event_type, e.codes.acled_sub_event_type) for e in events] == [
        ("Protests", "Excessive force against protesters")
    ]
    assert events[0].quantities.killed is not None
    assert events[0].quantities.killed.value == 1


def test_a_toll_told_of_a_protest_with_no_violence_of_its_crowd_is_excessive_force() -> None:
    text = (
        "On 2 May 2024, residents protested against evictions in Mombasa. "
        "Two people were killed during the protest."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert [e.codes.acled_sub_event_type for e in events] == ["Excessive force against protesters"]
    assert events[0].quantities.killed is not None
    assert events[0].quantities.killed.value == 2


def test_demonstrators_as_the_doers_of_an_attack_make_a_violent_demonstration() -> None:
    assert _subtypes("On 2 May 2024, protesters attacked a police station in Gulu.") == [
        "Violent demonstration"
    ]
    assert _subtypes("On 2 May 2024, police attacked protesters in Gulu.") == [
        "Excessive force against protesters"
    ]


def _typed(text: str) -> list[tuple[str | None, list[str]]]:
    return [
        (e.codes.acled_sub_event_type, [a.name for a in e.actors if a.role == "initiator"])
        for e in _events(text)
        if e.codes.acled_event_type
    ]


def test_a_takeover_told_with_no_fighting_is_a_non_violent_transfer() -> None:
    text = (
        "On 2 May 2024, Somali army troops took control over Qurac village near Baidoa "
        "after the militants left. No clash was reported."
    )
    assert [t for t, _ in _typed(text)] == ["Non-violent transfer of territory"]


def test_a_takeover_after_a_fight_is_typed_by_who_took_the_place() -> None:
    state = (
        "On 2 May 2024, Somali army troops clashed with Al Shabaab in Qurac village near Baidoa. "
        "The troops took control over the village."
    )
    assert [t for t, _ in _typed(state)] == ["Government regains territory"]
    group = (
        "On 2 May 2024, Al Shabaab clashed with a clan militia in Qurac village near Baidoa. "
        "Al Shabaab took control over the village."
    )
    assert _typed(group) == [("Non-state actor overtakes territory", ["al-Shabaab"])]


def test_people_captured_after_a_fight_leave_it_a_clash() -> None:
    text = (
        "On 2 May 2024, Somali army troops clashed with Al Shabaab in Qurac village near Baidoa. "
        "The troops captured two fighters."
    )
    assert [t for t, _ in _typed(text)] == ["Armed clash"]


def test_an_attack_made_with_mines_is_a_remote_explosive_attack() -> None:
    text = (
        "On 2 May 2024, rebels attacked an army convoy with mines near Kalay. Four soldiers died."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert [e.codes.acled_sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].quantities.killed is not None
    assert events[0].quantities.killed.value == 4


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "On 2 May 2024, the Sudanese Armed Forces dropped six bombs on Kadugli, killing two.",
            "Air/drone strike",
        ),
        (
            "On 2 May 2024, soldiers clashed with rebels near Kalay after a patrol found a road "
            "laid with mines.",
            "Armed clash",
        ),
    ],
)
def test_the_means_named_types_an_attack_unless_sides_fought(text: str, subtype: str) -> None:
    assert _subtypes(text) == [subtype]


def test_an_attack_that_wounded_unarmed_people_is_violence_against_civilians() -> None:
    civilians = "On 2 May 2024, unknown men attacked and wounded three traders in Dori."
    assert _subtypes(civilians) == ["Attack"]
    soldiers = "On 2 May 2024, unknown men attacked and wounded three soldiers in Dori."
    assert _subtypes(soldiers) == ["Armed clash"]


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        (
            "On 2 May 2024, nurses marched in Kisumu over the death of a colleague who was "
            "killed by a drunk driver.",
            "Peaceful protest",
        ),
        (
            "On 2 May 2024, traders protested in Garissa, demanding justice for a boy who was "
            "shot last week.",
            "Peaceful protest",
        ),
        (
            "On 2 May 2024, police shot dead two protesters in Gulu.",
            "Excessive force against protesters",
        ),
    ],
)
def test_a_harm_the_crowd_protests_is_no_force_used_on_it(text: str, subtype: str) -> None:
    assert _subtypes(text) == [subtype]


def test_protesters_chased_by_police_make_a_protest_with_intervention() -> None:
    text = (
        "On 2 May 2024, teachers marched in Hawassa over unpaid salaries. "
        "They were chased by police."
    )
    assert _subtypes(text) == ["Protest with intervention"]
