"""A date the parse ties to something other than the act (a noun of a thing scheduled or
remembered, the act's object, a clause of another verb) does not date the event nor make it
stale (components/date_anchor.py). Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article

PUB = "2024-09-10T08:00:00Z"


def _dates(text: str) -> list[tuple[str, str | None]]:
    article = Article(text=text, published_at=PUB)
    events = extract(article, extracted_at=datetime(2024, 9, 10, tzinfo=UTC), engine="spacy")
    return [(e.event_type, e.when.date) for e in events]


def test_a_date_of_an_election_ahead_does_not_date_the_protest() -> None:
    text = "Opposition supporters protested in Lagos ahead of the elections on 3 October."
    assert _dates(text) == [("protest", "2024-09-10")]


def test_a_date_in_a_relative_clause_about_someone_else_does_not_make_the_march_stale() -> None:
    text = "Relatives of a student who disappeared on 17 March protested in Kano."
    assert _dates(text) == [("protest", "2024-09-10")]


def test_the_act_keeps_its_own_day_beside_a_relative_clause_date() -> None:
    text = "Relatives of a student who disappeared on 17 March protested in Kano on Monday."
    assert _dates(text) == [("protest", "2024-09-09")]


def test_a_date_before_the_protested_happening_dates_that_happening() -> None:
    text = "Traders in Kano protested the June 9 raid on their market."
    assert _dates(text) == [("protest", "2024-09-10")]


def test_the_previous_day_of_another_act_dates_that_act_not_the_protest() -> None:
    text = (
        "Youths protested in Jos and demanded the release of five men who were arrested "
        "the previous day."
    )
    assert ("protest", "2024-09-10") in _dates(text)
    assert ("protest", "2024-09-09") not in _dates(text)


def test_an_opening_date_still_dates_the_act_with_a_relative_clause_after_it() -> None:
    text = "On 8 September, police arrested ten men who had attacked a bank in Kano."
    assert _dates(text) == [("arrest", "2024-09-08")]


def test_a_plain_date_of_the_act_is_kept() -> None:
    text = "Hundreds of opposition supporters protested in Lagos on 7 September."
    assert _dates(text) == [("protest", "2024-09-07")]
