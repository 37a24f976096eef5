"""Shared pieces of the extractors: the proto-event they return and small pure helpers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from streams.extraction import lexicons
from streams.extraction.annotate import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.dates import DateMention
from streams.extraction.gazetteer import gazetteer
from streams.extraction.numbers import (
    AMOUNT,
    AMOUNT_RE,
    NUMBER_CORE,
    Amount,
    parse_amount,
    words_to_int,
)
from streams.schemas import Actor, Count, Location, Money, Weapon, When

_W = "(?=[0-9A-Za-z])"  # fail fast between words (a large speed-up for big alternations)
NUMBER_WORDS = NUMBER_CORE.split("|(?:", 1)[1].rstrip(")")  # the number-word half


@dataclass
class Proto:
    """An event as an extractor sees it, before merging and normalization."""

    event_type: str
    sentence: Sentence
    trigger: tuple[int, int]
    extractor: str
    version: str
    status: str = "occurred"
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    when: When = field(default_factory=When)
    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None
    missing: Count | None = None
    displaced: Count | None = None
    weapons: list[Weapon] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    date_explicit: bool = False
    base_confidence: float = 0.5
    published: date | None = None
    lead: bool = False  # the text's own news, told first: kept with no place or day named

    def role(self, role: str) -> list[Actor]:
        return [a for a in self.actors if a.role == role]


@dataclass(frozen=True)
class Rule:
    event_type: str
    regex: re.Pattern[str]
    needs_context: bool


@lru_cache(maxsize=1)
def rules() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = {}
    for rule in lexicons.triggers().rules:
        out.setdefault(rule.family, []).append(
            Rule(rule.event_type, re.compile(rule.pattern, re.IGNORECASE), rule.needs_context)
        )
    return out


@lru_cache(maxsize=1)
def compiled() -> dict[str, re.Pattern[str]]:
    lex = lexicons.triggers()
    out = {
        "context": re.compile(lex.conflict_context, re.IGNORECASE),
        "blockers": re.compile(lex.blockers, re.IGNORECASE),
        "disasters": re.compile(lex.disasters, re.IGNORECASE),
    }
    for name, pattern in lex.status_cues.items():
        out["status_" + name] = re.compile(pattern, re.IGNORECASE)
    return out


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger match, with offsets relative to its sentence (the re.Match methods we use)."""

    rel_start: int
    rel_end: int
    text: str

    def start(self) -> int:
        return self.rel_start

    def end(self) -> int:
        return self.rel_end

    def group(self, _index: int = 0) -> str:
        return self.text


def article_span(sent: Sentence, hit: Hit | re.Match[str]) -> tuple[int, int]:
    """A trigger's offsets in the article text (hits are relative to their sentence)."""
    return sent.start + hit.start(), sent.start + hit.end()


def events_per_sentence(
    doc: Annotated, sentence_event: Callable[[Annotated, Sentence], Proto | None]
) -> list[Proto]:
    """At most one event per sentence, for extractors whose rules look at one sentence."""
    return [proto for sent in doc.sentences if (proto := sentence_event(doc, sent)) is not None]


def triggers_in(doc: Annotated, family: str, sent: Sentence) -> list[tuple[Rule, Hit]]:
    """Trigger matches of one family in one sentence. Each rule runs once over the whole text
    per article (cached on the annotation), not once per sentence."""
    key = "triggers:" + family
    by_sentence = doc.cache.get(key)
    if by_sentence is None:
        by_sentence = _scan_family(doc, family)
        doc.cache[key] = by_sentence
    found: list[tuple[Rule, Hit]] = by_sentence.get(sent.index, [])
    return found


