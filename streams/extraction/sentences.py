"""Sentence splitting, the English check and the clause patterns that mark attribution."""

from __future__ import annotations

import re
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotated import Sentence
from streams.schemas import Article

_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Gen",
    "Lt",
    "Col",
    "Sen",
    "Rep",
    "Gov",
    "No",
    r"U\.S",
    r"U\.N",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Capt",
    "Maj",
    "Sgt",
    "Prof",
)

_ABBREV_END = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r"|[A-Z])$")

SENT_END = re.compile(r"""[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z"“])""")

ATTRIBUTION = re.compile(
    # ", officials said on Wednesday." - a source named at the end of a clause
    r"(?:,|—|–)\s*(?:[^,.;—]{0,80}?)\b(?:said|says|reported|told \w+|announced|wrote|added)\b"
    r"(?:\s+(?:on|in|late|early|this|last|at|during|after)\b[^,.;]{0,40})?(?=\s*[,.;:]|\s*$)"
    r"|\baccording to\b[^,.;—]*"
    # "The General Staff said (that) ..." - a source opening the sentence
    r"|^[^,;—]{0,80}?\b(?:said|says|reported|wrote|told reporters)\b(?:\s+(?:on|that)\b)?",
    re.IGNORECASE,
)

DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s"
)

_WORDS = re.compile(r"[^\W\d_]+")

_EN_FUNCTION = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "by",
        "at",
        "from",
    )
)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for match in SENT_END.finditer(text):
        if text[match.start()] == "." and _ABBREV_END.search(
            text[max(0, match.start() - 6) : match.start()]
        ):
            continue  # "Mr. Smith", "U.S. forces", "Gen. X"
        end = match.end() if text[match.start()] in ".!?\"'”’)" else match.start()
        _push(out, text, pos, end)
        pos = match.end()
    _push(out, text, pos, len(text))
    return out


def _push(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


def is_english(article: Article) -> bool:
    """Declared language first; else reject mostly non-Latin text or text full of the function
    words of other European languages ("der", "les", "los"...)."""
    if article.language and not article.language.lower().startswith("en"):
        return False
    words = _WORDS.findall(article.text[:1200].lower())
    if not words:
        return False
    if sum(w.isascii() for w in words) / len(words) < 0.7:
        return False
    foreign = _foreign_markers()
    n_foreign = sum(w in foreign for w in words)
    n_english = sum(w in _EN_FUNCTION for w in words)
    return not (n_foreign >= 2 and n_foreign > n_english)


@lru_cache(maxsize=1)
def _foreign_markers() -> frozenset[str]:
    return frozenset(lexicons.triggers().non_english_markers)
