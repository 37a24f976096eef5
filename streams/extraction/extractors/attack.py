"""Conflict events: air/drone strikes, missile and artillery attacks, explosions, clashes,
violence against civilians, sabotage; casualty counts found near them attach to them."""

from __future__ import annotations

import re
from datetime import date

from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.extractors import accidents
from streams.extraction.extractors.common import (
    Hit,
    Proto,
    Rule,
    actor_of,
    antecedent_place,
    article_span,
    clause_before,
    cue_in,
    dateline_place,
    event_casualties,
    event_date,
    found_in,
    location_of,
    sentence_actors,
    sentence_places,
    status_for,
    triggers_in,
    weapons,
)
from streams.extraction.gazetteer import gazetteer
from streams.schemas import Actor, Location

_W = "(?=[0-9A-Za-z])"  # fail fast between words

NAME = "attack"
VERSION = "1"

_AIR = re.compile(
    _W
    + r"\b(?:drones?|UAVs?|air ?strikes?|airstrikes?|air raids?|aerial|warplanes?|jets?|aircraft|"
    r"glide bombs?|bombing|bombed|helicopters?|Shaheds?|Geran)\b",
    re.IGNORECASE,
)
_MISSILE = re.compile(
    _W + r"\b(?:missiles?|rockets?|shell(?:s|ing|ed)|artillery|mortars?|Storm Shadows?|ATACMS|"
    r"HIMARS|Kalibr|Iskander|Kinzhal|Tomahawks?|howitzers?|MLRS|Grad)\b",
    re.IGNORECASE,
)
_STRONG = re.compile(
    _W
    + r"\b(?:drones?|missiles?|rockets?|shelling|artillery|troops|forces|military|army|militants?|"
    r"soldiers|warplanes?|air ?strikes?|airstrikes?|bombs?|gunmen|rebels|insurgents|war|"
    r"hostilities|bombardment|fighting|militia|jihadists?|invasion|siege|offensive|"
    r"suicide bombers?|suicide attack(?:er)?s?|car bombs?|ieds?)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    _W
    + r"\b(?:was|were|been|being|is|are|came)\s+(?:\w+\s+)?(?:hit|struck|attacked|targeted|shelled|"
    r"bombed|pounded|under(?:\s+\w+)?\s+attack|damaged|destroyed)\b",
    re.IGNORECASE,
)
_BACKED_BY = re.compile(
    r"\b(?:backed|supported|aided|assisted|helped)\s+by\s+(?:the\s+)?$|\balongside\s+(?:the\s+)?$",
    re.I,
)
_ATTACKER_NOUN = re.compile(r"(?:gunmen|militants|fighters|attackers|assailants)$", re.I)
_FROM_GROUP = re.compile(r"^\s+(?:from|of|belonging to|loyal to)\s+(?:the\s+)?$", re.I)
# "a convoy escorted by the Malian army": the escort is who was hit, not the attacker
_ESCORTED_BY = re.compile(
    r"\b(?:escorted|accompanied|guarded|protected|operated|owned|manned|carrying|"
    r"transporting)\s+by\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)
_BY_WITH = re.compile(_W + r"\b(?:by|with|from|using)\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_AS_PLACE = re.compile(
    _W + r"\b(?:in|on|at|near|over|to|from|into|across|around)\s+(?:the\s+)?$", re.I
)
_ITS_FORCES = re.compile(
    _W + r"\b(?:(?:its|their)\s+(?:forces|troops|military|army|units|drones|missiles)|"
    # "Africa Command said it carried out an air strike": the speaker struck
    r"said (?:that )?it (?:had )?(?:carried out|conducted|launched))\b",
    re.I,
)
_CIVILIAN = re.compile(
    _W + r"\b(?:civilians?|villagers|residents|worshippers|passengers|children|women|families|"
    r"farmers|pilgrims|students|displaced people|massacre|shoppers|mourners|patients|fishermen|"
    r"herders|aid seekers|aid (?:distribution )?sites?|waiting for (?:food|aid))\b",
    re.IGNORECASE,
)
_CIVILIAN_VENUE = re.compile(  # a bomb at a wedding or a market targets civilians
    _W + r"\b(?:civilians?|villagers|worshippers|wedding|funeral|markets?|marketplace|beach|"
    r"mass|church|mosque|bus station|restaurant|caf[eé]|hotel|displacement camp|tents?|"
    r"crowd(?:ed)?|shoppers|pilgrims|festival|concert)\b",
    re.IGNORECASE,
)
_TOTALS = re.compile(  # running totals as context: "killed more than 1,000 civilians this year"
    _W + r"\b(?:this year|so far|to date|in the (?:insurgency|conflict|war|fighting|violence)|"
    r"since (?:then|the (?:start|beginning|outbreak|coup|takeover|invasion|war)|\d{4}|"
    r"last year|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)|"
    r"over the (?:past|last) (?:\w+ )?(?:years?|months?|decades?)|"
    # "Israel's offensive has killed more than 62,000 Palestinians"
    r"(?:offensive|war|campaign|conflict|fighting|insurgency|violence|invasion) "
    r"(?:has|have) (?:so far )?killed)\b",
    re.IGNORECASE,
)
_COMBAT = re.compile(
    _W + r"\b(?:clash(?:es|ed)?|fighting|fought|firefights?|gunfights?|battles?|battled|offensive|"
    r"captured|"
    r"recaptured|seized|repelled|ambush(?:ed)?|advanc(?:e|es|ed|ing)|assaults?|soldiers|troops|"
    r"positions|front ?line|stormed|policemen|police officers|police station|checkpoints?|"
    r"barracks|military (?:post|base|camp))\b",
    re.IGNORECASE,
)
_INFRA = re.compile(
    _W + r"\b(?:pipelines?|bridges?|rail(?:way)?s?|railway lines?|tracks|power lines?|substations?|"
    r"dams?|pylons?|cables?|signal boxes)\b",
    re.IGNORECASE,
)
_YEARLY_RATE = re.compile(r"\b(?:each|every|a|per) year\b|\bannually\b", re.IGNORECASE)
_AGGREGATE = re.compile(
    _W
    + r"\b(?:over|in|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?|24 hours)\b|"
    r"\bsince the (?:start|beginning|outbreak)\b|\bso far this (?:year|month)\b|\bsince (?:October|"
    r"the war|the conflict)\b",
    re.IGNORECASE,
)
_VICTIM_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:(?:were|was|have been|had been|are|being)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|captured|taken prisoner)|died|dead)\b",
    re.IGNORECASE,
)
_STOPPED = re.compile(
    _W + r"\b(?:stop|halt|cease|suspend|pause|refrain from|end|avoid|prevent)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SPEECH_BETWEEN = re.compile(
    _W + r"\b(?:said|says|condemned|condemns|denounced|accused|reported|claimed|announced|told|"
    r"warned|blamed|confirmed|criticized|criticised)\b",
    re.IGNORECASE,
)
_OWN_CLAIM = re.compile(  # "the Arakan Army said on Monday it had captured"
    r"\b(?:said|says|saying|claimed|announced)\b[^,;]{0,30}?\b(?:(?:it|they)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:\w+\s+)?$|(?:its|their)\s+(?:forces|fighters|troops|units|drones)\b)",
    re.IGNORECASE,
)
_BLAME = re.compile(_W + r"\b(?:blamed|blames|accused|accuses)\s+(?:the\s+)?$", re.IGNORECASE)
_UNREST = re.compile(
    _W + r"\b(?:protesters|demonstrators|rioters|riot(?:s|ing)?|mob|protests?|marchers|tear gas|"
    r"water cannon)\b",
    re.I,
)
_AID_LIST = re.compile(
    _W + r"\b(?:package|equipment|deliveries|delivery|shipped|interceptors|supplies|stocks|"
    r"procure\w*|purchase\w*|contract|manufactur\w*|production)\b",
    re.I,
)
_FICTION = re.compile(
    _W + r"\b(?:video games?|franchise|multiplayer|gameplay|reviewers?|fictional|novel|trailer|"
    r"sequel|box office|blockbuster|film|movie|album|episode|"
    # figures of speech: "had dropped a bomb on the industry", "a bombshell report"
    r"dropped a bomb|bombshell|price war|trade war|Sputnik moment)\b",
    re.I,
)
_INTERCEPT = re.compile(
    _W
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
    _W + r"\b(?:killed|killing|injured|injuring|wounded|wounding|damaged|destroying|hit|struck|"
    r"fire broke out|debris)\b",
    re.I,
)
_ARREST = re.compile(_W + r"\b(?:arrest(?:ed|s)?|detain(?:ed)?|detention|custody)\b", re.I)
_CONDITIONAL = re.compile(_W + r"\b(?:if|unless|in case|should)\b[^,;]*$", re.I)
_FIGHT_OTHER = {
    "armed_clash",
    "attack_on_civilians",
    "attack_on_infrastructure",
    "remote_explosive",
}
_TYPE_ORDER = [
    "remote_explosive",
    "attack_on_infrastructure",
    "attack_on_civilians",
    "armed_clash",
]


