"""Date expressions resolved against the publication time, with a precision."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from streams.extraction.date_figures import day_month, restated
from streams.extraction.date_ranges import RANGE_LEAD, join_ranges
from streams.extraction.date_words import alternation, date_words
from streams.extraction.numbers import words_to_int

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_ABBREVIATIONS = frozenset(word[:3] for word in _MONTHS)
"""The first three letters of every month name ("jan" ... "dec")."""
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
"""A month name or its abbreviation, as written in English."""
_ORD = r"(?:st|nd|rd|th)?"
_NOT_AFTER_DETERMINER = (
    "".join(rf"(?<!\b{w} )" for w in date_words().relative_of if re.fullmatch(r"[a-z]+", w))
    + "(?<!'s )(?<!’s )"
)  # "the recently elected mayor", "Kenya's recently appointed envoy"
_LINK = alternation(date_words().range_links)
_LINK_MF = alternation(date_words().range_links_month_first)
DATE_RE = re.compile(
    r"(?<!\w)(?=[0-9A-Za-z])"  # fail fast: only at the start of a word
    r"(?:(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    # a range within one month ("5-7 January", "May 3 to 5, 2024"): its first day
    rf"|(?P<rdmy>\b(?P<rdmy_a>\d{{1,2}}){_ORD}\s*(?P<rdmy_l>{_LINK})\s*(?P<rdmy_b>\d{{1,2}}){_ORD}\s+(?:of\s+)?"
    rf"(?P<rdmy_m>{MONTH_RE})(?:,?\s+(?P<rdmy_y>\d{{4}}))?\b)"
    rf"|(?P<rmdy>\b(?P<rmdy_m>{MONTH_RE})\s+(?P<rmdy_a>\d{{1,2}}){_ORD}\s*(?P<rmdy_l>{_LINK_MF})\s*"
    rf"(?P<rmdy_b>\d{{1,2}}){_ORD}(?:,?\s+(?P<rmdy_y>\d{{4}}))?\b(?!\s*(?:[:./-]\d|%)))"
    rf"|(?P<mdy>\b{MONTH_RE}(?:\s+|(?<=\.))"  # "Feb. 3", "Feb.3"
    rf"(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<mdy_y>\d{{4}}))?\b)"
    rf"|(?P<dmy>\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}(?:,?\s+(?P<dmy_y>\d{{4}}))?\b)"
    r"|(?P<wd>\b(?:(?:last|next|on|early|late|this)\s+)?"
    r"(?P<wd_name>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<rel>\b(?i:overnight|last night|tonight|this morning|earlier today|today|yesterday|"
    r"the day before yesterday|a day earlier|the previous day|the day before|last week|"
    r"earlier this week|this week|(?:over|at|during) the weekend|"
    r"last weekend|last month|"
    r"earlier this month|this month|last year|earlier this year)\b)"
    # "recently": a happening dated only as recent (precision week: no date, codebook rule 5)
    rf"|(?P<vague>\b{_NOT_AFTER_DETERMINER}(?i:{alternation(date_words().vague_past)})\b)"
    r"|(?P<ago>\b(?P<ago_n>\d{1,2}|(?i:two|three|four|five|six|seven|eight|nine|ten|a few))"
    r"\s+days?\s+(?:ago|earlier)\b)"
    r"|(?P<num>\b(?P<num_a>\d{1,2})[./](?P<num_b>\d{1,2})[./](?P<num_y>(?:19|20)\d\d)\b)"
    # "on 25/09", "(03/02)": a day and month in figures, no year, where a date is expected
    r"|(?P<dm>(?:(?<=\b[Oo]n )|(?<=\bof )|(?<=[(\[]))"
    r"(?P<dm_a>\d{1,2})/(?P<dm_b>\d{1,2})(?![/.]?\d))"
    # "the 12th," / "on the 3rd of this month": a day of the current (or last) month
    r"|(?P<dom>\bthe\s+(?P<dom_d>\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;]|of this month|$)))"
    rf"|(?P<mon>\b(?:[Ii]n|[Dd]uring|[Bb]y)\s+(?P<mon_part>early|mid|late)?-?\s*(?P<mon_name>{MONTH_RE})"
    r"(?:\s+(?P<mon_y>(?:19|20)\d\d))?\b(?!\s+\d))"
    ")"
)
# "on the night of 11-12 March" / "the night of March 11 to 12": the morning after
NIGHT_OF = re.compile(
    rf"\bnight of\s+(?:\d{{1,2}}\s*(?:-|–|to|and|into)\s*\d{{1,2}}\s+{MONTH_RE}|"
    rf"{MONTH_RE}\s+\d{{1,2}}\s*(?:-|–|to|and|into)\s*(?P<second>\d{{1,2}}))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    date: date
    precision: str
    text: str
    start: int
    end: int


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(month_word: str, day: int, year: str | None, pub: date) -> date | None:
    month = _MONTHS[month_word.lower().rstrip(".")]
    if year:
        return _safe(int(year), month, day)
    found = _safe(pub.year, month, day)
    if found and found > pub + timedelta(days=7):
        found = _safe(pub.year - 1, month, day)
    return found


def _weekday(name: str, prefix: str, pub: date, *, future: bool = False) -> date:
    target = _WEEKDAYS.index(name.lower())
    if future or prefix == "next":
        ahead = (target - pub.weekday()) % 7
        return pub + timedelta(days=ahead or 7)
    back = (pub.weekday() - target) % 7
    if prefix == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back)


_DAY_BEFORE = ("a day earlier", "the previous day", "the day before")


def _last_month(pub: date) -> date:
    return (pub.replace(day=1) - timedelta(days=1)).replace(day=1)


_RELATIVE: dict[str, Callable[[date], tuple[date, str]]] = {
    "yesterday": lambda pub: (pub - timedelta(days=1), "day"),
    "a day earlier": lambda pub: (pub - timedelta(days=1), "day"),
    "the previous day": lambda pub: (pub - timedelta(days=1), "day"),
    "the day before": lambda pub: (pub - timedelta(days=1), "day"),
    "the day before yesterday": lambda pub: (pub - timedelta(days=2), "day"),
    # the evening before the publication day ("overnight" is the night that ended that day)
    "last night": lambda pub: (pub - timedelta(days=1), "day"),
    "last week": lambda pub: (pub - timedelta(days=7), "week"),
    "earlier this week": lambda pub: (pub, "week"),
    "this week": lambda pub: (pub, "week"),
    "last month": lambda pub: (_last_month(pub), "month"),
    "earlier this month": lambda pub: (pub.replace(day=1), "month"),
    "this month": lambda pub: (pub.replace(day=1), "month"),
    "last year": lambda pub: (date(pub.year - 1, 1, 1), "year"),
    "earlier this year": lambda pub: (date(pub.year, 1, 1), "year"),
}
"""Relative date words -> (the date they name, its precision), from the publication day."""


def _relative(word: str, pub: date) -> tuple[date, str]:
    word = word.lower()
    named = _RELATIVE.get(word)
    if named is not None:
        return named(pub)
    if word.endswith("weekend"):
        return pub - timedelta(days=(pub.weekday() - 5) % 7), "day"  # the weekend's Saturday
    return pub, "day"  # overnight, last night, today, this morning, tonight


def _numeric(a: int, b: int, year: int, pub: date) -> date | None:
    """12/03/2024 is 12 March (day first, as most of the world writes it) unless only the
    American reading is a date, or only it is not after publication."""
    day_first, month_first = _safe(year, b, a), _safe(year, a, b)
    if day_first is None or month_first is None:
        return day_first or month_first
    if day_first > pub >= month_first:
        return month_first
    return day_first


def _day_of_month(day: int, pub: date) -> date | None:
    found = _safe(pub.year, pub.month, day)
    if found is not None and found <= pub:
        return found
    last_month = pub.replace(day=1) - timedelta(days=1)
    return _safe(last_month.year, last_month.month, day)


_PART_DAY = {"early": 1, "mid": 15, "late": 25}


def _month(match: re.Match[str], pub: date) -> date | None:
    """'in February' / 'in mid-February 2023': the month (precision month), the most recent one
    not after publication when no year is given."""
    month = _MONTHS[match.group("mon_name").lower().rstrip(".")]
    day = _PART_DAY.get((match.group("mon_part") or "").lower(), 1)
    if match.group("mon_y"):
        return _safe(int(match.group("mon_y")), month, day)
    year = pub.year if month <= pub.month else pub.year - 1
    return _safe(year, month, day)


_WORDS = date_words()
_FUTURE = re.compile(
    rf"\b(?P<mark>{alternation(_WORDS.future_marks)})\b[^.;]{{0,60}}$", re.IGNORECASE
)
_PAST_BETWEEN = re.compile(rf"\b{alternation(_WORDS.past_marks)}\b", re.IGNORECASE)
_FUTURE_LEAD = re.compile(rf"\b{alternation(_WORDS.future_leads)}\s+$", re.IGNORECASE)


def _future_context(before: str) -> bool:
    """'Talks will resume on Tuesday' / 'a rally is planned for Saturday': a coming day."""
    if _FUTURE_LEAD.search(before):  # "called a strike for Tuesday"
        return True
    cue = _FUTURE.search(before)
    return cue is not None and not _PAST_BETWEEN.search(before[cue.end("mark") :])


Reading = tuple[date | None, str]  # (the date, its precision)


def _iso(match: re.Match[str], pub: date, future: bool) -> Reading:
    y, m, d = (int(x) for x in match.group(0).split("-"))
    return _safe(y, m, d), "day"


def _mdy(match: re.Match[str], pub: date, future: bool) -> Reading:
    month_word = re.split(r"\s|(?<=\.)", match.group(0))[0]  # "Feb. 3", "Feb.3"
    return _month_day(month_word, int(match.group("mdy_d")), match.group("mdy_y"), pub), "day"


def _dmy(match: re.Match[str], pub: date, future: bool) -> Reading:
    month_word = re.sub(r"^\d+\w*\s+(?:of\s+)?", "", match.group(0)).split()[0].rstrip(",")
    return _month_day(month_word, int(match.group("dmy_d")), match.group("dmy_y"), pub), "day"


_LIST_LINKS = frozenset(date_words().list_links)
_NIGHT_BEFORE = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _range(kind: str) -> Callable[[re.Match[str], date, bool], Reading]:
    """A range within one month is dated by its first day, when the happening began; a night
    'of 11-12 March' by the second, the morning it ended; two days listed ('on 11 and 14
    November', no range lead) by the last, as a single day would be read."""

    def read(match: re.Match[str], pub: date, future: bool) -> Reading:
        before = match.string[max(0, match.start() - 20) : match.start()]
        listed = match.group(f"{kind}_l").lower() in _LIST_LINKS and not RANGE_LEAD.search(before)
        last = listed or _NIGHT_BEFORE.search(before) is not None
        day = match.group(f"{kind}_b" if last else f"{kind}_a")
        month = match.group(f"{kind}_m")
        return _month_day(month, int(day), match.group(f"{kind}_y"), pub), "day"

    return read


def _wd(match: re.Match[str], pub: date, future: bool) -> Reading:
    text = match.group(0)
    prefix = text.split()[0].lower() if " " in text else ""
    return _weekday(match.group("wd_name"), prefix, pub, future=future), "day"


def _num(match: re.Match[str], pub: date, future: bool) -> Reading:
    a, b, year = (int(match.group(g)) for g in ("num_a", "num_b", "num_y"))
    return _numeric(a, b, year, pub), "day"


def _ago(match: re.Match[str], pub: date, future: bool) -> Reading:
    n = words_to_int(match.group("ago_n"))
    if n is None or n > 60:
        return None, "day"
    return pub - timedelta(days=n), "day"


_READERS: tuple[tuple[str, Callable[[re.Match[str], date, bool], Reading]], ...] = (
    ("iso", _iso),
    ("rdmy", _range("rdmy")),
    ("rmdy", _range("rmdy")),
    ("mdy", _mdy),
    ("dmy", _dmy),
    ("wd", _wd),
    ("rel", lambda match, pub, future: _relative(match.group(0), pub)),
    ("num", _num),
    ("dm", lambda match, pub, future: (day_month(match["dm_a"], match["dm_b"], pub), "day")),
    ("dom", lambda match, pub, future: (_day_of_month(int(match.group("dom_d")), pub), "day")),
    ("mon", lambda match, pub, future: (_month(match, pub), "month")),
    ("vague", lambda match, pub, future: (pub, "week")),
)
"""DATE_RE's alternatives in the order they are tried; "n days ago" is the rest."""


def resolve(
    match: re.Match[str], pub: date, offset: int = 0, *, future: bool = False
) -> DateMention | None:
    """Turn one DATE_RE match into a dated mention (None when the words are no date)."""
    read = next((reader for group, reader in _READERS if match.group(group)), _ago)
    found, precision = read(match, pub, future)
    if found is None:
        return None
    return DateMention(
        found, precision, match.group(0), match.start() + offset, match.end() + offset
    )


_SAYING = alternation([*_WORDS.saying_verbs, *_WORDS.telling_verbs])
_REPORTED_ON = re.compile(
    rf"\b{_SAYING}(?:\s+\w+)?\s+(?:(?:on|late on|early on)\s+)?$", re.IGNORECASE
)


def find_dates(text: str, pub: date, offset: int = 0) -> list[DateMention]:
    out: list[DateMention] = []
    for match in DATE_RE.finditer(text):
        if _counts_from_happening(text, match):
            continue
        future = bool(match.group("wd")) and _future_context(
            text[max(0, match.start() - 70) : match.start()]
        )
        # "Two days earlier, gunmen ...": earlier than the day told before, not than today
        anchor = _day_told_before(text, out, offset) if _counts_back(match) else None
        mention = resolve(match, anchor or pub, offset, future=future)
        if mention is not None:
            out.append(_night_of(text, match, mention))
    return restated(text, join_ranges(text, out, offset), offset)


_OF_HAPPENING = re.compile(rf"\s+{alternation(date_words().relative_of)}\b", re.IGNORECASE)


def _counts_from_happening(text: str, match: re.Match[str]) -> bool:
    """'the day before the rally': a day counted from the happening named, not from today."""
    word = (match.group("rel") or "").lower()
    if word not in _DAY_BEFORE or not word.endswith("before"):  # "before" can take an object
        return False
    return _OF_HAPPENING.match(text, match.end()) is not None


def _counts_back(match: re.Match[str]) -> bool:
    """'a day earlier', 'two days earlier': counted from another day ('ago' counts from today)."""
    if match.group("ago"):
        return match.group(0).lower().endswith("earlier")
    return (match.group("rel") or "").lower() in _DAY_BEFORE


def _day_told_before(text: str, earlier: list[DateMention], offset: int) -> date | None:
    """The last day-precise date before, leaving out when things were said ('said on Friday')."""
    for mention in reversed(earlier):
        start = mention.start - offset
        if mention.precision == "day" and not _REPORTED_ON.search(text, max(0, start - 40), start):
            return mention.date
    return None


def _night_of(text: str, match: re.Match[str], mention: DateMention) -> DateMention:
    """'the night of March 11 to 12': the date is the second day, when the night ended."""
    night = NIGHT_OF.search(text, max(0, match.start() - 12), match.end() + 12)
    if night is None or not night.group("second") or not night.start() <= match.start():
        return mention
    later = _safe(mention.date.year, mention.date.month, int(night.group("second")))
    if later is None or later < mention.date:
        return mention
    return DateMention(later, mention.precision, night.group(0), mention.start, night.end())


def latest_explicit_date(text: str) -> date | None:
    """The latest date written with its year ('23 January 2024', '2024-01-23', '23.01.2024'):
    the reference day of a text that comes without a publication time."""
    ref = date(2100, 1, 1)  # after any news date, and far from the calendar's limits
    with_year = (m for m in DATE_RE.finditer(text) if re.search(r"(?:19|20)\d\d", m.group(0)))
    found = [
        m.date
        for m in (resolve(match, ref) for match in with_year)
        if m is not None and m.precision == "day"
    ]
    return max(found, default=None)
