"""Accidents, disasters, fears and figures of speech give no conflict event (codebook rule 3;
data/en/accidents.json). Sentences written for these tests, in no gold set; both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article

PUB = "2025-03-04T09:00:00Z"  # a Tuesday
ENGINES = ("legacy", "spacy")


def _conflict(text: str, engine: str, title: str | None = None) -> list[str]:
    article = Article(text=text, title=title, published_at=PUB)
    events = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine=engine)  # type: ignore[arg-type]
    return [e.event_type for e in events if e.category == "conflict"]


NOT_CONFLICT = {
    "road accident": "A minibus overturned on a mountain road near Salta on Monday, killing six "
    "passengers and injuring eleven.",
    "flood": "Heavy rain and flooding killed at least 40 people and destroyed 2,000 homes in "
    "Sindh province on Sunday.",
    "fear of an attack": "The city marathon in Kharkiv was cancelled over drone attack fears, "
    "the organisers said on Monday.",
    "firefighting": "Firefighting planes began water bombing the blaze in the hills above "
    "Marseille on Monday.",
    "music": "The band, whose songs were banned for years, played their greatest hits to 40,000 "
    "fans at the stadium in Lagos on Monday.",
    "exercise accident": "Two soldiers were killed on Monday when a shell exploded during a "
    "live-fire exercise at a range near Tapa, Estonia's army said.",
    "policy on a kind of act": "The education ministry published new guidelines on preventing "
    "sexual abuse in schools across Chile on Monday.",
    "quoted remark": 'The bishop wrote to the parishes on Monday: "Sexual abuse of children wounds '
    'the whole church, and every case must be reported to the police."',
    "colonial loot": "A museum in Leiden returned 40 bronze statues to Ghana on Monday that were "
    "looted by colonial troops in 1874.",
    "centuries ago": "Archaeologists said on Monday they had found the walls of a fortress near "
    "Toledo that was burned and destroyed in the 16th century.",
    "launch": "The railway company launched a new campaign against fare dodging at stations "
    "across Kenya on Monday.",
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(NOT_CONFLICT))
def test_accidents_disasters_and_figures_are_no_conflict_event(case: str, engine: str) -> None:
    assert _conflict(NOT_CONFLICT[case], engine) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_an_accident_story_keeps_its_toll(engine: str) -> None:
    text = (
        "A gas explosion destroyed an apartment block in Brno on Monday. Firefighters said the "
        "explosion followed a leak in the basement. The death toll rose to four on Tuesday, and "
        "nine residents were injured, the city said."
    )
    assert _conflict(text, engine, title="Gas explosion levels apartment block in Brno") == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "text",
    [
        "A Russian drone crashed into an apartment building in Kharkiv on Monday, killing two "
        "residents, the regional governor said.",
        "Gunmen attacked a bus carrying miners near Djibo on Monday, killing 12 passengers.",
        "Clan militiamen opened fire at a minibus at a checkpoint near Beledweyne on Monday, "
        "killing two passengers.",
    ],
)
def test_an_attack_told_with_accident_words_is_still_an_event(text: str, engine: str) -> None:
    assert _conflict(text, engine)
