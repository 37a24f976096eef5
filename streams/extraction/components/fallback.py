"""streams_legacy_conflict: the legacy conflict rules (extractors/attack.py) as the fallback of
the ported families: their events (doc._.legacy_conflict) are refined by the syntax roles, and
their sentences are parsed (doc._.legacy_sentences)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from streams.extraction.components.annotation import annotated
from streams.extraction.extractors import attack

if not Doc.has_extension("legacy_conflict"):
    Doc.set_extension("legacy_conflict", default=None)


class LegacyConflict:
    def __call__(self, doc: Doc) -> Doc:
        ann = annotated(doc)
        protos = attack.extract(ann) if ann.english else []
        doc._.legacy_conflict = protos
        doc._.legacy_sentences = frozenset(p.sentence.start for p in protos)
        return doc


@Language.factory(
    "streams_legacy_conflict", assigns=["doc._.legacy_conflict", "doc._.legacy_sentences"]
)
def make_legacy_conflict(nlp: Language, name: str) -> LegacyConflict:
    return LegacyConflict()
