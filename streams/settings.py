"""All configuration in one place, read from the environment (prefix STREAMS_).

`KAFKA_BOOTSTRAP_SERVERS` is also honoured without the prefix, since it is the name
every Kafka tool and deployment uses.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GAZETTEER_INDEX = PROJECT_ROOT / "var" / "gazetteer" / "geonames.sqlite"
"""Where `streams gazetteer import` writes when STREAMS_GAZETTEER_INDEX is unset."""


class Settings(BaseSettings):
    """Settings of the worker, the CLI and the local broker."""

    model_config = SettingsConfigDict(
        env_prefix="STREAMS_", frozen=True, extra="ignore", populate_by_name=True
    )

    bootstrap_servers: str | None = Field(
        default=None,
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "STREAMS_BOOTSTRAP_SERVERS"),
        description="Kafka bootstrap servers. Unset: the local broker on 127.0.0.1:<broker_port>.",
    )
    broker_port: int = Field(default=19092, description="Port of the local Kafka broker.")
    broker_controller_port: int = Field(default=19093, description="KRaft controller port.")
    broker_home: Path = Field(
        default=PROJECT_ROOT / "var" / "kafka",
        description="Where the local broker keeps its jars, data and logs.",
    )
    broker_jars: Path | None = Field(
        default=None,
        description="Shared cache of the local broker's jars; unset = <repo>/.cache/kafka-libs.",
    )
    app_id: str = Field(default="streams-extractor", description="Faust app id = consumer group.")
    topic_prefix: str = Field(default="", description="Prefix for every topic name.")
    partitions: int = Field(default=4, ge=1, description="Partitions per topic on create.")
    replication_factor: int | None = Field(
        default=None, description="Replication factor; unset = min(3, number of brokers)."
    )
    session_timeout: float = Field(
        default=10.0,
        gt=0,
        description="Consumer group session timeout, seconds: how soon a "
        "crashed worker's partitions move to the others.",
    )
    max_article_bytes: int = Field(
        default=1_000_000,
        ge=1,
        description="Larger article messages go to the DLQ (reason too_large); `streams "
        "publish` refuses them.",
    )
    dlq_max_payload_bytes: int = Field(
        default=960_000,
        ge=1024,
        description="A dead letter keeps at most this many bytes of the original message; a "
        "longer one is cut, with its size and sha256 in headers. Keep it under the broker's "
        "message.max.bytes (1 MB by default).",
    )
    extraction_timeout: float = Field(
        default=5.0,
        gt=0,
        description="Seconds one article may spend in extraction; past it the article goes "
        "to the DLQ as extraction_timeout.",
    )
    extraction_threads: int = Field(
        default=2,
        ge=1,
        description="Threads that run extraction off the event loop (when "
        "extraction_processes is 0).",
    )
    extraction_processes: int = Field(
        default=0,
        ge=0,
        description="Above 0: run extraction in this many worker processes instead of threads "
        "(uses more cores, costs the extraction data's memory once per process).",
    )
    in_flight_articles: int = Field(
        default=64,
        ge=1,
        description="Articles whose events may be sent but not yet acknowledged; offsets are "
        "committed only up to the oldest unacknowledged one.",
    )
    producer_compression: Literal["lz4", "zstd", "gzip", "none"] = Field(
        default="lz4", description="Compression of the worker's output batches."
    )
    producer_linger_ms: int = Field(
        default=5, ge=0, description="How long the producer waits to fill a batch, ms."
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / "var" / "faust",
        description="Writable folder for the worker's faust state (one subfolder per app id).",
    )
    extra_extractors: list[str] = Field(
        default_factory=list,
        description='Plugin extractors as a JSON list of "module:function" names.',
    )
    gazetteer: Literal["cities500", "cities1000", "cities5000", "cities15000"] = Field(
        default="cities1000",
        description="GeoNames city file of the place gazetteer: towns of at least 500, 1,000, "
        "5,000 or 15,000 people (more villages known vs. less memory and a faster start).",
    )
    gazetteer_index: Path | None = Field(
        default=None,
        description="Village index built by `streams gazetteer import` from a full GeoNames "
        "dump; when set, its places are added to the town file's. Unset: no index.",
    )
    engine: Literal["legacy", "spacy"] = Field(
        default="spacy",
        description="Extraction engine: the legacy regex rules, or the spaCy pipeline of "
        "components (engine v2, docs/engine.md; it runs the families not yet ported through "
        "the legacy extractors).",
    )
    canonical_app_id: str = Field(
        default="streams-canonical",
        description="Faust app id (consumer group) of the canonical worker (`streams canonical`).",
    )
    canonical_window_days: int = Field(
        default=7,
        ge=1,
        description="Days of event time a canonical event stays open for new mentions; an "
        "older event starts a new one and is counted as late.",
    )
    canonical_store: Literal["memory", "rocksdb"] = Field(
        default="memory",
        description="faust table store of the canonical worker (both are changelog-backed).",
    )
    canonical_web_port: int = Field(
        default=6068,
        ge=0,
        le=65535,
        description="Port of the canonical worker's /metrics and /health; 0 = any free port.",
    )
    web_host: str = Field(default="127.0.0.1", description="Bind address of /metrics.")
    web_port: int = Field(
        default=6066,
        ge=0,
        le=65535,
        description="Port of the worker's /metrics and /health; 0 = any free port (logged).",
    )
    web_status_page: bool = Field(default=True, description="Serve the live status page at /.")
    dashboard_host: str = Field(
        default="127.0.0.1", description="Bind address of `streams dashboard`."
    )
    dashboard_port: int = Field(
        default=6070, ge=0, le=65535, description="Port of `streams dashboard`; 0 = any free port."
    )
    dashboard_hours: float = Field(
        default=24.0,
        gt=0,
        description="The dashboard shows the events of the last this many hours.",
    )
    dashboard_max_events: int = Field(
        default=5000, ge=1, description="At most this many events are kept on the dashboard's map."
    )
    dashboard_metrics_urls: list[str] = Field(
        default_factory=list,
        description="The workers' /metrics URLs the dashboard sums, as a JSON list; empty = "
        "http://127.0.0.1:<web_port>/metrics.",
    )
    dashboard_scrape_seconds: float = Field(
        default=5.0, gt=0, description="How often the dashboard scrapes the workers' /metrics."
    )
    security_protocol: str = Field(
        default="PLAINTEXT", description="PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL."
    )
    sasl_mechanism: str = Field(default="PLAIN", description="SASL mechanism when SASL is used.")
    sasl_username: str | None = Field(default=None, description="SASL user name.")
    sasl_password: SecretStr | None = Field(default=None, description="SASL password (secret).")
    ssl_cafile: Path | None = Field(default=None, description="CA bundle for SSL.")
    log_level: str = Field(default="INFO", description="Log level of the worker.")

    @property
    def bootstrap(self) -> str:
        return self.bootstrap_servers or f"127.0.0.1:{self.broker_port}"

    @property
    def uses_local_broker(self) -> bool:
        return self.bootstrap_servers is None

    @property
    def metrics_urls(self) -> list[str]:
        """The workers' /metrics URLs the dashboard reads."""
        return self.dashboard_metrics_urls or [f"http://127.0.0.1:{self.web_port}/metrics"]

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
