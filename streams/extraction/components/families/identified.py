"""The person a story identifies ('the man, later identified as John Doe'): who a single
person arrested and named only by a common word is (data/en/identification.json)."""

from __future__ import annotations

from streams.extraction.annotate import Annotated
from streams.extraction.components.families.cuefile import CueFile, load

_NAME_WORDS = (2, 4)
"""A full name: from two to four capitalised words."""


class Identification(CueFile):
    verbs: frozenset[str]
    links: frozenset[str]
    reach: int
    heads: frozenset[str]


def cues() -> Identification:
    found: Identification = load(Identification, "identification.json")
    return found


def _name_after(words: list[str]) -> str | None:
    """The full name the words open with, or None."""
    name: list[str] = []
    for word in words[: _NAME_WORDS[1] + 1]:
        bare = word.strip(".,;:'\"()")
        if not bare[:1].isupper() or not bare.replace("-", "").isalpha():
            break
        name.append(bare)
        if bare != word:
            break  # punctuation closes the name
    if not _NAME_WORDS[0] <= len(name) <= _NAME_WORDS[1]:
        return None
    return " ".join(name)


def _names(words: list[str]) -> list[str]:
    found = []
    for i, word in enumerate(words):
        if word.lower() not in cues().verbs:
            continue
        ahead = words[i + 1 : i + 1 + cues().reach]
        link = next((j for j, w in enumerate(ahead) if w.lower() in cues().links), None)
        if link is not None and (name := _name_after(words[i + 2 + link :])) is not None:
            found.append(name)
    return found


def identified_person(ann: Annotated) -> str | None:
    """The one person the story identifies by name (None for none or several)."""
    names = {n for s in ann.sentences for n in _names(s.text.split())}
    return next(iter(names)) if len(names) == 1 else None
