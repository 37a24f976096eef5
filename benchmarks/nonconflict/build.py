"""Build tests/gold/nonconflict.jsonl: real news with no conflict event, from fetched mirrors.

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

import csv
import hashlib
import io
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "tests" / "gold" / "nonconflict.jsonl"
REALNEWS = ROOT / "tests" / "gold" / "realnews.jsonl"
SCREEN = HERE / "screen.json"
DEFAULT_MIRRORS = Path("/work/.mirror")

WIKINEWS_REPO = "vanatteveldt+wikinews"
WIKINEWS_FILES = ("data/wikinews_2019.csv", "data/wikinews_2020.csv")
WIKINEWS_LICENSE = "CC BY 2.5 (attribution: Wikinews contributors, https://en.wikinews.org)"
WIKINEWS_MAX_CHARS = 15_000  # long interviews are left out (they are Q&A transcripts, not news)

PORTAL_REPO = "fordred+wikinews"
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


def _git_show(repo: Path, path: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(repo), "show", f"HEAD:{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


def _git_head(repo: Path) -> str:
    out = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def _realnews_urls() -> set[str]:
    urls = set()
    for line in REALNEWS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            urls.add(_norm_url(json.loads(line).get("url") or ""))
    return urls


def _norm_url(url: str) -> str:
    return url.replace("wikinews.org//wiki", "wikinews.org/wiki")


def wikinews(mirrors: Path) -> Iterator[dict[str, Any]]:
    repo = mirrors / WIKINEWS_REPO / "repo"
    commit = _git_head(repo)[:8]
    taken = _realnews_urls()
    for path in WIKINEWS_FILES:
        for row in csv.DictReader(io.StringIO(_git_show(repo, path))):
            url = _norm_url(row["url"])
            title = row["title"].strip()
            text = row["text"].strip()
            if url in taken or title.startswith("TEST PAGE") or title in WIKINEWS_EXCLUDED:
                continue
            if not text or len(text) > WIKINEWS_MAX_CHARS:
                continue
            yield {
                "id": text_id("wikinews", url),
                "title": title,
                "text": text,
                "published_at": f"{row['date']}T12:00:00Z",
                "source": "Wikinews",
                "url": url,
                "license": WIKINEWS_LICENSE,
                "section": "wikinews",
                "origin": f"vanatteveldt/wikinews {path} @{commit}",
            }


_CITATION = re.compile(r"\s*\[\(\*?[^\]]*?\*?\)\]\([^)\s]*\)")
_INTERWIKI = re.compile(r"\s*\[\[[a-z-]{2,}\]\([^)]*\)\]")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)\s]*\))*(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"#{2,4}\s+(.*)")
_BULLET = re.compile(r"(\s*)\*\s+(.*)")
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


def portal_text(markdown: str) -> str:
    """One portal bullet as plain text: links to their words, citations and markup dropped."""
    text = _CITATION.sub("", markdown)
    text = _INTERWIKI.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = text.replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def portal_items(mirrors: Path) -> Iterator[dict[str, Any]]:
    repo = mirrors / PORTAL_REPO / "repo"
    commit = _git_head(repo)[:8]
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD", "docs/_posts"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for path in sorted(listing):
        day = _DAY.search(path)
        if not day or not ("2025" <= day.group(1) <= "2026"):
            continue
        year, month, dom = day.groups()
        page = f"{year}_{_MONTHS[int(month) - 1]}_{int(dom)}"
        section = None
        for line in _git_show(repo, path).splitlines():
            heading = _HEADING.match(line)
            if heading:
                section = heading.group(1).strip()
                continue
            bullet = _BULLET.match(line)
            if not bullet or section not in PORTAL_SECTIONS:
                continue
            if not _CITATION.search(bullet.group(2)):
                continue  # a topic heading, not a news item
            text = portal_text(bullet.group(2))
            if len(text) < 40:
                continue
            yield {
                "id": text_id("portal", f"{page}\n{text}"),
                "title": f"Portal:Current events/{page.replace('_', ' ')} ({section})",
                "text": text,
                "published_at": f"{year}-{month}-{dom}T12:00:00Z",
                "source": "Wikipedia Current Events Portal",
                "url": f"https://en.wikipedia.org/wiki/Portal:Current_events/{page}",
                "license": PORTAL_LICENSE,
                "section": section,
                "origin": f"fordred/wikinews {path} @{commit}",
            }


def _pick_per_section(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
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
        picked += ranked[:PER_SECTION]
    return picked


def candidates(mirrors: Path) -> list[dict[str, Any]]:
    return list(wikinews(mirrors)) + _pick_per_section(list(portal_items(mirrors)))


def flagged(item: dict[str, Any]) -> list[str]:
    return sorted({m.group(0).lower() for m in FLAG_WORDS.finditer(item["text"])})


def build(mirrors: Path = DEFAULT_MIRRORS, out: Path = OUT) -> dict[str, int]:
    screen = json.loads(SCREEN.read_text(encoding="utf-8")) if SCREEN.exists() else {}
    removed = screen.get("removed", {})
    kept = [c for c in candidates(mirrors) if c["id"] not in removed]
    # the gold format (streams.evaluate.GoldItem): no event expected; a portal item's section
    # is the last part of its title
    fields = ("id", "title", "text", "published_at", "source", "url", "license")
    with out.open("w", encoding="utf-8") as fh:
        for item in kept:
            row = {k: item[k] for k in fields} | {"expected": []}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"kept": len(kept), "removed": len(removed)}
