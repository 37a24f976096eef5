"""Engine v2 on acts the sentence frames as no happening of the news (components/families/
framing.py): hypothetical, of an earlier year, a running tally, a describing participle, the
act a court proceeds over. Sentences written for these tests (in no gold set); each case checks
that the act told as news keeps its type, place, date, doer and count, and that the framed one
makes no event."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine="spacy")


def _places(event: Event) -> list[str]:
    return [loc.name for loc in event.locations]


def _initiator(event: Event) -> str | None:
    return next((a.name for a in event.actors if a.role == "initiator"), None)


def test_an_act_dated_to_an_earlier_year_is_background() -> None:
    events = _events(
        "Police in Harare arrested the activist Tendai Moyo on Sunday. "
        "In 2019, she was also arrested for leading a march in Bulawayo."
    )
    assert [(e.event_type, _places(e), e.when.date) for e in events] == [
        ("arrest", ["Harare"], "2025-03-02")
    ]
    assert [a.name for a in events[0].actors if a.role == "target"] == ["Tendai Moyo"]


def test_a_tally_since_a_month_is_no_happening_but_the_day_s_killing_is() -> None:
    tally = "Militants have killed 40 villagers in Borno since January, officials said."
    assert _events(tally) == []
    (event,) = _events("Militants killed 40 villagers in Borno on Monday, officials said.")
    assert (event.event_type, _places(event), event.when.date) == (
        "attack_on_civilians",
        ["Borno"],
        "2025-03-03",
    )
    assert event.quantities.killed is not None and event.quantities.killed.value == 40


def test_a_habit_every_week_is_no_happening() -> None:
    text = "Soldiers have detained dozens of protesters in Mandalay every week since January."
    assert _events(text) == []


def test_a_counterfactual_toll_is_not_added_to_the_attack() -> None:
    (event,) = _events(
        "Gunmen killed six miners near Tarkwa on Monday. The governor said the gunmen would "
        "have killed dozens if soldiers had not arrived."
    )
    assert (event.event_type, _places(event), event.when.date) == (
        "attack_on_civilians",
        ["Tarkwa"],
        "2025-03-03",
    )
    assert _initiator(event) == "Gunmen"
    assert event.quantities.killed is not None and event.quantities.killed.value == 6


def test_a_describing_participle_is_no_second_capture() -> None:
    events = _events(
        "Troops stormed a rebel camp near Beni on Monday. "
        "Aid workers later visited the captured rebels in Beni."
    )
    assert [(e.event_type, _places(e), e.when.date) for e in events] == [
        ("armed_clash", ["Beni"], "2025-03-03")
    ]


def test_the_act_a_court_convicts_for_is_told_before_not_news() -> None:
    text = (
        "A court in Lagos on Monday convicted a soldier of shooting dead two protesters "
        "who were marching in Ikeja."
    )
    assert [e for e in _events(text) if e.category in ("conflict", "unrest")] == []
    (event,) = _events("Soldiers shot dead two protesters who were marching in Ikeja on Monday.")
    assert event.category in ("conflict", "unrest")
    assert _places(event) == ["Ikeja"] and event.when.date == "2025-03-03"
