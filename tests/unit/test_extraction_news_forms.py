"""Common news phrasings that used to be missed or over-read, each checked against the event
an analyst would code by hand."""

from __future__ import annotations

import pytest

from streams.extraction import extract
from streams.schemas import Article, Event


def _events(text: str) -> list[Event]:
    return extract(Article(id="t", text=text, published_at="2024-03-18T09:00:00Z"))


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Niger's military government announced on Sunday that it was ending its military "
            "cooperation agreement with the United States with immediate effect.",
            "2024-03-17",
        ),
        (
            "Mali's junta announced late on Thursday that it was terminating the 2015 peace "
            "agreement with northern separatist groups.",
            "2024-03-14",
        ),
    ],
)
def test_extraction_statement_announced_on_a_day_that(text: str, date: str) -> None:
    statements = [e for e in _events(text) if e.event_type == "statement"]
    assert [(e.status, e.when.date) for e in statements] == [("occurred", date)]


@pytest.mark.parametrize(
    "text",
    [
        "The Israeli military on Monday ordered about 100,000 Palestinians to leave eastern "
        "Rafah and move to an expanded humanitarian zone along the coast.",
        "Clashes between ELN guerrillas and FARC dissidents around the town of Tibú on Friday "
        "killed at least 30 people and forced more than 5,000 residents from their homes.",
    ],
)
def test_extraction_humanitarian_evacuation_orders_and_displacement(text: str) -> None:
    assert "humanitarian_impact" in {e.event_type for e in _events(text)}


def test_extraction_casualty_toll_since_an_invasion_years_ago_is_no_event() -> None:
    # codebook rules 3 and 8: a total since an invasion years ago is a running total
    text = (
        "More than 10,500 civilians have been killed in Ukraine since Russia's full-scale "
        "invasion in February 2022, a UN mission said on Monday."
    )
    assert _events(text) == []


def test_extraction_arson_on_a_rail_network_is_an_infrastructure_attack() -> None:
    text = (
        "Coordinated arson attacks on France's high-speed rail network early on Friday "
        "disrupted travel for up to 800,000 passengers, the rail operator SNCF said."
    )
    assert [e.event_type for e in _events(text)] == ["attack_on_infrastructure"]


def test_extraction_attacks_stepped_up_over_years_are_background() -> None:
    text = (
        "Islamabad accuses the Taliban government of sheltering fighters of the Pakistani "
        "Taliban, who have stepped up attacks inside Pakistan over the past two years."
    )
    assert [e for e in _events(text) if e.category == "conflict"] == []


def test_extraction_status_strikes_that_would_continue_are_not_occurred() -> None:
    text = "Defence Minister Israel Katz said the strikes would continue until the troops left."
    assert {e.status for e in _events(text)} <= {"planned", "threatened"}
    assert _events(text)


def test_extraction_humanitarian_evacuated_officials_are_no_impact() -> None:
    text = (
        "Thousands of demonstrators broke through police lines outside the parliament "
        "complex as legislators were evacuated through an underground tunnel."
    )
    assert "humanitarian_impact" not in {e.event_type for e in _events(text)}


def test_extraction_places_an_event_name_is_not_the_scene() -> None:
    text = (
        "Coordinated arson attacks on France's high-speed rail network early on Friday "
        "disrupted travel hours before the opening ceremony of the Paris Olympics."
    )
    [event] = _events(text)
    assert [loc.name for loc in event.locations] == ["France"]


def test_extraction_places_the_citys_district_is_that_city() -> None:
    text = (
        "Russian shelling hit Kherson on Tuesday, killing two people. The shelling damaged a "
        "substation, leaving about 3,000 households in the city's Dniprovskyi district "
        "without power."
    )
    impacts = [e for e in _events(text) if e.event_type == "humanitarian_impact"]
    assert [
        [(loc.name, loc.admin1.code if loc.admin1 else None) for loc in e.locations]
        for e in impacts
    ] == [[("Kherson", "UA-65")]]


