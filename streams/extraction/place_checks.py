"""Checks that a place name found in the text names where something happened, not part of
another name or a homonym elsewhere."""

from __future__ import annotations

import re

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

_SETTLEMENT_OF = re.compile(r"\b(?:village|town|city|hamlet|settlement)\s+of\s+$", re.I)

_NAME_GOES_ON = re.compile(r"\s[A-Z]")

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
) -> bool:
    """A town or region nothing vouches for is a place only when the text makes it likely."""
    start, end, surface = span
    before = doc.text[max(0, start - 25) : start]
    if surface in gazetteer().stopwords and not LOC_PREP.search(before):
        return False
    if not context and best.population < 100_000:
        return False
    abroad = bool(doc.focus) and best.country3 not in doc.focus
    if abroad and _SETTLEMENT_OF.search(before) and len({c.country3 for c in cands}) == 1:
        return True  # "the village of Tammun": a named settlement with no namesake abroad
    if (
        abroad
        and best.population < 200_000
        and not unambiguous_town(best, cands, surface, context=context)
    ):
        return False  # a small town abroad, in an article about elsewhere: a homonym
    # "Cano Limon-Covenas pipeline": not Kano (Nigeria) in a Colombian story; with no country
    # to read it in, "Sam Ouandja" is not Damascus under one of its other names either
    return not (
        (abroad or not doc.focus)
        and fold(best.name) != fold(surface)
        and _NAME_GOES_ON.match(doc.text[end : end + 2])
    )


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
