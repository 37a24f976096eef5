"""Engine v2: an abduction whose captives are also raped is sexual violence, one whose
captives are also killed or hurt is an attack on civilians (docs/codebook.md 'Abduction vs
arrest'); a harm word that is a charge ('accused of murder') leaves the abduction. Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"
VAC = "Violence against civilians"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")


def _typed(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.event_type, e.codes.acled_event_type, e.codes.acled_sub_event_type)
        for e in _events(text)
    ]


def test_captives_raped_in_the_next_sentence_make_sexual_violence() -> None:
    text = (
        "On 12 May 2024, militia fighters abducted three women near Zemio. "
        "The victims were raped before they escaped two days later."
    )
    events = _events(text)
    assert [e.event_type for e in events] == ["sexual_violence"]
    assert events[0].codes.acled_sub_event_type == "Sexual violence"
    assert events[0].when.date == "2024-05-12"


def test_captives_found_dead_make_an_attack() -> None:
    text = (
        "On 12 May 2024, rebels kidnapped two herders near Obo. "
        "They were found dead in the bush the next morning."
    )
    assert _typed(text) == [("attack_on_civilians", VAC, "Attack")]


def test_a_man_beaten_and_kidnapped_is_an_attack() -> None:
    text = "On 12 May 2024, gunmen beat a shopkeeper and kidnapped him in Obo."
    assert _typed(text) == [("attack_on_civilians", VAC, "Attack")]


def test_captives_accused_of_murder_stay_an_abduction() -> None:
    text = "On 12 May 2024, militia fighters abducted two youths accused of murder in Zemio."
    assert _typed(text) == [("abduction", VAC, "Abduction/forced disappearance")]


def test_a_later_sentence_about_someone_else_leaves_the_abduction() -> None:
    text = (
        "On 12 May 2024, rebels kidnapped two herders near Obo. "
        "Elsewhere, floods killed a fisherman on the river."
    )
    assert ("abduction", VAC, "Abduction/forced disappearance") in _typed(text)