def test_extraction_number_words_stop_at_and() -> None:
    text = (
        "A Russian glide bomb hit an apartment block in Zaporizhzhia on Tuesday, killing seven "
        "and injuring 23."
    )
    [event] = _events(text)
    assert event.quantities.killed is not None and event.quantities.injured is not None
    assert (event.quantities.killed.value, event.quantities.injured.value) == (7, 23)


def test_extraction_witnesses_are_no_victims() -> None:
    text = (
        "Ethiopian federal forces and Fano militiamen fought in Bahir Dar on Wednesday, "
        "residents said."
    )
    assert [e.event_type for e in _events(text)] == ["armed_clash"]


def test_extraction_a_bombing_at_a_market_is_an_attack() -> None:
    text = "A suicide bomber killed 12 people at a market in Maiduguri on Wednesday."
    [event] = _events(text)
    assert event.event_type == "suicide_bomb"  # the codebook: the attacker blew himself up
    assert event.quantities.killed is not None and event.quantities.killed.value == 12
    assert [loc.name for loc in event.locations] == ["Maiduguri"]


def test_extraction_a_gas_explosion_is_no_attack() -> None:
    text = "A gas explosion at a restaurant in Lyon injured five people on Wednesday."
    assert [e for e in _events(text) if e.category == "conflict"] == []


def test_extraction_called_for_is_an_appeal() -> None:
    text = "Antonio Guterres called for an immediate ceasefire in Gaza on Sunday."
    appeals = [e for e in _events(text) if e.event_type == "appeal"]
    assert [[a.name for a in e.actors if a.role == "initiator"] for e in appeals] == [
        ["Antonio Guterres"]
    ]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Gunmen killed a police officer in Karachi on Tuesday.", 1, None),
        (
            "Three civilians were killed and a child was injured by Russian shelling of Kherson.",
            3,
            1,
        ),
    ],
)
def test_extraction_one_victim_named_with_a(text: str, killed: int, injured: int | None) -> None:
    [event] = [e for e in _events(text) if e.category == "conflict"]
    assert event.quantities.killed is not None
    assert event.quantities.killed.value == killed
    got = event.quantities.injured.value if event.quantities.injured else None
    assert got == injured


def test_extraction_a_number_of_is_no_count() -> None:
    text = "A number of people were wounded in the attack on the convoy in Ituri on Monday."
    assert all(e.quantities.injured is None for e in _events(text))


def test_extraction_pro_group_fighters_are_the_group() -> None:
    text = "Pro-Houthi fighters attacked a merchant ship off Yemen on Monday."
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert [[(a.role, a.name) for a in e.actors if a.role == "initiator"] for e in conflict] == [
        [("initiator", "Houthis")]
    ]


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        (
            "Hamas proposed a five-year truce in exchange for the release of all hostages.",
            "ceasefire_proposal",
            "occurred",
        ),
        (
            "Talks between Armenia and Azerbaijan are due to resume in Washington next month.",
            "diplomatic_meeting",
            "planned",
        ),
        (
            "North Korea warned it could launch missiles at US bases in Guam.",
            "missile_attack",
            "threatened",
        ),
    ],
)
def test_extraction_status_of_proposals_and_coming_talks(
    text: str, event_type: str, status: str
) -> None:
    assert [(e.event_type, e.status) for e in _events(text)][:1] == [(event_type, status)]


def test_extraction_no_one_killed_is_no_casualty() -> None:
    text = "A drone hit an oil depot in Bryansk overnight. No one was killed in the attack."
    assert all(e.quantities.killed is None for e in _events(text))


def test_extraction_a_launch_with_interceptions_is_still_the_attack() -> None:
    text = (
        "Ukraine's air force said Russia launched 112 drones and six ballistic missiles "
        "overnight, and that air defences shot down 87 drones."
    )
    [event] = _events(text)
    assert event.event_type == "air_strike"
    assert {(w.kind, w.count) for w in event.quantities.weapons} == {("drone", 112), ("missile", 6)}


