"""Tolls that a killing's first victims phrase does not hold (codebook rule 8: all the dead of
the happening): a second group of dead told as an addition ('five civilian workers were also
killed', 'kill 13 more people') adds to the count told before; a coordinated phrase that is
followed by a hurt verb ('killed 2 soldiers and 3 others were injured') counts the wounded, not
the dead. Words: data/en/tolls.json."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.families.conflict import TOLL_GAP, count
from streams.extraction.components.families.conflict import _definite as definite
from streams.extraction.components.families.nonevents import no_conflict
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.families.victim_words import amount
from streams.extraction.components.roles import RoleHit
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.extractors.casualties import counts_animals
from streams.extraction.extractors.common import Proto, context_count, sentence_places
from streams.extraction.numbers import VAGUE
from streams.extraction.toll_sides import other_side
from streams.extraction.toll_words import words
from streams.schemas import Count


@cache
def _hurt_after() -> re.Pattern[str]:
    w = words()
    be = "|".join(re.escape(b) for b in sorted(w.be, key=len, reverse=True))
    hurt = "|".join(re.escape(h) for h in sorted(w.hurt, key=len, reverse=True))
    return re.compile(rf"\s*(?:{be})\s+(?:\w+\s+)?(?:{hurt})\b", re.IGNORECASE)


def without_wounded(text: str, hits: list[RoleHit]) -> list[RoleHit]:
    """The hits less the victims conjuncts that a hurt verb follows ('killed 2 soldiers and 3
    others were injured': '3 others' are wounded). The first phrase of a group always stays."""
    first: set[tuple[tuple[int, int], str, int]] = set()
    kept = []
    for hit in hits:
        key = (hit.trigger, hit.pattern, hit.base)
        if hit.role == "victims" and key in first and _hurt_after().match(text, hit.phrase[1]):
            continue
        if hit.role == "victims":
            first.add(key)
        kept.append(hit)
    return kept


def _added(doc: Doc, trigger: Span, hits: list[RoleHit]) -> Count | None:
    """The dead of a killing told as an addition: its verb has an additive adverb ('were also
    killed') or its count a 'more' word after it ('13 more people'); one for a lone victim."""
    span = (trigger.start_char, trigger.end_char)
    own = [h for h in hits if h.trigger == span and h.role in ("victims", "single_victim")]
    token = parsed_token(doc, trigger)
    if not own or token is None:
        return None
    w = words()
    adverb = any(c.lower_ in w.additive for c in token.children if c.dep_ == "advmod")
    for hit in own:
        found = amount(hit.text) if hit.role == "victims" else None
        if found is not None and _numbered(found) and (adverb or _more_after(hit.text, found)):
            return found
    single = next((h for h in own if h.role == "single_victim"), None)
    if adverb and single is not None:
        return Count(value=1, qualifier="exact", text=single.text)
    return None


def _numbered(found: Count) -> bool:
    """A count written as a number: 'dozens of militants were also killed' adds no figure (the
    gold sets keep the first count; a vague word is no toll of its own)."""
    return (found.text or "").lower() not in VAGUE


def _more_after(text: str, found: Count) -> bool:
    """'13 more people', 'two other soldiers': the count's next word adds to an earlier one."""
    number = (found.text or "").lower()
    at = text.lower().find(number) if number else -1
    rest = text[at + len(number) :].split() if at >= 0 else []
    return bool(rest) and rest[0].lower() in words().more


def additions(doc: Doc, triggers: list[Span], hits: list[RoleHit]) -> tuple[set[Span], int]:
    """The killings of a sentence told as additions, and the dead they add."""
    added: set[Span] = set()
    total = 0
    for trigger in triggers:
        found = _added(doc, trigger, hits)
        if found is not None:
            added.add(trigger)
            total += found.value
    return added, total


def add_to(proto: Proto, extra: int) -> None:
    """Add `extra` dead to the event's count (its qualifier kept)."""
    if proto.killed is not None and extra:
        proto.killed = proto.killed.model_copy(update={"value": proto.killed.value + extra})


def sentence_toll(doc: Doc, triggers: list[Span], hits: list[RoleHit]) -> Count | None:
    """The sentence's dead: its first victims phrase with a count, plus the killings told as
    additions ('killed five gendarmes; five workers were also killed': ten)."""
    added, extra = additions(doc, triggers, hits)
    spans = {(t.start_char, t.end_char) for t in added}
    pool = [h for h in hits if h.trigger not in spans] if spans else hits
    own = count(pool, "victims")
    if own is None:
        own, extra = count(hits, "victims"), 0
        if own is None:
            return None
    extra += _more_subjects(pool) + sum(_accompanying(doc, t) for t in triggers)
    return own.model_copy(update={"value": own.value + extra}) if extra else own


def _accompanying(doc: Doc, trigger: Span) -> int:
    """'a police officer was killed, along with 2 others', 'killed the mayor together with his
    driver and his guard': the dead the killing verb takes 'along with' (a word of
    `accompanying` right before 'with'), a number each or one a singular noun; none when one of
    them is uncounted ('along with their families') or animals."""
    token = parsed_token(doc, trigger)
    if token is None or token.pos_ != "VERB":
        return 0
    near = [token, *(c for c in token.children if c.dep_ in ("prep", "prt", "advmod"))]
    for head in near:
        for child in head.children:
            if _with_companion(child):
                return sum(_companions(child))
    return 0


def _with_companion(token: Token) -> bool:
    return (
        token.lower_ == "with"
        and token.dep_ == "prep"
        and token.i > 0
        and token.nbor(-1).lower_ in words().accompanying
    )


def _companions(prep: Token) -> list[int]:
    """The count of each object of 'along with' (coordinated objects each), [0] when one of
    them names no number and no single person."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    counts = []
    for obj in objects:
        phrase = obj.doc[obj.left_edge.i : obj.i + 1].text
        found = amount(phrase)
        if counts_animals(phrase) or (found is None and obj.tag_ not in ("NN", "NNP")):
            return [0]
        counts.append(found.value if found is not None else 1)
    return counts


def _opens_with_number(text: str) -> bool:
    """'13 militants', 'three guards': the phrase opens with a written number ('a four-month-old
    baby' among the dead is one of them, not a group of its own)."""
    found = amount(text)
    number = (found.text or "") if found is not None else ""
    return number.lower() not in ("", "a", "an") and text.startswith(number + " ")


def _more_subjects(hits: list[RoleHit]) -> int:
    """'Two guards, 17 worshippers and 13 militants are killed', parsed as two subjects of the
    one verb: the dead of the other groups of the counted group's verb and pattern, all of
    whose phrases open with a number ('killed five and another attack' adds nothing)."""
    groups: dict[tuple[tuple[int, int], str, int], list[RoleHit]] = {}
    for hit in hits:
        if hit.role == "victims":
            groups.setdefault((hit.trigger, hit.pattern, hit.base), []).append(hit)
    keys = [k for k, group in groups.items() if any(amount(h.text) for h in group)]
    if not keys:
        return 0
    first = keys[0]
    total = 0
    for key in keys[1:]:
        group = groups[key]
        if key[:2] == first[:2] and all(_opens_with_number(h.text) for h in group):
            found = count(group, "victims")
            total += found.value if found is not None else 0
    return total


def add_later(
    ann: Annotated, sent: Sentence, triggers: list[Span], hits: list[RoleHit], out: list[Proto]
) -> bool:
    """'Three soldiers were killed. Two civilians were also killed.': a sentence whose every
    killing is told as an addition, shortly after the last event told and naming no other
    town, gives that event its dead (none from a past toll, 'in 2019'). Whether the sentence
    is only that, making no event of its own: every other attack word of it refers back ('in
    the attack'); 'Further strikes killed 13 more' stays an event of its own, merged later."""
    attack = next((p for p in reversed(out) if p.status == "occurred"), None)
    if attack is None or attack.killed is None:
        return False
    if not 0 < sent.index - attack.sentence.index <= TOLL_GAP:
        return False
    if context_count(sent.text, ann.published.year):
        return False
    doc = triggers[0].doc
    added, extra = additions(doc, triggers, hits)
    killings = {h.trigger for h in hits if h.role in ("victims", "single_victim")}
    if not added or killings - {(t.start_char, t.end_char) for t in added}:
        return False  # a killing of the sentence is told as news of its own
    if not same_places(ann, sent, attack):
        return False  # 'also killed two in Y': another place, another happening
    add_to(attack, extra)
    _add_wounded(attack, count(hits, "injured"))
    others = [t for t in triggers if t not in added and family_of(t._.pattern.id) not in COUNT_ONLY]
    return all(definite(doc, t) for t in others)


def _add_wounded(attack: Proto, hurt: Count | None) -> None:
    """'Further strikes kill 13 more people and injure 32 others': the wounded of a sentence
    whose dead are told as an addition are of the added part too, and add to the event's."""
    if hurt is None or attack.injured is None:
        attack.injured = attack.injured or hurt
        return
    attack.injured = attack.injured.model_copy(update={"value": attack.injured.value + hurt.value})


def add_side(ann: Annotated, sent: Sentence, hits: list[RoleHit], attack: Proto) -> None:
    """'Three soldiers were killed. The bodies of six fighters were found.': a sentence that
    makes no event of its own and names no doer, shortly after an event with its toll, tells
    the dead of another side (toll_sides.other_side), which add to that toll (none from
    another town, a past toll or a running total)."""
    found = count(hits, "victims")
    if found is None or attack.killed is None or any(h.role == "initiator" for h in hits):
        return
    if not 0 < sent.index - attack.sentence.index <= TOLL_GAP:
        return
    if context_count(sent.text, ann.published.year) or not same_places(ann, sent, attack):
        return
    phrase = " ".join(h.text for h in hits if h.role == "victims")  # its nouns name the side
    told = found.model_copy(update={"text": phrase})
    attack.killed = other_side(attack.killed, told, sent.text) or attack.killed


def same_places(ann: Annotated, sent: Sentence, attack: Proto) -> bool:
    """The sentence names no town the event does not have."""
    names = {loc.name for loc in attack.locations}
    towns = [p for p in sentence_places(ann, sent) if p.place.precision != "country"]
    return all(p.text in names or p.place.name in names for p in towns)


def toll_before(doc: Doc, grouped: dict[int, list[Span]], out: list[Proto]) -> None:
    """'A truck helper succumbed to his injuries today. He was hurt when activists threw petrol
    bombs at his truck.': a sentence before the text's first event that tells dead (by a toll
    word: died, dead, succumbed, or a killing verb: 'a commander was killed in X. He was
    attacked by gunmen at his home.') and makes no event of its own, naming no doer, gives
    that event its dead when it has none (none from a past toll or running total, 'since 2019'; a
    noun, 'caused the death of 50', names a toll that may sum more happenings than the one; the
    dead of an accident, 'killed in a railway accident', are no act's)."""
    first = next((p for p in out if p.status == "occurred"), None)
    if first is None or first.killed is not None:
        return
    ann = annotated(doc)
    for index in sorted(i for i in grouped if 0 < first.sentence.index - i <= TOLL_GAP):
        sent = ann.sentences[index]
        spans = {
            (t.start_char, t.end_char)
            for t in grouped[index]
            if t._.pattern.victims_die and _told(doc, t) and not no_conflict(ann, sent, t)
        }
        hits = [r for r in doc._.roles or [] if r.trigger in spans]
        if any(h.role == "initiator" for h in hits) or context_count(sent.text, ann.published.year):
            continue
        found = count(without_wounded(doc_text(doc), hits), "victims")
        if found is not None:
            first.killed = found
            return


def _told(doc: Doc, trigger: Span) -> bool:
    """The toll word is a verb or adjective ('died', 'succumbed', 'dead'), not a noun."""
    token = parsed_token(doc, trigger)
    return token is not None and token.pos_ != "NOUN"
