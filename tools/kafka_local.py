"""A local single-node Apache Kafka (KRaft) for runs and tests.

The broker's jars come from Maven Central (``tools/kafka/pom.xml``) into the
git-ignored ``.cache/kafka/libs``, fetched once and reused. Each broker gets a
fresh KRaft log directory and free loopback ports.

    python tools/kafka_local.py up      # start in the background, print bootstrap servers
    python tools/kafka_local.py down    # stop the broker started by 'up'
    python tools/kafka_local.py fetch   # only fetch the jars
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POM = ROOT / "tools" / "kafka" / "pom.xml"
LOG_CONFIG = ROOT / "tools" / "kafka" / "log4j2.yaml"
CACHE = ROOT / ".cache" / "kafka"
LIBS = CACHE / "libs"
STATE = CACHE / "up.json"
STARTED_LINE = "Kafka Server started"


class KafkaStartError(RuntimeError):
    """The broker did not start; the message ends with the tail of its log."""


def fetch() -> Path:
    """Fetch the broker's jars unless the cache already holds this pom's set."""
    stamp = LIBS / ".pom"
    if stamp.exists() and stamp.read_text() == POM.read_text():
        return LIBS
    staging = CACHE / "libs.partial"
    shutil.rmtree(staging, ignore_errors=True)
    cmd = [
        "mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    print("fetching Apache Kafka jars from Maven Central ...", file=sys.stderr)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise KafkaStartError(
            f"mvn failed ({done.returncode}):\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        )
    (staging / ".pom").write_text(POM.read_text())
    shutil.rmtree(LIBS, ignore_errors=True)
    staging.rename(LIBS)
    return LIBS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _java(*args: str, heap: str = "512m") -> list[str]:
    return [
        "java", f"-Xmx{heap}", f"-Xms{heap}", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        f"-Dlog4j2.configurationFile={LOG_CONFIG}", "-cp", f"{LIBS}/*", *args,
    ]  # fmt: skip


class LocalKafka:
    """One broker+controller on loopback, its data in ``workdir``."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = workdir
        self.port = port or _free_port()
        self.controller_port = _free_port()
        self.log_path = workdir / "broker.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _write_config(self) -> Path:
        data = self.workdir / "data"
        props = {
            "process.roles": "broker,controller",
            "node.id": "1",
            "controller.quorum.voters": f"1@127.0.0.1:{self.controller_port}",
            "listeners": f"PLAINTEXT://127.0.0.1:{self.port},CONTROLLER://127.0.0.1:{self.controller_port}",
            "advertised.listeners": f"PLAINTEXT://127.0.0.1:{self.port}",
            "controller.listener.names": "CONTROLLER",
            "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs": str(data),
            "num.partitions": "1",
            "offsets.topic.replication.factor": "1",
            "offsets.topic.num.partitions": "4",
            "transaction.state.log.replication.factor": "1",
            "transaction.state.log.min.isr": "1",
            "transaction.state.log.num.partitions": "4",
            "group.initial.rebalance.delay.ms": "0",
            "message.max.bytes": str(40 * 1024 * 1024),
            "auto.create.topics.enable": "false",
        }
        path = self.workdir / "server.properties"
        path.write_text("".join(f"{k}={v}\n" for k, v in props.items()))
        return path

    def start(self, timeout: float = 90.0) -> str:
        """Format storage, start the broker, wait until it serves; return bootstrap servers."""
        fetch()
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self._write_config()
        cluster = str(uuid.uuid4().hex[:22])
        fmt = subprocess.run(
            _java(
                "kafka.tools.StorageTool", "format", "-t", cluster, "-c", str(config), heap="256m"
            ),
            capture_output=True,
            text=True,
        )
        if fmt.returncode != 0:
            raise KafkaStartError(f"formatting KRaft storage failed:\n{fmt.stdout}{fmt.stderr}")
        with self.log_path.open("wb") as log:  # the broker keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                _java("kafka.Kafka", str(config)),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_started(0, timeout)
        except BaseException:  # also Ctrl-C: never leave a broker behind
            self.stop()
            raise
        return self.bootstrap

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no broker log)"
        tail = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return "--- broker log (tail) ---\n" + "\n".join(tail)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (a clean controlled shutdown), then SIGKILL after ``timeout``."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def kill(self) -> None:
        """SIGKILL: the broker dies without a clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def restart(self, timeout: float = 90.0) -> str:
        """Start again on the same ports and data (after ``stop`` or ``kill``)."""
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                _java("kafka.Kafka", str(self.workdir / "server.properties")),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._wait_started(self.log_path.stat().st_size, timeout)
        except BaseException:
            self.stop()
            raise
        return self.bootstrap

    def _wait_started(self, log_offset: int, timeout: float) -> None:
        """Until the log (from ``log_offset``) says started and the broker answers."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise KafkaStartError(
                    f"broker exited with {self.process.returncode}\n{self.log_tail()}"
                )
            with self.log_path.open(errors="replace") as f:
                f.seek(log_offset)
                if STARTED_LINE in f.read() and _serves(self.bootstrap):
                    return
            time.sleep(0.25)
        raise KafkaStartError(f"broker not up after {timeout:.0f}s\n{self.log_tail()}")


def _serves(bootstrap: str) -> bool:
    """Whether the broker answers a metadata request."""
    from aiokafka.admin import AIOKafkaAdminClient

    async def probe() -> bool:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
        try:
            await admin.start()
            await admin.list_topics()
            return True
        except Exception:
            return False
        finally:
            await admin.close()

    return asyncio.run(probe())


def _up() -> None:
    if STATE.exists():
        state = json.loads(STATE.read_text())
        if _alive(state["pid"]):
            print(state["bootstrap"])
            return
    workdir = Path(tempfile.mkdtemp(prefix="pagesplit-kafka-"))
    kafka = LocalKafka(workdir, port=int(os.environ.get("PAGESPLIT_LOCAL_KAFKA_PORT", "0")) or None)
    try:
        bootstrap = kafka.start()
    except KafkaStartError as exc:
        sys.exit(f"kafka_local: {exc}")
    except KeyboardInterrupt:
        sys.exit("kafka_local: interrupted; the broker was stopped")
    assert kafka.process is not None
    STATE.write_text(
        json.dumps({"pid": kafka.process.pid, "bootstrap": bootstrap, "dir": str(workdir)})
    )
    print(bootstrap)


def _down() -> None:
    if not STATE.exists():
        return
    state = json.loads(STATE.read_text())
    pid = int(state["pid"])
    if _alive(pid):
        os.kill(pid, signal.SIGTERM)
        for _ in range(120):
            if not _alive(pid):
                break
            time.sleep(0.25)
        else:
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(state["dir"], ignore_errors=True)
    STATE.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description="Local single-node Apache Kafka (KRaft).")
    parser.add_argument("command", choices=["up", "down", "fetch"])
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    if args.command == "fetch":
        print(fetch())
    elif args.command == "up":
        _up()
    else:
        _down()


if __name__ == "__main__":
    main()
