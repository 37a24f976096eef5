"""People and actors found by their titles, appositions and demonyms."""

from __future__ import annotations

import re

from streams.extraction.annotated import ActorEntry, ActorMention, Annotated
from streams.extraction.gazetteer import gazetteer
from streams.extraction.name_lexicon import (
    actor_index,
    clean_name,
    force_pattern,
    irregular_nouns,
    title_words,
)

LOWER_TITLE = re.compile(
    r"\b(?:former\s+|then-|ousted\s+|jailed\s+|opposition\s+)?(?:(?P<dem>[A-Z][a-z]+)\s+)?"
    r"(?P<title>prime minister|president|opposition leader|foreign minister|defen[cs]e minister|"
    r"interior minister|minister|counterpart|governor|mayor|commander|general|envoy|"
    r"spokesman|spokeswoman|spokesperson|journalist|activist|leader|chief|ambassador|senator)"
    r",?\s+(?P<name>[A-Z][\w’'\-]+(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][\w’'\-]+){1,2})"
)

APPOSITIVE = re.compile(  # ", the leader of the opposition Coalition for Change"
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?P<title>leader|head|chief|founder|mayor|"
    r"governor|spokesman|spokeswoman|spokesperson|commander|president|minister|editor|director|"
    r"chairman|chairwoman|secretary|lawyer|activist|journalist|envoy|ambassador)\b"
)

_NAME_BEFORE = re.compile(  # the name just before that comma: "Nika Gvaramia"
    r"(?<![\w’'\-])(?P<name>[A-Z][\w’'\-]+(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][\w’'\-]+)"
    r"{1,2})$"
)

_NOT_FIRST_NAME = frozenset(
    ("In", "On", "At", "The", "But", "And", "After", "As", "When", "While", "For", "From", "By")
)


def title_people(
    doc: Annotated, index: dict[str, ActorEntry], taken: list[tuple[int, int]]
) -> None:
    """A person named after a lower-case title: 'prime minister X', 'Russian president X'."""
    text = doc.text
    for match in LOWER_TITLE.finditer(text):
        if any(a.start <= match.start("name") < a.end for a in doc.actors):
            continue
        name = clean_name(match.group("name"))
        known = index.get(name)
        if known is not None and known.source != "person":
            continue
        title = match.group("title")
        country = country_before(doc, match.start()) or demonym_in(match.group(0), index)
        if known is not None:
            doc.actors.append(
                ActorMention(
                    known.name,
                    "person",
                    known.country,
                    match.start("name"),
                    match.start("name") + len(name),
                    name,
                    "person",
                    known.office,
                )
            )
        else:
            doc.actors.append(
                ActorMention(
                    name,
                    "person",
                    country,
                    match.start("name"),
                    match.start("name") + len(name),
                    name,
                    "title",
                    title,
                )
            )
        taken.append((match.start("name"), match.start("name") + len(name)))


def appositive_people(
    doc: Annotated, index: dict[str, ActorEntry], taken: list[tuple[int, int]]
) -> None:
    """A person named before an appositive title: 'Oleksandr Prokudin, head of ...'."""
    gaz = gazetteer()
    for match in APPOSITIVE.finditer(doc.text):
        found = _NAME_BEFORE.search(doc.text, max(0, match.start() - 60), match.start())
        if found is None:
            continue
        name = found.group("name")
        start = found.start("name")
        words = name.split()
        if words[0] in _NOT_FIRST_NAME or words[0] in title_words():
            continue  # "Minister Shehbaz Sharif": the title scan knows this one
        if any(a <= start < b for a, b in taken):
            continue
        if any(" ".join(words[k:]) in index for k in range(len(words))):
            continue
        if gaz.lookup(name) or name in gaz.admin1 or name in gaz.stopwords:
            continue
        if any(a.start <= start < a.end for a in doc.actors):
            continue
        end = start + len(name)
        doc.actors.append(
            ActorMention(name, "person", None, start, end, name, "title", match.group("title"))
        )
        taken.append((start, end))


def demonym_in(phrase: str, index: dict[str, ActorEntry]) -> str | None:
    for word in phrase.split():
        entry = index.get(word)
        if entry is not None and entry.source == "demonym":
            return entry.country
    return None


def add_actor(
    doc: Annotated,
    entry: ActorEntry,
    span: tuple[int, int],
    surface: str,
    index: dict[str, ActorEntry],
) -> None:
    start, end = span
    if entry.source == "demonym" or (surface + "#dem") in index:
        dem = index.get(surface + "#dem", entry)
        after = doc.text[end : end + 40]
        force = force_pattern().match(after)
        if force and force.group("noun").lower() in irregular_nouns():
            # "Palestinian gunmen": an unnamed group of that nationality, not the state's forces
            name = f"{clean_name(surface)} {force.group('noun').lower()}"
            doc.actors.append(
                ActorMention(name, "group", dem.country, start, end, surface, "demonym")
            )
            doc.focus[dem.country or ""] += 1
            return
        if force:
            doc.actors.append(
                ActorMention(
                    dem.name,
                    "armed_forces",
                    dem.country,
                    start,
                    end,
                    surface,
                    "demonym",
                    forces=True,
                )
            )
            doc.focus[dem.country or ""] += 1
            return
        if entry.source == "demonym":
            doc.actors.append(
                ActorMention(dem.name, "state", dem.country, start, end, surface, "demonym")
            )
            doc.focus[dem.country or ""] += 1
            return
    country = entry.country
    if country is None and entry.source != "person":
        owner = [a for a in doc.actors if start - 4 <= a.end < start and a.country]
        if owner and doc.text[owner[-1].end : start].strip() in ("’s", "'s"):
            country = owner[-1].country
    doc.actors.append(
        ActorMention(
            entry.name, entry.kind, country, start, end, surface, entry.source, entry.office
        )
    )
    if entry.country and entry.source in ("country", "metonym"):
        doc.focus[entry.country] += 2
    elif country and entry.source in ("group", "organization"):
        doc.focus[country] += 1


def person_by_title(doc: Annotated, toks: list[tuple[int, int]], i: int, n: int, title: str) -> int:
    """'Mayor Ihor Terekhov' / 'Treasury Secretary Scott Bessent': a person with an office."""
    text = doc.text
    index = actor_index()
    j = i + n
    name_toks = toks[j : j + 3]
    if not name_toks:
        return j
    for k in range(len(name_toks), 0, -1):
        surface = clean_name(text[name_toks[0][0] : name_toks[k - 1][1]])
        known = index.get(surface)
        if known is not None and known.source == "person":
            doc.actors.append(
                ActorMention(
                    known.name,
                    "person",
                    known.country,
                    name_toks[0][0],
                    name_toks[0][0] + len(surface),
                    surface,
                    "person",
                    known.office,
                )
            )
            return j + k
    surface = clean_name(text[name_toks[0][0] : name_toks[min(2, len(name_toks)) - 1][1]])
    if surface in index or surface.lower() in ("of", "the"):
        return j
    country = country_before(doc, toks[i][0])
    doc.actors.append(
        ActorMention(
            surface,
            "person",
            country,
            name_toks[0][0],
            name_toks[0][0] + len(surface),
            surface,
            "title",
            title,
        )
    )
    return j + min(2, len(name_toks))


def country_before(doc: Annotated, pos: int) -> str | None:
    """Country of a demonym just before a title: 'Russian President X'."""
    for actor in reversed(doc.actors):
        if pos - 30 <= actor.end <= pos and doc.text[actor.end : pos].strip() in ("", "’s", "'s"):
            return actor.country
    return None
