"""Engine v2 on type confusions of events it finds (issue 12, round 5): detainees beaten or
tortured in custody are an attack on civilians, not an arrest; a demonstration whose crowd
sets up road blocks or destroys property in the sentences after it is a violent
demonstration, not a peaceful protest. Sentences written for these tests (in no gold set and
not in the ACLED cache); each checks the type and sub-type, and the actors, place or date the
rule keeps, and a near miss the rule must leave alone."""

from __future__ import annotations

import pytest

from streams.schemas import Event
from tests.unit.test_engine_v2_unrest_strategic import _of, _types


def _names(event: Event, role: str) -> set[str]:
    return {a.name for a in event.actors if a.role == role}


# --- detainees harmed in custody ------------------------------------------------------------


def test_a_man_arrested_and_tortured_is_an_attack_on_civilians() -> None:
    event = _of(
        "On Monday, police in Kisumu arrested a street vendor and tortured him at the station.",
        "attack_on_civilians",
    )
    assert event.codes.acled_event_type == "Violence against civilians"
    assert event.codes.acled_sub_event_type == "Attack"
    assert event.when.date == "2025-03-03"
    assert [p.name for p in event.locations] == ["Kisumu"]
    assert _names(event, "initiator") == {"Kenya"}  # the arresting state
    assert _names(event, "target") == {"Vendor"}
    assert "arrest" not in _types(
        "On Monday, police in Kisumu arrested a street vendor and tortured him at the station."
    )


def test_detainees_beaten_in_the_next_sentence_is_an_attack() -> None:
    text = (
        "On Monday, soldiers detained three farmers in Kisumu. "
        "They were beaten in detention and released the next day."
    )
    event = _of(text, "attack_on_civilians")
    assert event.codes.acled_sub_event_type == "Attack"
    assert "arrest" not in _types(text)


@pytest.mark.parametrize(
    "text",
    [
        # harm named as why the man was arrested
        "On Monday, police in Kisumu arrested a man for beating his neighbour.",
        "On Monday, police in Kisumu arrested a teacher accused of torturing pupils.",
        # a demonstration's sentence: the protest's intervention, no custody harm
        "On Monday, police in Kisumu beat and arrested dozens of protesting traders.",
    ],
)
def test_harm_that_is_a_charge_or_a_protest_response_leaves_the_arrest(text: str) -> None:
    assert "attack_on_civilians" not in _types(text)


def test_an_arrest_with_no_harm_stays_an_arrest() -> None:
    event = _of("On Monday, police in Kisumu arrested a street vendor.", "arrest")
    assert event.codes.acled_sub_event_type == "Arrests"


# --- a demonstration's crowd turning violent after it is told -------------------------------


def test_protesters_setting_up_roadblocks_later_make_a_violent_demonstration() -> None:
    event = _of(
        "On Monday, hundreds of traders protested in Kumasi against new market fees. "
        "They set up roadblocks on the main road.",
        "riot",
    )
    assert event.codes.acled_event_type == "Riots"
    assert event.codes.acled_sub_event_type == "Violent demonstration"
    assert event.when.date == "2025-03-03"
    assert [p.name for p in event.locations] == ["Kumasi"]


def test_property_burnt_two_sentences_after_a_demonstration_makes_it_violent() -> None:
    text = (
        "On Monday, students demonstrated in Kumasi over tuition fees. "
        "The rector refused to meet them. "
        "A car of the university was set ablaze near the gate."
    )
    event = _of(text, "riot")
    assert event.codes.acled_sub_event_type == "Violent demonstration"
    assert _names(event, "initiator") == {"Protesters"}
    assert "protest" not in _types(text)


def test_protesters_setting_up_road_blocks_is_a_violent_demonstration() -> None:
    text = "On Monday, residents protested in Kumasi over water cuts and set up road blocks."
    event = _of(text, "riot")
    assert event.codes.acled_sub_event_type == "Violent demonstration"


