"""Background counts, dateline cities and defender roles in real-news-style text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.extractors.common import context_count
from streams.schemas import Article, Event

PUB = "2025-06-04T09:00:00Z"  # a Wednesday


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2025, 6, 4, tzinfo=UTC))


def _roles(event: Event) -> dict[str, str]:
    return {a.role: a.name for a in event.actors}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nearly 600 people were killed when security forces crushed the 2019 protests.",
        "More than 650 Palestinians have been killed in the West Bank since October 2023.",
        "So far this year, 120 soldiers have been killed in such attacks.",
        "The overall toll has risen to 54,000 since the war began.",
        "More than 40 people had been killed in an earlier attack on the same market.",
    ],
)
def test_extraction_context_count_is_background(sentence: str) -> None:
    assert context_count(sentence, 2025)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shelling killed 24 people on Saturday, the deadliest attack since the start of the war.",
        "The observatory said more than 300 people had been killed in the fighting.",
        "An Israeli strike killed 12 people in Khan Younis on Tuesday.",
    ],
)
def test_extraction_context_count_keeps_the_day_toll(sentence: str) -> None:
    assert not context_count(sentence, 2025)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "TEHRAN, Iran (AP) - Protesters clashed with riot police in Tehran on Tuesday, "
            "hurling stones as officers fired tear gas. Nearly 600 people were killed when "
            "security forces crushed the 2019 protests, rights groups say.",
            None,
        ),
        (
            "JENIN, West Bank (AP) - Israeli forces killed two Palestinians during a raid in "
            "Jenin on Tuesday, the health ministry said. More than 650 Palestinians have been "
            "killed in the West Bank since October 2023, according to the ministry.",
            2,
        ),
        (
            "BAGHDAD, Iraq (AP) - Gunmen attacked a checkpoint north of Baghdad on Tuesday, "
            "killing three soldiers. So far this year, 120 soldiers have been killed in such "
            "attacks, officials say.",
            3,
        ),
    ],
)
def test_extraction_context_toll_does_not_attach(text: str, killed: int | None) -> None:
    events = _events(text)
    assert events
    values = [e.quantities.killed.value if e.quantities.killed else None for e in events]
    assert values[0] == killed
    assert all(v in (None, killed) for v in values)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "TRIPOLI, Libya (Reuters) - Clashes between rival armed groups killed eight people "
            "overnight in Libya, the health ministry said.",
            "Tripoli",
        ),
        (
            "TRIPOLI, Libya (Reuters) - Clashes between rival armed groups killed eight people "
            "overnight, the health ministry said.",
            "Tripoli",
        ),
        (  # a town named in the sentence wins over the dateline
            "TRIPOLI, Libya (Reuters) - Clashes between rival armed groups killed eight people "
            "in Zawiya overnight, the health ministry said.",
            "Zawiya",
        ),
    ],
)
def test_extraction_context_dateline_city(text: str, place: str) -> None:
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert [loc.name for loc in conflict[0].locations] == [place]


def test_extraction_context_dateline_other_country_not_used() -> None:
    text = (
        "KYIV, Ukraine (Reuters) - Ukrainian drones struck an oil refinery in Russia overnight, "
        "killing two workers, officials said."
    )
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert conflict
    assert "Kyiv" not in [loc.name for loc in conflict[0].locations]


@pytest.mark.parametrize(
    ("text", "initiator", "target"),
    [
        (
            "Russian forces captured the village of Bilohorivka in eastern Ukraine, Russia's "
            "defence ministry said on Tuesday.",
            "Russia",
            "Ukraine",
        ),
        (
            "Russian troops advanced near Pokrovsk in Donetsk region on Tuesday.",
            "Russia",
            "Ukraine",
        ),
        (
            "Ukrainian troops repelled a Russian assault near Pokrovsk on Tuesday, the General "
            "Staff said.",
            "Russia",
            "Ukraine",
        ),
        (
            "Ukrainian forces held off a Russian attack near Kupiansk on Tuesday.",
            "Russia",
            "Ukraine",
        ),
        (
            "Ukraine's military said its forces pushed back a Russian offensive near Chasiv Yar.",
            "Russia",
            "Ukraine",
        ),
    ],
)
def test_extraction_context_attacker_and_defender(text: str, initiator: str, target: str) -> None:
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert conflict
    assert _roles(conflict[0]) == {"initiator": initiator, "target": target}


def test_extraction_context_lead_running_total_is_no_event() -> None:
    # codebook rules 3 and 8: a toll since a war began is no happening, even as the lead
    text = (
        "At least 9,800 people have been killed in Sudan's Darfur region since the war began, "
        "a rights group said on Friday. Aid groups warned of famine."
    )
    assert [e for e in _events(text) if e.category == "conflict"] == []
