"""Prometheus (Debian's binary) scraping a real worker under load: the shipped scrape config,
every recording rule and alert of deploy/prometheus/rules.yml, every dashboard query.

scripts/ensure-debian-tools installs `prometheus` before the test run.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from kafka import KafkaProducer

from streams.articles_io import read_articles
from streams.settings import PROJECT_ROOT
from tests.integration.conftest import Pipeline, free_port

pytestmark = pytest.mark.integration

PROMETHEUS_DIR = PROJECT_ROOT / "deploy" / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
RULES = PROMETHEUS_DIR / "rules.yml"
DASHBOARD = PROJECT_ROOT / "deploy" / "grafana" / "dashboards" / "streams.json"
SEEDS = PROJECT_ROOT / "seeds"
JOB = "streams-worker"
# What Grafana puts in place of its variables; 15 s covers many 1 s scrapes.
GRAFANA_VARIABLES = {"$__rate_interval": "15s", "$__interval": "1s", "$__range": "1m"}
LOAD_ARTICLES = 200
LOAD_MALFORMED = 10


# --- the dashboard's queries (tests/unit/test_deploy_manifests.py checks this walk) --------


def _panels(panels: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in panels:
        yield panel
        yield from _panels(panel.get("panels", []))  # rows hold panels of their own


def dashboard_queries(path: Path = DASHBOARD) -> list[str]:
    """Every PromQL expression of every panel of the dashboard, in order."""
    dashboard = json.loads(path.read_text(encoding="utf-8"))
    return [
        target["expr"]
        for panel in _panels(dashboard.get("panels", []))
        for target in panel.get("targets", [])
        if target.get("expr")
    ]


def promql(expr: str) -> str:
    """A dashboard expression with Grafana's variables replaced, ready for Prometheus."""
    for name, value in GRAFANA_VARIABLES.items():
        expr = expr.replace("${" + name[1:] + "}", value).replace(name, value)
    if "$" in expr:
        raise ValueError(f"unknown Grafana variable in {expr!r}")
    return expr


# --- a Prometheus server on a free loopback port --------------------------------------------


@dataclass
class Prometheus:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        try:
            with urllib.request.urlopen(f"{self.url}/api/v1/{path}{query}", timeout=10) as answer:
                body = json.load(answer)
        except urllib.error.HTTPError as exc:
            raise AssertionError(f"{path} {params}: {exc.code} {exc.read().decode()}") from None
        assert body["status"] == "success", body
        return body["data"]

    def query(self, expr: str, at: float | None = None) -> list[dict[str, Any]]:
        params = {"query": expr} if at is None else {"query": expr, "time": f"{at:.3f}"}
        result: list[dict[str, Any]] = self.api("query", **params)["result"]
        return result

    def wait_for(self, what: str, check: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"prometheus exited: {self.log.read_text()[-2000:]}")
            if check():
                return
            time.sleep(0.5)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def scrape_config(worker_port: int, dead_port: int) -> dict[str, Any]:
    """deploy/prometheus/prometheus.yml with 1 s intervals, local targets and local rules."""
    config: dict[str, Any] = yaml.safe_load(PROMETHEUS_CONFIG.read_text(encoding="utf-8"))
    [job] = [job for job in config["scrape_configs"] if job["job_name"] == JOB]
    job["static_configs"] = [{"targets": [f"127.0.0.1:{worker_port}", f"127.0.0.1:{dead_port}"]}]
    config["scrape_configs"] = [job]
    config["global"] = {
        "scrape_interval": "1s",
        "scrape_timeout": "1s",
        "evaluation_interval": "1s",
    }
    config["rule_files"] = [str(RULES)]
    return config


