"""Regions named with a unit word ("Kharkiv region", "the provinces of Idlib and Hama")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from streams.extraction import lexicons
from streams.extraction.annotated import ActorEntry, Annotated, RawPlace
from streams.extraction.gazetteer import Place
from streams.extraction.name_lexicon import admin1_candidates, clean_name, names_an_actor
from streams.extraction.place_coinage import unit_seat

COMPASS = re.compile(r"(?:North|South|East|West|Upper|Lower|Middle|Central|Northern|Southern)\s")

ADMIN_PAREN = re.compile(
    r"\((?=[^()]*\b(?:district|region|province|county|cercle|department|oblast|raion|rayon|"
    r"governorate|state|municipality|prefecture|commune|city|township|division|LGA|"
    r"territory|zone)\b)[^()]{2,160}\)",
    re.IGNORECASE,
)

REGION_AFTER = re.compile(
    r"^(?:,\s*|\s+in\s+(?:[\w’'-]+\s+){0,3}?)([A-Z][\w’'\-]+(?:[\s-][A-Z][\w’'\-]+)?)\s+"
    r"(?i:region|province|state|oblast|governorate)\b"
)

_REGION_NAME = (
    r"[A-Z][\w’'\-]+(?:[\s-](?:(?:al|el|ez|ad|ar|as|ash|az|ed|es)-|(?:de|del|do|da)\s)?"
    r"[A-Z][\w’'\-]+)?"
)

_REGION_NAME_RE = re.compile(_REGION_NAME)


class _RegionPatterns(NamedTuple):
    after: re.Pattern[str]  # "Kharkiv region", "Sumy Oblast"
    after_many: re.Pattern[str]  # "the Kharkiv and Sumy regions"
    before: re.Pattern[str]  # "the region of Kharkiv", "the provinces of Idlib and Hama"


@lru_cache(maxsize=1)
def region_patterns() -> _RegionPatterns:
    """The phrases that name a region, built from the unit words of region_words.json."""
    units = lexicons.region_words().units
    one = "|".join(u.word for u in units)
    many = "|".join(u.plural for u in units)
    lead = "|".join(f"{u.plural}|{u.word}" for u in units if u.before_name)
    names = rf"(?:{_REGION_NAME}(?:,\s+|,?\s+and\s+))+{_REGION_NAME}"
    return _RegionPatterns(
        re.compile(rf"\b({_REGION_NAME})\s+(?i:{one})\b"),
        re.compile(rf"\b({names})\s+(?i:{many})\b"),
        re.compile(rf"\b(?i:{lead})\s+of\s+(?:the\s+)?((?:{names})|{_REGION_NAME})"),
    )


def scan_regions(
    doc: Annotated,
    index: dict[str, ActorEntry],
    raw_places: list[RawPlace],
    taken: list[tuple[int, int]],
    qualifiers: list[tuple[int, int]],
) -> None:
    """Regions named with a unit word: read as the admin1 area, never as the town of that name
    (its capital), which the later scan of capitalised words would otherwise find."""
    text = doc.text
    patterns = region_patterns()
    for match in patterns.after.finditer(text):
        if names_an_actor(text[max(0, match.start() - 40) : match.end()], index):
            continue  # "Islamic State West Africa Province": a group, not a region
        if any(a <= match.start() < b for a, b in qualifiers):
            continue
        start, cands = _region_named(match.group(1), match.start(1))
        cands = _written_with(cands, match.group(0)[len(match.group(1)) :])
        if cands:
            raw_places.append(RawPlace(start, match.end(), text[start : match.end()], cands, True))
            taken.append((start, match.end()))
        elif not _unit_below(text, match, raw_places, taken) and not names_an_actor(
            match.group(0), index
        ):
            taken.append((start, match.end()))  # "Foo province": a region we do not know
        if COMPASS.match(match.group(1)):
            # "North Kivu province": "North" is part of the region's name, not a place
            taken.append((match.start(1), start if cands else match.end()))
    for pattern in (patterns.after_many, patterns.before):
        for match in pattern.finditer(text):
            if not names_an_actor(text[max(0, match.start() - 40) : match.end()], index):
                _listed_regions(text, match, raw_places, taken)


def _unit_below(
    text: str, match: re.Match[str], raw_places: list[RawPlace], taken: list[tuple[int, int]]
) -> bool:
    """'Kossi Province': a province below a region (ISO 3166-2's second level), read as its
    seat in that region (place_coinage); False when the name is no such unit."""
    seat = unit_seat(match.group(1), set())
    if seat is None:
        return False
    span = (match.start(1), match.end())
    raw_places.append(RawPlace(*span, text[span[0] : span[1]], [seat], True))
    taken.append(span)
    return True


def _region_named(name: str, start: int) -> tuple[int, list[Place]]:
    """Where the region's name starts and its candidates: "Sudan's Gezira state" and "Russia's
    Kursk and Belgorod regions" name it by the last word; "Middle Juba" is not "Juba"."""
    cands = admin1_candidates(name)
    if not cands and " " in name and not COMPASS.match(name):
        start += name.rindex(" ") + 1
        cands = admin1_candidates(name[name.rindex(" ") + 1 :])
    return start, cands


def _written_with(cands: list[Place], unit: str) -> list[Place]:
    """The regions of a name several countries share, those of the countries that write their
    regions with this unit word first ('Eastern Region': Ghana's or Uganda's before Fiji's
    Eastern Division): best_place takes the first of equal rank when no country of the text
    (its focus or context) decides."""
    word = unit.strip().lower()
    countries = {c for u in lexicons.region_words().units if u.word == word for c in u.countries}
    return sorted(cands, key=lambda c: c.country3 not in countries)


def _listed_regions(
    text: str, match: re.Match[str], raw_places: list[RawPlace], taken: list[tuple[int, int]]
) -> None:
    """Each name of "the Kharkiv and Sumy regions" / "the regions of Kharkiv and Sumy" that is a
    known region, as that region."""
    for name in _REGION_NAME_RE.finditer(match.group(1)):
        start, cands = _region_named(name.group(0), match.start(1) + name.start())
        end = match.start(1) + name.start() + len(clean_name(name.group(0)))
        if any(a <= start < b for a, b in taken):
            continue
        if cands:
            raw_places.append(RawPlace(start, end, text[start:end], cands, True))
            taken.append((start, end))
