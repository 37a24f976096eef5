"""Build Event messages from merged mentions: the stable id, confidence, summary (from the
event-type spec's template), status, date and codes."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from streams.extraction import lexicons, spec
from streams.extraction.annotate import Annotated
from streams.extraction.extractors.common import Proto, said_on
from streams.schemas import (
    Actor,
    Codes,
    Count,
    Event,
    Evidence,
    ExtractorRef,
    Quantities,
    When,
)


def first_actor(proto: Proto, role: str) -> Actor | None:
    """The first actor of a mention in a role, or None."""
    return next((a for a in proto.actors if a.role == role), None)


TWO_SIDED = "armed_clash"

Pairing = list[tuple[Actor | None, Actor | None]]


def pairings(proto: Proto, other: Proto) -> list[Pairing]:
    """How the sides of two mentions may pair for them to be one event: initiator with
    initiator and target with target; for two battles (two sides and no direction, ACLED's
    actor 1 and actor 2) also crosswise: 'X clashed with Y' and 'Y fought X' are one battle."""
    own = [first_actor(proto, "initiator"), first_actor(proto, "target")]
    theirs = [first_actor(other, "initiator"), first_actor(other, "target")]
    out = [list(zip(own, theirs, strict=True))]
    if proto.event_type == other.event_type == TWO_SIDED:
        out.append(list(zip(own, theirs[::-1], strict=True)))
    return out


def event_id(article_id: str, event_type: str, start: int, end: int, places: str = "") -> str:
    """Stable id from the article, the type, the evidence span and the places (two protests in
    one sentence, in two cities, are two events). Independent of extraction time."""
    basis = f"{article_id}|{event_type}|{start}|{end}|{places}"
    return "ev-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def confidence(proto: Proto) -> float:
    score = proto.base_confidence
    score += 0.1 * bool(first_actor(proto, "initiator")) + 0.05 * bool(first_actor(proto, "target"))
    score += 0.08 * bool(proto.locations) + 0.04 * proto.date_explicit
    score += 0.05 * bool(proto.killed or proto.injured) + 0.03 * bool(proto.weapons)
    return round(max(0.05, min(0.97, score)), 3)


def _count_text(count: Count | None, word: str) -> str | None:
    if count is None:
        return None
    mark = {"at_least": "+", "approximately": "~", "at_most": " or fewer"}.get(count.qualifier, "")
    if count.qualifier == "approximately":
        return f"~{count.value} {word}"
    return f"{count.value}{mark} {word}"


def summary(proto: Proto) -> str:
    init = first_actor(proto, "initiator")
    targets = [a.name for a in proto.actors if a.role == "target"]
    places = [loc.name for loc in proto.locations]
    counts = (_count_text(proto.killed, "killed"), _count_text(proto.injured, "injured"))
    values = {
        "who": init.name if init else "Unknown actor",
        "type": proto.event_type,
        "targets": ", ".join(targets),
        "places_or_targets": ", ".join(places or targets),
        "counts": ", ".join(c for c in counts if c),
        "participants": "–".join(a.name for a in proto.actors),
        "venue": places[0] if places else "",
    }
    text = spec.render(spec.entry(proto.event_type).summary, values)
    if proto.status != "occurred":
        text += f" ({proto.status})"
    return text


def _status(proto: Proto, published: date) -> str:
    """An 'occurred' event explicitly dated after the publication day is still to come:
    'Unions called a new day of strikes for Tuesday'."""
    when = proto.when.date
    if proto.status == "occurred" and proto.date_explicit and when:
        return "planned" if date.fromisoformat(when) > published else "occurred"
    return proto.status


def _when(proto: Proto, doc: Annotated, status: str) -> When:
    """Codebook rule 5: a happening dated only to a week, a month or a year, and a planned act
    with no day stated for it, have no date (the precision stays). The day a plan was announced
    ("will visit Berlin, a spokesman said on Monday") is not the day of the act."""
    when = proto.when
    vague = when.precision != "day"
    if status == "planned" and not vague:
        said = said_on(doc, proto.sentence)
        vague = not proto.date_explicit or (said is not None and said.text == when.text)
    return when.model_copy(update={"date": None}) if vague and when.date else when


def to_event(proto: Proto, doc: Annotated, extracted_at: datetime) -> Event:
    tax = lexicons.taxonomy().by_type()[proto.event_type]
    article = doc.article
    sent = proto.sentence
    status = _status(proto, doc.reported)
    return Event(
        event_id=event_id(
            article.id,
            proto.event_type,
            sent.start,
            sent.end,
            ",".join(loc.name for loc in proto.locations),
        ),
        article_id=article.id,
        source=article.source,
        url=article.url,
        published_at=article.published_at,
        extracted_at=extracted_at,
        event_type=proto.event_type,
        category=tax.category,
        status=status,
        codes=Codes(
            cameo=tax.cameo,
            plover=tax.plover,
            acled_event_type=tax.acled_event_type,
            acled_sub_event_type=tax.acled_sub_event_type,
        ),
        actors=proto.actors,
        locations=proto.locations,
        when=_when(proto, doc, status),
        quantities=Quantities(
            killed=proto.killed,
            injured=proto.injured,
            arrested=proto.arrested,
            missing=proto.missing,
            displaced=proto.displaced,
            weapons=proto.weapons,
            money=proto.money,
        ),
        evidence=Evidence(sentence=sent.text, start=sent.start, end=sent.end),
        confidence=confidence(proto),
        extractor=ExtractorRef(name=proto.extractor, version=proto.version),
        summary=summary(proto),
    )


def told(a: Proto, b: Proto) -> bool:
    """The untyped attack of the two is told as a happening ('gunmen raided X'), not only named
    back ('killed in the attack'): a definite word before its trigger names it back."""
    attack = a if a.event_type == lexicons.UNTYPED_ATTACK else b
    before = attack.sentence.text[: max(0, attack.trigger[0] - attack.sentence.start)].split()
    return not before or before[-1].lower() not in ("the", "this", "that")
