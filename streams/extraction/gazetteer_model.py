"""The gazetteer's data: `Place`, the `Gazetteer` lookups (name -> candidate places) and the
villages of an imported GeoNames index. Loading lives in `gazetteer`."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from streams.extraction import lexicons
from streams.extraction.geonames_index import GeoNamesIndex, Row
from streams.extraction.place_names import MIN_SKELETON, MIN_SPELLING, skeleton, unarticled


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country2: str
    country3: str
    precision: str  # "city" | "admin1" | "country"
    population: int
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    admin1_name: str | None = None
    admin1_code: str | None = None
    area: bool = False  # a named area inside a country ("Gaza Strip"): ranked as the country


@dataclass
class Gazetteer:
    places: dict[str, list[Place]] = field(default_factory=dict)
    admin1: dict[str, list[Place]] = field(default_factory=dict)
    admin1_names: dict[str, list[Place]] = field(default_factory=dict)
    admin1_unlocated: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)
    iso3: dict[str, Place] = field(default_factory=dict)
    stopwords: frozenset[str] = frozenset()
    max_words: int = 4

    skeletons: dict[str, list[Place]] = field(default_factory=dict)
    areas: dict[str, Place] = field(default_factory=dict)
    indexed: IndexedTowns | None = None  # the villages of an imported GeoNames dump

    def lookup(self, surface: str) -> list[Place]:
        found = self.places.get(surface, [])
        if self.indexed is None:
            return found
        extra = self.indexed.towns(surface)
        return [*found, *extra] if extra else found

    def knows_first_word(self, word: str) -> bool:
        """Whether some name of the imported index starts with this word."""
        return self.indexed is not None and self.indexed.index.has_first_word(word)

    def lookup_variant(self, surface: str) -> list[Place]:
        """A name not indexed as written: "Pétion-Ville" (GeoNames "Pétionville"), or an Arabic
        name in another transliteration ("Hodeidah" for "Al Ḩudaydah")."""
        if "-" in surface:
            head, _, tail = surface.partition("-")
            for form in (head + tail.lower(), surface.replace("-", " ")):
                if form in self.places:
                    return self.places[form]
        key = skeleton(surface)
        if len(key) < MIN_SKELETON:
            return []
        spelled = unarticled(surface)
        return [
            place
            for place in self.skeletons.get(key, [])
            # the consonants agree; the letters must still mostly agree ("Saturday" is not
            # "Sita Road")
            if SequenceMatcher(None, spelled, unarticled(place.name)).ratio() >= MIN_SPELLING
        ]


_GONE = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
"""GeoNames codes of populated places that no longer are: historical, abandoned, destroyed."""


@dataclass
class IndexedTowns:
    """Towns of an imported GeoNames index the town file lacks, as Places."""

    index: GeoNamesIndex
    iso2to3: dict[str, str]
    known: frozenset[int]  # GeoNames ids the town file already has
    cache: dict[str, list[Place]] = field(default_factory=dict)

    def towns(self, surface: str) -> list[Place]:
        found = self.cache.get(surface)
        if found is None:
            rows = self.index.places(surface)
            found = [
                self._place(row)
                for row in rows
                if row.feature_class == "P"
                and row.feature_code not in _GONE
                and row.geonames_id not in self.known
            ]
            if len(self.cache) < 100_000:
                self.cache[surface] = found
        return found

    def _place(self, row: Row) -> Place:
        entry = lexicons.admin1_map().admin1.get(f"{row.country}.{row.admin1}")
        return Place(
            name=row.name,
            country2=row.country,
            country3=self.iso2to3.get(row.country, ""),
            precision="city",
            population=row.population,
            latitude=row.latitude,
            longitude=row.longitude,
            geonames_id=row.geonames_id,
            admin1_name=entry.name if entry else None,
            admin1_code=entry.code if entry else None,
        )


def attach_index(gaz: Gazetteer, index: GeoNamesIndex) -> None:
    """Add an imported index's towns to the gazetteer's lookups."""
    known = frozenset(
        p.geonames_id for bucket in gaz.places.values() for p in bucket if p.geonames_id
    )
    iso2to3 = {p.country2: p.country3 for p in gaz.iso3.values()}
    gaz.indexed = IndexedTowns(index, iso2to3, known)


def add_place(index: dict[str, list[Place]], key: str, place: Place) -> None:
    bucket = index.setdefault(key, [])
    if place not in bucket:
        bucket.append(place)
