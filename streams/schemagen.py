"""JSON Schema files in schemas/, generated from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from streams.canonical.model import CanonicalEvent
from streams.schemas import MODELS, SCHEMA_VERSION
from streams.settings import PROJECT_ROOT

SCHEMA_DIR = PROJECT_ROOT / "schemas"


def schema_files() -> dict[str, str]:
    """File name -> content, e.g. event.v1.0.json."""
    files = {}
    models: dict[str, type[BaseModel]] = {**MODELS, "canonical-event": CanonicalEvent}
    for name, model in models.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"urn:streams:schema:{name}:{SCHEMA_VERSION}"
        files[f"{name}.v{SCHEMA_VERSION}.json"] = (
            json.dumps(schema, indent=2, sort_keys=True) + "\n"
        )
    return files


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schema_files().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    stale = []
    for name, content in schema_files().items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            stale.append(name)
    return stale
