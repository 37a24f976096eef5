"""Accidents, disasters, fears, figures of speech and history: violent-sounding words that report no
conflict event (codebook rule 3). The knowledge is data/en/accidents.json; this module says how
it vetoes a conflict trigger:

- an accident or a natural disaster told in the sentence, with no word of a deliberate attack
  ("a bus overturns, killing five"; "100 killed amid torrential rain and flooding");
- a story about an accident or a disaster (its title and first two sentences tell one and no
  attack): its generic triggers and bare tolls are the accident's ("That event destroyed 300
  homes and killed one" in an earthquake story);
- a trigger that only qualifies a fear or an exercise ("cancelled over drone strike fears");
- a word that is no attack in its phrase ("water bombing" of a fire, "their biggest hits",
  "launched this event");
- distant history: colonial times, centuries ago ("bronzes looted by colonial forces").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from streams.extraction.annotate import Annotated, Sentence

DATA = Path(__file__).resolve().parent.parent / "data" / "en" / "accidents.json"
LEAD_SENTENCES = 2


class AccidentCues(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    accidents: str
    attack_words: str
    hypothetical_after: str
    not_attacks: str
    history: str

    @field_validator("accidents", "attack_words", "hypothetical_after", "not_attacks", "history")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    cues = AccidentCues.model_validate(json.loads(DATA.read_text(encoding="utf-8")))
    names = ("accidents", "attack_words", "hypothetical_after", "not_attacks", "history")
    return {name: re.compile(getattr(cues, name), re.IGNORECASE) for name in names}


def _disaster(text: str) -> bool:
    from streams.extraction.extractors.common import compiled

    return bool(compiled()["disasters"].search(text))


@lru_cache(maxsize=4096)
def accident_text(text: str) -> bool:
    """An accident or a natural disaster is told, and no deliberate attack (remembered per
    text: each trigger of a sentence asks it again)."""
    cues = _cues()
    told = bool(cues["accidents"].search(text)) or _disaster(text)
    return told and not cues["attack_words"].search(text)


def accident_story(doc: Annotated) -> bool:
    """The title and the first sentences tell an accident or a disaster, and no attack."""
    cached = doc.cache.get("accident_story")
    if cached is None:
        lead = " ".join(s.text for s in doc.sentences[:LEAD_SENTENCES])
        cached = accident_text(f"{doc.article.title or ''}. {lead}")
        doc.cache["accident_story"] = cached
    return bool(cached)


def vetoed(doc: Annotated, sent: Sentence, start: int, end: int, *, generic: bool) -> bool:
    """Whether the trigger at sent.text[start:end] reports no conflict event.

    generic: the trigger needs a conflict word to count ("hit", "destroyed"), so an accident
    story vetoes it even when its own sentence names no accident."""
    cues = _cues()
    if cues["hypothetical_after"].match(sent.text[end:]):
        return True
    if any(m.start() <= start and end <= m.end() for m in cues["not_attacks"].finditer(sent.text)):
        return True
    if accident_text(sent.text) or _history(sent.text):
        return True
    return generic and accident_story(doc) and not cues["attack_words"].search(sent.text)


@lru_cache(maxsize=4096)
def _history(text: str) -> bool:
    """A history cue in the sentence (remembered per text, as accident_text)."""
    return _cues()["history"].search(text) is not None


def accident_toll(doc: Annotated, sent: Sentence) -> bool:
    """A bare toll ("the death toll rose to 31") in an accident sentence or story."""
    return accident_text(sent.text) or (
        accident_story(doc) and not _cues()["attack_words"].search(sent.text)
    )
