"""Data files are validated on load; the registry and public API stay as intended."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams import extraction
from streams.errors import LexiconError
from streams.extraction import lexicons
from streams.extraction.extractors.common import Proto
from streams.extraction.registry import Registered
from streams.schemas import Article

CONVENTION_TYPES = {
    "armed_clash",
    "territory_regained",
    "territory_seized",
    "air_strike",
    "missile_attack",
    "remote_explosive",
    "suicide_bomb",
    "grenade_attack",
    "chemical_attack",
    "attack_on_civilians",
    "sexual_violence",
    "abduction",
    "attack_on_infrastructure",
    "casualty_report",
    "arrest",
    "group_change",
    "disrupted_weapons_use",
    "base_established",
    "territory_transfer",
    "strategic_other",
    "protest",
    "protest_with_intervention",
    "excessive_force_against_protesters",
    "riot",
    "mob_violence",
    "sanctions_imposed",
    "sanctions_lifted",
    "statement",
    "condemnation",
    "appeal",
    "diplomatic_meeting",
    "ceasefire_proposal",
    "agreement",
    "military_aid",
    "humanitarian_impact",
}


def test_extraction_registry_snapshot() -> None:
    assert extraction.registered_extractors() == [
        ("attack", "1"),
        ("arrest", "1"),
        ("protest", "1"),
        ("sanctions", "1"),
        ("statements", "1"),
        ("diplomacy", "1"),
        ("ceasefire", "1"),
        ("military_aid", "1"),
        ("humanitarian", "1"),
    ]


def test_extraction_public_api_exports() -> None:
    assert sorted(extraction.__all__) == [
        "ExtractionResult",
        "ExtractorFailure",
        "extract",
        "extract_many",
        "registered_extractors",
        "run_extraction",
        "run_extractions",
    ]


def test_extraction_taxonomy_covers_conventions() -> None:
    by_type = lexicons.taxonomy().by_type()
    assert set(by_type) == CONVENTION_TYPES
    assert by_type["air_strike"].acled_sub_event_type == "Air/drone strike"
    assert by_type["protest"].category == "unrest"


def test_extraction_taxonomy_doc_lists_every_type() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "taxonomy.md").read_text("utf-8")
    for event_type in CONVENTION_TYPES:
        assert f"| `{event_type}` |" in doc


@pytest.mark.parametrize(
    ("payload", "model"),
    [
        (
            {
                "version": "1",
                "types": [
                    {
                        "event_type": "x_y",
                        "category": "nope",
                        "definition": "d" * 6,
                        "cameo": None,
                        "plover": None,
                        "acled_event_type": None,
                        "acled_sub_event_type": None,
                    }
                ],
            },
            lexicons.Taxonomy,
        ),
        ({"version": "1", "types": [], "surprise": 1}, lexicons.Taxonomy),
        (
            {
                "version": "1",
                "rules": [
                    {"family": "f", "event_type": "t", "pattern": "(", "needs_context": False}
                ],
                "weapons": [],
                "weapon_nouns": {},
                "conflict_context": "a",
                "blockers": "b",
                "disasters": "c",
                "status_cues": {},
                "non_english_markers": [],
            },
            lexicons.TriggerLexicon,
        ),
        (
            {"version": "1", "admin1": {"UA.12": {"code": "bad", "name": "x", "aliases": []}}},
            lexicons.Admin1Map,
        ),
    ],
)
def test_extraction_lexicon_invalid_data_raises(
    tmp_path: Path, payload: dict[str, object], model: type[lexicons.Taxonomy]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(LexiconError):
        lexicons.load_model(path, model)


def test_extraction_lexicon_unreadable_json_raises(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError):
        lexicons.load_model(path, lexicons.Taxonomy)


def test_extraction_failure_in_one_extractor_keeps_others(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_doc: object) -> list[Proto]:
        raise RuntimeError("boom")

    from streams.extraction import registry

    patched = (Registered("broken", "9", broken), *registry.REGISTRY)
    monkeypatch.setattr(registry, "REGISTRY", patched)
    article = Article(
        text="Russian drones struck Kharkiv overnight, killing three people.",
        published_at="2025-10-22T09:00:00Z",
    )
    result = extraction.run_extraction(article)
    assert [f.extractor for f in result.failures] == ["broken@9"]
    assert "boom" in result.failures[0].error
    assert len(result.failures[0].traceback) <= 1600
    assert [e.event_type for e in result.events] == ["air_strike"]


@pytest.mark.parametrize("text", ["x", "   .", "1234 5678", "\u0000\u0001 weird", "A" * 5000])
def test_extraction_never_crashes_on_odd_text(text: str) -> None:
    result = extraction.run_extraction(Article(text=text))
    assert result.failures == []
