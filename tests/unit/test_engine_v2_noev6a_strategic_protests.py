"""Engine v2 on strategic developments and protests it used to leave with no event (round 6):
livestock or goods seized and property burnt down, a robbery by armed men, fighters disarmed,
unexploded ordnance cleared, a participle the parser read as an adjective, a weaker cue of a
sentence when its strongest is dropped, abandoned bases occupied; demonstrations told in the
present of a headline, by a strike begun, a rally held, a march into the streets, a gathering
with a demand, thousands marching. Sentences written for these tests, in no gold set and not
in the ACLED cache; each rule's near miss makes no event of that kind."""

from __future__ import annotations

from tests.unit.test_engine_v2_no_event_notes import MONDAY, _codes, _events, _one, _places

LOOTING = ("Strategic developments", "Looting/property destruction")
PEACEFUL = ("Protests", "Peaceful protest")


def test_gunmen_seizing_oxen_loot_livestock() -> None:
    event = _one("On Monday, gunmen seized five oxen from a herder in Gao.")
    assert _codes(event) == LOOTING
    assert _places(event) == ["Gao"]
    assert event.when.date == MONDAY


def test_property_burnt_down_by_soldiers_is_destruction() -> None:
    text = "On Monday, soldiers entered Gao and burned down several of the villagers' huts."
    assert [_codes(e) for e in _events(text)] == [LOOTING]


def test_a_person_burned_to_death_is_no_property_destruction() -> None:
    codes = [_codes(e) for e in _events("On Monday, a man was burned to death in Gao.")]
    assert LOOTING not in codes


def test_armed_men_robbing_a_convoy_loot_it() -> None:
    event = _one("On Monday, an aid convoy was robbed near Gao by armed men.")
    assert _codes(event) == LOOTING
    assert _places(event) == ["Gao"]


def test_a_robbery_by_unnamed_thieves_is_no_event() -> None:
    assert _events("On Monday, a shop was robbed in Gao.") == []


def test_cattle_killed_by_soldiers_is_property_destruction() -> None:
    event = _one("On Monday, soldiers killed three hundred cows belonging to herders in Gao.")
    assert _codes(event) == LOOTING


def test_a_looting_participle_after_a_told_act_is_an_act() -> None:
    event = _one("On Monday, militants stormed Gao, looted shops and left before dusk.")
    assert event.codes.acled_event_type == "Strategic developments"
    assert _places(event) == ["Gao"]


def test_looted_goods_named_in_a_list_stay_no_event() -> None:
    assert _events("Police displayed photographs of looted goods in Gao on Monday.") == []


def test_fighters_disarming_rival_fighters_is_disrupted_weapons_use() -> None:
    event = _one("On Monday, rebels disarmed militiamen of a rival faction in Gao.")
    assert _codes(event) == ("Strategic developments", "Disrupted weapons use")
    assert _places(event) == ["Gao"]


def test_unexploded_ordnance_cleared_by_the_army_is_disrupted() -> None:
    text = "On Monday, the army cleared unexploded ordnance from farmland near Gao."
    event = _one(text)
    assert _codes(event) == ("Strategic developments", "Disrupted weapons use")


def test_abandoned_bases_occupied_by_forces_change_hands() -> None:
    text = (
        "On Monday, government troops deserted positions near Gao. "
        "Rebel forces then occupied the abandoned bases."
    )
    codes = [_codes(e) for e in _events(text)]
    assert ("Strategic developments", "Non-violent transfer of territory") in codes


def test_a_present_demonstration_verb_in_a_headline_is_a_protest() -> None:
    event = _one("Teachers in Kisumu protest a cut in their allowances.")
    assert _codes(event) == PEACEFUL
    assert _places(event) == ["Kisumu"]


def test_a_protest_named_as_a_noun_is_not_read_as_a_verb() -> None:
    assert _events("The teachers said the protest in Kisumu would be a mistake.") == []


def test_workers_beginning_a_strike_protest() -> None:
    text = "More than sixty workers at a textile factory in Gazipur went on strike on Monday."
    event = _one(text)
    assert _codes(event) == PEACEFUL
    assert event.when.date == MONDAY


def test_jets_beginning_a_strike_are_no_protest() -> None:
    text = "On Monday, soldiers in Gazipur began a strike on a rebel hideout."
    assert PEACEFUL not in [_codes(e) for e in _events(text)]


def test_a_party_holding_a_rally_protests() -> None:
    event = _one("On Monday, the opposition party held a rally in Gazipur against price rises.")
    assert _codes(event) == PEACEFUL
    assert _places(event) == ["Gazipur"]


def test_activists_going_down_into_the_streets_protest() -> None:
    text = "On Monday, hundreds of activists went down into the streets of Kisumu to demand jobs."
    event = _one(text)
    assert _codes(event) == PEACEFUL
    assert _places(event) == ["Kisumu"]


def test_supporters_gathering_with_a_demand_protest() -> None:
    text = (
        "On Monday, supporters of a jailed mayor gathered outside the court in Kisumu, "
        "demanding his release."
    )
    event = _one(text)
    assert _codes(event) == PEACEFUL
    assert _places(event) == ["Kisumu"]


def test_people_gathering_at_a_scene_with_no_demand_are_no_protest() -> None:
    text = "On Monday, residents gathered outside the hospital in Kisumu after a bus crash."
    assert PEACEFUL not in [_codes(e) for e in _events(text)]


def test_thousands_marching_in_a_town_protest() -> None:
    event = _one("On Monday, thousands marched in Kisumu for better roads.")
    assert _codes(event) == PEACEFUL
    assert _places(event) == ["Kisumu"]


def test_villagers_forming_a_human_chain_protest() -> None:
    text = "On Monday, villagers formed a human chain along the highway in Gazipur against a dam."
    event = _one(text)
    assert _codes(event) == PEACEFUL


def test_a_cattle_trader_killed_is_an_attack_not_destruction() -> None:
    event = _one("On Monday, gunmen killed a cattle trader in Gao.")
    assert _codes(event) == ("Violence against civilians", "Attack")


def test_a_camp_named_as_a_place_is_no_gathering() -> None:
    text = "On Monday, rebels burned a school at a camp in Gao."
    assert [_codes(e) for e in _events(text)] == [LOOTING]
