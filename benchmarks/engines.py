"""Speed of the two extraction engines (STREAMS_ENGINE legacy | spacy) and of the
en_core_web_sm pipeline (`nlp.pipe`) over the same articles, in articles/s on one core, and
the peak RSS of a process that runs only the spacy engine (a worker's footprint).

    .venv/bin/python -m benchmarks.engines            # benchmark corpus + realnews texts
    .venv/bin/python -m benchmarks.engines --corpus 300 --runs 3

Engine v2 runs twice: one article a call (`extract`, as the worker calls it) and BATCH
articles a call (`extract_many`: the model runs once over the parsed sentences of all of them).

Median of the runs, wall clock and CPU time of this process; each engine is warmed up on the
first articles before timing. Two references: `nlp.pipe` of the model as engine v2 loads it
(tagger, parser, attribute_ruler, lemmatizer; no ner) and of the full en_core_web_sm
pipeline as `spacy.load` gives it (with ner), the issue's yardstick. On a shared machine the
ratios within one run are what counts.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.corpus import build_corpus
from streams.evaluate import load_gold
from streams.evaluation.standoff import StandOffError
from streams.extraction import Engine, extract, extract_many
from streams.extraction.nlp import MODEL_PACKAGE, pipeline
from streams.schemas import Article

if TYPE_CHECKING:
    from spacy.language import Language

REALNEWS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "realnews.jsonl"


def _rate(
    articles: Sequence[Article], run: Callable[[Sequence[Article]], object]
) -> tuple[float, float]:
    """(articles/s wall clock, articles/s CPU time of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(articles)
    return (
        len(articles) / (time.perf_counter() - wall),
        len(articles) / (time.process_time() - cpu),
    )


def _engine(engine: Engine) -> Callable[[Sequence[Article]], object]:
    def run(articles: Sequence[Article]) -> object:
        return [extract(a, engine=engine) for a in articles]

    return run


BATCH = 32
"""Articles per run_extractions call in the batched runner (a consumer that polls several)."""


def _batched(articles: Sequence[Article]) -> object:
    """Engine v2 over BATCH articles a call: the model runs once over all their sentences."""
    return [
        extract_many(articles[i : i + BATCH], engine="spacy")
        for i in range(0, len(articles), BATCH)
    ]


@lru_cache(maxsize=1)
def full_model() -> Language:
    """en_core_web_sm as `spacy.load` gives it: every default component, ner included."""
    import spacy

    return spacy.load(MODEL_PACKAGE)


def _model(nlp: Callable[[], Language]) -> Callable[[Sequence[Article]], object]:
    def run(articles: Sequence[Article]) -> object:
        return list(nlp().pipe(a.text for a in articles))

    return run


def measure(articles: Sequence[Article], runs: int) -> dict[str, float]:
    runners = {
        "legacy": _engine("legacy"),
        "spacy": _engine("spacy"),
        f"spacy batched ({BATCH} a call)": _batched,
        "nlp.pipe (v2's model, no ner)": _model(pipeline),
        "nlp.pipe (full en_core_web_sm)": _model(full_model),
    }
    out: dict[str, float] = {}
    for name, run in runners.items():
        run(articles[:5])  # warm-up: lexicons, gazetteer, model
        rates = [_rate(articles, run) for _ in range(runs)]
        out[name] = round(statistics.median(r[0] for r in rates), 1)
        out[f"{name} cpu"] = round(statistics.median(r[1] for r in rates), 1)
    for ref in ("nlp.pipe (v2's model, no ner)", "nlp.pipe (full en_core_web_sm)"):
        for ours in ("spacy", f"spacy batched ({BATCH} a call)"):
            out[f"{ours} / {ref}"] = round(out[ours] / out[ref], 2)
            out[f"{ours} / {ref} cpu"] = round(out[f"{ours} cpu"] / out[f"{ref} cpu"], 2)
    return out


def _articles(corpus: int) -> tuple[list[Article], list[Article]]:
    """The benchmark corpus and the realnews texts (none when the stand-off texts are not
    built)."""
    generated = [Article.model_validate(a.as_json_dict()) for a in build_corpus(corpus)]
    try:
        return generated, [item.article() for item in load_gold(REALNEWS)]
    except StandOffError:
        return generated, []


def _realnews_missing() -> str:
    try:
        load_gold(REALNEWS)
    except StandOffError as exc:
        return str(exc)
    return "no texts"


def worker_rss(corpus: int) -> float:
    """Peak RSS in MB of a fresh process that runs only the spacy engine over both sets."""
    code = (
        "import sys\n"
        "from benchmarks.engines import _articles\n"
        "from streams.extraction import extract\n"
        "generated, real = _articles(int(sys.argv[1]))\n"
        "for article in generated + real:\n"
        "    extract(article, engine='spacy')\n"
        "from benchmarks.engines import peak_rss\n"
        "print(peak_rss())\n"
    )
    env = {**os.environ, "STREAMS_ENGINE": "spacy"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(done.stdout.split()[-1])


def peak_rss() -> float:
    """This process's peak RSS in MB (VmHWM: unlike ru_maxrss, not inherited across fork)."""
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return round(int(line.split()[1]) / 1024, 1)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.engines")
    parser.add_argument("--corpus", type=int, default=300, help="benchmark corpus articles")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    corpus, realnews = _articles(args.corpus)
    report: dict[str, object] = {
        "load average at start": os.getloadavg(),
        f"benchmark corpus ({len(corpus)})": measure(corpus, args.runs),
    }
    if realnews:
        report[f"realnews texts ({len(realnews)})"] = measure(realnews, args.runs)
    else:  # stand-off set, texts not built: the corpus alone
        report["realnews texts"] = _realnews_missing()
    report["worker RSS MB (spacy engine only, both sets)"] = worker_rss(args.corpus)
    report["this process's peak RSS MB (all engines and both models)"] = peak_rss()
    report["load average at end"] = os.getloadavg()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
