"""Admin1 names from ISO 3166-2 and towns qualified by their region."""

from __future__ import annotations

import pytest

from streams.errors import LexiconError
from streams.extraction import extract
from streams.extraction.gazetteer import Gazetteer, gazetteer, load_areas, name_variants
from streams.schemas import Article


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nord-Kivu", {"North Kivu", "Nord Kivu"}),
        ("Syunik'", {"Syunik"}),
        ("Basra Governorate", {"Basra"}),
        ("Southern Darfur", {"South Darfur"}),
    ],
)
def test_gazetteer_name_variants_english_forms(name: str, expected: set[str]) -> None:
    assert expected <= name_variants(name)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("North Kivu", "CD-NK"),
        ("South Darfur", "SD-DS"),
        ("Sagaing", "MM-01"),
        ("Deir ez-Zor", "SY-DY"),
        ("Khyber Pakhtunkhwa", "PK-KP"),
    ],
)
def test_gazetteer_admin1_index_has_iso_names(surface: str, code: str) -> None:
    codes = {p.admin1_code for p in gazetteer().admin1.get(surface, [])}
    assert code in codes


def _locations(text: str) -> list[tuple[str, str | None, str]]:
    article = Article(id="t", text=text, published_at="2024-06-06T09:00:00Z")
    return [
        (loc.name, loc.admin1.code if loc.admin1 else None, loc.precision)
        for event in extract(article)
        for loc in event.locations
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces struck Pavlohrad, Dnipropetrovsk region, killing two people.",
            ("Pavlohrad", "UA-12", "city"),
        ),
        (
            "Fighters attacked a village near Al-Manaqil in Sudan's Gezira state on Wednesday, "
            "killing 20 people.",
            ("Al Manāqil", "SD-GZ", "city"),
        ),
        (
            "Russian shelling hit Zmiivka, Kherson oblast, killing one man.",
            ("Kherson Oblast", "UA-65", "admin1"),
        ),
        (
            "A drone strike hit a market in Deir ez-Zor province, killing 4 people.",
            ("Deir ez-Zor", "SY-DY", "admin1"),
        ),
    ],
)
def test_extraction_places_town_and_region(text: str, expected: tuple[str, str, str]) -> None:
    assert _locations(text) == [expected]


@pytest.mark.parametrize(
    ("region", "code"),
    [("Zaporizhzhia", "UA-23"), ("Kherson", "UA-65")],
)
def test_extraction_places_region_picks_homonym(region: str, code: str) -> None:
    text = f"Russian drones hit Novomykolaivka in {region} region overnight, killing two people."
    assert _locations(text) == [("Novomykolaivka", code, "city")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # another transliteration of "Al Ḩudaydah"
            "Israeli air strikes hit Hodeidah port in Yemen on Friday, the Houthis said.",
            ("Al Ḩudaydah", "YE-HU", "city"),
        ),
        (
            "A car bomb exploded in Qamishli in northeastern Syria on Tuesday, killing five.",
            ("Al Qāmishlī", "SY-HA", "city"),
        ),
        (  # a small town vouched for by the region that owns it
            "Militants attacked a police station in Manipur's Jiribam district on Monday, "
            "killing two policemen.",
            ("Jiribam", "IN-MN", "city"),
        ),
        (  # the homonym in the region the article names, not the bigger one in Karnataka
            "Maoist rebels blew up a police vehicle with an IED in Bijapur district of "
            "Chhattisgarh on Monday, killing eight commandos.",
            ("Bījāpur", "IN-CG", "city"),
        ),
        (  # a region name with "de" in it is not its shorter namesake (Santander)
            "Clashes around the town of Tibú in Colombia's Norte de Santander department on "
            "Friday killed at least 30 people.",
            ("Tibú", "CO-NSA", "city"),
        ),
        (  # a capital used for its government is still a place after "to"
            "A planned visit by Hungarian Prime Minister Viktor Orbán to Kyiv has been "
            "called off, Hungary's foreign ministry said.",
            ("Kyiv", "UA-30", "city"),
        ),
    ],
)
def test_extraction_places_spelling_owner_and_region(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _locations(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # weekday and personal names share consonants with towns; they are not places
        "Pakistani and Afghan forces exchanged fire along their border on Saturday, killing 9.",
        "Iraqi police said gunmen opened fire at Mohammed Hassan in Baghdad on Monday.",
    ],
)
def test_extraction_places_spelling_variants_not_everywhere(text: str) -> None:
    names = {name for name, _, _ in _locations(text)}
    assert not names & {"Sita Road", "Al Maḩmūdīyah", "Mohammadia"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a named area, reported as a region with coordinates, not as the whole country
            "Israeli air strikes across the Gaza Strip killed at least 41 people on Tuesday, the "
            "territory's health ministry said.",
            ("Gaza Strip", None, "admin1"),
        ),
        (  # "Palestinians" puts the article in Palestine, so Rafah is not a foreign homonym
            "The Israeli military on Monday ordered about 100,000 Palestinians to leave "
            "eastern Rafah, as families packed belongings onto carts.",
            ("Rafaḩ", None, "city"),
        ),
        (  # the oblast is named after the city, not after a Kazakh village called the same
            "On 7 November 2024, Russian forces struck Zaporozhye city, Zaporozhye oblast, with "
            "guided aerial bombs, killing four civilians.",
            ("Zaporizhzhya", "UA-23", "city"),
        ),
    ],
)
def test_extraction_places_areas_focus_and_named_regions(
    text: str, expected: tuple[str, str | None, str]
) -> None:
    assert _locations(text) == [expected]


