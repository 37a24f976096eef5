"""deploy/, schemas/asyncapi.yaml: they parse, and they agree with the app.

Nothing here runs Docker, Kubernetes, Prometheus or Grafana (tests/integration/ runs
Prometheus); these tests catch drift between the manifests and Settings, the CLI, the
metrics, the topics and the message headers.
"""

from __future__ import annotations

import json
import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import CollectorRegistry

import streams
from streams.cli import build_parser
from streams.metrics import CanonicalMetrics, Metrics
from streams.schemagen import schema_files
from streams.schemas import CATEGORIES
from streams.settings import PROJECT_ROOT, Settings
from streams.topics import topic_names
from tests.integration.test_prometheus import JOB, dashboard_queries, promql

DEPLOY = PROJECT_ROOT / "deploy"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "streams.json"
PROVISIONING = DEPLOY / "grafana" / "provisioning"
RULES = DEPLOY / "prometheus" / "rules.yml"
PROMETHEUS_CONFIG = DEPLOY / "prometheus" / "prometheus.yml"
COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
K8S = DEPLOY / "k8s"
ASYNCAPI = PROJECT_ROOT / "schemas" / "asyncapi.yaml"
STREAMS_IMAGE_SERVICES = ("topics", "worker-1", "worker-2", "canonical", "publish", "dashboard")
CANONICAL_JOB = "streams-canonical"
WORKERS = ("worker-1", "worker-2")


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def env_names() -> set[str]:
    """Every environment variable name Settings reads."""
    names = {"KAFKA_BOOTSTRAP_SERVERS"}
    prefix = Settings.model_config.get("env_prefix", "")
    return names | {f"{prefix}{field}".upper() for field in Settings.model_fields}


