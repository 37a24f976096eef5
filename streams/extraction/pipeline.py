"""The v2 engine: a spaCy Language of registered components built from one config.

    tokenizer -> streams_annotate (sentences, places, actors, dates) -> streams_lemmas
    -> streams_triggers -> streams_parse (trigger sentences only) -> streams_roles

then events: the ported families from triggers + roles (components/events.py), the families
not yet ported through their legacy extractors on the same annotation (the hybrid)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from streams.extraction import components
from streams.extraction.annotate import Annotated
from streams.extraction.components.annotation import annotated
from streams.extraction.components.date_anchor import redate
from streams.extraction.components.events import NAME, PORTED_FAMILIES, VERSION, conflict_protos
from streams.extraction.components.families import (
    capital,
    claimed_doers,
    coded_place,
    framing,
    note_places,
    strategic,
    text_region,
    unrest,
    verbal,
)
from streams.extraction.components.families import verbal_events as verbal_family
from streams.extraction.components.parse import parse_docs
from streams.extraction.components.roles import Roles
from streams.extraction.extractors import attack
from streams.extraction.extractors import unrest as legacy_unrest
from streams.extraction.extractors.common import Proto
from streams.extraction.headings import blank_headings
from streams.extraction.registry import Registered, registered
from streams.schemas import Article

COMPONENTS: tuple[str, ...] = (
    "streams_annotate",
    "streams_lemmas",
    "streams_triggers",
    "streams_legacy_conflict",
    "streams_parse",
    "streams_roles",
)
"""The component order: the one config of the pipeline."""
T = TypeVar("T")

LEGACY_REPLACED = (
    frozenset({attack.NAME, legacy_unrest.ARREST[0], legacy_unrest.PROTEST[0]})
    | verbal_family.LEGACY_NAMES
)
"""Legacy extractors whose families the v2 components serve (their rules remain fallbacks)."""


@lru_cache(maxsize=1)
def language() -> Language:
    assert components.__all__  # the import registers the factories
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def make_doc(article: Article) -> Doc:
    text = blank_headings(article.text)  # 'Arrests: ...': no rule reads a heading's words
    if text != article.text:
        article = article.model_copy(update={"text": text})
    doc = language().make_doc(article.text)
    doc._.article = article
    doc.user_data["text"] = article.text  # doc.text (the tokenizer keeps every character)
    return doc


def run(article: Article) -> Doc:
    """The article through every component."""
    doc = make_doc(article)
    for _name, component in language().pipeline:
        doc = component(doc)
    return doc


def run_many(articles: Sequence[Article]) -> list[Doc | Exception]:
    """Each article through every component, as `run` gives it (or the exception `run` would
    raise), with the model run once over the sentences streams_parse parses in all of them:
    its cost per call is paid once per batch, not once per article."""
    done: list[Doc | Exception] = [_through(make_doc, a, _BEFORE_PARSE) for a in articles]
    docs = [d for d in done if isinstance(d, Doc)]
    try:
        parse_docs(docs)
    except Exception:  # one article's failure: each alone, as `run` would
        done = [_through(_same, d, ("streams_parse",)) for d in done]
    return [_through(_same, d, _AFTER_PARSE) for d in done]


_BEFORE_PARSE = COMPONENTS[: COMPONENTS.index("streams_parse")]
_AFTER_PARSE = COMPONENTS[COMPONENTS.index("streams_parse") + 1 :]


def _same(doc: Doc) -> Doc:
    return doc


def _through(
    start: Callable[[T], Doc], item: T | Exception, names: Sequence[str]
) -> Doc | Exception:
    """The item through the named components, or the exception that stopped it."""
    if isinstance(item, Exception):
        return item
    try:
        doc = start(item)
        for name in names:
            doc = language().get_pipe(name)(doc)
    except Exception as exc:
        return exc
    return doc


def hybrid_extractors() -> tuple[Registered, ...]:
    """The legacy extractors the v2 engine still runs (families not yet ported)."""
    return tuple(e for e in registered() if e.name not in LEGACY_REPLACED)


def engine_families() -> dict[str, dict[str, str]]:
    """Which engine serves which family: {"spacy": {family: extractor}, "legacy": {...}}."""
    legacy = {e.name: f"{e.name}@{e.version}" for e in registered()}
    spacy_side = dict.fromkeys(sorted(PORTED_FAMILIES), f"{NAME}@{VERSION}")
    spacy_side |= dict.fromkeys(sorted(verbal.FAMILIES), f"{verbal.NAME}@{verbal.VERSION}")
    spacy_side |= {family: "@".join(name) for family, name in FAMILY_NAMES.items()}
    spacy_side |= {e.name: f"{e.name}@{e.version} (legacy)" for e in hybrid_extractors()}
    return {"legacy": legacy, "spacy": spacy_side}


FAMILY_NAMES = {"protests": unrest.NAME, "riots": unrest.NAME, "strategic": strategic.NAME}
"""The families served by family modules (components/families/)."""


def family_events(doc: Doc) -> list[Proto]:
    """The events of the family modules: protests and riots, strategic developments."""
    protos = unrest.unrest_protos(doc) + strategic.strategic_protos(doc)
    redate(doc, protos)  # a date tied to another noun or clause (components/date_anchor)
    return protos


def conflict_events(doc: Doc) -> list[Proto]:
    """The ported families' events: legacy attack rules as fallback, refined by syntax."""
    protos = conflict_protos(doc, doc._.legacy_conflict or [])
    redate(doc, protos)
    claimed_doers.name_unnamed_doers(
        annotated(doc), protos
    )  # 'gunmen' -> the group the story names
    return protos


def verbal_events(doc: Doc, conflict: list[Proto]) -> list[Proto]:
    """The verbal families' events: legacy rules as fallback, judged and completed by syntax."""
    roles = language().get_pipe("streams_roles")
    assert isinstance(roles, Roles)
    return verbal_family.verbal_protos(doc, conflict, roles)


def complete_places(ann: Annotated, protos: list[Proto]) -> None:
    """Places written with their units ("X village (A, B)"): components/families/note_places;
    'in the capital': components/families/capital; a riot told in the opening sentence is the
    text's news, kept unlocated (families/unrest); 'coordinates for X used': the place the
    note says the event is coded at (families/coded_place)."""
    note_places.complete_places(ann, protos)
    capital.place_in_capital(ann, protos)
    unrest.lead_unrest(ann, protos)
    coded_place.place_coded(ann, protos)


def place_merged(ann: Annotated, merged: list[Proto]) -> None:
    """After the merge: an event still unplaced takes the text's place when all its places lie
    in one region (components/families/text_region)."""
    text_region.place_in_text_region(ann, merged)


def mark_framed(doc: Doc, protos: list[Proto]) -> None:
    """Mark the events told as no happening (hypothetical, habitual, of an earlier year, what a
    proceeding is about, a describing participle): merging drops them with the tolls that
    join them (components/families/framing)."""
    framing.mark_framed(doc, protos)
