"""Field scores (TP/FP/FN) of aligned events, per text and over a gold set, and the report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from streams.evaluation.gold import GoldItem
from streams.evaluation.match import (
    Flat,
    actor_names_match,
    actors_match,
    align,
    flat_event,
    flat_gold,
    match_lists,
    places_match,
)
from streams.schemas import Article, Event

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

    @property
    def actor_names(self) -> FieldScore:
        """The stricter actor measure (actor_names_match): the actors of aligned pairs match
        only by role and name, never by a shared country alone; unaligned events' actors are
        missed or spurious as in the actors field."""
        score = FieldScore()
        for i, j in self.pairs:
            score.add(
                *match_lists(self.expected[i].actors, self.predicted[j].actors, actor_names_match)
            )
        paired_e = {i for i, _ in self.pairs}
        paired_p = {j for _, j in self.pairs}
        score.add(fn=sum(len(e.actors) for i, e in enumerate(self.expected) if i not in paired_e))
        score.add(fp=sum(len(p.actors) for j, p in enumerate(self.predicted) if j not in paired_p))
        return score


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

    @property
    def actor_names(self) -> FieldScore:
        """The stricter actor measure over all texts (TextResult.actor_names): an extra figure
        beside the fields, whose 'actors' keeps its meaning (a shared country is a match)."""
        total = FieldScore()
        for result in self.texts:
            names = result.actor_names
            total.add(names.tp, names.fp, names.fn)
        return total

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
            "actor_names": self.actor_names.as_dict(),
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


# --------------------------------------------------------------------------- text report


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
    names = report.actor_names
    lines += [
        "",
        f"actor names (a shared country alone is no match): TP {names.tp} FP {names.fp} "
        f"FN {names.fn}  P {names.precision:.3f} R {names.recall:.3f} F1 {names.f1:.3f}",
        f"conflict events on no-event texts: {report.conflict_on_no_event} (must be 0); "
        f"any events on no-event texts: {report.events_on_no_event}",
    ]
    for result in report.worst(worst):
        lines += ["", f"== {result.id}  ({result.errors} field errors)"]
        lines += [f"  expected : {e.summary()}" for e in result.expected] or ["  expected : -"]
        lines += [f"  predicted: {p.summary()}" for p in result.predicted] or ["  predicted: -"]
    return "\n".join(lines)
