"""Accidents, disasters, animals, fears, figures of speech and past times give no conflict event
(codebook rule 3; data/en/accidents.json), also where engine v2 would make an event of its own
(components/families/nonevents.py). Sentences written for these tests, in no gold set; both
engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday
ENGINES = ("legacy", "spacy")


def _events(text: str, engine: str, title: str | None = None) -> list[Event]:
    article = Article(text=text, title=title, published_at=PUB)
    found = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine=engine)  # type: ignore[arg-type]
    return [e for e in found if e.category == "conflict"]


def _conflict(text: str, engine: str, title: str | None = None) -> list[str]:
    return [e.event_type for e in _events(text, engine, title)]


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
    "collapse after rain": "A classroom collapse caused by incessant rain in Tororo, Uganda, "
    "kills at least four pupils and injures 12 others.",
    "wall collapse": "Five labourers were killed on Monday when a wall collapsed at a building "
    "site in Karachi.",
    "explosion at a plant": "Six workers are killed and 30 injured in an explosion at a "
    "fertiliser plant in Gujarat, India.",
    "explosion and fire": "Nine people died in an explosion and fire at a karaoke bar in Hanoi "
    "on Monday.",
    "tanker explosion": "A fuel tanker explosion on a highway near Ibadan killed 14 people on "
    "Monday.",
    "explosion at a training range": "Two police officers are killed in an explosion at a "
    "firing range outside Valencia, Spain.",
    "train hits people": "A freight train struck a group of farm workers crossing the tracks "
    "near Kalisz on Monday, killing three of them.",
    "hit by a bus": "Two children were killed on Monday after they were hit by a school bus in "
    "Arequipa.",
    "crowd crush": "A crowd crush at a religious festival in Uttar Pradesh, India, kills at least "
    "18 pilgrims and injures 30 others.",
    "lightning": "Lightning kills four herders in Karamoja, Uganda.",
    "blizzard": "Three climbers were killed in a blizzard on Monday in the mountains above "
    "Chamonix.",
    "fire kills": "A fire killed seven residents of a care home in Lyon on Monday, firefighters "
    "said.",
    "smoke poisoning": "Five guests of a hostel in Porto died of carbon monoxide poisoning on "
    "Monday.",
    "shark": "A surfer was killed on Monday in a shark attack off Esperance, Western Australia.",
    "dogs": "A pensioner was mauled to death on Monday after she was attacked by a pack of stray "
    "dogs in Kerala.",
    "space rocket": "A Japanese space rocket was launched from Tanegashima on Monday carrying a "
    "weather satellite.",
    "then-president": "The court heard on Monday that the soldiers were ordered to shoot "
    "marchers by the then-president in 1985.",
    "then as adjective": "Witnesses told the inquiry on Monday how rebels burned villages in "
    "the then war-torn province in 1999.",
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


@pytest.mark.parametrize("engine", ENGINES)
def test_a_fire_story_keeps_its_toll(engine: str) -> None:
    text = (
        "A fire tore through a hostel in Porto on Sunday night. The death toll rose to six on "
        "Monday, firefighters said, and most of the dead were tourists."
    )
    assert _conflict(text, engine, title="Hostel fire kills six in Porto") == []


ATTACKS = {
    "landmine under a vehicle": (
        "Three soldiers were killed on Monday when their vehicle ran over a landmine near "
        "Gao, the army said.",
        "remote_explosive",
        3,
    ),
    "bomb at a plant": (
        "A bomb planted by militants exploded at a gas plant near Kirkuk on Monday, killing "
        "four guards.",
        "remote_explosive",
        4,
    ),
    "explosive device at a restaurant": (
        "An improvised explosive device went off at a restaurant in Mogadishu on Monday, "
        "killing five people.",
        "remote_explosive",
        5,
    ),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(ATTACKS))
def test_an_attack_with_accident_words_is_still_an_event(case: str, engine: str) -> None:
    text, kind, killed = ATTACKS[case]
    events = _events(text, engine)
    assert [e.event_type for e in events] == [kind]
    assert events[0].quantities.killed is not None
    assert events[0].quantities.killed.value == killed
