"""Killed and injured counts stated in a sentence, and whether they belong to its news."""

from __future__ import annotations

import re

from streams.extraction.annotate import Sentence
from streams.extraction.extractors.matching import W as _W
from streams.extraction.extractors.matching import found_in
from streams.extraction.numbers import AMOUNT, VAGUE, Amount, parse_amount
from streams.extraction.toll_words import words
from streams.schemas import Count

_ONE_VICTIM = (
    r"person|man|woman|child|boy|girl|baby|teenager|soldier|serviceman|civilian|officer|"
    r"policeman|policewoman|police officer|commander|fighter|militant|journalist|worker|"
    r"student|resident|farmer|driver|guard|member|official|doctor|nurse|medic|volunteer|"
    r"protester|demonstrator|bystander|passer-by|villager|worshipper|pilgrim|shopkeeper|"
    r"vendor|teacher|priest|pastor|imam|chief|trader|herder|fisherman|miner|pedestrian"
)
_NAMED = (
    r"(?:people|persons|individuals|civilians|children|kids|minors|women|men|soldiers|troops|"
    r"servicemen|officers|policemen|police officers|fighters|militants|residents|workers|"
    r"passengers|others|Palestinians|Israelis|Ukrainians|Russians|protesters|demonstrators|"
    r"villagers|journalists|medics|rescuers|civilians|students|pilgrims|migrants|members)"
)
# any plural ("14 herders"), or one victim: "killed a police officer", "a child was injured"
_PEOPLE = rf"(?:{_NAMED}|[a-z]+s|{_ONE_VICTIM})"
_NAMED_LAST = re.compile(rf"(?:^|\s){_NAMED}$", re.IGNORECASE)
# killed outright by the attacker: "beheaded 2 civilians", "five villagers were executed"
_KILLED_BY = r"beheaded|executed|massacred|murdered|slaughtered|gunned down|hacked to death"
_KILLING_BY = r"beheading|executing|massacring|slaughtering"  # "..., beheading three civilians"
_KILL = (
    r"(?:killed|dead|died|slain|lost their lives|perished|were killed|killing|kills|deaths?|"
    rf"{_KILLED_BY})"
)
_HURT = r"(?:injured|wounded|hurt|injuring|wounding|injuries)"
# a life taken: 'claimed the lives of four soldiers', 'took the life of one person'
_LIVES = r"(?:claim(?:ed|ing|s)?|t(?:ook|aking|akes?)) the li(?:fe|ves) of"
_AMT = AMOUNT.replace("(?P<qual>", "(?P<qual>").replace("(?P<num>", "(?P<num>")
CASUALTY_AFTER = re.compile(  # "killing at least six people", "killed 12", "injuring 18"
    _W + rf"\b(?P<verb>killing|killed|injuring|injured|wounding|wounded|kills|leaving|"
    rf"{_KILLED_BY}|{_KILLING_BY}|{_LIVES})\s+[\"“]?{_AMT}"
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
    _W + rf"\b(?P<kind>death toll|(?:death|fatality) count|toll|"
    r"number of (?:dead|deaths|injured|wounded))\s+"
    # "the death toll from the collapse of a block in the city of X rose to 15"
    r"(?:(?:\w+\s+){0,3}?|(?:from|in|of)\s+[^.;:]{0,110}?\s+)"
    rf"(?:rose|risen|climbed|reached|increased|updated|revised|stands|stood|is|was|at|to)\s+"
    rf"(?:to\s+|at\s+)?{_AMT}",
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


def counts_animals(phrase: str) -> bool:
    """'13,700 dogs', 'forty goats dead': the phrase's noun names animals (data/en/tolls.json),
    not people, so its count is no toll ('cattle herders' are people: the last noun decides)."""
    toll = words()
    nouns = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in toll.states]
    return bool(nouns) and nouns[-1] in toll.animals


# the words after 'N dead' that it qualifies: up to three, no comma, conjunction or preposition
_DEAD_QUALIFIES = re.compile(r"\s((?:(?!and\b|or\b|in\b|on\b|at\b|after\b)[a-z-]+\s?){1,3})")


def dead_animals(after: str) -> bool:
    """'two dead wild boars': 'dead' qualifies the animals that follow, so 'two dead' counts no
    people."""
    found = _DEAD_QUALIFIES.match(after)
    return found is not None and any(w in words().animals for w in found.group(1).lower().split())


