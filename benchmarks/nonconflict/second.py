"""Build the second non-conflict set, a tuning set disjoint from the first (build.py).

tests/gold/second/nonconflict-second.jsonl holds more real news with no conflict event, to tune
on once the first set's tune half gives no more signal. The whole set is for tuning (no check
half): ``python -m benchmarks.nonconflict --set second``. Stand-off like the first: each line
names where its text is; the texts go to .cache/realtext/nonconflict-second.jsonl only.

Sources, chosen by the sources' own categories (never by running the extractor):

- Wikipedia's Current Events Portal, 2025-2026 (CC BY-SA 4.0), from ``fordred/wikinews``: the
  same six sections as the first set (``build.PORTAL_SECTIONS``), the next ``PER_SECTION``
  items of each section in the same hash order: the first set took ranks 0-79, this one takes
  ranks 80-379 (fewer where a section has fewer items), so the two cannot share an item.
- Wikipedia's Current Events Portal, September 2015 (CC BY-SA 3.0), from
  ``igorbrigadir/newsir16-data`` (WikiTimes' index of the portal, ``wikipedia/wikitimes_CEP.json``):
  every item whose WikiTimes category is one of ``CEP_CATEGORIES`` (business, culture, sports,
  technology, health, disasters; left out: War_Conflict, Law_Crime, International_Relation,
  Politics).

Texts already in another real-text set (realnews, the first non-conflict set) are left out by
their text. Screening, by reading as for the first set: every text with a conflict word
(``build.FLAG_WORDS``) was read; ``screen-second.json`` lists the texts removed and why.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import mirrors as mirrors_io
from benchmarks import realtext
from benchmarks.nonconflict import build
from benchmarks.realtext import TRANSFORMS, parse_records
from streams.evaluation.standoff import cache_file

HERE = Path(__file__).resolve().parent
OUT = build.ROOT / "tests" / "gold" / "second" / "nonconflict-second.jsonl"
SCREEN = HERE / "screen-second.json"

PER_SECTION = 300  # portal ranks build.PER_SECTION .. build.PER_SECTION + PER_SECTION - 1

CEP_REPO = "igorbrigadir/newsir16-data"
CEP_PATH = "wikipedia/wikitimes_CEP.json"
CEP_LICENSE = (
    "CC BY-SA 3.0 (attribution: Wikipedia contributors, Portal:Current events); "
    "the repository's own licence does not apply to these items"
)
# WikiTimes' categories whose items are not about armed conflict, crime, unrest or diplomacy
CEP_CATEGORIES = (
    "Business_Finance",
    "Disaster_Accident",
    "Entertainment_Culture",
    "Health_Medical_Pharma",
    "Sports",
    "Technology_Internet",
)


def cep_items(mirrors: Path) -> Iterator[dict[str, Any]]:
    commit = mirrors_io.head(mirrors_io.git_dir(mirrors, CEP_REPO))
    for row in parse_records(mirrors_io.show(mirrors, CEP_REPO, commit, CEP_PATH), "json"):
        assert isinstance(row, dict)
        category = (row.get("category") or {}).get("name")
        if category not in CEP_CATEGORIES:
            continue
        text = TRANSFORMS["cep_description"](row.get("description") or "")
        if len(text) < 40:
            continue
        story = (row.get("belongsToStory") or {}).get("name") or category
        how = {"format": "json", "record": {"id": row["id"]}, "field": "description"}
        yield {
            "id": f"wcep-2015-{row['id']}",
            "title": f"Current events {row['date']}: {story} ({category})",
            "text": text,
            "published_at": f"{row['date']}T12:00:00Z",
            "source": "Wikipedia Current Events Portal",
            "url": "https://en.wikipedia.org/wiki/Portal:Current_events/September_2015",
            "license": CEP_LICENSE,
            "section": category,
            "locator": build._locator(
                CEP_REPO, CEP_PATH, commit, text, **how, transform="cep_description"
            ),
        }


def portal_next(mirrors: Path) -> list[dict[str, Any]]:
    """The portal items ranked just after the first set's, per section."""
    start = build.PER_SECTION
    return build.pick_per_section(build.portal_items(mirrors), start, start + PER_SECTION)


def _taken() -> tuple[set[str], set[str]]:
    """Ids and text sha256 of the other real-text sets (this one must be disjoint from them)."""
    ids: set[str] = set()
    digests: set[str] = set()
    for path in realtext.SETS.values():
        if path == OUT or not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            ids.add(row.get("id", ""))
            digests.add((row.get("locator") or {}).get("sha256", ""))
    return ids, digests


def candidates(mirrors: Path) -> list[dict[str, Any]]:
    ids, digests = _taken()
    items = portal_next(mirrors) + list(cep_items(mirrors))
    return [i for i in items if i["id"] not in ids and i["locator"]["sha256"] not in digests]


def build_second(mirrors: Path = build.DEFAULT_MIRRORS, out: Path = OUT) -> dict[str, int]:
    """Write the stand-off set and its texts to the cache (as build.build does for the first)."""
    screen = json.loads(SCREEN.read_text(encoding="utf-8")) if SCREEN.exists() else {}
    removed = screen.get("removed", {})
    kept = [c for c in candidates(mirrors) if c["id"] not in removed]
    fields = ("id", "title", "locator", "published_at", "source", "url", "license")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for item in kept:
            row = {k: item[k] for k in fields} | {"expected": []}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    realtext.build_set(out, realtext.Reader(mirrors), cache_file(out))
    return {"kept": len(kept), "removed": len(removed)}
