"""What the Kafka benchmarks share: a broker, settings, events built from the pages,
a fast publisher and a watch on the service's metrics."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaProducer

from bench.quality import DEFAULT_DATA, Page
from service.events import encode_event
from service.kafka import client_options, ensure_topics
from service.metrics import Metrics
from service.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
POLL_SECONDS = 0.01  # resolution of the first-consumed and last-committed times


@contextlib.contextmanager
def broker(bootstrap: str | None = None) -> Iterator[str]:
    """Bootstrap servers: ``bootstrap``, else ``KAFKA_BOOTSTRAP_SERVERS``, else a local Kafka
    started for the block (its data removed afterwards)."""
    given = bootstrap or os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if given:
        yield given
        return
    sys.path.insert(0, str(ROOT / "tools"))
    from kafka_local import LocalKafka

    with tempfile.TemporaryDirectory(prefix="pagesplit-bench-kafka-") as workdir:
        kafka = LocalKafka(Path(workdir))
        kafka.start()
        try:
            yield kafka.bootstrap
        finally:
            kafka.stop()


def bench_settings(bootstrap: str, workers: int, input_topic: str, **overrides: object) -> Settings:
    """Service settings on ``input_topic`` with output topics and a group of their own."""
    run = uuid.uuid4().hex[:8]
    given: dict[str, object] = {
        "kafka_bootstrap_servers": bootstrap,
        "input_topic": input_topic,
        "articles_topic": f"bench-articles-{run}",
        "teasers_topic": f"bench-teasers-{run}",
        "dlq_topic": f"bench-dlq-{run}",
        "group_id": f"bench-{run}",
        "http_host": "127.0.0.1",
        "http_port": 0,
        "workers": workers,
        "log_level": "WARNING",
    }
    return load_settings(**(given | overrides))


def event_value(pages: Sequence[Page], i: int, fetched_at: datetime | None = None) -> bytes:
    """Raw ``html`` event ``i``: page ``i % len(pages)`` under a URL unique to ``i``."""
    page = pages[i % len(pages)]
    sep = "&" if "?" in page.url else "?"
    return encode_event(
        f"{page.url}{sep}bench={i}",
        page.html,
        fetched_at=fetched_at or datetime.now(UTC),
        crawl_id="bench",
    )


def producer(settings: Settings) -> AIOKafkaProducer:
    """A producer for raw events: batched and zstd-compressed, as a crawler would send."""
    return AIOKafkaProducer(
        **client_options(settings),
        acks="all",
        linger_ms=20,
        compression_type="zstd",
        max_batch_size=1024 * 1024,
        max_request_size=max(settings.max_event_bytes, 4 * 1024 * 1024),
    )


async def publish(settings: Settings, values: Iterable[bytes], window: int = 200) -> int:
    """Create the topics and publish ``values`` to the input topic; return the count."""
    await ensure_topics(settings)
    sender = producer(settings)
    await sender.start()
    count = 0
    try:
        pending: list[asyncio.Future[object]] = []
        for value in values:
            pending.append(await sender.send(settings.input_topic, value))
            count += 1
            if len(pending) >= window:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await sender.stop()
    return count


def processed(metrics: Metrics) -> float:
    """Events the service has committed so far."""
    return metrics.registry.get_sample_value("pagesplit_events_processed_total") or 0.0


def consumed(metrics: Metrics) -> float:
    """Events the service has taken from Kafka so far."""
    return metrics.registry.get_sample_value("pagesplit_events_consumed_total") or 0.0


async def watch(metrics: Metrics, count: int, task: asyncio.Task[None], timeout: float) -> float:
    """Seconds from the first event consumed to the ``count``-th committed.

    Raises ``TimeoutError`` past ``timeout`` and re-raises the service's error if it stops.
    """
    deadline = time.monotonic() + timeout
    first: float | None = None
    while processed(metrics) < count:
        now = time.perf_counter()
        if first is None and consumed(metrics) > 0:
            first = now
        if task.done():
            task.result()
            raise RuntimeError("the service stopped before processing every event")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{processed(metrics):.0f} of {count} events in {timeout:.0f}s")
        await asyncio.sleep(POLL_SECONDS)
    last = time.perf_counter()
    return last - (first if first is not None else last)


def forget_signals() -> None:
    """serve() installs SIGTERM/SIGINT handlers bound to its stop event; drop them after."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.remove_signal_handler(sig)


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every Kafka benchmark takes: the pages and the broker."""
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bootstrap", default=None, help="a running broker (else a local one)")