@lru_cache(maxsize=256)
def _lower_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-insensitive pattern, for lower-cased text, without its
    leading \\b (which defeats the engine's first-character scan): about twice as fast.
    None when the pattern cannot be used that way (upper-case literals, class escapes)."""
    pattern = regex.pattern
    if re.search(r"\\[SWDBAZ]|\(\?[^:<=!]|[A-Z]", pattern.replace("\\b", "")):
        return None
    return re.compile(pattern.removeprefix("\\b"))


def fast_finditer(doc: Annotated, regex: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the matches of a case-insensitive regex in the article text."""
    lowered = _lowered(doc)
    twin = _lower_twin(regex) if lowered else None
    if twin is None:
        for match in regex.finditer(doc.text):
            yield match.start(), match.end()
        return
    bounded = regex.pattern.startswith("\\b")
    for match in twin.finditer(lowered):
        start = match.start()
        if bounded and start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
            continue
        yield start, match.end()


@lru_cache(maxsize=256)
def _sentence_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-insensitive pattern, to run on lower-cased text: several
    times faster than re.IGNORECASE. None when lower-casing could change the pattern's meaning
    (upper-case escapes such as \\S, inline groups such as (?P<name>...))."""
    body = regex.pattern.replace(_W, "(?=[0-9a-z])")
    if not regex.flags & re.IGNORECASE or re.search(r"\\[A-Z]|\(\?[^:<=!]", body):
        return None
    return re.compile(body.lower())


def found_in(regex: re.Pattern[str], text: str, lowered: str) -> bool:
    """regex.search(text), run on the lower-cased text when that is equivalent and faster."""
    twin = _sentence_twin(regex)
    if twin is None or len(lowered) != len(text):
        return regex.search(text) is not None
    return twin.search(lowered) is not None


def _lowered(doc: Annotated) -> str:
    lowered: str | None = doc.cache.get("lower")
    if lowered is None:
        lowered = doc.text.lower()
        lowered = lowered if len(lowered) == len(doc.text) else ""
        doc.cache["lower"] = lowered
    return lowered


def cue_in(doc: Annotated, name: str, start: int, end: int, skip: tuple[int, int] = (0, 0)) -> bool:
    """Whether a cue ("context", "blockers") occurs in text[start:end] outside the skip span.
    Searched only in the range asked for: most sentences never need it."""
    regex = compiled()[name]
    lowered = _lowered(doc)
    twin = _lower_twin(regex) if lowered else None
    source, pattern = (lowered, twin) if twin is not None else (doc.text, regex)
    bounded = twin is not None and regex.pattern.startswith("\\b")
    for match in pattern.finditer(source, start, end):
        a, b = match.span()
        if bounded and a > 0 and (source[a - 1].isalnum() or source[a - 1] == "_"):
            continue
        if not (a >= skip[0] and b <= skip[1]):
            return True
    return False


def _scan_family(doc: Annotated, family: str) -> dict[int, list[tuple[Rule, Hit]]]:
    starts = [s.start for s in doc.sentences]
    out: dict[int, list[tuple[Rule, Hit]]] = {}
    for rule in rules().get(family, []):
        for m_start, m_end in fast_finditer(doc, rule.regex):
            i = bisect.bisect_right(starts, m_start) - 1
            if i < 0:
                continue
            sent = doc.sentences[i]
            if m_end > sent.end:
                continue
            hit = Hit(m_start - sent.start, m_end - sent.start, doc.text[m_start:m_end])
            out.setdefault(i, []).append((rule, hit))
    for hits in out.values():
        hits.sort(key=lambda rh: rh[1].rel_start)
    return out


def actor_of(mention: ActorMention, role: str) -> Actor:
    kind = mention.kind
    if mention.forces:
        kind = "armed_forces"
    return Actor(
        role=role,
        name=mention.name,
        kind=kind,
        country=mention.country,
        office=mention.office,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def location_of(mention: PlaceMention) -> Location:
    place = mention.place
    from streams.schemas import Admin1

    admin1 = Admin1(name=place.admin1_name, code=place.admin1_code) if place.admin1_name else None
    return Location(
        name=place.name,
        country=place.country3 or None,
        admin1=admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        geonames_id=place.geonames_id,
        precision="admin1" if place.area else place.precision,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def sentence_actors(
    doc: Annotated, sent: Sentence, *, skip_attributed: bool = True
) -> list[ActorMention]:
    out = [a for a in doc.actors if sent.start <= a.start < sent.end]
    if skip_attributed:
        out = [a for a in out if not doc.attributed(a.start)]
    return out


_DATELINE_CITY = re.compile(
    r"\s*(?P<city>[A-Z][A-Z .'’-]{2,40}?)\s*(?:,\s*(?P<country>[A-Z][\w .]{1,30}?))?\s*[(—–-]"
)


def dateline_place(doc: Annotated) -> PlaceMention | None:
    """The city of "TRIPOLI, Libya (Reuters) -": where the reporter is, often where it happened."""
    if "dateline" in doc.cache:
        return doc.cache["dateline"]  # type: ignore[no-any-return]
    found: PlaceMention | None = None
    match = _DATELINE_CITY.match(doc.text, 0, doc.dateline_end) if doc.dateline_end else None
    if match is not None:
        gaz = gazetteer()
        surface = match.group("city").strip().title()
        cands = [p for p in gaz.lookup(surface) if p.precision == "city"]
        qualifier = gaz.countries.get((match.group("country") or "").strip())
        if qualifier is not None:
            cands = [p for p in cands if p.country3 == qualifier.country3]
        elif doc.focus:
            cands = [p for p in cands if doc.focus.get(p.country3, 0) > 0] or cands
        if cands:
            best = max(cands, key=lambda p: p.population)
            found = PlaceMention(best, match.start("city"), match.end("city"), surface, True)
    doc.cache["dateline"] = found
    return found


_ANAPHORIC_PLACE = re.compile(
    r"\b(?:the|that|this)\s+(town|city|village|area|camp|district|neighbourhood|neighborhood)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)


def antecedent_place(doc: Annotated, sent: Sentence) -> PlaceMention | None:
    """'bombed the town' / 'fighting in the area' with no place named in the sentence: the
    town or city named last before it, if that was recent (the same story)."""
    anaphor = _ANAPHORIC_PLACE.search(sent.text)
    if anaphor is None:
        return None
    previous = doc.sentences[sent.index - 1] if sent.index > 0 else None
    lead = doc.sentences[0]
    for mention in reversed(doc.places):
        if mention.start >= sent.start:
            continue
        if sent.start - mention.start > 1500:
            return None
        other_paragraph = "\n\n" in doc.text[mention.end : sent.start] and not (
            previous is not None and mention.start >= previous.start
        )
        # from another paragraph, only "the city" / "the town" of the story's lead sentence
        if other_paragraph and (
            anaphor.group(1).lower() not in ("city", "town") or mention.start >= lead.end
        ):
            continue
        bearing = _BEARING_BEFORE.search(doc.text[max(0, mention.start - 40) : mention.start])
        if mention.place.precision == "city" and not doc.attributed(mention.start) and not bearing:
            return mention  # not "a town 25 km west of Goma": Goma is only the landmark
    return None


_BEARING_BEFORE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+"
    r"(?:of|from)\s+(?:the\s+)?$|\b(?:near|outside|towards?)\s+$",
    re.IGNORECASE,
)


def sentence_places(doc: Annotated, sent: Sentence) -> list[PlaceMention]:
    return [
        p for p in doc.places if sent.start <= p.start < sent.end and not doc.attributed(p.start)
    ]


def event_date(
    doc: Annotated, sent: Sentence, near: int | None = None, *, verbal: bool = False
) -> tuple[When, bool]:
    """The date of the sentence's event: the date phrase nearest the trigger (or the first),
    else the publication day. A verbal act (verbal=True) takes no date from the sentences
    before it unless it says so ("hours later"): with no stated day it is dated by the
    publication day (codebook rule 5), not by the happening it reacts to."""
    in_sent = [m for m in doc.dates if sent.start <= m.start < sent.end]
    found = [m for m in in_sent if not _secondary_date(doc.text, m)]
    if found:
        if near is not None:
            # a date in a relative clause far from the trigger ("who takes office on
            # January 20") is not the event's; prefer the ones close by
            found = [m for m in found if abs(m.start - near) <= 90] or found
        if found:
            pick = found[0] if near is None else min(found, key=lambda m: abs(m.start - near))
            when = When(date=pick.date.isoformat(), precision=pick.precision, text=pick.text)
            return when, True
    # a follow-up sentence in the same paragraph tells more of the same day's news; "hours
    # later" / "the same day" carries the previous date across a paragraph break too
    i = sent.index
    carried = bool(_SAME_DAY.search(sent.text) or _NEXT_DAY.search(sent.text))
    while i > 0 and (
        carried
        or (
            not verbal
            and (
                "\n" not in doc.text[doc.sentences[i - 1].end : doc.sentences[i].start]
                or _ANAPHORA.match(doc.sentences[i].text)
            )
        )
    ):
        prev = doc.sentences[i - 1]
        earlier = [
            m
            for m in doc.dates
            if prev.start <= m.start < prev.end
            and not _possessive(doc.text, m)
            and (carried or not _attribution(doc.text, m))
        ]
        if earlier:
            if earlier[-1].precision == "day":
                day = earlier[-1].date + timedelta(days=bool(_NEXT_DAY.search(sent.text)))
                return When(date=day.isoformat(), precision="day"), False
            break
        i -= 1
    said = [m for m in in_sent if not _possessive(doc.text, m)]
    if said:  # only the day it was said: better than nothing
        pick = said[0]
        return When(date=pick.date.isoformat(), precision=pick.precision, text=pick.text), True
    return When(date=doc.published.isoformat(), precision="day"), False


_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told \w+|announced|reported|added|confirmed)\s+(?:on\s+)?$", re.IGNORECASE
)


def said_on(doc: Annotated, sent: Sentence) -> DateMention | None:
    """The day the sentence says something was said ("Trump said on Wednesday that ...")."""
    return next(
        (m for m in doc.dates if sent.start <= m.start < sent.end and _attribution(doc.text, m)),
        None,
    )


def _attribution(text: str, mention: DateMention) -> bool:
    """'..., officials said on Friday' dates the saying, not the happening."""
    return bool(_ATTRIBUTION.search(text[max(0, mention.start - 25) : mention.start]))


def _possessive(text: str, mention: DateMention) -> bool:
    """'condemned Thursday's bombing' dates another happening; 'have raged since Sunday' dates
    the start of a state."""
    # "killed since the start of the war in October": the start of a period, not its date
    since = re.search(r"\bsince\b[^,.;]*$", text[max(0, mention.start - 50) : mention.start], re.I)
    return since is not None or text[mention.end : mention.end + 2] in ("'s", "’s")


def _secondary_date(text: str, mention: DateMention) -> bool:
    return _possessive(text, mention) or _attribution(text, mention)


_SAME_DAY = re.compile(
    r"\b(?:hours later|minutes later|later (?:that|in the) (?:day|night|evening)|"
    r"the same (?:day|night)|shortly (?:after|afterwards)|that (?:night|evening|afternoon)|"
    r"earlier (?:in|that) (?:the )?day)\b",
    re.IGNORECASE,
)
# a paragraph opening on "The shelling ..." / "The bomber ..." goes on with the attack told before
_ANAPHORA = re.compile(
    r"(?:The|That|This) (?:shelling|strikes?|attacks?|bombing|blast|explosion|fighting|bomber|"
    r"assailants|gunmen|attackers|raid|clashes|assault|barrage)\b"
)
_NEXT_DAY = re.compile(r"\b(?:the (?:next|following) day|a day later)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:but|while|after|as|although|and)\b|\bafter\b|\bbut\b")


def clause_before(text: str, pos: int) -> str:
    """The part of a sentence between the last clause break and pos."""
    head = text[:pos]
    last = 0
    for match in _CLAUSE_BREAK.finditer(head):
        last = match.end()
    return head[last:]


def status_for(sent: Sentence, trig_start: int, trig_end: int, *, window: int = 60) -> str | None:
    """Status from hedging cues near the trigger; None means negated (do not emit)."""
    cues = compiled()
    rel_start = trig_start - sent.start
    rel_end = trig_end - sent.start
    text = sent.text
    before = clause_before(text, rel_start)[-window:]
    after = text[rel_end : rel_end + 50]
    around = before + " " + text[rel_start:rel_end] + " " + after
    if cues["status_cancelled"].search(around) or cues["status_cancelled"].search(
        _same_clause_after(text, rel_end)
    ):
        return "cancelled"
    if cues["status_denied"].search(before) or _DENIED_THAT.search(text[:rel_start]):
        return "denied"
    if cues["status_threatened"].search(before):
        return "threatened"
    if re.search(r"\b(?:no|not|never|didn't|did not|without)\s+(?:\w+\s+){0,2}$", before):
        return None
    if cues["status_planned"].search(before[-35:] + " " + text[rel_start:rel_end]):
        return "planned"
    future = [m.end() for m in _FUTURE_HEAD.finditer(before)]
    if future and not _PAST_VERB.search(before[future[-1] :]):
        return "planned"
    if _MODAL_AFTER.match(after) or _FUTURE_AFTER.match(after):
        return "planned"  # "the strikes would continue", "talks are due to resume next month"
    return "occurred"


_FUTURE_AFTER = re.compile(
    r"^[^.;,]{0,50}?\b(?:(?:is|are) (?:due|expected|set|scheduled|planned) to|"
    r"will (?:resume|take place|be held|begin|start|open)|to be held)\b",
    re.IGNORECASE,
)


_MODAL_AFTER = re.compile(
    r"^\s+(?:would|will|could|(?-i:may)|might)\s+(?:continue|resume|go on|intensify|escalate|"
    r"be stepped up|be expanded)\b",
    re.IGNORECASE,
)


# "Rwanda denied that its troops crossed ... and fought": the denial governs the whole clause
_DENIED_THAT = re.compile(
    r"\b(?:denied|denies|denying|rejected claims|dismissed claims)\s+(?:that|having|any)\b[^;]*$",
    re.IGNORECASE,
)
# "X will travel to Berlin on June 11 for talks": a future main verb earlier in the clause
_FUTURE_HEAD = re.compile(
    r"\b(?:will|(?:is|are) (?:due|expected|set|scheduled) to|plans? to)\b",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(r"\b(?:was|were|had|has|have|did|said|says|told)\b", re.IGNORECASE)


def _same_clause_after(text: str, pos: int) -> str:
    """'A planned visit by X to Kyiv has been called off': the rest of the clause."""
    return re.split(r"[,;:—–]", text[pos : pos + 100], maxsplit=1)[0]


# --- quantities -------------------------------------------------------------------------

_ONE_VICTIM = (
    r"person|man|woman|child|boy|girl|baby|teenager|soldier|serviceman|civilian|officer|"
    r"policeman|policewoman|police officer|commander|fighter|militant|journalist|worker|"
    r"student|resident|farmer|driver|guard|member|official|doctor|nurse|medic|volunteer|"
    r"protester|demonstrator|bystander|passer-by|villager|worshipper|pilgrim|shopkeeper|"
    r"vendor|teacher|priest|pastor|imam|chief|trader|herder|fisherman|miner|pedestrian"
)
_PEOPLE = (
    r"(?:people|persons|individuals|civilians|children|kids|minors|women|men|soldiers|troops|"
    r"servicemen|officers|policemen|police officers|fighters|militants|residents|workers|"
    r"passengers|others|Palestinians|Israelis|Ukrainians|Russians|protesters|demonstrators|"
    r"villagers|journalists|medics|rescuers|civilians|students|pilgrims|migrants|members|"
    r"[a-z]+s|"
    # one victim: "killed a police officer", "a child was injured"
    rf"{_ONE_VICTIM})"
)
# killed outright by the attacker: "beheaded 2 civilians", "five villagers were executed"
_KILLED_BY = r"beheaded|executed|massacred|murdered|slaughtered|gunned down|hacked to death"
_KILLING_BY = r"beheading|executing|massacring|slaughtering"  # "..., beheading three civilians"
_KILL = (
    r"(?:killed|dead|died|slain|lost their lives|perished|were killed|killing|kills|deaths?|"
    rf"{_KILLED_BY})"
)
_HURT = r"(?:injured|wounded|hurt|injuring|wounding|injuries)"
_AMT = AMOUNT.replace("(?P<qual>", "(?P<qual>").replace("(?P<num>", "(?P<num>")
CASUALTY_AFTER = re.compile(  # "killing at least six people", "killed 12", "injuring 18"
    _W + rf"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded|kills|leaving|"
    rf"{_KILLED_BY}|{_KILLING_BY})\s+[\"“]?{_AMT}"
    rf"(?P<rest>(?:\s+(?:other\s+|more\s+)?(?:[a-z-]+\s+)?{_PEOPLE})?(?:\s+(?P<verb2>dead|injured|wounded|killed))?)",
    re.IGNORECASE,
)
CASUALTY_BEFORE = re.compile(  # "at least six individuals, including two children, were killed"
    _W + rf"\b{_AMT}(?P<noun>(?:\s+(?:other\s+|more\s+)?(?:[a-z-]+\s+)?{_PEOPLE})?)"
    # "50 soldiers and volunteers of the VDP were killed"
    rf"(?P<mid>(?:\s+and\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?"
    rf"(?:,[^,.;]{{0,40}},)?\s+(?:were|was|have been|had been|are|is|been|reportedly)?\s*"
    rf"(?:\w+ly\s+)?)(?P<verb>{_KILL}|{_HURT})\b",
    re.IGNORECASE,
)
TOLL = re.compile(
    _W + rf"\b(?P<kind>death toll|toll|number of (?:dead|deaths|injured|wounded))\s+"
    # "the death toll from the collapse of a block in the city of X rose to 15"
    r"(?:(?:\w+\s+){0,3}?|(?:from|in|of)\s+[^.;:]{0,110}?\s+)"
    rf"(?:rose|risen|climbed|reached|increased|stands|stood|is|was|at|to)\s+(?:to\s+|at\s+)?{_AMT}",
    re.IGNORECASE,
)
CHILDREN = re.compile(
    _W + rf"\b(?:including|among them|among (?:the|those)|of them|of whom)\s+{_AMT}\s+"
    r"(?P<who>children|kids|minors|child|civilians|teenagers)",
    re.IGNORECASE,
)
_NONHUMAN = re.compile(
    r"^(?:drones?|missiles?|rockets?|shells?|bombs?|tanks?|buildings?|homes?|houses?|"
    r"vehicles?|cars?|shares?|percent|%|dollars?|euros?|years?|days?|hours?|"
    r"minutes?|km|kilometers?|miles?|points?|goals?|times?)\b",
    re.IGNORECASE,
)


_CASUALTY_WORD = re.compile(
    r"kill|dead|died|death|slain|lives|perish|injur|wound|hurt|toll|behead|execut|massac|"
    r"murder|slaughter|gunned|hacked",
    re.IGNORECASE,
)


_ONE_PERSON = re.compile(
    rf"^(?:[a-z-]+\s+)?(?:{_ONE_VICTIM})(?:\s+(?:was|were|is|has been|had been))?(?:\s+\w+)?$",
    re.IGNORECASE,
)


def _one_person(match: re.Match[str], noun: str, offset: int) -> Amount | None:
    """'killed a police officer', 'a child was injured': one victim, though 'a' is no count
    on its own ('a number of', 'a ceasefire')."""
    if (match.group("num") or "").lower() not in ("a", "an") or not _ONE_PERSON.match(noun):
        return None
    return Amount(1, "exact", match.start() + offset, match.end() + offset, match.group(0))


def _count(amount: Amount) -> Count:
    return Count(value=amount.value, qualifier=amount.qualifier, text=amount.text)


_CASUALTY_VERB = re.compile(
    _W + r"\b(?:killed|killing|kills|dead|died|slain|lost their lives|perished|deaths?|injured|"
    rf"wounded|hurt|injuring|wounding|injuries|leaving|{_KILLED_BY}|{_KILLING_BY})\b",
    re.IGNORECASE,
)


def _casualty_matches(text: str) -> list[re.Match[str]]:
    """Casualty phrases, found around each casualty verb rather than by scanning every word
    for a number (the number patterns are costly): 'killing N ...' after the verb,
    'N people ... were killed' in a window before it, and death tolls."""
    after: list[re.Match[str]] = []
    before: list[re.Match[str]] = []
    for verb in _CASUALTY_VERB.finditer(text):
        start, end = verb.span()
        found = CASUALTY_AFTER.match(text, start, min(len(text), end + 90))
        if found:
            after.append(found)
        for match in CASUALTY_BEFORE.finditer(text, max(0, start - 140), end):
            if match.end() == end:
                before.append(match)
    tolls = list(TOLL.finditer(text)) if "toll" in text or "number of" in text else []
    return [*after, *before, *tolls]


_CONTEXT_TIME = re.compile(  # counts told about another time or as a running total
    r"\b(?:since then|since the (?:coup|takeover)|"
    r"since (?:the (?:start|beginning|outbreak)|the (?:war|conflict|fighting|invasion) "
    r"(?:began|started|erupted)|(?:early |late |mid-?)?(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December|(?:19|20)\d\d))|so far this year|"
    r"earlier this year|in total|(?:overall|cumulative|total) (?:death )?toll|"
    r"had (?:also )?been (?:killed|injured|wounded)|had died)\b",
    re.IGNORECASE,
)
# "the ministry said 300 had been killed": the pluperfect of reported speech, not of the past
_REPORTED = re.compile(r"\b(?:said|says|told|reported|according to|claimed)\b", re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|highest|first|most \w+)"
    r"\s+(?:\w+\s+){0,5}$",
    re.I,
)


def context_count(text: str, year: int) -> bool:
    """Whether the sentence's counts belong to another time or are a running total:
    "Nearly 600 were killed when forces crushed the 2019 protests", "650 have been killed
    in the West Bank since October 2023", "had been killed". "The deadliest attack since
    2019" still dates the reported happening, so a superlative before it does not count."""
    for match in _CONTEXT_TIME.finditer(text):
        if match.group(0).lower().startswith("had") and _REPORTED.search(text[: match.start()]):
            continue
        if not _SUPERLATIVE.search(text[max(0, match.start() - 60) : match.start()]):
            return True
    for match in _PAST_YEAR.finditer(text):
        if int(match.group(0)) < year and not _SUPERLATIVE.search(
            text[max(0, match.start() - 50) : match.start()].removesuffix("since ")
        ):
            return True
    return False


def event_casualties(sent: Sentence, year: int) -> tuple[Count | None, Count | None]:
    """Killed and injured of the reported happening: none from a background sentence."""
    killed, injured = casualties(sent)
    if (killed or injured) and context_count(sent.text, year):
        return None, None
    return killed, injured


def casualties(sent: Sentence) -> tuple[Count | None, Count | None]:
    """Killed and injured totals stated in one sentence (None when not stated)."""
    killed: Count | None = None
    injured: Count | None = None
    text = sent.text
    if not found_in(_CASUALTY_WORD, text, text.lower()):
        return None, None
    for match in _casualty_matches(text):
        if text[max(0, match.start() - 3) : match.start()].lower() == "no ":
            continue  # "no one was killed"
        groups = match.groupdict()
        noun = (groups.get("noun") or groups.get("rest") or "").strip()
        amount = parse_amount(match, sent.start) or _one_person(match, noun, sent.start)
        if amount is None or amount.value == 0:
            continue
        if noun and _NONHUMAN.match(noun):
            continue
        verb = (groups.get("verb2") or groups.get("verb") or groups.get("kind") or "").lower()
        if verb == "leaving":
            continue
        is_hurt = bool(re.match(_HURT, verb)) or verb.endswith(("injured", "wounded"))
        count = _count(amount)
        if is_hurt:
            injured = injured or count
        else:
            killed = killed or count
    if killed is not None:
        kids = CHILDREN.search(text)
        if kids:
            amt = parse_amount(kids, sent.start)
            if amt is not None and amt.value < killed.value + 1:
                if kids.group("who").lower().startswith("civil"):
                    killed = killed.model_copy(update={"civilians": amt.value})
                else:
                    killed = killed.model_copy(update={"children": amt.value})
    return killed, injured


@lru_cache(maxsize=1)
def _weapon_res() -> tuple[
    re.Pattern[str], re.Pattern[str], dict[str, tuple[str, str]], dict[str, str]
]:
    """An anchor regex on weapon names/nouns, and a prefix regex for the count before them."""
    lex = lexicons.triggers()
    names: dict[str, tuple[str, str]] = {}
    for weapon in lex.weapons:
        for alias in weapon.aliases:
            names[alias.lower()] = (weapon.name, weapon.kind)
    nouns = {k.lower(): v for k, v in lex.weapon_nouns.items()}
    name_alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    noun_alt = "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
    anchor = re.compile(
        _W + rf"\b(?:(?P<name>{name_alt})(?:\s+(?P<noun1>{noun_alt}))?|(?P<noun>{noun_alt}))\b",
        re.IGNORECASE,
    )
    prefix = re.compile(
        rf"(?:\b(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORDS})\s+)"
        r"(?:(?:[\w-]+-made|[A-Z][a-z]+n|attack|combat|cruise|ballistic|kamikaze|long-range|"
        r"hypersonic|guided|aerial|anti-ship|air-launched|Russian|Ukrainian|Iranian|American|"
        r"British|French)\s+)*$",
        re.IGNORECASE,
    )
    return anchor, prefix, names, nouns


def weapons(sent: Sentence) -> list[Weapon]:
    anchor, prefix, names, nouns = _weapon_res()
    out: list[Weapon] = []
    text = sent.text
    for match in anchor.finditer(text):
        name = match.group("name")
        noun = match.group("noun1") or match.group("noun")
        canonical, kind = names[name.lower()] if name else (None, nouns[noun.lower()])
        if name and noun and nouns[noun.lower()] != "drone":
            kind = nouns[noun.lower()] if kind not in ("drone", "air_defense") else kind
        head = prefix.search(text[max(0, match.start() - 60) : match.start()])
        count = None
        if head and head.group("num").lower() not in ("a", "an"):
            count = words_to_int(head.group("num"))
        if noun and noun.lower() in ("shell", "bomb") and count is None and not name:
            continue
        start = match.start() - (len(head.group(0)) if head else 0)
        weapon = Weapon(kind=kind, count=count, name=canonical, text=text[start : match.end()])
        _add_weapon(out, weapon)
    return out


def _add_weapon(out: list[Weapon], weapon: Weapon) -> None:
    for i, old in enumerate(out):
        if old.kind == weapon.kind and (old.name == weapon.name or not old.name or not weapon.name):
            if (weapon.count or 0) > (old.count or 0) or (weapon.name and not old.name):
                out[i] = Weapon(
                    kind=weapon.kind,
                    count=weapon.count or old.count,
                    name=weapon.name or old.name,
                    text=weapon.text if weapon.count else old.text,
                )
            return
    out.append(weapon)


MONEY_RE = re.compile(
    r"(?P<cur>\$|US\$|€|£|USD\s?|EUR\s?)\s?(?P<num>\d+(?:[.,]\d+)*)\s*(?P<scale>billion|million|thousand|bn|m)?\b"
    r"|\b(?P<num2>\d+(?:[.,]\d+)*)\s*(?P<scale2>billion|million)?\s+(?P<cur2>dollars|euros|pounds)\b",
    re.IGNORECASE,
)
_CUR = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
}
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "m": 1e6, "thousand": 1e3}


def money(sent: Sentence) -> list[Money]:
    out = []
    for match in MONEY_RE.finditer(sent.text):
        cur = (match.group("cur") or match.group("cur2") or "").strip().lower()
        num = (match.group("num") or match.group("num2") or "").replace(",", "")
        scale = (match.group("scale") or match.group("scale2") or "").lower()
        try:
            amount = float(num) * _SCALE.get(scale, 1.0)
        except ValueError:
            continue
        out.append(Money(amount=amount, currency=_CUR.get(cur, "USD"), text=match.group(0)))
    return out


__all__ = ["AMOUNT_RE", "Proto"]
