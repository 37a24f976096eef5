"""The non-conflict benchmark counts texts with conflict events right (benchmarks/nonconflict)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from benchmarks import nonconflict
from benchmarks.nonconflict import build
from streams.evaluate import half_of, load_annotations
from tests.unit.realtext_data import texts_or_skip


def _event(event_type: str, sentence: str) -> Any:
    return SimpleNamespace(event_type=event_type, evidence=SimpleNamespace(sentence=sentence))


def _write(path: Path, ids: list[str]) -> None:
    rows = [
        {
            "id": i,
            "title": f"Portal:Current events/2025 March 10 (Sports) {i}",
            "text": f"Text {i}.",
            "published_at": "2025-03-10T12:00:00Z",
            "source": "test",
            "url": None,
            "license": "test",
            "expected": [],
        }
        for i in ids
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_conflict_types_are_political_violence_and_the_rest_is_counted_apart() -> None:
    conflict, other = nonconflict.conflict_types(), nonconflict.other_acled_types()
    assert {"air_strike", "armed_clash", "attack_on_civilians", "riot", "mob_violence"} <= conflict
    assert {"protest", "arrest", "agreement"} <= other
    assert not conflict & other
    assert "statement" not in conflict | other and "sanctions_imposed" not in conflict | other


def test_count_shares_texts_not_events(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    _write(path, ["a", "b", "c", "d"])
    predicted = {
        "a": [_event("air_strike", "s1"), _event("armed_clash", "s2"), _event("statement", "s3")],
        "b": [_event("protest", "s4")],
        "c": [_event("sanctions_imposed", "s5")],
        "d": [],
    }
    result = nonconflict.count(nonconflict.load(path), lambda a: predicted[a.id], "stub")
    assert result.texts == 4
    assert result.with_conflict == {"a"} and result.with_other == {"b"}
    assert result.share == 0.25 and result.other_share == 0.25
    assert [(s.event_type, s.conflict) for s in result.spurious] == [
        ("air_strike", True),
        ("armed_clash", True),
        ("protest", False),
    ]
    summary = result.as_dict()
    assert summary["texts_with_conflict_event"] == 1 and summary["meets_target"] is False
    assert "a" in nonconflict.format_result(result) and "s4" in nonconflict.format_result(result)


def test_load_keeps_one_fixed_half(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    ids = [f"id-{n}" for n in range(20)]
    _write(path, ids)
    tune = {t.id for t in nonconflict.load(path, "tune")}
    check = {t.id for t in nonconflict.load(path, "check")}
    assert tune | check == set(ids) and not tune & check
    assert all(half_of(i) == "tune" for i in tune)


def test_portal_markdown_becomes_plain_text() -> None:
    line = (
        "In [association football](https://en.wikipedia.org/wiki/Association_football "
        '"Association football"), the *Lions* beat the [Hawks (team)]'
        "(https://en.wikipedia.org/wiki/Hawks_%28team%29) 2–1. "
        "[(AP)](https://apnews.com/x) [(*The Times*)](https://example.org/y)"
    )
    expected = "In association football, the Lions beat the Hawks (team) 2–1."
    assert build.portal_text(line) == expected


def test_flag_words_find_conflict_words_for_reading() -> None:
    assert build.flagged({"text": "Police arrested two protesters."}) == [
        "arrested",
        "police",
        "protesters",
    ]
    assert build.flagged({"text": "The museum opens a new wing."}) == []


def test_committed_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in nonconflict.SET.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 500
    assert len({r["id"] for r in rows}) == len(rows)
    removed = json.loads(build.SCREEN.read_text(encoding="utf-8"))["removed"]
    assert not {r["id"] for r in rows} & set(removed)
    assert all(r["url"] and r["license"] and r["source"] and r["expected"] == [] for r in rows)
    sections = {nonconflict.section_of(i) for i in load_annotations(nonconflict.SET)}
    assert {"wikinews", "Sports", "Disasters and accidents"} <= sections


def test_accuracy_table_has_the_non_conflict_rows() -> None:
    from benchmarks.accuracy import table

    def one_strike(article: Any) -> list[Any]:
        return [_event("air_strike", "s")] if article.id.endswith(("0", "5")) else []

    texts = [nonconflict.Text(i, "") for i in texts_or_skip(nonconflict.SET)]
    lines = table.nonconflict_table(one_strike)
    hit = sum(1 for t in texts if t.id.endswith(("0", "5")))
    assert lines[2].startswith("| full | ") and f"| {len(texts)} | {hit} |" in lines[2]
    assert [line.split(" | ")[0] for line in lines[2:]] == ["| full", "| tune half", "| check half"]
