"""Speed of the two extraction engines (STREAMS_ENGINE legacy | spacy) and of the full
en_core_web_sm pipeline (`nlp.pipe`) over the same articles, in articles/s on one core.

    .venv/bin/python -m benchmarks.engines            # benchmark corpus + realnews texts
    .venv/bin/python -m benchmarks.engines --corpus 300 --runs 3

Median of the runs; each engine is warmed up on the first articles before timing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.corpus import build_corpus
from streams.evaluate import load_gold
from streams.evaluation.standoff import StandOffError
from streams.extraction import Engine, extract
from streams.extraction.nlp import pipeline
from streams.schemas import Article

REALNEWS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "realnews.jsonl"


def _rate(articles: Sequence[Article], run: Callable[[Sequence[Article]], object]) -> float:
    start = time.perf_counter()
    run(articles)
    return len(articles) / (time.perf_counter() - start)


def _engine(engine: Engine) -> Callable[[Sequence[Article]], object]:
    def run(articles: Sequence[Article]) -> object:
        return [extract(a, engine=engine) for a in articles]

    return run


def _full_model(articles: Sequence[Article]) -> object:
    """The whole model, as `spacy.load` gives it (tagger, parser, ...) on every sentence."""
    return list(pipeline().pipe(a.text for a in articles))


def measure(articles: Sequence[Article], runs: int) -> dict[str, float]:
    runners = {
        "legacy": _engine("legacy"),
        "spacy": _engine("spacy"),
        "nlp.pipe": _full_model,
    }
    out: dict[str, float] = {}
    for name, run in runners.items():
        run(articles[:5])  # warm-up: lexicons, gazetteer, model
        out[name] = round(statistics.median(_rate(articles, run) for _ in range(runs)), 1)
    out["spacy / nlp.pipe"] = round(out["spacy"] / out["nlp.pipe"], 2)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines")
    parser.add_argument("--corpus", type=int, default=300, help="benchmark corpus articles")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = [Article.model_validate(a.as_json_dict()) for a in build_corpus(args.corpus)]
    report: dict[str, object] = {f"benchmark corpus ({len(corpus)})": measure(corpus, args.runs)}
    try:
        realnews = [item.article() for item in load_gold(REALNEWS)]
        report[f"realnews texts ({len(realnews)})"] = measure(realnews, args.runs)
    except StandOffError as exc:  # stand-off set, texts not built: the corpus alone
        report["realnews texts"] = str(exc)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
