"""Engine v2's speed-ups give what the plain spaCy calls give (the texts are written for these
tests and are in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from streams.extraction import pipeline
from streams.extraction.components.roles import Roles, role_patterns
from streams.extraction.components.triggers import Triggers, family_of
from streams.extraction.components.windows import KeywordWindows, keyword
from streams.extraction.nlp import pipeline as model
from streams.schemas import Article

TEXTS = (
    "Gunmen on motorbikes stormed a cattle market near the river on Tuesday and shot dead "
    "four traders, the district governor said. Angry villagers later burned two trucks and "
    "set the police post ablaze. Soldiers defused three roadside bombs and seized rifles.",
    "The two delegations agreed to a truce after talks in the capital. Officials said the "
    "ministry had lifted some sanctions. Rebels shot down a drone over the dam and fired "
    "rockets at an army base, wounding six soldiers.",
    "Nothing happened here. The weather was mild and the harvest was good.",
)


def _article(text: str, n: int) -> Article:
    return Article(
        id=f"speed-{n}",
        text=text,
        source="test",
        language="en",
        published_at=datetime(2026, 3, 4, tzinfo=UTC),
    )


def _before_triggers(text: str, n: int) -> Doc:
    doc = pipeline.make_doc(_article(text, n))
    for name, component in pipeline.language().pipeline:
        if name == "streams_triggers":
            return doc
        doc = component(doc)
    raise AssertionError("no streams_triggers component")


@pytest.mark.parametrize("n", range(len(TEXTS)))
def test_engine_v2_speed_keyword_windows_give_the_matchers_matches(n: int) -> None:
    doc = _before_triggers(TEXTS[n], n)
    triggers = pipeline.language().get_pipe("streams_triggers")
    assert isinstance(triggers, Triggers)
    assert triggers.windows.bounded
    assert triggers.windows.matches(triggers.matcher, doc) == list(triggers.matcher(doc))


def test_engine_v2_speed_keyword_windows_found_matches() -> None:
    doc = _before_triggers(TEXTS[0], 0)
    triggers = pipeline.language().get_pipe("streams_triggers")
    assert isinstance(triggers, Triggers)
    assert triggers.windows.matches(triggers.matcher, doc)  # a text with triggers has matches


def test_engine_v2_speed_keyword_windows_optional_and_unbounded_patterns() -> None:
    vocab = Vocab()
    doc = Doc(
        vocab, words=["the", "old", "red", "barn", "burned", "and", "a", "red", "barn", "fell"]
    )
    optional = [[{"LOWER": "red", "OP": "?"}, {"LOWER": "barn"}, {"OP": "?"}]]
    matcher = Matcher(vocab)
    matcher.add("barn", optional)
    windows = KeywordWindows(vocab, optional)
    assert windows.bounded
    assert keyword(optional[0]) == ("LOWER", ["barn"])
    assert windows.matches(matcher, doc) == list(matcher(doc))
    unbounded = [[{"LOWER": "red"}, {"OP": "+"}, {"LOWER": "fell"}]]
    assert not KeywordWindows(vocab, unbounded).bounded


def test_engine_v2_speed_keyword_windows_skip_text_without_keywords() -> None:
    vocab = Vocab()
    doc = Doc(vocab, words=["a", "quiet", "day", "in", "the", "hills"])
    windows = KeywordWindows(vocab, [[{"LOWER": "barn"}]])
    assert windows.windows(doc) == []


def _plain_roles(parsed: Doc, anchors: set[int], family: str) -> list[tuple[str, list[int]]]:
    """The unoptimised matching: every role pattern, filtered afterwards."""
    matcher = DependencyMatcher(parsed.vocab)
    for key, (_family, pattern) in role_patterns().items():
        matcher.add(key, [pattern.pattern])
    out = []
    for match_id, ids in matcher(parsed):
        key = parsed.vocab.strings[match_id]
        if role_patterns()[key][0] == family and ids[0] in anchors:
            out.append((key, ids))
    return out


def test_engine_v2_speed_anchored_role_matches_equal_plain_matches() -> None:
    doc = pipeline.run(_article(TEXTS[1], 1))
    roles = pipeline.language().get_pipe("streams_roles")
    assert isinstance(roles, Roles)
    compared = 0
    for trigger in doc.spans["triggers"]:
        parsed = doc._.parses.get(trigger.sent.start_char)
        if parsed is None:
            continue
        offset = trigger.sent.start_char
        anchors = {
            t.i for t in parsed if trigger.start_char - offset <= t.idx < trigger.end_char - offset
        }
        family = family_of(trigger._.pattern.id)
        assert roles._matches(parsed, family, anchors) == _plain_roles(parsed, anchors, family)
        compared += 1
    assert compared


def test_engine_v2_speed_sentence_starts_from_the_annotation() -> None:
    doc = pipeline.run(_article(TEXTS[0], 0))
    starts = [s.start_char for s in doc.sents]
    assert starts == sorted({0, *(s.start for s in doc._.annotated.sentences)})


def test_engine_v2_speed_lemma_index_sets_keep_the_lemmas() -> None:
    import spacy

    from streams.extraction.nlp import MODEL_PACKAGE

    plain = spacy.load(MODEL_PACKAGE, exclude=["ner", "senter"])
    text = TEXTS[0] + " " + TEXTS[1]
    assert [t.lemma_ for t in model()(text)] == [t.lemma_ for t in plain(text)]
