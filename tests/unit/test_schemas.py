import json
from pathlib import Path

import jsonschema

from streams.schemagen import SCHEMA_DIR, schema_files, stale_schemas
from streams.schemas import Article


def test_schemas_files_are_up_to_date() -> None:
    assert stale_schemas() == [], "run `streams schemas` to regenerate schemas/"


def test_schemas_stale_detected(tmp_path: Path) -> None:
    (tmp_path / "event.v1.0.json").write_text("{}")
    assert set(stale_schemas(tmp_path)) == set(schema_files())


def test_schemas_event_schema_has_contract_keys() -> None:
    schema = json.loads((SCHEMA_DIR / "event.v1.0.json").read_text())
    required_top = {
        "event_id",
        "schema_version",
        "article_id",
        "event_type",
        "category",
        "status",
        "codes",
        "actors",
        "locations",
        "when",
        "quantities",
        "evidence",
        "confidence",
        "extractor",
        "published_at",
        "extracted_at",
        "source",
        "url",
    }
    assert required_top <= set(schema["properties"])
    defs = schema["$defs"]
    assert {"latitude", "longitude", "admin1", "geonames_id", "precision"} <= set(
        defs["Location"]["properties"]
    )
    assert {"cameo", "plover", "acled_event_type", "acled_sub_event_type"} <= set(
        defs["Codes"]["properties"]
    )


def test_schemas_article_schema_validates_a_message() -> None:
    schema = json.loads((SCHEMA_DIR / "article.v1.0.json").read_text())
    article = Article(text="Body", published_at="2025-10-22T09:00:00Z")  # type: ignore[arg-type]
    jsonschema.validate(json.loads(article.model_dump_json()), schema)
