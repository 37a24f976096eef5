"""The ACLED set builder (benchmarks.accuracy.acled) on exports written here into a local git
repository laid out like the fetched mirrors. No real ACLED row is used."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from benchmarks.accuracy import acled as build
from benchmarks.accuracy.__main__ import main as accuracy_main
from streams.evaluate_acled import AcledRow, stable_digest

HEADER = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "inter1",
    "country",
    "iso",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "notes",
    "fatalities",
]


def record(ident: str, notes: str, **overrides: str) -> dict[str, str]:
    base = {
        "event_id_cnty": ident,
        "event_date": "12 March 2021",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "inter1": "1",
        "country": "Kenya",
        "iso": "404",
        "admin1": "Garissa",
        "location": "Garissa",
        "latitude": "-0.4532",
        "longitude": "39.6461",
        "notes": notes,
        "fatalities": "2",
    }
    base.update(overrides)
    return base


def to_csv(records: list[dict[str, str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def git(directory: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(directory), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def make_mirror(mirrors: Path, repo: str, files: dict[str, str]) -> str:
    """A git repository at <mirrors>/<owner>+<name>/repo with `files`; returns the commit."""
    work = mirrors / repo.replace("/", "+") / "repo"
    work.mkdir(parents=True)
    git(work, "init", "-q")
    for path, text in files.items():
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(text, encoding="utf-8")
    git(work, "add", ".")
    git(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "data")
    return git(work, "rev-parse", "HEAD")


def source(repo: str, path: str, commit: str, **extra: Any) -> dict[str, Any]:
    return {
        "repo": repo,
        "path": path,
        "commit": commit,
        "format": "csv",
        "coding": "current",
        "licence": "test",
        **extra,
    }


def write_sources(path: Path, sources: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"about": "test", "sources": sources}), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- pieces


def test_committed_source_list_is_valid_and_skips_reserved_repositories() -> None:
    sources = build.load_sources()
    reserved = {"RPanlilio/acled", "GISRedeDev/PyNetworkFriction", "dkoban/geo_stuff"}
    assert sources
    assert not reserved & {s.repo for s in sources}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 March 2021", "2021-03-12"),
        ("2021-03-12", "2021-03-12"),
        ("2021-01-02T00:00:00Z", "2021-01-02"),
        ("01-January-2015", "2015-01-01"),
        ("someday", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert build.parse_date(text) == expected


@pytest.mark.parametrize(
    ("event_type", "inter1", "expected"),
    [
        ("Riots/Protests", "5", ("Riots", None)),
        ("Riots/Protests", "6", ("Protests", None)),
        ("Riots/Protests", "1", None),
        ("Battle-No change of territory", "1", ("Battles", "Armed clash")),
        ("Remote violence", "2", ("Explosions/Remote violence", None)),
        (
            "Headquarters or base established",
            "2",
            ("Strategic developments", "Headquarters or base established"),
        ),
    ],
)
def test_legacy_types_map_to_current_ones(
    event_type: str, inter1: str, expected: tuple[str, str | None] | None
) -> None:
    assert build.map_types({"event_type": event_type, "inter1": inter1}, "legacy") == expected


def test_current_types_must_agree_with_the_codebook() -> None:
    raw = {"event_type": "Battles", "sub_event_type": "Peaceful protest"}
    assert build.map_types(raw, "current") is None


def test_rows_without_an_id_get_one_from_country_and_notes() -> None:
    raw = {"country": "Philippines"}
    first = build.event_id(raw, "Philippines", "A  note.")
    assert first.startswith("PHL-n")
    assert first == build.event_id(raw, "Philippines", "a note.")


def test_selection_drops_reserved_rows_and_duplicates() -> None:
    def row(ident: str, notes: str) -> AcledRow:
        normalised = build.normalise(
            record(ident, notes), build.Source(**source("a/b", "x", "0" * 40))
        )
        assert isinstance(normalised, AcledRow)
        return normalised

    reserved_ids = {stable_digest("KEN2")}
    reserved_notes = {stable_digest("reserved note, written here.")}
    selection = build.Selection()
    for item in (
        row("KEN1", "First note."),
        row("KEN2", "Second note."),
        row("KEN3", "Reserved   NOTE, written here."),
        row("KEN1", "Same id again."),
        row("KEN4", "first   note."),
    ):
        selection.offer(item, (reserved_ids, reserved_notes))
    assert [r.event_id_cnty for r in selection.rows] == ["KEN1"]
    assert selection.dropped == {
        "reserved (hold-out list)": 2,
        "duplicate event id": 1,
        "duplicate notes": 1,
    }


def test_cap_and_sample_are_deterministic() -> None:
    rows = [
        AcledRow(
            event_id_cnty=f"KEN{i}",
            event_date="2021-03-12",
            event_type="Battles",
            sub_event_type="Armed clash",
            coding="current",
            country="Kenya",
            fatalities=0,
            notes=f"Note {i}.",
            source="s",
            half="tune",
        )
        for i in range(30)
    ]
    capped = build.cap_rows(rows, 10)
    assert len(capped) == 10
    assert capped == build.cap_rows(list(reversed(rows)), 10)
    sampled = build.mark_sample(capped, 4)
    assert sum(r.sample for r in sampled) == 4
    again = build.mark_sample(list(reversed(capped)), 4)
    assert {r.event_id_cnty for r in sampled if r.sample} == {
        r.event_id_cnty for r in again if r.sample
    }


def test_missing_mirror_names_the_repository_and_the_remedy(tmp_path: Path) -> None:
    with pytest.raises(build.BuildError, match=r"no mirror of owner/repo .*fetch"):
        build.git_dir(tmp_path, "owner/repo")


# --------------------------------------------------------------------------- whole build


def test_build_writes_the_cache_and_drops_reserved_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mirrors = tmp_path / "mirrors"
    records = [
        record("KEN1", "On 12 March 2021, militants clashed with police in Garissa."),
        record("KEN2", "On 12 March 2021, a reserved event happened."),
        record("KEN3", ""),
        record(
            "KEN4",
            "On 12 March 2021, traders protested in Garissa.",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            fatalities="0",
        ),
    ]
    legacy = [
        record(
            "9RTA",
            "Rioters burnt tyres in Garissa.",
            event_type="Riots/Protests",
            sub_event_type="",
            inter1="5",
            event_date="2016-07-02",
        ),
    ]
    commit = make_mirror(
        mirrors,
        "someone/exports",
        {"kenya.csv": to_csv(records, ";"), "old/acled.csv": to_csv(legacy)},
    )
    sources = write_sources(
        tmp_path / "sources.json",
        [
            source("someone/exports", "kenya.csv", commit),
            source("someone/exports", "old/acled.csv", commit, coding="legacy"),
        ],
    )
    exclude = tmp_path / "exclude.txt"
    exclude.write_text(f"# reserved\nid {stable_digest('KEN2')}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    code = accuracy_main(
        [
            "acled",
            "build",
            "--mirrors",
            str(mirrors),
            "--exclude",
            str(exclude),
            "--cache",
            str(cache),
            "--sources",
            str(sources),
            "--sample-size",
            "2",
        ]
    )
    assert code == 0
    rows = [AcledRow.model_validate_json(line) for line in (cache / "rows.jsonl").open()]
    assert {r.event_id_cnty for r in rows} == {"KEN1", "KEN4", "9RTA"}
    assert {r.event_id_cnty: r.event_type for r in rows}["9RTA"] == "Riots"
    assert sum(r.sample for r in rows) == 2
    manifest = json.loads((cache / "manifest.json").read_text())
    assert manifest["dropped"] == {"reserved (hold-out list)": 1, "no notes": 1}
    assert manifest["by_coding"] == {"current": 2, "legacy": 1}
    assert "3 rows from 1 countries" in capsys.readouterr().out


def test_build_stops_on_a_missing_mirror_or_exclusion_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = write_sources(tmp_path / "s.json", [source("gone/repo", "x.csv", "0" * 40)])
    exclude = tmp_path / "exclude.txt"
    exclude.write_text("", encoding="utf-8")
    args = ["acled", "build", "--mirrors", str(tmp_path), "--sources", str(sources)]
    assert accuracy_main([*args, "--exclude", str(exclude), "--cache", str(tmp_path / "c")]) == 2
    assert "no mirror of gone/repo" in capsys.readouterr().err
    assert accuracy_main([*args, "--exclude", str(tmp_path / "none.txt")]) == 2
    assert "exclusion list" in capsys.readouterr().err
