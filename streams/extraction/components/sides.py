"""Who a conflict sentence names as doers and sides, for engine v2's events: whether a role
phrase names people (an actor, a proper name, a word of armed, unarmed or crowd people),
whether a fight names two sides, whether they are fighters or crowds. The word classes are
data (data/en/civilians.json, data/en/strategic.json)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from streams.extraction.annotate import Annotated
from streams.extraction.components.annotation import annotated, doc_text
from streams.extraction.components.families.conflict import mentions
from streams.extraction.components.families.summaries import parsed_token
from streams.extraction.components.families.victim_words import civil_post, civilians
from streams.extraction.components.roles import RoleHit
from streams.extraction.extractors.arms import weapons
from streams.schemas import Actor

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
_UNNAMED = frozenset(
    {"armed", "unidentified", "unknown", "suspected", "presumed", "group", "elements", "individual"}
    | {"clan", "tribe", "faction", "each other", "one another"}
)


def people(ann: Annotated, hit: RoleHit) -> bool:
    """A doer phrase that names people: an actor of the dictionaries, a proper name, or a word
    of armed, unarmed or crowd people ('unidentified gunmen', 'farmers', 'an armed group');
    not 'flooding' or 'the storm'."""
    from streams.extraction.components.families.base import cues  # base imports this

    if hit.text.lower() in PRONOUNS:
        return False
    head = ann.text[hit.head[0] : hit.head[1]]
    if mentions(ann, hit.phrase) or head[:1].isupper():
        return True  # an actor of the dictionaries, a proper name ('Alavanyo', 'the ONLF')
    words = {w.lower().strip(".,") for w in hit.text.split()} | {hit.text.lower()}
    known = civilians().nouns | civilians().armed | cues().crowd_words | cues().armed_words
    known = known | cues().community_nouns  # 'Fulani settlers', 'herdsmen'
    plural = {w.removesuffix("s") for w in words} | {w.removesuffix("es") for w in words}
    return bool((words | plural) & (known | _UNNAMED))


_SIDE_ROLES = frozenset({"initiator", "target", "participant"})


def demonstration(trigger: Span) -> bool:
    """A demonstration is told in the sentence: its fights are the protest family's (a riot)."""
    sent = trigger.sent
    return any(
        t.sent.start == sent.start and t._.pattern.id == "protests.crowd"
        for t in trigger.doc.spans.get("triggers", [])
    )


def crowds(text: str, hits: list[RoleHit], trigger: Span) -> bool:
    """Every side of a fight is a crowd of unarmed people (supporters, residents, families)."""
    from streams.extraction.components.families.base import crowd_acts  # base imports this

    span = (trigger.start_char, trigger.end_char)
    sides = [h for h in hits if h.trigger == span and h.role in ("initiator", "participant")]
    return crowd_acts(text, [replace(h, role="initiator") for h in sides]) or _crowd_and_state(
        hits, trigger
    )


STATE_SIDES = frozenset({"state", "armed_forces"})


def _crowd_and_state(hits: list[RoleHit], trigger: Span) -> bool:
    """'Police clashed with residents', 'seven activists were hurt in a clash with police': a
    crowd of unarmed people (a crowd word with no armed word, data/en/strategic.json
    crowd_words) fights the state's forces and no one else. ACLED codes the crowd as rioters:
    a riot, not a battle (an armed group beside them, 'militants', keeps the battle). The
    crowd may be named as the hurt before the fight word ('activists were hurt in a clash')."""
    from streams.extraction.components.families.base import crowd_acts  # base imports this

    ann = annotated(trigger.doc)
    text = doc_text(trigger.doc)
    span = (trigger.start_char, trigger.end_char)
    sides = [h for h in hits if h.trigger == span and h.role in _SIDE_ROLES]
    sent = (trigger.sent.start_char, trigger.sent.end_char)
    hurt = [
        h
        for h in hits
        if h.role in ("injured", "victims") and sent[0] <= h.phrase[0] and h.phrase[1] <= span[0]
    ]
    crowd = [h for h in sides + hurt if crowd_acts(text, [replace(h, role="initiator")])]
    others = [h for h in sides if h.head not in {c.head for c in crowd}]
    return bool(crowd) and bool(others) and all(state_side(ann, h) for h in others)


