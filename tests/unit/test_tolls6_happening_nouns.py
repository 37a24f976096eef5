"""One place for each fact: the nouns of violent happenings that date a happening named again
come from the conflict trigger patterns (data/en/triggers), and the words of a toll's state
after a counted noun from data/en/tolls.json. Sentences written for these tests (in no gold
set)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

import streams.extraction  # noqa: F401  (loads the components before their lemma tables)
from streams.extraction import extract
from streams.extraction.components.lemmas import happening_nouns
from streams.extraction.lexicons import DATA_DIR
from streams.extraction.toll_words import TollWords
from streams.schemas import Article, Event

PUB = "2024-05-16T10:00:00Z"  # a Thursday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 16, tzinfo=UTC), engine="spacy")


def test_happening_nouns_are_the_conflict_triggers_as_nouns() -> None:
    nouns = happening_nouns()
    # nouns and '-ing' nouns of the conflict families' one-word triggers, with plurals
    assert {"attack", "raids", "ambush", "shootings", "bombing", "abduction"} <= nouns
    # past forms tell an act; count-only and non-conflict families name no happening
    assert not {"killed", "attacked", "shot", "death", "protest", "meeting"} & nouns


def test_a_kidnapping_named_again_takes_its_day() -> None:
    told = "Gunmen took ten travellers in a kidnapping on a highway near Kano on Saturday."
    later = "Police arrested two men in Kano over the kidnapping, officers said."
    arrests = [e for e in _events(f"{told}\n\n{later}") if e.event_type == "arrest"]
    assert [e.when.date for e in arrests] == ["2024-05-11"]


def test_the_toll_states_are_read_from_the_data_file() -> None:
    found = json.loads((DATA_DIR / "en" / "tolls.json").read_text(encoding="utf-8"))
    assert "dead" in TollWords.model_validate(found).states
    del found["states"]
    with pytest.raises(ValidationError):
        TollWords.model_validate(found)
