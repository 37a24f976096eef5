"""Checks that a place name found in the text names where something happened, not part of
another name or a homonym elsewhere."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from streams.extraction.annotated import Annotated
from streams.extraction.gazetteer import Place, fold, gazetteer

LOC_PREP = re.compile(
    r"(?:\b(?:in|at|near|outside|from|to|into|toward|towards|across|around|over|on|of|"
    r"targeting|hit|struck|village of|town of|city of|region of|province of|hitting|shelled|"
    r"bombed|attacked|captured|recaptured|seized|liberated|stormed|raided|visiting|visited|"
    r"fled|fleeing|"
    r"between|and|including|attack on|strike on|strikes on)|,)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

ADJECTIVAL = (
    re.compile(  # "the Kyiv government", "the Bryansk chemical plant": a name, not the place
        r"^\s+(?:government|administration|regime|authorities|authority|officials|leadership|"
        r"delegation|side|military|army|forces|talks|process|format|agreement|accords?|"
        r"chemical|plant|factory|refinery|works|power plant|nuclear)\b"
    )
)

_DATA = Path(__file__).resolve().parent / "data" / "en"

_SETTLEMENT_OF = re.compile(r"\b(?:village|town|city|hamlet|settlement)\s+of\s+$", re.I)

_SUBURB_OF = re.compile(r"^\s+(?:suburb|neighbou?rhood|outskirts)\s+of\s+[A-Z]")

_NAME_HEAD_AFTER = re.compile(
    r"^\s+(?:Olympics|Olympic|Paralympics|Games|Marathon|Festival|Agreements?|agreements?|"
    r"Accords?|accords?|Protocol|Format|format|Declaration|Times|Post|Independent|Herald|Club|"
    r"Stock Exchange|Open|Fashion Week|Biennale)\b"
)

_TITLE_AFTER = re.compile(
    r"^\s+(?:Governor|Mayor|Gov\.|Region Governor|regional governor|governor|mayor|police|"
    r"officials?|authorities)\b"
)


@lru_cache(maxsize=1)
def _settlement_after() -> re.Pattern[str]:
    """A settlement word right after a name (data/en/place_units.json, "settlement")."""
    raw = json.loads((_DATA / "place_units.json").read_text(encoding="utf-8"))
    words = "|".join(sorted((re.escape(w) for w in raw["settlement"]), key=len, reverse=True))
    return re.compile(rf"\s+(?:{words})\b")


def placed_by_words(text: str, start: int, end: int) -> bool:
    """The words around a name say it is a place: a location word before it ('in', 'at',
    'attacked') or a settlement word after it, in lower case ('Mandera town', 'Boyo village':
    'Mexico City' is a name)."""
    return bool(LOC_PREP.search(text[max(0, start - 25) : start])) or settlement_after(text, end)


def settlement_after(text: str, end: int) -> bool:
    """A settlement word in lower case right after the name ending at `end`."""
    return bool(_settlement_after().match(text, end))


def only_a_name(doc: Annotated, best: Place, start: int, end: int) -> bool:
    """The place name is part of another name here, not where something happened."""
    after = doc.text[end : end + 30]
    if _TITLE_AFTER.match(after):
        return True  # "Bryansk Governor X": the place only qualifies an office
    if _NAME_HEAD_AFTER.match(after):
        return True  # "the Paris Olympics", "the Minsk agreements": a name, not a scene
    if _SUBURB_OF.match(after):
        return True  # "the Port-au-Prince suburb of Pétion-Ville": the suburb is the place
    # "the Kyiv government": a name used as an adjective
    return (
        best.precision != "country"
        and doc.text[max(0, start - 4) : start] == "the "
        and bool(ADJECTIVAL.match(after))
    )


def stands_alone(
    doc: Annotated,
    best: Place,
    cands: list[Place],
    span: tuple[int, int, str],
    *,
    context: bool,
    home: frozenset[str],
) -> bool:
    """A town or region nothing vouches for is a place only when the text makes it likely.
    `home`: the countries the text is about (its focus, else the one country its words and
    places point to), empty when it points nowhere."""
    start, _end, surface = span
    before = doc.text[max(0, start - 25) : start]
    if surface in gazetteer().stopwords and not _stopword_placed(doc, best, span):
        return False
    if not context and best.population < 100_000:
        return False
    abroad = bool(home) and best.country3 not in home
    if abroad and _SETTLEMENT_OF.search(before) and len({c.country3 for c in cands}) == 1:
        return True  # "the village of Tammun": a named settlement with no namesake abroad
    if (
        abroad
        and best.population < SMALL_ABROAD
        and not unambiguous_town(best, cands, surface, context=context)
    ):
        return False  # a small town abroad, in an article about elsewhere: a homonym
    # "Cano Limon-Covenas pipeline": not Kano (Nigeria) in a Colombian story; with no country
    # to read it in, "Sam Ouandja" is not Damascus under one of its other names either, and
    # "Bagan Thande Hotel", "Jua Kali" are not a small town abroad
    return not ((abroad or not home) and part_of_a_longer_name(doc, best, span, abroad=abroad))


def _stopword_placed(doc: Annotated, best: Place, span: tuple[int, int, str]) -> bool:
    """A common word that is also a town is that town only right after a location word, and
    not at the head of a longer name ('at Freedom Plaza', 'School and College', 'the Front
    for Democracy'); a region so named ('Jonglei and Unity') after any location word."""
    start, end, _surface = span
    before = doc.text[max(0, start - 25) : start]
    if best.precision != "city":
        return bool(LOC_PREP.search(before))
    return bool(_PREP_BEFORE.search(before)) and not runs_on(
        doc, start, end, units=True, before=False
    )


_PREP_BEFORE = re.compile(r"\b(?:in|at|near|outside|into|to|from|around)\s+$", re.IGNORECASE)

SMALL_ABROAD = 200_000
"""A town abroad below this size, in a text about elsewhere, is taken for a homonym."""


def part_of_a_longer_name(
    doc: Annotated, best: Place, span: tuple[int, int, str], *, abroad: bool
) -> bool:
    """The name runs into a capitalised word next to it ('Jua Kali', 'Bula Sheikh'): part of a
    longer name, when the gazetteer knows the place under another name, or when it is a small
    town abroad and the word is no unit word ('Muse Township'). At home, or with no country
    to read it in, a town's own name before another word is the town ('Meru University')."""
    start, end, surface = span
    differs = fold(best.name) != fold(surface)
    small = abroad and best.precision == "city" and best.population < SMALL_ABROAD
    if not (differs or small):
        return False
    return runs_on(doc, start, end, units=not differs, before=best.precision == "city")


def runs_on(doc: Annotated, start: int, end: int, *, units: bool, before: bool = True) -> bool:
    """The name at start:end runs into a capitalised word after it (or, with `before`, one
    before it that opens no sentence): a part of a longer name. With `units`, a unit word
    ('Township', 'District') does not count: the name is written with its kind."""
    after = _NEXT_WORD.match(doc.text, end)
    if after is not None and not (units and after.group(1).lower() in _unit_words()):
        return True
    previous = _PREVIOUS_WORD.search(doc.text, max(0, start - 30), start)
    return (
        before
        and previous is not None
        and previous.group(1).lower() not in _unit_words()
        and not any(s.start == previous.start(1) for s in doc.sentences)
        and previous.start(1) != doc.dateline_end
    )


_NEXT_WORD = re.compile(r"\s([A-Z][\w’'\-]*)")

_PREVIOUS_WORD = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]*) $")


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """The words naming a kind of place after its name (data/en/place_units.json)."""
    raw = json.loads((_DATA / "place_units.json").read_text(encoding="utf-8"))
    return frozenset(w for key in ("settlement", "unit", "region") for w in raw[key])


def unambiguous_town(best: Place, cands: list[Place], surface: str, *, context: bool) -> bool:
    """'Russian forces struck Pavlohrad': a sizeable town with no namesake of a similar size
    elsewhere, named after a location word, is the place even when the article names only the
    attacker's country."""
    rivals = [c.population for c in cands if c.country3 != best.country3]
    return (
        context
        and best.precision == "city"
        and best.population >= 50_000
        and fold(best.name) == fold(surface)
        # no namesake abroad, or none half its size ("in Rafah": Gaza's, not Egypt's)
        and all(2 * pop <= best.population for pop in rivals)
    )
