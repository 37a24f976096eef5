"""streams_parse: en_core_web_sm (tagger + parser, streams/extraction/nlp.py) on the trigger
sentences only, plus the sentence before when the trigger sentence opens with a pronoun or has
no subject. doc._.parses maps a sentence's start character to its parsed Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from streams.extraction.nlp import pipeline

if not Doc.has_extension("parses"):
    Doc.set_extension("parses", default=None)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def _needs_previous(parsed: Doc) -> bool:
    """'They shelled the town', 'Killed three people near ...': the actor is in the sentence
    before."""
    first = next((t for t in parsed if not t.is_punct and not t.is_space), None)
    if first is not None and first.pos_ == "PRON":
        return True
    return not any(t.dep_ in _SUBJECTS for t in parsed)


def trigger_sentences(doc: Doc) -> list[Span]:
    seen: dict[int, Span] = {}
    for trigger in doc.spans.get("triggers", []):
        sent = trigger.sent
        seen.setdefault(sent.start, sent)
    return [seen[k] for k in sorted(seen)]


class Parse:
    def __call__(self, doc: Doc) -> Doc:
        model = pipeline()
        sents = trigger_sentences(doc)
        parses: dict[int, Doc] = {}
        for sent, parsed in zip(sents, model.pipe(s.text for s in sents), strict=True):
            parses[sent.start_char] = parsed
            if sent.start > 0 and _needs_previous(parsed):
                before = doc[sent.start - 1].sent
                if before.start_char not in parses:
                    parses[before.start_char] = model(before.text)
        doc._.parses = parses
        return doc


@Language.factory("streams_parse", assigns=["doc._.parses"])
def make_parse(nlp: Language, name: str) -> Parse:
    return Parse()