def settings_from(env: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings as the worker would build them from exactly this environment."""
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    return Settings()


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of a nested JSON/YAML document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def metric_sample_names() -> set[str]:
    """Every sample name the worker's registry can expose (counters, histograms, gauges)."""
    suffixes = {"counter": ("_total", "_created"), "histogram": ("_bucket", "_sum", "_count")}
    names = set()
    registries = [
        Metrics(CollectorRegistry()).registry,
        CanonicalMetrics(CollectorRegistry()).registry,
    ]
    for family in (f for registry in registries for f in registry.collect()):
        names.add(family.name)
        names.update(family.name + suffix for suffix in suffixes.get(family.type, ()))
    return names


def rule_exprs() -> list[str]:
    return [rule["expr"] for group in load_yaml(RULES)["groups"] for rule in group["rules"]]


# --- Grafana ---------------------------------------------------------------------------------


def test_deploy_manifests_dashboard_json_panels_have_ids_and_queries() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    panels = dashboard["panels"]
    ids = [panel["id"] for panel in panels]
    assert len(ids) == len(set(ids))
    assert all(panel["targets"] and panel["title"] for panel in panels)
    assert dashboard["uid"] and dashboard["templating"]["list"][0]["type"] == "datasource"


def test_deploy_manifests_every_dashboard_expr_is_executed_by_prometheus_test() -> None:
    every_expr = [value for key, value in walk(json.loads(DASHBOARD.read_text())) if key == "expr"]
    executed = dashboard_queries()
    assert sorted(every_expr) == sorted(executed)
    assert all("$" not in promql(expr) for expr in executed)


@pytest.mark.parametrize(
    "pattern",
    [
        r"rate\(streams_articles_processed_total\[",
        r"rate\(streams_events_published_total\[",
        r"sum by \(category\) \(rate\(streams_events_published_total",
        r"histogram_quantile\(0\.5, .*streams_end_to_end_latency_seconds_bucket",
        r"histogram_quantile\(0\.95, .*streams_end_to_end_latency_seconds_bucket",
        r"histogram_quantile\(0\.99, .*streams_end_to_end_latency_seconds_bucket",
        r"histogram_quantile\(0\.99, .*streams_extraction_seconds_bucket",
        r"by \(topic, partition\) \(streams_consumer_lag\)",
        r"sum by \(reason\) \(rate\(streams_articles_rejected_total",
        r'up\{job="streams-worker"\}',
        r"rate\(streams_canonical_created_total\[",
        r"streams_canonical_state_canonical_events",
        r"streams_canonical_last_restore_seconds",
    ],
)
def test_deploy_manifests_dashboard_has_panel_for(pattern: str) -> None:
    assert any(re.search(pattern, expr) for expr in dashboard_queries()), pattern


@pytest.mark.parametrize("source", ["dashboard", "rules"])
def test_deploy_manifests_metric_names_exist_in_worker_registry(source: str) -> None:
    exprs = dashboard_queries() if source == "dashboard" else rule_exprs()
    used = {name for expr in exprs for name in re.findall(r"\bstreams_[a-z0-9_]+", expr)}
    assert used, "no streams_ metric used"
    assert used <= metric_sample_names(), used - metric_sample_names()


def test_deploy_manifests_grafana_provisioning_points_at_compose_services() -> None:
    [datasource] = load_yaml(PROVISIONING / "datasources" / "prometheus.yml")["datasources"]
    [provider] = load_yaml(PROVISIONING / "dashboards" / "streams.yml")["providers"]
    compose = load_yaml(COMPOSE)["services"]
    assert datasource["type"] == "prometheus"
    assert datasource["url"] == "http://prometheus:9090"
    assert "9090:9090" in compose["prometheus"]["ports"]
    mounts = dict(volume.split(":")[:2] for volume in compose["grafana"]["volumes"])
    assert mounts["./grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./grafana/provisioning"] == "/etc/grafana/provisioning"


# --- Prometheus --------------------------------------------------------------------------------


def test_deploy_manifests_rules_have_required_alerts_with_severity_and_summary() -> None:
    alerts = {
        rule["alert"]: rule
        for group in load_yaml(RULES)["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }
    required = {"StreamsWorkerDown", "StreamsDlqRateHigh", "StreamsConsumerLagGrowing"}
    assert required | {"StreamsLatencyP99High"} <= set(alerts)
    for alert in alerts.values():
        assert alert["labels"]["severity"] in {"warning", "critical"}
        assert alert["annotations"]["summary"] and alert["for"]
    assert f'job="{JOB}"' in alerts["StreamsWorkerDown"]["expr"]


def test_deploy_manifests_prometheus_scrapes_compose_workers_on_their_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = load_yaml(PROMETHEUS_CONFIG)
    services = load_yaml(COMPOSE)["services"]
    [job] = [job for job in config["scrape_configs"] if job["job_name"] == JOB]
    targets = {t for static in job["static_configs"] for t in static["targets"]}
    expected = set()
    for name in WORKERS:
        settings = settings_from(services[name]["environment"], monkeypatch)
        expected.add(f"{name}:{settings.web_port}")
    assert targets == expected
    assert job.get("metrics_path", "/metrics") == "/metrics"
    assert [(PROMETHEUS_CONFIG.parent / f).resolve() for f in config["rule_files"]] == [RULES]


def test_deploy_manifests_prometheusrule_equals_rules_file() -> None:
    [rule] = [doc for doc in k8s_documents() if doc["kind"] == "PrometheusRule"]
    assert rule["spec"] == load_yaml(RULES)


# --- compose and Dockerfile ----------------------------------------------------------------------


def kafka_version() -> str:
    pom = ET.parse(DEPLOY / "kafka" / "pom.xml").getroot()
    namespace = {"m": pom.tag.split("}")[0].strip("{")}
    version = pom.find("m:properties/m:kafka.version", namespace)
    assert version is not None and version.text
    return version.text


def test_deploy_manifests_compose_kafka_is_single_node_kraft_of_pom_version() -> None:
    kafka = load_yaml(COMPOSE)["services"]["kafka"]
    assert kafka["image"] == f"apache/kafka:{kafka_version()}"
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"  # `streams topics create` does it
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")


@pytest.mark.parametrize("service", STREAMS_IMAGE_SERVICES)
def test_deploy_manifests_compose_streams_service_env_and_command_are_valid(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_yaml(COMPOSE)["services"][service]
    assert spec["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert set(spec["environment"]) <= env_names(), set(spec["environment"]) - env_names()
    settings = settings_from(spec["environment"], monkeypatch)
    assert settings.bootstrap == "kafka:9092"
    assert settings.app_id == Settings.model_fields["app_id"].default
    build_parser().parse_args(spec["command"])  # exits (SystemExit) when the CLI disagrees


def test_deploy_manifests_compose_order_topics_before_workers() -> None:
    services = load_yaml(COMPOSE)["services"]
    assert services["topics"]["command"] == ["topics", "create"]
    assert services["topics"]["depends_on"]["kafka"]["condition"] == "service_healthy"
    for name in WORKERS:
        assert services[name]["command"] == ["worker"]
        assert services[name]["depends_on"]["topics"]["condition"] == (
            "service_completed_successfully"
        )


@pytest.mark.parametrize("service", WORKERS)
def test_deploy_manifests_compose_worker_serves_on_all_interfaces_and_published_port(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_yaml(COMPOSE)["services"][service]
    settings = settings_from(spec["environment"], monkeypatch)
    assert settings.web_host == "0.0.0.0"
    assert [port.split(":")[1] for port in spec["ports"]] == [str(settings.web_port)]


def test_deploy_manifests_compose_host_paths_exist() -> None:
    services = load_yaml(COMPOSE)["services"]
    for spec in services.values():
        for volume in spec.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / source).exists(), source
    config_dir = "/etc/prometheus/"
    mounts = dict(v.split(":")[:2] for v in services["prometheus"]["volumes"])
    assert (
        mounts["./prometheus/rules.yml"]
        == config_dir + load_yaml(PROMETHEUS_CONFIG)["rule_files"][0].split("#")[0].strip()
    )


def test_deploy_manifests_dockerfile_installs_project_and_exposes_web_port() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", text, re.M)
    assert re.search(r"pip install \.", text)
    exposed = re.findall(r"^EXPOSE (\d+)$", text, re.M)
    assert exposed == [str(Settings.model_fields["web_port"].default)]
    assert re.search(r"^ENTRYPOINT \[\"streams\"\]$", text, re.M)
    scripts = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "streams" in scripts
    for line in re.findall(r"^COPY (.+)$", text, re.M):
        for copied in line.split()[:-1]:  # the last word is the destination
            assert (PROJECT_ROOT / copied).exists(), copied


# --- Kubernetes ---------------------------------------------------------------------------------


def k8s_documents() -> list[dict[str, Any]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        docs.extend(doc for doc in yaml.safe_load_all(path.read_text()) if doc)
    return docs


def k8s(kind: str, name: str | None = None) -> dict[str, Any]:
    """The one manifest of this kind (and name, where several share the kind)."""
    [doc] = [
        doc
        for doc in k8s_documents()
        if doc["kind"] == kind and name in (None, doc["metadata"]["name"])
    ]
    return doc


def test_deploy_manifests_k8s_kustomization_lists_every_manifest() -> None:
    kustomization = load_yaml(K8S / "kustomization.yaml")
    files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert sorted(kustomization["resources"]) == sorted(files)
    assert all(doc["apiVersion"] and doc["metadata"]["name"] for doc in k8s_documents())


def test_deploy_manifests_k8s_configmap_env_is_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    data = k8s("ConfigMap")["data"]
    assert set(data) <= env_names(), set(data) - env_names()
    settings = settings_from(data, monkeypatch)
    assert settings.web_host == "0.0.0.0"
    assert settings.bootstrap_servers


def worker_container(name: str = JOB) -> dict[str, Any]:
    [container] = k8s("Deployment", name)["spec"]["template"]["spec"]["containers"]
    return container


def test_deploy_manifests_k8s_deployment_env_ports_probes_resources(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    container = worker_container()
    settings = settings_from(k8s("ConfigMap")["data"], monkeypatch)
    [source] = container["envFrom"]
    assert source["configMapRef"]["name"] == k8s("ConfigMap")["metadata"]["name"]
    assert {env["name"] for env in container.get("env", [])} <= env_names()
    [port] = container["ports"]
    assert port["containerPort"] == settings.web_port
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": port["name"]}
    resources = container["resources"]
    assert set(resources["requests"]) == {"cpu", "memory"} and resources["limits"]["memory"]
    build_parser().parse_args(container["args"])
    assert container["args"] == ["worker"]
    assert k8s("Job")["spec"]["template"]["spec"]["containers"][0]["args"] == ["topics", "create"]


def test_deploy_manifests_k8s_service_and_servicemonitor_select_the_workers() -> None:
    deployment, service = k8s("Deployment", JOB), k8s("Service", JOB)
    monitor = k8s("ServiceMonitor", JOB)
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    [port] = service["spec"]["ports"]
    assert port["targetPort"] == worker_container()["ports"][0]["name"]
    assert (
        monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    )
    [endpoint] = monitor["spec"]["endpoints"]
    assert endpoint["port"] == port["name"] and endpoint["path"] == "/metrics"
    # The operator's job label is the Service name; rules and dashboard select on it.
    assert service["metadata"]["name"] == JOB


def test_deploy_manifests_k8s_keda_scales_on_articles_lag_of_the_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scaled = k8s("ScaledObject")
    settings = settings_from(k8s("ConfigMap")["data"], monkeypatch)
    assert scaled["spec"]["scaleTargetRef"]["name"] == k8s("Deployment", JOB)["metadata"]["name"]
    assert scaled["spec"]["maxReplicaCount"] == settings.partitions
    [trigger] = scaled["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    metadata = trigger["metadata"]
    assert metadata["consumerGroup"] == settings.app_id
    assert metadata["topic"] == settings.topic("articles")
    assert metadata["bootstrapServers"] == settings.bootstrap
    assert int(metadata["lagThreshold"]) > 0


# --- AsyncAPI -----------------------------------------------------------------------------------


def resolve(document: dict[str, Any], ref: str) -> Any:
    node: Any = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def test_deploy_manifests_asyncapi_lists_every_topic() -> None:
    document = load_yaml(ASYNCAPI)
    assert document["asyncapi"].startswith("3.")
    assert document["info"]["version"] == streams.__version__
    addresses = [channel["address"] for channel in document["channels"].values()]
    assert sorted(addresses) == sorted(topic_names(Settings(topic_prefix="")))
    assert len(addresses) == 4 + len(CATEGORIES)  # + events.canonical
    assert all(re.fullmatch(r"[A-Za-z0-9_\-]+", key) for key in document["channels"])


def test_deploy_manifests_asyncapi_refs_resolve() -> None:
    document = load_yaml(ASYNCAPI)
    refs = [value for key, value in walk(document) if key == "$ref"]
    files = [ref for ref in refs if not ref.startswith("#")]
    assert sorted(set(files)) == sorted(f"./{name}" for name in schema_files())
    for ref in refs:
        if ref.startswith("#"):
            assert resolve(document, ref) is not None, ref
    sent = {op["channel"]["$ref"] for op in document["operations"].values()}
    assert sent == {f"#/channels/{key}" for key in document["channels"]}


def test_deploy_manifests_asyncapi_headers_match_what_the_worker_writes() -> None:
    from streams.processing import Source, dead_letter, event_headers
    from streams.schemas import Event, Evidence, ExtractorRef

    event = Event(
        event_id="e1",
        article_id="a1",
        extracted_at=datetime(2025, 10, 22, tzinfo=UTC),
        event_type="air_strike",
        category="conflict",
        evidence=Evidence(sentence="s", start=0, end=1),
        confidence=0.5,
        extractor=ExtractorRef(name="attack", version="1"),
    )
    messages = load_yaml(ASYNCAPI)["components"]["messages"]
    event_spec = messages["event"]["headers"]
    written = [name for name, _ in event_headers(event)]
    assert set(written) == set(event_spec["properties"])
    assert set(event_spec["required"]) <= set(written)
    dlq_spec = messages["deadLetter"]["headers"]
    extra = [("dlq.extractor", b"x"), ("dlq.traceback", b"t")]
    raw = b"raw" * 1000
    letter = dead_letter(raw, Source("articles", 0, 7), "not_json", "d", extra, limit=1024)
    assert {name for name, _ in letter.headers} == set(dlq_spec["properties"])


def test_deploy_manifests_asyncapi_dlq_reasons_are_the_decoders() -> None:
    from streams.processing import EXTRACTION_TIMEOUT

    decoder = (PROJECT_ROOT / "streams" / "decode.py").read_text(encoding="utf-8")
    reasons = set(re.findall(r'Rejected\(\s*"([a-z0-9_]+)"', decoder))
    reasons |= {"extractor_error", EXTRACTION_TIMEOUT}
    spec = load_yaml(ASYNCAPI)["components"]["messages"]["deadLetter"]["headers"]
    assert set(spec["properties"]["dlq.reason"]["enum"]) == reasons


def test_deploy_manifests_compose_dashboard_sums_every_worker_and_stays_on_the_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = load_yaml(COMPOSE)["services"]["dashboard"]
    settings = settings_from(spec["environment"], monkeypatch)
    hosts = {url.split("/")[2] for url in settings.metrics_urls}
    assert hosts == {f"{worker}:{settings.web_port}" for worker in WORKERS}
    assert spec["ports"] == [f"127.0.0.1:{settings.dashboard_port}:{settings.dashboard_port}"]


# --- the canonical worker and the events map ------------------------------------------------------


def test_deploy_manifests_compose_canonical_worker_after_topics_on_its_published_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services = load_yaml(COMPOSE)["services"]
    spec = services["canonical"]
    assert spec["command"] == ["canonical"]
    assert spec["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    settings = settings_from(spec["environment"], monkeypatch)
    assert settings.web_host == "0.0.0.0"
    assert settings.canonical_app_id == Settings.model_fields["canonical_app_id"].default
    assert [port.split(":")[1] for port in spec["ports"]] == [str(settings.canonical_web_port)]
    assert spec["read_only"] and "/var/lib/streams" in spec["tmpfs"]  # STREAMS_DATA_DIR
    assert str(settings.data_dir).startswith("/var/lib/streams")
    assert "canonical" in services["prometheus"]["depends_on"]


def test_deploy_manifests_prometheus_scrapes_compose_canonical_worker_on_its_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = load_yaml(PROMETHEUS_CONFIG)
    spec = load_yaml(COMPOSE)["services"]["canonical"]
    [job] = [job for job in config["scrape_configs"] if job["job_name"] == CANONICAL_JOB]
    targets = [t for static in job["static_configs"] for t in static["targets"]]
    settings = settings_from(spec["environment"], monkeypatch)
    assert targets == [f"canonical:{settings.canonical_web_port}"]
    assert job.get("metrics_path", "/metrics") == "/metrics"
    alerts = {
        rule.get("alert"): rule["expr"] for g in load_yaml(RULES)["groups"] for rule in g["rules"]
    }
    assert f'job="{CANONICAL_JOB}"' in alerts["StreamsCanonicalWorkerDown"]


def test_deploy_manifests_k8s_canonical_worker_port_probes_and_scrape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    container = worker_container(CANONICAL_JOB)
    settings = settings_from(k8s("ConfigMap")["data"], monkeypatch)
    assert container["args"] == ["canonical"]
    build_parser().parse_args(container["args"])
    [source] = container["envFrom"]
    assert source["configMapRef"]["name"] == k8s("ConfigMap")["metadata"]["name"]
    [port] = container["ports"]
    assert port["containerPort"] == settings.canonical_web_port
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": port["name"]}
    mounts = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert any(str(settings.data_dir).startswith(path) for path in mounts)
    deployment = k8s("Deployment", CANONICAL_JOB)
    service, monitor = k8s("Service", CANONICAL_JOB), k8s("ServiceMonitor", CANONICAL_JOB)
    assert service["spec"]["selector"].items() <= (
        deployment["spec"]["template"]["metadata"]["labels"].items()
    )
    [service_port] = service["spec"]["ports"]
    assert service_port["targetPort"] == port["name"]
    assert (
        monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    )
    [endpoint] = monitor["spec"]["endpoints"]
    assert endpoint["port"] == service_port["name"] and endpoint["path"] == "/metrics"


def test_deploy_manifests_k8s_dashboard_serves_the_map_on_its_port(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    container = worker_container("streams-dashboard")
    settings = settings_from(k8s("ConfigMap")["data"], monkeypatch)
    args = build_parser().parse_args(container["args"])
    assert container["args"][0] == "dashboard" and args.host == "0.0.0.0"
    [port] = container["ports"]
    assert port["containerPort"] == settings.dashboard_port
    for probe in ("livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": port["name"]}
    service = k8s("Service", "streams-dashboard")
    [service_port] = service["spec"]["ports"]
    assert service_port["targetPort"] == port["name"]
    assert service["spec"]["selector"].items() <= (
        k8s("Deployment", "streams-dashboard")["spec"]["template"]["metadata"]["labels"].items()
    )
