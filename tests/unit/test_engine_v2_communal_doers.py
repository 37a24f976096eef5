"""Engine v2 on notes it used to leave with no event: fights between communities with no armed
side, roles spread over two joined verbs, a named civilian with a post before the name, and
an armed organisation the dictionaries lack taking a place. Sentences written for these tests
(in no gold set, not in the ACLED cache); each rule's near misses make no event."""

from __future__ import annotations

from tests.unit.test_engine_v2_no_event_notes import MONDAY, _codes, _events, _one, _places


def test_communities_fighting_with_dead_told_after_are_an_armed_clash() -> None:
    event = _one("Inhabitants fought Fulani herders near Tamale on Monday. Two were killed.")
    assert _codes(event) == ("Battles", "Armed clash")
    assert _places(event) == ["Tamale"]
    assert event.when.date == MONDAY


def test_a_communal_word_on_the_fight_names_both_sides() -> None:
    event = _one("Tribal fighting broke out in Wajir on Monday.")
    assert event.event_type == "armed_clash"
    assert _places(event) == ["Wajir"]
    assert event.when.date == MONDAY


def test_kin_fighting_or_a_lone_clan_elder_is_no_communal_clash() -> None:
    assert _events("Two brothers fought over the farm in Tamale on Monday. One was injured.") == []
    assert _events("A clan elder fought for his rights in Wajir on Monday.") == []
    assert _events("A custody battle between the two families went to court in Tamale.") == []


def test_victim_and_doer_on_two_joined_verbs_make_one_attack() -> None:
    event = _one("A shopkeeper was shot and killed by gunmen in Rajshahi on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert [a.name for a in event.actors if a.role == "initiator"] == ["Gunmen"]
    assert _places(event) == ["Rajshahi"]
    assert event.when.date == MONDAY


def test_joined_verbs_with_no_doer_stay_crime() -> None:
    assert _events("A shopkeeper was shot and killed in Rajshahi on Monday.") == []


def test_a_named_person_with_a_civilian_post_is_a_civilian_victim() -> None:
    event = _one("Unknown assailants attacked party secretary John Mensah in Tamale on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Tamale"]


def test_a_named_officer_is_no_civilian_victim() -> None:
    event = _one("Gunmen attacked Colonel John Mensah in Tamale on Monday.")
    assert _codes(event) == ("Battles", "Armed clash")


def test_an_unknown_acronym_taking_a_place_is_an_armed_group_overtaking_it() -> None:
    event = _one("The NRDF seized the town of Kaga-Bandoro on Monday.")
    assert _codes(event) == ("Battles", "Non-state actor overtakes territory")
    assert _places(event) == ["Kaga-Bandoro"]
    assert event.when.date == MONDAY


def test_a_headline_takeover_of_a_named_place_is_news() -> None:
    event = _one("NRDF rebels take control of Kaga-Bandoro")
    assert event.event_type == "territory_seized"
    assert _places(event) == ["Kaga-Bandoro"]


def test_an_acronym_taking_control_of_no_place_is_no_takeover() -> None:
    assert _events("The WHO took control of the vaccination campaign on Monday.") == []


def test_a_killed_party_candidate_is_political_violence_with_no_doer_named() -> None:
    event = _one("A party candidate, John Doe, was gunned down in Lahore on Monday.")
    assert _codes(event) == ("Violence against civilians", "Attack")
    assert _places(event) == ["Lahore"]
    assert event.when.date == MONDAY


def test_a_killed_shopkeeper_with_no_doer_stays_crime() -> None:
    assert _events("A shopkeeper was stabbed to death outside a bar in Rajshahi on Monday.") == []


def test_sides_of_a_clash_had_by_a_joined_subject() -> None:
    event = _one("Supporters of the NPP and the NDC had a violent clash in Tamale on Monday.")
    # the two sides are read; unarmed party supporters are rioters (round 7: crowd_words)
    assert event.event_type == "mob_violence"
    assert _places(event) == ["Tamale"]
    assert _events("The couple had a clash over money in Tamale on Monday.") == []


def test_sides_engaged_in_a_fight_with_weapons_told() -> None:
    text = (
        "Members of the herder community engaged in a fight with farmers at a market in Tamale "
        "on Monday. Five people were injured by machetes."
    )
    event = _one(text)
    assert event.event_type == "armed_clash"
    assert _places(event) == ["Tamale"]


def test_a_clash_read_as_a_modifier_of_the_opening_noun_has_that_noun_as_its_side() -> None:
    event = _one("On Monday, 200 inmates clashed with police at the prison in Nairobi.")
    assert _codes(event) == ("Riots", "Mob violence")
    assert _places(event) == ["Nairobi"]


def test_a_present_clash_naming_its_two_sides_opening_a_text_is_news() -> None:
    event = _one("Herders clash with farmers in Wajir.")
    assert event.event_type == "armed_clash"
    assert _places(event) == ["Wajir"]
    assert _events("Herders often clash with farmers in Wajir.") == []
