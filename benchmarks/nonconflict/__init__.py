"""Conflict events on real news that reports none (issue 12's non-conflict target).

Two sets of real openly licensed news with no conflict event, chosen by their sources' own
categories and screened by reading, never by running the extractor:

- ``first`` (tests/gold/nonconflict.jsonl, 629 texts; benchmarks/nonconflict/build.py):
  Wikinews 2019-2020 and the Current Events Portal 2025-2026 (sections Arts and culture,
  Business and economy, Disasters and accidents, Health and environment, Science and
  technology, Sports; 80 items each). Fixed tune / check halves by the hash of the id.
- ``second`` (tests/gold/second/nonconflict-second.jsonl, 1,472 texts; second.py): a tuning
  set as a whole (no check half), disjoint from the first and from realnews: the portal items
  of the same six sections ranked after the first set's (up to 300 more each), and the items
  of September 2015's portal (WikiTimes) in the categories Business_Finance, Disaster_Accident,
  Entertainment_Culture, Health_Medical_Pharma, Sports, Technology_Internet. Texts read and
  removed (attacks, protests and strikes, arrests, explosions of unstated cause):
  screen-second.json.

A *conflict event* here is an event whose type the spec (data/taxonomy.json) puts in category
``conflict`` (ACLED's battles, explosions/remote violence, violence against civilians, plus
property destruction and casualty reports) or in ACLED's event type Riots: ACLED's political
violence. The target is a
conflict event on at most 0.5% of the texts. Protests, arrests and the other strategic
developments are counted apart (``other ACLED events``): they are not political violence, but
the sets have none either, so each is a false positive too.

    .venv/bin/python -m benchmarks.nonconflict [--set first|second|FILE] [--half tune|check]
                                               [--engine legacy|spacy|both] [--json] [--limit N]
    .venv/bin/python -m benchmarks.nonconflict build   # rebuild both sets from the mirrors
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from streams.evaluate import GoldFileError, GoldItem, StandOffItem, half_of, load_gold
from streams.extraction import spec
from streams.extraction.lexicons import taxonomy
from streams.schemas import Article, Event

SET = Path(__file__).resolve().parents[2] / "tests" / "gold" / "nonconflict.jsonl"
SECOND = SET.parent / "second" / "nonconflict-second.jsonl"
SETS = {"first": SET, "second": SECOND}
TUNE_ONLY = frozenset({SECOND})
"""Sets that are for tuning as a whole: no check half."""
TARGET = 0.005

Half = Literal["tune", "check"]


def conflict_types() -> frozenset[str]:
    """Types counted as conflict events: spec category conflict, or ACLED event type Riots."""
    return frozenset(
        t.event_type
        for t in taxonomy().types
        if t.category == "conflict" or t.acled_event_type == "Riots"
    )


def other_acled_types() -> frozenset[str]:
    """The other ACLED-coded types (protests, arrests, strategic developments, agreements)."""
    return (
        frozenset(t.event_type for t in taxonomy().types if t.acled_event_type) - conflict_types()
    )


@dataclass(frozen=True)
class Text:
    """One text of the set: a gold item with no expected event, and the section it came from."""

    item: GoldItem
    section: str

    @property
    def id(self) -> str:
        return self.item.id


_SECTION = re.compile(r"\(([^()]+)\)$")


def section_of(item: GoldItem | StandOffItem) -> str:
    """A portal item's section is the end of its title, "(Sports)"; other texts: their source."""
    found = _SECTION.search(item.title or "") if item.source and "Portal" in item.source else None
    return found.group(1) if found else (item.source or "").lower()


def load(path: Path = SET, half: Half | None = None) -> list[Text]:
    """The set's texts (a stand-off set's from its built cache: streams.evaluation.standoff);
    a tuning set (TUNE_ONLY) is all tune half and has no check half."""
    if path.resolve() in TUNE_ONLY:
        if half == "check":
            raise GoldFileError(f"{path.name} is a tuning set as a whole: it has no check half")
        half = None
    return [
        Text(item, section_of(item))
        for item in load_gold(path)
        if not half or half_of(item.id) == half
    ]


@dataclass(frozen=True)
class Spurious:
    """One event found on a text that reports none."""

    text_id: str
    section: str
    event_type: str
    conflict: bool
    sentence: str


@dataclass
class Result:
    engine: str
    texts: int = 0
    with_conflict: set[str] = field(default_factory=set)
    with_other: set[str] = field(default_factory=set)
    spurious: list[Spurious] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Share of texts with at least one conflict event."""
        return len(self.with_conflict) / self.texts if self.texts else 0.0

    @property
    def other_share(self) -> float:
        return len(self.with_other) / self.texts if self.texts else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "texts": self.texts,
            "texts_with_conflict_event": len(self.with_conflict),
            "share": round(self.share, 4),
            "target": TARGET,
            "meets_target": self.share <= TARGET,
            "texts_with_other_acled_event": len(self.with_other),
            "other_share": round(self.other_share, 4),
            "spurious": [s.__dict__ for s in self.spurious],
        }


def count(
    texts: Iterable[Text], predict: Callable[[Article], Sequence[Event]], engine: str = ""
) -> Result:
    """Run `predict` on every text and count texts with conflict (and other ACLED) events."""
    conflict, other = conflict_types(), other_acled_types()
    result = Result(engine)
    for text in texts:
        result.texts += 1
        for event in predict(text.item.article()):
            if event.event_type not in conflict and event.event_type not in other:
                continue
            is_conflict = event.event_type in conflict
            (result.with_conflict if is_conflict else result.with_other).add(text.id)
            result.spurious.append(
                Spurious(
                    text.id, text.section, event.event_type, is_conflict, event.evidence.sentence
                )
            )
    return result


def format_result(result: Result, *, spurious: bool = True) -> str:
    lines = [
        f"engine {result.engine}: {len(result.with_conflict)} of {result.texts} texts with a "
        f"conflict event = {result.share:.2%} (target <= {TARGET:.1%}); other ACLED events on "
        f"{len(result.with_other)} texts = {result.other_share:.2%}"
    ]
    if spurious:
        for s in sorted(result.spurious, key=lambda s: (not s.conflict, s.event_type, s.text_id)):
            mark = "conflict" if s.conflict else "other"
            lines.append(f"  [{mark}] {s.event_type:<24} {s.text_id:<22} {s.sentence[:160]}")
    return "\n".join(lines)


__all__ = [
    "SECOND",
    "SET",
    "SETS",
    "TARGET",
    "TUNE_ONLY",
    "Result",
    "Spurious",
    "Text",
    "conflict_types",
    "count",
    "load",
    "other_acled_types",
    "spec",
]
