"""Launcher of the local single-node Apache Kafka (KRaft) broker, without Docker.

Maven fetches the broker jars once (deploy/kafka/pom.xml) into a cache shared by every
broker home; `start` renders deploy/kafka/server.properties.template into the broker home,
formats the storage on first start and runs `java kafka.Kafka` detached in its own process
group. The layout of a broker home:

    <broker_home>/server.properties   rendered config (rewritten on every start)
    <broker_home>/data/                log.dirs (wiped by reset)
    <broker_home>/logs/server.log      broker log, WARN and above
    <broker_home>/logs/broker.out      stdout/stderr of the JVM
    <broker_home>/broker.pid           pid of the running broker
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import signal
import socket
import string
import subprocess
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from streams.errors import BrokerError, ToolMissingError
from streams.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

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


@dataclass(frozen=True)
class BrokerStatus:
    """What `start` / `status` found: whether the broker runs, its pid and address."""

    state: Literal["running", "stopped"]
    bootstrap: str
    pid: int | None = None
    already_running: bool = False
    message: str = ""

    @property
    def running(self) -> bool:
        return self.state == "running"

    def describe(self) -> str:
        """One line for people: state, address, pid and what happened."""
        pid = f", pid {self.pid}" if self.pid is not None else ""
        return f"{self.state}: {self.bootstrap}{pid} ({self.message})"


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


def _require_tool(name: str, hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ToolMissingError(hint)
    return path


def _pom_hash() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
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
    wanted = _pom_hash()
    with _locked(target.parent / f".{target.name}.lock"):
        if stamp.is_file() and stamp.read_text().strip() == wanted:
            return target
        mvn = _require_tool("mvn", MVN_HINT)
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


def _java_command(settings: Settings, main: str, log4j: Path, *args: str) -> list[str]:
    java = _require_tool("java", JAVA_HINT)
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


# --- process bookkeeping -----------------------------------------------------------------


def _read_pid(settings: Settings) -> int | None:
    try:
        return int(pid_file(settings).read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def _is_broker_process(pid: int) -> bool:
    """True if pid is alive and is a kafka.Kafka JVM (guards against a recycled pid)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc: trust the signal probe
    # Right after Popen returns, exec may not have set the new cmdline yet (it reads empty).
    if cmdline and BROKER_MAIN.encode() not in cmdline.split(b"\0"):
        return False
    # A zombie (exited, not yet reaped by its parent) has no live broker behind it.
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return True


