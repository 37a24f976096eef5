"""Engine v2: the place an event note says the event is coded at ('coordinates for X used',
'coded as X': components/families/coded_place), and a settlement word after a name placing it
as a location word before it does ('overran Wajir town': extraction/place_checks). Sentences
written for these tests (in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

from streams.extraction import extract
from streams.schemas import Article

PUB = "2024-05-03T08:00:00Z"
NOW = datetime(2024, 5, 3, tzinfo=UTC)


def _places(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    """(name, country, admin1, located) of the places of the text's ACLED events."""
    events = extract(Article(text=text, published_at=PUB), extracted_at=NOW, engine="spacy")
    return [
        (p.name, p.country, p.admin1.name if p.admin1 else None, p.latitude is not None)
        for e in events
        if e.codes.acled_event_type
        for p in e.locations
    ]


def test_coordinates_for_a_town_place_the_event_there() -> None:
    text = "Unknown gunmen killed two herders in a village of Liben woreda"
    assert _places(f"{text} (coordinates for Negele used).") == [("Negēlē", "ETH", "Oromiya", True)]
    # without the statement: the woreda as written, unlocated
    assert _places(f"{text}.") == [("Liben", "ETH", "Somali", False)]


def test_coded_as_a_town_outranks_the_county_the_sentence_names() -> None:
    text = "Gunmen shot dead three traders near a cattle market in Rubkona county"
    assert _places(f"{text} (coded as Bentiu).") == [("Bentiu", "SSD", "Unity", True)]


def test_coordinates_are_for_a_county_capital_in_another_sentence() -> None:
    text = (
        "Two soldiers were wounded when an IED struck their patrol east of the town. "
        "Geo-precision 2 as coordinates are for Marsabit county capital."
    )
    assert _places(text) == [("Marsabit", "KEN", "Marsabit", True)]


def test_a_number_coded_is_no_place() -> None:
    text = (
        "Gunmen shot dead three traders near a cattle market in Rubkona county. "
        "Unspecified fatalities coded as 3."
    )
    assert _places(text) == [("Rubkona", "SSD", "Unity", False)]


def test_a_coded_name_that_is_no_place_leaves_the_event_where_it_was() -> None:
    text = (
        "Gunmen shot dead three traders in Rubkona county "
        "(the attackers coded as Unidentified Armed Group)."
    )
    assert _places(text) == [("Rubkona", "SSD", "Unity", False)]


def test_a_settlement_word_after_a_town_abroad_of_the_doers_places_it() -> None:
    # Al Shabaab points the text to Somalia; Wajir is a town of Kenya only
    assert _places("Al Shabaab fighters overran Wajir town on Monday, killing two officers.") == [
        ("Wajir", "KEN", "Wajir", True)
    ]
    assert _places("Al Shabaab fighters overran Wajir on Monday, killing two officers.") == []


def test_a_capitalised_city_word_is_part_of_the_name_not_a_settlement_word() -> None:
    # 'Kuwait City': the city of that name, not a town 'Kuwait' placed by 'City'
    places = _places("Protesters clashed with police in Kuwait City on Friday.")
    assert [p[:2] for p in places] == [("Kuwait City", "KWT")]


def _all_places(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(event type, name, country, admin1) of the places of every event of the text."""
    events = extract(Article(text=text, published_at=PUB), extracted_at=NOW, engine="spacy")
    return [
        (e.event_type, p.name, p.country, p.admin1.name if p.admin1 else None)
        for e in events
        for p in e.locations
    ]


def test_an_event_placed_at_a_region_takes_the_texts_one_town_in_it() -> None:
    text = (
        "Students protested across Amhara region, including Woldia. In the town, rioters "
        "burned a police car and clashed with federal police."
    )
    assert _all_places(text) == [("riot", "Weldiya", "ETH", "Amhara")]


def test_a_toll_placed_nowhere_takes_the_texts_one_town() -> None:
    text = (
        "Heavy fighting broke out in Hpakant near the jade mines. Four soldiers were killed "
        "and six were wounded."
    )
    assert _all_places(text) == [("casualty_report", "Hpākān", "MMR", "Kachin")]


def test_each_clue_word_of_a_country_votes_against_a_small_namesake_abroad() -> None:
    # two Bangladeshi party names and a Bangladeshi unit word outweigh Sonapur, a town that
    # only India has in the gazetteer: the upazila's seat is the place
    text = (
        "A man was killed in a clash between Jubo League and Chhatra Dal activists at Sonapur "
        "village in Kalia upazila on Sunday."
    )
    assert _all_places(text) == [("mob_violence", "Kālia", "BGD", "Khulna")]
    # with nothing pointing to Bangladesh, the Indian town stands
    text = "A man was killed in a clash between rival party activists at Sonapur village."
    assert [p[2] for p in _all_places(text)] == ["IND"]


def test_a_town_the_town_file_misfiles_takes_its_county() -> None:
    # data/town_fixes.json: Thika lies in Kiambu County, not the former Nairobi province
    text = "On 3 May 2024, unidentified assailants torched four houses in Thika."
    assert [(p[1], p[3]) for p in _all_places(text)] == [("Thika", "Kiambu")]
