"""streams_parse: en_core_web_sm (tagger + parser, streams/extraction/nlp.py) on the trigger
sentences only, plus the sentence before when the trigger sentence opens with a pronoun or has
no subject. doc._.parses maps a sentence's start character to its parsed Doc."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from streams.extraction.components.families import verbal, verbal_events
from streams.extraction.components.families.acts import TERRITORY
from streams.extraction.components.families.conflict import TOLL_GAP, refers_back
from streams.extraction.components.families.headlines import headline_verbs, reduced_passives
from streams.extraction.components.triggers import COUNT_ONLY, family_of, trigger_rows
from streams.extraction.nlp import parse_spans

for _name in ("parses", "verbal_parses", "legacy_sentences"):
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


_PLACED = frozenset({"strategic"})
"""Families whose weak cues ('began deploying') read their place from the parse."""


def trigger_sentences(doc: Doc) -> list[Span]:
    """Sentences worth a parse: one with a legacy conflict event (its empty roles may be
    filled) or with a trigger that can make an event alone (no context needed, not counts-only).
    """
    legacy: set[int] = set(doc._.legacy_sentences or ())
    seen: dict[int, Span] = {}
    by_sentence: dict[int, list[Span]] = {}
    for trigger, pattern, family in trigger_rows(doc):
        sent = trigger.sent
        by_sentence.setdefault(sent.start, []).append(trigger)
        # a weak cue that names its doer ('militants arrived in X') is read with its roles
        # ... and so is a takeover ('the XYZ seized the town': families/doers.takes_place)
        weak_ok = pattern.two_sided or pattern.needs_agent or family in _PLACED
        weak_ok = weak_ok or pattern.event_type in TERRITORY
        alone = (not pattern.needs_context or weak_ok) and family not in COUNT_ONLY
        if alone or sent.start_char in legacy:
            seen.setdefault(sent.start, sent)
    for start, triggers in by_sentence.items():
        if start in seen:
            continue
        counts = any(family_of(t._.pattern.id) in COUNT_ONLY for t in triggers)
        if refers_back(doc, triggers) or (counts and _toll_after(doc, start, seen)):
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
        parse_docs([doc])
        return doc


def _parsed(sents: list[Span]) -> list[Doc]:
    return [reduced_passives(headline_verbs(p)) for p in parse_spans(sents)] if sents else []


def parse_docs(docs: Sequence[Doc]) -> None:
    """streams_parse over several docs, the model run once over all their sentences (nlp.pipe
    batches them; a sentence's parse does not depend on its batch): the trigger sentences and
    the verbal families' sentences first (those kept aside in doc._.verbal_parses until
    verbal.py asks for them, as if parsed then), then the sentences before."""
    plans = [
        (sents, verbal_sentences(doc, sents)) for doc in docs for sents in [trigger_sentences(doc)]
    ]
    flat = [s for sents, ahead in plans for s in (*sents, *ahead)]
    parsed = iter(_parsed(flat))
    for doc, (sents, ahead) in zip(docs, plans, strict=True):
        doc._.parses = {sent.start_char: next(parsed) for sent in sents}
        doc._.verbal_parses = {sent.start_char: next(parsed) for sent in ahead}
    wanted = [_previous(doc, sents) for doc, (sents, _verbal) in zip(docs, plans, strict=True)]
    parsed = iter(_parsed([s for spans in wanted for s in spans.values()]))
    for doc, spans in zip(docs, wanted, strict=True):
        for start in spans:
            doc._.parses[start] = next(parsed)


def _previous(doc: Doc, sents: list[Span]) -> dict[int, Span]:
    """The sentences before the trigger sentences that need one, not parsed yet."""
    parses: dict[int, Doc] = doc._.parses
    wanted: dict[int, Span] = {}
    for sent in sents:
        if sent.start > 0 and needs_previous(parses[sent.start_char]):
            before = doc[sent.start - 1].sent
            if before.start_char not in parses:
                wanted[before.start_char] = before
    return wanted


def verbal_sentences(doc: Doc, first: list[Span]) -> list[Span]:
    """The sentences the verbal families will parse (verbal.sentences) that streams_parse does
    not: parsed in its one model pass, kept aside. None when their legacy events fail here
    (verbal_events then runs and reports them itself)."""
    try:
        spans = verbal.wanted_sentences(doc, verbal_events.legacy_protos(doc))[1]
    except Exception:  # reported where verbal_events runs, as before
        return []
    parsed = {s.start_char for s in first}
    return [span for start, span in spans.items() if start not in parsed]


@Language.factory("streams_parse", assigns=["doc._.parses"])
def make_parse(nlp: Language, name: str) -> Parse:
    return Parse()
