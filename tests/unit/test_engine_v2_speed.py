"""Engine v2's speed-ups give what the plain spaCy calls give (the texts are written for these
tests and are in no gold set)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import spacy
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc

from streams.extraction import pipeline
from streams.extraction.components.roles import Roles, role_patterns
from streams.extraction.components.triggers import Triggers, family_of
from streams.extraction.components.windows import KeywordMatcher, keyword
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


def _plain(matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    """The plain Matcher's matches by (start, end), equal spans in its own order."""
    return sorted(matcher(doc), key=lambda m: (m[1], m[2]))


@pytest.mark.parametrize("n", range(len(TEXTS)))
def test_engine_v2_speed_keyword_matcher_gives_the_matchers_matches(n: int) -> None:
    doc = _before_triggers(TEXTS[n], n)
    triggers = pipeline.language().get_pipe("streams_triggers")
    assert isinstance(triggers, Triggers)
    assert triggers.matcher.bounded
    assert triggers.matcher(doc) == _plain(triggers.matcher.matcher, doc)
    if n == 0:
        assert triggers.matcher(doc)  # a text with triggers has matches


def _words(text: str) -> list[str]:
    return text.split(" ")


def test_engine_v2_speed_keyword_matcher_optional_tokens_and_equal_spans() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=_words("the old red barn burned and a red barn fell near the shed"))
    patterns = {
        "barn": [{"LOWER": "red", "OP": "?"}, {"LOWER": "barn"}, {"OP": "?"}],
        "building": [{"LOWER": {"IN": ["barn", "shed"]}}],
        "red_barn": [{"LOWER": "red"}, {"LOWER": "barn"}],
        "any_barn": [{"LOWER": "red", "OP": "?"}, {"LOWER": "barn"}],
    }
    keyed = KeywordMatcher(vocab, patterns)
    assert keyed.bounded
    assert keyword(patterns["barn"]) == ("LOWER", ["barn"])
    assert keyed._keyword_tokens(doc)
    doc[0].lemma_ = "the"  # a lemma set: the windowed path runs
    assert keyed(doc) == _plain(keyed.matcher, doc)
    assert len({(s, e) for _, s, e in keyed(doc)}) < len(keyed(doc))  # equal spans compared


def test_engine_v2_speed_keyword_matcher_falls_back_when_unbounded() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=_words("a red cart and a red barn fell"))
    keyed = KeywordMatcher(vocab, {"long": [{"LOWER": "red"}, {"OP": "+"}, {"LOWER": "fell"}]})
    assert not keyed.bounded
    assert keyed(doc) == _plain(keyed.matcher, doc)


def test_engine_v2_speed_keyword_matcher_skips_text_without_keywords() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=_words("a quiet day in the hills"))
    assert KeywordMatcher(vocab, {"barn": [{"LOWER": "barn"}]})._keyword_tokens(doc) == {}


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
    from streams.extraction.nlp import MODEL_PACKAGE

    plain = spacy.load(MODEL_PACKAGE, exclude=["ner", "senter"])
    text = TEXTS[0] + " " + TEXTS[1]
    assert [t.lemma_ for t in model()(text)] == [t.lemma_ for t in plain(text)]


def test_engine_v2_speed_indexed_ruler_finds_the_plain_matches() -> None:
    from streams.extraction.nlp import MODEL_PACKAGE
    from streams.extraction.ruler_index import IndexedMatcher

    ruler = model().get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher)
    plain = spacy.load(MODEL_PACKAGE, exclude=["ner", "senter"]).get_pipe("attribute_ruler")
    text = "\n\n".join(TEXTS) + " They aren't gonna wait, whether or not it rains."
    for doc in model().pipe([text], disable=["attribute_ruler", "lemmatizer"]):
        assert ruler.match(doc) == plain.match(doc)
        assert sorted(ruler.matcher(doc, allow_missing=True)) == sorted(
            plain.matcher(doc, allow_missing=True)
        )


def _depmatchers(patterns: dict[str, list[dict[str, object]]]) -> tuple[object, object]:
    from streams.extraction.components.depmatch import IndexedDependencyMatcher

    plain, indexed = DependencyMatcher(model().vocab), IndexedDependencyMatcher(model().vocab)
    for key, pattern in patterns.items():
        plain.add(key, [pattern])
        indexed.add(key, [pattern])
    return plain, indexed


def test_engine_v2_speed_indexed_dependency_matcher_gives_the_plain_matches() -> None:
    from streams.extraction.components.roles import ANCHOR, _anchored

    patterns = {k: _anchored(p.pattern) for k, (_f, p) in role_patterns().items()}
    plain, indexed = _depmatchers(patterns)
    compared = 0
    for parsed in model().pipe(s for text in TEXTS for s in text.split(". ")):
        for anchor in range(0, len(parsed), 2):
            parsed[anchor]._.set(ANCHOR, True)
            found = indexed(parsed)  # type: ignore[operator]
            assert found == plain(parsed)  # type: ignore[operator]
            compared += len(found)
            parsed[anchor]._.set(ANCHOR, False)
    assert compared  # some anchored matches were compared


def test_engine_v2_speed_indexed_dependency_matcher_reads_not_in_and_falls_back() -> None:
    subject = {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}}
    patterns = {
        "not_in": [
            {"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB", "LEMMA": {"NOT_IN": ["fire"]}}},
            subject,
        ],
        "any_verb": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}}, subject],
    }
    regex = {"re": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^burn"}}}, subject]}
    texts = ["Soldiers fired rockets.", "Villagers burned tyres.", "Rebels shelled the town."]
    for spec, indexed_path in ((patterns, True), (regex, False)):
        plain, indexed = _depmatchers(spec)
        assert (indexed._index() is not None) == indexed_path  # type: ignore[attr-defined]
        found = []
        for parsed in model().pipe(texts):
            found.append(indexed(parsed))  # type: ignore[operator]
            assert found[-1] == plain(parsed)  # type: ignore[operator]
        assert sum(map(len, found)) >= 1  # the verbs with subjects match


def test_engine_v2_speed_batched_extraction_gives_the_one_by_one_results() -> None:
    from streams.extraction import run_extraction, run_extractions

    when = datetime(2026, 3, 5, tzinfo=UTC)
    articles = [_article(text, n) for n, text in enumerate(TEXTS)]
    alone = [run_extraction(a, extracted_at=when, engine="spacy") for a in articles]
    together = run_extractions(articles, extracted_at=when, engine="spacy")
    assert [r.events for r in together] == [r.events for r in alone]
    assert any(r.events for r in alone)


def test_engine_v2_speed_verbal_sentences_parsed_in_the_one_pass() -> None:
    from streams.extraction.components.families import verbal_events

    doc = pipeline.run(_article(TEXTS[1], 1))
    ahead = dict(doc._.verbal_parses)
    assert ahead  # the truce and the sanctions sentences: parsed with the trigger sentences
    assert not set(ahead) & set(doc._.parses)  # kept aside until the verbal families ask
    roles = pipeline.language().get_pipe("streams_roles")
    verbal_events.verbal_protos(doc, [], roles)
    assert all(doc._.parses[start] is parsed for start, parsed in ahead.items())
