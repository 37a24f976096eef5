"""Which conflict triggers and sentences report a happening: not hedged, quoted, referred
back to, background, fiction, a riot or an interception."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.extractors import accidents
from streams.extraction.extractors.attack_words import AIR, MISSILE, STRONG, W
from streams.extraction.extractors.common import (
    Hit,
    Rule,
    article_span,
    cue_in,
    found_in,
)

_TOTALS = re.compile(  # running totals as context: "killed more than 1,000 civilians this year"
    W + r"\b(?:this year|so far|to date|in the (?:insurgency|conflict|war|fighting|violence)|"
    r"since (?:then|the (?:start|beginning|outbreak|coup|takeover|invasion|war)|\d{4}|"
    r"last year|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)|"
    r"over the (?:past|last) (?:\w+ )?(?:years?|months?|decades?)|"
    # "Israel's offensive has killed more than 62,000 Palestinians"
    r"(?:offensive|war|campaign|conflict|fighting|insurgency|violence|invasion) "
    r"(?:has|have) (?:so far )?killed)\b",
    re.IGNORECASE,
)


_STOPPED = re.compile(
    W + r"\b(?:stop|halt|cease|suspend|pause|refrain from|end|avoid|prevent)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


_UNREST = re.compile(
    W + r"\b(?:protesters|demonstrators|rioters|riot(?:s|ing)?|mob|protests?|marchers|tear gas|"
    r"water cannon)\b",
    re.I,
)


_AID_LIST = re.compile(
    W + r"\b(?:package|equipment|deliveries|delivery|shipped|interceptors|supplies|stocks|"
    r"procure\w*|purchase\w*|contract|manufactur\w*|production)\b",
    re.I,
)


_FICTION = re.compile(
    W + r"\b(?:video games?|franchise|multiplayer|gameplay|reviewers?|fictional|novel|trailer|"
    r"sequel|box office|blockbuster|film|movie|album|episode|"
    # figures of speech: "had dropped a bomb on the industry", "a bombshell report"
    r"dropped a bomb|bombshell|price war|trade war|Sputnik moment)\b",
    re.I,
)


_INTERCEPT = re.compile(
    W
    + r"\b(?:shot down|intercepted|destroyed|downed|neutralised|neutralized)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:drones?|missiles?|rockets?|UAVs?)\b|\b(?:drones?|missiles?)\s+(?:were|was)\s+"
    r"(?:shot down|intercepted|destroyed|downed)\b",
    re.I,
)


_LAUNCHED = re.compile(
    r"\b(?:launched|fired)\s+(?:[\w,-]+\s+){0,3}?(?:drones?|missiles?|rockets?|UAVs?)\b", re.I
)


_SANCTIONED = re.compile(  # "among those targeted are ...": listed by sanctions, not hit
    r"\b(?:those|individuals|entities|companies|people) (?:targeted|listed)\b|"
    r"\btargeted (?:by|in) (?:the |these |new )?(?:sanctions|measures|package)\b",
    re.I,
)


_DAMAGE = re.compile(
    W + r"\b(?:killed|killing|injured|injuring|wounded|wounding|damaged|destroying|hit|struck|"
    r"fire broke out|debris)\b",
    re.I,
)


_ARREST = re.compile(W + r"\b(?:arrest(?:ed|s)?|detain(?:ed)?|detention|custody)\b", re.I)


_CONDITIONAL = re.compile(W + r"\b(?:if|unless|in case|should)\b[^,;]*$", re.I)


_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


_IN_MONTH = re.compile(
    W + r"\b(?i:in|during|last|early|late|mid-?|between|from|until)\s+(January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
)


def in_past_month(text: str, published: date) -> bool:
    """'In November, gangs attacked ...' in an April article: an earlier event, as context."""
    for match in _IN_MONTH.finditer(text):
        if "since" in text[max(0, match.start() - 50) : match.start()].lower():
            continue  # "killed since the start of the war in October": a running total
        month = _MONTH_NAMES.index(match.group(1).lower()) + 1
        if month != published.month:
            return True
    return False


_KEEP_INFINITIVE = re.compile(  # "continued to strike" happened; "threatened to strike" is coded
    r"\b(?:continued|continues|began|begun|started|managed|went on|threaten\w*|vow\w*|plan\w*|"
    r"intend\w*|expected|set|due|prepar\w*|ready|decided|tried|attempted)\s+to\s+$"
)


def _conflict_ok(doc: Annotated, sent: Sentence, trigger: Hit) -> bool:
    """A generic trigger ("attack", "hit") needs a conflict word elsewhere in its sentence; a
    stabbing or a shooting needs more than the police reporting it (street crime is no
    conflict event)."""
    skip = article_span(sent, trigger)
    if not cue_in(doc, "context", sent.start, sent.end, skip):
        return False
    if _CRIME_TRIGGER.match(trigger.group(0)):
        return not street_crime(sent.text)
    return True


def street_crime(text: str) -> bool:
    """A stabbing, shooting or killing told with no armed actor and no word of war in its
    sentence: street crime, no conflict event (codebook rule 3)."""
    return not (STRONG.search(text) or _ARMED_ACTOR.search(text))


SINCE_CLAUSE = re.compile(r"\b(?:ever )?since\s+(?!the start|the beginning)[^,;.]*$", re.I)


def since_clause(head: str) -> bool:
    """The text before a trigger ends in an open 'since' clause: the act is the time from which
    things are told ("tensions have soared since gunmen killed 26 people"), background."""
    return bool(SINCE_CLAUSE.search(head[-90:]))


_CRIME_TRIGGER = re.compile(r"(?:stabbed|stabbing|shooting|shot dead)$", re.I)


_ARMED_ACTOR = re.compile(
    r"\b(?:gunm[ae]n|armed (?:men|man|individuals|persons|people|assailants)|"
    r"militants?|fighters|rebels|insurgents|jihadists?|bandits|gangs?|gang members|"
    r"militiamen|militias?|soldiers|troops|security forces|settlers|attackers|assailants)\b",
    re.I,
)


def in_quote(text: str, pos: int) -> bool:
    """Whether pos lies inside a quotation ("..." or “...”)."""
    head = text[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


_YEAR = re.compile(r"\b(?:in|of|since|during)\s+(?:\w+\s+)?((?:19|20)\d\d)\b|\blast year\b", re.I)


def in_past_year(text: str, year: int) -> bool:
    for match in _YEAR.finditer(text):
        if match.group(1) is None or int(match.group(1)) < year:
            # "since Russia's invasion in February 2022": the start of a toll, not its date
            lead_in = text[max(0, match.start() - 40) : match.end()]
            return not re.search(r"\bsince\b[^,;]*$", lead_in, re.I)
    return False


def suppressed(sent: Sentence) -> bool:
    """Riots and police raids have their own extractors: no attack event from those words;
    fiction and games are never events; a sentence only about interceptions is no attack."""
    return _suppressed(sent.text)


@lru_cache(maxsize=4096)
def _suppressed(text: str) -> bool:
    """suppressed() of a sentence text (remembered: each hit of a sentence asks again)."""
    low = text.lower()
    if found_in(_FICTION, text, low) or _SANCTIONED.search(text):
        return True
    damage: bool | None = None
    if found_in(_INTERCEPT, text, low):
        # "Russia launched 112 drones ...; 87 were shot down": the launch is the attack
        damage = found_in(_DAMAGE, text, low) or bool(_LAUNCHED.search(text))
        if not damage:
            return True
    if found_in(_AID_LIST, text, low):
        if damage is None:
            damage = found_in(_DAMAGE, text, low)
        if not damage:
            return True  # "the package contains shells and counter-drone equipment"
    if found_in(AIR, text, low) or found_in(MISSILE, text, low):
        return False
    return found_in(_UNREST, text, low) or found_in(_ARREST, text, low)


def kept_hits(
    doc: Annotated, sent: Sentence, found: list[tuple[Rule, Hit]]
) -> list[tuple[Rule, Hit]]:
    """The triggers that report a happening: not hedged, quoted, referred back to or idle."""
    if not found:
        return []
    if cue_in(doc, "blockers", sent.start, sent.end) and not STRONG.search(sent.text):
        return []
    low = sent.text.lower()
    return [(rule, match) for rule, match in found if _reports(doc, sent, rule, match, low)]


def _idle(text: str, head: str, pos: int) -> bool:
    """A trigger at pos told as a condition, a call to stop, a purpose or a quoted comment."""
    return bool(
        _CONDITIONAL.search(head[-60:])
        or _STOPPED.search(head[-40:])
        # "to allow Ukraine to strike launch sites": not a reported strike
        or (head.endswith("to ") and not _KEEP_INFINITIVE.search(head[-30:]))
        # '"indiscriminate attacks on civilians are a violation..."': comment
        or in_quote(text, pos)
    )


def _reports(doc: Annotated, sent: Sentence, rule: Rule, match: Hit, low: str) -> bool:
    """Whether one trigger reports a happening."""
    head = sent.text[: match.start()]
    if _idle(sent.text, head, match.start()):
        return False
    if rule.needs_context and not _conflict_ok(doc, sent, match):
        return False
    if accidents.vetoed(doc, sent, match.start(), match.end(), generic=rule.needs_context):
        return False  # an accident, a disaster, a fear or a figure of speech
    if found_in(_REFERENCE, head[-80:], low[: match.start()][-80:]):
        return False  # the object of a reaction refers back to an event, it is not news
    if since_clause(head):
        return False  # "tensions have soared since gunmen killed 26 people": background
    # "supporters stormed the residence": a riot, coded by unrest
    return not (_STORMED.match(match.group(0)) and not _ARMED_GROUP.search(head))


def running_total(sent: Sentence) -> bool:
    """A count told from the third sentence on as a total over a period ("air strikes killed
    more than 1,000 civilians this year"): context of the news, not a happening's count."""
    return sent.index >= 2 and bool(_TOTALS.search(sent.text))


_REFERENCE = re.compile(  # "Sharif condemned Thursday's bombing": the event already reported
    W + r"\b(?:condemn\w*|denounc\w*|critici[sz]\w*|deplor\w*|mourn\w*|decr[iy]\w*|"
    r"investigat\w*|responsibility for|responded to|response to|retaliation for|revenge for|"
    r"accused of (?:organi[sz]ing|carrying out|plotting|ordering|masterminding)|behind|"
    r"suspected of (?:organi[sz]ing|carrying out)|"
    r"(?:enraged|angered|outraged|incensed|triggered|sparked|prompted|provoked) by|"
    r"(?:protests?|anger|outrage|fury|demonstrations?|rall(?:y|ies)) (?:over|against))\s+"
    r"(?:the\s+|this\s+|that\s+|these\s+|[\w-]+(?:'s|’s)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


_STORMED = re.compile(r"(?:stormed|overran|overrun)$", re.IGNORECASE)


_ARMED_GROUP = re.compile(
    W + r"\b(?:gunmen|militants|insurgents|rebels|jihadists|fighters|gang members|gangs?|"
    r"bandits|militia\w*|troops|soldiers|forces|army|guerrillas|assailants|attackers)\b",
    re.IGNORECASE,
)
