"""One pass over capitalised sequences: each is matched against the actor and place
dictionaries; actors go into the annotation, place candidates are returned for resolution."""

from __future__ import annotations

import re

from streams.extraction.actor_matching import (
    add_actor,
    appositive_people,
    country_before,
    person_by_title,
    title_people,
)
from streams.extraction.annotated import ActorEntry, ActorMention, Annotated, RawPlace
from streams.extraction.article_dates import month_words
from streams.extraction.gazetteer import gazetteer
from streams.extraction.name_lexicon import (
    CAP_SEQ,
    actor_index,
    clean_name,
    first_words,
    title_lexicon,
    token_spans,
)
from streams.extraction.place_coinage import bare_unit, road_pair, unit_at_home
from streams.extraction.place_names import GENERIC_WORDS
from streams.extraction.region_names import ADMIN_PAREN, scan_regions

_MOTION_PREP = re.compile(r"\b(?:in|to|into|at|near|outside)\s+$")

_NAME_GOES_ON = re.compile(r" [A-Z]")

METONYM_SUBJECT = re.compile(
    r"^(?:(?:’s|'s)\s+(?:campaign|policy|support|decision|position|stance|response|allies|ally|"
    r"demands?|plan|proposal|offer|sanctions|government|leadership|envoy|military|war|"
    r"strategy|claims?|refusal|backing)\b|"
    r"(?:’s|'s)?\s+(?:(?:again|also|still|then|later|swiftly|quickly|repeatedly|once again)\s+)?"
    r"(?:has|have|had|said|says|is|was|were|will|would|denied|denies|announced|"
    r"accused|wants|warned|claimed|insisted|rejected|called|urged|responded|officials|"
    r"spokesman|spokeswoman)\b)"
)

ORG_HEADS = frozenset(
    (
        "Party",
        "Ministry",
        "Council",
        "Movement",
        "Front",
        "Committee",
        "Agency",
        "Office",
        "Commission",
        "Court",
        "Association",
        "Alliance",
        "Brigades",
        "Brigade",
        "Bureau",
        "Federation",
        "Organisation",
        "Organization",
        "Coalition",
        "Parliament",
        "Assembly",
        "Congress",
        "Senate",
        "Directorate",
        "Corps",
        "Guard",
        "Institute",
    )
)

PLACE_PREFIX = re.compile(
    r"\b(?:Puerto|Port|Porto|San|Santa|Santo|São|Sao|New|Fort|Mount|Cape|Lake|Saint|St\.?|"
    r"Ciudad|Villa|Nueva|Nuevo|Bandar|Kafr|Beit|Deir|Umm|Tel|Ras)\s+$"
)

ARABIC_ARTICLE = re.compile(r"\b[aAeE]l-$")

