"""Annotate an article once: sentences, actors, places, dates, attribution clauses.

Extractors read this structure and never rescan the raw text for names: places and actors come
from dictionary lookups over capitalised n-grams, not per-name regexes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from streams.extraction import lexicons
from streams.extraction.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_RE,
    DateMention,
    find_dates,
    latest_explicit_date,
)
from streams.extraction.gazetteer import Place, fold, gazetteer
from streams.schemas import Article


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    name: str
    kind: str
    country: str | None
    start: int
    end: int
    text: str
    source: str  # country | demonym | group | organization | person | metonym | title
    office: str | None = None
    forces: bool = False  # "Russian forces", "Russian drones": the military arm


@dataclass(frozen=True, slots=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    text: str
    context: bool  # after a location preposition ("in", "near") or a region word


@dataclass
class Annotated:
    article: Article
    text: str
    published: date  # the day relative dates count from
    # the day the text was written: `published` too, unless an opening date moved `published`
    # back (an event note's later dated events are not in the future)
    reported: date
    sentences: list[Sentence]
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[tuple[int, int]] = field(default_factory=list)
    focus: Counter[str] = field(default_factory=Counter)
    english: bool = True
    dateline_end: int = 0
    cache: dict[str, Any] = field(default_factory=dict)  # per-article memo of derived data

    def in_sentence(self, items: list, sent: Sentence) -> list:  # type: ignore[type-arg]
        return [x for x in items if sent.start <= x.start < sent.end]

    def attributed(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.attributions)


@dataclass(frozen=True)
class _ActorEntry:
    name: str
    kind: str
    country: str | None
    source: str
    office: str | None = None


_ABBREVIATIONS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "St",
    "Gen",
    "Lt",
    "Col",
    "Sen",
    "Rep",
    "Gov",
    "No",
    r"U\.S",
    r"U\.N",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Capt",
    "Maj",
    "Sgt",
    "Prof",
)
_ABBREV_END = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r"|[A-Z])$")
SENT_END = re.compile(r"""[.!?]["'”’)]*(?=\s+["'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z"“])""")
_UP = "[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĜĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]"
CAP_SEQ = re.compile(
    rf"(?:{_UP}(?:[\w’'\-]|\.(?={_UP}))*\.?|G7|G20)"
    r"(?:[ \t]+(?:(?:of|de|al|el|la|the|von|der|bin|ibn|du)[ \t]+)?"
    # "Ahmed al-Sharaa", "Asa'ib Ahl al-Haq": a lower-case article joined to the next name
    rf"(?:(?:al|el|ad|ar|as|ash|az|an|at|ibn|bin|abu)-)?"
    rf"(?:{_UP}(?:[\w’'\-]|\.(?={_UP}))*\.?|G7))*"
)
TOKEN = re.compile(r"[^\W_][\w’'\-.]*")
LOC_PREP = re.compile(
    r"(?:\b(?:in|at|near|outside|from|to|into|toward|towards|across|around|over|on|of|"
    r"targeting|hit|struck|village of|town of|city of|region of|province of|hitting|shelled|"
    r"bombed|attacked|captured|recaptured|seized|liberated|stormed|raided|visiting|visited|"
    r"fled|fleeing|"
    r"between|and|including|attack on|strike on|strikes on)|,)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
REGION_WORD = re.compile(
    r"\s+(?:region|oblast|province|governorate|territory|prefecture|krai|state|district)\b",
    re.IGNORECASE,
)
ATTRIBUTION = re.compile(
    # ", officials said on Wednesday." - a source named at the end of a clause
    r"(?:,|—|–)\s*(?:[^,.;—]{0,80}?)\b(?:said|says|reported|told \w+|announced|wrote|added)\b"
    r"(?:\s+(?:on|in|late|early|this|last|at|during|after)\b[^,.;]{0,40})?(?=\s*[,.;:]|\s*$)"
    r"|\baccording to\b[^,.;—]*"
    # "The General Staff said (that) ..." - a source opening the sentence
    r"|^[^,;—]{0,80}?\b(?:said|says|reported|wrote|told reporters)\b(?:\s+(?:on|that)\b)?",
    re.IGNORECASE,
)
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’\-]{2,40}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s"
)
METONYM_SUBJECT = re.compile(
    r"^(?:(?:’s|'s)\s+(?:campaign|policy|support|decision|position|stance|response|allies|ally|"
    r"demands?|plan|proposal|offer|sanctions|government|leadership|envoy|military|war|"
    r"strategy|claims?|refusal|backing)\b|"
    r"(?:’s|'s)?\s+(?:(?:again|also|still|then|later|swiftly|quickly|repeatedly|once again)\s+)?"
    r"(?:has|have|had|said|says|is|was|were|will|would|denied|denies|announced|"
    r"accused|wants|warned|claimed|insisted|rejected|called|urged|responded|officials|"
    r"spokesman|spokeswoman)\b)"
)
_MOTION_PREP = re.compile(r"\b(?:in|to|into|at|near|outside)\s+$")
ADJECTIVAL = (
    re.compile(  # "the Kyiv government", "the Bryansk chemical plant": a name, not the place
        r"^\s+(?:government|administration|regime|authorities|authority|officials|leadership|"
        r"delegation|side|military|army|forces|talks|process|format|agreement|accords?|"
        r"chemical|plant|factory|refinery|works|power plant|nuclear)\b"
    )
)
_WORDS = re.compile(r"[^\W\d_]+")
_EN_FUNCTION = frozenset(
    (
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "by",
        "at",
        "from",
    )
)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for match in SENT_END.finditer(text):
        if text[match.start()] == "." and _ABBREV_END.search(
            text[max(0, match.start() - 6) : match.start()]
        ):
            continue  # "Mr. Smith", "U.S. forces", "Gen. X"
        end = match.end() if text[match.start()] in ".!?\"'”’)" else match.start()
        _push(out, text, pos, end)
        pos = match.end()
    _push(out, text, pos, len(text))
    return out


