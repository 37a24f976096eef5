"""docs/codebook.md keeps the shared rules 1-9, and its worked examples are valid gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

from streams import evaluate as ev
from streams.extraction import spec

CODEBOOK = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"


def _examples(text: str) -> list[dict[str, object]]:
    decoder = json.JSONDecoder()
    found = []
    for block in re.findall(r"```json\n(.*?)```", text, re.S):
        body, pos = block.strip(), 0
        while pos < len(body):
            obj, pos = decoder.raw_decode(body, pos)
            found.append(obj)
            while pos < len(body) and body[pos].isspace():
                pos += 1
    return found


def test_codebook_has_rules_one_to_nine_and_the_two_sections() -> None:
    text = CODEBOOK.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r"^### (\d)\. ", text, re.M)]
    assert numbers == list(range(1, 10))
    assert "\n## Event types\n" in text
    assert "\n## Recurring cases\n" in text


def test_codebook_examples_are_valid_gold_events() -> None:
    examples = _examples(CODEBOOK.read_text(encoding="utf-8"))
    assert len(examples) >= 9
    events = [ev.GoldEvent.model_validate(obj) for obj in examples]
    # every example with an ACLED type names its sub-event type, as new gold does
    assert all(e.acled_sub_event_type for e in events if e.acled_event_type)
    # and it is the sub-event type of the example's type (one type per ACLED sub-event type)
    wrong = [
        (e.event_type, e.acled_sub_event_type)
        for e in events
        if e.acled_sub_event_type
        and e.acled_sub_event_type != spec.entry(e.event_type).acled_sub_event_type
    ]
    assert wrong == []


def test_codebook_event_types_table_covers_the_taxonomy() -> None:
    text = CODEBOOK.read_text(encoding="utf-8")
    section = text.split("\n## Event types\n", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", section, re.M))
    assert listed == set(ev.EVENT_CATEGORY)
