"""The README's demo sample is produced by scripts/readme-sample, and its counts stay true."""

from __future__ import annotations

import pytest

from streams.articles_io import read_articles
from streams.errors import StreamsError
from streams.extraction import extract
from streams.readme_sample import END, START, rewrite, sample_block, shown_in
from streams.settings import PROJECT_ROOT

DEMO_OUTPUT = """\
==> local broker up at 127.0.0.1:19092
==> topics ready: 11 (4 partitions each)
==> published 2 seed article(s) from seeds
==> events as they arrive (Ctrl-C to stop):
  air_strike [occurred] | 2025-10-22 | Russia → Ukraine | conf 0.97
  appeal [occurred] | 2025-10-22 | Volodymyr Zelenskyy → G7 | conf 0.70
  ⇒ CANONICAL c-1 v1 | air_strike [occurred] | 2025-10-22 | Russia → Ukraine | 1 mention(s) from a
==> all seeds processed; 2 event(s) shown
==> worker stopped (exit code 0)
"""


def test_readme_sample_block_keeps_the_demo_lines_and_its_counts() -> None:
    block = sample_block(DEMO_OUTPUT)
    lines = block.splitlines()
    assert lines[0] == lines[-1] == "```"
    assert lines[1] == "==> local broker up at 127.0.0.1:19092"
    assert lines[-2] == "==> all seeds processed; 2 event(s) shown"
    assert "worker stopped" not in block
    assert "(2 events from the 2 seeds; 1 canonical event messages)" in block
    assert "  ⇒ CANONICAL c-1 v1" in block
    readme = f"intro\n{START}\nold\n{END}\nrest\n"
    assert rewrite(readme, block) == f"intro\n{START}\n{block}\n{END}\nrest\n"


def test_readme_sample_refuses_output_whose_count_disagrees() -> None:
    with pytest.raises(StreamsError):
        sample_block(DEMO_OUTPUT.replace("2 event(s) shown", "3 event(s) shown"))


def test_readme_sample_counts_are_what_the_seeds_give() -> None:
    """Fails when seeds or extraction changed since scripts/readme-sample last ran."""
    articles = [loaded.article for loaded in read_articles([str(PROJECT_ROOT / "seeds")])]
    events, seeds = shown_in((PROJECT_ROOT / "README.md").read_text(encoding="utf-8"))
    assert seeds == len(articles), "rerun scripts/readme-sample"
    assert events == sum(len(extract(article)) for article in articles), (
        "rerun scripts/readme-sample"
    )
