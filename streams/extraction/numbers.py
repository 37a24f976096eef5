"""Numbers in text: digits, number words, vague amounts, with ACLED-style qualifiers."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

_UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _vague() -> dict[str, tuple[int, str]]:
    """Vague amounts, coded the ACLED way ("dozens" -> 12 at_least): data/en/vague_numbers.json."""
    path = Path(__file__).parent / "data" / "en" / "vague_numbers.json"
    found = json.loads(path.read_text(encoding="utf-8"))["amounts"]
    return {phrase: (int(value), str(qual)) for phrase, (value, qual) in found.items()}


VAGUE = _vague()
_QUALIFIERS = [
    (
        r"at least|no fewer than|no less than|more than|over|upwards of|in excess of|as many as|"
        r"at minimum",
        "at_least",
    ),
    (r"up to|at most|no more than|fewer than|less than|under", "at_most"),
    (
        r"about|around|nearly|almost|approximately|roughly|some|an estimated|close to|"
        r"some estimated",
        "approximately",
    ),
]
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
NUMBER_CORE = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand))?"
    # each word whole: "seven and injuring" is seven, not seven + "an"
    rf"|(?:(?:{_WORD})\b(?:[\s-]+(?:and\s+)?(?:{_WORD})\b)*)"
)
QUALIFIER_RE = "|".join(q for q, _ in _QUALIFIERS)
VAGUE_RE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
AMOUNT = (
    rf"(?P<qual>(?:{QUALIFIER_RE})\s+)?"
    rf"(?P<num>(?:{VAGUE_RE})(?:\s+of)?|{NUMBER_CORE})"
)
AMOUNT_RE = re.compile(rf"(?=[0-9A-Za-z])\b{AMOUNT}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    value: int
    qualifier: str
    start: int
    end: int
    text: str


def words_to_int(text: str) -> int | None:
    """'twenty-one' -> 21, 'two hundred and five' -> 205, '1,200' -> 1200, '1.5 million'."""
    raw = text.lower().strip()
    digits = re.fullmatch(
        r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?", raw
    )
    if digits:
        value = float(digits.group(1).replace(",", ""))
        if digits.group(2):
            value *= _SCALES[digits.group(2)]
        return int(value)
    total, current = 0, 0
    seen = False
    for token in re.split(r"[\s-]+", raw):
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def qualifier_of(words: str | None) -> str:
    if not words:
        return "exact"
    low = words.lower().strip()
    for pattern, name in _QUALIFIERS:
        if re.fullmatch(pattern, low):
            return name
    return "exact"


def parse_amount(match: re.Match[str], offset: int = 0) -> Amount | None:
    num = match.group("num").lower().removesuffix(" of").strip()
    if num in VAGUE:
        value, qual = VAGUE[num]
    else:
        parsed = words_to_int(num)
        if parsed is None:
            return None
        value, qual = parsed, qualifier_of(match.group("qual"))
    if num in ("a", "an"):
        return None
    return Amount(value, qual, match.start() + offset, match.end() + offset, match.group(0))
