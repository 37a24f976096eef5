"""The README's accuracy tables, computed: every gold set (and its halves), the ACLED set.

Each row says who wrote the text and who coded the gold, so that figures on real text (the
ones to quote) stand apart from the team's own regression sets.

Run: `python -m benchmarks.accuracy table` (the ACLED rows are scored when the cache exists;
the real-text sets are stand-off and scored when their texts are built:
`python -m benchmarks.realtext build`).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from streams import evaluate as ev
from streams import evaluate_acled as acled
from streams.evaluation.standoff import BUILD_COMMAND, StandOffError
from streams.readme_sample import rewrite

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
ACLED_CACHE = ROOT / ".cache" / "acled" / "rows.jsonl"
GOLD_FIELDS = ("overall", "acled_event_type", "actors", "location", "admin1", "date", "killed")
ACLED_FIELDS = ("event_type", "sub_event_type", "location", "admin1", "date", "fatalities")


@dataclass(frozen=True)
class GoldSet:
    name: str
    file: str
    written_by: str
    coded_by: str
    halves: bool = False


GOLD_SETS = (
    GoldSet(
        "realnews", "realnews.jsonl", "journalists (VOA, Wikinews, Wikipedia)", "team", halves=True
    ),
    GoldSet("seeds", "seeds.jsonl", "user (1 verbatim) + team rewrites", "team"),
    GoldSet("dev", "dev.jsonl", "team", "team"),
    GoldSet("dev2", "dev2.jsonl", "team", "team"),
    GoldSet("dev3", "dev3.jsonl", "team", "team"),
    GoldSet("holdout", "holdout.jsonl", "team", "team"),
    GoldSet("holdout2", "holdout2.jsonl", "team", "team"),
    GoldSet("types", "types.jsonl", "team (examples of each new type)", "team"),
)


def _gold_row(label: str, gold: GoldSet, items: list[ev.GoldItem], predict: ev.Predictor) -> str:
    report = ev.evaluate(items, predict)
    scores = " | ".join(f"{report.fields[f].f1:.3f}" for f in GOLD_FIELDS)
    return (
        f"| {label} | {gold.written_by} | {gold.coded_by} | {len(items)} | "
        f"{report.n_expected} | {scores} | {report.conflict_on_no_event} |"
    )


def load_built(path: Path) -> list[ev.GoldItem] | None:
    """The set's items, or None for a stand-off set whose texts are not built."""
    try:
        return ev.load_gold(path)
    except StandOffError:
        return None


def not_built(name: str) -> str:
    return f"({name}: stand-off set, its texts are not built: `{BUILD_COMMAND}`)"


def unbuilt_sets() -> list[str]:
    """The notes for the gold sets the table leaves out: stand-off, texts not built."""
    return [
        not_built(g.name)
        for g in GOLD_SETS
        if (GOLD / g.file).exists() and load_built(GOLD / g.file) is None
    ]


def gold_table(predict: ev.Predictor) -> list[str]:
    head = " | ".join(GOLD_FIELDS)
    lines = [
        f"| set | text written by | gold coded by | texts | events | {head} "
        "| conflict on no-event |",
        "|" + "---|" * (6 + len(GOLD_FIELDS)),
    ]
    for gold in GOLD_SETS:
        path = GOLD / gold.file
        items = load_built(path) if path.exists() else None
        if items is None:
            continue
        lines.append(_gold_row(gold.name, gold, items, predict))
        if gold.halves:
            for half in ("tune", "check"):
                part = [i for i in items if ev.half_of(i.id) == half]
                lines.append(_gold_row(f"{gold.name}, {half} half", gold, part, predict))
    return lines