def _push(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))


@lru_cache(maxsize=1)
def actor_index() -> dict[str, _ActorEntry]:
    lex = lexicons.actors()
    gaz = gazetteer()
    index: dict[str, _ActorEntry] = {}
    for surface, place in gaz.countries.items():
        index[surface] = _ActorEntry(place.name, "state", place.country3, "country")
    for iso3, aliases in lex.country_aliases.items():
        name = gaz.iso3[iso3].name
        for alias in aliases:
            index[alias.removeprefix("the ")] = _ActorEntry(name, "state", iso3, "country")
    for surface, iso3 in lex.metonyms.items():
        index[surface] = _ActorEntry(gaz.iso3[iso3].name, "state", iso3, "metonym")
    for surface, iso3 in lex.demonyms.items():
        index.setdefault(surface, _ActorEntry(gaz.iso3[iso3].name, "state", iso3, "demonym"))
        if index[surface].source != "demonym":
            index[surface + "#dem"] = _ActorEntry(gaz.iso3[iso3].name, "state", iso3, "demonym")
    for group in [*lex.groups, *lex.organizations]:
        source = "group" if group in lex.groups else "organization"
        for alias in group.aliases:
            index[alias] = _ActorEntry(group.name, group.kind, group.country, source)
    for person in lex.people:
        for alias in person.aliases:
            index[alias] = _ActorEntry(
                person.name, "person", person.country, "person", person.office
            )
    return index


@lru_cache(maxsize=1)
def _first_tokens() -> frozenset[str]:
    """First words of every dictionary name (places, actors, titles): a cheap pre-check."""
    gaz = gazetteer()
    keys = [*gaz.places, *gaz.admin1_names, *actor_index(), *_titles(), *gaz.stopwords]
    return frozenset(_clean(key.split()[0]) for key in keys if key.strip())


@lru_cache(maxsize=1)
def _force_re() -> re.Pattern[str]:
    nouns = sorted(lexicons.actors().force_nouns, key=len, reverse=True)
    return re.compile(
        r"^\s*(?:[\w-]+\s+){0,2}?(?:" + "|".join(map(re.escape, nouns)) + r")\b", re.I
    )


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    return dict(lexicons.actors().titles)


def is_english(article: Article) -> bool:
    """Declared language first; else reject mostly non-Latin text or text full of the function
    words of other European languages ("der", "les", "los"...)."""
    if article.language and not article.language.lower().startswith("en"):
        return False
    words = _WORDS.findall(article.text[:1200].lower())
    if not words:
        return False
    if sum(w.isascii() for w in words) / len(words) < 0.7:
        return False
    foreign = _foreign_markers()
    n_foreign = sum(w in foreign for w in words)
    n_english = sum(w in _EN_FUNCTION for w in words)
    return not (n_foreign >= 2 and n_foreign > n_english)


@lru_cache(maxsize=1)
def _foreign_markers() -> frozenset[str]:
    return frozenset(lexicons.triggers().non_english_markers)


def _published(article: Article) -> date:
    """The publication day; with none given, the latest fully written date in the text (an
    event note "On 23 January 2024, ..." is dated by itself), else today."""
    if article.published_at is not None:
        return article.published_at.date()
    return latest_explicit_date(article.text) or datetime.now(UTC).date()


def annotate(article: Article) -> Annotated:
    text = article.text
    day = _published(article)
    doc = Annotated(article, text, day, day, split_sentences(text))
    doc.english = is_english(article)
    if not doc.english:
        return doc
    dateline = DATELINE.match(text)
    if dateline:
        doc.attributions.append((dateline.start(), dateline.end()))
        doc.dateline_end = dateline.end()
    for sent in doc.sentences:
        for match in ATTRIBUTION.finditer(sent.text):
            doc.attributions.append((sent.start + match.start(), sent.start + match.end()))
    doc.dates = [d for d in find_dates(text, doc.published) if d.start >= doc.dateline_end]
    lead_day = _lead_date(doc)
    if lead_day is not None and lead_day < doc.published:
        # "On 23 January 2024, Russian forces ...": an event note is dated by its opening
        # words, and its other dates ("the next day") count from there
        doc.published = lead_day
        doc.dates = [d for d in find_dates(text, lead_day) if d.start >= doc.dateline_end]
    raw_places = _scan_names(doc)
    _resolve_places(doc, raw_places)
    _fold_regions_into_towns(doc)
    return doc


_LEAD_DATE = re.compile(r"\s*(?:On\s+)?$")


def _lead_date(doc: Annotated) -> date | None:
    """The calendar date a text opens with ("On 23 January 2024, ...", "On Jan. 23, ...")."""
    first = next(iter(doc.dates), None)
    if first is None or first.precision != "day":
        return None
    calendar = first.text[:1].isdigit() or first.text[:3].lower() in MONTH_ABBREVIATIONS
    if not calendar or not _LEAD_DATE.match(doc.text[doc.dateline_end : first.start]):
        return None
    return first.date


def _tokens(seq: str, base: int) -> list[tuple[int, int]]:
    return [(base + m.start(), base + m.end()) for m in TOKEN.finditer(seq)]


def _clean(surface: str) -> str:
    for suffix in ("’s", "'s"):
        if surface.endswith(suffix):
            return surface[: -len(suffix)]
    return surface.rstrip(".") if not re.search(r"\b[A-Z]\.[A-Z]\.$", surface) else surface


class _RawPlace(NamedTuple):
    start: int
    end: int
    surface: str
    cands: list[Place]
    strong: bool
    variant: bool = False  # found under another spelling: only in the article's countries


