"""Score an extractor against a hand-annotated gold set (tests/gold/*.jsonl).

Gold format: one JSON object per line, validated by `GoldItem` (extra keys forbidden)::

    {"id": "...", "text": "...", "published_at": "2024-01-24T08:00:00Z", "title": "...",
     "expected": [{"event_type": "missile_attack", "acled_event_type": "Explosions/Remote violence",
                   "status": "occurred",
                   "actors": [{"role": "initiator", "name": "Russia", "country": "RUS"}],
                   "locations": [{"name": "Pavlohrad", "country": "UKR", "admin1_code": "UA-12",
                                  "latitude": 48.53, "longitude": 35.87}],
                   "date": "2024-01-23", "killed": 1, "injured": null}]}

`killed` / `injured` are an integer or `{"value": 6, "qualifier": "at_least"}`; only the value
is scored. A text whose `expected` list is empty is a *no-event text*.

Alignment (per text). Every (expected, predicted) pair of the same category is a candidate;
candidates are ranked by, in order: same event_type, a location within 25 km (or same name
when a side lacks coordinates), same date, smaller distance between the closest locations.
The best pair is taken greedily, then the next best among the events still free, and so on.
Pairs of different categories are never aligned.

Counting. Each field is scored over aligned pairs and unaligned events:

- scalar fields (event_type, acled_event_type, status, date, killed, injured), for an aligned pair:
  both sides have the value and agree -> TP; both have it and disagree -> FP + FN;
  only the prediction has it -> FP; only gold has it -> FN; neither -> not counted.
  An unaligned predicted event counts FP for each field it has; an unaligned expected event
  counts FN for each field it has.
- actors: roles initiator, target and participant are scored (speaker is read as initiator,
  addressee as target; other roles are ignored). Roles are compatible when equal or when
  either side is a participant (meetings and agreements have no direction). A predicted actor
  matches a compatible expected one when both carry a country code and the codes agree,
  otherwise when their normalized names agree (case, accents, punctuation and a leading
  "the" ignored). Each matched actor is a TP, each
  expected actor left over a FN, each predicted one left over a FP.
- location: a predicted place matches an expected one when both have coordinates and lie
  within 25 km (haversine), else when normalized names and countries agree. TP/FP/FN per place.
- admin1: the sets of ISO 3166-2 codes of the event's places; TP per shared code, FP per
  predicted-only code, FN per expected-only code.
- overall (event level): TP = aligned pairs with the same event_type; FP = other predicted
  events; FN = other expected events.

precision = TP / (TP + FP) (1.0 when nothing was predicted), recall = TP / (TP + FN)
(1.0 when nothing was expected), F1 = their harmonic mean (0.0 when both are 0).
"conflict events on no-event texts" counts predicted events of category conflict on texts with
no expected event; it must stay 0.

Run: `python -m streams.evaluate tests/gold/dev.jsonl [--json] [--worst N]`. The same command
scores ACLED-coded notes (detected by content, or `--format acled`); see streams.evaluate_acled.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import math
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from streams.errors import StreamsError
from streams.extraction import spec
from streams.schemas import Article, Event

T = TypeVar("T")

MATCH_KM = 25.0
EARTH_RADIUS_KM = 6371.0088

EVENT_CATEGORY: dict[str, str] = spec.category_of()
ACLED_EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
# ACLED's 25 sub-event types (codebook 2023), each with the event type it belongs to.
ACLED_SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
SCALAR_FIELDS = ("event_type", "acled_event_type", "status", "date", "killed", "injured")
# Scored only on texts whose gold codes the field on some event (older gold sets carry no
# sub-event type); on such a text, aligned pairs whose gold lacks it are not counted.
GOLD_DRIVEN_FIELDS = ("acled_sub_event_type",)
FIELDS = (
    "overall",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "status",
    "actors",
    "location",
    "admin1",
    "date",
    "killed",
    "injured",
)
SCORED_ROLES = {
    "initiator": "initiator",
    "speaker": "initiator",
    "target": "target",
    "addressee": "target",
    "participant": "participant",
}


class GoldFileError(StreamsError):
    """A gold file could not be read or a line failed validation."""


# --------------------------------------------------------------------------- gold models


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldActor(_Gold):
    role: str
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class GoldLocation(_Gold):
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    admin1_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)


class GoldCount(_Gold):
    value: int = Field(ge=0)
    qualifier: Literal["exact", "at_least", "at_most", "approximately"] = "exact"


class GoldEvent(_Gold):
    event_type: str
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    status: Literal["occurred", "planned", "cancelled", "denied", "threatened", "demanded"] = (
        "occurred"
    )
    actors: list[GoldActor] = Field(default_factory=list)
    locations: list[GoldLocation] = Field(default_factory=list)
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    killed: GoldCount | None = None
    injured: GoldCount | None = None
    note: str | None = None

    @field_validator("killed", "injured", mode="before")
    @classmethod
    def _int_shorthand(cls, value: Any) -> Any:
        return {"value": value} if isinstance(value, int) else value

    @field_validator("event_type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in EVENT_CATEGORY:
            raise ValueError(f"unknown event_type {value!r}")
        return value

    @field_validator("acled_event_type")
    @classmethod
    def _known_acled(cls, value: str | None) -> str | None:
        if value is not None and value not in ACLED_EVENT_TYPES:
            raise ValueError(f"unknown ACLED event type {value!r}")
        return value

    @field_validator("acled_sub_event_type")
    @classmethod
    def _known_acled_sub(cls, value: str | None) -> str | None:
        if value is not None and value not in ACLED_SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub-event type {value!r}")
        return value

    @model_validator(mode="after")
    def _sub_type_in_type(self) -> GoldEvent:
        sub, main = self.acled_sub_event_type, self.acled_event_type
        if sub and main and ACLED_SUB_EVENT_TYPES[sub] != main:
            raise ValueError(f"ACLED sub-event type {sub!r} is not a kind of {main!r}")
        return self


class GoldItem(_Gold):
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published_at: datetime
    title: str | None = None
    source: str | None = None
    url: str | None = None
    license: str | None = Field(default=None, description="the text's licence, for real text")
    language: str | None = None
    expected: list[GoldEvent]
    uncoded: list[str] = Field(
        default_factory=list,
        description="happenings a reader would code that the taxonomy has no type for yet "
        "(codebook rule 4); not scored",
    )

    def article(self) -> Article:
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            source=self.source,
            url=self.url,
            language=self.language,
            published_at=self.published_at,
        )


Half = Literal["tune", "check"]


def half_of(key: str) -> Half:
    """The fixed half of a text or row: sha256 of its id's first hex digit, 0-7 tune, 8-f check.

    Rules are tuned on the tune half; the check half measures how well they carry over.
    """
    return (
        "tune"
        if hashlib.sha256(key.strip().encode("utf-8")).hexdigest()[0] in "01234567"
        else "check"
    )


def load_gold(path: Path) -> list[GoldItem]:
    """Read a gold .jsonl file, or every *.jsonl in a folder (sorted by name)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise GoldFileError(f"no *.jsonl gold files in {path}")
    items: list[GoldItem] = []
    for file in files:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise GoldFileError(f"cannot read {file}: {exc}") from exc
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                items.append(GoldItem.model_validate_json(line))
            except ValueError as exc:
                raise GoldFileError(f"{file}:{number}: {exc}") from exc
    return items


