"""Extra extractors from outside the package, named in settings as "module:function".

A plugin is a pure function of the annotated article returning event prototypes, exactly like
the built-in extractors; it may carry `extractor_name` and `extractor_version` attributes.
The worker runs plugins after the registry's extractors, with the same failure isolation.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial

from streams.errors import ConfigError
from streams.extraction import ExtractionResult, run_extraction
from streams.extraction.registry import Registered, registered


def load_extractors(specs: list[str]) -> list[Registered]:
    """The registry's extractors followed by the plugins named in `specs`."""
    loaded = [*registered()]
    for spec in specs:
        module_name, _, function_name = spec.partition(":")
        if not module_name or not function_name:
            raise ConfigError(f"extractor plugin {spec!r}: expected 'module:function'")
        try:
            function = getattr(importlib.import_module(module_name), function_name)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(f"extractor plugin {spec!r} cannot be loaded: {exc}") from None
        name = getattr(function, "extractor_name", function_name)
        version = str(getattr(function, "extractor_version", "1"))
        loaded.append(Registered(name, version, function))
    return loaded


def extraction_for(specs: list[str]) -> Callable[..., ExtractionResult]:
    """run_extraction bound to the registry plus plugins (plain run_extraction without any)."""
    if not specs:
        return run_extraction
    return partial(run_extraction, extractors=load_extractors(specs))
