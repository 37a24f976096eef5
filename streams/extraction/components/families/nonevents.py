"""Violent-sounding sentences that tell no conflict event, for the events engine v2 makes of its
own (the legacy rules apply the same veto to theirs): an accident or a natural disaster, a fear
or an exercise, a figure of speech, distant history (codebook rule 3; the words are
data/en/accidents.json, the mechanism extractors/accidents.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.components.families.conflict import _definite as definite
from streams.extraction.components.families.conflict import references
from streams.extraction.components.triggers import family_of
from streams.extraction.extractors import accidents


def no_conflict(ann: Annotated, sent: Sentence, trigger: Span) -> bool:
    """The trigger's sentence tells an accident, a disaster, a fear or history, and no attack."""
    start, end = trigger.start_char - sent.start, trigger.end_char - sent.start
    return accidents.vetoed(ann, sent, start, end, generic=False)


def past_acts(doc: Doc, year: int) -> frozenset[str]:
    """The trigger families of acts the text names with an earlier year ('the 2004 bombing',
    'the 1994 massacre'): history (codebook rule 3, background)."""
    out = set()
    for trigger in doc.spans.get("triggers", []):
        before = doc[trigger.start - 1] if trigger.start > 0 else None
        if before is not None and year_word(before.text) and int(before.text) < year:
            out.add(family_of(trigger._.pattern.id))
    return frozenset(out)


def year_word(text: str) -> bool:
    """A four-digit year of the 1900s or 2000s ('2019')."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def told_as_history(doc: Doc, trigger: Span, past: frozenset[str], year: int) -> bool:
    """The act is one the text dates to an earlier year, named with its year or by a definite
    mention of its kind ('the bombing' in a story about 'the 2004 bombing'), or told in a
    sentence that points back to the previous one's earlier year ('... the August 2017 rally.
    In that event, he killed a woman')."""
    if _back_then(doc, trigger.sent, year):
        return True
    if family_of(trigger._.pattern.id) not in past:
        return False
    before = doc[trigger.start - 1] if trigger.start > 0 else None
    return (before is not None and year_word(before.text)) or definite(doc, trigger)


def _back_then(doc: Doc, sent: Span, year: int) -> bool:
    """The sentence opens with a distal phrase ('In that event,', 'That day,') after a
    sentence that names an earlier year."""
    words = [t.lower_ for t in sent[:4]]
    distal = references().distal
    at = 0 if words[:1] and words[0] in distal else 1
    opens = len(words) > at + 2 and words[at] in distal and words[at + 2] == ","
    if not opens or sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    return any(year_word(t.text) and int(t.text) < year for t in before)
