"""The worker's status page in Debian's headless Chromium, after real articles went through.

Checks the rendered DOM (after the page's script fetched /status.json) and a screenshot.
The test run leaves the tree untouched: only `scripts/screenshot` (which sets
STREAMS_SCREENSHOT) copies the screenshot to docs/img/status-page.png.
scripts/ensure-debian-tools installs chromium.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from streams.articles_io import read_articles
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SEEDS = PROJECT_ROOT / "seeds"
SCREENSHOT_ENV = "STREAMS_SCREENSHOT"  # where to keep the screenshot; unset: nowhere
WINDOW = (1200, 900)
MAX_SCREENSHOT_BYTES = 400_000
MIN_SCREENSHOT_BYTES = 20_000  # an empty 1200x900 page compresses to a few kB
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chromium_command(user_data_dir: Path, *mode: str) -> list[str]:
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(binary).exists():
        pytest.fail("chromium not installed: run scripts/ensure-debian-tools")
    return [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={user_data_dir}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        "--virtual-time-budget=5000",
        *mode,
    ]


def run_chromium(command: list[str], url: str) -> str:
    done = subprocess.run([*command, url], capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, f"chromium exited {done.returncode}: {done.stderr[-2000:]}"
    return done.stdout


class TableText(HTMLParser):
    """Text of every element with an id, and the cell texts of every table with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.cells: dict[str, list[str]] = {}
        self._open: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element_id = dict(attrs).get("id")
        if element_id is not None:
            self.by_id.setdefault(element_id, "")
        self._open.append(element_id)
        if tag == "td":
            for table in self._tables():
                self.cells.setdefault(table, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element_id in filter(None, self._open):
            self.by_id[element_id] += data
        for table in self._tables():
            if self.cells.get(table):
                self.cells[table][-1] += data

    def _tables(self) -> list[str]:
        return [i for i in self._open if i in {"last", "reasons"}]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _status(pipeline: Pipeline) -> Any:
    url = f"http://127.0.0.1:{pipeline.settings.web_port}/status.json"
    with urllib.request.urlopen(url, timeout=5) as answer:
        return json.load(answer)


@pytest.mark.timeout(240)
def test_status_page_shows_processed_count_and_events(pipeline: Pipeline, tmp_path: Path) -> None:
    seeds = [loaded.article.model_dump_json().encode() for loaded in read_articles([str(SEEDS)])]
    pipeline.start_worker()
    pipeline.produce([*seeds, b"{not json"])
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= len(seeds), 90)
    pipeline.wait_metric("streams_articles_rejected_total{reason=not_json}", lambda v: v >= 1, 30)
    status = _status(pipeline)
    event_types = {event["event_type"] for event in status["last_events"]}
    assert event_types, "the worker published no event for the seed articles"

    page = f"http://127.0.0.1:{pipeline.settings.web_port}/"
    dom = run_chromium(chromium_command(tmp_path / "profile-dom", "--dump-dom"), page)
    parsed = TableText()
    parsed.feed(dom)
    assert parsed.by_id["processed"].strip() == str(len(seeds))
    assert parsed.by_id["events"].strip() == str(status["events_published"])
    assert parsed.by_id["dlq"].strip() == "1"
    assert "not_json" in parsed.cells.get("reasons", [])
    shown = set(parsed.cells.get("last", []))
    assert event_types <= shown, f"event types {event_types - shown} not in the table"

    shot = tmp_path / "status-page.png"
    run_chromium(chromium_command(tmp_path / "profile-shot", f"--screenshot={shot}"), page)
    data = shot.read_bytes()
    assert png_size(data) == WINDOW
    assert MIN_SCREENSHOT_BYTES <= len(data) <= MAX_SCREENSHOT_BYTES, f"{len(data)} bytes"
    keep = os.environ.get(SCREENSHOT_ENV)
    if keep:
        Path(keep).write_bytes(data)
