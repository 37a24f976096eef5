"""Weapons and sums of money named in a sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotate import Sentence
from streams.extraction.extractors.matching import NUMBER_WORDS
from streams.extraction.extractors.matching import W as _W
from streams.extraction.numbers import words_to_int
from streams.schemas import Money, Weapon


@lru_cache(maxsize=1)
def _weapon_res() -> tuple[
    re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]], dict[str, str]
]:
    """An anchor regex on weapon names/nouns, and a prefix regex for the count before them."""
    lex = lexicons.triggers()
    names: dict[str, tuple[str, str]] = {}
    for weapon in lex.weapons:
        for alias in weapon.aliases:
            names[alias.lower()] = (weapon.name, weapon.kind)
    nouns = {k.lower(): v for k, v in lex.weapon_nouns.items()}
    name_alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    noun_alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    anchor = re.compile(
        _W + rf"\b(?:(?P<name>{name_alt})(?:\s+(?P<noun1>{noun_alt}))?|(?P<noun>{noun_alt}))\b",
        re.IGNORECASE,
    )
    prefix = re.compile(
        rf"(?:\b(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})\s+)"
        r"(?:(?:[\w-]+-made|[A-Z][a-z]+n|attack|combat|cruise|ballistic|kamikaze|long-range|"
        r"hypersonic|guided|aerial|anti-ship|air-launched|Russian|Ukrainian|Iranian|American|"
        r"British|French)\s+)*$",
        re.IGNORECASE,
    )
    return anchor, prefix, names, nouns


def weapons(sent: Sentence) -> list[Weapon]:
    anchor, prefix, names, nouns = _weapon_res()
    out: list[Weapon] = []
    text = sent.text
    for match in anchor.finditer(text):
        name = match.group("name")
        noun = match.group("noun1") or match.group("noun")
        canonical, kind = names[name.lower()] if name else (None, nouns[noun.lower()])
        if name and noun and nouns[noun.lower()] != "drone":
            kind = nouns[noun.lower()] if kind not in ("drone", "air_defense") else kind
        head = prefix.search(text[max(0, match.start() - 60) : match.start()])
        count = None
        if head and head.group("num").lower() not in ("a", "an"):
            count = words_to_int(head.group("num"))
        if noun and noun.lower() in ("shell", "bomb") and count is None and not name:
            continue
        start = match.start() - (len(head.group(0)) if head else 0)
        weapon = Weapon(kind=kind, count=count, name=canonical, text=text[start : match.end()])
        _add_weapon(out, weapon)
    return out


def _add_weapon(out: list[Weapon], weapon: Weapon) -> None:
    for i, old in enumerate(out):
        if old.kind == weapon.kind and (old.name == weapon.name or not old.name or not weapon.name):
            if (weapon.count or 0) > (old.count or 0) or (weapon.name and not old.name):
                out[i] = Weapon(
                    kind=weapon.kind,
                    count=weapon.count or old.count,
                    name=weapon.name or old.name,
                    text=weapon.text if weapon.count else old.text,
                )
            return
    out.append(weapon)


MONEY_RE = re.compile(
    r"(?P<cur>\$|US\$|€|£|USD\s?|EUR\s?)\s?(?P<num>\d+(?:[.,]\d+)*)\s*(?P<scale>billion|million|thousand|bn|m)?\b"
    r"|\b(?P<num2>\d+(?:[.,]\d+)*)\s*(?P<scale2>billion|million)?\s+(?P<cur2>dollars|euros|pounds)\b",
    re.IGNORECASE,
)
_CUR = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
}
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3}


def money(sent: Sentence) -> list[Money]:
    out = []
    for match in MONEY_RE.finditer(sent.text):
        cur = (match.group("cur") or match.group("cur2") or "").strip().lower()
        num = (match.group("num") or match.group("num2") or "").replace(",", "")
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        try:
            amount = float(num) * _SCALE.get(scale, 1.0)
        except ValueError:
            continue
        out.append(Money(amount=amount, currency=_CUR.get(cur, "USD"), text=match.group(0)))
    return out