@pytest.mark.parametrize(
    "text",
    [
        "On 11 May 2025, JNIM militants attacked a military base in Djibo, killing 50 soldiers.",
        "On the night of 11-12 May, a Russian drone hit a grain terminal in Odesa.",
        "In May, fighters attacked a police station in Djibo, killing five officers.",
    ],
)
def test_extraction_status_the_month_may_is_no_doubt(text: str) -> None:
    article = Article(id="may", text=text, published_at="2025-05-16T10:00:00Z")
    events = [e for e in extract(article) if e.category == "conflict"]
    assert [e.status for e in events][:1] == ["occurred"]


@pytest.mark.parametrize(
    "text",
    [
        "Flash floods unleashed by torrential rain killed at least 95 people in the Valencia "
        "region, as soldiers joined rescuers searching for the missing.",
        "More than 150,000 homes were left without power after the storm tore through towns "
        "near the front line overnight.",
        "A 19-year-old man was stabbed to death outside a nightclub in Manchester late on "
        "Sunday, Greater Manchester Police said.",
        "Nvidia shares were hit by their biggest loss in history after DeepSeek launched a "
        'cheap AI model that rivals said had "dropped a bomb" on the industry.',
        "Police said a man murdered two neighbours in Lyon on Sunday.",
        "The company executed 5 trades on Sunday.",
        "Storm Brigid battered Ireland overnight, and the weather service issued a red warning, "
        "urging people to stay indoors. A man was injured when a tree fell on his car. "
        '"Some customers could be without electricity for several days," the utility said.',
        "Scientists said the compound could be a new weapon in the war against resistance. "
        "Drug-resistant infections cause more than a million deaths worldwide each year.",
    ],
)
def test_extraction_disasters_crime_and_figures_of_speech_are_no_conflict(text: str) -> None:
    assert [(e.event_type, e.category) for e in _events(text)] == []


def test_extraction_a_stabbing_by_militants_is_still_an_attack() -> None:
    text = "Militants stabbed two villagers to death in Beni territory on Sunday, officials said."
    assert [e.event_type for e in _events(text)] == ["attack_on_civilians"]


def test_extraction_an_attack_told_after_since_is_background() -> None:
    text = (
        "Tensions have soared since gunmen killed 26 people, most of them tourists, near "
        "Pahalgam in Indian Kashmir on March 2."
    )
    assert [e for e in _events(text) if e.category == "conflict"] == []


def test_extraction_places_a_landmark_after_near_is_no_second_scene() -> None:
    text = (
        "On Monday, Israeli troops detained dozens of people in the village of Tammun, near "
        "Tubas, during house-to-house searches."
    )
    arrests = [e for e in _events(text) if e.event_type == "arrest"]
    assert [[loc.name for loc in e.locations] for e in arrests] == [["Ţammūn"]]


def test_extraction_places_a_capital_speaking_is_no_scene() -> None:
    text = (
        "U.S. air strikes on the port of Hodeidah late Thursday killed at least 74 people, "
        "in the deadliest attack of Washington's campaign against the rebels."
    )
    [event] = [e for e in _events(text) if e.category == "conflict"]
    assert "Washington" not in {loc.name for loc in event.locations}


def test_extraction_rioters_against_police_face_the_state() -> None:
    text = (
        "Rioters hurled stones at police and set cars on fire in Nairobi on Tuesday, and "
        "police fired tear gas."
    )
    riots = [e for e in _events(text) if e.event_type == "riot"]
    assert [sorted((a.role, a.name) for a in e.actors) for e in riots] == [
        [("initiator", "Protesters"), ("target", "Kenya")]
    ]


