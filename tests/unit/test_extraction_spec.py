"""The event-type spec: one place for each type's facts, validated, rendered into summaries."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from streams.extraction import spec
from streams.extraction.lexicons import TaxonomyEntry


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {
                "who": "Russia",
                "type": "air_strike",
                "places_or_targets": "Kyiv",
                "counts": "6+ killed",
            },
            "Russia air_strike on Kyiv: 6+ killed",
        ),
        (
            {"who": "Russia", "type": "air_strike", "places_or_targets": "Kyiv", "counts": ""},
            "Russia air_strike on Kyiv",
        ),
        ({"who": "Russia", "type": "air_strike"}, "Russia air_strike"),
    ],
)
def test_spec_render_drops_a_bracketed_part_with_an_empty_placeholder(
    values: dict[str, str], expected: str
) -> None:
    template = "{who} {type}[ on {places_or_targets}][: {counts}]"
    assert spec.render(template, values) == expected


def test_spec_every_type_has_a_category_and_a_summary_that_names_its_type() -> None:
    categories = spec.category_of()
    assert categories["air_strike"] == "conflict"
    assert categories["appeal"] == "statement"
    for event_type in categories:
        assert "{type}" in spec.entry(event_type).summary, event_type


def test_spec_merge_rank_prefers_the_specific_attack_over_a_casualty_report() -> None:
    ranks = spec.merge_ranks()
    assert ranks["air_strike"] > ranks["armed_clash"] > ranks["casualty_report"]
    assert "appeal" not in ranks


def test_spec_entry_rejects_an_unknown_summary_placeholder() -> None:
    with pytest.raises(ValidationError, match="unknown summary placeholders"):
        TaxonomyEntry.model_validate(
            {
                "event_type": "x_type",
                "category": "conflict",
                "definition": "a test type",
                "cameo": None,
                "plover": None,
                "acled_event_type": None,
                "acled_sub_event_type": None,
                "merge_rank": None,
                "summary": "{who} {typo}",
            }
        )