def _scan_names(doc: Annotated) -> list[_RawPlace]:
    """One pass over capitalised sequences: actors into doc.actors, place candidates returned."""
    index = actor_index()
    text = doc.text
    titles = _titles()
    raw_places: list[_RawPlace] = []
    # "Chasiv Yar (Kramatorsk district, Donetsk region)": the bracket qualifies the town
    taken: list[tuple[int, int]] = [m.span() for m in ADMIN_PAREN.finditer(text)]
    qualifiers = list(taken)
    # "On August 28", "from March 10", "from March to May": a word inside a date is no place
    taken.extend((d.start, d.end) for d in doc.dates)
    taken.extend(month_words(text))
    _scan_regions(doc, index, raw_places, taken, qualifiers)
    for match in LOWER_TITLE.finditer(text):
        if any(a.start <= match.start("name") < a.end for a in doc.actors):
            continue
        name = _clean(match.group("name"))
        known = index.get(name)
        if known is not None and known.source != "person":
            continue
        title = match.group("title")
        country = _country_before(doc, match.start()) or _demonym_in(match.group(0), index)
        if known is not None:
            doc.actors.append(
                ActorMention(
                    known.name,
                    "person",
                    known.country,
                    match.start("name"),
                    match.start("name") + len(name),
                    name,
                    "person",
                    known.office,
                )
            )
        else:
            doc.actors.append(
                ActorMention(
                    name,
                    "person",
                    country,
                    match.start("name"),
                    match.start("name") + len(name),
                    name,
                    "title",
                    title,
                )
            )
        taken.append((match.start("name"), match.start("name") + len(name)))
    _appositive_people(doc, index, taken)
    for seq in CAP_SEQ.finditer(text):
        toks = [
            t
            for t in _tokens(seq.group(0), seq.start())
            if not any(a <= t[0] < b for a, b in taken)
        ]
        i = 0
        while i < len(toks):
            i = _match_at(doc, toks, i, index=index, titles=titles, raw_places=raw_places)
    return raw_places


def _scan_regions(
    doc: Annotated,
    index: dict[str, _ActorEntry],
    raw_places: list[_RawPlace],
    taken: list[tuple[int, int]],
    qualifiers: list[tuple[int, int]],
) -> None:
    """Regions named with a unit word: read as the admin1 area, never as the town of that name
    (its capital), which the later scan of capitalised words would otherwise find."""
    text = doc.text
    patterns = region_patterns()
    for match in patterns.after.finditer(text):
        if _names_an_actor(text[max(0, match.start() - 40) : match.end()], index):
            continue  # "Islamic State West Africa Province": a group, not a region
        if any(a <= match.start() < b for a, b in qualifiers):
            continue
        start, cands = _region_named(match.group(1), match.start(1))
        if cands:
            raw_places.append(_RawPlace(start, match.end(), text[start : match.end()], cands, True))
            taken.append((start, match.end()))
        elif not _names_an_actor(match.group(0), index):
            taken.append((start, match.end()))  # "Soum province": a region we do not know
        if _COMPASS.match(match.group(1)):
            # "North Kivu province": "North" is part of the region's name, not a place
            taken.append((match.start(1), start if cands else match.end()))
    for pattern in (patterns.after_many, patterns.before):
        for match in pattern.finditer(text):
            if not _names_an_actor(text[max(0, match.start() - 40) : match.end()], index):
                _listed_regions(text, match, raw_places, taken)


def _region_named(name: str, start: int) -> tuple[int, list[Place]]:
    """Where the region's name starts and its candidates: "Sudan's Gezira state" and "Russia's
    Kursk and Belgorod regions" name it by the last word; "Middle Juba" is not "Juba"."""
    cands = _admin1_candidates(name)
    if not cands and " " in name and not _COMPASS.match(name):
        start += name.rindex(" ") + 1
        cands = _admin1_candidates(name[name.rindex(" ") + 1 :])
    return start, cands


def _listed_regions(
    text: str, match: re.Match[str], raw_places: list[_RawPlace], taken: list[tuple[int, int]]
) -> None:
    """Each name of "the Kharkiv and Sumy regions" / "the regions of Kharkiv and Sumy" that is a
    known region, as that region."""
    for name in _REGION_NAME_RE.finditer(match.group(1)):
        start, cands = _region_named(name.group(0), match.start(1) + name.start())
        end = match.start(1) + name.start() + len(_clean(name.group(0)))
        if any(a <= start < b for a, b in taken):
            continue
        if cands:
            raw_places.append(_RawPlace(start, end, text[start:end], cands, True))
            taken.append((start, end))


@lru_cache(maxsize=1)
def month_phrase() -> re.Pattern[str]:
    """A month name a time word binds ("since August", "March to May"), from time_words.json."""
    words = lexicons.time_words()
    lead = "|".join(re.escape(w) for w in words.month_lead)
    link = "|".join(re.escape(w) for w in words.month_link)
    return re.compile(
        rf"\b(?:(?i:{lead})[\s-]+(?P<led>{MONTH_RE})"
        rf"|(?P<first>{MONTH_RE})(?:\s+(?i:{link})\s+|\s*[-–]\s*)(?P<second>{MONTH_RE}))(?!\w)"
    )


