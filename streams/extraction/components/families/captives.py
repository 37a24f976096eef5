"""An abduction whose captives are also harmed (docs/codebook.md 'Abduction vs arrest'):
raped in the abduction's sentence, or in the next sentence that takes them up ('The victims
were raped'), it is sexual violence; killed or hurt, an attack on civilians. The word classes
are data (data/en/captives.json). An arrest whose detainees are beaten or tortured in custody
is an attack on civilians too (harmed_detainees)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.roles import tokens_within

ABDUCTION = "abduction"
SEXUAL = "sexual_violence"
ATTACK = "attack_on_civilians"


class CaptiveCues(CueFile):
    harm_lemmas: frozenset[str]
    sexual_lemmas: frozenset[str]
    references: frozenset[str]
    accusations: frozenset[str]
    detainee_harm_lemmas: frozenset[str]
    detainee_references: frozenset[str]
    reasons: frozenset[str]


def captive_cues() -> CaptiveCues:
    found: CaptiveCues = load(CaptiveCues, "captives.json")
    return found


def harmed_captives(doc: Doc, index: int, kind: str) -> str:
    """The type of the abduction told in sentence `index`: sexual violence or an attack where
    the captives are also raped or hurt, else kind (any type but an abduction is kept)."""
    if kind != ABDUCTION:
        return kind
    cues = captive_cues()
    tokens = _told(doc, index, cues.references)
    lemmas = {t.lemma_.lower() for i, t in enumerate(tokens) if not _charged(tokens[:i])}
    if lemmas & cues.sexual_lemmas:
        return SEXUAL
    return ATTACK if lemmas & cues.harm_lemmas else kind


ARREST = "arrest"


def harmed_detainees(doc: Doc, index: int, kind: str) -> str:
    """The type of the arrest told in sentence `index`: an attack on civilians where the
    detainees are also beaten or tortured ('arrested and tortured him', 'They were beaten in
    detention'), else kind; harm named as the reason of the arrest ('arrested for beating his
    wife', 'accused of torture') is no harm to the detainee."""
    if kind != ARREST:
        return kind
    cues = captive_cues()
    tokens = _told(doc, index, cues.references | cues.detainee_references)
    stops = cues.accusations | cues.reasons
    harm = {
        t.lemma_.lower()
        for i, t in enumerate(tokens)
        if not any(b.lower_ in stops for b in tokens[max(0, i - SUBJECT_WORDS + 1) : i])
    }
    return ATTACK if harm & cues.detainee_harm_lemmas else kind


SUBJECT_WORDS = 3
"""How many words open a sentence that takes up the captives ('The two victims were ...')."""


def _charged(before: list[Token]) -> bool:
    """'abducted four boys accused of rape': a harm word right after a word of accusation is
    a charge, not harm done to the captives."""
    return any(t.lower_ in captive_cues().accusations for t in before[-SUBJECT_WORDS:])


def _told(doc: Doc, index: int, references: frozenset[str]) -> list[Token]:
    """The tokens of the abduction's sentence, and of the next one when it opens by taking
    up the captives ('They were found dead', 'The victims were raped')."""
    sentences = annotated(doc).sentences
    first = sentences[index]
    tokens = list(tokens_within(doc, first.start, first.end))
    if index + 1 >= len(sentences):
        return tokens
    after = sentences[index + 1]
    following = [t for t in tokens_within(doc, after.start, after.end) if not t.is_space]
    if {t.lower_ for t in following[:SUBJECT_WORDS]} & references:
        tokens += following
    return tokens
