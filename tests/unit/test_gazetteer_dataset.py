"""The gazetteer's city file is a process setting, chosen before the first load."""

from __future__ import annotations

import subprocess
import sys

import pytest

from streams.errors import LexiconError
from streams.extraction import gazetteer as gz


def test_gazetteer_dataset_unknown_name_is_refused() -> None:
    with pytest.raises(LexiconError, match="cities500, cities1000"):
        gz.use_dataset("cities42")


def test_gazetteer_dataset_cannot_change_after_load() -> None:
    gz.gazetteer()
    other = next(name for name in gz.CITY_DATASETS if name != gz.dataset())
    with pytest.raises(LexiconError, match="already loaded"):
        gz.use_dataset(other)
    gz.use_dataset(gz.dataset())  # choosing the loaded one again is harmless


def test_gazetteer_dataset_small_file_knows_fewer_towns() -> None:
    # A fresh interpreter, so the small file is really what gets loaded.
    probe = (
        "from streams.extraction import gazetteer as gz;"
        "gz.use_dataset('cities15000');"
        "g = gz.gazetteer();"
        "print(len(g.places), bool(g.lookup('Kyiv')), bool(g.lookup('Jiribam')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    default = gz.gazetteer()
    assert int(out[0]) < 0.6 * len(default.places)
    assert out[1:] == ["True", "False"]  # the capital is there, the 7,000-people town is not
    assert default.lookup("Jiribam")


def test_an_unmapped_region_is_named_the_same_whatever_the_set_order() -> None:
    """Event ids hold place names: two spellings of equal length must not be picked by set
    order, which differs between processes."""
    from types import SimpleNamespace

    from streams.extraction.gazetteer import _unmapped_region
    from streams.extraction.gazetteer_model import Gazetteer

    sub = SimpleNamespace(country_code="CF", code="CF-NU", name="Nord-Ubangi")
    names = {
        # dict keys iterate in insertion order: both orders are tried in this process
        _unmapped_region(Gazetteer(), sub, dict.fromkeys(order).keys(), "CAF").name  # type: ignore[arg-type]
        for order in (["Nord-Ubangi", "Nord Ubangi"], ["Nord Ubangi", "Nord-Ubangi"])
    }
    assert names == {"Nord Ubangi"}