def test_extraction_arrested_protesters_are_the_target() -> None:
    text = "Police in Tbilisi detained dozens of protesters on Sunday."
    arrests = [e for e in _events(text) if e.event_type == "arrest"]
    assert [[(a.role, a.name) for a in e.actors if a.role == "target"] for e in arrests] == [
        [("target", "Protesters")]
    ]


def test_extraction_a_called_off_summit_is_dated_by_its_announcement() -> None:
    text = (
        "President Donald Trump said on Sunday that his planned summit with Russian President "
        "Vladimir Putin in Budapest had been called off."
    )
    meetings = [e for e in _events(text) if e.event_type == "diplomatic_meeting"]
    assert [(e.status, e.when.date) for e in meetings] == [("cancelled", "2024-03-17")]


def test_extraction_victims_joined_by_and_are_counted() -> None:
    text = (
        "JNIM fighters attacked an army base in Djibo on Sunday; at least 50 soldiers and "
        "volunteers of the VDP were killed."
    )
    [event] = [e for e in _events(text) if e.category == "conflict"]
    assert event.quantities.killed is not None
    assert (event.quantities.killed.value, event.quantities.killed.qualifier) == (50, "at_least")


def test_extraction_a_toll_since_then_is_background() -> None:
    text = (
        "Military jets bombed a village near Shwebo on Sunday, killing 12 civilians. The army "
        "seized power in 2021; air strikes have killed thousands of civilians since then."
    )
    [event] = [e for e in _events(text) if e.category == "conflict"]
    assert event.quantities.killed is not None
    assert event.quantities.killed.value == 12


def test_extraction_a_sanctions_reason_and_its_listed_entities_are_no_events() -> None:
    text = (
        "The European Union on Monday imposed sanctions on Iran Air over the transfer of "
        "ballistic missiles and drones to Russia. Among those targeted is the Islamic Republic "
        "of Iran Shipping Lines, which the EU said had carried weapons shipments to Russia."
    )
    assert [e.event_type for e in _events(text)] == ["sanctions_imposed"]


def test_extraction_regional_blocs_meet() -> None:
    text = (
        "Regional leaders from the East African Community and the Southern African Development "
        "Community are due to meet in Tanzania on Saturday to discuss the crisis."
    )
    meetings = [e for e in _events(text) if e.event_type == "diplomatic_meeting"]
    assert [(e.status, sorted(a.name for a in e.actors)) for e in meetings] == [
        ("planned", ["East African Community", "Southern African Development Community"])
    ]


@pytest.mark.parametrize(
    ("text", "event_type", "places"),
    [
        (  # the court is in the city
            "Paramilitary Rangers arrested former prime minister Imran Khan at the Islamabad "
            "High Court on Monday.",
            "arrest",
            ["Islamabad"],
        ),
        (  # the dateline city of a lead arrest
            "ISTANBUL — Turkish police detained Istanbul Mayor Ekrem Imamoglu in a dawn raid on "
            "his home on Monday.",
            "arrest",
            ["Istanbul"],
        ),
        (  # a later clause's place is not this strike's
            "Israel struck the military headquarters in central Damascus on Monday, as it "
            "stepped up attacks to press for a withdrawal from the province of Sweida.",
            "conflict",
            ["Damascus"],
        ),
        (  # where people fled to is not where it happened
            "Evacuation orders for 14 villages and parts of Tyre prompted thousands of people "
            "to flee north towards Sidon after Israeli strikes on Monday.",
            "humanitarian_impact",
            ["Tyre"],
        ),
    ],
)
def test_extraction_places_institutions_datelines_clauses_destinations(
    text: str, event_type: str, places: list[str]
) -> None:
    events = [e for e in _events(text) if event_type in (e.event_type, e.category)]
    assert [[loc.name for loc in e.locations] for e in events][:1] == [places]


def test_extraction_the_arrest_told_again_is_no_new_arrest() -> None:
    text = (
        "Police arrested opposition leader Imran Khan in Islamabad on Monday. The interior "
        "minister said the arrest had been carried out on the orders of the bureau."
    )
    assert len([e for e in _events(text) if e.event_type == "arrest"]) == 1


