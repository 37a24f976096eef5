"""Where a sentence's event happened when it names no place: the dateline city, or a town
named just before ('the town')."""

from __future__ import annotations

import re

from streams.extraction.annotate import Annotated, PlaceMention, Sentence
from streams.extraction.gazetteer import gazetteer

_DATELINE_CITY = re.compile(
    r"\s*(?P<city>[A-Z][A-Z .'’-]{2,40}?)\s*(?:,\s*(?P<country>[A-Z][\w .]{1,30}?))?\s*[(—–-]"
)


def dateline_place(doc: Annotated) -> PlaceMention | None:
    """The city of "TRIPOLI, Libya (Reuters) -": where the reporter is, often where it happened."""
    if "dateline" in doc.cache:
        return doc.cache["dateline"]  # type: ignore[no-any-return]
    found: PlaceMention | None = None
    match = _DATELINE_CITY.match(doc.text, 0, doc.dateline_end) if doc.dateline_end else None
    if match is not None:
        gaz = gazetteer()
        surface = match.group("city").strip().title()
        cands = [p for p in gaz.lookup(surface) if p.precision == "city"]
        qualifier = gaz.countries.get((match.group("country") or "").strip())
        if qualifier is not None:
            cands = [p for p in cands if p.country3 == qualifier.country3]
        elif doc.focus:
            cands = [p for p in cands if doc.focus.get(p.country3, 0) > 0] or cands
        if cands:
            best = max(cands, key=lambda p: p.population)
            found = PlaceMention(best, match.start("city"), match.end("city"), surface, True)
    doc.cache["dateline"] = found
    return found


_ANAPHORIC_PLACE = re.compile(
    r"\b(?:the|that|this)\s+(town|city|village|area|camp|district|neighbourhood|neighborhood)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)


def antecedent_place(doc: Annotated, sent: Sentence) -> PlaceMention | None:
    """'bombed the town' / 'fighting in the area' with no place named in the sentence: the
    town or city named last before it, if that was recent (the same story)."""
    anaphor = _ANAPHORIC_PLACE.search(sent.text)
    if anaphor is None:
        return None
    previous = doc.sentences[sent.index - 1] if sent.index > 0 else None
    lead = doc.sentences[0]
    for mention in reversed(doc.places):
        if mention.start >= sent.start:
            continue
        if sent.start - mention.start > 1500:
            return None
        other_paragraph = "\n\n" in doc.text[mention.end : sent.start] and not (
            previous is not None and mention.start >= previous.start
        )
        # from another paragraph, only "the city" / "the town" of the story's lead sentence
        if other_paragraph and (
            anaphor.group(1).lower() not in ("city", "town") or mention.start >= lead.end
        ):
            continue
        bearing = _BEARING_BEFORE.search(doc.text[max(0, mention.start - 40) : mention.start])
        if mention.place.precision == "city" and not doc.attributed(mention.start) and not bearing:
            return mention  # not "a town 25 km west of Goma": Goma is only the landmark
    return None


_BEARING_BEFORE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+"
    r"(?:of|from)\s+(?:the\s+)?$|\b(?:near|outside|towards?)\s+$",
    re.IGNORECASE,
)


def sentence_places(doc: Annotated, sent: Sentence) -> list[PlaceMention]:
    return [
        p for p in doc.places if sent.start <= p.start < sent.end and not doc.attributed(p.start)
    ]
