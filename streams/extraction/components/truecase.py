"""Case restoration for text in one case (all lower or all upper, as some feeds and transcripts
send): sentence starts, month and day names, names of the actor dictionaries, and gazetteer
names after a location preposition get their capital back. Only letters change, so every
offset stays valid; text in mixed case is returned as is."""

from __future__ import annotations

import re
from functools import lru_cache

from streams.extraction.annotate import actor_index
from streams.extraction.components.data import DATA, CaseCues
from streams.extraction.gazetteer import gazetteer

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*)([^\W\d_])")
_MAX_WORDS = 4


def one_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper == 0 or upper == len(letters) or upper / len(letters) < 0.002


@lru_cache(maxsize=1)
def cues() -> CaseCues:
    return CaseCues.model_validate_json((DATA / "case_cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """lower-cased actor or country name -> its cased form."""
    out = {k.lower(): k for k in actor_index() if "#" not in k and len(k) > 2}
    out.update({k.lower(): k for k in gazetteer().countries})
    for word in cues().always:
        out[word] = word.capitalize()
    return out


def restore(text: str) -> str:
    """The text with its capitals restored, when it is in one case; otherwise itself."""
    if not one_case(text):
        return text
    lowered = text.lower()
    chars = list(lowered)
    words = list(_WORD.finditer(lowered))
    i = 0
    while i < len(words):
        i += _restore_at(lowered, chars, words, i)
    for match in _SENTENCE_START.finditer(lowered):
        chars[match.start(1)] = chars[match.start(1)].upper()
    return "".join(chars)


def _restore_at(text: str, chars: list[str], words: list[re.Match[str]], i: int) -> int:
    """Restore the longest known name starting at word i; the number of words consumed."""
    names = _names()
    after_prep = i > 0 and words[i - 1].group(0) in cues().place_prepositions
    for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
        start, end = words[i].start(), words[i + n - 1].end()
        phrase = text[start:end]
        cased = names.get(phrase)
        if cased is None and after_prep and phrase not in cues().not_places:
            found = gazetteer().lookup(phrase.title())
            cased = phrase.title() if found else None
        if cased is not None and len(cased) == len(phrase):
            chars[start:end] = list(cased)
            return n
    return 1
