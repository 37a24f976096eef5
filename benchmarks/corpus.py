"""A reproducible benchmark corpus built from the project's seeds and templates.

Most news has no conflict event, so most generated articles are business, sport, science or
culture text; about a quarter report attacks, protests, arrests, sanctions or talks; a few are
long (several seed bodies joined). Same seed -> same corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from streams.articles_io import read_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

PLACES = [
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Sumy",
    "Kherson",
    "Mykolaiv",
    "Chernihiv",
    "Poltava",
    "Lviv",
    "Khartoum",
    "El Fasher",
    "Goma",
    "Mogadishu",
    "Aden",
    "Beirut",
    "Gaza City",
    "Quetta",
    "Peshawar",
    "Bamako",
    "Maiduguri",
]
ACTORS = [
    "Russian forces",
    "Ukrainian troops",
    "the Rapid Support Forces",
    "M23 rebels",
    "al-Shabaab fighters",
    "Houthi forces",
    "Israeli forces",
    "militants",
]
NUMBERS = ["two", "three", "five", "seven", "12", "at least four", "more than 20", "dozens"]
WEEKDAYS = ["on Monday", "on Tuesday", "overnight", "yesterday", "on Saturday night"]

EVENT_TEMPLATES = [
    "{actor} launched a drone attack on {place} {when}, killing {n} people and injuring {m}, "
    "local officials said.",
    "{place} was shelled by {actor} {when}; {n} civilians were killed, the regional governor said.",
    "Police arrested {n} protesters in {place} {when} after thousands marched against the "
    "government.",
    "Heavy fighting broke out between {actor} and government troops near {place} {when}, "
    "leaving {n} dead.",
    "A roadside bomb exploded in {place} {when}, killing {n} soldiers, the army said.",
    "The European Union imposed sanctions on {n} companies accused of supplying drones.",
    "Foreign ministers met in {place} {when} for talks on a ceasefire.",
]
FILLER = [
    "Shares in the company rose 4% after it reported higher quarterly revenue and raised its "
    "outlook for the full year, analysts said.",
    "The central bank held interest rates steady, citing easing inflation and a resilient "
    "labour market, and signalled it could cut later this year.",
    "The home side dominated possession and the striker attacked down the left before firing "
    "just wide in the second half.",
    "Researchers said the new battery chemistry could cut charging times by half while lasting "
    "for thousands of cycles in laboratory tests.",
    "The film took in $42 million in its opening weekend, a blockbuster start that beat "
    "industry forecasts.",
    "Farmers said the late rains had improved the outlook for the wheat harvest, though prices "
    "remained volatile on world markets.",
    "The city council approved a plan to expand bus lanes and add cycle routes over the next "
    "three years.",
    "The minister said the budget would prioritise schools and hospitals while keeping the "
    "deficit under control.",
]


@dataclass(frozen=True)
class CorpusArticle:
    id: str
    text: str
    published_at: str
    has_event_template: bool

    def as_json_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "text": self.text,
            "published_at": self.published_at,
            "source": "bench",
        }


def _seed_bodies() -> list[str]:
    return [item.article.text for item in read_articles([str(SEEDS)])]


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(rng.randint(3, 5)))


def _event_sentence(rng: random.Random) -> str:
    return rng.choice(EVENT_TEMPLATES).format(
        actor=rng.choice(ACTORS),
        place=rng.choice(PLACES),
        when=rng.choice(WEEKDAYS),
        n=rng.choice(NUMBERS),
        m=rng.choice(NUMBERS),
    )


def article_of_words(rng: random.Random, words: int, with_event: bool) -> str:
    paragraphs: list[str] = []
    if with_event:
        paragraphs.append(_event_sentence(rng).capitalize())
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(_paragraph(rng))
        if with_event and rng.random() < 0.3:
            paragraphs.append(_event_sentence(rng))
    return "\n\n".join(paragraphs)


def build_corpus(size: int = 2000, seed: int = 7, words: int = 400) -> list[CorpusArticle]:
    rng = random.Random(seed)
    bodies = _seed_bodies()
    corpus = []
    for index in range(size):
        roll = rng.random()
        if roll < 0.10:
            text, has_event = rng.choice(bodies), True
        elif roll < 0.13:
            text, has_event = "\n\n".join(rng.sample(bodies, k=min(6, len(bodies)))), True
        elif roll < 0.35:
            text, has_event = article_of_words(rng, words, with_event=True), True
        else:
            text, has_event = article_of_words(rng, words, with_event=False), False
        day = 1 + index % 28
        corpus.append(
            CorpusArticle(
                f"bench-{seed}-{index:06d}", text, f"2025-10-{day:02d}T08:00:00Z", has_event
            )
        )
    return corpus


def article_of_size(size_bytes: int, seed: int = 11) -> str:
    """One article of about `size_bytes`, half event sentences, half filler."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        part = _event_sentence(rng) if rng.random() < 0.5 else _paragraph(rng)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size_bytes]