def _live_pid(settings: Settings) -> int | None:
    pid = _read_pid(settings)
    if pid is not None and _is_broker_process(pid):
        return pid
    return None


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def broker_answers(bootstrap: str, timeout_s: float = 5.0) -> bool:
    """True if a metadata request to bootstrap is answered with at least one broker."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    timeout_ms = int(timeout_s * 1000)
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap,
            client_id="streams-broker-probe",
            request_timeout_ms=timeout_ms,
            bootstrap_timeout_ms=timeout_ms,
        )
    except (KafkaError, OSError, ValueError):
        return False
    try:
        return bool(admin.describe_cluster().get("brokers"))
    except (KafkaError, OSError):
        return False
    finally:
        admin.close()


# --- start / stop / status ---------------------------------------------------------------


def status(settings: Settings) -> BrokerStatus:
    """Running (pid alive and the port answers) or stopped; cleans up a stale pid file."""
    bootstrap = f"127.0.0.1:{settings.broker_port}"
    pid = _live_pid(settings)
    if pid is None:
        pid_file(settings).unlink(missing_ok=True)
        return BrokerStatus("stopped", bootstrap, message="broker is not running")
    if not _port_open(settings.broker_port):
        return BrokerStatus("stopped", bootstrap, pid, message=f"pid {pid} is up, port not yet")
    return BrokerStatus("running", bootstrap, pid, message=f"broker running (pid {pid})")


def render_config(settings: Settings) -> Path:
    """Write <broker_home>/server.properties from the template and return its path."""
    template = string.Template(SERVER_TEMPLATE.read_text())
    text = template.substitute(
        port=settings.broker_port,
        controller_port=settings.broker_controller_port,
        data_dir=data_dir(settings),
    )
    path = config_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def new_cluster_id() -> str:
    """A random Kafka cluster id (base64url of 16 bytes), like `kafka-storage random-uuid`.

    Like Kafka's own Uuid.randomUuid it never starts with "-": the storage tool's argument
    parser would read such an id as an option.
    """
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode()
        if not cluster_id.startswith("-"):
            return cluster_id


def _format_storage(settings: Settings, config: Path) -> None:
    if (data_dir(settings) / "meta.properties").is_file():
        return
    log.info("formatting broker storage in %s", data_dir(settings))
    args = ("format", "--config", str(config), "--cluster-id", new_cluster_id())
    command = _java_command(settings, STORAGE_TOOL, TOOLS_LOG4J, *args, "--ignore-formatted")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BrokerError(f"formatting the broker storage failed: {done.stderr.strip()[-2000:]}")


def _check_ports_free(settings: Settings) -> None:
    for name, port in (
        ("broker", settings.broker_port),
        ("controller", settings.broker_controller_port),
    ):
        if _port_open(port):
            raise BrokerError(
                f"{name} port {port} is in use by another process; "
                f"stop it or choose another port (STREAMS_BROKER_PORT / "
                f"STREAMS_BROKER_CONTROLLER_PORT)"
            )


def _spawn(settings: Settings, config: Path) -> int:
    logs_dir(settings).mkdir(parents=True, exist_ok=True)
    command = _java_command(settings, BROKER_MAIN, BROKER_LOG4J, str(config))
    with (logs_dir(settings) / "broker.out").open("ab") as out:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=settings.broker_home,
        )
    pid_file(settings).write_text(f"{process.pid}\n")
    return process.pid


def _log_tail(settings: Settings, lines: int = 20) -> str:
    texts = []
    for name in ("broker.out", "server.log"):
        path = logs_dir(settings) / name
        if path.is_file():
            texts.extend(path.read_text(errors="replace").splitlines()[-lines:])
    return "\n".join(texts[-lines:])


def _wait_ready(settings: Settings, pid: int, deadline: float) -> None:
    bootstrap = f"127.0.0.1:{settings.broker_port}"
    while time.monotonic() < deadline:
        if not _is_broker_process(pid):
            pid_file(settings).unlink(missing_ok=True)
            raise BrokerError(f"the broker exited during start-up:\n{_log_tail(settings)}")
        if _port_open(settings.broker_port) and broker_answers(bootstrap, timeout_s=3.0):
            return
        time.sleep(0.3)
    raise BrokerError(
        f"the broker (pid {pid}) did not answer on {bootstrap} in time; "
        f"see {logs_dir(settings)}:\n{_log_tail(settings)}"
    )


def start(settings: Settings, timeout: float = 90, reset: bool = False) -> BrokerStatus:
    """Start the local broker (formatting storage on first start) and wait until it answers.

    Already running: nothing is started and the status says so. reset=True stops a running
    broker and wipes its data and logs first.
    """
    deadline = time.monotonic() + timeout
    # One starter per broker home at a time (a demo and a test session may race).
    with _locked(settings.broker_home / ".start.lock"):
        if reset:
            wipe(settings)
        current = status(settings)
        if current.pid is not None:
            _wait_ready(settings, current.pid, deadline)
            log.info("broker already running on %s (pid %d)", current.bootstrap, current.pid)
            return BrokerStatus(
                "running",
                current.bootstrap,
                current.pid,
                already_running=True,
                message=f"broker already running (pid {current.pid})",
            )
        return _start_new(settings, deadline)


def _start_new(settings: Settings, deadline: float) -> BrokerStatus:
    bootstrap = f"127.0.0.1:{settings.broker_port}"
    _require_tool("java", JAVA_HINT)
    _check_ports_free(settings)
    ensure_jars(settings)
    config = render_config(settings)
    _format_storage(settings, config)
    began = time.monotonic()
    pid = _spawn(settings, config)
    log.info("starting Kafka broker on %s (pid %d)", bootstrap, pid)
    try:
        _wait_ready(settings, pid, deadline)
    except BrokerError:
        stop(settings, timeout=10)  # never leave a half-started JVM behind
        raise
    log.info("broker ready on %s in %.1f s", bootstrap, time.monotonic() - began)
    return BrokerStatus("running", bootstrap, pid, message=f"broker started (pid {pid})")


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        try:
            os.killpg(pid, sig)
        except PermissionError:
            os.kill(pid, sig)


def _wait_exit(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reap it if this process started it
        if not _is_broker_process(pid):
            return True
        time.sleep(0.2)
    return not _is_broker_process(pid)


def stop(settings: Settings, timeout: float = 30) -> BrokerStatus:
    """SIGTERM the broker, SIGKILL it after timeout seconds, wait for exit, drop the pid file."""
    current = status(settings)
    if current.pid is None:
        return BrokerStatus("stopped", current.bootstrap, message="broker was not running")
    pid = current.pid
    log.info("stopping Kafka broker (pid %d)", pid)
    _signal_group(pid, signal.SIGTERM)
    if not _wait_exit(pid, timeout):
        log.warning("broker did not stop within %.0f s; killing it", timeout)
        _signal_group(pid, signal.SIGKILL)
        if not _wait_exit(pid, 10):
            raise BrokerError(f"broker pid {pid} survived SIGKILL")
    pid_file(settings).unlink(missing_ok=True)
    log.info("broker stopped")
    return BrokerStatus("stopped", current.bootstrap, pid, message=f"broker stopped (pid {pid})")


def wipe(settings: Settings) -> None:
    """Stop the broker if it runs and delete its data and logs (the jar cache stays)."""
    stop(settings)
    for path in (data_dir(settings), logs_dir(settings)):
        if path.exists():
            log.info("wiping %s", path)
            shutil.rmtree(path)


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
    return _java_command(settings, CONSOLE_CONSUMER, TOOLS_LOG4J, *args)


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
