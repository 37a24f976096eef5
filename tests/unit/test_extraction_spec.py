"""The event-type spec: one place for each type's facts, validated, rendered into summaries."""

from __future__ import annotations

import typing

import pytest
from pydantic import ValidationError

from streams import evaluate
from streams.extraction import spec
from streams.extraction.lexicons import Family, TaxonomyEntry, taxonomy


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
                "family": "battles",
                "definition": "a test type",
                "cameo": None,
                "plover": None,
                "acled_event_type": None,
                "acled_sub_event_type": None,
                "merge_rank": None,
                "summary": "{who} {typo}",
            }
        )


def test_spec_has_one_type_per_acled_sub_event_type_within_its_acled_type() -> None:
    by_sub = {
        t.acled_sub_event_type: t for t in taxonomy().types if t.acled_sub_event_type is not None
    }
    assert set(by_sub) == set(evaluate.ACLED_SUB_EVENT_TYPES)
    for sub, entry in by_sub.items():
        assert entry.acled_event_type == evaluate.ACLED_SUB_EVENT_TYPES[sub], sub
    # a type without a sub-event type has no ACLED type either
    assert all(t.acled_event_type is None for t in taxonomy().types if not t.acled_sub_event_type)


def test_spec_proposal_and_agreement_are_two_types() -> None:
    assert spec.entry("ceasefire_proposal").acled_sub_event_type is None
    assert spec.entry("agreement").acled_sub_event_type == "Agreement"
    assert spec.entry("agreement").family == spec.entry("ceasefire_proposal").family


def test_spec_entry_rejects_an_unknown_family() -> None:
    with pytest.raises(ValidationError, match="family"):
        TaxonomyEntry.model_validate(
            {
                "event_type": "x_type",
                "category": "conflict",
                "family": "weather",
                "definition": "a test type",
                "cameo": None,
                "plover": None,
                "acled_event_type": None,
                "acled_sub_event_type": None,
                "merge_rank": None,
                "summary": "{who} {type}",
            }
        )


def test_spec_every_family_has_types_and_each_type_one_family() -> None:
    families = typing.get_args(Family)
    by_family = {f: spec.types_of_family(f) for f in families}
    assert all(by_family.values()), by_family
    assert sum(len(types) for types in by_family.values()) == len(taxonomy().types)
    assert spec.types_of_family("battles") == {
        "armed_clash",
        "territory_regained",
        "territory_seized",
    }
