"""Conflict-family logic of engine v2 beyond one trigger sentence, and the role readers the
conflict events share.

- Counts from role phrases: coordinated victims add up; "including N children" under the
  victims is the count's subset of children (or civilians).
- A sentence that refers back to an attack told before ("the assault caused ...", "launched
  N drones during the attack", "damage inflicted on A, B and C") and makes no event of its own
  gives that attack its counts, weapon counts and damaged places: one attack, told over
  several sentences.
- A trigger whose subject is a pronoun or missing takes the actors of the previous (parsed)
  sentence's subject."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span

from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.components.data import DATA
from streams.extraction.components.families.victim_words import amount
from streams.extraction.components.roles import RoleHit, partitives
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors.casualties import counts_animals
from streams.extraction.extractors.common import (
    Proto,
    _add_weapon,
    context_count,
    location_of,
    weapons,
)
from streams.extraction.lexicons import UNTYPED_ATTACK
from streams.schemas import Count


class References(BaseModel):
    """data/en/references.json: what makes a mention of an attack refer back to one before."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    about: str
    determiners: frozenset[str]
    indefinite: frozenset[str]
    families: frozenset[str]
    pronouns: frozenset[str]
    singular: frozenset[str]
    possessives: frozenset[str] = frozenset()
    plurals: frozenset[str] = frozenset()
    vague: frozenset[str] = frozenset()
    distal: frozenset[str] = frozenset()
    time_possessors: frozenset[str] = frozenset()
    munitions: frozenset[str] = frozenset()
    another: frozenset[str] = frozenset()
    one_pronouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def references() -> References:
    raw = json.loads((DATA / "references.json").read_text(encoding="utf-8"))
    return References.model_validate(raw)


def mentions(ann: Annotated, phrase: tuple[int, int]) -> list[ActorMention]:
    start, end = phrase
    return [a for a in ann.actors if a.start < end and a.end > start]


def places(ann: Annotated, phrase: tuple[int, int]) -> list[PlaceMention]:
    start, end = phrase
    return [p for p in ann.places if p.start < end and p.end > start]


_NONE = re.compile(r"(?:no|nobody|none)\b", re.IGNORECASE)
"""'No one was killed', 'nobody was hurt': a victims phrase that counts none."""


def count(hits: list[RoleHit], role: str) -> Count | None:
    """The count of the first role phrase that has one; coordinated phrases add up ("killed
    a minister and five others": six), a phrase without a number counting one; "including
    N children" under the victims sets the count's children (civilians)."""
    groups: dict[tuple[tuple[int, int], str, int], list[RoleHit]] = {}
    for hit in hits:
        if hit.role == role and not counts_animals(hit.text):
            # 'killed five and another attack': two objects, not a sum
            groups.setdefault((hit.trigger, hit.pattern, hit.base), []).append(hit)
    for group in groups.values():
        amounts = [amount(h.text) for h in group]
        first = next((a for a in amounts if a is not None), None)
        if first is None:
            continue
        # 'a minister and five others', 'seven officers and a civilian' add up; '30 people,
        # two residents and a health worker said' is a list that runs into the next clause
        # (its last members speak): the first count stands
        if len(group) > 1 and (amounts[-1] is not None or _one_more(group, hits)):
            total = sum(a.value if a is not None else 1 for a in amounts)
            text = " and ".join(h.text for h in group)
            first = Count(value=total, qualifier=first.qualifier, text=text)
        return _with_subsets(first, hits) if role == "victims" else first
    return _one(hits) if role == "victims" else None


def _one_more(group: list[RoleHit], hits: list[RoleHit]) -> bool:
    """A pair whose second member names one person ('seven officers and a civilian'), not a
    speaker of the sentence; a longer list may run on into who said it ('30 people, two
    residents and a health worker said')."""
    last = group[-1]
    speaks = any(h.role == "initiator" and h.head == last.head for h in hits)
    return len(group) == 2 and _one_person(last.text) and not speaks


