"""Event coreference: two tellings of one conflict act in an article are one event.

The mention merge (normalize.merge) joins mentions that agree on every field. An article
often tells its act twice or more with fields that differ without contradicting: a headline
or lede with a place and a later paragraph with the toll ('the attack killed twelve'), or two
sources that name different parts of a joint operation. After that merge, a later telling is
folded into the earliest one it corefers with (`same_act`):

Must agree, or they are two acts:
- the status, and neither is told as no happening (framed);
- the kind of act: the same ACLED event type, or one of them is a bare toll or an untyped
  attack, which takes the kind of the other, or the later one names the act back with no
  town or attacker of its own ('the attack killed nine' after a car bomb: the bomb's kind);
- the day, where both state one;
- the setting: their towns or regions are the same or one lies in the other; their countries
  meet; either may name none;
- the sides: no one attacks in one telling who is attacked in the other;
- the attackers: where both name one and they differ, the two must state the same day and
  the same toll (a joint operation, or the act told by each side's officials);
- the toll, unless the later telling names the act back or tells nothing else: two exact
  tolls that differ are two acts.

Says they are one (at least one), and the later telling marks no other act ('another
attack', 'in a separate incident': data/en/coreference.json):
- the later telling names the act back ('the attack', "Monday's strike");
- it names no town and no attacker of its own (a toll or a target told again);
- both state the same day, or name the same town.

The earlier telling keeps its fields; the later one fills those it lacks (`fill`): the
attacker (a second one where the attackers differ), the target, the town, the day, the
counts, the weapons, and the kind of act where the earlier is a bare toll.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from streams.extraction import spec
from streams.extraction.extractors.common import Proto
from streams.extraction.lexicons import DATA_DIR, UNTYPED_ATTACK
from streams.schemas import Actor, Location

_DATA = DATA_DIR / "en" / "coreference.json"
WEAK = frozenset({"casualty_report", UNTYPED_ATTACK})
"""Tellings that name no kind of act: a toll, or an attack not typed yet."""
_COUNTS = ("killed", "injured", "arrested", "missing", "displaced")


class Cues(BaseModel):
    """data/en/coreference.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    distinct: frozenset[str]
    apart: frozenset[str]
    later: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def cues() -> Cues:
    return Cues.model_validate(json.loads(_DATA.read_text(encoding="utf-8")))


def _kind(event_type: str) -> str | None:
    if event_type in WEAK:
        return None
    return spec.entry(event_type).acled_event_type


def _sub(locations: list[Location]) -> list[Location]:
    return [loc for loc in locations if loc.precision != "country"]


def locations_overlap(a: list[Location], b: list[Location]) -> bool:
    """The same town or region, or one inside the other; with no town on a side, countries
    that meet (or none named)."""
    sa, sb = _sub(a), _sub(b)
    if not sa or not sb:
        ca = {loc.country for loc in a}
        cb = {loc.country for loc in b}
        return not ca or not cb or bool(ca & cb)
    names_a = {loc.name for loc in sa}
    if names_a & {loc.name for loc in sb}:
        return True
    # a city inside a region named in the other mention ("Kharkiv" / "Kharkiv region")
    regions_a = {loc.admin1.code for loc in sa if loc.precision == "admin1" and loc.admin1}
    regions_b = {loc.admin1.code for loc in sb if loc.precision == "admin1" and loc.admin1}
    codes_a = {loc.admin1.code for loc in sa if loc.admin1}
    codes_b = {loc.admin1.code for loc in sb if loc.admin1}
    return bool(regions_a & codes_b or regions_b & codes_a)


def _same_side(x: Actor, y: Actor) -> bool:
    return x.name == y.name or (x.country is not None and x.country == y.country)


def _crossed(a: Proto, b: Proto) -> bool:
    """Who attacks in one telling is attacked in the other: two acts, one each way."""
    pairs = ((a.role("initiator"), b.role("target")), (b.role("initiator"), a.role("target")))
    return any(_same_side(x, y) for doers, hit in pairs for x in doers for y in hit)


def _count(proto: Proto) -> int | None:
    return proto.killed.value if proto.killed else None


def _same_day(a: Proto, b: Proto) -> bool:
    return a.date_explicit and b.date_explicit and a.when.date == b.when.date


def _attackers_agree(a: Proto, b: Proto) -> bool:
    x, y = a.role("initiator"), b.role("initiator")
    if not x or not y or any(_same_side(p, q) for p in x for q in y):
        return True
    return _same_day(a, b) and _count(a) is not None and _count(a) == _count(b)


def _words_before(proto: Proto, edge: int) -> list[str]:
    """The words of the telling's sentence before an edge of its trigger, lower-cased."""
    end = max(0, proto.trigger[edge] - proto.sentence.start)
    return [w.strip(".,;:'\"“”‘’()").lower() for w in proto.sentence.text[:end].split()]


