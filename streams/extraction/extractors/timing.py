"""The date of a sentence's event, and the day a saying was said."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from streams.extraction.annotate import Annotated, Sentence
from streams.extraction.date_words import alternation, date_words
from streams.extraction.dates import DateMention
from streams.schemas import When


def event_date(
    doc: Annotated, sent: Sentence, near: int | None = None, *, verbal: bool = False
) -> tuple[When, bool]:
    """The date of the sentence's event: the date phrase nearest the trigger (or the first),
    else the publication day. A verbal act (verbal=True) takes no date from the sentences
    before it unless it says so ("hours later"): with no stated day it is dated by the
    publication day (codebook rule 5), not by the happening it reacts to."""
    in_sent = [m for m in doc.dates if sent.start <= m.start < sent.end]
    found = [m for m in in_sent if not _secondary_date(doc.text, m)] or [
        m for m in in_sent if not verbal and not _secondary_date(doc.text, m, verbal=False)
    ]
    # "recently" dates nothing when the sentence states a day or week of its own
    found = [m for m in found if not _VAGUE.fullmatch(m.text)] or found
    # 'Around 7 May (on 7 and 8 May)': a date in a parenthesis qualifies the one told outside
    found = [m for m in found if not _aside(doc.text, sent.start, m)] or found
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
                or _anaphora().match(doc.sentences[i].text)
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
        earlier = [m for m in earlier if not _aside(doc.text, prev.start, m)] or earlier
        if earlier:
            if earlier[-1].precision == "day":
                day = earlier[-1].date + timedelta(days=bool(_NEXT_DAY.search(sent.text)))
                return When(date=day.isoformat(), precision="day"), False
            break
        i -= 1
    told = None if verbal or in_sent else happening_day(doc, sent) or restated_day(doc, sent)
    if told is not None:  # "The first attack ...": the day the text gave that happening
        return When(date=told.isoformat(), precision="day"), True
    return _undated(doc, in_sent)


def _undated(doc: Annotated, in_sent: list[DateMention]) -> tuple[When, bool]:
    said = [m for m in in_sent if not _possessive(doc.text, m)]
    if said:  # only the day it was said: better than nothing
        pick = said[0]
        return When(date=pick.date.isoformat(), precision=pick.precision, text=pick.text), True
    reported = reported_on(doc)
    if reported is not None:  # "As reported on 24 June 2019, ...": the report's day
        return When(date=reported.date.isoformat(), precision="day", text=reported.text), True
    return When(date=doc.published.isoformat(), precision="day"), False


@cache
def _happening_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A happening named again ('the first attack') and one named just before a date ('a
    shooting in the city on Friday'): the nouns of the conflict triggers (data/en/triggers)."""
    from streams.extraction.components.lemmas import happening_nouns  # after the components

    noun = alternation(sorted(happening_nouns()))
    again = re.compile(rf"\b(?:the|that|this)\s+(?:[\w-]+\s+){{0,2}}{noun}\b", re.IGNORECASE)
    return again, re.compile(rf"\b{noun}\b[^.;!?]{{0,60}}$", re.IGNORECASE)


def happening_day(doc: Annotated, sent: Sentence) -> date | None:
    """'The first attack was in Al Noor Mosque', '36 minutes after the shooting': a sentence
    that names a happening with a definite article (a happening told before) and states no day
    takes the day an earlier sentence gives a happening right after naming it ('a mass
    shooting in Christchurch on Friday'); not a day something was said ('said on Friday')."""
    named_again, named_before = _happening_names()
    if not named_again.search(sent.text):
        return None
    earlier = [m for m in doc.dates if m.end <= sent.start and m.precision == "day"]
    for mention in reversed(earlier):
        if _attribution(doc.text, mention) or _possessive(doc.text, mention):
            continue
        if named_before.search(doc.text, max(0, mention.start - 80), mention.start):
            return mention.date
    return None


def restated_day(doc: Annotated, sent: Sentence) -> date | None:
    """'Police killed a rebel commander in an encounter. The encounter took place near the
    river yesterday.': a happening with no stated day whose next sentence, in the same
    paragraph, names it again ('the encounter') and gives that a day takes the day; not a day
    something was said, a possessive's day or an aside's."""
    if sent.index + 1 >= len(doc.sentences):
        return None
    after = doc.sentences[sent.index + 1]
    again = _happening_names()[0].search(after.text)
    if again is None or "\n" in doc.text[sent.end : after.start]:
        return None
    for mention in doc.dates:
        if not after.start + again.end() <= mention.start < after.end:
            continue
        if mention.precision == "day" and not (
            _secondary_date(doc.text, mention) or _aside(doc.text, after.start, mention)
        ):
            return mention.date
        return None  # the first date after the happening named again is the one told
    return None