_BACKGROUND = re.compile(
    _W + r"\b(?:(?:has|have|had) (?:come under|been (?:\w+ )?(?:targeted|hit|attacked|shelled|"
    r"bombed) (?:repeatedly|regularly|frequently|many times))|last year|in (?:19|20)\d\d|"
    r"in recent (?:weeks|months)|since (?:the )?(?:start|beginning|outbreak)|"
    r"(?:over|in|during) the (?:past|last) (?:\w+ )?(?:months|years|decades?)|"
    r"(?:has|have|had) stepped up|"
    # habitual: "Kyiv rarely comments on attacks", "Russia often strikes the city"
    r"rarely|often|routinely|usually|typically|frequently|"
    r"(?:past|previous|earlier|similar) (?:attacks|strikes|bombings|raids)|"
    r"(?:almost|nearly) (?:daily|every day)|a daily (?:threat|occurrence))\b",
    re.IGNORECASE,
)
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
    _W + r"\b(?i:in|during|last|early|late|mid-?|between|from|until)\s+(January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
)


def _in_past_month(text: str, published: date) -> bool:
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
_HISTORY = re.compile(
    r"\b(?:anniversary|exhibition|museum|commemorat\w+|centenary|historians?|"
    r"World War (?:I|II|One|Two)|First World War|Second World War|D-Day)\b",
    re.IGNORECASE,
)


