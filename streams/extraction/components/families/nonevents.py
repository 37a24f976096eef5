"""Violent-sounding sentences that tell no conflict event, for the events engine v2 makes of its
own (the legacy rules apply the same veto to theirs): an accident or a natural disaster, a fear
or an exercise, a figure of speech, distant history (codebook rule 3; the words are
data/en/accidents.json, the mechanism extractors/accidents.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.families.conflict import _definite as definite
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors import accidents


def no_conflict(ann: Annotated, sent: Sentence, trigger: Span) -> bool:
    """The trigger's sentence tells an accident, a disaster, a fear or history, and no attack."""
    start, end = trigger.start_char - sent.start, trigger.end_char - sent.start
    return accidents.vetoed(ann, sent, start, end, generic=False)


MODALS = frozenset({"could", "would", "might", "may"})
"""Modals under which a named act is a possibility; 'could have killed' (a perfect) tells a
real one."""


def possible_only(doc: Doc, trigger: tuple[int, int]) -> bool:
    """'The device could serve military assault purposes': an act named by a noun in a clause
    whose verb is under a modal (and no perfect) is what could be, not what happened."""
    sent = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    parsed = (doc._.parses or {}).get(sent.sent.start_char) if sent is not None else None
    if parsed is None or sent is None:
        return False
    offset = trigger[0] - sent.sent.start_char
    token = next((t for t in parsed if t.idx == offset), None)
    if token is None or token.pos_ != "NOUN":
        return False
    verb = next((h for h in token.ancestors if h.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & MODALS) and "have" not in auxes


def past_acts(doc: Doc, year: int) -> frozenset[str]:
    """The trigger families of acts the text names with an earlier year ('the 2004 bombing',
    'the 1994 massacre'): history (codebook rule 3, background)."""
    out = set()
    for trigger in doc.spans.get("triggers", []):
        before = doc[trigger.start - 1] if trigger.start > 0 else None
        if before is not None and _year(before.text) and int(before.text) < year:
            out.add(family_of(trigger._.pattern.id))
    return frozenset(out)


def _year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def told_as_history(doc: Doc, trigger: Span, past: frozenset[str]) -> bool:
    """The act is one the text dates to an earlier year, named with its year or by a definite
    mention of its kind ('the bombing' in a story about 'the 2004 bombing')."""
    family = family_of(trigger._.pattern.id)
    if family not in past:
        return False
    before = doc[trigger.start - 1] if trigger.start > 0 else None
    return (before is not None and _year(before.text)) or definite(doc, trigger)
