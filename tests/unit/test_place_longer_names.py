"""A place name that is only part of a longer name is not that place: a word linked to the next
by 'del' / 'de' ('Lanao del Sur': the province, which stands for its region, not Sur in Oman),
another name of a town abroad that the text's name goes on from ('Sam Ouandja' is not
Damascus), an acronym in brackets ('(LRA)' names the group, it is no unit), and words across a
sentence end ('30 August. In Wollo zone'). Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.extraction.components.families.note_places import named_places
from streams.schemas import Article, Event


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at="2024-05-03T08:00:00Z")
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _codes(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(p.country, p.admin1.code if p.admin1 else None) for e in events for p in e.locations}


def test_a_province_linked_by_del_stands_for_its_region_not_a_town_abroad() -> None:
    events = _events("Gunmen shot dead a village chief in Lanao del Sur province on Tuesday.")
    assert events
    assert _codes(events) == {("PHL", "PH-14")}


def test_the_head_of_a_linked_name_is_no_town_of_its_own() -> None:
    events = _events("Soldiers clashed with rebels in Surigao del Sur on Tuesday.")
    assert events
    assert _codes(events) == {("PHL", "PH-13")}


def test_another_name_of_a_town_abroad_is_not_read_inside_a_longer_name() -> None:
    events = _events("Gunmen abducted five traders near the town of Sam Ouandja on Tuesday.")
    assert events
    assert all(p.country != "SYR" for e in events for p in e.locations)


def test_an_acronym_in_brackets_is_no_unit() -> None:
    text = "On 2 May 2024, the Kivu Popular Front (KPF) abducted 12 people near Gethy."
    assert all("KPF" not in found.parts for found in named_places(text))


def test_a_name_does_not_run_across_a_sentence_end() -> None:
    text = "Looting: 30 August. In Gedo zone, Bardhere district, militia stole 40 goats."
    assert all(". " not in found.name for found in named_places(text))
