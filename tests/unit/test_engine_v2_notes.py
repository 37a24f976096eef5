"""Engine v2 (STREAMS_ENGINE=spacy) on event-note style text: places written with their units
("X village (A, B)"), killings and beatings by a named actor, protests told in one line.
Sentences written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.extraction import extract
from streams.extraction.components.families.note_places import named_places
from streams.schemas import Article, Event

PUB = "2024-05-03T08:00:00Z"


def _events(text: str) -> list[Event]:
    article = Article(text=text, published_at=PUB)
    return extract(article, extracted_at=datetime(2024, 5, 3, tzinfo=UTC), engine="spacy")


def _places(event: Event) -> list[tuple[str, str | None]]:
    return [(p.name, p.admin1.name if p.admin1 else None) for p in event.locations]


def test_a_bracket_names_the_district_and_region_innermost_first() -> None:
    found = named_places("Gunmen raided Kulbi village (Garbo district, Lower Shabelle).")
    assert [(n.name, n.parts) for n in found] == [("Kulbi", ("Garbo", "Lower Shabelle"))]
    chain = named_places("Farmers marched in Ciwidey district, Bandung regency, West Java province")
    assert [(n.name, n.parts, n.region_word) for n in chain] == [
        ("Ciwidey", ("Bandung", "West Java"), True)
    ]


def test_a_parenthesis_that_is_no_list_of_places_is_ignored() -> None:
    assert named_places("Troops of the army (described as regular forces) moved in.") == []


def test_a_village_the_gazetteer_lacks_is_placed_at_its_district_seat_in_the_region() -> None:
    text = (
        "On 2 May 2024, militants fired mortar shells at Qoryoley-Tuulo village "
        "(Qoryoley, Lower Shabelle), wounding four residents."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert [_places(e) for e in events] == [[("Qoryooley", "Lower Shabelle")]]


def test_an_unknown_village_in_an_unknown_district_keeps_its_name_and_the_region() -> None:
    text = "On 2 May 2024, gunmen abducted two traders in Dhagaxley village (Xawaalbur, Bakool)."
    events = [e for e in _events(text) if e.codes.acled_event_type]
    assert events
    assert [(p.name, p.latitude, p.admin1 and p.admin1.code) for p in events[0].locations] == [
        ("Dhagaxley", None, "SO-BK")
    ]


def test_a_town_without_admin1_takes_the_province_written_after_it() -> None:
    text = (
        "On 2 May 2024, about 200 teachers held a peaceful protest in Cikole subdistrict, "
        "Sukabumi regency, West Java province, demanding unpaid wages."
    )
    events = [e for e in _events(text) if e.codes.acled_event_type == "Protests"]
    assert events
    assert any(region == "West Java" for e in events for _n, region in _places(e))


@pytest.mark.parametrize("unit", ["town", "village"])
def test_a_protest_in_a_named_settlement_is_kept_even_if_the_gazetteer_lacks_it(unit: str) -> None:
    events = _events(f"Bus drivers protested against new road fees in Qarbolo {unit}.")
    protests = [e for e in events if e.codes.acled_event_type == "Protests"]
    assert [_places(e) for e in protests] == [[("Qarbolo", None)]]


def _typed(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.codes.acled_event_type, e.codes.acled_sub_event_type) for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2024, suspected bandits killed a herder near Tambuwal.",
        "On 1 May 2024, unidentified gunmen murdered two traders in Kaduna.",
        "Presumed rebels assassinated a village chief in Bocaranga.",
    ],
)
def test_a_killing_of_unarmed_people_by_a_named_doer_is_violence_against_civilians(
    text: str,
) -> None:
    assert ("Violence against civilians", "Attack") in _typed(text)


def test_a_killing_of_fighters_by_a_named_doer_is_a_battle_with_its_toll() -> None:
    events = _events("On 1 May 2024, government troops killed nine insurgents near Damboa.")
    battles = [e for e in events if e.codes.acled_event_type == "Battles"]
    assert battles and battles[0].quantities.killed is not None
    assert battles[0].quantities.killed.value == 9


def test_a_beating_by_a_named_doer_is_an_attack_with_no_dead() -> None:
    events = _events("On 1 May 2024, soldiers beat three fishermen at the Kombo landing site.")
    attacks = [e for e in events if e.codes.acled_sub_event_type == "Attack"]
    assert attacks and attacks[0].quantities.killed is None


@pytest.mark.parametrize(
    "text",
    [
        "He killed the engine and walked away.",  # no victim acted on: 'the engine' is no one
        "They were killed last year.",  # no doer
    ],
)
def test_a_killing_without_a_named_doer_and_victim_makes_no_event_alone(text: str) -> None:
    kinds = [e.codes.acled_event_type for e in _events(text)]
    assert "Violence against civilians" not in kinds


def test_a_protest_that_opens_the_text_is_kept_with_no_place_or_day() -> None:
    text = "Nurses demonstrated against unpaid allowances. Their union threatened a longer strike."
    assert ("Protests", "Peaceful protest") in _typed(text)


def test_a_protest_told_later_without_place_or_day_stays_background() -> None:
    text = (
        "The health ministry published new pay scales for public hospitals this week. "
        "Nurses had demonstrated against unpaid allowances."
    )
    assert ("Protests", "Peaceful protest") not in _typed(text)


def test_an_attack_on_unarmed_people_is_violence_against_civilians_not_a_battle() -> None:
    text = "On 1 May 2024, a police raid in Kaduna killed a shopkeeper."
    kinds = _typed(text)
    assert ("Battles", "Armed clash") not in kinds
    text = "On 1 May 2024, gunmen attacked two shepherds near Kaduna."
    assert ("Violence against civilians", "Attack") in _typed(text)


def test_a_region_name_of_several_countries_is_read_in_the_country_of_the_other_places() -> None:
    text = (
        "On 1 May 2024, teachers demonstrated between Ikpinle (Adja-Ouere, Plateau) and "
        "Sakete (Sakete, Plateau) against a new levy."
    )
    protests = [e for e in _events(text) if e.codes.acled_event_type == "Protests"]
    assert protests
    assert {p.country for e in protests for p in e.locations} == {"BEN"}


@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2024, village guards and cattle raiders exchanged gunfire near Kapoeta.",
        "On 1 May 2024, an armed clash broke out between the Ndoki and Mabele clans.",
        "On 1 May 2024, two clan militias fought each other over a water point near Kapoeta.",
    ],
)
def test_a_fight_between_two_named_sides_is_a_battle_whoever_they_are(text: str) -> None:
    assert ("Battles", "Armed clash") in _typed(text)


def test_a_fight_with_one_side_named_is_no_battle_alone() -> None:
    assert ("Battles", "Armed clash") not in _typed("The two teams fought hard in the final.")


def test_a_headline_line_in_the_present_tense_is_the_texts_news() -> None:
    kinds = _typed("Soldiers kill herder near Kapoeta\nThe army has not commented.")
    assert ("Violence against civilians", "Attack") in kinds


def test_a_habit_told_in_a_full_sentence_is_no_event() -> None:
    kinds = _typed("Raiders kill herders every dry season in the region.")
    assert ("Violence against civilians", "Attack") not in kinds


def test_a_crowd_burning_property_is_a_riot_not_a_strategic_development() -> None:
    kinds = _typed("On 1 May 2024, residents of Kapoeta torched the house of a local official.")
    assert any(kind == "Riots" for kind, _sub in kinds)
    assert ("Strategic developments", "Looting/property destruction") not in kinds


def test_two_rival_crowds_clashing_is_mob_violence() -> None:
    kinds = _typed("On 1 May 2024, two rival families clashed over a plot of land in Kapoeta.")
    assert ("Riots", "Mob violence") in kinds


def test_a_clash_told_inside_a_demonstration_is_left_to_the_protest_rules() -> None:
    text = "On 1 May 2024, marchers clashed with counter-demonstrators outside the city hall."
    assert ("Battles", "Armed clash") not in _typed(text)


def test_a_participle_toll_of_an_attack_on_a_military_site_is_no_civilian_attack() -> None:
    text = "On 1 May 2024, rebels raided an army barracks near Gao, killing three people."
    kinds = _typed(text)
    assert kinds and ("Violence against civilians", "Attack") not in kinds


def test_a_killing_by_a_natural_force_is_no_attack() -> None:
    kinds = _typed("On 1 May 2024, flash floods killed twelve villagers near Kapoeta.")
    assert ("Violence against civilians", "Attack") not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Her stance on pensions has clashed with the party's new programme.",
        "The singer won a long custody battle between her former manager and her label.",
    ],
)
def test_a_clash_or_battle_of_ideas_or_lawsuits_is_no_battle(text: str) -> None:
    assert ("Battles", "Armed clash") not in _typed(text)


def test_a_region_the_gazetteer_lacks_does_not_move_a_town_the_context_resolved() -> None:
    """'X city, X oblast' with the oblast spelled unlike the gazetteer's: the written region is
    no admin1 the gazetteer knows, and the country of the doers' adjective is no place; the
    town the text resolved stays (in Ukraine, with its oblast)."""
    events = _events(
        "Russian troops shelled Zaporozhye city, Zaporozhye oblast, on Monday, wounding two women."
    )
    assert [[(p.name, p.country, p.precision) for p in e.locations] for e in events] == [
        [("Zaporizhzhya", "UKR", "city")]
    ]


def test_a_region_written_by_its_former_name_is_the_town_s_own_region() -> None:
    """'Dnipropetrovsk oblast' is the gazetteer's Dnipro Oblast: the town the context resolved
    inside it stays, with its admin1 code."""
    events = _events("Russian artillery shelled Nikopol town, Dnipropetrovsk oblast, on Monday.")
    assert [[(p.name, p.country, p.precision) for p in e.locations] for e in events] == [
        [("Nikopol", "UKR", "city")]
    ]
