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
import logging
import os
import shutil
import signal
import socket
import string
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from streams.broker_tools import (
    BROKER_LOG4J,
    BROKER_MAIN,
    JARS_ENV,
    JAVA_HINT,
    SERVER_TEMPLATE,
    STAMP_NAME,
    STORAGE_TOOL,
    TOOLS_LOG4J,
    config_file,
    console_consumer_command,
    console_tool_classpath,
    data_dir,
    ensure_jars,
    jars_dir,
    java_command,
    locked,
    logs_dir,
    pid_file,
    pom_hash,
    require_tool,
    run_console_consumer,
)
from streams.errors import BrokerError
from streams.settings import Settings

__all__ = [
    "JARS_ENV",
    "STAMP_NAME",
    "TOOLS_LOG4J",
    "BrokerStatus",
    "broker_answers",
    "config_file",
    "console_consumer_command",
    "console_tool_classpath",
    "data_dir",
    "ensure_jars",
    "jars_dir",
    "logs_dir",
    "new_cluster_id",
    "pid_file",
    "pom_hash",
    "render_config",
    "run_console_consumer",
    "start",
    "status",
    "stop",
    "wipe",
]

log = logging.getLogger(__name__)


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
    command = java_command(settings, STORAGE_TOOL, TOOLS_LOG4J, *args, "--ignore-formatted")
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
    command = java_command(settings, BROKER_MAIN, BROKER_LOG4J, str(config))
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
    with locked(settings.broker_home / ".start.lock"):
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
    require_tool("java", JAVA_HINT)
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