def acled_table(predict: ev.Predictor, cache: Path = ACLED_CACHE) -> list[str]:
    if not cache.exists():
        return [f"(no ACLED cache at {cache}: `python -m benchmarks.accuracy acled build`)"]
    lines = [
        f"| ACLED set | rows | {' | '.join(ACLED_FIELDS)} | no event |",
        "|" + "---|" * (3 + len(ACLED_FIELDS)),
    ]
    selections: tuple[tuple[str, Callable[[acled.AcledRow], bool]], ...] = (
        ("full", lambda r: True),
        ("tune half", lambda r: r.half == "tune"),
        ("check half", lambda r: r.half == "check"),
        ("sample", lambda r: r.sample),
    )
    rows = acled.load_rows(cache)
    reports = {name: acled.AcledReport() for name, _ in selections}
    for row in rows:
        result = acled.score_row(row, predict(row.article()))
        for name, chosen in selections:
            if chosen(row):
                reports[name].add(result)
    for name, _ in selections:
        report = reports[name]
        shares = [report.fields[f].share for f in (*ACLED_FIELDS, "no_event")]
        cells = " | ".join("-" if s is None else f"{s:.3f}" for s in shares)
        lines.append(f"| {name} | {report.rows:,} | {cells} |")
    return lines


SECOND = GOLD / "second" / "realnews-second.jsonl"
AGREEMENT_FIELDS = ("overall", "acled_event_type", "actors", "location", "date", "killed")


def agreement_table() -> list[str]:
    """Two annotators' independent codings of the same real texts: the ceiling to read by."""
    from benchmarks.agreement import agreement

    first = ev.load_annotations(GOLD / "realnews.jsonl")
    report = agreement(first, ev.load_annotations(SECOND))
    cells = " | ".join(f"{report.fields[f].f1:.3f}" for f in AGREEMENT_FIELDS)
    return [
        f"| annotator agreement | texts | {' | '.join(AGREEMENT_FIELDS)} |",
        "|" + "---|" * (2 + len(AGREEMENT_FIELDS)),
        f"| realnews, 2 annotators | {len(report.texts)} | {cells} |",
    ]


def nonconflict_table(predict: ev.Predictor) -> list[str]:
    """Real news that reports no conflict event: the share of texts given one (issue 12's
    target: at most 0.5%). The set and its screening: benchmarks/nonconflict."""
    from benchmarks import nonconflict

    if load_built(nonconflict.SET) is None:
        return [not_built("non-conflict set")]
    texts = nonconflict.load()
    lines = [
        "| non-conflict set | text written by | texts | texts with a conflict event | share "
        "| other ACLED events |",
        "|---|---|---|---|---|---|",
    ]
    for label, half in (("full", None), ("tune half", "tune"), ("check half", "check")):
        part = [t for t in texts if half is None or ev.half_of(t.id) == half]
        result = nonconflict.count(part, predict)
        lines.append(
            f"| {label} | journalists (Wikinews), Wikipedia editors (portal) | {result.texts} | "
            f"{len(result.with_conflict)} | {result.share:.2%} | {len(result.with_other)} |"
        )
    return lines


README_START = "<!-- accuracy:start (python -m benchmarks.accuracy table --write-readme) -->"
README_END = "<!-- accuracy:end -->"


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


ENGINES = ("legacy", "spacy")


def engine_tables(engine: str, with_acled: bool) -> list[str]:
    """One engine's tables: the gold sets, the non-conflict set and the ACLED set."""
    from functools import partial
    from typing import cast

    from streams.extraction import Engine, extract

    predict = cast(ev.Predictor, partial(extract, engine=cast(Engine, engine)))
    lines = [f"**Engine `{engine}`**", "", *gold_table(predict), *unbuilt_sets()]
    lines += ["", *nonconflict_table(predict)]
    if with_acled:
        lines += ["", *acled_table(predict)]
    return lines


def main(with_acled: bool = True, write_readme: bool = False) -> int:
    from streams.settings import get_settings

    default = get_settings().engine
    stamp = (
        f"Measured {date.today().isoformat()} at commit {_commit()}; both engines "
        f"(`STREAMS_ENGINE`, default `{default}`)."
    )
    lines = [stamp, "", *agreement_table()]
    for engine in ENGINES:
        lines += ["", *engine_tables(engine, with_acled)]
    block = "\n".join(lines)
    print(block)
    if write_readme:
        readme = ROOT / "README.md"
        readme.write_text(rewrite(readme.read_text(), block, README_START, README_END))
    return 0