def test_extraction_places_the_town_is_the_one_told_before_not_its_landmark() -> None:
    text = (
        "M23 rebels clashed with the army around Sake, a town 25 km west of Goma, on Monday. "
        "Shells fell on the town's market, killing four people."
    )
    shelling = [e for e in _events(text) if e.event_type == "missile_attack"]
    assert [[loc.name for loc in e.locations] for e in shelling] == [["Sake"]]


def test_extraction_a_visit_and_a_joint_news_conference_are_meetings() -> None:
    text = (
        "French Foreign Minister Jean-Noël Barrot, visiting Beirut, met Lebanon's prime "
        "minister on Monday. Belgium signed an agreement with Ukraine on Monday to supply 30 "
        "F-16 jets, Prime Minister Alexander De Croo said at a joint news conference with "
        "Volodymyr Zelenskyy in Brussels."
    )
    events = _events(text)
    meetings = [e for e in events if e.event_type == "diplomatic_meeting"]
    assert [[loc.name for loc in e.locations] for e in meetings] == [["Beirut"], ["Brussels"]]
    [aid] = [e for e in events if e.event_type == "military_aid"]
    assert sorted((a.role, a.name) for a in aid.actors) == [
        ("initiator", "Belgium"),
        ("target", "Ukraine"),
    ]


def test_extraction_backers_join_and_lists_of_sanctioning_states_stay_whole() -> None:
    clash = _events(
        "M23 rebels backed by Rwandan troops pushed into the centre of Goma overnight after "
        "days of fighting, residents said."
    )
    assert [[a.name for a in e.actors if a.role == "initiator"] for e in clash][:1] == [
        ["M23", "Rwanda"]
    ]
    sanctions = _events("Britain, France and Germany imposed sanctions on Iran Air on Friday.")
    assert [[a.name for a in e.actors if a.role == "initiator"] for e in sanctions] == [
        ["United Kingdom", "France", "Germany"]
    ]


def test_extraction_people_who_fled_a_town_are_displaced_from_it() -> None:
    text = (
        "Gang members stormed the town of Mirebalais on Monday. The International Organization "
        "for Migration said more than 5,000 people fled Mirebalais on Monday and Tuesday, many "
        "heading to Saut-d'Eau."
    )
    impacts = [e for e in _events(text) if e.event_type == "humanitarian_impact"]
    assert [[loc.name for loc in e.locations] for e in impacts] == [["Mirebalais"]]


def test_extraction_a_suburb_is_the_place_and_organising_the_attacks_is_a_reference() -> None:
    text = (
        "Gunmen attacked the wealthy Port-au-Prince suburb of Pétion-Ville on Monday, setting "
        "homes on fire, Haitian police said. The United States announced sanctions on two gang "
        "leaders accused of "
        "organising the attacks."
    )
    events = _events(text)
    conflict = [e for e in events if e.category == "conflict"]
    assert [[loc.name for loc in e.locations] for e in conflict] == [["Pétionville"]]
    assert "sanctions_imposed" in {e.event_type for e in events}


def test_extraction_gunmen_from_a_group_are_the_group() -> None:
    text = (
        "Gunmen from the Viv Ansanm gang coalition attacked a suburb of Port-au-Prince on "
        "Monday, setting homes on fire, Haitian police said."
    )
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert [[a.name for a in e.actors if a.role == "initiator"] for e in conflict] == [
        ["Viv Ansanm"]
    ]


def test_extraction_status_after_a_may_date_reads_the_right_words() -> None:
    text = (
        "President Donald Trump announced on May 13 in Riyadh that he would end the sanctions, "
        "and met Syria's interim president Ahmed al-Sharaa the next day."
    )
    article = Article(id="may2", text=text, published_at="2025-05-24T09:00:00Z")
    meetings = [e for e in extract(article) if e.event_type == "diplomatic_meeting"]
    assert [e.status for e in meetings] == ["occurred"]


