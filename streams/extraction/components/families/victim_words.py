"""Who the people in a conflict trigger's role phrases are: unarmed civilians or armed
fighters and forces (data/en/civilians.json), armed doers, civilian posts, and the count a
victims phrase states ('no one was killed' counts none)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from streams.extraction.components.data import DATA
from streams.extraction.components.roles import RoleHit
from streams.extraction.numbers import AMOUNT_RE, parse_amount
from streams.schemas import Count


class Civilians(BaseModel):
    """data/en/civilians.json: head nouns of victims that name unarmed people, and (armed)
    those that name fighters."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    nouns: frozenset[str]
    crime_acts: frozenset[str]
    armed: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    political: frozenset[str] = frozenset()
    dwellings: frozenset[str] = frozenset()
    bare_people: frozenset[str] = frozenset()
    civil_posts: frozenset[str] = frozenset()
    armed_modifiers: frozenset[str] = frozenset()
    targeted_harm: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def civilians() -> Civilians:
    raw = json.loads((DATA / "civilians.json").read_text(encoding="utf-8"))
    return Civilians.model_validate(raw)


def civilian_victims(text: str, hits: list[RoleHit]) -> bool:
    """Every victims phrase of a killing has an unarmed head ('killed two farmers') and no
    word of a fighter ('28 gang members', 'militia members' are armed)."""
    armed = civilians().armed
    # 'a municipal environmental officer': a civil post's head word is no fighter's
    words = {
        w.lower().strip(".,")
        for h in hits
        if h.role in _VICTIM_ROLES and not civil_post(text, h)
        for w in h.text.split()
    }
    nouns = civilians().nouns
    victims = [h for h in hits if h.role in _VICTIM_ROLES]
    # 'a party candidate, John Doe, was gunned down': the name set beside him is that person
    unarmed = {h.base for h in victims if _victims_in(text, [h], nouns)}
    named = [h for h in victims if h.base in unarmed and _named(text, h)]
    rest = [h for h in hits if h not in named]
    # 'armed men attacked a village, killing three': the village's people, by a bare count
    dwelt = [h for h in victims if _victims_in(text, [h], civilians().dwellings)]
    if dwelt and any(h not in dwelt for h in victims):  # people harmed there, not the place alone
        rest = [h for h in rest if h not in dwelt and not _bare_count(text, h)]
        return not (words & armed) and (not _has_victims(rest) or _victims_in(text, rest, nouns))
    return _victims_in(text, rest, nouns) and not (words & armed)


def dwellings_attacked(text: str, hits: list[RoleHit]) -> bool:
    """'Armed men attacked the village of X', 'raided a homestead': every object of the act
    is a place where unarmed people live or gather (data/en/civilians.json dwellings) and no
    word of a fighter is on it: an armed actor attacking it attacks its people, violence
    against civilians (ACLED), not a battle, which needs an armed side attacked."""
    victims = [h for h in hits if h.role in _VICTIM_ROLES]
    words = {w.lower().strip(".,") for h in victims for w in h.text.split()}
    dwelt = _victims_in(text, victims, civilians().dwellings)
    return dwelt and not (words & (civilians().armed | civilians().forces))


def _has_victims(hits: list[RoleHit]) -> bool:
    return any(h.role in _VICTIM_ROLES for h in hits)


def _bare_count(text: str, hit: RoleHit) -> bool:
    """A victims phrase that is only a number or a bare word of more people ('killing three',
    'wounding others')."""
    head = text[hit.head[0] : hit.head[1]].lower()
    if hit.head != hit.phrase:
        return False
    return head.isdigit() or head in civilians().bare_people or amount(head) is not None


_VICTIM_ROLES = frozenset({"victims", "single_victim"})


def armed_victims(text: str, hits: list[RoleHit]) -> bool:
    """Every victims phrase names a fighter or a member of state forces: by its head ('killed
    nine insurgents', 'an inspector') or by a force's word before a person's head ('a police
    official'); a name set beside such a phrase is that person ('a police official, DSP
    Zaidi'): armed, so their killing by armed men is a battle."""
    victims = [h for h in hits if h.role in _VICTIM_ROLES]
    armed = {h.base for h in victims if _armed(text, h)}
    return bool(armed) and all(
        _armed(text, h) or (h.base in armed and _named(text, h)) for h in victims
    )


