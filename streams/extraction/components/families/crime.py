"""Killings that are no conflict news: running totals and street crime (codebook rule 3)."""

from __future__ import annotations

from spacy.tokens import Span

from streams.extraction.annotate import Sentence
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.event_types import ONE_SIDED
from streams.extraction.components.families.doers import political_victim
from streams.extraction.components.families.victim_words import armed_doers, civilians
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.attack import running_total, street_crime


def no_conflict_news(
    sent: Sentence, best: Span, named: set[str], counted: bool, hits: list[RoleHit]
) -> bool:
    """A running total told after the news is context (as in the legacy rules); 'a man was
    stabbed to death outside a nightclub', with no armed doer, is crime (codebook rule 3)."""
    if counted and running_total(sent):
        return True
    if "initiator" in named or armed_doers(doc_text(best.doc), hits):
        return False  # 'gendarmes shot dead a suspect': a doer of an armed side
    if political_victim(annotated(best.doc), hits):
        return False  # 'a party candidate was gunned down': a political actor killed
    return _crime(best) and street_crime(sent.text)


def _crime(trigger: Span) -> bool:
    """A killing by an act street crime shares (data/en/civilians.json crime_acts)."""
    acts = civilians().crime_acts
    return trigger.label_ == ONE_SIDED and any(t.lemma_ in acts for t in trigger)
