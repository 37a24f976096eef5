"""Annotate an article once: sentences, actors, places, dates, attribution clauses.

Extractors read this structure and never rescan the raw text for names: places and actors come
from dictionary lookups over capitalised n-grams, not per-name regexes. The steps live in their
own modules (sentences, name_lexicon, name_matching, actor_matching, region_names,
place_resolution, place_checks, place_regions, article_dates); this module runs them in order
and re-exports the names the extractors and the engine-v2 components import from here.
"""

from __future__ import annotations

from streams.extraction.annotated import ActorMention, Annotated, PlaceMention, Sentence
from streams.extraction.article_dates import lead_date, month_phrase, month_words, published_day
from streams.extraction.dates import find_dates
from streams.extraction.headings import blank_headings
from streams.extraction.name_lexicon import actor_index
from streams.extraction.name_matching import scan_names
from streams.extraction.place_regions import fold_regions_into_towns
from streams.extraction.place_resolution import resolve_places
from streams.extraction.region_names import region_patterns
from streams.extraction.sentences import ATTRIBUTION, DATELINE, is_english, split_sentences
from streams.schemas import Article

__all__ = [
    "ActorMention",
    "Annotated",
    "PlaceMention",
    "Sentence",
    "actor_index",
    "annotate",
    "is_english",
    "month_phrase",
    "month_words",
    "region_patterns",
    "split_sentences",
]


def annotate(article: Article) -> Annotated:
    text = blank_headings(article.text)
    if text != article.text:  # 'Arrests: ...': a heading is no part of the sentence
        article = article.model_copy(update={"text": text})
    day = published_day(article)
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
    lead_day = lead_date(doc)
    if lead_day is not None and lead_day < doc.published:
        # "On 23 January 2024, Russian forces ...": an event note is dated by its opening
        # words, and its other dates ("the next day") count from there
        doc.published = lead_day
        doc.dates = [d for d in find_dates(text, lead_day) if d.start >= doc.dateline_end]
    raw_places = scan_names(doc)
    resolve_places(doc, raw_places)
    fold_regions_into_towns(doc)
    return doc
