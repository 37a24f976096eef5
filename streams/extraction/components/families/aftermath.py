"""A sentence whose conflict acts are all named as what led to another act ('MINUSCA forces
arrived in the town following an attack by militiamen', 'fighters regrouped in X after the
army launched an operation'): the other act, of the strategic, protests or riots families, is
the sentence's news; the fighting is its circumstance, background that ACLED does not code
again with it (data/en/strategic.json aftermath_words)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.annotate import Annotated
from streams.extraction.components.triggers import family_of

NEWS_FAMILIES = frozenset({"strategic", "protests", "riots"})
"""Families whose act, told beside a fight named as its circumstance, is the sentence's news."""


def aftermath_only(doc: Doc, ann: Annotated, index: int, triggers: list[Span]) -> bool:
    """Every conflict trigger of sentence `index` is a circumstance of another act, and the
    sentence tells an act of NEWS_FAMILIES that is none: no conflict event of its own."""
    from streams.extraction.components.families.strategic import circumstance  # imports events

    if not triggers or not all(circumstance(t) for t in triggers):
        return False
    sent = ann.sentences[index]
    return any(
        sent.start <= t.start_char < sent.end
        and family_of(t._.pattern.id) in NEWS_FAMILIES
        and not circumstance(t)
        for t in doc.spans.get("triggers", [])
    )
