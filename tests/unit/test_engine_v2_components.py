"""Engine v2 components on their logic: docs built by hand, no model where none is needed."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from spacy.tokens import Doc
from spacy.vocab import Vocab

from streams.extraction import pipeline
from streams.extraction.components.data import RolePattern, TriggerPattern, families
from streams.extraction.components.lemmas import form_table
from streams.extraction.components.roles import _heads, _phrase
from streams.extraction.components.truecase import one_case, restore


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_engine_v2_components_coordination_gives_each_conjunct() -> None:
    # "militants attacked Gao and Kidal": Kidal is coordinated with Gao
    doc = _parsed(
        ["militants", "attacked", "Gao", "and", "Kidal"],
        [1, 1, 1, 2, 2],
        ["nsubj", "ROOT", "dobj", "cc", "conj"],
    )
    assert [t.text for t in _heads(doc[2])] == ["Gao", "Kidal"]


def test_engine_v2_components_phrase_takes_left_modifiers_only() -> None:
    # "at least six people who fled": the count's words, not the relative clause
    doc = _parsed(
        ["at", "least", "six", "people", "who", "fled"],
        [1, 2, 3, 3, 5, 3],
        ["advmod", "advmod", "nummod", "ROOT", "nsubj", "relcl"],
    )
    start, end = _phrase(doc[3])
    assert doc.text[start:end] == "at least six people"


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("killed", "kill"),
        ("killing", "kill"),
        ("clashes", "clash"),
        ("seized", "seize"),
        ("fought", "fight"),
        ("casualties", "casualty"),
        ("kidnapped", "kidnap"),
    ],
)
def test_engine_v2_components_lookup_lemmas(form: str, lemma: str) -> None:
    assert form_table()[form] == lemma


def test_engine_v2_components_patterns_reject_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        TriggerPattern.model_validate(
            {"id": "x", "event_type": "armed_clash", "pattern": [{"LOWER": "x"}], "colour": 1}
        )
    with pytest.raises(ValidationError):
        RolePattern.model_validate({"id": "x", "role": "victim", "pattern": [{}, {}]})


def test_engine_v2_components_every_pattern_emits_a_spec_type() -> None:
    for family in families():
        for trigger in family.triggers:
            assert trigger.emitted_type()  # raises when neither type is in the spec


def test_engine_v2_components_truecase_restores_one_case_text_only() -> None:
    lower = "troops shelled positions near kherson on sunday. the army said so."
    assert one_case(lower)
    restored = restore(lower)
    assert len(restored) == len(lower)
    assert "near Kherson on Sunday. The army" in restored
    mixed = "Troops shelled positions near Kherson on Sunday, the army said."
    assert restore(mixed) == mixed


def test_engine_v2_components_registry_snapshot() -> None:
    """Which engine serves which family: a change here is a visible change."""
    served = pipeline.engine_families()
    assert pipeline.COMPONENTS == (
        "streams_annotate",
        "streams_lemmas",
        "streams_triggers",
        "streams_legacy_conflict",
        "streams_parse",
        "streams_roles",
    )
    assert sorted(k for k, v in served["spacy"].items() if v.startswith("conflict_v2")) == [
        "battles",
        "casualties",
        "explosions",
        "violence_against_civilians",
    ]
    assert "attack" in served["legacy"]
    assert served["spacy"]["protests"] == served["spacy"]["riots"] == "unrest_v2@0.1.0"
    assert served["spacy"]["strategic"] == "strategic_v2@0.1.0"
    assert not {"arrest", "protest"} & set(served["spacy"])
    assert "attack" not in served["spacy"]
    assert sorted(k for k, v in served["spacy"].items() if v.startswith("verbal_v2")) == [
        "aid",
        "diplomacy",
        "humanitarian",
        "sanctions",
        "statements",
    ]
    still_legacy = sorted(k for k, v in served["spacy"].items() if v.endswith("(legacy)"))
    assert still_legacy == []  # every family has its v2 module


def test_engine_v2_components_parse_only_trigger_sentences() -> None:
    from datetime import UTC, datetime

    from streams.schemas import Article

    text = (
        "The council met on Monday to discuss the budget. "
        "Attackers threw a grenade into a bar in Bujumbura, wounding nine people. "
        "The weather stayed dry."
    )
    doc = pipeline.run(Article(text=text, published_at=datetime(2025, 3, 4, tzinfo=UTC)))
    parsed = [p.text for p in doc._.parses.values()]
    assert parsed == ["Attackers threw a grenade into a bar in Bujumbura, wounding nine people."]


def test_engine_v2_components_after_an_event_only_a_toll_sentence_is_parsed() -> None:
    """A sentence shortly after an event's sentence is parsed for its counts ('Two of the
    wounded died'), not for a weak cue of another family ('the protest')."""
    from datetime import UTC, datetime

    from streams.schemas import Article

    text = (
        "Attackers threw a grenade into a bar in Bujumbura, wounding nine people. "
        "Shopkeepers said the protest had emptied the market. "
        "Two of the wounded died on Tuesday."
    )
    doc = pipeline.run(Article(text=text, published_at=datetime(2025, 3, 4, tzinfo=UTC)))
    assert [p.text for p in doc._.parses.values()] == [
        "Attackers threw a grenade into a bar in Bujumbura, wounding nine people.",
        "Two of the wounded died on Tuesday.",
    ]


def test_engine_v2_components_setting_selects_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from streams.extraction import extract
    from streams.schemas import Article
    from streams.settings import get_settings

    text = "Attackers threw a grenade into a bar in Bujumbura on Monday, wounding nine people."
    article = Article(text=text, published_at=datetime(2025, 3, 4, tzinfo=UTC))
    get_settings.cache_clear()
    try:
        monkeypatch.setenv("STREAMS_ENGINE", "spacy")
        assert [e.extractor.name for e in extract(article)] == ["conflict_v2"]
        get_settings.cache_clear()
        monkeypatch.setenv("STREAMS_ENGINE", "legacy")
        assert "conflict_v2" not in [e.extractor.name for e in extract(article)]
    finally:
        get_settings.cache_clear()
