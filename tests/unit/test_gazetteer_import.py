"""`streams gazetteer import`: a GeoNames dump (a few lines in GeoNames' format, written here)
becomes an index whose villages the extractor then finds."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from streams.cli import main
from streams.errors import DumpError, LexiconError
from streams.extraction import geonames_index as gi
from streams.extraction.gazetteer import attach_index, gazetteer

VILLAGE = "Synkivka"  # a village in Kharkiv oblast that the cities1000 town file lacks
LATIN_ALTERNATES = [f"Synkivka {letter}" for letter in "ABCDEFGHIJKLMNO"]
ALTERNATES = ",".join(["Синьківка", "SYNKIVKA", "Synkivka 2", *LATIN_ALTERNATES])
ROWS = [
    # GeoNames' first 11 columns: geonameid, name, asciiname, alternatenames, latitude,
    # longitude, feature class, feature code, country, cc2, admin1 code; _line adds the rest
    [90000001, VILLAGE, VILLAGE, ALTERNATES, 49.8027, 37.6744, "P", "PPL", "UA", "", "07"],
    [90000002, "Staryi Tabir", "Staryi Tabir", "", 49.75, 37.70, "P", "PPLH", "UA", "", "07"],
    [90000003, "Oskil", "Oskil", "", 49.60, 37.80, "H", "STM", "UA", "", "07"],
    [703656, "Kupyansk", "Kupyansk", "Kupiansk", 49.71003, 37.61581, "P", "PPLA2", "UA", "", "07"],
    [
        90000004,
        "Kharkivska Oblast",
        "Kharkivska Oblast",
        "",
        49.5,
        36.5,
        "A",
        "ADM1",
        "UA",
        "",
        "07",
    ],
]


def _line(row: list[object]) -> str:
    cols = [str(c) for c in row] + ["", "", "", "0" if row[6] != "A" else "2600000", "", "150"]
    cols += ["Europe/Kyiv", "2024-01-01"]
    assert len(cols) == gi.COLUMNS
    return "\t".join(cols) + "\n"


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "UA.txt"
    path.write_text("".join(_line(r) for r in ROWS), encoding="utf-8")
    return path


def test_import_keeps_places_and_areas_with_their_fields(dump: Path, tmp_path: Path) -> None:
    report = gi.build_index(dump, tmp_path / "ua.sqlite")
    assert (report.lines, report.places, report.areas) == (5, 3, 1)
    [village] = gi.GeoNamesIndex(report.target).places(VILLAGE)
    assert (village.latitude, village.longitude, village.country, village.admin1) == (
        49.8027,
        37.6744,
        "UA",
        "07",
    )
    assert (village.feature_class, village.feature_code, village.population) == ("P", "PPL", 0)
    # alternate names: Latin-script, no digits or capitals-only, at most MAX_ALTERNATES
    assert village.alternates == tuple(LATIN_ALTERNATES[: gi.MAX_ALTERNATES])
    assert gi.GeoNamesIndex(report.target).places("Oskil") == ()  # a stream, not kept
    assert "admin areas" in report.describe()


def test_import_reads_the_zip_geonames_serves(dump: Path, tmp_path: Path) -> None:
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(dump, "UA.txt")
        zf.writestr("readme.txt", "GeoNames readme\n")
    report = gi.build_index(archive, tmp_path / "ua.sqlite")
    assert report.places == 3


def test_imported_index_resolves_a_village_the_town_file_lacks(dump: Path, tmp_path: Path) -> None:
    base = gazetteer()
    assert base.lookup(VILLAGE) == []
    report = gi.build_index(dump, tmp_path / "ua.sqlite")
    gaz = copy.copy(base)
    attach_index(gaz, gi.GeoNamesIndex(report.target))
    [village] = gaz.lookup(VILLAGE)
    assert (village.precision, village.admin1_code, village.country3) == ("city", "UA-63", "UKR")
    assert gaz.knows_first_word(VILLAGE)
    assert gaz.lookup("Staryi Tabir") == []  # a historical place is no town today
    assert len(gaz.lookup("Kupyansk")) == len(base.lookup("Kupyansk"))  # no second copy


def test_extraction_uses_the_index_the_setting_names(dump: Path, tmp_path: Path) -> None:
    index = tmp_path / "ua.sqlite"
    gi.build_index(dump, index)
    article = {
        "id": "v1",
        "text": f"Russian artillery shelled the village of {VILLAGE} in Kharkiv region on "
        "Tuesday, killing two civilians.",
        "published_at": "2025-03-05",
    }
    run = subprocess.run(
        [sys.executable, "-m", "streams.cli", "extract"],
        input=json.dumps(article) + "\n",
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "STREAMS_GAZETTEER_INDEX": str(index)},
    )
    [event] = [json.loads(line) for line in run.stdout.splitlines()]
    [place] = event["locations"]
    assert (place["name"], place["precision"], place["admin1"]["code"]) == (
        VILLAGE,
        "city",
        "UA-63",
    )
    assert abs(place["latitude"] - 49.8027) < 1e-6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("just some text\n", "line 1: 1 tab-separated columns"),
        (
            "1\tX\tX\t\tnorth\t30\tP\tPPL\tUA\t\t07\t\t\t\t0\t\t1\tEurope/Kyiv\t2024-01-01\n",
            "line 1: bad number",
        ),
        (
            "1\tX\tX\t\t50\t30\tH\tSTM\tUA\t\t07\t\t\t\t0\t\t1\tEurope/Kyiv\t2024-01-01\n",
            "no populated place or admin area",
        ),
    ],
)
def test_import_bad_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "out.sqlite"
    with pytest.raises(DumpError, match=message):
        gi.build_index(source, target)
    assert not target.exists() and not (tmp_path / "out.sqlite.partial").exists()


def test_import_zip_without_a_dump_is_a_clear_error(tmp_path: Path) -> None:
    archive = tmp_path / "UA.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "no data here\n")
    with pytest.raises(DumpError, match=r"expected one GeoNames \.txt file"):
        gi.build_index(archive, tmp_path / "out.sqlite")


def test_cli_import_reports_progress_and_errors_in_one_line(
    dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gi, "PROGRESS_EVERY", 2)
    target = tmp_path / "ua.sqlite"
    assert main(["gazetteer", "import", str(dump), "--output", str(target)]) == 0
    out, err = capsys.readouterr()
    assert "indexed 3 populated places and 1 admin areas" in out
    assert f"STREAMS_GAZETTEER_INDEX={target}" in out
    progress = [line for line in err.splitlines() if "lines read" in line]
    assert len(progress) == 2  # after lines 2 and 4 of 5
    assert progress[0].startswith("streams: gazetteer import: 2 lines read, 2 places kept (")
    assert progress[1].startswith("streams: gazetteer import: 4 lines read, 3 places kept (")
    assert main(["gazetteer", "import", str(tmp_path / "missing.txt")]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"streams: error: {tmp_path / 'missing.txt'}: no such file"
    )


def test_cli_import_countries_filter(dump: Path, tmp_path: Path) -> None:
    target = tmp_path / "ng.sqlite"
    assert (
        main(["gazetteer", "import", str(dump), "--output", str(target), "--countries", "NG"]) == 1
    )
    assert not target.exists()  # nothing of Nigeria in a Ukrainian file


def test_cli_gazetteer_import_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["gazetteer", "import", "--help"])
    out = capsys.readouterr().out
    assert "allCountries.txt" in out and "STREAMS_GAZETTEER_INDEX" in out


def test_index_setting_naming_no_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="streams gazetteer import"):
        gi.GeoNamesIndex(tmp_path / "missing.sqlite")
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_text("not a database", encoding="utf-8")
    with pytest.raises(LexiconError, match="not a gazetteer index"):
        gi.GeoNamesIndex(garbage)
