import pytest

from streams.errors import ConfigError
from streams.extraction import registered_extractors, run_extraction
from streams.plugins import extraction_for, load_extractors


@pytest.mark.parametrize("spec", ["no_colon", "streams.nowhere:fn", "streams.plugins:missing"])
def test_plugins_bad_spec_is_config_error(spec: str) -> None:
    with pytest.raises(ConfigError, match=spec.split(":", maxsplit=1)[0]):
        load_extractors([spec])


def test_plugins_appended_after_registry() -> None:
    loaded = load_extractors(["tests.integration.plugins:exploding"])
    assert [(e.name, e.version) for e in loaded[:-1]] == registered_extractors()
    assert (loaded[-1].name, loaded[-1].version) == ("exploding", "1")


def test_plugins_none_means_plain_extraction() -> None:
    assert extraction_for([]) is run_extraction
