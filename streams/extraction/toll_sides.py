"""The dead of two sides told apart (codebook rule 8: all the dead of the happening).

'Troops clashed with rebels, leaving 4 rebels dead. 6 soldiers were killed during the
fighting.': two tellings of one act, each with the dead of one side. The merge of mentions and
the coreference fold keep the larger of two tolls (a toll told twice); where the two tolls each
name victims of one group and the groups differ (data/en/victim_sides.json), they count
different people and add (`joint_toll`); so do the dead a later sentence tells that makes no
event of its own ('The bodies of six fighters were found': `other_side`, read by
components/families/tolls.add_side). Never when:
- the two are told in one sentence (its own tolls are summed where it is read), or further
  apart than a few sentences;
- either toll names no group, or groups in common ('4 rebels ... the four insurgents');
- either count is vague or approximate ('dozens of militants');
- the later telling adds to the count itself ('were also killed', '6 more': summed where it is
  read), marks an act of its own ('in a separate attack') or is a running total or of another
  time ('have been killed since January')."""

from __future__ import annotations

import json
from functools import cache

from pydantic import BaseModel, ConfigDict

from streams.extraction.coreference import cues, marked_other
from streams.extraction.extractors.casualties import context_count
from streams.extraction.extractors.common import Proto
from streams.extraction.lexicons import DATA_DIR
from streams.extraction.numbers import VAGUE
from streams.schemas import Count

_DATA = DATA_DIR / "en" / "victim_sides.json"
_GAP = 3
"""At most this many sentences between the two tellings (the toll gap of components)."""
_PUNCT = ".,;:'\"“”‘’()"


class Sides(BaseModel):
    """data/en/victim_sides.json."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    comment: str
    groups: dict[str, frozenset[str]]


@cache
def sides() -> Sides:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return Sides(comment=raw["_comment"], groups=raw["groups"])


def _words(count: Count) -> set[str]:
    return {w.strip(_PUNCT).lower() for w in (count.text or "").split()}


def victim_groups(count: Count) -> frozenset[str]:
    """The groups whose words the toll's phrase names ('6 soldiers were killed': military);
    else the people it names by a plural proper name ('7 Oromos', '4 Fulanis'): a side of its
    own, whatever side it took."""
    words = _words(count)
    named = frozenset(name for name, nouns in sides().groups.items() if words & nouns)
    return named or _peoples(count)


def _peoples(count: Count) -> frozenset[str]:
    """The plural proper names after the phrase's first word ('Seven Oromos': 'oromos')."""
    told = [w.strip(_PUNCT) for w in (count.text or "").split()[1:]]
    return frozenset(w.lower() for w in told if w[:1].isupper() and w.endswith("s") and w.isalpha())


def _numbered(count: Count) -> bool:
    told = f" {' '.join(sorted(_words(count)))} "
    plain = f" {(count.text or '').lower()} "
    vague = any(f" {v} " in plain or f" {v} " in told for v in VAGUE)
    return count.qualifier in ("exact", "at_least") and not vague


def _adds_itself(count: Count) -> bool:
    from streams.extraction.toll_words import words  # after the components

    return bool(_words(count) & (words().additive | words().more))


def _apart(earlier: Proto, later: Proto) -> bool:
    """The later telling is no retelling of the earlier's act, or is too far from it."""
    gap = abs(later.sentence.index - earlier.sentence.index)
    year = later.published.year if later.published else 0
    return not 0 < gap <= _GAP or marked_other(later) or context_count(later.sentence.text, year)


def other_side(told: Count, found: Count, sentence: str) -> Count | None:
    """The two tolls added, when each names victims of one group and the groups differ, both
    are numbered, and the later one (`found`, of the sentence) neither adds itself ('also',
    'more') nor marks an act of its own ('in a separate attack'); None where the larger toll
    stands."""
    if not (_numbered(told) and _numbered(found)) or _adds_itself(found):
        return None
    words = {w.strip(_PUNCT).lower() for w in sentence.split()}
    if words & (cues().apart | cues().distinct):
        return None
    ga, gb = victim_groups(told), victim_groups(found)
    if not ga or not gb or ga & gb:
        return None
    text = f"{told.text}; {found.text}"
    return told.model_copy(update={"value": told.value + found.value, "text": text})


def joint_toll(earlier: Proto, later: Proto) -> Count | None:
    """The two tellings' dead added, when they are of different sides (module doc); None
    where the larger toll stands."""
    a, b = earlier.killed, later.killed
    if a is None or b is None or _apart(earlier, later):
        return None
    return other_side(a, b, later.sentence.text)


def reported_toll(a: Proto, b: Proto, field: str) -> Count | None:
    """Of two tellings of one happening whose tolls (`field`: killed or injured) differ, the
    toll of the one that tells it as reported where the other hedges it (a claim, a guess, an
    upper bound: data/en/tolls.json `hedges`); None where neither or both hedge, or where the
    reported telling names neither a place nor a day of its own, so that it is not known to
    tell this happening ('Security forces killed five attackers' after a bombing story, merged
    with a clash the army claims 15 dead in)."""
    ca: Count | None = getattr(a, field)
    cb: Count | None = getattr(b, field)
    if ca is None or cb is None or ca.value == cb.value:
        return None
    ha, hb = _hedged(a, ca), _hedged(b, cb)
    if ha == hb:
        return None
    reported, count = (b, cb) if ha else (a, ca)
    return count if reported.locations or reported.date_explicit else None


def _hedged(proto: Proto, count: Count) -> bool:
    from streams.extraction.toll_words import words  # after the components

    # as written: 'May' opening a date is a month, not a guess
    said = {w.strip(_PUNCT) for w in proto.sentence.text.split()}
    return count.qualifier == "at_most" or bool(said & words().hedges)
