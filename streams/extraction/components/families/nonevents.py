"""Violent-sounding sentences that tell no conflict event, for the events engine v2 makes of its
own (the legacy rules apply the same veto to theirs): an accident or a natural disaster, a fear
or an exercise, a figure of speech, distant history (codebook rule 3; the words are
data/en/accidents.json, the mechanism extractors/accidents.py)."""

from __future__ import annotations

from spacy.tokens import Span

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.extractors import accidents


def no_conflict(ann: Annotated, sent: Sentence, trigger: Span) -> bool:
    """The trigger's sentence tells an accident, a disaster, a fear or history, and no attack."""
    start, end = trigger.start_char - sent.start, trigger.end_char - sent.start
    return accidents.vetoed(ann, sent, start, end, generic=False)
