"""`streams evaluate-canonical`: B-cubed precision and recall of the merge against gold clusters.

Gold (tests/gold/canonical/): clusters.jsonl names, for every article, the happening it
reports (`cluster`) and whether the cluster is real (different real articles), retold (a
real article and a retelling written for the gold set) or a singleton. The articles are
extracted, their events are fed in publication order through the same `canonicalize` as the
agent, and each article is placed in the canonical event of its main event (its event of
highest merge rank in the spec; the first on a tie). An article without events is its own
cluster. B-cubed is computed over articles, for real clusters + singletons, retold clusters
+ singletons, all together (the figure the thresholds apply to), and for the clustered
articles alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from streams.canonical.match import event_day
from streams.canonical.offline import Run, canonicalize
from streams.errors import StreamsError
from streams.evaluation import standoff
from streams.extraction import spec
from streams.schemas import Event
from streams.settings import PROJECT_ROOT

Kind = Literal["real", "retold", "singleton"]
GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "canonical"
ARTICLE_SOURCES = (
    PROJECT_ROOT / "tests" / "gold" / "realnews.jsonl",
    GOLD_DIR / "staging_articles.jsonl",
    GOLD_DIR / "retold.jsonl",
    PROJECT_ROOT / "seeds" / "00-user-seed-verbatim-ukraine.txt",
    PROJECT_ROOT / "seeds" / "01-russia-overnight-assault-ukraine.txt",
)
UNDATED_EXTRACTION_TIME = datetime(2000, 1, 1, tzinfo=UTC)


class GoldRow(BaseModel):
    article_id: str
    cluster: str
    kind: Kind


@dataclass(frozen=True)
class BCubed:
    items: int
    clusters: int
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> list[GoldRow]:
    """The cluster rows of `path` (a clusters file, or a folder holding clusters.jsonl)."""
    if path.is_dir():
        path = path / "clusters.jsonl"
    if not path.is_file():
        raise StreamsError(f"{path}: no such clusters file (one JSON object per article)")
    rows = [GoldRow.model_validate_json(line) for line in path.read_text().splitlines() if line]
    seen: set[str] = set()
    for row in rows:
        if row.article_id in seen:
            raise StreamsError(f"{path}: article {row.article_id} is in two clusters")
        seen.add(row.article_id)
    return rows


def extract_articles(paths: Iterable[Path], wanted: set[str]) -> list[Event]:
    """The events of the wanted articles, each extracted at its publication time."""
    from streams.articles_io import read_articles
    from streams.extraction import extract

    events: list[Event] = []
    found: set[str] = set()
    # a stand-off set (real texts kept out of git) is read from its built cache
    for loaded in read_articles([str(standoff.readable(p)) for p in paths]):
        article = loaded.article
        if article.id not in wanted or article.id in found:
            continue
        found.add(article.id)
        events += extract(article, extracted_at=article.published_at or UNDATED_EXTRACTION_TIME)
    missing = wanted - found
    if missing:
        raise StreamsError(f"gold articles not found: {sorted(missing)[:5]}")
    return events


def stream_order(events: list[Event]) -> list[Event]:
    """As they would arrive: by publication day (an undated article: its event day), then
    article, then position in the article."""
    position = {id(e): i for i, e in enumerate(events)}
    first_day: dict[str, date] = {}
    for event in events:
        day = event.published_at.date() if event.published_at else event_day(event)
        first_day[event.article_id] = min(first_day.get(event.article_id, day), day)
    return sorted(events, key=lambda e: (first_day[e.article_id], e.article_id, position[id(e)]))


def predicted_labels(run: Run, events: list[Event], articles: Iterable[str]) -> dict[str, str]:
    """article id -> canonical id of its main event (or the article id when it has none)."""
    of_event = {m.event_id: key for key, c in run.latest.items() for m in c.mentions}
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_article[event.article_id].append(event)
    ranks = spec.merge_ranks()
    labels = {}
    for article in articles:
        mine = by_article.get(article)
        if not mine:
            labels[article] = f"none:{article}"
            continue
        main = max(mine, key=lambda e: ranks.get(e.event_type, 0))  # first on a tie
        labels[article] = of_event.get(main.event_id, f"lost:{main.event_id}")
    return labels


def bcubed(gold: dict[str, str], predicted: dict[str, str]) -> BCubed:
    """B-cubed over the items of `gold` (predicted clusters restricted to those items)."""
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for item, cluster in gold.items():
        gold_members[cluster].add(item)
        pred_members[predicted[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        same_gold = gold_members[gold[item]]
        same_pred = pred_members[predicted[item]]
        both = len(same_gold & same_pred)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    n = len(gold) or 1
    return BCubed(len(gold), len(gold_members), precision / n, recall / n)


def evaluate(gold_rows: Sequence[GoldRow], window_days: int = 7) -> dict[str, BCubed]:
    wanted = {row.article_id for row in gold_rows}
    events = stream_order(extract_articles(ARTICLE_SOURCES, wanted))
    run = canonicalize(events, window_days=window_days)
    predicted = predicted_labels(run, events, wanted)
    subsets: dict[str, set[Kind]] = {
        "real": {"real", "singleton"},
        "retold": {"retold", "singleton"},
        "all": {"real", "retold", "singleton"},
        # the clustered articles alone: singletons make B-cubed look easy
        "real-only": {"real"},
        "retold-only": {"retold"},
    }
    return {
        name: bcubed({r.article_id: r.cluster for r in gold_rows if r.kind in kinds}, predicted)
        for name, kinds in subsets.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="streams evaluate-canonical")
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD_DIR / "clusters.jsonl")
    parser.add_argument("--min-precision", type=float, default=0.90)
    parser.add_argument("--min-recall", type=float, default=0.85)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    rows = load_gold(args.gold)
    try:
        scores = evaluate(rows)
    except standoff.StandOffError as exc:  # real texts not built
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: {**vars(v), "f1": v.f1} for k, v in scores.items()}, indent=2))
    else:
        print(f"{'set':<11} {'articles':>8} {'clusters':>8} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7}")
        for name, s in scores.items():
            line = f"{s.items:>8} {s.clusters:>8} {s.precision:>7.4f} {s.recall:>7.4f} {s.f1:>7.4f}"
            print(f"{name:<11} {line}")
    overall = scores["all"]
    ok = overall.precision >= args.min_precision and overall.recall >= args.min_recall
    return 0 if ok else 1
