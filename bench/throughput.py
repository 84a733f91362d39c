"""Service throughput through a real Kafka broker, against the extraction-only rate.

One run publishes N raw ``html`` events built from the benchmark pages (unique
URLs) to one input topic, then, in this order and in this process:

- extraction only: ``process_event`` on the same N events, one process, no Kafka;
- the service (``service.app.serve``) with workers=1, then workers=2, each as a
  consumer group of its own reading the topic from the start;
- the ceiling: the same runner and pool with a process function that does not
  split (it passes on one record of the event's first 4 KiB), workers=1.

The service runs in-process, not as a subprocess: its metrics registry is read
directly (events consumed and events committed, polled every 10 ms), so the
rate is measured from the first event consumed to the N-th committed without
scraping HTTP, while the splitting still happens in the service's own worker
processes exactly as in production.

Usage: ``python -m bench.throughput [--events N] [--workers 1,2] [--bootstrap HOST:PORT]``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.harness import (
    add_common_arguments,
    bench_settings,
    broker,
    event_value,
    forget_signals,
    publish,
    watch,
)
from bench.quality import Page, load_pages
from service.app import serve
from service.extract import TextStats
from service.kafka import ensure_topics
from service.metrics import Metrics
from service.pipeline import Done, Output, PipelineLimits, process_event
from service.pool import SplitPool
from service.records import Source
from service.runner import Runner
from service.settings import Settings

GOAL_PER_WORKER = 0.8  # service rate over workers x extraction-only rate
CEILING_RECORD_BYTES = 4096


def pass_through(
    value: bytes | None, source: Source, limits: PipelineLimits, body: bytes | None = None
) -> Done:
    """No splitting: one record made of the event's first bytes (for the loop's ceiling)."""
    key = f"{source.partition}-{source.offset}".encode()
    body = (value or b"")[:CEILING_RECORD_BYTES]
    return Done((Output("article", key, body),), None, 0.0, TextStats(0, 0, 0))


@dataclass(slots=True)
class Throughput:
    """Events per second of each measurement over the same ``events``."""

    events: int
    extraction: float = 0.0
    """process_event alone, one process."""
    extraction_failed: int = 0
    service: dict[int, float] = field(default_factory=dict)
    """By worker count: first consumed to last committed."""
    ceiling: float = 0.0
    """The consume-produce loop without splitting, workers=1."""

    def ratio(self, workers: int) -> float:
        """Service rate over ``workers`` x the extraction-only rate."""
        return self.service[workers] / (workers * self.extraction) if self.extraction else 0.0

    def lines(self) -> list[str]:
        out = [
            f"extraction only (1 process)  {self.extraction:8.1f} events/s"
            + (f"  ({self.extraction_failed} dead letters)" if self.extraction_failed else "")
        ]
        for workers, rate in sorted(self.service.items()):
            verdict = "ok" if self.ratio(workers) >= GOAL_PER_WORKER else "below goal"
            out.append(
                f"service workers={workers}            {rate:8.1f} events/s  "
                f"ratio to {workers} x extraction {self.ratio(workers):.2f} "
                f"(goal >= {GOAL_PER_WORKER}: {verdict})"
            )
        if self.ceiling:
            out.append(f"loop without splitting (w=1)  {self.ceiling:8.1f} events/s")
        return out


def extraction_only(
    pages: Sequence[Page], count: int, topic: str, settings: Settings
) -> tuple[float, int]:
    """Events per second of ``process_event`` in this process, and how many failed."""
    limits = PipelineLimits(
        settings.max_event_bytes,
        settings.max_page_bytes,
        settings.max_page_nodes,
        settings.max_record_bytes,
    )
    process_event(event_value(pages, 0), Source(topic, 0, 0, None), limits)  # warm-up
    spent = 0.0
    failed = 0
    for i in range(count):
        value = event_value(pages, i)
        start = time.perf_counter()
        result = process_event(value, Source(topic, 0, i, None), limits)
        spent += time.perf_counter() - start
        failed += not isinstance(result, Done)
    return count / spent if spent else 0.0, failed


async def service_rate(
    bootstrap: str, topic: str, count: int, workers: int, timeout: float = 1800.0
) -> float:
    """Events per second of the real service over the first ``count`` events of ``topic``."""
    settings = bench_settings(bootstrap, workers, topic)
    await ensure_topics(settings)
    metrics = Metrics()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, stop, metrics))
    try:
        seconds = await watch(metrics, count, task, timeout)
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await task
        forget_signals()
    return count / seconds if seconds else 0.0


async def ceiling_rate(bootstrap: str, topic: str, count: int, timeout: float = 600.0) -> float:
    """Events per second of the runner and pool (workers=1) with ``pass_through``."""
    settings = bench_settings(bootstrap, 1, topic)
    await ensure_topics(settings)
    metrics = Metrics()
    stop = asyncio.Event()
    pool = SplitPool(1)
    try:
        pool.warm_up()
        runner = Runner(settings, metrics, pool, process=pass_through)
        await runner.start()
        try:
            task = asyncio.create_task(runner.run(stop))
            try:
                seconds = await watch(metrics, count, task, timeout)
            finally:
                stop.set()
                await task
        finally:
            await runner.close()
    finally:
        pool.close()
    return count / seconds if seconds else 0.0


async def measure(
    bootstrap: str,
    pages: Sequence[Page],
    count: int,
    workers: Sequence[int] = (1, 2),
    ceiling: bool = True,
) -> Throughput:
    """Publish ``count`` events, then run every measurement on them."""
    topic = f"bench-raw-{uuid.uuid4().hex[:8]}"
    settings = bench_settings(bootstrap, 1, topic)
    await publish(settings, (event_value(pages, i) for i in range(count)))
    result = Throughput(count)
    result.extraction, result.extraction_failed = extraction_only(pages, count, topic, settings)
    for w in workers:
        result.service[w] = await service_rate(bootstrap, topic, count, w)
    if ceiling:
        result.ceiling = await ceiling_rate(bootstrap, topic, count)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--workers", default="1,2", help="worker counts to run the service with")
    add_common_arguments(parser)
    args = parser.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    pages = load_pages(args.data, args.limit)
    with broker(args.bootstrap) as bootstrap:
        result = asyncio.run(measure(bootstrap, pages, args.events, workers))
    print(f"{result.events} events from {len(pages)} pages")
    print("\n".join(result.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
