"""The country a text is about when it names none: the countries of its recognised actors
(state forces, armed groups with a home country), of its demonyms, of the words only one
country's notes use (data/en/country_clues.json: 'upazila', 'Awami League', 'MINUSCA'), and of
its unambiguous places (a name with no namesake in another country, or a first-level region
of one country).
When that context points to one country, an ambiguous place name is read in that country, and
a common word or a sentence-initial word with no namesake there is not a town abroad ('the
Assumption church', 'Court ruled', 'Grenade attack')."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from streams.extraction.annotated import Annotated, RawPlace
from streams.extraction.gazetteer import Place, fold, gazetteer
from streams.extraction.place_checks import runs_on, settlement_after

_PLACE_WORD = re.compile(
    r"\b(?:in|at|near|outside|from|to|into|village of|town of|city of)\s+(?:the\s+)?$", re.I
)

_DATA = Path(__file__).resolve().parent / "data" / "en"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common English words that are also town names (data/en/common_place_words.json) and
    the gazetteer's place stopwords, lowercased."""
    raw = json.loads((_DATA / "common_place_words.json").read_text(encoding="utf-8"))
    words = {w.lower() for w in raw["words"]}
    return frozenset(words | {w.lower() for w in gazetteer().stopwords})


@lru_cache(maxsize=1)
def _clue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = json.loads((_DATA / "country_clues.json").read_text(encoding="utf-8"))
    return tuple(
        (country, re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])"))
        for country, words in raw["clues"].items()
    )


def clue_votes(text: str) -> Counter[str]:
    """For each country whose own words the text uses, one vote per distinct word ('Jubo
    League ... at Kalikapur village in Madhabpur upazila': two for Bangladesh, which outweigh a
    small namesake that only India has in the gazetteer)."""
    votes: Counter[str] = Counter()
    for country, pattern in _clue_patterns():
        words = set(pattern.findall(text))
        if words:
            votes[country] = len(words)
    return votes


def context_country(doc: Annotated, raw_places: list[RawPlace]) -> str | None:
    """The one country the text points to when it names no country itself, else None: its
    actors' and demonyms' countries (the focus) and its unambiguous places each vote, and one
    country must outweigh all the others together."""
    if any(a.source == "country" for a in doc.actors):
        return None  # a text that names a country is read by its focus
    votes: Counter[str] = Counter({c: n for c, n in doc.focus.items() if c and n > 0})
    votes.update(clue_votes(doc.text))
    voted: set[str] = set()
    for raw in raw_places:
        country = _unambiguous(doc, raw)
        if country is not None and raw.surface not in voted:
            voted.add(raw.surface)  # a name written twice is one place
            votes[country] += 1
    if not votes:
        return None
    (top, weight), *_ = votes.most_common(1)
    return top if 2 * weight > sum(votes.values()) else None


def _unambiguous(doc: Annotated, raw: RawPlace) -> str | None:
    """The country of a place whose every candidate lies in it (no namesake elsewhere), when
    the name was found as written, is no common word nor a word opening a sentence ('On 3
    March': a village 'On' in Belgium), and is a first-level region or written after a
    location word."""
    countries = {c.country3 for c in raw.cands}
    if raw.variant or len(countries) != 1 or raw.surface.lower() in common_words():
        return None
    if _opens_sentence(doc, raw) or runs_on(doc, raw.start, raw.end, units=True):
        return None  # "Sinduria Boruria village": a part of a longer name
    if foreign_unit_after(doc, raw.end, countries):
        return None  # "Santhia upazila": written with another country's own unit word
    region = all(c.precision == "admin1" for c in raw.cands)
    # "the Forum for Democratic Change": a town 'Change' in France only after 'in', 'near'
    placed = bool(_PLACE_WORD.search(doc.text[max(0, raw.start - 30) : raw.start]))
    return next(iter(countries)) if region or placed else None


def foreign_unit_after(doc: Annotated, end: int, countries: set[str]) -> bool:
    """The name ending at `end` is written with the own word of a country not among these
    ('Santhia upazila': a unit of Bangladesh, whatever Santhià Italy has)."""
    return bool(clue_votes(doc.text[end : end + 20].split(",")[0]).keys() - countries)


def in_context(doc: Annotated, raw: RawPlace, country: str | None) -> list[Place] | None:
    """The candidates of a place name in the context country: those inside it when it has any;
    None when it has none and the name is a common word or a sentence-initial word also
    written in lower case (a word, not a town abroad); all of them otherwise."""
    if country is None:
        return raw.cands
    inside = [c for c in raw.cands if c.country3 == country]
    if inside:
        return inside
    word = raw.surface.lower() in common_words() or _initial_word(doc, raw)
    return None if word and " " not in raw.surface else raw.cands


def _initial_word(doc: Annotated, raw: RawPlace) -> bool:
    """A capitalised word opening its sentence that the text also writes in lower case."""
    if not _opens_sentence(doc, raw):
        return False
    lower = raw.surface.lower()
    return f" {lower} " in doc.text or f" {lower}." in doc.text or f" {lower}," in doc.text


def _opens_sentence(doc: Annotated, raw: RawPlace) -> bool:
    return raw.start == doc.dateline_end or any(
        s.start <= raw.start and not doc.text[s.start : raw.start].strip() for s in doc.sentences
    )


def town_of_one_country(
    doc: Annotated, best: Place, cands: list[Place], span: tuple[int, int, str]
) -> bool:
    """'Chadian forces raped girls in Sibut': a town under its own name, that no other country
    has, written after a location word ('in', 'at', 'village of'), is that town even when the
    doers point the text to another country (its focus). Common words are no such town ('in
    Police'), nor is the head of a longer name ('at Jua Kali') or a name written with another
    country's own unit word ('in Santhia upazila'). A settlement word after the name places it
    as a location word before it does ('raided Obo town')."""
    start, end, surface = span
    return (
        best.precision == "city"
        and bool(doc.focus)
        and len({c.country3 for c in cands}) == 1
        and not runs_on(doc, start, end, units=True)
        and not foreign_unit_after(doc, end, {best.country3})
        and fold(best.name) == fold(surface)
        and surface.lower() not in common_words()
        and (
            bool(_PLACE_WORD.search(doc.text[max(0, start - 30) : start]))
            or settlement_after(doc.text, end)
        )
    )
