"""How a sentence frames the act its trigger names, read from the trigger's clause in the parse:
a hypothetical or conditional act ('the strikes could resume', 'if talks fail'), a habit
('every month', 'routinely detains'), a running tally ('have protested since June'), an act of
an earlier year ('In 2022, he was arrested'), the act a proceeding is about ('accused of
killing two people'), or a participle that only describes ('the captured fighters') tells no
happening as news (codebook rules 1, 3 and 9). The words are data/en/framing.json.

An event's sentence that streams_parse left unparsed is parsed here (a few per text)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from streams.extraction import spec
from streams.extraction.components.annotation import annotated
from streams.extraction.components.families.cuefile import CueFile, load
from streams.extraction.components.families.nonevents import year_word
from streams.extraction.components.roles import token_at
from streams.extraction.components.triggers import COUNT_ONLY, family_of
from streams.extraction.extractors.common import Proto
from streams.extraction.nlp import parse


class Framing(CueFile):
    modals: frozenset[str]
    conditions: frozenset[str]
    condition_nouns: frozenset[str]
    habitual: frozenset[str]
    distributive: frozenset[str]
    time_units: frozenset[str]
    since: frozenset[str]
    recent: frozenset[str]
    proceedings: frozenset[str]
    passive_proceedings: frozenset[str]
    proceeding_preps: frozenset[str]
    past_preps: frozenset[str]
    not_dating: frozenset[str]
    circumstance_preps: frozenset[str]
    lasting: frozenset[str]


def framing() -> Framing:
    cues: Framing = load(Framing, "framing.json")
    return cues


CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"})
"""Dependencies that open a clause of its own: the trigger's clause ends there."""
_DESCRIBING = frozenset({"VBN", "VBD", "VBG"})
TOLL = "casualty_report"
NO_ACT = COUNT_ONLY | {"statements"}
"""Trigger families that name no act of a toll's own: a death or injury word, a speech act
('accused of shooting two people')."""
SPOKEN = frozenset({"statement"})
"""Categories of verbal acts: what is said is their act, whatever its mood."""


def mark_framed(doc: Doc, protos: list[Proto]) -> None:
    """Set each event's `framed` (Proto): merging drops the events told as no happening."""
    for proto in protos:
        proto.framed = framed(doc, proto)


def framed(doc: Doc, proto: Proto) -> bool | None:
    """The proto's trigger is framed as no happening of the news (module docstring). An event
    read off a whole sentence (a toll) is judged by the sentence's triggers; with none, it is
    None: it takes the framing of the act it merges into."""
    if spec.category_of().get(proto.event_type) in SPOKEN:
        return False  # 'said foreign powers should leave': an appeal is made in the modal
    tokens = trigger_tokens(doc, proto)
    if not tokens:
        whole = proto.trigger == (proto.sentence.start, proto.sentence.end)
        return None if whole and proto.event_type == TOLL else False
    year = annotated(doc).published.year
    return all(unreal(token, end, proto, year) for token, end in tokens)


def unreal(token: Token, end: int, proto: Proto, year: int) -> bool:
    """The trigger (its first token, its end in the sentence) tells no happening of the news;
    a hypothetical only counts against an act told as done, a span since a day only against
    a count ('have killed 40 since January'; 'protests have gone on since Tuesday' are news)."""
    if proto.status == "occurred" and hypothetical(token):
        return True
    counted = any((proto.killed, proto.injured, proto.arrested)) or _numbered(token)
    return (
        describing(token, end)
        or circumstance(token, bool(proto.killed or proto.injured))
        or habitual(token, counted)
        or earlier_year(token, year)
        or proceeding(token)
    )


def trigger_tokens(doc: Doc, proto: Proto) -> list[tuple[Token, int]]:
    """The trigger's first token in its sentence's parse and the trigger's end in the
    sentence; for an event read off a whole sentence, those of the sentence's triggers."""
    start = proto.sentence.start
    parsed = sentence_parse(doc, proto)
    spans = [proto.trigger]
    if proto.trigger == (start, proto.sentence.end):
        spans = [
            (t.start_char, t.end_char)
            for t in doc.spans.get("triggers", [])
            if start <= t.start_char < proto.sentence.end
            and family_of(t._.pattern.id) not in NO_ACT
        ]
    found = [(token_at(parsed, a - start), b - start) for a, b in spans]
    return [(t, end) for t, end in found if t is not None]


def sentence_parse(doc: Doc, proto: Proto) -> Doc:
    """The parse of the event's sentence: streams_parse's, else parsed now (and kept)."""
    start = proto.sentence.start
    parses: dict[int, Doc] = doc._.parses if doc._.parses is not None else {}
    parsed = parses.get(start) or (doc._.verbal_parses or {}).get(start)
    if parsed is None:
        parsed = parses[start] = parse([proto.sentence.text])[0]
        doc._.parses = parses
    return parsed


def clause_path(token: Token) -> Iterator[Token]:
    """The token and its heads up to the head of its clause."""
    while True:
        yield token
        if token.dep_ in CLAUSE_DEPS or token.head.i == token.i:
            return
        token = token.head


def hypothetical(token: Token) -> bool:
    """'could resume', 'would have killed', 'if talks fail', 'in case the truce fails'; not
    'may have been planted by': a past act whose doer is uncertain; not 'he would double the
    aid, and met X': a past verb joined to a modal one is told as done."""
    cues = framing()
    for node in _modal_scope(token):
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in cues.conditions for c in node.children
        ):
            return True
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in cues.modals and not _epistemic(child):
                return True
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in cues.condition_nouns
                for g in child.children
            ):
                return True
    return False