_VAGUE = re.compile(alternation(date_words().vague_past), re.IGNORECASE)
_REPORT_LEAD = re.compile(rf"\b{alternation(date_words().report_date_leads)}\s*$", re.IGNORECASE)


def reported_on(doc: Annotated) -> DateMention | None:
    """The day the text says its happening was reported ('As reported on 24 June 2019, ...',
    'source date: 4 April 2018'): for a happening with no stated day, the day it is dated by."""
    return next(
        (
            m
            for m in doc.dates
            if m.precision == "day" and _REPORT_LEAD.search(doc.text, max(0, m.start - 25), m.start)
        ),
        None,
    )


def _aside(text: str, start: int, mention: DateMention) -> bool:
    """The date is inside a parenthesis that is still open ('... (killed on 14 June 2018) ...'):
    an aside, not the date the sentence is told at."""
    before = text[start : mention.start]
    return before.rfind("(") > before.rfind(")")


_SAYING = alternation(date_words().saying_verbs)
_TELLING = alternation(date_words().telling_verbs)
_ATTRIBUTION = re.compile(rf"\b(?:{_SAYING}|{_TELLING} \w+)\s+(?:on\s+)?$", re.IGNORECASE)
_PERIOD_START = re.compile(rf"\b{alternation(date_words().period_starts)}\b[^,.;]*$", re.IGNORECASE)


def said_on(doc: Annotated, sent: Sentence) -> DateMention | None:
    """The day the sentence says something was said ("Trump said on Wednesday that ...")."""
    return next(
        (m for m in doc.dates if sent.start <= m.start < sent.end and _attribution(doc.text, m)),
        None,
    )


def _attribution(text: str, mention: DateMention) -> bool:
    """'..., officials said on Friday' dates the saying, not the happening."""
    return bool(_ATTRIBUTION.search(text[max(0, mention.start - 25) : mention.start]))


_PARTS = alternation(date_words().parts_of_day)
_POSSESSIVE_S = re.compile(rf"(?:\s+{_PARTS})?(?:'s|’s|\x92s)", re.IGNORECASE)  # \x92: cp1252's ’
_WITHIN = re.compile(rf"\b{alternation(date_words().within_happening)}\s+$", re.IGNORECASE)


def _possessive(text: str, mention: DateMention, *, verbal: bool = True) -> bool:
    """'condemned Thursday's bombing' dates another happening; 'have raged since Sunday' dates
    the start of a state. A material act told as taking place in the happening a possessive
    dates ('killed in Tuesday's attack') takes that date when the sentence states no other
    (verbal=False)."""
    # "killed since the start of the war in October": the start of a period, not its date
    if _PERIOD_START.search(text, max(0, mention.start - 50), mention.start) is not None:
        return True
    if _POSSESSIVE_S.match(text, mention.end) is None:  # "Saturday night's", "todays"
        return False
    return verbal or _WITHIN.search(text, max(0, mention.start - 20), mention.start) is None


def _secondary_date(text: str, mention: DateMention, *, verbal: bool = True) -> bool:
    return _possessive(text, mention, verbal=verbal) or _attribution(text, mention)


_WORDS = date_words()
_SAME_DAY = re.compile(rf"\b{alternation(_WORDS.same_day_marks)}\b", re.IGNORECASE)
_NEXT_DAY = re.compile(rf"\b{alternation(_WORDS.next_day_marks)}\b", re.IGNORECASE)


@cache
def _anaphora() -> re.Pattern[str]:
    """A sentence opening on a happening or its doers named again ('The shelling ...', 'The
    encounter ...', 'The bomber ...'): the nouns of the conflict triggers and the doers'
    nouns of date_words.json, after a determiner as written at a sentence start."""
    from streams.extraction.components.lemmas import happening_nouns  # after the components

    nouns = alternation(sorted(set(_WORDS.anaphora_nouns) | happening_nouns()))
    return re.compile(rf"{alternation(_WORDS.anaphora_determiners)} {nouns}\b")
