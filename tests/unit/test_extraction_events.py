"""Event-level behaviour per family, on short hand-written articles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event

PUB = "2025-10-22T09:00:00Z"  # a Wednesday


def _events(text: str, pub: str = PUB) -> list[Event]:
    article = Article(text=text, published_at=pub)
    return extract(article, extracted_at=datetime(2025, 10, 22, tzinfo=UTC))


def _types(text: str) -> list[str]:
    return [e.event_type for e in _events(text)]


def _roles(event: Event) -> set[tuple[str, str]]:
    return {(a.role, a.name) for a in event.actors}


# --- unrest -------------------------------------------------------------------------------


def test_extraction_events_protest_per_city() -> None:
    events = _events(
        "Thousands of people marched in Lagos and Abuja on Thursday to protest prices."
    )
    assert sorted((e.event_type, e.locations[0].name) for e in events) == [
        ("protest", "Abuja"),
        ("protest", "Lagos"),
    ]
    assert all(e.when.date == "2025-10-16" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader launched an attack on the government at a rally in Manchester.",
        "Stocks rallied in London on Monday as investors cheered the data.",
    ],
)
def test_extraction_events_campaign_rally_is_not_protest(text: str) -> None:
    assert _types(text) == []


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        # no demand is told: the codebook's riot / mob violence line cannot be drawn, but
        # both are ACLED Riots, and the crowd's violence makes it no protest
        ("Rioters torched cars and looted shops in Nanterre overnight.", {"riot", "mob_violence"}),
        ("Protesters threw stones at police in Dhaka on Monday.", {"riot"}),
        # the codebook: dispersal with tear gas and no serious harm
        ("Police fired tear gas at protesters marching in Nairobi.", {"protest_with_intervention"}),
    ],
)
def test_extraction_events_riot_needs_violence_by_the_crowd(text: str, accepted: set[str]) -> None:
    [event_type] = _types(text)
    assert event_type in accepted


@pytest.mark.parametrize(
    ("text", "count", "target"),
    [
        # who was arrested, as a description, when no one is named (codebook rule 7)
        ("Police in Dhaka arrested at least 50 people on Saturday.", 50, "People"),
        (
            "Rangers arrested former Pakistani prime minister Imran Khan in Islamabad.",
            None,
            "Imran Khan",
        ),
        ("Turkish police detained 147 suspects in raids in Istanbul.", 147, "Suspects"),
    ],
)
def test_extraction_events_arrests(text: str, count: int | None, target: str | None) -> None:
    (event,) = _events(text)
    assert event.event_type == "arrest"
    arrested = event.quantities.arrested
    assert (arrested.value if arrested else None) == count
    assert [a.name for a in event.actors if a.role == "target"] == ([target] if target else [])


# --- conflict -----------------------------------------------------------------------------


def test_extraction_events_denial_of_a_reported_strike_is_not_a_second_event() -> None:
    text = (
        "Russian missiles struck a hospital in Kyiv on Monday, killing 20 people. "
        "The Kremlin denied targeting civilian sites."
    )
    assert [(e.event_type, e.status) for e in _events(text)] == [("missile_attack", "occurred")]


def test_extraction_events_standalone_denial_names_the_denier() -> None:
    text = "Rwanda on Thursday denied that its troops had fought alongside M23 rebels near Sake."
    (event,) = _events(text)
    assert (event.event_type, event.status) == ("armed_clash", "denied")
    assert ("initiator", "Rwanda") in _roles(event)


def test_extraction_events_interception_only_is_no_attack() -> None:
    """The codebook's Interceptions rule: all shot down, nothing hit, is disrupted weapons use."""
    text = "Russia's defence ministry said its air defences destroyed eight drones over Kursk."
    assert _types(text) == ["disrupted_weapons_use"]