def _modal_scope(token: Token) -> Iterator[Token]:
    """The clause path up to a past verb joined to another ('..., and met X')."""
    for node in clause_path(token):
        yield node
        if node.dep_ == "conj" and node.tag_ == "VBD":
            return


def _epistemic(modal: Token) -> bool:
    """'may have been', 'could have been': a guess about a past act, not a hypothetical one."""
    nxt = modal.nbor(1) if modal.i + 1 < len(modal.doc) else None
    return modal.lower_ != "would" and nxt is not None and nxt.lower_ == "have"


def describing(token: Token, end: int) -> bool:
    """'the captured fighters', 'detained journalists': a participle before the noun of a
    clause (a noun heading the sentence is a parse of a verbless line, no description); not
    a trigger that names the noun with it ('improvised explosive device')."""
    return (
        token.head.idx >= end
        and (token.i == 0 or token.nbor(-1).text != "-")  # 'the bullet-hit body' was hit
        and token.dep_ in ("amod", "compound")
        and token.tag_ in _DESCRIBING
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.dep_ != "ROOT"
        and token.i < token.head.i
        and not clause_participle(token)
    )


def circumstance(token: Token, tolled: bool) -> bool:
    """'the airport opens amid the ongoing fighting': a lasting state the news is set in, not a
    happening of it; with a toll it is the news ('two killed amid ongoing clashes')."""
    cues = framing()
    return (
        not tolled
        and token.dep_ == "pobj"
        and token.head.lower_ in cues.circumstance_preps
        and any(c.dep_ == "amod" and c.lower_ in cues.lasting for c in token.children)
    )


def clause_participle(token: Token) -> bool:
    """A participle the parser read as an adjective where it opens a clause: after a comma or
    'and' that follows a told act ('invaded the town, looted shops and left'), or a gerund
    right after a verb ('were caught vandalizing a church'): an act told, not a description
    ('photographs of seized weapons', 'the looted shops')."""
    if token.i == 0:
        return False
    before = token.nbor(-1)
    if before.lower_ in (",", "and"):
        words = token.doc[: before.i]
        return any(t.pos_ == "VERB" and (t.dep_ != "amod" or t.tag_ == "VBD") for t in words)
    return token.tag_ == "VBG" and before.pos_ == "VERB"


def habitual(token: Token, counted: bool) -> bool:
    """'are slaughtered every month', 'routinely detains'; with a count, a running tally
    ('have arrested 2,000 since June')."""
    cues = framing()
    for node in clause_path(token):
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in cues.habitual:
                return True
            if child.lemma_.lower() in cues.time_units and any(
                d.dep_ == "det" and d.lower_ in cues.distributive for d in child.children
            ):
                return True
            if counted and perfect and _since_long(child):
                return True
    return False


def _since_long(prep: Token) -> bool:
    """'since January', 'since the war began'; not 'since Sunday's attack': the news's days."""
    cues = framing()
    if prep.dep_ != "prep" or prep.lower_ not in cues.since:
        return False
    return not any(t.lower_ in cues.recent for t in prep.subtree)


def _numbered(token: Token) -> bool:
    """The trigger's clause counts ('have killed 40 villagers since January')."""
    head = list(clause_path(token))[-1]
    return any(t.like_num and not year_word(t.text) for t in head.subtree)


def earlier_year(token: Token, published: int) -> bool:
    """'In 2022, he was arrested': the clause dates the act to a year before publication."""
    path = set(clause_path(token))
    for year in (t for t in token.sent if year_word(t.text) and int(t.text) < published):
        if _dates_clause(year, path):
            return True
    return False


def _dates_clause(year: Token, path: set[Token]) -> bool:
    """The year hangs, through a dating preposition and nouns only, off the trigger's clause."""
    cues = framing()
    node, dated = year, None
    while node not in path:
        if node.lower_ in cues.not_dating or node.pos_ in ("VERB", "AUX"):
            return False
        if dated is None and node.dep_ == "prep":
            dated = node.lower_ in cues.past_preps  # 'in 2019', not 'in memory of 1963'
        if node.head.i == node.i:
            return False
        node = node.head
    return bool(dated)


def proceeding(token: Token) -> bool:
    """'accused of shooting two people', 'sentenced ... for driving into a crowd', 'convicted a
    soldier of shooting': the act a court or the police proceed over, told before."""
    cues = framing()
    node = token
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "prep" and node.lower_ in cues.proceeding_preps and _proceeds(head):
            return True
        node = head
    return False


def _proceeds(token: Token) -> bool:
    """A proceeding's word, or the one it proceeds against ('convicted a soldier of')."""
    cues = framing()
    if _proceeding_word(token, cues):
        return True
    return token.dep_ in ("dobj", "nsubjpass") and _proceeding_word(token.head, cues)


def _proceeding_word(token: Token, cues: Framing) -> bool:
    """'convicted', 'sentenced'; 'is accused of' (a charge), not 'X accused Y of' (a side's
    accusation, which reports the act)."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False  # 'in charge of operating the road': no proceeding
    if lemma in cues.proceedings:
        return True
    return lemma in cues.passive_proceedings and any(c.dep_ == "auxpass" for c in token.children)
