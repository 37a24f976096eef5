"""An extractor plugin that fails on purpose, to test failure isolation in a real worker."""

from __future__ import annotations

from typing import Any


def exploding(doc: Any) -> list[Any]:
    if "EXPLODE" in doc.text:
        raise RuntimeError("this extractor fails on purpose")
    return []


exploding.extractor_name = "exploding"  # type: ignore[attr-defined]