@pytest.fixture
def prometheus_factory(tmp_path: Path) -> Iterator[Callable[[dict[str, Any]], Prometheus]]:
    binary = shutil.which("prometheus")
    if binary is None:
        pytest.fail("prometheus not installed: run scripts/ensure-debian-tools")
    started: list[Prometheus] = []

    def start(config: dict[str, Any]) -> Prometheus:
        config_file = tmp_path / "prometheus.yml"
        config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
        port = free_port()
        log = tmp_path / "prometheus.log"
        process = subprocess.Popen(
            [
                binary,
                f"--config.file={config_file}",
                f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ],
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        server = Prometheus(f"http://127.0.0.1:{port}", process, log)
        started.append(server)
        server.wait_for("/-/ready", lambda: _answers(f"{server.url}/-/ready"), timeout=30)
        return server

    yield start
    for server in started:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


# --- load -------------------------------------------------------------------------------------


def load_messages(articles: int, malformed: int) -> list[bytes]:
    """`articles` copies of the seed articles, each with its own id, plus malformed ones."""
    seeds = [loaded.article for loaded in read_articles([str(SEEDS)])]
    values = [
        seeds[index % len(seeds)]
        .model_copy(update={"id": f"load-{index}"})
        .model_dump_json()
        .encode()
        for index in range(articles)
    ]
    step = max(1, len(values) // max(1, malformed))
    for index in range(malformed):
        values.insert(index * (step + 1), b"{this is not json")
    return values


def produce_over(pipeline: Pipeline, values: list[bytes], seconds: float, batches: int) -> None:
    producer = KafkaProducer(bootstrap_servers=pipeline.settings.bootstrap, acks="all")
    try:
        size = math.ceil(len(values) / batches)
        for start in range(0, len(values), size):
            for value in values[start : start + size]:
                producer.send(pipeline.settings.topic("articles"), value=value)
            producer.flush(timeout=30)
            time.sleep(seconds / batches)
    finally:
        producer.close()


# --- the test -----------------------------------------------------------------------------------


def _finite(result: list[dict[str, Any]]) -> list[float]:
    return [float(s["value"][1]) for s in result if math.isfinite(float(s["value"][1]))]


def _rules_file() -> dict[str, Any]:
    rules: dict[str, Any] = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return rules


def _all_rules_evaluated(server: Prometheus) -> bool:
    groups = server.api("rules")["groups"]
    return all(
        rule["health"] != "unknown" and not rule["lastEvaluation"].startswith("0001")
        for group in groups
        for rule in group["rules"]
    )


@pytest.mark.timeout(300)
def test_prometheus_scrapes_worker_rules_load_dashboard_queries_answer(
    pipeline: Pipeline, prometheus_factory: Callable[[dict[str, Any]], Prometheus]
) -> None:
    pipeline.start_worker()
    worker = f"127.0.0.1:{pipeline.settings.web_port}"
    dead = f"127.0.0.1:{free_port()}"
    server = prometheus_factory(scrape_config(pipeline.settings.web_port, int(dead.split(":")[1])))
    server.wait_for(
        "the worker target up",
        lambda: bool(server.query(f'up{{job="{JOB}",instance="{worker}"}} == 1')),
        timeout=30,
    )

    produce_over(pipeline, load_messages(LOAD_ARTICLES, LOAD_MALFORMED), seconds=5, batches=10)
    pipeline.wait_metric("streams_articles_processed_total", lambda v: v >= LOAD_ARTICLES, 120)
    server.wait_for(
        "Prometheus to see every article processed",
        lambda: bool(server.query(f"sum(streams_articles_processed_total) >= {LOAD_ARTICLES}")),
        timeout=15,
    )
    at = time.time()

    rate = _finite(server.query("sum(rate(streams_articles_processed_total[15s]))", at))
    assert rate and rate[0] > 0, f"processing rate {rate}"

    queries = dashboard_queries()
    assert len(queries) >= 10
    # every query runs; the canonical worker's panels have no data here (no canonical worker)
    empty = [
        expr
        for expr in queries
        if not _finite(server.query(promql(expr), at)) and "streams_canonical_" not in expr
    ]
    assert not empty, f"dashboard queries without a finite value: {empty}"

    rules = _rules_file()
    server.wait_for("every rule evaluated", lambda: _all_rules_evaluated(server), timeout=20)
    loaded = {group["name"]: group for group in server.api("rules")["groups"]}
    assert set(loaded) == {group["name"] for group in rules["groups"]}
    for group in rules["groups"]:
        names = [rule.get("record") or rule.get("alert") for rule in group["rules"]]
        assert [rule["name"] for rule in loaded[group["name"]]["rules"]] == names
    broken = [
        (rule["name"], rule.get("lastError"))
        for group in loaded.values()
        for rule in group["rules"]
        if rule["health"] != "ok"
    ]
    assert not broken, f"rules with errors: {broken}"

    recorded = [r["record"] for g in rules["groups"] for r in g["rules"] if "record" in r]
    server.wait_for(
        "every recording rule to have a series",
        lambda: all(server.query(name) for name in recorded),
        timeout=15,
    )

    down = {
        alert["labels"]["instance"]
        for alert in server.api("alerts")["alerts"]
        if alert["labels"]["alertname"] == "StreamsWorkerDown"
    }
    assert down == {dead}, f"StreamsWorkerDown for {down}; expected only the dead target {dead}"

    promtool = shutil.which("promtool")
    if promtool is not None:
        checked = subprocess.run(
            [promtool, "check", "rules", str(RULES)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
