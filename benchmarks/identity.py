"""Identity check for speed work: the events of an engine over every gold text, the benchmark
corpus and the ACLED sample rows, written as one JSON line per article (a fixed extracted_at,
so two runs of unchanged code give identical files).

    .venv/bin/python -m benchmarks.identity save before.jsonl        # engine from --engine
    .venv/bin/python -m benchmarks.identity compare before.jsonl     # exit 1 on any difference

An optimisation that must not change the output is checked by `save` before it and `compare`
after it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from benchmarks.corpus import build_corpus
from streams.evaluate import load_gold
from streams.evaluate_acled import load_rows
from streams.evaluation.standoff import StandOffError
from streams.extraction import Engine, run_extraction, run_extractions
from streams.schemas import Article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
ACLED = ROOT / ".cache" / "acled" / "rows.jsonl"
WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def articles(corpus: int, acled_all: bool = False) -> Iterator[tuple[str, Article]]:
    """(set name, article) for every gold file, the benchmark corpus and the ACLED sample (or
    every ACLED row)."""
    for path in sorted(GOLD.glob("*.jsonl")) + sorted((GOLD / "second").glob("*.jsonl")):
        try:
            items = load_gold(path)
        except StandOffError as exc:  # a stand-off set whose texts are not built
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        for item in items:
            yield path.stem, item.article()
    for article in build_corpus(corpus):
        yield "corpus", Article.model_validate(article.as_json_dict())
    if ACLED.exists():
        for row in load_rows(ACLED, sample=not acled_all):
            yield "acled", row.article()


def lines(engine: Engine, corpus: int, acled_all: bool = False, batch: int = 1) -> Iterator[str]:
    """One JSON line per article; with batch > 1, the articles go through run_extractions that
    many at a time (which must give what run_extraction gives one at a time)."""
    items = articles(corpus, acled_all)
    while chunk := list(islice(items, batch)):
        if batch == 1:
            results = [run_extraction(chunk[0][1], extracted_at=WHEN, engine=engine)]
        else:
            results = run_extractions([a for _, a in chunk], extracted_at=WHEN, engine=engine)
        for (name, article), result in zip(chunk, results, strict=True):
            record = {
                "set": name,
                "id": article.id,
                "events": [e.model_dump(mode="json") for e in result.events],
                "failures": [f.extractor for f in result.failures],
            }
            yield json.dumps(record, sort_keys=True, ensure_ascii=False)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.identity")
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--engine", default="spacy", choices=["legacy", "spacy"])
    parser.add_argument("--corpus", type=int, default=300, help="benchmark corpus articles")
    parser.add_argument("--acled-all", action="store_true", help="every ACLED row, not the sample")
    parser.add_argument(
        "--batch", type=int, default=1, help="articles per run_extractions call (1: one at a time)"
    )
    args = parser.parse_args(argv)
    now = list(lines(args.engine, args.corpus, args.acled_all, max(1, args.batch)))
    if args.action == "save":
        args.file.write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"{len(now)} articles written to {args.file}")
        return 0
    before = args.file.read_text(encoding="utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(before, now, strict=False)) if a != b]
    if len(before) != len(now):
        print(f"article count differs: {len(before)} before, {len(now)} now", file=sys.stderr)
    for i in differ[:10]:
        record = json.loads(now[i])
        print(f"differs: {record['set']} {record['id']}", file=sys.stderr)
    print(f"{len(now)} articles, {len(differ)} differ")
    return 1 if differ or len(before) != len(now) else 0


if __name__ == "__main__":
    raise SystemExit(main())
