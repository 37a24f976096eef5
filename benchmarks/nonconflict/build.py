"""Build tests/gold/nonconflict.jsonl: real news with no conflict event, from fetched mirrors.

The set is stand-off (tests/gold/README.md): each line names where its text is (a locator with
the text's sha256), and the texts themselves go to .cache/realtext/nonconflict.jsonl only.

Sources (both openly licensed; each line names its source, url and licence):

- Wikinews articles of 2019-2020 (CC BY 2.5) from ``vanatteveldt/wikinews`` (the corpus that
  realnews.jsonl also drew on; texts already in realnews are left out). The dump has no
  category metadata, so articles are chosen by their titles: ``WIKINEWS_EXCLUDED`` lists the
  titles left out because they report a conflict, protest, arrest or other security event.
- Wikipedia's Current Events Portal, 2025-2026 (CC BY-SA 4.0), from ``fordred/wikinews``:
  one text per news item, chosen by the portal's own section heading (``PORTAL_SECTIONS``),
  a fixed number per section by a hash of the item's id.

Then every text is screened by reading, never by running the extractor: ``screen.json`` in this
folder lists each text removed and why (it reports an attack, protest, arrest, ...). Texts
containing a conflict word (``FLAG_WORDS``) were all read; a sample of the others was read too.

Run: ``python -m benchmarks.nonconflict build [--mirrors /work/.mirror]``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks import mirrors as mirrors_io
from benchmarks import realtext
from benchmarks.realtext import BULLET, CITATION, parse_records, portal_text
from streams.evaluation.gold import load_annotations
from streams.evaluation.standoff import cache_file, sha256

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "tests" / "gold" / "nonconflict.jsonl"
REALNEWS = ROOT / "tests" / "gold" / "realnews.jsonl"
SCREEN = HERE / "screen.json"
DEFAULT_MIRRORS = mirrors_io.DEFAULT_MIRRORS

WIKINEWS_REPO = "vanatteveldt/wikinews"
WIKINEWS_FILES = ("data/wikinews_2019.csv", "data/wikinews_2020.csv")
WIKINEWS_LICENSE = "CC BY 2.5 (attribution: Wikinews contributors, https://en.wikinews.org)"
WIKINEWS_MAX_CHARS = 15_000  # long interviews are left out (they are Q&A transcripts, not news)

PORTAL_REPO = "fordred/wikinews"
PORTAL_LICENSE = (
    "CC BY-SA 4.0 (attribution: Wikipedia contributors, Portal:Current events); "
    "the repository's own licence does not apply to these lines"
)
# the portal's section headings whose items are not about armed conflict, crime or unrest
PORTAL_SECTIONS = (
    "Arts and culture",
    "Business and economy",
    "Disasters and accidents",
    "Health and environment",
    "Science and technology",
    "Sports",
)
PER_SECTION = 80

# titles read and left out: they report a conflict, protest, arrest or other security event
WIKINEWS_EXCLUDED = (
    "Arrests made in theft of gold toilet in England",
    "Hong Kong's Carrie Lam delivers speech on video after protests in legislature",
    "Hundreds arrested for 'dark web' child porn by international task force",
    "Suspect arrested in death of elephant in Kerala, India that ate explosive fruit",
    "Police arrest twelve after explosives kill jackal in Tamil Nadu, India",
    "Georgian tennis player Nikoloz Basilashvili arrested on domestic violence charge",
    "Man sets himself on fire outside US White House",
    "Nine jailed over sexual abuse in Bradford, England children's home",
    "California court sentences parents who kept their children in captivity",
    "Missing New York City chef Andrea Zamperoni found dead",
    "South African 'Lion Man' killed by his lions",
)

# words that make a text worth reading closely before it is kept (screening, not selection)
FLAG_WORDS = re.compile(
    r"\b(attack\w*|kill\w*|bomb\w*|shoot\w*|shot|gun\w*|protest\w*|demonstrat\w*|riot\w*|"
    r"arrest\w*|detain\w*|police|war|wars|military|soldier\w*|troops|army|strike\w*|missile\w*|"
    r"drone\w*|rebel\w*|militant\w*|terror\w*|hostage\w*|kidnap\w*|abduct\w*|clash\w*|"
    r"violen\w*|explo\w*|massacre\w*|coup|raid\w*|murder\w*|assault\w*|stab\w*|looting|"
    r"battle\w*|fight\w*|sanction\w*|"
    # second pass: the first list lacked these ("airstrikes" slipped through)
    r"air ?strikes?|airstrikes?|shell(?:s|ed|ing)|gunfire|gunm[ae]n|insurgen\w*|loot\w*|arson\w*|"
    r"set (?:on )?fire|torch(?:ed|ing)|burn(?:ed|t) down|destroy\w*|invasion|invad\w*|"
    r"occup(?:y|ied|ation)|siege|besieg\w*|hijack\w*|seiz\w*|captur\w*|execut\w*|behead\w*|"
    r"lynch\w*|rape\w*|massacr\w*|genocide|crackdown|curfew|mob|unrest|uprising|insurrection|"
    r"ceasefire|truce|hostilit\w*|weapon\w*|armed|firearm\w*|grenade\w*|mortar\w*|rocket\w*|"
    r"artillery|jihad\w*|extremis\w*|separatis\w*|guerrilla\w*|militia\w*|paramilitar\w*|"
    r"blast\w*|detonat\w*)\b",
    re.IGNORECASE,
)


def text_id(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"


def _realnews_urls() -> set[str]:
    return {_norm_url(item.url or "") for item in load_annotations(REALNEWS)}


def _norm_url(url: str) -> str:
    return url.replace("wikinews.org//wiki", "wikinews.org/wiki")


def _locator(repo: str, path: str, commit: str, text: str, **how: Any) -> dict[str, Any]:
    return {"repo": repo, "path": path, "commit": commit, **how, "sha256": sha256(text)}


def wikinews(mirrors: Path) -> Iterator[dict[str, Any]]:
    commit = mirrors_io.head(mirrors_io.git_dir(mirrors, WIKINEWS_REPO))
    taken = _realnews_urls()
    for path in WIKINEWS_FILES:
        raw = mirrors_io.show(mirrors, WIKINEWS_REPO, commit, path)
        for row in parse_records(raw, "csv"):
            assert isinstance(row, dict)
            url = _norm_url(row["url"])
            title = row["title"].strip()
            text = row["text"].strip()
            if url in taken or title.startswith("TEST PAGE") or title in WIKINEWS_EXCLUDED:
                continue
            if not text or len(text) > WIKINEWS_MAX_CHARS:
                continue
            how = {"format": "csv", "record": {"url": row["url"]}, "field": "text"}
            yield {
                "id": text_id("wikinews", url),
                "title": title,
                "text": text,
                "published_at": f"{row['date']}T12:00:00Z",
                "source": "Wikinews",
                "url": url,
                "license": WIKINEWS_LICENSE,
                "section": "wikinews",
                "locator": _locator(WIKINEWS_REPO, path, commit, text, **how, transform="strip"),
            }


_HEADING = re.compile(r"#{2,4}\s+(.*)")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})-index\.md$")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def portal_items(mirrors: Path) -> Iterator[dict[str, Any]]:
    commit = mirrors_io.head(mirrors_io.git_dir(mirrors, PORTAL_REPO))
    for path in mirrors_io.list_files(mirrors, PORTAL_REPO, commit, "docs/_posts"):
        day = _DAY.search(path)
        if not day or not ("2025" <= day.group(1) <= "2026"):
            continue
        year, month, dom = day.groups()
        page = f"{year}_{_MONTHS[int(month) - 1]}_{int(dom)}"
        section = None
        lines = mirrors_io.show(mirrors, PORTAL_REPO, commit, path).decode("utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            heading = _HEADING.match(line)
            if heading:
                section = heading.group(1).strip()
                continue
            bullet = BULLET.match(line)
            if not bullet or section not in PORTAL_SECTIONS:
                continue
            if not CITATION.search(bullet.group(2)):
                continue  # a topic heading, not a news item
            text = portal_text(bullet.group(2))
            if len(text) < 40:
                continue
            how = {"format": "lines", "record": {"line": number}, "transform": "portal_bullet"}
            yield {
                "id": text_id("portal", f"{page}\n{text}"),
                "title": f"Portal:Current events/{page.replace('_', ' ')} ({section})",
                "text": text,
                "published_at": f"{year}-{month}-{dom}T12:00:00Z",
                "source": "Wikipedia Current Events Portal",
                "url": f"https://en.wikipedia.org/wiki/Portal:Current_events/{page}",
                "license": PORTAL_LICENSE,
                "section": section,
                "locator": _locator(PORTAL_REPO, path, commit, text, **how),
            }


def pick_per_section(
    items: Iterable[dict[str, Any]], start: int, stop: int
) -> list[dict[str, Any]]:
    """Each section's items ranked start..stop-1 by their id (a hash), each text once."""
    by_section: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for item in items:
        if item["text"] in seen:
            continue
        seen.add(item["text"])
        by_section.setdefault(item["section"], []).append(item)
    picked: list[dict[str, Any]] = []
    for section in PORTAL_SECTIONS:
        ranked = sorted(by_section.get(section, []), key=lambda i: i["id"])
        picked += ranked[start:stop]
    return picked


def candidates(mirrors: Path) -> list[dict[str, Any]]:
    return list(wikinews(mirrors)) + pick_per_section(portal_items(mirrors), 0, PER_SECTION)


def flagged(item: dict[str, Any]) -> list[str]:
    return sorted({m.group(0).lower() for m in FLAG_WORDS.finditer(item["text"])})


def build(mirrors: Path = DEFAULT_MIRRORS, out: Path = OUT) -> dict[str, int]:
    """Write the stand-off set (a locator in place of each text) and its texts to the cache."""
    screen = json.loads(SCREEN.read_text(encoding="utf-8")) if SCREEN.exists() else {}
    removed = screen.get("removed", {})
    kept = [c for c in candidates(mirrors) if c["id"] not in removed]
    # the gold format (streams.evaluate.GoldItem): no event expected; a portal item's section
    # is the last part of its title
    fields = ("id", "title", "locator", "published_at", "source", "url", "license")
    with out.open("w", encoding="utf-8") as fh:
        for item in kept:
            row = {k: item[k] for k in fields} | {"expected": []}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    realtext.build_set(out, realtext.Reader(mirrors), cache_file(out))
    return {"kept": len(kept), "removed": len(removed)}
