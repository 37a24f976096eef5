"""streams_legacy_conflict: the legacy conflict rules (extractors/attack.py) as the fallback of
the ported families: their events (doc._.legacy_conflict) are refined by the syntax roles, and
the sentences of those with a role left empty are parsed (doc._.legacy_sentences)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from streams.extraction.components.annotation import annotated
from streams.extraction.extractors import attack
from streams.extraction.extractors.common import Proto

if not Doc.has_extension("legacy_conflict"):
    Doc.set_extension("legacy_conflict", default=None)


def _complete(proto: Proto) -> bool:
    """Nothing for the syntax roles to fill: its sentence needs no parse."""
    has_count = proto.killed is not None or proto.injured is not None
    return bool(proto.role("initiator") and proto.role("target") and proto.locations) and has_count


class LegacyConflict:
    def __call__(self, doc: Doc) -> Doc:
        ann = annotated(doc)
        protos = attack.extract(ann) if ann.english else []
        doc._.legacy_conflict = protos
        doc._.legacy_sentences = frozenset(p.sentence.start for p in protos if not _complete(p))
        return doc


@Language.factory(
    "streams_legacy_conflict", assigns=["doc._.legacy_conflict", "doc._.legacy_sentences"]
)
def make_legacy_conflict(nlp: Language, name: str) -> LegacyConflict:
    return LegacyConflict()
