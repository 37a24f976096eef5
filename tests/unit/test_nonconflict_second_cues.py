"""What the second non-conflict set (benchmarks/nonconflict/second.py) showed: accidents told
with a vehicle, a landing, a fire or an industrial explosion, disease outbreaks, dead animals,
play fights and a war named only as the lasting state the news is set in give no conflict event
(data/en/accidents.json, tolls.json, framing.json), while attacks told with the same words stay
events with their type, place, date and toll; a resignation or a boycott "in protest" is no
demonstration (off_topic.json). Sentences written for these tests, in no gold set; both
engines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks import nonconflict
from benchmarks.nonconflict import second
from streams.evaluate import GoldFileError, load_annotations
from streams.extraction import extract
from streams.extraction.extractors.casualties import dead_animals
from streams.schemas import Article, Event

PUB = "2025-03-04T09:00:00Z"  # a Tuesday
ENGINES = ("legacy", "spacy")


def _conflict(text: str, engine: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    found = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine=engine)  # type: ignore[arg-type]
    return [e for e in found if e.event_type in nonconflict.conflict_types()]


NOT_CONFLICT = {
    "struck by another vehicle": "Two students died and three others were injured on Monday "
    "after a school bus was struck by another vehicle in Accra.",
    "veered off the road": "A lorry veered off the highway near Mbeya on Monday and hit a group "
    "of pedestrians, killing four.",
    "a tanker hit a taxi": "A speeding tanker hit a taxi from behind near Hubli on Monday, "
    "killing five passengers.",
    "hard landing": "Two crew members were killed when an army helicopter made a hard landing "
    "during a rescue mission near Gilgit on Monday.",
    "fire destroyed homes": "A fire destroyed about 300 homes in a riverside settlement in "
    "Sandakan on Monday, leaving thousands homeless.",
    "pipeline explosion": "A pipeline explosion during repair works killed two workers in "
    "Campinas on Monday.",
    "expired ammunition": "An expired ammunition explosion at a disposal site killed seven "
    "people in Garut on Monday.",
    "explosives for mining": "Twenty people were killed in an explosion at a warehouse storing "
    "explosives for mining in Lashio on Monday.",
    "play fight": "Military officials said 20 cadets were injured during the academy's annual "
    "pillow fight on Monday.",
    "outbreak of a disease": "A suspected outbreak of tuberculosis kills nine inmates at a "
    "prison in Kisumu.",
    "dead animals": "Troops were deployed to Girona on Monday after five dead wild boars tested "
    "positive for swine fever.",
    "apes killed": "Researchers said on Monday that 15 chimpanzees had been killed in a "
    "territorial war between two groups in Budongo forest.",
    "amid the ongoing fighting": "Schools reopened in Goma on Monday amid the ongoing fighting "
    "between the army and M23 rebels.",
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(NOT_CONFLICT))
def test_no_conflict_event(case: str, engine: str) -> None:
    assert [e.event_type for e in _conflict(NOT_CONFLICT[case], engine)] == []


STILL_CONFLICT = {
    # text: (event type, place, date, killed)
    "Two people were killed amid ongoing clashes in Tripoli on Monday.": (
        "armed_clash",
        "Tripoli",
        "2025-03-03",
        2,
    ),
    "Gunmen killed four villagers amid the ongoing fighting near Jos on Sunday.": (
        "attack_on_civilians",
        "Jos",
        "2025-03-02",
        4,
    ),
    "A car bomb hit a police convoy in Mogadishu on Monday, killing three officers.": (
        "remote_explosive",
        "Mogadishu",
        "2025-03-03",
        3,
    ),
    "Rebels blew up a gas pipeline near Arauca on Monday, the army said.": (
        "attack_on_infrastructure",
        "Arauca",
        "2025-03-03",
        None,
    ),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text", sorted(STILL_CONFLICT))
def test_attacks_with_the_same_words_stay_events(text: str, engine: str) -> None:
    events = _conflict(text, engine)
    event_type, place, date, killed = STILL_CONFLICT[text]
    assert [e.event_type for e in events] == [event_type]
    assert [loc.name for loc in events[0].locations] == [place]
    assert events[0].when.date == date
    toll = events[0].quantities.killed
    assert (toll.value if toll else None) == killed


def test_explosives_planted_by_militants_stay_an_attack() -> None:
    text = "Militants planted explosives at a warehouse in Lashio on Monday, killing 20 people."
    for engine in ENGINES:
        events = _conflict(text, engine)
        assert len(events) == 1 and events[0].category == "conflict"
        assert [loc.name for loc in events[0].locations] == ["Lashio"]
        toll = events[0].quantities.killed
        assert toll is not None and toll.value == 20


def test_dead_qualifying_animals_counts_no_people() -> None:
    assert dead_animals(" wild boars tested positive")
    assert dead_animals(" cattle were found")
    assert not dead_animals(" soldiers were found")
    assert not dead_animals(", and cattle were stolen")
    assert not dead_animals(" and cattle")


# --------------------------------------------------------------------------- the set


def _rows(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_second_set_is_disjoint_from_the_first_and_well_formed() -> None:
    rows, first = _rows(nonconflict.SECOND), _rows(nonconflict.SET)
    assert len(rows) >= 500 and len({r["id"] for r in rows}) == len(rows)
    assert not {r["id"] for r in rows} & {r["id"] for r in first}
    digests = {r["locator"]["sha256"] for r in first}
    assert not {r["locator"]["sha256"] for r in rows} & digests
    assert all(r["url"] and r["license"] and r["source"] and r["expected"] == [] for r in rows)
    removed = json.loads(second.SCREEN.read_text(encoding="utf-8"))["removed"]
    assert removed and not {r["id"] for r in rows} & set(removed)
    sections = {nonconflict.section_of(i) for i in load_annotations(nonconflict.SECOND)}
    assert {"Sports", "Disasters and accidents"} <= sections


def test_a_tuning_set_has_no_check_half() -> None:
    with pytest.raises(GoldFileError, match="no check half"):
        nonconflict.load(nonconflict.SECOND, "check")


def _acled(text: str, engine: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    found = extract(article, extracted_at=datetime(2025, 3, 4, tzinfo=UTC), engine=engine)  # type: ignore[arg-type]
    return [e for e in found if e.codes.acled_event_type]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_resignation_or_boycott_in_protest_is_no_demonstration(engine: str) -> None:
    resigned = (
        "Two judges of the literary prize resigned from the jury in protest at the new rules "
        "on Monday."
    )
    boycott = (
        "Norway said on Monday it would boycott the song contest in Vienna in protest at the "
        "organisers' decision."
    )
    assert _acled(resigned, engine) == [] and _acled(boycott, engine) == []
    marched = "Thousands marched in Nairobi on Monday and two ministers resigned in protest."
    events = _acled(marched, engine)
    assert [(e.event_type, [loc.name for loc in e.locations], e.when.date) for e in events] == [
        ("protest", ["Nairobi"], "2025-03-03")
    ]
