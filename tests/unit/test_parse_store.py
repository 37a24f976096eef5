"""nlp.parse: the model's parses, a sentence asked again copied from its kept parse (the
sentences are written for these tests and are in no gold set)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from streams.extraction import nlp
from streams.extraction.nlp import forget_parses, parse, pipeline

FIRST = "Militiamen burned the granary at dawn and drove the herders east."
SECOND = "The district officer said the road to the market was closed."
THIRD = "Three boats were seized by the coast guard near the estuary."


def _reading(doc: Doc) -> list[tuple[str, int, str, str, str, str, str, bool]]:
    return [
        (t.text, t.idx, t.dep_, t.head.text, t.pos_, t.tag_, t.lemma_, bool(t.is_sent_start))
        for t in doc
    ]


@pytest.fixture(autouse=True)
def _empty_store() -> None:
    forget_parses()


def test_parse_gives_the_pipelines_parse_for_fresh_and_kept_texts() -> None:
    plain = [_reading(d) for d in pipeline().pipe([FIRST, SECOND])]
    first = parse([FIRST, SECOND])
    again = parse([SECOND, FIRST, SECOND])
    assert [_reading(d) for d in first] == plain
    assert [_reading(d) for d in again] == [plain[1], plain[0], plain[1]]
    assert first[0].to_bytes() == again[1].to_bytes()
    assert [t.dep_ for t in first[0] if t.text == "Militiamen"] == ["nsubj"]


def test_parse_gives_each_caller_a_doc_of_its_own() -> None:
    first, same = parse([FIRST, FIRST])
    assert first is not same
    first.user_data["note"] = 1
    first[0].lemma_ = "changed"
    later = parse([FIRST])[0]
    assert "note" not in same.user_data and "note" not in later.user_data
    assert later[0].lemma_ == same[0].lemma_ != "changed"


def test_parse_keeps_only_the_last_texts_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "PARSES_KEPT", 2)
    parse([FIRST, SECOND])
    parse([FIRST, THIRD])  # FIRST asked again: SECOND is the oldest, dropped
    assert list(nlp._kept) == [FIRST, THIRD]
    calls: list[list[str]] = []
    model = pipeline()
    real = model.pipe

    def counted(texts: list[str]) -> object:
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(model, "pipe", counted)
    assert [_reading(d) for d in parse([SECOND, THIRD])] == [
        _reading(d) for d in real([SECOND, THIRD])
    ]
    assert calls == [[SECOND]]  # THIRD was kept, SECOND parsed again
    assert list(nlp._kept) == [THIRD, SECOND]
