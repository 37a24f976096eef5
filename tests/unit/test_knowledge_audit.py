"""The knowledge audit tells regexes that spell words from mechanisms and data built ones."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.knowledge_audit import audit, data_entries, words_of

SOURCE = """
import re
from x import alternation, words
A = re.compile(r"\\b(?:no|nobody|none)\\b", re.IGNORECASE)
B = re.compile(r"[A-Z][\\w'-]*(?P<name>\\s+\\d+)")
C = re.compile(rf"\\b{alternation(words())}\\s+$")
def f(text: str) -> bool:
    return re.search(r"\\bsince\\b[^,.;]*$", text) is not None
"""


def test_words_of_strips_escapes_classes_and_group_names() -> None:
    assert words_of(r"\b(?:said|told \w+)\s+(?:on\s+)?$") == ("said", "told", "on")
    assert words_of(r"(?P<name>[A-Z][a-z]+)\x92s(?i:\d+)") == ()


def test_audit_counts_word_regexes_by_part(tmp_path: Path) -> None:
    (tmp_path / "components").mkdir()
    (tmp_path / "components" / "rules.py").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "annotate.py").write_text(SOURCE, encoding="utf-8")
    table = audit(tmp_path)
    assert table == {
        "engine v2 (components/)": {"with words": 2, "mechanism": 2},
        "legacy rules (extractors/, annotate.py)": {"with words": 2, "mechanism": 2},
    }


def test_data_entries_count_leaf_strings_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    words = {"_comment": "not counted", "verbs": ["said", "told"], "nested": {"a": ["b"], "n": 3}}
    (tmp_path / "en" / "words.json").write_text(json.dumps(words), encoding="utf-8")
    (tmp_path / "en" / "p.jsonl").write_text('{"label": "x"}\n\n{"label": "y"}\n', encoding="utf-8")
    assert data_entries(tmp_path) == 5
