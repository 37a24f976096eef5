"""Attacks told as a summary, not as one happening: 'Islamabad has blamed several recent
attacks on militants', 'the group has claimed numerous raids since August'. Every attack word of
the sentence is a plural noun with a vague quantifier (data/en/references.json `vague`) and the
sentence gives no toll: it sums up attacks told elsewhere or in the past (codebook rule 3,
background), so it makes no event. A plural of munitions ('several mortars', data/en/
references.json `munitions`) counts what one act fired, not acts."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from streams.extraction.components.families.conflict import references
from streams.extraction.components.roles import token_at
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.extractors.common import Proto


def summarized(doc: Doc, triggers: list[Span], base: Proto | None) -> bool:
    if base is not None and (base.killed is not None or base.injured is not None):
        return False
    if any(family_of(t._.pattern.id) in COUNT_ONLY for t in triggers):
        return False  # a toll is told
    return bool(triggers) and all(_vague_plural(doc, t) for t in triggers)


def parsed_token(doc: Doc, trigger: Span) -> Token | None:
    """The trigger's first token in its sentence's parse (None when it is not parsed)."""
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    offset = trigger.start_char - trigger.sent.start_char
    return token_at(parsed, offset) if parsed is not None else None


def _vague_plural(doc: Doc, trigger: Span) -> bool:
    token = parsed_token(doc, trigger)
    if token is None or token.tag_ != "NNS":
        return False
    if token.lower_.removesuffix("s") in references().munitions:
        return False  # 'fired several mortar rounds': the munitions of one act, no summary
    vague = references().vague
    return any(c.lower_ in vague for c in token.children if c.dep_ in ("amod", "det", "nummod"))