def extract(doc: Annotated) -> list[Proto]:
    if _HISTORY.search(doc.text[:400]):
        return []  # a story about history: its battles are not today's events
    out: list[Proto] = []
    for sent in doc.sentences:
        proto = _sentence_event(doc, sent, lead=not out)
        if proto is None:
            continue
        if _echo(proto, out):
            continue  # "The Israeli military said it had struck a depot": the same strike again
        if (
            out
            and not proto.date_explicit
            and _ANAPHOR.match(doc.text, sent.start, proto.trigger[0])
        ):
            # "The shelling damaged a substation in the Dniprovskyi district": more about the
            # attack already reported, whose place it shares; not a new happening
            proto.locations = []
        out.append(proto)
    return out


def _only_a_toll(hits: list[tuple[Rule, Hit]]) -> bool:
    """Every trigger is 'killed N people/fighters' (no attack word of its own)."""
    return bool(hits) and all(match.group(0).lower().startswith("killed") for _, match in hits)


def _echo(proto: Proto, earlier: list[Proto]) -> bool:
    """A later mention with nothing of its own (no place, day or toll) by an attacker already
    reported in the article retells that attack."""
    init = proto.role("initiator")
    if proto.date_explicit or proto.killed or proto.injured:
        return False
    if any(loc.precision != "country" for loc in proto.locations):
        return False
    if not init:
        # "three shells landed inside the perimeter": more of the shelling just reported
        return any(p.event_type == proto.event_type for p in earlier)
    if _UNNAMED.fullmatch(init[0].name) and earlier:
        return True  # "The attackers fired from a hillside": the attack just reported
    names = {a.name for p in earlier for a in p.role("initiator")}
    return init[0].name in names


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
    return not (_STRONG.search(text) or _ARMED_ACTOR.search(text))


_SINCE_CLAUSE = re.compile(r"\b(?:ever )?since\s+(?!the start|the beginning)[^,;.]*$", re.I)


def since_clause(head: str) -> bool:
    """The text before a trigger ends in an open 'since' clause: the act is the time from which
    things are told ("tensions have soared since gunmen killed 26 people"), background."""
    return bool(_SINCE_CLAUSE.search(head[-90:]))


_CRIME_TRIGGER = re.compile(r"(?:stabbed|stabbing|shooting|shot dead)$", re.I)
_ARMED_ACTOR = re.compile(
    r"\b(?:gunm[ae]n|armed (?:men|man|individuals|persons|people|assailants)|"
    r"militants?|fighters|rebels|insurgents|jihadists?|bandits|gangs?|gang members|"
    r"militiamen|militias?|soldiers|troops|security forces|settlers|attackers|assailants)\b",
    re.I,
)


_WITNESS = re.compile(
    r"\b(?:residents|villagers|witnesses|locals|passengers)\s+(?:said|say|told|reported)\b",
    re.IGNORECASE,
)


def _event_type(sent: Sentence, found: list[str]) -> str:
    # "..., residents said": witnesses are a source, not the victims
    text = _WITNESS.sub("", sent.text)
    specific = set(found) & _FIGHT_OTHER
    if "remote_explosive" not in specific:
        air = _AIR.search(text)
        if air and air.group(0).lower() in ("bombed", "bombing") and _INFRA.search(text):
            return "attack_on_infrastructure"  # "the pipeline was bombed": sabotage, not aircraft
        if air:
            return "air_strike"
        if _MISSILE.search(text):
            return "missile_attack"
    if specific & {"remote_explosive", "attack_on_infrastructure"}:
        if "attack_on_infrastructure" in specific or _INFRA.search(text):
            return "attack_on_infrastructure"
        return "remote_explosive"
    if "attack_on_civilians" in specific and _COMBAT.search(text) and not _CIVILIAN.search(text):
        return "armed_clash"  # "opened fire on soldiers' positions": fighting, not civilians
    if "attack_on_civilians" in specific or (_CIVILIAN.search(text) and not _COMBAT.search(text)):
        return (
            "attack_on_civilians"
            if _CIVILIAN.search(text) or "attack_on_civilians" in specific
            else "attack"
        )
    if "armed_clash" in specific or _COMBAT.search(text):
        return "armed_clash"
    if "air_strike" in found:
        return "air_strike"
    if "missile_attack" in found:
        return "missile_attack"
    return "attack"  # no cue: typed by the event it merges into, else armed_clash


_STRIKE_NOUN = re.compile(r"^strikes?$", re.IGNORECASE)


def _state_strikes(doc: Annotated, sent: Sentence, hits: list[tuple[Rule, Hit]]) -> bool:
    """'Israeli strikes hit ...': strikes by a state's forces, with no ground combat words."""
    if _COMBAT.search(sent.text) and not re.search(r"\bstrikes?\b", sent.text, re.I):
        return False
    for _rule, hit in hits:
        if not _STRIKE_NOUN.match(hit.group(0)):
            continue
        pos = sent.start + hit.start()
        for mention in doc.actors:
            if pos - 25 <= mention.end <= pos and mention.kind in ("state", "armed_forces"):
                return mention.source in ("demonym", "country")
    return False


