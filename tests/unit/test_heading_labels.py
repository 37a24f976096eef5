"""Headings before a colon ('Arrests: ...', 'UPDATE: ...') are no part of the sentence: the
event is the sentence's, and nothing comes from the label's words (streams/extraction/headings)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.headings import blank_headings
from streams.schemas import Article, Event

_PUBLISHED = datetime(2024, 3, 10, tzinfo=UTC)


def _events(text: str) -> list[Event]:
    return extract(Article(id="h", text=text, published_at=_PUBLISHED), engine="spacy")


def _summary(events: list[Event]) -> list[tuple[object, ...]]:
    return sorted(
        (
            e.event_type,
            tuple(sorted((a.name, a.role) for a in e.actors)),
            tuple(sorted(loc.name for loc in e.locations)),
            e.when.date if e.when else None,
        )
        for e in events
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Arrests: Police held two men.", "Arrests:"),
        ("Movement of forces: On 2 May, troops moved.", "Movement of forces:"),
        ("BREAKING: Gunmen stormed a bank.", "BREAKING:"),
        ("Intro line.\nLooting: Youths raided the depot.", "Looting:"),
    ],
)
def test_a_heading_is_blanked_to_spaces_of_its_length(text: str, label: str) -> None:
    at = text.index(label)
    assert blank_headings(text) == text[:at] + " " * len(label) + text[at + len(label) :]


@pytest.mark.parametrize(
    "text",
    [
        "He said: the talks will resume next week.",  # a clause with a verb of saying
        "The spokesman: no comment was given today.",  # a determiner: a phrase, not a label
        "Kenya: Police held two men at the border.",  # a country is a place heading, read
        "Mary Wanjiku: We will march again tomorrow.",  # a name is a speaker's tag
        "Arrests: none.",  # no sentence follows
        "Police held two men on Monday; reason: theft of cattle from a farm.",  # mid-sentence
        "Units from army and police forces: Alpha and Delta were deployed.",  # over four words
    ],
)
def test_a_colon_that_ends_no_heading_is_kept(text: str) -> None:
    assert blank_headings(text) == text


def test_a_labelled_note_gives_the_event_of_its_sentence() -> None:
    sentence = "On 14 February 2024, police arrested six traders in Kisumu, Kenya."
    labelled = _events(f"Non-violent activity: {sentence}")
    assert _summary(labelled) == _summary(_events(sentence))
    arrests = [e for e in labelled if e.event_type == "arrest"]
    assert len(arrests) == 1
    assert [loc.name for loc in arrests[0].locations] == ["Kisumu"]
    assert arrests[0].when is not None and str(arrests[0].when.date) == "2024-02-14"
    assert {a.role for a in arrests[0].actors} >= {"target"}


def test_a_looting_label_over_a_sentence_of_looting_gives_one_looting() -> None:
    sentence = "On 9 June 2023, armed men looted a clinic in Goma, Democratic Republic of Congo."
    labelled = _events(f"Looting: {sentence}")
    assert _summary(labelled) == _summary(_events(sentence))
    assert [loc.name for e in labelled for loc in e.locations] == ["Goma"]


@pytest.mark.parametrize("label", ["Looting", "Property destruction", "Arrests", "Abduction"])
def test_the_label_itself_gives_no_event(label: str) -> None:
    events = _events(f"{label}: On 3 May 2024, the governor toured farms near Garissa, Kenya.")
    assert [e.event_type for e in events] == []
