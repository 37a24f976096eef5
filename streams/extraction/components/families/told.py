"""Whether a sentence tells its act as news: the tense of the trigger, and a text that
opens with a line in the headline style."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from streams.extraction.components.event_types import best_trigger
from streams.extraction.components.families.agents import headline_present, past_form
from streams.extraction.components.families.summaries import parsed_token

NOT_REPORTED = frozenset({"VB", "VBP", "VBZ"})
"""'gangs who raid villages and kidnap residents', 'they will abduct': habitual or future,
not a happening; a past verb, a participle or a noun is."""


def reported_act(doc: Doc, trigger: Span) -> bool:
    """The trigger tells a happening: a past verb, a participle or a noun, or a present verb
    in a headline; not a habit or a future."""
    token = parsed_token(doc, trigger)
    if token is not None and token.dep_ == "conj" and token.tag_ in NOT_REPORTED:
        token = token.head  # 'blocked roads and set tyres on fire': the tense of the first
    if token is not None and token.tag_ in NOT_REPORTED and headline_present(doc, trigger, token):
        return True  # 'Gunmen abduct four tourists ...' opening a summary: news, not habit
    if token is not None and past_form(token):
        return True  # 'retook' read as a present by the tagger
    return token is not None and token.tag_ not in NOT_REPORTED


def headline_opening(doc: Doc, index: int) -> bool:
    """'Police kill member of opposition party': a text that opens with a line in the headline
    style (present tense, no full stop) tells the act as its news, not a habit."""
    if index != 0:
        return False
    first = next(iter(doc.sents))
    if first.text.rstrip().endswith((".", "?", "!", ":", ";")):
        return False  # a headline is a line without a full stop
    triggers = [t for t in doc.spans.get("triggers", []) if t.sent.start == 0]
    best = best_trigger(triggers) if triggers else None
    pattern = best._.pattern if best is not None else None
    return pattern is not None and (pattern.needs_agent or pattern.two_sided)
