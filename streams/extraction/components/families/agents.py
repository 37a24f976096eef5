"""An attacker named by an agent noun ('a suicide bomber') names its act only when it acts.

'A suicide bomber blew himself up' is a suicide bombing; 'suicide bombers were holding
hostages' and 'bombers wear explosive vests' tell of people, not of a bombing, so the trigger
gives no type and makes no event of its own (cues: data/en/agents.json)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from streams.extraction.components.data import inflections
from streams.extraction.components.families.cuefile import CueFile, load


class AgentCues(CueFile):
    agent_nouns: frozenset[str]
    acts: frozenset[str]
    dwellings: frozenset[str] = frozenset()
    habitual: frozenset[str] = frozenset()


_NOT_DONE = frozenset({"VB", "VBP", "VBZ", "VBG"})


def idle_agent(doc: Doc, trigger: Span) -> bool:
    """The trigger ends in an agent noun that is no attacker acting in its parsed sentence."""
    found = load(AgentCues, "agents.json")
    parsed = (doc._.parses or {}).get(trigger.sent.start_char)
    if parsed is None:
        return False
    last = trigger.end_char - 1 - trigger.sent.start_char
    token = next((t for t in parsed if t.idx <= last < t.idx + len(t.text)), None)
    if token is None or token.lemma_.lower() not in found.agent_nouns:
        return False
    while token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # 'gunmen and a suicide bomber stormed'
    if token.dep_ in ("poss", "compound"):
        return False  # 'the bomber's attack', 'a bomber attack'
    # the clause the attacker is in: its subject, its 'by' agent, or among its victims
    # ('two people, including a suicide bomber, were killed')
    verbs = (h for h in token.ancestors if h.pos_ in ("VERB", "AUX") and h.dep_ != "prep")
    verb = next(verbs, None)  # "including" is tagged a verb: a preposition here
    return verb is None or verb.lemma_.lower() not in found.acts or verb.tag_ in _NOT_DONE


def headline_present(doc: Doc, trigger: Span, token: Token) -> bool:
    """A present-tense act that opens the text ('Gunmen abduct four tourists from a resort')
    is the headline present of news, not a habit: the first sentence's main verb, with no
    modal, whose object is one specific (a determiner, a number, a possessor) or people or
    things named in the plural ('Militia burns homes in X', 'Cadres beat residents in X'), or
    a fight whose two sides it names ('Herders clash with farmers in X')."""
    if trigger.sent.start != 0 or token.dep_ != "ROOT":
        return False
    if any(c.tag_ in ("MD", "TO") for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    told = any(_specific(o) or _plural_victims(o) for o in objects)
    told = told or (trigger._.pattern.two_sided and _sides_given(token))
    return told and not _habitual(token)


def _sides_given(verb: Token) -> bool:
    """'Supporters and police clash at X', 'Herders clash with farmers in X': a fight whose
    two sides the clause names (a joined subject, or a 'with' side)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    joined = any(t.dep_ == "conj" for s in subjects for t in s.subtree)
    with_side = any(
        c.lower_ == "with" and any(o.dep_ == "pobj" for o in c.children) for c in verb.children
    )
    return bool(subjects) and (joined or with_side)


def _specific(noun: Token) -> bool:
    """'four tourists', 'the convoy', a named place or group ('Kismayo', 'control of Achana',
    'the town of Baidoa'): one specific object."""
    if noun.like_num or noun.tag_ == "NNP":
        return True
    if any(d.dep_ in ("det", "nummod", "poss") for d in noun.children):
        return True
    named = (o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
    return any(o.tag_ == "NNP" for o in named) or _bare_person(noun)


def _bare_person(noun: Token) -> bool:
    """'Troops kill man in X', 'Gunmen abduct teacher': a headline drops its articles, so a
    person's noun in the singular with no determiner names one person (data/en/civilians.json
    nouns and armed), not a kind."""
    from streams.extraction.components.families.victim_words import civilians

    found = civilians()
    return noun.tag_ == "NN" and noun.lemma_.lower() in found.nouns | found.armed | found.ranks


def _plural_victims(noun: Token) -> bool:
    """People or dwellings in the plural ('residents', 'homes'): data/en/civilians.json nouns
    and agents.json dwellings."""
    from streams.extraction.components.families.victim_words import civilians

    lemma = noun.lemma_.lower()
    found = load(AgentCues, "agents.json")
    return noun.tag_ == "NNS" and (lemma in civilians().nouns or lemma in found.dwellings)


def _habitual(verb: Token) -> bool:
    """'Farmers burn residues every winter': a word of frequency in the clause tells a habit."""
    found = load(AgentCues, "agents.json")
    return any(t.lower_ in found.habitual for t in verb.subtree)


@lru_cache(maxsize=1)
def _irregular_pasts() -> frozenset[str]:
    table = inflections().irregular
    return frozenset(
        form
        for lemma, forms in table.items()
        for form in forms
        if form != lemma and not form.endswith(("ing", "s"))
    )


def past_form(token: Token) -> bool:
    """'forces retook the town' tagged as a present (VBP) by the tagger: the word is an
    irregular past or participle of data/en/inflections.json, so the act is told as done."""
    return token.tag_ in ("VB", "VBP") and token.lower_ in _irregular_pasts()
