"""The accuracy table scores every gold set with the predictor it is given."""

from __future__ import annotations

from benchmarks.accuracy import table
from streams.schemas import Article, Event


def _nothing(_article: Article) -> list[Event]:
    return []


def test_accuracy_table_has_a_row_per_set_and_half_with_every_column() -> None:
    lines = table.gold_table(_nothing)
    # a stand-off set is in the table once its texts are built (python -m benchmarks.realtext build)
    present = [g for g in table.GOLD_SETS if table.load_built(table.GOLD / g.file) is not None]
    halves = sum(2 for g in present if g.halves)
    assert len(lines) == 2 + len(present) + halves
    widths = {line.count("|") for line in lines}
    assert len(widths) == 1
    dev = next(line for line in lines if line.startswith("| dev |"))
    # nothing predicted: no event found, so every scored F1 is 0
    assert "| 0.000 | 0.000 |" in dev