def _one(hits: list[RoleHit]) -> Count | None:
    """'A farmer was hacked to death': one victim named by a singular noun is one dead; 'a
    farmer and a teacher were killed': coordinated phrases that each name one person add up
    (each conjunct that opens with a singular word; a phrase the parser wrongly made a victim,
    'Thai police allege a teacher and a village head were shot', is no one)."""
    found = [
        h
        for h in hits
        if h.role == "single_victim" and not _NONE.match(h.text) and not counts_animals(h.text)
    ]
    found = found or [h for h in hits if h.role == "victims" and _one_named(h)]
    if not found:
        return None
    groups: dict[tuple[tuple[int, int], str, int], list[RoleHit]] = {}
    for hit in found:
        groups.setdefault((hit.trigger, hit.pattern, hit.base), []).append(hit)
    ones = next((g for g in map(_ones, groups.values()) if len(g) > 1), None)
    if ones is not None:
        return Count(value=len(ones), qualifier="exact", text=" and ".join(h.text for h in ones))
    return Count(value=1, qualifier="exact", text=found[0].text)


def _one_named(hit: RoleHit) -> bool:
    """A victims phrase the one-victim patterns missed that names one person: a pronoun of one
    ('killed him') or its opening word ('a 25-year-old was shot and killed': the parse reads
    no singular noun there), whose
    head is no amount or group ('a group', 'a number') and no plural or animal."""
    head = hit.text.split()[-1].lower()
    if hit.text.lower() in references().one_pronouns:
        return True  # 'killed him', a bomber 'killing himself'
    return (
        _one_person(hit.text)
        and len(hit.text.split()) > 1
        and head not in partitives()
        and not head.endswith("s")
        and head not in references().plurals
        and not counts_animals(hit.text)
    )


def _ones(group: list[RoleHit]) -> list[RoleHit]:
    """The conjuncts of a group that each name one person: those that open with a singular
    word, a bare singular noun after one ('a village chief and woman': the article is both
    nouns'), and all of them when the last is 'another ...' ('the chief of staff and another
    fighter': the one before is one person too)."""
    if len(group) > 1 and group[-1].text.lower().split()[0] in references().another:
        return group
    ones: list[RoleHit] = []
    for hit in group:
        if _one_person(hit.text) or (ones and _bare_singular(hit.text)):
            ones.append(hit)
    return ones


def _one_person(text: str) -> bool:
    """'a farmer', 'another guard', 'his wife': a phrase that names one person (a possessive
    before one singular noun; not 'his sons', 'her children')."""
    ref = references()
    words = text.lower().split()
    if words[0] in ref.singular:
        return True
    last = words[-1]
    return (
        len(words) == 2
        and words[0] in ref.possessives
        and not last.endswith("s")
        and last not in ref.plurals
    )


def _bare_singular(text: str) -> bool:
    """'woman', 'driver': one singular noun with no word before it."""
    words = text.lower().split()
    return (
        len(words) == 1
        and words[0].isalpha()
        and not words[0].endswith("s")
        and words[0] not in references().plurals
    )


def _with_subsets(total: Count, hits: list[RoleHit]) -> Count:
    update: dict[str, int] = {}
    for part in ("children", "civilians"):
        found = next((a for h in hits if h.role == part for a in [amount(h.text)] if a), None)
        if found is not None and found.value <= total.value:
            update[part] = found.value
    return total.model_copy(update=update) if update else total


def _definite(doc: Doc, trigger: Span) -> bool:
    """'the assault', 'during this attack', 'the overnight attack': a mention of an attack
    made definite by a word shortly before it (no article or a new one: not a reference)."""
    ref = references()
    for token in reversed(doc[max(trigger.sent.start, trigger.start - 3) : trigger.start]):
        word = token.lower_
        if word in ref.determiners:
            return True
        if word in ref.indefinite or not token.is_alpha or token.like_num:
            return False
    return False


def refers_back(doc: Doc, triggers: list[Span]) -> bool:
    """A definite mention of an attack beside another trigger (counts, weapons, damage)."""
    families = references().families
    definite = [t for t in triggers if family_of(t._.pattern.id) in families and _definite(doc, t)]
    return bool(definite) and len(triggers) > len(definite)


def _referent(out: list[Proto]) -> Proto | None:
    """The latest typed, reported conflict event told before."""
    return next(
        (p for p in reversed(out) if p.event_type != UNTYPED_ATTACK and p.status == "occurred"),
        None,
    )


