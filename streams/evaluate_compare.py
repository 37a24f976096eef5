"""`streams evaluate GOLD --compare`: both extraction engines on the same texts or rows, their
reports side by side with the delta per field (engine v2 minus legacy)."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from streams.schemas import Article, Event

ENGINES = ("legacy", "spacy")
Predictor = Callable[[Article], list[Event]]


def predictor(engine: str) -> Predictor:
    module = importlib.import_module("streams.extraction")
    predict: Predictor = partial(module.extract, engine=engine)
    return predict


def side_by_side(title: str, values: dict[str, dict[str, float | None]]) -> str:
    """values: engine -> field -> score; one line per field with the delta."""
    fields = list(values[ENGINES[0]])
    lines = [f"{title:<18}{'legacy':>9}{'spacy':>9}{'delta':>9}"]
    for name in fields:
        old, new = values["legacy"].get(name), values["spacy"].get(name)
        delta = "" if old is None or new is None else f"{new - old:+9.3f}"
        cells = "".join("        -" if v is None else f"{v:9.3f}" for v in (old, new))
        lines.append(f"{name:<18}{cells}{delta}")
    return "\n".join(lines)


def compare_gold(items: Sequence[Any], as_json: bool) -> str:
    from streams.evaluate import evaluate

    reports = {engine: evaluate(items, predictor(engine)) for engine in ENGINES}
    values: dict[str, dict[str, float | None]] = {
        engine: {name: s.f1 for name, s in report.fields.items()}
        for engine, report in reports.items()
    }
    for engine, report in reports.items():
        values[engine]["conflict_on_none"] = float(report.conflict_on_no_event)
    if as_json:
        return json.dumps(values, indent=2)
    head = f"texts: {len(reports['legacy'].texts)}   (F1 per field)"
    return head + "\n\n" + side_by_side("field", values)


def compare_acled(rows: Sequence[Any], as_json: bool) -> str:
    from streams.evaluate_acled import evaluate_rows

    values: dict[str, dict[str, float | None]] = {}
    for engine in ENGINES:
        report = evaluate_rows(rows, predictor(engine))
        values[engine] = {name: t.share for name, t in report.fields.items()}
    if as_json:
        return json.dumps(values, indent=2)
    return f"ACLED rows: {len(rows)}   (share correct per field)\n\n" + side_by_side(
        "field", values
    )
