"""The actor dictionary: aliases are unambiguous, and leaders and armed groups are recognised."""

from __future__ import annotations

from collections import defaultdict

import pytest

from streams.extraction import lexicons
from streams.extraction.annotate import annotate
from streams.schemas import Article

# surname-only aliases shorter than four letters that predate the rule
SHORT_PERSON_ALIASES = {"Xi"}

# countries most present in conflict and diplomacy news: each needs a head of state or government
CORE_COUNTRIES = [
    "USA",
    "RUS",
    "UKR",
    "CHN",
    "ISR",
    "IRN",
    "GBR",
    "FRA",
    "DEU",
    "TUR",
    "SAU",
    "QAT",
    "EGY",
    "ARE",
    "IND",
    "PAK",
    "AFG",
    "SYR",
    "LBN",
    "IRQ",
    "YEM",
    "SDN",
    "COD",
    "RWA",
    "ETH",
    "SOM",
    "NGA",
    "MLI",
    "BFA",
    "NER",
    "VEN",
    "COL",
    "MEX",
    "HTI",
    "MMR",
    "PRK",
    "KOR",
    "JPN",
    "POL",
    "HUN",
    "SRB",
    "GEO",
    "ARM",
    "AZE",
    "BLR",
]

LEADER_OFFICES = {
    "President",
    "Prime Minister",
    "Chancellor",
    "King",
    "Emir",
    "Supreme Leader",
    "Leader",
    "Sovereign Council Chairman",
    "Presidential Leadership Council Chairman",
    "Commander-in-Chief",
    "Transitional Presidential Council President",
}


def _owners() -> dict[str, set[str]]:
    lex = lexicons.actors()
    owners: dict[str, set[str]] = defaultdict(set)
    named: list[tuple[str, list[str]]] = [(g.name, g.aliases) for g in lex.groups]
    named += [(o.name, o.aliases) for o in lex.organizations]
    named += [(p.name, p.aliases) for p in lex.people]
    for name, aliases in named:
        for alias in aliases:
            owners[alias].add(name)
    return owners


def test_actor_lexicon_aliases_name_one_actor() -> None:
    shared = {alias: names for alias, names in _owners().items() if len(names) > 1}
    assert shared == {}


def test_actor_lexicon_person_aliases_are_long_enough() -> None:
    short = [
        alias
        for person in lexicons.actors().people
        for alias in person.aliases
        if sum(c.isalpha() for c in alias) < 4 and alias not in SHORT_PERSON_ALIASES
    ]
    assert short == []


def test_actor_lexicon_person_aliases_are_not_countries_or_titles() -> None:
    lex = lexicons.actors()
    reserved = set(lex.demonyms) | set(lex.metonyms) | set(lex.titles)
    reserved |= {
        alias.removeprefix("the ") for aliases in lex.country_aliases.values() for alias in aliases
    }
    clashes = [alias for person in lex.people for alias in person.aliases if alias in reserved]
    assert clashes == []


@pytest.mark.parametrize("country", CORE_COUNTRIES)
def test_actor_lexicon_core_country_has_leader(country: str) -> None:
    leaders = [
        p.name
        for p in lexicons.actors().people
        if p.country == country and p.office in LEADER_OFFICES
    ]
    assert leaders, f"no head of state or government for {country}"


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("Hemedti said his fighters would not withdraw.", "Mohamed Hamdan Dagalo", "person", "SDN"),
        ("Burhan rejected the truce on Sunday.", "Abdel Fattah al-Burhan", "person", "SDN"),
        ("Sharaa met the envoy in Damascus.", "Ahmed al-Sharaa", "person", "SYR"),
        ("Zelensky met Erdogan and Modi at the summit.", "Narendra Modi", "person", "IND"),
        ("Sheinbaum said Mexico would respond.", "Claudia Sheinbaum", "person", "MEX"),
        ("Tshisekedi accused Kagame of backing the rebels.", "Paul Kagame", "person", "RWA"),
        ("Lakurawa fighters attacked two villages.", "Lakurawa", "group", "NGA"),
        ("Tren de Aragua members were detained.", "Tren de Aragua", "group", "VEN"),
        (
            "Fighters loyal to the Southern Transitional Council seized Aden.",
            "Southern Transitional Council",
            "group",
            "YEM",
        ),
        (
            "The Arakan Rohingya Salvation Army denied it.",
            "Arakan Rohingya Salvation Army",
            "group",
            "MMR",
        ),
        ("ISSP fighters raided the base.", "Islamic State Sahel Province", "group", None),
    ],
)
def test_actor_lexicon_new_aliases_are_recognised(
    text: str, name: str, kind: str, country: str | None
) -> None:
    doc = annotate(Article(text=text, language="en", published_at="2025-06-01T08:00:00Z"))
    found = {(a.name, a.kind, a.country) for a in doc.actors}
    assert (name, kind, country) in found