def _in_quote(text: str, pos: int) -> bool:
    """Whether pos lies inside a quotation ("..." or “...”)."""
    head = text[:pos]
    return head.count("“") > head.count("”") or head.count('"') % 2 == 1


_YEAR = re.compile(r"\b(?:in|of|since|during)\s+(?:\w+\s+)?((?:19|20)\d\d)\b|\blast year\b", re.I)


def _in_past_year(text: str, year: int) -> bool:
    for match in _YEAR.finditer(text):
        if match.group(1) is None or int(match.group(1)) < year:
            # "since Russia's invasion in February 2022": the start of a toll, not its date
            lead_in = text[max(0, match.start() - 40) : match.end()]
            return not re.search(r"\bsince\b[^,;]*$", lead_in, re.I)
    return False


def _suppressed(sent: Sentence) -> bool:
    """Riots and police raids have their own extractors: no attack event from those words;
    fiction and games are never events; a sentence only about interceptions is no attack."""
    text = sent.text
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
    if found_in(_AIR, text, low) or found_in(_MISSILE, text, low):
        return False
    return found_in(_UNREST, text, low) or found_in(_ARREST, text, low)


def _kept_hits(
    doc: Annotated, sent: Sentence, found: list[tuple[Rule, Hit]]
) -> list[tuple[Rule, Hit]]:
    """The triggers that report a happening: not hedged, quoted, referred back to or idle."""
    hits: list[tuple[Rule, Hit]] = []
    low = sent.text.lower()
    if found:
        blocked = cue_in(doc, "blockers", sent.start, sent.end) and not _STRONG.search(sent.text)
        for rule, match in found:
            head = sent.text[: match.start()]
            if blocked or _CONDITIONAL.search(head[-60:]) or _STOPPED.search(head[-40:]):
                continue
            if head.endswith("to ") and not _KEEP_INFINITIVE.search(head[-30:]):
                continue  # "to allow Ukraine to strike launch sites": not a reported strike
            if _in_quote(sent.text, match.start()):
                continue  # '"indiscriminate attacks on civilians are a violation..."': comment
            if rule.needs_context and not _conflict_ok(doc, sent, match):
                continue
            if accidents.vetoed(doc, sent, match.start(), match.end(), generic=rule.needs_context):
                continue  # an accident, a disaster, a fear or a figure of speech
            if found_in(_REFERENCE, head[-80:], low[: match.start()][-80:]):
                continue  # the object of a reaction refers back to an event, it is not news
            if since_clause(head):
                continue  # "tensions have soared since gunmen killed 26 people": background
            if _STORMED.match(match.group(0)) and not _ARMED_GROUP.search(head):
                continue  # "supporters stormed the residence": a riot, coded by unrest
            hits.append((rule, match))
    return hits


def running_total(sent: Sentence) -> bool:
    """A count told from the third sentence on as a total over a period ("air strikes killed
    more than 1,000 civilians this year"): context of the news, not a happening's count."""
    return sent.index >= 2 and bool(_TOTALS.search(sent.text))


def _sentence_event(doc: Annotated, sent: Sentence, *, lead: bool = True) -> Proto | None:
    """lead: no attack reported before it (the dateline city may be the attack's place)."""
    found = triggers_in(doc, "attack", sent)
    # a running total is no happening's count, even as the lead (codebook rules 3 and 8):
    # "37,300 have been killed since the start of the war", "650 ... since October 2023"
    killed, injured = event_casualties(sent, doc.published.year)
    if not found and not (killed or injured):
        return None
    if _suppressed(sent):
        return None
    hits = _kept_hits(doc, sent, found)
    if _only_a_toll(hits) and cue_in(doc, "disasters", sent.start, sent.end):
        hits = []  # "floods killed at least 95 people": a disaster's toll, no attacker
    if hits and not (killed or injured) and found_in(_BACKGROUND, sent.text, sent.text.lower()):
        return None  # "Odessa has been targeted repeatedly since 2022": background
    if (killed or injured) and running_total(sent):
        return None  # a running total told after the news: context, not an event
    if _in_past_year(sent.text, doc.published.year) or _in_past_month(sent.text, doc.published):
        return None  # "In August last year, hundreds were killed in Barsalogho": background
    if not hits and any(_SINCE_CLAUSE.search(sent.text[: m.start()][-90:]) for _, m in found):
        return None  # the only attack told is one "since" which things have happened
    if not hits:
        if (
            (killed or injured)
            and (_STRONG.search(sent.text) or _attack_context(doc, sent))
            # "floods killed 95": a disaster's toll, no conflict event
            and not cue_in(doc, "disasters", sent.start, sent.end)
            and not accidents.accident_toll(doc, sent)
            # "a million deaths worldwide each year": a statistic, not a happening
            and not _YEARLY_RATE.search(sent.text)
        ):
            return _casualty_only(doc, sent, killed, injured)
        return None
    rule, trig = hits[0]
    start, end = article_span(sent, trig)
    status = None
    for _rule, match in hits:
        status = status_for(sent, *article_span(sent, match))
        if status is not None:
            start, end = article_span(sent, match)
            break
    if status is None:
        return None
    event_type = _event_type(sent, [r.event_type for r, _ in hits])
    if event_type in ("attack", "attack_on_civilians", "armed_clash") and _state_strikes(
        doc, sent, hits
    ):
        event_type = (
            "air_strike"  # "Israeli strikes hit tents": a state's strikes come from the air
        )
    if (
        (killed or injured)
        and _AGGREGATE.search(sent.text)
        and event_type in ("armed_clash", "attack")
    ):
        return _casualty_only(doc, sent, killed, injured)
    proto = Proto(event_type, sent, (start, end), NAME, VERSION, status=status)
    proto.actors = _actors(doc, sent, start, end)
    _defender_as_target(doc, sent, proto)
    if status == "denied":
        _denier_as_initiator(doc, sent, start, proto)
    proto.locations = _locations(
        doc, sent, proto.actors, lead=lead, toll=bool(killed or injured), trigger_end=end
    )
    if not proto.role("initiator"):
        blamed = _blamed_next(doc, sent)
        if blamed is not None:
            proto.actors.insert(0, _as_state(blamed, "initiator"))
    _fill_actors(proto, sent, event_type, doc)
    if (
        proto.event_type == "armed_clash"
        and not proto.role("initiator")
        and not _STRONG.search(sent.text)
    ):
        proto.event_type = "attack"  # "the Lahore clashes": typed by what it merges into
    proto.when, proto.date_explicit = event_date(doc, sent, start)
    proto.killed, proto.injured = killed, injured
    proto.weapons = weapons(sent)
    proto.base_confidence = 0.5 if rule.needs_context else 0.6
    return proto


