"""README's "What the demo prints" block, produced by a real demo run, never typed.

    scripts/readme-sample     # reruns `streams demo --exit-after-seeds`, rewrites the block

`python -m streams.readme_sample DEMO_OUTPUT README` keeps the demo's own lines, the first
SHOWN_EVENTS event lines, and a summary line with the counts the demo printed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from streams.errors import StreamsError
from streams.settings import PROJECT_ROOT

START = "<!-- demo-sample:start (scripts/readme-sample writes this block) -->"
END = "<!-- demo-sample:end -->"
SHOWN_EVENTS = 6
SHOWN_CANONICAL = 2
CANONICAL_LINE = "  ⇒ CANONICAL"  # streams.render.render_canonical, as the demo prints it
_SEEDS = re.compile(r"==> published (\d+) seed article")
_SHOWN = re.compile(r"==> all seeds processed; (\d+) event\(s\) shown")


def sample_block(demo_output: str) -> str:
    """The fenced block for the README from the demo's stdout (paths relative to the repo)."""
    lines = demo_output.replace(f"{PROJECT_ROOT}/", "").splitlines()
    seeds = _count(_SEEDS, demo_output, "published ... seed article(s)")
    shown = _count(_SHOWN, demo_output, "all seeds processed; N event(s) shown")
    canonical = [line for line in lines if line.startswith(CANONICAL_LINE)]
    events = [line for line in lines if line.startswith("  ") and line not in canonical]
    if len(events) != shown:
        raise StreamsError(f"the demo printed {len(events)} event lines but said {shown}")
    follow = next(i for i, line in enumerate(lines) if line.startswith("==> events as they"))
    head = [line for line in lines[: follow + 1] if line.startswith("==>")]
    body = [*head, *events[:SHOWN_EVENTS], *canonical[:SHOWN_CANONICAL]]
    body.append(
        f"  ... ({shown} events from the {seeds} seeds; {len(canonical)} canonical event messages)"
    )
    body.append(next(line for line in lines if _SHOWN.match(line)))
    return "\n".join(["```", *body, "```"])


def _count(pattern: re.Pattern[str], text: str, what: str) -> int:
    match = pattern.search(text)
    if match is None:
        raise StreamsError(f"no '{what}' line in the demo output")
    return int(match.group(1))


def rewrite(readme: str, block: str, start_marker: str = START, end_marker: str = END) -> str:
    """README text with the block between the markers replaced."""
    start, end = readme.find(start_marker), readme.find(end_marker)
    if start < 0 or end < start:
        raise StreamsError(f"README has no {start_marker} ... {end_marker} markers")
    return readme[: start + len(start_marker)] + "\n" + block + "\n" + readme[end:]


def shown_in(readme: str) -> tuple[int, int]:
    """(events, seeds) as the README's sample block states them."""
    block = readme[readme.find(START) : readme.find(END)]
    match = re.search(r"\((\d+) events from the (\d+) seeds[;)]", block)
    if match is None:
        raise StreamsError("the README's sample block has no event count")
    return int(match.group(1)), int(match.group(2))


def main(argv: list[str]) -> int:
    output, readme = Path(argv[0]), Path(argv[1])
    readme.write_text(rewrite(readme.read_text(), sample_block(output.read_text())))
    print(f"rewrote the demo sample in {readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
