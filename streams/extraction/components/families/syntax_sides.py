"""Which side a legacy actor is on, when the parse says otherwise.

The legacy rules read an attacker from the actors before a trigger; in a passive clause that
is the side acted upon ('Nigerian soldiers were ambushed by militants': the soldiers are the
target, the militants the attacker). Where the parse puts an actor the legacy rules named
inside a phrase of the other side (a passive subject, an object, the victims; or a by-agent,
a subject) and inside none of its own, the parse's side wins. An attacker named only by an
armed word ('militants', 'gunmen') then fills the emptied side (sides.unnamed_sides).
An actor the act is laid to ('an attack blamed on X', 'carried out by X': data/en/
attribution.json) is its doer."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.conflict import mentions
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.sides import PRONOUNS, armed, people, unnamed_sides
from streams.extraction.extractors.common import Proto, actor_of
from streams.extraction.gazetteer import gazetteer
from streams.schemas import Actor

_SIDE = {
    "initiator": "initiator",
    "target": "target",
    "victims": "target",
    "single_victim": "target",
}
_OTHER = {"initiator": "target", "target": "initiator"}


class Attribution(CueFile):
    lemmas: frozenset[str]
    preps: frozenset[str]


def _token_at(doc: Doc, at: int) -> Token | None:
    """The parsed token holding character at of the article (None when its sentence is not
    parsed)."""
    for start, parsed in (doc._.parses or {}).items():
        if start <= at < start + len(parsed.text):
            return next((t for t in parsed if t.idx <= at - start < t.idx + len(t)), None)
    return None


def laid_to(doc: Doc, start: int, end: int) -> bool:
    """The words start..end are the object of an attribution ('an attack blamed on X')."""
    cues = load(Attribution, "attribution.json")
    token = _token_at(doc, end - 1)
    while token is not None and token.dep_ in ("conj", "compound", "amod", "det"):
        token = token.head  # 'blamed on X and Y', 'claimed by the X group'
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in cues.preps:
        return False
    verb = token.head.head
    return verb.pos_ == "VERB" and verb.tag_ == "VBN" and verb.lemma_.lower() in cues.lemmas


def _sides_at(start: int, end: int, hits: list[RoleHit]) -> set[str]:
    """The sides of the role phrases that hold the words start..end."""
    held = [h for h in hits if h.role in _SIDE and h.phrase[0] <= start and end <= h.phrase[1]]
    return {_SIDE[h.role] for h in held}


def _parsed_side(doc: Doc, actor: Actor, hits: list[RoleHit]) -> str | None:
    """The side the parse gives an actor read from the text when it differs from its own."""
    if actor.start is None or actor.end is None or actor.role not in _OTHER:
        return None
    other = _OTHER[actor.role]
    if actor.role == "target" and laid_to(doc, actor.start, actor.end):
        return other
    return other if _sides_at(actor.start, actor.end, hits) == {other} else None


def parsed_sides(doc: Doc, ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """Move each actor read from the text whose words the parse gives only to the other side,
    or that the act is laid to; an implied side ('the country where it happened') yields to
    the one moved there; an emptied attacker's side takes an unnamed armed group the parse
    names there."""
    moved = [(i, side) for i, a in enumerate(proto.actors) if (side := _parsed_side(doc, a, hits))]
    if not moved:
        return
    for index, side in moved:
        proto.actors[index] = proto.actors[index].model_copy(update={"role": side})
    read = {(a.role, a.name) for a in proto.actors if a.start is not None}
    proto.actors = [a for a in proto.actors if a.start is not None or (a.role, a.name) not in read]
    if proto.role("initiator"):
        return
    doers = [h for h in hits if h.role == "initiator"]
    # coded with the country where it acted, as the legacy rules code 'gunmen' (ACLED does)
    country = next((p.country for p in proto.locations if p.country), None)
    proto.actors += [
        a.model_copy(update={"country": a.country or country})
        for a in unnamed_sides(ann, doers)
        if a.role == "initiator"
    ]


class PlacedStates(CueFile):
    state_forces: frozenset[str]


def _doers(ann: Annotated, hits: list[RoleHit]) -> list[RoleHit]:
    """The doers the parse names: initiator phrases of people, not pronouns, not a lower-case
    modifier of an act ('a military offensive')."""
    return [
        h
        for h in hits
        if h.role == "initiator"
        and h.text.lower() not in PRONOUNS
        and not (h.pattern.endswith(".nominal_modifier") and not h.text[:1].isupper())
        and people(ann, h)
    ]


def _own_forces(ann: Annotated, doers: list[RoleHit]) -> bool:
    """Every doer is named only by words of a state's own forces ('the military'), with no
    actor of its own: the state read is theirs."""
    words = load(PlacedStates, "placed_states.json").state_forces
    return all(
        not mentions(ann, h.phrase) and ann.text[h.head[0] : h.head[1]].lower() in words
        for h in doers
    )


def placed_state(doc: Doc, ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """A doer read as a state named outside every doer phrase the parse gives (the country
    where it happened: 'shot dead by insurgents in eastern Chad'; a possessor: 'X's army chief
    survived an attempt after armed men attacked him') yields to the doer the parse names:
    its actors of the dictionaries, else the armed word it is named by, else the words of an
    armed phrase ('armed men'), coded with the country where it acted (as ACLED codes an
    unnamed group)."""
    states = [
        a
        for a in proto.actors
        if a.role == "initiator" and a.kind == "state" and a.start is not None and a.end
    ]
    states = [a for a in states if not _forces_owner(doc, a)]
    start, end = proto.trigger
    own = _doers(ann, [h for h in hits if h.trigger[0] < end and start < h.trigger[1]])
    doers = own or _doers(ann, hits)  # the act's own doers, else the sentence's
    if not states or not doers or _own_forces(ann, doers):
        return
    if any(_held(a, h) for a in states for h in doers):
        return  # 'Chad's forces attacked': the state is in the doer's phrase
    country = next((p.country for p in proto.locations if p.country), None)
    found = _named_doers(ann, doers, country or states[0].country)
    if found:  # none for a doer of no armed word the dictionaries lack ('cartel members')
        proto.actors = [a for a in proto.actors if a not in states] + found


def _held(actor: Actor, hit: RoleHit) -> bool:
    start, end = actor.start or 0, actor.end or 0
    return hit.phrase[0] <= start and end <= hit.phrase[1]


def _named_doers(ann: Annotated, doers: list[RoleHit], country: str | None) -> list[Actor]:
    """The doers' actors of the dictionaries, else the armed word one is named by, else the
    words of an armed phrase ('armed men'), coded with the country where they acted."""
    found = [actor_of(m, "initiator") for h in doers for m in mentions(ann, h.phrase)]
    if found:
        return found
    unnamed = [a for a in unnamed_sides(ann, doers) if a.role == "initiator"]
    if unnamed:
        return [a.model_copy(update={"country": a.country or country}) for a in unnamed]
    armed_doers = [h for h in doers if armed(ann, h)]
    if not armed_doers:
        return []
    words = _own_words(armed_doers[0].text)
    return [Actor(role="initiator", name=words, kind="group", country=country)]


def settled_doers(doc: Doc, ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """The doer the parse names over a state read outside it (placed_state), and an unnamed
    armed doer where none was read (unnamed_doer)."""
    placed_state(doc, ann, proto, hits)
    unnamed_doer(ann, proto, hits)


_BY = (".passive_agent", ".nominal_by", ".after_passive_agent")
"""The role patterns of a by-agent ('killed by X', 'an attack by X', 'after being fired on
by X')."""


def unnamed_doer(ann: Annotated, proto: Proto, hits: list[RoleHit]) -> None:
    """An act with no doer read whose by-agent names one only by a common word ('three
    farmers were hacked to death by militiamen'): an armed word is an unnamed armed group, a
    word of a state's own forces ('by soldiers', `state_forces`) that state's forces, both
    coded with the country where it acted (as the legacy rules code an active subject). A
    phrase with a name in it ('by Anti-Balaka forces') names a group the dictionaries lack:
    left unread."""
    if proto.role("initiator"):
        return
    start, end = proto.trigger
    by = [
        h for h in hits if h.trigger[0] < end and start < h.trigger[1] and h.pattern.endswith(_BY)
    ]
    by = [h for h in _doers(ann, by) if not any(w[:1].isupper() for w in h.text.split())]
    country = next((p.country for p in proto.locations if p.country), None)
    if not by:
        return
    if _own_forces(ann, by[:1]):
        state = gazetteer().iso3.get(country) if country else None
        if state is not None:  # its own state is no target ('soldiers killed a man in X')
            own = [a for a in proto.role("target") if a.kind == "state" and a.country == country]
            proto.actors = [a for a in proto.actors if a not in own]
            proto.actors.append(
                Actor(role="initiator", name=state.name, kind="armed_forces", country=country)
            )
        return
    found = [a for a in unnamed_sides(ann, by[:1]) if a.role == "initiator"]
    proto.actors += [a.model_copy(update={"country": a.country or country}) for a in found[:1]]


def _forces_owner(doc: Doc, actor: Actor) -> bool:
    """The state is named before a word of its forces ('the X military', 'X's army',
    'Republic of X's army'): from the name's own head word, up its modifiers' heads."""
    words = load(PlacedStates, "placed_states.json").state_forces
    start, end = actor.start or 0, actor.end or 0
    token = _token_at(doc, end - 1) if end else None
    while token is not None and token.head is not token and start <= _offset(doc, token.head) < end:
        token = token.head  # 'Republic of Congo': up to 'Republic', the name's head
    while token is not None and token.dep_ in ("compound", "amod", "poss", "case", "nmod"):
        token = token.head
        if token.lower_ in words:
            return True
    return False


def _offset(doc: Doc, token: Token) -> int:
    """The article offset of a parsed token."""
    for start, parsed in (doc._.parses or {}).items():
        if parsed is token.doc:
            return int(start) + token.idx
    return -1


_ARTICLES = ("a ", "an ", "the ", "some ", "several ")


def _own_words(text: str) -> str:
    """A doer's phrase without its article ('a local militia group' -> 'local militia group')."""
    lower = text.lower()
    for article in _ARTICLES:
        if lower.startswith(article):
            return text[len(article) :]
    return text