def month_words(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in month_phrase().finditer(text):
        spans.extend(match.span(g) for g in ("led", "first", "second") if match.group(g))
    return spans


def _names_an_actor(phrase: str, index: dict[str, _ActorEntry]) -> bool:
    """'The Islamic State': some tail of the words is a known actor's name."""
    words = phrase.split()
    return any(" ".join(words[k:]) in index for k in range(len(words)))


APPOSITIVE = re.compile(  # ", the leader of the opposition Coalition for Change"
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?P<title>leader|head|chief|founder|mayor|"
    r"governor|spokesman|spokeswoman|spokesperson|commander|president|minister|editor|director|"
    r"chairman|chairwoman|secretary|lawyer|activist|journalist|envoy|ambassador)\b"
)
_NAME_BEFORE = re.compile(  # the name just before that comma: "Nika Gvaramia"
    r"(?<![\w’'\-])(?P<name>[A-Z][\w’'\-]+(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][\w’'\-]+)"
    r"{1,2})$"
)
_NOT_FIRST_NAME = frozenset(
    ("In", "On", "At", "The", "But", "And", "After", "As", "When", "While", "For", "From", "By")
)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(word for title in _titles() for word in title.split())


def _appositive_people(
    doc: Annotated, index: dict[str, _ActorEntry], taken: list[tuple[int, int]]
) -> None:
    """A person named before an appositive title: 'Oleksandr Prokudin, head of ...'."""
    gaz = gazetteer()
    for match in APPOSITIVE.finditer(doc.text):
        found = _NAME_BEFORE.search(doc.text, max(0, match.start() - 60), match.start())
        if found is None:
            continue
        name = found.group("name")
        start = found.start("name")
        words = name.split()
        if words[0] in _NOT_FIRST_NAME or words[0] in _title_words():
            continue  # "Minister Shehbaz Sharif": the title scan knows this one
        if any(a <= start < b for a, b in taken):
            continue
        if any(" ".join(words[k:]) in index for k in range(len(words))):
            continue
        if gaz.lookup(name) or name in gaz.admin1 or name in gaz.stopwords:
            continue
        if any(a.start <= start < a.end for a in doc.actors):
            continue
        end = start + len(name)
        doc.actors.append(
            ActorMention(name, "person", None, start, end, name, "title", match.group("title"))
        )
        taken.append((start, end))


_REGION_NAME = (
    r"[A-Z][\w’'\-]+(?:[\s-](?:(?:al|el|ez|ad|ar|as|ash|az|ed|es)-|(?:de|del|do|da)\s)?"
    r"[A-Z][\w’'\-]+)?"
)
_REGION_NAME_RE = re.compile(_REGION_NAME)


class _RegionPatterns(NamedTuple):
    after: re.Pattern[str]  # "Kharkiv region", "Sumy Oblast"
    after_many: re.Pattern[str]  # "the Kharkiv and Sumy regions"
    before: re.Pattern[str]  # "the region of Kharkiv", "the provinces of Idlib and Hama"


@lru_cache(maxsize=1)
def region_patterns() -> _RegionPatterns:
    """The phrases that name a region, built from the unit words of region_words.json."""
    units = lexicons.region_words().units
    one = "|".join(u.word for u in units)
    many = "|".join(u.plural for u in units)
    lead = "|".join(f"{u.plural}|{u.word}" for u in units if u.before_name)
    names = rf"(?:{_REGION_NAME}(?:,\s+|,?\s+and\s+))+{_REGION_NAME}"
    return _RegionPatterns(
        re.compile(rf"\b({_REGION_NAME})\s+(?i:{one})\b"),
        re.compile(rf"\b({names})\s+(?i:{many})\b"),
        re.compile(rf"\b(?i:{lead})\s+of\s+(?:the\s+)?((?:{names})|{_REGION_NAME})"),
    )


LOWER_TITLE = re.compile(
    r"\b(?:former\s+|then-|ousted\s+|jailed\s+|opposition\s+)?(?:(?P<dem>[A-Z][a-z]+)\s+)?"
    r"(?P<title>prime minister|president|opposition leader|foreign minister|defen[cs]e minister|"
    r"interior minister|minister|counterpart|governor|mayor|commander|general|envoy|"
    r"spokesman|spokeswoman|spokesperson|journalist|activist|leader|chief|ambassador|senator)"
    r",?\s+(?P<name>[A-Z][\w’'\-]+(?:\s+(?:de\s+|van\s+|von\s+|al-)?[A-Z][\w’'\-]+){1,2})"
)


def _demonym_in(phrase: str, index: dict[str, _ActorEntry]) -> str | None:
    for word in phrase.split():
        entry = index.get(word)
        if entry is not None and entry.source == "demonym":
            return entry.country
    return None


def _admin1_candidates(name: str) -> list[Place]:
    gaz = gazetteer()
    name = _clean(name)
    found = list(gaz.admin1.get(name, []))
    if found:
        return found
    out: list[Place] = []
    cities = gaz.lookup(name)
    biggest = max((c.population for c in cities), default=0)
    for city in cities:
        if city.admin1_code is None or city.population * 10 < biggest or city.population < 20_000:
            # "Zaporozhye oblast" is named after the city, not a village namesake; a region is
            # named after a town of some size ("Soum province" is not a Senegalese village's)
            continue
        region = gaz.admin1.get(city.admin1_name or "", [])
        match = [r for r in region if r.admin1_code == city.admin1_code]
        if match:
            out.extend(match)
    return out


def _match_at(
    doc: Annotated,
    toks: list[tuple[int, int]],
    i: int,
    *,
    index: dict[str, _ActorEntry],
    titles: dict[str, str],
    raw_places: list[_RawPlace],
) -> int:
    text = doc.text
    g = gazetteer()
    first = _clean(text[toks[i][0] : toks[i][1]])
    backed = index.get(first[4:]) if first.startswith("Pro-") else None
    if backed is not None and backed.source == "group":
        # "Pro-Houthi fighters" at a sentence start: the group's own forces
        start = toks[i][0] + 4
        _add_actor(doc, backed, (start, start + len(first) - 4), first[4:], index)
        return i + 1
    plural = index.get(first[:-1]) if first.endswith("s") else None
    if plural is not None and plural.source == "demonym" and plural.country:
        # "Palestinians", "Iraqis": the article is about that country; the people are not
        # the state, so no actor
        doc.focus[plural.country] += 1
        return i + 1
    if first not in _first_tokens() and not g.knows_first_word(first):
        # no name in any dictionary starts with this word: maybe a place in another spelling
        return _variant_at(doc, toks, i, raw_places)
    for n in range(min(5, len(toks) - i), 0, -1):
        start, end = toks[i][0], toks[i + n - 1][1]
        surface = _clean(text[start:end])
        end = start + len(surface)
        if surface in titles:
            return _person_by_title(doc, toks, i, n, surface)
        entry = index.get(surface)
        if (
            entry is not None
            and entry.source == "country"
            and _PLACE_PREFIX.search(text[max(0, start - 12) : start])
        ):
            return i + n  # "Puerto Jordan", "New Mexico": a town named after, not the country
        if entry is not None:
            _add_actor(doc, entry, (start, end), surface, index)
            if entry.source == "country" and entry.country in g.iso3:
                # "Gaza Strip" names Palestine as an actor but a smaller area as a place
                place = g.areas.get(surface) or g.iso3[entry.country]
                raw_places.append(_RawPlace(start, end, surface, [place], True))
            elif entry.source == "metonym" and g.lookup(surface):
                after = text[end : end + 20]
                # "a visit to Kyiv has been called off": after a preposition it is the place
                strong = bool(_MOTION_PREP.search(text[max(0, start - 8) : start]))
                if strong or not METONYM_SUBJECT.match(after):
                    raw_places.append(_RawPlace(start, end, surface, g.lookup(surface), strong))
            return i + n
        if n > 1 and surface in g.stopwords:
            return i + n  # "Red Sea", "Gulf of Aden": a name, but not a place we code
        if n > 1 and surface.split()[-1] in _ORG_HEADS:
            # "Republican People's Party", "Kenya Medical Association": an organization
            if surface.startswith("The "):
                return i + 1  # "The Southern Transitional Council": the name starts after "The"
            _city_of_institution(doc, surface, start, raw_places)
            country = _country_before(doc, start)
            doc.actors.append(
                ActorMention(surface, "organization", country, start, end, surface, "organization")
            )
            return i + n
        cands = g.lookup(surface) + g.admin1_names.get(surface, [])
        if cands:
            article = _ARABIC_ARTICLE.search(text, max(0, start - 4), start)
            if article:  # "the town of al-Mayadin": the place starts at its article
                start = article.start()
            raw_places.append(_RawPlace(start, end, text[start:end], cands, False))
            return i + n
    return _variant_at(doc, toks, i, raw_places)


_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:backed|led|allied|aligned|funded|brokered|made|supplied|sponsored|controlled|"
    r"held|based|born|bound)\b"
)
_ARABIC_ARTICLE = re.compile(r"\b[aAeE]l-$")
_VARIANT_CONTEXT = re.compile(
    # a bare "of" is too weak ("the Support of Islam"): only "the town of", "outskirts of"...
    r"\b(?:in|at|near|outside|from|to|into|toward|towards|around|over|hit|struck|targeting|"
    r"(?:town|city|village|villages|region|province|district|outskirts|suburbs?|area|port|"
    r"capital|east|west|north|south) of|"
    r"hitting|shelled|attacked|bombed|captured|seized|recaptured|entered|liberated|took|"
    r"stormed|raided|evacuated)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_INSTITUTION_HEADS = frozenset(("Court", "Assembly", "Council", "Parliament", "Directorate"))


def _city_of_institution(
    doc: Annotated, surface: str, start: int, raw_places: list[_RawPlace]
) -> None:
    """'at the Islamabad High Court': the court is in that city, which is where it happened."""
    first = surface.split(maxsplit=1)[0]
    if surface.rsplit(maxsplit=1)[-1] not in _INSTITUTION_HEADS:
        return
    cities = [p for p in gazetteer().lookup(first) if p.precision == "city"]
    if cities and max(p.population for p in cities) >= 100_000:
        raw_places.append(_RawPlace(start, start + len(first), first, cities, False))


def _variant_at(
    doc: Annotated, toks: list[tuple[int, int]], i: int, raw_places: list[_RawPlace]
) -> int:
    """'in Hodeidah' (GeoNames 'Al Ḩudaydah'): a place under another spelling, only right after
    a location word."""
    start = toks[i][0]
    # "the town of al-Busayrah": GeoNames writes the article as "Al Buşayrah"
    article = _ARABIC_ARTICLE.search(doc.text, max(0, start - 4), start)
    before = start - len(article.group(0)) if article else start
    if not _VARIANT_CONTEXT.search(doc.text[max(0, before - 25) : before]) or any(
        d.start <= start < d.end for d in doc.dates
    ):
        return i + 1  # "on Monday" is a date, whatever town it sounds like
    gaz = gazetteer()
    # the whole capitalised run must be the name: "Serhiy Lysak" is a person, not "Serhiyi"
    for n in range(min(3, len(toks) - i), 0, -1):
        if i + n < len(toks) and toks[i + n][0] - toks[i + n - 1][1] <= 1:
            continue
        end = toks[i + n - 1][1]
        surface = _clean(doc.text[start:end])
        cands = (gaz.lookup(f"Al {surface}") if article else []) or gaz.lookup_variant(surface)
        if cands:
            end = start + len(surface)
            raw_places.append(_RawPlace(before, end, doc.text[before:end], cands, False, True))
            return i + n
    return i + 1


def _add_actor(
    doc: Annotated,
    entry: _ActorEntry,
    span: tuple[int, int],
    surface: str,
    index: dict[str, _ActorEntry],
) -> None:
    start, end = span
    if entry.source == "demonym" or (surface + "#dem") in index:
        dem = index.get(surface + "#dem", entry)
        after = doc.text[end : end + 40]
        if _force_re().match(after):
            doc.actors.append(
                ActorMention(
                    dem.name,
                    "armed_forces",
                    dem.country,
                    start,
                    end,
                    surface,
                    "demonym",
                    forces=True,
                )
            )
            doc.focus[dem.country or ""] += 1
            return
        if entry.source == "demonym":
            doc.actors.append(
                ActorMention(dem.name, "state", dem.country, start, end, surface, "demonym")
            )
            doc.focus[dem.country or ""] += 1
            return
    country = entry.country
    if country is None and entry.source != "person":
        owner = [a for a in doc.actors if start - 4 <= a.end < start and a.country]
        if owner and doc.text[owner[-1].end : start].strip() in ("’s", "'s"):
            country = owner[-1].country
    doc.actors.append(
        ActorMention(
            entry.name, entry.kind, country, start, end, surface, entry.source, entry.office
        )
    )
    if entry.country and entry.source in ("country", "metonym"):
        doc.focus[entry.country] += 2
    elif country and entry.source in ("group", "organization"):
        doc.focus[country] += 1


def _person_by_title(
    doc: Annotated, toks: list[tuple[int, int]], i: int, n: int, title: str
) -> int:
    """'Mayor Ihor Terekhov' / 'Treasury Secretary Scott Bessent': a person with an office."""
    text = doc.text
    index = actor_index()
    j = i + n
    name_toks = toks[j : j + 3]
    if not name_toks:
        return j
    for k in range(len(name_toks), 0, -1):
        surface = _clean(text[name_toks[0][0] : name_toks[k - 1][1]])
        known = index.get(surface)
        if known is not None and known.source == "person":
            doc.actors.append(
                ActorMention(
                    known.name,
                    "person",
                    known.country,
                    name_toks[0][0],
                    name_toks[0][0] + len(surface),
                    surface,
                    "person",
                    known.office,
                )
            )
            return j + k
    surface = _clean(text[name_toks[0][0] : name_toks[min(2, len(name_toks)) - 1][1]])
    if surface in index or surface.lower() in ("of", "the"):
        return j
    country = _country_before(doc, toks[i][0])
    doc.actors.append(
        ActorMention(
            surface,
            "person",
            country,
            name_toks[0][0],
            name_toks[0][0] + len(surface),
            surface,
            "title",
            title,
        )
    )
    return j + min(2, len(name_toks))


def _country_before(doc: Annotated, pos: int) -> str | None:
    """Country of a demonym just before a title: 'Russian President X'."""
    for actor in reversed(doc.actors):
        if pos - 30 <= actor.end <= pos and doc.text[actor.end : pos].strip() in ("", "’s", "'s"):
            return actor.country
    return None


def _resolve_places(doc: Annotated, raw_places: list[_RawPlace]) -> None:
    person_spans = [(a.start, a.end) for a in doc.actors if a.kind == "person"]
    # "İmamoğlu said": a surname of a person named earlier is that person, not a town
    surnames = {a.name.split()[-1] for a in doc.actors if a.kind == "person" and " " in a.name}
    named_regions = {
        c.admin1_code
        for raw in raw_places
        if raw.strong or len(raw.cands) == 1
        for c in raw.cands
        if c.precision == "admin1" and c.admin1_code
    }
    region_countries = {
        c.country3 for raw in raw_places for c in raw.cands if c.admin1_code in named_regions
    }
    for start, end, surface, found, strong, variant in raw_places:
        cands = found
        if variant:
            # another spelling is trusted only in the countries the article is about
            cands = [
                c
                for c in cands
                if doc.focus.get(c.country3, 0) > 0 or c.country3 in region_countries
            ]
            if not cands:
                continue
        if any(a <= start < b for a, b in person_spans) or surface in surnames:
            continue
        if _COMPOUND_ADJECTIVE.match(doc.text, end):
            continue  # "the U.S.-backed forces", "a Qatar-brokered truce": not the scene
        before = doc.text[max(0, start - 25) : start]
        context = bool(LOC_PREP.search(before)) or strong
        qualifier = _QUALIFIER.match(doc.text[end : end + 40])
        district = bool(_DISTRICT_AFTER.match(doc.text[end : end + 20]))
        vouched = district
        if district and _OWN_CITY_BEFORE.search(before):
            # "the city's Dniprovskyi district": a part of the city named before, whatever
            # namesake the gazetteer has
            town = next((p for p in reversed(doc.places) if p.place.precision == "city"), None)
            if town is not None:
                doc.places.append(PlaceMention(town.place, start, end, surface, True))
            continue
        owner = _possessive_owner(doc, start)
        if owner is not None:
            # "Manipur's Jiribam district", "Colombia's Tibú": the town inside that owner
            inside = [c for c in cands if _inside(c, owner)]
            cands = inside or cands
            vouched = vouched or bool(inside)
        qualified = _qualified_by_region(doc, cands, end)
        if qualified is None:
            continue  # "Zmiivka, Kherson oblast": not a namesake outside that region
        if qualified[1] is not None:
            cands, vouched = qualified[0], vouched or qualified[1]
        elif qualifier:
            cands = _narrow(cands, qualifier.group(1)) or cands
        if any(
            p.end + 2 >= start - 1
            and p.end < start
            and p.place.precision == "city"
            and doc.text[p.end : start].strip() == ","
            and _narrow([p.place], surface)
            for p in doc.places[-1:]
        ):
            continue  # the "Texas" of "Paris, Texas" qualifies the city before it
        if any(
            p.place.precision == "city" and _NEAR_BETWEEN.match(doc.text[p.end : start])
            for p in doc.places[-1:]
        ):
            continue  # "the village of Tammun, near Tubas": a landmark, not a second scene
        if len(cands) > 1:
            # "Bijapur district of Chhattisgarh": the homonym in a region the article names
            cands = [c for c in cands if c.admin1_code in named_regions] or cands
        best = _best(cands, doc.focus, surface)
        if _only_a_name(doc, best, start, end):
            continue
        if (
            best.precision in ("city", "admin1")
            and not (strong or vouched)
            and not _stands_alone(doc, best, cands, (start, end, surface), context=context)
        ):
            continue
        doc.places.append(PlaceMention(best, start, end, surface, context))


def _qualified_by_region(
    doc: Annotated, cands: list[Place], end: int
) -> tuple[list[Place], bool | None] | None:
    """The candidates a region named right after the town allows, and whether that region
    vouches for it: (candidates, None) when no region follows, None when the town cannot be
    in the named region."""
    countries = {c.country3 for c in cands}
    if (paren := ADMIN_PAREN.match(doc.text, _skip_spaces(doc.text, end))) is not None:
        # an event note's bracket after a town names its district and region
        names = [found.group(1) for found in _PAREN_REGION.finditer(paren.group(0))]
        codes = _region_codes(names, countries)
        inside = [c for c in cands if c.admin1_code is not None and c.admin1_code in codes]
        return inside or cands, True
    region = _REGION_AFTER.match(doc.text[end : end + 80])
    if region is None:
        return cands, None
    # "Novomykolaivka in Zaporizhzhia region": the homonym inside that region, and a town its
    # region vouches for is a place even without a location word before it
    name = region.group(1)
    codes = _region_codes([name.split()[-1], name], countries)
    inside = [c for c in cands if c.admin1_code is not None and c.admin1_code in codes]
    if codes and not inside:
        return None
    return inside or cands, bool(inside)


def _only_a_name(doc: Annotated, best: Place, start: int, end: int) -> bool:
    """The place name is part of another name here, not where something happened."""
    after = doc.text[end : end + 30]
    if _TITLE_AFTER.match(after):
        return True  # "Bryansk Governor X": the place only qualifies an office
    if _NAME_HEAD_AFTER.match(after):
        return True  # "the Paris Olympics", "the Minsk agreements": a name, not a scene
    if _SUBURB_OF.match(after):
        return True  # "the Port-au-Prince suburb of Pétion-Ville": the suburb is the place
    # "the Kyiv government": a name used as an adjective
    return (
        best.precision != "country"
        and doc.text[max(0, start - 4) : start] == "the "
        and bool(ADJECTIVAL.match(after))
    )


def _stands_alone(
    doc: Annotated,
    best: Place,
    cands: list[Place],
    span: tuple[int, int, str],
    *,
    context: bool,
) -> bool:
    """A town or region nothing vouches for is a place only when the text makes it likely."""
    start, end, surface = span
    before = doc.text[max(0, start - 25) : start]
    if surface in gazetteer().stopwords and not LOC_PREP.search(before):
        return False
    if not context and best.population < 100_000:
        return False
    abroad = bool(doc.focus) and best.country3 not in doc.focus
    if abroad and _SETTLEMENT_OF.search(before) and len({c.country3 for c in cands}) == 1:
        return True  # "the village of Tammun": a named settlement with no namesake abroad
    if (
        abroad
        and best.population < 200_000
        and not _unambiguous_town(best, cands, surface, context=context)
    ):
        return False  # a small town abroad, in an article about elsewhere: a homonym
    # "Cano Limon-Covenas pipeline": not Kano (Nigeria) in a Colombian story
    return not (
        abroad and fold(best.name) != fold(surface) and _NAME_GOES_ON.match(doc.text[end : end + 2])
    )


ADMIN_PAREN = re.compile(
    r"\((?=[^()]*\b(?:district|region|province|county|cercle|department|oblast|raion|rayon|"
    r"governorate|state|municipality|prefecture|commune|city|township|division|LGA|"
    r"territory|zone)\b)[^()]{2,160}\)",
    re.IGNORECASE,
)
_PAREN_REGION = re.compile(
    r"([A-Z][\w’'\-]+(?:[\s-](?:de\s|del\s)?[A-Z][\w’'\-]+)?)\s+"
    r"(?i:region|province|state|oblast|governorate)\b"
)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _region_codes(names: list[str], countries: set[str]) -> set[str | None]:
    """ISO codes of the regions with these names, in the given countries ("Djibo, Soum
    province": not a Soum elsewhere)."""
    return {
        region.admin1_code
        for name in names
        for region in _admin1_candidates(name)
        if region.country3 in countries
    }


_SETTLEMENT_OF = re.compile(r"\b(?:village|town|city|hamlet|settlement)\s+of\s+$", re.I)
_NEAR_BETWEEN = re.compile(
    r"^,?\s+(?:near|outside|close to|north of|south of|east of|west of)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?$"
)
_OWN_CITY_BEFORE = re.compile(r"\bthe (?:city|town|capital|village)(?:’s|'s)\s+$", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(?:district|county|municipality|township)\b", re.IGNORECASE)


def _possessive_owner(doc: Annotated, start: int) -> Place | None:
    """The country or region of "Colombia's Tibú" / "Manipur's Jiribam", if named just before."""
    for mention in doc.places[-1:]:
        if mention.end < start and doc.text[mention.end : start].strip() in ("’s", "'s"):
            return mention.place if mention.place.precision != "city" else None
    return None


def _inside(place: Place, owner: Place) -> bool:
    if owner.precision == "country":
        return place.country3 == owner.country3 and place.precision == "city"
    return place.admin1_code is not None and place.admin1_code == owner.admin1_code


_TOWN_THEN_REGION = re.compile(r"^(?:,\s*|\s+in\s+(?:[\w’'-]+\s+){0,3})$")


def _fold_regions_into_towns(doc: Annotated) -> None:
    """'near Al-Manaqil in Sudan's Gezira state': when GeoNames gives the town no admin1, the
    region named right after it is the town's admin1, not a second place."""
    places = doc.places
    drop: set[int] = set()
    for i, mention in enumerate(places):
        region = mention.place
        if region.precision != "admin1":
            continue
        before = [
            j
            for j, p in enumerate(places)
            if p.end <= mention.start and p.place.precision == "city"
        ]
        if not before:
            continue
        j = max(before, key=lambda k: places[k].end)
        town = places[j]
        if (
            town.place.country3 == region.country3
            and town.place.admin1_code is None
            and _TOWN_THEN_REGION.match(doc.text[town.end : mention.start])
        ):
            place = replace(
                town.place, admin1_code=region.admin1_code, admin1_name=region.admin1_name
            )
            places[j] = replace(town, place=place)
            drop.add(i)
    doc.places[:] = [_with_named_region(doc, p) for i, p in enumerate(places) if i not in drop]


_REGION_AFTER = re.compile(
    r"^(?:,\s*|\s+in\s+(?:[\w’'-]+\s+){0,3}?)([A-Z][\w’'\-]+(?:[\s-][A-Z][\w’'\-]+)?)\s+"
    r"(?i:region|province|state|oblast|governorate)\b"
)


def _with_named_region(doc: Annotated, mention: PlaceMention) -> PlaceMention:
    """A town GeoNames gives no admin1 takes that of an ISO subdivision GeoNames cannot locate
    when the text names it right after the town."""
    if mention.place.precision != "city" or mention.place.admin1_code is not None:
        return mention
    found = _REGION_AFTER.match(doc.text[mention.end : mention.end + 80])
    if found is None:
        return mention
    name = found.group(1)
    unlocated = gazetteer().admin1_unlocated
    # "Sudan's Gezira state": the possessive country is not part of the name
    regions = unlocated.get(name) or unlocated.get(name.split()[-1], [])
    region = next((r for r in regions if r.country3 == mention.place.country3), None)
    if region is None:
        return mention
    place = replace(mention.place, admin1_code=region.admin1_code, admin1_name=region.admin1_name)
    return replace(mention, place=place)


_ORG_HEADS = frozenset(
    (
        "Party",
        "Ministry",
        "Council",
        "Movement",
        "Front",
        "Committee",
        "Agency",
        "Office",
        "Commission",
        "Court",
        "Association",
        "Alliance",
        "Brigades",
        "Brigade",
        "Bureau",
        "Federation",
        "Organisation",
        "Organization",
        "Coalition",
        "Parliament",
        "Assembly",
        "Congress",
        "Senate",
        "Directorate",
        "Corps",
        "Guard",
        "Institute",
    )
)


def _unambiguous_town(best: Place, cands: list[Place], surface: str, *, context: bool) -> bool:
    """'Russian forces struck Pavlohrad': a sizeable town with no namesake of a similar size
    elsewhere, named after a location word, is the place even when the article names only the
    attacker's country."""
    rivals = [c.population for c in cands if c.country3 != best.country3]
    return (
        context
        and best.precision == "city"
        and best.population >= 50_000
        and fold(best.name) == fold(surface)
        # no namesake abroad, or none half its size ("in Rafah": Gaza's, not Egypt's)
        and all(2 * pop <= best.population for pop in rivals)
    )


_COMPASS = re.compile(r"(?:North|South|East|West|Upper|Lower|Middle|Central|Northern|Southern)\s")
_NAME_GOES_ON = re.compile(r"\s[A-Z]")
_PLACE_PREFIX = re.compile(
    r"\b(?:Puerto|Port|Porto|San|Santa|Santo|São|Sao|New|Fort|Mount|Cape|Lake|Saint|St\.?|"
    r"Ciudad|Villa|Nueva|Nuevo|Bandar|Kafr|Beit|Deir|Umm|Tel|Ras)\s+$"
)
_QUALIFIER = re.compile(r"^,\s+([A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)")
_SUBURB_OF = re.compile(r"^\s+(?:suburb|neighbou?rhood|outskirts)\s+of\s+[A-Z]")
_NAME_HEAD_AFTER = re.compile(
    r"^\s+(?:Olympics|Olympic|Paralympics|Games|Marathon|Festival|Agreements?|agreements?|"
    r"Accords?|accords?|Protocol|Format|format|Declaration|Times|Post|Independent|Herald|Club|"
    r"Stock Exchange|Open|Fashion Week|Biennale)\b"
)
_TITLE_AFTER = re.compile(
    r"^\s+(?:Governor|Mayor|Gov\.|Region Governor|regional governor|governor|mayor|police|"
    r"officials?|authorities)\b"
)


def _best(cands: list[Place], focus: Counter[str], surface: str = "") -> Place:
    """Prefer the article's countries, then the place whose own name is the surface (not a
    historical alternate), then the bigger place."""
    folded = fold(surface)

    def score(place: Place) -> tuple[bool, float]:
        own = fold(place.name) == folded
        rank = math.log(max(place.population, 1)) + (2.08 if own else 0.0)
        if place.precision == "admin1":
            rank = 11.0  # above a village, below a city of ~60k with the same name
        return focus.get(place.country3, 0) > 0, rank

    return max(cands, key=score)


def _narrow(cands: list[Place], qualifier: str) -> list[Place]:
    """'Paris, Texas' / 'Paris, France': keep the candidates inside the qualifier."""
    gaz = gazetteer()
    country = gaz.countries.get(qualifier)
    regions = {p.admin1_code for p in gaz.admin1.get(qualifier, [])}
    return [
        c
        for c in cands
        if (country is not None and c.country3 == country.country3)
        or (c.admin1_code is not None and c.admin1_code in regions)
    ]
