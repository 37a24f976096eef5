import pytest

from streams.errors import ConfigError
from streams.extraction import run_extraction
from streams.plugins import extraction_for, load_extractors
from streams.schemas import Article


@pytest.mark.parametrize("spec", ["no_colon", "streams.nowhere:fn", "streams.plugins:missing"])
def test_plugins_bad_spec_is_config_error(spec: str) -> None:
    with pytest.raises(ConfigError, match=spec.split(":", maxsplit=1)[0]):
        load_extractors([spec])


def test_plugins_loaded_in_order_with_their_names() -> None:
    loaded = load_extractors(["tests.integration.plugins:exploding"])
    assert [(e.name, e.version) for e in loaded] == [("exploding", "1")]


def test_plugins_run_after_the_pipeline_and_fail_alone() -> None:
    run = extraction_for(["tests.integration.plugins:exploding"])
    text = "Russian drones struck Kharkiv overnight, killing three people. EXPLODE"
    result = run(Article(text=text, published_at="2025-10-22T09:00:00Z"))
    assert [f.extractor for f in result.failures] == ["exploding@1"]
    assert [e.event_type for e in result.events] == ["air_strike"]
    assert [e.quantities.killed.value for e in result.events if e.quantities.killed] == [3]


def test_plugins_none_means_plain_extraction() -> None:
    assert extraction_for([]) is run_extraction
