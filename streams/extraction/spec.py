"""The one event-type spec (data/taxonomy.json), read by extraction, normalisation and evaluation.

Each event type's category, codes, merge rank and summary template are stated there and only
there; this module answers questions about them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from streams.extraction.lexicons import TaxonomyEntry, taxonomy

_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_PLACEHOLDER = re.compile(r"{(\w+)}")


def entry(event_type: str) -> TaxonomyEntry:
    return taxonomy().by_type()[event_type]


@lru_cache(maxsize=1)
def category_of() -> dict[str, str]:
    """event_type -> category, for every type of the spec."""
    return {t.event_type: t.category for t in taxonomy().types}


def types_in(category: str) -> frozenset[str]:
    return frozenset(t for t, c in category_of().items() if c == category)


def types_of_family(family: str) -> frozenset[str]:
    """The types whose patterns live in data/<lang>/triggers|roles/<family>.jsonl."""
    return frozenset(t.event_type for t in taxonomy().types if t.family == family)


@lru_cache(maxsize=1)
def merge_ranks() -> dict[str, int]:
    """The ranked types: when two mentions of one happening merge, the higher rank is kept."""
    return {t.event_type: t.merge_rank for t in taxonomy().types if t.merge_rank is not None}


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill a summary template; a [bracketed] part goes when a placeholder in it is empty."""

    def fill(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), text)

    def optional(match: re.Match[str]) -> str:
        part = match.group(1)
        return fill(part) if all(values.get(n) for n in _PLACEHOLDER.findall(part)) else ""

    return fill(_OPTIONAL.sub(optional, template))