_VARIANT_CONTEXT = re.compile(
    # a bare "of" is too weak ("the Support of Islam"): only "the town of", "outskirts of"...
    r"\b(?:in|at|near|outside|from|to|into|toward|towards|around|over|hit|struck|targeting|"
    r"(?:town|city|village|villages|region|province|district|outskirts|suburbs?|area|port|"
    r"capital|east|west|north|south) of|"
    r"hitting|shelled|attacked|bombed|captured|seized|recaptured|entered|liberated|took|"
    r"stormed|raided|evacuated)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_INSTITUTION_HEADS = frozenset(("Court", "Assembly", "Council", "Parliament", "Directorate"))


def scan_names(doc: Annotated) -> list[RawPlace]:
    """One pass over capitalised sequences: actors into doc.actors, place candidates returned."""
    index = actor_index()
    text = doc.text
    titles = title_lexicon()
    raw_places: list[RawPlace] = []
    # "Chasiv Yar (Kramatorsk district, Donetsk region)": the bracket qualifies the town
    taken: list[tuple[int, int]] = [m.span() for m in ADMIN_PAREN.finditer(text)]
    qualifiers = list(taken)
    # "On August 28", "from March 10", "from March to May": a word inside a date is no place
    taken.extend((d.start, d.end) for d in doc.dates)
    taken.extend(month_words(text))
    scan_regions(doc, index, raw_places, taken, qualifiers)
    title_people(doc, index, taken)
    appositive_people(doc, index, taken)
    for seq in CAP_SEQ.finditer(text):
        toks = [
            t
            for t in token_spans(seq.group(0), seq.start())
            if not any(a <= t[0] < b for a, b in taken)
        ]
        i = 0
        while i < len(toks):
            i = match_at(doc, toks, i, index=index, titles=titles, raw_places=raw_places)
    return raw_places


def match_at(
    doc: Annotated,
    toks: list[tuple[int, int]],
    i: int,
    *,
    index: dict[str, ActorEntry],
    titles: dict[str, str],
    raw_places: list[RawPlace],
) -> int:
    """Match the longest dictionary name starting at token i; the index of the next token."""
    text = doc.text
    g = gazetteer()
    first = clean_name(text[toks[i][0] : toks[i][1]])
    if _backed_or_people(doc, toks[i][0], first, index):
        return i + 1
    if first not in first_words() and not g.knows_first_word(first):
        # no name in any dictionary starts with this word: maybe a unit's seat, a road
        # between two towns or a place in another spelling
        used = _coined(doc, toks[i][0], first, 1, raw_places)
        return i + used if used is not None else variant_at(doc, toks, i, raw_places)
    for n in range(min(5, len(toks) - i), 0, -1):
        start = toks[i][0]
        surface = clean_name(text[start : toks[i + n - 1][1]])
        if surface in titles:
            return person_by_title(doc, toks, i, n, surface)
        used = _match_name(doc, (start, start + len(surface), surface), n, index, raw_places)
        if used is not None:
            return i + used
    return variant_at(doc, toks, i, raw_places)


def _backed_or_people(doc: Annotated, start: int, first: str, index: dict[str, ActorEntry]) -> bool:
    """A first word that is a group's backers or a country's people; True when handled."""
    backed = index.get(first[4:]) if first.startswith("Pro-") else None
    if backed is not None and backed.source == "group":
        # "Pro-Houthi fighters" at a sentence start: the group's own forces
        add_actor(doc, backed, (start + 4, start + len(first)), first[4:], index)
        return True
    leader = index.get(first[:-4]) if first.endswith("-led") else None
    if leader is not None and leader.source != "person":
        # "a Saudi-led air raid", "US-led forces": who leads the act is its doer
        add_actor(doc, leader, (start, start + len(first) - 4), first[:-4], index)
        return True
    plural = index.get(first[:-1]) if first.endswith("s") else None
    if plural is not None and plural.source == "demonym" and plural.country:
        # "Palestinians", "Iraqis": the article is about that country; the people are not
        # the state, so no actor
        doc.focus[plural.country] += 1
        return True
    return False


def _match_name(
    doc: Annotated,
    span: tuple[int, int, str],
    n: int,
    index: dict[str, ActorEntry],
    raw_places: list[RawPlace],
) -> int | None:
    """Match the n tokens of span as one name: how many tokens it used, None if no name."""
    start, end, surface = span
    g = gazetteer()
    entry = index.get(surface)
    if entry is not None:
        if entry.source != "country" or not PLACE_PREFIX.search(
            doc.text[max(0, start - 12) : start]
        ):  # "Puerto Jordan", "New Mexico": a town named after, not the country
            _known_actor(doc, entry, span, index, raw_places)
        return n
    if n > 1 and surface in g.stopwords:
        return n  # "Red Sea", "Gulf of Aden": a name, but not a place we code
    if n > 1 and surface.split()[-1] in ORG_HEADS:
        return _organization(doc, span, n, raw_places)
    if n == 1 and surface in GENERIC_WORDS and _NAME_GOES_ON.match(doc.text, end):
        return n  # "East Hurua village", "West Garo Hills": the head of a longer name
    cands = g.lookup(surface) + g.admin1_names.get(surface, [])
    if not cands:
        return _coined(doc, start, surface, n, raw_places)
    cands = unit_at_home(doc, surface, cands)
    article = ARABIC_ARTICLE.search(doc.text, max(0, start - 4), start)
    if article:  # "the town of al-Mayadin": the place starts at its article
        start = article.start()
    raw_places.append(RawPlace(start, end, doc.text[start:end], cands, False))
    return n


def _coined(
    doc: Annotated, start: int, surface: str, n: int, raw_places: list[RawPlace]
) -> int | None:
    """A name the gazetteer lacks that the text still places (place_coinage); n, else None."""
    coined = bare_unit(doc, start, surface) or road_pair(doc.text, start, surface)
    if coined is None:
        return None
    raw_places.append(coined)
    return n


def _known_actor(
    doc: Annotated,
    entry: ActorEntry,
    span: tuple[int, int, str],
    index: dict[str, ActorEntry],
    raw_places: list[RawPlace],
) -> None:
    """A dictionary actor; a country or a capital's metonym is a place candidate too."""
    start, end, surface = span
    g = gazetteer()
    add_actor(doc, entry, (start, end), surface, index)
    if entry.source == "country" and entry.country in g.iso3:
        # "Gaza Strip" names Palestine as an actor but a smaller area as a place
        place = g.areas.get(surface) or g.iso3[entry.country]
        raw_places.append(RawPlace(start, end, surface, [place], True))
    elif entry.source == "metonym" and g.lookup(surface):
        after = doc.text[end : end + 20]
        # "a visit to Kyiv has been called off": after a preposition it is the place
        strong = bool(_MOTION_PREP.search(doc.text[max(0, start - 8) : start]))
        if strong or not METONYM_SUBJECT.match(after):
            raw_places.append(RawPlace(start, end, surface, g.lookup(surface), strong))


def _organization(
    doc: Annotated, span: tuple[int, int, str], n: int, raw_places: list[RawPlace]
) -> int:
    """'Republican People's Party', 'Kenya Medical Association': an organization."""
    start, end, surface = span
    if surface.startswith("The "):
        return 1  # "The Southern Transitional Council": the name starts after "The"
    city_of_institution(doc, surface, start, raw_places)
    country = country_before(doc, start)
    doc.actors.append(
        ActorMention(surface, "organization", country, start, end, surface, "organization")
    )
    return n


def city_of_institution(
    doc: Annotated, surface: str, start: int, raw_places: list[RawPlace]
) -> None:
    """'at the Islamabad High Court': the court is in that city, which is where it happened."""
    first = surface.split(maxsplit=1)[0]
    if surface.rsplit(maxsplit=1)[-1] not in _INSTITUTION_HEADS:
        return
    cities = [p for p in gazetteer().lookup(first) if p.precision == "city"]
    if cities and max(p.population for p in cities) >= 100_000:
        raw_places.append(RawPlace(start, start + len(first), first, cities, False))


def variant_at(
    doc: Annotated, toks: list[tuple[int, int]], i: int, raw_places: list[RawPlace]
) -> int:
    """'in Hodeidah' (GeoNames 'Al Ḩudaydah'): a place under another spelling, only right after
    a location word."""
    start = toks[i][0]
    # "the town of al-Busayrah": GeoNames writes the article as "Al Buşayrah"
    article = ARABIC_ARTICLE.search(doc.text, max(0, start - 4), start)
    before = start - len(article.group(0)) if article else start
    if not _VARIANT_CONTEXT.search(doc.text[max(0, before - 25) : before]) or any(
        d.start <= start < d.end for d in doc.dates
    ):
        return i + 1  # "on Monday" is a date, whatever town it sounds like
    gaz = gazetteer()
    # the whole capitalised run must be the name: "Serhiy Lysak" is a person, not "Serhiyi"
    for n in range(min(3, len(toks) - i), 0, -1):
        if i + n < len(toks) and toks[i + n][0] - toks[i + n - 1][1] <= 1:
            continue
        end = toks[i + n - 1][1]
        surface = clean_name(doc.text[start:end])
        cands = (gaz.lookup(f"Al {surface}") if article else []) or gaz.lookup_variant(surface)
        if cands:
            end = start + len(surface)
            raw_places.append(RawPlace(before, end, doc.text[before:end], cands, False, True))
            return i + n
    return i + 1