_CASUALTY_WORD = re.compile(
    r"kill|dead|died|death|fatalit|slain|lives|life|perish|injur|wound|hurt|toll|behead|execut|massac|"
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
    rf"wounded|hurt|injuring|wounding|injuries|leaving|{_KILLED_BY}|{_KILLING_BY}|{_LIVES})\b",
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
    tolls = list(TOLL.finditer(text)) if re.search(r"toll|number of|count\b", text) else []
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
# a year alone in brackets labels the thing before it ('the Wagah bomb attack (2014)'), not
# the time of the sentence's happening
_PAST_YEAR = re.compile(r"(?<!\()\b(?:19|20)\d\d\b(?!\))")
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
        found = _casualty_count(match, text, sent.start)
        if found is None:
            continue
        is_hurt, count = found
        if is_hurt:
            injured = injured or count
        else:
            killed = killed or count
    if killed is not None:
        killed = _with_children(killed, text, sent.start)
    return killed, injured


_NO_BEFORE = re.compile(r"(?<![a-z])no\s$", re.IGNORECASE)


def _casualty_count(match: re.Match[str], text: str, offset: int) -> tuple[bool, Count] | None:
    """(whether injured rather than killed, the count) of one casualty phrase, or None when it
    counts no people ("no one was killed", "leaving 3 drones", zero)."""
    if _NO_BEFORE.search(text[max(0, match.start() - 4) : match.start()]):
        return None  # "no one was killed" (not "in Kano killed")
    groups = match.groupdict()
    noun = (groups.get("noun") or groups.get("rest") or "").strip()
    amount = parse_amount(match, offset) or _one_person(match, noun, offset)
    if amount is None or amount.value == 0 or (noun and _NONHUMAN.match(noun)):
        return None
    dead_before = groups.get("verb") == "dead" and dead_animals(text[match.end() :])
    if (noun and counts_animals(noun)) or dead_before:
        return None
    if noun and _vague(match) and not _NAMED_LAST.search(noun):
        return None  # 'kills several drug-resistant superbugs': a vague count of people only
    verb = (groups.get("verb2") or groups.get("verb") or groups.get("kind") or "").lower()
    if verb == "leaving" or _killers(match, text):
        return None
    is_hurt = bool(re.match(_HURT, verb)) or verb.endswith(("injured", "wounded"))
    if _ONE_MORE.match(groups.get("mid") or "") and not _vague(match):
        # 'two civilians and a soldier were killed': the list's last member is one more
        amount = Amount(amount.value + 1, amount.qualifier, amount.start, amount.end, amount.text)
    return is_hurt, _count(amount)


_ONE_MORE = re.compile(
    rf"\s+and\s+(?:a|an|one|another)\s+(?:[a-z-]+\s+)?(?:{_ONE_VICTIM})\s", re.IGNORECASE
)


_ACTIVE = re.compile(r"kill(?:ed|s)?|murder(?:ed|s)?|executed|beheaded|massacred|slaughtered")
_OBJECT_NEXT = re.compile(
    r"\s+(?:the|a|an|his|her|their|its|this|that|these|those|one|two|three|four|five|\d+)\b",
    re.IGNORECASE,
)


def _vague(match: re.Match[str]) -> bool:
    return (match.group("num") or "").lower().removesuffix(" of").strip() in VAGUE


def _killers(match: re.Match[str], text: str) -> bool:
    """'several farmers killed the pastoralist': a count before an active killing verb with
    no auxiliary ('were killed'), followed by its object, counts the killers, not the dead."""
    groups = match.groupdict()
    if "mid" not in groups or (groups.get("mid") or "").strip():
        return False
    return bool(_ACTIVE.fullmatch((groups.get("verb") or "").lower())) and bool(
        _OBJECT_NEXT.match(text, match.end())
    )


def _with_children(killed: Count, text: str, offset: int) -> Count:
    """'including two children': how many of the killed were children (or civilians)."""
    kids = CHILDREN.search(text)
    if kids is None:
        return killed
    amt = parse_amount(kids, offset)
    if amt is None or amt.value >= killed.value + 1:
        return killed
    who = "civilians" if kids.group("who").lower().startswith("civil") else "children"
    return killed.model_copy(update={who: amt.value})
