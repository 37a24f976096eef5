"""The installed statistical model parses: a broken or missing model install fails here."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from streams.errors import ConfigError
from streams.extraction import nlp


def _roles(doc: Doc) -> dict[str, tuple[str, str]]:
    """word -> (dependency label, head word)."""
    return {tok.text: (tok.dep_, tok.head.text) for tok in doc}


def test_model_is_the_pinned_version_with_the_needed_components() -> None:
    assert nlp.model_version() == nlp.MODEL_VERSION
    pipe = nlp.pipeline()
    assert tuple(pipe.pipe_names) == nlp.COMPONENTS
    assert pipe is nlp.pipeline()  # loaded once


def test_active_clause_subject_and_object() -> None:
    roles = _roles(nlp.pipeline()("Militiamen burned the granary at dawn."))
    assert roles["Militiamen"] == ("nsubj", "burned")
    assert roles["granary"] == ("dobj", "burned")


def test_passive_clause_subject_and_agent() -> None:
    doc = nlp.pipeline()("The ferry was seized by pirates near the harbour.")
    roles = _roles(doc)
    assert roles["ferry"] == ("nsubjpass", "seized")
    assert roles["by"] == ("agent", "seized")
    assert roles["pirates"] == ("pobj", "by")


def test_tagger_and_lemmatizer_run() -> None:
    doc = nlp.pipeline()("Farmers were detained.")
    assert [tok.pos_ for tok in doc] == ["NOUN", "AUX", "VERB", "PUNCT"]
    assert [tok.lemma_ for tok in doc][:3] == ["farmer", "be", "detain"]


def test_another_installed_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "MODEL_VERSION", "3.7.1")
    with pytest.raises(ConfigError, match=r"streams needs 3\.7\.1"):
        nlp.model_version()