def test_extraction_events_later_strike_inherits_the_attacker() -> None:
    text = (
        "Russia fired missiles at Ukraine on Monday, hitting Kyiv. "
        "In Kryvyi Rih, ten people were killed by a missile strike."
    )
    events = _events(text)
    assert len(events) == 2
    assert all(("initiator", "Russia") in _roles(e) for e in events)


def test_extraction_events_attacker_blamed_in_next_sentence() -> None:
    text = (
        "Artillery shells hit a camp for displaced people near Goma on Friday, killing 12. "
        "The army blamed the M23 rebels."
    )
    (event,) = [e for e in _events(text) if e.category == "conflict"]
    assert ("initiator", "M23") in _roles(event)


def test_extraction_events_toll_over_a_period_is_a_casualty_report() -> None:
    text = (
        "At least 20 Ukrainian soldiers have been killed in fighting around Avdiivka "
        "over the past week."
    )
    (event,) = _events(text)
    assert event.event_type == "casualty_report"
    assert event.quantities.killed is not None and event.quantities.killed.value == 20


@pytest.mark.parametrize(
    "text",
    [
        "Putin agreed to stop attacks on energy infrastructure for 30 days.",
        "Moscow could strike British bases if Ukraine used British weapons to hit Russia.",
    ],
)
def test_extraction_events_stopped_or_conditional_attacks_do_not_occur(text: str) -> None:
    assert all(e.status != "occurred" for e in _events(text) if e.category == "conflict")


def test_extraction_events_unnamed_gunmen_are_the_attackers() -> None:
    text = "Gunmen attacked the village of Kuriga in Kaduna state, killing 12 villagers."
    (event,) = _events(text)
    assert event.event_type == "attack_on_civilians"
    initiator = next(a for a in event.actors if a.role == "initiator")
    assert (initiator.name, initiator.country) == ("Gunmen", "NGA")


# --- statements, sanctions, diplomacy ------------------------------------------------------


def test_extraction_events_appeal_to_common_noun_addressee() -> None:
    (event,) = _events(
        "Foreign Minister Andrii Sybiha urged allies to speed up air defence deliveries."
    )
    assert event.event_type == "appeal"
    assert ("target", "allies") in _roles(event)


def test_extraction_events_sanctions_called_for_are_an_appeal_not_sanctions() -> None:
    text = "Zelenskyy called on the European Union to impose more sanctions on Russia."
    assert _types(text) == ["appeal"]


def test_extraction_events_sanctions_lifted() -> None:
    (event,) = _events("The United States lifted sanctions on Syria's central bank on Friday.")
    assert event.event_type == "sanctions_lifted"
    assert ("initiator", "United States") in _roles(event)


def test_extraction_events_meeting_with_pronoun_and_counterpart() -> None:
    text = (
        "Ukrainian Foreign Minister Andrii Sybiha urged allies to send more air defence systems. "
        "He is due to meet his British counterpart David Lammy in London on Wednesday."
    )
    meeting = next(e for e in _events(text) if e.event_type == "diplomatic_meeting")
    assert meeting.status == "planned"
    assert {a.name for a in meeting.actors} == {"Andrii Sybiha", "David Lammy"}
    assert [loc.name for loc in meeting.locations] == ["London"]


def test_extraction_events_date_carries_over_within_a_paragraph() -> None:
    text = (
        "Russia struck Kyiv with missiles on Monday, killing three people. "
        "In Kharkiv, a drone strike injured five people."
    )
    assert sorted(e.when.date for e in _events(text)) == ["2025-10-20", "2025-10-20"]


LONG_TEXTS = [
    (
        "NAIROBI — Protesters stormed Kenya's parliament in Nairobi on Tuesday and set part of "
        "the building on fire, and police opened fire on the crowd, killing at least five people."
        "\n\nPeaceful marches were also held on Tuesday in the port city of Mombasa and in Kisumu."
        "\n\nThe youth-led protests began last week."
    ),
    (
        "WASHINGTON — The United States on Thursday announced a new $425 million military aid "
        "package for Ukraine. The package also contains 155mm artillery shells and Bradley "
        "infantry fighting vehicles, Secretary of State Antony Blinken said in a statement."
    ),
    "Marches took place.\n\n\n“Quote only,” he said.\n\nIn Sumy, shelling killed three.",
]