def state_side(ann: Annotated, hit: RoleHit) -> bool:
    """The side names the state's forces only: actors of the dictionaries that are states or
    their forces, or with none, a head word of the forces that arrest (data/en/arrests.json
    forces: 'police', 'soldiers', 'security forces')."""
    from streams.extraction.components.families.arrests import ArrestCues  # arrests imports base
    from streams.extraction.components.families.cuefile import load

    found = mentions(ann, hit.phrase)
    if found:
        return all(m.kind in STATE_SIDES and m.source != "group" for m in found)
    head = ann.text[hit.head[0] : hit.head[1]].lower()
    return bool({head, head.removesuffix("s")} & load(ArrestCues, "arrests.json").forces)


def faces_state(ann: Annotated, hits: list[RoleHit]) -> bool:
    """A crowd's act aimed at the state: its object names the state's forces ('attacked a
    police station', 'stoned soldiers': data/en/arrests.json forces, civilians.json forces;
    not a civil post: 'a returning officer'), names an office of the state or its holder ('the
    governor's residence', 'the prefecture': strategic.json state_posts), or names an actor
    of the dictionaries as a state's forces or office holder. A rioting crowd's act or its
    destruction aimed at the state confronts it: a violent demonstration, not mob violence
    (which turns on civilians, candidates, their goods or another crowd)."""
    from streams.extraction.components.families.arrests import ArrestCues  # arrests imports base
    from streams.extraction.components.families.base import cues
    from streams.extraction.components.families.cuefile import load

    forces = load(ArrestCues, "arrests.json").forces | civilians().forces
    for hit in hits:
        if hit.role != "target" or civil_post(ann.text, hit):
            continue
        words = {w.lower().strip(".,").removesuffix("'s") for w in hit.text.split()}
        words |= {w.removesuffix("s") for w in words}
        office = words & cues().state_posts  # 'the governor's residence'
        # a state's forces or office holder named ('Kenyan police', 'the Interior Minister'),
        # not a country or its people ('Nigerien farmers')
        named = any(m.forces or m.office for m in mentions(ann, hit.phrase))
        if words & forces or office or named:
            return True
    return False


def two_sides(hits: list[RoleHit], trigger: Span) -> bool:
    """'X and Y exchanged fire', 'X clashed with Y', 'a clash between X and Y': two sides named
    as phrases that name people (not 'his politics', not a lone modifier such as 'armed'); a
    weak word ('fight', 'battle') needs an armed side ('a custody battle between A and B' is
    no battle)."""
    ann = annotated(trigger.doc)
    span = (trigger.start_char, trigger.end_char)
    named = [
        h
        for h in hits
        if h.trigger == span
        and doc_text(trigger.doc)[h.head[0] : h.head[1]].isalpha()
        and (h.role in _SIDE_ROLES - {"target"} or h.pattern.endswith(".clash_with"))
        and not (h.pattern.endswith(".nominal_modifier") and not h.text[:1].isupper())
        and people(ann, h)
    ]
    weak = trigger._.pattern.needs_context
    if communal_word(trigger, named):
        return True  # 'tribal fighting', 'a tribal clash': the communal word names both sides
    communal = weak and communal_fight(ann, trigger, named)
    if weak and not any(armed(ann, h) for h in named) and not communal:
        return False
    sides = {h.head for h in named}
    # 'a clash between X and Y'; 'supporters of X and Y had a clash': the phrase names both
    text = doc_text(trigger.doc)
    both = any(
        h.role == "participant" and " and " in text[h.phrase[0] : h.phrase[1]] for h in named
    )
    # 'X and Y community members clashed ... One was killed': joined names before one head of
    # a community are the two sides, with harm told (not 'X and Y MPs clashed over the budget')
    joined = [h for h in named if " and " in text[h.phrase[0] : h.head[0]] and _community(ann, h)]
    both = both or (bool(joined) and _harm(trigger))
    if (not weak or communal) and len(sides) == 1:
        # 'two rival families clashed', 'Goula factions clashed': a plural subject of a clash
        # names both sides (data/en/strategic.json side_nouns)
        from streams.extraction.components.families.base import cues  # base imports this

        head = doc_text(trigger.doc)[named[0].head[0] : named[0].head[1]].lower()
        both = both or named[0].text.lower().startswith(("two ", "rival ", "both "))
        both = both or head in cues().side_nouns
    return len(sides) >= 2 or both  # 'between the X and Y families': one phrase, two sides