def _armed(text: str, hit: RoleHit) -> bool:
    found = civilians()
    if civil_post(text, hit):
        return False
    return _victims_in(text, [hit], found.armed | found.ranks) or _of_a_force(text, hit)


def civil_post(text: str, hit: RoleHit) -> bool:
    """'a municipal environmental officer', 'a tax inspector': an armed head word ('officer',
    'inspector') after a word of a civil service names a civilian post; a force's word before
    the head ('a district police officer') keeps it armed."""
    found = civilians()
    head = text[hit.head[0] : hit.head[1]].lower()
    if not _noun_in(head, found.armed | found.ranks):
        return False
    before = {w.lower().strip(".,") for w in text[hit.phrase[0] : hit.head[0]].split()}
    return bool(before & found.civil_posts) and not before & found.forces


def _named(text: str, hit: RoleHit) -> bool:
    """The phrase's head is a name (capitalised), not a noun of people."""
    head = text[hit.head[0] : hit.head[1]]
    return head[:1].isupper() and not _victims_in(text, [hit], civilians().nouns)


def _of_a_force(text: str, hit: RoleHit) -> bool:
    """'a senior police official': a force's word before the head, which names a person; a
    head of a political post names a member of the government, not of the force ('the
    security minister', 'a defence minister')."""
    if _noun_in(text[hit.head[0] : hit.head[1]].lower(), civilians().political):
        return False
    before = {w.lower() for w in text[hit.phrase[0] : hit.head[0]].split()}
    return bool(before & civilians().forces) and _victims_in(text, [hit], civilians().nouns)


def armed_doers(text: str, hits: list[RoleHit]) -> bool:
    """A doer phrase has a fighter's head ('gendarmes', 'unidentified gunmen') or an armed
    word before its head ('an unidentified armed group')."""
    doers = [replace(h, role="victims") for h in hits if h.role == "initiator"]
    return any(_victims_in(text, [h], civilians().armed) or _armed_before(text, h) for h in doers)


def _armed_before(text: str, hit: RoleHit) -> bool:
    before = {w.lower().strip(".,") for w in text[hit.phrase[0] : hit.head[0]].split()}
    return bool(before & civilians().armed_modifiers)


def _victims_in(text: str, hits: list[RoleHit], nouns: frozenset[str]) -> bool:
    victims = [h for h in hits if h.role in ("victims", "single_victim")]
    civil = nouns is civilians().nouns
    if civil:  # a civilian post names an unarmed person too
        nouns = nouns | civilians().titles | civilians().political
    return bool(victims) and all(
        _noun_in(text[h.head[0] : h.head[1]].lower(), nouns)
        or _titled(text, h, nouns)
        or (civil and civil_post(text, h))
        for h in victims
    )


def _noun_in(word: str, nouns: frozenset[str]) -> bool:
    return word in nouns or word.removesuffix("s") in nouns or word.removesuffix("es") in nouns


def _titled(text: str, hit: RoleHit, nouns: frozenset[str]) -> bool:
    """'the youth wing president Ravi Menon', 'the farmer Ali Musa': a name as the head with
    a word of the class (or, for unarmed people, a civilian post) before it names such a
    person."""
    if not text[hit.head[0] : hit.head[1]][:1].isupper():
        return False
    words = {w.lower().strip(".,") for w in text[hit.phrase[0] : hit.head[0]].split()}
    known = nouns | civilians().titles if nouns is civilians().nouns else nouns
    return any(_noun_in(w, known) for w in words)


_NEGATED = re.compile(r"\bno\s*$", re.IGNORECASE)


def amount(text: str) -> Count | None:
    match = AMOUNT_RE.search(text)
    found = parse_amount(match) if match else None
    if found is None or found.value <= 0:
        return None
    if match is not None and _NEGATED.search(text[: match.start()]):
        return None  # 'no one was killed': a count of none
    return Count(value=found.value, qualifier=found.qualifier, text=found.text)