def test_extraction_places_nationwide_arrests_are_the_countrys() -> None:
    text = (
        "Rioters torched cars and looted shops in Nanterre overnight. Interior Minister Gérald "
        "Darmanin said 1,311 people had been arrested across France overnight."
    )
    article = Article(id="t", text=text, published_at="2024-06-06T09:00:00Z")
    arrests = [e for e in extract(article) if e.event_type == "arrest"]
    assert [[loc.name for loc in e.locations] for e in arrests] == [["France"]]


@pytest.mark.parametrize(
    "row",
    [
        {"name": "X", "country": "ZZZ", "latitude": 1, "longitude": 2, "aliases": ["X"]},
        {"name": "X", "country": "UKR", "latitude": "north", "longitude": 2, "aliases": ["X"]},
        {"name": "X", "country": "UKR", "latitude": 1, "longitude": 2},
    ],
)
def test_gazetteer_areas_file_is_validated(row: dict[str, object]) -> None:
    gaz = Gazetteer(iso3=dict(gazetteer().iso3))
    with pytest.raises(LexiconError, match=r"areas\.json"):
        load_areas(gaz, {"areas": [row]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Ukrainian-style spelling of GeoNames "Kup'yans'k", vouched for by its region
            "On 14 February 2024, Russian forces shelled Kupiansk, Kharkiv region, injuring two "
            "civilians.",
            ("Kupyansk", "UA-63", "city"),
        ),
        (  # the Gaza town, not its four-times-smaller Egyptian namesake
            "On 2 April 2024, an Israeli airstrike hit a house in Rafah, killing 9 people.",
            ("Rafaḩ", None, "city"),
        ),
        (  # an unknown province name does not borrow a town's region from another country
            "On 5 March 2024, JNIM militants attacked a military post in Djibo, Soum province, "
            "killing 12 soldiers.",
            ("Djibo", "BF-12", "city"),
        ),
    ],
)
def test_extraction_places_spellings_and_dominant_namesakes(
    text: str, expected: tuple[str, str | None, str]
) -> None:
    assert _locations(text) == [expected]


def test_extraction_places_a_first_name_is_no_town_spelling() -> None:
    text = (
        "Russian missiles hit Dnipro overnight, killing two people, regional governor Serhiy "
        "Lysak said."
    )
    assert [name for name, _, _ in _locations(text)] == ["Dnipro"]


def test_extraction_places_middle_juba_is_not_juba_in_south_sudan() -> None:
    text = "A US air strike hit al-Shabaab fighters near Jilib, in Middle Juba region, on Friday."
    assert all(code != "SS-EC" for _, code, _ in _locations(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the bracket of an event note qualifies the town; its district is no second place
            "On 2 June 2024, Russian forces assaulted Ukrainian positions near Chasiv Yar "
            "(Kramatorsk district, Donetsk region).",
            [("Chasiv Yar", "UA-14", "city")],
        ),
        (
            "On 4 June 2024, FSB officers detained a man in Moscow (Moscow city) on suspicion "
            "of preparing a bomb attack.",
            [("Moscow", "RU-MOW", "city")],
        ),
        (  # the escort named with "by" is not the attacker, so the town stays the scene
            "On 5 June 2024, an IED struck a civilian convoy escorted by the Malian army near "
            "Gao (Gao cercle, Gao region), killing at least 25 civilians.",
            [("Gao", "ML-7", "city")],
        ),
    ],
)
def test_extraction_places_event_note_brackets(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _locations(text) == expected


def test_extraction_places_an_arabic_article_joined_to_the_town() -> None:
    text = (
        "Islamic State militants ambushed a patrol of the U.S.-backed Syrian Democratic Forces "
        "near the town of al-Busayrah in eastern Syria on Tuesday, killing five fighters. "
        "Late Monday, a bomb exploded in a market in the town of al-Mayadin, killing three "
        "civilians."
    )
    events = extract(Article(id="al", text=text, published_at="2025-06-11T08:00:00Z"))
    places = [[(loc.name, loc.country) for loc in e.locations] for e in events]
    assert places == [[("Al Buşayrah", "SYR")], [("Al Mayādīn", "SYR")]]
