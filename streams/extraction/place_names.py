"""Spellings of place names in English news: accents folded, transliterations reduced to a
spelling-blind skeleton, and the variants of an ISO 3166-2 subdivision name."""

from __future__ import annotations

import re
import unicodedata

from streams.extraction.geonames_index import latin_script as _latin

ARTICLE = re.compile(r"^(Al|Ad|Ar|As|Ash|At|Az|An|El|Ed|Er|Es|En)\s(?=[A-Z])")


def fold(name: str) -> str:
    """Strip accents: 'Janīn' -> 'Janin'."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name


TRANSLIT_COUNTRIES = frozenset(
    (
        # Arabic and Persian names
        *("DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS"),
        *("QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE", "IR", "AF", "PK", "IL", "TD"),
        # Cyrillic names: GeoNames "Kup'yans'k" is "Kupiansk" in Ukrainian-style English
        *("UA", "RU", "BY", "MD", "GE", "AM", "AZ", "KZ", "KG", "TJ", "UZ"),
    )
)
"""Countries whose town names reach English news in many transliterations."""
MIN_SKELETON = 3
_TRANSLIT_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|ed|er|es|en|ez)$")
_TRANSLIT_FORMS = (("ch", "sh"), ("dj", "j"), ("q", "k"), ("ph", "f"), ("th", "t"), ("dh", "d"))


MIN_SPELLING = 0.6


def unarticled(name: str) -> str:
    words = re.split(r"[\s\-]+", re.sub(r"[’'‘`ʿʾ]", "", fold(name).lower()))
    return "".join(w for w in words if not _TRANSLIT_ARTICLE.match(w))


def skeleton(name: str) -> str:
    """A spelling-blind key of a transliterated name: no article, vowels, apostrophes or doubled
    letters. 'Hodeidah' and 'Al Ḩudaydah' -> 'hdh'; 'Khan Sheikhoun' = 'Khān Shaykhūn'."""
    text = unarticled(name)
    for local, common in _TRANSLIT_FORMS:
        text = text.replace(local, common)
    text = re.sub(r"[aeiouyw]", "", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    return text


def good_alias(name: str) -> bool:
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and _latin(name)
        and not any(ch.isdigit() for ch in name)
    )


_SUFFIX = re.compile(
    r"\s+(?:Region|Province|State|Oblast|oblast'?|Governorate|Prefecture|Territory|Department)$"
)
_PREFIX = re.compile(r"^(?:Muhafazat|Wilayat|Provincia de|Province of|Region of|State of)\s+")
_COMPASS_FORMS = (
    ("Nord-", "North "),
    ("Sud-", "South "),
    ("Haut-", "Upper "),
    ("Bas-", "Lower "),
    ("Northern ", "North "),
    ("Southern ", "South "),
    ("Eastern ", "East "),
    ("Western ", "West "),
)
GENERIC_WORDS = frozenset(
    {
        *("North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern"),
        *("Western", "Centre", "Center", "Nord", "Sud", "Est", "Ouest", "Capital", "Coast"),
        *("Coastal", "Lakes", "Upper", "Lower", "Islands", "Mountain"),
    }
)


def name_variants(name: str) -> set[str]:
    """English-news spellings of an ISO 3166-2 name: "Nord-Kivu" -> "North Kivu", "Syunik'" ->
    "Syunik", "Basra Governorate" -> "Basra", "Southern Darfur" <-> "South Darfur"."""
    head = name.split(",", maxsplit=1)[0].split(" [", maxsplit=1)[0]
    base = _PREFIX.sub("", _SUFFIX.sub("", head)).strip()
    out = {base, fold(base)}
    for form in list(out):
        out.add(form.rstrip("'’ʼ"))
        out.add(re.sub(r"['’ʼ]", "", form))
    for form in list(out):
        for local, english in _COMPASS_FORMS:
            if form.startswith(local):
                out.add(english + form[len(local) :])
            elif form.startswith(english) and local.endswith(" "):
                out.add(local + form[len(english) :])
        out.add(form.replace("-", " "))
    return {v for v in out if good_alias(v)}