def link_reference(
    ann: Annotated, sent: Sentence, hits: list[RoleHit], out: list[Proto]
) -> Proto | None:
    """Give the attack the sentence refers back to its counts, weapon counts and damaged
    places; the attack, or None when there is none before."""
    attack = _referent(out)
    if attack is None:
        _toll_of_told(ann, sent, hits, out)
        return None
    if not context_count(sent.text, ann.published.year):
        attack.killed = attack.killed or count(hits, "victims")
        attack.injured = attack.injured or count(hits, "injured")
    if _same_side(ann, sent, attack):
        for weapon in weapons(sent):
            if weapon.count:
                _add_weapon(attack.weapons, weapon)
    damaged = [p for h in hits if h.role == "damaged" for p in places(ann, h.head)]
    # a place as the text spells it ('Zaporizhzhia', the gazetteer's 'Zaporizhzhya')
    towns = [
        location_of(p).model_copy(update={"name": p.text})
        for p in damaged
        if p.place.precision != "country"
    ]
    if towns:
        kept = [loc for loc in attack.locations if loc.precision != "country"]
        names = {loc.name for loc in kept}
        attack.locations = kept + [t for t in towns if t.name not in names]
    return attack


def _toll_of_told(ann: Annotated, sent: Sentence, hits: list[RoleHit], out: list[Proto]) -> None:
    """'Militants attacked a patrol. One soldier was killed in the attack.': where the attack
    referred back to is told but not yet typed (an attack whose sides decide its type after
    the merge), the sentence's dead and wounded are still its own (codebook rule 8)."""
    attack = _told_event(out)
    if attack is None or not 0 < sent.index - attack.sentence.index <= TOLL_GAP:
        return
    if not context_count(sent.text, ann.published.year):
        attack.killed = attack.killed or count(hits, "victims")
        attack.injured = attack.injured or count(hits, "injured")


def _told_event(out: list[Proto]) -> Proto | None:
    """The latest reported conflict event told before, typed or not yet typed."""
    return next((p for p in reversed(out) if p.status == "occurred"), None)


TOLL_GAP = 3
"""A toll sentence counts for the event told at most this many sentences before it."""


def toll_after(ann: Annotated, sent: Sentence, hits: list[RoleHit], out: list[Proto]) -> None:
    """'Soldiers clashed with rebels near X. Four rebels were killed.': a sentence that makes no
    event of its own and names no doer, shortly after the last event told, gives that event its
    dead and wounded when it has none (a past toll, 'in 2019', is not one); an attack whose
    type waits for the merge takes them too ('Gunmen attacked a bus, injuring seven. One
    victim died later.')."""
    attack = _referent(out) or _told_event(out)
    if attack is not None and attack.killed is not None:
        from streams.extraction.components.families.tolls import add_side  # it reads this one

        add_side(ann, sent, hits, attack)  # the dead of another side add
    if attack is None or attack.killed is not None:
        return
    if not 0 < sent.index - attack.sentence.index <= TOLL_GAP:
        return
    if any(h.role == "initiator" for h in hits) or context_count(sent.text, ann.published.year):
        return
    attack.killed = count(hits, "victims")
    attack.injured = attack.injured or count(hits, "injured")


def _same_side(ann: Annotated, sent: Sentence, attack: Proto) -> bool:
    """The sentence names the attack's initiator (or no one): its weapons are that attack's."""
    named = {a.country or a.name for a in ann.actors if sent.start <= a.start < sent.end}
    if not named:
        return True
    return any((a.country or a.name) in named for a in attack.role("initiator"))


def previous_subject(doc: Doc, ann: Annotated, trigger: Span) -> list[ActorMention]:
    """'They shelled the town': the actors of the previous sentence's subject, when the
    trigger sentence opens with a pronoun or has no subject (its parse is in doc._.parses)."""
    sent = trigger.sent
    if sent.start == 0:
        return []
    before = doc[sent.start - 1].sent
    parsed: Doc | None = (doc._.parses or {}).get(before.start_char)
    if parsed is None:
        return []
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root else None
    if subject is None:
        return []
    start = min(t.idx for t in subject.subtree) + before.start_char
    end = max(t.idx + len(t) for t in subject.subtree) + before.start_char
    return mentions(ann, (start, end))


def pronoun_subject(hits: list[RoleHit]) -> bool:
    """The trigger's initiator is only a pronoun ('they', 'it')."""
    initiators = [h for h in hits if h.role == "initiator"]
    pronouns = references().pronouns
    return bool(initiators) and all(h.text.lower() in pronouns for h in initiators)