@pytest.mark.parametrize(
    ("text", "initiator", "killed"),
    [
        (
            "Members of the Los Chapitos faction of the Sinaloa Cartel shot and killed 3 "
            "civilians, including a 12-year-old boy, at a car wash in Culiacán on Sunday.",
            "Sinaloa Cartel",
            3,
        ),
        (
            "ISIS-Mozambique militants beheaded 2 civilians in a village outside Macomia on "
            "Sunday and burned several houses.",
            "Islamic State Mozambique",
            2,
        ),
        (
            "Five villagers were executed by jihadists near Djibo on Sunday, residents said.",
            "Jihadists",
            5,
        ),
    ],
)
def test_extraction_killings_named_by_their_manner_are_attacks_on_civilians(
    text: str, initiator: str, killed: int
) -> None:
    [event] = _events(text)
    assert event.event_type == "attack_on_civilians"
    assert [a.name for a in event.actors if a.role == "initiator"] == [initiator]
    assert event.quantities.killed is not None
    assert event.quantities.killed.value == killed


def test_extraction_an_explosives_laden_drone_is_an_air_strike() -> None:
    text = (
        "A drone laden with explosives crashed near Erbil International Airport on Sunday, "
        "where US-led coalition forces are stationed."
    )
    assert [e.event_type for e in _events(text)] == ["air_strike"]


@pytest.mark.parametrize(
    ("text", "event_type", "killed"),
    [
        (
            "Fighters of the Islamic State Sahel Province killed at least 17 worshippers during "
            "Friday prayers at a mosque in a village near Ouallam, the Defense Ministry said.",
            "attack_on_civilians",
            17,
        ),
        (
            'On Sunday, the army said troops had killed "about 30 terrorists" in an operation '
            "near the town of Tillaberi.",
            "armed_clash",
            30,
        ),
    ],
)
def test_extraction_an_armed_side_that_killed_n_people_is_an_attack(
    text: str, event_type: str, killed: int
) -> None:
    [event] = _events(text)
    assert event.event_type == event_type
    assert event.quantities.killed is not None
    assert event.quantities.killed.value == killed


def test_extraction_shots_at_people_waiting_for_aid_and_the_wars_toll() -> None:
    text = (
        "Israeli strikes on tents in the Muwasi area of Khan Younis killed at least 16 people "
        "early Monday, hospital officials said. On Sunday, Israeli troops opened fire near an "
        "aid distribution site north of Rafah, killing seven Palestinians who were waiting for "
        "food, the Health Ministry said. The war began on Oct. 7, 2023. Israel's offensive has "
        "killed more than 62,000 Palestinians, according to the Health Ministry."
    )
    events = _events(text)
    assert [
        (e.event_type, e.quantities.killed.value if e.quantities.killed else None) for e in events
    ] == [
        ("air_strike", 16),
        ("attack_on_civilians", 7),
    ]


