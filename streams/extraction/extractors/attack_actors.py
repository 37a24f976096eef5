"""The attacker and the attacked side of a conflict event, from the actors named around its
trigger."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from streams.extraction.annotate import ActorMention, Annotated, Sentence
from streams.extraction.extractors.attack_words import W
from streams.extraction.extractors.common import (
    actor_of,
    sentence_actors,
)
from streams.extraction.numbers import NUMBER_CORE, QUALIFIER_RE
from streams.schemas import Actor

_PASSIVE = re.compile(
    W
    + r"\b(?:was|were|been|being|is|are|came)\s+(?:\w+\s+)?(?:hit|struck|attacked|targeted|shelled|"
    r"bombed|pounded|under(?:\s+\w+)?\s+attack|damaged|destroyed)\b",
    re.IGNORECASE,
)


_BACKED_BY = re.compile(
    r"\b(?:backed|supported|aided|assisted|helped)\s+by\s+(?:the\s+)?$|\balongside\s+(?:the\s+)?$",
    re.I,
)


_ATTACKER_NOUN = re.compile(r"(?:gunmen|militants|fighters|attackers|assailants)$", re.I)


_FROM_GROUP = re.compile(r"^\s+(?:from|of|belonging to|loyal to)\s+(?:the\s+)?$", re.I)


# "a convoy escorted by the Malian army": the escort is who was hit, not the attacker
_ESCORTED_BY = re.compile(
    r"\b(?:escorted|accompanied|guarded|protected|operated|owned|manned|carrying|"
    r"transporting)\s+by\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)


_BY_WITH = re.compile(W + r"\b(?:by|with|from|using)\s+(?:a\s+|an\s+|the\s+)?$", re.I)


_AS_PLACE = re.compile(
    W + r"\b(?:in|on|at|near|over|to|from|into|across|around)\s+(?:the\s+)?$", re.I
)


ITS_FORCES = re.compile(
    W + r"\b(?:(?:its|their)\s+(?:forces|troops|military|army|units|drones|missiles)|"
    # "Africa Command said it carried out an air strike": the speaker struck
    r"said (?:that )?it (?:had )?(?:carried out|conducted|launched))\b",
    re.I,
)


# "soldiers shot dead four insurgents": a killing verb ending in "dead" with its object after
# is said of the doer; without one ("two soldiers shot dead in Kano") of the victims
_OBJECT_NEXT = rf"\s+(?:(?:a|an|the|his|her|their)\b|(?:{QUALIFIER_RE})\s|(?:{NUMBER_CORE})\b)"
VICTIM_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:(?:were|was|have been|had been|are|being)\s+(?:\w+\s+)?"
    rf"(?:killed|wounded|injured|captured|taken prisoner)|died|dead)\b(?!{_OBJECT_NEXT})",
    re.IGNORECASE,
)


_SPEECH_BETWEEN = re.compile(
    W + r"\b(?:said|says|condemned|condemns|denounced|accused|reported|claimed|announced|told|"
    r"warned|blamed|confirmed|criticized|criticised)\b",
    re.IGNORECASE,
)


_OWN_CLAIM = re.compile(  # "the Arakan Army said on Monday it had captured"
    r"\b(?:said|says|saying|claimed|announced)\b[^,;]{0,30}?\b(?:(?:it|they)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:\w+\s+)?$|(?:its|their)\s+(?:forces|fighters|troops|units|drones)\b)",
    re.IGNORECASE,
)


BLAME = re.compile(W + r"\b(?:blamed|blames|accused|accuses)\s+(?:the\s+)?$", re.IGNORECASE)


_CARRIED_OUT_BY = re.compile(  # "the attack was carried out by the X coalition"
    r"\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?(?:carried out|launched|conducted|"
    r"perpetrated|staged|claimed|committed|orchestrated)\s+by\s+",
    re.IGNORECASE,
)


def state_like(mention: ActorMention, doc: Annotated | None = None) -> bool:
    if mention.kind not in ("state", "armed_forces", "group"):
        return False
    if mention.source == "metonym" and doc is not None:
        return not _AS_PLACE.search(doc.text[max(0, mention.start - 12) : mention.start])
    return mention.source != "metonym" or doc is None


@dataclass(frozen=True)
class _Scene:
    """What the attacker and target rules read around one trigger (start, end: its span)."""

    doc: Annotated
    sent: Sentence
    start: int
    end: int
    mentions: list[ActorMention]  # the sentence's actors, attributions left out
    all_mentions: list[ActorMention]
    passive: re.Match[str] | None
    forces: list[ActorMention]  # armed forces named as actors, not as victims or backers
    backers: list[ActorMention]

    @property
    def tail(self) -> str:
        return self.sent.text[self.end - self.sent.start :]


def _scene(doc: Annotated, sent: Sentence, start: int, end: int) -> _Scene:
    mentions = sentence_actors(doc, sent)
    forces = [
        m for m in mentions if m.forces and not VICTIM_AFTER.match(doc.text[m.end : m.end + 50])
    ]
    # "M23 rebels backed by Rwandan troops pushed into Goma": the backer is not the subject
    backers = [m for m in forces if _BACKED_BY.search(doc.text[max(0, m.start - 30) : m.start])]
    return _Scene(
        doc,
        sent,
        start,
        end,
        mentions,
        sentence_actors(doc, sent, skip_attributed=False),
        _PASSIVE.search(sent.text),
        [m for m in forces if m not in backers],
        backers,
    )


def _attackers_group(s: _Scene) -> ActorMention | None:
    """'Gunmen from the Viv Ansanm coalition attacked ...': the trigger names the attackers,
    and the group they come from follows it."""
    if not _ATTACKER_NOUN.match(s.doc.text[s.start : s.end]):
        return None
    return next(
        (
            m
            for m in s.mentions
            if m.start >= s.end
            and m.kind == "group"
            and _FROM_GROUP.match(s.doc.text[s.end : m.start])
        ),
        None,
    )


def _speaker_forces(s: _Scene) -> ActorMention | None:
    """'Ukraine's General Staff said its forces struck': the speaker's own forces attacked."""
    if not ITS_FORCES.search(s.sent.text[: s.end - s.sent.start + 30]):
        return None
    return next((m for m in s.all_mentions if m.start < s.end and m.country), None)


def _blamed(s: _Scene) -> ActorMention | None:
    """'... blamed the Russian army': the state or group blamed."""
    blamed = [
        m for m in s.mentions if BLAME.search(s.doc.text[max(s.sent.start, m.start - 20) : m.start])
    ]
    return blamed[0] if blamed and state_like(blamed[0]) else None


def _agent_forces(s: _Scene) -> ActorMention | None:
    """Armed forces named before the trigger, or after it as its agent ('by', 'with'; not
    'a convoy escorted by the army')."""
    agents = [
        m
        for m in s.forces
        if m.end <= s.end
        or (
            _BY_WITH.search(s.doc.text[max(0, m.start - 14) : m.start])
            and not _ESCORTED_BY.search(s.doc.text[max(0, m.start - 30) : m.start])
        )
    ]
    return agents[0] if agents else None


def _nominal_agent(s: _Scene) -> ActorMention | None:
    """'an attack by ...', 'the attack was carried out by ...': the agent after the trigger,
    an armed one first."""
    if not (re.match(r"\s+(?:\w+\s+)?by\s+", s.tail) or _CARRIED_OUT_BY.match(s.tail)):
        return None
    agents = [m for m in s.mentions if m.start >= s.end and state_like(m)]
    armed = [m for m in agents if m.kind in ("group", "armed_forces")]
    return (armed or agents)[0] if armed or agents else None


def _passive_agent(s: _Scene) -> ActorMention | None:
    """'... was hit by Russian drones': the agent of a passive sentence."""
    by_agent = re.search(r"\bby\s+(?:the\s+)?(?:a\s+)?", s.tail)
    if s.passive is None or by_agent is None:
        return None
    return next(
        (m for m in s.mentions if m.start >= s.end + by_agent.end() - 1 and state_like(m)),
        None,
    )


def _subject_before(s: _Scene) -> ActorMention | None:
    """The last state-like actor before the trigger in an active sentence, not one only
    reported as saying something (unless it claims the act as its own)."""
    if s.passive is not None:
        return None
    doc, start = s.doc, s.start
    before = [
        m
        for m in s.all_mentions
        if m.end <= start
        and (state_like(m, doc) or m.kind == "person")
        and not VICTIM_AFTER.match(doc.text[m.end : m.end + 50])
        and (
            _OWN_CLAIM.search(doc.text[m.end : start])
            or (not doc.attributed(m.start) and not _SPEECH_BETWEEN.search(doc.text[m.end : start]))
        )
    ]
    states = [m for m in before if state_like(m, doc) and m not in s.backers]
    return states[-1] if states else None


# where the attacker is looked for, in order: the first that names one wins
_INITIATOR_FINDERS: tuple[Callable[[_Scene], ActorMention | None], ...] = (
    _attackers_group,
    _speaker_forces,
    _blamed,
    _agent_forces,
    _nominal_agent,
    _passive_agent,
    _subject_before,
)


def _target(s: _Scene, initiator: ActorMention | None) -> ActorMention | None:
    """The subject of a passive sentence ('Kharkiv was hit'), else the first actor after the
    trigger on the other side."""
    if s.passive is not None and s.passive.start() + s.sent.start < s.start + 1:
        subject = [m for m in s.all_mentions if m.end <= s.sent.start + s.passive.start()]
        if subject:
            return subject[-1]
    after = [m for m in s.mentions if m.start >= s.end and state_like(m)]
    return next((m for m in after if _other_side(m, initiator, s.end)), None)


def event_actors(doc: Annotated, sent: Sentence, start: int, end: int) -> list[Actor]:
    """The initiator (and a backer) and the target of the event triggered at start..end."""
    s = _scene(doc, sent, start, end)
    initiator = next((m for find in _INITIATOR_FINDERS if (m := find(s)) is not None), None)
    target = _target(s, initiator)
    actors: list[Actor] = []
    if initiator is not None:
        actors.append(as_state(initiator, "initiator"))
        for backer in s.backers[:1]:
            if backer.name != initiator.name:
                actors.append(as_state(backer, "initiator"))
    if target is not None and _other_side(target, initiator, end):
        actors.append(as_state(target, "target"))
    return actors


def _other_side(mention: ActorMention, initiator: ActorMention | None, trigger_end: int) -> bool:
    """Not the initiator's side: another country, or the armed group a state's forces fight
    at home, named as the object of the attack ("Somali troops fought al Shabaab fighters")."""
    if initiator is None:
        return True
    if mention.name == initiator.name:
        return False
    if mention.country != initiator.country:
        return True
    state = initiator.kind == "state" or initiator.forces
    return state and mention.kind == "group" and 0 <= mention.start - trigger_end <= 12


def as_state(mention: ActorMention, role: str) -> Actor:
    """Attackers and targets are coded as their state: 'Russian forces' -> Russia (armed_forces)."""
    actor = actor_of(mention, role)
    if mention.source == "metonym":
        return actor.model_copy(update={"kind": "state"})
    if mention.kind == "person" and mention.country:
        return actor
    return actor
