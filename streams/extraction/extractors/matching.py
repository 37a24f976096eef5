"""Trigger rules and cue patterns, and the fast matching of them over an article's text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.numbers import NUMBER_CORE

W = "(?=[0-9A-Za-z])"  # fail fast between words (a large speed-up for big alternations)
NUMBER_WORDS = NUMBER_CORE.split("|(?:", 1)[1].rstrip(")")  # the number-word half


@dataclass(frozen=True)
class Rule:
    event_type: str
    regex: re.Pattern[str]
    needs_context: bool


@lru_cache(maxsize=1)
def rules() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for rule in lexicons.triggers().rules:
        out.setdefault(rule.family, []).append(
            Rule(rule.event_type, re.compile(rule.pattern, re.IGNORECASE), rule.needs_context)
        )
    return out


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    lex = lexicons.triggers()
    out = {
        "context": re.compile(lex.conflict_context, re.IGNORECASE),
        "blockers": re.compile(lex.blockers, re.IGNORECASE),
        "disasters": re.compile(lex.disasters, re.IGNORECASE),
    }
    for name, pattern in lex.status_cues.items():
        out["status_" + name] = re.compile(pattern, re.IGNORECASE)
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger match, with offsets relative to its sentence (the re.Match methods we use)."""

    rel_start: int
    rel_end: int
    text: str

    def start(self) -> int:
        return self.rel_start

    def end(self) -> int:
        return self.rel_end

    def group(self, _index: int = 0) -> str:
        return self.text


def article_span(sent: Sentence, hit: Hit | re.Match[str]) -> tuple[int, int]:
    """A trigger's offsets in the article text (hits are relative to their sentence)."""
    return sent.start + hit.start(), sent.start + hit.end()


def triggers_in(doc: Annotated, family: str, sent: Sentence) -> list[tuple[Rule, Hit]]:
    """Trigger matches of one family in one sentence. Each rule runs once over the whole text
    per article (cached on the annotation), not once per sentence."""
    key = "triggers:" + family
    by_sentence = doc.cache.get(key)
    if by_sentence is None:
        by_sentence = _scan_family(doc, family)
        doc.cache[key] = by_sentence
    found: list[tuple[Rule, Hit]] = by_sentence.get(sent.index, [])
    return found


@lru_cache(maxsize=256)
def _lower_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-insensitive pattern, for lower-cased text, without its
    leading \\b (which defeats the engine's first-character scan): about twice as fast.
    None when the pattern cannot be used that way (upper-case literals, class escapes)."""
    pattern = regex.pattern
    if re.search(r"\\[SWDBAZ]|\(\?[^:<=!]|[A-Z]", pattern.replace("\\b", "")):
        return None
    return re.compile(pattern.removeprefix("\\b"))


def fast_finditer(doc: Annotated, regex: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the matches of a case-insensitive regex in the article text."""
    lowered = _lowered(doc)
    twin = _lower_twin(regex) if lowered else None
    if twin is None:
        for match in regex.finditer(doc.text):
            yield match.start(), match.end()
        return
    bounded = regex.pattern.startswith("\\b")
    for match in twin.finditer(lowered):
        start = match.start()
        if bounded and start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
            continue
        yield start, match.end()


@lru_cache(maxsize=256)
def _sentence_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-insensitive pattern, to run on lower-cased text: several
    times faster than re.IGNORECASE. None when lower-casing could change the pattern's meaning
    (upper-case escapes such as \\S, inline groups such as (?P<name>...))."""
    body = regex.pattern.replace(W, "(?=[0-9a-z])")
    if not regex.flags & re.IGNORECASE or re.search(r"\\[A-Z]|\(\?[^:<=!]", body):
        return None
    return re.compile(body.lower())


def found_in(regex: re.Pattern[str], text: str, lowered: str) -> bool:
    """regex.search(text), run on the lower-cased text when that is equivalent and faster."""
    twin = _sentence_twin(regex)
    if twin is None or len(lowered) != len(text):
        return regex.search(text) is not None
    return twin.search(lowered) is not None


def _lowered(doc: Annotated) -> str:
    lowered: str | None = doc.cache.get("lower")
    if lowered is None:
        lowered = doc.text.lower()
        lowered = lowered if len(lowered) == len(doc.text) else ""
        doc.cache["lower"] = lowered
    return lowered


def cue_in(doc: Annotated, name: str, start: int, end: int, skip: tuple[int, int] = (0, 0)) -> bool:
    """Whether a cue ("context", "blockers") occurs in text[start:end] outside the skip span.
    Searched only in the range asked for: most sentences never need it."""
    regex = compiled()[name]
    lowered = _lowered(doc)
    twin = _lower_twin(regex) if lowered else None
    source, pattern = (lowered, twin) if twin is not None else (doc.text, regex)
    bounded = twin is not None and regex.pattern.startswith("\\b")
    for match in pattern.finditer(source, start, end):
        a, b = match.span()
        if bounded and a > 0 and (source[a - 1].isalnum() or source[a - 1] == "_"):
            continue
        if not (a >= skip[0] and b <= skip[1]):
            return True
    return False


def _scan_family(doc: Annotated, family: str) -> dict[int, list[tuple[Rule, Hit]]]:
    starts = [s.start for s in doc.sentences]
    out: dict[int, list[tuple[Rule, Hit]]] = {}
    for rule in rules().get(family, []):
        for m_start, m_end in fast_finditer(doc, rule.regex):
            i = bisect.bisect_right(starts, m_start) - 1
            if i < 0:
                continue
            sent = doc.sentences[i]
            if m_end > sent.end:
                continue
            hit = Hit(m_start - sent.start, m_end - sent.start, doc.text[m_start:m_end])
            out.setdefault(i, []).append((rule, hit))
    for hits in out.values():
        hits.sort(key=lambda rh: rh[1].rel_start)
    return out
