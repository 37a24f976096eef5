"""The status of a triggered event (occurred, planned, threatened, denied, cancelled) from
the cues around its trigger."""

from __future__ import annotations

import re

from streams.extraction.annotate import Sentence
from streams.extraction.extractors.matching import compiled

_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|after|as|although|and)\b|\bafter\b|\bbut\b")


def clause_before(text: str, pos: int) -> str:
    """The part of a sentence between the last clause break and pos."""
    head = text[:pos]
    last = 0
    for match in _CLAUSE_BREAK.finditer(head):
        last = match.end()
    return head[last:]


def status_for(sent: Sentence, trig_start: int, trig_end: int, *, window: int = 60) -> str | None:
    """Status from hedging cues near the trigger; None means negated (do not emit)."""
    cues = compiled()
    rel_start = trig_start - sent.start
    rel_end = trig_end - sent.start
    text = sent.text
    before = clause_before(text, rel_start)[-window:]
    after = text[rel_end : rel_end + 50]
    trigger = text[rel_start:rel_end]
    marked = _marked_status(cues, text, before, trigger, after, span=(rel_start, rel_end))
    if marked is not None:
        return marked
    if _NEGATED.search(before):
        return None
    return _tense_status(cues, before, trigger, after)


def _marked_status(
    cues: dict[str, re.Pattern[str]],
    text: str,
    before: str,
    trigger: str,
    after: str,
    *,
    span: tuple[int, int],
) -> str | None:
    """Cancelled, denied or threatened, when a cue around the trigger says so."""
    around = before + " " + trigger + " " + after
    if cues["status_cancelled"].search(around) or cues["status_cancelled"].search(
        _same_clause_after(text, span[1])
    ):
        return "cancelled"
    if cues["status_denied"].search(before) or _DENIED_THAT.search(text[: span[0]]):
        return "denied"
    if cues["status_threatened"].search(before):
        return "threatened"
    return None


def _tense_status(cues: dict[str, re.Pattern[str]], before: str, trigger: str, after: str) -> str:
    """Planned when the trigger is told in the future, else occurred."""
    if cues["status_planned"].search(before[-35:] + " " + trigger):
        return "planned"
    future = [m.end() for m in _FUTURE_HEAD.finditer(before)]
    if future and not _PAST_VERB.search(before[future[-1] :]):
        return "planned"
    if _MODAL_AFTER.match(after) or _FUTURE_AFTER.match(after):
        return "planned"  # "the strikes would continue", "talks are due to resume next month"
    return "occurred"


_NEGATED = re.compile(r"\b(?:no|not|never|didn't|did not|without)\s+(?:\w+\s+){0,2}$")
_FUTURE_AFTER = re.compile(
    r"^[^.;,]{0,50}?\b(?:(?:is|are) (?:due|expected|set|scheduled|planned) to|"
    r"will (?:resume|take place|be held|begin|start|open)|to be held)\b",
    re.IGNORECASE,
)


_MODAL_AFTER = re.compile(
    r"^\s+(?:would|will|could|(?-i:may)|might)\s+(?:continue|resume|go on|intensify|escalate|"
    r"be stepped up|be expanded)\b",
    re.IGNORECASE,
)


# "Rwanda denied that its troops crossed ... and fought": the denial governs the whole clause
_DENIED_THAT = re.compile(
    r"\b(?:denied|denies|denying|rejected claims|dismissed claims)\s+(?:that|having|any)\b[^;]*$",
    re.IGNORECASE,
)
# "X will travel to Berlin on June 11 for talks": a future main verb earlier in the clause
_FUTURE_HEAD = re.compile(
    r"\b(?:will|(?:is|are) (?:due|expected|set|scheduled) to|plans? to)\b",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|has|have|did|said|says|told)\b", re.IGNORECASE)


def _same_clause_after(text: str, pos: int) -> str:
    """'A planned visit by X to Kyiv has been called off': the rest of the clause."""
    return re.split(r"[,;:—–]", text[pos : pos + 100], maxsplit=1)[0]
