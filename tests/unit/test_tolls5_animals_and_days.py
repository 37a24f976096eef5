"""Tolls and dates on real text: a count of animals is no toll, a day and month in figures
without a year ('on 25/09', '(03/02)') is a day, a day word restated in brackets takes the
bracketed day, and a later sentence that names the happening again ('the first attack') takes
the day the text gave it. Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from streams.extraction import extract
from streams.extraction.dates import find_dates
from streams.extraction.extractors.casualties import counts_animals
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"  # a Thursday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")


def _killed(event: Event) -> int | None:
    return event.quantities.killed.value if event.quantities.killed else None


# --------------------------------------------------------------------------- animals


def test_a_count_of_animals_slaughtered_is_no_toll() -> None:
    text = (
        "Horse meat is sold at the market in Kano, where thousands of horses are killed for "
        "their meat every year. A welfare group says 8,200 horses are slaughtered every month "
        "in Kano."
    )
    assert [(e.event_type, _killed(e)) for e in _events(text)] == []


def test_people_named_after_animals_still_count() -> None:
    events = _events("Gunmen killed three cattle herders in Kano on Tuesday.")
    assert [(e.event_type, _killed(e), e.when.date) for e in events] == [
        ("attack_on_civilians", 3, "2024-05-14")
    ]


def test_stolen_cattle_do_not_change_the_dead() -> None:
    events = _events("Bandits stole 200 cattle and killed a herder near Kano on Tuesday.")
    assert [(_killed(e), e.when.date) for e in events] == [(1, "2024-05-14")]


def test_counts_animals_reads_the_last_noun() -> None:
    assert counts_animals("13,000 goats")
    assert counts_animals("forty sheep dead")
    assert not counts_animals("three cattle herders")
    assert not counts_animals("five villagers")


# --------------------------------------------------------------------------- day and month


def _days(text: str, pub: date) -> list[tuple[str, str]]:
    return [(m.text, m.date.isoformat()) for m in find_dates(text, pub)]


def test_day_and_month_in_figures_after_on_is_a_recent_day() -> None:
    pub = date(2016, 12, 2)
    assert _days("Rebels raided the camp on 29/11, a local chief said.", pub) == [
        ("29/11", "2016-11-29")
    ]


def test_day_and_month_in_figures_falls_back_to_the_year_before() -> None:
    pub = date(2017, 1, 3)
    assert _days("Gunmen burned the market (30/12).", pub) == [("30/12", "2016-12-30")]


def test_month_first_figures_when_only_they_make_a_recent_day() -> None:
    pub = date(2018, 4, 20)
    assert _days("Troops fired at protesters on 4/17 near the bridge.", pub) == [
        ("4/17", "2018-04-17")
    ]


def test_figures_that_are_no_date_stay_unread() -> None:
    pub = date(2018, 4, 20)
    assert _days("The clinic stays open 24/7 and won 3/4 of the vote.", pub) == []
    assert _days("Troops returned on 11/10 after the truce.", pub) == []  # months away


def test_day_word_restated_in_brackets_takes_the_bracketed_day() -> None:
    events = _events("A farmer was killed in a clash between herders in Kano today (13 May).")
    assert [(e.when.date, _killed(e)) for e in events] == [("2024-05-13", 1)]


def test_today_restated_in_figures() -> None:
    pub = date(2015, 2, 7)
    found = _days("Police shot a protester early today (06/02) in the town.", pub)
    assert found[0] == ("today", "2015-02-06")


# --------------------------------------------------------------------------- told again


def test_a_happening_named_again_in_a_later_paragraph_takes_its_day() -> None:
    text = (
        "A court in Kano charged a man on Wednesday over a shooting at a market in Kano on "
        "Saturday that killed 12 people.\n\n"
        "Police said the man acted alone.\n\n"
        "Police arrested the man in Kano an hour after the shooting, officers said."
    )
    dated = {e.event_type: e.when.date for e in _events(text)}
    assert dated.get("arrest") == "2024-05-11"


def test_a_new_happening_without_the_definite_article_keeps_the_publication_day() -> None:
    text = (
        "A court in Kano charged a man on Wednesday over an attack on a market on Saturday.\n\n"
        "Gunmen killed four traders in Zaria, police said."
    )
    zaria = [e for e in _events(text) if any(p.name == "Zaria" for p in e.locations)]
    assert [e.when.date for e in zaria] == ["2024-05-16"]


# --------------------------------------------------------------------------- along with


def test_dead_killed_along_with_others_add_up() -> None:
    text = "On 14 May, a guard was killed in an attack by gunmen in Kano, along with 4 others."
    assert [(_killed(e), e.when.date) for e in _events(text)] == [(5, "2024-05-14")]


def test_dead_killed_together_with_named_people_count_one_each() -> None:
    text = "Gunmen killed the chief of Kano together with his son and his driver on 14 May."
    assert [_killed(e) for e in _events(text)] == [3]


def test_an_uncounted_companion_adds_nothing() -> None:
    text = "Soldiers killed six militants in Kano on 14 May along with their relatives."
    assert [_killed(e) for e in _events(text)] == [6]


def test_doers_along_with_others_are_no_dead() -> None:
    text = "Police, along with soldiers, killed six militants in Kano on 14 May."
    assert [_killed(e) for e in _events(text)] == [6]


# --------------------------------------------------------------------------- found dead


def test_people_found_dead_after_an_attack_are_its_dead() -> None:
    text = "On 14 May, four traders were found dead in Kano after an attack by gunmen."
    assert [(e.event_type, _killed(e), e.when.date) for e in _events(text)] == [
        ("attack_on_civilians", 4, "2024-05-14")
    ]


def test_one_person_found_dead_is_one_dead() -> None:
    text = "On 14 May, a herder was found dead in Kano after an attack by gunmen."
    assert [_killed(e) for e in _events(text)] == [1]
