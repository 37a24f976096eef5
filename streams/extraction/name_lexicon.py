"""The dictionaries the annotator looks names up in (actors, titles, first words) and the
capitalised-sequence tokens it looks up."""

from __future__ import annotations

import re
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotated import ActorEntry
from streams.extraction.gazetteer import Gazetteer, Place, gazetteer

_UP = "[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]"

CAP_SEQ = re.compile(
    rf"(?:{_UP}(?:[\w’'\-]|\.(?={_UP}))*\.?|G7|G20)"
    r"(?:[ \t]+(?:(?:of|de|al|el|la|the|von|der|bin|ibn|du)[ \t]+)?"
    # "Ahmed al-Sharaa", "Asa'ib Ahl al-Haq": a lower-case article joined to the next name
    rf"(?:(?:al|el|ad|ar|as|ash|az|an|at|ibn|bin|abu)-)?"
    rf"(?:{_UP}(?:[\w’'\-]|\.(?={_UP}))*\.?|G7))*"
)

TOKEN = re.compile(r"[^\W_][\w’'\-.]*")


@lru_cache(maxsize=1)
def actor_index() -> dict[str, ActorEntry]:
    lex = lexicons.actors()
    index: dict[str, ActorEntry] = {}
    _add_states(index, lex, gazetteer())
    for group in [*lex.groups, *lex.organizations]:
        source = "group" if group in lex.groups else "organization"
        for alias in group.aliases:
            index[alias] = ActorEntry(group.name, group.kind, group.country, source)
    for person in lex.people:
        for alias in person.aliases:
            index[alias] = ActorEntry(
                person.name, "person", person.country, "person", person.office
            )
    return index


def _add_states(index: dict[str, ActorEntry], lex: lexicons.ActorLexicon, gaz: Gazetteer) -> None:
    """Countries by name, alias, metonym ("Kremlin") and demonym ("Russian"); a demonym that is
    also another entry's name is kept under "<name>#dem"."""
    for surface, place in gaz.countries.items():
        index[surface] = ActorEntry(place.name, "state", place.country3, "country")
    for iso3, aliases in lex.country_aliases.items():
        name = gaz.iso3[iso3].name
        for alias in aliases:
            index[alias.removeprefix("the ")] = ActorEntry(name, "state", iso3, "country")
    for surface, iso3 in lex.metonyms.items():
        index[surface] = ActorEntry(gaz.iso3[iso3].name, "state", iso3, "metonym")
    for surface, iso3 in lex.demonyms.items():
        index.setdefault(surface, ActorEntry(gaz.iso3[iso3].name, "state", iso3, "demonym"))
        if index[surface].source != "demonym":
            index[surface + "#dem"] = ActorEntry(gaz.iso3[iso3].name, "state", iso3, "demonym")


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """First words of every dictionary name (places, actors, titles): a cheap pre-check."""
    gaz = gazetteer()
    keys = [*gaz.places, *gaz.admin1_names, *actor_index(), *title_lexicon(), *gaz.stopwords]
    return frozenset(clean_name(key.split()[0]) for key in keys if key.strip())


@lru_cache(maxsize=1)
def force_pattern() -> re.Pattern[str]:
    """A force noun (or an irregular fighters' one, group `noun`) within two words after."""
    found = lexicons.actors()
    nouns = sorted({*found.force_nouns, *found.irregular_nouns}, key=len, reverse=True)
    return re.compile(
        r"^\s*(?:[\w-]+\s+){0,2}?(?P<noun>" + "|".join(map(re.escape, nouns)) + r")\b", re.I
    )


@lru_cache(maxsize=1)
def irregular_nouns() -> frozenset[str]:
    return frozenset(noun.lower() for noun in lexicons.actors().irregular_nouns)


@lru_cache(maxsize=1)
def title_lexicon() -> dict[str, str]:
    return dict(lexicons.actors().titles)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(word for title in title_lexicon() for word in title.split())


def token_spans(seq: str, base: int) -> list[tuple[int, int]]:
    return [(base + m.start(), base + m.end()) for m in TOKEN.finditer(seq)]


_INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]\.$")


def clean_name(surface: str) -> str:
    """The name without a possessive 's or a trailing full stop (kept after initials: 'U.S.')."""
    for suffix in ("’s", "'s"):
        if surface.endswith(suffix):
            return surface[: -len(suffix)]
    return surface.rstrip(".") if not _INITIALS_END.search(surface) else surface


def names_an_actor(phrase: str, index: dict[str, ActorEntry]) -> bool:
    """'The Islamic State': some tail of the words is a known actor's name."""
    words = phrase.split()
    return any(" ".join(words[k:]) in index for k in range(len(words)))


def admin1_candidates(name: str) -> list[Place]:
    gaz = gazetteer()
    name = clean_name(name)
    found = list(gaz.admin1.get(name, []))
    if found:
        return found
    out: list[Place] = []
    cities = gaz.lookup(name)
    biggest = max((c.population for c in cities), default=0)
    for city in cities:
        if city.admin1_code is None or city.population * 10 < biggest or city.population < 20_000:
            # "Zaporozhye oblast" is named after the city, not a village namesake; a region is
            # named after a town of some size ("Soum province" is not a Senegalese village's)
            continue
        region = gaz.admin1.get(city.admin1_name or "", [])
        match = [r for r in region if r.admin1_code == city.admin1_code]
        if match:
            out.extend(match)
    return out