def communal_fight(ann: Annotated, trigger: Span, named: list[RoleHit]) -> bool:
    """A fight between communities with no armed side (data/en/strategic.json
    communal_words): a communal word on the fight ('tribal fighting') or its sides ('rival
    ethnic groups'), or sides that are all plurals of people and harm told with the fight
    ('inhabitants fought herders ... One killed')."""
    if communal_word(trigger, named):
        return True
    return bool(named) and all(_community(ann, h) for h in named) and _harm(trigger)


def communal_word(trigger: Span, named: list[RoleHit]) -> bool:
    """A communal word on the fight ('tribal fighting', 'clan clashes') or in a side that
    names a community ('rival ethnic groups'; not 'a clan elder')."""
    from streams.extraction.components.families.base import cues  # base imports this

    words = cues().communal_words
    token = parsed_token(trigger.doc, trigger)
    mods = [c for c in token.children if c.dep_ in ("amod", "compound")] if token else []
    if any(c.lower_ in words for c in mods):
        return True
    ann = annotated(trigger.doc)
    return any(
        {w.lower().strip(".,") for w in h.text.split()} & words and _community(ann, h)
        for h in named
    )


def _community(ann: Annotated, hit: RoleHit) -> bool:
    """A side named as a community ('inhabitants', 'Fulani herders', 'rival clans')."""
    from streams.extraction.components.families.base import cues  # base imports this

    head = ann.text[hit.head[0] : hit.head[1]].lower()
    return head in cues().community_nouns or head in cues().side_nouns


def _harm(trigger: Span) -> bool:
    """The fight's sentence or the next tells someone killed or hurt, or a weapon used."""
    from streams.extraction.components.families.base import cues  # base imports this

    doc = trigger.doc
    ann = annotated(doc)
    at = trigger.start_char
    index = next((s.index for s in ann.sentences if s.start <= at < s.end), None)
    if index is None:
        return False
    told = ann.sentences[index : index + 2]
    labels = cues().harm_labels
    hurt = any(
        t.label_ in labels and any(s.start <= t.start_char < s.end for s in told)
        for t in doc.spans.get("triggers", [])
    )
    return hurt or any(weapons(s) for s in told)


def armed(ann: Annotated, hit: RoleHit) -> bool:
    """A side that names fighters or forces: an armed group or forces of the dictionaries, or
    an armed word ('militiamen', 'armed herders')."""
    from streams.extraction.components.families.base import cues  # base imports this

    if any(m.forces or m.kind in ("group", "armed_forces") for m in mentions(ann, hit.phrase)):
        return True
    words = {w.lower().strip(".,") for w in hit.text.split()}
    return bool(words & (civilians().armed | cues().armed_words | {"armed"}))


def unnamed_sides(ann: Annotated, hits: list[RoleHit]) -> list[Actor]:
    """'Ethnic militia attacked a district', 'attacked security forces': a side of an attack
    named only by an armed word (no actor of the dictionaries) is an unnamed armed group, named
    by its head when that is the armed word ('Militia'), else by the armed word it has."""
    from streams.extraction.components.families.base import cues  # base imports this

    words = civilians().armed | cues().armed_words
    out: list[Actor] = []
    for hit in hits:
        if hit.role not in ("initiator", "target") or mentions(ann, hit.phrase):
            continue
        head = ann.text[hit.head[0] : hit.head[1]].lower()
        found = [w for w in (head, *hit.text.lower().split()) if w in words and w != "armed"]
        names = {(a.role, a.name) for a in out}
        if found and (hit.role, found[0].capitalize()) not in names:
            out.append(Actor(role=hit.role, name=found[0].capitalize(), kind="group"))
    return out
