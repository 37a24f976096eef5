"""Where the extraction's linguistic knowledge lives: regular expressions in Python that spell
words, against entries in the data files (issue 12: "the knowledge is Python").

A regex counts as knowledge in code when its literal text, once escapes, character classes,
group names and flags are taken out, still spells a word of two letters or more
(`r"\\b(?:no|nobody|none)\\b"`). One built only from data (`alternation(date_words().x)`) or
from shapes (`r"[A-Z][\\w'-]*"`) is a mechanism. The audit reads the source with `ast`, so it
counts what the code says, not what one run exercised.

    .venv/bin/python -m benchmarks.knowledge_audit            # a table by part of the engine
    .venv/bin/python -m benchmarks.knowledge_audit --list     # and every regex with words
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "streams" / "extraction"
REGEX_CALLS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "findall",
    "finditer",
    "split",
}
_NOT_WORDS = [
    re.compile(r"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}"),  # escaped characters
    re.compile(r"\\[A-Za-z]"),  # \b \w \s \d ...
    re.compile(r"\[(?:\\.|[^\]\\])*\]"),  # character classes
    re.compile(r"\(\?P?<[^>]*>|\(\?P=\w+\)|\(\?[aiLmsux-]*[:)]"),  # group names and flags
]
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Regex:
    path: str
    line: int
    words: tuple[str, ...]


def words_of(pattern: str) -> tuple[str, ...]:
    """The words a regex's literal text spells, after its escapes, classes and flags."""
    for not_words in _NOT_WORDS:
        pattern = not_words.sub(" ", pattern)
    return tuple(_WORD.findall(pattern))


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # the f-string's own text; its fields are code or data
        return " ".join(_literal(part) or " " for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return f"{_literal(node.left) or ' '} {_literal(node.right) or ' '}"
    return None


def _is_regex_call(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in REGEX_CALLS
        and isinstance(func.value, ast.Name)
        and func.value.id == "re"
        and bool(node.args)
    )


def regexes(path: Path, root: Path = ROOT) -> Iterator[Regex]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_regex_call(node):
            text = _literal(node.args[0])
            yield Regex(str(path.relative_to(root)), node.lineno, words_of(text) if text else ())


def part_of(relative: str) -> str:
    if relative.startswith("components/"):
        return "engine v2 (components/)"
    if relative.startswith("extractors/") or relative == "annotate.py":
        return "legacy rules (extractors/, annotate.py)"
    return "shared (places, dates, names, ...)"


def data_entries(data_dir: Path) -> int:
    """Leaf strings in the JSON files and lines in the JSONL files: the facts held as data."""

    def leaves(value: object) -> int:
        if isinstance(value, dict):
            return sum(leaves(v) for k, v in value.items() if not str(k).startswith("_"))
        if isinstance(value, list):
            return sum(leaves(v) for v in value)
        return 1 if isinstance(value, str) else 0

    total = 0
    for path in sorted(data_dir.rglob("*")):
        if path.suffix == ".json":
            total += leaves(json.loads(path.read_text(encoding="utf-8")))
        elif path.suffix == ".jsonl":
            total += sum(
                1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            )
    return total


def audit(root: Path = ROOT) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for path in sorted(root.rglob("*.py")):
        for regex in regexes(path, root):
            row = table.setdefault(part_of(regex.path), {"with words": 0, "mechanism": 0})
            row["with words" if regex.words else "mechanism"] += 1
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--list", action="store_true", help="also list every regex that spells words"
    )
    args = parser.parse_args(argv)
    print(f"{'part':42} {'regexes with words':>20} {'mechanisms':>11}")
    for part, row in sorted(audit().items()):
        print(f"{part:42} {row['with words']:>20} {row['mechanism']:>11}")
    entries = data_entries(ROOT / "data")
    print(f"data entries under {ROOT.relative_to(ROOT.parent.parent)}/data: {entries}")
    if args.list:
        for path in sorted(ROOT.rglob("*.py")):
            for regex in regexes(path):
                if regex.words:
                    print(f"{regex.path}:{regex.line}: {' '.join(regex.words[:12])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
