"""Reading and writing test topics."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from service.kafka import client_options, ensure_topics
from service.metrics import Metrics
from service.settings import Settings


@dataclass(frozen=True)
class Sent:
    value: bytes
    partition: int
    offset: int


@dataclass(frozen=True)
class Got:
    topic: str
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]
    partition: int = 0

    def json(self) -> dict[str, object]:
        doc = orjson.loads(self.value)
        assert isinstance(doc, dict)
        return doc


async def publish(settings: Settings, values: list[bytes], partitions: int = 1) -> list[Sent]:
    await ensure_topics(settings, partitions=partitions)
    producer = AIOKafkaProducer(
        **client_options(settings), acks="all", max_request_size=40 * 1024 * 1024
    )
    await producer.start()
    try:
        out = []
        for i, value in enumerate(values):
            meta = await producer.send_and_wait(
                settings.input_topic, value, key=str(i).encode(), partition=i % partitions
            )
            out.append(Sent(value, meta.partition, meta.offset))
        return out
    finally:
        await producer.stop()


async def read_all(
    settings: Settings, topic: str, at_least: int, timeout: float = 60.0
) -> list[Got]:
    """Every message of ``topic``, waiting until there are ``at_least`` (then a little longer)."""
    consumer = AIOKafkaConsumer(
        topic,
        **client_options(settings),
        group_id=None,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await consumer.start()
    got: list[Got] = []
    deadline = time.monotonic() + timeout
    try:
        quiet_until = None
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            for messages in batch.values():
                for m in messages:
                    got.append(
                        Got(m.topic, m.key, m.value or b"", dict(m.headers or ()), m.partition)
                    )
            if len(got) >= at_least:
                quiet_until = quiet_until or time.monotonic() + 1.0
                if time.monotonic() > quiet_until:
                    break
        return got
    finally:
        await consumer.stop()


async def committed(settings: Settings, partitions: int = 1) -> dict[int, int | None]:
    """The group's committed offset of each input partition."""
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=settings.group_id)
    await consumer.start()
    try:
        return {
            p: await consumer.committed(TopicPartition(settings.input_topic, p))
            for p in range(partitions)
        }
    finally:
        await consumer.stop()


async def wait_for(predicate: object, timeout: float = 60.0) -> None:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.1)


class ServiceProcess:
    """``pagesplit run`` as a child process, as a pod would run it."""

    def __init__(self, settings: Settings, **env: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        self._env = dict(os.environ)
        self._env.update(
            {
                "PAGESPLIT_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
                "PAGESPLIT_INPUT_TOPIC": settings.input_topic,
                "PAGESPLIT_ARTICLES_TOPIC": settings.articles_topic,
                "PAGESPLIT_TEASERS_TOPIC": settings.teasers_topic,
                "PAGESPLIT_DLQ_TOPIC": settings.dlq_topic,
                "PAGESPLIT_GROUP_ID": settings.group_id,
                "PAGESPLIT_DELIVERY": settings.delivery,
                "PAGESPLIT_HTTP_PORT": str(self.port),
                "PAGESPLIT_WORKERS": "1",
                "PAGESPLIT_BATCH_MAX_EVENTS": "50",
                **env,
            }
        )
        fd, name = tempfile.mkstemp(prefix="pagesplit-", suffix=".log")
        self._log = Path(name)
        with os.fdopen(fd, "wb") as log:  # the child keeps its own descriptor
            self.process = subprocess.Popen(
                [sys.executable, "-m", "service", "run"],
                env=self._env,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,  # its own process group, like a container
            )

    async def wait_ready(self, timeout: float = 60) -> None:
        """Until /readyz answers 200: the service is in the group with partitions."""
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient() as client:
            while time.monotonic() < deadline:
                assert self.process.poll() is None, self.log()
                with contextlib.suppress(httpx.HTTPError):
                    response = await client.get(f"http://127.0.0.1:{self.port}/readyz")
                    if response.status_code == 200:
                        return
                await asyncio.sleep(0.2)
        raise TimeoutError(f"not ready in {timeout}s\n{self.log()}")

    def log(self) -> str:
        return self._log.read_text(errors="replace")[-4000:]

    def terminate(self, timeout: float = 60) -> int:
        """SIGTERM to the main process (as Kubernetes does); its exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        """SIGKILL to every process of the service, as when a container is killed."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


async def wait_committed(
    settings: Settings, minimum: int, partitions: int, timeout: float = 120
) -> int:
    """Poll the group's committed offsets until they add up to ``minimum``; return the sum."""
    deadline = time.monotonic() + timeout
    while True:
        total = sum(v or 0 for v in (await committed(settings, partitions)).values())
        if total >= minimum or time.monotonic() > deadline:
            return total
        await asyncio.sleep(0.2)


async def run_until(
    settings: Settings, metrics: Metrics, processed: int, timeout: float = 120
) -> None:
    """Run the service in this process until ``processed`` events are committed, then stop it."""
    from service.app import serve

    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop, metrics))

    def done() -> bool:
        if task.done():
            task.result()  # the service ended early: raise its error
        value = metrics.registry.get_sample_value("pagesplit_events_processed_total") or 0
        return value >= processed

    try:
        await wait_for(done, timeout=timeout)
    finally:
        stop.set()
        await task
