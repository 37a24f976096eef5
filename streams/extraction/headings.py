"""Headings before a colon: 'Arrests: Soldiers raided ...', 'Movement of forces: On 6 July ...',
'UPDATE: ...'. A short label (1-4 words, capitalised, no clause word of its own, not a name) that
opens a note or a paragraph and is followed by a sentence is a heading, not part of the
sentence: it is replaced by spaces of its length, so every offset stays valid and no parse,
trigger or regex rule reads its words (a colon inside a sentence, 'He said: ...', is kept).
The words that make a label a clause are in data/en/headings.json."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from streams.extraction.lexicons import DATA_DIR, load_model

_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w'’/&-]*(?:[ \t]+[\w'’/&-]+)*)[ \t]*:[ \t]+(?P<rest>[^\n]*)",
    re.MULTILINE,
)
_WORD = re.compile(r"[\w'’-]+")


class HeadingWords(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field(alias="_comment")
    not_heading: frozenset[str]
    max_words: int
    min_sentence_words: int


@lru_cache(maxsize=1)
def heading_words() -> HeadingWords:
    return load_model(DATA_DIR / "en" / "headings.json", HeadingWords)


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Lower-cased actor and country names: a label that is a name is a speaker's tag or a
    place heading ('Kenya: ...'), which the rules should read."""
    from streams.extraction.gazetteer import gazetteer
    from streams.extraction.name_lexicon import actor_index

    return frozenset(k.lower() for k in actor_index() if "#" not in k) | frozenset(
        k.lower() for k in gazetteer().countries
    )


def is_heading(label: str, rest: str) -> bool:
    """The label before a colon is a heading over the sentence that follows it."""
    words = label.split()
    cues = heading_words()
    if len(words) > cues.max_words or len(_WORD.findall(rest)) < cues.min_sentence_words:
        return False
    if any(w.lower() in cues.not_heading for w in words):
        return False
    if not label.isupper() and any(w[:1].isupper() for w in words[1:]):
        return False  # 'John Smith:': a run of capitalised words is a name
    names = _names()
    return label.lower() not in names and not any(w.lower() in names for w in words)


def blank_headings(text: str) -> str:
    """The text with each heading (and its colon) replaced by spaces of the same length."""
    if ":" not in text:
        return text
    chars: list[str] | None = None
    for match in _LABEL.finditer(text):
        if is_heading(match.group("label"), match.group("rest")):
            chars = chars if chars is not None else list(text)
            start, end = match.start("label"), match.start("rest")
            chars[start:end] = " " * (end - start)
    return text if chars is None else "".join(chars)