# --------------------------------------------------------------------------- flat view


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Flat:
    """The scored fields of one event, from gold or from a prediction."""

    event_type: str
    category: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    status: str | None
    date: str | None
    killed: int | None
    injured: int | None
    actors: tuple[tuple[str, str, str | None], ...]  # (role, normalized name, country)
    places: tuple[Place, ...]

    def scalar(self, name: str) -> str | int | None:
        value: str | int | None = getattr(self, name)
        return value

    def summary(self) -> str:
        where = ", ".join(p.name for p in self.places) or "-"
        who = ", ".join(f"{r}={n}" for r, n, _ in self.actors) or "-"
        return (
            f"{self.event_type} [{self.status}] {self.date or '-'} @ {where}; {who}; "
            f"killed={self.killed} injured={self.injured}"
        )


def normalize_name(name: str) -> str:
    """Lower-case, strip accents and punctuation and a leading 'the'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _actors(
    pairs: Iterable[tuple[str, str, str | None]],
) -> tuple[tuple[str, str, str | None], ...]:
    return tuple(
        (SCORED_ROLES[role], normalize_name(name), country)
        for role, name, country in pairs
        if role in SCORED_ROLES
    )


def flat_gold(event: GoldEvent) -> Flat:
    return Flat(
        event_type=event.event_type,
        category=EVENT_CATEGORY[event.event_type],
        acled_event_type=event.acled_event_type,
        acled_sub_event_type=event.acled_sub_event_type,
        status=event.status,
        date=event.date,
        killed=event.killed.value if event.killed else None,
        injured=event.injured.value if event.injured else None,
        actors=_actors((a.role, a.name, a.country) for a in event.actors),
        places=tuple(
            Place(p.name, p.country, p.admin1_code, p.latitude, p.longitude)
            for p in event.locations
        ),
    )


def flat_event(event: Event) -> Flat:
    q = event.quantities
    return Flat(
        event_type=event.event_type,
        category=EVENT_CATEGORY.get(event.event_type, event.category),
        acled_event_type=event.codes.acled_event_type,
        acled_sub_event_type=event.codes.acled_sub_event_type,
        status=event.status,
        date=event.when.date,
        killed=q.killed.value if q.killed else None,
        injured=q.injured.value if q.injured else None,
        actors=_actors((a.role, a.name, a.country) for a in event.actors),
        places=tuple(
            Place(
                p.name,
                p.country,
                p.admin1.code if p.admin1 else None,
                p.latitude,
                p.longitude,
            )
            for p in event.locations
        ),
    )


# --------------------------------------------------------------------------- matching


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_distance(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    return haversine_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)


def places_match(a: Place, b: Place) -> bool:
    distance = place_distance(a, b)
    if distance is not None:
        return distance <= MATCH_KM
    return normalize_name(a.name) == normalize_name(b.name) and a.country == b.country


def actors_match(a: tuple[str, str, str | None], b: tuple[str, str, str | None]) -> bool:
    if a[0] != b[0] and "participant" not in (a[0], b[0]):
        return False
    if a[2] and b[2]:
        return a[2] == b[2]
    return a[1] == b[1]


def match_lists(
    expected: Sequence[T], predicted: Sequence[T], same: Callable[[T, T], bool]
) -> tuple[int, int, int]:
    """Greedy one-to-one matching of two lists: (TP, FP, FN)."""
    free = list(predicted)
    tp = 0
    for item in expected:
        hit = next((i for i, other in enumerate(free) if same(item, other)), None)
        if hit is not None:
            free.pop(hit)
            tp += 1
    return tp, len(free), len(expected) - tp


def _pair_rank(exp: Flat, pred: Flat) -> tuple[bool, bool, bool, float]:
    distances = [
        d for e in exp.places for p in pred.places if (d := place_distance(e, p)) is not None
    ]
    near = any(places_match(e, p) for e in exp.places for p in pred.places)
    closest = min(distances) if distances else math.inf
    return (
        exp.event_type == pred.event_type,
        near,
        exp.date is not None and exp.date == pred.date,
        -closest,
    )


def align(expected: Sequence[Flat], predicted: Sequence[Flat]) -> list[tuple[int, int]]:
    """Greedy best pairs (expected index, predicted index) within the same category."""
    candidates = [
        (_pair_rank(e, p), i, j)
        for i, e in enumerate(expected)
        for j, p in enumerate(predicted)
        if e.category == p.category
    ]
    candidates.sort(key=lambda c: c[0], reverse=True)
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


# --------------------------------------------------------------------------- scores


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def errors(self) -> int:
        return self.fp + self.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _new_scores() -> dict[str, FieldScore]:
    return {name: FieldScore() for name in FIELDS}


def _score_scalar(score: FieldScore, exp: str | int | None, pred: str | int | None) -> None:
    if exp is not None and pred is not None:
        score.add(tp=1) if exp == pred else score.add(fp=1, fn=1)
    elif pred is not None:
        score.add(fp=1)
    elif exp is not None:
        score.add(fn=1)


def _admin1(event: Flat) -> set[str]:
    return {p.admin1 for p in event.places if p.admin1}


def score_pair(
    scores: dict[str, FieldScore],
    exp: Flat | None,
    pred: Flat | None,
    coded: Iterable[str] = (),
) -> None:
    """Add one aligned pair (or one unaligned event, other side None) to the scores.

    `coded`: the gold-driven fields that this text's gold codes.
    """
    for name in SCALAR_FIELDS:
        _score_scalar(
            scores[name],
            exp.scalar(name) if exp else None,
            pred.scalar(name) if pred else None,
        )
    for name in coded:
        if exp is None or exp.scalar(name) is not None:
            _score_scalar(
                scores[name],
                exp.scalar(name) if exp else None,
                pred.scalar(name) if pred else None,
            )
    exp_actors = exp.actors if exp else ()
    pred_actors = pred.actors if pred else ()
    scores["actors"].add(*match_lists(exp_actors, pred_actors, actors_match))
    exp_places = exp.places if exp else ()
    pred_places = pred.places if pred else ()
    scores["location"].add(*match_lists(exp_places, pred_places, places_match))
    exp_codes = _admin1(exp) if exp else set()
    pred_codes = _admin1(pred) if pred else set()
    scores["admin1"].add(
        tp=len(exp_codes & pred_codes),
        fp=len(pred_codes - exp_codes),
        fn=len(exp_codes - pred_codes),
    )
    if exp and pred and exp.event_type == pred.event_type:
        scores["overall"].add(tp=1)
    else:
        scores["overall"].add(fp=1 if pred else 0, fn=1 if exp else 0)


@dataclass
class TextResult:
    id: str
    scores: dict[str, FieldScore]
    expected: list[Flat]
    predicted: list[Flat]
    pairs: list[tuple[int, int]]
    conflict_on_no_event: int = 0

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.scores.values())


@dataclass
class Report:
    fields: dict[str, FieldScore] = field(default_factory=_new_scores)
    texts: list[TextResult] = field(default_factory=list)

    @property
    def n_expected(self) -> int:
        return sum(len(t.expected) for t in self.texts)

    @property
    def n_predicted(self) -> int:
        return sum(len(t.predicted) for t in self.texts)

    @property
    def no_event_texts(self) -> int:
        return sum(1 for t in self.texts if not t.expected)

    @property
    def conflict_on_no_event(self) -> int:
        return sum(t.conflict_on_no_event for t in self.texts)

    @property
    def events_on_no_event(self) -> int:
        return sum(len(t.predicted) for t in self.texts if not t.expected)

    def worst(self, n: int) -> list[TextResult]:
        ranked = sorted(self.texts, key=lambda t: t.errors, reverse=True)
        return [t for t in ranked[:n] if t.errors]

    def as_dict(self, worst: int = 0) -> dict[str, Any]:
        return {
            "texts": len(self.texts),
            "expected_events": self.n_expected,
            "predicted_events": self.n_predicted,
            "no_event_texts": self.no_event_texts,
            "conflict_events_on_no_event_texts": self.conflict_on_no_event,
            "events_on_no_event_texts": self.events_on_no_event,
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "worst": [_text_dict(t) for t in self.worst(worst)],
        }


def _text_dict(result: TextResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "errors": result.errors,
        "expected": [e.summary() for e in result.expected],
        "predicted": [p.summary() for p in result.predicted],
        "pairs": result.pairs,
    }


def score_text(text_id: str, expected: list[Flat], predicted: list[Flat]) -> TextResult:
    scores = _new_scores()
    coded = [n for n in GOLD_DRIVEN_FIELDS if any(e.scalar(n) is not None for e in expected)]
    pairs = align(expected, predicted)
    for i, j in pairs:
        score_pair(scores, expected[i], predicted[j], coded)
    paired_e = {i for i, _ in pairs}
    paired_p = {j for _, j in pairs}
    for i, exp in enumerate(expected):
        if i not in paired_e:
            score_pair(scores, exp, None, coded)
    for j, pred in enumerate(predicted):
        if j not in paired_p:
            score_pair(scores, None, pred, coded)
    conflict = 0 if expected else sum(1 for p in predicted if p.category == "conflict")
    return TextResult(text_id, scores, expected, predicted, pairs, conflict)


Predictor = Callable[[Article], list[Event]]


def evaluate(gold_items: Iterable[GoldItem], predict: Predictor) -> Report:
    """Run `predict` on every gold text and score it field by field."""
    report = Report()
    for item in gold_items:
        expected = [flat_gold(e) for e in item.expected]
        predicted = [flat_event(e) for e in predict(item.article())]
        result = score_text(item.id, expected, predicted)
        report.texts.append(result)
        for name, score in result.scores.items():
            report.fields[name].add(score.tp, score.fp, score.fn)
    return report


# --------------------------------------------------------------------------- runner


def format_report(report: Report, worst: int = 0) -> str:
    lines = [
        f"texts: {len(report.texts)} ({report.no_event_texts} without events)   "
        f"expected events: {report.n_expected}   predicted events: {report.n_predicted}",
        "",
        f"{'field':<18}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name, s in report.fields.items():
        lines.append(
            f"{name:<18}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    lines += [
        "",
        f"conflict events on no-event texts: {report.conflict_on_no_event} (must be 0); "
        f"any events on no-event texts: {report.events_on_no_event}",
    ]
    for result in report.worst(worst):
        lines += ["", f"== {result.id}  ({result.errors} field errors)"]
        lines += [f"  expected : {e.summary()}" for e in result.expected] or ["  expected : -"]
        lines += [f"  predicted: {p.summary()}" for p in result.predicted] or ["  predicted: -"]
    return "\n".join(lines)


def _default_predictor() -> Predictor:
    # Imported by name at run time: this module must import before extraction exists.
    module = importlib.import_module("streams.extraction")
    predict: Predictor = module.extract
    return predict


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="streams evaluate",
        description="Score extraction against a gold set, or against ACLED-coded notes "
        "(the cache `python -m benchmarks.accuracy acled build` writes).",
    )
    parser.add_argument("gold", type=Path, help="a gold .jsonl file or a folder of them")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst texts")
    parser.add_argument(
        "--format",
        choices=("auto", "gold", "acled"),
        default="auto",
        help="input format (default: detected from the first line)",
    )
    parser.add_argument(
        "--half",
        choices=("tune", "check"),
        help="only one fixed half of the texts or rows (by a hash of the id): tune on one, "
        "check on the other",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="run both engines (legacy, spacy) and print their scores side by side",
    )
    acled = parser.add_argument_group("ACLED rows only")
    acled.add_argument("--sample", action="store_true", help="only the fixed random sample")
    acled.add_argument(
        "--min-rows",
        type=int,
        default=20,
        metavar="N",
        help="in the text report, list split groups of N or more rows (default 20)",
    )
    return parser


def _main_acled(args: argparse.Namespace) -> int:
    from streams import evaluate_acled as acled

    try:
        rows = acled.load_rows(args.gold, sample=args.sample, half=args.half)
    except acled.AcledFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.compare:
        from streams.evaluate_compare import compare_acled

        print(compare_acled(list(rows), args.json))
        return 0
    report = acled.evaluate_rows(rows, _default_predictor())
    if args.json:
        print(json.dumps(report.as_dict(worst=args.worst), indent=2))
    else:
        print(acled.format_report(report, min_rows=args.min_rows))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    fmt = args.format
    if fmt == "auto":
        from streams.evaluate_acled import is_acled_file

        fmt = "acled" if args.gold.is_file() and is_acled_file(args.gold) else "gold"
    if fmt == "acled":
        return _main_acled(args)
    if args.sample:
        parser.error("--sample applies to ACLED rows only")
    try:
        items = load_gold(args.gold)
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.half:
        items = [item for item in items if half_of(item.id) == args.half]
    if args.compare:
        from streams.evaluate_compare import compare_gold

        print(compare_gold(items, args.json))
        return 0
    report = evaluate(items, _default_predictor())
    if args.json:
        print(json.dumps(report.as_dict(worst=args.worst), indent=2))
    else:
        print(format_report(report, worst=args.worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
