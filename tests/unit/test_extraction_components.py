"""Component behaviour of the extraction engine, on short hand-written sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from streams.extraction import extract
from streams.extraction.annotate import annotate, split_sentences
from streams.extraction.dates import find_dates
from streams.extraction.extractors.common import casualties, weapons
from streams.extraction.numbers import AMOUNT_RE, parse_amount, words_to_int
from streams.schemas import Article, Event

PUB = "2025-10-22T09:00:00Z"  # a Wednesday


def _article(text: str, **kw: object) -> Article:
    return Article(text=text, published_at=kw.pop("published_at", PUB), **kw)  # type: ignore[arg-type]


def _events(text: str, **kw: object) -> list[Event]:
    return extract(_article(text, **kw), extracted_at=datetime(2025, 10, 22, tzinfo=UTC))


def _sentence(text: str):  # type: ignore[no-untyped-def]
    return split_sentences(text)[0]


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("six", 6),
        ("twenty-one", 21),
        ("two hundred and five", 205),
        ("1,200", 1200),
        ("405", 405),
        ("1.5 million", 1_500_000),
        ("ninety nine", 99),
        ("nonsense", None),
    ],
)
def test_extraction_numbers_words_to_int(text: str, value: int | None) -> None:
    assert words_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("at least six", 6, "at_least"),
        ("more than 20", 20, "at_least"),
        ("up to 10", 10, "at_most"),
        ("about 30", 30, "approximately"),
        ("nearly 30", 30, "approximately"),
        ("dozens of", 12, "at_least"),
        ("hundreds of", 100, "at_least"),
        ("18", 18, "exact"),
    ],
)
def test_extraction_numbers_qualifiers(text: str, value: int, qualifier: str) -> None:
    match = AMOUNT_RE.search(text)
    assert match is not None
    amount = parse_amount(match)
    assert amount is not None and (amount.value, amount.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "killed", "injured", "children"),
    [
        (
            "The strike killed at least six people, including two children.",
            (6, "at_least"),
            None,
            2,
        ),
        (
            "Two soldiers were killed and dozens wounded in the shelling.",
            (2, "exact"),
            (12, "at_least"),
            None,
        ),
        ("The death toll rose to 21, officials said.", (21, "exact"), None, None),
        ("Twenty-one people died and 40 were injured.", (21, "exact"), (40, "exact"), None),
        ("More than 20 people were injured in the blast.", None, (20, "at_least"), None),
        ("The missiles destroyed 12 buildings.", None, None, None),
    ],
)
def test_extraction_numbers_casualties(
    text: str, killed: tuple[int, str] | None, injured: tuple[int, str] | None, children: int | None
) -> None:
    got_killed, got_injured = casualties(_sentence(text))
    assert ((got_killed.value, got_killed.qualifier) if got_killed else None) == killed
    assert ((got_injured.value, got_injured.qualifier) if got_injured else None) == injured
    assert (got_killed.children if got_killed else None) == children


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia fired 405 drones and 28 missiles.", {("drone", 405, None), ("missile", 28, None)}),
        ("It used British-made Storm Shadow missiles.", {("missile", None, "Storm Shadow")}),
        ("Russia launched 50 Shahed drones overnight.", {("drone", 50, "Shahed")}),
        ("Three ballistic missiles hit the port.", {("missile", 3, None)}),
    ],
)
def test_extraction_numbers_weapons(
    text: str, expected: set[tuple[str, int | None, str | None]]
) -> None:
    assert {(w.kind, w.count, w.name) for w in weapons(_sentence(text))} == expected


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "precision"),
    [
        ("on Wednesday", "2025-10-22", "day"),
        ("on Tuesday", "2025-10-21", "day"),
        ("last Wednesday", "2025-10-15", "day"),
        ("overnight", "2025-10-22", "day"),
        ("last night", "2025-10-21", "day"),  # the evening before publication
        ("yesterday", "2025-10-21", "day"),
        ("Oct. 21", "2025-10-21", "day"),
        ("21 October 2025", "2025-10-21", "day"),
        ("October 3, 2024", "2024-10-03", "day"),
        ("last week", "2025-10-15", "week"),
        ("earlier this month", "2025-10-01", "month"),
        ("two days ago", "2025-10-20", "day"),
        ("2025-01-02", "2025-01-02", "day"),
        ("12/10/2025", "2025-10-12", "day"),  # day first, as most of the world writes it
        ("10/21/2025", "2025-10-21", "day"),  # only the American reading is a date
        ("12.10.2025", "2025-10-12", "day"),
        ("on the 12th,", "2025-10-12", "day"),
        ("on the 25th.", "2025-09-25", "day"),  # not after publication: last month's
        ("in mid-September", "2025-09-15", "month"),
        ("in March 2023", "2023-03-01", "month"),
        ("in December", "2024-12-01", "month"),
        ("the night of October 20 to 21", "2025-10-21", "day"),
        ("Yesterday", "2025-10-21", "day"),  # at the start of a sentence too
    ],
)
def test_extraction_dates_resolve(text: str, day: str, precision: str) -> None:
    found = find_dates(text, date(2025, 10, 22))
    assert [(d.date.isoformat(), d.precision) for d in found] == [(day, precision)]


def test_extraction_dates_event_defaults_to_publication_day() -> None:
    events = _events("Russian drones struck Kharkiv, killing three people.")
    assert [e.when.date for e in events] == ["2025-10-22"]


def test_extraction_dates_event_uses_weekday() -> None:
    events = _events("Russian missiles hit Odesa on Monday, killing two people.")
    assert [e.when.date for e in events] == ["2025-10-20"]


# --- places -------------------------------------------------------------------------------


def _places(text: str) -> list[tuple[str, str, str | None]]:
    doc = annotate(_article(text))
    return [
        (p.place.name, p.place.country3, p.place.admin1_code)
        for p in doc.places
        if p.place.precision != "country"
    ]


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("Explosions were heard in Kiev on Monday.", "Kyiv", "UKR", "UA-30"),
        ("A drone hit a port in Odessa.", "Odesa", "UKR", "UA-51"),
        ("Shelling continued in Kharkov.", "Kharkiv", "UKR", "UA-63"),
        ("Drones attacked the Bryansk region.", "Bryansk Oblast", "RUS", "RU-BRY"),
        ("Shelling hit the Dnipropetrovsk oblast.", "Dnipro Oblast", "UKR", "UA-12"),
        ("Fighting raged in Donetsk Oblast.", "Donetsk Oblast", "UKR", "UA-14"),
        ("Shells fell across the Kherson province.", "Kherson Oblast", "UKR", "UA-65"),
        ("Drones struck the Zaporizhzhia region.", "Zaporizhzhya Oblast", "UKR", "UA-23"),
    ],
)
def test_extraction_places_transliterations_and_regions(
    text: str, name: str, country: str, admin1: str
) -> None:
    assert (name, country, admin1) in _places(text)


def test_extraction_places_disambiguated_by_article_country() -> None:
    texts = {
        "Police in Texas said a man opened fire in Paris, Texas, on Monday.": "USA",
        "French police said protesters gathered in Paris on Monday.": "FRA",
    }
    for text, country in texts.items():
        paris = [c for n, c, _ in _places(text) if n == "Paris"]
        assert paris == [country], text


@pytest.mark.parametrize(
    "text",
    [
        "Of the many options, officials chose the first.",
        "Mobile phone sales rose sharply.",
        "Nice weather helped the harvest.",
        "Storm Shadow missiles were delivered.",
    ],
)
def test_extraction_places_common_words_are_not_places(text: str) -> None:
    assert _places(text) == []


def test_extraction_places_mentioned_capital_is_not_event_location() -> None:
    events = _events(
        "Russian drones struck Kharkiv overnight, killing two people, officials in Moscow said."
    )
    assert [loc.name for e in events for loc in e.locations] == ["Kharkiv"]


# --- actors and voice ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "initiator", "target"),
    [
        ("Russia launched drones at Ukraine overnight, killing two people.", "RUS", "UKR"),
        ("Kyiv was hit by Russian drones overnight, officials said.", "RUS", "UKR"),
        ("Russian forces shelled Kherson, killing a man.", "RUS", None),
        ("Israeli airstrikes hit Gaza, killing 12 people.", "ISR", None),
        ("Houthi rebels fired missiles at Israel on Sunday.", "YEM", "ISR"),
    ],
)
def test_extraction_actors_active_and_passive_voice(
    text: str, initiator: str, target: str | None
) -> None:
    events = [e for e in _events(text) if e.category == "conflict"]
    assert len(events) == 1, [e.summary for e in events]
    actors = {a.role: a.country for a in events[0].actors}
    assert actors.get("initiator") == initiator
    if target is not None:
        assert actors.get("target") == target


@pytest.mark.parametrize(
    ("text", "name", "office"),
    [
        ("Mayor Ihor Terekhov said a school was damaged.", "Ihor Terekhov", "Mayor"),
        (
            "Treasury Secretary Scott Bessent said the measures work.",
            "Scott Bessent",
            "Treasury Secretary",
        ),
        (
            "Governor Vyacheslav Gladkov said two people were hurt.",
            "Vyacheslav Gladkov",
            "Governor",
        ),
    ],
)
def test_extraction_actors_people_by_title(text: str, name: str, office: str) -> None:
    doc = annotate(_article(text))
    assert [(a.name, a.office) for a in doc.actors if a.kind == "person"] == [(name, office)]


def test_extraction_actors_demonym_with_forces_is_armed_forces() -> None:
    doc = annotate(_article("Russian forces advanced near Pokrovsk."))
    assert [(a.name, a.kind, a.country) for a in doc.actors] == [("Russia", "armed_forces", "RUS")]


# --- status -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("Trump and Putin will meet in Budapest next week.", "diplomatic_meeting", "planned"),
        (
            "A planned meeting between Trump and Putin was called off.",
            "diplomatic_meeting",
            "cancelled",
        ),
        (
            "There are no plans for a meeting between Trump and Putin.",
            "diplomatic_meeting",
            "cancelled",
        ),
        ("Russia threatened to strike Kyiv with missiles.", "missile_attack", "threatened"),
        ("Russia denied carrying out the missile strike on Sumy.", "missile_attack", "denied"),
        ("The United States imposed sanctions on Rosneft.", "sanctions_imposed", "occurred"),
    ],
)
def test_extraction_status_hedging(text: str, event_type: str, status: str) -> None:
    events = [e for e in _events(text) if e.event_type == event_type]
    assert [e.status for e in events] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not launch any missiles at Kyiv overnight.",
        "Ukraine never attacked the Bryansk region with drones, officials said.",
    ],
)
def test_extraction_status_negated_is_not_occurred(text: str) -> None:
    assert all(e.status != "occurred" for e in _events(text) if e.category == "conflict")


# --- false alarms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The striker attacked down the left and scored twice in the second half.",
        "Shares were killed in early trading as investors fled the market.",
        "The film was a blockbuster explosion at the box office this weekend.",
        "The minister faced a barrage of criticism over the budget.",
        "He suffered a heart attack at his home in Boston.",
        "The new smartphone launched on Tuesday will hit stores in Paris.",
        "Stocks rallied in London as the dollar fell.",
    ],
)
def test_extraction_false_alarms_produce_no_events(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Russland hat in der Nacht die Ukraine mit Drohnen angegriffen, sechs Menschen tot.",
            "de",
        ),
        ("Россия атаковала Украину дронами, погибли шесть человек.", None),
        ("La Russie a attaqué l'Ukraine avec des drones, tuant six personnes.", "fr"),
    ],
)
def test_extraction_non_english_gives_no_events(text: str, language: str | None) -> None:
    assert _events(text, language=language) == []


# --- merging ------------------------------------------------------------------------------


def test_extraction_merge_repeated_mentions_into_one_event() -> None:
    text = (
        "Russian drones struck Kharkiv overnight, killing three people. "
        "In Kharkiv, the drone strike also injured 12 people, the mayor said. "
        "The attack on Kharkiv damaged a school."
    )
    events = [e for e in _events(text) if e.category == "conflict"]
    assert len(events) == 1
    q = events[0].quantities
    assert q.killed is not None and q.killed.value == 3
    assert q.injured is not None and q.injured.value == 12


def test_extraction_merge_keeps_different_towns_separate() -> None:
    text = (
        "Russian missiles struck Odesa on Monday, killing two people. "
        "Separately, Russian drones hit Lviv, injuring five people."
    )
    events = [e for e in _events(text) if e.category == "conflict"]
    assert sorted(loc.name for e in events for loc in e.locations) == ["Lviv", "Odesa"]
    assert len(events) == 2


@pytest.mark.parametrize(
    ("text", "published_at", "day"),
    [
        # an event note dated by its opening words, long before (or without) publication
        (
            "On 23 January 2024, Russian forces launched a missile strike at Pavlohrad, "
            "Dnipropetrovsk region, killing one civilian.",
            "2024-03-14T10:00:00Z",
            "2024-01-23",
        ),
        (
            "On 23 January 2024, Russian forces launched a missile strike at Pavlohrad, "
            "Dnipropetrovsk region, killing one civilian.",
            None,
            "2024-01-23",
        ),
        (
            "On Jan. 23, Russian forces shelled Kherson, killing two civilians. The next day, "
            "Russian drones hit Odesa, injuring four people.",
            "2024-03-14T10:00:00Z",
            "2024-01-23",
        ),
    ],
)
def test_extraction_dates_event_note_dated_by_its_opening(
    text: str, published_at: str | None, day: str
) -> None:
    article = Article(id="note", text=text, published_at=published_at)
    events = [e for e in extract(article) if e.category == "conflict"]
    assert events
    assert events[0].when.date == day
    assert all(e.status == "occurred" for e in events)


def test_extraction_dates_background_with_an_opening_date_in_a_later_clause_stays_dropped() -> None:
    text = (
        "The war began on Oct. 7, when Hamas-led militants attacked southern Israel, killing "
        "about 1,200 people."
    )
    article = Article(id="bg", text=text, published_at="2024-09-10T08:00:00Z")
    assert extract(article) == []


def test_extraction_dates_no_publication_time_and_odd_dates_do_not_fail() -> None:
    from streams.extraction import run_extraction

    text = (
        "TBILISI, Georgia - Missiles hit the region on Saturday, February 23, and again on "
        "12.13.2024 and on May 0; 0 people were killed in 2022."
    )
    result = run_extraction(Article(id="odd", text=text))
    assert result.failures == []
