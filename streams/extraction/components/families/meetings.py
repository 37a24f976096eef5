"""Phone calls between officials are diplomatic meetings (codebook event types): 'A and B
spoke on the phone', 'A held a phone call with B' make a meeting of the two when they talked
(a past verb), with its participants read from the syntax (roles diplomacy.phone_*)."""

from __future__ import annotations

from streams.extraction.annotate import ActorMention, Annotated
from streams.extraction.components.families.verbal import (
    SPEAKER_KINDS,
    Sentence,
    hypothetical,
    make_proto,
    mentions_in,
)
from streams.extraction.extractors.common import Proto, actor_of

PHONE = frozenset({"diplomacy.phone"})
_DONE = frozenset({"VBD", "VBN"})


def phone_meetings(ann: Annotated, sent: Sentence, taken: set[str]) -> list[Proto]:
    if "diplomatic_meeting" in taken:
        return []
    for trigger, token in sent.with_ids(PHONE):
        verb = next((h for h in token.ancestors if h.pos_ == "VERB"), None)
        if verb is None or verb.tag_ not in _DONE or hypothetical(verb):
            continue
        parties: list[ActorMention] = []
        for hit in sent.role(trigger, "participant"):
            for mention in mentions_in(ann, hit):
                named = {m.name for m in parties}
                if (
                    mention.kind in SPEAKER_KINDS
                    and mention.source != "demonym"
                    and mention.name not in named
                ):
                    parties.append(mention)
        if len(parties) >= 2:
            proto = make_proto(ann, trigger, "diplomatic_meeting")
            proto.actors = [actor_of(m, "participant") for m in parties[:4]]
            return [proto]
    return []