_UNNAMED = re.compile(
    _W + r"\b(?P<who>gunmen|militants|attackers|gang members|gangs?|insurgents|rebels|jihadists|"
    r"bandits|guerrillas|assailants|militiamen|separatists)\b",
    re.IGNORECASE,
)


_ANAPHOR = re.compile(
    r"(?:The|This|That|Sunday's|Monday's|Tuesday's|Wednesday's|Thursday's|"
    r"Friday's|Saturday's)\s+(?:[\w-]+\s+)?$"
)
_SUBORDINATE = re.compile(
    r",\s+(?:as|while|whereas|which|who|after|before|since|days after|hours after|a day after)\b|"
    r";|\b(?:in order to|to pressure|to force|to press)\b"
)
_RELATIVE_PLACE = re.compile(
    r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?|"
    r"\d+\s*(?:km|kilometres|kilometers|miles)(?:\s+\([^)]*\))?(?:\s+\w+)?)\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
_STATE_FORCES = re.compile(
    _W + r"\b(?:security forces|government forces|government troops|police(?:men)?|"
    r"police officers|troops|soldiers|the army|the military|the junta|junta troops|"
    r"military (?:aircraft|jets?|helicopters?|drones?))\b",
    re.IGNORECASE,
)
_ACTS_AFTER = re.compile(  # "security forces killed", "troops opened fire": the subject acts
    r"^\s+(?:\w+ly\s+|also\s+|then\s+|on \w+\s+)?(?:[a-z]+ed|shot|fought|hit|struck|overran|"
    r"began|took|threw|drove|led)\b"
)
_REFERENCE = re.compile(  # "Sharif condemned Thursday's bombing": the event already reported
    _W + r"\b(?:condemn\w*|denounc\w*|critici[sz]\w*|deplor\w*|mourn\w*|decr[iy]\w*|"
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
    _W + r"\b(?:gunmen|militants|insurgents|rebels|jihadists|fighters|gang members|gangs?|"
    r"bandits|militia\w*|troops|soldiers|forces|army|guerrillas|assailants|attackers)\b",
    re.IGNORECASE,
)


_CARRIED_OUT_BY = re.compile(  # "the attack was carried out by the X coalition"
    r"\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?(?:carried out|launched|conducted|"
    r"perpetrated|staged|claimed|committed|orchestrated)\s+by\s+",
    re.IGNORECASE,
)
_DENIED = re.compile(_W + r"\b(?:denied|denies|denying|rejected claims|dismissed claims)\b", re.I)


def _denier_as_initiator(doc: Annotated, sent: Sentence, start: int, proto: Proto) -> None:
    """'Rwanda denied that its troops fought...': the one denying is the accused attacker."""
    cue = _DENIED.search(sent.text[: start - sent.start])
    if cue is None:
        return
    pos = sent.start + cue.start()
    before = [
        m
        for m in sentence_actors(doc, sent, skip_attributed=False)
        if m.end <= pos and m.kind in ("state", "armed_forces", "group", "person")
    ]
    if before:
        proto.actors = [a for a in proto.actors if a.role != "initiator"]
        denier = before[-1]
        proto.actors.insert(0, _as_state(denier, "initiator"))


_CLAIMED = re.compile(
    r"^\)?(?:’s|'s)?\s*(?:\(\w+\)\s*)?"
    # "JNIM, al-Qaeda's Sahel branch, claimed the assault": an apposition between
    r"(?:,[^,.;]{0,60},\s*)?(?:[\w-]+\s+){0,3}?claimed "
    r"(?:responsibility|the (?:attack|assault|bombing|strike)|it)",
    re.IGNORECASE,
)


def _blamed_next(doc: Annotated, sent: Sentence) -> ActorMention | None:
    """'... killing 12. It blamed the M23 rebels' / 'Islamic State claimed responsibility':
    the attacker named in the next sentence."""
    for nxt in doc.sentences[sent.index + 1 : sent.index + 3]:
        for mention in doc.actors:
            if not nxt.start <= mention.start < nxt.end:
                continue
            if _BLAME.search(doc.text[max(nxt.start, mention.start - 20) : mention.start]):
                return mention
            if _CLAIMED.match(doc.text[mention.end : nxt.end]):
                return mention
    return None


def _unnamed_actor(
    doc: Annotated, sent: Sentence, proto: Proto, country: str
) -> tuple[Actor, int] | None:
    """The attacker named by a common noun before the trigger: 'security forces killed four
    militants' -> the state's forces; 'gunmen opened fire' -> an armed group; both coded with
    the country where it happened (as ACLED does). Attributions ('police said') are skipped."""
    rel = proto.trigger[0] - sent.start
    head = sent.text[:rel]
    best: tuple[int, Actor, int] | None = None
    head = head[len(head) - len(clause_before(head, len(head))) :]
    base = sent.start + rel - len(head)
    for regex, is_state in ((_STATE_FORCES, True), (_UNNAMED, False)):
        for match in regex.finditer(head):
            at = rel - len(head) + match.end()
            after = sent.text[at : at + 50]
            if (
                doc.attributed(base + match.start())
                or (best is not None and best[0] < match.start())
                or _VICTIM_AFTER.match(after)
                or (is_state and not _ACTS_AFTER.match(after))
            ):
                continue
            if is_state:
                state = gazetteer().iso3.get(country)
                if state is None:
                    continue
                actor = Actor(
                    role="initiator", name=state.name, kind="armed_forces", country=country
                )
            else:
                name = match.group("who").capitalize()
                actor = Actor(role="initiator", name=name, kind="group", country=country)
            best = (match.start(), actor, base - sent.start + match.end())
    return (best[1], best[2]) if best else None


def _unnamed_target(sent: Sentence, after: int, country: str) -> Actor | None:
    """'security forces killed four militants': the armed group right after the subject."""
    match = _UNNAMED.search(sent.text, after)
    if match is None or match.start() - after > 40:
        return None
    name = match.group("who").capitalize()
    return Actor(role="target", name=name, kind="group", country=country)


def _fill_actors(
    proto: Proto, sent: Sentence, event_type: str, doc: Annotated | None = None
) -> None:
    """Fill what the text implies: the attacked side is the country where it happened (or its
    civilians when a state strikes at home or civilians are the victims); an unnamed armed
    group ("gunmen") is the attacker, coded with the country where it acted (as ACLED does)."""
    country = next((loc.country for loc in proto.locations if loc.country), None)
    initiator = next((a for a in proto.actors if a.role == "initiator"), None)
    has_target = any(a.role == "target" for a in proto.actors)
    home = country or (doc.focus.most_common(1)[0][0] if doc is not None and doc.focus else None)
    if initiator is None and home and doc is not None:
        found = _unnamed_actor(doc, sent, proto, home)
        if found is not None:
            initiator, subject_end = found
            proto.actors.insert(0, initiator)
            if initiator.kind == "armed_forces" and not has_target:
                target = _unnamed_target(sent, subject_end, home)
                if target is not None:
                    proto.actors.append(target)
                    has_target = True
    if initiator is None:
        unnamed = _UNNAMED.search(sent.text)
        if unnamed and country:
            name = unnamed.group("who").capitalize()
            initiator = Actor(role="initiator", name=name, kind="group", country=country)
            proto.actors.insert(0, initiator)
    if (
        event_type == "attack_on_civilians"
        or (
            not has_target
            and initiator is not None
            and initiator.country == country
            and _CIVILIAN.search(sent.text)
        )
        or (
            not has_target
            and event_type in ("remote_explosive", "air_strike", "missile_attack")
            and (initiator is None or initiator.kind == "group" or initiator.country == home)
            and _CIVILIAN_VENUE.search(sent.text)
        )
    ):
        proto.actors = [a for a in proto.actors if a.role != "target"]
        civilians = Actor(role="target", name="civilians", kind="civilians", country=country)
        proto.actors.append(civilians)
    elif (
        not has_target
        and country
        and (initiator is None or initiator.country != country or initiator.kind == "group")
    ):
        state = gazetteer().iso3.get(country)
        if state is not None:
            proto.actors.append(
                Actor(role="target", name=state.name, kind="state", country=country)
            )


def _attack_context(doc: Annotated, sent: Sentence) -> bool:
    """A bare casualty sentence counts when the article is about an attack."""
    return cue_in(doc, "context", 0, sent.start) and not cue_in(
        doc, "blockers", sent.start, sent.end
    )


def _casualty_only(doc: Annotated, sent: Sentence, killed: object, injured: object) -> Proto | None:
    proto = Proto("casualty_report", sent, (sent.start, sent.end), NAME, VERSION)
    proto.killed, proto.injured = killed, injured  # type: ignore[assignment]
    proto.locations = _locations(doc, sent, [])
    if not proto.locations:
        places = [p for p in doc.places if sent.start <= p.start < sent.end]
        proto.locations = [location_of(p) for p in places[:1]]
    proto.when, proto.date_explicit = event_date(doc, sent)
    proto.base_confidence = 0.45
    return proto


def _state_like(mention: ActorMention, doc: Annotated | None = None) -> bool:
    if mention.kind not in ("state", "armed_forces", "group"):
        return False
    if mention.source == "metonym" and doc is not None:
        return not _AS_PLACE.search(doc.text[max(0, mention.start - 12) : mention.start])
    return mention.source != "metonym" or doc is None


def _attackers_group(
    doc: Annotated, mentions: list[ActorMention], start: int, end: int
) -> ActorMention | None:
    """'Gunmen from the Viv Ansanm coalition attacked ...': the trigger names the attackers,
    and the group they come from follows it."""
    if not _ATTACKER_NOUN.match(doc.text[start:end]):
        return None
    return next(
        (
            m
            for m in mentions
            if m.start >= end and m.kind == "group" and _FROM_GROUP.match(doc.text[end : m.start])
        ),
        None,
    )


def _actors(doc: Annotated, sent: Sentence, start: int, end: int) -> list[Actor]:
    mentions = sentence_actors(doc, sent)
    all_mentions = sentence_actors(doc, sent, skip_attributed=False)
    initiator: ActorMention | None = None
    target: ActorMention | None = None
    rel_end = end - sent.start
    tail = sent.text[rel_end:]
    passive = _PASSIVE.search(sent.text)
    by_agent = re.search(r"\bby\s+(?:the\s+)?(?:a\s+)?", tail)
    forces = [m for m in mentions if m.forces]
    initiator = _attackers_group(doc, mentions, start, end)
    # "Ukraine's General Staff said its forces struck": the speaker's own forces attacked.
    if initiator is None and _ITS_FORCES.search(sent.text[: rel_end + 30]):
        speakers = [m for m in all_mentions if m.start < end and m.country]
        if speakers:
            initiator = speakers[0]
    forces = [m for m in forces if not _VICTIM_AFTER.match(doc.text[m.end : m.end + 50])]
    # "M23 rebels backed by Rwandan troops pushed into Goma": the backer is not the subject
    backers = [m for m in forces if _BACKED_BY.search(doc.text[max(0, m.start - 30) : m.start])]
    forces = [m for m in forces if m not in backers]
    blamed = [
        m for m in mentions if _BLAME.search(doc.text[max(sent.start, m.start - 20) : m.start])
    ]
    if initiator is None and blamed and _state_like(blamed[0]):
        initiator = blamed[0]
    if initiator is None and forces:
        agents = [
            m
            for m in forces
            if m.end <= end
            or (
                _BY_WITH.search(doc.text[max(0, m.start - 14) : m.start])
                and not _ESCORTED_BY.search(doc.text[max(0, m.start - 30) : m.start])
            )
        ]
        initiator = agents[0] if agents else None
    nominal_by = re.match(r"\s+(?:\w+\s+)?by\s+", tail) or _CARRIED_OUT_BY.match(tail)
    if initiator is None and nominal_by:
        agents = [m for m in mentions if m.start >= end and _state_like(m)]
        armed = [m for m in agents if m.kind in ("group", "armed_forces")]
        if armed or agents:
            initiator = (armed or agents)[0]
    if passive and initiator is None and by_agent:
        after_by = [m for m in mentions if m.start >= end + by_agent.end() - 1 and _state_like(m)]
        if after_by:
            initiator = after_by[0]
    before = [
        m
        for m in all_mentions
        if m.end <= start
        and (_state_like(m, doc) or m.kind == "person")
        and not _VICTIM_AFTER.match(doc.text[m.end : m.end + 50])
        and (
            _OWN_CLAIM.search(doc.text[m.end : start])
            or (not doc.attributed(m.start) and not _SPEECH_BETWEEN.search(doc.text[m.end : start]))
        )
    ]
    after = [m for m in mentions if m.start >= end and _state_like(m)]
    if passive and passive.start() + sent.start < start + 1:
        subject = [m for m in all_mentions if m.end <= sent.start + passive.start()]
        target = subject[-1] if subject else None
    if initiator is None and before and not passive:
        state_like = [m for m in before if _state_like(m, doc) and m not in backers]
        initiator = state_like[-1] if state_like else None
    if target is None:
        target = next((m for m in after if _other_side(m, initiator, end)), None)
    actors: list[Actor] = []
    if initiator is not None:
        actors.append(_as_state(initiator, "initiator"))
        for backer in backers[:1]:
            if backer.name != initiator.name:
                actors.append(_as_state(backer, "initiator"))
    if target is not None and _other_side(target, initiator, end):
        actors.append(_as_state(target, "target"))
    return actors


def _other_side(mention: ActorMention, initiator: ActorMention | None, trigger_end: int) -> bool:
    """Not the initiator's side: another country, or the armed group a state's forces fight
    at home, named as the object of the attack ("Somali troops fought al Shabaab fighters")."""
    if initiator is None:
        return True
    if mention.name == initiator.name:
        return False
    if mention.country != initiator.country:
        return True
    state = initiator.kind == "state" or initiator.forces
    return state and mention.kind == "group" and 0 <= mention.start - trigger_end <= 12


def _as_state(mention: ActorMention, role: str) -> Actor:
    """Attackers and targets are coded as their state: 'Russian forces' -> Russia (armed_forces)."""
    actor = actor_of(mention, role)
    if mention.source == "metonym":
        return actor.model_copy(update={"kind": "state"})
    if mention.kind == "person" and mention.country:
        return actor
    return actor


def _locations(
    doc: Annotated,
    sent: Sentence,
    actors: list[Actor],
    *,
    lead: bool = False,
    toll: bool = False,
    trigger_end: int | None = None,
) -> list[Location]:
    """lead: the article's first attack, which may happen in the dateline city (when its
    sentence names the city's country or a toll: a bare "fired" is no reason to place it)."""
    places = sentence_places(doc, sent)
    if trigger_end is not None:
        # "Israel struck Damascus, as it stepped up attacks to press for a withdrawal from
        # Sweida": a place in a later, subordinate clause is not where this attack happened
        other = _SUBORDINATE.search(doc.text, trigger_end, sent.end)
        if other is not None:
            places = [p for p in places if p.start < other.start()]
    initiator = next((a for a in actors if a.role == "initiator"), None)
    target = next((a for a in actors if a.role == "target"), None)
    sub = [p for p in places if p.place.precision != "country"]
    # "in Bilozerka, west of Kherson": a place named only as a bearing is not where it happened
    anchored = [
        p for p in sub if not _RELATIVE_PLACE.search(doc.text[max(0, p.start - 45) : p.start])
    ]
    sub = anchored or sub
    keep: list[PlaceMention] = []
    for place in sub:
        if (
            initiator is not None
            and initiator.kind in ("state", "armed_forces")
            and place.place.country3 == initiator.country
            and target is not None
            and target.country not in (None, initiator.country)
        ):
            continue
        keep.append(place)
    if not keep and (earlier := antecedent_place(doc, sent)) is not None:
        keep = [earlier]  # "Hours later, military aircraft bombed the town": that town
    if not keep:
        countries = [p for p in places if p.place.precision == "country"]
        if target is not None:
            countries = [p for p in countries if p.place.country3 == target.country]
        elif initiator is not None:
            countries = [p for p in countries if p.place.country3 != initiator.country]
        keep = countries[:1]
        # "soldiers were killed on the border": away from the capital the reporter is in
        city = dateline_place(doc) if lead and not _AWAY.search(sent.text) else None
        if (
            city is not None
            and (keep or toll)
            and _dateline_fits(city, places, keep, initiator, target)
        ):
            keep = [city]
    seen: set[str] = set()
    out = []
    for place in keep:
        if place.place.name in seen:
            continue
        seen.add(place.place.name)
        out.append(location_of(place))
    return out


def _dateline_fits(
    city: PlaceMention,
    places: list[PlaceMention],
    chosen: list[PlaceMention],
    initiator: Actor | None,
    target: Actor | None,
) -> bool:
    """ "TRIPOLI, Libya - Clashes killed eight": a sentence naming no town happened in the
    dateline city when that city lies in the country the event is placed in (or, with no
    country named, in the attacked country and not in the attacker's own)."""
    country = city.place.country3
    if chosen:
        return chosen[0].place.country3 == country
    if places:
        return False  # the sentence names only other countries
    if target is not None and target.country is not None:
        return target.country == country
    return initiator is None or initiator.country != country or initiator.kind == "group"


_AWAY = re.compile(r"\b(?:border|front ?lines?|frontline|front|outskirts|province|region)\b", re.I)
_DEFENCE = re.compile(
    r"\b(?P<passive>(?:was|were|been|being)\s+)?(?:repelled|repulsed|held off|fought off|"
    r"beat back|beaten back|fended off|pushed back|thwarted)\b",
    re.IGNORECASE,
)


def _defender_as_target(doc: Annotated, sent: Sentence, proto: Proto) -> None:
    """'Ukrainian troops repelled a Russian assault': the defender is the target and the side
    whose assault was repelled the attacker ('an assault was repelled by X': the reverse)."""
    cue = _DEFENCE.search(sent.text)
    if cue is None:
        return
    verb_start, verb_end = article_span(sent, cue)
    if not verb_start - 60 <= proto.trigger[0] <= verb_end + 60:
        return  # the defence is another clause's: "missiles hit X while air defences repelled"
    mentions = [m for m in sentence_actors(doc, sent, skip_attributed=False) if _state_like(m)]
    before = [m for m in mentions if m.end <= verb_start and not doc.attributed(m.start)]
    after = [m for m in mentions if verb_end <= m.start <= verb_end + 60]
    if not before and _ITS_FORCES.search(sent.text[: cue.start()]):
        before = [m for m in mentions if m.end <= verb_start]  # "X said its forces repelled"
    subject = before[-1] if before else None
    obj = after[0] if after else None
    defender, attacker = (obj, subject) if cue.group("passive") else (subject, obj)
    if defender is None:
        return
    if attacker is not None and attacker.country == defender.country:
        attacker = None
    kept = [a for a in proto.actors if a.role not in ("initiator", "target")]
    roles = [_as_state(defender, "target")]
    if attacker is not None:
        roles.insert(0, _as_state(attacker, "initiator"))
    else:  # "Ukrainian troops repelled the assault": an attacker named elsewhere stays
        roles[:0] = [
            a for a in proto.role("initiator") if a.country not in (None, defender.country)
        ]
    proto.actors = roles + kept
