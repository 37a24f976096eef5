"""streams_parse: en_core_web_sm (tagger + parser, streams/extraction/nlp.py) on the trigger
sentences only, plus the sentence before when the trigger sentence opens with a pronoun or has
no subject. doc._.parses maps a sentence's start character to its parsed Doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from streams.extraction.components.families.conflict import TOLL_GAP, refers_back
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.nlp import pipeline

for _name in ("parses", "legacy_sentences"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def needs_previous(parsed: Doc) -> bool:
    """'They shelled the town', 'Killed three people near ...': the actor is in the sentence
    before."""
    first = next((t for t in parsed if not t.is_punct and not t.is_space), None)
    if first is not None and first.pos_ == "PRON":
        return True
    return not any(t.dep_ in _SUBJECTS for t in parsed)


def trigger_sentences(doc: Doc) -> list[Span]:
    """Sentences worth a parse: one with a legacy conflict event (its empty roles may be
    filled) or with a trigger that can make an event alone (no context needed, not counts-only).
    """
    legacy: set[int] = set(doc._.legacy_sentences or ())
    seen: dict[int, Span] = {}
    by_sentence: dict[int, list[Span]] = {}
    for trigger in doc.spans.get("triggers", []):
        sent = trigger.sent
        by_sentence.setdefault(sent.start, []).append(trigger)
        pattern = trigger._.pattern
        # a weak cue that names its doer ('militants arrived in X') is read with its roles
        weak_ok = pattern.two_sided or pattern.needs_agent
        alone = (not pattern.needs_context or weak_ok) and family_of(pattern.id) not in COUNT_ONLY
        if alone or sent.start_char in legacy:
            seen.setdefault(sent.start, sent)
    for start, triggers in by_sentence.items():
        if start not in seen and (refers_back(doc, triggers) or _toll_after(doc, start, seen)):
            seen[start] = triggers[0].sent  # counts told of an earlier attack
    return [seen[k] for k in sorted(seen)]


def _toll_after(doc: Doc, start: int, seen: dict[int, Span]) -> bool:
    """'... clashed with rebels. A rebel died.': counts shortly after a trigger sentence."""
    for _ in range(TOLL_GAP):
        if start == 0:
            return False
        start = doc[start - 1].sent.start
        if start in seen:
            return True
    return False


class Parse:
    def __call__(self, doc: Doc) -> Doc:
        model = pipeline()
        sents = trigger_sentences(doc)
        parses: dict[int, Doc] = {}
        for sent, parsed in zip(sents, model.pipe(s.text for s in sents), strict=True):
            parses[sent.start_char] = parsed
        wanted: dict[int, Span] = {}
        for sent in sents:
            if sent.start > 0 and needs_previous(parses[sent.start_char]):
                before = doc[sent.start - 1].sent
                if before.start_char not in parses:
                    wanted[before.start_char] = before
        for start, parsed in zip(wanted, model.pipe(b.text for b in wanted.values()), strict=True):
            parses[start] = parsed
        doc._.parses = parses
        return doc


@Language.factory("streams_parse", assigns=["doc._.parses"])
def make_parse(nlp: Language, name: str) -> Parse:
    return Parse()