@pytest.mark.parametrize(
    "text",
    [
        # police set up road blocks: no act of the crowd
        "On Monday, nurses marched in Kumasi over unpaid wages. Police set up roadblocks.",
        # a road blocked with no barricade is no violence (ACLED: road-blocking by barricades)
        "On Monday, nurses marched in Kumasi over unpaid wages and blocked a bridge for an hour.",
        # the destroyed houses are the grievance, not a deed of the crowd
        "On Monday, residents demonstrated in Kumasi against the demolition of their homes. "
        "Owners of the demolished houses said they had bought the land.",
        # gunmen, not the crowd, torch the church
        "On Monday, nurses marched in Kumasi over unpaid wages. "
        "Gunmen torched a church in a nearby village.",
    ],
)
def test_acts_not_of_the_crowd_leave_a_peaceful_protest(text: str) -> None:
    types = _types(text)
    assert "protest" in types
    assert "riot" not in types


def test_a_later_demonstration_keeps_its_own_violence() -> None:
    text = (
        "On Monday, nurses marched in Kumasi over unpaid wages. "
        "On Tuesday, students demonstrated in Tamale and set a bus ablaze."
    )
    peaceful = _of(text, "protest")
    assert [p.name for p in peaceful.locations] == ["Kumasi"]
    assert peaceful.when.date == "2025-03-03"
    riot = _of(text, "riot")
    assert [p.name for p in riot.locations] == ["Tamale"]


# --- an armed attack on a village is an attack on its people ----------------------------------


def test_armed_men_attacking_a_village_is_violence_against_civilians() -> None:
    event = _of(
        "On Monday, armed men attacked a village near Bambari, killing four and wounding others.",
        "attack_on_civilians",
    )
    assert event.codes.acled_event_type == "Violence against civilians"
    assert event.codes.acled_sub_event_type == "Attack"
    assert event.quantities.killed is not None and event.quantities.killed.value == 4
    assert event.when.date == "2025-03-03"
    assert [p.name for p in event.locations] == ["Bambari"]


def test_gunmen_raiding_a_hamlet_and_killing_three_is_an_attack() -> None:
    event = _of(
        "On Monday, gunmen raided a hamlet near Bambari and killed three.", "attack_on_civilians"
    )
    assert _names(event, "initiator") == {"Gunmen"}
    assert _names(event, "target") == {"civilians"}
    assert event.quantities.killed is not None and event.quantities.killed.value == 3


@pytest.mark.parametrize(
    "text",
    [
        # soldiers killed in the village: armed victims, a battle
        "On Monday, rebels attacked a village near Bambari, killing four soldiers.",
        # a base is no dwelling
        "On Monday, rebels attacked an army base near Bambari, killing four.",
    ],
)
def test_armed_victims_or_a_base_keep_the_battle(text: str) -> None:
    types = _types(text)
    assert "armed_clash" in types
    assert "attack_on_civilians" not in types


# --- the police response told two sentences after the demonstration -------------------------


def test_police_intervening_two_sentences_later_is_an_intervention() -> None:
    text = (
        "On Monday, students demonstrated in Kumasi over the state of the campus road. "
        "Traffic stood still for an hour. Police intervened."
    )
    event = _of(text, "protest_with_intervention")
    assert event.codes.acled_event_type == "Protests"
    assert event.codes.acled_sub_event_type == "Protest with intervention"
    assert _names(event, "initiator") == {"Protesters"}
    assert [p.name for p in event.locations] == ["Kumasi"]
    assert event.when.date == "2025-03-03"


def test_a_march_the_police_repressed_is_an_intervention() -> None:
    event = _of(
        "On Monday, students marched in Kumasi and the police repressed the march.",
        "protest_with_intervention",
    )
    assert event.codes.acled_sub_event_type == "Protest with intervention"


def test_a_response_to_a_later_demonstration_is_not_the_first_ones() -> None:
    text = (
        "On Monday, nurses marched in Kumasi over unpaid wages. "
        "Their union said more marches would follow. "
        "On Tuesday, students protested in Tamale and police dispersed them."
    )
    peaceful = _of(text, "protest")
    assert [p.name for p in peaceful.locations] == ["Kumasi"]
    dispersed = _of(text, "protest_with_intervention")
    assert [p.name for p in dispersed.locations] == ["Tamale"]