def _names_back(proto: Proto) -> bool:
    """'the attack', 'this strike', "Monday's bombing": a definite word or a day's
    possessive just before the trigger (one modifier may stand between)."""
    from streams.extraction.components.families.conflict import references  # after components

    refs = references()
    start = max(0, proto.trigger[0] - proto.sentence.start)
    words = [w.lower() for w in proto.sentence.text[:start].split()[-2:]]
    for word in words:
        stem = word.replace("’", "'").removesuffix("'s")
        if word in refs.determiners or (stem != word and stem in refs.time_possessors):
            return True
    return False


def _bare(proto: Proto) -> bool:
    """A telling that names no town and no attacker of its own."""
    return not _sub(proto.locations) and not proto.role("initiator")


def marked_other(proto: Proto) -> bool:
    """'another attack', 'a second drone strike' (a word of `distinct` among the three words
    before the trigger), 'in a separate incident, ...' (a word of `apart` anywhere before the
    trigger's end: a bare toll's trigger is its whole sentence): the telling marks an act of
    its own."""
    near = set(_words_before(proto, 0)[-3:])
    return bool(near & cues().distinct or set(_words_before(proto, 1)) & cues().apart)


def told_later(earlier: Proto, later: Proto) -> bool:
    """'Days later, a roadside bomb killed 11': the later telling, in a sentence after the
    earlier's, is of an act (no bare toll) with a later time of its own before its trigger
    (`later`), and names no act back: an act of its own."""
    if later.sentence.index <= earlier.sentence.index or later.event_type == "casualty_report":
        return False
    before = f" {' '.join(_words_before(later, 1))} "
    return any(f" {cue} " in before for cue in cues().later) and not _names_back(later)


def _tolls_agree(a: Proto, b: Proto) -> bool:
    ka, kb = _count(a), _count(b)
    return ka is None or kb is None or ka == kb or _names_back(b) or _bare(b)


def _must_agree(a: Proto, b: Proto) -> bool:
    kinds = {_kind(a.event_type), _kind(b.event_type)} - {None}
    return (
        a.status == b.status
        and not a.framed
        and not b.framed
        and (len(kinds) <= 1 or (_names_back(b) and _bare(b)))
        and not (a.date_explicit and b.date_explicit and a.when.date != b.when.date)
        and locations_overlap(a.locations, b.locations)
        and not _crossed(a, b)
        and _attackers_agree(a, b)
        and _tolls_agree(a, b)
    )


def _one_act(a: Proto, b: Proto) -> bool:
    shared = {loc.name for loc in _sub(a.locations)} & {loc.name for loc in _sub(b.locations)}
    return _names_back(b) or _bare(b) or _same_day(a, b) or bool(shared)


def same_act(a: Proto, b: Proto, conflict: frozenset[str]) -> bool:
    """The later telling b tells the act of the earlier telling a (module doc)."""
    return (
        a.event_type in conflict
        and b.event_type in conflict
        and not marked_other(b)
        and not told_later(a, b)
        and _must_agree(a, b)
        and _one_act(a, b)
    )


def fill(host: Proto, other: Proto) -> Proto:
    """The earlier telling, with the fields it lacks taken from the later one."""
    if host.event_type in WEAK and other.event_type not in WEAK:
        host.event_type = other.event_type
    for role in ("initiator", "target"):
        # a second attacker, of another side, where the attackers differ: a joint act
        mine = host.role(role)
        if not mine or role == "initiator":
            host.actors += [a for a in other.role(role) if not any(_same_side(a, m) for m in mine)]
    if not _sub(host.locations) and _sub(other.locations):
        host.locations = [*_sub(other.locations), *host.locations]
    if other.date_explicit and not host.date_explicit:
        host.when, host.date_explicit = other.when, True
    from streams.extraction.toll_sides import joint_toll  # it reads marked_other of this module

    host.killed = joint_toll(host, other) or host.killed  # the dead of two sides add
    for field in _COUNTS:
        if getattr(host, field) is None:
            setattr(host, field, getattr(other, field))
    kinds = {w.kind for w in host.weapons}
    host.weapons += [w for w in other.weapons if w.kind not in kinds]
    host.lead = host.lead or other.lead
    return host


def fold(events: list[Proto], conflict: frozenset[str]) -> list[Proto]:
    """Each later telling folded into the earliest telling of its act (module doc)."""
    out: list[Proto] = []
    for event in events:
        host = next((o for o in out if same_act(o, event, conflict)), None)
        if host is None:
            out.append(event)
        else:
            fill(host, event)
    return out