@pytest.mark.parametrize("text", LONG_TEXTS)
def test_extraction_events_no_extractor_fails_on_multi_paragraph_text(text: str) -> None:
    from streams.extraction import run_extraction

    result = run_extraction(Article(text=text, published_at=PUB))
    assert result.failures == []


def test_extraction_events_riot_carries_casualties_and_other_cities_march() -> None:
    events = _events(LONG_TEXTS[0], pub="2024-06-25T18:00:00Z")
    by_city = {e.locations[0].name: e for e in events if e.locations}
    riot = by_city["Nairobi"]
    assert riot.event_type == "riot"
    assert riot.quantities.killed is not None and riot.quantities.killed.value == 5
    assert {by_city[c].event_type for c in ("Mombasa", "Kisumu")} == {"protest"}
    assert len(events) == 3  # "the protests began last week" is background


def test_extraction_events_weapon_list_of_aid_package_is_no_attack() -> None:
    events = _events(LONG_TEXTS[1])
    assert [e.event_type for e in events] == ["military_aid"]
    assert ("initiator", "United States") in _roles(events[0])
    assert [m.amount for m in events[0].quantities.money] == [425_000_000.0]


@pytest.mark.parametrize(
    "text",
    [
        "The Army Museum opened an exhibition marking the anniversary of the Battle of the Marne. "
        "More than 500,000 soldiers were killed or wounded in the battle, near Meaux.",
        "Odessa has been targeted repeatedly since the start of the invasion by Russian drones.",
        "Zelenskyy urged partners to allow Ukraine to strike launch sites on Russian territory.",
        "Ukraine's air force said it shot down eight of the 17 Shahed-type drones over Odesa.",
    ],
)
def test_extraction_events_history_background_and_wishes_are_not_attacks(text: str) -> None:
    assert [e for e in _events(text) if e.category == "conflict"] == []


def test_extraction_events_one_happening_told_several_ways_is_one_event() -> None:
    text = (
        "Shells fired by the Rapid Support Forces hit a market in Omdurman on Saturday, "
        "killing at least 40 people. Witnesses said the shelling set stalls on fire. "
        "The market attack killed many women and children, medics said."
    )
    events = [e for e in _events(text) if e.category == "conflict"]
    assert [(e.event_type, e.locations[0].name) for e in events] == [("missile_attack", "Omdurman")]


def test_extraction_events_suspended_sanctions_are_lifted() -> None:
    text = "The European Union suspended a range of sanctions on Syria's energy sector on Monday."
    assert _types(text) == ["sanctions_lifted"]


def test_extraction_events_stale_background_events_are_dropped() -> None:
    text = (
        "The war began on Oct. 7, when Hamas-led militants attacked southern Israel, killing "
        "about 1,200 people."
    )
    assert _events(text, pub="2024-09-10T08:00:00Z") == []


def test_extraction_events_state_strikes_are_air_strikes() -> None:
    text = "Israeli strikes hit tents sheltering displaced families in Khan Younis, killing 19."
    (event,) = _events(text)
    assert event.event_type == "air_strike"
    assert ("initiator", "Israel") in _roles(event)


def test_extraction_events_ceasefire_by_several_mediators_is_planned() -> None:
    text = "Egypt and Qatar were preparing a new ceasefire proposal to present to Israel and Hamas."
    (event,) = _events(text)
    assert (event.event_type, event.status) == ("ceasefire_proposal", "planned")
    assert {a.name for a in event.actors if a.role == "initiator"} == {"Egypt", "Qatar"}
    assert {a.name for a in event.actors if a.role == "target"} == {"Israel", "Hamas"}
