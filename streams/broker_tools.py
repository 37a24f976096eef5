"""The local broker's Kafka jars, paths and tools: Maven fetches the jars once
(deploy/kafka/pom.xml) into a cache shared by every broker home; the java command line that runs
the broker and Kafka's own console tools from that cache."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from streams.errors import BrokerError, ToolMissingError
from streams.settings import PROJECT_ROOT, Settings

log = logging.getLogger("streams.broker")

DEPLOY_DIR = PROJECT_ROOT / "deploy" / "kafka"
POM = DEPLOY_DIR / "pom.xml"
SERVER_TEMPLATE = DEPLOY_DIR / "server.properties.template"
BROKER_LOG4J = DEPLOY_DIR / "log4j2.properties"
TOOLS_LOG4J = DEPLOY_DIR / "tools-log4j2.properties"

JARS_ENV = "STREAMS_BROKER_JARS"
DEFAULT_JARS_DIR = PROJECT_ROOT / ".cache" / "kafka-libs"
STAMP_NAME = ".pom-sha256"

BROKER_MAIN = "kafka.Kafka"
STORAGE_TOOL = "kafka.tools.StorageTool"
CONSOLE_CONSUMER = "org.apache.kafka.tools.consumer.ConsoleConsumer"
JVM_HEAP = ("-Xms256m", "-Xmx512m")
# the JVM options Kafka's own kafka-run-class.sh uses: short G1 pauses (Java's default
# target is 200 ms, which shows up directly as end-to-end latency)
JVM_PERFORMANCE = (
    "-server",
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:InitiatingHeapOccupancyPercent=35",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-XX:MaxInlineLevel=15",
)

JAVA_HINT = "java not found: install OpenJDK 17 (apt-get install openjdk-17-jre-headless)"
MVN_HINT = "mvn not found: install Apache Maven (apt-get install maven)"


# --- paths -------------------------------------------------------------------------------


def jars_dir(settings: Settings) -> Path:
    """The shared jar cache: settings.broker_jars once the field exists, else env, else .cache."""
    configured = getattr(settings, "broker_jars", None)
    if configured:
        return Path(configured)
    from_env = os.environ.get(JARS_ENV)
    return Path(from_env) if from_env else DEFAULT_JARS_DIR


def data_dir(settings: Settings) -> Path:
    return settings.broker_home / "data"


def logs_dir(settings: Settings) -> Path:
    return settings.broker_home / "logs"


def pid_file(settings: Settings) -> Path:
    return settings.broker_home / "broker.pid"


def config_file(settings: Settings) -> Path:
    return settings.broker_home / "server.properties"


def console_tool_classpath(settings: Settings) -> str:
    """Class path of the broker and of Kafka's command-line tools (one wildcard entry)."""
    return str(jars_dir(settings) / "*")


# --- tools and jars ----------------------------------------------------------------------


def require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(hint)
    return path


def pom_hash() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """An exclusive advisory lock, so parallel test sessions do not fetch jars twice."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_jars(settings: Settings) -> Path:
    """Fetch the broker jars with Maven unless the cache already holds them for this pom."""
    target = jars_dir(settings)
    stamp = target / STAMP_NAME
    wanted = pom_hash()
    with locked(target.parent / f".{target.name}.lock"):
        if stamp.is_file() and stamp.read_text().strip() == wanted:
            return target
        mvn = require_tool("mvn", MVN_HINT)
        log.info("fetching Kafka jars with Maven into %s", target)
        for old in target.glob("*.jar"):
            old.unlink()
        target.mkdir(parents=True, exist_ok=True)
        # The output directory must be absolute: Maven resolves relative ones against the pom.
        command = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies"]
        command.append(f"-DoutputDirectory={target.resolve()}")
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
            raise BrokerError("mvn could not fetch the Kafka jars:\n" + "\n".join(tail))
        stamp.write_text(wanted + "\n")
        log.info("fetched %d jars", len(list(target.glob("*.jar"))))
    return target


def java_command(settings: Settings, main: str, log4j: Path, *args: str) -> list[str]:
    java = require_tool("java", JAVA_HINT)
    return [
        java,
        *JVM_HEAP,
        *JVM_PERFORMANCE,
        "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={log4j}",
        f"-Dkafka.logs.dir={logs_dir(settings)}",
        "-cp",
        console_tool_classpath(settings),
        main,
        *args,
    ]


# --- Kafka's own console tools -----------------------------------------------------------


def console_consumer_command(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = True,
    max_messages: int | None = None,
    timeout_ms: int | None = None,
    extra: Sequence[str] = (),
) -> list[str]:
    """The command line of Kafka's ConsoleConsumer against settings.bootstrap."""
    args = ["--bootstrap-server", settings.bootstrap, "--topic", topic, *extra]
    if from_beginning:
        args.append("--from-beginning")
    if max_messages is not None:
        args += ["--max-messages", str(max_messages)]
    if timeout_ms is not None:
        args += ["--timeout-ms", str(timeout_ms)]
    return java_command(settings, CONSOLE_CONSUMER, TOOLS_LOG4J, *args)


def run_console_consumer(
    settings: Settings,
    topic: str,
    *,
    max_messages: int | None = None,
    timeout_ms: int = 10_000,
    extra: Sequence[str] = (),
) -> list[str]:
    """Read a topic from the beginning with Kafka's ConsoleConsumer; return the printed lines.

    The consumer stops after max_messages or timeout_ms without a message. It needs the jar
    cache (ensure_jars) but not a local broker: it reads whatever settings.bootstrap is.
    """
    ensure_jars(settings)
    command = console_consumer_command(
        settings, topic, max_messages=max_messages, timeout_ms=timeout_ms, extra=extra
    )
    wall_timeout = timeout_ms / 1000 + 60
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=wall_timeout, check=False
    )
    # The consumer exits non-zero when --timeout-ms expires; its output is still valid.
    if done.returncode != 0 and "TimeoutException" not in done.stderr and not done.stdout:
        raise BrokerError(f"console consumer failed: {done.stderr.strip()[-2000:]}")
    return done.stdout.splitlines()