def test_extraction_the_group_that_claimed_the_assault_is_the_attacker() -> None:
    text = (
        "Jihadists linked to al-Qaeda attacked a military camp on the outskirts of Kayes early on "
        "Monday, killing at least seven soldiers, army sources said. The Group for the Support of "
        "Islam and Muslims (JNIM), al-Qaeda's Sahel branch, claimed the assault in a statement."
    )
    conflict = [e for e in _events(text) if e.category == "conflict"]
    assert [
        (e.event_type, [a.name for a in e.actors if a.role == "initiator"]) for e in conflict
    ] == [("armed_clash", ["JNIM"])]
    assert [loc.name for loc in conflict[0].locations] == ["Kayes"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the opening date anchors the note; its second event is not in the future
            "On 11 August 2025, ISM militants attacked Chai village in Macomia district, "
            "beheading three civilians and burning about 20 houses. On 12 August 2025, Rwandan "
            "forces clashed with ISM militants near Mocimboa da Praia, killing four militants.",
            "2025-08-14T09:00:00Z",
            [("attack_on_civilians", "2025-08-11", 3), ("armed_clash", "2025-08-12", 4)],
        ),
        (  # "two days earlier" than the ambush, not than "said on Friday"
            "Islamist militants ambushed a convoy near Fada N'Gourma on Wednesday, killing at "
            "least 23 soldiers, security sources said on Friday. Two days earlier, gunmen on "
            "motorcycles killed eight civilians in the market of Diapaga, a resident said.",
            "2026-02-20T16:00:00Z",
            [("armed_clash", "2026-02-18", 23), ("attack_on_civilians", "2026-02-16", 8)],
        ),
    ],
)
def test_extraction_dates_told_from_another_day_are_past_events(
    text: str, published: str, expected: list[tuple[str, str, int]]
) -> None:
    events = extract(Article(id="days", text=text, published_at=published))
    assert [e.status for e in events] == ["occurred"] * len(expected)
    assert [
        (e.event_type, e.when.date, e.quantities.killed.value if e.quantities.killed else None)
        for e in events
    ] == expected


def test_extraction_one_protester_killed_is_counted() -> None:
    text = (
        "A protester was killed and at least 45 people were injured in Lima on Wednesday night "
        "when demonstrations against a pension reform turned violent."
    )
    [event] = _events(text)
    assert event.quantities.killed is not None and event.quantities.killed.value == 1
    assert event.quantities.injured is not None and event.quantities.injured.value == 45


@pytest.mark.parametrize(
    ("text", "initiator", "target"),
    [
        (
            "On Thursday, Somali troops fought al Shabaab fighters for several hours near Jowhar, "
            "killing more than 20 militants.",
            "Somalia",
            "al-Shabaab",
        ),
        (
            "The U.S. military's Africa Command said it carried out an air strike against al "
            "Shabaab near Afgooye on Friday.",
            "United States",
            "al-Shabaab",
        ),
    ],
)
def test_extraction_a_state_against_its_own_insurgents_and_the_speaker_who_struck(
    text: str, initiator: str, target: str
) -> None:
    [event] = _events(text)
    assert [(a.role, a.name) for a in event.actors] == [
        ("initiator", initiator),
        ("target", target),
    ]


def test_extraction_no_side_attacks_itself_when_retellings_merge() -> None:
    text = (
        "The paramilitary Rapid Support Forces (RSF) shelled the besieged city of El Obeid on "
        "Tuesday, killing nine civilians and wounding 21 others, doctors said Wednesday.\n\n"
        "Shells fell on a market in the capital of North Kordofan province, the medical group "
        'said, accusing the RSF of "deliberately targeting civilians".'
    )
    events = extract(Article(id="sides", text=text, published_at="2025-12-03T14:00:00Z"))
    for event in events:
        initiators = {a.name for a in event.actors if a.role == "initiator"}
        targets = {a.name for a in event.actors if a.role == "target"}
        assert initiators and not initiators & targets, event.actors


def test_extraction_storming_a_police_station_is_a_clash_with_the_state() -> None:
    text = (
        "On Saturday, fighters of the Pakistani Taliban stormed a police station in Bannu in "
        "Khyber Pakhtunkhwa province, killing three policemen before four attackers were shot "
        "dead, police said."
    )
    [event] = _events(text)
    assert event.event_type == "armed_clash"
    assert [a.name for a in event.actors if a.role == "target"] == ["Pakistan"]


def test_extraction_the_attackers_of_the_next_sentence_are_the_same_attack() -> None:
    text = (
        "Unidentified gunmen ambushed a police patrol near Jiribam in Manipur on Friday evening, "
        "killing one trooper and wounding four, police said. The attackers fired from a hillside "
        "at two vehicles returning to camp, and the troopers returned fire."
    )
    assert [e.event_type for e in _events(text) if e.category == "conflict"] == ["armed_clash"]
